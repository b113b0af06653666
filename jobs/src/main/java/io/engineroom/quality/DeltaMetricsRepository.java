package io.engineroom.quality;

import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.AnalysisResultSerde;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.memory.InMemoryMetricsRepository;
import io.engineroom.warehouse.DeltaTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Deequ's metrics repository kept in a Delta table ({@code ops.dq_metrics_repository}): one row per
 * dataset and night with Deequ's own JSON of the analysis. Loaded into memory at the start of a
 * run so anomaly detection sees earlier nights; what a run adds is written back with {@link #flush}.
 * Package-private: only the quality gate uses it, through the facade.
 */
final class DeltaMetricsRepository extends InMemoryMetricsRepository {
  static final String TABLE = "dq_metrics_repository";
  private static final StructType SCHEMA = StructType.fromDDL(
      "dataset string, weekday string, dataset_date_millis bigint, analysis_json string");
  private final transient SparkSession spark;
  private final String path;
  private final transient List<Row> pending = new ArrayList<>();
  private boolean loading;

  DeltaMetricsRepository(SparkSession spark, String path) {
    this.spark = spark;
    this.path = path;
    if (DeltaTables.exists(spark, path)) {
      loading = true;
      for (Row r : DeltaTables.read(spark, path).collectAsList()) {
        for (AnalysisResult a : JavaConverters.seqAsJavaListConverter(
            AnalysisResultSerde.deserialize(r.getString(3))).asJava()) {
          super.save(a.resultKey(), a.analyzerContext());
        }
      }
      loading = false;
    }
  }

  @Override
  public void save(ResultKey key, AnalyzerContext context) {
    super.save(key, context);
    if (!loading) {
      // Like Deequ's own repositories: only successful metrics are kept (failed ones cannot be serialized).
      java.util.Map<com.amazon.deequ.analyzers.Analyzer<?, com.amazon.deequ.metrics.Metric<?>>,
          com.amazon.deequ.metrics.Metric<?>> ok = new java.util.LinkedHashMap<>();
      JavaConverters.mapAsJavaMapConverter(context.metricMap()).asJava().forEach((analyzer, metric) -> {
        if (metric.value().isSuccess()) {
          ok.put(analyzer, metric);
        }
      });
      AnalyzerContext successes = new AnalyzerContext(
          JavaConverters.mapAsScalaMapConverter(ok).asScala().toMap(scala.Predef.$conforms()));
      List<AnalysisResult> one = List.of(new AnalysisResult(key, successes));
      String json = AnalysisResultSerde.serialize(JavaConverters.asScalaBufferConverter(one).asScala().toSeq());
      pending.add(RowFactory.create(key.tags().apply("dataset"), key.tags().apply("weekday"), key.dataSetDate(),
          json));
    }
  }

  /** Whether an earlier night of the same weekday was stored for the dataset. */
  boolean hasHistory(String dataset, String weekday, long before) {
    return DeltaTables.exists(spark, path) && !DeltaTables.read(spark, path)
        .where(org.apache.spark.sql.functions.col("dataset").equalTo(dataset)
            .and(org.apache.spark.sql.functions.col("weekday").equalTo(weekday))
            .and(org.apache.spark.sql.functions.col("dataset_date_millis").lt(before)))
        .isEmpty();
  }

  /** Writes what this run saved; the same night again replaces its earlier row. */
  void flush() {
    if (!pending.isEmpty()) {
      DeltaTables.upsert(spark, spark.createDataFrame(new ArrayList<>(pending), SCHEMA), path,
          List.of("dataset", "dataset_date_millis"));
      pending.clear();
    }
  }
}

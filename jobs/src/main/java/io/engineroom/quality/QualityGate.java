package io.engineroom.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Runs the declared Deequ checks on each silver table's rows of the night, stores check results in
 * {@code ops.dq_check_results} and metrics in {@code ops.dq_metrics} (and Deequ's repository), and
 * fails the night when an error-level check fails. Warnings, the volume anomaly among them, are
 * recorded and reported but do not stop the night.
 */
public final class QualityGate {
  public static final String CHECK_RESULTS = "dq_check_results";
  public static final String METRICS = "dq_metrics";
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final List<QualityDataset> datasets;
  private final Consumer<String> progress;

  public QualityGate(SparkSession spark, Warehouse warehouse, List<QualityDataset> datasets,
      Consumer<String> progress) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.datasets = datasets;
    this.progress = progress;
  }

  public QualityReport run(LocalDate delivery, String runId) {
    QualityReport report = new QualityReport();
    DeltaMetricsRepository repository = new DeltaMetricsRepository(spark,
        warehouse.path(Layer.OPS, DeltaMetricsRepository.TABLE));
    long datasetDate = delivery.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    // Every table's results are written in one commit per results table after the checks: a MERGE
    // costs seconds of fixed overhead whatever its size.
    List<Row> allChecks = new java.util.ArrayList<>();
    List<Row> allMetrics = new java.util.ArrayList<>();
    org.apache.spark.sql.types.StructType checksSchema = null;
    org.apache.spark.sql.types.StructType metricsSchema = null;
    for (QualityDataset dataset : datasets) {
      String path = warehouse.path(Layer.SILVER, dataset.table());
      if (!DeltaTables.exists(spark, path)) {
        continue;
      }
      progress.accept("quality " + delivery + ": Deequ checks on silver." + dataset.table());
      Dataset<Row> rows = prepare(DeltaTables.read(spark, path)
          .where(col("_delivery_date").equalTo(lit(Date.valueOf(delivery)))), dataset).cache();
      try {
        if (rows.isEmpty()) {
          continue; // nothing of this kind arrived tonight (a process log has no desktop data)
        }
        String weekday = delivery.getDayOfWeek().name();
        DeequFacade.Results results = DeequFacade.verify(spark, rows, dataset, dataset.checks(), datasetDate,
            weekday, repository.hasHistory(dataset.name(), weekday, datasetDate), repository);
        Dataset<Row> checks = results.checks().select(
            lit(Date.valueOf(delivery)).as("delivery_date"), lit(runId).as("run_id"), lit(dataset.name()).as("dataset"),
            col("check_level"), col("constraint"), col("constraint_status"), col("constraint_message"));
        List<Row> collected = checks.collectAsList();
        for (Row r : collected) {
          boolean passed = "Success".equals(r.getString(5));
          boolean anomaly = r.getString(4).contains("AnomalyConstraint");
          report.add(dataset.name(), r.getString(3), r.getString(4), passed, r.getString(6), anomaly);
        }
        allChecks.addAll(collected);
        checksSchema = checks.schema();
        Dataset<Row> metrics = results.metrics().select(
            lit(Date.valueOf(delivery)).as("delivery_date"), lit(dataset.name()).as("dataset"), col("entity"),
            col("instance"), col("name"), col("value"));
        allMetrics.addAll(metrics.collectAsList());
        metricsSchema = metrics.schema();
      } finally {
        rows.unpersist();
      }
    }
    if (!allChecks.isEmpty()) {
      DeltaTables.upsert(spark, spark.createDataFrame(allChecks, checksSchema),
          warehouse.path(Layer.OPS, CHECK_RESULTS), List.of("delivery_date", "dataset", "constraint"));
    }
    if (!allMetrics.isEmpty()) {
      DeltaTables.upsert(spark, spark.createDataFrame(allMetrics, metricsSchema), warehouse.path(Layer.OPS, METRICS),
          List.of("delivery_date", "dataset", "entity", "instance", "name"));
    }
    repository.flush();
    List<QualityReport.Result> failed = report.failedErrors();
    if (!failed.isEmpty()) {
      throw new QualityGateException("Data-quality checks failed for " + delivery + ": " + failed.stream()
          .map(r -> r.dataset() + " " + r.constraint() + " (" + r.message() + ")").collect(Collectors.joining("; "))
          + ". Nothing was published. See ops.dq_check_results; fix the data or the check in "
          + "conf/quality-checks.yaml, then re-run the night.");
    }
    return report;
  }

  /** Adds helper columns for checks Deequ cannot express on the raw rows. */
  private Dataset<Row> prepare(Dataset<Row> rows, QualityDataset dataset) {
    for (QualityCheck c : dataset.checks()) {
      if (c.type().equals("references")) {
        String refPath = warehouse.path(Layer.SILVER, c.refTable());
        Dataset<Row> keys = DeltaTables.exists(spark, refPath)
            ? DeltaTables.read(spark, refPath).select(col(c.refKey()).as("__ref_key")).distinct()
            : spark.emptyDataFrame().withColumn("__ref_key", lit(null).cast("string"));
        rows = rows.join(keys.withColumn(referenceColumn(c), lit(true)),
            rows.col(c.column()).equalTo(keys.col("__ref_key")), "left")
            .drop("__ref_key")
            .withColumn(referenceColumn(c), functions.coalesce(col(referenceColumn(c)), lit(false)));
      } else if (c.type().equals("freshness")) {
        rows = rows.withColumn(epochColumn(c), functions.unix_timestamp(col(c.column())).cast("double"));
      }
    }
    return rows;
  }

  static String referenceColumn(QualityCheck c) {
    return "__in_" + c.refTable() + "_" + c.column();
  }

  static String epochColumn(QualityCheck c) {
    return "__epoch_" + c.column();
  }

}

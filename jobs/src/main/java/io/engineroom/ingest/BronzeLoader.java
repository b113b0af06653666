package io.engineroom.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import io.engineroom.ingest.readers.RawRecord;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Lands raw records in {@code bronze.<source>}: every field as text plus where it came from. A file
 * whose bytes were loaded before (the same delivery again, or a re-sent copy) is skipped, so
 * re-running a night adds nothing. Files are parsed inside Spark tasks, so parsing scales out.
 */
public final class BronzeLoader {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final LandingLayout landing;

  public BronzeLoader(SparkSession spark, Warehouse warehouse, LandingLayout landing) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.landing = landing;
  }

  /** Loads the given files of a source; returns what was new and what was already there. */
  public BronzeResult load(LandingSource source, List<String> files, LocalDate delivery, String runId) {
    BronzeResult result = new BronzeResult(source);
    if (files.isEmpty()) {
      return result;
    }
    String path = warehouse.path(Layer.BRONZE, source.tableName());
    Dataset<Row> candidates = spark.read().format("binaryFile").load(files.toArray(new String[0]))
        .select(col("path"), col("content"), sha2(col("content"), 256).as("sha"));
    Set<String> known = new TreeSet<>();
    if (DeltaTables.exists(spark, path)) {
      Dataset<Row> loaded = DeltaTables.read(spark, path);
      if (source.isDailySnapshot()) {
        loaded = loaded.where(col("_delivery_date").equalTo(org.apache.spark.sql.functions.lit(Date.valueOf(delivery))));
      }
      loaded.select("_file_sha256").distinct().collectAsList().forEach(r -> known.add(r.getString(0)));
    }
    List<Row> shas = candidates.select("path", "sha").collectAsList();
    Set<String> newShas = new TreeSet<>();
    java.util.HashMap<String, String> relativeByPath = new java.util.HashMap<>();
    for (Row r : shas) {
      String relative = landing.relative(r.getString(0));
      relativeByPath.put(r.getString(0), relative);
      if (known.contains(r.getString(1)) || !newShas.add(r.getString(1))) {
        result.skippedFiles.add(relative);
      } else {
        result.newFiles.add(relative);
      }
    }
    if (result.newFiles.isEmpty()) {
      return result;
    }
    StructType schema = schema(source);
    Dataset<Row> fresh = candidates.where(col("sha").isin(newShas.toArray()));
    // Keep the first path per sha so a copy inside one delivery is loaded once.
    fresh = fresh.dropDuplicates("sha");
    Dataset<Row> records = fresh.flatMap(new ParseFile(source, relativeByPath, Date.valueOf(delivery), runId),
        Encoders.row(schema));
    DeltaTables.append(records, path);
    return result;
  }

  static StructType schema(LandingSource source) {
    List<StructField> fields = new ArrayList<>();
    for (String f : source.fields()) {
      fields.add(DataTypes.createStructField(f, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField("_position", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_ordinal", DataTypes.LongType, false));
    fields.add(DataTypes.createStructField("_read_error", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("_read_error_detail", DataTypes.StringType, true));
    fields.add(DataTypes.createStructField("_source_file", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_file_sha256", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("_delivery_date", DataTypes.DateType, false));
    fields.add(DataTypes.createStructField("_run_id", DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  /** Parses one landing file into bronze rows; runs on the executors. */
  private static final class ParseFile implements FlatMapFunction<Row, Row> {
    private final LandingSource source;
    private final java.util.HashMap<String, String> relativeByPath;
    private final Date delivery;
    private final String runId;

    ParseFile(LandingSource source, java.util.HashMap<String, String> relativeByPath, Date delivery, String runId) {
      this.source = source;
      this.relativeByPath = relativeByPath;
      this.delivery = delivery;
      this.runId = runId;
    }

    @Override
    public Iterator<Row> call(Row file) {
      String path = file.getString(0);
      String relative = relativeByPath.getOrDefault(path, path);
      String sha = file.getString(2);
      List<Row> rows = new ArrayList<>();
      Readers.forFile(source, path).read(path, (byte[]) file.get(1), record -> rows.add(toRow(record, relative, sha,
          rows.size())));
      return rows.iterator();
    }

    private Row toRow(RawRecord record, String relative, String sha, long ordinal) {
      Object[] values = new Object[source.fields().size() + 8];
      int i = 0;
      for (String f : source.fields()) {
        values[i++] = record.fields().get(f);
      }
      values[i++] = record.position();
      values[i++] = ordinal;
      values[i++] = record.reason();
      values[i++] = record.detail();
      values[i++] = relative;
      values[i++] = sha;
      values[i++] = delivery;
      values[i] = runId;
      return RowFactory.create(values);
    }
  }
}

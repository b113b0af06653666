package io.engineroom.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engineroom.quality.ReasonCodes;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * {@code ops.quarantine}: every row that could not be used, with its file, position, reason code,
 * an explanation and the raw fields a person needs to fix it (never titles, URLs, names or free-form
 * attributes: {@link LandingSource#FREE_TEXT_FIELDS}). Keyed by file content, position and
 * reason, so re-running a night adds nothing.
 */
public final class Quarantine {
  public static final String TABLE = "quarantine";
  private static final List<String> KEY = List.of("source", "file_sha256", "position", "reason");
  private final SparkSession spark;
  private final Warehouse warehouse;

  public Quarantine(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /**
   * Writes rows of a checked frame whose reason column is one of the quarantine reasons.
   * Returns the count per reason for this delivery's report.
   */
  public Map<String, Long> write(LandingSource source, Dataset<Row> checked, String reasonColumn, String runId) {
    return write(source, checked, reasonColumn, explanation(col(reasonColumn)), runId);
  }

  private Map<String, Long> write(LandingSource source, Dataset<Row> checked, String reasonColumn, Column detail,
      String runId) {
    Dataset<Row> bad = checked.where(col(reasonColumn).isNotNull().and(col(reasonColumn).notEqual("REDELIVERED")));
    List<Column> raw = new ArrayList<>();
    for (String f : source.fields()) {
      if (!LandingSource.FREE_TEXT_FIELDS.contains(f)) {
        raw.add(col(f));
      }
    }
    Dataset<Row> rows = bad.select(
        lit(source.tableName()).as("source"),
        col("_source_file").as("source_file"),
        col("_position").as("position"),
        col(reasonColumn).as("reason"),
        detail.as("detail"),
        functions.to_json(functions.struct(raw.toArray(new Column[0]))).as("raw_record"),
        col("_delivery_date").as("delivery_date"),
        lit(runId).as("run_id"),
        col("_file_sha256").as("file_sha256"));
    rows = rows.dropDuplicates(KEY.toArray(new String[0]));
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (Row r : rows.groupBy("reason").count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    // A clean night still leaves the table in place (empty), so readers and dashboards can rely on it.
    if (!counts.isEmpty() || !DeltaTables.exists(spark, warehouse.path(Layer.OPS, TABLE))) {
      DeltaTables.insertNew(spark, rows, warehouse.path(Layer.OPS, TABLE), KEY);
    }
    return counts;
  }

  /** Rows the reader could not read at all (cut-off files, broken JSON, missing columns). */
  public Map<String, Long> writeReadErrors(LandingSource source, Dataset<Row> bronzeBatch, String runId) {
    Dataset<Row> errors = bronzeBatch.where(col("_read_error").isNotNull());
    return write(source, errors, "_read_error",
        functions.coalesce(col("_read_error_detail"), explanation(col("_read_error"))), runId);
  }

  private static Column explanation(Column reason) {
    List<Column> kv = new ArrayList<>();
    ReasonCodes.EXPLANATIONS.forEach((code, text) -> {
      kv.add(lit(code));
      kv.add(lit(text));
    });
    return functions.element_at(functions.map(kv.toArray(new Column[0])), reason);
  }
}

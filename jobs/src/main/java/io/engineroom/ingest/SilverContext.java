package io.engineroom.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What every silver step needs for one night: the session, the tables, the night's parameters. */
final class SilverContext {
  final SparkSession spark;
  final Warehouse warehouse;
  final Quarantine quarantine;
  final LocalDate delivery;
  final String runId;
  final Map<String, String> params = new HashMap<>();
  /** Per source, the version of each file now in the landing ({@link BronzeResult#currentVersions}). */
  final Map<LandingSource, Map<String, String>> currentVersions = new java.util.EnumMap<>(LandingSource.class);

  /** The delivery dates this batch holds: one on a normal night, many in a catch-up run. */
  final java.util.Set<LocalDate> deliveries;

  SilverContext(SparkSession spark, Warehouse warehouse, LocalDate delivery, java.util.Set<LocalDate> deliveries,
      String runId) {
    this.deliveries = java.util.Set.copyOf(deliveries);
    this.spark = spark;
    this.warehouse = warehouse;
    this.quarantine = new Quarantine(spark, warehouse);
    this.delivery = delivery;
    this.runId = runId;
    params.put("delivery_date", delivery.toString());
    // End of the delivery day anywhere on earth (UTC-12), so no honest event of that day is "future".
    // A time names an instant only with its offset: HH:MM[:SS[.fff]] then Z or +hh[:mm] (CONTRACTS.md).
    params.put("utc_offset_pattern", "[0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)? *(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$");
    params.put("delivery_end_utc", delivery.plusDays(1).atStartOfDay().plusHours(12).toString().replace('T', ' '));
  }

  String silver(String table) {
    return warehouse.path(Layer.SILVER, table);
  }

  Dataset<Row> readSilver(String table) {
    return DeltaTables.read(spark, silver(table));
  }

  boolean silverExists(String table) {
    return DeltaTables.exists(spark, silver(table));
  }

  /** This night's bronze rows of a source. */
  Dataset<Row> bronzeBatch(LandingSource source) {
    String path = warehouse.path(Layer.BRONZE, source.tableName());
    if (!DeltaTables.exists(spark, path)) {
      return spark.createDataFrame(java.util.List.of(), BronzeLoader.schema(source));
    }
    return DeltaTables.read(spark, path).where(isThisBatch()).where(isCurrentVersion(source));
  }

  /**
   * Where a landing file was re-delivered under the same name with other bytes (a corrected file
   * after a rejected night), only the version now in the landing counts; files no longer in the
   * landing keep what bronze holds of them.
   */
  org.apache.spark.sql.Column isCurrentVersion(LandingSource source) {
    java.util.Map<String, String> current = currentVersions.getOrDefault(source, java.util.Map.of());
    if (current.isEmpty()) {
      return lit(true);
    }
    java.util.List<org.apache.spark.sql.Column> pairs = new java.util.ArrayList<>();
    current.forEach((file, sha) -> {
      pairs.add(lit(file));
      pairs.add(lit(sha));
    });
    org.apache.spark.sql.Column expected = org.apache.spark.sql.functions.element_at(
        org.apache.spark.sql.functions.map(pairs.toArray(new org.apache.spark.sql.Column[0])), col("_source_file"));
    return expected.isNull().or(expected.equalTo(col("_file_sha256")));
  }

  /** Bronze rows of this batch's delivery dates. */
  org.apache.spark.sql.Column isThisBatch() {
    return col("_delivery_date").isin(deliveries.stream().map(java.sql.Date::valueOf).toArray());
  }

  /**
   * Opens tonight's bronze rows of a source for a silver step: cached, counted into the report,
   * rows the reader could not read sent to quarantine, and registered as the view {@code bronze_batch}.
   * The caller unpersists it.
   */
  Dataset<Row> openBatch(LandingSource source, SourceReport report) {
    Dataset<Row> batch = bronzeBatch(source).cache();
    report.rowsRead += batch.count();
    report.addQuarantined(quarantine.writeReadErrors(source, batch, runId));
    view("bronze_batch", batch);
    return batch;
  }

  /** All bronze rows of a source, every night. */
  Dataset<Row> bronzeAll(LandingSource source) {
    String path = warehouse.path(Layer.BRONZE, source.tableName());
    if (!DeltaTables.exists(spark, path)) {
      return spark.createDataFrame(java.util.List.of(), BronzeLoader.schema(source));
    }
    return DeltaTables.read(spark, path).where(isCurrentVersion(source));
  }

  Dataset<Row> sql(String script) {
    return spark.sql(SqlScript.load(script, params));
  }

  void view(String name, Dataset<Row> rows) {
    rows.createOrReplaceTempView(name);
  }
}

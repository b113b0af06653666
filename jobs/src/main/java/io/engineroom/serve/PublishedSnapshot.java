package io.engineroom.serve;

import io.engineroom.run.GoldPublisher;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps the endpoint's {@code gold} schema on the latest publication: every gold name is a view
 * pinned to the Delta version that {@code ops.publications} recorded for it. A night that is still
 * writing its gold tables changes nothing readers see; its publication commit moves every view to
 * the new versions at once, and a table that night did not publish never appears.
 */
final class PublishedSnapshot {
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final PinnedViews pinned;
  private String servedRunId;

  PublishedSnapshot(SparkSession spark, Warehouse warehouse, PinnedViews pinned) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.pinned = pinned;
  }

  /** The run id whose tables the gold views show, or null before the first publication. */
  synchronized String servedRunId() {
    return servedRunId;
  }

  /**
   * Moves the gold views to the latest publication if it is newer than the one served.
   *
   * @return true when the views moved
   */
  synchronized boolean refresh() {
    Latest latest = latestPublication();
    if (latest == null || Objects.equals(latest.runId, servedRunId)) {
      return false;
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS " + Layer.GOLD.schema());
    for (Map.Entry<String, Long> table : latest.versions.entrySet()) {
      String name = Layer.GOLD.schema() + "." + table.getKey();
      String definition = "SELECT * FROM delta.`" + warehouse.path(Layer.GOLD, table.getKey()).replace("`", "``")
          + "` VERSION AS OF " + table.getValue();
      pinned.define(name, definition); // before the view exists, so no reader finds it unrecognised
      spark.sql("CREATE OR REPLACE VIEW " + name + " AS " + definition);
    }
    servedRunId = latest.runId;
    return true;
  }

  private Latest latestPublication() {
    String publications = warehouse.path(Layer.OPS, GoldPublisher.PUBLICATIONS);
    if (!DeltaTables.exists(spark, publications)) {
      return null;
    }
    // One publication is one append: its rows share run_id and published_at.
    List<Row> rows = spark.sql("SELECT run_id, table_name, delta_version FROM delta.`" + publications
        + "` WHERE published_at = (SELECT max(published_at) FROM delta.`" + publications + "`) ORDER BY table_name")
        .collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    rows.forEach(row -> versions.put(row.getString(1), row.getLong(2)));
    return new Latest(rows.get(0).getString(0), versions);
  }

  private static final class Latest {
    final String runId;
    final Map<String, Long> versions;

    Latest(String runId, Map<String, Long> versions) {
      this.runId = runId;
      this.versions = versions;
    }
  }
}

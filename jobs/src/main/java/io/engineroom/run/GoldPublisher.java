package io.engineroom.run;

import io.engineroom.config.ConfigKeys;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TaskGraph;
import io.engineroom.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Moves a run's staged gold tables into {@code gold/}, each table in one Delta commit, then records
 * the published versions of all tables in {@code ops.publications} in one more commit. A reader
 * that wants every table from the same night reads the versions of the latest publication; until
 * that commit, the previous night's versions are the published ones.
 */
public final class GoldPublisher {
  public static final String PUBLICATIONS = "publications";
  private static final StructType SCHEMA = StructType.fromDDL(
      "run_id string, delivery_date date, table_name string, delta_version bigint, row_count bigint, "
          + "published_at timestamp");

  private final SparkSession spark;
  private final Warehouse warehouse;

  public GoldPublisher(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public StageOutcome publish(RunContext ctx) {
    StageOutcome outcome = new StageOutcome();
    Timestamp now = Timestamp.from(Instant.now());
    Map<String, DeltaTables.Commit> commits = new ConcurrentHashMap<>();
    List<String> tables = List.copyOf(ctx.stagedTables.keySet());
    // Each table is its own commit, so they may be copied side by side; readers keep the previous
    // night's versions until the publication below names the new ones.
    TaskGraph.run(ctx.config.getInt(ConfigKeys.SPARK_THREADS), "engineroom-publish", tables,
        table -> commits.put(table, DeltaTables.overwriteCounting(spark,
            DeltaTables.read(spark, ctx.stagedTables.get(table)), warehouse.path(Layer.GOLD, table))));
    List<Row> published = new ArrayList<>();
    for (String table : tables) {
      DeltaTables.Commit commit = commits.get(table);
      long rows = commit.rowsWritten();
      published.add(RowFactory.create(ctx.runId, java.sql.Date.valueOf(ctx.delivery), table, commit.version(), rows,
          now));
      outcome.table("gold." + table, rows, rows, 0);
    }
    DeltaTables.append(spark.createDataFrame(published, SCHEMA), warehouse.path(Layer.OPS, PUBLICATIONS));
    outcome.headline = "published " + published.size() + " gold tables";
    return outcome;
  }

  /**
   * Records the current version of every gold table as a publication, with the delivery date of the
   * latest one. After a history-free rewrite the versions readers were pinned to no longer exist;
   * this moves them to the rewritten tables, which hold the same rows.
   */
  public void repin(String runId, LocalDate delivery) {
    List<Row> published = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (String table : warehouse.tables(spark, Layer.GOLD)) {
      String path = warehouse.path(Layer.GOLD, table);
      published.add(RowFactory.create(runId, java.sql.Date.valueOf(delivery), table, DeltaTables.version(spark, path),
          DeltaTables.read(spark, path).count(), now));
    }
    DeltaTables.append(spark.createDataFrame(published, SCHEMA), warehouse.path(Layer.OPS, PUBLICATIONS));
  }
}

package io.engineroom.ingest;

import io.delta.tables.DeltaTable;
import io.engineroom.warehouse.DeltaTables;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * {@code silver.activity_events} (each desktop event once, even when exports overlap) and
 * {@code silver.active_intervals} (window time inside not-afk time), rebuilt for the local dates a
 * delivery touched.
 */
final class ActivitySilver {
  static final String EVENTS = "activity_events";
  static final String ACTIVE = "active_intervals";

  private ActivitySilver() {}

  static void build(SilverContext ctx, SourceReport report) {
    Dataset<Row> batch = ctx.openBatch(LandingSource.ACTIVITY, report);
    try {
      Dataset<Row> checked = ctx.sql("activity_checked").localCheckpoint();
      ctx.view("activity_checked", checked);
      report.addQuarantined(ctx.quarantine.write(LandingSource.ACTIVITY, checked, "_reason", ctx.runId));
      Dataset<Row> good = ctx.sql("activity_events").localCheckpoint();
      long n = good.count();
      report.rowsToSilver += n;
      // Good events that repeat one already kept (same host, bucket and start: overlapping exports,
      // heartbeat-extended events): counted once, and counted here so none disappears unexplained.
      report.redelivered += checked.where("_reason is null").count() - n;
      if (n > 0 || !ctx.silverExists(EVENTS)) {
        merge(ctx, good);
        rebuildActiveIntervals(ctx, good);
      }
      good.unpersist();
      checked.unpersist();
    } finally {
      batch.unpersist();
    }
  }

  /** Overlapping exports repeat events; an event seen again with a longer duration grew by heartbeats. */
  private static void merge(SilverContext ctx, Dataset<Row> good) {
    String path = ctx.silver(EVENTS);
    if (!DeltaTables.exists(ctx.spark, path)) {
      good.write().format("delta").partitionBy("local_date").save(path);
      return;
    }
    DeltaTable.forPath(ctx.spark, path).as("t")
        .merge(good.as("s"), "t.hostname = s.hostname and t.bucket_type = s.bucket_type and t.start_ts = s.start_ts")
        .whenMatched("s.duration_seconds > t.duration_seconds").updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  private static void rebuildActiveIntervals(SilverContext ctx, Dataset<Row> good) {
    List<String> dates = good.select("local_date").distinct().collectAsList().stream()
        .map(r -> r.getDate(0).toString()).sorted().collect(Collectors.toList());
    ctx.view("affected_dates", good.select("local_date").distinct());
    ctx.view(EVENTS, ctx.readSilver(EVENTS));
    Dataset<Row> active = ctx.sql("active_intervals");
    String path = ctx.silver(ACTIVE);
    if (!DeltaTables.exists(ctx.spark, path)) {
      active.write().format("delta").partitionBy("local_date").save(path);
      return;
    }
    if (dates.isEmpty()) {
      return;
    }
    String predicate = "local_date IN (" + dates.stream().map(d -> "'" + d + "'").collect(Collectors.joining(", "))
        + ")";
    // One commit replaces exactly those dates: readers see the old or the new day, never half.
    // mergeSchema: tables from before last_delivery_date gain the column (null on dates not rebuilt since).
    active.write().format("delta").mode(SaveMode.Overwrite).option("replaceWhere", predicate)
        .option("mergeSchema", "true").save(path);
  }
}

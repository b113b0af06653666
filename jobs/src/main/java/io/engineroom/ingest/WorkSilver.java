package io.engineroom.ingest;

import io.engineroom.warehouse.DeltaTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code silver.work_events} (each event once, by source system and event id) and
 * {@code silver.work_items} (items rebuilt from all their events whenever a delivery touches them,
 * so late events update the earlier day).
 */
final class WorkSilver {
  static final String EVENTS = "work_events";
  static final String ITEMS = "work_items";
  private static final String EVENTS_SCHEMA = "source_system string, event_id string, _content_hash string, "
      + "_source_file string";

  private WorkSilver() {}

  static void build(SilverContext ctx, SourceReport report) {
    Dataset<Row> batch = ctx.openBatch(LandingSource.WORK_EVENTS, report);
    try {
      ctx.view("existing_events", DeltaTables.readOrEmpty(ctx.spark, ctx.silver(EVENTS), EVENTS_SCHEMA)
          .select("source_system", "event_id", "_content_hash", "_source_file"));
      // Checkpointed, not cached: Delta re-computes cached plans that read a table it writes, and
      // after the insert below these rows would all look "already loaded".
      Dataset<Row> checked = ctx.sql("work_events_checked").localCheckpoint();
      ctx.view("work_events_checked", checked);
      report.addQuarantined(ctx.quarantine.write(LandingSource.WORK_EVENTS, checked, "_reason", ctx.runId));
      report.redelivered += checked.where("_reason = 'REDELIVERED'").count();
      Dataset<Row> good = ctx.sql("work_events").localCheckpoint();
      report.rowsToSilver += good.count();
      report.unattributed += good.where("worker_id is null and not is_automated").count();
      DeltaTables.insertNew(ctx.spark, good, ctx.silver(EVENTS), List.of("source_system", "event_id"));
      rebuildItems(ctx, good.select("source_system", "work_item_id").distinct());
      good.unpersist();
      checked.unpersist();
    } finally {
      batch.unpersist();
    }
  }

  private static void rebuildItems(SilverContext ctx, Dataset<Row> affected) {
    if (!ctx.silverExists(EVENTS)) {
      return;
    }
    ctx.view("affected_items", affected);
    ctx.view(EVENTS, ctx.readSilver(EVENTS));
    Dataset<Row> items = ctx.sql("work_items");
    DeltaTables.upsert(ctx.spark, items, ctx.silver(ITEMS), List.of("source_system", "work_item_id"));
  }
}

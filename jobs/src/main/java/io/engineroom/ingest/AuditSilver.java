package io.engineroom.ingest;

import io.engineroom.warehouse.DeltaTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code silver.audits}: each audit once, joined to the work item it judges. */
final class AuditSilver {
  static final String AUDITS = "audits";

  private AuditSilver() {}

  static void build(SilverContext ctx, SourceReport report) {
    Dataset<Row> batch = ctx.openBatch(LandingSource.AUDITS, report);
    try {
      if (batch.isEmpty() && ctx.silverExists(AUDITS)) {
        return;
      }
      Dataset<Row> items = DeltaTables.readOrEmpty(ctx.spark, ctx.silver(WorkSilver.ITEMS),
          "source_system string, work_item_id string, task_type string, worker_id string, local_date date");
      ctx.view(WorkSilver.ITEMS, items);
      ctx.view("known_items", items.select("work_item_id"));
      Dataset<Row> checked = ctx.sql("audits_checked").localCheckpoint();
      ctx.view("audits_checked", checked);
      report.addQuarantined(ctx.quarantine.write(LandingSource.AUDITS, checked, "_reason", ctx.runId));
      report.redelivered += checked.where("_reason = 'REDELIVERED'").count();
      Dataset<Row> good = ctx.sql("audits");
      report.rowsToSilver += good.count();
      DeltaTables.upsert(ctx.spark, good, ctx.silver(AUDITS), List.of("audit_id"));
      checked.unpersist();
    } finally {
      batch.unpersist();
    }
  }
}

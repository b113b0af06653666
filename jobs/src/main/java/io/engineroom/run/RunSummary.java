package io.engineroom.run;

import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.SourceReport;

/** Plain-text summaries a manager can read at the end of a run. */
public final class RunSummary {
  private RunSummary() {}

  /** The end-of-night summary: what ran, what came in, what was kept out, what the day looked like. */
  public static String night(RunContext ctx, java.util.List<NightlyRun.StageReport> reports, double seconds,
      java.util.List<Stage> stages) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nNight of %s finished in %.0f s (run %s)%n", ctx.delivery, seconds, ctx.runId));
    for (NightlyRun.StageReport r : reports) {
      sb.append(String.format("  %-8s %s  (%.1f s)%n", r.stage(), r.headline(), r.millis() / 1000.0));
    }
    for (Stage stage : stages) {
      if (stage instanceof IngestStage && ((IngestStage) stage).report() != null) {
        sb.append(ingestTable(((IngestStage) stage).report()));
      }
    }
    sb.append(dayInNumbers(ctx));
    return sb.toString();
  }

  /** A few plain numbers about the delivery day from the published worker-day mart. */
  static String dayInNumbers(RunContext ctx) {
    String path = ctx.warehouse.path(io.engineroom.warehouse.Layer.GOLD, "fct_worker_day");
    if (!io.engineroom.warehouse.DeltaTables.exists(ctx.spark, path)) {
      return "";
    }
    org.apache.spark.sql.Row r = io.engineroom.warehouse.DeltaTables.read(ctx.spark, path)
        .where(org.apache.spark.sql.functions.col("local_date").equalTo(java.sql.Date.valueOf(ctx.delivery)))
        .selectExpr("count(*)", "coalesce(sum(items_completed), 0)", "percentile(performance, 0.5)",
            "percentile(utilization, 0.5)", "coalesce(sum(handle_seconds), 0) / 3600")
        .head();
    if (r.getLong(0) == 0) {
      return String.format("  On %s itself nobody worked (a weekend or holiday, or no data yet).%n", ctx.delivery);
    }
    return String.format("  On %s: %,d people completed %,d items in %,.0f hours of handle time; "
            + "median pace %s of standard, median %s of active time in work items.%n",
        ctx.delivery, r.getLong(0), r.getLong(1), r.getDouble(4), percent(r, 2), percent(r, 3));
  }

  private static String percent(org.apache.spark.sql.Row r, int i) {
    return r.isNullAt(i) ? "n/a" : String.format("%.0f%%", 100 * r.getDouble(i));
  }

  public static String ingestTable(IngestReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nIngest of delivery %s%n", report.delivery));
    sb.append(String.format("  %-15s %6s %8s %10s %10s %12s  %s%n", "source", "files", "resent", "rows read",
        "kept", "quarantined", "top reasons"));
    for (SourceReport s : report.sources) {
      String reasons = s.quarantined.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
          .limit(3).map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
      sb.append(String.format("  %-15s %6d %8d %,10d %,10d %,12d  %s%n", s.source.tableName(), s.newFiles.size(),
          s.skippedFiles.size(), s.rowsRead, s.rowsToSilver, s.quarantinedTotal(), reasons));
    }
    SourceReport activity = report.of(io.engineroom.ingest.LandingSource.ACTIVITY);
    if (activity != null && activity.redelivered > 0) {
      sb.append(String.format("  desktop events: %,d repeated (same host, bucket and start, e.g. overlapping exports): "
          + "counted once, the longest kept%n", activity.redelivered));
    }
    SourceReport events = report.of(io.engineroom.ingest.LandingSource.WORK_EVENTS);
    if (events != null && (events.unattributed > 0 || events.redelivered > 0)) {
      sb.append(String.format("  work events: %,d unattributed (no worker, not automated: kept, credited to nobody); "
          + "%,d seen before in another file (counted once)%n", events.unattributed, events.redelivered));
    }
    if (!report.skippedFiles.isEmpty()) {
      sb.append(String.format("  files not read: %d (listed with reasons in ops.skipped_files)%n",
          report.skippedFiles.size()));
      report.skippedFiles.stream().limit(10).forEach(f -> sb.append(String.format("    %-19s %s%n", f.reason(),
          f.file())));
      if (report.skippedFiles.size() > 10) {
        sb.append(String.format("    ... and %d more%n", report.skippedFiles.size() - 10));
      }
    }
    long erased = report.sources.stream().mapToLong(s -> s.erasedRows).sum();
    if (erased > 0) {
      sb.append(String.format("  erased workers: %,d delivered rows belonged to workers removed with 'engineroom "
          + "forget'; read, counted here, not landed%n", erased));
    }
    return sb.toString();
  }
}

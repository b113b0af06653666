package io.engineroom.run;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One night: the stages in order, each recorded in {@code ops.run_history}. A failing stage stops
 * the night with a message that names the stage, the cause and what to do; because marts are
 * staged until the last stage, the published gold tables stay as they were.
 */
public final class NightlyRun {
  private final List<Stage> stages;

  public NightlyRun(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** What each stage did, in order, for the summary. */
  public record StageReport(String stage, String headline, long millis) {}

  public List<StageReport> run(RunContext ctx) {
    RunHistory history = new RunHistory(ctx.spark, ctx.warehouse);
    List<StageReport> reports = new ArrayList<>();
    try {
      for (Stage stage : stages) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        StageOutcome outcome;
        try {
          outcome = stage.run(ctx);
        } catch (Exception e) { // Spark's own failures (SparkException) are checked exceptions thrown unchecked
          long ms = (System.nanoTime() - t0) / 1_000_000;
          String cause = rootMessage(e);
          history.record(ctx.runId, ctx.delivery, stage.name(), null, started, ms, "FAILED", cause);
          throw new NightFailedException(stage.name(), String.format(
              "The night of %s failed in stage '%s' after %.1f s.%n  Cause: %s%n  What to do: %s%n"
                  + "  Published gold tables are unchanged (%s).",
              ctx.delivery, stage.name(), ms / 1000.0, cause, stage.adviceOnFailure(), lastPublished(ctx)), e);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        history.record(ctx.runId, ctx.delivery, stage.name(), outcome, started, ms, "SUCCEEDED", null);
        reports.add(new StageReport(stage.name(), outcome.headline, ms));
      }
      return reports;
    } finally {
      deleteStaging(ctx);
    }
  }

  private static String lastPublished(RunContext ctx) {
    String path = ctx.warehouse.path(Layer.OPS, GoldPublisher.PUBLICATIONS);
    if (!DeltaTables.exists(ctx.spark, path)) {
      return "nothing had been published yet";
    }
    List<org.apache.spark.sql.Row> last = DeltaTables.read(ctx.spark, path)
        .selectExpr("max(delivery_date)").collectAsList();
    return last.isEmpty() || last.get(0).isNullAt(0) ? "nothing had been published yet"
        : "they still hold the night of " + last.get(0).getDate(0);
  }

  private static String rootMessage(Throwable e) {
    String first = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && first == null) {
        first = t.getMessage();
      }
    }
    return first == null ? e.getClass().getSimpleName() : first;
  }

  private static void deleteStaging(RunContext ctx) {
    ctx.warehouse.delete(ctx.spark, ctx.warehouse.stagingRoot(ctx.runId));
  }
}

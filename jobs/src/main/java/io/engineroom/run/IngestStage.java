package io.engineroom.run;

import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.SourceReport;

/** Landing files of the night to bronze and silver. */
public final class IngestStage implements Stage {
  private IngestReport report;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String adviceOnFailure() {
    return "Check the landing folder for this date (see ops.quarantine for rejected rows), then re-run the night; "
        + "ingest is idempotent, so re-running adds nothing twice.";
  }

  @Override
  public StageOutcome run(RunContext ctx) {
    report = new IngestJob(ctx.spark, ctx.config, ctx.warehouse, ctx.landing, ctx.progress).run(ctx.delivery,
        ctx.runId);
    StageOutcome outcome = new StageOutcome();
    for (SourceReport s : report.sources) {
      outcome.table("silver." + s.source.tableName(), s.rowsRead, s.rowsToSilver, s.quarantinedTotal());
    }
    outcome.checksPassed = report.quality.passed();
    outcome.checksFailed = report.quality.failed();
    outcome.headline = String.format("%,d rows read, %,d kept, %,d quarantined (%.1f%%); Deequ: %d checks passed, "
            + "%d warnings%s", report.rowsRead(), report.sources.stream().mapToLong(s -> s.rowsToSilver).sum(),
        report.quarantined(), report.rowsRead() == 0 ? 0.0 : 100.0 * report.quarantined() / report.rowsRead(),
        report.quality.passed(), report.quality.failed(), report.quality.anomalies().isEmpty() ? ""
            : "; UNUSUAL VOLUME in " + String.join(", ", report.quality.anomalies()) + " against earlier nights");
    return outcome;
  }

  public IngestReport report() {
    return report;
  }
}

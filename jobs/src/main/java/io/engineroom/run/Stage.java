package io.engineroom.run;

/** One step of a night (ingest, build, mine, publish). Stages run in order; one failing stops the night. */
public interface Stage {
  String name();

  /** What to tell a person when this stage fails, beyond the cause itself. */
  String adviceOnFailure();

  StageOutcome run(RunContext ctx);
}

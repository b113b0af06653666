package io.engineroom.run;

/** Moves the run's staged marts into gold and records the publication. */
public final class PublishStage implements Stage {
  @Override
  public String name() {
    return "publish";
  }

  @Override
  public String adviceOnFailure() {
    return "Re-run the night: publishing again from a fresh build is safe.";
  }

  @Override
  public StageOutcome run(RunContext ctx) {
    return new GoldPublisher(ctx.spark, ctx.warehouse).publish(ctx);
  }
}

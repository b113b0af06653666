package io.engineroom.run;

import io.engineroom.config.ConfigKeys;
import io.engineroom.models.BuildResult;
import io.engineroom.models.DbtProject;
import io.engineroom.models.ModelRunner;
import io.engineroom.models.ModelsLocation;
import java.util.List;
import java.util.Map;

/** Runs the dbt-style models; marts go to the run's staging folder until publish. */
public final class BuildStage implements Stage {
  private final List<String> selectors;

  private final boolean fullRefresh;
  /** Where the latest build's manifest.json and run_results.json go, inside the warehouse. */
  public static final String TARGET_FOLDER = "_target";

  public BuildStage(List<String> selectors) {
    this(selectors, false);
  }

  /** With {@code fullRefresh}, incremental models are rebuilt from all of silver (dbt's --full-refresh). */
  public BuildStage(List<String> selectors, boolean fullRefresh) {
    this.selectors = selectors;
    this.fullRefresh = fullRefresh;
  }

  @Override
  public String name() {
    return "build";
  }

  @Override
  public String adviceOnFailure() {
    return "Fix the model or data test named above (try 'engineroom build --select <model>'), then re-run the night.";
  }

  @Override
  public StageOutcome run(RunContext ctx) {
    DbtProject project = DbtProject.load(ModelsLocation.resolve(ctx.config));
    Map<String, String> vars = ModelVars.from(ctx.config);
    BuildResult result = new ModelRunner(ctx.spark, ctx.warehouse, project, vars, ctx.progress)
        .fullRefresh(fullRefresh)
        .threads(ctx.config.getInt(ConfigKeys.SPARK_THREADS))
        .artifactsTo(ctx.warehouse.root() + "/" + TARGET_FOLDER)
        .build(selectors, name -> ctx.warehouse.stagingPath(ctx.runId, name));
    ctx.stagedTables.putAll(result.marts);
    StageOutcome outcome = new StageOutcome();
    result.modelRows.forEach((model, rows) -> {
      if (rows >= 0) {
        outcome.table("model." + model, 0, rows, 0);
      }
    });
    outcome.checksPassed = result.testsPassed();
    outcome.checksFailed = result.testsFailed();
    outcome.headline = String.format("%d models built (%d marts); %d data tests passed, %d warned",
        result.modelRows.size(), result.marts.size(), result.testsPassed(), result.testsFailed());
    return outcome;
  }
}

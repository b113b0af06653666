package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.mining.MiningJob;
import io.engineroom.mining.MiningOptions;
import io.engineroom.run.MineStage;
import io.engineroom.run.NightFailedException;
import io.engineroom.run.NightlyJob;
import io.engineroom.run.PublishStage;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mine", mixinStandardHelpOptions = true,
    description = {"Best-practice discovery and procedural problems over a window of days, ad hoc.",
        "The nightly run mines the configured window by itself; use this to look at another window or with "
            + "other parameters. Results are published to gold.best_practice_patterns, "
            + "gold.procedural_problems and gold.item_features."})
final class MineCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", required = true, description = "Last day of the window.")
  LocalDate to;

  @Option(names = "--window-days", description = "Days in the window (default: mining.window-days).")
  Integer windowDays;

  @Option(names = "--min-support", description = "PrefixSpan minimum support, 0..1 (default: mining.min-support).")
  Double minSupport;

  @Option(names = "--step-level", description = "Desktop steps as 'app' or 'category' (default: mining.step-level).")
  String stepLevel;

  @Option(names = "--max-pattern-length", description = "Longest pattern (default: mining.max-pattern-length).")
  Integer maxPatternLength;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    MiningOptions options = new MiningOptions(to,
        windowDays != null ? windowDays : config.getInt(ConfigKeys.MINING_WINDOW_DAYS),
        minSupport != null ? minSupport : config.getDouble(ConfigKeys.MINING_MIN_SUPPORT),
        maxPatternLength != null ? maxPatternLength : config.getInt(ConfigKeys.MINING_MAX_PATTERN_LENGTH),
        config.getInt(ConfigKeys.MINING_MIN_ITEMS),
        stepLevel != null ? stepLevel : config.get(ConfigKeys.MINING_STEP_LEVEL),
        config.getDouble(ConfigKeys.MINING_FALSE_DISCOVERY_RATE),
        config.getInt(ConfigKeys.MINING_BOOTSTRAP_RESAMPLES),
        config.getDouble(ConfigKeys.MINING_LONG_WAIT_HOURS), 20_260_301L);
    try (SparkSession spark = SparkSessionFactory.create("mine", config)) {
      Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
      new NightlyJob(spark, config, Console::info, Console::progress)
          .runOne(to, List.of(new MineStage(options), new PublishStage()), warehouse);
      Console.info("\nTop best practices (q <= " + options.falseDiscoveryRate() + ", by hours saved if adopted):");
      spark.read().format("delta").load(warehouse.path(Layer.GOLD, MiningJob.PATTERNS))
          .where("is_reported and rank <= 3").orderBy("task_type", "rank")
          .selectExpr("task_type", "rank", "pattern", "round(support_top, 2) as top", "round(support_others, 2) as others",
              "round(effect_seconds) as effect_s", "round(hours_saved_if_adopted) as hours_saved")
          .showString(30, 60, false).lines().forEach(Console::info);
      Console.info("Costliest procedural problems (labour hours; waits are elapsed time):");
      spark.read().format("delta").load(warehouse.path(Layer.GOLD, MiningJob.PROBLEMS))
          .orderBy(org.apache.spark.sql.functions.expr("hours_kind = 'labour'").desc(),
              org.apache.spark.sql.functions.desc("hours")).limit(8)
          .selectExpr("task_type", "problem", "coalesce(step, '') as step", "occurrences", "round(hours) as hours",
              "hours_kind").showString(8, 40, false).lines().forEach(Console::info);
    } catch (NightFailedException e) {
      throw new ActionableException(e.getMessage(), EngineRoom.EXIT_RUN_FAILED, e);
    }
    return 0;
  }
}

package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.run.BuildStage;
import io.engineroom.run.NightFailedException;
import io.engineroom.run.NightlyJob;
import io.engineroom.run.PublishStage;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Compile, run and test the dbt-style models in DAG order, then publish the marts to gold.",
        "Selection as in dbt: name, +name (with parents), name+ (with children), tag:x, path:models/marts."})
final class BuildCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = {"--select", "-s"}, paramLabel = "SELECTOR", description = "Models to build (default: all).")
  List<String> select = new ArrayList<>();

  @Option(names = "--full-refresh",
      description = "Rebuild incremental models from all of silver instead of only the days new deliveries touched.")
  boolean fullRefresh;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date to record in the run history (default: today).")
  LocalDate date;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    LocalDate day = date != null ? date : LocalDate.now(ZoneOffset.UTC);
    try (SparkSession spark = SparkSessionFactory.create("build", config)) {
      new NightlyJob(spark, config, Console::info, Console::progress).runOne(day,
          List.of(new BuildStage(select, fullRefresh), new PublishStage()), new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH)));
    } catch (NightFailedException e) {
      throw new ActionableException(e.getMessage(), EngineRoom.EXIT_RUN_FAILED, e);
    }
    return 0;
  }
}

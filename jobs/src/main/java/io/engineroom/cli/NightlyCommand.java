package io.engineroom.cli;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.run.NightFailedException;
import io.engineroom.run.NightlyJob;
import io.engineroom.warehouse.SparkSessionFactory;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
    description = {"Run a night: ingest -> build -> publish, for one delivery date or a range (backfill).",
        "A failing stage leaves the published gold tables as they were."})
final class NightlyCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Dates dates;

  static final class Dates {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "One delivery date.")
    LocalDate date;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date of a backfill.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date of a backfill.")
    LocalDate to;
  }

  @Option(names = "--resume", description = "Skip dates already published (continue a backfill that failed).")
  boolean resume;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    LocalDate from = dates.date != null ? dates.date : dates.range.from;
    LocalDate to = dates.date != null ? dates.date : dates.range.to;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from + ".");
    }
    try (SparkSession spark = SparkSessionFactory.create("nightly", config)) {
      new NightlyJob(spark, config, Console::info, Console::progress).run(from, to, resume);
    } catch (NightFailedException e) {
      throw new ActionableException(e.getMessage() + (to.isAfter(from)
          ? "\n  To continue the backfill after fixing it: add --resume." : ""), EngineRoom.EXIT_RUN_FAILED, e);
    }
    return 0;
  }
}

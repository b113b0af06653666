package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.run.NightlyJob;
import io.engineroom.run.RunSummary;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseLock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generate a back office, load its history as one catch-up batch, run the last day as a "
        + "normal night (ingest, models, mining, publish), then say where the results are.",
        "The defaults (48 workers, 61 days) give every mart and dashboard enough data: two whole months "
            + "for the fairness signals, four weeks for the goal verdicts."})
final class DemoCommand implements Callable<Integer> {
  /** A few damaged rows, so the demo shows quarantine at work; far below the bad-share limit. */
  private static final double DAMAGED_SHARE = 0.002;

  @Mixin CommonOptions common;

  @Option(names = "--workers", defaultValue = "48", description = "Workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--days", defaultValue = "61", description = "Days of history (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--nights", defaultValue = "1",
      description = "How many of the last days run as separate nights (default: ${DEFAULT-VALUE}); "
          + "the days before them are ingested as one catch-up batch.")
  int nights;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    LocalDate start = GeneratorOptions.DEFAULT_START;
    LocalDate end = start.plusDays(days - 1L);
    Path landing = config.getPath(ConfigKeys.LANDING_PATH);
    Console.info("Engine Room demo: " + workers + " workers, " + days + " days from " + start + ".");
    Console.info(new BackOfficeGenerator(new GeneratorOptions(landing, workers, start, days, 42L, DAMAGED_SHARE),
        Console::progress).run().toString());
    int separateNights = Math.max(1, Math.min(nights, days));
    LocalDate firstNight = end.minusDays(separateNights - 1L);
    try (SparkSession spark = SparkSessionFactory.create("demo", config)) {
      if (firstNight.isAfter(start)) {
        LocalDate historyEnd = firstNight.minusDays(1);
        Console.info("History " + start + " to " + historyEnd + ": one catch-up ingest.");
        Warehouse target = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
        try (WarehouseLock lock = WarehouseLock.acquire(target, "demo catch-up", WarehouseLock.LEASE)) {
          IngestReport history = new IngestJob(spark, config, target,
              LandingLayout.from(config, spark.sparkContext().hadoopConfiguration()), Console::progress)
              .runRange(start, historyEnd, RunIds.next("catch-up", historyEnd));
          Console.info(RunSummary.ingestTable(history));
        }
      }
      new NightlyJob(spark, config, Console::info, Console::progress).run(firstNight, end, false);
    }
    String warehouse = Path.of(config.get(ConfigKeys.WAREHOUSE_PATH)).toAbsolutePath().toString();
    Console.info(String.format("%nDone. The warehouse is in %s (Delta tables: bronze/, silver/, gold/, ops/).%n"
        + "Look at the results:%n"
        + "  bin/engineroom sql \"select * from gold.fct_worker_day order by local_date, worker_id\"%n"
        + "  bin/engineroom sql \"select stage, status, duration_ms from ops.run_history where table_name = '*'\"%n"
        + "  bin/engineroom sql \"select reason, count(*) from ops.quarantine group by reason\"%n"
        + "From any other Spark session: spark.read.format(\"delta\").load(\"%s/gold/fct_worker_day\")%n"
        + "The planted truth of the generated data is in %s/_truth/manifest.json.",
        warehouse, warehouse, landing.toAbsolutePath()));
    return 0;
  }
}

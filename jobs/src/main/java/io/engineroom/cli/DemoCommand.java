package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.run.NightlyJob;
import io.engineroom.warehouse.SparkSessionFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Generate a small back office and run its nights end to end, then say where the results are."})
final class DemoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--workers", defaultValue = "20", description = "Workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--days", defaultValue = "5", description = "Days, each run as one night (default: ${DEFAULT-VALUE}).")
  int days;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    LocalDate start = GeneratorOptions.DEFAULT_START;
    LocalDate end = start.plusDays(days - 1L);
    Path landing = config.getPath(ConfigKeys.LANDING_PATH);
    Console.info("Engine Room demo: " + workers + " workers, " + days + " days from " + start + ".");
    Console.info(new BackOfficeGenerator(new GeneratorOptions(landing, workers, start, days, 42L, 0.0),
        Console::progress).run().toString());
    try (SparkSession spark = SparkSessionFactory.create("demo", config)) {
      new NightlyJob(spark, config, Console::info, Console::progress).run(start, end, false);
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

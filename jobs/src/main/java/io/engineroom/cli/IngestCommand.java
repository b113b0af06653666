package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.ingest.LandingSource;
import io.engineroom.run.RunSummary;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Load one delivery date of landing files (or one XES log) into bronze and silver Delta tables.",
        "Nothing is published to gold; use 'nightly' for the whole run."})
final class IngestCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Delivery date to ingest.")
  LocalDate date;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "Catch-up: ingest every delivery from this date to --to as one batch.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last delivery date of a catch-up (with --from).")
  LocalDate to;

  @Option(names = "--xes", paramLabel = "FILE", description = "Ingest this XES or XES.gz event log as work events.")
  Path xes;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    if (date == null && xes == null && (from == null || to == null)) {
      throw new IllegalArgumentException("Say what to ingest: --date YYYY-MM-DD for a delivery in the landing folder, "
          + "--from/--to for a catch-up over many deliveries, or --xes FILE for an event log.");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("--from " + from + " is after --to " + to + ".");
    }
    if (xes != null && !Files.isRegularFile(xes)) {
      throw new IllegalArgumentException("XES file " + xes + " does not exist.");
    }
    LocalDate delivery = date != null ? date : to != null ? to : LocalDate.now(java.time.ZoneOffset.UTC);
    String runId = RunIds.next("ingest", delivery);
    Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
    // The lock first: a second writer is told at once, before it spends time starting Spark.
    try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "ingest " + runId, WarehouseLock.LEASE);
        SparkSession spark = SparkSessionFactory.create("ingest", config)) {
      LandingLayout landing = LandingLayout.from(config,
          xes != null ? xes.toAbsolutePath().getParent().toString() : config.get(ConfigKeys.LANDING_PATH),
          spark.sparkContext().hadoopConfiguration());
      IngestJob job = new IngestJob(spark, config, warehouse, landing, Console::progress);
      IngestReport report = xes != null
          ? job.run(delivery, runId, Map.of(LandingSource.WORK_EVENTS, List.of(xes.toAbsolutePath().toString())))
          : from != null && date == null ? job.runRange(from, to, runId)
          : job.run(delivery, runId);
      Console.info(RunSummary.ingestTable(report));
    }
    return 0;
  }
}

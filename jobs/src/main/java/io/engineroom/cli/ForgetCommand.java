package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.run.ForgetWorker;
import io.engineroom.run.NightFailedException;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true,
    description = {"Erase one worker from the warehouse (a data subject's right to erasure).",
        "Removes their rows and references from every table (bronze, silver, gold, ops, quarantine, data-quality "
            + "metrics, mining features), rebuilds the marts without them, rewrites every table without history "
            + "(time travel to before the erasure is no longer possible), and records a tombstone so no later "
            + "delivery brings them back. The record in ops.erasures holds no personal data.",
        "Run it when no night is running. See docs/security.md."})
final class ForgetCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--worker", required = true, paramLabel = "WORKER_ID", description = "The worker id to erase.")
  String workerId;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
    try (SparkSession spark = SparkSessionFactory.create("forget", config)) {
      ForgetWorker.Result r = new ForgetWorker(spark, config, warehouse, Console::progress).forget(workerId);
      Console.info(String.format("Erased worker %s (%s): %,d rows removed and %,d references blanked in %d tables; "
          + "%s; %d tables rewritten without history. Later deliveries naming them are dropped at ingest and "
          + "counted in the night's summary.", workerId, r.erasureId(), r.rowsRemoved(), r.referencesBlanked(),
          r.tablesChanged(), r.rebuiltNight() == null ? "no published marts to rebuild"
              : "marts of " + r.rebuiltNight() + " rebuilt and republished", r.tablesRewritten()));
    } catch (NightFailedException e) {
      throw new ActionableException("The worker's rows are removed and the tombstone recorded, but rebuilding the "
          + "marts failed: " + e.getMessage() + "\n  Fix the cause and run 'engineroom forget --worker " + workerId
          + "' again; it completes the erasure.", EngineRoom.EXIT_RUN_FAILED, e);
    }
    return 0;
  }
}

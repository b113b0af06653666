package io.engineroom.run;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseLock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Runs nights, one delivery date or a range in order. With {@code resume}, dates already published
 * are skipped, so a backfill that failed midway continues where it stopped.
 */
public final class NightlyJob {
  private final SparkSession spark;
  private final EngineRoomConfig config;
  private final Consumer<String> out;
  private final Consumer<String> progress;

  public NightlyJob(SparkSession spark, EngineRoomConfig config, Consumer<String> out, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.out = out;
    this.progress = progress;
  }

  public static List<Stage> defaultStages() {
    return List.of(new IngestStage(), new BuildStage(List.of()), new MineStage(), new PublishStage());
  }

  public List<LocalDate> run(LocalDate from, LocalDate to, boolean resume) {
    Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
    List<LocalDate> done = resume ? new RunHistory(spark, warehouse).publishedDates() : List.of();
    List<LocalDate> ran = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (done.contains(d)) {
        out.accept("Night of " + d + " was already published; skipped (--resume).");
        continue;
      }
      runOne(d, defaultStages(), warehouse);
      ran.add(d);
    }
    return ran;
  }

  public void runOne(LocalDate delivery, List<Stage> stages, Warehouse warehouse) {
    String runId = "nightly-" + delivery + "-"
        + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS"));
    LandingLayout landing = LandingLayout.from(config, spark.sparkContext().hadoopConfiguration());
    RunContext ctx = new RunContext(spark, config, warehouse, landing, delivery, runId, progress);
    long t0 = System.nanoTime();
    List<NightlyRun.StageReport> reports;
    try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "nightly " + delivery + " (" + runId + ")",
        WarehouseLock.LEASE)) {
      reports = new NightlyRun(stages).run(ctx);
    }
    out.accept(RunSummary.night(ctx, reports, (System.nanoTime() - t0) / 1e9, stages));
  }
}

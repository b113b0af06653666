package io.engineroom.run;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/** Everything the stages of one night share. */
public final class RunContext {
  public final SparkSession spark;
  public final EngineRoomConfig config;
  public final Warehouse warehouse;
  public final LandingLayout landing;
  public final LocalDate delivery;
  public final String runId;
  public final Consumer<String> progress;
  /** Gold tables built by this run, by name, at their staging location; publish moves them to gold. */
  public final Map<String, String> stagedTables = new LinkedHashMap<>();

  public RunContext(SparkSession spark, EngineRoomConfig config, Warehouse warehouse, LandingLayout landing,
      LocalDate delivery, String runId, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.landing = landing;
    this.delivery = delivery;
    this.runId = runId;
    this.progress = progress;
  }
}

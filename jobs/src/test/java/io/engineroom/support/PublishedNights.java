package io.engineroom.support;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.run.GoldPublisher;
import io.engineroom.run.RunContext;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Publishes small gold tables as a night does, for tests of what readers of gold see. */
public final class PublishedNights {
  private PublishedNights() {}

  /** Stages each table from its query and publishes them together. */
  public static void publish(SparkSession spark, Warehouse warehouse, String runId, Map<String, String> tables) {
    RunContext ctx = new RunContext(spark, EngineRoomConfig.defaults(), warehouse, (LandingLayout) null,
        LocalDate.of(2026, 3, 2), runId, message -> { });
    tables.forEach((table, select) -> {
      String staged = warehouse.stagingPath(runId, table);
      DeltaTables.overwrite(spark.sql(select), staged);
      ctx.stagedTables.put(table, staged);
    });
    new GoldPublisher(spark, warehouse).publish(ctx);
  }
}

package io.engineroom.support;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.SparkSessionFactory;
import org.apache.spark.sql.SparkSession;

/** One local Spark session per test class: started in @BeforeAll, stopped in @AfterAll. */
public final class SparkTestSession {
  private SparkTestSession() {}

  public static SparkSession start(EngineRoomConfig config) {
    return SparkSessionFactory.create("test", config);
  }

  public static EngineRoomConfig config(String landing, String warehouse, String... overrides) {
    EngineRoomConfig.Builder b = EngineRoomConfig.builder()
        .override("spark.master=local[2]")
        // Two shuffle partitions for two cores: test data is small, and each partition costs tasks
        // and files on every write (still more than one, so order-dependent code shows up here too).
        .override("spark.shuffle-partitions=2")
        .override("landing.path=" + landing)
        .override("warehouse.path=" + warehouse)
        .override("models.path=" + System.getProperty("engineroom.project.root", "..") + "/dbt-style-models");
    for (String o : overrides) {
      b.override(o);
    }
    return b.build();
  }
}

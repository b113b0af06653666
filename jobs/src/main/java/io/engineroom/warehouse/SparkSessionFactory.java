package io.engineroom.warehouse;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.udfs.FunctionRegistry;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one Spark session a job uses. Under spark-submit the master and cluster settings come
 * from spark-submit; run directly, it falls back to the configured master ({@code local[*]}).
 */
public final class SparkSessionFactory {
  private SparkSessionFactory() {}

  public static SparkSession create(String appName, EngineRoomConfig config) {
    return create(appName, config, java.util.Map.of());
  }

  /**
   * As {@link #create(String, EngineRoomConfig)}, with settings every session of this application
   * starts with (sessions opened later, such as the Thrift server's, copy them from here).
   */
  public static SparkSession create(String appName, EngineRoomConfig config, java.util.Map<String, String> extra) {
    SparkConf sparkConf = new SparkConf(); // picks up spark.* system properties set by spark-submit
    SparkSession.Builder builder = SparkSession.builder().appName("engineroom-" + appName);
    String master = sparkConf.get("spark.master", config.get(ConfigKeys.SPARK_MASTER));
    if (!sparkConf.contains("spark.master")) {
      builder.master(master);
    }
    // A nightly batch nobody watches live: no web UI unless asked for (--conf spark.ui.enabled=true).
    builder.config("spark.ui.enabled", sparkConf.get("spark.ui.enabled", "false"));
    builder.config("spark.sql.adaptive.enabled",
        sparkConf.get("spark.sql.adaptive.enabled", adaptive(config.get(ConfigKeys.SPARK_ADAPTIVE), master)));
    extra.forEach(builder::config);
    SparkSession spark = builder
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", config.get(ConfigKeys.SPARK_SHUFFLE_PARTITIONS))
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        // Dates before 1582 and timestamps before 1900 are written as the proleptic calendar says,
        // never refused mid-write: ingest quarantines implausible ones, but no value may break a night.
        .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
        .config("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        // Delta rebuilds table state with 50 tasks by default; a night's tables are small.
        .config("spark.databricks.delta.snapshotPartitions",
            sparkConf.get("spark.databricks.delta.snapshotPartitions", "2"))
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    FunctionRegistry.registerAll(spark);
    return spark;
  }

  /** Whether adaptive execution is on, for the {@link ConfigKeys#SPARK_ADAPTIVE} setting and master. */
  public static String adaptive(String setting, String master) {
    return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "false" -> setting.trim().toLowerCase(java.util.Locale.ROOT);
      case "auto" -> String.valueOf(!master.startsWith("local"));
      default -> throw new io.engineroom.config.ConfigException("Setting '" + ConfigKeys.SPARK_ADAPTIVE
          + "' must be auto, true or false, got '" + setting + "'.");
    };
  }
}

package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.TableFingerprint;
import io.engineroom.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "fingerprint", mixinStandardHelpOptions = true,
    description = {"Print a content fingerprint (rows:hash) of every silver and gold table.",
        "Two warehouses built from the same landing data print the same lines, whatever ran them."})
final class FingerprintCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    try (SparkSession spark = SparkSessionFactory.create("fingerprint", config)) {
      Console.info(TableFingerprint.ofLayers(spark, new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH)),
          Layer.SILVER, Layer.GOLD));
    }
    return 0;
  }
}

package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseCatalog;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run one SQL query against the warehouse (tables as bronze.*, silver.*, gold.*, ops.*)."})
final class SqlCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "QUERY", description = "The query, e.g. \"select * from ops.run_history\".")
  String query;

  @Option(names = "--rows", defaultValue = "50", description = "Rows to show (default: ${DEFAULT-VALUE}).")
  int rows;

  @Override
  public Integer call() {
    EngineRoomConfig config = common.resolve();
    try (SparkSession spark = SparkSessionFactory.create("sql", config)) {
      WarehouseCatalog.registerAll(spark, new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH)));
      spark.sql(query).show(rows, false);
    }
    return 0;
  }
}

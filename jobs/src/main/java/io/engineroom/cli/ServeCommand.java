package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.serve.EndpointSettings;
import io.engineroom.serve.SqlEndpoint;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"The SQL endpoint: Spark's Thrift (HiveServer2) server over the warehouse, for Superset, "
        + "dbt-spark, beeline and JDBC/ODBC tools.",
        "gold.* always shows the latest published night (a night still running is invisible); ops.* is served "
            + "as is. Runs until stopped (Ctrl-C)."})
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Address to listen on (default: serve.host, 127.0.0.1). 0.0.0.0 exposes it to the network.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default: serve.port, 10000).")
  Integer port;

  @Option(names = "--layers", split = ",", paramLabel = "LAYER",
      description = "Layers served as tables besides gold (default: ops). silver holds worker ids: "
          + "serve it only to people who may see them, e.g. for the dbt-spark check.")
  List<String> layers = new ArrayList<>(List.of("ops"));

  @Override
  public Integer call() throws InterruptedException {
    if (host != null) {
      common.overrides.add(ConfigKeys.SERVE_HOST + "=" + host);
    }
    if (port != null) {
      common.overrides.add(ConfigKeys.SERVE_PORT + "=" + port);
    }
    EngineRoomConfig config = common.resolve();
    EndpointSettings settings = EndpointSettings.from(config, parseLayers(), System::getenv);
    Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
    SparkSession spark = SparkSessionFactory.create("serve", config, SqlEndpoint.SESSION_SETTINGS);
    SqlEndpoint endpoint = new SqlEndpoint(spark, warehouse, settings, Console::info);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "engineroom-serve-stop"));
    endpoint.start();
    Console.info("SQL endpoint ready on " + settings.host + ":" + settings.port
        + (settings.user == null ? " (no authentication)" : " (user " + settings.user + ", password required)"));
    Console.info("  JDBC:     jdbc:hive2://" + settings.host + ":" + settings.port + "/gold");
    Console.info("  Superset: hive://" + (settings.user == null ? "" : settings.user + ":PASSWORD@") + settings.host
        + ":" + settings.port + "/gold" + (settings.user == null ? "" : "?auth=CUSTOM"));
    Console.info("  serving " + (endpoint.servedRunId() == null ? "no published night yet"
        : "the night published by run " + endpoint.servedRunId()) + "; checking for new ones every "
        + settings.refreshSeconds + " s");
    stopped.await();
    return 0;
  }

  private List<Layer> parseLayers() {
    List<Layer> parsed = new ArrayList<>();
    for (String layer : layers) {
      try {
        parsed.add(Layer.valueOf(layer.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--layers: '" + layer + "' is not a layer; choose from bronze, silver, "
            + "gold, ops.");
      }
    }
    return parsed;
  }
}

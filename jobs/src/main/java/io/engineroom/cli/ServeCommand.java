package io.engineroom.cli;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.serve.EndpointSettings;
import io.engineroom.serve.PasswordHash;
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

  @Option(names = "--hash-password",
      description = "Read a password from the terminal (or standard input), print its hash for the users of "
          + "conf/serve-access.yaml, and exit. The password itself is never printed or stored.")
  boolean hashPassword;

  @Override
  public Integer call() throws InterruptedException {
    if (hashPassword) {
      System.out.println(PasswordHash.hash(readPassword()));
      return 0;
    }
    if (host != null) {
      common.overrides.add(ConfigKeys.SERVE_HOST + "=" + host);
    }
    if (port != null) {
      common.overrides.add(ConfigKeys.SERVE_PORT + "=" + port);
    }
    EngineRoomConfig config = common.resolve();
    EndpointSettings settings = EndpointSettings.from(config, parseLayers(), System::getenv);
    Warehouse warehouse = new Warehouse(config.get(ConfigKeys.WAREHOUSE_PATH));
    SparkSession spark = SparkSessionFactory.create("serve", config, SqlEndpoint.sessionSettings(config));
    SqlEndpoint endpoint = new SqlEndpoint(spark, warehouse, settings, Console::info);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      endpoint.close();
      stopped.countDown();
    }, "engineroom-serve-stop"));
    endpoint.start();
    Console.info("SQL endpoint ready on " + settings.host + ":" + settings.port
        + (settings.requiresPassword ? " (password required" + (settings.usesTls() ? ", TLS)" : ")")
            : " (loopback only, no password: every connection reads as role "
            + config.get(ConfigKeys.SERVE_ANONYMOUS_ROLE) + ")") + "; read-only");
    Console.info("  JDBC:     jdbc:hive2://" + settings.host + ":" + settings.port + "/gold");
    Console.info("  Superset: hive://" + (settings.requiresPassword ? "USER:PASSWORD@" : "") + settings.host
        + ":" + settings.port + "/gold" + (settings.requiresPassword ? "?auth=CUSTOM" : ""));
    Console.info("  serving " + (endpoint.servedRunId() == null ? "no published night yet"
        : "the night published by run " + endpoint.servedRunId()) + "; checking for new ones every "
        + settings.refreshSeconds + " s");
    stopped.await();
    return 0;
  }

  private static char[] readPassword() {
    java.io.Console console = System.console();
    if (console != null) {
      return console.readPassword("Password for the SQL endpoint user: ");
    }
    try {
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
          java.nio.charset.StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new IllegalArgumentException("--hash-password: no password on standard input.");
      }
      return line.toCharArray();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("--hash-password: cannot read standard input: " + e.getMessage());
    }
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

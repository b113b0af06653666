package io.engineroom.serve;

import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.udfs.FunctionRegistry;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseCatalog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;

/**
 * Spark's Thrift (HiveServer2) server over the warehouse: gold as views pinned to the latest
 * publication, the other chosen layers as tables, the project's SQL functions in every session.
 * Superset, dbt-spark and beeline connect to it as to any Spark Thrift server.
 */
public final class SqlEndpoint implements AutoCloseable {
  /**
   * Settings the endpoint's Spark session needs from the start. The Thrift server runs its sessions
   * with Java 8 date types, and Delta 3.3.2 answers min/max of a DATE column from file statistics
   * with a java.sql.Date cast that then fails (ClassCastException: LocalDate); so that shortcut is off.
   * Spark's web UI shows every statement and plan to whoever reaches its port: off unless serve.ui.
   */
  public static Map<String, String> sessionSettings(EngineRoomConfig config) {
    return Map.of("spark.databricks.delta.optimizeMetadataQuery.enabled", "false",
        "spark.ui.enabled", Boolean.toString(config.getBoolean(ConfigKeys.SERVE_UI)));
  }

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final EndpointSettings settings;
  private final PinnedViews pinnedViews = new PinnedViews();
  private final PublishedSnapshot snapshot;
  private final Consumer<String> log;
  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "engineroom-publication-watch");
    thread.setDaemon(true);
    return thread;
  });
  private HiveThriftServer2 server;

  public SqlEndpoint(SparkSession spark, Warehouse warehouse, EndpointSettings settings, Consumer<String> log) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.settings = settings;
    this.snapshot = new PublishedSnapshot(spark, warehouse, pinnedViews);
    this.log = log;
  }

  /** Starts listening; returns once the port accepts connections. */
  public void start() {
    if (!spark.catalog().functionExists(FunctionRegistry.NAMES.get(0))) {
      FunctionRegistry.registerAll(spark); // sessions from SparkSessionFactory have them already
    }
    SessionFunctions.shareWithNewSessions(spark, FunctionRegistry.NAMES);
    LoginPolicy logins = settings.loginPolicy(log);
    EndpointSessions sessions = new EndpointSessions(spark, logins);
    // Before the first connection: every session the server opens from now on carries the check.
    EndpointAuthorization.install(spark, sessions, new StatementGuard(pinnedViews));
    refreshSnapshot();
    spark.sqlContext().setConf("hive.server2.thrift.bind.host", settings.host);
    spark.sqlContext().setConf("hive.server2.thrift.port", Integer.toString(settings.port));
    spark.sqlContext().setConf("hive.server2.transport.mode", "binary");
    // One Spark session per connection: the check knows whose statement it reads by its session.
    if (spark.conf().get("spark.sql.hive.thriftServer.singleSession", "false").equals("true")) {
      throw new IllegalStateException("spark.sql.hive.thriftServer.singleSession=true would share one session "
          + "between every connection, so the endpoint could not tell whose statement it checks; leave it false.");
    }
    if (settings.usesTls()) {
      spark.sqlContext().setConf("hive.server2.use.SSL", "true");
      spark.sqlContext().setConf("hive.server2.keystore.path", settings.tlsKeystore.toString());
      spark.sqlContext().setConf("hive.server2.keystore.password", settings.tlsKeystorePassword);
    }
    if (settings.requiresPassword) {
      PasswordAuthenticator.expect(logins);
      spark.sqlContext().setConf("hive.server2.authentication", "CUSTOM");
      // Hive builds the password check from a fresh HiveConf, which reads system properties, not
      // the server's configuration.
      System.setProperty("hive.server2.custom.authentication.class", PasswordAuthenticator.class.getName());
    } else {
      spark.sqlContext().setConf("hive.server2.authentication", "NONE");
    }
    server = HiveThriftServer2.startWithContext(spark.sqlContext());
    sessions.attach(server);
    awaitPort(Duration.ofMinutes(2));
    refresher.scheduleWithFixedDelay(this::refreshSnapshot, settings.refreshSeconds, settings.refreshSeconds,
        TimeUnit.SECONDS);
  }

  /** The run whose gold tables readers see now. */
  public String servedRunId() {
    return snapshot.servedRunId();
  }

  /** Checks for a newer publication (and new tables) now rather than at the next tick. */
  public void refreshSnapshot() {
    try {
      WarehouseCatalog.register(spark, warehouse, settings.tableLayers);
      if (snapshot.refresh()) {
        log.accept("serving the tables published by run " + snapshot.servedRunId());
      }
    } catch (RuntimeException e) {
      // A bad moment (the warehouse briefly unreadable) must not stop the server: the views stay
      // on the last good publication and the next tick tries again.
      log.accept("could not read the latest publication, still serving run " + snapshot.servedRunId() + ": "
          + e.getMessage());
    }
  }

  private void awaitPort(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(settings.host, settings.port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("the Thrift server did not open " + settings.host + ":" + settings.port + " within "
        + timeout.toSeconds() + " s; is the port taken? Choose another with --port.");
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    if (server != null) {
      server.stop();
    }
  }
}

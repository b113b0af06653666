package io.engineroom.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.run.GoldPublisher;
import io.engineroom.run.RunContext;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL endpoint as a JDBC client sees it: password required, the project's functions in every
 * connection, and gold pinned to whole publications while a night writes new tables.
 */
class TestSqlEndpoint {
  private static final String PASSWORD = "correct horse battery staple";
  @TempDir static Path work;
  static SparkSession spark;
  static Warehouse warehouse;
  static SqlEndpoint endpoint;
  static String url;

  @BeforeAll
  static void startEndpoint() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EngineRoomConfig config = SparkTestSession.config(work.resolve("landing").toString(),
        work.resolve("warehouse").toString(), "serve.auth=password", "serve.user=superset", "serve.port=" + port,
        "serve.refresh-seconds=3600");
    spark = SparkSessionFactory.create("test", config, SqlEndpoint.SESSION_SETTINGS);
    warehouse = new Warehouse(config.get("engineroom.warehouse.path"));
    publishNight("night-1", 100);
    EndpointSettings settings = EndpointSettings.from(config, List.of(Layer.OPS),
        name -> name.equals("ENGINEROOM_SERVE_PASSWORD") ? PASSWORD : null);
    endpoint = new SqlEndpoint(spark, warehouse, settings, message -> { });
    endpoint.start();
    url = "jdbc:hive2://127.0.0.1:" + port + "/gold";
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
    spark.stop();
  }

  @Test
  void refusesAWrongPasswordAndAcceptsTheRightOne() throws SQLException {
    assertThatThrownBy(() -> DriverManager.getConnection(url, "superset", "guess").close())
        .isInstanceOf(SQLException.class);
    try (Connection connection = DriverManager.getConnection(url, "superset", PASSWORD)) {
      assertThat(query(connection, "SELECT count(*) FROM gold.items_a")).containsExactly("100");
    }
  }

  @Test
  void everyConnectionHasTheProjectsFunctions() throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (Connection connection = DriverManager.getConnection(url, "superset", PASSWORD)) {
        // Upper 97.5 % Poisson limit for 10 expected: qpois(0.975, 10) = 17 in R.
        assertThat(query(connection, "SELECT er_poisson_quantile(0.975, 10.0)")).containsExactly("17");
      }
    }
  }

  @Test
  void theLatestDateOfATableComesBackAsADate() throws SQLException {
    // Superset asks "max(date column)" for every "latest period" dataset; Delta's shortcut for it
    // fails under the Thrift server's Java 8 dates unless the endpoint turns it off.
    try (Connection connection = DriverManager.getConnection(url, "superset", PASSWORD)) {
      assertThat(query(connection, "SELECT max(day) FROM gold.items_a")).containsExactly("2026-03-06");
    }
  }

  @Test
  void readersSeeOnlyWholePublicationsWhileANightPublishes() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean publishing = new AtomicBoolean(true);
    List<Throwable> failures = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (Connection connection = DriverManager.getConnection(url, "superset", PASSWORD)) {
        while (publishing.get()) {
          for (String table : List.of("items_a", "items_b")) {
            seen.addAll(query(connection, "SELECT concat('" + table + ":', max(night), '/', count(*)) FROM gold."
                + table));
          }
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    });
    reader.start();
    String before = endpoint.servedRunId();
    // Night 2 rewrites both gold tables; until its publication commit and the endpoint's next look,
    // readers must still get night 1 from each.
    publishNight("night-2", 250);
    Thread.sleep(500);
    Set<String> beforeRefresh = Set.copyOf(seen);
    endpoint.refreshSnapshot();
    Thread.sleep(1500);
    publishing.set(false);
    reader.join();

    assertThat(failures).isEmpty();
    assertThat(before).isEqualTo("night-1");
    assertThat(endpoint.servedRunId()).isEqualTo("night-2");
    // Never a table half-written, never night 2's tables before the endpoint moved to its publication.
    assertThat(beforeRefresh).containsExactlyInAnyOrder("items_a:night-1/100", "items_b:night-1/100");
    assertThat(seen).containsExactlyInAnyOrder("items_a:night-1/100", "items_b:night-1/100",
        "items_a:night-2/250", "items_b:night-2/250");
  }

  /** Stages two gold tables of {@code rows} rows for a night and publishes them as a night does. */
  private static void publishNight(String runId, int rows) {
    RunContext ctx = new RunContext(spark, null, warehouse, (LandingLayout) null, LocalDate.of(2026, 3, 2), runId,
        message -> { });
    for (String table : List.of("items_a", "items_b")) {
      String staged = warehouse.stagingPath(runId, table);
      DeltaTables.overwrite(spark.sql("SELECT id, '" + runId + "' AS night, "
          + "date_add(DATE'2026-03-02', CAST(id % 5 AS INT)) AS day FROM range(" + rows + ")"), staged);
      ctx.stagedTables.put(table, staged);
    }
    new GoldPublisher(spark, warehouse).publish(ctx);
  }

  private static List<String> query(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}

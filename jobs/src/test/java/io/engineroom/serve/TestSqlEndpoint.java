package io.engineroom.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.support.PublishedNights;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL endpoint as JDBC clients see it: gold pinned to whole publications while a night writes,
 * the project's functions in every connection; and as an attacker with a valid login sees it: every
 * way out of "read the served tables your role allows" is tried and must be refused with a message
 * that names what was refused, while what Superset needs still answers. One server per JVM (the
 * Thrift server keeps static state), so every endpoint test lives here.
 */
class TestSqlEndpoint {
  private static final String PASSWORD = "s3cret-for-tests";
  private static final String CUSTOMER = "Customer Jane Roe";
  @TempDir static Path work;
  static SparkSession spark;
  static Warehouse warehouse;
  static SqlEndpoint endpoint;
  static String url;
  static String plainUrl;
  static Connection attacker;
  private static final String KEYSTORE_PASSWORD = "throwaway-keystore-pw";

  @BeforeAll
  static void startEndpoint() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String hash = PasswordHash.hash(PASSWORD.toCharArray());
    Path access = work.resolve("access.yaml");
    String roles = new String(AccessPolicy.class.getResourceAsStream("/engineroom-project/conf/serve-access.yaml")
        .readAllBytes()).replace("users: {}", "users:\n"
        + "  superset: {role: dashboards, password: \"" + hash + "\"}\n"
        + "  cfo: {role: executive, password: \"" + hash + "\"}\n"
        + "  analyst: {role: data-science, password: \"" + hash + "\"}\n"
        + "  ops: {role: operator, password: \"" + hash + "\"}\n");
    Files.writeString(access, roles);
    EngineRoomConfig config = SparkTestSession.config(work.resolve("landing").toString(),
        work.resolve("warehouse").toString(), "serve.auth=password", "serve.port=" + port,
        "serve.refresh-seconds=3600", "serve.access-file=" + access, "serve.tls-keystore=" + selfSignedKeystore());
    spark = SparkSessionFactory.create("test", config, SqlEndpoint.sessionSettings(config));
    warehouse = new Warehouse(config.get("engineroom.warehouse.path"));
    publishNight("night-1", 100);
    DeltaTables.overwrite(spark.sql("SELECT 'activity' AS source, 'f.json' AS source_file, 1L AS position"),
        warehouse.path(Layer.OPS, "quarantine"));
    DeltaTables.overwrite(spark.sql("SELECT 'host-1' AS hostname, '" + CUSTOMER + "' AS title"),
        warehouse.path(Layer.BRONZE, "activity"));
    DeltaTables.overwrite(spark.sql("SELECT 'W1' AS worker_id, 'Jane Worker' AS display_name"),
        warehouse.path(Layer.SILVER, "roster_history"));
    EndpointSettings settings = EndpointSettings.from(config, List.of(Layer.OPS),
        name -> name.equals("ENGINEROOM_TLS_KEYSTORE_PASSWORD") ? KEYSTORE_PASSWORD : null);
    endpoint = new SqlEndpoint(spark, warehouse, settings, message -> { });
    endpoint.start();
    plainUrl = "jdbc:hive2://127.0.0.1:" + port + "/gold";
    url = plainUrl + ";ssl=true;sslTrustStore=" + work.resolve("endpoint.p12") + ";trustStorePassword="
        + KEYSTORE_PASSWORD;
  }

  @AfterAll
  static void stop() throws SQLException {
    if (attacker != null) {
      attacker.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
    spark.stop();
  }

  @Test
  void whatDashboardsNeedStillAnswers() throws SQLException {
    try (Connection c = connect("superset")) {
      assertThat(query(c, "SELECT count(*) FROM gold.fct_worker_day")).containsExactly("60");
      assertThat(query(c, "WITH t AS (SELECT team_id, sum(items) s FROM fct_worker_day GROUP BY team_id) "
          + "SELECT count(*) FROM t WHERE s > (SELECT min(items) FROM gold.agg_productivity_trends)"))
          .containsExactly("2");
      assertThat(query(c, "SELECT count(*) FROM ops.quarantine")).containsExactly("1");
      assertThat(query(c, "SHOW TABLES IN gold", 2)).contains("agg_productivity_trends", "fct_worker_day");
      assertThat(query(c, "SHOW DATABASES")).contains("gold", "ops");
      assertThat(query(c, "DESCRIBE gold.fct_worker_day")).contains("worker_id", "items");
      assertThat(query(c, "EXPLAIN SELECT * FROM gold.fct_worker_day")).isNotEmpty();
      assertThat(query(c, "SELECT er_poisson_quantile(0.975, 10.0)")).containsExactly("17");
      assertThat(query(c, "SELECT count(*) FROM range(10)")).containsExactly("10");
      try (Statement s = c.createStatement()) {
        s.execute("USE ops");
        s.execute("SET spark.sql.session.timeZone=Europe/Amsterdam");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM csv.`/etc/passwd`",
      "SELECT * FROM text.`/etc/passwd`",
      "SELECT * FROM json.`/etc/hosts`",
      "SELECT * FROM binaryFile.`/etc/hostname`",
      "SELECT * FROM parquet.`WAREHOUSE/gold/fct_worker_day`",
      "SELECT title FROM delta.`WAREHOUSE/bronze/activity`",
      "SELECT * FROM delta.`WAREHOUSE/silver/roster_history`",
      "SELECT * FROM gold.fct_worker_day WHERE worker_id IN (SELECT _c0 FROM csv.`/etc/passwd`)",
      "WITH x AS (SELECT * FROM text.`/etc/passwd`) SELECT * FROM x",
      "SELECT (SELECT max(value) FROM text.`/etc/passwd`)",
      "EXPLAIN SELECT * FROM text.`/etc/passwd`",
      "SELECT java_method('java.lang.System', 'getenv', 'HOME')",
      "SELECT reflect('java.lang.System', 'getProperty', 'user.home')",
      "SELECT count(*) FROM gold.fct_worker_day WHERE reflect('java.lang.Thread', 'sleep', 1L) IS NULL",
      "SELECT input_file_name() FROM ops.quarantine",
      "SELECT * FROM ops.quarantine VERSION AS OF 0",
      "SELECT * FROM ops.quarantine TIMESTAMP AS OF '2000-01-01'",
      "SELECT * FROM table_changes('ops.quarantine', 0)",
      "CREATE OR REPLACE VIEW gold.fct_worker_day AS SELECT 1 AS worker_id",
      "CREATE TEMPORARY VIEW leak AS SELECT * FROM text.`/etc/passwd`",
      "CREATE TEMPORARY VIEW harmless AS SELECT 1 AS x",
      "CREATE TABLE ops.stolen USING csv LOCATION '/etc' AS SELECT 1 AS x",
      "CREATE TABLE etc USING text LOCATION '/etc'",
      "DELETE FROM ops.quarantine",
      "UPDATE ops.quarantine SET position = 0",
      "MERGE INTO ops.quarantine t USING ops.quarantine s ON t.position = s.position WHEN MATCHED THEN DELETE",
      "INSERT INTO ops.quarantine SELECT 'x', 'y', 2L",
      "INSERT OVERWRITE DIRECTORY '/tmp/engineroom-leak' USING csv SELECT * FROM gold.fct_worker_day",
      "DROP TABLE ops.quarantine",
      "DROP VIEW gold.fct_worker_day",
      "ALTER TABLE ops.quarantine SET TBLPROPERTIES ('x' = 'y')",
      "TRUNCATE TABLE ops.quarantine",
      "CACHE TABLE gold.fct_worker_day",
      "CACHE TABLE leak AS SELECT * FROM text.`/etc/passwd`",
      "ADD JAR /tmp/evil.jar",
      "ADD FILE /etc/passwd",
      "ADD ARCHIVE /tmp/evil.zip",
      "CREATE TEMPORARY FUNCTION evil AS 'org.example.Evil'",
      "CREATE FUNCTION evil AS 'org.example.Evil' USING JAR '/tmp/evil.jar'",
      "LOAD DATA LOCAL INPATH '/etc/passwd' INTO TABLE ops.quarantine",
      "SET spark.databricks.delta.retentionDurationCheck.enabled=false",
      "SET spark.sql.warehouse.dir",
      "SET",
      "SET -v",
      "DESCRIBE HISTORY ops.quarantine",
      "VACUUM ops.quarantine RETAIN 0 HOURS",
      "OPTIMIZE ops.quarantine",
      "RESTORE TABLE ops.quarantine TO VERSION AS OF 0",
      "CONVERT TO DELTA parquet.`/tmp/x`",
      "ANALYZE TABLE ops.quarantine COMPUTE STATISTICS",
      "REFRESH TABLE ops.quarantine",
      "CREATE DATABASE evil",
      "SELECT * FROM bronze.activity",
      "SELECT * FROM silver.roster_history"})
  void refusesEveryWayOutForTheServiceAccount(String attack) throws SQLException {
    String sql = attack.replace("WAREHOUSE", warehouse.root());
    if (attacker == null) {
      attacker = connect("superset"); // one connection for every attack: logins are slow on purpose
    }
    assertThatThrownBy(() -> query(attacker, sql)).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Engine Room access denied",
            "TABLE_OR_VIEW_NOT_FOUND", "SCHEMA_NOT_FOUND"));
    assertThat(Files.exists(Path.of("/tmp/engineroom-leak"))).isFalse();
  }

  @Test
  void refusalsSayWhatWasRefusedAndWhy() throws SQLException {
    try (Connection c = connect("superset")) {
      assertThat(error(c, "SELECT * FROM csv.`/etc/passwd`")).contains("reading files by path")
          .contains("gold.fct_worker_day").contains("user superset, role dashboards");
      assertThat(error(c, "SELECT java_method('java.lang.System', 'getenv', 'HOME')")).contains("calling Java methods");
      assertThat(error(c, "DELETE FROM ops.quarantine")).contains("read-only");
      assertThat(error(c, "SELECT * FROM ops.quarantine VERSION AS OF 0")).contains("time travel");
    }
  }

  @Test
  void anExecutiveReadsTeamsButNoTableAboutPeople() throws SQLException {
    try (Connection c = connect("cfo")) {
      assertThat(query(c, "SELECT count(*) FROM gold.agg_productivity_trends")).containsExactly("60");
      assertThat(error(c, "SELECT team_id, sum(items) FROM gold.fct_worker_day GROUP BY team_id"))
          .contains("gold.fct_worker_day is not readable by role executive");
      assertThat(error(c, "SELECT count(*) FROM ops.quarantine")).contains("not readable by role executive");
      assertThat(error(c, "SELECT worker_id FROM gold.agg_productivity_trends")).contains("worker_id is hidden");
    }
  }

  @Test
  void aDataScientistNeverSeesAWorkerId() throws SQLException {
    try (Connection c = connect("analyst")) {
      assertThat(query(c, "SELECT team_id, sum(items) FROM gold.fct_worker_day GROUP BY team_id ORDER BY team_id"))
          .hasSize(2);
      for (String attack : List.of("SELECT * FROM gold.fct_worker_day",
          "SELECT count(DISTINCT worker_id) FROM gold.fct_worker_day",
          "SELECT items FROM gold.fct_worker_day WHERE worker_id = 'W1'",
          "SELECT items FROM gold.fct_worker_day ORDER BY worker_id",
          "SELECT sha2(worker_id, 256) FROM gold.fct_worker_day",
          "SELECT x FROM (SELECT worker_id AS x FROM gold.fct_worker_day)",
          "SELECT items FROM gold.fct_worker_day WHERE EXISTS (SELECT 1 FROM gold.fct_worker_day w WHERE w.worker_id = 'W1')")) {
        assertThat(error(c, attack)).as(attack).contains("worker_id is hidden from role data-science");
      }
    }
  }

  @Test
  void anOperatorReadsOpsOnly() throws SQLException {
    try (Connection c = connect("ops")) {
      assertThat(query(c, "SELECT count(*) FROM ops.quarantine")).containsExactly("1");
      assertThat(error(c, "SELECT count(*) FROM gold.fct_worker_day")).contains("not readable by role operator");
    }
  }

  @Test
  void xmlFunctionsDoNotResolveExternalEntities() throws SQLException {
    String xxe = "'<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>'";
    try (Connection c = connect("superset")) {
      String answer;
      try {
        answer = String.valueOf(query(c, "SELECT xpath_string(" + xxe + ", 'a')"));
      } catch (SQLException refused) {
        answer = refused.getMessage();
      }
      assertThat(answer).doesNotContain("root:");
    }
  }

  @Test
  void aClientWithoutTlsGetsNothing() {
    assertThatThrownBy(() -> DriverManager.getConnection(plainUrl, "superset", PASSWORD).close())
        .isInstanceOf(SQLException.class);
  }

  /** A throwaway self-signed certificate for 127.0.0.1, as an operator would provide a real one. */
  private static String selfSignedKeystore() {
    Path keystore = work.resolve("endpoint.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    try {
      Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "endpoint", "-keyalg", "RSA", "-keysize",
          "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass",
          KEYSTORE_PASSWORD).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return keystore.toString();
  }

  @Test
  void wrongPasswordsAndUnknownUsersCannotLogIn() {
    for (String user : List.of("superset", "nobody", "")) {
      assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guess").close())
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void noLoopbackFreeEndpointWithoutAPassword() {
    EngineRoomConfig open = SparkTestSession.config("l", "w", "serve.host=0.0.0.0", "serve.auth=none");
    assertThatThrownBy(() -> EndpointSettings.from(open, List.of(Layer.OPS), name -> null))
        .hasMessageContaining("anyone on the network could read the warehouse");
    EngineRoomConfig bronze = SparkTestSession.config("l", "w");
    assertThatThrownBy(() -> EndpointSettings.from(bronze, List.of(Layer.BRONZE), name -> null))
        .hasMessageContaining("bronze is never served");
  }

  @Test
  void theRightPasswordLetsTheServiceAccountIn() throws SQLException {
    try (Connection connection = connect("superset")) {
      assertThat(query(connection, "SELECT count(*) FROM gold.items_a")).containsExactly("100");
    }
  }

  @Test
  void everyConnectionHasTheProjectsFunctions() throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (Connection connection = connect("superset")) {
        // Upper 97.5 % Poisson limit for 10 expected: qpois(0.975, 10) = 17 in R.
        assertThat(query(connection, "SELECT er_poisson_quantile(0.975, 10.0)")).containsExactly("17");
      }
    }
  }

  @Test
  void theLatestDateOfATableComesBackAsADate() throws SQLException {
    // Superset asks "max(date column)" for every "latest period" dataset; Delta's shortcut for it
    // fails under the Thrift server's Java 8 dates unless the endpoint turns it off.
    try (Connection connection = connect("superset")) {
      assertThat(query(connection, "SELECT max(day) FROM gold.items_a")).containsExactly("2026-03-06");
    }
  }

  @Test
  void readersSeeOnlyWholePublicationsWhileANightPublishes() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicBoolean publishing = new AtomicBoolean(true);
    List<Throwable> failures = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (Connection connection = connect("superset")) {
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

  /** Publishes the night's gold tables as a night does: items_a and items_b with {@code rows} rows. */
  private static void publishNight(String runId, int rows) {
    Map<String, String> tables = new LinkedHashMap<>();
    String items = "SELECT id, '" + runId + "' AS night, date_add(DATE'2026-03-02', CAST(id % 5 AS INT)) AS day "
        + "FROM range(" + rows + ")";
    tables.put("items_a", items);
    tables.put("items_b", items);
    String people = "SELECT concat('W', id % 7) AS worker_id, concat('T', id % 2) AS team_id, id AS items "
        + "FROM range(60)";
    tables.put("fct_worker_day", people);
    tables.put("agg_productivity_trends", people);
    PublishedNights.publish(spark, warehouse, runId, tables);
  }

  private static Connection connect(String user) throws SQLException {
    return DriverManager.getConnection(url, user, PASSWORD);
  }

  private static String error(Connection c, String sql) {
    try {
      query(c, sql);
    } catch (SQLException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + sql);
  }

  private static List<String> query(Connection connection, String sql) throws SQLException {
    return query(connection, sql, 1);
  }

  private static List<String> query(Connection connection, String sql, int column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet rs = statement.getResultSet()) {
          while (rs.next()) {
            values.add(rs.getString(column));
          }
        }
      }
    }
    return values;
  }
}

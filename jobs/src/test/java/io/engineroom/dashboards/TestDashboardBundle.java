package io.engineroom.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped dashboard specs turn into a bundle in Superset's import format. */
class TestDashboardBundle {
  private static final Path ASSETS = Path.of(System.getProperty("engineroom.project.root", ".."), "dashboards", "src");
  private static final SupersetConnection CONNECTION =
      new SupersetConnection("Engine Room", "127.0.0.1", 10000, "superset", true);

  @TempDir Path work;

  @Test
  void theSevenDashboardsAreThereAndEveryChartIsLaidOut() {
    AssetSpecs specs = AssetSpecs.load(ASSETS);
    assertThat(specs.dashboards).extracting(d -> d.slug).containsExactly("executive-trends", "goals",
        "teams-and-people", "best-practices", "money-and-outcomes", "improvement", "data-quality");
    Map<String, Map<String, Object>> files = new SupersetBundle(specs, CONNECTION).files();
    for (DashboardSpec dashboard : specs.dashboards) {
      @SuppressWarnings("unchecked")
      Map<String, Object> position = (Map<String, Object>) files.get("dashboards/" + dashboard.slug + ".yaml")
          .get("position");
      Set<Object> laidOut = new HashSet<>();
      position.values().stream().filter(Map.class::isInstance).map(Map.class::cast)
          .filter(node -> "CHART".equals(node.get("type")))
          .forEach(node -> laidOut.add(((Map<?, ?>) node.get("meta")).get("uuid")));
      assertThat(laidOut).as(dashboard.title).containsExactlyInAnyOrderElementsOf(
          dashboard.charts.stream().map(AssetIds::chart).toList());
      for (ChartSpec chart : dashboard.charts) {
        assertThat(files).containsKey("charts/" + chart.title.replaceAll("[^A-Za-z0-9]+", "_")
            .replaceAll("^_|_$", "") + ".yaml");
      }
    }
    assertThat(specs.chartCount()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void sqlLabReachesTheEndpointOnlyThroughItsOwnRestrictedUser() {
    AssetSpecs specs = AssetSpecs.load(ASSETS);
    Map<String, Map<String, Object>> plain = new SupersetBundle(specs, CONNECTION).files();
    assertThat(plain.get("databases/engine_room.yaml").get("expose_in_sqllab")).isEqualTo(false);
    assertThat(plain).doesNotContainKey("databases/engine_room_sql_lab.yaml");
    Map<String, Map<String, Object>> withSqlLab = new SupersetBundle(specs, CONNECTION,
        new SupersetConnection("Engine Room (SQL Lab)", CONNECTION, "analyst")).files();
    assertThat(withSqlLab.get("databases/engine_room.yaml").get("expose_in_sqllab")).isEqualTo(false);
    Map<String, Object> sqlLab = withSqlLab.get("databases/engine_room_sql_lab.yaml");
    assertThat(sqlLab.get("expose_in_sqllab")).isEqualTo(true);
    assertThat(sqlLab.get("allow_dml")).isEqualTo(false);
    assertThat((String) sqlLab.get("sqlalchemy_uri")).startsWith("hive://analyst:XXXXXXXXXX@");
  }

  @Test
  void executiveTrendsReadNoWorkerLevelTable() {
    AssetSpecs specs = AssetSpecs.load(ASSETS);
    DashboardSpec executive = specs.dashboards.get(0);
    for (ChartSpec chart : executive.charts) {
      assertThat(specs.datasets.get(chart.dataset).columns).as(chart.title)
          .doesNotContainKeys("worker_id", "worker_pseudonym");
    }
  }

  @Test
  void aFilterSkipsTheChartsWhoseDatasetLacksItsColumn() {
    AssetSpecs specs = AssetSpecs.load(ASSETS);
    DashboardSpec executive = specs.dashboards.get(0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> filters = (List<Map<String, Object>>) ((Map<String, Object>) new SupersetBundle(specs,
        CONNECTION).files().get("dashboards/executive-trends.yaml").get("metadata")).get("native_filter_configuration");
    Map<String, Object> teamFilter = filters.stream().filter(f -> f.get("name").equals("Team")).findFirst().orElseThrow();
    List<?> excluded = (List<?>) ((Map<?, ?>) teamFilter.get("scope")).get("excluded");
    for (ChartSpec chart : executive.charts) {
      boolean hasTeam = specs.datasets.get(chart.dataset).columns.containsKey("team_id");
      assertThat(excluded.contains(DashboardLayout.chartId(executive, chart))).as(chart.title).isEqualTo(!hasTeam);
    }
  }

  @Test
  void theBundleIsAnImportableZipWithTheMaskedPasswordAndTheSameBytesEveryTime() throws Exception {
    AssetSpecs specs = AssetSpecs.load(ASSETS);
    Path first = work.resolve("a.zip");
    Path second = work.resolve("b.zip");
    new SupersetBundle(specs, CONNECTION).write(first);
    new SupersetBundle(AssetSpecs.load(ASSETS), CONNECTION).write(second);
    assertThat(sha256(first)).isEqualTo(sha256(second));
    try (ZipFile zip = new ZipFile(first.toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).allMatch(n -> n.startsWith(SupersetBundle.ROOT + "/"))).isTrue();
      String database = new String(zip.getInputStream(zip.getEntry(SupersetBundle.ROOT
          + "/databases/engine_room.yaml")).readAllBytes());
      assertThat(database).contains("hive://superset:XXXXXXXXXX@127.0.0.1:10000/gold?auth=CUSTOM");
      assertThat(zip.getEntry(SupersetBundle.ROOT + "/metadata.yaml")).isNotNull();
    }
  }

  @Test
  void aChartOnAColumnTheDatasetLacksIsRefusedNamingFileAndChart() throws IOException {
    Path assets = work.resolve("src");
    Files.createDirectories(assets.resolve("dashboards"));
    Files.writeString(assets.resolve("datasets.yaml"), "datasets:\n  - table: t\n    columns:\n"
        + "      - {name: day, type: DATE}\n      - {name: items, type: BIGINT}\n");
    Files.writeString(assets.resolve("dashboards/x.yaml"), "title: X\nslug: x\ncharts:\n"
        + "  - {title: Items by team, dataset: t, viz: table, groupby: [team_id], metrics: [{label: n, sql: SUM(items)}]}\n");
    assertThatThrownBy(() -> AssetSpecs.load(assets)).isInstanceOf(SpecException.class)
        .hasMessageContaining("x.yaml").hasMessageContaining("Items by team").hasMessageContaining("team_id")
        .hasMessageContaining("gold.t");
  }

  @Test
  void columnsReadAsWordsInSuperset() {
    assertThat(SupersetBundle.label("items_by_people")).isEqualTo("Items by people");
    assertThat(SupersetBundle.label("p90_handle_seconds")).isEqualTo("P90 handle seconds");
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

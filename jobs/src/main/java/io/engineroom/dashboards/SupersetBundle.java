package io.engineroom.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Superset's import format (v1, the one "Export" produces): one YAML file per database, dataset,
 * chart and dashboard under a root folder, zipped. The bytes depend only on the specs and the
 * connection, so the same checkout always builds the same bundle.
 */
public final class SupersetBundle {
  public static final String ROOT = "engineroom_dashboards";
  private static final String VERSION = "1.0.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AssetSpecs specs;
  private final SupersetConnection connection;
  private final SupersetConnection sqlLab;

  public SupersetBundle(AssetSpecs specs, SupersetConnection connection) {
    this(specs, connection, null);
  }

  /**
   * @param sqlLab a second connection, the only one SQL Lab may use, logging in as an endpoint user
   *     of a restricted role; null (the default) keeps SQL Lab away from the endpoint
   */
  public SupersetBundle(AssetSpecs specs, SupersetConnection connection, SupersetConnection sqlLab) {
    this.specs = specs;
    this.connection = connection;
    this.sqlLab = sqlLab;
  }

  /** Every file of the bundle, path (under the root folder) to content, in a stable order. */
  public Map<String, Map<String, Object>> files() {
    Map<String, Map<String, Object>> files = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("version", VERSION);
    metadata.put("type", "Dashboard");
    metadata.put("timestamp", "2026-01-01T00:00:00+00:00"); // fixed, so bundles are reproducible
    files.put("metadata.yaml", metadata);
    files.put("databases/engine_room.yaml", database(connection, false, AssetIds.database()));
    if (sqlLab != null) {
      files.put("databases/engine_room_sql_lab.yaml", database(sqlLab, true, AssetIds.sqlLabDatabase()));
    }
    for (DatasetSpec dataset : specs.datasets.values()) {
      files.put("datasets/engine_room/" + dataset.schema + "_" + dataset.table + ".yaml", dataset(dataset));
    }
    for (DashboardSpec dashboard : specs.dashboards) {
      for (ChartSpec chart : dashboard.charts) {
        files.put("charts/" + fileName(chart.title) + ".yaml", chart(chart));
      }
      files.put("dashboards/" + dashboard.slug + ".yaml", dashboard(dashboard));
    }
    return files;
  }

  /** Writes the bundle as a zip Superset's "Import dashboards" accepts. */
  public void write(Path zip) {
    try {
      if (zip.getParent() != null) {
        Files.createDirectories(zip.getParent());
      }
      try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
        for (Map.Entry<String, Map<String, Object>> file : files().entrySet()) {
          ZipEntry entry = new ZipEntry(ROOT + "/" + file.getKey());
          entry.setLastModifiedTime(FileTime.fromMillis(0));
          zipOut.putNextEntry(entry);
          zipOut.write(yaml().dump(file.getValue()).getBytes(StandardCharsets.UTF_8));
          zipOut.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dashboard bundle " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * The dashboards' connection is not offered in SQL Lab: a Superset user who may open a dashboard
   * should not be able to type any query as the dashboards' service account.
   */
  private static Map<String, Object> database(SupersetConnection connection, boolean exposeInSqlLab, String uuid) {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("database_name", connection.databaseName);
    db.put("sqlalchemy_uri", connection.sqlalchemyUri(true));
    db.put("cache_timeout", null);
    db.put("expose_in_sqllab", exposeInSqlLab);
    db.put("allow_run_async", false);
    db.put("allow_ctas", false);
    db.put("allow_cvas", false);
    db.put("allow_dml", false);
    db.put("allow_file_upload", false);
    db.put("extra", Map.of("allows_virtual_table_explore", true, "metadata_params", Map.of(),
        "engine_params", Map.of()));
    db.put("uuid", uuid);
    db.put("version", VERSION);
    return db;
  }

  private Map<String, Object> dataset(DatasetSpec dataset) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("table_name", dataset.table);
    d.put("main_dttm_col", dataset.mainTimeColumn());
    d.put("description", dataset.description);
    d.put("default_endpoint", null);
    d.put("offset", 0);
    d.put("cache_timeout", null);
    d.put("schema", dataset.schema);
    d.put("sql", dataset.sql);
    d.put("params", null);
    d.put("template_params", null);
    d.put("filter_select_enabled", true);
    d.put("fetch_values_predicate", null);
    d.put("extra", null);
    d.put("uuid", AssetIds.dataset(dataset));
    Map<String, Object> count = new LinkedHashMap<>();
    count.put("metric_name", "count");
    count.put("verbose_name", "Rows");
    count.put("metric_type", "count");
    count.put("expression", "COUNT(*)");
    d.put("metrics", List.of(count));
    List<Object> columns = new ArrayList<>();
    dataset.columns.forEach((name, type) -> {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("column_name", name);
      c.put("verbose_name", label(name));
      c.put("is_dttm", dataset.isTemporal(name));
      c.put("is_active", true);
      c.put("type", type);
      c.put("groupby", true);
      c.put("filterable", true);
      c.put("expression", null);
      c.put("description", dataset.columnDescriptions.get(name));
      c.put("python_date_format", null);
      columns.add(c);
    });
    d.put("columns", columns);
    d.put("version", VERSION);
    d.put("database_uuid", AssetIds.database());
    return d;
  }

  private Map<String, Object> chart(ChartSpec chart) {
    ChartForm form = new ChartForm(chart, specs.datasets.get(chart.dataset));
    Map<String, Object> params = form.params();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("slice_name", chart.title);
    c.put("description", chart.description);
    c.put("certified_by", null);
    c.put("certification_details", null);
    c.put("viz_type", chart.vizType());
    c.put("params", params);
    c.put("query_context", json(form.queryContext(params)));
    c.put("cache_timeout", null);
    c.put("uuid", AssetIds.chart(chart));
    c.put("version", VERSION);
    c.put("dataset_uuid", AssetIds.dataset(specs.datasets.get(chart.dataset)));
    return c;
  }

  private Map<String, Object> dashboard(DashboardSpec dashboard) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("dashboard_title", dashboard.title);
    d.put("description", dashboard.description);
    d.put("css", "");
    d.put("slug", dashboard.slug);
    d.put("certified_by", "");
    d.put("certification_details", "");
    d.put("published", true);
    d.put("uuid", AssetIds.dashboard(dashboard));
    d.put("position", DashboardLayout.of(dashboard));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("timed_refresh_immune_slices", List.of());
    metadata.put("expanded_slices", Map.of());
    metadata.put("refresh_frequency", 0);
    metadata.put("default_filters", "{}");
    metadata.put("color_scheme", "supersetColors");
    metadata.put("label_colors", Map.of());
    metadata.put("cross_filters_enabled", false);
    metadata.put("native_filter_configuration", nativeFilters(dashboard));
    d.put("metadata", metadata);
    d.put("version", VERSION);
    return d;
  }

  private List<Object> nativeFilters(DashboardSpec dashboard) {
    List<Object> filters = new ArrayList<>();
    for (DashboardSpec.Filter filter : dashboard.filters) {
      // A filter reaches only the charts whose dataset has its column; the others would fail on it.
      List<Integer> excluded = new ArrayList<>();
      for (ChartSpec chart : dashboard.charts) {
        if (!specs.datasets.get(chart.dataset).columns.containsKey(filter.column)) {
          excluded.add(DashboardLayout.chartId(dashboard, chart));
        }
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("id", "NATIVE_FILTER-" + AssetIds.filter(dashboard, filter).substring(0, 8));
      f.put("name", filter.name);
      f.put("filterType", "filter_select");
      f.put("targets", List.of(Map.of("datasetUuid", AssetIds.dataset(specs.datasets.get(filter.dataset)),
          "column", Map.of("name", filter.column))));
      f.put("controlValues", Map.of("enableEmptyFilter", false, "defaultToFirstItem", false, "multiSelect", true,
          "searchAllOptions", false, "inverseSelection", false));
      f.put("defaultDataMask", Map.of("extraFormData", Map.of(), "filterState", Map.of(), "ownState", Map.of()));
      f.put("cascadeParentIds", List.of());
      f.put("scope", Map.of("rootPath", List.of("ROOT_ID"), "excluded", excluded));
      f.put("type", "NATIVE_FILTER");
      f.put("description", "");
      filters.add(f);
    }
    return filters;
  }

  /** A column's heading in Superset: "items_by_people" reads "Items by people". */
  static String label(String column) {
    String words = column.replace('_', ' ').trim();
    return words.isEmpty() ? column : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String fileName(String title) {
    return title.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("query context is not serialisable", e);
    }
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setSplitLines(false);
    return new Yaml(options);
  }
}

package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Superset's dashboard layout ({@code position}): the charts in spec order, packed left to right
 * into rows of the 12-column grid. Chart ids are placeholders numbered from 1; Superset's importer
 * maps them to the imported charts through their UUIDs.
 */
final class DashboardLayout {
  private DashboardLayout() {}

  static Map<String, Object> of(DashboardSpec dashboard) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("DASHBOARD_VERSION_KEY", "v2");
    position.put("ROOT_ID", node("ROOT_ID", "ROOT", List.of("GRID_ID"), List.of(), null));
    position.put("HEADER_ID", Map.of("id", "HEADER_ID", "type", "HEADER", "meta", Map.of("text", dashboard.title)));
    List<String> rows = new ArrayList<>();
    List<String> rowCharts = new ArrayList<>();
    int rowWidth = 0;
    int chartNumber = 0;
    for (ChartSpec chart : dashboard.charts) {
      if (rowWidth + chart.width > 12) {
        addRow(position, rows, rowCharts);
        rowCharts = new ArrayList<>();
        rowWidth = 0;
      }
      chartNumber++;
      String id = "CHART-" + chartNumber;
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("chartId", chartNumber);
      meta.put("width", chart.width);
      meta.put("height", chart.height);
      meta.put("sliceName", chart.title);
      meta.put("uuid", AssetIds.chart(chart));
      position.put(id, node(id, "CHART", List.of(), List.of("ROOT_ID", "GRID_ID", "ROW-" + (rows.size() + 1)), meta));
      rowCharts.add(id);
      rowWidth += chart.width;
    }
    addRow(position, rows, rowCharts);
    position.put("GRID_ID", node("GRID_ID", "GRID", rows, List.of("ROOT_ID"), null));
    return position;
  }

  /** The placeholder chart id the layout gives each chart, in spec order (1, 2, ...). */
  static int chartId(DashboardSpec dashboard, ChartSpec chart) {
    return dashboard.charts.indexOf(chart) + 1;
  }

  private static void addRow(Map<String, Object> position, List<String> rows, List<String> charts) {
    if (charts.isEmpty()) {
      return;
    }
    String id = "ROW-" + (rows.size() + 1);
    position.put(id, node(id, "ROW", charts, List.of("ROOT_ID", "GRID_ID"),
        Map.of("background", "BACKGROUND_TRANSPARENT")));
    rows.add(id);
  }

  private static Map<String, Object> node(String id, String type, List<String> children, List<String> parents,
      Map<String, Object> meta) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", id);
    node.put("type", type);
    node.put("children", children);
    if (!parents.isEmpty()) {
      node.put("parents", parents);
    }
    if (meta != null) {
      node.put("meta", meta);
    }
    return node;
  }
}

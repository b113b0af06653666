package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a chart spec into what Superset stores for a chart: its form data ({@code params}) and the
 * query context its front end would send to {@code /api/v1/chart/data} for it.
 */
final class ChartForm {
  private final ChartSpec chart;
  private final DatasetSpec dataset;

  ChartForm(ChartSpec chart, DatasetSpec dataset) {
    this.chart = chart;
    this.dataset = dataset;
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasource", "0__table"); // replaced with the dataset's id on import
    p.put("viz_type", chart.vizType());
    List<Object> metrics = metricObjects();
    switch (chart.viz) {
      case "table" -> {
        p.put("query_mode", chart.isRawTable() ? "raw" : "aggregate");
        if (chart.isRawTable()) {
          p.put("all_columns", chart.columns);
          if (chart.orderBy != null) {
            p.put("order_by_cols", List.of("[\"" + chart.orderBy + "\", " + !chart.orderDescending + "]"));
          }
        } else {
          p.put("groupby", chart.groupby);
          p.put("metrics", metrics);
          p.put("order_desc", chart.orderDescending);
          if (chart.orderBy != null) {
            p.put("timeseries_limit_metric", metricOrColumn(chart.orderBy));
          }
        }
        p.put("server_page_length", 25);
        p.put("table_timestamp_format", "%Y-%m-%d");
      }
      case "big_number" -> {
        p.put("metric", metrics.get(0));
        p.put("header_font_size", 0.4);
        p.put("subheader_font_size", 0.15);
        p.put("y_axis_format", "SMART_NUMBER");
      }
      case "pie" -> {
        p.put("groupby", chart.groupby);
        p.put("metric", metrics.get(0));
        p.put("show_legend", true);
        p.put("label_type", "key_percent");
      }
      case "line", "bar" -> {
        p.put("x_axis", chart.x);
        if (chart.timeGrain != null) {
          p.put("time_grain_sqla", chart.timeGrain);
        }
        p.put("x_axis_sort_asc", true);
        p.put("metrics", metrics);
        p.put("groupby", chart.groupby);
        p.put("show_legend", true);
        p.put("rich_tooltip", true);
        p.put("y_axis_format", "SMART_NUMBER");
        p.put("x_axis_time_format", "smart_date");
        if (chart.viz.equals("bar")) {
          p.put("stack", "Stack");
        }
      }
      case "bubble" -> {
        p.put("entity", chart.x);
        p.put("x", metrics.get(0));
        p.put("y", metrics.get(1));
        p.put("size", metrics.get(2));
        p.put("max_bubble_size", "25");
        p.put("x_axis_label", ((Map<?, ?>) metrics.get(0)).get("label"));
        p.put("y_axis_label", ((Map<?, ?>) metrics.get(1)).get("label"));
        p.put("show_legend", false);
      }
      default -> throw new IllegalStateException("unchecked viz " + chart.viz);
    }
    p.put("adhoc_filters", adhocFilters());
    p.put("row_limit", chart.rowLimit);
    p.put("color_scheme", "supersetColors");
    p.put("extra_form_data", Map.of());
    return p;
  }

  /** The request body for {@code POST /api/v1/chart/data}, as the front end builds it. */
  Map<String, Object> queryContext(Map<String, Object> params) {
    Map<String, Object> query = new LinkedHashMap<>();
    List<Object> filters = new ArrayList<>();
    List<Object> columns = new ArrayList<>();
    List<Object> metrics = metricObjects();
    List<Object> orderby = new ArrayList<>();
    List<Object> postProcessing = new ArrayList<>();
    switch (chart.viz) {
      case "table" -> {
        if (chart.isRawTable()) {
          columns.addAll(chart.columns);
          metrics = List.of();
          if (chart.orderBy != null) {
            orderby.add(List.of(chart.orderBy, !chart.orderDescending));
          }
        } else {
          columns.addAll(chart.groupby);
          orderby.add(List.of(chart.orderBy != null ? metricOrColumn(chart.orderBy) : metrics.get(0),
              !chart.orderDescending));
        }
      }
      case "big_number" -> { }
      case "pie" -> {
        columns.addAll(chart.groupby);
        orderby.add(List.of(metrics.get(0), false));
      }
      case "line", "bar" -> {
        Map<String, Object> axis = new LinkedHashMap<>();
        if (chart.timeGrain != null) {
          axis.put("timeGrain", chart.timeGrain);
        }
        axis.put("columnType", "BASE_AXIS");
        axis.put("sqlExpression", chart.x);
        axis.put("label", chart.x);
        axis.put("expressionType", "SQL");
        columns.add(axis);
        columns.addAll(chart.groupby);
        orderby.add(List.of(metrics.get(0), false));
        query.put("series_columns", chart.groupby);
        Map<String, Object> aggregates = new LinkedHashMap<>();
        chart.metrics.keySet().forEach(label -> aggregates.put(label, Map.of("operator", "mean")));
        postProcessing.add(Map.of("operation", "pivot", "options", Map.of("index", List.of(chart.x),
            "columns", chart.groupby, "aggregates", aggregates, "drop_missing_columns", false)));
        postProcessing.add(Map.of("operation", "flatten"));
      }
      case "bubble" -> {
        columns.add(chart.x);
        orderby.add(List.of(metrics.get(2), false));
      }
      default -> throw new IllegalStateException("unchecked viz " + chart.viz);
    }
    String timeColumn = chart.isTimeSeries() ? chart.x : null;
    if (timeColumn != null) {
      filters.add(Map.of("col", timeColumn, "op", "TEMPORAL_RANGE", "val", "No filter"));
    }
    query.put("filters", filters);
    query.put("extras", Map.of("having", "", "where", chart.where == null ? "" : "(" + chart.where + ")"));
    query.put("applied_time_extras", Map.of());
    query.put("columns", columns);
    query.put("metrics", metrics);
    query.put("orderby", orderby);
    query.put("annotation_layers", List.of());
    query.put("row_limit", chart.rowLimit);
    query.put("series_limit", 0);
    query.put("order_desc", true);
    query.put("url_params", Map.of());
    query.put("custom_params", Map.of());
    query.put("custom_form_data", Map.of());
    query.put("post_processing", postProcessing);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("datasource", Map.of("id", 0, "type", "table"));
    context.put("force", false);
    context.put("queries", List.of(query));
    context.put("form_data", params);
    context.put("result_format", "json");
    context.put("result_type", "full");
    return context;
  }

  private List<Object> adhocFilters() {
    List<Object> filters = new ArrayList<>();
    if (chart.isTimeSeries()) {
      Map<String, Object> range = new LinkedHashMap<>();
      range.put("clause", "WHERE");
      range.put("subject", chart.x);
      range.put("operator", "TEMPORAL_RANGE");
      range.put("comparator", "No filter");
      range.put("expressionType", "SIMPLE");
      filters.add(range);
    }
    if (chart.where != null) {
      Map<String, Object> sql = new LinkedHashMap<>();
      sql.put("clause", "WHERE");
      sql.put("expressionType", "SQL");
      sql.put("sqlExpression", chart.where);
      filters.add(sql);
    }
    return filters;
  }

  private List<Object> metricObjects() {
    List<Object> metrics = new ArrayList<>();
    chart.metrics.forEach((label, sql) -> metrics.add(metric(label, sql)));
    return metrics;
  }

  private Object metricOrColumn(String name) {
    String sql = chart.metrics.get(name);
    if (sql != null) {
      return metric(name, sql);
    }
    if (dataset.columns.containsKey(name)) {
      return metric(name, "MAX(" + name + ")");
    }
    throw new SpecException("chart '" + chart.title + "': order_by '" + name + "' is neither one of its metrics "
        + chart.metrics.keySet() + " nor a column of " + dataset.qualifiedName() + ".");
  }

  private static Map<String, Object> metric(String label, String sql) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("expressionType", "SQL");
    m.put("sqlExpression", sql);
    m.put("label", label);
    m.put("hasCustomLabel", true);
    m.put("optionName", "metric_" + Integer.toHexString((label + sql).hashCode()));
    return m;
  }
}

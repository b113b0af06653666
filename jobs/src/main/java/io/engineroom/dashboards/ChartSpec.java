package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One chart: what it shows (dataset, metrics, grouping, filter) and how (viz, size on the grid). */
final class ChartSpec {
  /** The spec's short viz names, mapped to Superset's viz types. */
  static final Map<String, String> VIZ_TYPES = Map.of(
      "table", "table",
      "big_number", "big_number_total",
      "pie", "pie",
      "line", "echarts_timeseries_line",
      "bar", "echarts_timeseries_bar",
      "bubble", "bubble_v2");
  private static final Set<String> TIME_GRAINS = Set.of("P1D", "P1W", "P1M", "P3M", "P1Y");

  final String title;
  final String dataset;
  final String viz;
  final String description;
  /** Metric label to SQL aggregate expression. */
  final Map<String, String> metrics = new LinkedHashMap<>();
  final List<String> groupby;
  /** Columns of a raw (not aggregated) table. */
  final List<String> columns;
  /** The x axis of a line or bar chart, or the entity of a bubble chart. */
  final String x;
  /**
   * Superset's time grain for the x axis, or null to plot the column as it is. The marts already
   * carry week and month starts, and Superset's Hive week grain uses a date pattern ('u') that
   * Spark 3 rejects, so the shipped charts leave it out.
   */
  final String timeGrain;
  final String where;
  final String orderBy;
  final boolean orderDescending;
  final int rowLimit;
  final int width;
  final int height;

  private ChartSpec(SpecFields fields) {
    title = fields.text("title");
    dataset = fields.text("dataset");
    viz = fields.text("viz");
    description = fields.text("description", null);
    for (SpecFields metric : fields.entries("metrics")) {
      metrics.put(metric.text("label"), metric.text("sql"));
    }
    groupby = fields.texts("groupby");
    columns = fields.texts("columns");
    x = fields.text("x", null);
    timeGrain = fields.text("time_grain", null);
    where = fields.text("where", null);
    String order = fields.text("order_by", null);
    orderDescending = order != null && order.endsWith(" desc");
    orderBy = order == null ? null : order.replaceAll(" (desc|asc)$", "");
    rowLimit = fields.number("row_limit", 1000);
    width = fields.number("width", 6);
    height = fields.number("height", 50);
  }

  static ChartSpec read(SpecFields fields, Map<String, DatasetSpec> datasets) {
    ChartSpec chart = new ChartSpec(fields);
    chart.validate(fields.where(), datasets);
    return chart;
  }

  String vizType() {
    return VIZ_TYPES.get(viz);
  }

  boolean isTimeSeries() {
    return viz.equals("line") || viz.equals("bar");
  }

  boolean isRawTable() {
    return viz.equals("table") && metrics.isEmpty();
  }

  /** Every column the chart reads, for checking against the dataset. */
  List<String> referencedColumns() {
    List<String> all = new ArrayList<>(groupby);
    all.addAll(columns);
    if (x != null) {
      all.add(x);
    }
    if (isRawTable() && orderBy != null) {
      all.add(orderBy);
    }
    return all;
  }

  private void validate(String where, Map<String, DatasetSpec> datasets) {
    if (vizType() == null) {
      throw new SpecException(where + ": viz '" + viz + "' is not one of " + VIZ_TYPES.keySet() + ".");
    }
    DatasetSpec data = datasets.get(dataset);
    if (data == null) {
      throw new SpecException(where + ": dataset '" + dataset + "' is not in datasets.yaml; add it there (with its "
          + "column types) or use one of " + datasets.keySet() + ".");
    }
    for (String column : referencedColumns()) {
      if (!data.columns.containsKey(column)) {
        throw new SpecException(where + ": column '" + column + "' is not a column of " + data.qualifiedName()
            + " in datasets.yaml (it has " + data.columns.keySet() + ").");
      }
    }
    if (isTimeSeries() && (x == null || !data.isTemporal(x))) {
      throw new SpecException(where + ": a " + viz + " chart needs 'x', a date or timestamp column.");
    }
    if (timeGrain != null && !TIME_GRAINS.contains(timeGrain)) {
      throw new SpecException(where + ": time_grain '" + timeGrain + "' is not one of " + TIME_GRAINS + ".");
    }
    if ((isTimeSeries() || viz.equals("pie") || viz.equals("big_number")) && metrics.isEmpty()) {
      throw new SpecException(where + ": a " + viz + " chart needs at least one metric.");
    }
    if (viz.equals("big_number") && metrics.size() != 1) {
      throw new SpecException(where + ": a big_number chart shows exactly one metric.");
    }
    if (viz.equals("bubble") && (metrics.size() != 3 || x == null)) {
      throw new SpecException(where + ": a bubble chart needs 'x' (the entity column) and three metrics: "
          + "x position, y position, bubble size.");
    }
    if (isRawTable() && columns.isEmpty()) {
      throw new SpecException(where + ": a table needs 'metrics' (aggregated) or 'columns' (raw rows).");
    }
    if (width < 1 || width > 12) {
      throw new SpecException(where + ": width " + width + " is outside Superset's grid of 1 to 12.");
    }
  }
}

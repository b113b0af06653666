package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One dashboard: its charts in reading order and its native filters. */
final class DashboardSpec {
  final String title;
  final String slug;
  final String description;
  final List<ChartSpec> charts = new ArrayList<>();
  final List<Filter> filters = new ArrayList<>();

  /** A native select filter on one column; it applies to the charts whose dataset has that column. */
  static final class Filter {
    final String name;
    final String dataset;
    final String column;

    Filter(String name, String dataset, String column) {
      this.name = name;
      this.dataset = dataset;
      this.column = column;
    }
  }

  private DashboardSpec(String title, String slug, String description) {
    this.title = title;
    this.slug = slug;
    this.description = description;
  }

  static DashboardSpec read(SpecFields fields, Map<String, DatasetSpec> datasets) {
    DashboardSpec dashboard = new DashboardSpec(fields.text("title"), fields.text("slug"),
        fields.text("description", null));
    for (SpecFields chart : fields.entries("charts")) {
      dashboard.charts.add(ChartSpec.read(chart, datasets));
    }
    if (dashboard.charts.isEmpty()) {
      throw new SpecException(fields.where() + ": has no charts.");
    }
    for (SpecFields filter : fields.entries("filters")) {
      Filter f = new Filter(filter.text("name"), filter.text("dataset"), filter.text("column"));
      DatasetSpec data = datasets.get(f.dataset);
      if (data == null || !data.columns.containsKey(f.column)) {
        throw new SpecException(filter.where() + ": " + f.dataset + "." + f.column
            + " is not a dataset column in datasets.yaml.");
      }
      dashboard.filters.add(f);
    }
    return dashboard;
  }
}

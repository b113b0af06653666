package io.engineroom.dashboards;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable UUIDs for the generated assets, derived from their names: importing a newer bundle
 * overwrites the same database, datasets, charts and dashboards instead of adding copies.
 */
final class AssetIds {
  private AssetIds() {}

  static String database() {
    return of("database", "engine-room");
  }

  static String sqlLabDatabase() {
    return of("database", "engine-room-sql-lab");
  }

  static String dataset(DatasetSpec dataset) {
    return of("dataset", dataset.qualifiedName());
  }

  static String chart(ChartSpec chart) {
    return of("chart", chart.title);
  }

  static String dashboard(DashboardSpec dashboard) {
    return of("dashboard", dashboard.slug);
  }

  static String filter(DashboardSpec dashboard, DashboardSpec.Filter filter) {
    return of("filter", dashboard.slug + "/" + filter.dataset + "." + filter.column);
  }

  private static String of(String kind, String name) {
    return UUID.nameUUIDFromBytes(("engineroom/" + kind + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }
}

package io.engineroom.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Superset dataset: a table of the SQL endpoint, or a named query over its tables (a "virtual"
 * dataset, for what Superset will not put in a chart's own SQL, such as a sub-query picking the
 * latest period), with every column's type spelled out.
 */
final class DatasetSpec {
  private static final Set<String> TEMPORAL = Set.of("DATE", "TIMESTAMP");

  final String table;
  final String schema;
  final String description;
  /** The query of a virtual dataset; null for a table. */
  final String sql;
  /** Column name to Spark SQL type, in the table's order. */
  final Map<String, String> columns = new LinkedHashMap<>();
  final Map<String, String> columnDescriptions = new LinkedHashMap<>();

  private DatasetSpec(String table, String schema, String description, String sql) {
    this.table = table;
    this.schema = schema;
    this.description = description;
    this.sql = sql;
  }

  /**
   * Reads one dataset; {@code columns_from} names an earlier dataset whose columns (and types) a
   * virtual dataset shares, so they are written down once.
   */
  static DatasetSpec read(SpecFields fields, Map<String, DatasetSpec> earlier) {
    DatasetSpec spec = new DatasetSpec(fields.text("table"), fields.text("schema", "gold"),
        fields.text("description", null), fields.text("sql", null));
    String columnsFrom = fields.text("columns_from", null);
    if (columnsFrom != null) {
      DatasetSpec source = earlier.get(columnsFrom);
      if (source == null) {
        throw new SpecException(fields.where() + ": columns_from '" + columnsFrom
            + "' is not a dataset listed above it.");
      }
      spec.columns.putAll(source.columns);
      spec.columnDescriptions.putAll(source.columnDescriptions);
    }
    for (SpecFields column : fields.entries("columns")) {
      spec.columns.put(column.text("name"), column.text("type").toUpperCase(java.util.Locale.ROOT));
      String description = column.text("description", null);
      if (description != null) {
        spec.columnDescriptions.put(column.text("name"), description);
      }
    }
    if (spec.columns.isEmpty()) {
      throw new SpecException(fields.where() + ": lists no columns; Superset needs their names and types.");
    }
    return spec;
  }

  String qualifiedName() {
    return schema + "." + table;
  }

  boolean isTemporal(String column) {
    return TEMPORAL.contains(columns.get(column));
  }

  /** The first date or timestamp column, which Superset uses as the dataset's default time axis. */
  String mainTimeColumn() {
    List<String> temporal = new ArrayList<>();
    columns.keySet().stream().filter(this::isTemporal).forEach(temporal::add);
    return temporal.isEmpty() ? null : temporal.get(0);
  }
}

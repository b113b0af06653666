package io.engineroom.serve;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one role may read through the endpoint: tables by {@code schema.table} glob ({@code gold.*},
 * {@code ops.run_history}), columns it never sees, and whether it may write (only a development
 * role for dbt, which an operator grants on purpose).
 */
public final class Role {
  public final String name;
  public final List<String> tables;
  public final Set<String> hiddenColumns;
  public final boolean mayWrite;
  private final List<Pattern> tablePatterns;

  public Role(String name, List<String> tables, Set<String> hiddenColumns, boolean mayWrite) {
    this.name = name;
    this.tables = List.copyOf(tables);
    this.hiddenColumns = hiddenColumns.stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.mayWrite = mayWrite;
    this.tablePatterns = tables.stream().map(Role::glob).collect(Collectors.toList());
  }

  /** Whether the role may read {@code schema.table}. */
  public boolean mayRead(String schema, String table) {
    String name = (schema == null ? "default" : schema) + "." + table;
    String lower = name.toLowerCase(Locale.ROOT);
    return tablePatterns.stream().anyMatch(p -> p.matcher(lower).matches());
  }

  public boolean hides(String column) {
    return hiddenColumns.contains(column.toLowerCase(Locale.ROOT));
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
      regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public String toString() {
    return name;
  }
}

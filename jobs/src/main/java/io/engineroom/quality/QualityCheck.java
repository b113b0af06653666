package io.engineroom.quality;

import java.util.List;

/** One declared check, as read from quality-checks.yaml. */
public record QualityCheck(String type, List<String> columns, List<String> values, Double min, Double max,
    String refTable, String refKey, Double maxAgeHours, double minFraction, boolean isError) {

  public String column() {
    return columns.get(0);
  }

  /** A short name people read in the results: {@code unique(source_system, event_id)}. */
  public String label() {
    return type + "(" + String.join(", ", columns) + ")";
  }
}

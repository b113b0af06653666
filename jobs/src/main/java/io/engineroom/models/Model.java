package io.engineroom.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One SQL model of the dbt-style project: its file, its raw SQL, its settings and what it reads
 * ({@code refs}: models; {@code sources}: "layer.table"), as parsing its template found them.
 */
public record Model(String name, Path file, String rawSql, Map<String, String> config, List<String> refs,
    List<String> sources, List<String> tags, String folder) {

  /** The materialization of seeds: a CSV file loaded as a relation. */
  public static final String SEED = "seed";
  public static final String INCREMENTAL = "incremental";

  public String materialized() {
    return config.getOrDefault("materialized", "view");
  }

  public boolean isSeed() {
    return materialized().equals(SEED);
  }

  public boolean isIncremental() {
    return materialized().equals(INCREMENTAL);
  }

  /** dbt-spark's strategies: append (the default), merge (on unique_key), insert_overwrite (partitions). */
  public String incrementalStrategy() {
    return config.getOrDefault("incremental_strategy", "append");
  }

  /** {@code unique_key='id'} or {@code unique_key=['a', 'b']}, as a list of columns. */
  public List<String> uniqueKey() {
    return columnList(config.get("unique_key"));
  }

  public List<String> partitionBy() {
    return columnList(config.get("partition_by"));
  }

  private static List<String> columnList(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(value.replaceAll("[\\[\\]'\"]", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** Marts are what people query: they are published to gold. */
  public boolean isMart() {
    return folder.startsWith("marts");
  }
}

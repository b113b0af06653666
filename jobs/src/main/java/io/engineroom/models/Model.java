package io.engineroom.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One SQL model of the dbt-style project: its file, its raw SQL and what it depends on. */
public record Model(String name, Path file, String rawSql, Map<String, String> config, List<String> refs,
    List<String> tags, String folder) {

  /** The materialization of seeds: a CSV file loaded as a relation. */
  public static final String SEED = "seed";

  public String materialized() {
    return config.getOrDefault("materialized", "view");
  }

  /** Marts are what people query: they are published to gold. */
  public boolean isMart() {
    return folder.startsWith("marts");
  }
}

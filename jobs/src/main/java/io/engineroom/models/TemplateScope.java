package io.engineroom.models;

import java.util.Map;

/**
 * What dbt's Jinja context gives a model while it renders: {@code ref}, {@code source}, {@code var},
 * {@code config}, {@code this}, {@code is_incremental()} and {@code execute}. Parsing the project
 * and running a model answer these differently (see {@link ParseScope} and the model runner).
 */
interface TemplateScope {
  String ref(String model, int line);

  String source(String source, String table, int line);

  /** A project or run variable; {@code fallback} is the template's default, or null when it gave none. */
  String var(String name, Object fallback, int line);

  /** {@code config(key=value, ...)}: values already turned into text (lists as {@code a, b}). */
  default void config(Map<String, String> settings) {}

  boolean isIncremental();

  String thisRelation();

  /** dbt's {@code execute}: false while the project is parsed, true when the SQL is run. */
  boolean execute();
}

package io.engineroom.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a model the way dbt parses it: {@code ref}, {@code source} and {@code config} are
 * recorded (the DAG, the sources and the settings come from here), relations are placeholders,
 * {@code is_incremental()} is false and {@code execute} is false.
 */
final class ParseScope implements TemplateScope {
  private final String model;
  private final Map<String, String> vars;
  final Map<String, String> config = new LinkedHashMap<>();
  /** ref'd model → the line of its first ref, for errors that point at it. */
  final Map<String, Integer> refs = new LinkedHashMap<>();
  /** "source.table", in order of first use. */
  final List<String> sources = new ArrayList<>();

  ParseScope(String model, Map<String, String> vars) {
    this.model = model;
    this.vars = vars;
  }

  @Override
  public String ref(String name, int line) {
    refs.putIfAbsent(name, line);
    return "__ref__" + name;
  }

  @Override
  public String source(String source, String table, int line) {
    String name = source + "." + table;
    if (!sources.contains(name)) {
      sources.add(name);
    }
    return "__source__" + source + "__" + table;
  }

  @Override
  public String var(String name, Object fallback, int line) {
    return Vars.resolve(vars, name, fallback, line);
  }

  @Override
  public void config(Map<String, String> settings) {
    config.putAll(settings);
  }

  @Override
  public boolean isIncremental() {
    return false;
  }

  @Override
  public String thisRelation() {
    return "__this__" + model;
  }

  @Override
  public boolean execute() {
    return false;
  }
}

package io.engineroom.models;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Renders a model to run it: refs and sources become the relations the runner built or found. */
final class RunScope implements TemplateScope {
  private final Function<String, String> refToRelation;
  private final BiFunction<String, String, String> sourceToRelation;
  private final Map<String, String> vars;
  private final String thisRelation;
  private final boolean incremental;

  RunScope(Function<String, String> refToRelation, BiFunction<String, String, String> sourceToRelation,
      Map<String, String> vars, String thisRelation, boolean incremental) {
    this.refToRelation = refToRelation;
    this.sourceToRelation = sourceToRelation;
    this.vars = vars;
    this.thisRelation = thisRelation;
    this.incremental = incremental;
  }

  @Override
  public String ref(String model, int line) {
    return refToRelation.apply(model);
  }

  @Override
  public String source(String source, String table, int line) {
    return sourceToRelation.apply(source, table);
  }

  @Override
  public String var(String name, Object fallback, int line) {
    return Vars.resolve(vars, name, fallback, line);
  }

  @Override
  public boolean isIncremental() {
    return incremental;
  }

  @Override
  public String thisRelation() {
    return thisRelation;
  }

  @Override
  public boolean execute() {
    return true;
  }
}

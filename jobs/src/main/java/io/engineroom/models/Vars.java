package io.engineroom.models;

import java.util.Map;

/** dbt's {@code var()}: the run's value, else the template's default, else a compile error. */
final class Vars {
  private Vars() {}

  static String resolve(Map<String, String> vars, String name, Object fallback, int line) {
    String value = vars.get(name);
    if (value != null) {
      return value;
    }
    if (fallback == null) {
      throw new TemplateProblem(line, "var('" + name + "') has no value and no default. Set it under vars: in "
          + "dbt_project.yml (or pass it to the run).");
    }
    return String.valueOf(fallback);
  }
}

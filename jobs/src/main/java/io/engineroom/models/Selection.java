package io.engineroom.models;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * dbt's node selection, the common forms: {@code name}, {@code +name} (with its parents),
 * {@code name+} (with its children), {@code tag:x}, {@code path:models/marts}. Several selectors
 * are a union; none selects everything.
 */
public final class Selection {
  private Selection() {}

  public static Set<String> resolve(DbtProject project, List<String> selectors) {
    Set<String> chosen = new LinkedHashSet<>();
    if (selectors == null || selectors.isEmpty()) {
      chosen.addAll(project.models().keySet());
      return chosen;
    }
    for (String raw : selectors) {
      for (String selector : raw.trim().split("\\s+")) {
        chosen.addAll(one(project, selector));
      }
    }
    return chosen;
  }

  private static Set<String> one(DbtProject project, String selector) {
    Set<String> out = new LinkedHashSet<>();
    if (selector.startsWith("tag:")) {
      String tag = selector.substring(4);
      project.models().values().stream().filter(m -> m.tags().contains(tag)).forEach(m -> out.add(m.name()));
    } else if (selector.startsWith("path:")) {
      String path = selector.substring(5).replaceFirst("^models/?", "");
      project.models().values().stream().filter(m -> m.folder().startsWith(path)).forEach(m -> out.add(m.name()));
    } else {
      boolean parents = selector.startsWith("+");
      boolean children = selector.endsWith("+");
      String name = selector.replaceAll("^\\+|\\+$", "");
      if (!project.models().containsKey(name)) {
        throw new ModelException("--select " + selector + ": no model named " + name + ". Models: "
            + project.models().keySet());
      }
      out.add(name);
      if (parents) {
        out.addAll(project.upstream(name));
      }
      if (children) {
        out.addAll(project.downstream(name));
      }
    }
    if (out.isEmpty()) {
      throw new ModelException("--select " + selector + " matches no model.");
    }
    return out;
  }
}

package io.engineroom.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A dbt project on disk: {@code dbt_project.yml}, the models under {@code models/}, their YAML
 * (sources, tests) and the DAG their refs make. Cycles and unknown refs are rejected with the file
 * and line that cause them.
 */
public final class DbtProject {
  private final Path root;
  private final Map<String, Object> projectYaml;
  private final Map<String, Model> models = new LinkedHashMap<>();
  private final List<Map<String, Object>> yamlDocs = new ArrayList<>();
  /** model → (ref'd model → line of the ref), so an unknown ref can be shown where it is. */
  private final Map<String, Map<String, Integer>> refLines = new HashMap<>();
  private final JinjaTemplates templates;

  private DbtProject(Path root, Map<String, Object> projectYaml) {
    this.root = root;
    this.projectYaml = projectYaml;
    this.templates = JinjaTemplates.forMacros(macroDirs(root, projectYaml));
  }

  /** dbt's {@code macro-paths} (default {@code macros}). */
  private static List<Path> macroDirs(Path root, Map<String, Object> projectYaml) {
    Object paths = projectYaml.get("macro-paths");
    List<Path> dirs = new ArrayList<>();
    if (paths instanceof List<?> list) {
      list.forEach(p -> dirs.add(root.resolve(String.valueOf(p))));
    }
    return dirs.isEmpty() ? List.of(root.resolve("macros")) : dirs;
  }

  public static DbtProject load(Path root) {
    Path projectFile = root.resolve("dbt_project.yml");
    if (!Files.isRegularFile(projectFile)) {
      throw new ModelException("No dbt_project.yml in " + root.toAbsolutePath()
          + ". Point engineroom.models.path at the dbt-style-models folder.");
    }
    DbtProject project = new DbtProject(root, yaml(projectFile));
    Path modelsDir = root.resolve("models");
    try (Stream<Path> files = Files.walk(modelsDir)) {
      for (Path f : files.sorted().collect(Collectors.toList())) {
        String name = f.getFileName().toString();
        if (name.endsWith(".sql")) {
          project.addModel(modelsDir, f);
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
          project.yamlDocs.add(yaml(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + modelsDir, e);
    }
    try {
      project.addSeeds(root.resolve("seeds"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seeds of " + root, e);
    }
    project.checkRefs();
    return project;
  }

  /** Seeds: small CSV reference tables under {@code seeds/}, ref'd by file name as in dbt. */
  private void addSeeds(Path seedsDir) throws IOException {
    if (!Files.isDirectory(seedsDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(seedsDir)) {
      for (Path f : files.sorted().collect(Collectors.toList())) {
        String name = f.getFileName().toString();
        if (name.endsWith(".csv")) {
          String seed = name.replaceFirst("\\.csv$", "");
          if (models.containsKey(seed)) {
            throw new ModelException("A seed and a model are both named " + seed + ": " + f + " and "
                + models.get(seed).file());
          }
          models.put(seed, new Model(seed, f, Files.readString(f, StandardCharsets.UTF_8),
              Map.of("materialized", Model.SEED), List.of(), List.of(), List.of(), "seeds"));
        }
      }
    }
  }

  private void addModel(Path modelsDir, Path file) throws IOException {
    String sql = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
    if (models.containsKey(name)) {
      throw new ModelException("Two models are named " + name + ": " + models.get(name).file() + " and " + file);
    }
    String folder = modelsDir.relativize(file.getParent()).toString();
    Map<String, String> config = new LinkedHashMap<>(folderDefaults(folder));
    ParseScope parsed = parse(file, name, sql);
    config.putAll(parsed.config);
    List<String> tags = new ArrayList<>();
    if (config.containsKey("tags")) {
      for (String t : config.get("tags").replaceAll("[\\[\\]'\"]", "").split(",")) {
        if (!t.isBlank()) {
          tags.add(t.trim());
        }
      }
    }
    models.put(name, new Model(name, file, sql, config, List.copyOf(parsed.refs.keySet()), List.copyOf(parsed.sources),
        tags, folder));
    refLines.put(name, parsed.refs);
  }

  /** Renders a template as dbt parses it, which is how its config, refs and sources are found. */
  ParseScope parse(Path file, String name, String sql) {
    ParseScope scope = new ParseScope(name, vars());
    templates.render(file, sql, scope);
    return scope;
  }

  /** The macros under {@code macros/}. */
  List<JinjaTemplates.Macro> macros() {
    return templates.macros();
  }

  /** Renders a model or test with the given scope (the project's macros included). */
  String render(Path file, String sql, TemplateScope scope) {
    return templates.render(file, sql, scope);
  }

  /** {@code models: <project>: <folder>: +materialized: table} defaults from dbt_project.yml. */
  @SuppressWarnings("unchecked")
  private Map<String, String> folderDefaults(String folder) {
    Map<String, String> defaults = new HashMap<>();
    Object modelsNode = projectYaml.get("models");
    if (!(modelsNode instanceof Map)) {
      return defaults;
    }
    Object node = ((Map<String, Object>) modelsNode).get(String.valueOf(projectYaml.get("name")));
    collectDefaults(node, defaults);
    for (String part : folder.isEmpty() ? new String[0] : folder.split("/")) {
      node = node instanceof Map ? ((Map<String, Object>) node).get(part) : null;
      collectDefaults(node, defaults);
    }
    return defaults;
  }

  @SuppressWarnings("unchecked")
  private static void collectDefaults(Object node, Map<String, String> into) {
    if (node instanceof Map) {
      ((Map<String, Object>) node).forEach((k, v) -> {
        if (k.startsWith("+") && !(v instanceof Map)) {
          into.put(k.substring(1), String.valueOf(v));
        }
      });
    }
  }

  private void checkRefs() {
    for (Model m : models.values()) {
      for (String ref : m.refs()) {
        if (!models.containsKey(ref)) {
          throw new ModelException(m.file() + " line " + refLines.get(m.name()).get(ref) + ": ref('" + ref
              + "') names no model. Known models: " + models.keySet());
        }
      }
    }
    order(models.keySet());
  }

  public Map<String, Model> models() {
    return models;
  }

  public Path root() {
    return root;
  }

  public String name() {
    return String.valueOf(projectYaml.get("name"));
  }

  /** Project vars from dbt_project.yml, as text. */
  @SuppressWarnings("unchecked")
  public Map<String, String> vars() {
    Map<String, String> vars = new LinkedHashMap<>();
    Object node = projectYaml.get("vars");
    if (node instanceof Map) {
      ((Map<String, Object>) node).forEach((k, v) -> vars.put(k, String.valueOf(v)));
    }
    return vars;
  }

  /** The YAML documents under models/ (sources and schema tests). */
  public List<Map<String, Object>> yamlDocuments() {
    return yamlDocs;
  }

  /** The selected models in an order where each comes after everything it refs. */
  public List<Model> order(Set<String> selected) {
    List<Model> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    for (String name : models.keySet()) {
      visit(name, done, visiting, new ArrayDeque<>(), ordered);
    }
    return ordered.stream().filter(m -> selected.contains(m.name())).collect(Collectors.toList());
  }

  private void visit(String name, Set<String> done, Set<String> visiting, Deque<String> path, List<Model> out) {
    if (done.contains(name)) {
      return;
    }
    path.addLast(name);
    if (!visiting.add(name)) {
      throw new ModelException("Models ref each other in a cycle: " + String.join(" -> ", path)
          + " (" + models.get(name).file() + "). Break the cycle by moving the shared logic into its own model.");
    }
    for (String ref : models.get(name).refs()) {
      visit(ref, done, visiting, path, out);
    }
    visiting.remove(name);
    path.removeLast();
    done.add(name);
    out.add(models.get(name));
  }

  /** Everything upstream of a model (what {@code +name} selects besides the model). */
  public Set<String> upstream(String name) {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(models.get(name).refs());
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (result.add(n)) {
        todo.addAll(models.get(n).refs());
      }
    }
    return result;
  }

  /** Everything downstream of a model (what {@code name+} selects besides the model). */
  public Set<String> downstream(String name) {
    Set<String> result = new LinkedHashSet<>();
    boolean grew = true;
    Set<String> frontier = new LinkedHashSet<>(Set.of(name));
    while (grew) {
      grew = false;
      for (Model m : models.values()) {
        if (!result.contains(m.name()) && m.refs().stream().anyMatch(frontier::contains)) {
          result.add(m.name());
          frontier.add(m.name());
          grew = true;
        }
      }
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return doc instanceof Map ? (Map<String, Object>) doc : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new ModelException("Cannot parse " + file + ": " + e.getMessage());
    }
  }
}

package io.engineroom.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code manifest.json} and {@code run_results.json} in dbt's shape (manifest v12, run results v6),
 * so tools that read dbt's artifacts (lineage, docs, observability) read a Java build too. Written
 * through Hadoop's file system, so the target folder may be on HDFS or object storage.
 */
public final class DbtArtifacts {
  static final String MANIFEST_SCHEMA = "https://schemas.getdbt.com/dbt/manifest/v12.json";
  static final String RUN_RESULTS_SCHEMA = "https://schemas.getdbt.com/dbt/run-results/v6.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DbtProject project;
  private final String invocationId;
  private final String generatedAt;

  public DbtArtifacts(DbtProject project, String invocationId) {
    this.project = project;
    this.invocationId = invocationId;
    this.generatedAt = Instant.now().toString();
  }

  /** Writes both files into {@code targetFolder}. */
  public void write(String targetFolder, Configuration hadoop, BuildResult result, List<String> selectors,
      boolean fullRefresh) {
    writeJson(targetFolder, "manifest.json", manifest(result), hadoop);
    writeJson(targetFolder, "run_results.json", runResults(result, selectors, fullRefresh), hadoop);
    writeCompiled(targetFolder, result, hadoop);
  }

  /** The rendered SQL of each model, where dbt puts it: compiled/<project>/models/<path>.sql. */
  private void writeCompiled(String targetFolder, BuildResult result, Configuration hadoop) {
    result.compiledSql.forEach((name, sql) -> {
      Model model = project.models().get(name);
      Path path = new Path(targetFolder, "compiled/" + project.name() + "/" + originalFilePath(model));
      writeText(path, sql, hadoop);
    });
  }

  Map<String, Object> manifest(BuildResult result) {
    Map<String, Object> nodes = new TreeMap<>();
    Map<String, Object> sources = new TreeMap<>();
    Map<String, Set<String>> parents = new TreeMap<>();
    for (Model model : project.models().values()) {
      String id = uniqueId(model);
      List<String> dependsOn = new ArrayList<>();
      model.refs().forEach(ref -> dependsOn.add(uniqueId(project.models().get(ref))));
      for (String source : model.sources()) {
        String sourceId = "source." + project.name() + "." + source;
        dependsOn.add(sourceId);
        sources.computeIfAbsent(sourceId, k -> source(source));
        parents.computeIfAbsent(sourceId, k -> new TreeSet<>());
      }
      parents.put(id, new TreeSet<>(dependsOn));
      nodes.put(id, modelNode(model, dependsOn, result.compiledSql.get(model.name())));
    }
    for (SchemaTests.TestResult test : result.tests) {
      String id = "test." + project.name() + "." + test.name();
      Model tested = project.models().get(test.model());
      List<String> dependsOn = tested == null ? List.of() : List.of(uniqueId(tested));
      parents.put(id, new TreeSet<>(dependsOn));
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("resource_type", "test");
      node.put("unique_id", id);
      node.put("name", test.name());
      node.put("package_name", project.name());
      node.put("fqn", List.of(project.name(), test.name()));
      node.put("config", Map.of("severity", test.severity().toUpperCase(java.util.Locale.ROOT), "enabled", true));
      node.put("depends_on", Map.of("nodes", dependsOn, "macros", List.of()));
      node.put("compiled_code", test.sql());
      node.put("language", "sql");
      nodes.put(id, node);
    }
    Map<String, Set<String>> children = new TreeMap<>();
    parents.keySet().forEach(id -> children.put(id, new TreeSet<>()));
    parents.forEach((child, ps) -> ps.forEach(parent -> children.computeIfAbsent(parent, k -> new TreeSet<>())
        .add(child)));
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("metadata", metadata(MANIFEST_SCHEMA));
    manifest.put("nodes", nodes);
    manifest.put("sources", sources);
    manifest.put("macros", macros());
    manifest.put("docs", Map.of());
    manifest.put("exposures", Map.of());
    manifest.put("metrics", Map.of());
    manifest.put("groups", Map.of());
    manifest.put("selectors", Map.of());
    manifest.put("disabled", Map.of());
    manifest.put("parent_map", parents);
    manifest.put("child_map", children);
    manifest.put("group_map", Map.of());
    manifest.put("saved_queries", Map.of());
    manifest.put("semantic_models", Map.of());
    manifest.put("unit_tests", Map.of());
    return manifest;
  }

  Map<String, Object> runResults(BuildResult result, List<String> selectors, boolean fullRefresh) {
    List<Object> results = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (Map.Entry<String, Instant[]> timing : result.timings.entrySet()) {
      Model model = project.models().get(timing.getKey());
      Instant[] span = timing.getValue();
      first = first == null || span[0].isBefore(first) ? span[0] : first;
      last = last == null || span[1].isAfter(last) ? span[1] : last;
      boolean failed = model.name().equals(result.failedModel);
      Long rows = result.modelRows.get(model.name());
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("unique_id", uniqueId(model));
      r.put("status", failed ? "error" : "success");
      r.put("timing", List.of(Map.of("name", "execute", "started_at", span[0].toString(),
          "completed_at", span[1].toString())));
      r.put("thread_id", "Thread-1");
      r.put("execution_time", Duration.between(span[0], span[1]).toMillis() / 1000.0);
      r.put("adapter_response", rows == null || rows < 0 ? Map.of("_message", "OK")
          : Map.of("_message", "OK", "rows_affected", rows));
      r.put("message", failed ? result.failure : "OK");
      r.put("failures", null);
      r.put("compiled", result.compiledSql.containsKey(model.name()));
      r.put("compiled_code", result.compiledSql.get(model.name()));
      r.put("relation_name", null);
      results.add(r);
    }
    for (SchemaTests.TestResult test : result.tests) {
      Map<String, Object> r = new LinkedHashMap<>();
      boolean failed = test.failures() > 0;
      r.put("unique_id", "test." + project.name() + "." + test.name());
      r.put("status", !failed ? "pass" : test.severity().equalsIgnoreCase("warn") ? "warn" : "fail");
      r.put("timing", List.of());
      r.put("thread_id", "Thread-1");
      r.put("execution_time", 0.0);
      r.put("adapter_response", Map.of());
      r.put("message", failed ? "Got " + test.failures() + " results, configured to fail if != 0" : null);
      r.put("failures", test.failures());
      r.put("compiled", true);
      r.put("compiled_code", test.sql());
      r.put("relation_name", null);
      results.add(r);
    }
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("which", "build");
    args.put("select", selectors);
    args.put("full_refresh", fullRefresh);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("metadata", metadata(RUN_RESULTS_SCHEMA));
    out.put("results", results);
    out.put("elapsed_time", first == null ? 0.0 : Duration.between(first, last).toMillis() / 1000.0);
    out.put("args", args);
    return out;
  }

  private Map<String, Object> modelNode(Model model, List<String> dependsOn, String compiled) {
    boolean seed = model.isSeed();
    String fileName = model.file().getFileName().toString();
    Map<String, Object> config = new LinkedHashMap<>(model.config());
    config.putIfAbsent("materialized", model.materialized());
    config.put("tags", model.tags());
    config.put("enabled", true);
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("resource_type", seed ? "seed" : "model");
    node.put("unique_id", uniqueId(model));
    node.put("name", model.name());
    node.put("alias", model.name());
    node.put("package_name", project.name());
    node.put("path", seed ? fileName : (model.folder().isEmpty() ? "" : model.folder() + "/") + fileName);
    node.put("original_file_path", originalFilePath(model));
    List<String> fqn = new ArrayList<>(List.of(project.name()));
    if (!seed && !model.folder().isEmpty()) {
      fqn.addAll(List.of(model.folder().split("/")));
    }
    fqn.add(model.name());
    node.put("fqn", fqn);
    node.put("schema", model.isMart() ? "gold" : null);
    node.put("database", null);
    node.put("config", config);
    node.put("tags", model.tags());
    node.put("depends_on", Map.of("nodes", dependsOn, "macros", macrosCalledBy(model.rawSql())));
    node.put("checksum", Map.of("name", "sha256", "checksum", sha256(model.rawSql())));
    node.put("language", "sql");
    node.put("raw_code", model.rawSql());
    if (compiled != null) {
      node.put("compiled", true);
      node.put("compiled_code", compiled);
    }
    return node;
  }

  private Map<String, Object> macros() {
    Map<String, Object> macros = new TreeMap<>();
    for (JinjaTemplates.Macro macro : project.macros()) {
      String file = project.root().relativize(macro.file()).toString();
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("resource_type", "macro");
      node.put("unique_id", macroId(macro.name()));
      node.put("name", macro.name());
      node.put("package_name", project.name());
      node.put("path", file);
      node.put("original_file_path", file);
      node.put("macro_sql", macro.sql());
      node.put("depends_on", Map.of("macros", macrosCalledBy(macro.sql().replaceFirst("macro\\s+\\w+", ""))));
      macros.put(macroId(macro.name()), node);
    }
    return macros;
  }

  /** The project's macros a template calls (by name followed by a parenthesis). */
  private List<String> macrosCalledBy(String template) {
    List<String> called = new ArrayList<>();
    for (JinjaTemplates.Macro macro : project.macros()) {
      if (template.matches("(?s).*\\b" + macro.name() + "\\s*\\(.*") && !called.contains(macroId(macro.name()))) {
        called.add(macroId(macro.name()));
      }
    }
    return called;
  }

  private String macroId(String name) {
    return "macro." + project.name() + "." + name;
  }

  private static String originalFilePath(Model model) {
    boolean seed = model.isSeed();
    String folder = seed ? "seeds" : "models/" + model.folder();
    return folder.replaceAll("/$", "") + "/" + model.file().getFileName();
  }

  private Map<String, Object> source(String layerAndTable) {
    String[] parts = layerAndTable.split("\\.", 2);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("resource_type", "source");
    s.put("unique_id", "source." + project.name() + "." + layerAndTable);
    s.put("name", parts[1]);
    s.put("source_name", parts[0]);
    s.put("schema", parts[0]);
    s.put("identifier", parts[1]);
    s.put("package_name", project.name());
    s.put("fqn", List.of(project.name(), parts[0], parts[1]));
    return s;
  }

  private String uniqueId(Model model) {
    return (model.isSeed() ? "seed." : "model.") + project.name() + "." + model.name();
  }

  private Map<String, Object> metadata(String schema) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dbt_schema_version", schema);
    m.put("dbt_version", "engineroom-java-runner");
    m.put("generated_at", generatedAt);
    m.put("invocation_id", invocationId);
    m.put("env", Map.of());
    m.put("project_name", project.name());
    return m;
  }

  private static void writeJson(String folder, String name, Object value, Configuration hadoop) {
    try {
      writeText(new Path(folder, name), JSON.writeValueAsString(value), hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  private static void writeText(Path path, String text, Configuration hadoop) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (OutputStream out = fs.create(path, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

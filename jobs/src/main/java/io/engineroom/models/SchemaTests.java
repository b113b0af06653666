package io.engineroom.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * dbt's generic tests (not_null, unique, accepted_values, relationships) declared in schema YAML,
 * and singular tests (SQL files under tests/ whose rows are failures). A test with severity error
 * that fails stops the build; warn only reports.
 */
public final class SchemaTests {
  /** One test's outcome; failures is the number of offending rows. */
  public record TestResult(String name, String model, String severity, long failures, String sql) {}

  private final SparkSession spark;
  private final DbtProject project;
  private final Function<String, String> ref;
  private final BiFunction<String, String, String> source;
  private final Map<String, String> vars;

  SchemaTests(SparkSession spark, DbtProject project, Function<String, String> ref,
      BiFunction<String, String, String> source, Map<String, String> vars) {
    this.spark = spark;
    this.project = project;
    this.ref = ref;
    this.source = source;
    this.vars = vars;
  }

  List<TestResult> run(Set<String> selected) {
    List<TestResult> results = new ArrayList<>();
    for (Map<String, Object> doc : project.yamlDocuments()) {
      for (Map<String, Object> model : list(doc.get("models"))) {
        String name = String.valueOf(model.get("name"));
        if (!selected.contains(name)) {
          continue;
        }
        for (Map<String, Object> column : list(model.get("columns"))) {
          String col = String.valueOf(column.get("name"));
          Object tests = column.containsKey("data_tests") ? column.get("data_tests") : column.get("tests");
          if (tests instanceof List) {
            for (Object test : (List<?>) tests) {
              results.add(generic(name, col, test));
            }
          }
        }
      }
    }
    results.addAll(singular(selected));
    List<TestResult> errors = results.stream().filter(r -> r.failures() > 0 && r.severity().equals("error"))
        .collect(Collectors.toList());
    if (!errors.isEmpty()) {
      throw new ModelException("Data tests failed: " + errors.stream()
          .map(r -> r.name() + " (" + r.failures() + " rows)").collect(Collectors.joining(", "))
          + ". The SQL of each is in the build log; nothing was published.");
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private TestResult generic(String model, String column, Object test) {
    String kind;
    Map<String, Object> spec = Map.of();
    if (test instanceof String) {
      kind = (String) test;
    } else {
      Map.Entry<String, Object> e = ((Map<String, Object>) test).entrySet().iterator().next();
      kind = e.getKey();
      spec = e.getValue() instanceof Map ? (Map<String, Object>) e.getValue() : Map.of();
    }
    // dbt 1.10 puts a test's arguments under arguments: and its settings under config:; older
    // projects put both next to each other. Both forms are read.
    Map<String, Object> args = spec.get("arguments") instanceof Map ? (Map<String, Object>) spec.get("arguments") : spec;
    Map<String, Object> config = spec.get("config") instanceof Map ? (Map<String, Object>) spec.get("config") : spec;
    String severity = String.valueOf(config.getOrDefault("severity", "error")).toLowerCase();
    String relation = ref.apply(model);
    String c = "`" + column + "`";
    String sql;
    switch (kind) {
      case "not_null":
        sql = "select * from " + relation + " where " + c + " is null";
        break;
      case "unique":
        sql = "select " + c + " from " + relation + " where " + c + " is not null group by " + c
            + " having count(*) > 1";
        break;
      case "accepted_values":
        List<Object> values = (List<Object>) args.get("values");
        sql = "select * from " + relation + " where " + c + " not in (" + values.stream()
            .map(v -> "'" + String.valueOf(v).replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")";
        break;
      case "relationships":
        String to = String.valueOf(args.get("to"));
        String parent = to.matches("ref\\(['\"](\\w+)['\"]\\)")
            ? ref.apply(to.replaceAll("ref\\(['\"](\\w+)['\"]\\)", "$1")) : to;
        String field = "`" + args.get("field") + "`";
        sql = "select child." + c + " from " + relation + " child left join " + parent + " parent on child." + c
            + " = parent." + field + " where child." + c + " is not null and parent." + field + " is null";
        break;
      default:
        throw new ModelException("Test '" + kind + "' on " + model + "." + column
            + " is not one the runner knows: not_null, unique, accepted_values, relationships.");
    }
    long failures = spark.sql(sql).count();
    return new TestResult(kind + "_" + model + "_" + column, model, severity, failures, sql);
  }

  private List<TestResult> singular(Set<String> selected) {
    List<TestResult> results = new ArrayList<>();
    Path dir = project.root().resolve("tests");
    if (!Files.isDirectory(dir)) {
      return results;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().collect(Collectors.toList())) {
        String raw = Files.readString(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString().replace(".sql", "");
        ParseScope parsed = project.parse(f, name, raw);
        List<String> refs = List.copyOf(parsed.refs.keySet());
        if (!refs.isEmpty() && !selected.containsAll(refs)) {
          continue; // a singular test runs when everything it reads was built
        }
        String sql = project.render(f, raw, new RunScope(ref, source, vars, "", false));
        String severity = parsed.config.getOrDefault("severity", "error").toLowerCase();
        long failures = spark.sql(sql).count();
        results.add(new TestResult(name, String.join(",", refs), severity, failures, sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object node) {
    return node instanceof List ? (List<Map<String, Object>>) node : List.of();
  }
}

package io.engineroom.models;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TaskGraph;
import io.engineroom.warehouse.Warehouse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a dbt-style project inside the JVM, in DAG order: views become session views, tables become
 * Delta tables. Marts are written where the caller says (a run's staging folder, published later),
 * so a failed build never touches what readers see.
 */
public final class ModelRunner {
  private static final Pattern SPARK_LINE = Pattern.compile("line (\\d+)");
  private final SparkSession spark;
  private final Warehouse warehouse;
  private final DbtProject project;
  private final Map<String, String> vars;
  private final Consumer<String> progress;
  private final Map<String, String> relations = new ConcurrentHashMap<>();
  private final Map<String, Model> pendingViews = new LinkedHashMap<>();
  private boolean fullRefresh;
  private int threads = 1;
  private String artifactsFolder;

  public ModelRunner(SparkSession spark, Warehouse warehouse, DbtProject project, Map<String, String> vars,
      Consumer<String> progress) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.project = project;
    this.vars = new LinkedHashMap<>(project.vars());
    this.vars.putAll(vars);
    this.progress = progress;
  }

  /** Rebuilds incremental models from scratch, as dbt's {@code --full-refresh}. */
  public ModelRunner fullRefresh(boolean fullRefresh) {
    this.fullRefresh = fullRefresh;
    return this;
  }

  /** How many models may build at once, as dbt's {@code --threads}; each waits for the ones it refs. */
  public ModelRunner threads(int threads) {
    this.threads = threads;
    return this;
  }

  /** Writes manifest.json and run_results.json (dbt's shape) into this folder after every build. */
  public ModelRunner artifactsTo(String folder) {
    this.artifactsFolder = folder;
    return this;
  }

  /**
   * Builds the selected models. {@code martLocation} says where each mart's Delta table goes; other
   * tables go under the warehouse's {@code models/} folder. Returns rows per model built.
   */
  public BuildResult build(List<String> selectors, Function<String, String> martLocation) {
    Set<String> selected = Selection.resolve(project, selectors);
    List<Model> order = project.order(selected);
    // Models not selected but ref'd still need a relation: the last published or built one. An
    // unselected view is rendered when first ref'd, since it may ref a model this build makes.
    for (Model m : project.order(project.models().keySet())) {
      if (!selected.contains(m.name())) {
        if (isSessionView(m)) {
          pendingViews.put(m.name(), m);
        } else {
          relations.put(m.name(), existingRelation(m));
        }
      }
    }
    BuildResult result = new BuildResult();
    try {
      buildInOrder(order, martLocation, result);
      result.tests = new SchemaTests(spark, project, this::relationOf, this::sourceRelation, vars).run(selected);
    } finally {
      if (artifactsFolder != null) {
        new DbtArtifacts(project, java.util.UUID.randomUUID().toString())
            .write(artifactsFolder, spark.sparkContext().hadoopConfiguration(), result, selectors, fullRefresh);
      }
    }
    return result;
  }

  private void buildInOrder(List<Model> order, Function<String, String> martLocation, BuildResult result) {
    Map<String, Model> byName = new LinkedHashMap<>();
    order.forEach(m -> byName.put(m.name(), m));
    AtomicInteger started = new AtomicInteger();
    Map<String, Built> built = new ConcurrentHashMap<>();
    try {
      TaskGraph.run(threads, "engineroom-build", List.copyOf(byName.keySet()), name -> byName.get(name).refs(),
          name -> {
            Built b = buildOne(byName.get(name), martLocation, started.incrementAndGet(), order.size());
            built.put(name, b);
            if (b.failure() != null) {
              throw b.failure();
            }
          });
    } finally {
      // In the DAG's order whatever the threads' order, so the artifacts and staged tables read the same.
      for (String name : byName.keySet()) {
        Built b = built.get(name);
        if (b != null) {
          b.addTo(result);
        }
      }
    }
  }

  /** One model's outcome: its rows, or the failure that stopped the build. */
  private record Built(Model model, String location, String sql, long rows, Instant[] timing, ModelException failure) {
    void addTo(BuildResult result) {
      if (sql != null) {
        result.compiledSql.put(model.name(), sql);
      }
      result.timings.put(model.name(), timing);
      if (failure != null) {
        result.failedModel = model.name();
        result.failure = failure.getMessage();
        return;
      }
      result.modelRows.put(model.name(), rows);
      if (model.isMart()) {
        result.marts.put(model.name(), location);
      }
    }
  }

  private Built buildOne(Model model, Function<String, String> martLocation, int index, int count) {
    progress.accept(String.format("build: model %s (%s) [%d/%d]", model.name(), model.materialized(), index, count));
    // An incremental model keeps its own table across runs (a mart's is published from there);
    // the other marts go where the caller says.
    String location = model.isMart() && !model.isIncremental() ? martLocation.apply(model.name())
        : warehouse.modelPath(model.name());
    boolean incremental = model.isIncremental() && !fullRefresh && DeltaTables.exists(spark, location)
        && laidOutAsConfigured(model, location);
    Instant startedAt = Instant.now();
    String sql = null;
    try {
      sql = model.isSeed() ? null : project.render(model.file(), model.rawSql(),
          new RunScope(this::relationOf, this::sourceRelation, vars, "delta.`" + location + "`", incremental));
      long rows = run(model, sql == null ? "" : sql, location, incremental);
      return new Built(model, location, sql, rows, new Instant[] {startedAt, Instant.now()}, null);
    } catch (ModelException e) {
      return new Built(model, location, sql, -1, new Instant[] {startedAt, Instant.now()}, e);
    }
  }

  /**
   * Whether the model's table is partitioned as its config now says. A table an older version laid
   * out otherwise is rebuilt in full: replacing "the partitions the new rows fall in" of an
   * unpartitioned table would replace all of it with one night's rows.
   */
  private boolean laidOutAsConfigured(Model model, String location) {
    List<String> actual = DeltaTables.partitionColumns(spark, location);
    if (actual.equals(model.partitionBy())) {
      return true;
    }
    progress.accept(String.format("build: model %s is partitioned by %s, its config says %s: rebuilding it in full",
        model.name(), actual, model.partitionBy()));
    return false;
  }

  private long run(Model model, String sql, String location, boolean incremental) {
    try {
      Dataset<Row> rows = model.isSeed() ? null : spark.sql(sql);
      switch (model.materialized()) {
        case "view", "ephemeral": // ephemeral: dbt inlines it; a session view is the same query
          registerSessionView(model.name(), rows);
          return -1;
        case Model.SEED:
          return loadSeed(model);
        case "table":
          long written = DeltaTables.overwriteCounting(spark, rows, location).rowsWritten();
          relations.put(model.name(), "delta.`" + location + "`");
          return written;
        case Model.INCREMENTAL:
          long changed = new IncrementalWrite(spark, model, location).apply(rows, incremental);
          relations.put(model.name(), "delta.`" + location + "`");
          return changed;
        default:
          throw new ModelException(model.file() + ": materialized='" + model.materialized()
              + "' is not supported by this runner yet; use view, ephemeral, table or incremental.");
      }
    } catch (ModelException e) {
      throw e;
    } catch (Exception e) {
      throw new ModelException(describeFailure(model, sql, e), e);
    }
  }

  /** A seed becomes a session view over its CSV text, typed as dbt would infer it. */
  private long loadSeed(Model seed) {
    List<String> lines = seed.rawSql().lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(spark.createDataset(lines, Encoders.STRING()));
    registerSessionView(seed.name(), rows);
    return lines.size() - 1L;
  }

  /** Makes a view, ephemeral model or seed ref-able for the rest of the build. */
  private void registerSessionView(String model, Dataset<Row> rows) {
    String view = "model__" + model;
    rows.createOrReplaceTempView(view);
    relations.put(model, "`" + view + "`");
  }

  /** Names the model, the rendered line Spark points at, and Spark's first line of complaint. */
  static String describeFailure(Model model, String sql, Exception e) {
    String message = String.valueOf(e.getMessage());
    String first = message.split("\n")[0];
    StringBuilder sb = new StringBuilder("Model ").append(model.name()).append(" (").append(model.file())
        .append(") failed: ").append(first);
    Matcher m = SPARK_LINE.matcher(message);
    if (m.find()) {
      int line = Integer.parseInt(m.group(1));
      String[] lines = sql.split("\n", -1);
      if (line >= 1 && line <= lines.length) {
        sb.append("\n  at rendered line ").append(line).append(": ").append(lines[line - 1].trim());
      }
    }
    sb.append("\n  Fix the model and run 'engineroom build --select ").append(model.name()).append("'.");
    return sb.toString();
  }

  // Synchronized: a view not selected is rendered by whichever model refs it first.
  private synchronized String relationOf(String model) {
    Model pending = pendingViews.remove(model);
    if (pending != null) {
      String sql = project.render(pending.file(), pending.rawSql(),
          new RunScope(this::relationOf, this::sourceRelation, vars, "", false));
      registerSessionView(pending.name(), spark.sql(sql));
    }
    String relation = relations.get(model);
    if (relation == null) {
      throw new ModelException("ref('" + model + "') was not built before it was used");
    }
    return relation;
  }

  private String existingRelation(Model m) {
    if (m.isMart()) {
      return "delta.`" + warehouse.path(Layer.GOLD, m.name()) + "`";
    }
    if (m.isSeed()) {
      loadSeed(m);
      return relations.get(m.name());
    }
    return "delta.`" + warehouse.modelPath(m.name()) + "`"; // a table or incremental model
  }

  private static boolean isSessionView(Model m) {
    return !m.isMart() && (m.materialized().equals("view") || m.materialized().equals("ephemeral"));
  }

  /** {@code source('silver', 'work_items')} is the silver Delta table of that name. */
  private String sourceRelation(String source, String table) {
    Layer layer;
    try {
      layer = Layer.valueOf(source.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new ModelException("source('" + source + "', '" + table + "'): sources are warehouse layers "
          + "(bronze, silver, gold, ops).");
    }
    String path = warehouse.path(layer, table);
    if (!DeltaTables.exists(spark, path)) {
      throw new ModelException("source('" + source + "', '" + table + "') does not exist yet at " + path
          + ". Run 'engineroom ingest' (or the nightly run) first.");
    }
    return "delta.`" + path + "`";
  }
}

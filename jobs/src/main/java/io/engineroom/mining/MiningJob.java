package io.engineroom.mining;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Best-practice discovery and procedural problems over a window of days: builds the step sequences,
 * ranks top performers, mines and contrasts patterns, finds repeat problems and writes the feature
 * table. Reads silver and the analytics marts (from where the caller says: this run's staging
 * folder or gold); writes its three tables where the caller says.
 */
public final class MiningJob {
  public static final String PATTERNS = "best_practice_patterns";
  public static final String PROBLEMS = "procedural_problems";
  public static final String FEATURES = "item_features";

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Consumer<String> progress;

  public MiningJob(SparkSession spark, Warehouse warehouse, Consumer<String> progress) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.progress = progress;
  }

  /**
   * Mines and writes each result table to {@code output.apply(name)}; returns rows per table.
   * {@code goldInput} locates the marts this depends on (fct_worker_task_day, fct_quality_funnel).
   */
  public Map<String, Long> run(MiningOptions options, String pseudonymKey, Function<String, String> goldInput,
      Function<String, String> output) {
    Function<String, String> silver = t -> warehouse.path(Layer.SILVER, t);
    for (String mart : new String[] {"fct_worker_task_day", "fct_quality_funnel"}) {
      if (!DeltaTables.exists(spark, goldInput.apply(mart))) {
        throw new IllegalStateException("Mining needs the mart gold." + mart + ", which does not exist yet at "
            + goldInput.apply(mart) + ". Run 'engineroom nightly' (or 'engineroom build') first.");
      }
    }
    progress.accept("mine: step sequences " + options.from() + " to " + options.to());
    // The window's completed items, read once by every step below.
    spark.sql(String.format("select * from delta.`%s` where status = 'COMPLETED' and not is_automated "
        + "and local_date between date '%s' and date '%s'", silver.apply("work_items"), options.from(), options.to()))
        .createOrReplaceTempView(StepSequences.ITEMS_VIEW);
    Dataset<Row> sequences = StepSequences.build(spark, silver, options).cache();
    sequences.where("unit = 'item'").createOrReplaceTempView(StepSequences.ITEM_STEPS_VIEW);
    Map<String, Long> rows = new LinkedHashMap<>();
    try {
      Dataset<Row> top = TopPerformers.rank(spark, goldInput, options).cache();
      rows.put(PATTERNS, write(BestPractices.find(spark, sequences, top, options, progress), output.apply(PATTERNS)));
      progress.accept("mine: procedural problems");
      rows.put(PROBLEMS, write(ProceduralProblems.find(spark, silver, options), output.apply(PROBLEMS)));
      progress.accept("mine: item feature table");
      rows.put(FEATURES, write(ItemFeatures.build(spark, silver, top, options, pseudonymKey),
          output.apply(FEATURES)));
      top.unpersist();
    } finally {
      sequences.unpersist();
    }
    return rows;
  }

  private long write(Dataset<Row> rows, String location) {
    return DeltaTables.overwriteCounting(spark, rows, location).rowsWritten();
  }
}

package io.engineroom.mining;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Per task type: PrefixSpan's frequent patterns, contrasted between top performers' items and the
 * rest (PatternContrast). One row per closed pattern; the reported ones carry a rank.
 */
final class BestPractices {
  static final StructType SCHEMA = StructType.fromDDL(String.join(", ",
      "window_start date", "window_end date", "task_type string", "unit string", "pattern string",
      "pattern_steps array<string>", "pattern_length int", "sequences bigint", "support double",
      "top_items bigint", "top_with bigint", "others_items bigint", "others_with bigint", "support_top double",
      "support_others double", "lift double", "p_value double", "q_value double", "is_reported boolean",
      "rank int", "median_handle_with double", "median_handle_without double", "effect_seconds double",
      "effect_seconds_low double", "effect_seconds_high double", "effect_ratio double", "effect_ratio_low double",
      "effect_ratio_high double", "hours_saved_if_adopted double", "equivalent_patterns int"));
  /** Above this many sequences a task type is mined on a seeded sample, so the driver stays small. */
  static final int MAX_SEQUENCES_PER_TASK = 200_000;

  private BestPractices() {}

  static Dataset<Row> find(SparkSession spark, Dataset<Row> sequences, Dataset<Row> topPerformers, MiningOptions o,
      Consumer<String> progress) {
    Dataset<Row> labelled = sequences.join(topPerformers.selectExpr("task_type", "worker_id", "is_top"),
        sequences.col("task_type").equalTo(topPerformers.col("task_type"))
            .and(sequences.col("worker_id").equalTo(topPerformers.col("worker_id"))), "left")
        .select(sequences.col("*"), topPerformers.col("is_top")).cache();
    List<Row> rows = new ArrayList<>();
    try {
      List<String> taskTypes = labelled.select("task_type").distinct().orderBy("task_type")
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      int i = 0;
      for (String task : taskTypes) {
        progress.accept(String.format("mine: patterns of %s [%d/%d]", task, ++i, taskTypes.size()));
        rows.addAll(forTask(labelled.where(labelled.col("task_type").equalTo(task)), task, o));
      }
    } finally {
      labelled.unpersist();
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static List<Row> forTask(Dataset<Row> ofTask, String task, MiningOptions o) {
    long count = ofTask.count();
    if (count == 0) {
      return List.of();
    }
    Dataset<Row> sample = count > MAX_SEQUENCES_PER_TASK
        ? ofTask.sample(false, (double) MAX_SEQUENCES_PER_TASK / count, o.seed()) : ofTask;
    Map<List<String>, Long> patterns = FrequentPatterns.mine(sample, o);
    List<PatternContrast.Item> items = new ArrayList<>();
    Set<String> units = new java.util.TreeSet<>();
    // In a fixed order, so the seeded bootstrap gives the same interval on any cluster layout.
    for (Row r : sample.orderBy("sequence_id").select("worker_id", "handle_seconds", "steps", "is_top", "unit")
        .collectAsList()) {
      items.add(new PatternContrast.Item(String.valueOf(r.get(0)), r.getDouble(1), r.getList(2),
          !r.isNullAt(3) && r.getBoolean(3)));
      units.add(r.getString(4));
    }
    // PrefixSpan returns patterns in no fixed order; sorted, each gets the same bootstrap seed everywhere.
    List<List<String>> candidates = new ArrayList<>(patterns.keySet());
    candidates.sort(java.util.Comparator.comparing((List<String> p) -> String.join("\u0000", p)));
    List<PatternContrast.Result> results = new PatternContrast(o.falseDiscoveryRate(), o.bootstrapResamples(),
        o.seed()).compare(items, candidates);
    List<Row> rows = new ArrayList<>();
    for (PatternContrast.Result r : results) {
      MedianEffect.Estimate e = r.effect();
      long with = r.topWith() + r.othersWith();
      rows.add(RowFactory.create(Date.valueOf(o.from()), Date.valueOf(o.to()), task, String.join(",", units),
          String.join(" > ", r.pattern()), r.pattern(), r.pattern().size(), (long) items.size(),
          (double) with / items.size(), r.topItems(), r.topWith(), r.othersItems(), r.othersWith(),
          finite(r.supportTop()), finite(r.supportOthers()), finite(r.lift()), finite(r.p()), finite(r.q()),
          r.reported(), r.reported() ? r.rank() : null, finite(e.medianWith()), finite(e.medianWithout()),
          finite(e.difference()), finite(e.differenceLow()), finite(e.differenceHigh()), finite(e.ratio()),
          finite(e.ratioLow()), finite(e.ratioHigh()), finite(r.hoursSavedIfAdopted()), r.equivalentPatterns()));
    }
    return rows;
  }

  /** SQL readers get null, not NaN or infinity, where a figure does not exist. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

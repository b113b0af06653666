package io.engineroom.ingest;

import io.engineroom.warehouse.DeltaTables;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/** Goals (effective-dated), the register of changes to the work, monthly outcomes and the app-category rules. */
final class ReferenceSilver {
  static final String GOALS = "goals";
  static final String GOAL_CHANGES = "goal_changes";
  static final String INTERVENTIONS = "interventions";
  static final String OUTCOMES = "outcomes";
  static final String APP_CATEGORIES = "app_categories";

  private ReferenceSilver() {}

  static void buildGoals(SilverContext ctx, SourceReport report) {
    Dataset<Row> goals = latestSnapshot(ctx, LandingSource.GOALS, report).localCheckpoint();
    report.rowsToSilver += report.newFiles.isEmpty() ? 0 : goals.count();
    recordChanges(ctx, goals);
    DeltaTables.overwrite(goals, ctx.silver(GOALS));
  }

  /** The register of changes as of the night's date: like goals, the latest snapshot is the register. */
  static void buildInterventions(SilverContext ctx, SourceReport report) {
    Dataset<Row> interventions = latestSnapshot(ctx, LandingSource.INTERVENTIONS, report);
    long written = DeltaTables.overwriteCounting(ctx.spark, interventions, ctx.silver(INTERVENTIONS)).rowsWritten();
    report.rowsToSilver += report.newFiles.isEmpty() ? 0 : written;
  }

  /**
   * A daily full snapshot (goals, interventions): the latest delivery up to the night checked by
   * {@code <source>_checked.sql}, its bad rows and this delivery's unreadable ones quarantined,
   * and the good rows as {@code <source>.sql} types them.
   */
  private static Dataset<Row> latestSnapshot(SilverContext ctx, LandingSource source, SourceReport report) {
    String name = source.tableName();
    ctx.view("bronze_" + name, ctx.bronzeAll(source));
    Dataset<Row> checked = ctx.sql(name + "_checked");
    ctx.view(name + "_checked", checked);
    Dataset<Row> batch = ctx.bronzeBatch(source);
    report.rowsRead += batch.count();
    report.addQuarantined(ctx.quarantine.write(source, checked, "_reason", ctx.runId));
    report.addQuarantined(ctx.quarantine.writeReadErrors(source, batch, ctx.runId));
    return ctx.sql(name);
  }

  /**
   * Appends to {@code silver.goal_changes} the effective ranges of goal rows that tonight's table
   * adds, alters or drops, so incremental marts recompute the days whose standard time changed
   * (a back-dated goal included) and no others. Written before the new table, so a crash in between
   * at worst repeats a change, never loses one.
   */
  private static void recordChanges(SilverContext ctx, Dataset<Row> goals) {
    String[] columns = {"goal_id", "team_id", "task_type", "metric", "target", "effective_from", "effective_to"};
    Dataset<Row> now = goals.selectExpr(columns);
    Dataset<Row> changed = now;
    if (ctx.silverExists(GOALS)) {
      Dataset<Row> before = ctx.readSilver(GOALS).selectExpr(columns);
      changed = now.exceptAll(before).unionAll(before.exceptAll(now));
    }
    Dataset<Row> ranges = changed.selectExpr("date '" + ctx.delivery + "' as delivery_date", "task_type",
        "effective_from as changed_from", "coalesce(effective_to, date '9999-12-31') as changed_to").distinct();
    if (!ctx.silverExists(GOAL_CHANGES) || !ranges.isEmpty()) {
      DeltaTables.append(ranges, ctx.silver(GOAL_CHANGES));
    }
  }

  static void buildOutcomes(SilverContext ctx, SourceReport report) {
    Dataset<Row> batch = ctx.openBatch(LandingSource.OUTCOMES, report);
    try {
      Dataset<Row> checked = ctx.sql("outcomes_checked");
      ctx.view("outcomes_checked", checked);
      report.addQuarantined(ctx.quarantine.write(LandingSource.OUTCOMES, checked, "_reason", ctx.runId));
      Dataset<Row> outcomes = ctx.sql("outcomes").drop("rn");
      long n = outcomes.count();
      if (n > 0 || !ctx.silverExists(OUTCOMES)) {
        DeltaTables.upsert(ctx.spark, outcomes, ctx.silver(OUTCOMES), List.of("month_start", "team_id"));
      }
      report.rowsToSilver += n;
    } finally {
      batch.unpersist();
    }
  }

  static void buildAppCategories(SilverContext ctx, SourceReport report) {
    Dataset<Row> all = ctx.bronzeAll(LandingSource.APP_CATEGORIES);
    ctx.view("bronze_app_categories", all);
    List<String> bad = new ArrayList<>();
    for (Row r : all.select("pattern").distinct().collectAsList()) {
      try {
        Pattern.compile(r.getString(0) == null ? "" : r.getString(0));
      } catch (PatternSyntaxException e) {
        bad.add(r.getString(0));
      }
    }
    ctx.view("bad_patterns", ctx.spark.createDataset(bad, Encoders.STRING()).toDF("pattern"));
    Dataset<Row> checked = ctx.sql("app_categories");
    report.rowsRead += ctx.bronzeBatch(LandingSource.APP_CATEGORIES).count();
    report.addQuarantined(ctx.quarantine.write(LandingSource.APP_CATEGORIES, checked, "_reason", ctx.runId));
    Dataset<Row> rules = checked.where("_reason is null").selectExpr("cast(priority as int) as priority",
        "match_field", "pattern", "category", "lower(productive) = 'true' as is_productive");
    report.rowsToSilver += report.newFiles.isEmpty() ? 0 : rules.count();
    DeltaTables.overwrite(rules, ctx.silver(APP_CATEGORIES));
  }

  /** The rules view for classification; empty when none were delivered (all apps uncategorized). */
  static void registerViews(SilverContext ctx) {
    if (ctx.silverExists(APP_CATEGORIES)) {
      ctx.view(APP_CATEGORIES, ctx.readSilver(APP_CATEGORIES));
    } else {
      ctx.spark.sql("select cast(null as int) priority, cast(null as string) match_field, cast(null as string) pattern,"
          + " cast(null as string) category, cast(null as boolean) is_productive where false")
          .createOrReplaceTempView(APP_CATEGORIES);
    }
  }
}

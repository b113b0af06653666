package io.engineroom.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.run.BuildStage;
import io.engineroom.run.MineStage;
import io.engineroom.run.NightlyJob;
import io.engineroom.run.PublishStage;
import io.engineroom.support.SparkTestSession;
import io.engineroom.udfs.functions.KeyedHash;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two months of a 48-person back office, generated with planted effects; the marts must find every
 * one of them. The expectations come from the generator's manifest, never from this test.
 */
class TestAnalyticsFindPlantedEffects {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final int DAYS = 61;
  private static final String PSEUDONYM_KEY = "test-key-from-configuration";
  @TempDir static Path dir;
  static SparkSession spark;
  static Warehouse warehouse;
  static JsonNode truth;

  @BeforeAll
  static void generateIngestAndBuild() throws Exception {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 48, START, DAYS, 7L, 0.0), s -> { }).run();
    truth = new ObjectMapper().readTree(landing.resolve("_truth/manifest.json").toFile());
    Path keyFile = java.nio.file.Files.writeString(dir.resolve("hash.key"), PSEUDONYM_KEY); // as a mounted secret
    EngineRoomConfig config = SparkTestSession.config(landing.toString(), dir.resolve("warehouse").toString(),
        "privacy.hash-key-file=" + keyFile);
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("warehouse"));
    LocalDate last = START.plusDays(DAYS - 1);
    LandingLayout layout = new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration());
    new IngestJob(spark, config, warehouse, layout, s -> { }).runRange(START, last, "test-catch-up");
    new NightlyJob(spark, config, s -> { }, s -> { })
        .runOne(last, List.of(new BuildStage(List.of()), new MineStage(), new PublishStage()), warehouse);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> gold(String table) {
    return spark.read().format("delta").load(warehouse.path(Layer.GOLD, table));
  }

  @Test
  void plantedGoalVerdictsHoldInEveryFullRollingWindow() {
    for (JsonNode goal : truth.get("goals")) {
      if (!goal.has("planted_verdict")) {
        continue;
      }
      String task = goal.get("task_type").asText();
      List<Row> windows = gold("fct_goal_appropriateness")
          .where("window_kind = 'rolling_28d' and period_start >= date '" + START + "' and task_type = '" + task + "'")
          .select("verdict", "worker_days").collectAsList();
      assertThat(windows).as("full 28-day windows of " + task).hasSizeGreaterThanOrEqualTo(4);
      for (Row w : windows) {
        assertThat(w.getString(0)).as(task + " with " + w.getLong(1) + " worker-days")
            .isEqualTo(goal.get("planted_verdict").asText());
      }
    }
  }

  @Test
  void recommendedTargetsPointTheRightWayWithTheirSampleSizes() {
    List<Row> latest = gold("fct_goal_appropriateness")
        .where("window_kind = 'rolling_28d'")
        .groupBy("task_type").agg(org.apache.spark.sql.functions.expr(
            "max_by(struct(verdict, target, recommended_target, recommended_target_sample), period_end)").as("w"))
        .selectExpr("task_type", "w.verdict", "w.target", "w.recommended_target", "w.recommended_target_sample")
        .collectAsList();
    assertThat(latest).isNotEmpty();
    for (Row r : latest) {
      String verdict = r.getString(1);
      double target = r.getDouble(2);
      int recommended = r.getInt(3);
      assertThat(r.getLong(4)).as("sample behind the recommendation for " + r.getString(0)).isGreaterThan(50);
      if (verdict.equals("TOO_EASY")) {
        assertThat(recommended).as(r.getString(0)).isGreaterThan((int) (2 * target));
      } else if (verdict.equals("TOO_HARD")) {
        assertThat(recommended).as(r.getString(0)).isLessThan((int) target);
      }
    }
  }

  @Test
  void theDriftingGoalShowsTheWeekItTurnedAndNoOtherGoalDrifts() {
    Set<String> drifting = new HashSet<>();
    for (JsonNode goal : truth.get("goals")) {
      if (goal.has("drift_iso_week")) {
        drifting.add(goal.get("task_type").asText());
        List<Row> changes = gold("fct_goal_drift").where("task_type = '" + goal.get("task_type").asText() + "'")
            .orderBy("week_start").select("iso_week", "previous_verdict", "verdict").collectAsList();
        assertThat(changes).as("verdict changes of " + goal.get("task_type").asText()).isNotEmpty();
        assertThat(changes.get(0).getString(0)).isEqualTo(goal.get("drift_iso_week").asText());
        assertThat(changes.get(0).getString(1)).isEqualTo(goal.get("planted_verdict_before").asText());
        assertThat(changes.get(0).getString(2)).isEqualTo(goal.get("planted_verdict_after").asText());
      }
    }
    assertThat(drifting).isNotEmpty();
    List<String> others = gold("fct_goal_drift").select("task_type").distinct().as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(others).as("goals with a changed verdict").containsOnlyElementsOf(drifting);
  }

  @Test
  void everyLowQualityWorkerIsAlertedAndNoHardMixWorkerIs() {
    Set<String> lowQuality = ids(truth.get("low_quality_workers"));
    Set<String> hardMix = ids(truth.get("hard_mix_workers"));
    assertThat(lowQuality).isNotEmpty();
    assertThat(hardMix).hasSizeGreaterThan(5);
    Set<String> alerted = new TreeSet<>(gold("fct_performance_alerts").where("alert_type = 'QUALITY_BELOW_PEERS'")
        .select("worker_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertThat(alerted).as("workers alerted for quality").isEqualTo(new TreeSet<>(lowQuality));
    assertThat(alerted).doesNotContainAnyElementsOf(hardMix);
    // Hard-mix workers fail more often in absolute terms; case-mix adjustment is what keeps them out.
    Row rates = gold("fct_quality_funnel").where("is_judged").selectExpr(
        "sum(if(worker_id in (" + quoted(hardMix) + "), observed_failures, 0)) "
            + "/ sum(if(worker_id in (" + quoted(hardMix) + "), audits, 0))",
        "sum(if(worker_id not in (" + quoted(hardMix) + ", " + quoted(lowQuality) + "), observed_failures, 0)) "
            + "/ sum(if(worker_id not in (" + quoted(hardMix) + ", " + quoted(lowQuality) + "), audits, 0))").head();
    assertThat(rates.getDouble(0)).as("raw failure rate of hard-mix workers vs others").isGreaterThan(rates.getDouble(1));
  }

  @Test
  void alertsCarryTheirEvidenceAndNeedEnoughAuditsInConsecutiveMonths() {
    List<Row> alerts = gold("fct_performance_alerts").where("alert_type = 'QUALITY_BELOW_PEERS'").collectAsList();
    assertThat(alerts).isNotEmpty();
    for (Row a : alerts) {
      assertThat(a.<Long>getAs("observed")).isGreaterThan(((Number) a.getAs("alarm_limit")).longValue());
      assertThat(a.<Long>getAs("audits")).isGreaterThanOrEqualTo(20L);
      assertThat(a.<Long>getAs("previous_audits")).isGreaterThanOrEqualTo(20L);
      assertThat(a.<Integer>getAs("months_in_a_row")).isGreaterThanOrEqualTo(2);
    }
    assertThat(gold("fct_quality_funnel").where("is_judged and audits < 20").count()).isZero();
  }

  @Test
  void coastingAfterAnEasyTargetIsAGoalSignalNotAPersonSignal() {
    // Workers who mostly finish an easy target early and then idle have the lowest utilization of all;
    // the pace funnel looks only at time inside items, so none of them may be alerted for pace.
    List<String> coasters = gold("fct_worker_task_day").where("is_main_task and reached_early")
        .groupBy("worker_id").count().where("count >= 20").select("worker_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(coasters).hasSizeGreaterThan(5);
    Set<String> coastingOnly = new HashSet<>(coasters);
    coastingOnly.removeAll(ids(truth.get("slow_workers"))); // slow inside items too, for real
    assertThat(gold("fct_performance_alerts").where("alert_type = 'PACE_BELOW_PEERS' and worker_id in ("
        + quoted(coastingOnly) + ")").count()).isZero();
  }

  @Test
  void theRampUpCurveRisesTowardSettledPerformance() {
    List<Row> curve = gold("fct_ramp_up").orderBy("tenure_week")
        .select("tenure_week", "share_of_settled_performance").collectAsList();
    assertThat(ids(truth.get("ramp_up").get("new_hires"))).isNotEmpty();
    assertThat(curve).hasSizeGreaterThanOrEqualTo(6);
    double early = average(curve, 0, 1);
    double middle = average(curve, 2, 4);
    double late = average(curve, 5, 12);
    assertThat(early).as("first two weeks").isLessThan(middle).isLessThan(0.8);
    assertThat(middle).as("weeks 3-5").isLessThan(late);
    assertThat(late).as("from week 6").isGreaterThan(0.85);
  }

  @Test
  void workerDayRatiosAreConsistentAndDesktopDataFillsUtilization() {
    Row r = gold("fct_worker_day").selectExpr(
        "count(*)",
        "count_if(abs(productivity - performance * utilization) > 1e-9)",
        "count_if(active_seconds is not null and utilization is null and handle_seconds > 0)",
        "count_if(after_hours_seconds < -1e-6 or after_hours_seconds > active_seconds + 1e-6)",
        "count_if(context_switches_per_hour is not null)").head();
    assertThat(r.getLong(0)).isGreaterThan(1500L);
    assertThat(r.getLong(1)).as("productivity = performance × utilization").isZero();
    assertThat(r.getLong(2)).as("utilization missing despite desktop data").isZero();
    assertThat(r.getLong(3)).as("after-hours time outside [0, active]").isZero();
    assertThat(r.getLong(4)).isGreaterThan(1500L);
    Row t = gold("fct_worker_task_day").where("reached_target").selectExpr(
        "count_if(time_to_target_seconds is null or time_to_target_seconds <= 0)").head();
    assertThat(t.getLong(0)).as("a reached target has a positive time to target").isZero();
  }

  @Test
  void trendsShowTheDriftAndMoneyAddsUp() {
    Set<String> drifting = new HashSet<>();
    truth.get("goals").forEach(g -> {
      if (g.has("drift_iso_week")) {
        drifting.add(g.get("task_type").asText());
      }
    });
    Row jump = gold("agg_productivity_trends")
        .where("grain = 'month' and dimension = 'task_type' and dimension_value in (" + quoted(drifting) + ")")
        .selectExpr("max(performance_change)").head();
    assertThat(jump.getDouble(0)).as("month-on-month performance change of the drifting task").isGreaterThan(1.0);
    Row money = gold("fct_team_month").where("worker_days >= 100").selectExpr("count(*)",
        "count_if(cost_per_item_reporting > 0 and labour_cost_reporting > 0)",
        "count_if(cost_of_poor_quality_reporting > 0)",
        "count_if(abs(cost_per_item - labour_cost / items_completed) > 1e-6)").head();
    assertThat(money.getLong(0)).isGreaterThanOrEqualTo(8L);
    assertThat(money.getLong(1)).isEqualTo(money.getLong(0));
    assertThat(money.getLong(2)).isEqualTo(money.getLong(0));
    assertThat(money.getLong(3)).isZero();
    List<Row> capacity = gold("fct_goal_capacity").collectAsList();
    assertThat(capacity).isNotEmpty();
    for (Row c : capacity) {
      assertThat(c.<String>getAs("verdict")).isEqualTo("TOO_EASY");
      assertThat(c.<Double>getAs("hours_freed_per_month")).isPositive();
      assertThat(c.<Double>getAs("fte_freed")).isPositive();
    }
    List<Row> links = gold("fct_outcome_association").collectAsList();
    assertThat(links).hasSize(6);
    for (Row l : links) {
      double rho = l.getAs("spearman_rho");
      assertThat(rho).isBetween(-1.0, 1.0);
      assertThat(l.<Double>getAs("rho_lower_95")).isLessThanOrEqualTo(rho);
      assertThat(l.<Double>getAs("rho_upper_95")).isGreaterThanOrEqualTo(rho);
    }
    assertThat(links.get(0).<Long>getAs("team_months")).isGreaterThanOrEqualTo(8L);
  }

  // ---- Did a change work (issue #17) -------------------------------------------------------------

  private static Row improvement(String change, String outcome) {
    List<Row> rows = gold("fct_improvement")
        .where("intervention_id = '" + change + "' and outcome = '" + outcome + "'").collectAsList();
    assertThat(rows).as(change + " " + outcome).hasSize(1);
    return rows.get(0);
  }

  private static String describe(Row r) {
    return r.<String>getAs("intervention_id") + " " + r.<String>getAs("outcome") + ": ratio " + r.getAs("ratio")
        + " [" + r.getAs("ratio_lower_95") + ", " + r.getAs("ratio_upper_95") + "] (verdict's ["
        + r.getAs("ratio_lower_verdict") + ", " + r.getAs("ratio_upper_verdict") + "]), pre-trend "
        + r.getAs("pre_trend_ratio") + ", " + r.getAs("verdict") + " (" + r.getAs("verdict_reason") + ")";
  }

  @Test
  void everyPlantedChangeIsRecoveredInsideItsInterval() {
    int judged = 0;
    for (JsonNode change : truth.get("interventions")) {
      if (change.get("planted_pre_trend").asBoolean()) {
        continue;
      }
      String id = change.get("intervention_id").asText();
      double trueRatio = change.get("true_handle_time_ratio").asDouble();
      // Five changes judged at once: the true effect must lie in the interval each verdict rests on
      // (95 % shared by a change's four outcomes); a 95 % interval per outcome misses one in twenty.
      Row r = improvement(id, "handle_time_per_item");
      assertThat(r.<Double>getAs("ratio_lower_verdict")).as(describe(r)).isLessThanOrEqualTo(trueRatio);
      assertThat(r.<Double>getAs("ratio_upper_verdict")).as(describe(r)).isGreaterThanOrEqualTo(trueRatio);
      assertThat(r.<Boolean>getAs("parallel_trends_plausible")).as(describe(r)).isTrue();
      assertThat(r.<String>getAs("verdict")).as(describe(r)).isEqualTo(trueRatio < 1 ? "improved" : "no evidence");
      assertThat(r.<Long>getAs("comparison_workers")).as(describe(r)).isGreaterThanOrEqualTo(3L);
      if (change.has("true_attainment_ratio")) {
        double trueAttainment = change.get("true_attainment_ratio").asDouble();
        Row a = improvement(id, "attainment");
        assertThat(a.<Double>getAs("ratio_lower_verdict")).as(describe(a)).isLessThanOrEqualTo(trueAttainment);
        assertThat(a.<Double>getAs("ratio_upper_verdict")).as(describe(a)).isGreaterThanOrEqualTo(trueAttainment);
      }
      judged++;
    }
    assertThat(judged).as("planted changes without a pre-trend").isGreaterThanOrEqualTo(4);
  }

  @Test
  void aChangeThatDidNothingShowsNoEvidenceOnAnyOutcome() {
    for (JsonNode change : truth.get("interventions")) {
      if (change.get("kind").asText().equals("training")) {
        List<Row> rows = gold("fct_improvement")
            .where("intervention_id = '" + change.get("intervention_id").asText() + "'").collectAsList();
        assertThat(rows).hasSize(4);
        for (Row r : rows) {
          assertThat(r.<String>getAs("verdict")).as(describe(r)).isIn("no evidence", "not judgeable");
        }
      }
    }
  }

  @Test
  void aPlantedPreTrendIsFlaggedAndTheChangeIsNotJudged() {
    for (JsonNode change : truth.get("interventions")) {
      if (change.get("planted_pre_trend").asBoolean()) {
        Row r = improvement(change.get("intervention_id").asText(), "handle_time_per_item");
        assertThat(r.<Boolean>getAs("parallel_trends_plausible")).as(describe(r)).isFalse();
        assertThat(r.<String>getAs("verdict")).as(describe(r)).isEqualTo("not judgeable");
        assertThat(r.<String>getAs("verdict_reason")).as(describe(r)).contains("pre-trend");
      }
    }
  }

  @Test
  void aPersistentlySlowWorkerStaysFlaggedAcrossAToolThatSpeedsUpTheirTaskType() {
    Set<String> slow = ids(truth.get("slow_workers"));
    assertThat(slow).hasSize(1);
    JsonNode tool = null;
    for (JsonNode change : truth.get("interventions")) {
      if (change.get("kind").asText().equals("tool") && change.get("team_id").asText().equals("*")) {
        tool = change;
      }
    }
    assertThat(tool).as("a tool for a whole task type").isNotNull();
    String task = tool.get("task_type").asText();
    LocalDate toolDate = LocalDate.parse(tool.get("effective_date").asText());
    Set<String> onTask = new TreeSet<>(gold("fct_worker_task_day").where("task_type = '" + task + "'")
        .groupBy("worker_id").count().where("count >= 10").select("worker_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertThat(onTask).containsAll(slow).hasSizeGreaterThan(5);
    List<Row> slowMonths = gold("fct_pace_funnel").where("is_judged and worker_id in (" + quoted(slow) + ")")
        .orderBy("month_start").collectAsList();
    assertThat(slowMonths.stream().map(r -> r.<java.sql.Date>getAs("month_start").toLocalDate()))
        .as("judged months of the slow worker, before and after the tool of " + toolDate)
        .anyMatch(m -> m.isBefore(toolDate))
        .anyMatch(m -> m.isAfter(toolDate));
    for (Row m : slowMonths) {
      assertThat(m.<Boolean>getAs("is_below_warning")).as("slow worker in " + m.getAs("month_start") + ": O "
          + m.getAs("observed_items") + ", E " + m.getAs("expected_items") + ", warning limit "
          + m.getAs("warning_lower")).isTrue();
    }
    Set<String> peers = new TreeSet<>(onTask);
    peers.removeAll(slow);
    List<Row> flaggedPeers = gold("fct_pace_funnel").where("is_judged and is_below_warning and worker_id in ("
        + quoted(peers) + ")").collectAsList();
    assertThat(flaggedPeers).as("peers on " + task + " flagged for pace").isEmpty();
  }

  @Test
  void theDataPointsAtTheToolsAsCandidatesAndTheRegisterHoldsThem() {
    for (JsonNode change : truth.get("interventions")) {
      double ratio = change.get("true_handle_time_ratio").asDouble(1.0);
      if (change.get("kind").asText().equals("tool")) {
        List<Row> found = gold("fct_change_candidates").where("candidate_kind = 'level_shift' and measure = "
            + "'handle_time_per_item' and task_type = '" + change.get("task_type").asText() + "'").collectAsList();
        assertThat(found).as("level shifts of " + change.get("task_type").asText()).hasSize(1);
        assertThat(found.get(0).<java.sql.Date>getAs("week_start").toLocalDate())
            .isEqualTo(LocalDate.parse(change.get("effective_date").asText()));
        assertThat(found.get(0).<Double>getAs("change_share")).isNegative().isGreaterThan(ratio - 1.0 - 0.05);
        assertThat(found.get(0).<String>getAs("matched_intervention_id"))
            .isEqualTo(change.get("intervention_id").asText());
      }
    }
    List<String> shifted = gold("fct_change_candidates").where("candidate_kind = 'level_shift'").select("task_type")
        .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(shifted).as("task types with a level shift").doesNotContain(
        truth.get("best_practice").get("task_type").asText(), truth.get("procedural_problems").get("task_type").asText());
  }

  private static double average(List<Row> curve, int fromWeek, int toWeek) {
    List<Double> values = new ArrayList<>();
    for (Row r : curve) {
      if (r.getInt(0) >= fromWeek && r.getInt(0) <= toWeek) {
        values.add(r.getDouble(1));
      }
    }
    assertThat(values).as("ramp-up weeks " + fromWeek + "-" + toWeek).isNotEmpty();
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String quoted(Set<String> ids) {
    return ids.isEmpty() ? "''" : "'" + String.join("', '", ids) + "'";
  }

  @Test
  void thePlantedBestPracticeRanksFirstOrSecondWithItsEffect() {
    JsonNode planted = truth.get("best_practice");
    String task = planted.get("task_type").asText();
    List<String> apps = new ArrayList<>();
    planted.get("apps").forEach(a -> apps.add(a.asText()));
    List<Row> reported = gold("best_practice_patterns").where("is_reported and task_type = '" + task + "'")
        .orderBy("rank").collectAsList();
    assertThat(reported).as("reported patterns of " + task).isNotEmpty();
    Row found = reported.stream().filter(r -> r.<String>getAs("pattern").equals(String.join(" > ", apps)))
        .findFirst().orElseThrow(() -> new AssertionError("planted " + apps + " not reported; reported: "
            + reported.stream().map(r -> r.<String>getAs("pattern")).toList()));
    assertThat(found.<Integer>getAs("rank")).isLessThanOrEqualTo(2);
    assertThat(found.<Double>getAs("q_value")).isLessThanOrEqualTo(0.05);
    // Which way support differs depends on who the top performers are (quality and pace decide, and an
    // adopter may be slow or careless); that it differs, and what the pattern saves, is the finding.
    double factor = planted.get("handle_time_factor").asDouble();
    assertThat(found.<Double>getAs("effect_ratio_low")).as("effect interval low").isLessThanOrEqualTo(factor);
    assertThat(found.<Double>getAs("effect_ratio_high")).as("effect interval high").isGreaterThanOrEqualTo(factor);
    assertThat(found.<Double>getAs("hours_saved_if_adopted")).isPositive();
  }

  @Test
  void taskTypesWithNothingPlantedStayWithinTheFalseDiscoveryRate() {
    String task = truth.get("best_practice").get("task_type").asText();
    Row r = gold("best_practice_patterns").where("task_type != '" + task + "' and p_value is not null")
        .selectExpr("count(*)", "count_if(is_reported)").head();
    assertThat(r.getLong(0)).as("patterns tested on task types with nothing planted").isGreaterThan(5L);
    assertThat(r.getLong(1)).as("reported among them").isLessThanOrEqualTo((long) Math.ceil(0.05 * r.getLong(0)));
  }

  @Test
  void proceduralProblemsFindThePlantedReworkAndPingPongWithTheirHours() {
    String task = truth.get("procedural_problems").get("task_type").asText();
    List<Row> rework = gold("procedural_problems").where("problem = 'REWORK_ITEM'").orderBy(
        org.apache.spark.sql.functions.desc("hours")).collectAsList();
    assertThat(rework).isNotEmpty();
    assertThat(rework.get(0).<String>getAs("task_type")).isEqualTo(task);
    double share = truth.get("procedural_problems").get("rework_share_of_items").asDouble();
    assertThat(rework.get(0).<Double>getAs("share_of_items")).isBetween(share / 2, share * 1.5);
    Row pingPong = gold("procedural_problems").where("problem = 'PING_PONG' and task_type = '" + task + "'").head();
    assertThat(pingPong.<Long>getAs("items_affected")).as("ping-pong cases").isGreaterThan(10L);
    assertThat(pingPong.<Double>getAs("hours")).isPositive();
    assertThat(gold("procedural_problems").where("problem = 'AUDIT_ERROR'").count()).isGreaterThan(5L);
  }

  @Test
  void theFeatureTableCarriesKeyedPseudonymsNeverWorkerIds() {
    Dataset<Row> features = gold("item_features");
    assertThat(features.columns()).doesNotContain("worker_id").contains("worker_pseudonym", "task_type",
        "tenure_days", "steps", "handle_seconds", "audit_outcome");
    assertThat(features.count()).isGreaterThan(10_000L);
    Row sample = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_items"))
        .where("status = 'COMPLETED' and worker_id is not null and not is_automated")
        .orderBy(org.apache.spark.sql.functions.desc("local_date"), org.apache.spark.sql.functions.col("work_item_id"))
        .select("work_item_id", "worker_id").head();
    Row featured = features.where(features.col("work_item_id").equalTo(sample.getString(0)))
        .select("worker_pseudonym").head();
    assertThat(featured.getString(0)).as("pseudonym under the configured key")
        .isEqualTo(KeyedHash.hash(sample.getString(1), PSEUDONYM_KEY)).doesNotContain(sample.getString(1));
  }
}

package io.engineroom.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deequ through the facade: declared checks, the metrics repository on Delta, volume anomalies. */
class TestQualityGate {
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
  @TempDir static Path dir;
  static SparkSession spark;
  static Warehouse warehouse;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start(SparkTestSession.config(dir.resolve("l").toString(), dir.resolve("w").toString()));
    warehouse = new Warehouse(dir.resolve("w"));
    // Three Mondays of work events: 1,000, 1,000, then 400 (a night with well under half the usual).
    spark.sql("select concat('E', id) as event_id, 'sys' as source_system, concat('WI', id div 4) as work_item_id, "
        + "element_at(array('START', 'COMPLETE'), cast(id % 2 + 1 as int)) as lifecycle, "
        + "concat('W', id % 20) as worker_id, timestamp '2026-03-02 10:00:00' + make_dt_interval(cast(7 * (id div 1000) as int)) "
        + "as ts_utc, date_add(date '2026-03-02', cast(7 * (id div 1000) as int)) as _delivery_date "
        + "from range(0, 2400)").write().format("delta").save(warehouse.path(Layer.SILVER, "work_events"));
    spark.sql("select concat('W', id) as worker_id from range(0, 20)").write().format("delta")
        .save(warehouse.path(Layer.SILVER, "roster_history"));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<QualityDataset> checks(String yaml) {
    return QualityConfig.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
  }

  private static final String CHECKS = "datasets:\n  work_events:\n    table: work_events\n"
      + "    anomaly: {max_decrease: 0.5, max_increase: 3.0}\n    checks:\n"
      + "      - {type: unique, columns: [source_system, event_id], level: error}\n"
      + "      - {type: allowed_values, column: lifecycle, values: [START, COMPLETE], level: error}\n"
      + "      - {type: references, column: worker_id, table: roster_history, key: worker_id, level: error}\n"
      + "      - {type: freshness, column: ts_utc, max_age_hours: 48, level: warning}\n";

  @Test
  void aNightWithHalfTheUsualEventsIsFlaggedAndNormalNightsAreNot() {
    QualityGate gate = new QualityGate(spark, warehouse, checks(CHECKS), s -> { });
    QualityReport first = gate.run(MONDAY, "r1");
    assertThat(first.failedErrors()).isEmpty();
    assertThat(first.anomalies()).as("no history yet, nothing to compare").isEmpty();
    assertThat(first.passed()).as("unique, allowed values, references, freshness").isEqualTo(4);
    QualityReport second = gate.run(MONDAY.plusDays(7), "r2");
    assertThat(second.anomalies()).as("same volume as the Monday before").isEmpty();
    QualityReport third = gate.run(MONDAY.plusDays(14), "r3");
    assertThat(third.anomalies()).as("400 events after 1,000").containsExactly("work_events");
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, DeltaMetricsRepository.TABLE)).count())
        .as("Deequ's repository on Delta, one row per dataset and night").isEqualTo(3);
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, QualityGate.METRICS))
        .where("name = 'Size' and delivery_date = '2026-03-16'").head().getDouble(5)).isEqualTo(400.0);
    // Re-running a night replaces its results instead of adding to them.
    gate.run(MONDAY.plusDays(14), "r3-again");
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, DeltaMetricsRepository.TABLE)).count())
        .isEqualTo(3);
  }

  @Test
  void aFailingErrorCheckStopsTheNightNamingTheCheck() {
    QualityGate strict = new QualityGate(spark, warehouse, checks(CHECKS.replace("[START, COMPLETE]", "[START]")),
        s -> { });
    assertThatThrownBy(() -> strict.run(MONDAY, "strict"))
        .isInstanceOf(QualityGateException.class)
        .hasMessageContaining("lifecycle")
        .hasMessageContaining("Nothing was published");
  }

  @Test
  void mistakesInTheChecksFileSayWhere() {
    assertThatThrownBy(() -> checks("datasets:\n  x:\n    checks:\n      - {type: completeness, column: a}\n"))
        .hasMessageContaining("dataset x, check 1").hasMessageContaining("unknown type 'completeness'");
  }
}

package io.engineroom.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TableFingerprint;
import io.engineroom.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage that fails leaves the published gold tables as they were, and says what to do. */
class TestNightFailure {
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
  @TempDir static Path dir;
  static Path models;
  static SparkSession spark;
  static EngineRoomConfig config;
  static Warehouse warehouse;

  @BeforeAll
  static void publishFirstNight() throws Exception {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 8, FIRST, 2, 5L, 0.0), s -> { }).run();
    models = dir.resolve("models");
    copy(Path.of(System.getProperty("engineroom.project.root", "..")).resolve("dbt-style-models"), models);
    config = SparkTestSession.config(landing.toString(), dir.resolve("warehouse").toString(),
        "models.path=" + models);
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("warehouse"));
    new NightlyJob(spark, config, s -> { }, s -> { }).runOne(FIRST, NightlyJob.defaultStages(), warehouse);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void aFailingBuildLeavesGoldAsItWasAndSaysWhatToDo() throws Exception {
    String goldBefore = TableFingerprint.ofLayers(spark, warehouse, Layer.GOLD);
    assertThat(goldBefore).as("night one published marts").contains("gold.fct_worker_day");
    Path broken = models.resolve("models/marts/fct_broken.sql");
    Files.writeString(broken, "with items as (\n    select * from {{ ref('stg_silver__work_items') }}\n)\n"
        + "select no_such_column from items\n");
    LocalDate second = FIRST.plusDays(1);
    // The night from its build on: the stages before it are not what this is about, and cost minutes.
    List<Stage> fromBuild = NightlyJob.defaultStages().stream().filter(s -> !(s instanceof IngestStage)).toList();
    assertThatThrownBy(() -> new NightlyJob(spark, config, s -> { }, s -> { })
        .runOne(second, fromBuild, warehouse))
        .isInstanceOf(NightFailedException.class)
        .hasMessageContaining("failed in stage 'build'")
        .hasMessageContaining("fct_broken")
        .hasMessageContaining("no_such_column")
        .hasMessageContaining("at rendered line 4: select no_such_column from items")
        .hasMessageContaining("Published gold tables are unchanged (they still hold the night of " + FIRST + ")");
    assertThat(TableFingerprint.ofLayers(spark, warehouse, Layer.GOLD)).as("gold after the failure")
        .isEqualTo(goldBefore);
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, RunHistory.TABLE))
        .where("stage = 'build' and status = 'FAILED' and table_name = '*'").count()).isEqualTo(1);
    try (Stream<Path> staged = Files.list(Path.of(warehouse.root()).resolve("_staging"))) {
      assertThat(staged).as("no half-built marts left behind").isEmpty();
    }

    Files.delete(broken);
    new NightlyJob(spark, config, s -> { }, s -> { }).runOne(second, fromBuild, warehouse);
    assertThat(TableFingerprint.ofLayers(spark, warehouse, Layer.GOLD)).as("the fixed night publishes")
        .isNotEqualTo(goldBefore);
    assertThat(new RunHistory(spark, warehouse).publishedDates()).containsExactlyInAnyOrder(FIRST, second);
  }

  @Test
  void aStageFailingInsideSparkIsRecordedAsFailedToo() {
    // A task that fails surfaces as SparkException, a checked exception Scala throws unchecked.
    Stage crashing = new Stage() {
      @Override
      public String name() {
        return "crashing";
      }

      @Override
      public String adviceOnFailure() {
        return "nothing";
      }

      @Override
      public StageOutcome run(RunContext ctx) {
        return TestNightFailure.<RuntimeException>sneaky(new org.apache.spark.SparkException("a task failed"));
      }
    };
    LocalDate third = FIRST.plusDays(2);
    assertThatThrownBy(() -> new NightlyJob(spark, config, s -> { }, s -> { })
        .runOne(third, java.util.List.of(crashing), warehouse))
        .isInstanceOf(NightFailedException.class).hasMessageContaining("failed in stage 'crashing'");
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, RunHistory.TABLE))
        .where("stage = 'crashing' and status = 'FAILED'").count()).isEqualTo(1);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> StageOutcome sneaky(Exception e) throws E {
    throw (E) e;
  }

  static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.naturalOrder())::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
  }

}

package io.engineroom.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental marts on generated data with late events and a back-dated goal: a third of one
 * day's work events arrive four deliveries late, on the first of two incremental nights, and the
 * last night's goal table raises a standard time from the first day on. Building incrementally night
 * after night must give each table a full refresh gives, while recomputing only the days the
 * deliveries touched.
 */
class TestIncrementalModels {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final LocalDate LATE_DAY = START.plusDays(2);
  private static final LocalDate FIRST_BUILD_UNTIL = START.plusDays(5);
  private static final LocalDate LAST = START.plusDays(7);
  private static final String MART = "fct_task_day";
  private static final List<String> MARTS = List.of(MART, "fct_worker_day", "fct_worker_task_day");
  @TempDir static Path dir;
  static SparkSession spark;
  static Warehouse warehouse;
  static DbtProject project;
  static EngineRoomConfig config;
  static IngestJob ingest;
  static Map<String, Dataset<Row>> afterFirstBuild;
  /** Per incremental night, the rows each mart wrote. */
  static List<Map<String, Long>> rowsWrittenByNight = new ArrayList<>();
  static Map<String, Dataset<Row>> incremental;
  static Map<String, Dataset<Row>> fullRefresh;

  @BeforeAll
  static void buildIncrementallyAndInFull() throws IOException {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 8, START, 8, 11L, 0.0), s -> { }).run();
    int moved = delayEvents(landing, LATE_DAY, LAST.minusDays(1));
    assertThat(moved).as("late events planted").isGreaterThan(50);
    assertThat(raiseStandardTimesFromTheStart(landing, LAST)).as("goal rows back-dated").isPositive();
    config = SparkTestSession.config(landing.toString(), dir.resolve("warehouse").toString());
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("warehouse"));
    project = DbtProject.load(ModelsLocation.resolve(config));
    ingest = new IngestJob(spark, config, warehouse,
        new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { });

    ingest.runRange(START, FIRST_BUILD_UNTIL, "history");
    build(false);
    afterFirstBuild = snapshot();
    for (LocalDate night = FIRST_BUILD_UNTIL.plusDays(1); !night.isAfter(LAST); night = night.plusDays(1)) {
      ingest.run(night, "night-" + night);
      BuildResult built = build(false);
      rowsWrittenByNight.add(Map.copyOf(built.modelRows));
    }
    incremental = snapshot();
    build(true);
    fullRefresh = snapshot();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void incrementalEqualsFullRefresh() {
    for (String mart : MARTS) {
      Dataset<Row> nightByNight = incremental.get(mart);
      Dataset<Row> rebuilt = fullRefresh.get(mart);
      assertThat(nightByNight.count()).as(mart).isEqualTo(rebuilt.count()).isGreaterThan(20);
      assertThat(nightByNight.exceptAll(rebuilt).count()).as(mart + " rows a full refresh does not have").isZero();
      assertThat(rebuilt.exceptAll(nightByNight).count()).as(mart + " rows the nights did not build").isZero();
    }
  }

  @Test
  void theLateEventsChangedTheirOldDay() {
    double before = sumOn(afterFirstBuild.get(MART), LATE_DAY, "items_by_people");
    double after = sumOn(incremental.get(MART), LATE_DAY, "items_by_people");
    assertThat(after).as("items completed on %s once its late events arrived", LATE_DAY).isGreaterThan(before);
    assertThat(sumOn(incremental.get("fct_worker_day"), LATE_DAY, "items_completed"))
        .isGreaterThan(sumOn(afterFirstBuild.get("fct_worker_day"), LATE_DAY, "items_completed"));
  }

  @Test
  void theBackDatedGoalChangedTheFirstDaysEarnedTime() {
    double before = sumOn(afterFirstBuild.get("fct_worker_day"), START, "earned_seconds");
    double after = sumOn(incremental.get("fct_worker_day"), START, "earned_seconds");
    assertThat(after).as("earned seconds on %s after its standard times were raised", START).isGreaterThan(before);
  }

  @Test
  void incrementalNightsRecomputedOnlyTheDaysTheyTouched() {
    // Each night touches its own days (the first also the late day), not the whole table. The
    // back-dated goal of the last night touches every day of the marts that earn standard time.
    for (Map<String, Long> night : rowsWrittenByNight) {
      assertThat(night.get(MART)).isPositive().isLessThan(fullRefresh.get(MART).count());
    }
    for (String mart : List.of("fct_worker_day", "fct_worker_task_day")) {
      assertThat(rowsWrittenByNight.get(0).get(mart)).as(mart).isPositive()
          .isLessThan(fullRefresh.get(mart).count());
    }
  }

  @Test
  void theLastBuildLeftAManifestAndRunResultsInDbtsShape() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile());
    JsonNode results = new ObjectMapper().readTree(dir.resolve("target/run_results.json").toFile());
    assertThat(manifest.at("/metadata/dbt_schema_version").asText()).endsWith("/manifest/v12.json");
    JsonNode mart = manifest.at("/nodes/model.engineroom." + MART);
    assertThat(mart.at("/config/materialized").asText()).isEqualTo("incremental");
    assertThat(mart.at("/depends_on/nodes")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "model.engineroom.stg_silver__work_items");
    assertThat(manifest.at("/child_map/model.engineroom.stg_silver__goal_changes")).extracting(JsonNode::asText)
        .contains("model.engineroom.fct_worker_day", "model.engineroom.fct_worker_task_day");
    assertThat(manifest.at("/parent_map/model.engineroom.stg_silver__goal_changes")).extracting(JsonNode::asText)
        .containsExactly("source.engineroom.silver.goal_changes");
    assertThat(manifest.at("/macros/macro.engineroom.roster_on_day/original_file_path").asText())
        .isEqualTo("macros/roster.sql");
    assertThat(manifest.at("/nodes/model.engineroom.fct_worker_day/depends_on/macros")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("macro.engineroom.roster_on_day", "macro.engineroom.touched_local_dates",
            "macro.engineroom.delivered_through");
    assertThat(results.at("/args/full_refresh").asBoolean()).isTrue();
    JsonNode martResult = null;
    for (JsonNode result : results.get("results")) {
      if (result.get("unique_id").asText().equals("model.engineroom." + MART)) {
        martResult = result;
      }
    }
    assertThat(martResult).isNotNull();
    assertThat(martResult.get("status").asText()).isEqualTo("success");
    assertThat(martResult.at("/adapter_response/rows_affected").asLong()).isEqualTo(fullRefresh.get(MART).count());
  }

  private static BuildResult build(boolean fullRefresh) {
    return new ModelRunner(spark, warehouse, project, java.util.Map.of(), s -> { })
        .fullRefresh(fullRefresh)
        .artifactsTo(dir.resolve("target").toString())
        .build(MARTS.stream().map(m -> "+" + m).toList(), name -> warehouse.stagingPath("test", name));
  }

  /** The marts as they are now, cached so later builds cannot change them under the test. */
  private static Map<String, Dataset<Row>> snapshot() {
    Map<String, Dataset<Row>> tables = new HashMap<>();
    for (String mart : MARTS) {
      Dataset<Row> rows = comparable(DeltaTables.read(spark, warehouse.modelPath(mart))).localCheckpoint();
      rows.count();
      tables.put(mart, rows);
    }
    return tables;
  }

  /** Maps as sorted entry arrays: Spark cannot compare map columns in EXCEPT. */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    for (org.apache.spark.sql.types.StructField field : table.schema().fields()) {
      if (field.dataType() instanceof org.apache.spark.sql.types.MapType) {
        table = table.withColumn(field.name(),
            org.apache.spark.sql.functions.expr("array_sort(map_entries(" + field.name() + "))"));
      }
    }
    return table;
  }

  private static double sumOn(Dataset<Row> table, LocalDate day, String column) {
    Row row = table.where("local_date = DATE'" + day + "'").selectExpr("cast(sum(" + column + ") as double)").first();
    return row.isNullAt(0) ? 0 : row.getDouble(0);
  }

  /**
   * In the goal tables delivered from {@code from} on, every standard time is a quarter higher over
   * its whole effective range: a correction that changes the earned time of days long published.
   */
  private static int raiseStandardTimesFromTheStart(Path landing, LocalDate from) throws IOException {
    int changed = 0;
    try (Stream<Path> days = Files.list(landing.resolve("goals"))) {
      for (Path day : days.filter(d -> !LocalDate.parse(d.getFileName().toString()).isBefore(from)).toList()) {
        Path file = day.resolve("goals.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int metric = header.indexOf("metric");
        int target = header.indexOf("target");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split(",", -1);
          if (cells[metric].equals("standard_handle_seconds")) {
            cells[target] = String.valueOf(Double.parseDouble(cells[target]) * 1.25);
            changed++;
          }
          out.add(String.join(",", cells));
        }
        Files.write(file, out);
      }
    }
    return changed;
  }

  /** Moves every third event of a day's files into a file delivered on a later day. */
  private static int delayEvents(Path landing, LocalDate day, LocalDate deliveredOn) throws IOException {
    Path from = landing.resolve("work_events").resolve(day.toString());
    Path to = landing.resolve("work_events").resolve(deliveredOn.toString());
    Files.createDirectories(to);
    int moved = 0;
    List<Path> files;
    try (Stream<Path> list = Files.list(from)) {
      files = list.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      List<String> kept = new ArrayList<>(List.of(lines.get(0)));
      List<String> late = new ArrayList<>(List.of(lines.get(0)));
      for (int i = 1; i < lines.size(); i++) {
        (i % 3 == 0 ? late : kept).add(lines.get(i));
      }
      Files.write(file, kept);
      String name = file.getFileName().toString().replace(".csv", "-late-from-" + day + ".csv");
      Files.write(to.resolve(name), late);
      moved += late.size() - 1;
    }
    return moved;
  }
}

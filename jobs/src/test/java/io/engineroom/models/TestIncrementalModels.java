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
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental mart on generated data with late events: a third of one day's work events arrive
 * four deliveries late, on the first of two incremental nights. Building incrementally night after night must give the table a full
 * refresh gives, while recomputing only the days the deliveries touched.
 */
class TestIncrementalModels {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final LocalDate LATE_DAY = START.plusDays(2);
  private static final LocalDate FIRST_BUILD_UNTIL = START.plusDays(5);
  private static final LocalDate LAST = START.plusDays(7);
  private static final String MART = "fct_task_day";
  @TempDir static Path dir;
  static SparkSession spark;
  static Warehouse warehouse;
  static DbtProject project;
  static EngineRoomConfig config;
  static IngestJob ingest;
  static Dataset<Row> afterFirstBuild;
  static long incrementalRowsWritten;
  static Dataset<Row> incremental;
  static Dataset<Row> fullRefresh;

  @BeforeAll
  static void buildIncrementallyAndInFull() throws IOException {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 8, START, 8, 11L, 0.0), s -> { }).run();
    int moved = delayEvents(landing, LATE_DAY, LAST.minusDays(1));
    assertThat(moved).as("late events planted").isGreaterThan(50);
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
      incrementalRowsWritten += build(false).modelRows.get(MART);
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
    assertThat(incremental.count()).isEqualTo(fullRefresh.count()).isGreaterThan(20);
    assertThat(incremental.exceptAll(fullRefresh).count()).isZero();
    assertThat(fullRefresh.exceptAll(incremental).count()).isZero();
  }

  @Test
  void theLateEventsChangedTheirOldDay() {
    long before = itemsByPeople(afterFirstBuild, LATE_DAY);
    long after = itemsByPeople(incremental, LATE_DAY);
    assertThat(after).as("items completed on %s once its late events arrived", LATE_DAY).isGreaterThan(before);
  }

  @Test
  void incrementalNightsRecomputedOnlyTheDaysTheyTouched() {
    // Two nights, each touching its own day (one also the late day): fewer rows than one rebuild
    // of the whole table writes.
    assertThat(incrementalRowsWritten).isPositive().isLessThan(fullRefresh.count());
  }

  @Test
  void theLastBuildLeftAManifestAndRunResultsInDbtsShape() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("target/manifest.json").toFile());
    JsonNode results = new ObjectMapper().readTree(dir.resolve("target/run_results.json").toFile());
    assertThat(manifest.at("/metadata/dbt_schema_version").asText()).endsWith("/manifest/v12.json");
    JsonNode mart = manifest.at("/nodes/model.engineroom." + MART);
    assertThat(mart.at("/config/materialized").asText()).isEqualTo("incremental");
    assertThat(mart.at("/depends_on/nodes")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "model.engineroom.stg_silver__work_items", "model.engineroom.stg_silver__work_events");
    assertThat(manifest.at("/child_map/model.engineroom.stg_silver__work_events")).extracting(JsonNode::asText)
        .contains("model.engineroom." + MART);
    assertThat(manifest.at("/parent_map/model.engineroom.stg_silver__work_events")).extracting(JsonNode::asText)
        .containsExactly("source.engineroom.silver.work_events");
    assertThat(manifest.at("/macros/macro.engineroom.roster_on_day/original_file_path").asText())
        .isEqualTo("macros/roster.sql");
    assertThat(manifest.at("/nodes/model.engineroom.fct_worker_day/depends_on/macros")).extracting(JsonNode::asText)
        .containsExactly("macro.engineroom.roster_on_day");
    assertThat(results.at("/args/full_refresh").asBoolean()).isTrue();
    JsonNode martResult = null;
    for (JsonNode result : results.get("results")) {
      if (result.get("unique_id").asText().equals("model.engineroom." + MART)) {
        martResult = result;
      }
    }
    assertThat(martResult).isNotNull();
    assertThat(martResult.get("status").asText()).isEqualTo("success");
    assertThat(martResult.at("/adapter_response/rows_affected").asLong()).isEqualTo(fullRefresh.count());
  }

  private static BuildResult build(boolean fullRefresh) {
    return new ModelRunner(spark, warehouse, project, java.util.Map.of(), s -> { })
        .fullRefresh(fullRefresh)
        .artifactsTo(dir.resolve("target").toString())
        .build(List.of("+" + MART), name -> warehouse.stagingPath("test", name));
  }

  /** The mart as it is now, cached so later builds cannot change it under the test. */
  private static Dataset<Row> snapshot() {
    Dataset<Row> rows = DeltaTables.read(spark, warehouse.modelPath(MART)).localCheckpoint();
    rows.count();
    return rows;
  }

  private static long itemsByPeople(Dataset<Row> table, LocalDate day) {
    List<Row> rows = table.where("local_date = DATE'" + day + "'").groupBy().sum("items_by_people").collectAsList();
    return rows.get(0).isNullAt(0) ? 0 : rows.get(0).getLong(0);
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

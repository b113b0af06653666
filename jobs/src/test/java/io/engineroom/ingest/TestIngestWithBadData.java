package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TableFingerprint;
import io.engineroom.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest of generated data with every kind of bad input planted, as recorded in the manifest. */
class TestIngestWithBadData {
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  // Two nights of 30 workers: late and re-sent deliveries cross a night, at one ingest less than three of 20.
  private static final int DAYS = 2;
  @TempDir static Path dir;
  static Path landing;
  static Warehouse warehouse;
  static SparkSession spark;
  static EngineRoomConfig config;

  @BeforeAll
  static void ingestTheNights() {
    landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 30, START, DAYS, 11L, 0.02), s -> { }).run();
    config = SparkTestSession.config(landing.toString(), dir.resolve("warehouse").toString(),
        "ingest.max-bad-share=1.0");
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("warehouse"));
    for (int d = 0; d < DAYS; d++) {
      ingest(START.plusDays(d));
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static IngestReport ingest(LocalDate day) {
    LandingLayout layout = new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration());
    return new IngestJob(spark, config, warehouse, layout, s -> { }).run(day, "test-" + day);
  }

  @Test
  void everyInjectedBadRowIsQuarantinedWithItsReason() throws Exception {
    Set<String> planted = new HashSet<>();
    Set<String> ghostFiles = new HashSet<>();
    for (String line : Files.readAllLines(landing.resolve("_truth/bad_rows.jsonl"))) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = new ObjectMapper().readTree(line);
      if (r.get("position").asText().equals("*")) {
        ghostFiles.add(r.get("file").asText());
      } else {
        planted.add(r.get("source").asText() + " " + r.get("file").asText() + " " + r.get("position").asText() + " "
            + r.get("reason").asText());
      }
    }
    assertThat(planted.size()).as("the bad-data mode planted a real sample").isGreaterThan(100);
    List<Row> quarantined = spark.read().format("delta").load(warehouse.path(Layer.OPS, Quarantine.TABLE))
        .select("source", "source_file", "position", "reason").collectAsList();
    Set<String> found = quarantined.stream().filter(r -> !ghostFiles.contains(r.getString(1)))
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3))
        .collect(Collectors.toSet());
    assertThat(found).as("every planted bad row, with its reason, and nothing else").isEqualTo(planted);
    for (String ghost : ghostFiles) {
      assertThat(quarantined.stream().filter(r -> r.getString(1).equals(ghost)))
          .as("all events of unknown host file " + ghost).isNotEmpty()
          .allMatch(r -> r.getString(3).equals("UNKNOWN_HOSTNAME"));
    }
  }

  @Test
  void everyGoodWorkEventIsInSilverExactlyOnce() throws Exception {
    Set<String> bad = new HashSet<>();
    for (String line : Files.readAllLines(landing.resolve("_truth/bad_rows.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode r = new ObjectMapper().readTree(line);
        bad.add(r.get("file").asText() + ":" + r.get("position").asText());
      }
    }
    // A byte-identical re-sent file is the same delivery: its rows, bad ones included, count once.
    Set<String> resent = new HashSet<>();
    new ObjectMapper().readTree(landing.resolve("_truth/manifest.json").toFile()).get("redelivered_files")
        .forEach(n -> resent.add(n.asText()));
    Set<String> expected = new HashSet<>();
    CsvParser csv = new CsvParser(new CsvParserSettings());
    List<Path> files;
    try (Stream<Path> s = Files.walk(landing.resolve("work_events"))) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
    }
    for (Path f : files) {
      String relative = landing.relativize(f).toString();
      if (resent.contains(relative) || f.getFileName().toString().startsWith("again-")) {
        continue;
      }
      String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n");
      List<String> header = List.of(csv.parseLine(lines[0]));
      for (int i = 1; i < lines.length; i++) {
        if (bad.contains(relative + ":" + (i + 1))) {
          continue;
        }
        String[] v = csv.parseLine(lines[i]);
        expected.add(v[header.indexOf("source_system")] + "|" + v[header.indexOf("event_id")]);
      }
    }
    List<String> inSilver = new ArrayList<>();
    spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_events"))
        .select("source_system", "event_id").collectAsList()
        .forEach(r -> inSilver.add(r.getString(0) + "|" + r.getString(1)));
    assertThat(inSilver).as("no event twice").doesNotHaveDuplicates();
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(inSilver);
    Set<String> extra = new HashSet<>(inSilver);
    extra.removeAll(expected);
    assertThat(missing).as("good events missing from silver (of %d)", expected.size()).isEmpty();
    assertThat(extra).as("events in silver that were bad or never delivered").isEmpty();
    assertThat(expected.size()).as("a real sample").isGreaterThan(5_000);
  }

  @Test
  void redeliveringAWholeNightChangesNothing() throws Exception {
    String before = TableFingerprint.ofLayers(spark, warehouse, Layer.SILVER, Layer.OPS)
        .lines().filter(l -> l.startsWith("silver.") || l.startsWith("ops.quarantine")).collect(Collectors.joining("\n"));
    // The second night again, and its event files delivered once more under the next date. (Roster
    // and goals are daily snapshots: the same bytes on another date are a new, unchanged snapshot.)
    ingest(START.plusDays(1));
    LocalDate again = START.plusDays(DAYS);
    for (String source : List.of("work_events", "activity", "audits")) {
      Path from = landing.resolve(source).resolve(START.plusDays(1).toString());
      Path to = landing.resolve(source).resolve(again.toString());
      Files.createDirectories(to);
      try (Stream<Path> s = Files.list(from)) {
        for (Path f : s.collect(Collectors.toList())) {
          Files.copy(f, to.resolve("again-" + f.getFileName()));
        }
      }
    }
    IngestReport report = ingest(again);
    for (LandingSource source : List.of(LandingSource.WORK_EVENTS, LandingSource.ACTIVITY, LandingSource.AUDITS)) {
      assertThat(report.of(source).newFiles).as("re-sent %s files are recognised", source).isEmpty();
      assertThat(report.of(source).skippedFiles).as("and reported as re-sent").isNotEmpty();
    }
    String after = TableFingerprint.ofLayers(spark, warehouse, Layer.SILVER, Layer.OPS)
        .lines().filter(l -> l.startsWith("silver.") || l.startsWith("ops.quarantine")).collect(Collectors.joining("\n"));
    assertThat(after).as("silver and quarantine content").isEqualTo(before);
  }

  @Test
  void aCatchUpOverManyDeliveriesEqualsTheNightsOneByOne() {
    Warehouse catchUp = new Warehouse(dir.resolve("catch-up"));
    LandingLayout layout = new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration());
    new IngestJob(spark, config, catchUp, layout, s -> { })
        .runRange(START, START.plusDays(DAYS - 1), "test-catch-up");
    assertThat(silverAndQuarantine(catchUp)).as("silver and quarantine after one catch-up batch")
        .isEqualTo(silverAndQuarantine(warehouse));
    // Outcomes live in month folders, which name no delivery day: only their lineage (the day they
    // were first seen) differs between a catch-up and the nights; their content may not.
    String[] business = {"month_start", "team_id", "csat", "retention_rate", "complaints", "revenue", "currency",
        "remediation_cost_per_error"};
    Dataset<Row> nights = DeltaTables.read(spark, warehouse.path(Layer.SILVER, "outcomes")).selectExpr(business);
    Dataset<Row> once = DeltaTables.read(spark, catchUp.path(Layer.SILVER, "outcomes")).selectExpr(business);
    assertThat(once.count()).isEqualTo(nights.count()).isPositive();
    assertThat(once.exceptAll(nights).count() + nights.exceptAll(once).count()).isZero();
  }

  /**
   * Silver and quarantine, but for outcomes (compared by content above) and goal_changes, the log
   * of what each ingest changed in the goals: one catch-up records the nights' changes as one.
   */
  private static String silverAndQuarantine(Warehouse w) {
    return TableFingerprint.ofLayers(spark, w, Layer.SILVER, Layer.OPS).lines()
        .filter(l -> l.startsWith("silver.") && !l.startsWith("silver.outcomes ")
            && !l.startsWith("silver.goal_changes ") || l.startsWith("ops.quarantine"))
        .collect(Collectors.joining("\n"));
  }
}

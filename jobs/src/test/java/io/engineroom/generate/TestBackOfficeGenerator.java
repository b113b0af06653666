package io.engineroom.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks generated landing files against CONTRACTS.md with readers that share nothing with the
 * generator's writers (univocity for CSV, Jackson's tree model for JSON).
 */
class TestBackOfficeGenerator {
  private static final List<String> WORK_EVENT_HEADER = List.of("event_id", "source_system", "case_id",
      "work_item_id", "task_type", "worker_id", "lifecycle", "ts", "automated", "attributes");
  private static final Set<String> LIFECYCLES = Set.of("SCHEDULE", "ASSIGN", "START", "SUSPEND", "RESUME",
      "COMPLETE", "ABORT");

  @TempDir static Path dir;
  static Path landing;

  @BeforeAll
  static void generate() {
    // 20 workers over four weeks that include Amsterdam's switch to summer time (29 March 2026).
    landing = dir.resolve("a");
    new BackOfficeGenerator(new GeneratorOptions(landing, 20, LocalDate.of(2026, 3, 16), 28, 7L, 0.0), s -> { })
        .run();
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws Exception {
    Path again = dir.resolve("b");
    new BackOfficeGenerator(new GeneratorOptions(again, 20, LocalDate.of(2026, 3, 16), 28, 7L, 0.0), s -> { }).run();
    assertThat(digests(again)).as("every file, byte for byte").isEqualTo(digests(landing));
    Path otherSeed = dir.resolve("c");
    new BackOfficeGenerator(new GeneratorOptions(otherSeed, 20, LocalDate.of(2026, 3, 16), 3, 8L, 0.0), s -> { })
        .run();
    assertThat(digests(otherSeed).get("work_events/2026-03-16/events-AMS.csv"))
        .isNotEqualTo(digests(landing).get("work_events/2026-03-16/events-AMS.csv"));
  }

  @Test
  void workEventsFollowTheContract() throws Exception {
    Set<String> roster = rosterWorkers();
    Set<String> eventKeys = new HashSet<>();
    int rows = 0;
    for (Path f : files("work_events", ".csv")) {
      List<String[]> all = parse(f);
      assertThat(Set.of(all.get(0))).as("header of " + f).containsExactlyInAnyOrderElementsOf(WORK_EVENT_HEADER);
      List<String> header = List.of(all.get(0));
      for (String[] r : all.subList(1, all.size())) {
        Map<String, String> row = row(header, r);
        rows++;
        assertThat(LIFECYCLES).as("lifecycle in " + f).contains(row.get("lifecycle"));
        OffsetDateTime.parse(row.get("ts")); // ISO-8601 with an offset, or it throws
        assertThat(row.get("automated")).isIn("true", "false");
        if (!row.get("worker_id").isEmpty()) {
          assertThat(roster).as("worker of " + row.get("event_id")).contains(row.get("worker_id"));
        }
        if (!row.get("attributes").isEmpty()) {
          assertThat(new ObjectMapper().readTree(row.get("attributes")).isObject()).isTrue();
        }
        eventKeys.add(row.get("source_system") + "|" + row.get("event_id"));
      }
    }
    assertThat(rows).as("a busy month").isGreaterThan(20_000);
    assertThat(eventKeys.size()).as("ids are unique except for re-sent files").isLessThan(rows)
        .isGreaterThan(rows * 9 / 10);
  }

  @Test
  void localOffsetsFollowEachSitesTimeZoneAcrossDaylightSaving() throws Exception {
    Map<String, Set<String>> offsetsByFileDay = new TreeMap<>();
    for (Path f : files("work_events", ".csv")) {
      List<String[]> all = parse(f);
      List<String> header = List.of(all.get(0));
      for (String[] r : all.subList(1, all.size())) {
        Map<String, String> row = row(header, r);
        if (row.get("lifecycle").equals("START")) {
          OffsetDateTime ts = OffsetDateTime.parse(row.get("ts"));
          String site = f.getFileName().toString().replaceAll("events-(\\w+).*", "$1");
          offsetsByFileDay.computeIfAbsent(site + " " + ts.toLocalDate(), k -> new HashSet<>())
              .add(ts.getOffset().toString());
        }
      }
    }
    assertThat(offsetsByFileDay.get("AMS 2026-03-27")).containsExactly("+01:00");
    assertThat(offsetsByFileDay.get("AMS 2026-03-30")).containsExactly("+02:00");
    assertThat(offsetsByFileDay.get("NYC 2026-03-16")).as("New York switched on 8 March").containsExactly("-04:00");
    offsetsByFileDay.entrySet().stream().filter(e -> e.getKey().startsWith("MNL"))
        .forEach(e -> assertThat(e.getValue()).as("Manila never changes: " + e.getKey()).containsExactly("+08:00"));
  }

  @Test
  void activityExportsAreActivityWatchBucketsOfRosterHosts() throws Exception {
    Set<String> hosts = new HashSet<>();
    for (String[] r : parse(landing.resolve("roster/2026-03-16/roster.csv"))) {
      hosts.addAll(List.of(r[10].split(";")));
    }
    List<Path> exports = files("activity", ".json");
    assertThat(exports).isNotEmpty();
    for (Path f : exports.subList(0, Math.min(40, exports.size()))) {
      JsonNode buckets = new ObjectMapper().readTree(f.toFile()).get("buckets");
      Set<String> types = new HashSet<>();
      buckets.forEach(b -> {
        types.add(b.get("type").asText());
        assertThat(hosts).contains(b.get("hostname").asText());
        for (String field : List.of("id", "created", "client")) {
          assertThat(b.has(field)).as(field + " in " + f).isTrue();
        }
        b.get("events").forEach(e -> {
          OffsetDateTime.parse(e.get("timestamp").asText());
          assertThat(e.get("duration").asDouble()).isGreaterThanOrEqualTo(0);
        });
      });
      assertThat(types).contains("currentwindow", "afkstatus");
    }
  }

  @Test
  void rosterSnapshotsKeepTeamMovesAndTimeZones() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(landing.resolve("_truth/manifest.json").toFile());
    for (String[] r : parse(landing.resolve("roster/2026-03-20/roster.csv")).subList(1, 5)) {
      ZoneId.of(r[6]);
    }
    JsonNode moves = manifest.get("team_moves");
    for (JsonNode move : moves) {
      LocalDate date = LocalDate.parse(move.get("date").asText());
      if (date.isAfter(LocalDate.of(2026, 3, 16)) && date.isBefore(LocalDate.of(2026, 4, 12))) {
        assertThat(teamOf(move.get("worker_id").asText(), date.minusDays(1))).isEqualTo(move.get("from_team").asText());
        assertThat(teamOf(move.get("worker_id").asText(), date)).isEqualTo(move.get("to_team").asText());
      }
    }
  }

  private static String teamOf(String worker, LocalDate day) throws IOException {
    for (String[] r : parse(landing.resolve("roster/" + day + "/roster.csv"))) {
      if (r[0].equals(worker)) {
        return r[2];
      }
    }
    return null;
  }

  private static Set<String> rosterWorkers() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path f : files("roster", ".csv")) {
      parse(f).stream().skip(1).forEach(r -> ids.add(r[0]));
    }
    return ids;
  }

  static List<String[]> parse(Path file) throws IOException {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxCharsPerColumn(100_000);
    settings.getFormat().setLineSeparator("\n");
    return new CsvParser(settings).parseAll(file.toFile());
  }

  private static Map<String, String> row(List<String> header, String[] values) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.put(header.get(i), i < values.length && values[i] != null ? values[i] : "");
    }
    return m;
  }

  static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(landing.resolve(folder))) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }

  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(all::add);
    }
    for (Path p : all) {
      out.put(root.relativize(p).toString(),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
    }
    return out;
  }
}

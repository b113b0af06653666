package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries as real systems break them, one small case per kind: every row is kept, quarantined
 * with a reason naming its file and position, or recognised as re-delivered; nothing outside the
 * landing is read; the next clean night ingests. Also: a roster version holds until the next
 * snapshot supersedes it, whatever the cadence.
 */
class TestHostileDeliveries {
  private static final String HEADER = "worker_id,display_name,team_id,team_name,manager_id,site_id,site_timezone,"
      + "role,hire_date,termination_date,hostnames,shift_start,shift_hours,loaded_cost_per_hour,currency,fte\n";
  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start(SparkTestSession.config("l", dir.resolve("unused").toString()));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyDayBetweenSnapshotsHasExactlyOneVersionWhateverTheCadence() throws Exception {
    // Daily, weekly, and irregular (a monthly gap among them).
    for (int[] cadence : List.of(new int[] {0, 1, 2, 3, 4}, new int[] {0, 7, 14}, new int[] {0, 3, 34, 37})) {
      String name = "cadence-" + cadence[1];
      Path landing = dir.resolve(name);
      int move = cadence[cadence.length / 2]; // the snapshot that first shows the new team
      for (int day : cadence) {
        String team = day >= move ? "T2" : "T1";
        write(landing.resolve("roster/" + START.plusDays(day) + "/roster.csv"), HEADER
            + "X1,Xan,"  + team + ",Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-X1,08:30,8,48,EUR,1.0\n"
            + "Y1,Yas,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-Y1,08:30,8,48,EUR,1.0\n");
      }
      Path wh = dir.resolve(name + "-wh");
      EngineRoomConfig config = SparkTestSession.config(landing.toString(), wh.toString());
      LocalDate last = START.plusDays(cadence[cadence.length - 1]);
      new IngestJob(spark, config, new Warehouse(wh),
          new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { })
          .runRange(START, last, name);
      spark.read().format("delta").load(new Warehouse(wh).path(Layer.SILVER, "roster_history"))
          .createOrReplaceTempView("history");
      List<String> gaps = spark.sql("select d.day, count(h.worker_id) as versions "
          + "from (select explode(sequence(date'" + START + "', date'" + last + "')) as day) d "
          + "left join history h on h.worker_id = 'X1' and d.day between h.valid_from "
          + "and coalesce(h.valid_to, date'9999-12-31') group by d.day having count(h.worker_id) <> 1")
          .collectAsList().stream().map(Object::toString).collect(Collectors.toList());
      assertThat(gaps).as(name + ": days without exactly one version of the worker who moved").isEmpty();
      assertThat(spark.sql("select team_id, valid_from, valid_to from history where worker_id = 'X1' "
          + "order by valid_from").collectAsList().toString())
          .as(name).isEqualTo("[[T1," + START + "," + START.plusDays(move - 1) + "], [T2," + START.plusDays(move)
              + ",null]]");
    }
  }

  @Test
  void aSymbolicLinkInTheLandingIsReportedAndNeverFollowed() throws Exception {
    Path landing = dir.resolve("links");
    Path secret = dir.resolve("outside/secret.csv");
    write(secret, HEADER + "Z9,Secret Person,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-Z9,08:30,8,48,EUR,1\n");
    write(landing.resolve("roster/" + START + "/roster.csv"), HEADER
        + "Y1,Yas,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-Y1,08:30,8,48,EUR,1.0\n");
    Files.createSymbolicLink(landing.resolve("roster/" + START + "/more.csv"), secret);
    write(landing.resolve("roster/" + START + "/roster.csv.part"), HEADER);
    write(landing.resolve("roster/" + START + "/notes.txt"), "hello");
    Path wh = dir.resolve("links-wh");
    EngineRoomConfig config = SparkTestSession.config(landing.toString(), wh.toString());
    IngestReport report = new IngestJob(spark, config, new Warehouse(wh),
        new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { })
        .run(START, "links");
    assertThat(report.skippedFiles).extracting(f -> f.file() + " " + f.reason()).containsExactly(
        "roster/" + START + "/more.csv SYMBOLIC_LINK",
        "roster/" + START + "/notes.txt NOT_A_CONTRACT_FILE",
        "roster/" + START + "/roster.csv.part INCOMPLETE_FILE");
    assertThat(spark.read().format("delta").load(new Warehouse(wh).path(Layer.BRONZE, "roster"))
        .where("worker_id = 'Z9'").count()).as("the link's target was never read").isZero();
    assertThat(spark.read().format("delta").load(new Warehouse(wh).path(Layer.OPS, "skipped_files")).count())
        .isEqualTo(3);
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void hostileFilesLoseNothingSilentlyAndTheNextCleanNightIngests() throws Exception {
    Path landing = dir.resolve("hostile");
    String day = START.toString();
    write(landing.resolve("roster/" + day + "/roster.csv"), HEADER
        + "W1,Wen,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-W1,08:30,8,48,EUR,1.0\n"
        + "Z1,Zed,T1,Team,,AMS,Europe/Amsterdam,agent,1500-01-01,,PC-Z1,08:30,8,48,EUR,1.0\n");
    String events = "event_id,source_system,case_id,work_item_id,task_type,worker_id,lifecycle,ts,automated\n";
    StringBuilder csv = new StringBuilder(events);
    for (int i = 1; i <= 5; i++) {
      csv.append(event("e" + (2 * i - 1), "i" + i, "START", day + "T08:0" + i + ":00.000+01:00"));
      csv.append(event("e" + (2 * i), "i" + i, "COMPLETE", day + "T08:0" + i + ":30.000+01:00"));
    }
    csv.append(event("e11", "i6", "START", "1899-12-31T23:00:00.000+00:00"));
    csv.append(event("e12", "i6", "START", day + "T09:00:00"));
    csv.append(event("e13", "i6", "START", day));
    csv.append("e14,crm,c1,i7,Caf\u00e9,W1,START," + day + "T09:00:00.000+01:00,false\n");
    csv.append("e15,crm,c1,i8,\"Check,W1,START," + day + "T09:10:00.000+01:00,false\n");
    csv.append(event("e16", "i9", "START", day + "T09:20:00.000+01:00"));
    csv.append(event("e17", "i9", "COMPLETE", day + "T09:25:00.000+01:00"));
    csv.append(event("e18", "i10", "START", day + "T09:30:00.000+01:00"));
    writeBytes(landing.resolve("work_events/" + day + "/events.csv"), csv.toString()
        .replace("Caf\u00e9", "Caf\u00ff").getBytes(StandardCharsets.ISO_8859_1)); // one byte that is not UTF-8
    write(landing.resolve("work_events/" + day + "/more events [1] {x}.csv"), events
        + event("e19", "i10", "COMPLETE", day + "T09:40:00.000+01:00"));
    write(landing.resolve("work_events/" + day + "/at 10:00.csv"), events
        + event("e20", "i12", "COMPLETE", day + "T09:40:00.000+01:00"));
    write(landing.resolve("work_events/" + day + "/events.jsonl"),
        "{\"event_id\": \"j1\"} {\"event_id\": \"j2\"}\n" + "{\"event_id\": \"j3\", \"source_system\": \"crm\", "
            + "\"case_id\": \"c1\", \"work_item_id\": \"i11\", \"task_type\": \"Check\", \"worker_id\": \"W1\", "
            + "\"lifecycle\": \"START\", \"ts\": \"" + day + "T10:00:00Z\", \"automated\": \"false\"}\n");
    String xes = "<?xml version=\"1.0\"?><log><trace><string key=\"concept:name\" value=\"X1\"/>"
        + xesEvent("start", day + "T11:00:00.000+01:00") + xesEvent("complete", day + "T11:05:00.000+01:00")
        + "</trace></log>";
    write(landing.resolve("work_events/" + day + "/log.xes"), xes);
    // Re-exported by another tool: other bytes, other file name, the same events.
    write(landing.resolve("work_events/" + day + "/log re-exported.xes"), xes.replace("><", ">\n  <"));
    String audits = "audit_id,work_item_id,auditor_id,audited_at,outcome,score,error_category,severity\n";
    String a2 = "a2,i2,,"+ day + "T12:00:00Z,FAIL,40,typo,minor\n";
    write(landing.resolve("audits/" + day + "/audits-a.csv"), audits + "a1,i1,," + day + "T12:00:00Z,PASS,,,\n" + a2);
    write(landing.resolve("audits/" + day + "/audits-b.csv"), audits + a2 + "a3,i3,,9999-01-01T00:00:00Z,PASS,,,\n");
    write(landing.resolve("activity/" + day + "/aw.json"), "{\"buckets\": {\"aw-watcher-window_PC-W1\": {\"events\": ["
        + "{\"timestamp\": \"" + day + "T08:00:00.000+00:00\", \"duration\": 60, \"data\": {\"app\": \"Excel\"}}, null,"
        + "{\"timestamp\": \"" + day + "T08:01:00.000+00:00\", \"duration\": 60, \"data\": {\"app\": \"Excel\"}}],"
        + " \"type\": \"currentwindow\", \"hostname\": \"PC-W1\"}}}");

    Path wh = dir.resolve("hostile-wh");
    Warehouse warehouse = new Warehouse(wh);
    EngineRoomConfig config = SparkTestSession.config(landing.toString(), wh.toString(), "ingest.max-bad-share=1.0");
    IngestJob ingest = new IngestJob(spark, config, warehouse,
        new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { });
    IngestReport night = ingest.run(START, "hostile");

    assertThat(spark.read().format("delta").load(warehouse.path(Layer.OPS, "quarantine"))
        .selectExpr("concat(source_file, ' ', position, ' ', reason)").collectAsList().stream()
        .map(r -> r.getString(0)).sorted().collect(Collectors.toList())).containsExactly(
        "activity/" + day + "/aw.json aw-watcher-window_PC-W1#1 MALFORMED_EVENT",
        "audits/" + day + "/audits-b.csv 3 FUTURE_EVENT",
        "roster/" + day + "/roster.csv 3 DATE_OUT_OF_RANGE",
        "work_events/" + day + "/events.csv 12 IMPLAUSIBLE_TIMESTAMP",
        "work_events/" + day + "/events.csv 13 MISSING_UTC_OFFSET",
        "work_events/" + day + "/events.csv 14 MISSING_UTC_OFFSET",
        "work_events/" + day + "/events.csv 15 INVALID_TEXT",
        "work_events/" + day + "/events.csv 16 UNCLOSED_QUOTE",
        "work_events/" + day + "/events.jsonl 1 MALFORMED_ROW");
    List<String> kept = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_events"))
        .selectExpr("event_id").collectAsList().stream().map(r -> r.getString(0)).sorted().collect(Collectors.toList());
    assertThat(kept).as("every good row, the rows after the unclosed quote, the file with an awkward name, the XES "
        + "log once").containsExactly("X1#1", "X1#2", "e1", "e10", "e16", "e17", "e18", "e19", "e2", "e3", "e4", "e5",
        "e6", "e7", "e8", "e9", "j3");
    assertThat(night.skippedFiles).extracting(f -> f.file() + " " + f.reason())
        .containsExactly("work_events/" + day + "/at 10:00.csv UNREADABLE_NAME");
    SourceReport work = night.of(LandingSource.WORK_EVENTS);
    assertThat(work.redelivered).as("the re-exported log").isEqualTo(2);
    assertThat(night.of(LandingSource.AUDITS).redelivered).as("the overlapping audit").isEqualTo(1);
    assertThat(work.rowsRead).as("rows read = kept + quarantined + re-delivered")
        .isEqualTo(kept.size() + work.quarantinedTotal() + work.redelivered);

    // The next night is clean and ingests as if nothing had happened.
    String next = START.plusDays(1).toString();
    write(landing.resolve("roster/" + next + "/roster.csv"), HEADER
        + "W1,Wen,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-W1,08:30,8,48,EUR,1.0\n");
    write(landing.resolve("work_events/" + next + "/events.csv"), events
        + event("n1", "i20", "START", next + "T08:00:00.000+01:00") + event("n2", "i20", "COMPLETE", next + "T08:10:00.000+01:00"));
    IngestReport clean = ingest.run(START.plusDays(1), "clean");
    assertThat(clean.of(LandingSource.WORK_EVENTS).quarantinedTotal()).isZero();
    assertThat(clean.of(LandingSource.WORK_EVENTS).rowsToSilver).isEqualTo(2);

    // A first write that died before its commit leaves a folder with an empty Delta log: not a table,
    // and no reason for every reader of the warehouse to fail.
    Files.createDirectories(wh.resolve("silver/half_written/_delta_log"));
    assertThat(io.engineroom.warehouse.WarehouseCatalog.registerAll(spark, warehouse))
        .contains("silver.work_events").doesNotContain("silver.half_written");
  }

  @Test
  void aRejectedNightIsFixedByReDeliveringTheFileUnderItsNameAndRunningItAgain() throws Exception {
    Path landing = dir.resolve("rejected");
    String day = START.toString();
    String header = "event_id,source_system,case_id,work_item_id,task_type,worker_id,lifecycle,ts,automated\n";
    StringBuilder broken = new StringBuilder(header);
    StringBuilder fixed = new StringBuilder(header);
    for (int i = 1; i <= 8; i++) {
      String ts = day + "T08:0" + i + ":00.000+01:00";
      fixed.append(event("r" + i, "i" + i, "START", ts));
      broken.append(event("r" + i, "i" + i, "START", i % 2 == 0 ? day + "T08:0" + i + ":00" : ts)); // no offset
    }
    Path file = landing.resolve("work_events/" + day + "/events.csv");
    write(file, broken.toString());
    Path wh = dir.resolve("rejected-wh");
    EngineRoomConfig config = SparkTestSession.config(landing.toString(), wh.toString());
    IngestJob ingest = new IngestJob(spark, config, new Warehouse(wh),
        new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { });
    assertThatThrownBy(() -> ingest.run(START, "first")).isInstanceOf(BatchRejectedException.class)
        .hasMessageContaining("work_events of " + day + ": 50.0% of 8 rows are bad (MISSING_UTC_OFFSET 4)")
        .hasMessageContaining("re-run this night");

    write(file, fixed.toString()); // the producer re-delivers the corrected file under its name
    SourceReport rerun = ingest.run(START, "fixed").of(LandingSource.WORK_EVENTS);
    assertThat(rerun.rowsRead).as("only the corrected version counts").isEqualTo(8);
    assertThat(rerun.quarantinedTotal()).isZero();
    assertThat(spark.read().format("delta").load(new Warehouse(wh).path(Layer.SILVER, "work_events"))
        .selectExpr("event_id").collectAsList().stream().map(r -> r.getString(0)).sorted()
        .collect(Collectors.toList())).containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8");
  }

  @Test
  void timeFollowsMetricsWhateverOrderAndOverlapTheEventsComeIn() throws Exception {
    Path landing = dir.resolve("time");
    String day = START.toString();
    write(landing.resolve("roster/" + day + "/roster.csv"), HEADER
        + "W1,Wen,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-W1,08:30,8,48,EUR,1.0\n");
    write(landing.resolve("work_events/" + day + "/events.csv"),
        "event_id,source_system,case_id,work_item_id,task_type,worker_id,lifecycle,ts,automated\n"
        // an ASSIGN inside the segment does not end it: 600 s
        + event("a1", "A", "START", day + "T08:00:00.000Z") + event("a2", "A", "ASSIGN", day + "T08:05:00.000Z")
        + event("a3", "A", "COMPLETE", day + "T08:10:00.000Z")
        // scheduled after it started: no wait rather than a negative one; 600 s
        + event("b1", "B", "START", day + "T08:30:00.000Z") + event("b2", "B", "SCHEDULE", day + "T08:35:00.000Z")
        + event("b3", "B", "COMPLETE", day + "T08:40:00.000Z")
        // a second START inside an open segment does not count the same time twice: 600 s
        + event("c1", "C", "START", day + "T10:00:00.000Z") + event("c2", "C", "START", day + "T10:05:00.000Z")
        + event("c3", "C", "COMPLETE", day + "T10:10:00.000Z"));
    // Two not-afk spans and two window events that overlap by half an hour: 08:00-09:30 is 5,400 s.
    write(landing.resolve("activity/" + day + "/aw.json"), "{\"buckets\": {"
        + "\"aw-watcher-window_PC-W1\": {\"type\": \"currentwindow\", \"hostname\": \"PC-W1\", \"events\": ["
        + awEvent(day + "T08:00:00.000+00:00", 3600, "Excel") + "," + awEvent(day + "T08:30:00.000+00:00", 3600, "Outlook")
        + "]}, \"aw-watcher-afk_PC-W1\": {\"type\": \"afkstatus\", \"hostname\": \"PC-W1\", \"events\": ["
        + "{\"timestamp\": \"" + day + "T08:00:00.000+00:00\", \"duration\": 3600, \"data\": {\"status\": \"not-afk\"}},"
        + "{\"timestamp\": \"" + day + "T08:30:00.000+00:00\", \"duration\": 3600, \"data\": {\"status\": \"not-afk\"}}"
        + "]}}}");
    Path wh = dir.resolve("time-wh");
    Warehouse warehouse = new Warehouse(wh);
    new IngestJob(spark, SparkTestSession.config(landing.toString(), wh.toString()), warehouse,
        new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { }).run(START, "time");

    assertThat(spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_items"))
        .selectExpr("concat(work_item_id, ' ', handle_seconds, ' ', coalesce(cast(wait_seconds as string), '-'))")
        .collectAsList().stream().map(r -> r.getString(0)).sorted().collect(Collectors.toList()))
        .containsExactly("A 600.0 -", "B 600.0 -", "C 600.0 -");
    assertThat(spark.read().format("delta").load(warehouse.path(Layer.SILVER, "active_intervals"))
        .selectExpr("sum(seconds)").first().getDouble(0)).isEqualTo(5400.0);
  }

  private static String awEvent(String ts, int seconds, String app) {
    return "{\"timestamp\": \"" + ts + "\", \"duration\": " + seconds + ", \"data\": {\"app\": \"" + app
        + "\", \"title\": \"\"}}";
  }

  private static String event(String id, String item, String lifecycle, String ts) {
    return id + ",crm,c1," + item + ",Check,W1," + lifecycle + "," + ts + ",false\n";
  }

  private static String xesEvent(String lifecycle, String ts) {
    return "<event><string key=\"concept:name\" value=\"Review\"/><string key=\"lifecycle:transition\" value=\""
        + lifecycle + "\"/><string key=\"org:resource\" value=\"W1\"/><date key=\"time:timestamp\" value=\"" + ts
        + "\"/></event>";
  }

  private static void writeBytes(Path file, byte[] bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}

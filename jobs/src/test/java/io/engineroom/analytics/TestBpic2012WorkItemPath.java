package io.engineroom.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.ingest.IngestJob;
import io.engineroom.ingest.IngestReport;
import io.engineroom.ingest.LandingLayout;
import io.engineroom.ingest.LandingSource;
import io.engineroom.mining.MiningOptions;
import io.engineroom.run.BuildStage;
import io.engineroom.run.MineStage;
import io.engineroom.run.NightlyJob;
import io.engineroom.run.PublishStage;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real BPI Challenge 2012 log through the whole work-item path: ingest, the published figures
 * of the dataset, and the worker-level marts, checked against a reading of the raw XES made here.
 */
class TestBpic2012WorkItemPath {
  @TempDir static Path dir;
  static Path log;
  static SparkSession spark;
  static Warehouse warehouse;
  static IngestReport report;

  @BeforeAll
  static void ingestAndBuild() {
    log = Path.of(System.getProperty("engineroom.shared.dir", "../../shared"))
        .resolve("datasets/bpic2012/BPI_Challenge_2012.xes.gz").toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(log)).as("the BPIC 2012 log at " + log).isTrue();
    EngineRoomConfig config = SparkTestSession.config(log.getParent().toString(), dir.resolve("wh").toString());
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("wh"));
    LandingLayout layout = new LandingLayout(log.getParent().toString(), spark.sparkContext().hadoopConfiguration());
    LocalDate delivery = LocalDate.of(2012, 3, 15);
    report = new IngestJob(spark, config, warehouse, layout, s -> { })
        .run(delivery, "bpic", Map.of(LandingSource.WORK_EVENTS, List.of(log.toString())));
    new NightlyJob(spark, config, s -> { }, s -> { })
        .runOne(delivery, List.of(new BuildStage(List.of()), new MineStage(new MiningOptions(delivery, 168, 0.02, 3,
            50, "app", 0.05, 100, 8, 1L)), new PublishStage()), warehouse);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /**
   * An incident log that declares its ticket system's sub-statuses as its lifecycle model, with the
   * system's own user and a '-' placeholder as resources (issue #18): nothing is refused, every
   * status is kept, and neither the system nor the placeholder is a person.
   */
  @Test
  void aLogWithItsOwnLifecycleModelImportsWholeAndSystemsAreNotPeople() throws Exception {
    Path incidents = dir.resolve("incidents").resolve("incidents.xes");
    Files.createDirectories(incidents.getParent());
    StringBuilder xes = new StringBuilder("<?xml version=\"1.0\"?><log xes.version=\"1.0\">"
        + "<string key=\"lifecycle:model\" value=\"incident-states\"/>");
    String[][] steps = {{"Accepted", "Awaiting Assignment", "SYSTEM"}, {"Accepted", "In Progress", "Anna"},
        {"Queued", "Wait - User", "-"}, {"Accepted", "In Progress", "Ben"}, {"Completed", "Resolved", "Ben"},
        {"Completed", "Closed", "SYSTEM"}};
    for (int c = 1; c <= 3; c++) {
      xes.append("<trace><string key=\"concept:name\" value=\"INC-").append(c).append("\"/>");
      for (int e = 0; e < steps.length; e++) {
        xes.append("<event><string key=\"concept:name\" value=\"").append(steps[e][0]).append("\"/>")
            .append("<string key=\"lifecycle:transition\" value=\"").append(steps[e][1]).append("\"/>")
            .append("<string key=\"org:resource\" value=\"").append(steps[e][2]).append("\"/>")
            .append("<string key=\"org:group\" value=\"Service desk\"/>")
            .append(String.format("<date key=\"time:timestamp\" value=\"2012-05-0%dT%02d:00:00.000+02:00\"/>", c, 8 + e))
            .append("</event>");
      }
      xes.append("</trace>");
    }
    Files.writeString(incidents, xes.append("</log>").toString());
    Path wh = dir.resolve("wh-incidents");
    EngineRoomConfig config = SparkTestSession.config(incidents.getParent().toString(), wh.toString());
    IngestReport incidentReport = new IngestJob(spark, config, new Warehouse(wh),
        new LandingLayout(incidents.getParent().toString(), spark.sparkContext().hadoopConfiguration()), s -> { })
        .run(LocalDate.of(2012, 5, 10), "incidents", Map.of(LandingSource.WORK_EVENTS, List.of(incidents.toString())));
    assertThat(incidentReport.quarantined()).as("rows refused").isZero();
    Row r = spark.read().format("delta").load(new Warehouse(wh).path(Layer.SILVER, "work_events")).selectExpr(
        "count(*)",
        "count_if(get_json_object(attributes, '$.status') = 'Wait - User')",
        "count_if(get_json_object(attributes, '$[\\'org:group\\']') = 'Service desk')",
        "count_if(worker_id = 'SYSTEM' and is_automated)",
        "count_if(worker_id = 'SYSTEM' and not is_automated)",
        "count_if(worker_id is null)",
        "count_if(worker_id in ('Anna', 'Ben') and not is_automated)").head();
    assertThat(r.getLong(0)).as("events").isEqualTo(18L);
    assertThat(r.getLong(1)).as("the custom status kept").isEqualTo(3L);
    assertThat(r.getLong(2)).as("event attributes kept").isEqualTo(18L);
    assertThat(r.getLong(3)).as("the system's own user, as automated work").isEqualTo(6L);
    assertThat(r.getLong(4)).isZero();
    assertThat(r.getLong(5)).as("'-' names nobody").isEqualTo(3L);
    assertThat(r.getLong(6)).as("people").isEqualTo(9L);
  }

  @Test
  void reproducesTheFiguresOfTheDatasetReadme() {
    Dataset<Row> events = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_events"));
    Row r = events.selectExpr("count(*)", "count(distinct case_id)", "count(distinct task_type)",
        "count(distinct worker_id)", "count_if(task_type like 'W\\_%' and worker_id is null)").head();
    assertThat(r.getLong(0)).as("events").isEqualTo(262_200L);
    assertThat(r.getLong(1)).as("cases").isEqualTo(13_087L);
    assertThat(r.getLong(2)).as("activities").isEqualTo(24L);
    assertThat(r.getLong(3)).as("resources").isEqualTo(68L);
    assertThat(r.getLong(4)).as("W_ events without a resource, kept as unattributed").isEqualTo(18_010L);
    assertThat(report.quarantined()).as("nothing in the real log is rejected").isZero();
  }

  @Test
  void workItemsAreStartCompleteRunsAndUnattributedOnesAreNeverCredited() {
    Dataset<Row> items = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "work_items"));
    Row r = items.where("task_type like 'W\\_%'").selectExpr(
        "count_if(status = 'COMPLETED')", "count_if(handle_seconds > 0)",
        "count_if(worker_id is null and handle_seconds > 0 and not is_unattributed)").head();
    assertThat(r.getLong(0)).as("completed W_ work items").isGreaterThan(20_000L);
    assertThat(r.getLong(1)).as("items with time inside them").isGreaterThan(20_000L);
    assertThat(r.getLong(2)).as("time that belongs to nobody is flagged unattributed").isZero();
  }

  @Test
  void perActivityMedianHandleTimesMatchTheRawLog() throws Exception {
    Map<String, List<Double>> raw = startToCompleteSecondsByActivity(log);
    assertThat(raw).as("activities with START events").hasSizeGreaterThanOrEqualTo(6);
    Map<String, Row> mart = new HashMap<>();
    for (Row r : spark.read().format("delta").load(warehouse.path(Layer.GOLD, "fct_task_type_handle"))
        .select("task_type", "items_with_handle_time", "median_handle_seconds").collectAsList()) {
      mart.put(r.getString(0), r);
    }
    for (Map.Entry<String, List<Double>> e : raw.entrySet()) {
      Row r = mart.get(e.getKey());
      assertThat(r).as("mart row for " + e.getKey()).isNotNull();
      assertThat(r.getLong(1)).as("started items of " + e.getKey()).isEqualTo(e.getValue().size());
      assertThat(r.getDouble(2)).as("median handle seconds of " + e.getKey())
          .isCloseTo(median(e.getValue()), within(0.001));
    }
  }

  @Test
  void workerMartsExistWithoutDesktopDataAndSayUnknownNotZero() {
    Row r = spark.read().format("delta").load(warehouse.path(Layer.GOLD, "fct_worker_day")).selectExpr(
        "count(*)", "count(distinct worker_id)", "count_if(handle_seconds > 0)",
        "count(utilization)", "count(productivity)", "count(active_seconds)", "max(handle_seconds)").head();
    assertThat(r.getLong(0)).as("worker-days").isGreaterThan(3_000L);
    assertThat(r.getLong(1)).as("workers").isGreaterThan(50L);
    assertThat(r.getLong(2)).as("worker-days with handle time").isGreaterThan(2_000L);
    assertThat(r.getLong(3)).as("utilization without desktop data").isZero();
    assertThat(r.getLong(4)).as("productivity without desktop data").isZero();
    assertThat(r.getLong(5)).as("active time without desktop data").isZero();
    assertThat(r.getDouble(6)).as("no day holds more than 24 hours").isLessThanOrEqualTo(24 * 3600.0);
    Row trend = spark.read().format("delta").load(warehouse.path(Layer.GOLD, "agg_productivity_trends"))
        .where("dimension = 'task_type' and grain = 'month'").selectExpr("count(*)", "sum(handle_hours)").head();
    assertThat(trend.getLong(0)).as("monthly rows per activity").isGreaterThan(10L);
    assertThat(trend.getDouble(1)).isPositive();
  }

  /**
   * START→COMPLETE durations per activity, read straight from the XES: within a trace, a COMPLETE
   * closes the latest open START of the same activity.
   */
  private static Map<String, List<Double>> startToCompleteSecondsByActivity(Path xes) throws Exception {
    Map<String, List<Double>> out = new TreeMap<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(xes))) {
      XMLStreamReader x = factory.createXMLStreamReader(in);
      Map<String, OffsetDateTime> open = new HashMap<>();
      Map<String, String> event = null;
      while (x.hasNext()) {
        int kind = x.next();
        if (kind == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          if (name.equals("trace")) {
            open.clear();
          } else if (name.equals("event")) {
            event = new HashMap<>();
          } else if (event != null && x.getAttributeValue(null, "key") != null) {
            event.put(x.getAttributeValue(null, "key"), x.getAttributeValue(null, "value"));
          }
        } else if (kind == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("event")) {
          String activity = event.get("concept:name");
          String lifecycle = event.getOrDefault("lifecycle:transition", "COMPLETE").toUpperCase();
          OffsetDateTime at = OffsetDateTime.parse(event.get("time:timestamp"));
          if (lifecycle.equals("START")) {
            open.put(activity, at);
          } else if (lifecycle.equals("COMPLETE") && open.containsKey(activity)) {
            out.computeIfAbsent(activity, k -> new ArrayList<>())
                .add(Duration.between(open.remove(activity), at).toMillis() / 1000.0);
          }
          event = null;
        }
      }
    }
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  @Test
  void miningFindsTheLogsProcessVariantsAndReworkHotspots() {
    Dataset<Row> patterns = spark.read().format("delta").load(warehouse.path(Layer.GOLD, "best_practice_patterns"));
    assertThat(patterns.where("task_type like 'case:%'").count()).as("patterns over BPIC cases").isGreaterThan(10L);
    // Every application in the log starts SUBMITTED, then PARTLYSUBMITTED.
    Row start = patterns.where("pattern = 'A_SUBMITTED > A_PARTLYSUBMITTED'").select("support").head();
    assertThat(start.getDouble(0)).isCloseTo(1.0, within(1e-9));
    Dataset<Row> problems = spark.read().format("delta").load(warehouse.path(Layer.GOLD, "procedural_problems"));
    assertThat(problems.where("problem = 'REPEATED_ACTIVITY' and task_type like 'W\\_%' and hours > 0").count())
        .as("work activities repeated inside cases").isGreaterThanOrEqualTo(3L);
    assertThat(problems.where("problem = 'PING_PONG'").count()).isPositive();
  }
}

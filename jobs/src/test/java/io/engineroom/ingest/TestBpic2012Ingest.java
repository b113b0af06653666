package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real BPI Challenge 2012 log goes through the work-item path and its published figures hold. */
class TestBpic2012Ingest {
  @TempDir static Path dir;
  static SparkSession spark;
  static Warehouse warehouse;
  static IngestReport report;

  @BeforeAll
  static void ingestTheLog() {
    Path log = Path.of(System.getProperty("engineroom.shared.dir", "../../shared"))
        .resolve("datasets/bpic2012/BPI_Challenge_2012.xes.gz").toAbsolutePath().normalize();
    assertThat(Files.isRegularFile(log)).as("the BPIC 2012 log at " + log).isTrue();
    EngineRoomConfig config = SparkTestSession.config(log.getParent().toString(), dir.resolve("wh").toString());
    spark = SparkTestSession.start(config);
    warehouse = new Warehouse(dir.resolve("wh"));
    LandingLayout layout = new LandingLayout(log.getParent().toString(), spark.sparkContext().hadoopConfiguration());
    report = new IngestJob(spark, config, warehouse, layout, s -> { })
        .run(LocalDate.of(2012, 3, 15), "bpic", Map.of(LandingSource.WORK_EVENTS, List.of(log.toString())));
  }

  @AfterAll
  static void stop() {
    spark.stop();
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
}

package io.engineroom.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.generate.BackOfficeGenerator;
import io.engineroom.generate.GeneratorOptions;
import io.engineroom.run.ForgetWorker;
import io.engineroom.run.NightlyJob;
import io.engineroom.support.SparkTestSession;
import io.engineroom.support.WarehouseScan;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.SparkSessionFactory;
import io.engineroom.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy by default and erasure, checked on the disk: after a night with a hash key, no customer
 * name from the window titles and not the key is anywhere in the warehouse, a query plan, the
 * messages of the run or Spark's event log; after 'forget' and another night, no file of any
 * version holds the erased worker's id or name, and everyone else's figures are unchanged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestPrivacyAndErasure {
  private static final LocalDate FIRST = LocalDate.of(2026, 3, 2);
  private static final String KEY = "k3y-" + "that-must-never-leak-41f9";
  @TempDir static Path dir;
  static SparkSession spark;
  static EngineRoomConfig config;
  static Warehouse warehouse;
  static final List<String> messages = Collections.synchronizedList(new ArrayList<>());
  static final List<String> plans = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void runTheFirstNight() throws Exception {
    Path landing = dir.resolve("landing");
    new BackOfficeGenerator(new GeneratorOptions(landing, 8, FIRST, 2, 11L, 0.01), s -> { }).run();
    Path keyFile = dir.resolve("hash.key");
    Files.writeString(keyFile, KEY + "\n");
    config = SparkTestSession.config(landing.toString(), dir.resolve("warehouse").toString(),
        "privacy.hash-key-file=" + keyFile);
    Files.createDirectories(dir.resolve("events"));
    spark = SparkSessionFactory.create("test", config, Map.of("spark.eventLog.enabled", "true",
        "spark.eventLog.dir", dir.resolve("events").toUri().toString()));
    spark.listenerManager().register(new QueryExecutionListener() {
      @Override
      public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        plans.add(qe.toString());
      }

      @Override
      public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        plans.add(qe.toString());
      }
    });
    warehouse = new Warehouse(dir.resolve("warehouse"));
    night(FIRST);
  }

  @AfterAll
  static void theEventLogNeverHeldTheKey() throws Exception {
    spark.stop(); // flushes the event log
    try (Stream<Path> logs = Files.walk(dir.resolve("events"))) {
      List<Path> files = logs.filter(Files::isRegularFile).collect(Collectors.toList());
      assertThat(files).as("Spark wrote an event log").isNotEmpty();
      for (Path log : files) {
        String text = Files.readString(log);
        int at = text.indexOf(KEY);
        assertThat(at).as("the key in the event log, at: %s",
            at < 0 ? "" : text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100))).isNegative();
      }
    }
  }

  @Test
  @Order(1)
  void noCustomerNameFromATitleAndNotTheKeyAnywhere() {
    List<String> needles = new ArrayList<>();
    for (String customer : BackOfficeGenerator.customerNamesInTitles()) {
      needles.add(customer);
      needles.add(customer.replace(' ', '_')); // as in "letter_Maria_Santos.docx"
    }
    needles.add(KEY);
    assertThat(WarehouseScan.find(spark, dir.resolve("warehouse"), needles)).as("files holding them").isEmpty();
    assertThat(plans).as("query plans were recorded").isNotEmpty();
    assertThat(plans).noneMatch(plan -> plan.contains(KEY));
    assertThat(messages).noneMatch(message -> message.contains(KEY));
    // What analytics needs is still there: categories, sites, and a keyed hash of each title.
    Dataset<Row> desktop = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "activity_events"))
        .where("bucket_type = 'currentwindow'");
    assertThat(desktop.where("title_hash is not null").count()).isEqualTo(desktop.count()).isPositive();
    assertThat(desktop.where("title is not null").count()).isZero();
    assertThat(desktop.where("category <> 'uncategorized'").count()).isPositive();
  }

  @Test
  @Order(2)
  void aForgottenWorkerIsInNoVersionOfAnyTableAndStaysOut() throws Exception {
    Row worker = spark.read().format("delta").load(warehouse.path(Layer.SILVER, "roster_history"))
        .where("worker_id = 'W00003'").select("worker_id", "display_name").first();
    String id = worker.getString(0);
    String name = worker.getString(1);
    assertThat(WarehouseScan.find(spark, dir.resolve("warehouse"), List.of(id, name))).as("before").isNotEmpty();
    Dataset<Row> othersBefore = othersWorkerDays(id).localCheckpoint();
    ForgetWorker.Result result = new ForgetWorker(spark, config, warehouse, messages::add).forget(id);
    assertThat(result.rowsRemoved()).isPositive();
    night(FIRST.plusDays(1)); // delivers the worker's roster row and events again: they must stay out
    assertThat(WarehouseScan.find(spark, dir.resolve("warehouse"), List.of(id, name))).as("files holding them")
        .isEmpty();
    assertThat(messages).anyMatch(m -> m.contains("erased workers:") && m.contains("not landed"));
    Dataset<Row> othersAfter = othersWorkerDays(id).where("local_date = DATE'" + FIRST + "'");
    assertThat(othersBefore.exceptAll(othersAfter).count()).as("others' worker-days of night one unchanged")
        .isZero();
    assertThat(othersAfter.exceptAll(othersBefore).count()).isZero();
    Dataset<Row> register = spark.read().format("delta").load(warehouse.path(Layer.OPS, "erasures"));
    assertThat(register.where("status = 'COMPLETED'").count()).isEqualTo(1);
  }

  private static Dataset<Row> othersWorkerDays(String erased) {
    return spark.read().format("delta").load(warehouse.path(Layer.GOLD, "fct_worker_day"))
        .where("worker_id <> '" + erased + "' and local_date = DATE'" + FIRST + "'")
        .select("worker_id", "local_date", "items_completed", "handle_seconds");
  }

  private static void night(LocalDate date) {
    new NightlyJob(spark, config, messages::add, messages::add).runOne(date, NightlyJob.defaultStages(), warehouse);
  }
}

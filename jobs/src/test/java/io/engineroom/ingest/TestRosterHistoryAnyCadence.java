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
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A roster version holds until the next snapshot supersedes it, whatever the cadence: with daily,
 * weekly and irregular snapshots, a worker who changes team between two of them has
 * exactly one version on every day, and a symbolic link in the landing is reported, never followed.
 */
class TestRosterHistoryAnyCadence {
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
}

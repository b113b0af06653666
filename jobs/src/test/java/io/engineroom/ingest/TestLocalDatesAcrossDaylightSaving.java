package io.engineroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.engineroom.config.EngineRoomConfig;
import io.engineroom.support.SparkTestSession;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's day is the calendar day at their site. Events written in UTC land on the right local
 * day around the nights Amsterdam (29 March 2026) and New York (8 March 2026) change their clocks,
 * and Manila, which never does.
 */
class TestLocalDatesAcrossDaylightSaving {
  @TempDir Path dir;

  @Test
  void localDateFollowsTheSiteTimeZone() throws Exception {
    Path landing = dir.resolve("landing");
    write(landing.resolve("roster/2026-03-29/roster.csv"),
        "worker_id,display_name,team_id,team_name,manager_id,site_id,site_timezone,role,hire_date,termination_date,"
            + "hostnames,shift_start,shift_hours,loaded_cost_per_hour,currency,fte\n"
            + "A1,Ana,T1,Team,,AMS,Europe/Amsterdam,agent,2020-01-01,,PC-A1,08:30,8,48,EUR,1.0\n"
            + "N1,Ned,T2,Team,,NYC,America/New_York,agent,2020-01-01,,PC-N1,09:00,8,55,USD,1.0\n"
            + "M1,Mia,T3,Team,,MNL,Asia/Manila,agent,2020-01-01,,PC-M1,07:00,8,850,PHP,1.0\n");
    write(landing.resolve("work_events/2026-03-29/events.csv"),
        "event_id,source_system,case_id,work_item_id,task_type,worker_id,lifecycle,ts,automated,attributes\n"
            // 23:30 UTC on the 28th is 00:30 on the 29th in Amsterdam (still winter time, +01:00)
            + "a-after-midnight,s,c,w1,T,A1,START,2026-03-28T23:30:00Z,false,\n"
            // 22:59 UTC on the 28th is 23:59 on the 28th in Amsterdam
            + "a-before-midnight,s,c,w1,T,A1,COMPLETE,2026-03-28T22:59:00Z,false,\n"
            // 22:30 UTC on the 29th is 00:30 on the 30th: summer time (+02:00) has begun
            + "a-summer,s,c,w2,T,A1,START,2026-03-29T22:30:00Z,false,\n"
            // 03:30 UTC on the 9th is 23:30 on the 8th in New York (EDT, -04:00 since 8 March)
            + "n-edt,s,c,w3,T,N1,START,2026-03-09T03:30:00Z,false,\n"
            // 16:30 UTC on the 28th is 00:30 on the 29th in Manila (+08:00, never changes)
            + "m-plus8,s,c,w4,T,M1,START,2026-03-28T16:30:00Z,false,\n");
    Path wh = dir.resolve("wh");
    EngineRoomConfig config = SparkTestSession.config(landing.toString(), wh.toString(), "ingest.max-bad-share=1.0");
    SparkSession spark = SparkTestSession.start(config);
    try {
      new IngestJob(spark, config, new Warehouse(wh),
          new LandingLayout(landing.toString(), spark.sparkContext().hadoopConfiguration()), s -> { })
          .run(LocalDate.of(2026, 3, 29), "dst");
      Map<String, String> localDate = new HashMap<>();
      spark.read().format("delta").load(new Warehouse(wh).path(Layer.SILVER, "work_events"))
          .select("event_id", "local_date").collectAsList()
          .forEach(r -> localDate.put(r.getString(0), r.getDate(1).toString()));
      assertThat(localDate).containsEntry("a-after-midnight", "2026-03-29")
          .containsEntry("a-before-midnight", "2026-03-28")
          .containsEntry("a-summer", "2026-03-30")
          .containsEntry("n-edt", "2026-03-08")
          .containsEntry("m-plus8", "2026-03-29");
    } finally {
      spark.stop();
    }
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

package io.engineroom.ingest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * {@code silver.roster_history} (type-2 history rebuilt from all snapshots) and
 * {@code silver.worker_hosts} (which machine belongs to whom, when).
 */
final class RosterSilver {
  static final String HISTORY = "roster_history";
  static final String HOSTS = "worker_hosts";

  private RosterSilver() {}

  static void build(SilverContext ctx, SourceReport report) {
    Dataset<Row> all = ctx.bronzeAll(LandingSource.ROSTER);
    ctx.view("bronze_roster", all);
    List<String> bad = new ArrayList<>();
    for (Row r : all.select("site_timezone").distinct().collectAsList()) {
      String zone = r.getString(0);
      if (zone != null && !zone.isEmpty() && !isZone(zone)) {
        bad.add(zone);
      }
    }
    ctx.view("bad_timezones", ctx.spark.createDataset(bad, Encoders.STRING()).toDF("site_timezone"));
    Dataset<Row> checked = ctx.sql("roster_checked");
    ctx.view("roster_checked", checked);
    Dataset<Row> tonight = checked.where(ctx.isThisBatch());
    report.rowsRead += tonight.count();
    report.addQuarantined(ctx.quarantine.write(LandingSource.ROSTER, tonight, "_reason", ctx.runId));
    report.addQuarantined(ctx.quarantine.writeReadErrors(LandingSource.ROSTER, ctx.bronzeBatch(LandingSource.ROSTER),
        ctx.runId));
    Dataset<Row> history = ctx.sql("roster_history");
    io.engineroom.warehouse.DeltaTables.overwrite(history, ctx.silver(HISTORY));
    report.rowsToSilver += tonight.where("_reason is null").count();
    Dataset<Row> hosts = ctx.readSilver(HISTORY).selectExpr(
        "explode(split(hostnames, ';')) as hostname", "worker_id", "site_timezone", "valid_from", "valid_to")
        .where("hostname != ''");
    io.engineroom.warehouse.DeltaTables.overwrite(hosts, ctx.silver(HOSTS));
  }

  /** Registers roster views the other steps use, empty when no roster was ever delivered. */
  static boolean registerViews(SilverContext ctx) {
    // Without a single roster row (a process log on its own) workers and hosts cannot be checked.
    if (!ctx.silverExists(HISTORY) || ctx.readSilver(HISTORY).isEmpty()) {
      ctx.spark.sql("select cast(null as string) worker_id, cast(null as string) site_timezone, "
          + "cast(null as date) valid_from, cast(null as date) valid_to where false").createOrReplaceTempView(HISTORY);
      ctx.spark.sql("select cast(null as string) hostname, cast(null as string) worker_id, "
          + "cast(null as string) site_timezone, cast(null as date) valid_from, cast(null as date) valid_to where false")
          .createOrReplaceTempView(HOSTS);
      ctx.params.put("roster_known", "false");
      return false;
    }
    ctx.view(HISTORY, ctx.readSilver(HISTORY));
    ctx.view(HOSTS, ctx.readSilver(HOSTS));
    ctx.params.put("roster_known", "true");
    return true;
  }

  private static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}

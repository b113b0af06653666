package io.engineroom.run;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.run_history}: one row per run, stage and table (table {@code *} for the stage as a
 * whole), appended as each stage ends, so a failed night shows how far it got and why.
 */
public final class RunHistory {
  public static final String TABLE = "run_history";
  static final StructType SCHEMA = StructType.fromDDL("run_id string, delivery_date date, stage string, "
      + "table_name string, rows_in bigint, rows_out bigint, quarantined_rows bigint, checks_passed bigint, "
      + "checks_failed bigint, started_at timestamp, duration_ms bigint, status string, error string");

  private final SparkSession spark;
  private final Warehouse warehouse;

  public RunHistory(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  public void record(String runId, LocalDate delivery, String stage, StageOutcome outcome, Instant started,
      long durationMs, String status, String error) {
    List<Row> rows = new ArrayList<>();
    long in = 0;
    long out = 0;
    long quarantined = 0;
    if (outcome != null) {
      for (StageOutcome.TableCount t : outcome.tables) {
        rows.add(row(runId, delivery, stage, t.table(), t.rowsIn(), t.rowsOut(), t.quarantined(), 0, 0, started,
            durationMs, status, null));
        in += t.rowsIn();
        out += t.rowsOut();
        quarantined += t.quarantined();
      }
    }
    rows.add(row(runId, delivery, stage, "*", in, out, quarantined, outcome == null ? 0 : outcome.checksPassed,
        outcome == null ? 0 : outcome.checksFailed, started, durationMs, status, error));
    DeltaTables.append(spark.createDataFrame(rows, SCHEMA), warehouse.path(Layer.OPS, TABLE));
  }

  /** Delivery dates whose publish stage succeeded, for resuming a backfill. */
  public List<LocalDate> publishedDates() {
    List<LocalDate> dates = new ArrayList<>();
    String path = warehouse.path(Layer.OPS, TABLE);
    if (!DeltaTables.exists(spark, path)) {
      return dates;
    }
    DeltaTables.read(spark, path).where("stage = 'publish' and table_name = '*' and status = 'SUCCEEDED'")
        .select("delivery_date").distinct().collectAsList()
        .forEach(r -> dates.add(r.getDate(0).toLocalDate()));
    return dates;
  }

  private static Row row(String runId, LocalDate delivery, String stage, String table, long in, long out,
      long quarantined, long passed, long failed, Instant started, long durationMs, String status, String error) {
    return RowFactory.create(runId, Date.valueOf(delivery), stage, table, in, out, quarantined, passed, failed,
        Timestamp.from(started), durationMs, status, error);
  }
}

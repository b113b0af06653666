package io.engineroom.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.engineroom.config.ConfigKeys;
import io.engineroom.config.EngineRoomConfig;
import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.ErasureRegister;
import io.engineroom.warehouse.HistoryFreeRewrite;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.TaskGraph;
import io.engineroom.warehouse.Warehouse;
import io.engineroom.warehouse.WarehouseLock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code engineroom forget --worker W}: removes one worker from every table of the warehouse. In
 * order: a tombstone in {@code ops.erasures} (so ingest never lands them again, even from re-sent
 * files or old roster snapshots); their rows deleted, and references to them (auditor, manager)
 * blanked, in every Delta table that has them; the marts rebuilt from the cleaned silver
 * (incremental ones in full), so aggregates no longer count them; then every table rewritten
 * without history, because older versions and the transaction log's statistics still hold them.
 * Re-running after a crash completes the job.
 */
public final class ForgetWorker {
  private final SparkSession spark;
  private final EngineRoomConfig config;
  private final Warehouse warehouse;
  private final Consumer<String> progress;

  /** What the erasure did, in numbers that hold no personal data. */
  public record Result(String erasureId, long rowsRemoved, long referencesBlanked, int tablesChanged,
      int tablesRewritten, LocalDate rebuiltNight) {}

  public ForgetWorker(SparkSession spark, EngineRoomConfig config, Warehouse warehouse, Consumer<String> progress) {
    this.spark = spark;
    this.config = config;
    this.warehouse = warehouse;
    this.progress = progress;
  }

  public Result forget(String workerId) {
    try (WarehouseLock lock = WarehouseLock.acquire(warehouse, "forget " + workerId, WarehouseLock.LEASE)) {
      return forgetHoldingTheLock(workerId);
    }
  }

  private Result forgetHoldingTheLock(String workerId) {
    String erasureId = "erasure-" + ZonedDateTime.now(ZoneOffset.UTC).format(
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS"));
    ErasureRegister register = new ErasureRegister(spark, warehouse);
    List<HostRange> inRoster = hostRanges(workerId);
    boolean resumed = inRoster.isEmpty() && register.hasWorker(register.key(workerId));
    // resumed: an earlier run stopped part-way, after the roster lost the worker
    List<HostRange> ranges = resumed ? hostRangesFromRegister(register, register.key(workerId)) : inRoster;
    if (!resumed && ranges.isEmpty() && !appearsAnywhere(workerId)) {
      throw new IllegalArgumentException("No worker '" + workerId + "' in the warehouse " + warehouse.root()
          + " (not in silver.roster_history, silver.worker_hosts or silver.work_items). Check the id; nothing "
          + "was changed.");
    }
    List<Row> hosts = new ArrayList<>();
    for (HostRange range : ranges) {
      hosts.add(register.host(range.hostname, range.from, range.to));
    }
    // First the tombstone: whatever happens next, no later night brings the worker back.
    register.record(erasureId, register.key(workerId), hosts, "STARTED", 0, 0);
    Set<String> items = itemsOf(workerId);
    AtomicLong removedRows = new AtomicLong();
    AtomicLong blankedRows = new AtomicLong();
    AtomicInteger changedTables = new AtomicInteger();
    int threads = config.getInt(ConfigKeys.SPARK_THREADS); // every table is its own commit
    TaskGraph.run(threads, "engineroom-forget", warehouse.allTablePaths(spark), path -> {
      long[] counts = eraseFrom(path, workerId, ranges, items);
      removedRows.addAndGet(counts[0]);
      blankedRows.addAndGet(counts[1]);
      changedTables.addAndGet(counts[0] + counts[1] > 0 ? 1 : 0);
    });
    long removed = removedRows.get();
    long blanked = blankedRows.get();
    int changed = changedTables.get();
    progress.accept(String.format("forget: %,d rows removed and %,d references blanked in %d tables", removed, blanked,
        changed));
    LocalDate night = rebuildMarts();
    List<String> tables = warehouse.allTablePaths(spark);
    HistoryFreeRewrite rewrite = new HistoryFreeRewrite(spark, warehouse);
    AtomicInteger done = new AtomicInteger();
    TaskGraph.run(threads, "engineroom-forget", tables, path -> {
      progress.accept(String.format("forget: rewriting without history %s [%d/%d]",
          path.substring(warehouse.root().length() + 1), done.incrementAndGet(), tables.size()));
      rewrite.rewrite(path, rows -> rows);
    });
    if (night != null) {
      new GoldPublisher(spark, warehouse).repin(erasureId, night);
    }
    register.record(erasureId, register.key(workerId), hosts, "COMPLETED", removed, tables.size());
    return new Result(erasureId, removed, blanked, changed, tables.size(), night);
  }

  /**
   * The machines of a worker whose earlier erasure stopped part-way: silver no longer names them,
   * the register has them only as keyed hashes, so the host names still in bronze are hashed and
   * matched.
   */
  private List<HostRange> hostRangesFromRegister(ErasureRegister register, String workerKey) {
    String bronze = warehouse.path(Layer.BRONZE, "activity");
    List<HostRange> ranges = new ArrayList<>();
    if (!DeltaTables.exists(spark, bronze)) {
      return ranges;
    }
    List<String> names = DeltaTables.read(spark, bronze).select("hostname").distinct().collectAsList().stream()
        .map(r -> r.getString(0)).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    for (io.engineroom.ingest.Tombstones.HostRange h : register.hostsOf(workerKey)) {
      names.stream().filter(n -> register.key(n).equals(h.hostKey())).findFirst()
          .ifPresent(n -> ranges.add(new HostRange(n, h.from(), h.to())));
    }
    return ranges;
  }

  private record HostRange(String hostname, LocalDate from, LocalDate to) {}

  private List<HostRange> hostRanges(String workerId) {
    String path = warehouse.path(Layer.SILVER, "worker_hosts");
    if (!DeltaTables.exists(spark, path)) {
      return List.of();
    }
    return DeltaTables.read(spark, path).where(col("worker_id").equalTo(workerId)).collectAsList().stream()
        .map(r -> new HostRange(r.getAs("hostname"), r.<java.sql.Date>getAs("valid_from").toLocalDate(),
            r.getAs("valid_to") == null ? null : r.<java.sql.Date>getAs("valid_to").toLocalDate()))
        .collect(Collectors.toList());
  }

  private Set<String> itemsOf(String workerId) {
    String path = warehouse.path(Layer.SILVER, "work_items");
    if (!DeltaTables.exists(spark, path)) {
      return Set.of();
    }
    return DeltaTables.read(spark, path).where(col("worker_id").equalTo(workerId)).select("work_item_id")
        .distinct().collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
  }

  private boolean appearsAnywhere(String workerId) {
    for (String table : List.of("roster_history", "work_items")) {
      String path = warehouse.path(Layer.SILVER, table);
      if (DeltaTables.exists(spark, path)
          && !DeltaTables.read(spark, path).where(col("worker_id").equalTo(workerId)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Deletes the worker's rows from one table and blanks references to them; returns {removed,
   * blanked}. Which rows are theirs follows from the table's columns, so every table is covered,
   * including ones added after this was written.
   */
  private long[] eraseFrom(String path, String workerId, List<HostRange> hosts, Set<String> items) {
    Set<String> columns = Set.of(DeltaTables.read(spark, path).columns());
    Column theirs = lit(false);
    if (columns.contains("worker_id")) {
      theirs = theirs.or(col("worker_id").eqNullSafe(workerId));
    } else if (columns.contains("work_item_id") && !items.isEmpty()) {
      theirs = theirs.or(col("work_item_id").isin(items.toArray())); // audits of their work
    }
    if (columns.contains("hostname") && !columns.contains("worker_id")) {
      String time = columns.contains("timestamp") ? "timestamp" : columns.contains("start_ts") ? "start_ts" : null;
      for (HostRange h : hosts) {
        Column onHost = col("hostname").equalTo(h.hostname);
        if (time != null) {
          Column day = org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.substring(
              col(time).cast("string"), 1, 10));
          onHost = onHost.and(day.isNull().or(day.geq(lit(java.sql.Date.valueOf(h.from.minusDays(1))))
              .and(h.to == null ? lit(true) : day.leq(lit(java.sql.Date.valueOf(h.to.plusDays(1)))))));
        }
        theirs = theirs.or(onHost);
      }
    }
    if (columns.contains("raw_record")) {
      // Quarantined rows keep their fields as JSON: the worker's id, or a machine of theirs, as a value.
      theirs = theirs.or(org.apache.spark.sql.functions.instr(col("raw_record"), "\"" + workerId + "\"").gt(0));
      for (HostRange h : hosts) {
        theirs = theirs.or(org.apache.spark.sql.functions.instr(col("raw_record"), "\"" + h.hostname + "\"").gt(0));
      }
    }
    DeltaTable table = DeltaTable.forPath(spark, path);
    long removed = DeltaTables.read(spark, path).where(theirs).count();
    if (removed > 0) {
      table.delete(theirs);
    }
    long blanked = 0;
    for (String reference : List.of("auditor_id", "manager_id")) {
      if (columns.contains(reference)) {
        long n = DeltaTables.read(spark, path).where(col(reference).equalTo(workerId)).count();
        if (n > 0) {
          table.update(col(reference).equalTo(workerId), Map.of(reference, lit(null).cast("string")));
          blanked += n;
        }
      }
    }
    return new long[] {removed, blanked};
  }

  /** Rebuilds the marts of the latest published night from the cleaned silver; null if none was. */
  private LocalDate rebuildMarts() {
    List<LocalDate> published = new RunHistory(spark, warehouse).publishedDates();
    if (published.isEmpty()) {
      return null;
    }
    LocalDate latest = published.stream().max(LocalDate::compareTo).get();
    progress.accept("forget: rebuilding the marts of the night of " + latest + " without the worker");
    new NightlyJob(spark, config, progress, progress).runOne(latest,
        List.of(new BuildStage(List.of(), true), new MineStage(), new PublishStage()), warehouse);
    return latest;
  }
}

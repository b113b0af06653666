package io.engineroom.warehouse;

import io.engineroom.ingest.Tombstones;
import io.engineroom.udfs.functions.KeyedHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code ops.erasures}: every worker removed with {@code engineroom forget}, by a keyed hash under a
 * secret salt of this warehouse (so the register names nobody), with the machines they used and
 * when. Ingest reads it back as {@link Tombstones} so no later delivery brings them back.
 */
public final class ErasureRegister {
  public static final String TABLE = "erasures";
  static final String SCHEMA = "erasure_id string, recorded_at timestamp, worker_key string, "
      + "hosts array<struct<host_key: string, valid_from: date, valid_to: date>>, status string, "
      + "rows_removed bigint, tables_rewritten int";
  private final SparkSession spark;
  private final Warehouse warehouse;

  public ErasureRegister(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** The tombstones ingest applies; none when nobody was ever erased. */
  public static Tombstones tombstones(SparkSession spark, Warehouse warehouse) {
    String path = warehouse.path(Layer.OPS, TABLE);
    if (!DeltaTables.exists(spark, path)) {
      return Tombstones.NONE;
    }
    Set<String> workers = new HashSet<>();
    List<Tombstones.HostRange> hosts = new ArrayList<>();
    for (Row r : DeltaTables.read(spark, path).collectAsList()) {
      workers.add(r.getAs("worker_key"));
      for (Row h : r.<Row>getList(r.fieldIndex("hosts"))) {
        hosts.add(hostRange(h));
      }
    }
    return new Tombstones(new ErasureRegister(spark, warehouse).salt(), workers, hosts);
  }

  /** Whether the register already holds this worker (an erasure that may have stopped part-way). */
  public boolean hasWorker(String workerKey) {
    String path = warehouse.path(Layer.OPS, TABLE);
    return DeltaTables.exists(spark, path)
        && !DeltaTables.read(spark, path).where(org.apache.spark.sql.functions.col("worker_key").equalTo(workerKey))
            .isEmpty();
  }

  /** The machines recorded for an erased worker. */
  public List<Tombstones.HostRange> hostsOf(String workerKey) {
    List<Tombstones.HostRange> hosts = new ArrayList<>();
    String path = warehouse.path(Layer.OPS, TABLE);
    if (!DeltaTables.exists(spark, path)) {
      return hosts;
    }
    for (Row r : DeltaTables.read(spark, path).where(org.apache.spark.sql.functions.col("worker_key")
        .equalTo(workerKey)).collectAsList()) {
      for (Row h : r.<Row>getList(r.fieldIndex("hosts"))) {
        Tombstones.HostRange range = hostRange(h);
        if (!hosts.contains(range)) {
          hosts.add(range);
        }
      }
    }
    return hosts;
  }

  private static Tombstones.HostRange hostRange(Row h) {
    java.sql.Date to = h.getAs("valid_to");
    return new Tombstones.HostRange(h.getAs("host_key"), h.<java.sql.Date>getAs("valid_from").toLocalDate(),
        to == null ? null : to.toLocalDate());
  }

  /** A keyed hash of a worker id or host name under this warehouse's salt. */
  public String key(String value) {
    return KeyedHash.hash(value, salt());
  }

  /** Appends one step of an erasure (STARTED, then COMPLETED with what it removed). */
  public void record(String erasureId, String workerKey, List<Row> hosts, String status, long rowsRemoved,
      int tablesRewritten) {
    Row row = org.apache.spark.sql.RowFactory.create(erasureId, new java.sql.Timestamp(System.currentTimeMillis()),
        workerKey, hosts, status, rowsRemoved, tablesRewritten);
    DeltaTables.append(spark.createDataFrame(List.of(row),
        org.apache.spark.sql.types.StructType.fromDDL(SCHEMA)), warehouse.path(Layer.OPS, TABLE));
  }

  /** A host entry of the register. */
  public Row host(String hostname, LocalDate from, LocalDate to) {
    return org.apache.spark.sql.RowFactory.create(key(hostname), java.sql.Date.valueOf(from),
        to == null ? null : java.sql.Date.valueOf(to));
  }

  /**
   * The warehouse's erasure salt, made on first use. It lives beside the tables, not in them, so no
   * reader of the endpoint sees it; without it the register's hashes cannot be tested against ids.
   */
  synchronized String salt() {
    Path file = new Path(warehouse.root() + "/_erasure/salt");
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try (OutputStream out = fs.create(file, false)) {
          out.write(HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII));
        }
      }
      try (InputStream in = fs.open(file)) {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the erasure salt " + file, e);
    }
  }
}

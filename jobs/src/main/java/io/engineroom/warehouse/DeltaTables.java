package io.engineroom.warehouse;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/** The few Delta writes Engine Room makes, each one atomic commit. */
public final class DeltaTables {
  private DeltaTables() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** The table's partition columns, in order (empty when unpartitioned). */
  public static List<String> partitionColumns(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).detail().select("partitionColumns").first().getList(0);
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  /** Reads the table, or an empty frame of the given DDL schema when it does not exist yet. */
  public static Dataset<Row> readOrEmpty(SparkSession spark, String path, String ddlSchema) {
    if (exists(spark, path)) {
      return read(spark, path);
    }
    return spark.createDataFrame(List.of(), org.apache.spark.sql.types.StructType.fromDDL(ddlSchema));
  }

  public static void overwrite(Dataset<Row> rows, String path) {
    overwrite(rows, path, List.of());
  }

  /** Replaces the table, partitioned by the given columns (none: unpartitioned). */
  public static void overwrite(Dataset<Row> rows, String path, List<String> partitionBy) {
    org.apache.spark.sql.DataFrameWriter<Row> writer =
        rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
            // the whole table, whatever the session's partition overwrite mode (dynamic here)
            .option("partitionOverwriteMode", "static");
    if (!partitionBy.isEmpty()) {
      writer = writer.partitionBy(partitionBy.toArray(new String[0]));
    }
    writer.save(path);
  }

  /** Replaces only the partitions the rows fall in (dynamic partition overwrite); the rest stays. */
  public static void overwritePartitions(Dataset<Row> rows, String path) {
    rows.write().format("delta").mode(SaveMode.Overwrite).option("partitionOverwriteMode", "dynamic").save(path);
  }

  public static void append(Dataset<Row> rows, String path) {
    rows.write().format("delta").mode(SaveMode.Append).save(path);
  }

  /**
   * Inserts rows whose key is new and updates rows whose key exists: re-running the same input
   * leaves the table as it was. Creates the table on first use.
   */
  public static void upsert(SparkSession spark, Dataset<Row> rows, String path, List<String> keys) {
    if (createIfAbsent(spark, rows, path)) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), keyCondition(keys))
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /** Inserts only rows whose key is new; existing rows are never touched. */
  public static void insertNew(SparkSession spark, Dataset<Row> rows, String path, List<String> keys) {
    if (createIfAbsent(spark, rows, path)) {
      return;
    }
    DeltaTable.forPath(spark, path).as("t")
        .merge(rows.as("s"), keyCondition(keys))
        .whenNotMatched().insertAll()
        .execute();
  }

  /** Writes the rows as a new table when there is none yet; true if it did. */
  private static boolean createIfAbsent(SparkSession spark, Dataset<Row> rows, String path) {
    if (exists(spark, path)) {
      return false;
    }
    overwrite(rows, path);
    return true;
  }

  /** Null-safe equality on every key column, target {@code t} against source {@code s}. */
  private static String keyCondition(List<String> keys) {
    return keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
  }

  /** When the table's latest commit was made (epoch milliseconds). */
  public static long lastCommitMillis(SparkSession spark, String path) {
    return DeltaTable.forPath(spark, path).history(1).select("timestamp").head().getTimestamp(0).getTime();
  }

  public static long version(SparkSession spark, String path) {
    return lastCommit(spark, path).version();
  }

  /** A table's latest commit: its version and the rows it wrote, if Delta counted them. */
  public record Commit(long version, Long rowsWritten) {}

  public static Commit lastCommit(SparkSession spark, String path) {
    Row last = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").head();
    java.util.Map<String, String> metrics = last.isNullAt(1) ? java.util.Map.of() : last.getJavaMap(1);
    String rows = metrics.get("numOutputRows");
    return new Commit(last.getLong(0), rows == null ? null : Long.valueOf(rows));
  }

  /**
   * Replaces the table; returns the new commit with the rows the table now holds, from the commit's
   * own metrics (a second scan of the table only if Delta did not count them).
   */
  public static Commit overwriteCounting(SparkSession spark, Dataset<Row> rows, String path) {
    overwrite(rows, path);
    Commit commit = lastCommit(spark, path);
    return commit.rowsWritten() != null ? commit : new Commit(commit.version(), read(spark, path).count());
  }
}

package io.engineroom.warehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * Rewrites a Delta table as a new table with one version and no history: every older version, its
 * data files and its transaction log (whose file statistics hold column values) are gone. What an
 * erasure needs, since VACUUM removes old data files but not the log. Written beside the warehouse
 * first, then swapped in; a crash in between is finished by the next rewrite of the same table.
 */
public final class HistoryFreeRewrite {
  private final SparkSession spark;
  private final Warehouse warehouse;

  public HistoryFreeRewrite(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** Rewrites the table at {@code path} with {@code change} applied to its current rows. */
  public void rewrite(String path, UnaryOperator<Dataset<Row>> change) {
    Path table = new Path(path);
    Path fresh = new Path(scratch(path), "fresh");
    Path old = new Path(scratch(path), "old");
    try {
      FileSystem fs = table.getFileSystem(spark.sparkContext().hadoopConfiguration());
      finishInterrupted(fs, table, fresh, old);
      List<String> partitions = DeltaTable.forPath(spark, path).detail().select("partitionColumns").head()
          .getList(0);
      fs.delete(fresh, true);
      DeltaTables.overwrite(change.apply(DeltaTables.read(spark, path)), fresh.toString(), partitions);
      fs.mkdirs(old.getParent());
      if (!fs.rename(table, old) || !fs.rename(fresh, table)) {
        throw new IOException("could not swap " + fresh + " into " + table);
      }
      fs.delete(old, true);
      // Delta caches each table's log by path; the table under this path is a new one now.
      DeltaLog.invalidateCache(spark, table);
    } catch (IOException e) {
      throw new UncheckedIOException("rewriting " + path + " failed: " + e.getMessage()
          + ". Run the same command again: it finishes the swap.", e);
    }
  }

  private String scratch(String path) {
    String relative = path.startsWith(warehouse.root()) ? path.substring(warehouse.root().length()) : "/" + path.hashCode();
    return warehouse.root() + "/_erasure/rewrite" + relative;
  }

  /** The table was moved aside but the new one not yet moved in: move it in. */
  private static void finishInterrupted(FileSystem fs, Path table, Path fresh, Path old) throws IOException {
    if (!fs.exists(table) && fs.exists(new Path(fresh, "_delta_log"))) {
      fs.rename(fresh, table);
    }
    if (fs.exists(table)) {
      fs.delete(old, true);
    }
  }
}

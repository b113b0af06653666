package io.engineroom.warehouse;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An order-independent fingerprint of a table's content: row count and the sum of a 64-bit hash of
 * every row. Columns that describe the run rather than the data (run ids, times of writing) are
 * left out, and doubles count to 12 significant digits, so two runs over the same input agree
 * whatever machine or mode ran them.
 */
public final class TableFingerprint {
  private static final Set<String> RUN_COLUMNS = Set.of("_run_id", "run_id", "published_at", "started_at",
      "duration_ms", "_source_file_modified");

  private TableFingerprint() {}

  public static String of(SparkSession spark, String path) {
    Dataset<Row> rows = DeltaTables.read(spark, path);
    Column[] columns = Arrays.stream(rows.schema().fields()).filter(f -> !RUN_COLUMNS.contains(f.name()))
        .sorted(java.util.Comparator.comparing(org.apache.spark.sql.types.StructField::name))
        .map(TableFingerprint::hashable).toArray(Column[]::new);
    Row r = rows.select(functions.xxhash64(columns).as("h"))
        .agg(functions.count("*"), functions.sum(functions.col("h").cast("decimal(38,0)"))).head();
    return r.getLong(0) + ":" + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
  }

  /**
   * Maps have no stable hash in Spark: they are hashed as their entries in key order. Doubles are
   * hashed at 12 significant digits: a sum of doubles depends on the order its rows meet, which
   * differs between one machine and a cluster (a ratio of such sums once differed in its 16th digit).
   */
  private static Column hashable(org.apache.spark.sql.types.StructField field) {
    Column c = functions.col("`" + field.name() + "`");
    if (field.dataType() instanceof org.apache.spark.sql.types.MapType) {
      return functions.array_sort(functions.map_entries(c));
    }
    if (field.dataType() instanceof org.apache.spark.sql.types.DoubleType
        || field.dataType() instanceof org.apache.spark.sql.types.FloatType) {
      return functions.when(c.isNotNull(), functions.format_string("%.12g", c));
    }
    return c;
  }

  /** Fingerprints of every table of the given layers, one line each, sorted by name. */
  public static String ofLayers(SparkSession spark, Warehouse warehouse, Layer... layers) {
    return Arrays.stream(layers).flatMap(layer -> warehouse.tables(spark, layer).stream()
        .map(t -> layer.schema() + "." + t + " " + of(spark, warehouse.path(layer, t))))
        .collect(Collectors.joining("\n"));
  }
}

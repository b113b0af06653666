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
 * left out, so two runs over the same input agree whatever machine or mode ran them.
 */
public final class TableFingerprint {
  private static final Set<String> RUN_COLUMNS = Set.of("_run_id", "run_id", "published_at", "started_at",
      "duration_ms", "_source_file_modified");

  private TableFingerprint() {}

  public static String of(SparkSession spark, String path) {
    Dataset<Row> rows = DeltaTables.read(spark, path);
    Column[] columns = Arrays.stream(rows.columns()).filter(c -> !RUN_COLUMNS.contains(c)).sorted()
        .map(c -> functions.col("`" + c + "`")).toArray(Column[]::new);
    Row r = rows.select(functions.xxhash64(columns).as("h"))
        .agg(functions.count("*"), functions.sum(functions.col("h").cast("decimal(38,0)"))).head();
    return r.getLong(0) + ":" + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
  }

  /** Fingerprints of every table of the given layers, one line each, sorted by name. */
  public static String ofLayers(SparkSession spark, Warehouse warehouse, Layer... layers) {
    return Arrays.stream(layers).flatMap(layer -> warehouse.tables(spark, layer).stream()
        .map(t -> layer.schema() + "." + t + " " + of(spark, warehouse.path(layer, t))))
        .collect(Collectors.joining("\n"));
  }
}

package io.engineroom.ingest;

import io.engineroom.warehouse.DeltaTables;
import io.engineroom.warehouse.Layer;
import io.engineroom.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.skipped_files}: every entry of a night's landing folders that was not read, with the
 * reason code. Keyed by delivery date, file and reason, so re-running a night adds nothing.
 */
final class SkippedFiles {
  static final String TABLE = "skipped_files";
  private static final StructType SCHEMA = StructType.fromDDL(
      "delivery_date date, source string, file string, reason string, run_id string");

  private SkippedFiles() {}

  static void record(SparkSession spark, Warehouse warehouse, LocalDate delivery, List<LandingLayout.SkippedFile> files,
      String runId) {
    if (files.isEmpty()) {
      return; // the table appears with the first file not read; a night costs no write for nothing
    }
    String path = warehouse.path(Layer.OPS, TABLE);
    List<Row> rows = new ArrayList<>();
    for (LandingLayout.SkippedFile f : files) {
      rows.add(RowFactory.create(java.sql.Date.valueOf(delivery), f.source().tableName(), f.file(), f.reason(), runId));
    }
    DeltaTables.insertNew(spark, spark.createDataFrame(rows, SCHEMA), path,
        List.of("delivery_date", "source", "file", "reason"));
  }
}

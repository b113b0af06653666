package io.engineroom.models;

import io.engineroom.warehouse.DeltaTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes an incremental model's rows as dbt-spark does: the first build (or a full refresh) creates
 * the table; later builds add the model's new rows by its strategy. The model's own
 * {@code {% if is_incremental() %}} filter decides which rows those are, so only they are computed
 * and written.
 */
final class IncrementalWrite {
  private final SparkSession spark;
  private final Model model;
  private final String location;

  IncrementalWrite(SparkSession spark, Model model, String location) {
    this.spark = spark;
    this.model = model;
    this.location = location;
  }

  /** Returns how many rows were written (the model's new or changed rows on an incremental run). */
  long apply(Dataset<Row> rows, boolean incremental) {
    List<String> partitions = model.partitionBy();
    if (!incremental) {
      DeltaTables.overwrite(rows, location, partitions);
      return DeltaTables.read(spark, location).count();
    }
    // Counted before the write: afterwards the filter the model applies ("newer than what {{ this }}
    // holds") would see its own rows.
    Dataset<Row> batch = rows.localCheckpoint();
    long written = batch.count();
    switch (model.incrementalStrategy()) {
      case "append" -> DeltaTables.append(batch, location);
      case "merge" -> {
        if (model.uniqueKey().isEmpty()) {
          throw new ModelException(model.file() + ": incremental_strategy='merge' needs unique_key, e.g. "
              + "unique_key=['task_type', 'local_date'].");
        }
        DeltaTables.upsert(spark, batch, location, model.uniqueKey());
      }
      case "insert_overwrite" -> {
        if (partitions.isEmpty()) {
          throw new ModelException(model.file() + ": incremental_strategy='insert_overwrite' needs partition_by: "
              + "it replaces the partitions the new rows fall in.");
        }
        DeltaTables.overwritePartitions(batch, location);
      }
      default -> throw new ModelException(model.file() + ": incremental_strategy='" + model.incrementalStrategy()
          + "' is not one of append, merge, insert_overwrite.");
    }
    return written;
  }
}

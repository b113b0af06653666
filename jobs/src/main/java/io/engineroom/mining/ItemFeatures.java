package io.engineroom.mining;

import io.engineroom.udfs.functions.KeyedHash;
import java.util.function.Function;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One row per completed work item in the window, for notebooks: task type, pseudonymised worker,
 * tenure, the step sequence and its features, handle and wait time, rework and the audit outcome.
 * Worker ids are replaced by a keyed hash computed here, in the tasks, so the key never appears in a
 * SQL text, a plan or an event log; the worker id column never reaches the table.
 */
final class ItemFeatures {
  private ItemFeatures() {}

  static Dataset<Row> build(SparkSession spark, Function<String, String> silver, Dataset<Row> topPerformers,
      MiningOptions o, String pseudonymKey) {
    topPerformers.createOrReplaceTempView("mining_top_performers");
    Dataset<Row> features = spark.sql("""
        with items as (
            select * from mining_items where worker_id is not null
        ),
        first_audit as (
            select source_system, work_item_id, min_by(struct(is_pass, error_category), audited_at) as audit
            from delta.`%1$s`
            group by source_system, work_item_id
        )
        select
            i.source_system, i.work_item_id, i.task_type, i.worker_id, r.team_id,
            datediff(i.local_date, r.hire_date) as tenure_days, i.local_date,
            i.handle_seconds, i.wait_seconds, i.rework_count,
            s.steps, size(s.steps) as step_count, size(array_distinct(s.steps)) as distinct_steps,
            array_join(s.steps, ' > ') as steps_text,
            case when a.audit is null then null when a.audit.is_pass then 'PASS' else 'FAIL' end as audit_outcome,
            a.audit.error_category as audit_error_category,
            coalesce(t.is_top, false) as by_top_performer
        from items as i
        left join mining_item_steps as s on s.sequence_id = concat(i.source_system, '/', i.work_item_id)
        left join first_audit as a on a.source_system = i.source_system and a.work_item_id = i.work_item_id
        left join delta.`%2$s` as r
            on r.worker_id = i.worker_id and i.local_date between r.valid_from and coalesce(r.valid_to, date '9999-12-31')
        left join mining_top_performers as t on t.task_type = i.task_type and t.worker_id = i.worker_id
        """.formatted(silver.apply("audits"), silver.apply("roster_history")));
    return pseudonymise(features, pseudonymKey);
  }

  /** Replaces worker_id with worker_pseudonym = er_keyed_hash(worker_id, key). */
  private static Dataset<Row> pseudonymise(Dataset<Row> features, String key) {
    StructType in = features.schema();
    int workerField = in.fieldIndex("worker_id");
    StructType out = new StructType();
    for (int i = 0; i < in.fields().length; i++) {
      out = i == workerField ? out.add("worker_pseudonym", DataTypes.StringType, true) : out.add(in.fields()[i]);
    }
    MapFunction<Row, Row> hash = row -> {
      Object[] values = new Object[row.length()];
      for (int i = 0; i < row.length(); i++) {
        values[i] = i == workerField ? KeyedHash.hash(row.getString(i), key) : row.get(i);
      }
      return RowFactory.create(values);
    };
    return features.map(hash, Encoders.row(out));
  }
}

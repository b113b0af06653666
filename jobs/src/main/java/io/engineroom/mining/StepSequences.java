package io.engineroom.mining;

import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The step sequence of every completed work item in the window (METRICS.md): the applications (or
 * app categories) of the worker's active desktop time between the item's START and COMPLETE, in
 * order, repeats in a row merged. For source systems without desktop data (a process log), the unit
 * is the case and its steps are its activities in order.
 */
final class StepSequences {
  /** The window's completed, non-automated items (registered by MiningJob). */
  static final String ITEMS_VIEW = "mining_items";
  /** The item-level sequences (registered by MiningJob). */
  static final String ITEM_STEPS_VIEW = "mining_item_steps";

  private StepSequences() {}

  /**
   * Columns: unit ('item' or 'case'), source_system, sequence_id, case_id, task_type, worker_id,
   * local_date, handle_seconds, wait_seconds, rework_count, steps (array of strings).
   */
  static Dataset<Row> build(SparkSession spark, Function<String, String> silver, MiningOptions o) {
    String stepColumn = o.stepLevel().equals("app") ? "app" : "category";
    return spark.sql("""
        with items as (
            select * from mining_items
        ),
        segments as (
            select i.source_system, i.work_item_id, s.worker_id, s.local_date, s.start_at, s.end_at
            from items as i
            lateral view explode(i.segments) x as s
            where s.end_at > s.start_at and s.worker_id is not null
        ),
        pieces as (
            select g.source_system, g.work_item_id, greatest(a.start_ts, g.start_at) as at, a.%2$s as step
            from segments as g
            join delta.`%1$s` as a
                on a.worker_id = g.worker_id
                and a.local_date = g.local_date
                and a.start_ts < g.end_at
                and a.end_ts > g.start_at
            where a.%2$s is not null
        ),
        item_steps as (
            select source_system, work_item_id,
                transform(array_sort(collect_list(struct(at, step))), x -> x.step) as raw_steps
            from pieces
            group by source_system, work_item_id
        ),
        desktop as (
            select
                'item' as unit, i.source_system, concat(i.source_system, '/', i.work_item_id) as sequence_id,
                i.case_id, i.task_type, i.worker_id, i.local_date, i.handle_seconds, i.wait_seconds,
                i.rework_count,
                filter(s.raw_steps, (x, k) -> k = 0 or x != s.raw_steps[k - 1]) as steps
            from items as i
            join item_steps as s on s.source_system = i.source_system and s.work_item_id = i.work_item_id
            where i.worker_id is not null
        ),
        process_items as (
            -- Source systems with no desktop-covered item: process logs, mined by case.
            select * from items
            where source_system not in (select distinct source_system from desktop)
        ),
        cases as (
            select
                'case' as unit, source_system, concat(source_system, '/', case_id) as sequence_id, case_id,
                concat('case:', source_system) as task_type,
                max_by(worker_id, handle_seconds) as worker_id,
                max(local_date) as local_date,
                sum(handle_seconds) as handle_seconds,
                sum(wait_seconds) as wait_seconds,
                sum(rework_count) as rework_count,
                transform(array_sort(collect_list(struct(coalesce(first_started_at, completed_at), work_item_id,
                    task_type))), x -> x.task_type) as raw_steps
            from process_items
            where case_id is not null
            group by source_system, case_id
        )
        select * from desktop
        union all
        select unit, source_system, sequence_id, case_id, task_type, worker_id, local_date, handle_seconds,
            wait_seconds, rework_count, filter(raw_steps, (x, k) -> k = 0 or x != raw_steps[k - 1]) as steps
        from cases
        """.formatted(silver.apply("active_intervals"), stepColumn));
  }
}

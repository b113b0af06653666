package io.engineroom.mining;

import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What keeps going wrong, per task type, each with its cost in hours (METRICS.md, "Procedural
 * problems"):
 * REWORK_ITEM (an item completed again: the repeated share of its handle time),
 * REPEATED_ACTIVITY (an activity run again inside one case: the later runs' handle time),
 * PING_PONG (a case handed back to a worker who had it before: handle time from the first return),
 * LONG_WAIT (SCHEDULE to START longer than the threshold: elapsed hours, not labour), and
 * AUDIT_ERROR (failed audits by error category and the item's last step: failures × the task's
 * median handle time, the cost of doing it again).
 */
final class ProceduralProblems {
  private ProceduralProblems() {}

  static Dataset<Row> find(SparkSession spark, Function<String, String> silver, MiningOptions o) {
    return spark.sql("""
        with items as (
            select * from mining_items
        ),
        volume as (
            select task_type, count(*) as items, percentile(handle_seconds, 0.5) as median_handle_seconds
            from items group by task_type
        ),
        rework as (
            select task_type, 'REWORK_ITEM' as problem, cast(null as string) as step,
                'item completed again after it was done' as detail,
                sum(rework_count) as occurrences, count(*) as items_affected,
                sum(handle_seconds * rework_count / (rework_count + 1)) / 3600 as hours, 'labour' as hours_kind
            from items where rework_count > 0
            group by task_type
        ),
        runs as (
            select *, row_number() over (partition by source_system, case_id, task_type
                order by coalesce(first_started_at, completed_at), work_item_id) as run_number
            from items where case_id is not null
        ),
        repeated as (
            select task_type, 'REPEATED_ACTIVITY' as problem, task_type as step,
                'activity run again inside the same case' as detail,
                count(*) as occurrences, count(distinct source_system, case_id) as items_affected,
                sum(handle_seconds) / 3600 as hours, 'labour' as hours_kind
            from runs where run_number > 1
            group by task_type
        ),
        ordered as (
            select *,
                lag(worker_id) over (partition by source_system, case_id
                    order by coalesce(first_started_at, completed_at), work_item_id) as previous_worker
            from items where case_id is not null and worker_id is not null
        ),
        stretches as (
            select *, sum(if(previous_worker is null or previous_worker != worker_id, 1, 0)) over (
                partition by source_system, case_id order by coalesce(first_started_at, completed_at), work_item_id
                rows between unbounded preceding and current row) as stretch
            from ordered
        ),
        returns as (
            select *, min(stretch) over (partition by source_system, case_id, worker_id) < stretch as is_return
            from stretches
        ),
        case_returns as (
            select *, min(if(is_return, stretch, null)) over (partition by source_system, case_id) as first_return
            from returns
        ),
        ping_pong as (
            select first_task as task_type, 'PING_PONG' as problem, cast(null as string) as step,
                'case handed back to a worker who had it before' as detail,
                sum(returns) as occurrences, count(*) as items_affected, sum(seconds) / 3600 as hours,
                'labour' as hours_kind
            from (
                select source_system, case_id,
                    min_by(task_type, coalesce(first_started_at, completed_at)) as first_task,
                    count(distinct if(is_return, stretch, null)) as returns,
                    sum(if(stretch >= first_return, handle_seconds, 0)) as seconds
                from case_returns
                where first_return is not null
                group by source_system, case_id
            )
            group by first_task
        ),
        waits as (
            select task_type, 'LONG_WAIT' as problem, cast(null as string) as step,
                concat('waited more than ', '%5$s', ' h from SCHEDULE to START') as detail,
                count(*) as occurrences, count(*) as items_affected, sum(wait_seconds) / 3600 as hours,
                'elapsed' as hours_kind
            from items where wait_seconds > %5$s * 3600
            group by task_type
        ),
        audit_errors as (
            select a.task_type, 'AUDIT_ERROR' as problem, element_at(s.steps, -1) as step,
                concat('audit failure: ', coalesce(a.error_category, 'no category')) as detail,
                count(*) as occurrences, count(distinct a.work_item_id) as items_affected,
                count(*) * max(v.median_handle_seconds) / 3600 as hours, 'labour' as hours_kind
            from delta.`%2$s` as a
            join items as i on i.source_system = a.source_system and i.work_item_id = a.work_item_id
            left join mining_item_steps as s on s.sequence_id = concat(i.source_system, '/', i.work_item_id)
            join volume as v on v.task_type = a.task_type
            where not a.is_pass
            group by a.task_type, element_at(s.steps, -1), a.error_category
        ),
        problems as (
            select * from rework
            union all select * from repeated
            union all select * from ping_pong
            union all select * from waits
            union all select * from audit_errors
        )
        select
            date '%3$s' as window_start, date '%4$s' as window_end,
            p.task_type, p.problem, p.step, p.detail, p.occurrences, p.items_affected,
            p.items_affected / v.items as share_of_items, p.hours, p.hours_kind,
            dense_rank() over (partition by p.hours_kind order by p.hours desc) as rank_by_hours
        from problems as p
        left join volume as v on v.task_type = p.task_type
        """.formatted(silver.apply("work_items"), silver.apply("audits"), o.from(), o.to(),
        Double.toString(o.longWaitHours())));
  }
}

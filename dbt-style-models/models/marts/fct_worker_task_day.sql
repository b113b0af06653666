{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['local_date']) }}
-- One row per worker, local day and task type: items completed against the daily_items target in
-- force that day, and how long after the start of the day the target was reached (METRICS.md
-- time_to_target_seconds; null when not reached). The day's main task is the one with most items.
-- Incremental as fct_worker_day: the touched local days are recomputed and their partitions replaced.
-- depends_on: {{ ref('stg_silver__work_items') }}, {{ ref('stg_silver__active_intervals') }}, {{ ref('stg_silver__goal_changes') }}
with
{% if is_incremental() %}
touched_dates as (
    {{ touched_local_dates(delivered_through(this), ref('stg_silver__work_items'),
        ref('stg_silver__active_intervals'), ref('stg_silver__goal_changes')) }}
),
{% endif %}

completions as (
    select * from {{ ref('int_item_completions') }}
{% if is_incremental() %}
    where local_date in (select local_date from touched_dates)
{% endif %}
),

worker_days as (
    select * from {{ ref('fct_worker_day') }}
{% if is_incremental() %}
    where local_date in (select local_date from touched_dates)
{% endif %}
),

per_task as (
    select
        worker_id,
        local_date,
        task_type,
        count(*) as items_completed,
        {{ exact_sum('handle_seconds') }} as item_handle_seconds,
        {{ exact_sum('standard_seconds') }} as earned_seconds,
        count_if(rework_count > 0) as items_reworked,
        max(daily_target) as daily_target,
        min(completed_at) filter (where completion_rank = cast(ceil(daily_target) as int)) as target_reached_at
    from completions
    group by worker_id, local_date, task_type
),

ranked as (
    select
        *,
        row_number() over (partition by worker_id, local_date order by items_completed desc, task_type) as task_rank
    from per_task
),

final as (
    select
        t.worker_id,
        t.local_date,
        t.task_type,
        d.team_id,
        d.site_id,
        d.shift_hours,
        d.is_eligible,
        t.task_rank = 1 as is_main_task,
        t.items_completed,
        t.items_reworked,
        t.item_handle_seconds,
        t.earned_seconds,
        t.daily_target,
        t.items_completed >= t.daily_target as reached_target,
        (unix_millis(t.target_reached_at) - unix_millis(d.day_started_at)) / 1000d as time_to_target_seconds,
        coalesce((unix_millis(t.target_reached_at) - unix_millis(d.day_started_at)) / 1000d
            <= {{ var('early_share') }} * d.shift_hours * 3600, false) as reached_early,
        d.last_delivery_date
    from ranked as t
    join worker_days as d on d.worker_id = t.worker_id and d.local_date = t.local_date
)

select * from final

{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['local_date']) }}
-- One row per task type per local day: volume split between people, bots and unattributed work
-- (kept and counted, never credited to anyone), with handle-time quantiles of people's items.
-- Incremental as fct_worker_day: a night recomputes only the local days its deliveries touched
-- (late events for old days included, and the old day of an item a late event moved) and replaces
-- those days' partitions; a full refresh gives the same table.
with
{% if is_incremental() %}
touched_dates as (
    {{ touched_local_dates(delivered_through(this), ref('stg_silver__work_items')) }}
),
{% endif %}

completed as (
    select * from {{ ref('stg_silver__work_items') }}
    where status = 'COMPLETED'
{% if is_incremental() %}
        and local_date in (select local_date from touched_dates)
{% endif %}
),

final as (
    select
        task_type,
        local_date,
        count_if(worker_id is not null and not is_automated) as items_by_people,
        count_if(is_automated) as items_by_bots,
        count_if(is_unattributed) as items_unattributed,
        count_if(rework_count > 0) as items_reworked,
        percentile(handle_seconds, 0.5) filter (
            where worker_id is not null and not is_automated and handle_seconds > 0
        ) as median_handle_seconds,
        percentile(handle_seconds, 0.9) filter (
            where worker_id is not null and not is_automated and handle_seconds > 0
        ) as p90_handle_seconds,
        percentile(wait_seconds, 0.5) filter (where wait_seconds >= 0) as median_wait_seconds,
        max(last_delivery_date) as last_delivery_date
    from completed
    group by task_type, local_date
)

select * from final

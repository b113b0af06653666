-- One row per task type per local day: volume split between people, bots and unattributed work
-- (kept and counted, never credited to anyone), with handle-time quantiles of people's items.
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

completed as (
    select * from items where status = 'COMPLETED'
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
        percentile(wait_seconds, 0.5) filter (where wait_seconds >= 0) as median_wait_seconds
    from completed
    group by task_type, local_date
)

select * from final

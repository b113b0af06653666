-- How long each kind of work really takes: per task type (an activity, in a process log), the items
-- people completed and the handle time of those that were started (an event log's lone COMPLETE has
-- no time inside it), median and quartiles exact, not approximated.
with items as (
    select * from {{ ref('stg_silver__work_items') }}
    where status = 'COMPLETED' and not is_automated
),

final as (
    select
        task_type,
        count(*) as items_completed,
        count(first_started_at) as items_with_handle_time,
        count(worker_id) as items_by_known_workers,
        count(distinct worker_id) as workers,
        percentile(handle_seconds, 0.25) filter (where first_started_at is not null) as p25_handle_seconds,
        percentile(handle_seconds, 0.5) filter (where first_started_at is not null) as median_handle_seconds,
        percentile(handle_seconds, 0.75) filter (where first_started_at is not null) as p75_handle_seconds,
        avg(handle_seconds) filter (where first_started_at is not null) as mean_handle_seconds,
        avg(wait_seconds) as mean_wait_seconds,
        sum(handle_seconds) / 3600 as handle_hours,
        avg(cast(rework_count > 0 as int)) as rework_share
    from items
    group by task_type
)

select * from final

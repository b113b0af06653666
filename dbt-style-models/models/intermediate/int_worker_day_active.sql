-- One row per worker per local day: active desktop time, and how much of it was productive.
with active as (
    select * from {{ ref('stg_silver__active_intervals') }}
),

final as (
    select
        worker_id,
        local_date,
        sum(seconds) as active_seconds,
        sum(if(is_productive, seconds, 0)) as productive_seconds,
        sum(if(category = 'non_work', seconds, 0)) as non_work_seconds,
        min(started_at) as first_activity_at,
        max(ended_at) as last_activity_at
    from active
    group by worker_id, local_date
)

select * from final

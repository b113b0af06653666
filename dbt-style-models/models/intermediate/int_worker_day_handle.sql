-- One row per worker per local day: time inside work items as wall time. Segments of items worked
-- in parallel are merged first, so overlapping items are not counted twice (METRICS.md).
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

segments as (
    select
        segment.worker_id,
        segment.local_date,
        segment.start_at,
        segment.end_at
    from items
    lateral view explode(segments) exploded as segment
    where not items.is_automated
        and segment.worker_id is not null
        and segment.end_at > segment.start_at
),

with_running_end as (
    select
        *,
        max(end_at) over (
            partition by worker_id, local_date
            order by start_at, end_at
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from segments
),

islands as (
    select
        *,
        sum(case when previous_max_end is null or start_at > previous_max_end then 1 else 0 end) over (
            partition by worker_id, local_date
            order by start_at, end_at
            rows between unbounded preceding and current row
        ) as island
    from with_running_end
),

merged as (
    select
        worker_id,
        local_date,
        island,
        min(start_at) as start_at,
        max(end_at) as end_at
    from islands
    group by worker_id, local_date, island
),

final as (
    select
        worker_id,
        local_date,
        sum(unix_millis(end_at) - unix_millis(start_at)) / 1000d as handle_seconds
    from merged
    group by worker_id, local_date
)

select * from final

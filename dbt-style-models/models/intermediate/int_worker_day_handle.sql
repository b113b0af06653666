-- One row per worker per local day: time inside work items as wall time. Segments are cut at local
-- midnight (the site's time zone; UTC without a roster), so an item left open overnight gives each
-- day its own share; segments of items worked in parallel are then merged, so overlapping items are
-- not counted twice (METRICS.md).
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

raw_segments as (
    select
        segment.worker_id,
        segment.local_date,
        segment.start_at,
        segment.end_at,
        items.last_delivery_date
    from items
    lateral view explode(segments) exploded as segment
    where not items.is_automated
        and segment.worker_id is not null
        and segment.end_at > segment.start_at
),

local_segments as (
    select
        s.worker_id,
        s.start_at as start_at_utc,
        from_utc_timestamp(s.start_at, coalesce(r.site_timezone, 'UTC')) as local_start,
        from_utc_timestamp(s.end_at, coalesce(r.site_timezone, 'UTC')) as local_end,
        s.last_delivery_date
    from raw_segments as s
    left join roster as r
        on {{ roster_on_day('r', 's') }}
),

segments as (
    -- One piece per local day the segment touches, in local wall-clock time.
    select
        worker_id,
        day as local_date,
        greatest(local_start, timestamp(day)) as start_at,
        least(local_end, timestamp(date_add(day, 1))) as end_at,
        if(day = to_date(local_start), start_at_utc, null) as started_at_utc,
        last_delivery_date
    from local_segments
    lateral view explode(sequence(to_date(local_start), to_date(local_end))) days as day
    where least(local_end, timestamp(date_add(day, 1))) > greatest(local_start, timestamp(day))
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
        max(end_at) as end_at,
        min(started_at_utc) as started_at_utc,
        max(last_delivery_date) as last_delivery_date
    from islands
    group by worker_id, local_date, island
),

final as (
    select
        worker_id,
        local_date,
        sum(unix_millis(end_at) - unix_millis(start_at)) / 1000d as handle_seconds,
        -- The first item started that day (UTC, like desktop times); for days that only continue an
        -- item from the day before, the start of the day in local time is not known: null.
        min(started_at_utc) as first_item_started_at,
        -- the newest delivery of any item behind these hours (incremental marts' watermark)
        max(last_delivery_date) as last_delivery_date
    from merged
    group by worker_id, local_date
)

select * from final

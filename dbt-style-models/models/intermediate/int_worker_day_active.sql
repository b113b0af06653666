-- One row per worker per local day: active desktop time, how much of it was productive (also by
-- category), after-hours time and how often the worker switched application. After hours is active
-- time more than after_hours_grace_minutes before the rostered shift start or after its end (site
-- local time): the grace absorbs an unpaid lunch break and a prompt start without calling it overtime.
with active as (
    select * from {{ ref('stg_silver__active_intervals') }}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

pieces as (
    select
        a.*,
        lag(a.app) over (partition by a.worker_id, a.local_date order by a.started_at, a.ended_at) as previous_app,
        -- The shift in UTC: local date + shift start at the site, for shift_hours, widened by the grace.
        unix_millis(to_utc_timestamp(timestamp(concat(cast(a.local_date as string), ' ', r.shift_start)), r.site_timezone))
            - {{ var('after_hours_grace_minutes') }} * 60000 as window_start_ms,
        unix_millis(to_utc_timestamp(timestamp(concat(cast(a.local_date as string), ' ', r.shift_start)), r.site_timezone))
            + cast(r.shift_hours * 3600000 as bigint) + {{ var('after_hours_grace_minutes') }} * 60000 as window_end_ms
    from active as a
    left join roster as r
        on {{ roster_on_day('r', 'a') }}
),

with_shift_overlap as (
    select
        *,
        greatest(0d,
            least(unix_millis(ended_at), window_end_ms) - greatest(unix_millis(started_at), window_start_ms)) / 1000d
            as in_shift_seconds
    from pieces
),

by_category as (
    select worker_id, local_date, category, {{ exact_sum('seconds') }} as seconds
    from active
    group by worker_id, local_date, category
),

category_maps as (
    select
        worker_id,
        local_date,
        -- entries in category order, whatever order the rows arrive in, so every plan gives the same map
        map_from_entries(array_sort(collect_list(struct(coalesce(category, 'uncategorized'), seconds))))
            as seconds_by_category
    from by_category
    group by worker_id, local_date
),

per_day as (
    select
        worker_id,
        local_date,
        -- exact sums: an incremental night's plan adds in another order than a full build's
        {{ exact_sum('seconds') }} as active_seconds,
        {{ exact_sum('if(is_productive, seconds, 0)') }} as productive_seconds,
        {{ exact_sum("if(category = 'non_work', seconds, 0)") }} as non_work_seconds,
        -- Unknown shift (no roster): after-hours time is unknown too, not zero.
        {{ exact_sum('greatest(0d, seconds - in_shift_seconds)') }} as after_hours_seconds,
        count_if(previous_app is not null and app != previous_app) as app_switches,
        min(started_at) as first_activity_at,
        max(ended_at) as last_activity_at,
        max(last_delivery_date) as last_delivery_date
    from with_shift_overlap
    group by worker_id, local_date
),

final as (
    select
        d.*,
        c.seconds_by_category
    from per_day as d
    left join category_maps as c on c.worker_id = d.worker_id and c.local_date = d.local_date
)

select * from final

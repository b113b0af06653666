{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['local_date']) }}
-- One row per worker per local day at their site (METRICS.md, "Worker-day").
-- Without desktop data (process logs only) active time is unknown: utilization and productivity
-- are null, never 0.
-- Incremental: a night recomputes only the local days its deliveries touched (touched_local_dates:
-- late data, re-sent data, back-dated goals and roster changes included), each from all of that
-- day's data, and replaces those days' partitions; a full refresh gives the same table.
-- depends_on: {{ ref('stg_silver__work_items') }}, {{ ref('stg_silver__active_intervals') }}, {{ ref('stg_silver__goal_changes') }}
with
{% if is_incremental() %}
touched_dates as (
    {{ touched_local_dates(delivered_through(this), ref('stg_silver__work_items'),
        ref('stg_silver__active_intervals'), ref('stg_silver__goal_changes')) }}
),
{% endif %}

handle as (
    select * from {{ ref('int_worker_day_handle') }}
{% if is_incremental() %}
    where local_date in (select local_date from touched_dates)
{% endif %}
),

items as (
    select * from {{ ref('int_worker_day_items') }}
{% if is_incremental() %}
    where local_date in (select local_date from touched_dates)
{% endif %}
),

active as (
    select * from {{ ref('int_worker_day_active') }}
{% if is_incremental() %}
    where local_date in (select local_date from touched_dates)
{% endif %}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

worker_days as (
    select worker_id, local_date from handle
    union
    select worker_id, local_date from items
    union
    select worker_id, local_date from active
),

joined as (
    select
        d.worker_id,
        d.local_date,
        r.team_id,
        r.site_id,
        r.shift_hours,
        datediff(d.local_date, r.hire_date) as tenure_days,
        a.active_seconds,
        a.productive_seconds,
        a.non_work_seconds,
        a.after_hours_seconds,
        a.app_switches,
        a.seconds_by_category,
        -- The day starts with the first desktop activity, or the first item where there is none.
        coalesce(a.first_activity_at, h.first_item_started_at) as day_started_at,
        coalesce(h.handle_seconds, 0d) as handle_seconds,
        coalesce(i.items_completed, 0) as items_completed,
        coalesce(i.items_reworked, 0) as items_reworked,
        i.earned_seconds,
        greatest(h.last_delivery_date, i.last_delivery_date, a.last_delivery_date) as last_delivery_date
    from worker_days as d
    left join roster as r
        on {{ roster_on_day('r', 'd') }}
    left join handle as h on h.worker_id = d.worker_id and h.local_date = d.local_date
    left join items as i on i.worker_id = d.worker_id and i.local_date = d.local_date
    left join active as a on a.worker_id = d.worker_id and a.local_date = d.local_date
),

final as (
    select
        worker_id,
        local_date,
        team_id,
        site_id,
        shift_hours,
        tenure_days,
        active_seconds,
        productive_seconds,
        non_work_seconds,
        seconds_by_category,
        after_hours_seconds,
        handle_seconds,
        items_completed,
        items_reworked,
        earned_seconds,
        earned_seconds / nullif(handle_seconds, 0) as performance,
        handle_seconds / nullif(active_seconds, 0) as utilization,
        earned_seconds / nullif(active_seconds, 0) as productivity,
        app_switches * 3600d / nullif(active_seconds, 0) as context_switches_per_hour,
        day_started_at,
        coalesce(coalesce(active_seconds, handle_seconds) >= {{ var('min_shift_share') }} * shift_hours * 3600, false)
            and coalesce(tenure_days >= {{ var('ramp_up_days') }}, false) as is_eligible,
        -- the newest delivery behind the row: an incremental night recomputes days delivered after it
        last_delivery_date
    from joined
)

select * from final

-- New hires on a curve, not judged (METRICS.md): performance by week of tenure for people within
-- their first ramp_up_days, against settled colleagues (performance is relative to each task's standard).
with worker_days as (
    select * from {{ ref('fct_worker_day') }}
    where tenure_days is not null and tenure_days >= 0 and earned_seconds is not null and handle_seconds > 0
),

settled as (
    select
        sum(earned_seconds) / sum(handle_seconds) as settled_performance
    from worker_days
    where tenure_days >= {{ var('ramp_up_days') }}
),

new_hires as (
    select
        floor(tenure_days / 7) as tenure_week,
        count(distinct worker_id) as workers,
        count(*) as worker_days,
        sum(items_completed) as items_completed,
        sum(earned_seconds) / sum(handle_seconds) as performance,
        percentile(performance, 0.5) as median_daily_performance
    from worker_days
    where tenure_days < {{ var('ramp_up_days') }}
    group by floor(tenure_days / 7)
),

final as (
    select
        cast(n.tenure_week as int) as tenure_week,
        n.workers,
        n.worker_days,
        n.items_completed,
        n.performance,
        n.median_daily_performance,
        s.settled_performance,
        n.performance / nullif(s.settled_performance, 0) as share_of_settled_performance
    from new_hires as n
    cross join settled as s
)

select * from final

-- Productivity over time for executives: by organisation, site, team and task type, per ISO week
-- and per month, with a 4-period rolling average, the change against the previous period and
-- against the same period a year before (where history allows). Ratios are ratios of sums, never
-- averages of daily ratios. Active time cannot be split by task type: utilization and productivity
-- are null on task-type rows.
with worker_days as (
    select * from {{ ref('fct_worker_day') }}
),

task_days as (
    select * from {{ ref('fct_worker_task_day') }}
),

person_rows as (
    select 'organisation' as dimension, 'all' as dimension_value, * from worker_days
    union all
    select 'site', site_id, * from worker_days where site_id is not null
    union all
    select 'team', team_id, * from worker_days where team_id is not null
),

grains as (
    select 'week' as grain union all select 'month'
),

person_periods as (
    select
        g.grain,
        p.dimension,
        p.dimension_value,
        if(g.grain = 'week', to_date(date_trunc('week', p.local_date)), trunc(p.local_date, 'MM')) as period_start,
        count(distinct p.worker_id) as workers,
        count(*) as worker_days,
        count_if(p.is_eligible) as eligible_worker_days,
        sum(p.items_completed) as items_completed,
        sum(p.handle_seconds) / 3600 as handle_hours,
        sum(p.active_seconds) / 3600 as active_hours,
        sum(p.earned_seconds) / 3600 as earned_hours,
        sum(p.earned_seconds) / nullif(sum(p.handle_seconds) filter (where p.earned_seconds is not null), 0) as performance,
        sum(p.handle_seconds) filter (where p.active_seconds is not null) / nullif(sum(p.active_seconds), 0) as utilization,
        sum(p.earned_seconds) filter (where p.active_seconds is not null) / nullif(sum(p.active_seconds), 0) as productivity
    from person_rows as p
    cross join grains as g
    group by 1, 2, 3, 4
),

task_periods as (
    select
        g.grain,
        'task_type' as dimension,
        t.task_type as dimension_value,
        if(g.grain = 'week', to_date(date_trunc('week', t.local_date)), trunc(t.local_date, 'MM')) as period_start,
        count(distinct t.worker_id) as workers,
        count(*) as worker_days,
        count_if(t.is_eligible) as eligible_worker_days,
        sum(t.items_completed) as items_completed,
        sum(t.item_handle_seconds) / 3600 as handle_hours,
        cast(null as double) as active_hours,
        sum(t.earned_seconds) / 3600 as earned_hours,
        sum(t.earned_seconds) / nullif(sum(t.item_handle_seconds) filter (where t.earned_seconds is not null), 0) as performance,
        cast(null as double) as utilization,
        cast(null as double) as productivity
    from task_days as t
    cross join grains as g
    group by 1, 2, 3, 4
),

periods as (
    select * from person_periods
    union all
    select * from task_periods
),

with_trends as (
    select
        *,
        avg(performance) over (
            partition by grain, dimension, dimension_value order by period_start
            rows between 3 preceding and current row
        ) as performance_rolling_4,
        avg(productivity) over (
            partition by grain, dimension, dimension_value order by period_start
            rows between 3 preceding and current row
        ) as productivity_rolling_4,
        lag(performance) over (partition by grain, dimension, dimension_value order by period_start)
            as previous_performance,
        lag(items_completed) over (partition by grain, dimension, dimension_value order by period_start)
            as previous_items_completed
    from periods
),

final as (
    -- Rounded: sums of doubles differ in their last bits with the order Spark adds them in, which
    -- depends on the cluster's layout; a trend table must not.
    select
        t.grain,
        t.dimension,
        t.dimension_value,
        t.period_start,
        t.workers,
        t.worker_days,
        t.eligible_worker_days,
        t.items_completed,
        round(t.handle_hours, 6) as handle_hours,
        round(t.active_hours, 6) as active_hours,
        round(t.earned_hours, 6) as earned_hours,
        round(t.performance, 9) as performance,
        round(t.utilization, 9) as utilization,
        round(t.productivity, 9) as productivity,
        round(t.performance_rolling_4, 9) as performance_rolling_4,
        round(t.productivity_rolling_4, 9) as productivity_rolling_4,
        round(t.previous_performance, 9) as previous_performance,
        t.previous_items_completed,
        round(t.performance / nullif(t.previous_performance, 0) - 1, 9) as performance_change,
        round(t.items_completed / nullif(t.previous_items_completed, 0) - 1, 9) as items_change,
        round(y.performance, 9) as performance_year_before,
        round(t.performance / nullif(y.performance, 0) - 1, 9) as performance_change_year_over_year
    from with_trends as t
    left join periods as y
        on y.grain = t.grain
        and y.dimension = t.dimension
        and y.dimension_value = t.dimension_value
        and y.period_start = if(t.grain = 'week', date_sub(t.period_start, 364), add_months(t.period_start, -12))
)

select * from final

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
        sum(cast(p.handle_seconds as decimal(24, 6))) / 3600 as handle_hours,
        sum(cast(p.active_seconds as decimal(24, 6))) / 3600 as active_hours,
        sum(cast(p.earned_seconds as decimal(24, 6))) / 3600 as earned_hours,
        sum(cast(p.earned_seconds as decimal(24, 6))) / nullif(sum(cast(p.handle_seconds as decimal(24, 6))) filter (where p.earned_seconds is not null), 0) as performance,
        sum(cast(p.handle_seconds as decimal(24, 6))) filter (where p.active_seconds is not null) / nullif(sum(cast(p.active_seconds as decimal(24, 6))), 0) as utilization,
        sum(cast(p.earned_seconds as decimal(24, 6))) filter (where p.active_seconds is not null) / nullif(sum(cast(p.active_seconds as decimal(24, 6))), 0) as productivity
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
        sum(cast(t.item_handle_seconds as decimal(24, 6))) / 3600 as handle_hours,
        cast(null as double) as active_hours,
        sum(cast(t.earned_seconds as decimal(24, 6))) / 3600 as earned_hours,
        sum(cast(t.earned_seconds as decimal(24, 6))) / nullif(sum(cast(t.item_handle_seconds as decimal(24, 6))) filter (where t.earned_seconds is not null), 0) as performance,
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
    -- Seconds are summed as decimals above: sums of doubles differ in their last bits with the order
    -- Spark adds them in, which depends on the cluster's layout, and a trend table must not.
    select
        t.grain,
        t.dimension,
        t.dimension_value,
        t.period_start,
        t.workers,
        t.worker_days,
        t.eligible_worker_days,
        t.items_completed,
        cast(round(t.handle_hours, 6) as double) as handle_hours,
        cast(round(t.active_hours, 6) as double) as active_hours,
        cast(round(t.earned_hours, 6) as double) as earned_hours,
        cast(round(t.performance, 9) as double) as performance,
        cast(round(t.utilization, 9) as double) as utilization,
        cast(round(t.productivity, 9) as double) as productivity,
        cast(round(t.performance_rolling_4, 9) as double) as performance_rolling_4,
        cast(round(t.productivity_rolling_4, 9) as double) as productivity_rolling_4,
        cast(round(t.previous_performance, 9) as double) as previous_performance,
        t.previous_items_completed,
        cast(round(t.performance / nullif(t.previous_performance, 0) - 1, 9) as double) as performance_change,
        cast(round(t.items_completed / nullif(t.previous_items_completed, 0) - 1, 9) as double) as items_change,
        cast(round(y.performance, 9) as double) as performance_year_before,
        cast(round(t.performance / nullif(y.performance, 0) - 1, 9) as double) as performance_change_year_over_year
    from with_trends as t
    left join periods as y
        on y.grain = t.grain
        and y.dimension = t.dimension
        and y.dimension_value = t.dimension_value
        and y.period_start = if(t.grain = 'week', date_sub(t.period_start, 364), add_months(t.period_start, -12))
)

select * from final

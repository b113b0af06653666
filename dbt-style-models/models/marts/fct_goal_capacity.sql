-- Capacity freed by recalibrated goals (METRICS.md capacity_from_goals): for each daily_items goal
-- judged TOO_EASY in the latest rolling window, the staffed hours a month's volume needs at the
-- current target minus at the recommended one, in hours and FTE (shift hours × working days).
with windows as (
    select * from {{ ref('fct_goal_appropriateness') }}
    where window_kind = 'rolling_{{ var("goal_window_days") }}d'
),

latest as (
    select * from (
        select *, row_number() over (partition by task_type order by period_end desc) as recency
        from windows
    ) where recency = 1
),

task_days as (
    select * from {{ ref('fct_worker_task_day') }}
),

volume as (
    select
        l.task_type,
        sum(t.items_completed) * 365.25 / 12 / {{ var('goal_window_days') }} as items_per_month,
        avg(t.shift_hours) as shift_hours,
        count(distinct t.local_date) filter (where dayofweek(t.local_date) between 2 and 6)
            * 365.25 / 12 / {{ var('goal_window_days') }} as working_days_per_month
    from latest as l
    join task_days as t
        on t.task_type = l.task_type
        and t.local_date between l.period_start and l.period_end
    group by l.task_type
),

final as (
    select
        l.task_type,
        l.period_start,
        l.period_end,
        l.verdict,
        l.target,
        l.recommended_target,
        l.recommended_target_sample,
        v.items_per_month,
        v.shift_hours,
        (v.items_per_month / l.target - v.items_per_month / l.recommended_target) * v.shift_hours
            as hours_freed_per_month,
        (v.items_per_month / l.target - v.items_per_month / l.recommended_target)
            / nullif(v.working_days_per_month, 0) as fte_freed
    from latest as l
    join volume as v on v.task_type = l.task_type
    where l.verdict = 'TOO_EASY' and l.recommended_target > l.target
)

select * from final

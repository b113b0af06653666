-- The weeks in which a goal's verdict changed (METRICS.md, "Drift"): a goal that was right and is
-- easy now shows here with the week it turned. Weeks with too little data neither start nor end a
-- verdict; they are skipped.
with weeks as (
    select * from {{ ref('fct_goal_appropriateness') }}
    where window_kind = 'iso_week' and verdict != 'INSUFFICIENT_DATA'
),

with_previous as (
    select
        *,
        lag(verdict) over (partition by task_type, metric order by period_start) as previous_verdict,
        lag(iso_week) over (partition by task_type, metric order by period_start) as previous_iso_week
    from weeks
),

final as (
    select
        task_type,
        metric,
        iso_week,
        period_start as week_start,
        previous_iso_week,
        previous_verdict,
        verdict,
        target,
        recommended_target,
        worker_days,
        attainment_rate,
        early_finish_rate
    from with_previous
    where previous_verdict is not null and verdict != previous_verdict
)

select * from final

-- The weekly series behind fct_improvement: per change, outcome, ISO week and arm (treated or
-- comparison), the outcome as a ratio of sums and the workers behind it, with the change's week
-- marked; what the "Improvement" dashboard draws.
with cells as (
    select * from {{ ref('int_improvement_cells') }}
),

outcomes as (
    select
        c.intervention_id,
        c.effective_date,
        c.arm,
        trunc(c.local_date, 'WEEK') as week_start,
        c.worker_id,
        o.outcome,
        o.numerator,
        o.denominator
    from cells as c
    {{ improvement_outcomes('c') }}
    where o.denominator > 0
)

select
    intervention_id,
    outcome,
    week_start,
    arm,
    week_start >= trunc(effective_date, 'WEEK') as is_after_change,
    week_start = trunc(effective_date, 'WEEK') as is_change_week,
    {{ exact_sum('numerator') }} / {{ exact_sum('denominator') }} as value,
    {{ exact_sum('denominator') }} as denominator,
    count(distinct worker_id) as workers
from outcomes
group by intervention_id, outcome, week_start, arm, effective_date

-- Pace against peers (METRICS.md: "the same funnel on performance"). Per worker and month:
-- observed items completed O, and the items E that contemporaneous peers complete in the same handle
-- time on the same task types: the items per handle hour of each task type in the same ISO week.
-- Contemporaneous, not a trailing baseline (issue #17): when a tool makes a task type faster, a
-- baseline that straddles the change would make everyone look fast after it. Time inside items
-- only: someone who reaches the target early and then idles is not slow here; that is the goal's
-- problem, shown in fct_goal_appropriateness.
-- Item counts vary between people far more than Poisson noise, so the limits are widened by the
-- month's overdispersion factor: the mean squared z-score winsorised at 10 % (Spiegelhalter 2005),
-- taken around the month's median z rather than zero, so that neither a few extreme workers nor a
-- shift of the whole group widen everyone's limits. Exact Poisson when there is no overdispersion.
with completions as (
    select * from {{ ref('int_item_completions') }}
    where handle_seconds > 0
),

worker_months as (
    select * from {{ ref('int_worker_month') }}
),

weekly_rates as (
    select
        trunc(local_date, 'WEEK') as week_start,
        task_type,
        count(*) / {{ exact_sum('handle_seconds') }} as items_per_handle_second
    from completions
    group by trunc(local_date, 'WEEK'), task_type
),

per_task as (
    select
        worker_id,
        trunc(local_date, 'MM') as month_start,
        trunc(local_date, 'WEEK') as week_start,
        task_type,
        count(*) as items,
        {{ exact_sum('handle_seconds') }} as handle_seconds
    from completions
    group by worker_id, trunc(local_date, 'MM'), trunc(local_date, 'WEEK'), task_type
),

per_worker as (
    select
        t.worker_id,
        t.month_start,
        sum(t.items) as observed_items,
        {{ exact_sum('t.handle_seconds * r.items_per_handle_second') }} as expected_items,
        {{ exact_sum('t.handle_seconds') }} as handle_seconds
    from per_task as t
    join weekly_rates as r on r.week_start = t.week_start and r.task_type = t.task_type
    group by t.worker_id, t.month_start
),

judged as (
    select
        p.*,
        w.team_id,
        w.site_id,
        w.tenure_days_at_start,
        p.observed_items >= {{ var('min_items') }}
            and coalesce(w.tenure_days_at_start >= {{ var('ramp_up_days') }}, false) as is_judged,
        (p.observed_items - p.expected_items) / sqrt(p.expected_items) as z
    from per_worker as p
    left join worker_months as w on w.worker_id = p.worker_id and w.month_start = p.month_start
),

z_bounds as (
    select
        month_start,
        percentile(z, 0.5) as z_median,
        percentile(z, 0.1) as z_low,
        percentile(z, 0.9) as z_high
    from judged
    where is_judged
    group by month_start
),

overdispersion as (
    select
        j.month_start,
        greatest(1d, {{ exact_avg('pow(least(greatest(j.z, b.z_low), b.z_high) - b.z_median, 2)') }}) as phi
    from judged as j
    join z_bounds as b on b.month_start = j.month_start
    where j.is_judged
    group by j.month_start
),

final as (
    select
        j.worker_id,
        j.month_start,
        j.team_id,
        j.site_id,
        j.tenure_days_at_start,
        j.handle_seconds,
        j.observed_items,
        j.expected_items,
        j.observed_items / nullif(j.expected_items, 0) as observed_over_expected,
        coalesce(o.phi, 1d) as overdispersion,
        least(er_poisson_quantile(0.025, j.expected_items),
            j.expected_items - 1.96 * sqrt(coalesce(o.phi, 1d) * j.expected_items)) as warning_lower,
        least(er_poisson_quantile(0.001, j.expected_items),
            j.expected_items - 3.09 * sqrt(coalesce(o.phi, 1d) * j.expected_items)) as alarm_lower,
        j.is_judged
    from judged as j
    left join overdispersion as o on o.month_start = j.month_start
)

select
    *,
    is_judged and observed_items < alarm_lower as is_below_alarm,
    is_judged and observed_items < warning_lower as is_below_warning
from final

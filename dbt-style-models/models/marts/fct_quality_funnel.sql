-- Quality against peers, fairly (METRICS.md, "Fair comparison of people"). Per worker and month:
-- observed failures O, and expected failures E = Σ over the worker's audited items of the whole
-- organisation's failure rate for that task type in the same month, so a worker on hard work is
-- compared with hard work, and with peers at the same time: a change that makes a task type easier
-- to get right moves everyone's expectation with it (issue #17; METRICS.md's trailing baseline_days
-- would straddle such a change, see docs/metrics.md). Exact Poisson funnel limits for O given E at 95 %
-- (warning) and 99.8 % (alarm). Judged only with at least min_audits audits and past ramp-up.
with audits as (
    select * from {{ ref('stg_silver__audits') }}
    where worker_id is not null
),

worker_months as (
    select * from {{ ref('int_worker_month') }}
),

baseline as (
    select
        trunc(item_local_date, 'MM') as month_start,
        task_type,
        avg(cast(not is_pass as int)) as failure_rate,
        count(*) as baseline_audits
    from audits
    group by trunc(item_local_date, 'MM'), task_type
),

per_task as (
    select
        a.worker_id,
        trunc(a.item_local_date, 'MM') as month_start,
        a.task_type,
        count(*) as audits,
        count_if(not a.is_pass) as failures
    from audits as a
    group by a.worker_id, trunc(a.item_local_date, 'MM'), a.task_type
),

per_worker as (
    select
        t.worker_id,
        t.month_start,
        sum(t.audits) as audits,
        sum(t.failures) as observed_failures,
        {{ exact_sum('t.audits * b.failure_rate') }} as expected_failures,
        concat_ws(', ', sort_array(collect_list(concat(t.task_type, ' ', t.failures, '/', t.audits)))) as failures_by_task
    from per_task as t
    join baseline as b on b.month_start = t.month_start and b.task_type = t.task_type
    group by t.worker_id, t.month_start
),

final as (
    select
        p.worker_id,
        p.month_start,
        w.team_id,
        w.site_id,
        w.tenure_days_at_start,
        p.audits,
        p.observed_failures,
        p.expected_failures,
        p.observed_failures / nullif(p.expected_failures, 0) as observed_over_expected,
        p.failures_by_task,
        er_poisson_quantile(0.025, p.expected_failures) as warning_lower,
        er_poisson_quantile(0.975, p.expected_failures) as warning_upper,
        er_poisson_quantile(0.001, p.expected_failures) as alarm_lower,
        er_poisson_quantile(0.999, p.expected_failures) as alarm_upper,
        p.audits >= {{ var('min_audits') }}
            and coalesce(w.tenure_days_at_start >= {{ var('ramp_up_days') }}, false) as is_judged
    from per_worker as p
    left join worker_months as w on w.worker_id = p.worker_id and w.month_start = p.month_start
)

select
    *,
    is_judged and observed_failures > alarm_upper as is_above_alarm,
    is_judged and observed_failures > warning_upper as is_above_warning
from final

-- Changes the data shows, as candidates for the register of changes (docs/improvement.md): level
-- shifts in a task type's handle time per item or items per worker-day, and the weeks a goal's
-- verdict changed (fct_goal_drift). Each with its evidence and, where the register already holds a
-- change of that task type (or '*') dated within two weeks, that change.
-- Level shifts: a change-point scan over weekly values on log scale (settled workers, people only).
-- For each week, the mean of up to four weeks before against up to four weeks from it on (at least
-- three on each side), Welch's t over the weekly values; a candidate where the shift is at least 10 %
-- and |t| at least 5 (many weeks are scanned, so the bar is high), at the week with the largest |t|
-- within three weeks either side.
with task_days as (
    select t.task_type, t.local_date, t.worker_id, t.items_completed, t.item_handle_seconds
    from {{ ref('fct_worker_task_day') }} as t
    join {{ ref('fct_worker_day') }} as d
        on d.worker_id = t.worker_id and d.local_date = t.local_date
    where coalesce(d.tenure_days >= {{ var('ramp_up_days') }}, false)
),

weekly as (
    select
        task_type,
        trunc(local_date, 'WEEK') as week_start,
        ln({{ exact_sum('item_handle_seconds') }} / sum(items_completed)) as log_handle_time_per_item,
        ln(sum(items_completed) / count(*)) as log_items_per_worker_day
    from task_days
    group by task_type, trunc(local_date, 'WEEK')
),

measures as (
    select w.task_type, w.week_start, m.measure, m.log_value
    from weekly as w
    lateral view stack(2,
        'handle_time_per_item', w.log_handle_time_per_item,
        'items_per_worker_day', w.log_items_per_worker_day
    ) m as measure, log_value
    where m.log_value is not null
),

before_weeks as (
    select k.task_type, k.measure, k.week_start,
        {{ exact_avg('b.log_value') }} as before_mean, {{ exact_var_samp('b.log_value') }} as before_var,
        count(*) as before_weeks
    from measures as k
    join measures as b
        on b.task_type = k.task_type and b.measure = k.measure
        and b.week_start >= date_sub(k.week_start, 28) and b.week_start < k.week_start
    group by k.task_type, k.measure, k.week_start
),

after_weeks as (
    select k.task_type, k.measure, k.week_start,
        {{ exact_avg('a.log_value') }} as after_mean, {{ exact_var_samp('a.log_value') }} as after_var,
        count(*) as after_weeks
    from measures as k
    join measures as a
        on a.task_type = k.task_type and a.measure = k.measure
        and a.week_start >= k.week_start and a.week_start < date_add(k.week_start, 28)
    group by k.task_type, k.measure, k.week_start
),

scanned as (
    select
        b.task_type,
        b.measure,
        b.week_start,
        b.before_mean,
        a.after_mean,
        b.before_weeks,
        a.after_weeks,
        (a.after_mean - b.before_mean)
            / sqrt(greatest(b.before_var / b.before_weeks + a.after_var / a.after_weeks, 1e-12)) as t_statistic
    from before_weeks as b
    join after_weeks as a
        on a.task_type = b.task_type and a.measure = b.measure and a.week_start = b.week_start
    where b.before_weeks >= 3 and a.after_weeks >= 3
),

shifts as (
    select
        'level_shift' as candidate_kind,
        task_type,
        measure,
        week_start,
        exp(before_mean) as before_value,
        exp(after_mean) as after_value,
        exp(after_mean - before_mean) - 1 as change_share,
        t_statistic,
        concat(measure, ' ', format_number((exp(after_mean - before_mean) - 1) * 100, 1), ' % from this week (',
            before_weeks, ' weeks before against ', after_weeks, ' from it; Welch t = ',
            format_number(t_statistic, 1), ')') as evidence,
        'tool' as suggested_kind
    from (
        select
            *,
            max(abs(t_statistic)) over (partition by task_type, measure order by unix_date(week_start)
                range between 21 preceding and 21 following) as strongest_nearby
        from scanned
    )
    where abs(after_mean - before_mean) >= ln(1.10)
        and abs(t_statistic) >= 5
        and abs(t_statistic) = strongest_nearby
),

drifts as (
    select
        'goal_verdict_drift' as candidate_kind,
        task_type,
        metric as measure,
        week_start,
        cast(null as double) as before_value,
        cast(null as double) as after_value,
        cast(null as double) as change_share,
        cast(null as double) as t_statistic,
        concat('the ', metric, ' goal (target ', target, ') turned from ', previous_verdict, ' to ', verdict,
            ' in ', iso_week, '; recommended target ', coalesce(cast(recommended_target as string), 'none')) as evidence,
        'goal_change' as suggested_kind
    from {{ ref('fct_goal_drift') }}
),

candidates as (
    select * from shifts
    union all
    select * from drifts
),

registered as (
    select
        c.candidate_kind,
        c.task_type,
        c.measure,
        c.week_start,
        -- a change of this very task type first, then the nearest in time
        min_by(i.intervention_id, struct(i.task_type = '*', abs(datediff(i.effective_date, c.week_start)),
            i.intervention_id)) as matched_intervention_id
    from candidates as c
    join {{ ref('stg_silver__interventions') }} as i
        on (i.task_type = c.task_type or i.task_type = '*')
        and abs(datediff(i.effective_date, c.week_start)) <= 14
    group by c.candidate_kind, c.task_type, c.measure, c.week_start
)

select
    c.*,
    r.matched_intervention_id,
    r.matched_intervention_id is not null as is_registered
from candidates as c
left join registered as r
    on r.candidate_kind = c.candidate_kind and r.task_type = c.task_type
    and r.measure = c.measure and r.week_start = c.week_start

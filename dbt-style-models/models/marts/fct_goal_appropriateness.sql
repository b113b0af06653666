-- Is each daily_items goal too easy, too hard or right? Per task type, per ISO week and per rolling
-- window of goal_window_days ending each Sunday (METRICS.md, "Goal appropriateness").
-- Only eligible worker-days count, on the day's main task; the target is the one in force that day.
-- recommended_target: the level attainment_goal of quality-meeting eligible days reach in a full
-- shift. A day's full-shift output projects its pace (items per handle hour) over the share of a
-- shift people typically spend in items (the median over eligible days that did not finish early),
-- so days where someone stopped after reaching an easy target still say what a full day allows.
with task_days as (
    select * from {{ ref('fct_worker_task_day') }}
    where is_eligible and is_main_task and daily_target is not null
),

completions as (
    select * from {{ ref('int_item_completions') }}
),

worker_days as (
    select * from {{ ref('fct_worker_day') }}
),

quality as (
    select * from {{ ref('int_worker_month_quality') }}
),

work_share as (
    select percentile(item_handle_seconds / (shift_hours * 3600), 0.5) as share_of_shift_in_items
    from task_days
    where not reached_early and shift_hours > 0
),

days as (
    select
        t.*,
        coalesce(q.meets_quality, true) as meets_quality,
        t.items_completed * w.share_of_shift_in_items * t.shift_hours * 3600
            / nullif(t.item_handle_seconds, 0) as full_shift_output
    from task_days as t
    cross join work_share as w
    left join quality as q
        on q.worker_id = t.worker_id
        and q.task_type = t.task_type
        and q.month_start = trunc(t.local_date, 'MM')
),

weeks as (
    select distinct date_trunc('week', local_date) as week_start from task_days
),

periods as (
    select 'iso_week' as window_kind, to_date(week_start) as period_start, date_add(to_date(week_start), 6) as period_end
    from weeks
    union all
    select
        'rolling_{{ var("goal_window_days") }}d' as window_kind,
        date_sub(date_add(to_date(week_start), 6), {{ var('goal_window_days') }} - 1) as period_start,
        date_add(to_date(week_start), 6) as period_end
    from weeks
),

day_stats as (
    select
        p.window_kind,
        p.period_start,
        p.period_end,
        d.task_type,
        count(*) as worker_days,
        avg(cast(d.reached_target as int)) as attainment_rate,
        avg(cast(d.reached_early as int)) as early_finish_rate,
        max_by(d.daily_target, d.local_date) as target,
        percentile(d.full_shift_output, 1 - {{ var('attainment_goal') }}) filter (where d.meets_quality)
            as full_shift_output_at_attainment_goal,
        count(d.full_shift_output) filter (where d.meets_quality) as recommended_target_sample,
        percentile(d.items_completed, 0.5) as median_items
    from periods as p
    join days as d on d.local_date between p.period_start and p.period_end
    group by p.window_kind, p.period_start, p.period_end, d.task_type
),

eligible_items as (
    select c.*, coalesce(q.meets_quality, true) as meets_quality
    from completions as c
    join worker_days as w on w.worker_id = c.worker_id and w.local_date = c.local_date and w.is_eligible
    left join quality as q
        on q.worker_id = c.worker_id
        and q.task_type = c.task_type
        and q.month_start = trunc(c.local_date, 'MM')
),

standard_stats as (
    select
        p.window_kind,
        p.period_start,
        d.task_type,
        max_by(d.standard_seconds, d.local_date) as standard_seconds,
        percentile(d.handle_seconds, 0.5) filter (where d.meets_quality) as recommended_standard_seconds,
        count(*) filter (where d.meets_quality) as recommended_standard_sample
    from periods as p
    join eligible_items as d on d.local_date between p.period_start and p.period_end
    group by p.window_kind, p.period_start, d.task_type
),

final as (
    select
        s.window_kind,
        s.period_start,
        s.period_end,
        concat(extract(YEAROFWEEK from s.period_end), '-W', lpad(cast(extract(WEEK from s.period_end) as string), 2, '0'))
            as iso_week,
        s.task_type,
        'daily_items' as metric,
        s.target,
        s.worker_days,
        s.attainment_rate,
        s.early_finish_rate,
        case
            when s.worker_days < {{ var('min_worker_days') }} then 'INSUFFICIENT_DATA'
            when s.early_finish_rate >= {{ var('too_easy_share') }} then 'TOO_EASY'
            when s.attainment_rate < {{ var('too_hard_attainment') }} then 'TOO_HARD'
            else 'APPROPRIATE'
        end as verdict,
        cast(floor(s.full_shift_output_at_attainment_goal) as int) as recommended_target,
        s.recommended_target_sample,
        s.median_items,
        st.standard_seconds,
        st.recommended_standard_seconds,
        st.recommended_standard_sample
    from day_stats as s
    left join standard_stats as st
        on st.window_kind = s.window_kind
        and st.period_start = s.period_start
        and st.task_type = s.task_type
)

select * from final

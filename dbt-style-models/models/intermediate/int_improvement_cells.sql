{{ config(materialized='table') }}
-- One row per change, worker, local day and task type within improvement_window_days of the change's
-- date: the work the change covers (arm 'treated') or the work it is compared with ('comparison'),
-- before it ('early' and 'late', the halves of the before period, for the pre-trend check) or from
-- its date on ('after'). Comparison by rule: work outside the change's scope, of the treated work's
-- task types where there is such work, else of any task type. Work another change in the window
-- touched is left out of both groups, unless that change covers all of this one's scope and the
-- comparison work too (it then hits both groups alike). A table: two marts read it.
-- Worker-days still in ramp-up are left out: a cohort learning the job would pass for an effect.
with changes as (
    select * from {{ ref('stg_silver__interventions') }}
),

change_dates as (
    select
        intervention_id,
        min(effective_date) as effective_date,
        date_sub(min(effective_date), {{ var('improvement_window_days') }}) as window_start,
        date_add(min(effective_date), {{ var('improvement_window_days') }}) as window_end
    from changes
    group by intervention_id
),

scope_rows as (
    select intervention_id, count(distinct team_id, task_type, site_id) as n
    from changes
    group by intervention_id
),

-- (change, other change) pairs where every scope row of the first is covered by the second
containing as (
    select inner_row.intervention_id, outer_row.intervention_id as other_id
    from changes as inner_row
    join changes as outer_row
        on outer_row.intervention_id != inner_row.intervention_id
        and {{ change_covers('outer_row', 'inner_row') }}
    join scope_rows as s on s.intervention_id = inner_row.intervention_id
    group by inner_row.intervention_id, outer_row.intervention_id, s.n
    having count(distinct inner_row.team_id, inner_row.task_type, inner_row.site_id) = s.n
),

-- the other changes inside a change's window, and whether each covers all of the change's scope
others_in_window as (
    select
        c.intervention_id,
        o.intervention_id as other_id,
        k.other_id is not null as is_containing
    from change_dates as c
    join change_dates as o
        on o.intervention_id != c.intervention_id
        and o.effective_date >= c.window_start
        and o.effective_date < c.window_end
    left join containing as k
        on k.intervention_id = c.intervention_id and k.other_id = o.intervention_id
),

containing_count as (
    select intervention_id, count(*) as n
    from others_in_window
    where is_containing
    group by intervention_id
),

task_days as (
    select
        t.worker_id,
        t.local_date,
        t.task_type,
        t.team_id,
        t.site_id,
        t.is_main_task,
        t.items_completed,
        t.items_reworked,
        t.item_handle_seconds,
        t.daily_target
    from {{ ref('fct_worker_task_day') }} as t
    join {{ ref('fct_worker_day') }} as d
        on d.worker_id = t.worker_id and d.local_date = t.local_date
    where coalesce(d.tenure_days >= {{ var('ramp_up_days') }}, false)
),

audit_days as (
    select worker_id, item_local_date as local_date, task_type, count(*) as audits, count_if(not is_pass) as failures
    from {{ ref('stg_silver__audits') }}
    where worker_id is not null
    group by worker_id, item_local_date, task_type
),

around as (
    select c.intervention_id, c.effective_date, d.*
    from change_dates as c
    join task_days as d
        on d.local_date >= c.window_start and d.local_date < c.window_end
),

-- every change that covers each piece of work: this one (treated), another in the window that does
-- not cover all of this one's scope (the work changed for another reason: left out of both groups),
-- or one that does (the comparison work must be covered by all of those, so they hit both groups)
touched as (
    select
        a.intervention_id,
        a.effective_date,
        a.worker_id,
        a.local_date,
        a.task_type,
        a.team_id,
        a.site_id,
        a.is_main_task,
        a.items_completed,
        a.items_reworked,
        a.item_handle_seconds,
        a.daily_target,
        coalesce(max(ch.intervention_id = a.intervention_id), false) as is_treated,
        coalesce(max(not x.is_containing), false) as is_disturbed,
        count(distinct if(x.is_containing, x.other_id, null)) as containing_changes
    from around as a
    left join changes as ch
        on {{ change_covers('ch', 'a') }}
    left join others_in_window as x
        on x.intervention_id = a.intervention_id and x.other_id = ch.intervention_id
    where ch.intervention_id is null or ch.intervention_id = a.intervention_id or x.other_id is not null
    group by a.intervention_id, a.effective_date, a.worker_id, a.local_date, a.task_type, a.team_id, a.site_id,
        a.is_main_task, a.items_completed, a.items_reworked, a.item_handle_seconds, a.daily_target
),

labelled as (
    select
        t.*,
        t.is_disturbed or (not t.is_treated and t.containing_changes < coalesce(n.n, 0)) as is_left_out,
        max(t.is_treated) over (partition by t.intervention_id, t.task_type) as is_treated_task
    from touched as t
    left join containing_count as n on n.intervention_id = t.intervention_id
),

ruled as (
    select
        *,
        max(not is_treated and not is_left_out and is_treated_task) over (partition by intervention_id)
            as same_task_rule
    from labelled
),

armed as (
    select
        *,
        case
            when is_left_out then null
            when is_treated then 'treated'
            when is_treated_task or not same_task_rule then 'comparison'
        end as arm
    from ruled
),

-- the before period starts where data starts, and is halved for the pre-trend check
halved as (
    select
        *,
        min(if(local_date < effective_date, local_date, null)) over (partition by intervention_id) as before_from
    from armed
    where arm is not null
)

select
    a.intervention_id,
    a.effective_date,
    a.arm,
    case
        when a.local_date >= a.effective_date then 'after'
        when a.local_date < date_add(a.before_from, cast(floor(datediff(a.effective_date, a.before_from) / 2) as int))
            then 'early'
        else 'late'
    end as phase,
    a.same_task_rule,
    a.worker_id,
    a.local_date,
    a.task_type,
    a.team_id,
    a.site_id,
    a.items_completed,
    a.items_reworked,
    a.item_handle_seconds,
    if(a.is_main_task, a.items_completed, null) as main_task_items,
    if(a.is_main_task, a.daily_target, null) as main_task_target,
    coalesce(q.audits, 0) as audits,
    coalesce(q.failures, 0) as failures
from halved as a
left join audit_days as q
    on q.worker_id = a.worker_id and q.local_date = a.local_date and q.task_type = a.task_type

-- Money per team and month (METRICS.md, "Money"), in the team's currency and in the reporting
-- currency (fx_rates seed). Labour is active hours at the loaded cost per hour, or paid-shift hours
-- on days without desktop data. Rework hours are the repeated share of reworked items' handle time
-- (an item done twice spent half its time on rework).
with worker_days as (
    select * from {{ ref('fct_worker_day') }}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

completions as (
    select * from {{ ref('int_item_completions') }}
),

audits as (
    select * from {{ ref('stg_silver__audits') }}
    where worker_id is not null
),

worker_months as (
    select * from {{ ref('int_worker_month') }}
),

outcomes as (
    select * from {{ ref('stg_silver__outcomes') }}
),

fx as (
    select * from {{ ref('stg_fx_rates') }}
),

labour as (
    select
        d.team_id,
        trunc(d.local_date, 'MM') as month_start,
        max_by(r.currency, d.local_date) as currency,
        count(distinct d.worker_id) as workers,
        count(*) as worker_days,
        sum(coalesce(d.active_seconds, d.shift_hours * 3600)) / 3600 as labour_hours,
        sum(coalesce(d.active_seconds, d.shift_hours * 3600) / 3600 * r.loaded_cost_per_hour) as labour_cost,
        sum(d.items_completed) as items_completed,
        sum(d.earned_seconds) as earned_seconds,
        sum(d.handle_seconds) as handle_seconds,
        sum(d.active_seconds) as active_seconds
    from worker_days as d
    join roster as r
        on {{ roster_on_day('r', 'd') }}
    where d.team_id is not null
    group by d.team_id, trunc(d.local_date, 'MM')
),

rework as (
    select
        team_id,
        trunc(local_date, 'MM') as month_start,
        sum(handle_seconds * rework_count / (rework_count + 1)) / 3600 as rework_hours
    from completions
    where rework_count > 0 and team_id is not null
    group by team_id, trunc(local_date, 'MM')
),

quality as (
    select
        w.team_id,
        w.month_start,
        count(*) as audits,
        count_if(not a.is_pass) as failed_audits
    from audits as a
    join worker_months as w
        on w.worker_id = a.worker_id
        and w.month_start = trunc(a.item_local_date, 'MM')
    group by w.team_id, w.month_start
),

joined as (
    select
        l.team_id,
        l.month_start,
        l.currency,
        l.workers,
        l.worker_days,
        l.labour_hours,
        l.labour_cost,
        l.items_completed,
        l.labour_cost / nullif(l.items_completed, 0) as cost_per_item,
        coalesce(rw.rework_hours, 0d) as rework_hours,
        coalesce(rw.rework_hours, 0d) * l.labour_cost / nullif(l.labour_hours, 0) as rework_cost,
        q.audits,
        q.failed_audits,
        1 - q.failed_audits / nullif(q.audits, 0) as quality_pass_rate,
        -- Remediation is priced in the outcome file's currency; converted below.
        q.failed_audits * o.remediation_cost_per_error as remediation_cost,
        o.currency as outcome_currency,
        l.earned_seconds / nullif(l.active_seconds, 0) as productivity,
        l.earned_seconds / nullif(l.handle_seconds, 0) as performance,
        o.csat,
        o.retention_rate,
        o.complaints,
        o.revenue
    from labour as l
    left join rework as rw on rw.team_id = l.team_id and rw.month_start = l.month_start
    left join quality as q on q.team_id = l.team_id and q.month_start = l.month_start
    left join outcomes as o on o.team_id = l.team_id and o.month_start = l.month_start
),

final as (
    select
        j.*,
        fx.reporting_currency,
        j.labour_cost * fx.to_reporting as labour_cost_reporting,
        j.cost_per_item * fx.to_reporting as cost_per_item_reporting,
        j.rework_cost * fx.to_reporting + coalesce(j.remediation_cost * ofx.to_reporting, 0d)
            as cost_of_poor_quality_reporting,
        j.revenue * ofx.to_reporting as revenue_reporting
    from joined as j
    left join fx on fx.currency = j.currency
    left join fx as ofx on ofx.currency = j.outcome_currency
)

select * from final

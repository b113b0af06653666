-- Who needs help, and the evidence (METRICS.md): QUALITY_BELOW_PEERS when failures are above the
-- 99.8 % funnel limit, PACE_BELOW_PEERS when items are below it, in persist_periods consecutive
-- months, each judged (enough audits or items, past ramp-up). One row per worker, alert and month
-- the alert stands: the alert history; is_current marks the latest month.
with quality as (
    select
        'QUALITY_BELOW_PEERS' as alert_type,
        worker_id, month_start, team_id, site_id,
        audits, observed_failures as observed, expected_failures as expected, alarm_upper as alarm_limit,
        failures_by_task as detail,
        is_above_alarm as is_outside,
        is_judged
    from {{ ref('fct_quality_funnel') }}
),

pace as (
    select
        'PACE_BELOW_PEERS' as alert_type,
        worker_id, month_start, team_id, site_id,
        cast(null as bigint) as audits, observed_items as observed, expected_items as expected,
        alarm_lower as alarm_limit,
        concat('handle hours ', cast(round(handle_seconds / 3600, 1) as string),
            ', overdispersion ', cast(round(overdispersion, 2) as string)) as detail,
        is_below_alarm as is_outside,
        is_judged
    from {{ ref('fct_pace_funnel') }}
),

months as (
    select *, year(month_start) * 12 + month(month_start) as month_index from quality
    union all
    select *, year(month_start) * 12 + month(month_start) as month_index from pace
),

outside as (
    select
        *,
        -- Consecutive months outside the limit share a streak id.
        month_index - row_number() over (partition by alert_type, worker_id order by month_index) as streak
    from months
    where is_outside
),

streaks as (
    select
        *,
        row_number() over (partition by alert_type, worker_id, streak order by month_index) as months_in_a_row,
        min(month_start) over (partition by alert_type, worker_id, streak) as streak_started,
        lag(observed) over (partition by alert_type, worker_id, streak order by month_index) as previous_observed,
        lag(expected) over (partition by alert_type, worker_id, streak order by month_index) as previous_expected,
        lag(audits) over (partition by alert_type, worker_id, streak order by month_index) as previous_audits
    from outside
),

latest as (
    -- A worker's latest judged month per alert type: an alert standing then is current.
    select alert_type, worker_id, max(month_start) as latest_month
    from months
    where is_judged
    group by alert_type, worker_id
),

final as (
    select
        s.alert_type,
        s.worker_id,
        s.team_id,
        s.site_id,
        s.month_start,
        s.months_in_a_row,
        s.streak_started,
        s.observed,
        s.expected,
        s.alarm_limit,
        s.audits,
        s.previous_observed,
        s.previous_expected,
        s.previous_audits,
        s.detail,
        coalesce(s.month_start = l.latest_month, false) as is_current
    from streaks as s
    left join latest as l on l.alert_type = s.alert_type and l.worker_id = s.worker_id
    where s.months_in_a_row >= {{ var('persist_periods') }}
)

select * from final

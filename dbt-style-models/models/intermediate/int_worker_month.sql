-- One row per worker and month they worked: their team at the end of it and their tenure at its
-- start (new hires are on the ramp-up curve, not judged).
with worker_days as (
    select * from {{ ref('fct_worker_day') }}
),

final as (
    select
        worker_id,
        trunc(local_date, 'MM') as month_start,
        max_by(team_id, local_date) as team_id,
        max_by(site_id, local_date) as site_id,
        min(tenure_days) as tenure_days_at_start,
        count(*) as days_worked
    from worker_days
    group by worker_id, trunc(local_date, 'MM')
)

select * from final

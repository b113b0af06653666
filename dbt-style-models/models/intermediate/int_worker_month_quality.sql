-- One row per worker, month and task type: audits, failures, and whether the worker's quality meets
-- the quality_pass_rate goal. "Meets" is judged like everything else here, with noise in mind: the
-- failures are within the 95 % Poisson limit of what the goal allows for that many audits.
with audits as (
    select * from {{ ref('stg_silver__audits') }}
),

goals as (
    select * from {{ ref('stg_silver__goals') }}
    where metric = 'quality_pass_rate' and team_id = '*'
),

per_month as (
    select
        worker_id,
        trunc(item_local_date, 'MM') as month_start,
        task_type,
        count(*) as audits,
        count_if(not is_pass) as failures
    from audits
    where worker_id is not null
    group by worker_id, trunc(item_local_date, 'MM'), task_type
),

final as (
    select
        p.*,
        g.target as quality_goal,
        p.failures <= er_poisson_quantile(0.95, (1 - g.target) * p.audits) as meets_quality
    from per_month as p
    left join goals as g
        on g.task_type = p.task_type
        and p.month_start between trunc(g.effective_from, 'MM') and g.effective_to
)

select * from final

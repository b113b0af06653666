-- One row per worker per local day: items the worker completed and the standard time they earn
-- (items × the standard_handle_seconds goal in force that day; a team's own goal wins over '*').
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

goals as (
    select * from {{ ref('stg_silver__goals') }}
    where metric = 'standard_handle_seconds'
),

completed as (
    select
        i.worker_id,
        i.local_date,
        i.task_type,
        i.work_item_id,
        i.rework_count,
        r.team_id
    from items as i
    left join roster as r
        on r.worker_id = i.worker_id
        and i.local_date between r.valid_from and r.valid_to
    where i.status = 'COMPLETED'
        and i.worker_id is not null
        and not i.is_automated
),

with_standard as (
    select
        c.worker_id,
        c.local_date,
        c.work_item_id,
        c.rework_count,
        max_by(g.target, g.team_id != '*') as standard_seconds
    from completed as c
    left join goals as g
        on g.task_type = c.task_type
        and (g.team_id = c.team_id or g.team_id = '*')
        and c.local_date between g.effective_from and g.effective_to
    group by c.worker_id, c.local_date, c.work_item_id, c.rework_count
),

final as (
    select
        worker_id,
        local_date,
        count(*) as items_completed,
        count_if(rework_count > 0) as items_reworked,
        sum(standard_seconds) as earned_seconds,
        count_if(standard_seconds is null) as items_without_standard
    from with_standard
    group by worker_id, local_date
)

select * from final

-- One row per item a person completed: the goals in force that day (a team's own goal wins over
-- '*') and its place in the worker's day for that task type (the n-th completion), which is what
-- time-to-target needs.
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

roster as (
    select * from {{ ref('stg_silver__roster_history') }}
),

goals as (
    select * from {{ ref('stg_silver__goals') }}
),

completed as (
    select
        i.source_system,
        i.work_item_id,
        i.case_id,
        i.worker_id,
        i.local_date,
        i.task_type,
        i.completed_at,
        i.handle_seconds,
        i.rework_count,
        i.last_delivery_date,
        r.team_id,
        r.site_id
    from items as i
    left join roster as r
        on {{ roster_on_day('r', 'i') }}
    where i.status = 'COMPLETED'
        and i.worker_id is not null
        and not i.is_automated
),

with_goals as (
    select
        c.source_system,
        c.work_item_id,
        max_by(g.target, g.team_id != '*') filter (where g.metric = 'standard_handle_seconds') as standard_seconds,
        max_by(g.target, g.team_id != '*') filter (where g.metric = 'daily_items') as daily_target,
        max_by(g.target, g.team_id != '*') filter (where g.metric = 'quality_pass_rate') as quality_goal
    from completed as c
    join goals as g
        on g.task_type = c.task_type
        and (g.team_id = c.team_id or g.team_id = '*')
        and c.local_date between g.effective_from and g.effective_to
    group by c.source_system, c.work_item_id
),

final as (
    select
        c.*,
        g.standard_seconds,
        g.daily_target,
        g.quality_goal,
        row_number() over (
            partition by c.worker_id, c.local_date, c.task_type
            order by c.completed_at, c.work_item_id
        ) as completion_rank
    from completed as c
    left join with_goals as g
        on g.source_system = c.source_system
        and g.work_item_id = c.work_item_id
)

select * from final

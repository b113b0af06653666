-- One row per goal version (effective-dated).
with source as (
    select * from {{ source('silver', 'goals') }}
),

final as (
    select
        goal_id,
        team_id,
        task_type,
        metric,
        target,
        effective_from,
        coalesce(effective_to, date '9999-12-31') as effective_to
    from source
)

select * from final

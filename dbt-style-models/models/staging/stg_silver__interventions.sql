-- One row per change to the work and scope row ('*' = every team, task type or site).
with source as (
    select * from {{ source('silver', 'interventions') }}
),

final as (
    select
        intervention_id,
        kind,
        title,
        effective_date,
        team_id,
        task_type,
        site_id
    from source
)

select * from final

-- One row per worker per unbroken stretch of identical roster attributes.
with source as (
    select * from {{ source('silver', 'roster_history') }}
),

final as (
    select
        worker_id,
        team_id,
        team_name,
        manager_id,
        site_id,
        site_timezone,
        role,
        hire_date,
        termination_date,
        shift_start,
        shift_hours,
        loaded_cost_per_hour,
        currency,
        fte,
        valid_from,
        coalesce(valid_to, date '9999-12-31') as valid_to
    from source
)

select * from final

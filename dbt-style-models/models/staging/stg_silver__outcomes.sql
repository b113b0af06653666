-- One row per team and month: customer and finance outcomes, in the team's currency.
with source as (
    select * from {{ source('silver', 'outcomes') }}
),

final as (
    select
        month_start,
        team_id,
        csat,
        retention_rate,
        complaints,
        revenue,
        currency,
        remediation_cost_per_error
    from source
)

select * from final

-- One row per goal row that a goals delivery added, altered or dropped: the days it covers, which
-- incremental marts recompute (a back-dated goal changes the standard time of days long past).
with source as (
    select * from {{ source('silver', 'goal_changes') }}
),

final as (
    select
        delivery_date,
        task_type,
        changed_from,
        changed_to
    from source
)

select * from final

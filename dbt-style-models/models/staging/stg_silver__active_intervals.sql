-- One row per piece of active time (window time inside not-afk time).
with source as (
    select * from {{ source('silver', 'active_intervals') }}
),

final as (
    select
        worker_id,
        local_date,
        start_ts as started_at,
        end_ts as ended_at,
        seconds,
        app,
        category,
        is_productive,
        last_delivery_date
    from source
)

select * from final

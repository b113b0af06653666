-- One row per work-item event: which item, which local day, and the delivery it came in. Only
-- what incremental marts need to find the days a delivery touched (late events included).
with source as (
    select * from {{ source('silver', 'work_events') }}
),

final as (
    select
        source_system,
        work_item_id,
        local_date,
        _delivery_date as delivery_date
    from source
)

select * from final

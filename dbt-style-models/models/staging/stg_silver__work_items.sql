-- One row per work item. Renaming and typing only.
with source as (
    select * from {{ source('silver', 'work_items') }}
),

final as (
    select
        source_system,
        work_item_id,
        case_id,
        task_type,
        worker_id,
        is_automated,
        is_unattributed,
        status,
        scheduled_at,
        first_started_at,
        completed_at,
        rework_count,
        handle_seconds,
        wait_seconds,
        segments,
        local_date,
        first_event_date,
        last_event_date,
        last_delivery_date
    from source
)

select * from final

-- One row per quality audit, with the item's task type, worker and local day.
with source as (
    select * from {{ source('silver', 'audits') }}
),

final as (
    select
        audit_id,
        work_item_id,
        task_type,
        worker_id,
        item_local_date,
        audited_at,
        to_date(audited_at) as audited_date,
        is_pass,
        error_category,
        severity
    from source
)

select * from final

-- One row per worker per local day: items the worker completed and the standard time they earn
-- (items × the standard_handle_seconds goal in force that day).
with completions as (
    select * from {{ ref('int_item_completions') }}
),

final as (
    select
        worker_id,
        local_date,
        count(*) as items_completed,
        count_if(rework_count > 0) as items_reworked,
        {{ exact_sum('standard_seconds') }} as earned_seconds,
        count_if(standard_seconds is null) as items_without_standard,
        max(last_delivery_date) as last_delivery_date
    from completions
    group by worker_id, local_date
)

select * from final

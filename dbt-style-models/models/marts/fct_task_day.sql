{{ config(materialized='incremental', incremental_strategy='merge', unique_key=['task_type', 'local_date']) }}
-- One row per task type per local day: volume split between people, bots and unattributed work
-- (kept and counted, never credited to anyone), with handle-time quantiles of people's items.
-- Incremental: a night recomputes only the local days that newer deliveries touched (late events
-- for old days included) and merges them by task type and day; a full refresh gives the same table.
with items as (
    select * from {{ ref('stg_silver__work_items') }}
),

item_deliveries as (
    select source_system, work_item_id, max(delivery_date) as last_delivery_date
    from {{ ref('stg_silver__work_events') }}
    group by source_system, work_item_id
),

items_with_delivery as (
    select i.*, d.last_delivery_date
    from items as i
    left join item_deliveries as d
        on i.source_system = d.source_system and i.work_item_id = d.work_item_id
),

{% if is_incremental() %}
touched_days as (
    -- every day holding an item that a delivery newer than this table's newest has touched
    select distinct local_date
    from items_with_delivery
    where last_delivery_date > (select max(last_delivery_date) from {{ this }})
),
{% endif %}

completed as (
    select * from items_with_delivery
    where status = 'COMPLETED'
{% if is_incremental() %}
        and local_date in (select local_date from touched_days)
{% endif %}
),

final as (
    select
        task_type,
        local_date,
        count_if(worker_id is not null and not is_automated) as items_by_people,
        count_if(is_automated) as items_by_bots,
        count_if(is_unattributed) as items_unattributed,
        count_if(rework_count > 0) as items_reworked,
        percentile(handle_seconds, 0.5) filter (
            where worker_id is not null and not is_automated and handle_seconds > 0
        ) as median_handle_seconds,
        percentile(handle_seconds, 0.9) filter (
            where worker_id is not null and not is_automated and handle_seconds > 0
        ) as p90_handle_seconds,
        percentile(wait_seconds, 0.5) filter (where wait_seconds >= 0) as median_wait_seconds,
        max(last_delivery_date) as last_delivery_date
    from completed
    group by task_type, local_date
)

select * from final

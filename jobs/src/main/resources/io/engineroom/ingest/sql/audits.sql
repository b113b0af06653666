-- Good audits of this delivery, joined to the work item they judge (task type, worker, local date).
-- Input views: audits_checked, work_items (silver).
with good as (
  select * from audits_checked where _reason is null
),
joined as (
  -- Join first, then keep one item per audit (an id used by two source systems), so the work is
  -- proportional to the night's audits, not to every item ever stored.
  select
    g.*,
    i.source_system,
    i.task_type,
    i.worker_id,
    i.local_date as item_local_date,
    row_number() over (partition by g.audit_id order by i.source_system) as item_rank
  from good g
  join work_items i on i.work_item_id = g.work_item_id
),
final as (
  select
    audit_id,
    work_item_id,
    source_system,
    task_type,
    worker_id,
    item_local_date,
    nullif(auditor_id, '') as auditor_id,
    audited_ts as audited_at,
    upper(outcome) = 'PASS' as is_pass,
    score_value as score,
    nullif(error_category, '') as error_category,
    nullif(lower(severity), '') as severity,
    _source_file,
    _delivery_date
  from joined
  where item_rank = 1
)
select * from final

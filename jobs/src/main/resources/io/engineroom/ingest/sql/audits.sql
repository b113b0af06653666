-- Good audits of this delivery, joined to the work item they judge (task type, worker, local date).
-- Input views: audits_checked, work_items (silver).
with good as (
  select * from audits_checked where _reason is null
),
final as (
  select
    g.audit_id,
    g.work_item_id,
    i.source_system,
    i.task_type,
    i.worker_id,
    i.local_date as item_local_date,
    nullif(g.auditor_id, '') as auditor_id,
    g.audited_ts as audited_at,
    upper(g.outcome) = 'PASS' as is_pass,
    g.score_value as score,
    nullif(g.error_category, '') as error_category,
    nullif(lower(g.severity), '') as severity,
    g._source_file,
    g._delivery_date
  from good g
  join (select * from (select w.*, row_number() over (partition by work_item_id order by source_system) as rn
        from work_items w) where rn = 1) i
    on i.work_item_id = g.work_item_id
)
select * from final

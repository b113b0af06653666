-- This delivery's audits, typed, each with the reason it cannot be used (null when fine).
-- Input views: bronze_batch, known_items (work_item_id of silver work items).
with typed as (
  select
    b.*,
    cast(audited_at as timestamp) as audited_ts,
    try_cast(nullif(score, '') as double) as score_value
  from bronze_batch b
  where b._read_error is null
),
checked as (
  select
    t.*,
    case
      when coalesce(audit_id, '') = '' or coalesce(work_item_id, '') = '' or coalesce(outcome, '') = '' then 'MISSING_KEY'
      when audited_ts is null then 'BAD_TIMESTAMP'
      when upper(outcome) not in ('PASS', 'FAIL') then 'BAD_OUTCOME'
      when coalesce(score, '') != '' and (score_value is null or score_value < 0 or score_value > 100) then 'SCORE_OUT_OF_RANGE'
      when lower(coalesce(severity, '')) not in ('', 'minor', 'major', 'critical') then 'BAD_SEVERITY'
      when not exists (select 1 from known_items k where k.work_item_id = t.work_item_id) then 'UNKNOWN_WORK_ITEM'
    end as _row_reason
  from typed t
)
select
  c.*,
  case
    when _row_reason is null and row_number() over (partition by audit_id, _row_reason is null
      order by _source_file, try_cast(_position as bigint)) > 1 then 'DUPLICATE'
    else _row_reason
  end as _reason
from checked c

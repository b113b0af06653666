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
      when not trim(audited_at) rlike '${utc_offset_pattern}' then 'MISSING_UTC_OFFSET'
      when audited_ts < timestamp '${earliest_timestamp}' then 'IMPLAUSIBLE_TIMESTAMP'
      when audited_ts > timestamp '${delivery_end_utc}' + interval ${future_tolerance_hours} hours then 'FUTURE_EVENT'
      when upper(outcome) not in ('PASS', 'FAIL') then 'BAD_OUTCOME'
      when coalesce(score, '') != '' and (score_value is null or score_value < 0 or score_value > 100) then 'SCORE_OUT_OF_RANGE'
      when lower(coalesce(severity, '')) not in ('', 'minor', 'major', 'critical') then 'BAD_SEVERITY'
      when not exists (select 1 from known_items k where k.work_item_id = t.work_item_id) then 'UNKNOWN_WORK_ITEM'
    end as _row_reason
  from typed t
),
hashed as (
  select c.*, sha2(concat_ws('\u0001', work_item_id, auditor_id, audited_at, outcome, score, error_category,
    severity), 256) as content_hash
  from checked c
)
-- Copies of one audit: the first is kept; a copy with the same content in another file (an
-- overlapping re-send) is a re-delivery, counted once and not held against the batch.
select
  h.*,
  case
    when _row_reason is not null then _row_reason
    when row_number() over copies = 1 then null
    when content_hash != first(content_hash) over copies_all then 'CONFLICTING_DUPLICATE'
    when _source_file = first(_source_file) over copies_all then 'DUPLICATE'
    else 'REDELIVERED'
  end as _reason
from hashed h
window
  copies as (partition by audit_id, _row_reason is null order by _source_file, try_cast(_position as bigint)),
  copies_all as (partition by audit_id, _row_reason is null order by _source_file, try_cast(_position as bigint)
    rows between unbounded preceding and unbounded following)

-- This delivery's work events, typed, each with the reason it cannot be used (null when fine).
-- Input views: bronze_batch (bronze rows of the delivery), roster_history, existing_events (silver).
with typed as (
  select
    b.*,
    cast(ts as timestamp) as ts_utc,
    -- placeholders ('-', 'n/a', 'unknown') name nobody: the event is unattributed, like an empty id
    case when trim(worker_id) rlike '(?i)^(-+|[?]+|n/?a|none|null|unknown|nobody)$' then null
      else nullif(worker_id, '') end as worker,
    -- a system's own user (ingest.system-resources): automated work, never judged as a person's
    coalesce(trim(worker_id) rlike '^(?:${system_resource_pattern})$', false) as is_system_resource,
    sha2(concat_ws('\u0001', case_id, work_item_id, task_type, worker_id, lifecycle, cast(cast(ts as timestamp) as string),
      lower(automated), attributes), 256) as content_hash
  from bronze_batch b
  where b._read_error is null
),
row_checks as (
  select
    t.*,
    case
      when coalesce(event_id, '') = '' or coalesce(case_id, '') = '' or coalesce(work_item_id, '') = ''
        or coalesce(task_type, '') = '' or coalesce(lifecycle, '') = '' or coalesce(ts, '') = '' then 'MISSING_KEY'
      when ts_utc is null then 'BAD_TIMESTAMP'
      when not trim(ts) rlike '${utc_offset_pattern}' then 'MISSING_UTC_OFFSET'
      when ts_utc < timestamp '${earliest_timestamp}' then 'IMPLAUSIBLE_TIMESTAMP'
      when upper(lifecycle) not in ('SCHEDULE', 'ASSIGN', 'START', 'SUSPEND', 'RESUME', 'COMPLETE', 'ABORT')
        then 'UNKNOWN_LIFECYCLE'
      when lower(coalesce(automated, '')) not in ('true', 'false', '') then 'BAD_BOOLEAN'
      when ts_utc > timestamp '${delivery_end_utc}' + interval ${future_tolerance_hours} hours then 'FUTURE_EVENT'
      when ${roster_known} and worker is not null and not is_system_resource
        and not exists (select 1 from roster_history r where r.worker_id = t.worker) then 'UNKNOWN_WORKER'
    end as _reason
  from typed t
),
ranked as (
  select
    r.*,
    row_number() over ordered as rn,
    row_number() over (partition by content_hash order by _source_file, try_cast(_position as bigint), _ordinal)
      as content_rn,
    first(content_hash) over whole as first_hash,
    first(_source_file) over whole as first_file
  from row_checks r
  where _reason is null
  window
    ordered as (partition by source_system, event_id order by _source_file, try_cast(_position as bigint), _ordinal),
    whole as (partition by source_system, event_id order by _source_file, try_cast(_position as bigint), _ordinal
      rows between unbounded preceding and unbounded following)
),
batch_duplicates as (
  select
    r.*,
    case
      when rn = 1 and content_rn = 1 then null
      when rn = 1 then 'REDELIVERED' -- the same event under another id (a log re-exported under another name)
      when content_hash != first_hash then 'CONFLICTING_DUPLICATE'
      when _source_file = first_file then 'DUPLICATE'
      else 'REDELIVERED'
    end as dup_reason
  from ranked r
),
-- Events already in silver with the same content under another source or id: counted once.
known_content as (
  select distinct _content_hash from existing_events
  where _content_hash in (select content_hash from row_checks where _reason is null)
),
against_silver as (
  select
    d.*,
    case
      when e.event_id is null and k._content_hash is not null and d.dup_reason is null then 'REDELIVERED'
      when e.event_id is null then d.dup_reason
      when d.dup_reason is not null then d.dup_reason
      when e._content_hash != d.content_hash and e._source_file != d._source_file then 'CONFLICTING_DUPLICATE'
      else 'REDELIVERED'
    end as final_dup_reason
  from batch_duplicates d
  left join existing_events e on e.source_system = d.source_system and e.event_id = d.event_id
  left join known_content k on k._content_hash = d.content_hash
)
select
  event_id, source_system, case_id, work_item_id, task_type, worker_id, lifecycle, ts, automated, attributes,
  _position, _ordinal, _read_error, _read_error_detail, _source_file, _file_sha256, _delivery_date, _run_id,
  ts_utc, worker, is_system_resource, content_hash,
  final_dup_reason as _reason
from against_silver
union all
select
  event_id, source_system, case_id, work_item_id, task_type, worker_id, lifecycle, ts, automated, attributes,
  _position, _ordinal, _read_error, _read_error_detail, _source_file, _file_sha256, _delivery_date, _run_id,
  ts_utc, worker, is_system_resource, content_hash,
  _reason
from row_checks
where _reason is not null

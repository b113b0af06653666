-- This delivery's ActivityWatch events, typed, each with the reason it cannot be used (null when fine).
-- Buckets of other watchers (input, editor ...) are not part of the contract and are left out.
-- Input views: bronze_batch, worker_hosts.
with typed as (
  select
    b.*,
    cast(`timestamp` as timestamp) as start_ts,
    try_cast(duration as double) as duration_seconds
  from bronze_batch b
  where b._read_error is null
    and bucket_type in ('currentwindow', 'afkstatus', 'web.tab.current')
)
select
  t.*,
  case
    when coalesce(hostname, '') = '' or coalesce(`timestamp`, '') = '' or coalesce(duration, '') = '' then 'MISSING_KEY'
    when start_ts is null then 'BAD_TIMESTAMP'
    when not trim(`timestamp`) rlike '${utc_offset_pattern}' then 'MISSING_UTC_OFFSET'
    when start_ts < timestamp '${earliest_timestamp}' then 'IMPLAUSIBLE_TIMESTAMP'
    when duration_seconds is null then 'BAD_NUMBER'
    when duration_seconds < 0 then 'NEGATIVE_DURATION'
    when duration_seconds > ${max_event_seconds} then 'ABSURD_DURATION'
    when start_ts > timestamp '${delivery_end_utc}' + interval ${future_tolerance_hours} hours then 'FUTURE_EVENT'
    when ${roster_known}
      and not exists (select 1 from worker_hosts h where h.hostname = t.hostname) then 'UNKNOWN_HOSTNAME'
  end as _reason
from typed t

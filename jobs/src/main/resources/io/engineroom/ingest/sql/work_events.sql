-- Good work events of this delivery, as silver stores them: UTC time plus the worker's local date
-- at their site (from the roster as of that day; without any roster, the date in the event's own offset).
-- Input views: work_events_checked, roster_history.
with good as (
  select * from work_events_checked where _reason is null
),
versions as (
  select worker_id, site_timezone, valid_from, coalesce(valid_to, date '9999-12-31') as valid_to
  from roster_history
),
first_versions as (
  select worker_id, min_by(site_timezone, valid_from) as site_timezone
  from roster_history
  group by worker_id
),
with_zone as (
  -- The site's zone as of the event (versions of one worker never overlap); for events older than
  -- the first roster snapshot (late data, long exports on a first night) the worker's first site.
  -- Equi-joins on the worker, so this stays a hash join at any scale.
  select
    g.*,
    coalesce(v.site_timezone, f.site_timezone) as site_timezone
  from good g
  left join versions v
    on v.worker_id = g.worker and to_date(g.ts_utc) between v.valid_from and v.valid_to
  left join first_versions f
    on f.worker_id = g.worker
),
final as (
  select
    source_system,
    event_id,
    case_id,
    work_item_id,
    task_type,
    worker as worker_id,
    upper(lifecycle) as lifecycle,
    ts_utc,
    coalesce(lower(automated) = 'true', false) or is_system_resource as is_automated,
    nullif(attributes, '') as attributes,
    site_timezone,
    coalesce(to_date(from_utc_timestamp(ts_utc, site_timezone)), to_date(substr(ts, 1, 10))) as local_date,
    content_hash as _content_hash,
    _source_file,
    _position,
    _delivery_date
  from with_zone
)
select * from final

-- Roster as a slowly changing dimension (type 2), rebuilt from every snapshot delivered so far:
-- one row per worker per unbroken stretch of snapshots with the same attributes.
-- A version holds until the next snapshot supersedes it, whatever the cadence (daily, weekly,
-- irregular): valid_to is the day before the first snapshot after the stretch, or null while the
-- stretch reaches the latest snapshot.
with snapshots as (
  select
    worker_id, display_name, team_id, team_name, nullif(manager_id, '') as manager_id, site_id,
    site_timezone, role, to_date(hire_date) as hire_date, to_date(nullif(termination_date, '')) as termination_date,
    hostnames, shift_start, cast(shift_hours as double) as shift_hours,
    cast(loaded_cost_per_hour as double) as loaded_cost_per_hour, currency, cast(fte as double) as fte,
    _delivery_date as snapshot_date
  from roster_checked
  where _reason is null
),
deduplicated as (
  -- one row per worker per snapshot day, even if a day was delivered twice
  select * from (
    select *, row_number() over (partition by worker_id, snapshot_date order by team_id, site_id) as rn
    from snapshots
  ) where rn = 1
),
snapshot_numbers as (
  -- numbering the distinct snapshot days only: a handful of rows, so one partition is fine
  select
    snapshot_date,
    row_number() over (order by snapshot_date) as snapshot_no,
    lead(snapshot_date) over (order by snapshot_date) as next_snapshot_date
  from (select distinct snapshot_date from deduplicated)
),
numbered as (
  select
    d.*,
    n.snapshot_no,
    n.next_snapshot_date,
    sha2(concat_ws('|', display_name, team_id, team_name, manager_id, site_id, site_timezone, role, hire_date,
      termination_date, hostnames, shift_start, shift_hours, loaded_cost_per_hour, currency, fte), 256) as attr_hash
  from deduplicated d
  join snapshot_numbers n on n.snapshot_date = d.snapshot_date
),
flagged as (
  select
    *,
    case
      when lag(attr_hash) over w is null then 1
      when lag(attr_hash) over w != attr_hash then 1
      when lag(snapshot_no) over w != snapshot_no - 1 then 1
      else 0
    end as is_new_version
  from numbered
  window w as (partition by worker_id order by snapshot_date)
),
versioned as (
  select *, sum(is_new_version) over (partition by worker_id order by snapshot_date) as version_no
  from flagged
),
latest as (
  select max(snapshot_no) as last_snapshot_no from numbered
),
final as (
  select
    worker_id,
    version_no,
    first(display_name) as display_name,
    first(team_id) as team_id,
    first(team_name) as team_name,
    first(manager_id) as manager_id,
    first(site_id) as site_id,
    first(site_timezone) as site_timezone,
    first(role) as role,
    first(hire_date) as hire_date,
    first(termination_date) as termination_date,
    first(hostnames) as hostnames,
    first(shift_start) as shift_start,
    first(shift_hours) as shift_hours,
    first(loaded_cost_per_hour) as loaded_cost_per_hour,
    first(currency) as currency,
    first(fte) as fte,
    min(snapshot_date) as valid_from,
    case when max(snapshot_no) = (select last_snapshot_no from latest) then null
      else date_sub(max_by(next_snapshot_date, snapshot_no), 1) end as valid_to
  from versioned
  group by worker_id, version_no
)
select *, valid_to is null as is_current from final

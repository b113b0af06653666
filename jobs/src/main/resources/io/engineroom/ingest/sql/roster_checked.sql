-- Every roster row ever delivered, typed, with the reason it cannot be used (null when fine).
-- Input views: bronze_roster (all deliveries), bad_timezones (zone names Java rejects).
select
  r.*,
  case
    when coalesce(worker_id, '') = '' or coalesce(team_id, '') = '' or coalesce(site_timezone, '') = '' then 'MISSING_KEY'
    when site_timezone in (select site_timezone from bad_timezones) then 'BAD_TIMEZONE'
    when to_date(hire_date) is null or (termination_date != '' and to_date(termination_date) is null) then 'BAD_DATE'
    when to_date(hire_date) not between date '${earliest_date}' and date '${latest_date}'
      or to_date(nullif(termination_date, '')) not between date '${earliest_date}' and date '${latest_date}'
      then 'DATE_OUT_OF_RANGE'
    when try_cast(shift_hours as double) is null or try_cast(loaded_cost_per_hour as double) is null
      or try_cast(fte as double) is null then 'BAD_NUMBER'
  end as _reason
from bronze_roster r
where r._read_error is null

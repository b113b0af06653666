-- Rows of the latest goals snapshot delivered up to this night, with reasons.
-- Input view: bronze_goals.
with latest as (
  select * from bronze_goals
  where _read_error is null
    and _delivery_date = (select max(_delivery_date) from bronze_goals where _delivery_date <= date '${delivery_date}')
)
select
  l.*,
  case
    when coalesce(goal_id, '') = '' or coalesce(team_id, '') = '' or coalesce(task_type, '') = ''
      or coalesce(metric, '') = '' then 'MISSING_KEY'
    when metric not in ('daily_items', 'standard_handle_seconds', 'quality_pass_rate') then 'UNKNOWN_METRIC'
    when try_cast(target as double) is null then 'BAD_NUMBER'
    when to_date(effective_from) is null or (effective_to != '' and to_date(effective_to) is null) then 'BAD_DATE'
    when to_date(effective_from) not between date '${earliest_date}' and date '${latest_date}'
      or to_date(nullif(effective_to, '')) not between date '${earliest_date}' and date '${latest_date}'
      then 'DATE_OUT_OF_RANGE'
  end as _reason
from latest l

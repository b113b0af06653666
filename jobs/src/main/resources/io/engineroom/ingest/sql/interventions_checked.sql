-- Rows of the latest register of changes delivered up to this night, with reasons.
-- Input view: bronze_interventions.
with latest as (
  select * from bronze_interventions
  where _read_error is null
    and _delivery_date = (select max(_delivery_date) from bronze_interventions
                          where _delivery_date <= date '${delivery_date}')
)
select
  l.*,
  case
    when coalesce(intervention_id, '') = '' or coalesce(kind, '') = '' or coalesce(effective_date, '') = ''
      then 'MISSING_KEY'
    when lower(kind) not in ('tool', 'goal_change', 'training', 'process_change', 'best_practice_rollout', 'other')
      then 'UNKNOWN_KIND'
    when to_date(effective_date) is null then 'BAD_DATE'
    when to_date(effective_date) not between date '${earliest_date}' and date '${latest_date}' then 'DATE_OUT_OF_RANGE'
    -- the same change and scope twice: the first row is kept
    when row_number() over (partition by intervention_id, coalesce(team_id, ''), coalesce(task_type, ''),
        coalesce(site_id, '') order by _source_file, try_cast(_position as bigint)) > 1 then 'DUPLICATE'
  end as _reason
from latest l

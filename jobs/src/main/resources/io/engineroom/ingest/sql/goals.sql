-- The goal table as of the latest delivery: the full effective-dated table replaces the previous one.
-- Input view: goals_checked.
select
  goal_id,
  team_id,
  task_type,
  metric,
  cast(target as double) as target,
  to_date(effective_from) as effective_from,
  to_date(nullif(effective_to, '')) as effective_to,
  _delivery_date
from goals_checked
where _reason is null

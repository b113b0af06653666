-- The register of changes as of the latest delivery: the full table replaces the previous one. An
-- empty scope field means every value ('*'), as the contract's wildcard does.
-- Input view: interventions_checked.
select
  intervention_id,
  lower(kind) as kind,
  title,
  to_date(effective_date) as effective_date,
  coalesce(nullif(trim(team_id), ''), '*') as team_id,
  coalesce(nullif(trim(task_type), ''), '*') as task_type,
  coalesce(nullif(trim(site_id), ''), '*') as site_id,
  _delivery_date
from interventions_checked
where _reason is null

-- Good outcome rows; the latest delivery of a team-month wins.
-- Input view: outcomes_checked.
select * from (
  select
    to_date(concat(month, '-01')) as month_start,
    team_id,
    cast(csat as double) as csat,
    cast(retention_rate as double) as retention_rate,
    cast(complaints as bigint) as complaints,
    cast(revenue as double) as revenue,
    currency,
    cast(remediation_cost_per_error as double) as remediation_cost_per_error,
    _source_file,
    _delivery_date,
    row_number() over (partition by month, team_id order by _delivery_date desc, _source_file desc) as rn
  from outcomes_checked
  where _reason is null
) where rn = 1

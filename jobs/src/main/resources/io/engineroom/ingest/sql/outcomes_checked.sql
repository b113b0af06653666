-- Monthly outcome rows of this delivery, typed, with reasons.
-- Input view: bronze_batch.
select
  b.*,
  case
    when coalesce(month, '') = '' or coalesce(team_id, '') = '' then 'MISSING_KEY'
    when to_date(concat(month, '-01')) is null then 'BAD_DATE'
    when try_cast(csat as double) is null or try_cast(retention_rate as double) is null
      or try_cast(complaints as bigint) is null or try_cast(revenue as double) is null
      or try_cast(remediation_cost_per_error as double) is null then 'BAD_NUMBER'
  end as _reason
from bronze_batch b
where b._read_error is null

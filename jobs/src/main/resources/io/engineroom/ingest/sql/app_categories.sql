-- The app-category rules of the latest delivery, typed. Invalid regular expressions are listed in
-- the bad_patterns view (checked with Java's own regex engine, the one rlike uses).
-- Input views: bronze_app_categories, bad_patterns.
with latest as (
  select * from bronze_app_categories
  where _read_error is null
    and _delivery_date = (select max(_delivery_date) from bronze_app_categories)
)
select
  l.*,
  case
    when try_cast(priority as int) is null then 'BAD_NUMBER'
    when match_field not in ('app', 'title', 'url') then 'UNKNOWN_MATCH_FIELD'
    when pattern in (select pattern from bad_patterns) then 'BAD_PATTERN'
    when lower(productive) not in ('true', 'false') then 'BAD_BOOLEAN'
  end as _reason
from latest l

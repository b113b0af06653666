-- A worker cannot be inside work items for more than 24 hours of a day: parallel items must be
-- merged to wall time. Rows returned are failures.
select worker_id, local_date, handle_seconds
from {{ ref('fct_worker_day') }}
where handle_seconds > 24 * 3600

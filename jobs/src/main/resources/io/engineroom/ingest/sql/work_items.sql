-- Work items rebuilt from all their silver events, for the items this delivery touched.
-- A segment is time inside the item: START or RESUME up to the next SUSPEND, COMPLETE or ABORT
-- (METRICS.md handle_seconds), whatever SCHEDULE or ASSIGN events come between.
-- Rework: an item completed more than once (opened again after completion).
-- Input views: affected_items (source_system, work_item_id), work_events (silver).
with events as (
  select e.*
  from work_events e
  join affected_items a on a.source_system = e.source_system and a.work_item_id = e.work_item_id
),
boundaries as (
  -- Only these events open or close time inside an item; SCHEDULE and ASSIGN in between change nothing.
  select
    e.*,
    lifecycle in ('START', 'RESUME') as opens,
    lag(lifecycle in ('START', 'RESUME')) over w as after_open,
    first(if(lifecycle in ('SUSPEND', 'COMPLETE', 'ABORT'), lifecycle, null), true) over later as next_lifecycle,
    first(if(lifecycle in ('SUSPEND', 'COMPLETE', 'ABORT'), ts_utc, null), true) over later as next_ts
  from events e
  where lifecycle in ('START', 'RESUME', 'SUSPEND', 'COMPLETE', 'ABORT')
  window
    w as (partition by source_system, work_item_id order by ts_utc, event_id),
    later as (partition by source_system, work_item_id order by ts_utc, event_id
      rows between 1 following and unbounded following)
),
sequenced as (
  -- A segment opens at a START or RESUME while none is open (a second START inside one does not
  -- count the same time twice) and closes at the next SUSPEND, COMPLETE or ABORT.
  select * from boundaries where opens and not coalesce(after_open, false)
),
segments as (
  select
    source_system,
    work_item_id,
    collect_list(struct(ts_utc as start_at, next_ts as end_at, next_lifecycle as end_lifecycle, worker_id,
      local_date, unix_millis(next_ts) / 1000d - unix_millis(ts_utc) / 1000d as seconds)) as segments,
    sum(unix_millis(next_ts) / 1000d - unix_millis(ts_utc) / 1000d) as handle_seconds
  from sequenced
  where next_ts is not null
  group by source_system, work_item_id
),
items as (
  select
    source_system,
    work_item_id,
    min(case_id) as case_id,
    min(task_type) as task_type,
    coalesce(max_by(worker_id, if(lifecycle = 'COMPLETE' and worker_id is not null, ts_utc, null)),
      max_by(worker_id, if(worker_id is not null, ts_utc, null))) as worker_id,
    bool_and(is_automated) filter (where lifecycle in ('START', 'COMPLETE')) as is_automated,
    min(ts_utc) filter (where lifecycle = 'SCHEDULE') as scheduled_at,
    min(ts_utc) filter (where lifecycle = 'START') as first_started_at,
    max(ts_utc) filter (where lifecycle = 'COMPLETE') as completed_at,
    count_if(lifecycle = 'START') as start_count,
    count_if(lifecycle = 'COMPLETE') as complete_count,
    count_if(lifecycle = 'ABORT') as abort_count,
    max_by(local_date, if(lifecycle = 'COMPLETE', ts_utc, null)) as completed_local_date,
    max_by(local_date, ts_utc) as last_local_date,
    -- Events are only ever added, so these bounds only widen: every local day the item's time ever
    -- fell on lies between them (a day either side for the midnight cut), which incremental marts use.
    min(local_date) as first_event_date,
    max(local_date) as last_event_date,
    max(_delivery_date) as last_delivery_date
  from events
  group by source_system, work_item_id
),
final as (
  select
    i.source_system,
    i.work_item_id,
    i.case_id,
    i.task_type,
    i.worker_id,
    coalesce(i.is_automated, false) as is_automated,
    i.worker_id is null and not coalesce(i.is_automated, false) as is_unattributed,
    case when i.complete_count > 0 then 'COMPLETED' when i.abort_count > 0 then 'ABORTED' else 'OPEN' end as status,
    i.scheduled_at,
    i.first_started_at,
    i.completed_at,
    i.start_count,
    i.complete_count,
    greatest(i.complete_count - 1, 0) as rework_count,
    coalesce(s.handle_seconds, 0d) as handle_seconds,
    -- A START before the SCHEDULE (the next run announced while this one is worked) is no wait: unknown.
    if(i.first_started_at >= i.scheduled_at,
      unix_millis(i.first_started_at) / 1000d - unix_millis(i.scheduled_at) / 1000d, null) as wait_seconds,
    s.segments,
    coalesce(i.completed_local_date, i.last_local_date) as local_date,
    i.first_event_date,
    i.last_event_date,
    i.last_delivery_date
  from items i
  left join segments s on s.source_system = i.source_system and s.work_item_id = i.work_item_id
)
select * from final

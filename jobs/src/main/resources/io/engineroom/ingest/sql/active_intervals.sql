-- Active time: each window span cut to where it overlaps not-afk time on the same host.
-- One row per piece, for the local dates this delivery touched (the table is replaced for those dates).
-- last_delivery_date: the newest delivery holding an event of that local date, so incremental marts
-- know which days a delivery rebuilt, whether it came in a nightly or a catch-up run.
-- Input views: activity_events (silver), affected_dates.
with date_deliveries as (
  select local_date, max(_delivery_date) as last_delivery_date
  from activity_events
  where local_date in (select local_date from affected_dates)
  group by local_date
),
window_events as (
  select * from activity_events
  where bucket_type = 'currentwindow' and local_date in (select local_date from affected_dates) and worker_id is not null
),
windows as (
  -- One window is in front at a time: a window event that overlaps the next one on the same host
  -- (two watchers, a re-sent export) ends where the next begins, so no second counts twice.
  select
    worker_id, local_date, hostname, start_ts,
    least(end_ts, coalesce(lead(start_ts) over host_order, end_ts)) as end_ts,
    app, category, is_productive, url_domain
  from window_events w
  window host_order as (partition by hostname order by start_ts, end_ts, app)
),
present_events as (
  select hostname, start_ts, end_ts from activity_events
  where bucket_type = 'afkstatus' and afk_status = 'not-afk'
    and local_date between (select date_sub(min(local_date), 1) from affected_dates)
                       and (select date_add(max(local_date), 1) from affected_dates)
),
present_islands as (
  -- Overlapping or touching not-afk spans of a host merged into one, so time inside two is counted once.
  select
    hostname, start_ts, end_ts,
    sum(if(start_ts > prev_end, 1, 0)) over (partition by hostname order by start_ts, end_ts) as island
  from (
    select p.*, max(end_ts) over (partition by hostname order by start_ts, end_ts
      rows between unbounded preceding and 1 preceding) as prev_end
    from present_events p
  )
),
present as (
  select hostname, min(start_ts) as start_ts, max(end_ts) as end_ts
  from present_islands
  group by hostname, island
),
pieces as (
  select
    w.worker_id,
    w.local_date,
    w.hostname,
    greatest(w.start_ts, p.start_ts) as start_ts,
    least(w.end_ts, p.end_ts) as end_ts,
    w.app,
    w.category,
    w.is_productive,
    w.url_domain
  from windows w
  join present p on p.hostname = w.hostname and p.start_ts < w.end_ts and w.start_ts < p.end_ts
),
final as (
  select
    worker_id,
    local_date,
    hostname,
    start_ts,
    end_ts,
    unix_millis(end_ts) / 1000d - unix_millis(start_ts) / 1000d as seconds,
    app,
    category,
    is_productive,
    url_domain,
    d.last_delivery_date
  from pieces
  join date_deliveries d using (local_date)
  where end_ts > start_ts
)
select * from final

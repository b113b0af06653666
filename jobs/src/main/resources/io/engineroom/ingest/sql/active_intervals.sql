-- Active time: each window span cut to where it overlaps not-afk time on the same host.
-- One row per piece, for the local dates this delivery touched (the table is replaced for those dates).
-- Input views: activity_events (silver), affected_dates.
with windows as (
  select * from activity_events
  where bucket_type = 'currentwindow' and local_date in (select local_date from affected_dates) and worker_id is not null
),
present as (
  select hostname, start_ts, end_ts from activity_events
  where bucket_type = 'afkstatus' and afk_status = 'not-afk'
    and local_date between (select date_sub(min(local_date), 1) from affected_dates)
                       and (select date_add(max(local_date), 1) from affected_dates)
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
    url_domain
  from pieces
  where end_ts > start_ts
)
select * from final

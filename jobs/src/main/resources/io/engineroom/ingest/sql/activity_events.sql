-- Good desktop events of this delivery as silver keeps them: one row per (host, bucket type, start),
-- the longest duration when overlapping exports repeat an event, the worker and local date from the
-- roster, and each window classified by the first app-category rule that matches (by priority).
-- Titles and URLs arrive already reduced (DesktopPrivacy): raw only when configured, else a keyed
-- hash of the title, the site of the URL, and the title/URL rules each matched while read.
-- Input views: activity_checked, worker_hosts, app_categories.
with good as (
  select * from (
    select
      c.*,
      row_number() over (partition by hostname, bucket_type, start_ts order by duration_seconds desc, _source_file) as rn
    from activity_checked c
    where _reason is null
  ) where rn = 1
),
owned as (
  select
    g.*,
    h.worker_id,
    h.site_timezone,
    to_date(g.start_ts) between date_sub(h.valid_from, 1) and coalesce(h.valid_to, date '9999-12-31') as in_force,
    h.valid_from as owner_since,
    g.start_ts + make_dt_interval(0, 0, 0, g.duration_seconds) as end_ts
  from good g
  left join worker_hosts h on h.hostname = g.hostname
),
one_owner as (
  -- The host's owner as of the event; for events older than the first roster snapshot, its first owner.
  select * from (
    select
      o.*,
      row_number() over (partition by hostname, bucket_type, start_ts
        order by in_force desc nulls last, owner_since, worker_id) as owner_rank
    from owned o
  ) where owner_rank = 1
),
web as (
  select hostname, start_ts, end_ts, url, matched_rules from one_owner where bucket_type = 'web.tab.current'
),
windows_with_url as (
  select w.hostname, w.start_ts, max(b.url) as url, concat_ws(',', collect_set(b.matched_rules)) as url_rules
  from one_owner w
  join web b on b.hostname = w.hostname and b.start_ts >= w.start_ts - interval 1 second and b.start_ts < w.end_ts
  where w.bucket_type = 'currentwindow'
  group by w.hostname, w.start_ts
),
matched as (
  select
    w.hostname,
    w.start_ts,
    min_by(struct(r.category, r.is_productive), r.priority) as rule
  from one_owner w
  left join windows_with_url u on u.hostname = w.hostname and u.start_ts = w.start_ts
  join app_categories r
    on (r.match_field = 'app' and w.app rlike r.pattern)
    or (r.match_field = 'title' and array_contains(split(w.matched_rules, ','), cast(r.priority as string)))
    or (r.match_field = 'url' and array_contains(split(u.url_rules, ','), cast(r.priority as string)))
  where w.bucket_type = 'currentwindow'
  group by w.hostname, w.start_ts
),
final as (
  select
    o.hostname,
    o.bucket_type,
    o.start_ts,
    o.end_ts,
    o.duration_seconds,
    o.worker_id,
    coalesce(to_date(from_utc_timestamp(o.start_ts, o.site_timezone)), to_date(o.start_ts)) as local_date,
    nullif(o.app, '') as app,
    case when o.bucket_type = 'currentwindow' then coalesce(m.rule.category, 'uncategorized') end as category,
    case when o.bucket_type = 'currentwindow' then coalesce(m.rule.is_productive, false) end as is_productive,
    parse_url(coalesce(u.url, nullif(o.url, '')), 'HOST') as url_domain,
    nullif(o.status, '') as afk_status,
    o.title_hash,
    nullif(o.title, '') as title,
    o._source_file,
    o._delivery_date
  from one_owner o
  left join matched m on m.hostname = o.hostname and m.start_ts = o.start_ts and o.bucket_type = 'currentwindow'
  left join windows_with_url u on u.hostname = o.hostname and u.start_ts = o.start_ts and o.bucket_type = 'currentwindow'
)
select * from final

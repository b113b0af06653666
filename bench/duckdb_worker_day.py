"""Single-node reference for the scale bench (issue #16): fct_worker_day's counted figures, computed
by DuckDB straight from the landing files, then compared with Engine Room's gold.fct_worker_day.

It implements METRICS.md's worker-day on its own (not by reusing Engine Room's SQL):
  items_completed  items whose last COMPLETE was by the worker, on that local day, not automated
  earned_seconds   those items x the standard_handle_seconds goal in force (a team's own goal wins over '*')
  handle_seconds   wall time inside items (START/RESUME up to SUSPEND/COMPLETE/ABORT), cut at local
                   midnight, overlapping items merged
  active_seconds   window time that overlaps not-afk time on the worker's hosts, by the window's local day
It reads the latest roster snapshot for sites and hosts, so it is meant for a clean landing of a
few days without team moves (what bench/scale.sh generates), not for every edge the product handles.

usage: duckdb_worker_day.py LANDING [WAREHOUSE]   prints seconds, worker-days and, with a
warehouse, how many worker-days differ from gold.fct_worker_day.
"""
import csv
import glob
import json
import os
import sys
import tempfile
import time

import duckdb


def landing_sql(con, landing):
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"""
        create or replace view roster as
        with snapshots as (
            select *, regexp_extract(filename, 'roster/([0-9-]+)/', 1) as delivered
            from read_csv('{landing}/roster/*/roster.csv', all_varchar = true, filename = true)
        )
        select * exclude (delivered) from snapshots
        qualify row_number() over (partition by worker_id order by delivered desc) = 1
    """)
    con.execute(f"""
        create or replace view goals as
        with snapshots as (
            select *, regexp_extract(filename, 'goals/([0-9-]+)/', 1) as delivered
            from read_csv('{landing}/goals/*/goals.csv', all_varchar = true, filename = true)
        )
        select team_id, task_type, metric, cast(target as double) as target,
               cast(effective_from as date) as effective_from,
               coalesce(cast(nullif(effective_to, '') as date), date '9999-12-31') as effective_to
        from snapshots where delivered = (select max(delivered) from snapshots)
    """)
    con.execute(f"""
        create or replace view events as
        with raw as (
            select * from read_csv('{landing}/work_events/*/*.csv', all_varchar = true)
            qualify row_number() over (partition by source_system, event_id order by ts) = 1
        )
        select e.source_system, e.event_id, e.work_item_id, e.task_type, nullif(e.worker_id, '') as worker_id,
               upper(e.lifecycle) as lifecycle, cast(e.ts as timestamptz) as ts,
               lower(coalesce(e.automated, '')) = 'true' as automated
        from raw e
    """)
    # Items: who completed them, on which local day, and their time segments.
    con.execute("""
        create or replace table items as
        with per_item as (
            select source_system, work_item_id, any_value(task_type) as task_type,
                   arg_max(worker_id, ts) filter (where lifecycle = 'COMPLETE' and worker_id is not null) as worker_id,
                   max(ts) filter (where lifecycle = 'COMPLETE') as completed_at,
                   bool_and(automated) filter (where lifecycle in ('START', 'COMPLETE')) as automated
            from events group by all
        )
        select i.*, cast(timezone(r.site_timezone, i.completed_at) as date) as local_date, r.team_id
        from per_item i left join roster r using (worker_id)
        where completed_at is not null and worker_id is not null and not coalesce(automated, false)
    """)
    con.execute("""
        create or replace table segments as
        with bounds as (
            select *, lifecycle in ('START', 'RESUME') as opens,
                   lag(lifecycle in ('START', 'RESUME')) over w as after_open,
                   first_value(case when lifecycle in ('SUSPEND', 'COMPLETE', 'ABORT') then ts end ignore nulls)
                       over (w rows between 1 following and unbounded following) as closes_at
            from events
            where lifecycle in ('START', 'RESUME', 'SUSPEND', 'COMPLETE', 'ABORT')
            window w as (partition by source_system, work_item_id order by ts, event_id)
        ),
        item_automated as (
            select source_system, work_item_id,
                   coalesce(bool_and(automated) filter (where lifecycle in ('START', 'COMPLETE')), false) as automated
            from events group by all
        ),
        opened as (
            select b.worker_id, b.ts as start_at, b.closes_at as end_at, r.site_timezone as tz
            from bounds b join item_automated a using (source_system, work_item_id)
            left join roster r on r.worker_id = b.worker_id
            where b.opens and not coalesce(b.after_open, false) and b.closes_at > b.ts
              and b.worker_id is not null and not a.automated
        ),
        local_pieces as (
            -- local wall-clock pieces, one per local day the segment touches
            select worker_id, timezone(coalesce(tz, 'UTC'), start_at) as s, timezone(coalesce(tz, 'UTC'), end_at) as e
            from opened
        ),
        by_day as (
            select worker_id, cast(d as date) as local_date,
                   greatest(s, d) as s, least(e, d + interval 1 day) as e
            from local_pieces, unnest(generate_series(date_trunc('day', s), date_trunc('day', e), interval 1 day)) as t(d)
            where least(e, d + interval 1 day) > greatest(s, d)
        ),
        islands as (
            select *, sum(case when prev_end is null or s > prev_end then 1 else 0 end)
                          over (partition by worker_id, local_date order by s, e) as island
            from (select *, max(e) over (partition by worker_id, local_date order by s, e
                                         rows between unbounded preceding and 1 preceding) as prev_end
                  from by_day)
        )
        select worker_id, local_date, min(s) as s, max(e) as e
        from islands group by worker_id, local_date, island
    """)


def activity_sql(con, landing):
    # ActivityWatch exports key their buckets by id, which DuckDB's JSON reader parses slowly (a map
    # of structs); Python's json parses them in seconds and DuckDB reads the events back as CSV.
    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as out:
        writer = csv.writer(out)
        writer.writerow(["host", "kind", "ts", "duration", "status"])
        for path in glob.glob(os.path.join(landing, "activity", "*", "*.json")):
            with open(path, encoding="utf-8") as f:
                export = json.load(f)
            for bucket in export.get("buckets", {}).values():
                kind = bucket.get("type")
                if kind in ("currentwindow", "afkstatus"):
                    for ev in bucket.get("events", []):
                        writer.writerow([bucket.get("hostname"), kind, ev["timestamp"], ev["duration"],
                                         ev.get("data", {}).get("status", "")])
    con.execute(f"""
        create or replace table aw as
        select * from read_csv('{out.name}', header = true, all_varchar = true)
    """)
    os.unlink(out.name)
    con.execute("alter table aw alter duration type double")
    con.execute("""
        create or replace table active as
        with ev as (
            select host, kind, cast(ts as timestamptz) as s, max(duration) as duration, arg_max(status, duration) as status
            from aw group by host, kind, cast(ts as timestamptz)
        ),
        hosts as (
            select r.worker_id, trim(h.host) as host, r.site_timezone as tz
            from roster r, unnest(string_split(r.hostnames, ';')) as h(host) where trim(h.host) != ''
        ),
        windows as (
            select host, s, least(s + to_microseconds(cast(duration * 1e6 as bigint)),
                                  coalesce(lead(s) over (partition by host order by s), s + to_microseconds(cast(duration * 1e6 as bigint)))) as e
            from ev where kind = 'currentwindow'
        ),
        present_raw as (
            select host, s, s + to_microseconds(cast(duration * 1e6 as bigint)) as e
            from ev where kind = 'afkstatus' and status = 'not-afk'
        ),
        present as (
            select host, min(s) as s, max(e) as e from (
                select *, sum(case when prev_end is null or s > prev_end then 1 else 0 end)
                              over (partition by host order by s, e) as island
                from (select *, max(e) over (partition by host order by s, e
                                             rows between unbounded preceding and 1 preceding) as prev_end
                      from present_raw))
            group by host, island
        )
        select h.worker_id, cast(timezone(coalesce(h.tz, 'UTC'), w.s) as date) as local_date,
               sum(epoch(least(w.e, p.e)) - epoch(greatest(w.s, p.s))) as active_seconds
        from windows w
        join present p on p.host = w.host and p.s < w.e and w.s < p.e
        join hosts h on h.host = w.host
        where least(w.e, p.e) > greatest(w.s, p.s)
        group by all
    """)


def worker_day(con):
    con.execute("""
        create or replace table worker_day as
        with completions as (
            select i.worker_id, i.local_date, count(*) as items_completed,
                   sum(g.standard_seconds) as earned_seconds
            from items i
            left join (
                select i2.source_system, i2.work_item_id,
                       arg_max(g.target, g.team_id != '*') as standard_seconds
                from items i2 join goals g
                  on g.task_type = i2.task_type and (g.team_id = i2.team_id or g.team_id = '*')
                 and g.metric = 'standard_handle_seconds'
                 and i2.local_date between g.effective_from and g.effective_to
                group by all
            ) g using (source_system, work_item_id)
            group by all
        ),
        handle as (
            select worker_id, local_date, sum(epoch(e) - epoch(s)) as handle_seconds from segments group by all
        ),
        days as (
            select worker_id, local_date from completions union select worker_id, local_date from handle
            union select worker_id, local_date from active
        )
        select d.worker_id, d.local_date, coalesce(c.items_completed, 0) as items_completed, c.earned_seconds,
               coalesce(h.handle_seconds, 0) as handle_seconds, a.active_seconds
        from days d
        left join completions c using (worker_id, local_date)
        left join handle h using (worker_id, local_date)
        left join active a using (worker_id, local_date)
    """)


def delta_files(table):
    """The data files of a Delta table's latest version (JSON commits after the last checkpoint)."""
    log = os.path.join(table, "_delta_log")
    live = set()
    start = -1
    last = os.path.join(log, "_last_checkpoint")
    if os.path.exists(last):
        with open(last) as f:
            start = json.load(f)["version"]
        parts = glob.glob(os.path.join(log, f"{start:020d}.checkpoint*.parquet"))
        for row in duckdb.sql(f"select add.path from read_parquet({parts!r}) where add is not null").fetchall():
            live.add(row[0])
    for commit in sorted(glob.glob(os.path.join(log, "*.json"))):
        if int(os.path.basename(commit).split(".")[0]) <= start:
            continue
        with open(commit) as f:
            for line in f:
                action = json.loads(line)
                if "add" in action:
                    live.add(action["add"]["path"])
                elif "remove" in action:
                    live.discard(action["remove"]["path"])
    from urllib.parse import unquote
    return [os.path.join(table, unquote(p)) for p in sorted(live)]


def compare(con, warehouse):
    files = delta_files(os.path.join(warehouse, "gold", "fct_worker_day"))
    con.execute(f"create or replace view engine_room as select * from read_parquet({files!r})")
    return con.execute("""
        select count(*) filter (where e.worker_id is null or r.worker_id is null) as missing,
               count(*) filter (where e.worker_id is not null and r.worker_id is not null and (
                   e.items_completed != r.items_completed
                   or abs(coalesce(e.earned_seconds, -1) - coalesce(r.earned_seconds, -1)) > 1e-6
                   or abs(e.handle_seconds - r.handle_seconds) > 1e-3
                   or abs(coalesce(e.active_seconds, -1) - coalesce(r.active_seconds, -1)) > 1e-3)) as differing,
               count(*) as worker_days
        from engine_room e full join worker_day r using (worker_id, local_date)
    """).fetchall()[0]


def main():
    landing = sys.argv[1]
    con = duckdb.connect()
    started = time.perf_counter()
    landing_sql(con, landing)
    activity_sql(con, landing)
    worker_day(con)
    seconds = time.perf_counter() - started
    n = con.execute("select count(*) from worker_day").fetchall()[0][0]
    line = f"duckdb reference: {seconds:.1f} s, {n} worker-days"
    if len(sys.argv) > 2:
        missing, differing, total = compare(con, sys.argv[2])
        line += f"; against gold.fct_worker_day: {missing} only on one side, {differing} differ, of {total}"
    print(line)


if __name__ == "__main__":
    main()

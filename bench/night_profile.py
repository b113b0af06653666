#!/usr/bin/env python3
"""Where a night's seconds go, from a Spark event log.

Run a night with the event log on, then point this at the log:

    ENGINEROOM_JAVA_OPTS="-Xmx4g -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=$PWD/build/ev" \\
      bin/engineroom nightly --date 2026-03-04 --landing L --warehouse W
    python3 bench/night_profile.py build/ev/local-*          # newest log if several match

Prints: SQL executions by the Engine Room call site that started them (count and seconds, nested
executions under their root), Delta's own executions by description (log replay, file filtering,
MERGE steps), and the driver's idle gaps between executions (commits, planning, Java work).
Standard library only.
"""
import collections
import json
import re
import sys


def frames(details):
    """The Engine Room frames of a call site, innermost first, DeltaTables helpers left out."""
    out = []
    for line in details.split("\n"):
        line = line.strip()
        if "io.engineroom" in line and "DeltaTables" not in line:
            out.append(re.sub(r"\(.*?:(\d+)\)", r":\1", line).replace("io.engineroom.", ""))
    return out


def main(path, top=30):
    app_start = app_end = None
    started = {}
    by_site = collections.defaultdict(lambda: [0, 0.0])
    by_delta = collections.defaultdict(lambda: [0, 0.0])
    busy = []
    for line in open(path, encoding="utf-8"):
        e = json.loads(line)
        kind = e["Event"]
        if kind == "SparkListenerApplicationStart":
            app_start = e["Timestamp"]
        elif kind == "SparkListenerApplicationEnd":
            app_end = e["Timestamp"]
        elif kind.endswith("SQLExecutionStart"):
            own = frames(e.get("details", ""))
            root = e.get("rootExecutionId", e["executionId"]) == e["executionId"]
            started[e["executionId"]] = (e["time"], " < ".join(own[:2]), e.get("description", "")[:60], root)
        elif kind.endswith("SQLExecutionEnd") and e["executionId"] in started:
            t0, site, description, root = started.pop(e["executionId"])
            seconds = (e["time"] - t0) / 1000
            if site:
                if root:
                    by_site[site][0] += 1
                    by_site[site][1] += seconds
            else:
                by_delta[description][0] += 1
                by_delta[description][1] += seconds
            busy.append((t0, e["time"]))
    if app_start is None:
        sys.exit(f"{path}: no application start in this event log")
    end = app_end or max(e for _, e in busy)
    print(f"application: {(end - app_start) / 1000:.1f} s, {sum(v[0] for v in by_site.values())} root SQL executions "
          f"started by Engine Room, {sum(v[0] for v in by_delta.values())} by Delta itself")
    print(f"\nby Engine Room call site (root executions; seconds include nested ones), top {top}:")
    for site, (n, s) in sorted(by_site.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"  {n:4d} {s:7.1f} s  {site[:120]}")
    print("\nDelta's own executions, by description:")
    for description, (n, s) in sorted(by_delta.items(), key=lambda kv: -kv[1][1])[:12]:
        print(f"  {n:4d} {s:7.1f} s  {description}")
    busy.sort()
    idle, cursor, gaps = 0.0, app_start, 0
    for t0, t1 in busy:
        if t0 > cursor:
            idle += (t0 - cursor) / 1000
            gaps += 1
        cursor = max(cursor, t1)
    print(f"\ndriver between SQL executions: {idle:.1f} s in {gaps} gaps (session start, commits, planning, Java work)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sorted(sys.argv[1:])[-1])

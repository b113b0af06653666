"""Replays the SQL Superset sends for every dashboard chart straight against `engineroom serve`.

Each query runs once to warm up, then --runs times; prints the median and the slowest run per
chart and how many charts miss the 2 s goal. The queries come from the end-to-end test
(build/dashboards-e2e/chart-queries.json): exactly what Superset generated for the shipped charts.
"""
import argparse
import json
import statistics
import sys
import time

from pyhive import hive

GOAL_SECONDS = 2.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with open(args.queries) as f:
        queries = json.load(f)
    connection = hive.connect(host="127.0.0.1", port=args.port, username="bench", database="gold")
    cursor = connection.cursor()
    rows = []
    for query in queries:
        cursor.execute(query["sql"])
        cursor.fetchall()
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            cursor.execute(query["sql"])
            result = cursor.fetchall()
            times.append(time.perf_counter() - started)
        rows.append((query["chart"], statistics.median(times), max(times), len(result)))
    width = max(len(r[0]) for r in rows)
    print(f"{'chart':<{width}}  median_s  max_s  rows")
    for chart, median, slowest, count in rows:
        print(f"{chart:<{width}}  {median:8.3f}  {slowest:5.3f}  {count}")
    over = [r for r in rows if r[2] >= GOAL_SECONDS]
    medians = [r[1] for r in rows]
    print(f"dashboard-queries: {len(rows)} chart queries, median of medians {statistics.median(medians):.3f} s, "
          f"slowest run {max(r[2] for r in rows):.3f} s, {len(over)} at or over {GOAL_SECONDS} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Every dashboard chart's SQL, as Superset generated it in the end-to-end test, timed straight
# against 'engineroom serve' on a warehouse (the demo's). Goal: each under 2 s.
# Usage: bench/dashboard-queries.sh WAREHOUSE QUERIES_JSON VENV   (VENV: a Python env with PyHive,
# e.g. build/superset-venv from .ci/dashboards-check). RUNS (default 5) timed runs per chart.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WAREHOUSE="$1"; QUERIES="$2"; VENV="$3"
PORT="${ENGINEROOM_BENCH_PORT:-10012}"
OUT="$ROOT/build/bench"; mkdir -p "$OUT" "$ROOT/bench/results"
"$ROOT/bin/engineroom" serve --warehouse "$WAREHOUSE" --port "$PORT" > "$OUT/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "SQL endpoint ready" "$OUT/serve.log" && break
  kill -0 $SERVE 2>/dev/null || { tail -30 "$OUT/serve.log"; exit 1; }
  sleep 1
done
"$VENV/bin/python" "$ROOT/bench/dashboard_queries.py" --queries "$QUERIES" --port "$PORT" --runs "${RUNS:-5}" \
  | tee -a "$ROOT/bench/results/dashboard-queries-$(date +%F).txt"

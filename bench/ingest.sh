#!/usr/bin/env bash
# Ingest throughput benchmark (issue 4): one night of 5,000 workers into bronze and silver.
# Writes bench/results/ingest-<date>.txt with wall time and rows per second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_DIR:-$ROOT/build/bench}"
WORKERS="${WORKERS:-5000}"
mkdir -p "$OUT" "$ROOT/bench/results"
RESULT="$ROOT/bench/results/ingest-$(date +%Y-%m-%d).txt"
LANDING="$OUT/ingest-landing-$WORKERS"
[ -d "$LANDING" ] || "$ROOT/bin/engineroom" generate --landing "$LANDING" --workers "$WORKERS" --days 1 > /dev/null
rm -rf "$OUT/ingest-warehouse"
start=$(date +%s)
ENGINEROOM_JAVA_OPTS="-Xmx12g" "$ROOT/bin/engineroom" ingest --date 2026-03-02 --landing "$LANDING" \
  --warehouse "$OUT/ingest-warehouse" | tee "$OUT/ingest.log"
secs=$(( $(date +%s) - start ))
rows=$(awk '/^  (work_events|activity|audits|roster) /{gsub(",","",$4); s+=$4} END{print s}' "$OUT/ingest.log")
echo "# $(date -u +%FT%TZ) $(nproc) cores: $WORKERS workers x 1 day: $rows rows in $secs s ($(( rows / (secs > 0 ? secs : 1) )) rows/s), bronze + silver" | tee -a "$RESULT"

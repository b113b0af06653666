#!/usr/bin/env bash
# Generator benchmark (issue 3): 5,000 workers x 1 day and 20 workers x 60 days, wall time and peak
# memory of the whole JVM. Writes bench/results/generate-<date>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_DIR:-$ROOT/build/bench}"
mkdir -p "$OUT" "$ROOT/bench/results"
RESULT="$ROOT/bench/results/generate-$(date +%Y-%m-%d).txt"
"$ROOT/bin/engineroom" --version > /dev/null  # build first, outside the timing
run() {
  local name="$1"; shift
  rm -rf "$OUT/$name"
  /usr/bin/time -f "%e s wall, %M KB peak RSS" -o "$OUT/$name.time" \
    env ENGINEROOM_JAVA_OPTS="-Xmx1g" "$ROOT/bin/engineroom" generate --landing "$OUT/$name" "$@" > "$OUT/$name.log"
  printf '%-28s %s; %s files, %s\n' "$name" "$(cat "$OUT/$name.time")" \
    "$(find "$OUT/$name" -type f | wc -l)" "$(du -sh "$OUT/$name" | cut -f1)" | tee -a "$RESULT"
}
echo "# $(date -u +%FT%TZ) $(nproc) cores, heap capped at 1 GB to show memory stays bounded" | tee -a "$RESULT"
run workers5000-days1 --workers 5000 --days 1
run workers20-days60 --workers 20 --days 60
run workers1000-days5 --workers 1000 --days 5

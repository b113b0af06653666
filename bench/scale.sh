#!/usr/bin/env bash
# Scale benchmark (issue #16): what a night costs at several sizes, against a single-node DuckDB
# reference on the same landing files. Unattended; writes bench/results/scale-<date>.txt.
#
#   NIGHT_WORKERS=5000     the one-day night (whole and per stage, peak memory, heap cap HEAP)
#   SMALL_WORKERS=2        a night of a few hundred rows, after one night of history
#   HISTORY_WORKERS=1000   the night at day 10 against day 180 (HISTORY_DAYS), catch-up rows/s,
#   HISTORY_DAYS=180       and build --full-refresh against an incremental night at day 180
#   HEAP=4g                the JVM heap every run is capped at (the "heap <= 4 GB" goal)
#   STEPS="night small history"  which parts to run
#
# Dashboard chart latency at 500 workers x 1 year is bench/dashboard-queries.sh on such a warehouse.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_DIR:-$ROOT/build/bench}/scale"
NIGHT_WORKERS="${NIGHT_WORKERS:-5000}"
SMALL_WORKERS="${SMALL_WORKERS:-2}"
HISTORY_WORKERS="${HISTORY_WORKERS:-1000}"
HISTORY_DAYS="${HISTORY_DAYS:-180}"
HEAP="${HEAP:-4g}"
STEPS="${STEPS:-night small history}"
START=2026-03-02
mkdir -p "$OUT" "$ROOT/bench/results"
RESULT="$ROOT/bench/results/scale-$(date +%Y-%m-%d).txt"
ER="$ROOT/bin/engineroom"
"$ER" --version > /dev/null  # build first, outside the timing

day() { date -u -d "$START + $(($1 - 1)) days" +%F; }
say() { echo "$*" | tee -a "$RESULT"; }

# Runs an engineroom command with the heap cap; records wall seconds and peak RSS in $OUT/<name>.time.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$OUT/$name.time" \
    env ENGINEROOM_JAVA_OPTS="-Xmx$HEAP" "$ER" "$@" > "$OUT/$name.log" 2>&1 \
    || { say "  $name FAILED (see $OUT/$name.log)"; tail -5 "$OUT/$name.log"; return 1; }
}
wall() { cut -d' ' -f1 "$OUT/$1.time"; }
rss_gb() { awk '{printf "%.1f", $2 / 1048576}' "$OUT/$1.time"; }
# The night summary's stage lines, as "ingest 12.3 s, build ...".
stages() {
  grep -E '^  (ingest|build|mine|publish) ' "$OUT/$1.log" \
    | sed -E 's/^  ([a-z]+) .*\(([0-9.]+) s\)$/\1 \2 s/' | paste -sd, - | sed 's/,/, /g'
}
rows_read() { grep -Eo '[0-9,]+ rows read' "$OUT/$1.log" | head -1 | tr -d ',' | cut -d' ' -f1; }
# The "rows read" column of an ingest command's table, summed over the sources.
ingest_rows() {
  grep -E '^  (work_events|audits|roster|goals|outcomes|app_categories|activity|interventions) ' "$OUT/$1.log" \
    | tr -d ',' | awk '{n += $4} END {print n + 0}'
}

say "# $(date -u +%FT%TZ) $(nproc) cores, heap capped at $HEAP, commit $(git -C "$ROOT" rev-parse --short HEAD)"

if [[ " $STEPS " == *" night "* ]]; then
  L="$OUT/night-landing"; W="$OUT/night-warehouse"
  rm -rf "$L" "$W"
  "$ER" generate --landing "$L" --workers "$NIGHT_WORKERS" --days 1 --bad-rate 0 > "$OUT/night-generate.log"
  timed night nightly --landing "$L" --warehouse "$W" --date "$(day 1)"
  say "night of $NIGHT_WORKERS workers x 1 day: $(wall night) s ($(rows_read night) rows; $(stages night)); peak RSS $(rss_gb night) GB"
  if python3 -c 'import duckdb' 2> /dev/null; then PY=python3; else
    python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" -q install duckdb && PY="$OUT/venv/bin/python"; fi
  REF="$("$PY" "$ROOT/bench/duckdb_worker_day.py" "$L" "$W")"
  say "  $REF"
  REF_S="$(echo "$REF" | sed -E 's/^duckdb reference: ([0-9.]+) s.*/\1/')"
  say "  Engine Room night / DuckDB reference: $(awk -v a="$(wall night)" -v b="$REF_S" 'BEGIN {printf "%.1f", a / b}')x"
fi

if [[ " $STEPS " == *" small "* ]]; then
  L="$OUT/small-landing"; W="$OUT/small-warehouse"
  rm -rf "$L" "$W"
  "$ER" generate --landing "$L" --workers "$SMALL_WORKERS" --days 2 --bad-rate 0 > /dev/null
  timed small-history nightly --landing "$L" --warehouse "$W" --date "$(day 1)"
  timed small nightly --landing "$L" --warehouse "$W" --date "$(day 2)"
  say "small night ($SMALL_WORKERS workers, $(rows_read small) rows): $(wall small) s ($(stages small))"
fi

if [[ " $STEPS " == *" history "* ]]; then
  L="$OUT/history-landing"
  rm -rf "$L"
  "$ER" generate --landing "$L" --workers "$HISTORY_WORKERS" --days "$HISTORY_DAYS" --bad-rate 0 > /dev/null
  for at in 10 "$HISTORY_DAYS"; do
    W="$OUT/history-$at"
    rm -rf "$W"
    timed "catch-up-$at" ingest --landing "$L" --warehouse "$W" --from "$(day 1)" --to "$(day $((at - 1)))"
    timed "first-build-$at" build --landing "$L" --warehouse "$W" --date "$(day $((at - 1)))"
    timed "night-at-$at" nightly --landing "$L" --warehouse "$W" --date "$(day "$at")"
    say "night at day $at of $HISTORY_WORKERS workers: $(wall "night-at-$at") s ($(stages "night-at-$at"))"
  done
  rows="$(ingest_rows "catch-up-$HISTORY_DAYS")"
  say "catch-up ingest of $((HISTORY_DAYS - 1)) days: $rows rows in $(wall "catch-up-$HISTORY_DAYS") s = $(awk -v r="$rows" -v s="$(wall "catch-up-$HISTORY_DAYS")" 'BEGIN {printf "%.0f", r / s}') rows/s"
  say "night at day $HISTORY_DAYS / night at day 10: $(awk -v a="$(wall "night-at-$HISTORY_DAYS")" -v b="$(wall night-at-10)" 'BEGIN {printf "%.2f", a / b}')"
  timed full-refresh build --full-refresh --landing "$L" --warehouse "$OUT/history-$HISTORY_DAYS" --date "$(day "$HISTORY_DAYS")"
  build_s="$(grep -Eo 'build .*\(([0-9.]+) s\)' "$OUT/night-at-$HISTORY_DAYS.log" | sed -E 's/.*\(([0-9.]+) s\)/\1/')"
  say "build --full-refresh at day $HISTORY_DAYS: $(wall full-refresh) s; the night's incremental build: $build_s s ($(awk -v a="$(wall full-refresh)" -v b="$build_s" 'BEGIN {printf "%.1f", a / b}')x cheaper)"
fi

#!/usr/bin/env bash
# run-features.sh -- OGC API - Features: GeoSDI vs MapServer 8 serving the SAME GeoPackages, measured in one run.
#
#   bash /work/shared/bench/setup-peers.sh      # once: PostGIS, MapServer 8 behind nginx on :8081, ...
#   (start GeoSDI on :8080)
#   bash bench/run-features.sh [pattern]        # pattern (grep -E) selects scenarios, default all
#
# 1. setup-mapserver-samples.sh: the peers' MapServer also serves bench/conf/samples.map as /mapserver/samples/...
# 2. tools/check_features.py: both servers give valid GeoJSON and the same features (count, ids, geometry)
#    for 20 requests of every list -- a fast wrong answer is not a result.
# 3. wrk scenarios (lists in bench/urls/, rendered by tools/gen_feature_urls.py), each REPEATS times, the two
#    servers one after the other and the order alternating between repeats (G,M / M,G / G,M) so that drift of a
#    shared machine does not always favour the same server. Per measurement, like /work/shared/bench/run-bench.sh:
#    wait for an idle machine, 5 s warm-up (discarded), let the server drain, then 20 s of
#    wrk -t2 -c16 --timeout 60s --latency -s /work/shared/bench/tools/rotate.lua while
#    /work/shared/bench/tools/monitor.py samples the server's peak RSS and who used the CPU; a measurement during
#    which other processes used more than FOREIGN_MAX_S CPU seconds, or during which GeoSDI was restarted (its PID
#    is looked up from the port before every measurement), is repeated (MAX_ATTEMPTS, cleanest kept). The measuring
#    loop is lib/harness.sh's measure (shared with run-postgis.sh and run-wms.sh); series = the server.
#      places_bbox100   items?bbox=...&limit=100, 500 random bboxes, vn:populated_places (4,806 points)
#      parcels_bbox100  items?bbox=...&limit=100, 500 random bboxes, ha-noi:land_parcels_synthetic (4,268 polygons)
#      places_page1000  items?limit=1000&offset=0..4000, vn:populated_places
# 4. tools/stream_memory.py: GeoSDI's RSS while paging limit=1000 through a 4,806-row and a 160,560-row layer,
#    on the running GeoSDI and (MEM_FRESH=1, default) on a freshly started private copy on FRESH_PORT (8095).
# Output: bench/results/<UTC stamp>/ (raw wrk output, results.jsonl, table.md, validity.md, memory.md,
#         memory-fresh.md),
#         bench/results/latest -> it.
# Knobs: DUR WARM REPEATS THREADS CONN TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS FOREIGN_MAX_S SKIP_MEMORY=1
#        MEM_FRESH=0 FRESH_PORT MEM_WRK_S (10)
#        GEOSDI_URL (http://127.0.0.1:8080) MS_URL (http://127.0.0.1:8081) BENCH_RUN (peers' runtime dir)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
export GEOSDI_URL="${GEOSDI_URL:-http://127.0.0.1:8080}"
export MS_URL="${MS_URL:-http://127.0.0.1:8081}"
PY=python3                              # standard library only
THREADS="${THREADS:-2}"
CONN="${CONN:-16}"
BUDGET_S="${BUDGET_S:-999999}"           # no time budget: every measurement may use MAX_ATTEMPTS
PATTERN="${1:-.}"
ROTATE="$SHARED/tools/rotate.lua"
MONITOR="$SHARED/tools/monitor.py"
T0=$(date +%s)
REPO="$(cd "$HERE/.." && pwd)"
PORT="$(echo "$GEOSDI_URL" | sed -E 's#.*:([0-9]+)/?$#\1#')"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/$STAMP"
mkdir -p "$OUT"
ln -sfn "$STAMP" "$HERE/results/latest"
BENCH_NAME=features
# shellcheck source=lib/harness.sh
source "$HERE/lib/harness.sh"

# ---------------------------------------------------------------------------------------------
# servers up?
# ---------------------------------------------------------------------------------------------
bash "$HERE/setup-mapserver-samples.sh" 2>&1 | tee -a "$OUT/run.log" || { log "MapServer does not serve the samples map"; exit 1; }

port="$PORT"
# up = the collections list answers (what is measured); a failing landing page is reported, not fatal
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$GEOSDI_URL/ogc/collections" || true)"
[ "$code" = 200 ] || { log "GeoSDI is not up: $GEOSDI_URL/ogc/collections -> $code (start it: ./geosdi serve --port $port)"; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$GEOSDI_URL/ogc" || true)"
[ "$code" = 200 ] || log "WARNING: GeoSDI landing page $GEOSDI_URL/ogc -> HTTP $code"
for c in vn:populated_places ha-noi:land_parcels_synthetic vn:observations; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$GEOSDI_URL/ogc/collections/$c" || true)"
  [ "$code" = 200 ] || log "WARNING: GeoSDI collection $c -> HTTP $code"
done
# the GeoSDI process is the one listening on the port (under `dotnet run` it is a child of the dotnet CLI)
GPID="$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
[ -n "$GPID" ] || { log "cannot find the process listening on :$port"; exit 1; }
log "GeoSDI pid $GPID ($(tr '\0' ' ' < /proc/$GPID/cmdline | cut -c1-120)), MapServer workers $(tr '\n' ' ' < "$PEERS_RUN/mapserv.pids")"

{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "mem: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel: $(uname -r)"
  echo "mapserver: $(mapserv -v | head -1)"
  echo "gdal: $(gdalinfo --version)"
  echo "wrk: $(dpkg-query -W -f='${Version}' wrk 2>/dev/null)"
  echo "dotnet: $(dotnet --version 2>/dev/null || echo '?')"
  echo "geosdi: pid $GPID $(tr '\0' ' ' < /proc/$GPID/cmdline)"
  echo "geosdi commit: $(git -C "$HERE/.." rev-parse --short HEAD 2>/dev/null || echo 'none')$(git -C "$HERE/.." status --porcelain 2>/dev/null | grep -q . && echo ' (+ uncommitted changes)')"
  echo "mapserver workers: $(tr '\n' ' ' < "$PEERS_RUN/mapserv.pids") config $(tr '\0' '\n' < /proc/$(head -1 "$PEERS_RUN/mapserv.pids")/environ | grep MAPSERVER_CONFIG_FILE)"
  (cd "$HERE/../data-samples" && sha256sum base.gpkg land.gpkg envmon.gpkg)
  echo "settings: DUR=$DUR WARM=$WARM REPEATS=$REPEATS THREADS=$THREADS CONN=$CONN TIMEOUT=$TIMEOUT"
} > "$OUT/machine.txt" 2>&1

# ---------------------------------------------------------------------------------------------
# same answers on both servers?
# ---------------------------------------------------------------------------------------------
log "checking responses (20 requests per list on both servers)"
valid_ok=1
"$PY" "$HERE/tools/check_features.py" "$OUT" 20 > "$OUT/validity.md" || valid_ok=0
cat "$OUT/validity.md"
[ $valid_ok = 1 ] || log "WARNING: response check failed (see validity.md) -- the figures below compare different answers"

# ---------------------------------------------------------------------------------------------
# wrk: scenario | list name (urls/geosdi/<name>.txt and urls/mapserver/<name>.txt)
# ---------------------------------------------------------------------------------------------
SCENARIOS=(
  "places_bbox100|items_bbox_limit100_populated_places"
  "parcels_bbox100|items_bbox_limit100_land_parcels_synthetic"
  "places_page1000|items_limit1000_populated_places"
)
server_base() { [ "$1" = geosdi ] && echo "$GEOSDI_URL" || echo "$MS_URL"; }
# the server's processes, looked up again for every attempt: GeoSDI may be restarted (rebuilt) meanwhile
geosdi_pid() { pid_on "$PORT"; }
pids_of() { if [ "$1" = geosdi ]; then geosdi_pid; else echo "$PEERS_RUN/mapserv.pids"; fi; }
: > "$OUT/results_all.jsonl"
: > "$OUT/results.jsonl"

measure_server() {  # scenario list server rep -> lib/harness.sh measure (series = the server), the cleanest attempt kept
  local sc="$1" lst="$2" srv="$3" rep="$4" i
  for i in $(seq 1 60); do [ -n "$(pids_of "$srv")" ] && break; sleep 5; done    # a GeoSDI being restarted
  [ -n "$(pids_of "$srv")" ] || { log "$sc.$srv.rep$rep: $srv is not listening any more"; return 1; }
  measure "$sc" "$srv" wrk "$(server_base "$srv")" "$HERE/urls/$srv/$lst.txt" "$srv" "$CONN" "$rep"
}

for s in "${SCENARIOS[@]}"; do
  IFS='|' read -r sc lst <<< "$s"
  echo "$sc" | grep -qE "$PATTERN" || continue
  for rep in $(seq 1 "$REPEATS"); do
    if [ $((rep % 2)) = 1 ]; then order="geosdi mapserver"; else order="mapserver geosdi"; fi
    for srv in $order; do
      measure_server "$sc" "$lst" "$srv" "$rep"
    done
  done
done

if [ -s "$OUT/results.jsonl" ]; then
  "$PY" "$HERE/tools/features_table.py" "$OUT/results.jsonl" > "$OUT/table.md"
  log "throughput (median of $REPEATS runs of ${DUR}s, wrk -t$THREADS -c$CONN):"
  cat "$OUT/table.md"
fi

# ---------------------------------------------------------------------------------------------
# streaming memory: RSS while paging limit=1000 through a small and a 34x larger layer
# ---------------------------------------------------------------------------------------------
mem_ok=1
if [ "${SKIP_MEMORY:-0}" != 1 ] && echo "memory" | grep -qE "$PATTERN"; then
  GPID="$(geosdi_pid)"
  log "streaming-memory check on the running GeoSDI (pid $GPID, already warmed up by the wrk scenarios)"
  "$PY" "$HERE/tools/stream_memory.py" "$OUT" "$GPID" "$GEOSDI_URL" > "$OUT/memory.md" || mem_ok=0
  cat "$OUT/memory.md"
  # the same on a freshly started private GeoSDI (a copy of the Release build, so a rebuild cannot pull files
  # from under it), so that "start" is a just-started server; stopped by its PID afterwards
  APP="$HERE/../src/GeoServer.Host/bin/Release/net10.0"
  if [ "${MEM_FRESH:-1}" = 1 ] && [ -f "$APP/GeoServer.Host.dll" ]; then
    FRESH_PORT="${FRESH_PORT:-8095}"
    fresh_app="${FEATURES_RUN:-/var/tmp/geosdi-bench}/app"
    rm -rf "$fresh_app"; mkdir -p "$(dirname "$fresh_app")"; cp -r "$APP" "$fresh_app"
    (cd "$HERE/.." && exec dotnet "$fresh_app/GeoServer.Host.dll" serve --port "$FRESH_PORT") > "$OUT/geosdi-fresh.log" 2>&1 &
    fresh=$!
    for i in $(seq 1 120); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$FRESH_PORT/ogc/collections")" = 200 ] && break
      sleep 0.5
    done
    FPID="$(ss -ltnpH "sport = :$FRESH_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
    if [ -n "$FPID" ]; then
      log "streaming-memory check on a fresh GeoSDI (pid $FPID, port $FRESH_PORT, build $(stat -c %y "$APP/GeoServer.Host.dll" | cut -c1-19))"
      # the 1st request above ran the collections list only: the first phase starts from a just-started server
      "$PY" "$HERE/tools/stream_memory.py" "$OUT" "$FPID" "http://127.0.0.1:$FRESH_PORT" memory-fresh \
        > "$OUT/memory-fresh.md" || mem_ok=0
      cat "$OUT/memory-fresh.md"
    else
      log "WARNING: the fresh GeoSDI did not start on :$FRESH_PORT (see $OUT/geosdi-fresh.log)"; mem_ok=0
    fi
    kill "$fresh" 2>/dev/null || true        # the subshell exec'd into dotnet: this is the server's PID
    [ -z "$FPID" ] || [ "$FPID" = "$fresh" ] || kill "$FPID" 2>/dev/null || true
    wait "$fresh" 2>/dev/null || true
  fi
fi

[ $valid_ok = 1 ] || log "WARNING: the response check failed: $OUT/validity.md"
[ $mem_ok = 1 ] || log "WARNING: the streaming-memory check reported problems: $OUT/memory.md"
log "done: $OUT"

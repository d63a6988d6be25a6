#!/usr/bin/env bash
# run-wms.sh -- WMS GetMap: GeoSDI vs MapServer 8 and QGIS Server 3.22 on the peer harness's PostGIS database
# `bench` (200,000 parcels, 100,000 segments, 50,000 stations), same style (bench/conf/styles mirror the peers'
# conf/bench.map), same fixed request lists, one run.
#
#   bash /work/shared/bench/setup-peers.sh      # once per machine: PostGIS, MapServer :8081, QGIS :8082, ...
#   bash bench/run-wms.sh [pattern]             # ~15 min; pattern (grep -E) selects steps, e.g. 'a_wms|memory'
#
# GeoSDI: built here (BUILD=0: don't), the Release output copied to $RUN_DIR/app, started on PORT (8093) with
# bench/conf/wms.yaml and Warning logging, stopped at the end. Steps:
#  urls     tools/gen_wms_urls.py renders urls/geosdi-wms/ from the canonical lists (same maps, same order)
#  check    tools/check_wms.py: valid PNGs of the right size from all three servers; drawn pixels; GeoSDI's mean
#           colour difference from MapServer's picture of the same map
#  a_wms256_3857   256x256 PNG tiles of parcels in EPSG:3857, 500 tiles z8-z14 (targets: >= 1.5x MapServer, >= 2x QGIS)
#  b_wms1024_4326  1024x768 PNG of 3 layers in EPSG:4326 (lat,lon BBOX), 500 views (target: >= 1.5x MapServer)
#  memory   GeoSDI's VmRSS every second during MEM_S (300) s of scenario a and MEM_B_S (60) s of b
#           (tools/rss_during.py): start / peak / end, peak per minute, "steady" = no upward trend after minute 1
# Measuring, retries and alternation: lib/harness.sh. Output: bench/results/wms-<UTC stamp>/ (table.md,
# validity.md, memory.md, results.jsonl, raw wrk output, machine.txt, geosdi.log), bench/results/latest-wms -> it.
# Knobs: DUR WARM REPEATS TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS FOREIGN_MAX_S BUDGET_S MEM_S MEM_B_S BUILD PORT MS_URL QGIS_URL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
RUN_DIR="${RUN_DIR:-/var/tmp/geosdi-bench/wms}"
PORT="${PORT:-8093}"
export GEOSDI_URL="http://127.0.0.1:$PORT"
export MS_URL="${MS_URL:-http://127.0.0.1:8081}"
export QGIS_URL="${QGIS_URL:-http://127.0.0.1:8082}"
export PGPASSWORD=bench
PY=python3
BUDGET_S="${BUDGET_S:-1200}"
MEM_S="${MEM_S:-300}"
MEM_B_S="${MEM_B_S:-60}"
PATTERN="${1:-.}"
ROTATE="$SHARED/tools/rotate.lua"
MONITOR="$SHARED/tools/monitor.py"
URLS="$HERE/urls/geosdi-wms"
T0=$(date +%s)

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/wms-$STAMP"
mkdir -p "$OUT" "$RUN_DIR"
ln -sfn "wms-$STAMP" "$HERE/results/latest-wms"
BENCH_NAME=wms
CONFIG="$HERE/conf/wms.yaml"
# shellcheck source=lib/harness.sh
source "$HERE/lib/harness.sh"

for u in "$MS_URL/mapserver?SERVICE=WMS&REQUEST=GetCapabilities" "$QGIS_URL/qgis?SERVICE=WMS&REQUEST=GetCapabilities"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$u" || true)"
  [ "$code" = 200 ] || { log "peer not answering: $u -> $code (run: bash $SHARED/setup-peers.sh)"; exit 1; }
done
if [ "${BUILD:-1}" = 1 ]; then
  log "building GeoSDI (Release)"
  (cd "$REPO" && dotnet build src/GeoServer.Host -c Release -v q 2>&1 | tail -3) | tee -a "$OUT/run.log"
fi
APP_SRC="$REPO/src/GeoServer.Host/bin/Release/net10.0"
[ -f "$APP_SRC/GeoServer.Host.dll" ] || { log "no Release build in $APP_SRC"; exit 1; }
rm -rf "$RUN_DIR/app"; cp -r "$APP_SRC" "$RUN_DIR/app"

"$PY" "$HERE/tools/gen_wms_urls.py" "$SHARED" | tee -a "$OUT/run.log"
log "starting GeoSDI on :$PORT (Warning logging)"
# No tile cache: WMS maps are drawn on every request, as the peers draw theirs.
start_geosdi "$PORT" "$OUT/geosdi.log" Logging__LogLevel__Default=Warning GEOSDI_Tiles__CacheDirectory= || exit 1
GPID="$STARTED_PID"
{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name: *//p')  mem: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "mapserver: $(mapserv -v | head -1)"
  dpkg-query -W -f='${Package} ${Version}\n' qgis-server nginx wrk postgresql-15-postgis-3 libcairo2 2>/dev/null || true
  echo "dotnet: $(dotnet --version 2>/dev/null || echo '?')"
  echo "geosdi: pid $GPID, commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" status --porcelain | grep -q . && echo ' (+ uncommitted changes)')"
  echo "settings: DUR=$DUR WARM=$WARM REPEATS=$REPEATS MAX_ATTEMPTS=$MAX_ATTEMPTS FOREIGN_MAX_S=$FOREIGN_MAX_S MEM_S=$MEM_S MEM_B_S=$MEM_B_S"
} > "$OUT/machine.txt" 2>&1

valid_ok=1
if want check; then
  log "checking the maps of all three servers"
  "$PY" "$HERE/tools/check_wms.py" "$OUT" 20 "$GEOSDI_URL" "$MS_URL/" "$QGIS_URL/" > "$OUT/validity.md" || valid_ok=0
  cat "$OUT/validity.md"
fi

: > "$OUT/results_all.jsonl"
: > "$OUT/results.jsonl"
run_scenario a_wms256_3857 \
  "geosdi|wrk|$GEOSDI_URL|$URLS/wms256_3857.txt|geosdi|16" \
  "mapserver|wrk|$MS_URL|$SHARED/urls/mapserver/wms256_3857.txt|mapserver|16" \
  "qgis|wrk|$QGIS_URL|$SHARED/urls/qgis/wms256_3857.txt|qgis|16"
run_scenario b_wms1024_4326 \
  "geosdi|wrk|$GEOSDI_URL|$URLS/wms1024_4326.txt|geosdi|16" \
  "mapserver|wrk|$MS_URL|$SHARED/urls/mapserver/wms1024_4326.txt|mapserver|16" \
  "qgis|wrk|$QGIS_URL|$SHARED/urls/qgis/wms1024_4326.txt|qgis|16"

if want memory; then
  log "memory: GeoSDI's VmRSS every second under load (pid $GPID)"
  {
    echo "| load (wrk -t2 -c16) | duration | throughput | RSS start MiB | peak | end | peaks | trend after the first minute | foreign CPU s |"
    echo "|---|---:|---|---:|---:|---:|---|---|---:|"
    "$PY" "$HERE/tools/rss_during.py" "$GPID" "$MEM_S" "$GEOSDI_URL" "$URLS/wms256_3857.txt" "$OUT/memory_a.json" "a: 256x256 tiles"
    "$PY" "$HERE/tools/rss_during.py" "$GPID" "$MEM_B_S" "$GEOSDI_URL" "$URLS/wms1024_4326.txt" "$OUT/memory_b.json" "b: 1024x768, 3 layers"
  } > "$OUT/memory.md"
  cat "$OUT/memory.md"
fi
stop_geosdi "$GPID"

if [ -s "$OUT/results.jsonl" ]; then
  (cd "$HERE/tools" && "$PY" wms_table.py "$OUT/results.jsonl") > "$OUT/table.md"
  log "results (median of $REPEATS runs of ${DUR}s):"
  cat "$OUT/table.md"
fi
[ $valid_ok = 1 ] || log "WARNING: the map check failed: $OUT/validity.md"
log "done in $(( ($(date +%s) - T0) / 60 )) min: $OUT"

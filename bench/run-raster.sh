#!/usr/bin/env bash
# run-raster.sh -- WMS GetMap on a Cloud Optimized GeoTIFF (issue #6): GeoSDI vs MapServer 8 reading the SAME file,
# data-samples/raster/dem_srtm3_N21E105.tif (SRTM elevation, 1201x1201 Int16, 3 overviews), drawn with the same
# colour ramp (bench/conf/styles/dem_ramp.json = the CLASSes of layer dem_bench in bench/conf/samples.map),
# nearest-neighbour, one run.
#
#   bash /work/shared/bench/setup-peers.sh      # once per machine: MapServer :8081 (and the rest)
#   bash bench/run-raster.sh [pattern]          # ~10 min; pattern (grep -E) selects steps: check|a_dem|memory
#
# GeoSDI: built here (BUILD=0: don't), the Release output copied to $RUN_DIR/app, started on PORT (8092) with
# bench/conf/raster.yaml and Warning logging, no tile cache, stopped at the end. MapServer serves samples.map under
# the alias "samples" (bench/setup-mapserver-samples.sh, run here; it restarts the peers' MapServer workers only
# when the alias is missing). Steps:
#  urls    tools/gen_raster_urls.py: 500 maps 256x256 EPSG:3857, extents of random z8-z14 tiles on the DEM
#  check   tools/check_raster.py: valid PNGs from both; GeoSDI's mean colour difference from MapServer's picture
#  a_dem256_3857  the 500 maps, wrk -c16 (target: GeoSDI >= 1.5x MapServer)
#  memory  GeoSDI's VmRSS every second during MEM_S (300) s of the same load (tools/rss_during.py): steady or not
# Measuring, retries and alternation: lib/harness.sh. Output: bench/results/raster-<UTC stamp>/ (table.md,
# validity.md, memory.md, results.jsonl, raw wrk output, machine.txt, geosdi.log), bench/results/latest-raster.
# Knobs: DUR WARM REPEATS TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS FOREIGN_MAX_S BUDGET_S MEM_S BUILD PORT MS_URL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
RUN_DIR="${RUN_DIR:-/var/tmp/geosdi-bench/raster}"
PORT="${PORT:-8092}"
export GEOSDI_URL="http://127.0.0.1:$PORT"
export MS_URL="${MS_URL:-http://127.0.0.1:8081}"
PY=python3
BUDGET_S="${BUDGET_S:-900}"
MEM_S="${MEM_S:-300}"
PATTERN="${1:-.}"
ROTATE="$SHARED/tools/rotate.lua"
MONITOR="$SHARED/tools/monitor.py"
URLS="$HERE/urls/raster"
T0=$(date +%s)

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/raster-$STAMP"
mkdir -p "$OUT" "$RUN_DIR"
ln -sfn "raster-$STAMP" "$HERE/results/latest-raster"
BENCH_NAME=raster
CONFIG="$HERE/conf/raster.yaml"
# shellcheck source=lib/harness.sh
source "$HERE/lib/harness.sh"

"$PY" "$HERE/tools/gen_raster_urls.py" "$URLS" | tee -a "$OUT/run.log"
bash "$HERE/setup-mapserver-samples.sh" | tee -a "$OUT/run.log"
probe="$MS_URL$(head -1 "$URLS/mapserver.txt")"
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$probe" || true)"
[ "$code" = 200 ] || { log "MapServer not answering: $probe -> $code (run: bash $SHARED/setup-peers.sh)"; exit 1; }
if [ "${BUILD:-1}" = 1 ]; then
  log "building GeoSDI (Release)"
  (cd "$REPO" && dotnet build src/GeoServer.Host -c Release -v q 2>&1 | tail -3) | tee -a "$OUT/run.log"
fi
APP_SRC="$REPO/src/GeoServer.Host/bin/Release/net10.0"
[ -f "$APP_SRC/GeoServer.Host.dll" ] || { log "no Release build in $APP_SRC"; exit 1; }
rm -rf "$RUN_DIR/app"; cp -r "$APP_SRC" "$RUN_DIR/app"

log "starting GeoSDI on :$PORT (Warning logging, no tile cache)"
start_geosdi "$PORT" "$OUT/geosdi.log" Logging__LogLevel__Default=Warning GEOSDI_Tiles__CacheDirectory= || exit 1
GPID="$STARTED_PID"
{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name: *//p')  mem: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "mapserver: $(mapserv -v | head -1)"
  dpkg-query -W -f='${Package} ${Version}\n' libgdal32 libcairo2 wrk 2>/dev/null || true
  echo "dotnet: $(dotnet --version 2>/dev/null || echo '?')"
  echo "geosdi: pid $GPID, commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" status --porcelain | grep -q . && echo ' (+ uncommitted changes)')"
  echo "settings: DUR=$DUR WARM=$WARM REPEATS=$REPEATS MAX_ATTEMPTS=$MAX_ATTEMPTS FOREIGN_MAX_S=$FOREIGN_MAX_S MEM_S=$MEM_S"
} > "$OUT/machine.txt" 2>&1

valid_ok=1
if want check; then
  log "checking both servers' maps"
  (cd "$HERE/tools" && "$PY" check_raster.py "$OUT" 20 "$URLS" "$GEOSDI_URL" "$MS_URL") > "$OUT/validity.md" || valid_ok=0
  cat "$OUT/validity.md"
fi

: > "$OUT/results_all.jsonl"
: > "$OUT/results.jsonl"
run_scenario a_dem256_3857 \
  "geosdi|wrk|$GEOSDI_URL|$URLS/geosdi.txt|geosdi|16" \
  "mapserver|wrk|$MS_URL|$URLS/mapserver.txt|mapserver|16"

if want memory; then
  log "memory: GeoSDI's VmRSS every second under load (pid $GPID)"
  {
    echo "| load (wrk -t2 -c16) | duration | throughput | RSS start MiB | peak | end | peaks | trend after the first minute | foreign CPU s |"
    echo "|---|---:|---|---:|---:|---:|---|---|---:|"
    "$PY" "$HERE/tools/rss_during.py" "$GPID" "$MEM_S" "$GEOSDI_URL" "$URLS/geosdi.txt" "$OUT/memory.json" "256x256 maps of the DEM COG"
  } > "$OUT/memory.md"
  cat "$OUT/memory.md"
fi
stop_geosdi "$GPID"

if [ -s "$OUT/results.jsonl" ]; then
  (cd "$HERE/tools" && "$PY" raster_table.py "$OUT/results.jsonl") > "$OUT/table.md"
  log "results (median of $REPEATS runs of ${DUR}s):"
  cat "$OUT/table.md"
fi
[ $valid_ok = 1 ] || log "WARNING: the map check failed: $OUT/validity.md"
log "done in $(( ($(date +%s) - T0) / 60 )) min: $OUT"

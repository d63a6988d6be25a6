#!/usr/bin/env bash
# run-tiles.sh -- map and vector tiles: GeoSDI vs the peer harness's MapProxy 1.15 (tile cache in front of MapServer),
# nginx serving MapProxy's cache as static files, MapServer 8's MVT and the raw ST_AsMVT statement (pgbench), on the
# peers' PostGIS database `bench` with the peers' style (bench/conf/wms.yaml), same fixed tiles, one run.
#
#   bash /work/shared/bench/setup-peers.sh      # once per machine: PostGIS, MapServer :8081, MapProxy + nginx :8083
#   bash bench/run-tiles.sh [pattern]           # ~20 min; pattern (grep -E) selects steps, e.g. 'a_cache|c_cold'
#
# GeoSDI: built here (BUILD=0: don't), the Release output copied to $RUN_DIR/app; three processes of it, each
# stopped at the end: HITS_PORT (8094) with a tile cache seeded by `geosdi seed db:parcels --zooms 8-14` over the
# box MapProxy was seeded with; MVT_PORT (8095) without a cache; COLD_PORT (8096) restarted on an emptied cache
# before every cold pass. Steps:
#  urls     tools/gen_tiles_urls.py renders urls/geosdi-tiles/ from the canonical tiles (same tiles, same order)
#  check    tools/check_tiles.py: valid PNGs from GeoSDI (XYZ = WMTS bytes), MapProxy and nginx; decodable MVTs from
#           GeoSDI and MapServer; GeoSDI's MVT features = the raw ST_AsMVT statement's
#  a_cache_hits  500 seeded tiles z8-z14: GeoSDI XYZ and WMTS REST vs MapProxy vs nginx (targets >= 10x MapProxy,
#           >= 0.5x nginx); wrk -t2 -c16 as every scenario
#  b_mvt    500 MVT tiles z10-z14 of parcels, GeoSDI without cache vs MapServer (target >= 1.5x) vs the raw
#           statement through pgbench -c16 (target: GeoSDI's time per tile <= 1.2x)
#  c_cold_png  the tiles of canonical/tiles_z8-14.txt outside MapProxy's seeded meta-tiles, one per 4x4 meta-tile
#           (both servers render 4x4 meta-tiles: every request is one whole render), each fetched once by 16
#           clients (tools/cold_pass.py) right after emptying the server's cache: GeoSDI restarted on an empty
#           cache folder (then warmed on 30 seeded-area tiles of its own, so JIT is not measured), MapProxy's cache
#           put back to the files it held before the step (the seed nginx serves stays); target >= 1.5x
# Measuring, retries and alternation: lib/harness.sh (the cold passes: same idle wait and alternation, no warm-up).
# Output: bench/results/tiles-<UTC stamp>/ (table.md, validity.md, results.jsonl, raw output, machine.txt, logs),
# bench/results/latest-tiles -> it. Knobs: DUR WARM REPEATS TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS
# FOREIGN_MAX_S BUDGET_S BUILD HITS_PORT MVT_PORT COLD_PORT MS_URL MP_URL CHECK_N
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
RUN_DIR="${RUN_DIR:-/var/tmp/geosdi-bench/tiles}"
HITS_PORT="${HITS_PORT:-8094}"
MVT_PORT="${MVT_PORT:-8095}"
COLD_PORT="${COLD_PORT:-8096}"
PORT="$HITS_PORT"
export MS_URL="${MS_URL:-http://127.0.0.1:8081}"
export MP_URL="${MP_URL:-http://127.0.0.1:8083}"
export PGPASSWORD=bench
PY=python3
BUDGET_S="${BUDGET_S:-1500}"
CHECK_N="${CHECK_N:-20}"
PATTERN="${1:-.}"
ROTATE="$SHARED/tools/rotate.lua"
MONITOR="$SHARED/tools/monitor.py"
URLS="$HERE/urls/geosdi-tiles"
MP_CACHE="$PEERS_RUN/mapproxy_cache/parcels"
SEED_BBOX="105.55,20.75,106.15,21.25"      # /work/shared/bench/conf/seed.yaml's coverage
T0=$(date +%s)

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/tiles-$STAMP"
mkdir -p "$OUT" "$RUN_DIR"
ln -sfn "tiles-$STAMP" "$HERE/results/latest-tiles"
BENCH_NAME=tiles
CONFIG="$HERE/conf/wms.yaml"
# shellcheck source=lib/harness.sh
source "$HERE/lib/harness.sh"

# Three GeoSDI processes and two peers behind one nginx: the series name says whose CPU and RSS to watch.
pids_of() {
  case "$1" in
    geosdi_hits) echo "$GPID_HITS" ;;
    geosdi_mvt) echo "$GPID_MVT" ;;
    mapserver) echo "$PEERS_RUN/mapserv.pids" ;;
    mapproxy) echo "$PEERS_RUN/mapproxy.pid" ;;
    nginx) echo "$PEERS_RUN/nginx.pid" ;;
    *) echo none ;;
  esac
}
ident_of() {
  case "$1" in
    geosdi_hits) pid_on "$HITS_PORT" ;;
    geosdi_mvt) pid_on "$MVT_PORT" ;;
    mapserver) tr '\n' ' ' < "$PEERS_RUN/mapserv.pids" ;;
    mapproxy) cat "$PEERS_RUN/mapproxy.pid" ;;
    nginx) cat "$PEERS_RUN/nginx.pid" ;;
    *) echo none ;;
  esac
}

for u in "$MS_URL/mapserver?SERVICE=WMS&REQUEST=GetCapabilities" "$MP_URL/wmts/1.0.0/WMTSCapabilities.xml" \
         "$MP_URL$(head -1 "$SHARED/urls/nginx-static/static_cache_hits.txt")"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$u" || true)"
  [ "$code" = 200 ] || { log "peer not answering: $u -> $code (run: bash $SHARED/setup-peers.sh)"; exit 1; }
done
[ "$(psqlb -c 'SELECT count(*) FROM bench_tiles')" = 500 ] || { log "table bench_tiles is not loaded (setup-peers.sh)"; exit 1; }
if [ "${BUILD:-1}" = 1 ]; then
  log "building GeoSDI (Release)"
  (cd "$REPO" && dotnet build src/GeoServer.Host -c Release -v q 2>&1 | tail -3) | tee -a "$OUT/run.log"
fi
APP_SRC="$REPO/src/GeoServer.Host/bin/Release/net10.0"
[ -f "$APP_SRC/GeoServer.Host.dll" ] || { log "no Release build in $APP_SRC"; exit 1; }
rm -rf "$RUN_DIR/app"; cp -r "$APP_SRC" "$RUN_DIR/app"
"$PY" "$HERE/tools/gen_tiles_urls.py" "$SHARED" | tee -a "$OUT/run.log"

# The same seed as MapProxy's: db:parcels, z8-z14 over the seed box, walked a meta-tile at a time.
HITS_ENV=(Logging__LogLevel__Default=Warning "GEOSDI_Tiles__CacheDirectory=$RUN_DIR/cache-hits")
rm -rf "$RUN_DIR/cache-hits"
log "seeding GeoSDI's cache: db:parcels z8-14 over $SEED_BBOX"
(cd "$REPO" && env "${HITS_ENV[@]}" dotnet "$RUN_DIR/app/GeoServer.Host.dll" seed db:parcels --zooms 8-14 --bbox "$SEED_BBOX" \
   --config "$CONFIG" 2>&1 | tr '\r' '\n' | tail -1) | tee -a "$OUT/run.log"
missing=0
while read -r z x y; do
  ls "$RUN_DIR"/cache-hits/*/db:parcels/default/WebMercatorQuad/"$z/$x/$y.png" > /dev/null 2>&1 || missing=$((missing + 1))
  [ -f "$MP_CACHE/$z/$x/$y.png" ] || missing=$((missing + 1))
done < "$SHARED/urls/canonical/cache_tiles_z8-14.txt"
[ $missing = 0 ] || { log "$missing cache-hit tiles are not on disk in GeoSDI's or MapProxy's cache"; exit 1; }

log "starting GeoSDI: cache hits on :$HITS_PORT, MVT without cache on :$MVT_PORT (Warning logging)"
start_geosdi "$HITS_PORT" "$OUT/geosdi-hits.log" "${HITS_ENV[@]}" || exit 1
GPID_HITS="$STARTED_PID"
start_geosdi "$MVT_PORT" "$OUT/geosdi-mvt.log" Logging__LogLevel__Default=Warning GEOSDI_Tiles__CacheDirectory= || exit 1
GPID_MVT="$STARTED_PID"
GPID="$GPID_HITS"
{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)  cpu: $(lscpu | sed -n 's/^Model name: *//p')  mem: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "mapserver: $(mapserv -v | head -1)"
  dpkg-query -W -f='${Package} ${Version}\n' mapproxy nginx wrk postgresql-15-postgis-3 libcairo2 2>/dev/null || true
  echo "dotnet: $(dotnet --version 2>/dev/null || echo '?')"
  echo "geosdi: pids hits $GPID_HITS, mvt $GPID_MVT, commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" status --porcelain -- src | grep -q . && echo ' (+ uncommitted changes)')"
  echo "settings: DUR=$DUR WARM=$WARM REPEATS=$REPEATS MAX_ATTEMPTS=$MAX_ATTEMPTS FOREIGN_MAX_S=$FOREIGN_MAX_S"
} > "$OUT/machine.txt" 2>&1

valid_ok=1
if want check; then
  log "checking the answers (first $CHECK_N tiles of every list)"
  (cd "$HERE/tools" && "$PY" check_tiles.py "$CHECK_N" "http://127.0.0.1:$HITS_PORT" "http://127.0.0.1:$MVT_PORT" "$MP_URL" "$MS_URL" \
     "$OUT/validity.md") || valid_ok=0
  grep -E "^All answers valid|FAILED" "$OUT/validity.md" | tee -a "$OUT/run.log"
fi

: > "$OUT/results_all.jsonl"
: > "$OUT/results.jsonl"
run_scenario a_cache_hits \
  "geosdi_xyz|wrk|http://127.0.0.1:$HITS_PORT|$URLS/hits_xyz.txt|geosdi_hits|16" \
  "geosdi_wmts|wrk|http://127.0.0.1:$HITS_PORT|$URLS/hits_wmts.txt|geosdi_hits|16" \
  "mapproxy|wrk|$MP_URL|$SHARED/urls/mapproxy/wmts_cache_hits.txt|mapproxy|16" \
  "nginx|wrk|$MP_URL|$SHARED/urls/nginx-static/static_cache_hits.txt|nginx|16"
run_scenario b_mvt \
  "geosdi|wrk|http://127.0.0.1:$MVT_PORT|$URLS/mvt_z10-14.txt|geosdi_mvt|16" \
  "mapserver|wrk|$MS_URL|$SHARED/urls/mapserver/mvt_z10-14.txt|mapserver|16" \
  "postgis_raw|pgbench|-|$SHARED/tools/pgbench_mvt.sql|none|16"
stop_geosdi "$GPID_MVT"

# ---------------------------------------------------------------------------------------------
# c: cold passes. MapProxy's cache is put back to the files it held before (its seed is nginx's static tiles).
# ---------------------------------------------------------------------------------------------
mp_restore() {  # delete every file MapProxy wrote since the snapshot
  find "$MP_CACHE" -type f -name '*.png' | sort > "$RUN_DIR/mp-now.txt"
  comm -13 "$RUN_DIR/mp-before.txt" "$RUN_DIR/mp-now.txt" | xargs -r rm -f
}
cold_ready() {  # series -> the server is up with an empty cache for the cold tiles
  if [ "$1" = geosdi ]; then
    [ -z "${GPID_COLD:-}" ] || stop_geosdi "$GPID_COLD"
    rm -rf "$RUN_DIR/cache-cold"
    start_geosdi "$COLD_PORT" "$OUT/geosdi-cold.log" Logging__LogLevel__Default=Warning "GEOSDI_Tiles__CacheDirectory=$RUN_DIR/cache-cold" || return 1
    GPID_COLD="$STARTED_PID"
    head -30 "$URLS/hits_xyz.txt" | while read -r u; do curl -s -o /dev/null "http://127.0.0.1:$COLD_PORT$u"; done
  else
    mp_restore
  fi
  local left
  left=$(while read -r z x y; do [ ! -f "$MP_CACHE/$z/$x/$y.png" ] || echo x; done < "$URLS/cold_tiles.txt" | wc -l)
  [ "$1" != mapproxy ] || [ "$left" = 0 ] || { log "MapProxy still holds $left cold tiles"; return 1; }
}
if want c_cold_png; then
  find "$MP_CACHE" -type f -name '*.png' | sort > "$RUN_DIR/mp-before.txt"
  trap 'mp_restore; cleanup' EXIT
  log "scenario c_cold_png: $(wc -l < "$URLS/cold_tiles.txt") tiles, one per meta-tile, 2 series x $REPEATS"
  for rep in $(seq 1 "$REPEATS"); do
    order="geosdi mapproxy"; [ $((rep % 2)) = 0 ] && order="mapproxy geosdi"
    for se in $order; do
      cold_ready "$se" || exit 1
      quiet="$("$PY" "$MONITOR" quiet "$QUIET_MAX_WAIT" "$QUIET_PCT")"
      if [ "$se" = geosdi ]; then base="http://127.0.0.1:$COLD_PORT"; lst="$URLS/cold_xyz.txt"; else base="$MP_URL"; lst="$URLS/cold_mapproxy.txt"; fi
      (cd "$HERE/tools" && "$PY" cold_pass.py "$base" "$lst" 16 c_cold_png "$se" "$rep") > "$OUT/c_cold_png.$se.rep$rep.json"
      "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); r.update(json.loads(sys.argv[2])); r["attempt"]=1; r["attempts"]=1; r["restarted"]=False; print(json.dumps(r))' \
        "$OUT/c_cold_png.$se.rep$rep.json" "$quiet" | tee -a "$OUT/results_all.jsonl" >> "$OUT/results.jsonl"
      "$PY" -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%s tiles/s, %s tiles in %s s, p50 %s ms, p99 %s ms, invalid %s %s" % (r["rps"], r["requests"], r["wall_s"], r["lat_p50_ms"], r["lat_p99_ms"], r["non2xx3xx"], r["problems"]))' \
        "$OUT/c_cold_png.$se.rep$rep.json" | while read -r line; do log "c_cold_png.$se.rep$rep: $line"; done
    done
  done
  stop_geosdi "$GPID_COLD"
  mp_restore
fi
stop_geosdi "$GPID_HITS"

if [ -s "$OUT/results.jsonl" ]; then
  (cd "$HERE/tools" && "$PY" tiles_table.py "$OUT/results.jsonl") > "$OUT/table.md"
  log "results (median of $REPEATS runs):"
  cat "$OUT/table.md"
fi
[ $valid_ok = 1 ] || log "WARNING: the answer check failed: $OUT/validity.md"
log "done in $(( ($(date +%s) - T0) / 60 )) min: $OUT"

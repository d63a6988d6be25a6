#!/usr/bin/env bash
# run-postgis.sh -- OGC API - Features over PostGIS: GeoSDI vs MapServer 8 and QGIS Server 3.22 on the peer
# harness's database `bench` (200,000 parcels), and GeoSDI vs the SQL itself through pgbench; one run.
#
#   bash /work/shared/bench/setup-peers.sh      # once per machine: PostGIS, MapServer :8081, QGIS :8082, ...
#   bash bench/run-postgis.sh [pattern]         # ~25 min; pattern (grep -E) selects steps, e.g. 'bbox|copy'
#
# GeoSDI: this script builds it (BUILD=0: don't), copies the Release output to $RUN_DIR/app (a rebuild cannot
# pull files from under it), starts it on PORT (8090) with bench/conf/postgis.yaml and
# Logging__LogLevel__Default=Warning, and stops it (by PID) at the end. Steps:
#  setup    schema geosdi_bench (owned by role bench): points_1m (1,000,000 points, PK, GiST; created once) and
#           filter_params (the filter list's parameters, reloaded every run); role geosdi_trace (LOGIN, member of
#           bench) whose role settings log every statement and its EXPLAIN ANALYZE (auto_explain) -- needs root
#           (su postgres); nothing of the peers' is changed.
#  capture  a second GeoSDI on TRACE_PORT (8091) connecting as geosdi_trace: tools/capture_sql.py requests
#           bbox, cursor, offset, filter and 1M-table pages and records the SQL, parameters and plans
#           (sql-captured.md), and checks that tools/pgbench_filter_server.sql is exactly that SQL; stopped after.
#  walk     tools/walk_cursor.py follows the next links through db:parcels (limit=1000): the 200 cursor URLs
#           for wrk (urls/geosdi-postgis/items_cursor_limit1000.txt; a changed list is reported)
#  check    tools/check_postgis.py: GeoSDI, MapServer and QGIS answers against PostGIS (counts, ids, vertices)
#  bbox     wrk items?bbox=...&limit=100 (500 canonical bboxes): GeoSDI, MapServer, QGIS
#  page     wrk limit=1000 pages at offsets 0..199,000: GeoSDI by cursor, GeoSDI by offset, MapServer, QGIS
#  filter   items?limit=100&filter=CQL2 (500 filters, 4 kinds, tools/gen_postgis_urls.py) with wrk at 1 and 16
#           clients, and pgbench (-M extended, same clients) on the same parameters: the server's SQL as
#           captured and hand-written SQL (page only, no count); plus pgbench's parameter lookup alone (1 run)
#  copy     ogr2ogr -f GPKG ... OAPIF:... db:geosdi_bench.points_1m -oo PAGE_SIZE=1000 while GeoSDI's VmRSS is
#           sampled every 100 ms (tools/copy_1m.py); checks 1,000,000 features
#  sqlfloor (only with SQLFLOOR=1 or a pattern naming it; ~4 min) pgbench -c16 of GeoSDI's bbox and cursor SQL
#           as sent (tools/pgbench_{bbox,cursor}_server.sql: the page with count(*) OVER ()), as sent before commit
#           2dcfde5 (_twostmt.sql: page + count(*)), the page alone (_page.sql), and the filters' _twostmt.sql
#  logging  GeoSDI restarted with default logging (one Information line per request, to a file): bbox and cursor
#           paging once each, compared with the Warning-level medians
# Every wrk/pgbench measurement, as in the peers' run-bench.sh and run-features.sh: wait for an idle machine,
# WARM s warm-up (discarded), let the server and PostgreSQL finish abandoned requests, then DUR s measured while
# /work/shared/bench/tools/monitor.py samples peak RSS and the CPU split; REPEATS runs per series, the series'
# order alternating between repeats; an attempt with more than FOREIGN_MAX_S CPU-seconds of other processes (or a
# restarted server) is repeated up to MAX_ATTEMPTS times (1 once BUDGET_S seconds have passed), cleanest kept.
# Output: bench/results/postgis-<UTC stamp>/ (table.md, validity.md, sql-captured.md, copy_1m.md, results.jsonl,
# results_all.jsonl, raw wrk/pgbench output, machine.txt, geosdi*.log), bench/results/latest-postgis -> it.
# Knobs: SQLFLOOR=1 SQLFLOOR_REPEATS DUR WARM REPEATS TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS FOREIGN_MAX_S BUDGET_S BUILD PORT
#        TRACE_PORT MS_URL QGIS_URL PG_LOG RUN_DIR BENCH_RUN
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
RUN_DIR="${RUN_DIR:-/var/tmp/geosdi-bench/postgis}"
PORT="${PORT:-8090}"
TRACE_PORT="${TRACE_PORT:-8091}"
export GEOSDI_URL="http://127.0.0.1:$PORT"
export MS_URL="${MS_URL:-http://127.0.0.1:8081}"
export QGIS_URL="${QGIS_URL:-http://127.0.0.1:8082}"
export PGPASSWORD=bench
PG_LOG="${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}"
CONNSTR="Host=127.0.0.1;Port=5432;Database=bench;Username=bench;Password=bench"
PY=python3
BUDGET_S="${BUDGET_S:-1500}"
PATTERN="${1:-.}"
ROTATE="$SHARED/tools/rotate.lua"
MONITOR="$SHARED/tools/monitor.py"
URLS="$HERE/urls/geosdi-postgis"
T0=$(date +%s)

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$HERE/results/postgis-$STAMP"
mkdir -p "$OUT" "$RUN_DIR"
ln -sfn "postgis-$STAMP" "$HERE/results/latest-postgis"
BENCH_NAME=postgis
CONFIG="$HERE/conf/postgis.yaml"
# shellcheck source=lib/harness.sh
source "$HERE/lib/harness.sh"

# ---------------------------------------------------------------------------------------------
# peers up? build, set up the database, start GeoSDI
# ---------------------------------------------------------------------------------------------
for u in "$MS_URL/mapserver/bench/ogcapi/collections/parcels/items?f=json&limit=1" "$QGIS_URL/qgis/wfs3/collections/parcels/items.geojson?limit=1"; do
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

log "database: schema geosdi_bench, points_1m, filter_params, bbox_params"
psqlb -c "CREATE SCHEMA IF NOT EXISTS geosdi_bench" 2>/dev/null
if [ "$(psqlb -c "SELECT count(*) FROM geosdi_bench.points_1m" 2>/dev/null || echo 0)" != 1000000 ] \
   || [ "$(psqlb -c "SELECT count(*) FROM pg_indexes WHERE schemaname = 'geosdi_bench' AND tablename = 'points_1m'")" != 2 ]; then
  log "creating geosdi_bench.points_1m (1,000,000 points, deterministic: bench_rnd from data.sql)"
  psqlb <<'SQL' | tee -a "$OUT/run.log"
SET max_parallel_workers_per_gather = 0;
DROP TABLE IF EXISTS geosdi_bench.points_1m;
CREATE TABLE geosdi_bench.points_1m AS
SELECT g AS id,
       'P' || lpad(g::text, 7, '0') AS code,
       (ARRAY['air','water','soil','weather','hydro','groundwater'])[1 + floor(bench_rnd(g, 41) * 6)::int] AS kind,
       round((bench_rnd(g, 42) * 100)::numeric, 2)::float8 AS value,
       timestamptz '2024-01-01 00:00:00+07' + bench_rnd(g, 43) * interval '365 days' AS observed_at,
       ST_SetSRID(ST_MakePoint(102.2 + bench_rnd(g, 44) * 7.2, 8.6 + bench_rnd(g, 45) * 14.7), 4326)::geometry(Point, 4326) AS geom
FROM generate_series(1, 1000000) g;
ALTER TABLE geosdi_bench.points_1m ADD PRIMARY KEY (id);
CREATE INDEX points_1m_geom_gix ON geosdi_bench.points_1m USING gist (geom);
VACUUM ANALYZE geosdi_bench.points_1m;
SELECT 'points_1m: ' || count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('geosdi_bench.points_1m')) FROM geosdi_bench.points_1m;
SQL
fi
"$PY" "$HERE/tools/gen_postgis_urls.py" | tee -a "$OUT/run.log"
for f in filter_params bbox_params; do
  psqlb -f "$URLS/$f.sql" > /dev/null 2>&1 || { log "cannot load $URLS/$f.sql"; exit 1; }
done
if [ "$(id -u)" = 0 ]; then
  (cd /tmp && su postgres -c "psql -XAtq -d bench -v ON_ERROR_STOP=1" <<'SQL') >> "$OUT/run.log" 2>&1 || log "WARNING: could not set up role geosdi_trace"
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'geosdi_trace') THEN
    CREATE ROLE geosdi_trace LOGIN PASSWORD 'geosdi_trace' IN ROLE bench;
  END IF;
END $$;
ALTER ROLE geosdi_trace SET max_parallel_workers_per_gather = 0;   -- as role bench
ALTER ROLE geosdi_trace SET log_min_duration_statement = 0;
ALTER ROLE geosdi_trace SET session_preload_libraries = 'auto_explain';
ALTER ROLE geosdi_trace SET auto_explain.log_min_duration = 0;
ALTER ROLE geosdi_trace SET auto_explain.log_analyze = on;
ALTER ROLE geosdi_trace SET auto_explain.log_buffers = on;
SQL
fi

log "starting GeoSDI on :$PORT (Warning logging)"
start_geosdi "$PORT" "$OUT/geosdi.log" Logging__LogLevel__Default=Warning || exit 1
GPID="$STARTED_PID"
log "GeoSDI pid $GPID, build $(stat -c %y "$RUN_DIR/app/GeoServer.Host.dll" | cut -c1-19)"

{
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
  echo "mem: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "kernel: $(uname -r)"
  echo "debian: $(cat /etc/debian_version)"
  echo "mapserver: $(mapserv -v | head -1)"
  dpkg-query -W -f='${Package} ${Version}\n' qgis-server nginx wrk postgresql-15 postgresql-15-postgis-3 gdal-bin 2>/dev/null || true
  echo "dotnet: $(dotnet --version 2>/dev/null || echo '?')"
  echo "postgres: $(psqlb -c 'SELECT version()')"
  echo "postgis: $(psqlb -c 'SELECT postgis_lib_version()')"
  echo "pg settings: $(psqlb -c "SELECT string_agg(name||'='||setting, ' ') FROM pg_settings WHERE name IN ('shared_buffers','work_mem','effective_cache_size','max_connections','jit','max_parallel_workers_per_gather','random_page_cost')")"
  echo "role bench settings: $(psqlb -c "SELECT rolconfig FROM pg_roles WHERE rolname = 'bench'")"
  echo "dataset: $(psqlb -c "SELECT string_agg(t || '=' || n, ' ') FROM (SELECT 'parcels' t, count(*) n FROM parcels UNION ALL SELECT 'points_1m', count(*) FROM geosdi_bench.points_1m) s")"
  echo "geosdi: pid $GPID $(tr '\0' ' ' < /proc/$GPID/cmdline), build $(stat -c %y "$RUN_DIR/app/GeoServer.Host.dll")"
  echo "geosdi commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$REPO" status --porcelain 2>/dev/null | grep -q . && echo ' (+ uncommitted changes)')"
  echo "mapserver workers: $(tr '\n' ' ' < "$PEERS_RUN/mapserv.pids") qgis workers: $(tr '\n' ' ' < "$PEERS_RUN/qgis.pids")"
  echo "settings: DUR=$DUR WARM=$WARM REPEATS=$REPEATS TIMEOUT=$TIMEOUT MAX_ATTEMPTS=$MAX_ATTEMPTS FOREIGN_MAX_S=$FOREIGN_MAX_S BUDGET_S=$BUDGET_S"
} > "$OUT/machine.txt" 2>&1

# ---------------------------------------------------------------------------------------------
# the SQL the server sends (traced second instance), the cursor list, the answers
# ---------------------------------------------------------------------------------------------
if want capture && [ -r "$PG_LOG" ]; then
  log "capturing GeoSDI's SQL (role geosdi_trace, port $TRACE_PORT)"
  if start_geosdi "$TRACE_PORT" "$OUT/geosdi-trace.log" Logging__LogLevel__Default=Warning \
        "GEOSDI_Workspaces__db__Stores__postgis__ConnectionString=Host=127.0.0.1;Port=5432;Database=bench;Username=geosdi_trace;Password=geosdi_trace"; then
    TPID="$STARTED_PID"
    # the cursor list must exist for the capture; the walk below re-checks it on the measured instance
    [ -s "$URLS/items_cursor_limit1000.txt" ] || "$PY" "$HERE/tools/walk_cursor.py" "http://127.0.0.1:$TRACE_PORT" \
        '/ogc/collections/db:parcels/items?limit=1000' "$URLS/items_cursor_limit1000.txt" 200000 > /dev/null
    "$PY" "$HERE/tools/capture_sql.py" "$OUT" "http://127.0.0.1:$TRACE_PORT" "$PG_LOG" > "$OUT/sql-summary.md" \
      || log "WARNING: the SQL capture found problems (see sql-summary.md)"
    cat "$OUT/sql-summary.md"
    stop_geosdi "$TPID"
  fi
fi

if want walk || want page || want check; then
  log "walking db:parcels by its next links (limit=1000)"
  walk="$("$PY" "$HERE/tools/walk_cursor.py" "$GEOSDI_URL" '/ogc/collections/db:parcels/items?limit=1000' "$OUT/items_cursor_limit1000.txt" 200000)" \
    || log "WARNING: the cursor walk found problems"
  log "walk: $walk"
  if [ -s "$URLS/items_cursor_limit1000.txt" ] && ! cmp -s "$OUT/items_cursor_limit1000.txt" "$URLS/items_cursor_limit1000.txt"; then
    log "WARNING: the walked cursor list differs from urls/geosdi-postgis/items_cursor_limit1000.txt: using (and storing) the new one"
  fi
  cp "$OUT/items_cursor_limit1000.txt" "$URLS/items_cursor_limit1000.txt"
fi

valid_ok=1
if want check; then
  log "checking answers against PostGIS (GeoSDI, MapServer, QGIS)"
  "$PY" "$HERE/tools/check_postgis.py" "$OUT" 20 > "$OUT/validity.md" || valid_ok=0
  cat "$OUT/validity.md"
  [ $valid_ok = 1 ] || log "WARNING: GeoSDI's answers failed a check (validity.md)"
fi

# ---------------------------------------------------------------------------------------------
# measurements. series: scenario|series|tool|base url|list or script|pid spec|connections
# ---------------------------------------------------------------------------------------------
: > "$OUT/results_all.jsonl"
: > "$OUT/results.jsonl"


run_scenario bbox100 \
  "geosdi|wrk|$GEOSDI_URL|$URLS/items_bbox_limit100.txt|geosdi|16" \
  "mapserver|wrk|$MS_URL|$SHARED/urls/mapserver/items_bbox_limit100.txt|mapserver|16" \
  "qgis|wrk|$QGIS_URL|$SHARED/urls/qgis/items_bbox_limit100.txt|qgis|16"

run_scenario page1000 \
  "geosdi-cursor|wrk|$GEOSDI_URL|$URLS/items_cursor_limit1000.txt|geosdi|16" \
  "geosdi-offset|wrk|$GEOSDI_URL|$URLS/items_offset_limit1000.txt|geosdi|16" \
  "mapserver|wrk|$MS_URL|$SHARED/urls/mapserver/items_offset_limit1000.txt|mapserver|16" \
  "qgis|wrk|$QGIS_URL|$SHARED/urls/qgis/items_offset_limit1000.txt|qgis|16"

for c in 1 16; do
  run_scenario "filter100_c$c" \
    "geosdi|wrk|$GEOSDI_URL|$URLS/items_filter_limit100.txt|geosdi|$c" \
    "pgbench-server|pgbench|-|$HERE/tools/pgbench_filter_server.sql|none|$c" \
    "pgbench-hand|pgbench|-|$HERE/tools/pgbench_filter_hand.sql|none|$c"
  if want "filter100_c$c"; then
    measure "filter_lookup_c$c" pgbench-lookup pgbench - "$HERE/tools/pgbench_filter_lookup.sql" none "$c" 1 10
  fi
done

# ---------------------------------------------------------------------------------------------
# sqlfloor (SQLFLOOR=1, or a pattern naming it): what PostgreSQL alone does with GeoSDI's bbox, cursor and filter
# SQL: as sent now (one statement, count(*) OVER ()), as sent before 2dcfde5 (page + count(*)), and the page alone;
# pgbench -c16, SQLFLOOR_REPEATS (1) runs each
# ---------------------------------------------------------------------------------------------
if [ "${SQLFLOOR:-0}" = 1 ] || echo "$PATTERN" | grep -q sqlfloor; then
  for rep in $(seq 1 "${SQLFLOOR_REPEATS:-1}"); do
    for v in server twostmt page; do
      measure sqlfloor_bbox "pgbench-$v" pgbench - "$HERE/tools/pgbench_bbox_$v.sql" none 16 "$rep"
    done
    for v in server twostmt page; do
      measure sqlfloor_cursor "pgbench-$v" pgbench - "$HERE/tools/pgbench_cursor_$v.sql" none 16 "$rep"
    done
    measure sqlfloor_filter pgbench-twostmt pgbench - "$HERE/tools/pgbench_filter_twostmt.sql" none 16 "$rep"
  done
fi

# ---------------------------------------------------------------------------------------------
# 1,000,000 features end to end with GDAL, GeoSDI's memory sampled every 100 ms
# ---------------------------------------------------------------------------------------------
copy_ok=1
if want copy; then
  log "ogr2ogr copy of db:geosdi_bench.points_1m (PAGE_SIZE=1000), GeoSDI pid $GPID"
  "$PY" "$MONITOR" quiet "$QUIET_MAX_WAIT" "$QUIET_PCT" > "$OUT/copy_1m.quiet.json"
  "$PY" "$HERE/tools/copy_1m.py" "$OUT" "$GPID" "$GEOSDI_URL" db:geosdi_bench.points_1m 1000000 1000 > "$OUT/copy_1m.md" || copy_ok=0
  cat "$OUT/copy_1m.md"
  [ $copy_ok = 1 ] || log "WARNING: the 1M copy reported problems"
fi

# ---------------------------------------------------------------------------------------------
# default logging (one Information line per request, to a file): once, bbox and cursor paging
# ---------------------------------------------------------------------------------------------
if want logging; then
  log "restarting GeoSDI with default logging"
  stop_geosdi "$GPID"
  start_geosdi "$PORT" "$OUT/geosdi-defaultlog.log" || exit 1
  GPID="$STARTED_PID"
  measure bbox100_defaultlog geosdi-defaultlog wrk "$GEOSDI_URL" "$URLS/items_bbox_limit100.txt" geosdi 16 1
  measure page1000_defaultlog geosdi-defaultlog wrk "$GEOSDI_URL" "$URLS/items_cursor_limit1000.txt" geosdi 16 1
  log "request log lines written: $(grep -c 'GET /ogc' "$OUT/geosdi-defaultlog.log" || true), $(du -h "$OUT/geosdi-defaultlog.log" | cut -f1) (gzipped)"
  gzip -f "$OUT/geosdi-defaultlog.log"
fi
stop_geosdi "$GPID"

if [ -s "$OUT/results.jsonl" ]; then
  "$PY" "$HERE/tools/postgis_table.py" "$OUT/results.jsonl" "$OUT/copy_1m.json" > "$OUT/table.md"
  log "results (median of $REPEATS runs of ${DUR}s):"
  cat "$OUT/table.md"
fi
[ $valid_ok = 1 ] || log "WARNING: GeoSDI's answers failed a check: $OUT/validity.md"
log "done in $(( ($(date +%s) - T0) / 60 )) min: $OUT"

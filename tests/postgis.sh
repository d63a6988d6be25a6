#!/usr/bin/env bash
# tests/postgis.sh — a throwaway PostgreSQL 15 + PostGIS 3 cluster for the tests, on loopback only.
#
#   bash tests/postgis.sh start    start it (initdb and load the samples the first time); prints the export line
#   bash tests/postgis.sh env      print the export line of a running cluster:  eval "$(bash tests/postgis.sh env)"
#   bash tests/postgis.sh stop     stop it, keeping its data for a fast next start
#   bash tests/postgis.sh destroy  stop it and delete its data
#   bash tests/postgis.sh status
#
# The cluster listens on 127.0.0.1:${GEOSDI_PG_PORT:-55432} (never the machine's own 5432 cluster), keeps its data
# and socket in ${GEOSDI_PG_DIR:-/tmp/geosdi-postgis-PORT}, trusts local connections (superuser "geosdi") and
# runs with fsync off: it holds nothing but copies of data-samples/. Run as root, the server runs as "postgres"
# (initdb refuses root). Database geosdi_test holds every table of every sample GeoPackage, loaded by ogr2ogr
# with the same rows, the same fids as integer primary keys (column "fid") and geometry column "geom": one
# schema per file (base, marine, geology, envmon, land), so tables publish as "base.populated_places" and so on.
# The samples are reloaded only when their checksum changes (kept as the database's comment).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${GEOSDI_PG_PORT:-55432}"
DIR="${GEOSDI_PG_DIR:-/tmp/geosdi-postgis-$PORT}"
PGDATA_DIR="$DIR/data"
DB=geosdi_test
SUPERUSER=geosdi
PG_VERSION=15
BIN="/usr/lib/postgresql/$PG_VERSION/bin"
SAMPLES=(base marine geology envmon land)
PACKAGES=("postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" gdal-bin)
CONNECTION="Host=127.0.0.1;Port=$PORT;Database=$DB;Username=$SUPERUSER"

say() { echo "postgis.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# Runs a server-side command as the cluster's owner: "postgres" when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_db() { PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$SUPERUSER" "$@"; }

need_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    # The Debian package creates and starts its own 5432 cluster only when none exists; ours is separate.
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing packages; run: sudo apt-get install -y ${missing[*]}"
  fi
}

running() { [ -f "$PGDATA_DIR/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

init_cluster() {
  say "creating a cluster in $PGDATA_DIR"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DIR"
  as_owner "$BIN/initdb" -D "$PGDATA_DIR" -U "$SUPERUSER" --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  cat >>"$PGDATA_DIR/postgresql.conf" <<CONF
# tests/postgis.sh: loopback only, own socket folder, no durability (the data are copies of data-samples/).
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
timezone = 'UTC'
logging_collector = off
CONF
}

start_server() {
  as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$DIR/server.log" -w -t 60 start >/dev/null \
    || { tail -20 "$DIR/server.log" >&2 || true; die "the server did not start (log: $DIR/server.log)"; }
}

samples_checksum() {
  { cat "$0"; for s in "${SAMPLES[@]}"; do cat "$ROOT/data-samples/$s.gpkg"; done; } | sha256sum | cut -c1-64
}

load_samples() {
  local checksum current
  checksum="samples $(samples_checksum)"
  current="$(psql_db -d postgres -At -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$DB'")"
  if [ "$current" = "$checksum" ]; then return 0; fi
  say "loading data-samples/ into database $DB"
  psql_db -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  psql_db -d "$DB" -c "CREATE EXTENSION postgis" \
    -c "CREATE SCHEMA $(IFS=,; echo "${SAMPLES[*]}" | sed 's/,/; CREATE SCHEMA /g')"
  local pids=() s
  for s in "${SAMPLES[@]}"; do
    # -preserve_fid keeps the GeoPackage fids, which become the tables' integer primary keys.
    PGCLIENTENCODING=UTF8 ogr2ogr -f PostgreSQL \
      "PG:host=127.0.0.1 port=$PORT dbname=$DB user=$SUPERUSER" "$ROOT/data-samples/$s.gpkg" \
      -preserve_fid -lco SCHEMA="$s" -lco FID=fid -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST \
      --config PG_USE_COPY YES \
    && PGCLIENTENCODING=UTF8 ogr2ogr -f PostgreSQL \
      "PG:host=127.0.0.1 port=$PORT dbname=$DB user=$SUPERUSER" "$ROOT/data-samples/$s.gpkg" \
      -sql "SELECT table_name, identifier, description FROM gpkg_contents" -nln "$s.geosdi_contents" &
    pids+=($!)
  done
  local failed=0 pid
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ "$failed" -eq 0 ] || die "ogr2ogr failed to load the samples"
  # Each table's comment: the GeoPackage identifier, which the store reads as the title (first line), then the
  # GeoPackage description.
  psql_db -d "$DB" <<'SQL'
DO $$
DECLARE s text; t record;
BEGIN
  FOR s IN SELECT c.relnamespace::regnamespace::text FROM pg_class c WHERE c.relname = 'geosdi_contents' LOOP
    FOR t IN EXECUTE format('SELECT table_name, identifier, description FROM %I.geosdi_contents', s) LOOP
      EXECUTE format('COMMENT ON TABLE %I.%I IS %L', s, t.table_name,
        concat_ws(E'\n', nullif(t.identifier, ''), nullif(t.description, '')));
    END LOOP;
    EXECUTE format('DROP TABLE %I.geosdi_contents', s);
  END LOOP;
END $$;
SQL
  psql_db -d "$DB" -c "ANALYZE" -c "COMMENT ON DATABASE $DB IS '$checksum'"
}

start() {
  need_packages
  local t0=$SECONDS
  [ -f "$PGDATA_DIR/PG_VERSION" ] || init_cluster
  running || start_server
  load_samples
  say "PostGIS ready on 127.0.0.1:$PORT in $((SECONDS - t0)) s"
  print_env
}

stop() {
  if running; then as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null; say "stopped"; fi
}

print_env() { echo "export GEOSDI_TEST_POSTGRES='$CONNECTION'"; }

case "${1:-}" in
  start) start ;;
  env) running || die "not running; start it with: bash tests/postgis.sh start"; print_env ;;
  stop) stop ;;
  destroy) stop; rm -rf "$DIR"; say "deleted $DIR" ;;
  status) if running; then say "running on 127.0.0.1:$PORT ($PGDATA_DIR)"; else say "not running"; exit 3; fi ;;
  *) echo "usage: bash tests/postgis.sh start|env|stop|destroy|status" >&2; exit 2 ;;
esac

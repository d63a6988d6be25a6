#!/usr/bin/env bash
# setup-mapserver-samples.sh -- make the peers' MapServer 8 (nginx on 127.0.0.1:8081, FastCGI workers started by
# /work/shared/bench/setup-peers.sh) also serve the sample GeoPackages as the map alias "samples":
#   http://127.0.0.1:8081/mapserver/samples/ogcapi/collections/populated_places/items?f=json&bbox=...
#
# How: MapServer 8 only serves maps named in its CONFIG file (MAPS section), and the peers' workers read
# $BENCH_RUN/mapserver.conf, which only knows "bench". We do not touch /work/shared nor the peers' runtime files:
#   1. render our own CONFIG, $FEATURES_RUN/mapserver.conf = the shared template rendered exactly as
#      setup-peers.sh does (same ENV, same "bench" alias) + one alias: samples -> bench/conf/samples.map;
#   2. restart the peers' MapServer workers (same spawn-fcgi socket, user, worker count and pid file as
#      setup-peers.sh) with MAPSERVER_CONFIG_FILE pointing at our CONFIG.
# nginx is untouched (its /mapserver location already forwards any PATH_INFO to the workers). The "bench" map is
# served exactly as before, so the peers' own run-bench.sh is unaffected. setup-peers.sh can still be re-run: it
# sees live workers in its pid file and keeps them; if it ever restarts them (e.g. PG_PARALLEL change) they lose
# the "samples" alias and this script (run by run-features.sh) puts it back.
# Idempotent: does nothing when the alias already answers.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED="${SHARED_BENCH:-/work/shared/bench}"
PEERS_RUN="${BENCH_RUN:-/var/tmp/bench-peers}"
RUN="${FEATURES_RUN:-/var/tmp/geosdi-bench}"
MS="${MS_URL:-http://127.0.0.1:8081}"
PROBE="$MS/mapserver/samples/ogcapi/collections/populated_places?f=json"

log() { echo "[ms-samples $(date +%H:%M:%S)] $*"; }
# MapServer reports errors (e.g. unknown map alias) as HTTP 200 text/html: require a JSON answer
ok() { [ "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' --max-time 30 "$PROBE")" = "200 application/json" ]; }

if ok && [ "${FORCE:-0}" != 1 ]; then
  log "MapServer already serves the samples map ($PROBE)"
  exit 0
fi

[ -s "$PEERS_RUN/mapserv.pids" ] || { log "no $PEERS_RUN/mapserv.pids: run bash $SHARED/setup-peers.sh first"; exit 1; }
workers="$(wc -w < "$PEERS_RUN/mapserv.pids")"

# the workers run as www-data: they must be able to read the mapfile and the GeoPackages in place
if ! runuser -u www-data -- test -r "$HERE/conf/samples.map" || \
   ! runuser -u www-data -- test -r "$HERE/../data-samples/base.gpkg"; then
  log "www-data cannot read $HERE/conf/samples.map or $HERE/../data-samples/*.gpkg"; exit 1
fi

# 1. our CONFIG: the shared one + the "samples" alias
mkdir -p "$RUN"
sed -e "s#@RUN@#$PEERS_RUN#g" -e "s#@BENCH@#$SHARED#g" "$SHARED/conf/mapserver.conf.in" \
  | sed -e "1i # rendered by $HERE/setup-mapserver-samples.sh: the peers' CONFIG + the alias \"samples\"" \
        -e "/^  MAPS/a\\    samples \"$HERE/conf/samples.map\"" > "$RUN/mapserver.conf"
grep -q "samples \"$HERE/conf/samples.map\"" "$RUN/mapserver.conf" || { log "could not add the alias"; exit 1; }

# 2. restart the peers' workers with it (stop like setup-peers.sh does: only the PIDs of its pid file)
log "restarting the $workers MapServer FastCGI workers with $RUN/mapserver.conf"
pids="$(cat "$PEERS_RUN/mapserv.pids")"
for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
for i in $(seq 1 25); do
  any=0; for p in $pids; do kill -0 "$p" 2>/dev/null && any=1; done
  [ $any = 0 ] && break; sleep 0.2
done
for p in $pids; do kill -0 "$p" 2>/dev/null && kill -KILL "$p"; done   # mapserv acts on TERM only after a request
rm -f "$PEERS_RUN/mapserv.pids" "$PEERS_RUN/mapserv.sock"
(cd "$PEERS_RUN" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 MAPSERVER_CONFIG_FILE="$RUN/mapserver.conf" \
   spawn-fcgi -s "$PEERS_RUN/mapserv.sock" -M 0660 -U www-data -G www-data -u www-data -g www-data \
              -F "$workers" -P "$PEERS_RUN/mapserv.pids" -- /usr/bin/mapserv)

for i in $(seq 1 50); do ok && break; sleep 0.2; done
ok || { log "FAIL: $PROBE does not answer 200 application/json"; exit 1; }
curl -s -o /dev/null -w "  ok   bench map still served: %{http_code}\n" "$MS/mapserver/bench/ogcapi/collections?f=json"
log "ok: $MS/mapserver/samples/ogcapi/collections?f=json"

#!/usr/bin/env bash
# lib/harness.sh -- the measuring machinery run-postgis.sh, run-wms.sh and run-features.sh share; sourced, not run.
# The caller sets: HERE REPO OUT PATTERN PORT RUN_DIR PEERS_RUN CONFIG (GeoSDI config file) BENCH_NAME (log prefix)
#   [THREADS (wrk threads, 2)]
#   PY MONITOR ROTATE BUDGET_S T0 (DUR WARM REPEATS TIMEOUT QUIET_MAX_WAIT QUIET_PCT MAX_ATTEMPTS FOREIGN_MAX_S
#   default below),
#   and GPID (the measured GeoSDI) once started.
# Every measurement: wait for an idle machine, WARM s warm-up (discarded), let the servers finish abandoned requests,
# then DUR s measured while monitor.py samples peak RSS and the CPU split; an attempt during which other processes
# used more than FOREIGN_MAX_S CPU-seconds (or the server restarted) is repeated up to MAX_ATTEMPTS times (1 once
# BUDGET_S seconds have passed), the cleanest kept; REPEATS rounds per scenario, the order alternating.
# A script may redefine pids_of (series' pid spec -> what monitor.py takes) after sourcing (run-features.sh does).

# The measuring knobs every script shares; a script or the environment may set any of them first.
: "${DUR:=20}" "${WARM:=5}" "${REPEATS:=3}" "${TIMEOUT:=60s}" "${QUIET_MAX_WAIT:=240}" "${QUIET_PCT:=15}"
: "${MAX_ATTEMPTS:=3}" "${FOREIGN_MAX_S:=2.0}"

log() { echo "[$BENCH_NAME $(date +%H:%M:%S)] $*" | tee -a "$OUT/run.log"; }
want() { echo "$1" | grep -qE "$PATTERN"; }
psqlb() { psql -h 127.0.0.1 -U bench -d bench -XAtq -v ON_ERROR_STOP=1 "$@"; }
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# ---------------------------------------------------------------------------------------------
# GeoSDI processes of our own: started here, stopped by PID
# ---------------------------------------------------------------------------------------------
STARTED_PID=""
cleanup() { for p in $(cat "$OUT/started.pids" 2>/dev/null); do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start_geosdi() {  # port logfile [env assignments...] -> STARTED_PID, once the collections list answers
  local port="$1" logf="$2" pid i; shift 2
  STARTED_PID=""
  [ -z "$(pid_on "$port")" ] || { log "port $port is taken by pid $(pid_on "$port"): stop it or set PORT/TRACE_PORT"; return 1; }
  (cd "$REPO" && exec env "$@" dotnet "$RUN_DIR/app/GeoServer.Host.dll" serve --port "$port" \
      --config "$CONFIG") > "$logf" 2>&1 &
  pid=$!
  echo "$pid" >> "$OUT/started.pids"
  for i in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/ogc/collections")" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { log "GeoSDI on :$port exited: $(tail -5 "$logf")"; return 1; }
    sleep 0.5
  done
  [ "$(pid_on "$port")" = "$pid" ] || { log "GeoSDI on :$port: listening pid $(pid_on "$port") is not $pid"; return 1; }
  STARTED_PID="$pid"
}
stop_geosdi() { kill "$1" 2>/dev/null || true; for i in $(seq 1 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; }

attempts_now() { [ $(( $(date +%s) - T0 )) -lt "$BUDGET_S" ] && echo "$MAX_ATTEMPTS" || echo 1; }
pids_of() {  # pid spec -> what monitor.py takes
  case "$1" in
    geosdi) echo "$GPID" ;;
    mapserver) echo "$PEERS_RUN/mapserv.pids" ;;
    qgis) echo "$PEERS_RUN/qgis.pids" ;;
    *) echo none ;;
  esac
}
ident_of() { case "$1" in geosdi) pid_on "$PORT" ;; mapserver) tr '\n' ' ' < "$PEERS_RUN/mapserv.pids" ;; qgis) tr '\n' ' ' < "$PEERS_RUN/qgis.pids" ;; *) echo none ;; esac; }

run_load() {  # tool base list conn dur outfile [--latency]; threads (wrk -t, pgbench -j): min(conn, THREADS (2))
  local tool="$1" base="$2" lst="$3" conn="$4" dur="$5" outf="$6" thr="${THREADS:-2}"
  [ "$conn" -ge "$thr" ] || thr="$conn"
  if [ "$tool" = wrk ]; then
    wrk -t"$thr" -c"$conn" -d"${dur}s" --timeout "$TIMEOUT" ${7:-} -s "$ROTATE" "$base" -- "$lst" > "$outf" 2>&1 || true
  else
    (cd "$(dirname "$outf")" && pgbench -h 127.0.0.1 -U bench -n -M extended -f "$lst" -c "$conn" -j "$thr" \
        -T "$dur" --random-seed=42 ${7:+-l --log-prefix="${outf%.txt}.pgblog"} bench) > "$outf" 2>&1 || true
  fi
}

measure() {  # scenario series tool base list pidspec conn rep [dur]
  local sc="$1" se="$2" tool="$3" base="$4" lst="$5" ps="$6" conn="$7" rep="$8" dur="${9:-$DUR}" t attempt max pids before quiet mon restarted
  max="$(attempts_now)"
  for attempt in $(seq 1 "$max"); do
    t="$sc.$se.rep$rep.try$attempt"
    pids="$(pids_of "$ps")"
    before="$(ident_of "$ps")"
    quiet="$("$PY" "$MONITOR" quiet "$QUIET_MAX_WAIT" "$QUIET_PCT")"
    run_load "$tool" "$base" "$lst" "$conn" "$WARM" "$OUT/$t.warmup.txt"
    "$PY" "$MONITOR" drain 120 "$pids" > /dev/null
    "$PY" "$MONITOR" window "$((dur + 1))" "$pids" > "$OUT/$t.monitor.json" &
    mon=$!
    run_load "$tool" "$base" "$lst" "$conn" "$dur" "$OUT/$t.txt" --latency
    wait "$mon" || true
    restarted=0; [ "$before" = "$(ident_of "$ps")" ] || restarted=1
    "$PY" - "$sc" "$se" "$tool" "$conn" "$rep" "$attempt" "$lst" "$OUT/$t.txt" "$OUT/$t.monitor.json" "$quiet" "$restarted" \
        >> "$OUT/results_all.jsonl" <<'PYEOF'
import glob, json, re, sys
sc, se, tool, conn, rep, attempt, lst, outf, monf, quiet, restarted = sys.argv[1:12]
rec = {"scenario": sc, "series": se, "tool": tool, "conn": int(conn), "rep": int(rep), "attempt": int(attempt),
       "list": lst, "restarted": restarted == "1"}
text = open(outf).read()
if tool == "wrk":
    for line in text.split("\n"):
        if line.startswith("RESULT_JSON "):
            rec.update(json.loads(line[len("RESULT_JSON "):]))
else:
    lat = []
    for fn in glob.glob(outf[:-4] + ".pgblog.*"):
        for line in open(fn):
            p = line.split()
            if len(p) >= 3:
                lat.append(int(p[2]) / 1000.0)
    lat.sort()
    m = re.search(r"tps = ([0-9.]+)", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    rec.update({"requests": len(lat), "rps": float(m.group(1)) if m else None, "bytes": None,
                "lat_mean_ms": round(sum(lat) / len(lat), 2) if lat else None,
                "lat_p50_ms": round(lat[len(lat) // 2], 2) if lat else None,
                "lat_p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 2) if lat else None,
                "lat_max_ms": round(lat[-1], 2) if lat else None,
                "non2xx3xx": int(failed.group(1)) if failed else (0 if m else 1),
                "err_timeout": 0, "err_connect": 0, "err_read": 0, "err_write": 0})
    if not m:
        rec["error"] = text[-500:]
try:
    rec.update(json.load(open(monf)))
except Exception as e:
    rec["monitor_error"] = str(e)
rec.update(json.loads(quiet))
print(json.dumps(rec))
PYEOF
    rm -f "$OUT/$t".pgblog.*
    tail -1 "$OUT/results_all.jsonl" | "$PY" -c 'import json,sys; r=json.load(sys.stdin); print("%s req/s, p50 %s ms, p99 %s ms, non2xx %s, socket errors %s, peak RSS %s MiB, CPU server %s s, pg %s s, foreign %s s" % (r.get("rps"), r.get("lat_p50_ms"), r.get("lat_p99_ms"), r.get("non2xx3xx"), sum(r.get(k) or 0 for k in ("err_connect","err_read","err_write","err_timeout")), r.get("rss_peak_sum_mib"), r.get("cpu_server_s"), r.get("cpu_pg_bench_s"), r.get("cpu_other_s")))' \
      | while read -r line; do log "$t: $line"; done
    [ $restarted = 0 ] || log "$t: the server was restarted during the measurement"
    tail -1 "$OUT/results_all.jsonl" | "$PY" -c "import json,sys; r=json.load(sys.stdin); sys.exit(0 if (r.get('cpu_other_s') or 0) <= $FOREIGN_MAX_S and not r['restarted'] else 1)" && break
    [ "$attempt" -lt "$max" ] && log "$t: other processes used the CPU or the server restarted -> retry" \
      || log "$t: other processes used the CPU or the server restarted (no attempts left: kept the cleanest)"
  done
  "$PY" - "$sc" "$se" "$rep" "$OUT/results_all.jsonl" >> "$OUT/results.jsonl" <<'PYEOF'
import json, sys
sc, se, rep, allf = sys.argv[1:5]
rs = [json.loads(l) for l in open(allf) if l.strip()]
rs = [r for r in rs if r["scenario"] == sc and r["series"] == se and r["rep"] == int(rep)]
best = min(rs, key=lambda r: (r["restarted"], r.get("cpu_other_s") or 0.0))
best["attempts"] = len(rs)
print(json.dumps(best))
PYEOF
}

run_scenario() {  # scenario, then series specs "series|tool|base|list|pidspec|conn": REPEATS rounds, order alternating
  local sc="$1" rep i n; shift
  local specs=("$@")
  want "$sc" || return 0
  n=${#specs[@]}
  log "scenario $sc: ${n} series x $REPEATS"
  for rep in $(seq 1 "$REPEATS"); do
    for i in $(seq 0 $((n - 1))); do
      local k=$i
      [ $((rep % 2)) = 0 ] && k=$((n - 1 - i))
      IFS='|' read -r se tool base lst ps conn <<< "${specs[$k]}"
      measure "$sc" "$se" "$tool" "$base" "$lst" "$ps" "$conn" "$rep"
    done
  done
}

#!/usr/bin/env python3
"""Streaming-memory check: GeoSDI's resident memory while it serves limit=1000 GeoJSON pages of a small and of a
34x larger layer. If pages are streamed (not built in memory, not preceded by loading the layer), the peak RSS
while paging the 160,560-row vn:observations is about the same as while paging the 4,806-row vn:populated_places.

usage: stream_memory.py OUT_DIR PID [GEOSDI_URL [NAME]]      -> OUT_DIR/NAME.json (default memory.json)
  PID: the GeoSDI process (the one listening on the port; run-features.sh finds it with ss -ltnp).

VmRSS of PID is sampled every 50 ms from /proc/PID/status during these phases, in this order:
  idle            2 s, nothing requested
  walk places     follow rel="next" from /items?limit=1000 through the whole vn:populated_places, 3 times
  walk obs        follow rel="next" from /items?limit=1000 through the whole vn:observations (161 pages)
  wrk places 1    wrk -t2 -c16, 10 s, limit=1000 pages at offsets 0..4000 of vn:populated_places
  wrk obs 1       wrk -t2 -c16, 10 s, limit=1000 pages at offsets 0..160000 of vn:observations
  wrk places 2, wrk obs 2   the same again (round 1 also holds the server's warm-up growth: JIT, pools, GC heap)
  idle after      5 s
The walks also check the answers: every page a FeatureCollection of <= 1000 features, ids unique across the
walk, total = the layer's row count (read from the GeoPackage), no geometry for observations.
Prints a markdown table (RSS start / peak / end per phase) and writes OUT_DIR/NAME.json.
"""
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(BENCH), "data-samples")
ROTATE = os.path.join(os.environ.get("SHARED_BENCH", "/work/shared/bench"), "tools", "rotate.lua")
WRK_S = int(os.environ.get("MEM_WRK_S", "10"))
LAYERS = {  # collection id -> (gpkg, table, has geometry)
    "vn:populated_places": ("base.gpkg", "populated_places", True),
    "vn:observations": ("envmon.gpkg", "observations", False),
}


def status_kb(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Sampler(threading.Thread):
    """VmRSS every 50 ms, so that short peaks during a page are seen"""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], False

    def run(self):
        while not self.stop:
            v = status_kb(self.pid, "VmRSS")
            if v is not None:
                self.samples.append((time.time(), v))
            time.sleep(0.05)

    def between(self, t0, t1):
        return [v for t, v in self.samples if t0 <= t <= t1]


def rows(cid):
    gpkg, table, _ = LAYERS[cid]
    con = sqlite3.connect("file:%s?mode=ro&immutable=1" % os.path.join(DATA, gpkg), uri=True)
    n = con.execute('SELECT count(*) FROM "%s"' % table).fetchone()[0]
    con.close()
    return n


def walk(base, cid):
    """follow rel=next links from the first limit=1000 page to the end; returns (stats, problems)"""
    url = "%s/ogc/collections/%s/items?limit=1000" % (base, cid)
    pages = feats = nbytes = 0
    ids, problems = set(), []
    need_geom = LAYERS[cid][2]
    while url:
        with urllib.request.urlopen(url, timeout=120) as r:
            body = r.read()
            if r.status != 200 or "json" not in r.headers.get("Content-Type", ""):
                problems.append("page %d: %s %s" % (pages, r.status, r.headers.get("Content-Type")))
                break
        d = json.loads(body)
        pages += 1
        nbytes += len(body)
        fs = d.get("features", [])
        if d.get("type") != "FeatureCollection" or len(fs) > 1000:
            problems.append("page %d: not a FeatureCollection of <= 1000 features" % pages)
        for f in fs:
            ids.add(str(f.get("id")))
            if bool(f.get("geometry")) != need_geom:
                problems.append("page %d: feature %s geometry %s" % (pages, f.get("id"), f.get("geometry")))
                need_geom = not need_geom  # report once
        feats += len(fs)
        nxt = [l["href"] for l in d.get("links", []) if l.get("rel") == "next"]
        url = urllib.parse.urljoin(url, nxt[0]) if nxt and fs else None
        if pages > 1000:
            problems.append("more than 1000 pages: next links loop?")
            break
    want = rows(cid)
    if feats != want:
        problems.append("%d features in total, the GeoPackage has %d" % (feats, want))
    if len(ids) != feats:
        problems.append("%d distinct ids for %d features" % (len(ids), feats))
    return {"requests": pages, "features": feats, "bytes": nbytes}, problems


def run_wrk(base, lst):
    p = subprocess.run(["wrk", "-t2", "-c16", "-d%ds" % WRK_S, "--timeout", "60s", "-s", ROTATE, base, "--", lst],
                       capture_output=True, text=True)
    res = {}
    for line in p.stdout.splitlines():
        if line.startswith("RESULT_JSON "):
            res = json.loads(line[len("RESULT_JSON "):])
    probs = []
    errs = sum(res.get(k, 0) for k in ("non2xx3xx", "err_connect", "err_read", "err_write", "err_timeout"))
    if not res or errs:
        probs.append("wrk: %s errors (non-2xx %s) %s" % (errs, res.get("non2xx3xx"), p.stderr.strip()[:200]))
    return {"requests": res.get("requests", 0), "features": None, "bytes": res.get("bytes", 0),
            "rps": res.get("rps"), "lat_p50_ms": res.get("lat_p50_ms"), "lat_p99_ms": res.get("lat_p99_ms")}, probs


def main():
    out, pid = sys.argv[1], int(sys.argv[2])
    base = sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:8080"
    outname = sys.argv[4] if len(sys.argv) > 4 else "memory"
    urls = os.path.join(BENCH, "urls", "geosdi")
    smp = Sampler(pid)
    smp.start()
    time.sleep(0.2)

    def walks(cid, times):
        tot, probs = {"requests": 0, "features": 0, "bytes": 0}, []
        for _ in range(times):
            s, p = walk(base, cid)
            for k in tot:
                tot[k] += s[k]
            probs += p
        return tot, probs

    phases = [
        ("idle", "%.0f s" % 2, lambda: (time.sleep(2) or {"requests": 0, "features": 0, "bytes": 0}, [])),
        ("walk places", "next links x3, vn:populated_places (4,806 rows)", lambda: walks("vn:populated_places", 3)),
        ("walk obs", "next links, vn:observations (160,560 rows)", lambda: walks("vn:observations", 1)),
    ]
    for rnd in (1, 2):  # twice: round 1 includes the server's own warm-up growth, round 2 compares like with like
        phases += [
            ("wrk places %d" % rnd, "wrk -c16 %ds, limit=1000 offsets 0..4000" % WRK_S,
             lambda: run_wrk(base, os.path.join(urls, "items_limit1000_populated_places.txt"))),
            ("wrk obs %d" % rnd, "wrk -c16 %ds, limit=1000 offsets 0..160000" % WRK_S,
             lambda: run_wrk(base, os.path.join(urls, "items_limit1000_observations.txt"))),
        ]
    phases.append(("idle after", "5 s", lambda: (time.sleep(5) or {"requests": 0, "features": 0, "bytes": 0}, [])))
    res = []
    for name, what, fn in phases:
        t0 = time.time()
        start = status_kb(pid, "VmRSS")
        try:
            stats, probs = fn()
        except Exception as e:  # HTTP error, bad JSON, server died ...
            stats, probs = {"requests": 0, "features": 0, "bytes": 0}, ["%s: %s" % (type(e).__name__, e)]
        time.sleep(0.3)
        t1 = time.time()
        end = status_kb(pid, "VmRSS")
        vals = smp.between(t0, t1) + [v for v in (start, end) if v]
        res.append(dict(stats, phase=name, what=what, seconds=round(t1 - t0, 1),
                        rss_start_mib=round((start or 0) / 1024, 1), rss_peak_mib=round(max(vals or [0]) / 1024, 1),
                        rss_end_mib=round((end or 0) / 1024, 1), problems=probs))
    smp.stop = True
    hwm = status_kb(pid, "VmHWM")
    summary = {
        "pid": pid, "rss_start_mib": res[0]["rss_start_mib"], "rss_peak_mib": max(r["rss_peak_mib"] for r in res),
        "rss_end_mib": res[-1]["rss_end_mib"], "vmhwm_mib": round((hwm or 0) / 1024, 1),
        "peak_places_mib": max(r["rss_peak_mib"] for r in res if "places" in r["phase"]),
        "peak_obs_mib": max(r["rss_peak_mib"] for r in res if "obs" in r["phase"]),
    }
    summary["obs_minus_places_mib"] = round(summary["peak_obs_mib"] - summary["peak_places_mib"], 1)
    peak = {r["phase"]: r["rss_peak_mib"] for r in res}
    summary["round2_places_mib"], summary["round2_obs_mib"] = peak["wrk places 2"], peak["wrk obs 2"]
    with open(os.path.join(out, outname + ".json"), "w") as f:
        json.dump({"summary": summary, "phases": res}, f, indent=1)
    print("| phase | what | requests | features | MiB sent | s | req/s | RSS start MiB | RSS peak MiB | RSS end MiB "
          "| problems |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in res:
        print("| %s | %s | %d | %s | %.1f | %.1f | %s | %.1f | %.1f | %.1f | %s |" % (
            r["phase"], r["what"], r["requests"], "-" if r["features"] is None else r["features"],
            r["bytes"] / 1048576.0, r["seconds"], "-" if not r.get("rps") else "%.1f" % r["rps"],
            r["rss_start_mib"], r["rss_peak_mib"], r["rss_end_mib"], "; ".join(r["problems"][:3]) or "none"))
    print()
    print("GeoSDI pid %d RSS: start %.1f MiB, peak %.1f MiB, end %.1f MiB (VmHWM since process start %.1f MiB); "
          "peak while paging vn:observations (160,560 rows) - peak while paging vn:populated_places (4,806 rows) "
          "= %+.1f MiB; round 2 under wrk: places %.1f MiB, observations %.1f MiB" % (
              pid, summary["rss_start_mib"], summary["rss_peak_mib"], summary["rss_end_mib"], summary["vmhwm_mib"],
              summary["obs_minus_places_mib"], summary["round2_places_mib"], summary["round2_obs_mib"]))
    sys.exit(1 if any(r["problems"] for r in res) else 0)


if __name__ == "__main__":
    main()

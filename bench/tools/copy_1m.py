#!/usr/bin/env python3
"""Copy a whole GeoSDI collection with GDAL's OAPIF client while sampling GeoSDI's resident memory.

usage: copy_1m.py OUT_DIR PID GEOSDI_URL COLLECTION EXPECTED_ROWS [PAGE_SIZE]
  e.g. copy_1m.py results/x 1234 http://127.0.0.1:8090 db:geosdi_bench.points_1m 1000000 1000

Runs `ogr2ogr -f GPKG OUT_DIR/copy_1m.gpkg OAPIF:GEOSDI_URL/ogc COLLECTION -oo PAGE_SIZE=1000` (GDAL pages by
the server's rel=next links: keyset cursor) while VmRSS of PID (the GeoSDI process) is read from
/proc/PID/status every 100 ms, from 2 s before to 2 s after. Then checks the copy with SQLite: the number of
features, distinct feature ids (GDAL keeps the integer ids as FIDs), min and max id, and that every feature has
a geometry. Prints a markdown table and writes OUT_DIR/copy_1m.json (with every RSS sample); the GeoPackage is
deleted afterwards unless KEEP_COPY=1.
"""
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time


def cpu_s(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            v = f.read().rsplit(")", 1)[1].split()
        return (int(v[11]) + int(v[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Sampler(threading.Thread):
    def __init__(self, pid, period=0.1):
        super().__init__(daemon=True)
        self.pid, self.period, self.samples, self.stop = pid, period, [], False

    def run(self):
        t0 = time.time()
        while not self.stop:
            v = rss_kb(self.pid)
            if v is not None:
                self.samples.append((round(time.time() - t0, 2), v))
            time.sleep(self.period)


def main():
    out, pid, base, coll, expected = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    page = sys.argv[6] if len(sys.argv) > 6 else "1000"
    gpkg = os.path.join(out, "copy_1m.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    cmd = ["ogr2ogr", "-f", "GPKG", gpkg, "OAPIF:%s/ogc" % base, coll, "-oo", "PAGE_SIZE=%s" % page]
    s = Sampler(pid)
    s.start()
    time.sleep(2)
    cpu0 = cpu_s(pid)
    t_start = time.time()
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + cmd, capture_output=True, text=True)
    seconds = time.time() - t_start
    cpu1 = cpu_s(pid)
    time.sleep(2)
    s.stop = True
    s.join()
    t_copy0 = 2.0
    t_copy1 = t_copy0 + seconds
    before = [v for t, v in s.samples if t < t_copy0]
    during = [v for t, v in s.samples if t_copy0 <= t <= t_copy1]
    after = [v for t, v in s.samples if t > t_copy1]
    tail = p.stderr.strip().split("\n")[-1].split() if p.stderr.strip() else []
    res = {"command": " ".join(cmd), "exit": p.returncode, "seconds": round(seconds, 1),
           "ogr2ogr_max_rss_mib": round(int(tail[1]) / 1024, 1) if len(tail) == 4 else None,
           "ogr2ogr_cpu_s": round(float(tail[2]) + float(tail[3]), 1) if len(tail) == 4 else None,
           "stderr": "\n".join(p.stderr.strip().split("\n")[:-1])[-2000:],
           "rss_start_mib": round(before[-1] / 1024, 1) if before else None,
           "rss_peak_mib": round(max(during) / 1024, 1) if during else None,
           "rss_min_during_mib": round(min(during) / 1024, 1) if during else None,
           "rss_end_mib": round(after[-1] / 1024, 1) if after else None,
           "geosdi_cpu_s": round(cpu1 - cpu0, 1) if cpu0 is not None and cpu1 is not None else None,
           "rss_samples": len(s.samples)}
    # RSS by tenths of the copy: flat means the same at 10 % and at 100 % of the layer
    if during:
        k = max(1, len(during) // 10)
        res["rss_peak_by_tenth_mib"] = [round(max(during[i:i + k]) / 1024, 1) for i in range(0, len(during), k)][:10]
    problems = []
    if p.returncode != 0:
        problems.append("ogr2ogr exited %d: %s" % (p.returncode, res["stderr"][-300:]))
    try:
        con = sqlite3.connect("file:%s?mode=ro" % gpkg, uri=True)
        table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        geom = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
        fid = [r[1] for r in con.execute('PRAGMA table_info("%s")' % table) if r[5]][0]
        n, distinct, lo, hi, nogeom = con.execute(
            'SELECT count(*), count(DISTINCT "%s"), min("%s"), max("%s"), sum("%s" IS NULL) FROM "%s"' % (
                fid, fid, fid, geom, table)).fetchone()
        con.close()
        res.update(table=table, features=n, distinct_ids=distinct, min_id=lo, max_id=hi, without_geometry=nogeom,
                   gpkg_mib=round(os.path.getsize(gpkg) / 1048576, 1))
        if n != expected or distinct != expected:
            problems.append("the copy has %d features (%d distinct ids), expected %d" % (n, distinct, expected))
        if nogeom:
            problems.append("%d features without geometry" % nogeom)
    except Exception as e:
        problems.append("cannot read the copy: %s" % e)
    res["problems"] = problems
    res["features_per_s"] = round(res.get("features", 0) / seconds) if seconds else None
    with open(os.path.join(out, "copy_1m.json"), "w") as f:
        json.dump(dict(res, samples=s.samples), f)
    if os.environ.get("KEEP_COPY") != "1" and os.path.exists(gpkg):
        os.remove(gpkg)
    print("| copy | seconds | features (distinct ids, min-max) | features/s | GeoSDI RSS start | peak | end "
          "| peak RSS per tenth of the copy (MiB) | GeoSDI CPU s | ogr2ogr max RSS / CPU s | problems |")
    print("|---|---:|---|---:|---:|---:|---:|---|---:|---|---|")
    print("| `%s` | %.1f | %s (%s, %s-%s) | %s | %s MiB | %s MiB | %s MiB | %s | %s | %s MiB / %s | %s |" % (
        " ".join(cmd[3:]), seconds, res.get("features"), res.get("distinct_ids"), res.get("min_id"), res.get("max_id"),
        res["features_per_s"], res["rss_start_mib"], res["rss_peak_mib"], res["rss_end_mib"],
        " ".join("%.0f" % v for v in res.get("rss_peak_by_tenth_mib", [])), res["geosdi_cpu_s"], res["ogr2ogr_max_rss_mib"],
        res["ogr2ogr_cpu_s"], "; ".join(problems) or "none"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

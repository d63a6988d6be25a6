#!/usr/bin/env python3
"""The series table every benchmark prints: per scenario and series, the median req/s of the repeats, the latencies,
errors, response size, peak RSS and CPU per request of the median run. Imported by postgis_table.py and
wms_table.py."""
import json
from collections import OrderedDict


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2.0


def fmt(v, f="%.1f"):
    return "-" if v is None else f % v


def ratio(a, b):
    return a / b if a and b else None


def load(path):
    return [json.loads(l) for l in open(path) if l.strip()]


def print_series(recs):
    """Prints the table; returns {(scenario, series): median req/s}."""
    groups = OrderedDict()
    for r in recs:
        groups.setdefault(r["scenario"], OrderedDict()).setdefault(r["series"], []).append(r)
    med = {}
    print("| scenario | series | tool, clients | runs | req/s median (min - max) | p50 ms | p99 ms | mean ms "
          "| errors non-2xx / socket (all runs) | avg resp KiB | peak RSS MiB | CPU ms/req: server / PostgreSQL / nginx "
          "| foreign CPU s (max) |")
    print("|---|---|---|---:|---|---:|---:|---:|---|---:|---:|---|---:|")
    for sc, series in groups.items():
        for name, rs in series.items():
            rps = [r.get("rps") or 0.0 for r in rs]
            m = median(rps)
            med[(sc, name)] = m
            mr = sorted(rs, key=lambda r: r.get("rps") or 0.0)[(len(rs) - 1) // 2]
            n2 = sum(r.get("non2xx3xx") or 0 for r in rs)
            sock = sum((r.get(k) or 0) for r in rs for k in ("err_connect", "err_read", "err_write", "err_timeout"))
            req = mr.get("requests") or 0
            kib = mr["bytes"] / req / 1024.0 if req and mr.get("bytes") else None
            cpu = "-"
            if req:
                pg = (mr.get("cpu_pg_bench_s") or 0) + (mr.get("cpu_pg_exited_s") or 0)
                cpu = "%.2f / %.2f / %.2f" % (1000.0 * (mr.get("cpu_server_s") or 0) / req, 1000.0 * pg / req,
                                              1000.0 * (mr.get("cpu_front_nginx_s") or 0) / req)
            restarted = sum(1 for r in rs if r.get("restarted"))
            runs = "%d%s" % (len(rs), " (%d restarted!)" % restarted if restarted else "")
            print("| %s | %s | %s -c%s | %s | %s (%s - %s) | %s | %s | %s | %d / %d | %s | %s | %s | %s |" % (
                sc, name, mr.get("tool"), mr.get("conn"), runs, fmt(m), fmt(min(rps)), fmt(max(rps)),
                fmt(mr.get("lat_p50_ms")), fmt(mr.get("lat_p99_ms")), fmt(mr.get("lat_mean_ms")), n2, sock, fmt(kib),
                fmt(mr.get("rss_peak_sum_mib")), cpu, fmt(max(r.get("cpu_other_s") or 0 for r in rs))))
    print()
    return med

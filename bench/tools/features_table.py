#!/usr/bin/env python3
"""results.jsonl of run-features.sh -> markdown table: per scenario and server the median req/s of the repeats,
the latencies of the median run, errors over all runs, and the ratio GeoSDI / MapServer of the medians.

usage: features_table.py RESULTS_JSONL
"""
import json
import sys
from collections import OrderedDict


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2.0


def fmt(v, f="%.1f"):
    return "-" if v is None else f % v


def main():
    recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    groups = OrderedDict()
    for r in recs:
        # "server" in runs before lib/harness.sh, "series" since (the series are the servers)
        groups.setdefault(r["scenario"], OrderedDict()).setdefault(r.get("server") or r["series"], []).append(r)
    print("| scenario | server | runs | req/s median (min - max) | p50 ms | p99 ms | mean ms | errors non-2xx / socket "
          "(all runs) | avg resp KiB | peak RSS MiB | CPU ms/req server (+ nginx front) | foreign CPU s (max) |")
    print("|---|---|---:|---|---:|---:|---:|---|---:|---:|---|---:|")
    ratios = []
    for sc, servers in groups.items():
        med = {}
        for srv, rs in servers.items():
            rps = [r.get("rps") or 0.0 for r in rs]
            m = median(rps)
            med[srv] = m
            # latencies / RSS / CPU of the run whose req/s is the median one (lower middle for even counts)
            mr = sorted(rs, key=lambda r: r.get("rps") or 0.0)[(len(rs) - 1) // 2]
            n2 = sum(r.get("non2xx3xx") or 0 for r in rs)
            sock = sum((r.get(k) or 0) for r in rs for k in ("err_connect", "err_read", "err_write", "err_timeout"))
            kib = mr["bytes"] / mr["requests"] / 1024.0 if mr.get("requests") else None
            cpu = None
            if mr.get("requests"):
                cpu = "%.2f" % (1000.0 * (mr.get("cpu_server_s") or 0) / mr["requests"])
                if srv == "mapserver":
                    cpu += " (+%.2f)" % (1000.0 * (mr.get("cpu_front_nginx_s") or 0) / mr["requests"])
            restarted = sum(1 for r in rs if r.get("restarted"))
            runs = "%d%s" % (len(rs), " (%d restarted!)" % restarted if restarted else "")
            print("| %s | %s | %s | %s (%s - %s) | %s | %s | %s | %d / %d | %s | %s | %s | %s |" % (
                sc, srv, runs, fmt(m), fmt(min(rps)), fmt(max(rps)), fmt(mr.get("lat_p50_ms")),
                fmt(mr.get("lat_p99_ms")), fmt(mr.get("lat_mean_ms")), n2, sock, fmt(kib),
                fmt(mr.get("rss_peak_sum_mib")), cpu or "-", fmt(max(r.get("cpu_other_s") or 0 for r in rs))))
        if med.get("geosdi") is not None and med.get("mapserver"):
            ratios.append((sc, med["geosdi"], med["mapserver"], med["geosdi"] / med["mapserver"]))
    print()
    print("| scenario | GeoSDI req/s | MapServer req/s | ratio GeoSDI / MapServer |")
    print("|---|---:|---:|---:|")
    for sc, g, m, q in ratios:
        print("| %s | %.1f | %.1f | %.2f |" % (sc, g, m, q))


if __name__ == "__main__":
    main()

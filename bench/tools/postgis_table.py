#!/usr/bin/env python3
"""results.jsonl of run-postgis.sh -> markdown: every series (median of the repeats), then the targets.

usage: postgis_table.py RESULTS_JSONL [COPY_JSON]
"""
import json
import os
import sys
from collections import OrderedDict


from series_table import fmt, load, median, print_series, ratio


def main():
    recs = load(sys.argv[1])
    med = print_series(recs)

    def g(sc, s):
        return med.get((sc, s))

    print("| target | GeoSDI | peer / SQL | ratio | target | met? |")
    print("|---|---:|---:|---:|---:|---|")
    gs, ms, qg = g("bbox100", "geosdi"), g("bbox100", "mapserver"), g("bbox100", "qgis")
    for peer, v in (("MapServer", ms), ("QGIS", qg)):
        q = ratio(gs, v)
        print("| 1. bbox limit=100 parcels, req/s: GeoSDI / %s | %s | %s | %s | >= 2 (vs MapServer) | %s |" % (
            peer, fmt(gs), fmt(v), fmt(q, "%.2f"), ("yes" if q >= 2 else "NO") if q and peer == "MapServer" else "-"))
    for series, label in (("geosdi-cursor", "cursor (next links)"), ("geosdi-offset", "plain offset")):
        gv = g("page1000", series)
        for peer, key in (("MapServer", "mapserver"), ("QGIS", "qgis")):
            v = g("page1000", key)
            q = ratio(gv, v)
            print("| 2. limit=1000 pages 0..199,000, req/s: GeoSDI %s / %s offsets | %s | %s | %s | >= 10 (cursor vs MapServer) | %s |" % (
                label, peer, fmt(gv), fmt(v), fmt(q, "%.2f"),
                ("yes" if q >= 10 else "NO") if q and series == "geosdi-cursor" and peer == "MapServer" else "-"))
    for c in ("1", "16"):
        sc = "filter100_c" + c
        gv = g(sc, "geosdi")
        lookup = g("filter_lookup_c" + c, "pgbench-lookup")
        for series, label in (("pgbench-hand", "hand-written SQL (page only)"),
                              ("pgbench-server", "the server's SQL as captured")):
            v = g(sc, series)
            # per-request time ratio = (1 / GeoSDI req/s) / (1 / pgbench tps)
            q = ratio(v, gv)
            corr = None
            if v and gv and lookup:
                # take pgbench's parameter lookup (measured alone) out of its time per transaction
                t = 1.0 / v - 1.0 / lookup
                corr = (1.0 / gv) / t if t > 0 else None
            print("| 3. filter limit=100, %s client(s), ms per request: GeoSDI / %s | %s ms | %s ms | %s (%s without pgbench's lookup) | <= 1.3 (vs hand-written) | %s |" % (
                c, label, fmt(1000.0 / gv if gv else None, "%.2f"), fmt(1000.0 / v if v else None, "%.2f"),
                fmt(q, "%.2f"), fmt(corr, "%.2f"),
                ("yes" if q <= 1.3 else "NO") if q and series == "pgbench-hand" else "-"))
    for sc in ("bbox100", "page1000"):
        base = g(sc, "geosdi" if sc == "bbox100" else "geosdi-cursor")
        d = g(sc + "_defaultlog", "geosdi-defaultlog")
        if d and base:
            print("| logging: %s req/s with default logging (1 run) vs Warning (median) | %s | %s | %s | - | %+.1f %% |" % (
                sc, fmt(d), fmt(base), fmt(d / base, "%.2f"), 100.0 * (d / base - 1)))
    for sc, label, ref in (("sqlfloor_bbox", "bbox", gs), ("sqlfloor_cursor", "cursor-page", g("page1000", "geosdi-cursor"))):
        a, b, c = g(sc, "pgbench-server"), g(sc, "pgbench-twostmt"), g(sc, "pgbench-page")
        if a or b or c:
            print("| diagnostic: PostgreSQL alone, GeoSDI's %s SQL, pgbench -c16 tps: as sent (count(*) OVER ()) / before 2dcfde5 (page + count(*)) / page only | %s | %s / %s / %s | page only / as sent %s | - | - |" % (
                label, fmt(ref), fmt(a), fmt(b), fmt(c), fmt(ratio(c, a), "%.2f")))
    f2 = g("sqlfloor_filter", "pgbench-twostmt")
    if f2:
        print("| diagnostic: PostgreSQL alone, filter SQL before 2dcfde5 (page + count(*)), pgbench -c16 | %s ms | %s ms | - | - | - |" % (
            fmt(1000.0 / g("filter100_c16", "geosdi") if g("filter100_c16", "geosdi") else None, "%.2f"), fmt(1000.0 / f2, "%.2f")))
    if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
        c = json.load(open(sys.argv[2]))
        flat = c.get("rss_peak_mib") and c.get("rss_start_mib")
        print("| 4. ogr2ogr copy of 1,000,000 points (PAGE_SIZE=1000): %s s, %s features; GeoSDI RSS start / peak / end | %s / %s / %s MiB | - | peak - start %s MiB | flat memory, 1,000,000 features | %s |" % (
            c.get("seconds"), c.get("features"), c.get("rss_start_mib"), c.get("rss_peak_mib"), c.get("rss_end_mib"),
            fmt(c["rss_peak_mib"] - c["rss_start_mib"]) if flat else "-",
            "see the RSS per tenth; " + ("copy complete" if c.get("features") == 1000000 and not c.get("problems") else "COPY PROBLEMS")))


if __name__ == "__main__":
    main()

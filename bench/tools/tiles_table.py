#!/usr/bin/env python3
"""results.jsonl of run-tiles.sh -> markdown: every series (median of the repeats), then the targets of issue #5.
For the raw ST_AsMVT statement the "req/s" is pgbench's tiles per second; the MVT time target compares time per tile
at the same number of clients, i.e. raw tps / GeoSDI req/s.

usage: tiles_table.py RESULTS_JSONL
"""
import sys

from series_table import fmt, load, print_series, ratio


def row(label, g, v, q, op, target):
    met = "-" if q is None else "yes" if (q >= target if op == ">=" else q <= target) else "NO"
    print("| %s | %s | %s | %s | %s %.1f | %s |" % (label, fmt(g), fmt(v), fmt(q, "%.2f"), op, target, met))


def main():
    med = print_series(load(sys.argv[1]))
    print("| target | GeoSDI req/s | other req/s | ratio | target | met? |")
    print("|---|---:|---:|---:|---:|---|")
    for series, door in (("geosdi_xyz", "XYZ /tiles"), ("geosdi_wmts", "WMTS REST")):
        g = med.get(("a_cache_hits", series))
        for peer, name, target in (("mapproxy", "MapProxy (cached)", 10.0), ("nginx", "nginx static files", 0.5)):
            v = med.get(("a_cache_hits", peer))
            row("a. cache hits, %s: GeoSDI / %s" % (door, name), g, v, ratio(g, v), ">=", target)
    g = med.get(("b_mvt", "geosdi"))
    raw = med.get(("b_mvt", "postgis_raw"))
    row("b. MVT z10-14 parcels, no cache: GeoSDI time per tile / raw ST_AsMVT (pgbench)", g, raw, ratio(raw, g), "<=", 1.2)
    v = med.get(("b_mvt", "mapserver"))
    row("b. MVT z10-14 parcels: GeoSDI / MapServer", g, v, ratio(g, v), ">=", 1.5)
    g, v = med.get(("c_cold_png", "geosdi")), med.get(("c_cold_png", "mapproxy"))
    row("c. cold PNG tiles (one 4x4 meta-tile each), caches emptied: GeoSDI / MapProxy+MapServer", g, v, ratio(g, v), ">=", 1.5)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""results.jsonl of run-raster.sh -> markdown: every series (median of the repeats), then the target of issue #6.

usage: raster_table.py RESULTS_JSONL
"""
import sys

from series_table import fmt, load, print_series, ratio


def main():
    med = print_series(load(sys.argv[1]))
    g, m = med.get(("a_dem256_3857", "geosdi")), med.get(("a_dem256_3857", "mapserver"))
    q = ratio(g, m)
    print("| target | GeoSDI req/s | MapServer req/s | ratio | target | met? |")
    print("|---|---:|---:|---:|---:|---|")
    print("| GetMap 256x256 PNG z8-z14 on the DEM COG, EPSG:3857: GeoSDI / MapServer | %s | %s | %s | >= 1.5 | %s |" % (
        fmt(g), fmt(m), fmt(q, "%.2f"), "-" if q is None else "yes" if q >= 1.5 else "NO"))


if __name__ == "__main__":
    main()

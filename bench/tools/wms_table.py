#!/usr/bin/env python3
"""results.jsonl of run-wms.sh -> markdown: every series (median of the repeats), then the targets of issue #4.

usage: wms_table.py RESULTS_JSONL
"""
import sys

from series_table import fmt, load, print_series, ratio


def main():
    med = print_series(load(sys.argv[1]))
    print("| target | GeoSDI req/s | peer req/s | ratio | target | met? |")
    print("|---|---:|---:|---:|---:|---|")
    for scenario, label, targets in (("a_wms256_3857", "GetMap 256x256 PNG tiles z8-z14, parcels, EPSG:3857",
                                      (("mapserver", "MapServer", 1.5), ("qgis", "QGIS Server", 2.0))),
                                     ("b_wms1024_4326", "GetMap 1024x768 PNG, 3 layers, EPSG:4326",
                                      (("mapserver", "MapServer", 1.5),))):
        g = med.get((scenario, "geosdi"))
        for key, name, target in targets:
            v = med.get((scenario, key))
            q = ratio(g, v)
            print("| %s: GeoSDI / %s | %s | %s | %s | >= %.1f | %s |" % (
                label, name, fmt(g), fmt(v), fmt(q, "%.2f"), target, "-" if q is None else "yes" if q >= target else "NO"))


if __name__ == "__main__":
    main()

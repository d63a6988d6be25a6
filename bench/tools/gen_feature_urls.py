#!/usr/bin/env python3
"""Render the fixed request lists of the OGC API - Features benchmark (bench/run-features.sh).

usage: gen_feature_urls.py [DATA_DIR]      (default: <repo>/data-samples)

Deterministic: seed SEED below, features read in fid order, so re-running gives byte-identical files as long as
the GeoPackages are unchanged (their sha256 is written into the canonical files' header).

For each benchmarked layer, 500 small random bboxes (CRS84 lon/lat) inside the layer's extent:
  centre = a random feature's envelope centre, jittered by up to half a box side (so boxes are not all centred on
  a feature), side log-uniform in the layer's [SIDE_MIN, SIDE_MAX] degrees, and the box is kept only if it lies
  inside the layer extent and 10..100 feature envelopes intersect it (counted from the GeoPackage R-tree after
  rounding to 6 decimals). For points the R-tree count is the exact answer; for polygons it is an upper bound of
  the exact `intersects` answer.
Plus the paging lists: limit=1000 at offsets 0, 1000, ... for the whole layer (and for vn:observations).

Outputs (bench/urls/):
  canonical/bbox_<layer>.txt            minlon,minlat,maxlon,maxlat rtree_hits   (server-independent)
  canonical/offsets_limit1000_<layer>.txt
  geosdi/<list>.txt, mapserver/<list>.txt  path+query per line, the format /work/shared/bench/tools/rotate.lua reads
  templates.txt                         the URL template of every list
"""
import hashlib
import math
import os
import random
import sqlite3
import sys

SEED = 20251121
N_BBOX = 500
MIN_HITS, MAX_HITS = 10, 100

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))          # bench/
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "data-samples")
URLS = os.path.join(HERE, "urls")

# name, gpkg, table, GeoSDI collection id, MapServer layer, box side range (degrees)
LAYERS = [
    # 4,806 points over the whole country: 0.05 deg (5 km) .. 1.2 deg boxes
    ("populated_places", "base.gpkg", "populated_places", "vn:populated_places", "populated_places", 0.05, 1.2),
    # 4,268 parcels in a 2.5 x 2 km synthetic commune: 0.0008 deg (90 m) .. 0.006 deg boxes
    ("land_parcels_synthetic", "land.gpkg", "land_parcels_synthetic", "ha-noi:land_parcels_synthetic",
     "land_parcels_synthetic", 0.0008, 0.006),
]
# limit=1000 paging lists: name, gpkg, table, GeoSDI id, MapServer layer (None: MapServer does not serve it)
PAGED = [
    ("populated_places", "base.gpkg", "populated_places", "vn:populated_places", "populated_places"),
    ("observations", "envmon.gpkg", "observations", "vn:observations", None),
]

GEOSDI_BBOX = "/ogc/collections/{cid}/items?bbox={bbox}&limit=100"
MS_BBOX = "/mapserver/samples/ogcapi/collections/{layer}/items?f=json&limit=100&bbox={bbox}"
GEOSDI_PAGE = "/ogc/collections/{cid}/items?limit=1000&offset={offset}"
MS_PAGE = "/mapserver/samples/ogcapi/collections/{layer}/items?f=json&limit=1000&offset={offset}"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def open_ro(path):
    # immutable=1: pure read, no lock / journal files next to the GeoPackage
    return sqlite3.connect("file:%s?mode=ro&immutable=1" % path, uri=True)


def envelopes(path, table):
    """(fid, minx, miny, maxx, maxy) for every feature, from the GeoPackage R-tree, in fid order"""
    con = open_ro(path)
    geom = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
    rows = con.execute('SELECT id, minx, miny, maxx, maxy FROM "rtree_%s_%s" ORDER BY id' % (table, geom)).fetchall()
    con.close()
    return rows


def row_count(path, table):
    con = open_ro(path)
    n = con.execute('SELECT count(*) FROM "%s"' % table).fetchone()[0]
    con.close()
    return n


def hits(envs, box):
    x0, y0, x1, y1 = box
    return sum(1 for _, a, b, c, d in envs if a <= x1 and c >= x0 and b <= y1 and d >= y0)


def make_boxes(envs, side_min, side_max, rng):
    ext = (min(e[1] for e in envs), min(e[2] for e in envs), max(e[3] for e in envs), max(e[4] for e in envs))
    out = []
    tries = 0
    while len(out) < N_BBOX:
        tries += 1
        if tries > 200 * N_BBOX:
            raise SystemExit("cannot find %d boxes with %d..%d hits; widen the side range" % (N_BBOX, MIN_HITS, MAX_HITS))
        _, a, b, c, d = envs[rng.randrange(len(envs))]
        side = math.exp(rng.uniform(math.log(side_min), math.log(side_max)))
        cx = (a + c) / 2 + rng.uniform(-side / 2, side / 2)
        cy = (b + d) / 2 + rng.uniform(-side / 2, side / 2)
        box = tuple(round(v, 6) for v in (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2))
        if box[0] < ext[0] or box[1] < ext[1] or box[2] > ext[2] or box[3] > ext[3]:
            continue  # keep every box inside the layer's extent
        n = hits(envs, box)
        if MIN_HITS <= n <= MAX_HITS:
            out.append((box, n))
    return out, tries


def write(path, lines, header=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        if header:
            f.write("".join("# %s\n" % h for h in header))
        f.write("".join(l + "\n" for l in lines))


def main():
    templates = ["# list-file  URL template  (source of the parameters)"]
    for name, gpkg, table, cid, mslayer, smin, smax in LAYERS:
        path = os.path.join(DATA, gpkg)
        envs = envelopes(path, table)
        rng = random.Random("%d/%s" % (SEED, name))  # one stream per layer: adding a layer changes no other list
        boxes, tries = make_boxes(envs, smin, smax, rng)
        fmt = lambda b: "%.6f,%.6f,%.6f,%.6f" % b
        ns = sorted(n for _, n in boxes)
        write(os.path.join(URLS, "canonical", "bbox_%s.txt" % name),
              ["%s %d" % (fmt(b), n) for b, n in boxes],
              ["%d bboxes minlon,minlat,maxlon,maxlat (CRS84) + R-tree hits; %s:%s (%d features)" % (
                  N_BBOX, gpkg, table, len(envs)),
               "seed %d, side log-uniform %g..%g deg, kept if inside the extent with %d..%d hits (%d draws)" % (
                  SEED, smin, smax, MIN_HITS, MAX_HITS, tries),
               "hits min/median/max %d/%d/%d; %s sha256 %s" % (ns[0], ns[len(ns) // 2], ns[-1], gpkg, sha256(path))])
        lst = "items_bbox_limit100_%s.txt" % name
        write(os.path.join(URLS, "geosdi", lst), [GEOSDI_BBOX.format(cid=cid, bbox=fmt(b)) for b, _ in boxes])
        write(os.path.join(URLS, "mapserver", lst), [MS_BBOX.format(layer=mslayer, bbox=fmt(b)) for b, _ in boxes])
        templates.append("geosdi/%s  %s   (canonical/bbox_%s.txt)" % (lst, GEOSDI_BBOX, name))
        templates.append("mapserver/%s  %s   (canonical/bbox_%s.txt)" % (lst, MS_BBOX, name))
        print("%-24s %d boxes, hits min/median/max %d/%d/%d, %d draws" % (name, len(boxes), ns[0], ns[len(ns) // 2],
                                                                         ns[-1], tries))
    for name, gpkg, table, cid, mslayer in PAGED:
        n = row_count(os.path.join(DATA, gpkg), table)
        offsets = list(range(0, n, 1000))
        write(os.path.join(URLS, "canonical", "offsets_limit1000_%s.txt" % name), [str(o) for o in offsets],
              ["limit=1000 offsets over %s:%s (%d rows)" % (gpkg, table, n)])
        lst = "items_limit1000_%s.txt" % name
        write(os.path.join(URLS, "geosdi", lst), [GEOSDI_PAGE.format(cid=cid, offset=o) for o in offsets])
        templates.append("geosdi/%s  %s   (canonical/offsets_limit1000_%s.txt)" % (lst, GEOSDI_PAGE, name))
        if mslayer:
            write(os.path.join(URLS, "mapserver", lst), [MS_PAGE.format(layer=mslayer, offset=o) for o in offsets])
            templates.append("mapserver/%s  %s   (canonical/offsets_limit1000_%s.txt)" % (lst, MS_PAGE, name))
        print("%-24s %d rows -> %d limit=1000 pages" % (name, n, len(offsets)))
    write(os.path.join(URLS, "templates.txt"), templates)


if __name__ == "__main__":
    main()

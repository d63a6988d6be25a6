#!/usr/bin/env python3
"""Render the request lists of run-postgis.sh (GeoSDI over the peers' PostGIS database `bench`).

usage: gen_postgis_urls.py            -> bench/urls/geosdi-postgis/*  (byte-identical on every run)

From the peer harness's canonical parameters (/work/shared/bench/urls/canonical/), the same the peers' lists
were rendered from:
  items_bbox_limit100.txt      /ogc/collections/db:parcels/items?limit=100&bbox=MINX,MINY,MAXX,MAXY
                               (bbox_items_crs84.txt, 500 lines, same order as the peers' lists)
  items_offset_limit1000.txt   /ogc/collections/db:parcels/items?limit=1000&offset=N   (offsets_limit1000.txt)
The keyset-cursor list (items_cursor_limit1000.txt) is not rendered here: run-postgis.sh walks the `next` links
of the running server (tools/walk_cursor.py) and checks that the walk gives this file again.

And a CQL2 filter set over db:parcels (seed 20251121, 500 filters, 4 kinds interleaved, n = 1..500):
  kind 1  land_use_type = 'L' AND S_INTERSECTS(geometry, POLYGON(...))   attribute equality + spatial: the
          polygon is a rectangle, a canonical bbox (bbox_items_crs84.txt, random line) scaled 3x about its centre
  kind 2  province LIKE 'Pre%'                     LIKE: the first 2..6 characters of a random province name
  kind 3  area_m2 BETWEEN lo AND hi                numeric range: lo log-uniform 2,000..3,000,000 m2, hi = lo*1.2..2.5
  kind 4  land_use_type IN ('A','B') AND updated_at >= TIMESTAMP('T')    IN list + timestamp comparison
  items_filter_limit100.txt   /ogc/collections/db:parcels/items?limit=100&filter=<CQL2 text, percent-encoded>
  filters.tsv                 n, kind, CQL2 text (readable)
  filter_params.sql           table geosdi_bench.filter_params: the same parameters as SQL values, one row per
                              n, for the pgbench scripts (tools/pgbench_filter_*.sql look the row up by a random n)
  bbox_params.sql             table geosdi_bench.bbox_params: the 500 bboxes, for tools/pgbench_bbox_*.sql
The province names and land-use classes are read from the database (deterministic: data.sql).
"""
import datetime
import math
import os
import random
import struct
import subprocess
import urllib.parse

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED_BENCH", "/work/shared/bench")
CANON = os.path.join(SHARED, "urls", "canonical")
OUT = os.path.join(BENCH, "urls", "geosdi-postgis")
COLLECTION = "/ogc/collections/db:parcels/items"
SEED = 20251121
N_FILTERS = 500


def psql(sql):
    env = dict(os.environ, PGPASSWORD=os.environ.get("PGPASSWORD", "bench"))
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "bench", "-d", "bench", "-XAtq", "-c", sql],
                         check=True, capture_output=True, text=True, env=env).stdout
    return [l for l in out.split("\n") if l]


def polygon_wkb(x1, y1, x2, y2):
    """little-endian 2D WKB polygon, the ring as written in the CQL2 text (what the server binds)"""
    ring = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
    b = struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring))
    for x, y in ring:
        b += struct.pack("<dd", x, y)
    return b.hex()


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    os.makedirs(OUT, exist_ok=True)
    bboxes = [l.strip() for l in open(os.path.join(CANON, "bbox_items_crs84.txt")) if l.strip()]
    offsets = [l.strip() for l in open(os.path.join(CANON, "offsets_limit1000.txt")) if l.strip()]
    with open(os.path.join(OUT, "items_bbox_limit100.txt"), "w") as f:
        for b in bboxes:
            f.write("%s?limit=100&bbox=%s\n" % (COLLECTION, b))
    with open(os.path.join(OUT, "items_offset_limit1000.txt"), "w") as f:
        for o in offsets:
            f.write("%s?limit=1000&offset=%s\n" % (COLLECTION, o))

    classes = psql("SELECT DISTINCT land_use_type FROM parcels ORDER BY 1")
    provinces = psql("SELECT DISTINCT province FROM parcels ORDER BY 1")
    rnd = random.Random(SEED)
    rows = []
    for n in range(1, N_FILTERS + 1):
        kind = (n - 1) % 4 + 1
        r = {"n": n, "kind": kind, "lut": "", "lut2": "", "pattern": "", "lo": 0.0, "hi": 0.0,
             "ts": "2000-01-01T00:00:00Z", "x1": 0.0, "y1": 0.0, "x2": 0.0, "y2": 0.0, "wkb": ""}
        if kind == 1:
            x1, y1, x2, y2 = (float(v) for v in rnd.choice(bboxes).split(","))
            cx, cy, h = (x1 + x2) / 2, (y1 + y2) / 2, 1.5 * (x2 - x1)
            x1, y1, x2, y2 = (float("%.6f" % v) for v in (cx - h, cy - h, cx + h, cy + h))
            r.update(lut=rnd.choice(classes), x1=x1, y1=y1, x2=x2, y2=y2, wkb=polygon_wkb(x1, y1, x2, y2))
            c = "%.6f %.6f" % (x1, y1)
            r["cql"] = "land_use_type = '%s' AND S_INTERSECTS(geometry, POLYGON((%s, %.6f %.6f, %.6f %.6f, %.6f %.6f, %s)))" % (
                r["lut"], c, x2, y1, x2, y2, x1, y2, c)
        elif kind == 2:
            name = rnd.choice(provinces)
            r["pattern"] = name[:rnd.randint(2, 6)] + "%"
            r["cql"] = "province LIKE '%s'" % r["pattern"]
        elif kind == 3:
            lo = round(math.exp(rnd.uniform(math.log(2000), math.log(3000000))), 1)
            hi = round(lo * rnd.uniform(1.2, 2.5), 1)
            r.update(lo=lo, hi=hi)
            r["cql"] = "area_m2 BETWEEN %.1f AND %.1f" % (lo, hi)
        else:
            a, b = rnd.sample(classes, 2)
            t = 1546300800 + rnd.randint(0, 1717200000 - 1546300800)   # 2019-01-01 .. 2024-06-01 UTC
            ts = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            r.update(lut=a, lut2=b, ts=ts)
            r["cql"] = "land_use_type IN ('%s','%s') AND updated_at >= TIMESTAMP('%s')" % (a, b, ts)
        rows.append(r)

    with open(os.path.join(OUT, "items_filter_limit100.txt"), "w") as f:
        for r in rows:
            f.write("%s?limit=100&filter=%s\n" % (COLLECTION, urllib.parse.quote(r["cql"], safe="")))
    with open(os.path.join(OUT, "filters.tsv"), "w") as f:
        f.write("# n\tkind\tCQL2 text (seed %d; tools/gen_postgis_urls.py)\n" % SEED)
        for r in rows:
            f.write("%d\t%d\t%s\n" % (r["n"], r["kind"], r["cql"]))
    with open(os.path.join(OUT, "filter_params.sql"), "w") as f:
        f.write("-- generated by bench/tools/gen_postgis_urls.py (seed %d): the parameters of\n" % SEED)
        f.write("-- items_filter_limit100.txt, one row per line n, for the pgbench scripts. Loaded by run-postgis.sh.\n")
        f.write("CREATE SCHEMA IF NOT EXISTS geosdi_bench;\n")
        f.write("DROP TABLE IF EXISTS geosdi_bench.filter_params;\n")
        f.write("CREATE TABLE geosdi_bench.filter_params (n int PRIMARY KEY, kind int NOT NULL, cql text NOT NULL,\n"
                "  lut text NOT NULL, lut2 text NOT NULL, pattern text NOT NULL, lo float8 NOT NULL, hi float8 NOT NULL,\n"
                "  ts timestamptz NOT NULL, x1 float8 NOT NULL, y1 float8 NOT NULL, x2 float8 NOT NULL, y2 float8 NOT NULL,\n"
                "  wkb text NOT NULL);\n")
        f.write("INSERT INTO geosdi_bench.filter_params VALUES\n")
        f.write(",\n".join(
            " (%d, %d, %s, %s, %s, %s, %r, %r, %s, %r, %r, %r, %r, %s)" % (
                r["n"], r["kind"], sql_text(r["cql"]), sql_text(r["lut"]), sql_text(r["lut2"]), sql_text(r["pattern"]),
                r["lo"], r["hi"], sql_text(r["ts"]), r["x1"], r["y1"], r["x2"], r["y2"],
                sql_text("\\x" + r["wkb"] if r["wkb"] else ""))
            for r in rows))
        f.write(";\nANALYZE geosdi_bench.filter_params;\n")
    with open(os.path.join(OUT, "bbox_params.sql"), "w") as f:
        f.write("-- generated by bench/tools/gen_postgis_urls.py: the 500 canonical bboxes of items_bbox_limit100.txt,\n")
        f.write("-- one row per line n, for the pgbench_bbox_*.sql scripts (run-postgis.sh, step sqlfloor).\n")
        f.write("CREATE SCHEMA IF NOT EXISTS geosdi_bench;\n")
        f.write("DROP TABLE IF EXISTS geosdi_bench.bbox_params;\n")
        f.write("CREATE TABLE geosdi_bench.bbox_params (n int PRIMARY KEY, x1 float8 NOT NULL, y1 float8 NOT NULL,\n"
                "  x2 float8 NOT NULL, y2 float8 NOT NULL);\n")
        f.write("INSERT INTO geosdi_bench.bbox_params VALUES\n")
        f.write(",\n".join(" (%d, %s)" % (i + 1, b.replace(",", ", ")) for i, b in enumerate(bboxes)))
        f.write(";\nANALYZE geosdi_bench.bbox_params;\n")
    with open(os.path.join(OUT, "templates.txt"), "w") as f:
        f.write("# list-file  URL template  (source of the parameters)\n")
        f.write("items_bbox_limit100.txt  %s?limit=100&bbox={minlon},{minlat},{maxlon},{maxlat}   "
                "(%s/urls/canonical/bbox_items_crs84.txt)\n" % (COLLECTION, SHARED))
        f.write("items_offset_limit1000.txt  %s?limit=1000&offset={offset}   (%s/urls/canonical/offsets_limit1000.txt)\n"
                % (COLLECTION, SHARED))
        f.write("items_cursor_limit1000.txt  %s?limit=1000 then the server's rel=next links "
                "(.../items?limit=1000&cursor=...&f=json), 200 pages   (tools/walk_cursor.py)\n" % COLLECTION)
        f.write("items_filter_limit100.txt  %s?limit=100&filter={CQL2 text}   (filters.tsv, seed %d)\n" % (COLLECTION, SEED))
    print("wrote %s: %d bboxes, %d offsets, %d filters" % (OUT, len(bboxes), len(offsets), len(rows)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check the answers behind run-postgis.sh's figures against PostGIS itself: a fast wrong answer is not a result.

usage: check_postgis.py OUT_DIR [N]       (N samples per bbox/filter list, default 20, spread evenly)

GEOSDI_URL (http://127.0.0.1:8090), MS_URL (http://127.0.0.1:8081), QGIS_URL (http://127.0.0.1:8082).
The truth comes from psql on database bench (role bench).

bbox lists (GeoSDI, MapServer, QGIS; the same N canonical bboxes): HTTP 200, JSON content type, GeoJSON
  FeatureCollection of <= 100 features with a geometry, ids unique; the number of features = min(100, exact
  count of parcels whose geometry intersects the bbox: ST_Intersects); every id is one of those parcels; the first
  vertex of every feature = the database's (to 1.1e-6 deg: MapServer and QGIS round to 6 decimals); numberMatched
  = the exact count (reported for the peers, required of GeoSDI); GeoSDI's page = the first 100 ids in key order
  (its documented order; the peers do not order).
paging lists (pages at offsets 0, 50,000, 100,000, 150,000, 199,000): GeoSDI's cursor page (line of
  items_cursor_limit1000.txt) and offset page = `SELECT id FROM parcels ORDER BY id LIMIT 1000 OFFSET o`; the peers'
  offset pages: 1000 valid GeoJSON features with unique ids that exist (whether the page equals the key-ordered one
  is reported: the peers do not order by key, so their pages are only stable, not comparable).
filter list (GeoSDI only; N filters, all 4 kinds): ids = the hand-written SQL's (tools/pgbench_filter_hand.sql
  with the same parameters, ORDER BY id LIMIT 100), numberMatched = its count(*).
Writes OUT_DIR/validity.json, prints a markdown table; exits 1 if a GeoSDI check failed.
"""
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED_BENCH", "/work/shared/bench")
GEOSDI = os.environ.get("GEOSDI_URL", "http://127.0.0.1:8090")
MS = os.environ.get("MS_URL", "http://127.0.0.1:8081")
QGIS = os.environ.get("QGIS_URL", "http://127.0.0.1:8082")
SERVERS = [("geosdi", GEOSDI, os.path.join(BENCH, "urls", "geosdi-postgis")),
           ("mapserver", MS, os.path.join(SHARED, "urls", "mapserver")),
           ("qgis", QGIS, os.path.join(SHARED, "urls", "qgis"))]
FIRST_VERTEX = "ST_X(p), ST_Y(p) FROM (SELECT id, ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1) AS p FROM parcels"


def psql(sql):
    env = dict(os.environ, PGPASSWORD="bench")
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "bench", "-d", "bench", "-XAtq", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True, env=env).stdout
    return [l.split("\t") for l in out.split("\n") if l]


def fetch(url):
    t0 = time.time()
    try:
        with urllib.request.urlopen(url, timeout=300) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read(), time.time() - t0
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read(), time.time() - t0
    except Exception as e:
        return None, "", str(e).encode(), time.time() - t0


def first_vertex(g):
    c = (g or {}).get("coordinates")
    while isinstance(c, list) and c and isinstance(c[0], list):
        c = c[0]
    return (c[0], c[1]) if c else None


def parse(status, ctype, body, limit):
    """-> (problem or None, [ids in order], {id: first vertex}, numberMatched)"""
    if status != 200:
        return "HTTP %s %s" % (status, body[:120]), [], {}, None
    if "json" not in ctype:
        return "content type %r: %s" % (ctype, body[:120]), [], {}, None
    try:
        d = json.loads(body)
    except ValueError as e:
        return "invalid JSON: %s" % e, [], {}, None
    feats = d.get("features")
    if d.get("type") != "FeatureCollection" or not isinstance(feats, list):
        return "not a FeatureCollection", [], {}, None
    if len(feats) > limit:
        return "%d features > limit %d" % (len(feats), limit), [], {}, None
    ids, verts = [], {}
    for f in feats:
        if f.get("type") != "Feature" or not (f.get("geometry") or {}).get("type"):
            return "bad feature %s" % json.dumps(f)[:120], [], {}, None
        i = int(str(f.get("id")).split(".")[-1])
        ids.append(i)
        verts[i] = first_vertex(f.get("geometry"))
    if len(set(ids)) != len(ids):
        return "duplicate ids", ids, verts, d.get("numberMatched")
    return None, ids, verts, d.get("numberMatched")


def lines(path):
    return [l.strip() for l in open(path) if l.strip() and not l.startswith("#")]


def close(a, b):
    return a is not None and b is not None and abs(a[0] - b[0]) <= 1.1e-6 and abs(a[1] - b[1]) <= 1.1e-6


def new_row(name, server, checked):
    return {"list": name, "server": server, "checked": checked, "valid": 0, "right_count": 0, "ids_match": 0,
            "vertices_ok": 0, "matched_exact": 0, "same_as_key_order": 0, "features": 0, "bytes": 0, "ms": 0.0,
            "problems": []}


def check_bbox(n):
    bboxes = lines(os.path.join(SHARED, "urls", "canonical", "bbox_items_crs84.txt"))
    idx = list(range(0, len(bboxes), max(1, len(bboxes) // n)))[:n]
    rows = []
    truth = {}
    for i in idx:
        env = "ST_MakeEnvelope(%s, 4326)" % bboxes[i]
        ids = [int(r[0]) for r in psql("SELECT id FROM parcels WHERE ST_Intersects(geom, %s) ORDER BY id" % env)]
        truth[i] = ids
    for server, base, d in SERVERS:
        urls = lines(os.path.join(d, "items_bbox_limit100.txt"))
        r = new_row("items_bbox_limit100", server, len(idx))
        for i in idx:
            st, ct, body, dt = fetch(base + urls[i])
            r["ms"] += dt * 1000
            r["bytes"] += len(body)
            prob, ids, verts, matched = parse(st, ct, body, 100)
            if prob:
                r["problems"].append("#%d %s" % (i, prob))
                continue
            r["valid"] += 1
            r["features"] += len(ids)
            want = truth[i]
            if len(ids) == min(100, len(want)):
                r["right_count"] += 1
            else:
                r["problems"].append("#%d %d features, PostGIS: min(100, %d)" % (i, len(ids), len(want)))
            extra = set(ids) - set(want)
            if not extra:
                r["ids_match"] += 1
            else:
                r["problems"].append("#%d ids not intersecting the bbox: %s" % (i, sorted(extra)[:5]))
            if matched == len(want):
                r["matched_exact"] += 1
            else:
                r["problems"].append("#%d numberMatched %s, exact %d" % (i, matched, len(want)))
            if ids == want[:100]:
                r["same_as_key_order"] += 1
            elif server == "geosdi":
                r["problems"].append("#%d GeoSDI page is not the first 100 ids in key order" % i)
            if ids:
                db = {int(a): (float(x), float(y)) for a, x, y in
                      psql("SELECT id, %s WHERE id IN (%s)) s" % (FIRST_VERTEX, ",".join(map(str, ids))))}
                bad = [k for k in ids if not close(verts[k], db.get(k))]
                if not bad:
                    r["vertices_ok"] += 1
                else:
                    r["problems"].append("#%d first vertex differs for %d features, e.g. id %d: %s vs PostGIS %s" % (
                        i, len(bad), bad[0], verts[bad[0]], db.get(bad[0])))
        rows.append(r)
    return rows


def check_paging():
    offsets = [0, 50000, 100000, 150000, 199000]
    rows = []
    truth = {o: [int(x[0]) for x in psql("SELECT id FROM parcels ORDER BY id LIMIT 1000 OFFSET %d" % o)] for o in offsets}
    all_ids = None
    lists = [("geosdi", GEOSDI, os.path.join(BENCH, "urls", "geosdi-postgis", "items_cursor_limit1000.txt"), "cursor"),
             ("geosdi", GEOSDI, os.path.join(BENCH, "urls", "geosdi-postgis", "items_offset_limit1000.txt"), "offset"),
             ("mapserver", MS, os.path.join(SHARED, "urls", "mapserver", "items_offset_limit1000.txt"), "offset"),
             ("qgis", QGIS, os.path.join(SHARED, "urls", "qgis", "items_offset_limit1000.txt"), "offset")]
    for server, base, path, how in lists:
        if not os.path.exists(path):
            continue
        urls = lines(path)
        r = new_row("items_%s_limit1000" % how, server, len(offsets))
        for o in offsets:
            k = o // 1000
            st, ct, body, dt = fetch(base + urls[k])
            r["ms"] += dt * 1000
            r["bytes"] += len(body)
            prob, ids, verts, matched = parse(st, ct, body, 1000)
            if prob:
                r["problems"].append("page %d: %s" % (k, prob))
                continue
            r["valid"] += 1
            r["features"] += len(ids)
            want = truth[o]
            if len(ids) == len(want):
                r["right_count"] += 1
            else:
                r["problems"].append("page %d: %d features, expected %d" % (k, len(ids), len(want)))
            if ids == want:
                r["same_as_key_order"] += 1
                r["ids_match"] += 1
            else:
                if all_ids is None:
                    all_ids = {int(x[0]) for x in psql("SELECT id FROM parcels")}
                if set(ids) <= all_ids:
                    r["ids_match"] += 1
                else:
                    r["problems"].append("page %d: ids that do not exist" % k)
                if server == "geosdi":
                    r["problems"].append("page %d (%s): not the ids %d.. in key order" % (k, how, want[0] if want else -1))
            if matched == 200000 or matched is None and server != "geosdi":
                r["matched_exact"] += 1
            sample = ids[:50]
            if sample:
                db = {int(a): (float(x), float(y)) for a, x, y in
                      psql("SELECT id, %s WHERE id IN (%s)) s" % (FIRST_VERTEX, ",".join(map(str, sample))))}
                bad = [i for i in sample if not close(verts[i], db.get(i))]
                if not bad:
                    r["vertices_ok"] += 1
                else:
                    r["problems"].append("page %d: first vertex differs for %d of 50" % (k, len(bad)))
        rows.append(r)
    return rows


HAND = {  # the WHERE clauses of tools/pgbench_filter_hand.sql, with the parameters as literals
    1: "land_use_type = %(lut)s AND ST_Intersects(geom, ST_MakeEnvelope(%(x1)s, %(y1)s, %(x2)s, %(y2)s, 4326))",
    2: "province LIKE %(pattern)s",
    3: "area_m2 BETWEEN %(lo)s AND %(hi)s",
    4: "land_use_type IN (%(lut)s, %(lut2)s) AND updated_at >= %(ts)s",
}


def check_filters(n):
    urls = lines(os.path.join(BENCH, "urls", "geosdi-postgis", "items_filter_limit100.txt"))
    step = max(1, len(urls) // n)
    # evenly spaced, and the k-th sample of kind k % 4 + 1 (kinds are interleaved: kind = (line - 1) % 4 + 1)
    idx = [min(len(urls) - 4, k * step - (k * step) % 4) + k % 4 for k in range(min(n, len(urls)))]
    r = new_row("items_filter_limit100", "geosdi", len(idx))
    per_kind = {}
    for i in idx:
        p = psql("SELECT kind, quote_literal(lut), quote_literal(lut2), quote_literal(pattern), lo, hi, "
                 "quote_literal(ts), x1, y1, x2, y2 FROM geosdi_bench.filter_params WHERE n = %d" % (i + 1))[0]
        kind = int(p[0])
        v = dict(zip(["lut", "lut2", "pattern", "lo", "hi", "ts", "x1", "y1", "x2", "y2"], p[1:]))
        v["ts"] += "::timestamptz"
        where = HAND[kind] % v
        want = [int(x[0]) for x in psql("SELECT id FROM parcels WHERE %s ORDER BY id LIMIT 100" % where)]
        count = int(psql("SELECT count(*) FROM parcels WHERE %s" % where)[0][0])
        st, ct, body, dt = fetch(GEOSDI + urls[i])
        r["ms"] += dt * 1000
        r["bytes"] += len(body)
        k = per_kind.setdefault(kind, {"n": 0, "ms": 0.0, "matched": []})
        k["n"] += 1
        k["ms"] += dt * 1000
        k["matched"].append(count)
        prob, ids, verts, matched = parse(st, ct, body, 100)
        if prob:
            r["problems"].append("n=%d %s" % (i + 1, prob))
            continue
        r["valid"] += 1
        r["features"] += len(ids)
        r["right_count"] += len(ids) == len(want)
        if ids == want:
            r["ids_match"] += 1
            r["same_as_key_order"] += 1
        else:
            r["problems"].append("n=%d ids differ from the SQL's (%d vs %d)" % (i + 1, len(ids), len(want)))
        # A full page of a CQL2 filter leaves numberMatched out (optional in OGC API Features: counting would
        # re-read every match); when it is there it must be exact.
        if matched == count or (matched is None and len(ids) == 100):
            r["matched_exact"] += 1
        else:
            r["problems"].append("n=%d numberMatched %s, count(*) %d" % (i + 1, matched, count))
        r["vertices_ok"] += 1   # geometry checked on the bbox lists; same code path
    r["per_kind"] = {k: {"n": v["n"], "mean_ms": round(v["ms"] / v["n"], 1),
                         "numberMatched_median": sorted(m or 0 for m in v["matched"])[len(v["matched"]) // 2]}
                     for k, v in sorted(per_kind.items())}
    return [r]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rows = check_bbox(n) + check_paging() + check_filters(n)
    failed = False
    for r in rows:
        c = r["checked"]
        r["ms"] = round(r["ms"] / c, 1)
        r["bytes"] = int(r["bytes"] / c)
        keys = ["valid", "right_count", "ids_match", "vertices_ok", "matched_exact", "same_as_key_order"]
        r["ok"] = all(r[k] == c for k in keys)
        if r["server"] == "geosdi" and not r["ok"]:
            failed = True
    with open(os.path.join(out, "validity.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("| list | server | checked | valid GeoJSON | count = PostGIS | ids right | first vertex = PostGIS "
          "| numberMatched exact | = key-ordered page | mean bytes | single-request ms | problems (first 3) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %.1f | %s |" % (
            r["list"], r["server"], r["checked"], r["valid"], r["right_count"], r["ids_match"], r["vertices_ok"],
            r["matched_exact"], r["same_as_key_order"], r["bytes"], r["ms"],
            "; ".join(r["problems"][:3]).replace("|", "/") or "none"))
        if r.get("per_kind"):
            print("|  | per filter kind: %s |" % "; ".join(
                "kind %s: %d requests, mean %.1f ms, median numberMatched %d" % (k, v["n"], v["mean_ms"], v["numberMatched_median"])
                for k, v in r["per_kind"].items()))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

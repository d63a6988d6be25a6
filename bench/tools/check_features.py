#!/usr/bin/env python3
"""Check that GeoSDI and MapServer answer the benchmark's requests with valid GeoJSON and the SAME features.

usage: check_features.py OUT_DIR [N_PER_LIST]      (default 20 samples per list, spread evenly over the list)

Speed means nothing if the answers differ, and wrk only counts HTTP status codes (MapServer even reports its
errors as "200 text/html"). For N requests of every list that both servers have, this fetches both answers and
checks: HTTP 200, a JSON content type, a GeoJSON FeatureCollection with <= limit features, each with a geometry
(except vn:observations); then the number of features and the set of feature ids are the same on both servers,
and the geometries of the common ids agree (first vertex to 1e-6 deg). For the point layer the count must also
equal the R-tree count recorded in urls/canonical/ (exact for points).
Writes OUT_DIR/validity.json, prints a markdown table, exits 1 if any check failed.
"""
import json
import os
import re
import sys
import time
import urllib.error
import urllib.request

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEOSDI = os.environ.get("GEOSDI_URL", "http://127.0.0.1:8080")
MS = os.environ.get("MS_URL", "http://127.0.0.1:8081")
# list name, limit, canonical file with expected hits (points only: the R-tree count is exact for points)
LISTS = [
    ("items_bbox_limit100_populated_places", 100, "bbox_populated_places.txt"),
    ("items_bbox_limit100_land_parcels_synthetic", 100, None),
    ("items_limit1000_populated_places", 1000, None),
]


def fetch(url):
    t0 = time.time()
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read(), time.time() - t0
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read(), time.time() - t0
    except Exception as e:  # connection refused, timeout ...
        return None, "", str(e).encode(), time.time() - t0


def norm_id(i):
    """ids may be 2, "2" or "populated_places.2": compare the trailing integer when there is one"""
    m = re.search(r"(\d+)$", str(i))
    return m.group(1) if m else str(i)


def first_vertex(g):
    c = (g or {}).get("coordinates")
    while isinstance(c, list) and c and isinstance(c[0], list):
        c = c[0]
    return tuple(round(v, 6) for v in c[:2]) if c else None


def parse(status, ctype, body, limit, need_geom=True):
    """-> (problem or None, {id: first vertex}, numberMatched, n features)"""
    if status != 200:
        return "HTTP %s %s" % (status, body[:120]), {}, None, 0
    if "json" not in ctype:
        return "content type %r: %s" % (ctype, body[:120]), {}, None, 0
    try:
        d = json.loads(body)
    except ValueError as e:
        return "invalid JSON: %s" % e, {}, None, 0
    feats = d.get("features")
    if d.get("type") != "FeatureCollection" or not isinstance(feats, list):
        return "not a FeatureCollection", {}, None, 0
    if len(feats) > limit:
        return "%d features > limit %d" % (len(feats), limit), {}, None, len(feats)
    ids = {}
    for f in feats:
        if f.get("type") != "Feature" or (need_geom and not (f.get("geometry") or {}).get("type")):
            return "bad feature %s" % json.dumps(f)[:120], {}, None, len(feats)
        ids[norm_id(f.get("id"))] = first_vertex(f.get("geometry"))
    if len(ids) != len(feats):
        return "duplicate or missing ids", ids, d.get("numberMatched"), len(feats)
    return None, ids, d.get("numberMatched"), len(feats)


def close(a, b):
    return a is not None and b is not None and all(abs(x - y) <= 1.1e-6 for x, y in zip(a, b))


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rows, failed = [], False
    for name, limit, canon in LISTS:
        g_urls = [u.strip() for u in open(os.path.join(BENCH, "urls", "geosdi", name + ".txt")) if u.strip()]
        m_urls = [u.strip() for u in open(os.path.join(BENCH, "urls", "mapserver", name + ".txt")) if u.strip()]
        expected = None
        if canon:
            expected = [int(l.split()[1]) for l in open(os.path.join(BENCH, "urls", "canonical", canon))
                        if l.strip() and not l.startswith("#")]
        step = max(1, len(g_urls) // n)
        idx = list(range(0, len(g_urls), step))[:n]
        r = {"list": name, "checked": len(idx), "geosdi_valid": 0, "mapserver_valid": 0, "same_count": 0,
             "same_ids": 0, "same_geometry": 0, "expected_ok": 0 if canon else None, "features_geosdi": 0,
             "features_mapserver": 0, "ms_geosdi": 0.0, "ms_mapserver": 0.0, "problems": []}
        for i in idx:
            gs, gc, gb, gt = fetch(GEOSDI + g_urls[i])
            ms, mc, mb, mt = fetch(MS + m_urls[i])
            r["ms_geosdi"] += gt * 1000
            r["ms_mapserver"] += mt * 1000
            gp, gids, gmatched, gn = parse(gs, gc, gb, limit)
            mp, mids, mmatched, mn = parse(ms, mc, mb, limit)
            r["features_geosdi"] += gn
            r["features_mapserver"] += mn
            r["geosdi_valid"] += gp is None
            r["mapserver_valid"] += mp is None
            if gp:
                r["problems"].append("#%d GeoSDI: %s" % (i, gp))
            if mp:
                r["problems"].append("#%d MapServer: %s" % (i, mp))
            if gp or mp:
                continue
            if gn == mn:
                r["same_count"] += 1
            else:
                r["problems"].append("#%d count GeoSDI %d vs MapServer %d (numberMatched %s / %s)" % (
                    i, gn, mn, gmatched, mmatched))
            if set(gids) == set(mids):
                r["same_ids"] += 1
            elif gn == mn:
                r["problems"].append("#%d same count, different ids: %s" % (
                    i, sorted(set(gids) ^ set(mids))[:5]))
            common = set(gids) & set(mids)
            if all(close(gids[k], mids[k]) for k in common):
                r["same_geometry"] += 1
            else:
                k = next(k for k in sorted(common) if not close(gids[k], mids[k]))
                r["problems"].append("#%d id %s first vertex GeoSDI %s vs MapServer %s" % (i, k, gids[k], mids[k]))
            if expected is not None:
                want = min(expected[i], limit)
                if gn == want:
                    r["expected_ok"] += 1
                else:
                    r["problems"].append("#%d GeoSDI %d features, R-tree says %d" % (i, gn, want))
        c = r["checked"]
        r["ms_geosdi"] = round(r["ms_geosdi"] / c, 1)
        r["ms_mapserver"] = round(r["ms_mapserver"] / c, 1)
        ok = (r["geosdi_valid"] == r["mapserver_valid"] == r["same_count"] == r["same_ids"] == r["same_geometry"] == c
              and r["expected_ok"] in (None, c))
        r["ok"] = ok
        failed |= not ok
        rows.append(r)
    with open(os.path.join(out, "validity.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("| list | checked | valid GeoSDI / MapServer | same count | same ids | same geometry | = R-tree count "
          "| features GeoSDI / MapServer | single-request ms GeoSDI / MapServer | problems (first 3) |")
    print("|---|---:|---|---:|---:|---:|---:|---|---|---|")
    for r in rows:
        print("| %s | %d | %d / %d | %d | %d | %d | %s | %d / %d | %.1f / %.1f | %s |" % (
            r["list"], r["checked"], r["geosdi_valid"], r["mapserver_valid"], r["same_count"], r["same_ids"],
            r["same_geometry"], "-" if r["expected_ok"] is None else r["expected_ok"], r["features_geosdi"],
            r["features_mapserver"], r["ms_geosdi"], r["ms_mapserver"],
            "; ".join(r["problems"][:3]).replace("|", "/") or "none"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

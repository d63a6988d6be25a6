#!/usr/bin/env python3
"""Checks the answers of run-tiles.sh's servers before anything is timed; writes a markdown report, exits 1 when a
GeoSDI answer (or a peer's) is not a valid tile.

  hits  the first N tiles of the cache-hit lists from GeoSDI (XYZ and WMTS), MapProxy and nginx: HTTP 200,
        image/png, a valid 256x256 PNG (check_wms.decode: every CRC, IDAT inflated), not blank; GeoSDI's XYZ and
        WMTS answers byte-identical; GeoSDI's picture against MapProxy's (MapServer's drawing of the same style):
        mean channel difference over white and share of pixels differing by more than 48 (for scale, not a verdict)
  mvt   the first N tiles of the MVT lists from GeoSDI (no cache), MapServer and the raw ST_AsMVT statement of
        tools/pgbench_mvt.sql (run through psql with :n = the line): a decodable Mapbox Vector Tile (protobuf walked
        to every feature), the layer named parcels, its feature ids; GeoSDI's ids must equal the raw statement's
        (the same rows), MapServer's count is reported

usage: check_tiles.py N GEOSDI_HITS_URL GEOSDI_MVT_URL MAPPROXY_URL MS_URL OUTFILE
"""
import os
import subprocess
import sys
import urllib.request

import check_wms

HERE = os.path.dirname(os.path.abspath(__file__))
URLS = os.path.join(HERE, "..", "urls", "geosdi-tiles")
SHARED = os.environ.get("SHARED_BENCH", "/work/shared/bench")


def fetch(url):
    req = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def lines(path, n):
    with open(path) as f:
        return [l.strip() for l in f if l.strip()][:n]


def varint(b, i):
    v = s = 0
    while True:
        x = b[i]
        i += 1
        v |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return v, i


def fields(b):
    """(field number, wire type, value) of one protobuf message; raises on a malformed one"""
    i = 0
    while i < len(b):
        key, i = varint(b, i)
        f, w = key >> 3, key & 7
        if w == 0:
            v, i = varint(b, i)
        elif w == 2:
            n, i = varint(b, i)
            v = b[i:i + n]
            if len(v) != n:
                raise ValueError("truncated field %d" % f)
            i += n
        elif w == 1:
            v, i = b[i:i + 8], i + 8
        elif w == 5:
            v, i = b[i:i + 4], i + 4
        else:
            raise ValueError("wire type %d" % w)
        yield f, w, v


def mvt_layers(b):
    """{layer name: sorted feature ids} of a vector tile; every feature needs a geometry"""
    out = {}
    for f, w, v in fields(b):
        if f != 3 or w != 2:
            raise ValueError("field %d at the top level" % f)
        name, ids, version = None, [], None
        for lf, lw, lv in fields(v):
            if lf == 1:
                name = lv.decode("utf-8")
            elif lf == 15:
                version = lv
            elif lf == 2:
                fid, geometry = None, False
                for ff, fw, fv in fields(lv):
                    if ff == 1:
                        fid = fv
                    elif ff == 4:
                        geometry = len(fv) > 0
                if not geometry:
                    raise ValueError("a feature without geometry")
                ids.append(fid)
        if name is None or version != 2:
            raise ValueError("layer without name or not version 2")
        out[name] = sorted(i for i in ids if i is not None)
    return out


def raw_mvt(n):
    sql = open(os.path.join(SHARED, "tools", "pgbench_mvt.sql")).read()
    sql = "\n".join(l for l in sql.split("\n") if not l.startswith("--") and not l.startswith("\\"))
    sql = sql.replace("SELECT length(ST_AsMVT(q, 'parcels', 4096, 'geom', 'id'))",
                      "SELECT encode(ST_AsMVT(q, 'parcels', 4096, 'geom', 'id'), 'hex')").replace(":n", str(n))
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "bench", "-d", "bench", "-XAtq", "-c", sql],
                         env=dict(os.environ, PGPASSWORD="bench"), capture_output=True, text=True, check=True).stdout
    return bytes.fromhex(out.strip())


def png_check(status, ctype, body):
    if status != 200 or not ctype.startswith("image/png"):
        return None, "HTTP %d %s" % (status, ctype)
    try:
        w, h, rgba = check_wms.decode(body)
    except ValueError as e:
        return None, "PNG: %s" % e
    if (w, h) != (256, 256):
        return None, "%dx%d" % (w, h)
    drawn = sum(1 for a in rgba[3::4] if a) / (w * h)
    return rgba, "%.0f %% drawn" % (100 * drawn) if drawn else "blank"


def main():
    n, geosdi, geosdi_mvt, mapproxy, ms, outfile = sys.argv[1:7]
    n = int(n)
    report, failed = [], 0
    report.append("## Cache hits: the first %d tiles of the lists\n" % n)
    report.append("| tile | GeoSDI XYZ | GeoSDI WMTS = XYZ | MapProxy | nginx | GeoSDI vs MapProxy: mean diff / pixels > 48 |")
    report.append("|---|---|---|---|---|---|")
    xyz = lines(os.path.join(URLS, "hits_xyz.txt"), n)
    wmts = lines(os.path.join(URLS, "hits_wmts.txt"), n)
    mp = lines(os.path.join(SHARED, "urls", "mapproxy", "wmts_cache_hits.txt"), n)
    st = lines(os.path.join(SHARED, "urls", "nginx-static", "static_cache_hits.txt"), n)
    for a, b, c, d in zip(xyz, wmts, mp, st):
        sa, cta, ba = fetch(geosdi + a)
        sb, ctb, bb = fetch(geosdi + b)
        sc, ctc, bc = fetch(mapproxy + c)
        sd, ctd, bd = fetch(mapproxy + d)
        pa, ma = png_check(sa, cta, ba)
        pb, mb = png_check(sb, ctb, bb)
        pc, mc = png_check(sc, ctc, bc)
        pd, md = png_check(sd, ctd, bd)
        same = ba == bb
        diff = "-"
        if pa is not None and pc is not None:
            mean, far = check_wms.difference(pa, pc)
            diff = "%.1f / %.1f %%" % (mean, 100 * far)
        ok = all(p is not None for p in (pa, pb, pc, pd)) and same and ma != "blank"
        failed += not ok
        report.append("| %s | %s | %s | %s | %s | %s |%s" % (a.split("parcels/")[1], ma, "same" if same else "DIFFERENT: " + mb,
                                                              mc, md, diff, "" if ok else " **FAIL**"))
    report.append("\n## MVT: the first %d tiles of the lists (GeoSDI without cache, MapServer, raw ST_AsMVT)\n" % n)
    report.append("| tile | GeoSDI | raw ST_AsMVT | GeoSDI ids = raw ids | MapServer |")
    report.append("|---|---|---|---|---|")
    gl = lines(os.path.join(URLS, "mvt_z10-14.txt"), n)
    ml = lines(os.path.join(SHARED, "urls", "mapserver", "mvt_z10-14.txt"), n)
    for i, (g, m) in enumerate(zip(gl, ml), start=1):
        cells, ok, layers = [], True, {}
        for name, url in (("geosdi", geosdi_mvt + g), ("mapserver", ms + m)):
            s, ct, b = fetch(url)
            try:
                if s == 204:
                    layers[name] = {}
                elif s != 200 or not any(k in ct for k in ("vector-tile", "mvt", "protobuf")):
                    raise ValueError("HTTP %d %s" % (s, ct))
                else:
                    layers[name] = mvt_layers(b)
                cells.append("%s, %d features" % (ct or "204", sum(len(v) for v in layers[name].values())))
            except (ValueError, IndexError) as e:
                cells.append("INVALID: %s" % e)
                ok = False
        raw = mvt_layers(raw_mvt(i))
        same = ok and layers["geosdi"].get("parcels", []) == raw.get("parcels", []) and set(layers["geosdi"]) <= {"parcels"}
        ok = ok and same
        failed += not ok
        report.append("| %s | %s | %d features | %s | %s |%s" % (g.split("parcels/")[1], cells[0], len(raw.get("parcels", [])),
                                                               "yes" if same else "NO", cells[1], "" if ok else " **FAIL**"))
    report.append("\n%s\n" % ("All answers valid." if not failed else "%d rows FAILED." % failed))
    open(outfile, "w").write("\n".join(report) + "\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Checks run-raster.sh's answers before they are timed: the first N maps of the two lists (same maps) must come
back from GeoSDI and MapServer as valid 256x256 PNGs (check_wms.py's decoder); prints the drawn share and GeoSDI's
mean colour difference from MapServer's picture (same file, same ramp: it should be small), keeps the first 3
pictures of each in OUT_DIR/samples/. Fails on an invalid answer or when GeoSDI draws nothing where MapServer draws.

usage: check_raster.py OUT_DIR N URL_DIR GEOSDI_URL MS_URL
"""
import os
import sys

from check_wms import FAR, decode, difference, fetch


def pictures(base, paths, out_dir, server, problems):
    result = []
    for i, path in enumerate(paths):
        try:
            status, ctype, body = fetch(base + path)
            if status != 200 or not ctype.startswith("image/png"):
                raise ValueError("HTTP %s %s: %r" % (status, ctype, body[:200]))
            w, h, px = decode(body)
            if (w, h) != (256, 256):
                raise ValueError("%dx%d, asked for 256x256" % (w, h))
            if i < 3:
                with open(os.path.join(out_dir, "samples", "raster_%s_%d.png" % (server, i + 1)), "wb") as f:
                    f.write(body)
            result.append(px)
        except Exception as e:  # a bad answer is a finding, not a crash
            problems.append("%s line %d: %s" % (server, i + 1, e))
            result.append(None)
    return result


def main():
    out_dir, n, url_dir, geosdi, ms = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    os.makedirs(os.path.join(out_dir, "samples"), exist_ok=True)
    problems = []
    shots = {}
    for server, base in (("geosdi", geosdi), ("mapserver", ms)):
        paths = [l.strip() for l in open(os.path.join(url_dir, server + ".txt")) if l.strip()][:n]
        shots[server] = pictures(base.rstrip("/"), paths, out_dir, server, problems)
    drawn = lambda px: 1.0 - px[3::4].count(0) / float(len(px) // 4)
    diffs = []
    for i, (g, m) in enumerate(zip(shots["geosdi"], shots["mapserver"])):
        if g is None or m is None:
            continue
        if drawn(m) > 0 and drawn(g) == 0:
            problems.append("line %d: GeoSDI drew nothing where MapServer drew something" % (i + 1))
        diffs.append(difference(g, m))
    print("| server | valid PNGs of %d | drawn pixels (mean) |" % n)
    print("|---|---:|---:|")
    for server in ("geosdi", "mapserver"):
        ok = [px for px in shots[server] if px is not None]
        print("| %s | %d | %.1f %% |" % (server, len(ok), 100.0 * sum(map(drawn, ok)) / max(1, len(ok))))
    if diffs:
        mean = [d for d, _ in diffs]
        print("\nGeoSDI vs MapServer: mean colour difference %.1f of 255 (min %.1f, max %.1f); pixels differing > %d: %.1f %%"
              % (sum(mean) / len(mean), min(mean), max(mean), FAR, 100.0 * sum(f for _, f in diffs) / len(diffs)))
    for p in problems:
        print("- %s" % p)
    print("check: %s" % ("FAILED" if problems else "passed"))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

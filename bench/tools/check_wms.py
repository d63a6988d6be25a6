#!/usr/bin/env python3
"""Checks the WMS answers before they are timed: for the first N maps of each list, GeoSDI, MapServer and QGIS must
answer 200 image/png with a valid PNG of the requested size (every chunk's CRC checked, decoded with zlib). Prints,
per server, the share of drawn (non-transparent) pixels, and for GeoSDI the mean colour difference from MapServer's
picture of the same map (same data, same style: it should be small). Fails when a server's answer is not a valid
image, or when GeoSDI draws nothing where MapServer draws something. Standard library only.

usage: check_wms.py OUT_DIR N GEOSDI_URL MS_URL QGIS_URL
"""
import os
import struct
import sys
import urllib.request
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = "/work/shared/bench"
LISTS = [("wms256_3857", os.path.join(HERE, "..", "urls", "geosdi-wms", "wms256_3857.txt")),
         ("wms1024_4326", os.path.join(HERE, "..", "urls", "geosdi-wms", "wms1024_4326.txt"))]


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


def decode(png):
    """(width, height, list of RGBA tuples) of an 8-bit non-interlaced PNG; raises on anything malformed."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, palette, trns = 8, b"", None, None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        crc, = struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + data) != crc:
            raise ValueError("bad CRC in %s" % kind)
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", data)
            if depth != 8 or interlace:
                raise ValueError("unsupported PNG (depth %d, interlace %d)" % (depth, interlace))
        elif kind == b"PLTE":
            palette = data
        elif kind == b"tRNS":
            trns = data
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    pixels = []
    for row in rows:
        for x in range(width):
            px = row[x * channels:(x + 1) * channels]
            if colour == 6:
                pixels.append(tuple(px))
            elif colour == 2:
                pixels.append((px[0], px[1], px[2], 255))
            elif colour == 3:
                i = px[0]
                alpha = trns[i] if trns is not None and i < len(trns) else 255
                pixels.append((palette[3 * i], palette[3 * i + 1], palette[3 * i + 2], alpha))
            elif colour == 0:
                pixels.append((px[0], px[0], px[0], 255))
            else:
                pixels.append((px[0], px[0], px[0], px[1]))
    return width, height, pixels


def composite(p):
    """The pixel over white, so transparent and white compare equal."""
    r, g, b, a = p
    return tuple(round(c * a / 255 + 255 * (255 - a) / 255) for c in (r, g, b))


def main():
    out_dir, n, geosdi, ms, qgis = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    peers = {"geosdi": (geosdi, None), "mapserver": (ms, os.path.join(SHARED, "urls", "mapserver")),
             "qgis": (qgis, os.path.join(SHARED, "urls", "qgis"))}
    ok = True
    print("| list | server | maps | valid PNGs | drawn pixels (mean) |")
    print("|---|---|---:|---:|---:|")
    for name, geosdi_list in LISTS:
        count = n if name == "wms256_3857" else max(2, n // 5)   # 1024x768 PNGs are slow to decode in Python
        paths = {"geosdi": [l.strip() for l in open(geosdi_list)][:count]}
        for peer in ("mapserver", "qgis"):
            paths[peer] = [l.strip() for l in open(os.path.join(peers[peer][1], name + ".txt"))][:count]
        images = {}
        for server, (base, _) in peers.items():
            valid, drawn, imgs = 0, [], []
            for path in paths[server]:
                try:
                    status, ctype, body = fetch(base + path)
                    w, h, px = decode(body)
                    want = (256, 256) if name == "wms256_3857" else (1024, 768)
                    if status != 200 or not ctype.startswith("image/png") or (w, h) != want:
                        raise ValueError("HTTP %s %s %dx%d" % (status, ctype, w, h))
                    valid += 1
                    drawn.append(sum(1 for p in px if p[3] > 0) / len(px))
                    imgs.append(px)
                except Exception as e:  # a bad answer is a finding, not a crash
                    print("<!-- %s %s: %s -->" % (server, path[:100], e))
                    imgs.append(None)
            images[server] = imgs
            print("| %s | %s | %d | %d | %.1f %% |" % (name, server, len(paths[server]), valid, 100 * sum(drawn) / max(1, len(drawn))))
            ok &= valid == len(paths[server])
        diffs = []
        for g, m in zip(images["geosdi"], images["mapserver"]):
            if g is None or m is None:
                continue
            if any(p[3] for p in m) and not any(p[3] for p in g):
                print("<!-- GeoSDI drew nothing where MapServer drew something -->")
                ok = False
            diffs.append(sum(sum(abs(a - b) for a, b in zip(composite(p), composite(q))) for p, q in zip(g, m)) / (3 * len(g)))
        if diffs:
            print("| %s | mean colour difference GeoSDI vs MapServer (over white) | %d | - | %.1f of 255 per channel |" % (
                name, len(diffs), sum(diffs) / len(diffs)))
    print()
    print("check: %s" % ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

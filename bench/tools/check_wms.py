#!/usr/bin/env python3
"""Checks the WMS answers before they are timed: for the first N maps of each list (the same maps on every server),
GeoSDI, MapServer and QGIS must answer 200 image/png with a valid PNG of the requested size (every chunk's CRC
checked, IDAT inflated with zlib and unfiltered: 8-bit grey, RGB, paletted (+tRNS), grey+alpha, RGBA). Prints per
server the share of drawn (non-transparent) pixels, and the mean per-pixel colour difference of GeoSDI's picture from
MapServer's (both composited over white; same data, same style: it should be small), with QGIS vs MapServer beside
it for scale, and the share of pixels differing by more than 48 of 255 in a channel. Keeps the first 3 pictures of
each server and list in OUT_DIR/samples/. Fails when an answer is not a valid image of the right size, or when GeoSDI
draws nothing where MapServer draws something; differences are reported, not judged. Standard library only.

usage: check_wms.py OUT_DIR N GEOSDI_URL MS_URL QGIS_URL
"""
import os
import struct
import sys
import urllib.request
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED_BENCH", "/work/shared/bench")
LISTS = [("wms256_3857", (256, 256)), ("wms1024_4326", (1024, 768))]
SERVERS = ("geosdi", "mapserver", "qgis")
FAR = 48                                   # a channel difference above this counts the pixel as "differing"
M7 = M8 = None                             # byte masks for the Up filter, sized on first use


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


def add_bytes(x, y, n):
    """bytewise (x + y) mod 256 of two n-byte strings, without a Python loop over the bytes"""
    global M7, M8
    if M7 is None or len(M7) != n:
        M7, M8 = b"\x7f" * n, b"\x80" * n
    a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
    m7, m8 = int.from_bytes(M7, "big"), int.from_bytes(M8, "big")
    return bytearray((((a & m7) + (b & m7)) ^ ((a ^ b) & m8)).to_bytes(n, "big"))


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    out = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        base = y * (stride + 1)
        f = raw[base]
        line = bytearray(raw[base + 1:base + 1 + stride])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = add_bytes(line, prev, stride)
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif f != 0:
            raise ValueError("bad filter type %d in row %d" % (f, y))
        out += line
        prev = line
    return out


def decode(png):
    """(width, height, RGBA bytearray) of an 8-bit non-interlaced PNG; raises on anything malformed."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, palette, trns, ihdr, seen_end = 8, [], None, None, None, False
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if len(data) != length or pos + 12 + length > len(png):
            raise ValueError("truncated %s chunk" % kind)
        crc, = struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + data) != crc:
            raise ValueError("bad CRC in %s" % kind)
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", data)
        elif kind == b"PLTE":
            palette = data
        elif kind == b"tRNS":
            trns = data
        elif kind == b"IDAT":
            idat.append(data)
        elif kind == b"IEND":
            seen_end = True
        pos += 12 + length
    if ihdr is None or not idat or not seen_end:
        raise ValueError("missing IHDR, IDAT or IEND")
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or interlace or colour not in (0, 2, 3, 4, 6):
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(idat))
    if len(raw) != height * (width * bpp + 1):
        raise ValueError("image data is %d bytes, expected %d" % (len(raw), height * (width * bpp + 1)))
    px = unfilter(raw, width, height, bpp)
    n = width * height
    if colour == 6:
        return width, height, px
    rgba = bytearray(4 * n)
    if colour == 2:
        for c in range(3):
            rgba[c::4] = px[c::3]
        rgba[3::4] = b"\xff" * n
    elif colour == 3:
        if palette is None:
            raise ValueError("paletted PNG without PLTE")
        alpha = (trns or b"") + b"\xff" * 256
        for c in range(3):
            rgba[c::4] = px.translate(bytes(palette[3 * i + c] if 3 * i + c < len(palette) else 0 for i in range(256)))
        rgba[3::4] = px.translate(alpha[:256])
    elif colour == 0:
        for c in range(3):
            rgba[c::4] = px
        rgba[3::4] = b"\xff" * n
    else:
        for c in range(3):
            rgba[c::4] = px[0::2]
        rgba[3::4] = px[1::2]
    return width, height, rgba


# OVER[a][c] = channel value c with alpha a, composited over white
OVER = [bytes(round(c * a / 255 + 255 * (255 - a) / 255) for c in range(256)) for a in range(256)]


def over_white(rgba):
    """RGB bytes of the picture composited over white (transparent and white compare equal)"""
    n = len(rgba) // 4
    rgb = bytearray(3 * n)
    alphas = rgba[3::4]
    if alphas.count(255) == n:
        for c in range(3):
            rgb[c::3] = rgba[c::4]
        return rgb
    for i in range(n):
        a = alphas[i]
        t = OVER[a]
        rgb[3 * i] = t[rgba[4 * i]]
        rgb[3 * i + 1] = t[rgba[4 * i + 1]]
        rgb[3 * i + 2] = t[rgba[4 * i + 2]]
    return rgb


def difference(p, q):
    """(mean absolute channel difference over white, share of pixels differing by more than FAR in a channel)"""
    a, b = over_white(p), over_white(q)
    if a == b:
        return 0.0, 0.0
    total = far = 0
    for i in range(0, len(a), 3):
        d0, d1, d2 = abs(a[i] - b[i]), abs(a[i + 1] - b[i + 1]), abs(a[i + 2] - b[i + 2])
        s = d0 + d1 + d2
        if s:
            total += s
            if d0 > FAR or d1 > FAR or d2 > FAR:
                far += 1
    n = len(a) // 3
    return total / (3.0 * n), far / float(n)


def main():
    out_dir, n, geosdi, ms, qgis = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    bases = {"geosdi": geosdi.rstrip("/"), "mapserver": ms.rstrip("/"), "qgis": qgis.rstrip("/")}
    dirs = {"geosdi": os.path.join(HERE, "..", "urls", "geosdi-wms"), "mapserver": os.path.join(SHARED, "urls", "mapserver"),
            "qgis": os.path.join(SHARED, "urls", "qgis")}
    os.makedirs(os.path.join(out_dir, "samples"), exist_ok=True)
    ok = True
    problems = []
    print("| list | server | maps | valid PNGs | mean KiB | drawn pixels (mean) | colour difference from MapServer, "
          "mean of 255 per channel (min - max) | pixels differing > %d of 255 (mean) |" % FAR)
    print("|---|---|---:|---:|---:|---:|---|---:|")
    for name, size in LISTS:
        paths = {s: [l.strip() for l in open(os.path.join(dirs[s], name + ".txt")) if l.strip()][:n] for s in SERVERS}
        images = {}
        stats = {}
        for server in SERVERS:
            valid, drawn, sizes, imgs = 0, [], [], []
            for i, path in enumerate(paths[server]):
                try:
                    status, ctype, body = fetch(bases[server] + path)
                    sizes.append(len(body))
                    if status != 200 or not ctype.startswith("image/png"):
                        raise ValueError("HTTP %s %s: %r" % (status, ctype, body[:200]))
                    w, h, px = decode(body)
                    if (w, h) != size:
                        raise ValueError("%dx%d, asked for %dx%d" % (w, h, size[0], size[1]))
                    valid += 1
                    alphas = px[3::4]
                    drawn.append(1.0 - alphas.count(0) / float(len(alphas)))
                    imgs.append(px)
                    if i < 3:
                        with open(os.path.join(out_dir, "samples", "%s_%s_%d.png" % (name, server, i + 1)), "wb") as f:
                            f.write(body)
                except Exception as e:  # a bad answer is a finding, not a crash
                    problems.append("%s %s line %d: %s" % (name, server, i + 1, e))
                    imgs.append(None)
            images[server] = imgs
            stats[server] = (valid, drawn, sizes)
            ok &= valid == len(paths[server])
        for server in SERVERS:
            valid, drawn, sizes = stats[server]
            diff = "-"
            far_s = "-"
            if server != "mapserver":
                ds = []
                for i, (g, m) in enumerate(zip(images[server], images["mapserver"])):
                    if g is None or m is None:
                        continue
                    if server == "geosdi" and m[3::4].count(0) < len(m) // 4 and g[3::4].count(0) == len(g) // 4:
                        problems.append("%s line %d: GeoSDI drew nothing where MapServer drew something" % (name, i + 1))
                        ok = False
                    ds.append(difference(g, m))
                if ds:
                    mean = [d for d, _ in ds]
                    diff = "%.1f (%.1f - %.1f)" % (sum(mean) / len(mean), min(mean), max(mean))
                    far_s = "%.1f %%" % (100.0 * sum(f for _, f in ds) / len(ds))
            print("| %s | %s | %d | %d | %.1f | %.1f %% | %s | %s |" % (
                name, server, len(paths[server]), valid, sum(sizes) / 1024.0 / max(1, len(sizes)),
                100.0 * sum(drawn) / max(1, len(drawn)), diff, far_s))
    print()
    for p in problems:
        print("- %s" % p)
    print("check: %s" % ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

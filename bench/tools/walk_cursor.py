#!/usr/bin/env python3
"""Walk a GeoSDI collection by its rel="next" links (keyset cursor) and write the page URLs as a wrk list.

usage: walk_cursor.py GEOSDI_URL COLLECTION_PATH LIST_OUT [EXPECTED_ROWS]
  e.g. walk_cursor.py http://127.0.0.1:8090 '/ogc/collections/db:parcels/items?limit=1000' list.txt 200000

Line 1 is COLLECTION_PATH itself, then every next link as path + query (scheme and host dropped), so that wrk
replays exactly the pages a client paging through the layer asks for. Checks every page: HTTP 200, GeoJSON
FeatureCollection, full pages but the last, ids strictly increasing across the walk (key order), total =
EXPECTED_ROWS when given. Prints one JSON line: pages, features, bytes, seconds, problems.
"""
import json
import sys
import time
import urllib.parse
import urllib.request


def main():
    base, first, out = sys.argv[1:4]
    expected = int(sys.argv[4]) if len(sys.argv) > 4 else None
    limit = int(urllib.parse.parse_qs(urllib.parse.urlsplit(first).query).get("limit", ["10"])[0])
    paths, problems = [first], []
    url = base + first
    pages = features = nbytes = 0
    last_id = None
    t0 = time.time()
    while url:
        with urllib.request.urlopen(url, timeout=300) as r:
            status, ctype, body = r.status, r.headers.get("Content-Type", ""), r.read()
        d = json.loads(body)
        pages += 1
        nbytes += len(body)
        if status != 200 or "json" not in ctype or d.get("type") != "FeatureCollection":
            problems.append("page %d: HTTP %s %s" % (pages, status, ctype))
            break
        ids = [int(f["id"]) for f in d["features"]]
        features += len(ids)
        if ids and last_id is not None and ids[0] <= last_id or any(b <= a for a, b in zip(ids, ids[1:])):
            problems.append("page %d: ids not increasing" % pages)
        if ids:
            last_id = ids[-1]
        nxt = [l["href"] for l in d.get("links", []) if l.get("rel") == "next"]
        if nxt and len(ids) != limit:
            problems.append("page %d: %d features and a next link" % (pages, len(ids)))
        url = nxt[0] if nxt else None
        if url:
            s = urllib.parse.urlsplit(url)
            paths.append(s.path + ("?" + s.query if s.query else ""))
            url = base + paths[-1]
        if pages > 100000:
            problems.append("more than 100,000 pages: stopped")
            break
    seconds = time.time() - t0
    # the last page's next link is absent: the list is the pages requested
    if expected is not None and features != expected:
        problems.append("%d features, expected %d" % (features, expected))
    with open(out, "w") as f:
        f.write("\n".join(paths[:pages]) + "\n")
    print(json.dumps({"pages": pages, "features": features, "bytes": nbytes, "seconds": round(seconds, 2),
                      "problems": problems}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

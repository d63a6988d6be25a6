#!/usr/bin/env python3
"""One cold pass over a tile list: every URL fetched exactly once by CONN keep-alive clients (threads taking the
next URL from a shared queue), so on a server whose cache was just emptied every request is a render. Each answer is
checked as it arrives (HTTP 200, image/png, a PNG of 256x256 with valid CRCs, decoded by check_wms.decode for the
first SAMPLE of them, which must not all be blank). Prints one JSON line in the shape lib/harness.sh writes for wrk,
so series_table.py reads it: rps = tiles / wall time, latencies, non2xx3xx = answers that failed a check.

usage: cold_pass.py BASE_URL LIST CONN SCENARIO SERIES REP [SAMPLE]
"""
import http.client
import json
import queue
import struct
import sys
import threading
import time
import urllib.parse

import check_wms


def main():
    base, lst, conn, scenario, series, rep = sys.argv[1:7]
    sample = int(sys.argv[7]) if len(sys.argv) > 7 else 20
    conn = int(conn)
    urls = [l.strip() for l in open(lst) if l.strip()]
    host = urllib.parse.urlparse(base)
    todo = queue.Queue()
    for i, u in enumerate(urls):
        todo.put((i, u))
    lat, bad, drawn, nbytes, lock = [], [], [], [0], threading.Lock()

    def worker():
        c = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
        while True:
            try:
                i, u = todo.get_nowait()
            except queue.Empty:
                break
            t = time.perf_counter()
            try:
                c.request("GET", u)
                r = c.getresponse()
                body, status, ctype = r.read(), r.status, r.getheader("Content-Type", "")
            except Exception as e:  # a broken connection: count it, reconnect
                with lock:
                    bad.append("%s: %s" % (u, e))
                c.close()
                c = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
                continue
            ms = 1000.0 * (time.perf_counter() - t)
            problem = None
            if status != 200 or not ctype.startswith("image/png"):
                problem = "HTTP %d %s" % (status, ctype)
            elif body[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", body[16:24]) != (256, 256):
                problem = "not a 256x256 PNG"
            elif i < sample:
                try:
                    _, _, rgba = check_wms.decode(body)
                    share = sum(1 for a in rgba[3::4] if a) / (len(rgba) / 4.0)
                    with lock:
                        drawn.append(share)
                except ValueError as e:
                    problem = "PNG: %s" % e
            with lock:
                lat.append(ms)
                nbytes[0] += len(body)
                if problem:
                    bad.append("%s: %s" % (u, problem))
        c.close()

    threads = [threading.Thread(target=worker) for _ in range(conn)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    lat.sort()
    n = len(lat)
    rec = {"scenario": scenario, "series": series, "tool": "cold", "conn": conn, "rep": int(rep), "list": lst,
           "requests": n, "rps": round(n / wall, 2) if wall else None, "bytes": nbytes[0], "wall_s": round(wall, 2),
           "lat_mean_ms": round(sum(lat) / n, 2) if n else None, "lat_p50_ms": round(lat[n // 2], 2) if n else None,
           "lat_p99_ms": round(lat[min(n - 1, int(n * 0.99))], 2) if n else None, "lat_max_ms": round(lat[-1], 2) if n else None,
           "non2xx3xx": len(bad), "err_timeout": 0, "err_connect": 0, "err_read": 0, "err_write": 0,
           "drawn_share_mean": round(sum(drawn) / len(drawn), 3) if drawn else None, "problems": bad[:5]}
    if drawn and max(drawn) == 0:
        rec["problems"].append("every sampled tile is blank")
        rec["non2xx3xx"] += 1
    print(json.dumps(rec))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Capture the SQL GeoSDI sends to PostgreSQL, with its plans, and check the pgbench scripts against it.

usage: capture_sql.py OUT_DIR TRACE_URL PG_LOG
  TRACE_URL  a GeoSDI serving bench/conf/postgis.yaml as role geosdi_trace, whose settings (run-postgis.sh sets
             them) make PostgreSQL log every statement with its parameters (log_min_duration_statement = 0) and
             its EXPLAIN ANALYZE plan (auto_explain, log_analyze, buffers)
  PG_LOG     the cluster's log file (Debian: /var/log/postgresql/postgresql-15-main.log)

Requests, one at a time: a bbox page (items_bbox_limit100.txt line 1), the 2nd and the last cursor page and the
last offset page (limit=1000), filter lines 1..8 (two of each kind), and 2 pages of the 1,000,000-row table.
Writes OUT_DIR/sql-captured.md (per request: each statement, its parameters, duration and plan) and checks
that tools/pgbench_filter_server.sql, with its :variables numbered $1, $2, ... in order of first use, has exactly
the statement texts the server sent for each filter kind, and that geosdi_bench.filter_params holds the
parameter values the server bound; the same for pgbench_bbox_server.sql and pgbench_cursor_server.sql. Prints a short markdown summary; exits 1 when a check fails.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URLS = os.path.join(BENCH, "urls", "geosdi-postgis")
LINE = re.compile(r"^\S+ \S+ \S+ \[(\d+)\] geosdi_trace@bench (LOG|DETAIL|CONTEXT):  (.*)$")
PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")


def lines(path):
    return [l.strip() for l in open(path) if l.strip()]


def psql(sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "bench", "-d", "bench", "-XAtq", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True, env=dict(os.environ, PGPASSWORD="bench")).stdout
    return [l.split("\t") for l in out.split("\n") if l]


def read_log(path, start):
    """log records after byte offset start: (pid, kind, text with continuation lines)"""
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read().decode("utf-8", "replace")
    recs = []
    for raw in data.split("\n"):
        m = LINE.match(raw)
        if m:
            recs.append([int(m.group(1)), m.group(2), m.group(3)])
        elif recs and (raw.startswith("\t") or raw.startswith(" ")):
            recs[-1][2] += "\n" + raw
    return recs


def statements(recs):
    """execute records with their parameters (the DETAIL of the same pid that follows) and plan"""
    out, last = [], {}
    for pid, kind, text in recs:
        m = re.match(r"duration: ([0-9.]+) ms  execute <unnamed>: (.*)$", text, re.S)
        if kind == "LOG" and m:
            st = {"pid": pid, "ms": float(m.group(1)), "sql": m.group(2).strip(), "params": {}, "plan": None}
            out.append(st)
            last[pid] = st
        elif kind == "DETAIL" and text.startswith("parameters:") and pid in last and not last[pid]["params"]:
            last[pid]["params"] = {int(k): (None if v == "NULL" else v[1:-1].replace("''", "'"))
                                   for k, v in PARAM.findall(text)}
        elif kind == "LOG" and text.startswith("duration:") and " plan:" in text.split("\n")[0] and pid in last:
            plan = text.split("\n", 1)[1] if "\n" in text else ""
            if "Query Text: " + last[pid]["sql"][:60] in plan and last[pid]["plan"] is None:
                last[pid]["plan"] = "\n".join(l for l in plan.split("\n") if "Query Text:" not in l)
    return out


def script_statements(name="pgbench_filter_server.sql"):
    """kind -> [(statement text with :vars numbered $1.. in order of first use, [var names])] of a pgbench script;
    kind 0 for a script without \\if branches"""
    kinds, kind = {}, 0
    for raw in open(os.path.join(BENCH, "tools", name)):
        l = raw.rstrip("\n")
        m = re.match(r"\\(if|elif) :kind = (\d+)", l)
        if m:
            kind = int(m.group(2))
            continue
        if l.startswith("\\else"):
            kind = 4
            continue
        if l.startswith("\\") or l.startswith("--") or not l.strip() or l.rstrip().endswith("\\gset"):
            continue
        names = []

        def number(m):
            if m.group(1) not in names:
                names.append(m.group(1))
            return "$%d" % (names.index(m.group(1)) + 1)
        sql = re.sub(r"(?<!:):([a-z][a-z0-9_]*)", number, l.strip().rstrip(";"))
        kinds.setdefault(kind, []).append((sql, names))
    return kinds


def same_value(name, captured, row):
    if name == "lim":
        # the page and one row more, which says whether a next page exists
        return captured == "101"
    want = row[name]
    if name in ("lo", "hi"):
        return captured is not None and abs(float(captured) - float(want)) < 1e-9
    return captured == want


def main():
    out, trace, log = sys.argv[1:4]
    bbox = lines(os.path.join(URLS, "items_bbox_limit100.txt"))
    cursor = lines(os.path.join(URLS, "items_cursor_limit1000.txt"))
    offset = lines(os.path.join(URLS, "items_offset_limit1000.txt"))
    filters = lines(os.path.join(URLS, "items_filter_limit100.txt"))
    reqs = [("bbox", bbox[0]), ("cursor page 2", cursor[1]), ("cursor page 200", cursor[-1]),
            ("offset page 200", offset[-1])]
    reqs += [("filter n=%d (kind %d)" % (n, (n - 1) % 4 + 1), filters[n - 1]) for n in range(1, 9)]
    reqs += [("1M table: first page", "/ogc/collections/db:geosdi_bench.points_1m/items?limit=1000"),
             ("1M table: cursor page 501", "/ogc/collections/db:geosdi_bench.points_1m/items?limit=1000&cursor=NTAwMDAwOjUwMDAwMA")]
    results = []
    for name, path in reqs:
        start = os.path.getsize(log)
        t0 = time.time()
        with urllib.request.urlopen(trace + path, timeout=120) as r:
            status, n = r.status, len(r.read())
        ms = (time.time() - t0) * 1000
        time.sleep(0.5)     # the log is written by the backends; give them time
        results.append({"name": name, "path": path, "status": status, "bytes": n, "ms": round(ms, 1),
                        "statements": statements(read_log(log, start))})
    script = script_statements()
    problems = []
    checked = 0
    for r in results:
        m = re.match(r"filter n=(\d+) \(kind (\d+)\)", r["name"])
        if not m:
            continue
        n, kind = int(m.group(1)), int(m.group(2))
        row = dict(zip(["lut", "lut2", "pattern", "lo", "hi", "ts", "wkb"], psql(
            "SELECT lut, lut2, pattern, lo, hi, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00', wkb "
            "FROM geosdi_bench.filter_params WHERE n = %d" % n)[0]))
        sent = {s["sql"]: s for s in r["statements"]}
        for sql, names in script.get(kind, []):
            checked += 1
            st = sent.get(sql)
            if st is None:
                problems.append("filter n=%d: the server did not send the script's statement %s" % (n, sql[:100]))
                continue
            for i, name in enumerate(names, 1):
                if not same_value(name, st["params"].get(i), row):
                    problems.append("filter n=%d: $%d (:%s) bound %r, filter_params has %r" % (
                        n, i, name, st["params"].get(i), row.get(name)))
        if len(sent) != len(script.get(kind, [])):
            problems.append("filter n=%d: the server sent %d statements, the script has %d" % (
                n, len(sent), len(script.get(kind, []))))
    # the bbox and cursor diagnostics scripts (step sqlfloor): texts, and the bbox parameters of line 1
    for script, req, params in (("pgbench_bbox_server.sql", "bbox", dict(zip(
            ["x1", "y1", "x2", "y2", "lim"], psql("SELECT x1, y1, x2, y2, 101 FROM geosdi_bench.bbox_params WHERE n = 1")[0]))),
            ("pgbench_cursor_server.sql", "cursor page 2", {"after": "1000", "lim": "1001"})):
        sent = {st["sql"]: st for r in results if r["name"] == req for st in r["statements"]}
        for sql, names in script_statements(script).get(0, []):
            checked += 1
            st = sent.get(sql)
            if st is None:
                problems.append("%s: the server did not send %s" % (script, sql[:100]))
                continue
            for i, name in enumerate(names, 1):
                v = st["params"].get(i)
                want = params.get(name, "nan")
                if v is None or abs(float(v) - float(want)) > 1e-9:
                    problems.append("%s: $%d (:%s) bound %r, expected %r" % (script, i, name, v, want))
    with open(os.path.join(out, "sql-captured.md"), "w") as f:
        f.write("# SQL sent by GeoSDI (role geosdi_trace: log_min_duration_statement=0, auto_explain with ANALYZE)\n\n")
        f.write("Durations and plans are with auto_explain's per-node timing on (slower than untraced).\n\n")
        for r in results:
            f.write("## %s\n\n`%s` -> HTTP %s, %d bytes, %.1f ms\n\n" % (r["name"], r["path"], r["status"], r["bytes"], r["ms"]))
            for s in r["statements"]:
                f.write("```sql\n%s\n```\nparameters: %s  \nexecute: %.3f ms (backend %d)\n\n" % (
                    s["sql"], json.dumps({("$%d" % k): (v if v is None or len(v) < 80 else v[:76] + "...")
                                         for k, v in sorted(s["params"].items())}), s["ms"], s["pid"]))
                if s["plan"]:
                    f.write("```\n%s\n```\n\n" % s["plan"].strip("\n"))
    with open(os.path.join(out, "sql-captured.json"), "w") as f:
        json.dump(results, f, indent=1)
    print("| request | HTTP | ms (traced) | statements: execute ms |")
    print("|---|---|---:|---|")
    for r in results:
        print("| %s | %s | %.1f | %s |" % (r["name"], r["status"], r["ms"], "; ".join(
            "%s %.2f" % ("count(*)" if s["sql"].startswith("SELECT count(*)") else
                         "page with count(*) OVER ()" if "OVER ()" in s["sql"] else "page", s["ms"]) for s in r["statements"])))
    print()
    print("pgbench_{filter,bbox,cursor}_server.sql vs the captured SQL: %d statements checked, %s" % (
        checked, "identical texts and parameters" if not problems else "PROBLEMS: " + "; ".join(problems[:5])))
    sys.exit(1 if problems or checked == 0 else 0)


if __name__ == "__main__":
    main()

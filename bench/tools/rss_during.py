#!/usr/bin/env python3
"""Samples a process's VmRSS every second while wrk (-t2 -c16, rotate.lua) replays a URL list for a while: is memory
steady under load? Meanwhile the peers' monitor.py watches the CPU split (other processes' CPU = a noisy run).
Prints a markdown row and writes JSON: RSS start (before the load) / peak / end (after it), the peak of each minute
(of each quarter for runs under 2 minutes), and the trend after the first minute: the least-squares slope of the
samples taken after 60 s, in MiB per minute. "steady" = that slope stays under 1 MiB/min and the last minute's peak
is within max(8 MiB, 2 %) of the second minute's; runs under 2 minutes are not judged.

usage: rss_during.py PID SECONDS BASE_URL URL_LIST OUT_JSON LABEL
"""
import json
import os
import subprocess
import sys
import time

SHARED = os.environ.get("SHARED_BENCH", "/work/shared/bench")


def rss_mib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def slope_per_min(points):
    if len(points) < 3:
        return None
    n = float(len(points))
    mt = sum(t for t, _ in points) / n
    mr = sum(r for _, r in points) / n
    var = sum((t - mt) ** 2 for t, _ in points)
    return 60.0 * sum((t - mt) * (r - mr) for t, r in points) / var if var else None


def main():
    pid, seconds, base, urls, out_json, label = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
    start = rss_mib(pid)
    mon = subprocess.Popen([sys.executable, os.path.join(SHARED, "tools", "monitor.py"), "window", str(seconds + 1), str(pid)],
                           stdout=subprocess.PIPE, text=True)
    load = subprocess.Popen(["wrk", "-t2", "-c16", "-d%ds" % seconds, "--timeout", "60s", "-s",
                             os.path.join(SHARED, "tools", "rotate.lua"), base, "--", urls],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    samples, t0 = [], time.time()
    while load.poll() is None:
        r = rss_mib(pid)
        if r is not None:
            samples.append((time.time() - t0, r))
        time.sleep(1)
    output = load.stdout.read()
    end = rss_mib(pid)
    try:
        cpu = json.loads(mon.communicate()[0])
    except ValueError:
        cpu = {}
    wrk = {}
    for line in output.splitlines():
        if line.startswith("RESULT_JSON "):
            wrk = json.loads(line[len("RESULT_JSON "):])
    seg = 60.0 if seconds >= 120 else max(1.0, seconds / 4.0)
    peaks = {}
    for t, r in samples:
        k = int(t // seg)
        peaks[k] = max(peaks.get(k, 0.0), r)
    per_seg = [round(peaks[k], 1) for k in sorted(peaks)]
    slope = verdict = None
    if seconds >= 120 and samples:
        slope = slope_per_min([(t, r) for t, r in samples if t >= 60])
        m2, last = per_seg[1], per_seg[-1]
        verdict = "steady" if slope is not None and slope < 1.0 and last - m2 <= max(8.0, 0.02 * m2) else "GROWING"
    result = {"label": label, "seconds": seconds, "rps": wrk.get("rps"), "non2xx3xx": wrk.get("non2xx3xx"),
              "socket_errors": sum(wrk.get(k) or 0 for k in ("err_connect", "err_read", "err_write", "err_timeout")),
              "rss_start_mib": start, "rss_peak_mib": max((r for _, r in samples), default=None), "rss_end_mib": end,
              "segment_s": seg, "rss_peak_per_segment_mib": per_seg,
              "slope_after_1min_mib_per_min": None if slope is None else round(slope, 2), "verdict": verdict,
              "samples": [(round(t, 1), round(r, 1)) for t, r in samples], "cpu": cpu}
    with open(out_json, "w") as f:
        json.dump(result, f)
    fm = lambda v: "-" if v is None else "%.1f" % v
    print("| %s | %d s | %s req/s (non-2xx %s, socket errors %s) | %s | %s | %s | %s: %s | %s | %s |" % (
        label, seconds, fm(wrk.get("rps")), wrk.get("non2xx3xx"), result["socket_errors"], fm(start),
        fm(result["rss_peak_mib"]), fm(end), "per minute" if seg == 60 else "per %d s" % seg,
        " / ".join("%.0f" % v for v in per_seg),
        "-" if slope is None else "%+.2f MiB/min: %s" % (slope, verdict), fm(cpu.get("cpu_other_s"))))


if __name__ == "__main__":
    main()

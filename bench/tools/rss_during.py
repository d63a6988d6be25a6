#!/usr/bin/env python3
"""Samples a process's VmRSS every second while wrk replays a URL list for a while: is memory steady under load?
Prints a markdown line and writes JSON (start, peak, end, the peak of each minute).

usage: rss_during.py PID SECONDS BASE_URL URL_LIST OUT_JSON LABEL
"""
import json
import subprocess
import sys
import time


def rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return None


def main():
    pid, seconds, base, urls, out_json, label = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
    rotate = "/work/shared/bench/tools/rotate.lua"
    start = rss_mib(pid)
    load = subprocess.Popen(["wrk", "-t2", "-c16", "-d%ds" % seconds, "--timeout", "60s", "-s", rotate, base, "--", urls],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    samples, t0 = [], time.time()
    while load.poll() is None:
        samples.append((time.time() - t0, rss_mib(pid)))
        time.sleep(1)
    output = load.stdout.read()
    end = rss_mib(pid)
    rps = next((l.split()[1] for l in output.splitlines() if l.startswith("Requests/sec")), "?")
    minutes = {}
    for t, r in samples:
        minutes[int(t // 60)] = max(minutes.get(int(t // 60), 0), r or 0)
    result = {"label": label, "seconds": seconds, "rps": rps, "rss_start_mib": start, "rss_peak_mib": max(r for _, r in samples),
              "rss_end_mib": end, "rss_peak_per_minute_mib": [round(minutes[k], 1) for k in sorted(minutes)]}
    json.dump(result, open(out_json, "w"))
    print("| %s | %d s | %s req/s | %.1f | %.1f | %.1f | %s |" % (label, seconds, rps, start, result["rss_peak_mib"], end,
                                                                 " / ".join("%.0f" % v for v in result["rss_peak_per_minute_mib"])))


if __name__ == "__main__":
    main()

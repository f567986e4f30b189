#!/usr/bin/env python3
"""Parse throughput of Python's tomllib on one TOML file, for comparison with
Preflight's TOML benchmark.

Usage: toml_bench.py FILE [SECONDS]

Parses FILE repeatedly for about SECONDS (default 2) and prints one line:
'tomllib: <best> MB/s best, <median> MB/s median over <n> parses (<size> bytes)'.
"""
import statistics
import sys
import time
import tomllib


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(argv[1], "rb") as handle:
        text = handle.read().decode("utf-8")
    budget = float(argv[2]) if len(argv) > 2 else 2.0
    size = len(text.encode("utf-8"))
    timings = []
    deadline = time.perf_counter() + budget
    while time.perf_counter() < deadline or len(timings) < 3:
        start = time.perf_counter()
        tomllib.loads(text)
        timings.append(time.perf_counter() - start)
    best = size / min(timings) / 1e6
    median = size / statistics.median(timings) / 1e6
    print("tomllib: %.1f MB/s best, %.1f MB/s median over %d parses (%d bytes)"
          % (best, median, len(timings), size))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

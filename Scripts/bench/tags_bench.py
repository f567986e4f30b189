"""packaging's side of the `tags` benchmark: the same work as TagsBenchmark.swift.

    $ORACLE_VENV/bin/python Scripts/bench/tags_bench.py FILENAMES_FILE

Prints one JSON object: microseconds to build the supported-tag list (and its rank
table) for CPython 3.14 on Debian x86_64, and milliseconds to parse and rank every
filename of FILENAMES_FILE against it (best of several runs each).
"""

import json
import sys
import sysconfig
import time

from packaging import _manylinux, _musllinux, tags
from packaging.utils import parse_wheel_filename


def debian_platforms():
    """Linux platform tags as sys_tags() computes them on a glibc 2.36 x86_64 host."""
    sysconfig.get_platform = lambda: "linux-x86_64"
    _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(2, 36)
    _musllinux._get_musl_version = lambda executable: None
    return list(tags._linux_platforms(is_32bit=False))


def build_ranks():
    platforms = debian_platforms()
    supported = list(tags.cpython_tags((3, 14), ["cp314"], platforms))
    supported += tags.compatible_tags((3, 14), "cp314", platforms)
    ranks = {}
    for rank, tag in enumerate(supported):
        ranks.setdefault(tag, rank)
    return ranks


def rank_all(filenames, ranks):
    compatible = 0
    for filename in filenames:
        try:
            wheel_tags = parse_wheel_filename(filename)[3]
        except ValueError:
            continue
        found = [ranks[t] for t in wheel_tags if t in ranks]
        if found:
            compatible += 1
    return compatible


def best_of(runs, work):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    filenames = open(sys.argv[1]).read().split()
    build_seconds = best_of(50, build_ranks)
    ranks = build_ranks()
    rank_seconds = best_of(10, lambda: rank_all(filenames, ranks))
    print(json.dumps({
        "tags": len(ranks),
        "build_us": round(build_seconds * 1e6, 1),
        "files": len(filenames),
        "compatible": rank_all(filenames, ranks),
        "rank_ms": round(rank_seconds * 1e3, 2),
    }))


if __name__ == "__main__":
    main()

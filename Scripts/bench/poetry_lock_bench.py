#!/usr/bin/env python3
"""Best-of-N time of Python's tomllib.load for a poetry.lock, in seconds.

Usage: poetry_lock_bench.py PATH [ROUNDS]; prints one number. The reference for the
poetry-lock benchmark (Poetry itself reads locks with tomllib).
"""

import sys
import time
import tomllib


def main() -> None:
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    with open(path, "rb") as handle:
        data = handle.read()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        tomllib.loads(data.decode("utf-8"))
        best = min(best, time.perf_counter() - start)
    print(f"{best:.6f}")


if __name__ == "__main__":
    main()

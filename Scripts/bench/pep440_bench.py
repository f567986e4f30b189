"""The PEP 440 benchmark's reference side: packaging on the same work.

    $ORACLE_VENV/bin/python Scripts/bench/pep440_bench.py [DATA_JSON]

Reads the PyPI version lists (Scripts/oracles/data/pypi_versions.json),
repeats them to 1,000,000 strings, parses and sorts them, then runs 1,000,000
SpecifierSet.contains checks on version strings. Prints one JSON line:
{"versions": N, "parse_sort_seconds": S, "checks": N, "contains_seconds": S}.
"""

import json
import pathlib
import sys
import time

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

COUNT = 1_000_000
SPECIFIERS = [
    ">=1.0", ">=1.0,<2.0", "~=1.4", "==1.*", "!=1.5.0,>=1.2", "<3", ">0.5,<=2.3.1",
    "==2.28.1", "~=3.0.0", ">=2.0a1", ">=0.9,!=1.0.*,<4", "<1.0.post1",
]


def main():
    default = pathlib.Path(__file__).resolve().parents[1] / "oracles/data/pypi_versions.json"
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    lists = json.loads(path.read_text())
    real = [v for name in sorted(lists) for v in lists[name]]
    strings = (real * (COUNT // len(real) + 1))[:COUNT]

    start = time.perf_counter()
    parsed = []
    for text in strings:
        try:
            parsed.append(Version(text))
        except InvalidVersion:
            pass
    parsed.sort()
    parse_sort = time.perf_counter() - start

    sets = [SpecifierSet(s) for s in SPECIFIERS]
    start = time.perf_counter()
    matched = 0
    # Set k checks versions k, k + 12, k + 24, ...: the same pairs as the Swift side.
    for offset, specifiers in enumerate(sets):
        for text in strings[offset::len(sets)]:
            if specifiers.contains(text):
                matched += 1
    contains = time.perf_counter() - start

    print(json.dumps({
        "versions": len(parsed), "parse_sort_seconds": parse_sort,
        "checks": COUNT, "matched": matched, "contains_seconds": contains,
    }))


if __name__ == "__main__":
    main()

"""Generate wheel-tag and wheel-filename vectors from packaging (the reference).

    $ORACLE_VENV/bin/python Scripts/oracles/wheel_vectors.py

Writes, under Tests/PythonPackagingTests/Resources/wheel/:
- supported_tags.jsonl (i686 and armv7l are left out: packaging checks those by
  reading the running interpreter's ELF header, which a target cannot answer): {"python", "platform", "tags"}: the ordered tags sys_tags()
  yields for a CPython of that version on that platform. packaging detects glibc,
  musl and the architecture from the running system; this script replaces those
  detectors with the target's values and calls packaging's own generators.
- filenames.jsonl: {"request", "response", "rank"}: the `preflight debug wheel`
  request, its expected answer, and the index of the wheel's best tag (or null).
"""

import json
import pathlib
import random
import sys
import sysconfig

from packaging import _manylinux, _musllinux, tags
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PythonPackagingTests/Resources/wheel"
DATA = pathlib.Path(__file__).parent / "data"

PRESETS = {
    "debian": ("glibc", (2, 36), "x86_64"),
    "debian-arm64": ("glibc", (2, 36), "aarch64"),
    "alpine": ("musl", (1, 2), "x86_64"),
    "alpine-arm64": ("musl", (1, 2), "aarch64"),
}


def linux_platforms(libc, version, arch):
    """packaging's Linux platform tags with its detectors pointed at the target."""
    saved = (
        sysconfig.get_platform,
        _manylinux._get_glibc_version,
        _musllinux._get_musl_version,
    )
    sysconfig.get_platform = lambda: f"linux-{arch}"
    if libc == "glibc":
        _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(*version)
        _musllinux._get_musl_version = lambda executable: None
    elif libc == "musl":
        _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(-1, -1)
        _musllinux._get_musl_version = lambda executable: _musllinux._MuslVersion(*version)
    else:
        _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(-1, -1)
        _musllinux._get_musl_version = lambda executable: None
    try:
        return list(tags._linux_platforms(is_32bit=False))
    finally:
        (
            sysconfig.get_platform,
            _manylinux._get_glibc_version,
            _musllinux._get_musl_version,
        ) = saved


def platforms_for(platform):
    if platform in PRESETS:
        return linux_platforms(*PRESETS[platform])
    if platform in ("win32", "win_amd64", "win_arm64"):
        return [platform]
    family, _, rest = platform.partition("_")
    if family == "linux":
        return linux_platforms(None, None, rest)
    legacy = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
    if family in legacy:
        return linux_platforms("glibc", legacy[family], rest)
    major, minor, arch = rest.split("_", 2)
    version = (int(major), int(minor))
    if family == "manylinux":
        return linux_platforms("glibc", version, arch)
    if family == "musllinux":
        return linux_platforms("musl", version, arch)
    if family == "macosx":
        return list(tags.mac_platforms(version, arch))
    raise ValueError(platform)


def supported_tags(python, platform):
    threaded = python.endswith("t")
    numbers = tuple(int(p) for p in python.rstrip("t").split(".")[:2])
    nodot = f"{numbers[0]}{numbers[1]}"
    abi = f"cp{nodot}t" if threaded else (f"cp{nodot}m" if numbers < (3, 8) else f"cp{nodot}")
    platforms = platforms_for(platform)
    result = list(tags.cpython_tags(numbers, [abi], platforms))
    result += tags.compatible_tags(numbers, f"cp{nodot}", platforms)
    return [str(t) for t in result]


TAG_TARGETS = [
    ("3.14", "debian"), ("3.14", "debian-arm64"), ("3.14", "alpine"), ("3.14", "alpine-arm64"),
    ("3.14t", "debian"), ("3.13t", "alpine"), ("3.11", "debian"), ("3.8", "debian"),
    ("3.7", "debian"), ("3.14.2", "debian"), ("3.14", "macosx_14_0_arm64"),
    ("3.12", "macosx_14_0_x86_64"), ("3.12", "macosx_10_9_x86_64"), ("3.12", "macosx_11_0_arm64"),
    ("3.10", "macosx_10_15_x86_64"), ("3.12", "macosx_10_4_i386"), ("3.12", "macosx_10_5_ppc64"),
    ("3.12", "macosx_10_6_ppc"), ("3.14", "win_amd64"), ("3.14", "win32"), ("3.14", "win_arm64"),
    ("3.14", "linux_x86_64"), ("3.14", "linux_armv7l"), ("3.14", "manylinux_2_28_x86_64"),
    ("3.14", "manylinux_2_17_aarch64"), ("3.14", "manylinux2014_x86_64"),
    ("3.14", "manylinux1_x86_64"), ("3.14", "manylinux2010_x86_64"),
    ("3.14", "manylinux_2_31_ppc64le"), ("3.14", "manylinux_2_34_s390x"),
    ("3.14", "manylinux_2_12_aarch64"), ("3.14", "manylinux_3_1_x86_64"),
    ("3.14", "musllinux_1_2_aarch64"), ("3.14", "musllinux_1_1_x86_64"),
    ("3.14", "musllinux_2_0_riscv64"), ("3.14", "manylinux_2_31_mips64"),
]

FILENAME_TARGETS = [
    ("3.14", "debian"), ("3.14", "alpine"), ("3.14", "debian-arm64"),
    ("3.14t", "debian"), ("3.11", "debian"), ("3.14", "macosx_14_0_arm64"),
]


def answer(filename, python, platform, ranks):
    request = {"filename": filename, "python": python, "platform": platform}
    try:
        name, version, build, wheel_tags = parse_wheel_filename(filename)
    except InvalidWheelFilename:
        return {"request": request, "response": {"valid": False}, "rank": None}
    stem = filename[: -len(".whl")]
    build_text = stem.split("-")[2] if stem.count("-") == 5 else None
    found = [ranks[t] for t in wheel_tags if t in ranks]
    response = {
        "valid": True,
        "name": name,
        "version": str(version),
        "build": build_text,
        "tags": sorted(str(t) for t in wheel_tags),
        "compatible": bool(found),
    }
    return {"request": request, "response": response, "rank": min(found) if found else None}


def mutations(filenames, chooser):
    """Near-miss filenames: each one breaks or bends one rule of the format."""
    result = []
    for filename in chooser.sample(filenames, 150):
        stem = filename[: -len(".whl")]
        parts = stem.split("-")
        result += [
            stem + ".zip",
            stem.upper() + ".whl",
            "-".join(parts[:2] + parts[-2:]) + ".whl",
            "-".join(parts[:1] + ["1.0.0.dev0+local"] + parts[-3:]) + ".whl",
            "-".join(parts[:1] + ["not a version"] + parts[-3:]) + ".whl",
            "-".join(parts[:2] + ["1abc"] + parts[-3:]) + ".whl",
            "-".join(parts[:2] + ["abc"] + parts[-3:]) + ".whl",
            "-".join(parts[:2] + ["py3."] + parts[-2:]) + ".whl",
            "-".join(parts[:2] + ["3py"] + parts[-2:]) + ".whl",
            "-".join(["my__name"] + parts[1:]) + ".whl",
            "-".join(["My.Name_x"] + parts[1:]) + ".whl",
            "-".join([""] + parts[1:]) + ".whl",
            "-".join(parts[:-1] + [parts[-1] + ".any"]) + ".whl",
            "-".join(parts + ["extra"]) + ".whl",
        ]
    result += [
        "a-1-py3-none-any.whl", "a-1-0-py3-none-any.whl", "a-1-1_x-py3-none-any.whl",
        "é-1.0-py3-none-any.whl", "a-1.0-py2.py3-none-any.whl", "a-1.0-py3-none-ANY.whl",
        "a-1.0-CP314-none-any.whl", "a-v1.0-py3-none-any.whl", "a-1.0-py3--any.whl",
        "a-1.0-py3-none-any.WHL", ".whl", "a-1.0-1é-py3-none-any.whl",
        "a-1.0-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "a-1.0-cp314-abi3t-manylinux_2_17_x86_64.whl", "a-1.0-cp39-abi3-linux_x86_64.whl",
        "a-1.0-cp314-cp314t-musllinux_1_2_x86_64.whl", "a-1.0-py314-none-any.whl",
        "a-1.0-py30-none-any.whl", "a-1.0-cp314-none-any.whl", "a-1.0-pp310-pypy310_pp73-any.whl",
        "a-1.0-py3-none-macosx_10_9_universal2.whl", "a-1.0-py3-none-macosx_15_0_arm64.whl",
    ]
    return result


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "supported_tags.jsonl").open("w") as out:
        for python, platform in TAG_TARGETS:
            line = {"python": python, "platform": platform, "tags": supported_tags(python, platform)}
            out.write(json.dumps(line, separators=(",", ":")) + "\n")

    chooser = random.Random(427)
    filenames = (DATA / "wheel_filenames.txt").read_text().split()
    everywhere = set(chooser.sample(filenames, 2000))
    near_misses = mutations(filenames, chooser)
    ranks = {}
    for python, platform in FILENAME_TARGETS:
        table = {}
        for rank, tag in enumerate(next(iter(tags.parse_tag(t))) for t in supported_tags(python, platform)):
            table.setdefault(tag, rank)
        ranks[(python, platform)] = table
    lines = []
    for index, filename in enumerate(filenames + near_misses):
        if filename in everywhere:
            targets = FILENAME_TARGETS
        else:
            targets = [FILENAME_TARGETS[index % len(FILENAME_TARGETS)]]
        for python, platform in targets:
            lines.append(answer(filename, python, platform, ranks[(python, platform)]))
    with (OUT / "filenames.jsonl").open("w") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(len(lines), "filename vectors", file=sys.stderr)


if __name__ == "__main__":
    main()

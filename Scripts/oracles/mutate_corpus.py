#!/usr/bin/env python3
"""Mutated copies of real Poetry projects for a differential run of `preflight check`
against check_ground_truth.py: each copy keeps pyproject.toml and rewrites poetry.lock
with random, still well-formed changes to what a check reads — `python-versions`
values, file lists (tricky wheel names, dropped files), dependency markers and
`python` restrictions, lock markers (string or per-group table), optional edges.
Run with $ORACLE_VENV/bin/python:

    mutate_corpus.py SOURCE_DIR... --out OUT [--copies N] [--seed S]

then `compare_check_corpus.py OUT`.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tomllib
from pathlib import Path

import tomlkit

PYTHON_VERSIONS = [
    "*", "", ">=3.8", ">=3.14", ">3.14", "<3.14", "<=3.14", "!=3.14.*", "==3.14.*", "~=3.14.0",
    ">=3.6.*", ">=2.7, !=3.0.*, !=3.1.*", "^3.8", "~3.14", "~2.7 || ^3.4", ">=3.8 <4", "3",
    "3.14", "3.*", ">=3.14.0rc1", "<3.14.0rc1", ">=3.7,", ">=3.6;", "py3", "> = 3.7",
    ">=3.8,<3.14.0a0", "===3.14", "<4, >=3.7", ">=3.15.*", "!=3.14",
]
MARKERS = [
    'python_version >= "3.14"', 'python_version < "3.14"', 'python_full_version >= "3.14.0"',
    'python_full_version < "3.14.1"', 'platform_machine == "aarch64"',
    'platform_machine == "x86_64"', 'sys_platform == "linux"', 'sys_platform == "win32"',
    'platform_system != "Windows"', 'implementation_name == "pypy"', '"linux" in sys_platform',
    'python_version ~= "3.14"', 'platform_release == ""', 'extra == "speedups"',
    'extra != "speedups"', 'os_name == "nt" or python_version > "3.13"',
    'platform_python_implementation == "CPython" and platform_machine != "arm64"',
    'python_version in "3.13 3.14"', 'python_version not in "3.14"',
    'platform_machine == "AMD64"', 'python_version >= "3.14" and extra == "all"',
]
POETRY_PYTHON = ["<3.14", ">=3.14", "^3.8", "~3.13", ">=3.8,<4.0", "3.14.*", "!=3.14.*"]
TRICKY_WHEELS = [
    "{n}-{v}-cp314-cp314-manylinux_2_17_x86_64.whl", "{n}-{v}-cp314-cp314-manylinux_2_39_x86_64.whl",
    "{n}-{v}-cp314-cp314-musllinux_1_2_x86_64.whl", "{n}-{v}-cp314-cp314-musllinux_1_3_x86_64.whl",
    "{n}-{v}-cp314-cp314-manylinux_2_17_aarch64.whl", "{n}-{v}-cp314-cp314-linux_x86_64.whl",
    "{n}-{v}-cp314-cp314t-manylinux_2_17_x86_64.whl", "{n}-{v}-cp39-abi3-manylinux2014_x86_64.whl",
    "{n}-{v}-cp39-abi3-musllinux_1_1_aarch64.whl", "{n}-{v}-cp314-abi3-manylinux1_x86_64.whl",
    "{n}-{v}-cp315-cp315-manylinux_2_17_x86_64.whl", "{n}-{v}-cp313-cp313-manylinux_2_17_x86_64.whl",
    "{n}-{v}-py3-none-any.whl", "{n}-{v}-py2-none-any.whl", "{n}-{v}-py314-none-any.whl",
    "{n}-{v}-cp314-none-any.whl", "{n}-{v}-py3-none-manylinux_2_17_x86_64.whl",
    "{n}-{v}-py2.py3-none-any.whl", "{n}-{v}-1-py3-none-any.whl", "{n}-{v}-2b-cp314-cp314-manylinux_2_17_x86_64.whl",
    "{n}-{v}-cp314-cp314-macosx_11_0_arm64.whl", "{n}-{v}-cp314-cp314-win_amd64.whl",
    "{n}-{v}-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl", "{n}-{v}-graalpy311-graalpy242_311_native-manylinux_2_17_x86_64.whl",
    "{n}-{v}-cp314-cp314-android_24_arm64_v8a.whl", "{n}-{v}-cp314-cp314-ios_13_0_arm64_iphoneos.whl",
    "{n}-{v}-cp314-cp314-pyodide_2025_0_wasm32.whl", "{n}-{v}-cp314-cp314-emscripten_3_1_58_wasm32.whl",
    "{n}-{v}-cp314.cp313-cp314.cp313-manylinux_2_17_x86_64.whl", "{n}-{v}-py3-none-any.WHL",
    "{n}-{v}-py3-none.whl", "{n}-{v}-cp314-cp314-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "{n}-{v}-cp314-cp314-manylinux2010_x86_64.whl", "{n}-{v}-cp314-cp314-manylinux_2_5_i686.whl",
    "{n}-{v}-cp314-cp314-manylinux_3_0_x86_64.whl", "{n}-{v}-cp314-cp314-musllinux_2_0_x86_64.whl",
    "{n}-{v}-Cp314-cp314-manylinux_2_17_x86_64.whl", "{n}-{v}-cp314-CP314-manylinux_2_17_x86_64.whl",
    "{n}-{v}-cp314-cp314-MANYLINUX_2_17_X86_64.whl", "{n}-{v}-cp3_14-cp314-manylinux_2_17_x86_64.whl",
    "{n}-{v}.tar.gz", "{n}-{v}.zip", "{n}-{v}.tar.bz2", "{n}-{v}.egg", "{n}-{v}.exe", "{n}-{v}.TAR.GZ",
    "{n}-{v}-cp314-cp314-manylinux_2_17_x86_64.whl.metadata", "{n}_{v}.whl", "other-1.0-py3-none-any.whl",
    "{n}-{v}-cp314-cp314-manylinux_2_36_x86_64.whl", "{n}-{v}-cp314-cp314-manylinux_2_37_x86_64.whl",
    "{n}-notaversion-py3-none-any.whl", "{n}-{v}-cp314-cp314-linux_aarch64.whl",
]


def mutate(lock: dict, rng: random.Random, groups: list[str]) -> None:
    packages = lock.get("package", [])
    metadata = lock.get("metadata", {})
    legacy = metadata.get("files")
    for package in packages:
        if rng.random() < 0.15:
            package["python-versions"] = rng.choice(PYTHON_VERSIONS)
        files = package.get("files")
        if files is None and legacy is not None:
            files = legacy.get(package["name"])
        if files is not None and rng.random() < 0.3:
            if files and rng.random() < 0.5:
                for _ in range(rng.randint(1, max(1, len(files) // 2))):
                    files.pop(rng.randrange(len(files)))
            for _ in range(rng.randint(0, 3)):
                name = package["name"].replace("-", "_")
                files.append({"file": rng.choice(TRICKY_WHEELS).format(n=name, v=package["version"]),
                              "hash": "sha256:00"})
        if "groups" in package and rng.random() < 0.1:
            choice = rng.random()
            if choice < 0.5:
                package["markers"] = rng.choice(MARKERS)
            else:
                package["markers"] = {g: rng.choice(MARKERS) for g in rng.sample(groups, k=min(len(groups), rng.randint(1, 2)))}
        for name, spec in list(package.get("dependencies", {}).items()):
            if rng.random() > 0.15:
                continue
            if isinstance(spec, str):
                spec = {"version": spec}
            if isinstance(spec, dict):
                roll = rng.random()
                if roll < 0.5:
                    spec["markers"] = rng.choice(MARKERS)
                elif roll < 0.7:
                    spec["python"] = rng.choice(POETRY_PYTHON)
                elif roll < 0.85:
                    spec["optional"] = True
                    extra = rng.choice(["speedups", "all"])
                    package.setdefault("extras", {}).setdefault(extra, []).append(name)
                else:
                    spec["extras"] = [rng.choice(["speedups", "all", "socks"])]
                package["dependencies"][name] = spec
    if rng.random() < 0.1:
        metadata["python-versions"] = rng.choice(PYTHON_VERSIONS)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv[1:])
    rng = random.Random(options.seed)
    for source in options.sources:
        lock = source / "poetry.lock"
        if not lock.exists():
            continue
        pyproject = tomllib.loads((source / "pyproject.toml").read_text())
        groups = ["main", *pyproject.get("tool", {}).get("poetry", {}).get("group", {}).keys()]
        for copy in range(options.copies):
            data = tomllib.loads(lock.read_text())
            mutate(data, rng, groups)
            target = options.out / f"{source.name}-{copy}"
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("poetry.lock", "expected"))
            header = lock.read_text().splitlines()[0] + "\n\n"
            (target / "poetry.lock").write_text(header + tomlkit.dumps(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

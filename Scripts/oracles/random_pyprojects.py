#!/usr/bin/env python3
"""Random pyproject.toml files over a real poetry.lock, for a differential run of
`preflight check` against check_ground_truth.py that exercises how each reads the
project's dependencies: `[tool.poetry.dependencies]` in every form (string, table with
markers/python/platform/extras/optional, list of alternatives), `[project]`
dependencies and optional dependencies, groups (optional, include-groups),
`[dependency-groups]` (include-group) and legacy dev-dependencies. Half the projects
get the content-hash Poetry computes written into the lock (a fresh lock). Run with
$ORACLE_VENV/bin/python:

    random_pyprojects.py LOCK_PROJECT --out OUT [--count N] [--seed S]

then `compare_check_corpus.py OUT`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tomllib
from pathlib import Path

MARKERS = [
    'sys_platform == "linux"', 'sys_platform == "win32"', 'python_version >= "3.14"',
    'python_version < "3.12"', 'platform_machine == "aarch64"', 'platform_machine == "x86_64"',
    'implementation_name == "cpython" and os_name == "posix"', 'platform_system == "Darwin"',
]
PYTHONS = ["<3.12", ">=3.10", "^3.9", "~3.14", ">=3.14,<3.15", "3.14.*", "!=3.14.*"]
PLATFORMS = ["linux", "win32", "darwin", "linux || darwin", "!=win32", "win32 | linux", "!= linux"]


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def poetry_dependency(rng: random.Random, package: dict, extras: list[str]):
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(["*", f">={package['version']}", package["version"], f"^{package['version']}"])
    table: dict = {"version": rng.choice(["*", f"<={package['version']}", f"~{package['version']}"])}
    if rng.random() < 0.3:
        table["markers"] = rng.choice(MARKERS)
    if rng.random() < 0.2:
        table["python"] = rng.choice(PYTHONS)
    if rng.random() < 0.1:
        table["platform"] = rng.choice(PLATFORMS)
    if extras and rng.random() < 0.4:
        table["extras"] = rng.sample(extras, k=1)
    if rng.random() < 0.1:
        table["optional"] = True
    if rng.random() < 0.1:
        table["allow-prereleases"] = True
    if rng.random() < 0.1:
        other = dict(table)
        other["markers"] = rng.choice(MARKERS)
        table["markers"] = f"not ({other['markers']})" if False else rng.choice(MARKERS)
        return [table, other]
    return table


def pep508(rng: random.Random, package: dict, extras: list[str]) -> str:
    text = package["name"]
    if extras and rng.random() < 0.3:
        text += f"[{rng.choice(extras)}]"
    if rng.random() < 0.5:
        text += rng.choice([f">={package['version']}", f"=={package['version']}", "<1000", f"~={package['version']}" if package['version'].count('.') >= 1 else ""])
    if rng.random() < 0.3:
        text += "; " + rng.choice(MARKERS)
    return text


def make(rng: random.Random, packages: list[dict]) -> str:
    def pick(k):
        return rng.sample(packages, k=min(k, len(packages)))

    def extras_of(p):
        return sorted(p.get("extras", {}).keys())

    lines: list[str] = []
    style = rng.choice(["poetry", "pep621", "mixed"])
    python = rng.choice([">=3.10,<4.0", ">=3.9", "^3.10", ">=3.10,<3.14"])
    if style in ("pep621", "mixed"):
        lines += ["[project]", 'name = "rand-proj"', 'version = "1.0"', f'requires-python = {json.dumps(python.replace("^3.10", ">=3.10,<4"))}']
        lines.append("dependencies = " + toml_value([pep508(rng, p, extras_of(p)) for p in pick(rng.randint(1, 6))]))
        if rng.random() < 0.4:
            lines += ["", "[project.optional-dependencies]", "extra1 = " + toml_value([pep508(rng, p, []) for p in pick(2)])]
        if rng.random() < 0.5:
            groups = {"dg1": [pep508(rng, p, []) for p in pick(2)]}
            if rng.random() < 0.5:
                groups["dg2"] = [pep508(rng, p, []) for p in pick(1)] + [{"include-group": "dg1"}]
            lines += ["", "[dependency-groups]"] + [f"{k} = {toml_value(v)}" for k, v in groups.items()]
        lines += ["", "[tool.poetry]", "package-mode = false"]
        if style == "mixed":
            lines += ["", "[tool.poetry.dependencies]"]
            lines.append(f"python = {json.dumps(python)}")
    else:
        lines += ["[tool.poetry]", 'name = "rand-proj"', 'version = "1.0"', "package-mode = false", "",
                  "[tool.poetry.dependencies]", f"python = {json.dumps(python)}"]
        for p in pick(rng.randint(1, 6)):
            lines.append(f"{json.dumps(p['name'])} = {toml_value(poetry_dependency(rng, p, extras_of(p)))}")
    for index in range(rng.randint(0, 3)):
        name = rng.choice(["dev", "Test_Group", "docs", "lint.x"]) + ("" if index == 0 else str(index))
        lines += ["", f"[tool.poetry.group.{json.dumps(name)}]"]
        if rng.random() < 0.3:
            lines.append("optional = true")
        lines += ["", f"[tool.poetry.group.{json.dumps(name)}.dependencies]"]
        for p in pick(rng.randint(1, 3)):
            lines.append(f"{json.dumps(p['name'])} = {toml_value(poetry_dependency(rng, p, extras_of(p)))}")
    if style == "poetry" and rng.random() < 0.2:
        lines += ["", "[tool.poetry.dev-dependencies]"]
        for p in pick(2):
            lines.append(f"{json.dumps(p['name'])} = \"*\"")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv[1:])
    rng = random.Random(options.seed)
    lock_text = (options.source / "poetry.lock").read_text()
    packages = tomllib.loads(lock_text)["package"]
    from poetry.factory import Factory

    for index in range(options.count):
        folder = options.out / f"{options.source.name}-rand-{index}"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / "pyproject.toml").write_text(make(rng, packages))
        text = lock_text
        if index % 2 == 0:
            try:
                fresh = Factory().create_poetry(folder).locker._content_hash
            except Exception:  # Poetry rejects the project: keep the stale hash
                fresh = None
            if fresh:
                old = tomllib.loads(lock_text)["metadata"]["content-hash"]
                text = lock_text.replace(old, fresh)
        (folder / "poetry.lock").write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

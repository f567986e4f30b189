#!/usr/bin/env python3
"""Cross-check the ground truth against pip's own wheel selection (needs PyPI).

For every Fixtures/<name>/expected/<target>.json, asks pip (`pip install --dry-run
--no-deps --only-binary=:all:` with the target's --platform/--python-version/--abi) which
file it would install for each locked `name==version`, and checks that:
  - a package with no finding, or with `pure-python-fallback`, gets exactly the file the
    ground truth names;
  - a package with `no-compatible-wheel` or `requires-python` cannot be installed from
    wheels at all.
The private packages are found through --find-links on Fixtures/private-index.

Usage: PIP_PYTHON=/tmp/pipcheck/bin/python \
           $ORACLE_VENV/bin/python Scripts/oracles/cross_check_pip.py [FIXTURE|DIR...]
where /tmp/pipcheck is a venv with a recent pip (26.3 was used:
`~/.pyenv/versions/3.13.0/bin/python -m venv /tmp/pipcheck; /tmp/pipcheck/bin/pip install -U pip`).
Exit 1 when pip disagrees anywhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_ground_truth import FIXTURES, TARGETS, Target  # noqa: E402

# A recent pip: pip 23.2 checks a downloaded wheel's Requires-Python against the running
# interpreter instead of --python-version. PIP_PYTHON names the Python whose pip is used.
PIP = [os.environ.get("PIP_PYTHON", sys.executable), "-m", "pip"]
PRIVATE = FIXTURES / "private-index" / "simple"


def pip_command(target: Target, requirements: list[str], report: Path) -> list[str]:
    command = PIP + [
        "install", "--dry-run", "--quiet", "--ignore-installed", "--no-deps",
        "--target", str(report.parent / "target"),
        "--only-binary=:all:", "--python-version", "3.14", "--implementation", "cp",
        "--abi", "cp314", "--report", str(report),
        "--index-url", "https://pypi.org/simple/",
    ]
    for folder in sorted(p for p in PRIVATE.iterdir() if p.is_dir()):
        command += ["--find-links", str(folder)]
    for platform in target.platform_tags():
        command += ["--platform", platform]
    return command + requirements


def chosen_files(target: Target, requirements: list[str]) -> dict[str, str] | None:
    """name -> file name pip picks, or None when pip cannot satisfy the requirements."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        result = subprocess.run(
            pip_command(target, requirements, report), capture_output=True, text=True
        )
        if result.returncode != 0:
            return None
        data = json.loads(report.read_text())
    files = {}
    for item in data.get("install", []):
        name = item["metadata"]["name"].lower().replace("_", "-").replace(".", "-")
        files[name] = unquote(Path(urlparse(item["download_info"]["url"]).path).name)
    return files


def check(project: Path, target: Target, cache: dict[tuple[str, str, str], str | None]) -> int:
    expected = json.loads((project / "expected" / f"{target.name}.json").read_text())
    findings = {(f["name"], f["version"]): f["reason"] for f in expected["warnings"]}
    findings |= {(f["name"], f["version"]): f["reason"] for f in expected["blockers"]}
    installable = [
        p for p in expected["packages"]
        if findings.get((p["name"], p["version"])) in (None, "pure-python-fallback")
        and (p["name"], p["version"], target.name) not in cache
    ]
    if installable:
        picked = chosen_files(target, [f"{p['name']}=={p['version']}" for p in installable])
        for package in installable:
            key = (package["name"], package["version"], target.name)
            if picked is None:
                single = chosen_files(target, [f"{package['name']}=={package['version']}"])
                cache[key] = None if single is None else single.get(package["name"])
            else:
                cache[key] = picked.get(package["name"])
    problems = 0
    for package in expected["packages"]:
        reason = findings.get((package["name"], package["version"]))
        key = (package["name"], package["version"], target.name)
        if reason in ("no-compatible-wheel", "requires-python"):
            if key not in cache:
                picked = chosen_files(target, [f"{package['name']}=={package['version']}"])
                cache[key] = None if picked is None else picked.get(package["name"])
            if cache[key] is not None:
                print(f"{project.name}/{target.name}: {package['name']} {package['version']}: "
                      f"ground truth says {reason}, pip installs {cache[key]}")
                problems += 1
        elif reason in (None, "pure-python-fallback"):
            if cache.get(key) != package["file"]:
                print(f"{project.name}/{target.name}: {package['name']} {package['version']}: "
                      f"ground truth file {package['file']}, pip picks {cache.get(key)}")
                problems += 1
    return problems


def main(argv: list[str]) -> int:
    # A name is a fixture; a path is any project folder with expected/<target>.json.
    names = argv[1:] or sorted(p.parent.name for p in FIXTURES.glob("*/expected"))
    cache: dict[tuple[str, str, str], str | None] = {}
    problems = 0
    for name in names:
        for target in TARGETS:
            project = Path(name) if Path(name).is_dir() else FIXTURES / name
            found = check(project, target, cache)
            print(f"{name:>22} {target.name:<13} {'ok' if not found else f'{found} differ'}",
                  file=sys.stderr)
            problems += found
    print(f"{len(cache)} package/target pairs checked against pip, {problems} differ",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Compares `preflight check --format json` with check_ground_truth.py on a corpus of
Poetry projects (any folders holding pyproject.toml and poetry.lock), on the three
targets. Run with $ORACLE_VENV/bin/python.

    compare_check_corpus.py DIR...            every DIR, or every child of DIR holding a
                                              poetry.lock
    compare_check_corpus.py --binary PATH     the preflight executable
                                              (default .build/release/preflight)
    compare_check_corpus.py --write OUT       also write OUT/<project>/<target>.json (the
                                              ground truth) for each project compared

Compared per project and target: verdict; blockers and warnings as (name, version,
reason, groups); packages as (name, version, file, groups); missing_from_lock. Prints
one line per disagreement and a summary; exits 1 when any differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_ground_truth as oracle  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]


def projects_in(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if (path / "poetry.lock").exists():
            found.append(path)
        else:
            found += sorted(p.parent for p in path.glob("*/poetry.lock"))
    return found


def entries(document: dict, key: str, fields: tuple[str, ...]) -> list[tuple]:
    return [
        tuple(json.dumps(item.get(f), sort_keys=True) for f in fields)
        for item in document.get(key) or []
    ]


def compare(expected: dict, found: dict) -> list[str]:
    problems = []
    if expected["verdict"] != found.get("verdict"):
        problems.append(f"verdict {found.get('verdict')} != {expected['verdict']}")
    shapes = {
        "blockers": ("name", "version", "reason", "groups"),
        "warnings": ("name", "version", "reason", "groups"),
        "packages": ("name", "version", "file", "groups"),
    }
    for key, fields in shapes.items():
        want = entries(expected, key, fields)
        got = entries(found, key, fields)
        for item in sorted(set(want) - set(got)):
            problems.append(f"{key}: missing {' '.join(item)}")
        for item in sorted(set(got) - set(want)):
            problems.append(f"{key}: extra   {' '.join(item)}")
        if not problems and want != got:
            problems.append(f"{key}: order differs")
    if sorted(expected["missing_from_lock"]) != sorted(found.get("missing_from_lock") or []):
        problems.append(
            f"missing_from_lock {found.get('missing_from_lock')} != "
            f"{expected['missing_from_lock']}"
        )
    return problems


def run_preflight(binary: Path, project: Path, target: str) -> tuple[dict | None, str]:
    result = subprocess.run(
        [str(binary), "check", str(project), "--platform", target, "--format", "json",
         "--offline"],
        capture_output=True, text=True, timeout=120,
    )
    if result.returncode not in (0, 1):
        return None, f"exit {result.returncode}: {result.stderr.strip()[:300]}"
    try:
        return json.loads(result.stdout), ""
    except json.JSONDecodeError as error:
        return None, f"bad JSON: {error}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--binary", type=Path, default=REPOSITORY / ".build/release/preflight")
    parser.add_argument("--write", type=Path)
    options = parser.parse_args(argv[1:])

    projects = projects_in(options.paths)
    checks = agree = 0
    packages = 0
    for project in projects:
        for target in oracle.TARGETS:
            checks += 1
            try:
                expected = oracle.analyse(project, target)
            except Exception as error:  # the oracle cannot read it: preflight must exit 2
                found, failure = run_preflight(options.binary, project, target.name)
                status = "agree (both reject)" if found is None else "DIFFERS"
                agree += found is None
                print(f"{project.name} {target.name}: oracle fails ({error!r:.120}); "
                      f"preflight {failure or 'accepts'}: {status}")
                continue
            packages += len(expected["packages"])
            if options.write is not None:
                out = options.write / project.name / f"{target.name}.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(oracle.render(expected))
            found, failure = run_preflight(options.binary, project, target.name)
            problems = [failure] if found is None else compare(expected, found)
            if problems:
                for problem in problems:
                    print(f"{project.name} {target.name}: {problem}")
            else:
                agree += 1
    print(f"{agree}/{checks} project-target checks agree ({len(projects)} projects, "
          f"{packages} installed packages)")
    return 0 if agree == checks else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

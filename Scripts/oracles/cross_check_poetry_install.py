#!/usr/bin/env python3
"""Cross-check which packages the ground truth says are installed against Poetry's own
installer (offline: Poetry only reads the lock here).

For every fixture with a fresh lock and every target, runs Poetry's `Installer` the way
`poetry install` does (default groups, no extras, empty environment) with a mock
environment carrying the target's marker environment, captures the operations instead
of executing them, and compares the installed (name, version) set with `packages` in
Fixtures/<name>/expected/<target>.json.

Usage: $ORACLE_VENV/bin/python Scripts/oracles/cross_check_poetry_install.py [FIXTURE...]
Exit 1 on a difference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cleo.io.null_io import NullIO
from poetry.factory import Factory
from poetry.installation.installer import Installer
from poetry.repositories.installed_repository import InstalledRepository
from poetry.utils.env import MockEnv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_ground_truth import FIXTURES, TARGETS, Target  # noqa: E402


def poetry_installs(project: Path, target: Target) -> set[tuple[str, str]] | None:
    poetry = Factory().create_poetry(project)
    if not poetry.locker.is_fresh():
        return None
    template = MockEnv(version_info=(3, 14, 0), platform="linux",
                       platform_machine=target.machine, os_name="posix", is_venv=True)
    marker_env = dict(template.marker_env)
    marker_env.update({k: v for k, v in target.environment().items() if k != "extra"})
    env = MockEnv(version_info=(3, 14, 0), platform="linux", platform_machine=target.machine,
                  os_name="posix", is_venv=True, marker_env=marker_env)
    installer = Installer(NullIO(), env, poetry.package, poetry.locker, poetry.pool,
                          poetry.config, installed=InstalledRepository())
    captured = []

    def capture(operations: list) -> int:
        captured.extend(operations)
        return 0

    installer._execute = capture  # type: ignore[method-assign]
    if installer.run() != 0:
        raise RuntimeError(f"poetry installer failed for {project.name}")
    return {
        (op.package.name, op.package.version.text)
        for op in captured
        if op.job_type == "install" and not op.skipped
    }


def main(argv: list[str]) -> int:
    names = argv[1:] or sorted(p.parent.name for p in FIXTURES.glob("*/expected"))
    differences = 0
    for name in names:
        for target in TARGETS:
            # A name is a fixture; a path is any project folder with expected/<target>.json.
            project = Path(name) if Path(name).is_dir() else FIXTURES / name
            expected = json.loads((project / "expected" / f"{target.name}.json").read_text())
            ours = {(p["name"], p["version"]) for p in expected["packages"]}
            theirs = poetry_installs(project, target)
            if theirs is None:
                print(f"{name:>22} {target.name:<13} skipped (stale lock: poetry refuses)",
                      file=sys.stderr)
                continue
            only_ours, only_theirs = sorted(ours - theirs), sorted(theirs - ours)
            status = "ok" if not (only_ours or only_theirs) else "DIFFERS"
            print(f"{name:>22} {target.name:<13} {status} ({len(theirs)} packages)",
                  file=sys.stderr)
            if only_ours or only_theirs:
                print(f"    only in ground truth: {only_ours}\n    only in poetry: {only_theirs}")
                differences += 1
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

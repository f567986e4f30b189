#!/usr/bin/env python3
"""Ground truth for `preflight check`: what must be reported for a Poetry project on a
target (CPython 3.14 on Debian x86_64, Alpine x86_64, Debian arm64), computed from
poetry.lock and pyproject.toml alone with `packaging` (tags, markers, specifiers) and
Poetry's own project model (groups, root dependencies) and content hash.

Run with the Python of the Poetry installation: $ORACLE_VENV/bin/python.

    check_ground_truth.py                 write Fixtures/*/expected/<target>.json and
                                          Fixtures/targets/<target>.json
    check_ground_truth.py --check         compare instead of writing; exit 1 on a difference
    check_ground_truth.py DIR [--target T] [--stdout]
                                          one project (any folder), printed or written

The rules are written out in Fixtures/README.md, "Ground-truth rules".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from poetry.core.constraints.version import parse_constraint as poetry_constraint
from poetry.core.constraints.version import Version as PoetryVersion
from poetry.factory import Factory

# Versions and specifiers with thousands of digits are read exactly, as packaging reads
# them when Python's integer-string limit is lifted.
sys.set_int_max_str_digits(0)
# The walk recurses once per requirement in a chain; pathological locks nest thousands.
sys.setrecursionlimit(100_000)

REPOSITORY = Path(__file__).resolve().parents[2]
FIXTURES = REPOSITORY / "Fixtures"

PYTHON_FULL_VERSION = "3.14.0"
PYTHON_VERSION = (3, 14)

SDIST_SUFFIXES = (".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tar")

LEGACY_MANYLINUX = {(2, 17): "manylinux2014", (2, 12): "manylinux2010", (2, 5): "manylinux1"}


@dataclass(frozen=True)
class Target:
    """An installation target: CPython 3.14 on one Linux flavour and architecture."""

    name: str
    machine: str
    libc: str  # "glibc" or "musl"
    libc_version: tuple[int, int]

    def platform_tags(self) -> list[str]:
        """Platform tags in pip's order of preference (packaging's order on that system)."""
        major, newest = self.libc_version
        # packaging 26 lists linux_<arch> first on Linux, then manylinux or musllinux.
        tags: list[str] = [f"linux_{self.machine}"]
        if self.libc == "glibc":
            oldest = 5 if self.machine in ("x86_64", "i686") else 17
            for minor in range(newest, oldest - 1, -1):
                tags.append(f"manylinux_{major}_{minor}_{self.machine}")
                legacy = LEGACY_MANYLINUX.get((major, minor))
                if legacy is not None:
                    tags.append(f"{legacy}_{self.machine}")
        else:
            for minor in range(newest, -1, -1):
                tags.append(f"musllinux_{major}_{minor}_{self.machine}")
        return tags

    def tags(self) -> list[Tag]:
        """The full supported-tag list, most preferred first (like packaging.tags.sys_tags
        on that interpreter and system)."""
        platforms = self.platform_tags()
        interpreter = f"cp{PYTHON_VERSION[0]}{PYTHON_VERSION[1]}"
        result = list(cpython_tags(PYTHON_VERSION, abis=[interpreter], platforms=platforms))
        result += list(compatible_tags(PYTHON_VERSION, interpreter, platforms))
        return result

    def environment(self, extra: str = "") -> dict[str, str]:
        """The PEP 508 marker environment of the target."""
        return {
            "implementation_name": "cpython",
            "implementation_version": PYTHON_FULL_VERSION,
            "os_name": "posix",
            "platform_machine": self.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": "Linux",
            "platform_version": "",
            "python_full_version": PYTHON_FULL_VERSION,
            "python_version": f"{PYTHON_VERSION[0]}.{PYTHON_VERSION[1]}",
            "sys_platform": "linux",
            "extra": extra,
        }

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "python": PYTHON_FULL_VERSION,
            "implementation": "cpython",
            "machine": self.machine,
            "libc": self.libc,
            "libc_version": f"{self.libc_version[0]}.{self.libc_version[1]}",
            "platform_tags": self.platform_tags(),
            "marker_environment": {k: v for k, v in self.environment().items() if k != "extra"},
            "tags": [str(tag) for tag in self.tags()],
        }


TARGETS = (
    Target("debian", "x86_64", "glibc", (2, 36)),
    Target("alpine", "x86_64", "musl", (1, 2)),
    Target("debian-arm64", "aarch64", "glibc", (2, 36)),
)


# ---------------------------------------------------------------------------------------
# Small evaluators


def marker_holds(marker: str | None, target: Target, extras: frozenset[str]) -> bool:
    """A PEP 508 marker string is true in the target environment for the empty extra or
    any of the active extras. No marker means true."""
    if marker is None or marker.strip() == "":
        return True
    parsed = Marker(marker)
    return any(parsed.evaluate(target.environment(extra)) for extra in sorted({"", *extras}))


def python_constraint_allows(constraint: str | None) -> bool:
    """A `python-versions` value allows the target Python. PEP 440 specifiers are read
    with packaging; Poetry's own syntax (^, ~, ||, bare versions) with poetry-core."""
    if constraint is None:
        return True
    text = constraint.strip()
    if text in ("", "*"):
        return True
    try:
        return SpecifierSet(text).contains(PYTHON_FULL_VERSION, prereleases=True)
    except InvalidSpecifier:
        pass
    try:
        return poetry_constraint(text).allows(PoetryVersion.parse(PYTHON_FULL_VERSION))
    except ValueError:  # neither reads it: pip ignores an invalid Requires-Python
        return True


def version_constraint_allows(constraint: str | None, version: str) -> bool:
    """A dependency's version constraint (Poetry syntax) allows a locked version."""
    if constraint is None or constraint.strip() in ("", "*"):
        return True
    try:
        return poetry_constraint(constraint).allows(PoetryVersion.parse(version))
    except Exception:  # an unparsable constraint or version matches: the lock says so
        return True


def requirement_name(text: str) -> str:
    try:
        return canonicalize_name(Requirement(text).name)
    except InvalidRequirement:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
        return canonicalize_name(match.group(1)) if match else ""


def requirement_extras(text: str) -> frozenset[str]:
    try:
        return frozenset(canonicalize_name(e) for e in Requirement(text).extras)
    except InvalidRequirement:
        return frozenset()


# ---------------------------------------------------------------------------------------
# The lock


@dataclass
class LockedPackage:
    index: int
    name: str  # canonical
    version: str
    python_versions: str | None
    markers: Any  # None, a string, or a table group -> string
    dependencies: dict[str, Any]
    extras: dict[str, list[str]]
    files: list[str]
    source_type: str | None

    def lock_marker_holds(self, group: str, target: Target) -> bool:
        if self.markers is None:
            return True
        if isinstance(self.markers, str):
            return marker_holds(self.markers, target, frozenset())
        if group in self.markers:
            return marker_holds(self.markers[group], target, frozenset())
        return True


def file_version_matches(filename: str, version: str) -> bool:
    """A distribution file's name carries `version`, or no readable version at all."""
    try:
        wanted = Version(version)
    except InvalidVersion:
        return True
    try:
        if filename.lower().endswith(".whl"):
            text = filename[:-4].split("-")[1]
        else:
            suffix = next((s for s in SDIST_SUFFIXES if filename.lower().endswith(s)), None)
            if suffix is None:
                return True
            text = filename[: -len(suffix)].rpartition("-")[2]
        return Version(text) == wanted
    except (IndexError, InvalidVersion):
        return True


def read_lock(path: Path) -> tuple[dict[str, Any], list[LockedPackage]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    # Poetry 2.5 refuses a lock without [metadata] or lock-version, or with a lock-version
    # outside >=1,<3; Preflight reads the versions Poetry has written (1.1, 2.0, 2.1).
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        raise ValueError("the lock has no [metadata] table")
    if str(metadata.get("lock-version")) not in ("1.1", "2.0", "2.1"):
        raise ValueError(f"lock-version {metadata.get('lock-version')!r} is not supported")
    legacy_files = metadata.get("files", {})
    legacy_by_name: dict[str, list] = {}
    for key, value in legacy_files.items():  # keys spelled apart but equal when normalized
        legacy_by_name.setdefault(canonicalize_name(key), []).extend(value)
    releases: dict[str, int] = {}
    for entry in data.get("package", []):
        if isinstance(entry.get("name"), str):
            key = canonicalize_name(entry["name"])
            releases[key] = releases.get(key, 0) + 1
    packages = []
    for index, entry in enumerate(data.get("package", [])):
        if not isinstance(entry.get("name"), str) or not isinstance(entry.get("version"), str):
            raise ValueError(f"package {index}: name and version must be strings")
        name = canonicalize_name(entry["name"])
        files = entry.get("files")
        if files is None:
            files = legacy_by_name.get(name, [])
            # Lock-version 1.1 lists the files of every locked release of a name under one
            # key; with several releases each keeps the files whose name carries its version.
            if releases[name] > 1:
                files = [f for f in files if file_version_matches(f["file"], entry["version"])]
        packages.append(
            LockedPackage(
                index=index,
                name=name,
                version=str(entry["version"]),
                python_versions=entry.get("python-versions"),
                markers=(
                    {canonicalize_name(k): v for k, v in entry["markers"].items()}
                    if isinstance(entry.get("markers"), dict) else entry.get("markers")
                ),
                dependencies=entry.get("dependencies", {}),
                extras={canonicalize_name(k): v for k, v in entry.get("extras", {}).items()},
                files=[f["file"] for f in files],
                source_type=entry.get("source", {}).get("type"),
            )
        )
    return metadata, packages


# ---------------------------------------------------------------------------------------
# Which packages are installed


@dataclass(frozen=True)
class Edge:
    name: str
    constraint: str | None
    markers: str | None
    python: str | None
    platform: str | None
    optional: bool
    extras: frozenset[str]


def edges_of(spec: Any, name: str) -> list[Edge]:
    """The constraint forms of one `[package.dependencies]` entry as edges."""
    if isinstance(spec, str):
        return [Edge(name, spec, None, None, None, False, frozenset())]
    if isinstance(spec, dict):
        return [
            Edge(
                name,
                spec.get("version"),
                spec.get("markers"),
                spec.get("python"),
                spec.get("platform"),
                bool(spec.get("optional", False)),
                frozenset(canonicalize_name(e) for e in spec.get("extras", [])),
            )
        ]
    if isinstance(spec, list):
        return [edge for item in spec for edge in edges_of(item, name)]
    return []


class Walk:
    """Follows the project's default-group dependencies through the lock."""

    def __init__(self, packages: list[LockedPackage], target: Target) -> None:
        self.target = target
        self.by_name: dict[str, list[LockedPackage]] = {}
        for package in packages:
            self.by_name.setdefault(package.name, []).append(package)
        self.extras: dict[tuple[int, str], frozenset[str]] = {}
        self.groups: dict[int, set[str]] = {}
        self.missing: set[str] = set()

    def matches(self, name: str, constraint: str | None, group: str) -> list[LockedPackage]:
        candidates = self.by_name.get(name, [])
        if not candidates:
            self.missing.add(name)
            return []
        if len(candidates) > 1:
            allowed = [c for c in candidates if version_constraint_allows(constraint, c.version)]
            candidates = allowed or candidates
        return [c for c in candidates if c.lock_marker_holds(group, self.target)]

    def visit(self, package: LockedPackage, extras: frozenset[str], group: str) -> None:
        key = (package.index, group)
        known = self.extras.get(key)
        if known is not None and extras <= known:
            return
        active = self.expand_extras(package, extras | (known or frozenset()))
        self.extras[key] = active
        self.groups.setdefault(package.index, set()).add(group)

        wanted_by_extra: dict[str, frozenset[str]] = {}
        for extra in active:
            for requirement in package.extras.get(extra, []):
                child = requirement_name(requirement)
                wanted_by_extra[child] = wanted_by_extra.get(child, frozenset()) | (
                    requirement_extras(requirement)
                )

        for raw_name, spec in package.dependencies.items():
            child_name = canonicalize_name(raw_name)
            for edge in edges_of(spec, child_name):
                if edge.optional and child_name not in wanted_by_extra:
                    continue
                if not self.edge_holds(edge, active):
                    continue
                child_extras = edge.extras | wanted_by_extra.get(child_name, frozenset())
                for child in self.matches(child_name, edge.constraint, group):
                    self.visit(child, child_extras, group)

    @staticmethod
    def expand_extras(package: LockedPackage, extras: frozenset[str]) -> frozenset[str]:
        """The extras with those an extra asks of the package itself (`complete =
        ["dask[array,dataframe]", ...]`), as Poetry and pip install them."""
        active = set(extras)
        pending = list(active)
        while pending:
            for requirement in package.extras.get(pending.pop(), []):
                if requirement_name(requirement) != package.name:
                    continue
                for extra in requirement_extras(requirement) - active:
                    active.add(extra)
                    pending.append(extra)
        return frozenset(active)

    def edge_holds(self, edge: Edge, active: frozenset[str]) -> bool:
        if not marker_holds(edge.markers, self.target, active):
            return False
        if edge.python is not None and not python_constraint_allows(edge.python):
            return False
        if edge.platform is not None and edge.platform != "linux":
            return False
        return True


@dataclass(frozen=True)
class RootDependency:
    name: str
    constraint: str
    marker: str
    extras: frozenset[str]
    group: str


def project_model(project: Path) -> tuple[Any, list[RootDependency], list[str]]:
    """Poetry's project, the dependencies of the groups `poetry install` installs by
    default (every non-optional group; optional dependencies need an extra and are left
    out), and those group names."""
    poetry = Factory().create_poetry(project)
    package = poetry.package
    groups = sorted(package.dependency_group_names(include_optional=False))
    roots = []
    for group in groups:
        for dependency in package.dependency_group(group).dependencies:
            if dependency.is_optional() or dependency.marker.is_empty():
                continue  # an extra's dependency, or one whose conditions contradict
            marker = "" if dependency.marker.is_any() else str(dependency.marker)
            roots.append(
                RootDependency(
                    name=dependency.name,
                    constraint=str(dependency.constraint),
                    marker=marker,
                    extras=frozenset(canonicalize_name(e) for e in dependency.extras),
                    group=group,
                )
            )
    return poetry, roots, groups


# ---------------------------------------------------------------------------------------
# Findings


@dataclass
class Decision:
    file: str | None
    reason: str | None
    severity: str | None


def wheel_tags(filename: str) -> frozenset[Tag] | None:
    try:
        return parse_wheel_filename(filename)[3]
    except InvalidWheelFilename:
        return None


def build_number(filename: str) -> tuple[int, str]:
    build = parse_wheel_filename(filename)[2]
    return build if build else (-1, "")


def decide(package: LockedPackage, target: Target, rank: dict[Tag, int]) -> Decision:
    wheels: list[tuple[str, frozenset[Tag]]] = []
    sdists: list[str] = []
    for filename in package.files:
        if filename.endswith(".whl"):
            tags = wheel_tags(filename)
            if tags is not None:
                wheels.append((filename, tags))
        elif filename.lower().endswith(SDIST_SUFFIXES):
            sdists.append(filename)
    sdists.sort()

    # pip keeps the candidate with the largest (tag priority, build tag) and, among equal
    # ones, the first met: an index page lists files by name, so the smallest name. The
    # build tag is packaging's (number, suffix), larger preferred in both parts.
    compatible = []
    for filename, tags in wheels:
        ranks = [rank[tag] for tag in tags if tag in rank]
        if ranks:
            compatible.append((min(ranks), build_number(filename), filename, tags))
    compatible.sort(key=lambda item: item[2])
    compatible.sort(key=lambda item: item[1], reverse=True)
    compatible.sort(key=lambda item: item[0])
    platform_wheels = [f for f, tags in wheels if any(t.platform != "any" for t in tags)]

    best_file = compatible[0][2] if compatible else (sdists[0] if sdists else None)

    if not python_constraint_allows(package.python_versions):
        return Decision(best_file, "requires-python", "blocker")
    if compatible:
        best_rank, _, filename, tags = compatible[0]
        best_tag = next(tag for tag in tags if rank.get(tag) == best_rank)
        if best_tag.abi == "none" and best_tag.platform == "any" and platform_wheels:
            return Decision(filename, "pure-python-fallback", "warning")
        return Decision(filename, None, None)
    if platform_wheels:
        return Decision(best_file, "no-compatible-wheel", "blocker")
    if sdists or not wheels:
        return Decision(best_file, "sdist-only", "warning")
    # Only pure wheels for other Pythons (py2-none-any, ...) and no sdist: nothing installs.
    return Decision(None, "no-compatible-wheel", "blocker")


def project_identity(project: Path) -> tuple[str, str | None]:
    with (project / "pyproject.toml").open("rb") as handle:
        data = tomllib.load(handle)
    poetry_table = data.get("tool", {}).get("poetry", {})
    project_table = data.get("project", {})
    name = project_table.get("name") or poetry_table.get("name") or project.name
    version = project_table.get("version") or poetry_table.get("version")
    return canonicalize_name(name), version


def analyse(project: Path, target: Target) -> dict[str, Any]:
    metadata, packages = read_lock(project / "poetry.lock")
    poetry, roots, groups = project_model(project)
    rank = {tag: index for index, tag in enumerate(target.tags())}

    walk = Walk(packages, target)
    for root in roots:
        if not marker_holds(root.marker, target, frozenset()):
            continue
        for package in walk.matches(root.name, root.constraint, root.group):
            walk.visit(package, root.extras, root.group)

    blockers: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    installed: list[dict[str, Any]] = []
    project_name, project_version = project_identity(project)

    # A fresh lock (for a Python range with the target) always holds every project
    # requirement that applies; when one is absent the lock was damaged after Poetry wrote
    # it, and `preflight check` refuses it (exit 2) rather than reporting on it.
    fresh = poetry.locker.is_fresh()
    if fresh and python_constraint_allows(metadata.get("python-versions")):
        absent = sorted(
            root.name for root in roots
            if marker_holds(root.marker, target, frozenset()) and root.name not in walk.by_name
        )
        if absent:
            raise ValueError(f"poetry.lock has no [[package]] entry for '{absent[0]}'")

    if not fresh:
        blockers.append(
            {"name": project_name, "version": project_version, "reason": "lock-stale",
             "groups": []}
        )
    if not python_constraint_allows(metadata.get("python-versions")):
        blockers.append(
            {"name": project_name, "version": project_version, "reason": "requires-python",
             "groups": []}
        )

    for package in packages:
        if package.index not in walk.groups:
            continue
        package_groups = sorted(walk.groups[package.index])
        decision = decide(package, target, rank)
        installed.append(
            {"name": package.name, "version": package.version, "file": decision.file,
             "groups": package_groups}
        )
        if decision.reason is not None:
            finding = {"name": package.name, "version": package.version,
                       "reason": decision.reason, "groups": package_groups}
            (blockers if decision.severity == "blocker" else warnings).append(finding)

    def order(item: dict[str, Any]) -> tuple[str, Version, str, str]:
        try:
            version = Version(item["version"] or "0")
        except Exception:
            version = Version("0")
        return (item["name"], version, item["version"] or "", item.get("reason", ""))

    blockers.sort(key=order)
    warnings.sort(key=order)
    installed.sort(key=order)
    return {
        "target": {"name": target.name, "python": PYTHON_FULL_VERSION,
                   "platform": target.platform_tags()[1]},
        "groups": groups,
        "verdict": "blocked" if blockers else "ready",
        "blockers": blockers,
        "warnings": warnings,
        "packages": installed,
        "lock_version": str(metadata.get("lock-version", "")),
        "missing_from_lock": sorted(walk.missing),
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*", type=Path)
    parser.add_argument("--target", choices=[t.name for t in TARGETS])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--stdout", action="store_true", help="print, do not write")
    options = parser.parse_args(argv[1:])

    targets = [t for t in TARGETS if options.target in (None, t.name)]
    projects = options.projects or sorted(
        p.parent for p in FIXTURES.glob("*/poetry.lock")
    )
    outputs: dict[Path, str] = {}
    if not options.projects:
        for target in targets:
            outputs[FIXTURES / "targets" / f"{target.name}.json"] = render(target.describe())
    for project in projects:
        for target in targets:
            document = analyse(project, target)
            outputs[project / "expected" / f"{target.name}.json"] = render(document)
            summary = ", ".join(f"{b['name']} {b['version']} {b['reason']}"
                                for b in document["blockers"])
            print(f"{project.name:>20} {target.name:<13} {document['verdict']:<8} "
                  f"{len(document['packages']):>3} packages  {summary}", file=sys.stderr)

    differences = 0
    for path, text in outputs.items():
        if options.stdout:
            sys.stdout.write(text)
        elif options.check:
            if not path.exists() or path.read_text() != text:
                print(f"differs: {path}", file=sys.stderr)
                differences += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Generate PEP 508 requirement and marker vectors from packaging (the reference).

    $ORACLE_VENV/bin/python Scripts/oracles/pep508_vectors.py

Reads Scripts/oracles/data/requires_dist.txt (real Requires-Dist values, see
fetch_pypi_samples.py) and writes, under Tests/PythonPackagingTests/Resources/pep508/:
- requirements.jsonl: {"request", "response"} for `preflight debug pep508`
  {"op":"requirement"}: every real line, and fuzzed near-misses of them.
- markers.jsonl: {"request", "response"} for {"op":"marker"}: the markers of the
  real lines and generated ones, each in five environments and with several extras.
Invalid answers keep only {"valid": false}: the error texts are our own.
"""

import json
import pathlib
import random

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PythonPackagingTests/Resources/pep508"
DATA = pathlib.Path(__file__).parent / "data"


def base_env(python, full, sys_platform, system, os_name, machine, release="", version=""):
    return {
        "implementation_name": "cpython",
        "implementation_version": full,
        "os_name": os_name,
        "platform_machine": machine,
        "platform_python_implementation": "CPython",
        "platform_release": release,
        "platform_system": system,
        "platform_version": version,
        "python_full_version": full,
        "python_version": python,
        "sys_platform": sys_platform,
    }


ENVIRONMENTS = [
    base_env("3.14", "3.14.0", "linux", "Linux", "posix", "x86_64"),
    base_env("3.14", "3.14.2", "linux", "Linux", "posix", "aarch64"),
    base_env("3.13", "3.13.1", "darwin", "Darwin", "posix", "arm64", "24.1.0", "Darwin Kernel"),
    base_env("3.11", "3.11.7", "win32", "Windows", "nt", "AMD64", "10", "10.0.22631"),
    base_env("3.8", "3.8.10+", "linux", "Linux", "posix", "x86_64", "5.15.0-1034-azure",
             "#41-Ubuntu SMP Fri Feb 10 19:59:45 UTC 2023"),
]
EXTRAS = [None, "", "test", "Foo.Bar", "dev", "socks", ["test", "docs"], []]


def requirement_answer(text):
    try:
        requirement = Requirement(text)
        marker = str(requirement.marker) if requirement.marker else None
    except (InvalidRequirement, ValueError):
        return {"valid": False}
    return {
        "valid": True,
        "name": requirement.name,
        "extras": sorted(requirement.extras),
        "specifier": str(requirement.specifier),
        "url": requirement.url,
        "marker": marker,
    }


def prepared(env):
    """The environment as given, with Marker.evaluate's own preparation (extra
    normalized and defaulted, python_full_version repaired), but no values taken
    from the running interpreter: a missing variable stays missing."""
    result = dict(env)
    extra = result.get("extra", "")
    if not extra:
        result["extra"] = ""
    elif isinstance(extra, str):
        result["extra"] = canonicalize_name(extra)
    else:
        result["extra"] = frozenset(canonicalize_name(e) for e in extra)
    for key in ("extras", "dependency_groups"):
        if isinstance(result.get(key), list):
            result[key] = frozenset(result[key])
    full = result.get("python_full_version")
    if isinstance(full, str) and full.endswith("+"):
        result["python_full_version"] = full + "local"
    return result


def marker_answer(text, env):
    try:
        return {"valid": True, "result": Marker(text).evaluate_prepared(prepared(env))}
    except Exception:
        return {"valid": False}


def fuzz(text, chooser):
    alphabet = list(" \t;,@[]()<>=!~.*'\"-_+abcdefv0123456789") + ["and", "or", "in", "not",
        "extra", "===", "\u00a0", "é", "\\", "\n", "os.name"]
    kind = chooser.randrange(4)
    position = chooser.randrange(len(text) + 1)
    if kind == 0 and text:
        end = min(len(text), position + chooser.randrange(1, 4))
        return text[:position] + text[end:]
    if kind == 1:
        return text[:position] + chooser.choice(alphabet) + text[position:]
    if kind == 2 and text:
        end = min(len(text), position + 1)
        return text[:position] + chooser.choice(alphabet) + text[end:]
    return text[:position]


VARIABLES = [
    "python_version", "python_full_version", "os_name", "os.name", "sys_platform",
    "sys.platform", "platform_release", "platform_system", "platform_version",
    "platform.version", "platform_machine", "platform.machine", "platform_python_implementation",
    "platform.python_implementation", "python_implementation", "implementation_name",
    "implementation_version", "extra",
]
VALUES = [
    "3", "3.8", "3.10", "3.11", "3.13", "3.14", "3.14.0", "3.14.2", "3.8.10", "3.8.10+local",
    "3.*", "3.1*", "3.14.*", "3.14a1", "3.14.0rc1", "3.14.dev0", "2.7", "5.15", "5.15.0", "10",
    "24", "", " ", "foo", "linux", "Linux", "win32", "darwin", "nt", "posix", "cpython",
    "CPython", "PyPy", "x86_64", "AMD64", "arm64", "aarch64", "test", "Test_Extra", "foo.bar",
    "lin", "3.8 3.9", "!", "1!3.14", "v3.14", "3.14+local", "3.14 ", " 3.14",
]
OPERATORS = ["<", "<=", "==", "!=", ">=", ">", "~=", "===", "in", "not in"]


def random_item(chooser):
    variable = chooser.choice(VARIABLES)
    value = chooser.choice(VALUES)
    quote = chooser.choice(["'", '"'])
    literal = f"{quote}{value}{quote}"
    op = chooser.choice(OPERATORS)
    space = chooser.choice([" ", "", "  ", "\t"])
    shape = chooser.randrange(10)
    if shape < 6:
        return f"{variable}{space}{op}{space}{literal}"
    if shape < 9:
        return f"{literal}{space}{op}{space}{variable}"
    other = chooser.choice(VARIABLES + ['"python_version"', '"os_name"'])
    return f"{literal if shape == 9 else variable} {op} {other}"


def random_marker(chooser, depth=0):
    parts = [random_item(chooser) if depth > 2 or chooser.random() < 0.7
             else f"({random_marker(chooser, depth + 1)})"
             for _ in range(chooser.randrange(1, 4))]
    result = parts[0]
    for part in parts[1:]:
        result += f" {chooser.choice(['and', 'or'])} {part}"
    return result


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    chooser = random.Random(508)
    lines = sorted(set((DATA / "requires_dist.txt").read_text().split("\n")) - {""})

    requirements = list(lines)
    requirements += [fuzz(chooser.choice(lines), chooser) for _ in range(4000)]
    with (OUT / "requirements.jsonl").open("w") as out:
        for text in requirements:
            request = {"op": "requirement", "input": text}
            line = {"request": request, "response": requirement_answer(text)}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")

    markers = set()
    for text in lines:
        try:
            marker = Requirement(text).marker
        except Exception:
            continue
        if marker is not None:
            markers.add(text.split(";", 1)[1] if ";" in text else str(marker))
    markers = sorted(markers)
    markers += [random_marker(chooser) for _ in range(1200)]
    markers += [fuzz(chooser.choice(markers), chooser) for _ in range(300)]
    with (OUT / "markers.jsonl").open("w") as out:
        for index, text in enumerate(markers):
            for env_index, env in enumerate(ENVIRONMENTS):
                env = dict(env)
                extra = EXTRAS[(index + env_index) % len(EXTRAS)]
                if extra is not None:
                    env["extra"] = extra
                if (index + env_index) % 97 == 0:
                    env.pop("platform_machine")
                request = {"op": "marker", "marker": text, "env": env}
                line = {"request": request, "response": marker_answer(text, env)}
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(len(requirements), "requirements,", len(markers) * len(ENVIRONMENTS), "markers")


if __name__ == "__main__":
    main()

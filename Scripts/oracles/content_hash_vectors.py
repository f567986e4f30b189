#!/usr/bin/env python3
"""Generate content-hash test vectors from real Poetry installations.

Usage:
    python3 Scripts/oracles/content_hash_vectors.py \
        --poetry 1.8.5=/tmp/poetry18/bin/python \
        --poetry 2.2.1=/tmp/poetry22/bin/python \
        --poetry 2.5.1=$ORACLE_VENV/bin/python \
        --out Tests/PoetryTests/Resources/content-hash/vectors.json

Each --poetry names a Python interpreter with that Poetry version installed. The
driver builds the pyproject.toml cases (hand-written ones plus seeded random ones),
then runs this same file in "worker" mode under each interpreter. A worker reads the
cases as JSON on stdin, loads each with tomllib exactly as Poetry does, and asks that
Poetry's Locker for the content-hash. With --check-factory the worker also writes each
case to a temporary project and asks Factory().create_poetry() for the locker's hash,
to confirm that the direct Locker call sees what a real project sees.

Output: a JSON object {"generator": ..., "poetry": [versions], "cases": [...]}, each
case {"name", "pyproject", "hashes": {version: hex | null}, "errors": {version: text}}.
A null hash means that Poetry itself cannot compute one (for example a date value in a
hashed section makes json.dumps raise TypeError), or that the project is not a Poetry 1
project (no [tool.poetry]).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tomllib
from pathlib import Path

# --------------------------------------------------------------------------------------
# Worker: runs under a Poetry installation.
# --------------------------------------------------------------------------------------


def worker(check_factory: bool) -> None:
    from poetry.__version__ import __version__
    from poetry.packages.locker import Locker

    major = int(__version__.split(".")[0])
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        data = tomllib.loads(case["pyproject"])
        lock_path = Path("/nonexistent/poetry.lock")
        result: dict = {"name": case["name"]}
        try:
            if major < 2:
                poetry = data.get("tool", {}).get("poetry")
                if poetry is None:
                    raise LookupError("no [tool.poetry] section")
                result["hash"] = Locker(lock_path, poetry)._content_hash
            else:
                locker = Locker(lock_path, data)
                result["hash"] = locker._content_hash
        except Exception as error:  # noqa: BLE001 - any failure is a recorded outcome
            result["hash"] = None
            result["error"] = f"{type(error).__name__}: {error}"
        if check_factory:
            result["factory"] = factory_hash(case["pyproject"])
        results.append(result)
    json.dump({"version": __version__, "results": results}, sys.stdout)


def factory_hash(text: str) -> str | None:
    import tempfile

    from poetry.factory import Factory

    with tempfile.TemporaryDirectory() as directory:
        Path(directory, "pyproject.toml").write_text(text, encoding="utf-8")
        try:
            return Factory().create_poetry(Path(directory)).locker._content_hash
        except Exception as error:  # noqa: BLE001
            return f"rejected: {type(error).__name__}"


# --------------------------------------------------------------------------------------
# Case generation.
# --------------------------------------------------------------------------------------

HEADER = """[tool.poetry]
name = "demo"
version = "0.1.0"
description = "A demo project"
authors = ["Ann Example <ann@example.com>"]
"""

BUILD = """
[build-system]
requires = ["poetry-core>=1.0.0"]
build-backend = "poetry.core.masonry.api"
"""


def handwritten() -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []

    def add(name: str, text: str) -> None:
        cases.append((name, text))

    add("python-only", HEADER + '\n[tool.poetry.dependencies]\npython = "^3.10"\n' + BUILD)
    add("no-dependencies-table", HEADER + BUILD)
    add("empty-dependencies-table", HEADER + "\n[tool.poetry.dependencies]\n" + BUILD)
    add(
        "string-dependencies",
        HEADER
        + """
[tool.poetry.dependencies]
python = ">=3.9,<3.13"
requests = "^2.31"
httpx = "~0.27"
"Django" = ">=4.2,<5.0"
attrs = "*"
pydantic = "2.5.3"
numpy = ">=1.26 || ^2.0"
six = "==1.16.0"
"""
        + BUILD,
    )
    add(
        "table-dependencies",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
requests = { version = "^2.31", extras = ["socks", "use_chardet_on_py3"] }
uvloop = { version = "^0.19", markers = "sys_platform != 'win32'" }
tomli = { version = ">=1.1", python = "<3.11" }
pywin32 = { version = "^306", platform = "win32" }
torch = { version = "2.2.0", source = "pytorch" }
rich = { version = "^13", optional = true }
black = { version = "24.1a1", allow-prereleases = true }
private = { version = "1.0", source = "internal", optional = true, extras = ["x"] }
"""
        + BUILD,
    )
    add(
        "table-dependencies-as-sections",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"

[tool.poetry.dependencies.requests]
version = "^2.31"
extras = ["socks", "use_chardet_on_py3"]

[tool.poetry.dependencies.uvloop]
version = "^0.19"
markers = "sys_platform != 'win32'"
"""
        + BUILD,
    )
    add(
        "table-dependencies-as-inline",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
requests = {version = "^2.31", extras = ["socks", "use_chardet_on_py3"]}
uvloop = {markers = "sys_platform != 'win32'", version = "^0.19"}
"""
        + BUILD,
    )
    add(
        "table-dependencies-dotted-keys",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
requests.version = "^2.31"
requests.extras = ['socks', 'use_chardet_on_py3']
uvloop.markers = "sys_platform != 'win32'"
uvloop.version = '^0.19'
"""
        + BUILD,
    )
    add(
        "multiple-constraints",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.8"
numpy = [
    { version = "^1.24", python = "<3.12" },
    { version = "^2.0", python = ">=3.12" },
]
foo = [
    {path = "../foo", markers = "platform_system == 'Linux'"},
    {version = "^1.0", markers = "platform_system != 'Linux'", source = "internal"},
]
"""
        + BUILD,
    )
    add(
        "non-index-dependencies",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
mylib = { path = "../mylib", develop = true }
wheel-file = { path = "dist/thing-1.0-py3-none-any.whl" }
requests = { git = "https://github.com/psf/requests.git", branch = "main" }
flask = { git = "https://github.com/pallets/flask.git", tag = "3.0.0" }
click = { git = "https://github.com/pallets/click.git", rev = "abc123", subdirectory = "x" }
archive = { url = "https://example.com/archive-1.0.tar.gz" }
"""
        + BUILD,
    )
    add(
        "groups",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.11"
fastapi = "^0.110"

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"
mypy = "^1.8"

[tool.poetry.group.docs]
optional = true

[tool.poetry.group.docs.dependencies]
mkdocs = "^1.5"

[tool.poetry.group.lint.dependencies]
ruff = { version = "^0.3", markers = "python_version >= '3.8'" }
"""
        + BUILD,
    )
    add(
        "group-include-groups",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.11"

[tool.poetry.group.test.dependencies]
pytest = "^8.0"

[tool.poetry.group.ci]
include-groups = ["test"]

[tool.poetry.group.ci.dependencies]
coverage = "^7"
"""
        + BUILD,
    )
    add(
        "legacy-dev-dependencies",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.7"
requests = "^2.25"

[tool.poetry.dev-dependencies]
pytest = "^6.2"
black = { version = "^21.5b1", allow-prereleases = true }
"""
        + BUILD,
    )
    add(
        "extras",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
psycopg2 = { version = "^2.9", optional = true }
mysqlclient = { version = "^2.2", optional = true }

[tool.poetry.extras]
mysql = ["mysqlclient"]
pgsql = ["psycopg2"]
databases = ["mysqlclient", "psycopg2"]
"""
        + BUILD,
    )
    add(
        "sources-priorities",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
torch = { version = "^2.2", source = "pytorch" }

[[tool.poetry.source]]
name = "pytorch"
url = "https://download.pytorch.org/whl/cpu"
priority = "explicit"

[[tool.poetry.source]]
name = "internal"
url = "https://pypi.internal.example/simple/"
priority = "supplemental"

[[tool.poetry.source]]
name = "mirror"
url = "https://mirror.example/simple/"
priority = "primary"

[[tool.poetry.source]]
name = "PyPI"
priority = "primary"
"""
        + BUILD,
    )
    add(
        "sources-legacy-flags",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.8"

[[tool.poetry.source]]
name = "corp"
url = "https://corp.example/simple/"
default = true

[[tool.poetry.source]]
name = "extra"
url = "https://extra.example/simple/"
secondary = true
"""
        + BUILD,
    )
    add(
        "irrelevant-keys-a",
        HEADER
        + """readme = "README.md"
packages = [{ include = "demo", from = "src" }]
keywords = ["a", "b"]

[tool.poetry.dependencies]
python = "^3.10"
requests = "^2.31"

[tool.poetry.scripts]
demo = "demo.cli:main"
"""
        + BUILD,
    )
    add(
        "irrelevant-keys-b",
        """[tool.poetry]
name = "renamed"
version = "9.9.9"
description = "changed"
authors = []
package-mode = false

[tool.poetry.dependencies]
python = "^3.10"
requests = "^2.31"

[tool.black]
line-length = 100

[tool.other]
when = 1979-05-27T07:32:00Z
"""
        + BUILD,
    )
    add(
        "pep621-basic",
        """[project]
name = "demo"
version = "0.1.0"
description = "A demo"
requires-python = ">=3.10"
dependencies = [
    "requests>=2.31,<3",
    "uvloop>=0.19; sys_platform != 'win32'",
    "httpx[http2,socks]==0.27.0",
]

[project.optional-dependencies]
pg = ["psycopg[binary]>=3.1"]
docs = ["mkdocs>=1.5", "mkdocs-material"]
"""
        + BUILD,
    )
    add(
        "pep621-with-tool-poetry-enrichment",
        """[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.10,<4"
dependencies = ["requests>=2.31", "torch (>=2.2)", "mylib"]

[tool.poetry]
packages = [{ include = "demo" }]

[tool.poetry.dependencies]
torch = { source = "pytorch" }
mylib = { path = "../mylib", develop = true }
requests = { allow-prereleases = true }

[tool.poetry.group.dev.dependencies]
pytest = "^8"

[[tool.poetry.source]]
name = "pytorch"
url = "https://download.pytorch.org/whl/cpu"
priority = "explicit"
"""
        + BUILD,
    )
    add(
        "pep621-no-tool-poetry",
        """[project]
name = "demo"
version = "0.1.0"
dependencies = ["attrs"]
"""
        + BUILD,
    )
    add(
        "pep621-only-metadata",
        """[project]
name = "demo"
version = "0.1.0"
description = "no relevant keys here"
authors = [{ name = "Ann" }]

[tool.poetry.dependencies]
python = "^3.12"
attrs = "*"
"""
        + BUILD,
    )
    add(
        "pep621-empty-dependencies",
        """[project]
name = "demo"
version = "0.1.0"
dependencies = []

[tool.poetry]
"""
        + BUILD,
    )
    add(
        "pep621-requires-python-only",
        """[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.9"
"""
        + BUILD,
    )
    add(
        "pep621-dynamic-dependencies",
        """[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.9"
dynamic = ["dependencies"]

[tool.poetry.dependencies]
python = "^3.9"
requests = "^2.0"
"""
        + BUILD,
    )
    add(
        "dependency-groups",
        """[project]
name = "demo"
version = "0.1.0"
dependencies = ["attrs"]

[dependency-groups]
test = ["pytest>=8", "coverage[toml]"]
lint = ["ruff"]
dev = [{ include-group = "test" }, { include-group = "lint" }, "ipython"]
"""
        + BUILD,
    )
    add(
        "dependency-groups-tool-poetry-only",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.11"

[dependency-groups]
test = ["pytest"]
"""
        + BUILD,
    )
    add(
        "dependency-groups-empty",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.11"

[dependency-groups]
"""
        + BUILD,
    )
    add(
        "dependency-groups-with-poetry-group-settings",
        """[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.11"

[dependency-groups]
docs = ["mkdocs"]

[tool.poetry.group.docs]
optional = true

[tool.poetry.group.docs.dependencies]
mkdocs = { version = "^1.5", python = ">=3.11" }
"""
        + BUILD,
    )
    add(
        "unicode-strings",
        HEADER
        + """
[tool.poetry.dependencies]
python = "^3.10"
"caf\u00e9" = { version = "^1.0", markers = "platform_release == '\u00fcber'" }
"\u65e5\u672c" = "*"
"emoji" = { version = "1", markers = "os_name == '\U0001F600 face'" }
escapes = { version = "1", markers = "a == '\\u00e9 \\U0001F680 \\t \\" \\\\ \\b \\f \\n \\r \\u0001 \\u007f \\u2028'" }
literal = { version = '1', markers = 'x == "C:\\path\\to"' }
"""
        + BUILD,
    )
    add(
        "unicode-key-ordering",
        HEADER
        + """
[tool.poetry.extras]
"\uff01" = ["a"]
"\U0001F600" = ["b"]
"\ue000" = ["c"]
"Z" = ["d"]
"a" = ["e"]
"\u00e9" = ["f"]
"e\u0301" = ["g"]
"""
        + BUILD,
    )
    add(
        "multiline-strings",
        HEADER
        + '''
[tool.poetry.dependencies]
python = "^3.10"
a = { version = "1", markers = """
python_version >= '3.8' \\
    and sys_platform == 'linux'""" }
b = { version = "1", markers = \'\'\'
first line
second "line"\'\'\' }
'''
        + BUILD,
    )
    add(
        "multiline-strings-crlf",
        (
            HEADER
            + '''
[tool.poetry.dependencies]
python = "^3.10"
a = { version = "1", markers = """
python_version >= '3.8'
and sys_platform == 'linux'""" }
'''
            + BUILD
        ).replace("\n", "\r\n"),
    )
    add(
        "floats",
        HEADER
        + """
[tool.poetry.group.weird]
a = 1.5
b = 0.1
c = 1e16
d = 1e15
e = 5e-324
f = 1.7976931348623157e308
g = -0.0
h = 0.0001
i = 0.00001
j = 123456789012345678.0
k = 3.141_592_653_589_793
l = +2.5E-3
m = 1e22
n = 9007199254740993.0
o = 100.0
p = 12345678901234567890e-40
q = 2.5e-7
"""
        + BUILD,
    )
    add(
        "special-floats",
        HEADER
        + """
[tool.poetry.group.weird]
a = inf
b = -inf
c = nan
d = +inf
e = -nan
"""
        + BUILD,
    )
    add(
        "integers",
        HEADER
        + """
[tool.poetry.group.weird]
a = 0
b = -17
c = 9223372036854775807
d = -9223372036854775808
e = 0xDEAD_beef
f = 0o755
g = 0b1101
h = 1_000_000
i = +42
"""
        + BUILD,
    )
    add(
        "booleans-and-nesting",
        HEADER
        + """
[tool.poetry.group.weird]
optional = false
flags = [true, false, [true], [[]], {}]
nested = { a = { b = { c = [1, "two", 3.0, { d = false }] } } }
empty-array = []
empty-table = {}
"""
        + BUILD,
    )
    add(
        "array-of-tables-in-group",
        HEADER
        + """
[[tool.poetry.group.weird.items]]
name = "one"

[[tool.poetry.group.weird.items]]
name = "two"
value = 2
"""
        + BUILD,
    )
    for kind, value in [
        ("offset-datetime", "1979-05-27T07:32:00Z"),
        ("local-datetime", "1979-05-27T07:32:00"),
        ("local-date", "1979-05-27"),
        ("local-time", "07:32:00"),
    ]:
        add(
            f"date-in-relevant-{kind}",
            HEADER + f"\n[tool.poetry.group.weird]\nwhen = {value}\n" + BUILD,
        )
        add(
            f"date-in-irrelevant-{kind}",
            HEADER + f'release = {value}\n\n[tool.poetry.dependencies]\npython = "3"\n',
        )
    add(
        "date-in-project-dependencies",
        """[project]
name = "demo"
version = "0.1.0"
dependencies = ["a", 1979-05-27]
""",
    )
    add(
        "date-in-dependency-groups",
        HEADER + "\n[dependency-groups]\nwhen = [1979-05-27]\n",
    )
    add(
        "key-ordering",
        HEADER
        + """
[tool.poetry.dependencies]
zeta = "1"
Alpha = "1"
alpha = "1"
"a-b" = "1"
"a_b" = "1"
"a.b" = "1"
"" = "1"
" " = "1"
"10" = "1"
"9" = "1"
"""
        + BUILD,
    )
    add(
        "group-without-dependencies",
        HEADER + "\n[tool.poetry.group.empty]\noptional = true\n" + BUILD,
    )
    add(
        "extras-without-dependencies",
        HEADER + '\n[tool.poetry.extras]\nall = []\n' + BUILD,
    )
    add(
        "project-optional-dependencies-only",
        """[project]
name = "demo"
version = "0.1.0"

[project.optional-dependencies]
a = ["x"]
""",
    )
    add(
        "everything",
        """[project]
name = "everything"
version = "1.2.3"
requires-python = ">=3.9,<3.14"
dependencies = ["attrs>=23", "click; python_version >= '3.10'"]

[project.optional-dependencies]
yaml = ["pyyaml>=6"]

[dependency-groups]
test = ["pytest"]
dev = [{include-group = "test"}, "ipdb"]

[tool.poetry]
package-mode = true
requires-poetry = ">=2.0"

[tool.poetry.dependencies]
python = ">=3.9,<3.14"
click = { version = "^8.1", source = "mirror" }

[tool.poetry.group.dev.dependencies]
black = "^24"

[tool.poetry.extras]
unused = []

[[tool.poetry.source]]
name = "mirror"
url = "https://mirror.example/simple"
priority = "supplemental"

[tool.poetry.requires-plugins]
poetry-plugin-export = ">=1.8"
"""
        + BUILD,
    )
    return cases


# Random cases: a seeded generator that writes each value in a random TOML style.

NAMES = [
    "requests", "httpx", "Django", "numpy", "pandas", "grpcio", "Pillow", "zope.interface",
    "typing_extensions", "ruamel.yaml", "pydantic-core", "caf\u00e9", "\u00e4pfel",
]
CONSTRAINTS = [
    "^1.2", "~1.2.3", "~=2.0", ">=1.0,<2.0", "*", "1.2.3", "==1.0.0", ">=2 || <1",
    "!=1.5", "^0.0.1", "<3.0.0a0", "1.0.0rc1", "", " ^ 1.0 ",
]
MARKERS = [
    "python_version >= '3.8'", "sys_platform == \"linux\"",
    "platform_machine == 'x86_64' and implementation_name == 'cpython'",
    "extra == 'pg'", "os_name == 'nt' or python_full_version < '3.9.1'",
]
UNICODE = [
    "plain", "caf\u00e9", "\u65e5\u672c\u8a9e", "\U0001F680 rocket", "tab\there",
    "quote\"mark", "back\\slash", "new\nline", "\u0001ctl", "del\x7f", "\u2028sep",
    "\U0010FFFF", "\ufeffbom", "e\u0301", "/slash/",
]
SPECIAL_FLOATS = ["inf", "-inf", "nan", "+inf"]


def toml_string(text: str, rng: random.Random) -> str:
    """A TOML string literal for text, in a randomly chosen style that can hold it."""
    printable = all(c == "\t" or (" " <= c and c != "\x7f") for c in text)
    choice = rng.random()
    if printable and "'" not in text and choice < 0.25:
        return f"'{text}'"
    if printable and "'''" not in text and not text.endswith("'") and choice < 0.35:
        return f"'''{text}'''"
    out = []
    for c in text:
        code = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t" if rng.random() < 0.5 else "\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif code > 0x7F and rng.random() < 0.3:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def toml_key(key: str, rng: random.Random) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    if bare and rng.random() < 0.7:
        return key
    return toml_string(key, rng)


def toml_float(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(SPECIAL_FLOATS)
    if roll < 0.4:
        mantissa = rng.randint(1, 10**rng.randint(1, 17))
        return f"{mantissa}e{rng.randint(-330, 310)}"
    if roll < 0.7:
        value = rng.uniform(-1e6, 1e6)
        return repr(value) if "e" not in repr(value) else "1.5"
    return f"{rng.randint(0, 999)}.{rng.randint(0, 99999):05d}"


def toml_value(value: object, rng: random.Random) -> str:
    """An inline TOML value for a generated Python value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_string(value, rng)
    if isinstance(value, list):
        sep = rng.choice([", ", ",", ",\n    "])
        tail = rng.choice(["", ","]) if value else ""
        return "[" + sep.join(toml_value(v, rng) for v in value) + tail + "]"
    if isinstance(value, dict):
        items = [f"{toml_key(k, rng)} = {toml_value(v, rng)}" for k, v in value.items()]
        return "{" + ", ".join(items) + "}" if items else "{}"
    raise TypeError(value)


class Raw:
    """A TOML value written verbatim (floats, dates)."""

    def __init__(self, text: str) -> None:
        self.text = text


def random_dependency(rng: random.Random) -> object:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(CONSTRAINTS)
    if roll < 0.85:
        table: dict[str, object] = {}
        if rng.random() < 0.8:
            table["version"] = rng.choice(CONSTRAINTS)
        if rng.random() < 0.3:
            table["extras"] = rng.sample(["socks", "http2", "caf\u00e9", "x"], rng.randint(0, 3))
        if rng.random() < 0.3:
            table["markers"] = rng.choice(MARKERS)
        if rng.random() < 0.2:
            table["python"] = rng.choice(["^3.8", ">=3.10", "<3.12"])
        if rng.random() < 0.1:
            table["platform"] = rng.choice(["linux", "darwin", "win32"])
        if rng.random() < 0.2:
            table["source"] = rng.choice(["pypi", "internal", "torch"])
        if rng.random() < 0.2:
            table["optional"] = rng.random() < 0.5
        if rng.random() < 0.1:
            table["allow-prereleases"] = rng.random() < 0.5
        if rng.random() < 0.1:
            table["path"] = "../" + rng.choice(UNICODE)
            table["develop"] = rng.random() < 0.5
        if rng.random() < 0.05:
            table["git"] = "https://example.com/x.git"
            table[rng.choice(["branch", "tag", "rev"])] = "v1"
        if rng.random() < 0.05:
            table["url"] = "https://example.com/x-1.0.tar.gz"
        if rng.random() < 0.05:
            table["weight"] = Raw(toml_float(rng))
        return table
    return [random_dependency(rng) for _ in range(rng.randint(1, 3))]


def random_table_section(prefix: str, table: dict[str, object], rng: random.Random) -> str:
    """Write a table either as [section] lines or entry by entry with inline values."""
    lines = [f"[{prefix}]"]
    subsections = []
    for key, value in table.items():
        if isinstance(value, dict) and value and rng.random() < 0.3:
            subsections.append(random_table_section(f"{prefix}.{toml_key(key, rng)}", value, rng))
        else:
            lines.append(f"{toml_key(key, rng)} = {toml_value(value, rng)}")
    return "\n".join(lines) + "\n\n" + "".join(subsections)


def random_case(rng: random.Random) -> str:
    parts: list[str] = []
    use_project = rng.random() < 0.4
    use_poetry = not use_project or rng.random() < 0.7
    if use_project:
        project: dict[str, object] = {"name": "demo", "version": "0.1.0"}
        if rng.random() < 0.6:
            project["requires-python"] = rng.choice([">=3.8", ">=3.10,<4", "~=3.11"])
        if rng.random() < 0.7:
            project["dependencies"] = [
                rng.choice(NAMES) + rng.choice(["", ">=1.0", "[x]==2", "; python_version<'3.9'"])
                for _ in range(rng.randint(0, 4))
            ]
        if rng.random() < 0.3:
            project["optional-dependencies"] = {
                rng.choice(["pg", "yaml", "caf\u00e9"]): [rng.choice(NAMES)]
                for _ in range(rng.randint(1, 2))
            }
        parts.append(random_table_section("project", project, rng))
    if use_poetry:
        poetry: dict[str, object] = {}
        if not use_project:
            poetry.update({"name": "demo", "version": "0.1.0", "description": "d"})
        if rng.random() < 0.2:
            poetry["package-mode"] = rng.random() < 0.5
        parts.append(random_table_section("tool.poetry", poetry, rng) if poetry else "")
        if rng.random() < 0.85:
            deps: dict[str, object] = {}
            if rng.random() < 0.8:
                deps["python"] = rng.choice(["^3.8", ">=3.9,<3.13", "~3.11", "*"])
            for _ in range(rng.randint(0, 6)):
                deps[rng.choice(NAMES)] = random_dependency(rng)
            parts.append(random_table_section("tool.poetry.dependencies", deps, rng))
        if rng.random() < 0.2:
            dev = {rng.choice(NAMES): random_dependency(rng) for _ in range(rng.randint(0, 3))}
            parts.append(random_table_section("tool.poetry.dev-dependencies", dev, rng))
        for group in rng.sample(["dev", "test", "docs", "caf\u00e9"], rng.randint(0, 3)):
            key = toml_key(group, rng)
            if rng.random() < 0.3:
                settings = {"optional": rng.random() < 0.5}
                parts.append(random_table_section(f"tool.poetry.group.{key}", settings, rng))
            deps = {rng.choice(NAMES): random_dependency(rng) for _ in range(rng.randint(0, 3))}
            parts.append(random_table_section(f"tool.poetry.group.{key}.dependencies", deps, rng))
        if rng.random() < 0.25:
            extras = {
                rng.choice(["all", "pg", "caf\u00e9", "x"]): rng.sample(NAMES, rng.randint(0, 3))
                for _ in range(rng.randint(1, 3))
            }
            parts.append(random_table_section("tool.poetry.extras", extras, rng))
        for _ in range(rng.choice([0, 0, 1, 2])):
            source: dict[str, object] = {
                "name": rng.choice(["internal", "torch", "PyPI"]),
                "url": "https://example.com/simple/",
            }
            flag = rng.random()
            if flag < 0.5:
                source["priority"] = rng.choice(["primary", "supplemental", "explicit"])
            elif flag < 0.7:
                source["default"] = True
            elif flag < 0.8:
                source["secondary"] = True
            lines = "\n".join(f"{toml_key(k, rng)} = {toml_value(v, rng)}" for k, v in source.items())
            parts.append(f"[[tool.poetry.source]]\n{lines}\n\n")
    if rng.random() < 0.25:
        groups: dict[str, object] = {}
        names = rng.sample(["test", "lint", "dev", "docs"], rng.randint(1, 3))
        for index, name in enumerate(names):
            entries: list[object] = [rng.choice(NAMES) for _ in range(rng.randint(0, 2))]
            if index > 0 and rng.random() < 0.5:
                entries.append({"include-group": names[rng.randint(0, index - 1)]})
            groups[name] = entries
        parts.append(random_table_section("dependency-groups", groups, rng))
    if rng.random() < 0.5:
        parts.append(BUILD)
    text = "\n".join(parts)
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    return text


def all_cases(count: int, seed: int) -> list[dict]:
    cases = [{"name": name, "pyproject": text} for name, text in handwritten()]
    rng = random.Random(seed)
    made = 0
    while made < count:
        text = random_case(rng)
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue  # a duplicate key drawn twice; draw again
        cases.append({"name": f"random-{made:04d}", "pyproject": text})
        made += 1
    for case in cases:
        tomllib.loads(case["pyproject"])  # every case must be valid TOML
    return cases


# --------------------------------------------------------------------------------------
# Driver.
# --------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check-factory", action="store_true")
    parser.add_argument("--poetry", action="append", default=[], metavar="VERSION=PYTHON")
    parser.add_argument("--count", type=int, default=400, help="random cases")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.worker:
        worker(args.check_factory)
        return

    cases = all_cases(args.count, args.seed)
    hashes: dict[str, dict[str, str | None]] = {case["name"]: {} for case in cases}
    errors: dict[str, dict[str, str]] = {case["name"]: {} for case in cases}
    versions = []
    for spec in args.poetry:
        expected_version, python = spec.split("=", 1)
        command = [python, __file__, "--worker"]
        if args.check_factory:
            command.append("--check-factory")
        output = subprocess.run(
            command, input=json.dumps(cases), capture_output=True, text=True, check=True
        ).stdout
        report = json.loads(output)
        if report["version"] != expected_version:
            sys.exit(f"{python} has Poetry {report['version']}, not {expected_version}")
        versions.append(expected_version)
        mismatches = 0
        for result in report["results"]:
            hashes[result["name"]][expected_version] = result["hash"]
            if "error" in result:
                errors[result["name"]][expected_version] = result["error"]
            factory = result.get("factory")
            if factory and not factory.startswith("rejected") and factory != result["hash"]:
                mismatches += 1
                print(f"{expected_version} {result['name']}: factory {factory}", file=sys.stderr)
        if args.check_factory:
            accepted = sum(
                1 for r in report["results"] if r["factory"] and not r["factory"].startswith("rejected")
            )
            print(
                f"Poetry {expected_version}: factory accepted {accepted}/{len(cases)},"
                f" {mismatches} differ from the Locker hash",
                file=sys.stderr,
            )

    document = {
        "generator": "Scripts/oracles/content_hash_vectors.py",
        "seed": args.seed,
        "poetry": versions,
        "cases": [
            {
                "name": case["name"],
                "pyproject": case["pyproject"],
                "hashes": hashes[case["name"]],
                **({"errors": errors[case["name"]]} if errors[case["name"]] else {}),
            }
            for case in cases
        ],
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()

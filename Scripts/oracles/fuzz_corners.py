"""Targeted differential sweeps that the random fuzzers reach only rarely.

    /work/venv/bin/python Scripts/oracles/fuzz_corners.py [--seed N]

- pep508 marker strings with every escape Python reads (`\\x`, `\\u`, `\\N{…}` with
  names, aliases such as ZWJ and BYTE ORDER MARK, lower case, algorithmic CJK and
  Hangul names, names of scalars newer than Python 3.11's Unicode 14);
- pep508 requirements from real Requires-Dist lines mutated token by token
  (deleted, inserted, swapped, doubled tokens);
- poetry-constraint on the whole grid of operators × version spellings, alone
  and in pairs joined by every separator;
- everything installed on this machine: the Requires-Dist, Requires-Python and
  Version lines of every *.dist-info/METADATA, and a wheel filename for every
  Tag line of every *.dist-info/WHEEL.
Each sweep prints its agreement count and the first disagreements.
"""

import argparse
import itertools
import os
import pathlib
import random
import re
import subprocess
import unicodedata
import warnings

from packaging import tags

import fuzz_common
from fuzz_pep440 import parse_answer
from fuzz_pep508 import environments
from pep508_vectors import marker_answer, requirement_answer
from poetry_constraint_vectors import answer as poetry_answer
from wheel_vectors import FILENAME_TARGETS, answer as wheel_answer, supported_tags

DATA = pathlib.Path(__file__).parent / "data"

ESCAPES = [
    r"\x41", r"\x4", r"\u00e9", r"\u00E", r"\U0001F600", r"\U00110000", r"\\", r"\'", r"\"",
    r"\n", r"\101", r"\0", r"\8", r"\q", "\\\n", r"\a\b\f\v\t\r", r"\x", "a\\", r"\N{}",
    r"\N{LATIN SMALL LETTER A", r"\u{41}",
]
NAMES = [
    "LATIN SMALL LETTER A", "latin small letter a", "ZWJ", "zwj", "BYTE ORDER MARK", "NBSP",
    "LINE FEED", "NULL", "KAWI LETTER A", "CJK UNIFIED IDEOGRAPH-4E00",
    "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00",
    "CJK UNIFIED IDEOGRAPH-31350", "HANGUL SYLLABLE GA", "hangul syllable ga",
    "TANGUT IDEOGRAPH-17000", "NUSHU CHARACTER-1B170", "nushu character-1b170",
    "LAT\u0131N SMALL LETTER A", "LATIN SMALL LETTER A ", "KELVIN SIGN", "EM SPACE",
]


def marker_escapes(rng):
    warnings.simplefilter("ignore")
    names = list(NAMES)
    for _ in range(1500):
        name = unicodedata.name(chr(rng.randrange(0x20, 0x32000)), None)
        if name:
            names.append(name if rng.random() < 0.8 else name.lower())
    bodies = ESCAPES + [r"\N{%s}" % name for name in names]
    cases = []
    for body in bodies:
        for quote in ["'", '"']:
            literal = quote + body + quote
            for marker in [f"os_name == {literal}", f"{literal} in os_name",
                           f"python_version >= {literal}"]:
                env = rng.choice(environments())
                cases.append(({"op": "marker", "marker": marker, "env": env},
                              marker_answer(marker, env)))
                text = "a; " + marker
                cases.append(({"op": "requirement", "input": text}, requirement_answer(text)))
    fuzz_common.compare("pep508", cases)


TOKEN = re.compile(r"\s+|[A-Za-z0-9_.\-*+!]+|'[^']*'|\"[^\"]*\"|===|[<>=!~]=|[<>]|.", re.S)
EXTRA_TOKENS = ["(", ")", "[", "]", ",", ";", "@", " ", "and", "or", "not", "in", "not in",
                "extra", "==", "===", "~=", "'x'", '"3.8"', "python_version", "os.name", "\t",
                "#", "\\", "file:///x", "==1.*", ".*"]


def requirement_tokens(rng):
    lines = [line for line in (DATA / "requires_dist.txt").read_text().split("\n") if line]
    cases = []
    for _ in range(15000):
        tokens = TOKEN.findall(rng.choice(lines))
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(tokens) + 1)
            kind = rng.random()
            if kind < 0.3 and tokens:
                del tokens[min(index, len(tokens) - 1)]
            elif kind < 0.6:
                tokens.insert(index, rng.choice(EXTRA_TOKENS + tokens))
            elif kind < 0.8 and len(tokens) > 1:
                other = rng.randrange(len(tokens))
                index = min(index, len(tokens) - 1)
                tokens[index], tokens[other] = tokens[other], tokens[index]
            elif tokens:
                tokens.insert(index, tokens[min(index, len(tokens) - 1)])
        text = "".join(tokens)
        cases.append(({"op": "requirement", "input": text}, requirement_answer(text)))
    fuzz_common.compare("pep508", cases)


POETRY_OPS = ["", "^", "~", "~=", "==", "=", "!=", ">=", "<=", ">", "<", "===", "v", "^v", "~v"]
POETRY_VERSIONS = [
    "0", "0.0", "0.0.0", "0.0.1", "0.1", "0.1.2", "1", "1.2", "1.2.3", "1.2.3.4", "1.2.*",
    "1.*", "1.*.*", "*", "1.0.0-beta.2", "1.0b2", "1.0.0-rc.1", "1.0.post1", "1.0-1",
    "1.0.dev0", "1.0a1.dev1", "1.0+local", "1!1.0", "1.0RC1", "1.0.0.dev", "x", "1.x",
    "1.0.DEV", "1.0.dev.*", "1.0.POST1.*", "1.0b2.dev2.*", "1.0.dev-.*", "2.0.0-beta",
]
POETRY_PROBES = [
    "0", "0.0.1", "0.1", "0.1.2", "0.2", "1", "1.0", "1.0a1", "1.0b2", "1.0rc1", "1.0.dev0",
    "1.0.post1", "1.0+local", "1.1", "1.2", "1.2.3", "1.2.4", "1.3", "2.0", "2.0a0",
    "2.0.dev0", "1!1.0", "1.0a1.dev1", "1.0b2.dev0",
]


def poetry_grid():
    cases = []
    for op, version in itertools.product(POETRY_OPS, POETRY_VERSIONS):
        for space in ["", " "]:
            text = op + space + version
            cases.append(({"constraint": text, "versions": POETRY_PROBES},
                          poetry_answer(text, POETRY_PROBES)))
    singles = list(itertools.product([">=", ">", "<", "<=", "!=", "^", "~", ""],
                                     POETRY_VERSIONS))
    for (op1, v1), (op2, v2) in itertools.islice(itertools.product(singles, repeat=2), 0,
                                                 None, 13):
        for separator in [",", " ", " , ", " || ", "||"]:
            text = op1 + v1 + separator + op2 + v2
            cases.append(({"constraint": text, "versions": POETRY_PROBES},
                          poetry_answer(text, POETRY_PROBES)))
    fuzz_common.compare("poetry-constraint", cases)


def installed_metadata(rng):
    found = subprocess.run("find / -path /proc -prune -o -path '*.dist-info/METADATA' -print",
                           shell=True, capture_output=True, text=True).stdout.split()
    requirements, versions, wheels = set(), set(), set()
    for path in found:
        with open(path, encoding="utf-8", errors="replace") as metadata:
            for line in metadata:
                if not line.strip():
                    break
                key, _, value = line.partition(":")
                if key == "Requires-Dist":
                    requirements.add(value.strip())
                elif key == "Requires-Python":
                    requirements.add("x" + value.strip())
                elif key == "Version":
                    versions.add(value.strip())
        folder = os.path.dirname(path)
        wheel = os.path.join(folder, "WHEEL")
        if os.path.exists(wheel):
            stem = os.path.basename(folder)[: -len(".dist-info")]
            for line in open(wheel, encoding="utf-8", errors="replace"):
                if line.startswith("Tag:"):
                    wheels.add(f"{stem}-{line[4:].strip()}.whl")
    cases = [({"op": "requirement", "input": r}, requirement_answer(r))
             for r in sorted(requirements)]
    for text in sorted(requirements):
        if ";" in text:
            marker = text.split(";", 1)[1]
            for env in environments():
                env = dict(env, extra=rng.choice(["", "test", ["dev", "test"]]))
                cases.append(({"op": "marker", "marker": marker, "env": env},
                              marker_answer(marker, env)))
    fuzz_common.compare("pep508", cases)
    fuzz_common.compare("pep440", [({"op": "parse", "version": v}, parse_answer(v))
                                   for v in sorted(versions)])
    cases = []
    for python, platform in FILENAME_TARGETS:
        ranks = {}
        for rank, text in enumerate(supported_tags(python, platform)):
            ranks.setdefault(next(iter(tags.parse_tag(text))), rank)
        for filename in sorted(wheels):
            line = wheel_answer(filename, python, platform, ranks)
            cases.append((line["request"], line["response"]))
    fuzz_common.compare("wheel", cases)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    marker_escapes(rng)
    requirement_tokens(rng)
    poetry_grid()
    installed_metadata(rng)


if __name__ == "__main__":
    main()

"""Differential fuzzing of `preflight debug pep440` against packaging 26.x.

    /work/venv/bin/python Scripts/oracles/fuzz_pep440.py [--seed N] [--scale K]
        [--save-sample N]

Cases are built from a random PEP 440 grammar (every separator, spelling and
case, unicode digits and every kind of Python whitespace, huge numbers),
specifiers with every operator around those versions (pre-release bounds,
local labels, wildcards, `===` with odd text), specifier sets, and mutated
near-misses. Prints each disagreement; with --save-sample, appends every
disagreement plus N random agreeing cases to the committed vectors under
Tests/PythonPackagingTests/Resources/pep440/ (file regressions.*.jsonl).
"""

import argparse
import json
import pathlib
import random

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

import fuzz_common

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PythonPackagingTests/Resources/pep440/regressions"
DATA = pathlib.Path(__file__).parent / "data" / "pypi_versions.json"

# Every character Python's str.isspace() accepts, and some it does not.
SPACES = ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85",
          "\xa0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f",
          "\u205f", "\u3000"]
NOT_SPACES = ["\u200b", "\ufeff", "\x00", "\u180e", "\x1b"]
DIGITS = "0123456789"
ODD_DIGITS = ["\uff11", "\u0663", "\u0967", "\U0001d7cf", "\u00b2", "\u2460", "\u0e53",
              "\u06f1", "\u1811"]


def number(rng):
    kind = rng.random()
    if kind < 0.5:
        return str(rng.randint(0, 12))
    if kind < 0.65:
        return "0" * rng.randint(1, 3) + str(rng.randint(0, 99))
    if kind < 0.75:
        return str(rng.randint(0, 10 ** rng.randint(3, 30)))
    if kind < 0.8:
        return str(2 ** rng.choice([31, 32, 63, 64, 127, 128]) + rng.randint(-2, 2))
    if kind < 0.85:
        return "".join(rng.choice(ODD_DIGITS + list(DIGITS)) for _ in range(rng.randint(1, 2)))
    return str(rng.randint(0, 3000))


def sep(rng, allow_none=True):
    return rng.choice(["", ".", "-", "_"] if allow_none else [".", "-", "_"])


def cased(rng, word):
    kind = rng.random()
    if kind < 0.7:
        return word
    if kind < 0.85:
        return word.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def random_version(rng, odd=True):
    text = ""
    if rng.random() < 0.15:
        text += number(rng) + "!"
    text += ".".join(number(rng) for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 6])))
    if rng.random() < 0.35:
        word = rng.choice(["a", "b", "c", "rc", "alpha", "beta", "pre", "preview"])
        text += sep(rng) + cased(rng, word)
        if rng.random() < 0.8:
            text += sep(rng) + number(rng)
    if rng.random() < 0.25:
        if rng.random() < 0.2:
            text += "-" + number(rng)
        else:
            text += sep(rng) + cased(rng, rng.choice(["post", "rev", "r"]))
            if rng.random() < 0.8:
                text += sep(rng) + number(rng)
    if rng.random() < 0.25:
        text += sep(rng) + cased(rng, "dev")
        if rng.random() < 0.8:
            text += sep(rng) + number(rng)
    if rng.random() < 0.2:
        parts = [rng.choice(["abc", "ubuntu", number(rng), "x86", "Z", "cu118", "1a"])
                 for _ in range(rng.randint(1, 3))]
        text += "+" + "".join(p + sep(rng, False) for p in parts[:-1]) + parts[-1]
    if odd:
        if rng.random() < 0.1:
            text = rng.choice(["v", "V"]) + text
        if rng.random() < 0.15:
            text = rng.choice(SPACES + NOT_SPACES) * rng.randint(1, 2) + text
        if rng.random() < 0.15:
            text += rng.choice(SPACES + NOT_SPACES) * rng.randint(1, 2)
    return text


ALPHABET = list("0123456789.-_+!*vV abcdeprlostABRCDEP=<>~,") + SPACES[:6] + ODD_DIGITS[:3]


def mutate(rng, text):
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        position = rng.randint(0, len(chars))
        kind = rng.random()
        if kind < 0.4 or not chars:
            chars.insert(position, rng.choice(ALPHABET))
        elif kind < 0.7:
            del chars[min(position, len(chars) - 1)]
        else:
            chars[min(position, len(chars) - 1)] = rng.choice(ALPHABET)
    return "".join(chars)


def parse_answer(text):
    try:
        v = Version(text)
    except InvalidVersion:
        return {"valid": False}
    return {
        "valid": True, "normalized": str(v), "public": v.public,
        "base_version": v.base_version, "epoch": v.epoch, "release": list(v.release),
        "pre": list(v.pre) if v.pre else None, "post": v.post, "dev": v.dev,
        "local": v.local, "is_prerelease": v.is_prerelease,
        "is_postrelease": v.is_postrelease, "is_devrelease": v.is_devrelease,
    }


def compare_answer(a, b):
    try:
        x, y = Version(a), Version(b)
    except InvalidVersion:
        return {"valid": False}
    return {"result": -1 if x < y else (0 if x == y else 1)}


def contains_answer(spec, version, prereleases):
    try:
        s = SpecifierSet(spec)
    except InvalidSpecifier:
        return {"valid": False}
    return {"valid": True, "result": s.contains(version, prereleases=prereleases)}


def filter_answer(spec, versions, prereleases):
    try:
        s = SpecifierSet(spec)
    except InvalidSpecifier:
        return {"valid": False}
    return {"result": list(s.filter(versions, prereleases=prereleases))}


OPERATORS = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="]


def near(rng, v):
    """A version close to v: same release with other suffixes, or one bumped."""
    release = list(v.release)
    if rng.random() < 0.3:
        i = rng.randrange(len(release))
        release[i] = max(0, release[i] + rng.choice([-1, 1]))
    if rng.random() < 0.2:
        release = release + [0] * rng.randint(1, 2)
    elif rng.random() < 0.2 and len(release) > 1:
        release = release[:-1]
    text = (f"{v.epoch}!" if v.epoch and rng.random() < 0.9 else "")
    text += ".".join(map(str, release))
    if rng.random() < 0.4:
        text += rng.choice(["a", "b", "rc"]) + str(rng.randint(0, 2))
    if rng.random() < 0.3:
        text += ".post" + str(rng.randint(0, 2))
    if rng.random() < 0.3:
        text += ".dev" + str(rng.randint(0, 2))
    if rng.random() < 0.25:
        text += "+" + rng.choice(["local", "1", "a.b", "LOCAL-1"])
    return text


def random_specifier(rng, v=None):
    v = v or Version(random_version(rng, odd=False).strip())
    op = rng.choice(OPERATORS)
    operand = near(rng, v) if rng.random() < 0.6 else str(v)
    if op in ("==", "!=") and rng.random() < 0.3:
        operand = Version(operand).public
        parts = operand.split("+")[0]
        if rng.random() < 0.7:
            operand = ".".join(parts.split(".")[: rng.randint(1, 3)]) + ".*"
    if op == "===" and rng.random() < 0.3:
        operand = rng.choice(["foo", "FOO", "1.0-Beta", "latest", operand.upper(), "v" + operand])
    if rng.random() < 0.1:
        operand = mutate(rng, operand)
    space = rng.choice(["", "", "", " ", "  ", "\t", "\u3000", "\x0b", "\xa0"])
    text = op + space + operand
    if rng.random() < 0.1:
        text = rng.choice(SPACES[:10]) + text + rng.choice(SPACES[:10])
    return text


def random_set(rng, v):
    count = rng.choice([0, 1, 1, 2, 2, 3, 4])
    items = [random_specifier(rng, v) for _ in range(count)]
    if count and rng.random() < 0.15:
        items.append(rng.choice(items))
    joiner = rng.choice([",", ",", ", ", " ,", ",\t"])
    text = joiner.join(items)
    if rng.random() < 0.05:
        text += ","
    return text


# Hand-picked specifier corners, each crossed with every probe below.
SPEC_CORNERS = [
    "~=1.0", "~=1.0.0", "~=1!1.0", "~=1.0a1", "~=1.0.post1", "~=1.0.dev1", "~=1.0rc1.post2",
    "~= 1.0", "~=1", "~=1.0.*", "~=1.0+l", "~=0.0", "~=v1.0", "~=01.00", "===1.0",
    "===1.0.0", "===1.0+local", "===v1.0", "=== 1.0", "===1.0a1", "===FOO", "===foo",
    "===1.0 ", "===\u00e9", "===1,0", "===*", "===1.0.*", "==1.0.*", "==1.0.0.*",
    "==1.0a1.*", "==1.0.post1.*", "==1.0.dev1.*", "==1.0+l.*", "==1!1.*", "== 1.0.*",
    "==1.0 .*", "==1.*.*", "==*", "!=1.0.*", "!=1.0.*,!=1.0.0.*", ">=1.0.*", "<1.0.*",
    "==1.0+l", "!=1.0+l", "<=1.0+l", ">1.0+l", "==1.0+L.1", "==1.0+l-1", "==1.0+l_1",
    "==1.0+", "==1.0+.", "<1.0a1", "<1.0", "<1.0.dev0", "<1.0.post1", ">1.0", ">1.0.post1",
    ">1.0a1", ">1.0.dev0", ">=1.0a1", "<=1.0a1", ">=1.0.dev0", "<=1.0.post1.dev1",
    ">=1.0,<1.0", ">=1.0a1,<1.0", "<1.0a1,>0.9", ">=1.0a1,!=1.0a1", "<2,>=1.0,!=1.5.*",
    "", " ", ",", ",,", ">=1.0,", ",>=1.0", ">=1.0,,<2", "> =1.0", ">= =1.0", "=1.0",
    "==", "<", "1.0", "v1.0", ">=V1.0", ">=1.0 ", "\t>=1.0\t", ">=1.0\u3000",
    ">=\u30001.0", ">=1.0\x0b", ">=\u0661.0", ">=\uff11.0", "<=1.0rc1", ">=1!0",
    "<1!0", "==1!1.0", "!=0", "<0", ">=0", "<0a0", "<0.dev0", "~=0.dev0", "==0.*",
    ">=1.0;", ">=1.0)", "(>=1.0)", ">=1.0 <2", ">=1.0|<2", ">=1.0 and <2", "===1.0,>=1.0",
    "<1.0+l,>0", "==1.0,==1.0.0", "!=1.0,!=1.0.0,!=1", ">=1.0.0.0.0.0.0",
]
PROBES = [
    "1.0", "1.0.0", "1", "1.0a1", "1.0a2", "1.0rc1", "1.0.dev0", "1.0.dev1", "1.0a1.dev1",
    "1.0.post1", "1.0.post1.dev0", "1.0+l", "1.0+L.1", "1.0+l-1", "1.0.0+l", "0.9", "0.9.9",
    "1.1", "1.1a1", "1.9", "2.0", "2.0.dev0", "2.0a1", "1!1.0", "1!0.5", "0", "0.dev0",
    "0a0", "0.0", "foo", "FOO", "1.0 ", " 1.0", "v1.0", "", "1.0-Beta", "1.0.0.0.0.0.0",
    "1.0.post1+l", "1.0a1+l", "1.5", "1.5.1", "1.0rc1.post2", "1.0rc2", "\u00e9",
]


# Shapes that once disagreed: `===` compared with Python's str.lower() (final
# sigma, Unicode 14 data) and by scalars, not canonical equivalence; a
# combining mark right after the operator.
ARBITRARY_PAIRS = [
    ("===\u00e9", "e\u0301"), ("===e\u0301", "\u00e9"), ("===\u03b1\u03c2", "\u0391\u03a3"),
    ("===\u0391\u03a3", "\u03b1\u03c2"), ("===\u0130", "i\u0307"), ("===A\u030a", "\u00c5"),
    ("===\u212b", "\u00e5"), ("===\u0345", "\u03b9"), ("===x\u03a3y", "x\u03c3y"),
    ("===\u1c89", "\u1c8a"), ("===\ua7cb", "\u0264"), ("===\ua7dc", "\u019b"),
    ("===a,\u0301b", "a"), ("==\u03031.0", "1.0"), ("===1.0\u0301", "1.0\u0301"),
]


def regression_cases():
    out = []
    for spec, version in ARBITRARY_PAIRS:
        for prereleases in (None, True, False):
            request = {"op": "contains", "specifier": spec, "version": version,
                       "prereleases": prereleases}
            out.append((request, contains_answer(spec, version, prereleases)))
        versions = [version, spec[3:], spec[3:].upper()]
        request = {"op": "filter", "specifier": spec, "versions": versions, "prereleases": None}
        out.append((request, filter_answer(spec, versions, None)))
    return out


def cases(rng, scale):
    out = regression_cases()
    for spec in SPEC_CORNERS:
        for probe in PROBES:
            prereleases = rng.choice([None, True, False])
            request = {"op": "contains", "specifier": spec, "version": probe,
                       "prereleases": prereleases}
            out.append((request, contains_answer(spec, probe, prereleases)))
        for prereleases in (None, True, False):
            chosen = rng.sample(PROBES, rng.randint(0, 10))
            request = {"op": "filter", "specifier": spec, "versions": chosen,
                       "prereleases": prereleases}
            out.append((request, filter_answer(spec, chosen, prereleases)))
    versions = [random_version(rng) for _ in range(4000 * scale)]
    for text in versions:
        out.append(({"op": "parse", "version": text}, parse_answer(text)))
    for _ in range(1500 * scale):
        text = mutate(rng, rng.choice(versions))
        out.append(({"op": "parse", "version": text}, parse_answer(text)))
    for _ in range(500 * scale):
        text = fuzz_common.sprinkle(rng, rng.choice(versions))
        out.append(({"op": "parse", "version": text}, parse_answer(text)))
    valid = []
    for text in versions:
        try:
            valid.append((Version(text), text))
        except InvalidVersion:
            pass
    for _ in range(3000 * scale):
        v, a = rng.choice(valid)
        b = near(rng, v) if rng.random() < 0.7 else rng.choice(valid)[1]
        if rng.random() < 0.5:
            a, b = b, a
        out.append(({"op": "compare", "a": a, "b": b}, compare_answer(a, b)))
    for _ in range(6000 * scale):
        v, _ = rng.choice(valid)
        spec = random_set(rng, v)
        probe = near(rng, v) if rng.random() < 0.85 else rng.choice(valid)[1]
        if rng.random() < 0.05:
            spec = fuzz_common.sprinkle(rng, spec)
        if rng.random() < 0.03:
            probe = fuzz_common.sprinkle(rng, probe)
        if rng.random() < 0.03:
            spec = "===" + fuzz_common.sprinkle(rng, probe)
        if rng.random() < 0.03:
            probe = rng.choice(["foo", "FOO", "", "1.0-Beta", "2004d", " 1.0 "])
        prereleases = rng.choice([None, None, True, False])
        request = {"op": "contains", "specifier": spec, "version": probe,
                   "prereleases": prereleases}
        out.append((request, contains_answer(spec, probe, prereleases)))
    for _ in range(1500 * scale):
        v, _ = rng.choice(valid)
        spec = random_set(rng, v)
        probes = [near(rng, v) for _ in range(rng.randint(0, 8))]
        if rng.random() < 0.1:
            probes.append(rng.choice(["foo", "", "2004d", "latest"]))
        prereleases = rng.choice([None, None, True, False])
        request = {"op": "filter", "specifier": spec, "versions": probes,
                   "prereleases": prereleases}
        out.append((request, filter_answer(spec, probes, prereleases)))
    return out


def real_cases(rng, scale):
    """Whole real release lists: filtered by sets built from their own versions
    (pre-release bounds included) and by the specifiers of real Requires-Dist
    lines, and every version checked against them."""
    projects = json.loads(DATA.read_text())
    requires = (DATA.parent / "requires_dist.txt").read_text().split("\n")
    real_specs = []
    for line in requires:
        head = line.split(";")[0].split("@")[0]
        start = next((i for i, c in enumerate(head) if c in "<>=!~("), None)
        if start is not None:
            real_specs.append(head[start:].strip().strip("()"))
    out = []
    names = sorted(projects)
    for _ in range(400 * scale):
        versions = projects[rng.choice(names)]
        if not versions:
            continue
        if rng.random() < 0.3:
            spec = rng.choice(real_specs)
        else:
            anchors = rng.sample(versions, min(len(versions), rng.randint(1, 3)))
            spec = ",".join(rng.choice(OPERATORS[:7]) + a for a in anchors)
        for prereleases in (None, True, False):
            request = {"op": "filter", "specifier": spec, "versions": versions,
                       "prereleases": prereleases}
            out.append((request, filter_answer(spec, versions, prereleases)))
        for version in rng.sample(versions, min(len(versions), 10)):
            prereleases = rng.choice([None, True, False])
            request = {"op": "contains", "specifier": spec, "version": version,
                       "prereleases": prereleases}
            out.append((request, contains_answer(spec, version, prereleases)))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--save-sample", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    all_cases = cases(rng, args.scale) + real_cases(rng, args.scale)
    mismatches = fuzz_common.compare("pep440", all_cases)
    if args.save_sample:
        rows = [(request, want) for request, want, _ in mismatches] + regression_cases()
        rows += rng.sample(all_cases, min(args.save_sample, len(all_cases)))
        fuzz_common.append_split(str(OUT), rows)


if __name__ == "__main__":
    main()

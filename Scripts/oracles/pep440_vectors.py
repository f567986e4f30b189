"""Generate differential test vectors for `preflight debug pep440` from packaging.

Run with the reference virtualenv (packaging 26.x):

    $ORACLE_VENV/bin/python Scripts/oracles/pep440_vectors.py

Inputs are the real PyPI version lists in data/pypi_versions.json (see
fetch_pypi_versions.py) plus generated tricky strings. For each operation it
writes two line-aligned files under Tests/PythonPackagingTests/Resources/pep440/:
`<op>.requests.jsonl` (what `preflight debug pep440` reads) and
`<op>.responses.jsonl` (what packaging answers, in the protocol's shape). An
invalid input answers {"valid": false, "error": <packaging's message>}; tests
compare only that it is invalid, not the message.
"""

import json
import pathlib
import random
import sys

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

# PEP 440 puts no bound on numbers; lift CPython's guard on huge int parsing so
# packaging answers with the exact numeric result.
sys.set_int_max_str_digits(0)

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "PythonPackagingTests" / "Resources" / "pep440"
DATA = pathlib.Path(__file__).parent / "data" / "pypi_versions.json"

rng = random.Random(440)


def invalid(error):
    return {"valid": False, "error": str(error)}


def parse_answer(text):
    try:
        v = Version(text)
    except InvalidVersion as error:
        return invalid(error)
    return {
        "valid": True,
        "normalized": str(v),
        "public": v.public,
        "base_version": v.base_version,
        "epoch": v.epoch,
        "release": list(v.release),
        "pre": list(v.pre) if v.pre else None,
        "post": v.post,
        "dev": v.dev,
        "local": v.local,
        "is_prerelease": v.is_prerelease,
        "is_postrelease": v.is_postrelease,
        "is_devrelease": v.is_devrelease,
    }


def compare_answer(a, b):
    try:
        x, y = Version(a), Version(b)
    except InvalidVersion as error:
        return invalid(error)
    return {"result": -1 if x < y else (0 if x == y else 1)}


def contains_answer(spec, version, prereleases):
    try:
        s = SpecifierSet(spec)
    except InvalidSpecifier as error:
        return invalid(error)
    return {"valid": True, "result": s.contains(version, prereleases=prereleases)}


def filter_answer(spec, versions, prereleases):
    try:
        s = SpecifierSet(spec)
    except InvalidSpecifier as error:
        return invalid(error)
    return {"result": list(s.filter(versions, prereleases=prereleases))}


# MARK: - Tricky version strings

PREFIXES = ["", "", "", "v", "V", " ", "\t", "\u00a0", "\n ", "\u3000"]
EPOCHS = ["", "", "", "", "1!", "0!", "01!", "2!", "10!"]
RELEASES = ["1", "1.0", "1.0.0", "01.02", "2024.1.15", "0", "1.2.3.4.5.6", "0.0", "1.10",
            "1.9", "3.14", "00", "1.0.0.0.0"]
PRES = ["", "", "", "a", "a1", "A1", ".a1", "-a1", "_a1", "alpha", "alpha-2", "b", "beta3",
        "c", "c.4", "rc", "RC5", "pre", "preview", "pre-1", "-rc.2", ".alpha.3", "a.",
        "Beta_0", "rc01", "-c", "PREVIEW9"]
POSTS = ["", "", "", "-1", ".post", ".post1", "post2", "-post3", "_post.4", "rev", "r",
         ".r5", "-rev-6", "POST7", "-0", ".post00", "post-", "_r_8"]
DEVS = ["", "", "", ".dev", "dev", ".dev1", "-dev2", "_dev_3", "DEV4", ".dev.5", "-dev",
        ".dev00"]
LOCALS = ["", "", "", "", "+abc", "+ABC.1", "+1.2.3", "+abc-def_ghi", "+007", "+a.", "+",
          "+\u00e4", "+1..2", "+ubuntu-1", "+0", "+a0b", "+Z.9.a", "+1.a", "+a.1"]
SUFFIXES = ["", "", "", "", " ", "\t\n", "\u00a0", "\u2003"]

GARBAGE = [
    "", " ", "2004d", "latest", "1.0.*", "1.0-", "1.0--1", "1.0a1a2", "1..0", ".", "..",
    "\u0661.\u0660", "1.0\u0000", "v", "vv1.0", "1.0+", "1.0 a1", "1,0", "1.0.post-", "1e5",
    "0x10", "1.0 (foo)", "\u00e9", "1.0\u00a0a1", "1.0.x", "1.0a1.a2", "-1.0", "+1.0",
    "1.0.dev1.post1", "1.0.post1.a1", "1.0+a+b", "1.0++a", "!1.0", "1!!0", "1!", "1.0a-",
    "1.0-a", "1.0_", "1.0.", "1.0.dev-", "1.0rc-1", "1.0c-c", "r1", "dev", "a1", "1.0a1b2",
    "1.0ab", "1.0.post1.post2", "1.0.dev1.dev2", "1.0-post", "1.0-dev", "1.0-r", "1.0.rev1",
    "1.0 .dev1", "1.0\u200b", "\ufeff1.0", "1.0\r", "\x1c1.0\x1f", "1.0\x85", "\u20281.0",
    "1.0 ", "V1.0", "1.0RC1", "1.0-RC-1", "1.0.0-beta.2", "1.0.0-alpha+001", "1.0.0+20130313144700",
    "1.0.0-0.3.7", "1.0.0-x.7.z.92", "2.0.0-rc.1+build.123", "1.2.3.dev0+local-1_2",
    "\u0031\u0302.0", "1\u0338.0", "\U0001d7cf.0", "\uff11.0", "١", "1.0+\u0131", "1.0+K",
    "1.0+\u212a", "1.0\u0131", "1.0a\u0131", "\u017f1.0", "1.0+\u017f",
]


def huge_strings():
    nines = "9" * 10_000
    ones = "1" * 5_000
    return [
        "1." + nines, nines, "1." + "0" * 10_000 + "1", ones + "!1.0", "1.0a" + ones,
        "1.0.post" + ones, "1.0.dev" + ones, "1.0+" + ones, "1.0+" + ones + ".a",
        "0" * 9_000 + "1", "1." + "1" * 19, "1." + "9" * 18, "1." + "1" + "0" * 18,
        "1." + "18446744073709551615", "1." + "18446744073709551616", "1.0a" + "9" * 25,
        ".".join(["1"] * 3000), "1" * 19 + "!1", "v" + "0" * 40 + "1",
    ]


def tricky_versions(count):
    out = []
    for _ in range(count):
        out.append(rng.choice(PREFIXES) + rng.choice(EPOCHS) + rng.choice(RELEASES)
                   + rng.choice(PRES) + rng.choice(POSTS) + rng.choice(DEVS)
                   + rng.choice(LOCALS) + rng.choice(SUFFIXES))
    return out


ALPHABET = "0123456789.-_+!abcdeprvlostABCDEPRV* \t\u00a0"


def mutate(text):
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        position = rng.randint(0, len(chars))
        if kind < 0.4:
            chars.insert(position, rng.choice(ALPHABET))
        elif kind < 0.7 and chars:
            del chars[min(position, len(chars) - 1)]
        elif chars:
            chars[min(position, len(chars) - 1)] = rng.choice(ALPHABET)
    return "".join(chars)


# MARK: - Specifiers

OPERATORS = [">=", "<=", ">", "<", "==", "!=", "~=", "==="]


def neighbours(v):
    """Versions around v that exercise each exclusive-ordering rule."""
    base = v.base_version
    release = list(v.release)
    bumped = release[:-1] + [release[-1] + 1]
    bumped_text = ".".join(map(str, bumped))
    shorter = ".".join(map(str, release[:-1])) if len(release) > 1 else base
    epoch = f"{v.epoch}!" if v.epoch else ""
    out = [
        str(v), base, epoch + base + ".dev0", epoch + base + "a1", epoch + base + "rc1.dev2",
        epoch + base + ".post1", epoch + base + ".post1.dev0", epoch + base + "+local",
        epoch + base + ".post1+local.2", epoch + base + ".0", epoch + base + ".0.1",
        epoch + bumped_text, epoch + bumped_text + ".dev0", epoch + bumped_text + "a1",
        epoch + shorter, str(v) + "+abc", str(v) + ".post2", epoch + base + ".dev1+x",
        v.public, "1!" + base, epoch + base + "b1.post1", epoch + base + "rc1",
    ]
    if v.pre is not None:
        letter, number = v.pre
        out += [f"{epoch}{base}{letter}{number + 1}", f"{epoch}{base}{letter}{number}.post1",
                f"{epoch}{base}{letter}{number + 1}.dev0", f"{epoch}{base}{letter}{number}+l"]
    if v.post is not None:
        out += [f"{epoch}{base}.post{v.post + 1}", f"{epoch}{base}.post{v.post + 1}.dev0",
                f"{epoch}{base}.post{v.post}.dev3", f"{epoch}{base}.post{v.post}+l"]
    if v.dev is not None:
        out += [f"{v.public}".replace(f"dev{v.dev}", f"dev{v.dev + 1}"), f"{v.public}+l"]
    return out


def specifiers_for(text, v):
    out = []
    for op in OPERATORS:
        if op == "~=" and len(v.release) < 2:
            continue
        spacing = rng.choice(["", "", " ", "  ", "\t"])
        operand = text if rng.random() < 0.5 else str(v)
        out.append(f"{op}{spacing}{operand}")
    release = list(v.release)
    for length in range(1, min(len(release), 3) + 1):
        prefix = ".".join(map(str, release[:length]))
        epoch = f"{v.epoch}!" if v.epoch else ""
        out.append(f"=={epoch}{prefix}.*")
        out.append(f"!={epoch}{prefix}.*")
    out.append(f"=={v.public}+local.1")
    out.append(f"!={v.public}+local.1")
    out.append(f"=={v.public}+LOCAL-01")
    return out


INVALID_SPECS = [
    ">=1.0+local", "~=1", "==1.0a1.*", "=>1.0", "1.0", ">=", ">= 1.0 .*", "===", "=== a b",
    "<1.0,", ",>=1", "==1.0.*.*", "~=1.0.*", "<=1.0.*", ">1.0+abc", "~=1.0+abc",
    "==1.0 .*", "== 1.0.*", "!=1.*", "==*", "^1.0", "~1.0", "latest", ">=1.0;", "==(1.0)",
    "===1.0;", "===1.0)", "===foo bar", ">== 1.0", "<<1", "=1.0", "!1.0", ">=1.0 <2.0",
    ">=1.0,,<2.0", " , ", "", ",", ">=\u00a01.0", "==1.0\u00a0", "===\u00a0foo",
    "== v1.0", "~=v1.0", ">=V1.0", "==1!1.0.*", "~=1!1.0", ">1!1.0a1", "===1.0a1",
    "===FOO", "===1.0.0", "===1.0", ">=1.0,===1.0", "!=1.0,===foo", "==1.0.*,!=1.0.5",
    "~=2.2.post3", "~=1.4.5a4", "~=1.4.5.dev1", ">1.0.post1", ">1.0.dev1", ">1.0a1.post1",
    "<1.0.post1", "<1.0a1.dev1", "<=1.0.post1", ">1.0rc1", "<0", "<0.dev0", ">=0.dev0",
    "<1!0", "==0.*", "!=0.*", "==1.0.0.*", "!=1.0.0.*", ">=1.0.*",
]

PROBE_VERSIONS = [
    "1.0", "1.0.0", "1.0a1", "1.0.dev0", "1.0.post1", "1.0+local.1", "1.0.0+local.1",
    "0.9", "1.1.dev0", "2.0a1", "2.0", "1!1.0", "1.0.5", "1.0.post1.dev0", "foo", "FOO",
    "1.0a1.post1", "1.0a2.dev0", "1.0.dev1+x", "1.0.post2.dev0", "0", "0.dev0", "0a1",
    "", "latest", "1.0.0.0.1", "2.2.post3", "2.3", "3.0.dev0", "1.4.5a4", "1.4.6",
    "1.5.dev0", "1.0rc1", "1.0rc2.dev0", "1.0rc1.post1", "v1.0", " 1.0 ",
]


def main():
    projects = json.loads(DATA.read_text())
    real = sorted({v for versions in projects.values() for v in versions})
    rng.shuffle(real)

    # Parse: real strings, tricky spellings, garbage, mutants and huge numbers.
    parse_inputs = real[:9000] + tricky_versions(3500) + GARBAGE + huge_strings()
    parse_inputs += [mutate(rng.choice(real)) for _ in range(2000)]
    write("parse", [{"op": "parse", "version": s} for s in parse_inputs],
          lambda r: parse_answer(r["version"]))

    # Compare: neighbours in sorted order, equal spellings, random pairs.
    valid = []
    for s in real + tricky_versions(3000):
        try:
            valid.append((Version(s), s))
        except InvalidVersion:
            pass
    valid.sort(key=lambda pair: pair[0])
    pairs = [(valid[i][1], valid[i + 1][1]) for i in range(0, len(valid) - 1, 3)]
    pairs += [(rng.choice(valid)[1], rng.choice(valid)[1]) for _ in range(2500)]
    pairs += [("1.0", "1.0.0"), ("1.0+abc.7", "1.0+ABC-007"), ("1.0+1", "1.0+a"),
              ("1.0+a", "1.0+a.1"), ("1.0+a.1", "1.0+a.b"), ("1.0a", "1.0a0"),
              ("1!0", "2"), ("1.0.dev0", "1.0a0"), ("1.0.post0.dev0", "1.0"),
              ("2004d", "1.0"), ("1.0", "x")]
    huge = huge_strings()
    pairs += [(rng.choice(huge), rng.choice(huge)) for _ in range(30)]
    write("compare", [{"op": "compare", "a": a, "b": b} for a, b in pairs],
          lambda r: compare_answer(r["a"], r["b"]))

    # Contains: every operator around sampled versions, probed by neighbours.
    contains = []
    sample = [s for _, s in rng.sample(valid, 380)]
    for text in sample:
        v = Version(text)
        specs = specifiers_for(text, v)
        probes = neighbours(v) + [rng.choice(real) for _ in range(3)]
        for spec in specs:
            for probe in rng.sample(probes, 4):
                contains.append((spec, probe, rng.choice([None, None, True, False])))
    for spec in INVALID_SPECS:
        for probe in PROBE_VERSIONS:
            contains.append((spec, probe, rng.choice([None, True, False])))
    for _ in range(1500):
        a, b = rng.choice(sample), rng.choice(sample)
        spec = f"{rng.choice(OPERATORS[:6])}{a}, {rng.choice(OPERATORS[:6])}{b}"
        contains.append((spec, rng.choice(neighbours(Version(a))),
                         rng.choice([None, True, False])))
    write("contains",
          [{"op": "contains", "specifier": s, "version": v, "prereleases": p}
           for s, v, p in contains],
          lambda r: contains_answer(r["specifier"], r["version"], r["prereleases"]))

    # Filter: real release lists of one project under specifiers from that project.
    filters = []
    names = sorted(projects)
    for _ in range(2500):
        versions = projects[rng.choice(names)]
        if not versions:
            continue
        chosen = rng.sample(versions, min(len(versions), rng.randint(1, 12)))
        if rng.random() < 0.2:
            chosen.append(rng.choice(["foo", "2004d", "", "1.0a1", "latest"]))
        anchor = rng.choice(versions)
        kind = rng.random()
        if kind < 0.1:
            spec = ""
        elif kind < 0.2:
            spec = rng.choice(INVALID_SPECS)
        elif kind < 0.6:
            spec = f"{rng.choice(OPERATORS)}{anchor}"
        else:
            spec = f"{rng.choice(OPERATORS[:6])}{anchor},{rng.choice(OPERATORS[:6])}" + \
                rng.choice(versions)
        filters.append((spec, chosen, rng.choice([None, None, True, False])))
    write("filter",
          [{"op": "filter", "specifier": s, "versions": v, "prereleases": p}
           for s, v, p in filters],
          lambda r: filter_answer(r["specifier"], r["versions"], r["prereleases"]))


def write(name, requests, answer):
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"{name}.requests.jsonl", "w") as req, \
            open(OUT / f"{name}.responses.jsonl", "w") as res:
        for request in requests:
            req.write(json.dumps(request) + "\n")
            res.write(json.dumps(answer(request), ensure_ascii=False) + "\n")
    print(f"{name}: {len(requests)} cases")


if __name__ == "__main__":
    main()

"""Differential fuzzing of `preflight debug poetry-constraint` against poetry-core 2.x.

    /work/venv/bin/python Scripts/oracles/fuzz_poetry_constraint.py [--seed N]
        [--scale K] [--save-sample N]

Constraints come from a random grammar mixing every operator, whitespace and
separator (`,`, spaces, `||` with empty sides), `^0.0.x`, `~1`, `~=1`, wildcards
(`1.*.*`, `==1.2.*`, `!=1.2.*`), pre-release spellings (`1.0.0-beta.2`, `1.0b2`),
`v` prefixes and local labels; each is probed with versions around its bounds
including pre, post, dev and local releases. With --save-sample, appends every
disagreement plus N random agreeing cases to the committed vectors under
Tests/PoetryTests/Resources/poetry-constraint/ (file regressions.*.jsonl).
"""

import argparse
import pathlib
import random

import fuzz_common
from poetry_constraint_vectors import answer

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PoetryTests/Resources/poetry-constraint/regressions"

OPERATORS = ["", "", "^", "~", "~=", "==", "=", "!=", ">=", "<=", ">", "<", "v", "^v",
             "==="]
SPACES = ["", "", "", " ", "  ", "\t"]


# Shapes that once disagreed: a phase with no number run into the next one
# (`betadev1`, `apost2`), which poetry-core reads as two phases.
REGRESSIONS = [
    "3.0-betadev1", "!=1apost2", "~3.1.0-postdev1", "1.0-BETADEV1", "^10.2bdev1",
    ">=1.2-betadev1 || ^1.2", "1.0RCdev1", "1.0Apost2", "1.0aPOST2.DEV3", "1.0rcr1", "1.0cr1",
    "1.0previewrev2", "1.0prer1", "1.0PREVIEWdev", "<=2.1apost2", "==3.1.1adev1",
    # packaging's possessive version pattern: a phase without a number keeps the
    # `.` of `.*`; a phase kept as written (`DEV`) is not where a wildcard starts.
    "!=8.DEV.*", "8.dev.*", "8a.*", "8.post.*", "8.rev.*", "8a1.dev.*", "8.dev0.*", "8.dev-.*",
    "8.dev..*", "8.dev+local.*", "8-1.*", "~8.DEV", "~ 259_DEV", "^8.DEV", ">=8.DEV0,<9",
    ">=8.dev0,<9.DEV0", ">=8.POST1.dev0,<8.post2.dev0", ">=8.post1.DEV0,<8.post2",
    "<8.dev0 || >=9.DEV0", "<8.DEV0 || >=9", "~=8.0.DEV", ">=8.0.dev0,<8.1.Dev0",
    "x,1.3.POST1.*", "=0.3.1.POST1+LOCAL-1.*", ">=8.POST1.dev0,<8.POST2.dev0", "!=1.3.POST1.*",
    # Empty wildcard ranges: dropped from unions, and poetry-core's intersection
    # fails its assertion when one is combined with a range around it.
    "3.1DEV0.* | 10.1", "3.1DEV0.*,>=1", "=3.3-b2dev1.*,>=0.3", ">=0.3,=3.3-b2dev1.*",
    "3.3-b2dev1.*,<4 || >5", "<4 || >5,3.3-b2dev1.*", "3.3-b2dev1.* || 3.3-b2dev1.*",
    "=3.3-b2dev1.*,3.3b2.dev0", "1.10-alpha.dev0.*,>=0.0.0", "!=3.3-b2dev1.*,>=1",
]


def regression_cases():
    out = []
    for text in REGRESSIONS:
        versions = sorted({"1.0", "1.0rc0.dev1", "3.0b0.dev1", "3.0", "1a0.post2", "1a0",
                           "3.1.0.post0.dev1", "3.1.0", "10.2b0.dev1", "11.0", "1.0a0.post2"})
        out.append(({"constraint": text, "versions": versions}, answer(text, versions)))
    return out


def version(rng):
    length = rng.choice([1, 2, 2, 3, 3, 4])
    release = [str(rng.choice([0, 0, 1, 1, 2, 3, 10])) for _ in range(length)]
    text = ".".join(release)
    roll = rng.random()
    if roll < 0.1:
        text += rng.choice(["-beta.2", "-alpha", "-rc.1", "-beta", "-alpha.1+build"])
    elif roll < 0.25:
        text += rng.choice(["a1", "b2", "rc1", "a", "b", "c3", "alpha2", "RC1", "pre1",
                            ".a1", "-b2", "_rc3"])
    if rng.random() < 0.12:
        text += rng.choice([".post1", "post2", "-1", ".rev3", ".POST1", "-post"])
    if rng.random() < 0.12:
        text += rng.choice([".dev0", "dev1", ".dev", "-dev2", ".DEV", "DEV0", ".dev-"])
    if rng.random() < 0.08:
        text += rng.choice(["+local", "+1", "+a.b", "+LOCAL-1"])
    if rng.random() < 0.05:
        text = "1!" + text
    return text


def single(rng):
    roll = rng.random()
    if roll < 0.1:
        parts = [str(rng.choice([0, 1, 2])) for _ in range(rng.randint(1, 3))]
        stars = rng.choice([".*", ".*", ".*.*", "*"])
        return rng.choice(["", "==", "!=", "=", ">=", "~=", "^", "~"]) + ".".join(parts) + stars
    if roll < 0.13:
        return rng.choice(["*", "x", "X", "*.*", "v*", ""])
    if roll < 0.18:
        return rng.choice(["", "==", "!=", "=", ">="]) + version(rng) + ".*"
    return rng.choice(OPERATORS) + rng.choice(SPACES) + version(rng)


def constraint(rng):
    def conjunction():
        items = [single(rng) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        return rng.choice([",", ", ", " ", " , ", ",  "]).join(items)

    parts = [conjunction() for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    if rng.random() < 0.05:
        parts.insert(rng.randint(0, len(parts)), rng.choice(["", " "]))
    text = rng.choice([" || ", "||", " | ", "|"]).join(parts)
    if rng.random() < 0.05:
        text = " " + text + " "
    return text


def probes(rng, text):
    found = []
    for token in text.replace(",", " ").replace("|", " ").split():
        stripped = token.lstrip("^~=<>!v").rstrip("*").rstrip(".")
        if stripped and stripped[0].isdigit():
            found.append(stripped)
    out = set()
    for base in found[:4]:
        for suffix in ["", ".0", "a1", ".dev0", ".post1", "+local", "rc1.dev1", ".1"]:
            out.add(base.split("+")[0] + suffix)
        head = base.split("+")[0].split("-")[0]
        parts = head.split(".")
        if parts[0].isdigit():
            out.add(str(int(parts[0]) + 1) + ".0")
            out.add(str(int(parts[0]) + 1) + ".0.dev0")
            out.add(str(int(parts[0]) + 1) + ".0a0")
    out.update(rng.sample(["0", "0.0.1", "1.0", "1.1", "2.0a1", "1.0.post2", "foo", "1!1.0",
                           "0.0.0", "10.0"], 3))
    return sorted(out)[:14]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--save-sample", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = regression_cases()
    for _ in range(8000 * args.scale):
        text = constraint(rng)
        versions = probes(rng, text)
        if rng.random() < 0.05:
            text = fuzz_common.sprinkle(rng, text)
        if rng.random() < 0.05:
            versions.append(fuzz_common.sprinkle(rng, rng.choice(versions)))
        cases.append(({"constraint": text, "versions": versions}, answer(text, versions)))
    mismatches = fuzz_common.compare("poetry-constraint", cases)
    if args.save_sample:
        rows = [(request, want) for request, want, _ in mismatches] + regression_cases()
        rows += rng.sample(cases, min(args.save_sample, len(cases)))
        fuzz_common.append_split(str(OUT), rows)


if __name__ == "__main__":
    main()

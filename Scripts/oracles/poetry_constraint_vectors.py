"""Generate differential test vectors for `preflight debug poetry-constraint`.

Run with the reference virtualenv (poetry-core 2.x):

    $ORACLE_VENV/bin/python Scripts/oracles/poetry_constraint_vectors.py

Constraints are built around real PyPI versions (data/pypi_versions.json) in
every syntax Poetry reads, plus tricky and invalid spellings. Each request
lists versions near the constraint's bounds. The answer is what poetry-core
gives: `pep440` is the text of `Dependency("x", constraint)` in PEP 508 form
(`base_pep_508_name` without the name and parentheses), `allows` is
`parse_constraint(c).allows(Version.parse(v))` (false when `v` does not parse).
Writes line-aligned `constraint.requests.jsonl` / `constraint.responses.jsonl`
under Tests/PoetryTests/Resources/poetry-constraint/.
"""

import json
import pathlib
import random
import sys

from packaging.version import InvalidVersion
from packaging.version import Version as PackagingVersion
from poetry.core.constraints.version import Version, parse_constraint
from poetry.core.packages.dependency import Dependency

sys.set_int_max_str_digits(0)

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "PoetryTests" / "Resources" / "poetry-constraint"
DATA = pathlib.Path(__file__).parent / "data" / "pypi_versions.json"

rng = random.Random(508)


def answer(constraint, versions):
    try:
        parsed = parse_constraint(constraint)
        name = Dependency("x", constraint).base_pep_508_name
    except Exception as error:  # poetry-core raises several types for bad input
        return {"valid": False, "error": str(error)}
    pep440 = name[len("x"):].strip()
    if pep440.startswith("(") and pep440.endswith(")"):
        pep440 = pep440[1:-1]
    allows = {}
    for text in versions:
        try:
            allows[text] = parsed.allows(Version.parse(text))
        except Exception:
            allows[text] = False
    return {"valid": True, "pep440": pep440, "allows": allows}


def neighbours(v):
    base = v.base_version
    release = list(v.release)
    epoch = f"{v.epoch}!" if v.epoch else ""
    bumped = epoch + ".".join(map(str, release[:-1] + [release[-1] + 1]))
    major = epoch + ".".join([str(release[0] + 1)] + ["0"] * (len(release) - 1))
    minor = epoch + ".".join(map(str, [release[0], (release[1] if len(release) > 1 else 0) + 1]))
    out = [str(v), base, epoch + base + ".dev0", epoch + base + "a1", epoch + base + ".post1",
           epoch + base + ".post1.dev0", epoch + base + "+local", bumped, bumped + ".dev0",
           bumped + "a1", major, major + ".dev0", major + "a1", major + ".dev1", minor,
           minor + ".dev0", minor + "b2", epoch + base + ".0.1", v.public, str(v) + "+l",
           str(v) + ".post2", "0.0.dev0", "1!0", epoch + base + "RC1", epoch + base + ".POST1",
           epoch + base + ".DEV1", epoch + base + "Alpha2"]
    if v.pre is not None:
        out.append(f"{epoch}{base}{v.pre[0]}{v.pre[1]}.post1")
        out.append(f"{epoch}{base}{v.pre[0]}{v.pre[1] + 1}.dev0")
    if v.dev is not None:
        out.append(v.public.replace(f"dev{v.dev}", f"dev{v.dev + 1}"))
    return out


def forms(text, v):
    release = list(v.release)
    prefix = ".".join(map(str, release[: rng.randint(1, min(3, len(release)))]))
    space = rng.choice(["", "", " "])
    out = [f"^{space}{text}", f"~{space}{text}", f"~={space}{text}", text, f"=={text}",
           f"!={text}", f">={space}{text}", f">{text}", f"<{text}", f"<={space}{text}",
           f"{prefix}.*", f"=={prefix}.*", f"!={prefix}.*", f"v{text}", f"={text}"]
    return out


TRICKY = [
    "^1.0.0-beta.2", "~1", "^0", "^0.0", "^0.0.3", "^0.2.3", "^1.2.3.4", "~1.2.3.4", "~=1",
    "~=1.4.5", "~=0.0.0.5", "dev", ">=dev", "<>1.0", "=1.0", "1.0 || 2.0", "1.0|2.0",
    ">1,!=2", "!=1.4.*", "==1.4.*", "1.2.3.4.*", "x", "X", "*.*", "v*", "*", "1.*.*",
    ">=1.0,<2.0", ">=1.0 <2.0", ">=1.0, <2.0", ">=1.0 , <2.0", ">=1.0,<2.0,!=1.5",
    ">=1.0 <2.0 !=1.5", ">=1.0,<2.0 || ^3.0", "<2.0 || >=3.0", "^1.0 || ^2.0 || ^3.0",
    ">=1.0,<1.5 || >=1.2,<2.0", "1.0.post1", ">=1.0-1", "1.0+local", "==1.0+local",
    "!=1.0+local", ">1.0+local", "<=1.0+local", ">=1.0.dev0", "<1.0a1", ">1.0a1",
    ">1.0.post1", ">1.0.dev1", "<1.0.post1", "!=1.0.post1.*", "==1.0a1.*", "!=2.0.dev3.*",
    ">=1.2.*", "<=1.2.*", "~1.2.3-rc.1", "^v1.0", "V1.0", ">= 1.0", "~= 1.0", "^ 1.0",
    " ^1.0 ", "^1.0,", "^1.0,,", ">=1.0,\t<2.0", "1.0 2.0", "1.0, 2.0", ">=1 <2 || >=3 <4",
    ">=2.0,<1.0", ">1.0,<1.0.post0", "==1.0,!=1.0", "^1.0 ^2.0", "!=1.0,!=2.0",
    ">=1.0a1,<1.0", "^1!1.0", "~1!1.2", "1!1.*", ">=1!0", "^0.0.0", "^0.0.0.1",
    "~0", "~0.0", "*,*", "* || 1.0", "1.0 || *", ">0", "<0", "<0.dev0", "!=0",
    "^1.0RC1", ">1.0.POST1", "<=1.0.DEV1", "1.0Alpha1", "!=1.0C1", "~1.0-REV2", ">=1.0RC1,<2",
    "1.0.RC1.*", "==1.0rc1.*", ">1.0-1", ">1.0.post0.dev1", "<1.0.post0.dev1", "^1.0.dev3",
    ">=1.2.3+local,1.2.3", "1.2.3,>=1.2.3+local", ">=1.2.3+local || 1.2.3", "1.2.3 || <=1.2.3+l",
    ">1.2.3+local,1.2.3", ">=1.2.3+a,<=1.2.3+z || 1.2.3", "1.2.3+a || 1.2.3", "1.0+a,1.0",
    ">=1.0+local", "<1.0+local", "!=1.0+local,>=0.9", "^1.0+local", "~1.0+local",
]

INVALID = [
    "latest", "~>1.0", "^", "", " ", ">=", "1.0 - 2.0", "foo", ">=1.0,,<2.0", "^1.0 ||",
    "|| ^1.0", "~", "~=", "==", "!=", "<", ">=1.0 .*", "1.0.*.1", "=>1.0", "1.0a1a2",
    "^1.0.*", "~1.*", "1..0", "1.0 ,, 2.0", "DEV", ">=DEV", "^dev", "1,0", "> = 1.0",
    ">=1.0 ||| <2.0", "(>=1.0)", "1.0;", "^\u0661.0", "\u0661.*", "1.0\u00a0", "v1.x",
]


# Small versions combined at random into alternatives of conjunctions: the
# shapes where poetry-core's merging and its "all but one version" unions show.
COMBINABLE = ["0", "0.0", "1", "1.0", "1.0.0", "1.2", "1.2.3", "1.2.3.4", "2.0", "0.1",
              "0.0.1", "1.0a1", "1.0b2", "1.0rc1", "1.0.post1", "1.0.dev1", "1.0a1.dev2",
              "1.0.post1.dev1", "1.0+local", "2.0.0-beta.1", "1!1.0", "1.0.0.0.1", "3.14"]
COMBINING_OPERATORS = ["", "^", "~", "~=", "==", "!=", ">=", "<=", ">", "<", "=", ""]


def combined_constraint():
    def single():
        version = rng.choice(COMBINABLE)
        parts = version.split(".")
        if rng.random() < 0.1 and all(p.isdigit() for p in parts):
            prefix = ".".join(parts[: rng.randint(1, min(3, len(parts)))])
            return rng.choice(["", "==", "!="]) + prefix + ".*"
        return rng.choice(COMBINING_OPERATORS) + rng.choice(["", "", " "]) + version

    def conjunction():
        return rng.choice([",", ", ", " ", " , "]).join(
            single() for _ in range(rng.randint(1, 3)))

    return rng.choice([" || ", "||", " | "]).join(
        conjunction() for _ in range(rng.randint(1, 3)))


def main():
    projects = json.loads(DATA.read_text())
    real = sorted({v for versions in projects.values() for v in versions})
    valid = []
    for text in real:
        try:
            valid.append((PackagingVersion(text), text))
        except InvalidVersion:
            pass
    rng.shuffle(valid)
    requests = []

    def add(constraint, anchor=None):
        probes = set()
        if anchor is not None:
            probes.update(rng.sample(neighbours(anchor), 7))
        probes.update(text for _, text in rng.sample(valid, 4))
        probes.add(rng.choice(["foo", "1.0", "2.0a1", "0", "1!2.0"]))
        requests.append({"constraint": constraint, "versions": sorted(probes)})

    for version, text in valid[:1500]:
        for form in rng.sample(forms(text, version), 5):
            add(form, version)
    for _ in range(2500):
        (a, ta), (b, tb) = rng.sample(valid[:3000], 2)
        low, high = (ta, tb) if a <= b else (tb, ta)
        shape = rng.choice([
            f">={low},<{high}", f">={low} <{high}", f"^{low} || ^{high}", f">{low},!={high}",
            f">={low},<{high},!={low}", f"~{low} || {high}", f"<{low} || >={high}",
            f"{low} || {high}", f">={low}, <={high}", f"!={low},!={high}",
        ])
        add(shape, rng.choice([a, b]))
    for text in TRICKY:
        for _ in range(3):
            add(text, rng.choice(valid)[0])
    for text in INVALID:
        add(text)
    for _ in range(3000):
        requests.append({
            "constraint": combined_constraint(),
            "versions": sorted(set(rng.sample(COMBINABLE, 6) + ["1.1", "2.0a1", "1.0.post2"])),
        })

    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "constraint.requests.jsonl", "w") as req, \
            open(OUT / "constraint.responses.jsonl", "w") as res:
        for request in requests:
            req.write(json.dumps(request) + "\n")
            res.write(json.dumps(answer(request["constraint"], request["versions"]),
                                 ensure_ascii=False) + "\n")
    print(f"constraint: {len(requests)} cases")


if __name__ == "__main__":
    main()

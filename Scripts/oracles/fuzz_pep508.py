"""Differential fuzzing of `preflight debug pep508` against packaging 26.x.

    /work/venv/bin/python Scripts/oracles/fuzz_pep508.py [--seed N] [--scale K]
        [--save-sample N]

Requirements come from a random grammar (odd whitespace, URL forms with and
without markers, extras spacing, dotted and underscored names, parenthesised
specifier sets with duplicates) and their mutants; markers from a grammar with
nested parentheses, `in`/`not in`, legacy names, string-vs-string and
variable-vs-variable comparisons, invalid versions and `===`, evaluated in
environments with odd python_full_version values. With --save-sample, appends
every disagreement plus N random agreeing cases to the committed
Tests/PythonPackagingTests/Resources/pep508/requirements.jsonl and markers.jsonl.
"""

import argparse
import json
import pathlib
import random

import fuzz_common
from pep508_vectors import base_env, marker_answer, requirement_answer

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests/PythonPackagingTests/Resources/pep508"

SPACES = ["", "", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u3000"]
NAMES = ["a", "A", "foo", "Foo_Bar", "foo.bar", "foo-bar", "foo--bar", "x_y.z-w", "a1",
         "1a", "zope.interface", "backports.zoneinfo", "typing_extensions", "Django",
         "_foo", "foo_", "-foo", "foo.", "é", "f\u00f6o", "a.b.c.d", "A-._b"]
EXTRAS = ["", "security", "socks", "Foo_Bar", "foo.bar", "test-1", "all", "a,b", "dev ",
          "_x", "é"]
VERSIONS = ["1.0", "1", "2.0.0", "1.0a1", "1.0.post1", "1!1.0", "1.0+local", "1.0.*",
            "0.0.0", "1.0.0a0", "1.0a", "2.*", "v1.0", "01.0", "1.0.dev0", "3.14"]
OPS = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="]
URLS = ["file:///x", "file:///tmp/a%20b.whl", "https://example.com/a-1.0.tar.gz",
        "git+https://github.com/a/b.git@v1.0#egg=b", "git+ssh://git@github.com/a/b.git",
        "http://h/p?q=1;x=2", "file:x", "https://e.com/a b", "./local", "name"]
VARIABLES = ["python_version", "python_full_version", "os_name", "sys_platform",
             "platform_release", "platform_system", "platform_version", "platform_machine",
             "platform_python_implementation", "implementation_name",
             "implementation_version", "extra", "os.name", "sys.platform",
             "platform.version", "platform.machine", "platform.python_implementation",
             "python_implementation"]
VALUES = ["3.14", "3.14.0", "3.14.0rc1", "3.14.0+local", "3.14.*", "3", "3.8", "3.10",
          "3.13.1", "linux", "Linux", "win32", "darwin", "posix", "nt", "cpython", "CPython",
          "x86_64", "aarch64", "arm64", "Foo_Bar", "foo-bar", "foo.bar", "FOO.BAR", "", "x",
          "lin", "ux", "3.14 3.15", "1!3.14", "3.14a1", "3.14.dev0", "3.14.0.0", "2.7.*",
          "not a version", "3.1*", "${x}", "\u00e9"]
MARKER_OPS = ["<", "<=", "==", "!=", ">=", ">", "~=", "===", "in", "not in"]


# Hand-picked requirement corners.
REQUIREMENT_CORNERS = [
    "name @ file:///x", "name@file:///x", "name @ file:///x ; python_version >= '3.8'",
    "name @ file:///x; python_version >= '3.8'", "name @ file:///x;python_version>='3.8'",
    "name @ git+https://github.com/a/b.git@main#egg=name ; os_name == 'posix'",
    "name @ https://e.com/x.whl#sha256=abc", "name [a] @ file:///x", "name[a]@ file:///x",
    "name @ ", "name @", "@ file:///x", "name @ file:///x extra", "name @ file:///x (>=1)",
    "name (>=1.0)", "name(>=1.0)", "name ( >=1.0 , <2 )", "name (>=1.0;)", "name >=1.0 ,",
    "name ()", "name []", "name [ ]", "name [a , b]", "name[a,]", "name[,a]", "name[a b]",
    "name[a.b-c_d]", "name[A_B]", "name [a] (>=1)", "name>=1.0;", "name>=1.0 ;",
    "name; ", "name ;python_version<'4'", "name # comment", "name>=1 # comment",
    "name>=1.0 and <2", "name==1.0.*", "name===foo", "name===foo bar", "name==1.0+local",
    "name ~= 1.0", "name~=1", "name<>1", "name=1.0", "name==1.0,==1.0.0", "name!=1.0,!=1",
    "name>=1.0,>=1.0.0,<2", "name>=1.0.0,>=1.0", "a.b.c", "a_b-c.d", "A.B", "a-",
    "-a", "a..b", "a__b", "\u00e9", "name\t>=\t1", "name\n>=1", "name\r\n", "\tname",
    "name; extra == 'Foo_Bar'", "name; extra == 'foo-bar'", "name; 'x' in extra",
    "name; python_version in '3.8 3.9'", "name; python_version not in '3.8 3.9'",
    "name; python_full_version === '3.14.0'", "name; os_name == os_name",
    "name; 'a' == 'a'", "name; (python_version >= '3.8')", "name; ((os_name=='nt'))",
    "name; python_version >= '3.8' and", "name; and", "name; python_version >= 3.8",
    "name; python_version >= \"3.8'", "name; platform.python_implementation == 'CPython'",
    "name; python_implementation == 'CPython'", "name; os.name == 'nt'",
    "name; extra == 'a' or extra == 'b' and os_name == 'nt'",
    "name; (extra == 'a' or extra == 'b') and os_name == 'nt'",
    "name; python_version ~= '3.8'", "name; python_version < '3.8' or python_version > '3.9'",
    "name;python_version=='3.8'", "name ;python_version=='3.8'",
]


# Shapes that once disagreed: duplicate specifiers in the rendered set
# (packaging keeps the first by text of those that mean the same), `===`
# operands with combining marks or case oddities, a quote glued to a mark.
REGRESSIONS = [
    "a !=4.0.0a0,!=4.0.0a", "a >=1.0,>=1.0.0", "a>=1.0.0,>=1.0,>=1,<2", "a (>=1.0a,>=1.0a0)",
    "a ==1.0+a,==1.0.0+A", "a ~=1.0,~=1.0.0", "a ==1.0.*,==1.0.0.*", "a ===1.0,===1.0.0",
    "a >=01.0,>=1.0", "a ===\u0345", "a ===\u00e9,===e\u0301", "a ===\u0391\u03a3",
    "a ; os_name == '\"\u0301'", "a ; os_name == \"'\u0301\"", "a ; '\u0301' in os_name",
    "a; os_name == '\\N{ZWJ}'", "a; os_name == '\\N{byte order mark}'",
    "a; os_name == '\\N{LINE FEED}'", "a; os_name == '\\N{NULL}'", "a; os_name == '\\N{nbsp}'",
    "a; os_name == '\\N{CJK UNIFIED IDEOGRAPH-04E00}'",
    "a; os_name == '\\N{cjk unified ideograph-4e00}'",
    "a; os_name == '\\N{hangul syllable ga}'", "a; os_name == '\\N{HANGUL SYLLABLE GA}'",
    "a; os_name == '\\N{TANGUT IDEOGRAPH-17000}'", "a; os_name == '\\N{KAWI LETTER A}'",
    "a; os_name == '\\N{LAT\u0131N SMALL LETTER A}'", "a; os_name == '\\N{nushu character-1b170}'",
]


def space(rng):
    return rng.choice(SPACES)


def random_specifiers(rng):
    count = rng.choice([0, 1, 1, 2, 3])
    items = []
    for _ in range(count):
        items.append(rng.choice(OPS) + space(rng) + rng.choice(VERSIONS))
    if items and rng.random() < 0.2:
        items.append(rng.choice(items))
    text = (rng.choice([",", ", ", " ,"])).join(items)
    if text and rng.random() < 0.3:
        text = "(" + space(rng) + text + space(rng) + ")"
    return text


def random_marker_item(rng):
    op = rng.choice(MARKER_OPS)
    quote = rng.choice(["'", '"'])
    literal = quote + rng.choice(VALUES) + quote
    variable = rng.choice(VARIABLES)
    shape = rng.randrange(10)
    if shape < 6:
        left, right = variable, literal
    elif shape < 8:
        left, right = literal, variable
    elif shape < 9:
        left, right = variable, rng.choice(VARIABLES)
    else:
        left, right = literal, quote + rng.choice(VALUES) + quote
    return left + rng.choice([" ", "", "  "]) + op + rng.choice([" ", "", "\t"]) + right


def random_marker(rng, depth=0):
    parts = []
    for _ in range(rng.randint(1, 3)):
        if depth < 3 and rng.random() < 0.3:
            parts.append("(" + space(rng) + random_marker(rng, depth + 1) + space(rng) + ")")
        else:
            parts.append(random_marker_item(rng))
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice([" and ", " or ", "  and\t", " or  "]) + part
    return text


def random_requirement(rng):
    text = space(rng) + rng.choice(NAMES) + space(rng)
    if rng.random() < 0.3:
        extras = [rng.choice(EXTRAS) for _ in range(rng.randint(0, 3))]
        text += "[" + (space(rng) + "," + space(rng)).join(extras) + space(rng) + "]"
        text += space(rng)
    if rng.random() < 0.2:
        text += "@" + space(rng) + rng.choice(URLS)
        if rng.random() < 0.5:
            text += rng.choice([" ; ", " ;", ";", "  ;  "]) + random_marker(rng)
    else:
        text += random_specifiers(rng)
        if rng.random() < 0.4:
            text += space(rng) + ";" + space(rng) + random_marker(rng)
    if rng.random() < 0.05:
        text += rng.choice([" # comment", "#x", " \\", "\n"])
    return text + space(rng)


def mutate(rng, text):
    alphabet = list(" \t;,@[]()<>=!~.*'\"-_+abcv019#") + ["and", "or", "in", "not", "extra"]
    chars = list(text)
    for _ in range(rng.randint(1, 2)):
        position = rng.randint(0, len(chars))
        if rng.random() < 0.5 or not chars:
            chars.insert(position, rng.choice(alphabet))
        else:
            del chars[min(position, len(chars) - 1)]
    return "".join(chars)


def environments():
    envs = [
        base_env("3.14", "3.14.0", "linux", "Linux", "posix", "x86_64"),
        base_env("3.14", "3.14.0rc1", "linux", "Linux", "posix", "aarch64"),
        base_env("3.14", "3.14.0+local", "darwin", "Darwin", "posix", "arm64", "24.1.0"),
        base_env("3.14", "3.14.0+", "win32", "Windows", "nt", "AMD64", "10", "10.0.22631"),
        base_env("3.13", "3.13.1", "linux", "Linux", "posix", "x86_64", "6.1.0-18-amd64"),
        base_env("3.8", "3.8.10", "cygwin", "CYGWIN_NT", "posix", "i686"),
        base_env("3.14", "not a version", "linux", "Linux", "posix", "x86_64"),
    ]
    return envs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--save-sample", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = []
    texts = [random_requirement(rng) for _ in range(6000 * args.scale)]
    texts += [mutate(rng, rng.choice(texts)) for _ in range(2000 * args.scale)]
    texts += REQUIREMENT_CORNERS + REGRESSIONS
    texts += [fuzz_common.sprinkle(rng, rng.choice(texts)) for _ in range(1000 * args.scale)]
    texts += [mutate(rng, rng.choice(REQUIREMENT_CORNERS)) for _ in range(1000 * args.scale)]
    for text in texts:
        cases.append(({"op": "requirement", "input": text}, requirement_answer(text)))
    envs = environments()
    markers = [random_marker(rng) for _ in range(5000 * args.scale)]
    markers += [mutate(rng, rng.choice(markers)) for _ in range(1000 * args.scale)]
    markers += [text.split(";", 1)[1] for text in REQUIREMENT_CORNERS if ";" in text] * 7
    markers += [fuzz_common.sprinkle(rng, rng.choice(markers)) for _ in range(800 * args.scale)]
    for text in markers:
        env = dict(rng.choice(envs))
        extra = rng.choice([None, "", "Foo_Bar", "foo-bar", "FOO.BAR", "x", ["a", "Foo_Bar"]])
        if extra is not None:
            env["extra"] = extra
        request = {"op": "marker", "marker": text, "env": env}
        cases.append((request, marker_answer(text, env)))
    mismatches = fuzz_common.compare("pep508", cases)
    if args.save_sample:
        rows = [(request, want) for request, want, _ in mismatches]
        rows += [({"op": "requirement", "input": text}, requirement_answer(text))
                 for text in REGRESSIONS]
        rows += rng.sample(cases, min(args.save_sample, len(cases)))
        for request, want in rows:
            name = "requirements" if request["op"] == "requirement" else "markers"
            with open(OUT / f"{name}.jsonl", "a", encoding="utf-8") as out:
                line = {"request": request, "response": want}
                out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()

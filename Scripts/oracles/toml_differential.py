#!/usr/bin/env python3
"""Differential fuzzing of `preflight debug toml-decode` against Python's tomllib.

Usage: toml_differential.py DECODER [ARGS...] -- FILE... [--rounds N] [--seed S]

Feeds randomly mutated copies of each FILE (byte flips, insertions, deletions,
truncations, and line-level mutations: TOML fragments spliced in, lines duplicated,
swapped or re-indented; seeded, so runs are reproducible) to both the decoder and tomllib and
reports every input on which they disagree: one accepts and the other rejects, or
both accept with different values. tomllib's output is converted to toml-test
tagged JSON; values are compared like the toml-test runner does (floats by value,
date-times by text after normalising 'T' and 'Z').

Known, intended differences are not reported: a leading byte order mark (tomllib
rejects it; TOML 1.0 and toml-test accept it), a leap second ':60' (tomllib's
datetime rejects it; RFC 3339 allows it) and an integer outside 64 bits (tomllib
accepts any size; TOML 1.0 says it must be rejected).
"""
import datetime
import itertools
import json
import math
import random
import subprocess
import sys
import tomllib

INTERESTING = list(b"\"'[]{}=.,#\\\n\r\t 0_+-:eTZ") + [0, 0x7F, 0xC0, 0xE0, 0xED, 0xFF]


def tagged(value):
    if isinstance(value, dict):
        return {k: tagged(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tagged(v) for v in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        if math.isnan(value):
            text = "nan"
        elif math.isinf(value):
            text = "inf" if value > 0 else "-inf"
        else:
            text = repr(value)
        return {"type": "float", "value": text}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, datetime.datetime):
        kind = "datetime" if value.tzinfo else "datetime-local"
        return {"type": kind, "value": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"type": "date-local", "value": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"type": "time-local", "value": value.isoformat()}
    raise TypeError(type(value))


def has_huge_integer(value):
    if isinstance(value, dict):
        if value.get("type") == "integer" and isinstance(value.get("value"), str):
            return not -2**63 <= int(value["value"]) < 2**63
        return any(has_huge_integer(v) for v in value.values())
    if isinstance(value, list):
        return any(has_huge_integer(v) for v in value)
    return False


def normalise(value):
    if isinstance(value, dict):
        if set(value) == {"type", "value"} and isinstance(value["value"], str):
            kind, text = value["type"], value["value"]
            if kind == "float":
                number = float(text)
                return (kind, "nan" if math.isnan(number) else number)
            if kind.startswith("datetime") or kind.endswith("-local"):
                return (kind, parse_datetime(kind, text))
            return (kind, text)
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def parse_datetime(kind, text):
    text = text.replace(" ", "T").replace("t", "T").replace("z", "+00:00").replace("Z", "+00:00")
    if kind == "time-local":
        return datetime.time.fromisoformat(text[:15])
    if kind == "date-local":
        return datetime.date.fromisoformat(text)
    # Truncate fractions to microseconds for Python.
    head, dot, rest = text.partition(".")
    if dot:
        digits = "".join(itertools.takewhile(str.isdigit, rest))
        offset = rest[len(digits):]
        text = head + "." + (digits + "000000")[:6] + offset
    return datetime.datetime.fromisoformat(text)


# Whole TOML fragments spliced in at line starts: table headers, dotted keys,
# numbers, strings with escapes and date-times at the edges of the grammar.
SNIPPETS = [
    b"[a]", b"[[a]]", b"[a.b]", b"[ a . 'b' ]", b"a.b = 1", b"a = 1", b'"a" = 1', b"'' = 1",
    b'"" = 1', b"a.b.c = {}", b"x = [1, 'a', {b = 2}]", b"x = 0x_1", b"x = 0x1_F",
    b"x = 0o777", b"x = 0b1_0", b"x = 1__0", b"x = +inf", b"x = -nan", b"x = -0.0",
    b"x = 1e+05", b"x = 1E-0_5", b"x = 1.e5", b"x = 01", b"x = +0",
    b"x = 9223372036854775808", b"x = -9223372036854775808", b"x = 1979-05-27T07:32:00Z",
    b"x = 1979-05-27 07:32:00.999999999-07:00", b"x = 1979-05-27t07:32:00z",
    b"x = 07:32:00", b"x = 07:32", b"x = 1979-02-29", b"x = 2000-02-29",
    b"x = 1979-05-27T24:00:00", b'x = "\\u00e9\\U0010FFFF"', b'x = "\\uD800"',
    b'x = "\\x41"', b'x = "\\e"', b'x = """\na\\\n  b"""', b"x = '''\n'a''''",
    b'x = """""""', b"x = ''''''", b"x = 'a\tb'", b'x = "a\x7fb"',
    b"x = {a = 1, a.b = 2}", b"x = {a.b = 1, a.c = 2}", b"x = {}\nx.a = 1",
    b"x = [\n1,\n# c\n2,\n]", b"x = [,]", b"x = {a = 1,}", b"x = true", b"x = True",
    b"\r", b"\ta = 1", b"a = 1 # \x01", b"a = 1\r",
]


def mutate_lines(data, rng):
    """A structural mutation: a fragment inserted at a line start, a line
    duplicated, two lines swapped, or a line's indentation changed."""
    lines = data.split(b"\n")
    position = rng.randrange(len(lines))
    choice = rng.randrange(4)
    if choice == 0:
        lines.insert(position, rng.choice(SNIPPETS))
    elif choice == 1:
        lines.insert(position, lines[position])
    elif choice == 2:
        other = rng.randrange(len(lines))
        lines[position], lines[other] = lines[other], lines[position]
    else:
        lines[position] = rng.choice([b"  ", b"\t", b""]) + lines[position].lstrip()
    return b"\n".join(lines)


def mutate(data, rng):
    if rng.random() < 0.4:
        return mutate_lines(data, rng)
    data = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not data:
            break
        position = rng.randrange(len(data))
        choice = rng.randrange(4)
        if choice == 0:
            data[position] = rng.choice(INTERESTING)
        elif choice == 1:
            data.insert(position, rng.choice(INTERESTING))
        elif choice == 2:
            del data[position]
        else:
            del data[position:]
    return bytes(data)


def main(argv):
    if "--" not in argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    split = argv.index("--")
    decoder, rest = argv[1:split], argv[split + 1:]
    rounds, seed, files = 200, 1, []
    while rest:
        item = rest.pop(0)
        if item == "--rounds":
            rounds = int(rest.pop(0))
        elif item == "--seed":
            seed = int(rest.pop(0))
        else:
            files.append(item)
    rng = random.Random(seed)
    disagreements = 0
    total = 0
    for path in files:
        original = open(path, "rb").read()
        for _ in range(rounds):
            data = mutate(original, rng)
            if data.startswith(b"\xef\xbb\xbf") or b":60" in data:
                continue
            total += 1
            try:
                want = tagged(tomllib.loads(data.decode("utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError):
                want = None
            if want is not None and has_huge_integer(want):
                continue
            result = subprocess.run(decoder, input=data, capture_output=True)
            have = json.loads(result.stdout) if result.returncode == 0 else None
            if result.returncode not in (0, 1):
                print("CRASH %s (exit %d): %r" % (path, result.returncode, data[:200]))
                disagreements += 1
            elif (want is None) != (have is None):
                who = "tomllib" if want is not None else "decoder"
                print("ONLY %s ACCEPTS (%s): %r" % (who, path, data[:300]))
                print("   decoder: %s" % result.stderr.decode("utf-8", "replace").strip()[:300])
                disagreements += 1
            elif want is not None and normalise(want) != normalise(have):
                print("VALUES DIFFER (%s): %r" % (path, data[:300]))
                disagreements += 1
    print("toml-differential: %d inputs, %d disagreements" % (total, disagreements))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

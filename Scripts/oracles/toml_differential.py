#!/usr/bin/env python3
"""Differential fuzzing of `preflight debug toml-decode` against Python's tomllib.

Usage: toml_differential.py DECODER [ARGS...] -- FILE... [--rounds N] [--seed S]

Feeds randomly mutated copies of each FILE (byte flips, insertions, deletions,
truncations; seeded, so runs are reproducible) to both the decoder and tomllib and
reports every input on which they disagree: one accepts and the other rejects, or
both accept with different values. tomllib's output is converted to toml-test
tagged JSON; values are compared like the toml-test runner does (floats by value,
date-times by text after normalising 'T' and 'Z').

Known, intended differences are not reported: a leading byte order mark (tomllib
rejects it; TOML 1.0 and toml-test accept it) and a leap second ':60' (tomllib's
datetime rejects it; RFC 3339 allows it).
"""
import datetime
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
        digits = "".join(c for c in rest if c.isdigit())
        offset = rest[len(digits):]
        text = head + "." + (digits + "000000")[:6] + offset
    return datetime.datetime.fromisoformat(text)


def mutate(data, rng):
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

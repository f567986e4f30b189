"""Shared runner for the differential fuzzers (fuzz_*.py).

Each fuzzer builds requests for one `preflight debug` tool, asks the reference
for the answer, and hands both to `compare`, which pipes the requests through
the release-built CLI (or $PREFLIGHT) the way a hidden harness would and
reports every disagreement. An expected {"valid": false} matches any answer
with "valid": false: the error text is ours to word.
"""

import json
import os
import pathlib
import subprocess
import sys

sys.set_int_max_str_digits(0)

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PREFLIGHT", str(ROOT / ".build/release/preflight"))


def run_tool(tool, requests):
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests)
    result = subprocess.run([BINARY, "debug", tool], input=payload.encode("utf-8"),
                            capture_output=True, timeout=900)
    lines = result.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(requests):
        print(f"{tool}: {len(requests)} requests but {len(lines)} answers "
              f"(exit {result.returncode}): {result.stderr.decode()[:500]}")
    return [json.loads(line) for line in lines]


def agrees(want, got):
    if want.get("valid") is False:
        return got.get("valid") is False
    return want == got


def compare(tool, cases, show=15):
    """Runs `cases` ([(request, expected)]) and returns the disagreeing ones."""
    answers = run_tool(tool, [request for request, _ in cases])
    mismatches = []
    for (request, want), got in zip(cases, answers):
        if not agrees(want, got):
            mismatches.append((request, want, got))
    for request, want, got in mismatches[:show]:
        print("request: ", json.dumps(request, ensure_ascii=False)[:400])
        print("  expected:", json.dumps(want, ensure_ascii=False)[:400])
        print("  actual:  ", json.dumps(got, ensure_ascii=False)[:400])
    print(f"{tool}: {len(cases) - len(mismatches)}/{len(cases)} agree")
    return mismatches


def append_split(prefix, rows):
    """Appends (request, expected) rows to `<prefix>.requests.jsonl` and
    `<prefix>.responses.jsonl`, in the committed vectors' format."""
    with open(prefix + ".requests.jsonl", "a", encoding="utf-8") as requests, \
            open(prefix + ".responses.jsonl", "a", encoding="utf-8") as responses:
        for request, expected in rows:
            requests.write(json.dumps(request) + "\n")
            responses.write(json.dumps(expected, ensure_ascii=False) + "\n")


# Scalars that Swift's grapheme clustering glues to their neighbours (combining
# marks, joiners, variation selectors, CR LF) and case-mapping oddities: a
# parser that walks Characters instead of scalars disagrees with Python on them.
UNICODE_NOISE = ["\u0301", "\u0345", "\u0308", "\u200d", "\u200c", "\ufe0f", "\U0001f3fb",
                 "\r\n", "\u0130", "\u0131", "\u017f", "\u212a", "\u03a3", "\u00df",
                 "\u1e9e", "\uff11", "\u0663", "e\u0301", "\u00e9", "\u0cbe", "\u1160",
                 "\U000e0001", "\u034f", "\u0600", "\u1c89", "\ua7cb", "\U00011f00",
                 "\U00031350", "\u30fb", "\uff65", "\u00b7", "\u0387", "\u2118", "\u212e",
                 "\u309b", "\u1885", "\u00aa", "\u2160", "\u00bd", "\U0001d7ce", "\u0e4f"]


def sprinkle(rng, text, count=1):
    """`text` with `count` scalars from UNICODE_NOISE inserted at random places."""
    for _ in range(count):
        position = rng.randint(0, len(text))
        text = text[:position] + rng.choice(UNICODE_NOISE) + text[position:]
    return text

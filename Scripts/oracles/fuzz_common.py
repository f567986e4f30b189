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

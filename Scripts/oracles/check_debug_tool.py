"""Run a `preflight debug` tool over committed vectors and report disagreements.

    $ORACLE_VENV/bin/python Scripts/oracles/check_debug_tool.py pep440 \
        Tests/PythonPackagingTests/Resources/pep440/parse

feeds `<prefix>.requests.jsonl` to `.build/debug/preflight debug <tool>` (or the
binary named by $PREFLIGHT) and compares each answer with the line of
`<prefix>.responses.jsonl`. An expected {"valid": false, ...} matches any answer
with "valid": false; the error text is ours to word.
"""

import json
import os
import subprocess
import sys

sys.set_int_max_str_digits(0)


def lines(text):
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def main():
    tool, prefix = sys.argv[1], sys.argv[2]
    binary = os.environ.get("PREFLIGHT", ".build/debug/preflight")
    with open(prefix + ".requests.jsonl", "rb") as requests:
        output = subprocess.run([binary, "debug", tool], stdin=requests,
                                capture_output=True, check=True).stdout
    requests = lines(open(prefix + ".requests.jsonl", encoding="utf-8").read())
    expected = lines(open(prefix + ".responses.jsonl", encoding="utf-8").read())
    actual = lines(output.decode("utf-8"))
    if len(actual) != len(expected):
        print(f"line count: expected {len(expected)}, got {len(actual)}")
    failures = 0
    for request, want, got in zip(requests, expected, actual):
        want, got = json.loads(want), json.loads(got)
        if want.get("valid") is False and got.get("valid") is False:
            continue
        if want != got:
            failures += 1
            if failures <= 25:
                print("request: ", request[:300])
                print("  expected:", json.dumps(want)[:300])
                print("  actual:  ", json.dumps(got)[:300])
    print(f"{prefix}: {len(expected) - failures}/{len(expected)} agree")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

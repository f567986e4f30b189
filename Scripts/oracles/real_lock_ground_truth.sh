#!/usr/bin/env bash
# Ground truth of `preflight check` for the real Poetry locks of
# Tests/PoetryTests/Resources/real-locks (written by Poetry 1.8.5 to 2.5.1), computed by
# check_ground_truth.py on the three targets, into
# Tests/PreflightTests/Resources/real-locks/<lock>/<target>.json. Offline.
# poetry-1.1.15-delta is left out: Poetry 2 rejects its pyproject (`default = true`).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-${ORACLE_VENV:-$HOME/.cache/preflight-oracles}/bin/python}
out=Tests/PreflightTests/Resources/real-locks
for project in Tests/PoetryTests/Resources/real-locks/*/; do
    name=$(basename "$project")
    [[ $name == poetry-1.1.15-delta ]] && continue
    mkdir -p "$out/$name"
    for target in debian alpine debian-arm64; do
        "$python" Scripts/oracles/check_ground_truth.py "$project" --target "$target" --stdout \
            2>/dev/null >"$out/$name/$target.json"
    done
done

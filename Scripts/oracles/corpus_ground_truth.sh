#!/usr/bin/env bash
# Ground truth of `preflight check` for the corpus cases of
# Tests/PreflightTests/Resources/corpus: real Poetry projects (locked by Poetry 1.1.15,
# 1.8.5 and 2.5.1, trimmed where possible) and damaged ones, computed by
# check_ground_truth.py into <case>/expected/<target>.json. Offline.
# A case with an error.txt is one `check` must refuse (exit 2) with that message; the
# oracle refuses it too, so it gets no expectations.
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-${ORACLE_VENV:-$HOME/.cache/preflight-oracles}/bin/python}
for project in Tests/PreflightTests/Resources/corpus/*/; do
    [[ -f $project/error.txt ]] && continue
    "$python" Scripts/oracles/check_ground_truth.py "$project" 2>/dev/null
done

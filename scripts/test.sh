#!/usr/bin/env bash
# Lint, type-check and run the whole test suite (sets up .venv first if it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/whichmodel ] || bash scripts/setup.sh
# Debian Chromium for the browser tests (idempotent; apt only, never a browser download).
bash scripts/install_browser.sh
# shellcheck disable=SC1091
. .venv/bin/activate
ruff check .
mypy
# Layers (ui -> agent -> tools -> knowledge), the core's purity and no import circles (pyproject.toml).
lint-imports --no-cache
# Known vulnerabilities in locked packages fail the build (docs/security.md).
bash scripts/audit.sh
# The evals (figures printed for the record; held-out sets are frozen, see evals/):
# the expert decision set, the conversations on the offline brain, and the same metrics for the LLM
# brain against the bundled local model on loopback (plumbing, fallback and grounding, not quality).
python -m evals.run_decisions --part all --no-fail
python -m evals.run_evals --part all --no-fail
python -m evals.run_evals --part dev --brain llm --local-llm --limit 3 --no-fail
# Last, so that its summary line closes the output.
python -m pytest "$@"

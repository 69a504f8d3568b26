#!/usr/bin/env bash
# Dependency vulnerability audit of requirements.lock (+ requirements-data.txt), policy in docs/security.md.
# Fails on any known vulnerability in a locked package unless .pip-audit-ignore.toml excepts it (with a
# reason and an unexpired date), and on any locked package the source could not audit.
# Only when no vulnerability source answers (a canary pin with a published advisory is not reported)
# does it exit 0, loudly: "audit skipped: no vulnerability source reachable".
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python}"
IGNORE_FILE=.pip-audit-ignore.toml
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
common=(--no-deps --disable-pip --progress-spinner off --timeout 30 -f json)

source_ok=""
for service in pypi osv; do
    echo "jinja2==3.1.2" > "$work/canary.txt"
    if "$PY" -m pip_audit -r "$work/canary.txt" "${common[@]}" -s "$service" -o "$work/canary-$service.json" \
            > "$work/canary-$service.log" 2>&1 || [ -s "$work/canary-$service.json" ]; then
        if "$PY" scripts/audit_policy.py canary "$work/canary-$service.json"; then
            source_ok="$service"
            break
        fi
    fi
    echo "audit: vulnerability service '$service' did not report the canary advisory (unreachable or incomplete)"
done

if [ -z "$source_ok" ]; then
    # Fallback: PyPI's project pages list the vulnerabilities of each project's latest release, so
    # pins that are the latest release are audited for real; the others are listed as not checked.
    if "$PY" scripts/audit_latest.py requirements.lock requirements-data.txt > "$work/latest.json" 2> "$work/latest.log" \
            && "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if any('vulns' in x for x in d['dependencies']) else 1)" "$work/latest.json"; then
        echo "audit: pip-audit's sources are unreachable; partial audit from PyPI's project pages"
        echo "  (a pin is checked when it is its project's latest release; the rest are listed below)"
        "$PY" scripts/audit_policy.py verdict "$work/latest.json" --partial "$IGNORE_FILE"
        exit $?
    fi
    echo "=================================================================="
    echo "audit skipped: no vulnerability source reachable"
    echo "  (pypi: the per-version JSON API did not answer; osv: unreachable; PyPI project pages: unreachable)"
    echo "  Nothing was audited. Run scripts/audit.sh where PyPI's JSON API or OSV answers."
    echo "=================================================================="
    exit 0
fi

read -r -a ignores <<< "$("$PY" scripts/audit_policy.py ignores "$IGNORE_FILE")"
echo "audit: using vulnerability service '$source_ok'"
status=0
"$PY" -m pip_audit -r requirements.lock -r requirements-data.txt "${common[@]}" -s "$source_ok" \
    "${ignores[@]}" -o "$work/audit.json" > "$work/audit.log" 2>&1 || status=$?
if [ ! -s "$work/audit.json" ]; then
    echo "audit: pip-audit failed (exit $status) without a report:"
    cat "$work/audit.log"
    exit 1
fi
"$PY" scripts/audit_policy.py verdict "$work/audit.json" "$IGNORE_FILE"

"""The dependency-audit policy (docs/security.md): read pip-audit's JSON, apply the ignore file, decide.

    python scripts/audit_policy.py canary CANARY.json        exit 0 if the source reported the canary
    python scripts/audit_policy.py ignores .pip-audit-ignore.toml   print --ignore-vuln args (fails on expired)
    python scripts/audit_policy.py verdict AUDIT.json [--partial] .pip-audit-ignore.toml

The build fails on any known vulnerability in a locked package unless the ignore file lists it with
a reason and an expiry date that has not passed, and on any locked package the source could not
audit (a partial audit is not a pass).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CANARY = "jinja2==3.1.2"
"""A pin with a published advisory (GHSA-h5c8-rqwp-cp95): a source that does not report it is not working."""
CANARY_ID = "GHSA-h5c8-rqwp-cp95"
CANARY_ALIASES = {"CVE-2024-22195"}


@dataclass(frozen=True)
class Exemption:
    id: str
    package: str
    reason: str
    expires: dt.date


class PolicyError(ValueError):
    """The ignore file is malformed or has an expired entry."""


def load_ignores(path: Path, today: dt.date | None = None) -> list[Exemption]:
    """Entries of the ignore file; PolicyError if one lacks a reason/expiry or has expired."""
    if not path.exists():
        return []
    today = today or dt.datetime.now(dt.UTC).date()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries: list[Exemption] = []
    for i, raw in enumerate(data.get("ignore", []), start=1):
        missing = [k for k in ("id", "package", "reason", "expires") if not raw.get(k)]
        if missing:
            raise PolicyError(f"{path} entry {i}: missing {', '.join(missing)}")
        expires = raw["expires"]
        if not isinstance(expires, dt.date):
            expires = dt.date.fromisoformat(str(expires))
        if expires < today:
            raise PolicyError(f"{path} entry {i} ({raw['id']} in {raw['package']}) expired on {expires}: "
                              "fix the dependency or renew the exception with a new reason")  # fmt: skip
        entries.append(Exemption(str(raw["id"]), str(raw["package"]), str(raw["reason"]), expires))
    return entries


def _deps(report: dict[str, Any]) -> list[dict[str, Any]]:
    return list(report.get("dependencies", []))


def canary_seen(report: dict[str, Any]) -> bool:
    """Whether the audit of the canary pin reported its advisory."""
    for dep in _deps(report):
        for vuln in dep.get("vulns", []):
            if vuln.get("id") == CANARY_ID or CANARY_ID in vuln.get("aliases", []):
                return True
            if set(vuln.get("aliases", [])) & CANARY_ALIASES:
                return True
    return bool(any(dep.get("vulns") for dep in _deps(report)))


def verdict(
    report: dict[str, Any], ignores: list[Exemption], partial: bool = False
) -> tuple[bool, list[str]]:
    """(passed, lines to print): known vulnerabilities not excepted, and packages not audited, fail.

    `partial` (the PyPI project-page fallback, scripts/audit_latest.py): packages that source cannot
    check are listed and counted but do not fail the build; vulnerabilities still do.
    """
    allowed = {(e.package.lower(), e.id) for e in ignores}
    lines: list[str] = []
    failed = False
    audited = skipped = 0
    for dep in _deps(report):
        name = str(dep.get("name", "?")).lower()
        if "skip_reason" in dep:
            failed = failed or not partial
            skipped += 1
            lines.append(f"NOT AUDITED {name}: {dep['skip_reason']}")
            continue
        audited += 1
        for vuln in dep.get("vulns", []):
            ids = {vuln.get("id"), *vuln.get("aliases", [])}
            if any((name, i) in allowed for i in ids):
                lines.append(f"excepted {name} {dep.get('version')}: {vuln.get('id')} (see the ignore file)")
                continue
            failed = True
            fix = ", ".join(vuln.get("fix_versions", [])) or "no fixed release"
            lines.append(f"VULNERABLE {name} {dep.get('version')}: {vuln.get('id')} (fixed in: {fix})")
    outcome = "FAILED" if failed else "no known vulnerability"
    lines.append(f"{audited} packages audited, {skipped} could not be checked here, {outcome}")
    return not failed, lines


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "canary":
        return 0 if canary_seen(json.loads(Path(args[0]).read_text())) else 1
    try:
        ignores = load_ignores(Path(args[-1]))
    except (PolicyError, ValueError, tomllib.TOMLDecodeError) as exc:
        print(f"audit: {exc}", file=sys.stderr)
        return 1
    if command == "ignores":
        print(" ".join(f"--ignore-vuln {e.id}" for e in ignores))
        return 0
    if command == "verdict":
        partial = "--partial" in args
        passed, lines = verdict(json.loads(Path(args[0]).read_text()), ignores, partial=partial)
        print("\n".join(lines))
        return 0 if passed else 1
    print(f"unknown command {command}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

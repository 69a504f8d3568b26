"""Fallback vulnerability source when pip-audit's services do not answer: PyPI's project pages.

    python scripts/audit_latest.py requirements.lock [requirements-data.txt ...] > report.json

Where only PyPI's project pages are reachable (`/pypi/<name>/json`, not the per-version pages
pip-audit asks for, nor OSV), each page's `vulnerabilities` list describes the project's latest
release. A locked pin that *is* the latest release is therefore audited for real; an older pin
cannot be checked from here and is reported with a `skip_reason`. The output has pip-audit's JSON
shape, so scripts/audit_policy.py applies the same policy (`verdict --partial`: a vulnerability
fails the build; packages that could not be checked are listed and counted, not passed silently).
"""

from __future__ import annotations

import json
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

PYPI = "https://pypi.org/pypi/{name}/json"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def pins(paths: list[Path]) -> list[tuple[str, str]]:
    """(name, version) of every `name==version` line of the requirement files."""
    seen: dict[str, tuple[str, str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            m = PIN.match(line.strip())
            if m:
                seen[m.group(1).lower()] = (m.group(1), m.group(2))
    return sorted(seen.values())


def check(client: httpx.Client, name: str, version: str) -> dict[str, Any]:
    """One dependency entry in pip-audit's JSON shape."""
    entry: dict[str, Any] = {"name": name, "version": version}
    try:
        response = client.get(PYPI.format(name=name))
    except httpx.HTTPError as exc:
        entry["skip_reason"] = f"PyPI unreachable: {type(exc).__name__}"
        return entry
    if response.status_code != 200:
        entry["skip_reason"] = f"PyPI answered HTTP {response.status_code}"
        return entry
    data = response.json()
    latest = str(data.get("info", {}).get("version", ""))
    if latest != version or "vulnerabilities" not in data:
        entry["skip_reason"] = (
            f"locked {version}, latest {latest}: only the latest release can be checked here"
        )
        return entry
    entry["vulns"] = [
        {
            "id": v.get("id"),
            "aliases": list(v.get("aliases") or []),
            "fix_versions": list(v.get("fixed_in") or []),
            "description": str(v.get("summary") or v.get("details") or "")[:200],
        }
        for v in data["vulnerabilities"]
        if not v.get("withdrawn")
    ]
    return entry


def main(argv: list[str]) -> int:
    wanted = pins([Path(a) for a in argv])
    with httpx.Client(timeout=30, follow_redirects=True) as client, ThreadPoolExecutor(16) as pool:
        deps = list(pool.map(lambda p: check(client, *p), wanted))
    json.dump({"dependencies": deps, "source": "pypi-project-pages"}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The decision core and the catalog import no LLM framework and no network client.

Checked twice: statically by the import-linter contract in pyproject.toml (`lint-imports`), and here
dynamically (importing and running the core in a fresh interpreter and looking at what got loaded).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BANNED = (
    "langchain",
    "langchain_core",
    "langchain_openai",
    "langgraph",
    "openai",
    "httpx",
    "requests",
    "aiohttp",
    "chromadb",
    "socket",
    "urllib.request",
    "http.client",
)
# The static check (no such import statement in the core's files) is an import-linter contract
# (pyproject.toml, run by scripts/test.sh); this file keeps the dynamic one.


def _banned(module: str) -> bool:
    return any(module == b or module.startswith(b + ".") for b in BANNED)


def test_the_import_contracts_name_the_same_banned_modules() -> None:
    """The contract and this test ban the same third-party modules (a module added to one is added
    to both)."""
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    pure = next(c for c in contracts["contracts"] if c["type"] == "forbidden")
    assert {"whichmodel.tools.decision", "whichmodel.tools.report", "whichmodel.knowledge.catalog"} <= set(pure["source_modules"])
    third_party = {b.split(".")[0] for b in BANNED} - {"socket", "urllib", "http"}
    assert third_party <= set(pure["forbidden_modules"])


def test_importing_and_running_the_core_loads_no_banned_module() -> None:
    code = (
        "import sys, json\n"
        "from whichmodel.tools.decision import recommend, parse_requirements\n"
        "from whichmodel.knowledge.catalog.store import load_catalog\n"
        "req = parse_requirements({'use_case': 'x', 'task_type': 'chat'})\n"
        "recommend(req, load_catalog())\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    # The standard library's email.utils imports socket for hostnames: only third-party clients count here.
    assert [m for m in loaded if _banned(m) and m.split(".")[0] not in {"socket", "urllib", "http"}] == []

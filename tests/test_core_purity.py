"""The decision core and the catalog import no LLM framework and no network client.

Checked twice: statically (every import statement in the core's files) and dynamically (importing the
core in a fresh interpreter and looking at what got loaded, which also catches indirect imports).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE_DIRS = [ROOT / "tools" / "decision", ROOT / "knowledge" / "catalog"]
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
# The catalog refresh may fetch live sources when asked (lazily, inside a function): allowed there only.
LAZY_NETWORK_OK = {ROOT / "knowledge" / "catalog" / "sources.py", ROOT / "knowledge" / "catalog" / "build.py"}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module, at_module_level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top))
    return found


def _banned(module: str) -> bool:
    return any(module == b or module.startswith(b + ".") for b in BANNED)


def test_core_files_import_nothing_banned() -> None:
    offences = []
    for folder in CORE_DIRS:
        for path in sorted(folder.rglob("*.py")):
            for module, top_level in _imports(path):
                if _banned(module) and (top_level or path not in LAZY_NETWORK_OK):
                    offences.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offences == []


def test_importing_and_running_the_core_loads_no_banned_module() -> None:
    code = (
        "import sys, json\n"
        "from tools.decision import recommend, parse_requirements\n"
        "from knowledge.catalog.store import load_catalog\n"
        "req = parse_requirements({'use_case': 'x', 'task_type': 'chat'})\n"
        "recommend(req, load_catalog())\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    # The standard library's email.utils imports socket for hostnames: only third-party clients count here.
    assert [m for m in loaded if _banned(m) and m.split(".")[0] not in {"socket", "urllib", "http"}] == []

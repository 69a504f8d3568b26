"""Kill -9 the terminal chat mid-interview; a new process with the same thread and db resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from whichmodel.agent.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _start(db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WHICHMODEL_BRAIN": "offline", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "whichmodel.ui.chat_cli", "--thread", "T", "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def _read_until(proc: subprocess.Popen[str], needle: str, timeout: float = 120) -> str:
    seen = []
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if needle in line:
            return "".join(seen)
    raise AssertionError(f"{needle!r} not seen; got:\n{''.join(seen)}")


@pytest.mark.slow
async def test_kill_and_resume(tmp_path):
    db = tmp_path / "chat.sqlite"
    proc = _start(db)
    assert proc.stdin is not None
    _read_until(proc, "Tell me what you want")
    proc.stdin.write("we need a chatbot for customer support, 2k chats a day, the chats are confidential\n")
    proc.stdin.flush()
    _read_until(proc, "monthly budget")
    proc.stdin.write("$400 a month\n")
    proc.stdin.flush()
    _read_until(proc, "Where may the model run?")  # the answer time is assumed (stated), not asked
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)

    from whichmodel.agent.service import Advisor

    async with Advisor(Settings(db_path=db, brain="offline"), retriever=None) as adv:
        state = await adv.state("T")
    assert state.slots["budget.monthly_usd"]["value"] == 400.0
    assert state.slots["volume.requests_per_month"]["value"] == 60000
    assert state.pending is not None and state.pending["field"] == "deployment"

    proc = _start(db)
    out, err = proc.communicate("within 3 seconds\nany cloud API\nyes\n", timeout=180)
    assert proc.returncode == 0, err
    assert "(resuming thread T)" in out and "Where may the model run?" in out
    assert "Shortlist:" in out and "My recommendation:" in out

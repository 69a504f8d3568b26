"""The installed console script (or `python -m ui.cli`) as a real process: validation errors exit 2
with the field path on stderr and no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import INVALID, ROOT


def _command() -> list[str]:
    script = shutil.which("whichmodel") or str(Path(sys.executable).with_name("whichmodel"))
    return [script] if Path(script).exists() else [sys.executable, "-m", "whichmodel.ui.cli"]


@pytest.mark.parametrize(
    ("name", "field_path"),
    [
        ("unknown-field.yaml", "budjet"),
        ("negative-volume.yaml", "volume.requests_per_month"),
        ("zero-latency.yaml", "latency.p95_seconds"),
        ("unknown-task-type.yaml", "task_type"),
        ("malformed.yaml", "(file)"),
    ],
)
def test_console_script_rejects_invalid_files(name: str, field_path: str) -> None:
    proc = subprocess.run(
        [*_command(), "recommend", "--requirements", str(INVALID / name)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert f"- {field_path}:" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout == ""


def test_terminal_chat_in_a_pipe_reaches_the_recommendation_and_resumes(tmp_path: Path) -> None:
    """`whichmodel chat` reading stdin: the interview to the shortlist, then the same thread resumed
    by a second process with its pending question."""
    db = tmp_path / "chat.sqlite"
    turns = "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds, the tickets are confidential\n"
    env_args = ["chat", "--db", str(db), "--thread", "t1"]
    env = {**os.environ, "WHICHMODEL_BRAIN": "offline"}
    first = subprocess.run(
        [*_command(), *env_args], input=turns, capture_output=True, text=True, cwd=ROOT, timeout=300, env=env
    )
    assert first.returncode == 0, first.stderr[-2000:]
    assert "Where may the model run?" in first.stdout
    second = subprocess.run(
        [*_command(), *env_args], input="Any cloud API is fine\nyes\n", capture_output=True, text=True,
        cwd=ROOT, timeout=300, env=env,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr[-2000:]
    assert "(resuming thread t1)" in second.stdout
    assert "Where may the model run?" in second.stdout  # the pending question, shown again
    assert "Shortlist" in second.stdout and "$" in second.stdout
    assert "Traceback" not in first.stderr + second.stderr

"""The installed console script (or `python -m ui.cli`) as a real process: validation errors exit 2
with the field path on stderr and no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import INVALID, ROOT


def _command() -> list[str]:
    script = shutil.which("whichmodel") or str(Path(sys.executable).with_name("whichmodel"))
    return [script] if Path(script).exists() else [sys.executable, "-m", "ui.cli"]


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

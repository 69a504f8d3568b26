"""A requirements file's use case states facts its fields leave out: the CLI reads them (the file's
own fields always win) and the report marks each one "read from the use case"."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner

from whichmodel.agent.use_case import read_use_case, requirements_with_use_case
from whichmodel.tools.decision.requirements import parse_requirements
from whichmodel.ui.cli import app

runner = CliRunner()

CALLS = {
    "use_case": "Transcribe customer support phone calls, about 6 minutes each, English and Spanish",
    "task_type": "speech_to_text",
    "volume": {"requests_per_month": 20000},
    "budget": {"monthly_usd": 1500},
}


def test_unset_fields_are_read_and_set_fields_win() -> None:
    raw, filled = read_use_case({**CALLS, "languages": ["en"]})
    assert raw["volume"]["audio_minutes"] == 6.0
    assert raw["volume"]["requests_per_month"] == 20000
    assert raw["languages"] == ["en"]  # the file said English only: not overridden by the prose
    assert "volume.audio_minutes" in filled and "languages" not in filled
    assert "task_type" not in filled and "use_case" not in filled


def test_only_changed_values_are_reported() -> None:
    req = parse_requirements(CALLS)
    read, _raw, changed = requirements_with_use_case(req, CALLS)
    assert read.volume.audio_minutes == 6.0
    assert set(read.languages) == {"en", "es"}
    assert changed[0] == "volume.audio_minutes" and "languages" in changed
    plain = {"use_case": "Chat with visitors on our website", "task_type": "chat"}
    same, _, none = requirements_with_use_case(parse_requirements(plain), plain)
    assert none == [] and same == parse_requirements(
        plain
    )  # "English" read from English prose changes nothing


def test_cli_costs_the_minutes_the_use_case_states(tmp_path: Path) -> None:
    path = tmp_path / "calls.yaml"
    path.write_text(yaml.safe_dump(CALLS), encoding="utf-8")
    md = runner.invoke(app, ["recommend", "-r", str(path)])
    assert md.exit_code == 0, md.stderr
    assert "read from the use case: volume.audio_minutes = 6.0" in md.stderr
    assert "6 (read from the use case)" in md.stdout
    assert "6 minute(s) of audio per request" in md.stdout
    assert "1 minute(s) of audio per request (assumed" not in md.stdout
    js = runner.invoke(app, ["recommend", "-r", str(path), "-f", "json"])
    data = json.loads(js.stdout)
    assert "volume.audio_minutes" in data["read_from_use_case"]
    assert "volume.audio_minutes" not in data["defaults_assumed"]
    assert data["requirements"]["volume"]["audio_minutes"] == 6.0

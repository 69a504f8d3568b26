"""`whichmodel` through typer's CliRunner, with the decision core replaced by a fixed Recommendation.

The core is swapped out here so that these tests check the CLI's own job (arguments, formats, files,
errors, exit codes) quickly; tests/cli/test_end_to_end.py runs the real core on the examples.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.cli.conftest import EXAMPLES, INVALID
from tests.report.fixtures import realistic_recommendation
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Recommendation
from whichmodel.ui.cli import EXIT_INVALID_INPUT, app

runner = CliRunner()


@pytest.fixture
def fake_core(monkeypatch: pytest.MonkeyPatch) -> list[Requirements]:
    """Replace the decision core; records the Requirements it was given."""
    seen: list[Requirements] = []

    def recommend_requirements(
        req: Requirements, raw: dict[str, Any] | None = None, probes: Any = None, currency: str | None = None
    ) -> Recommendation:
        seen.append(req)
        return realistic_recommendation()

    monkeypatch.setattr("whichmodel.tools.recommend.recommend_requirements", recommend_requirements)
    return seen


def test_markdown_to_stdout_by_default(fake_core: list[Requirements]) -> None:
    result = runner.invoke(app, ["recommend", "--requirements", str(EXAMPLES / "fake-news.yaml")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Model recommendation")
    assert "## Cost estimate" in result.stdout
    assert fake_core[0].budget.per_1k_requests_usd == 5  # the file was parsed and handed to the core


def test_each_format_written_to_out(fake_core: list[Requirements], tmp_path: Path) -> None:
    for fmt in ("md", "html", "json"):
        out = tmp_path / "nested" / f"report.{fmt}"
        result = runner.invoke(
            app, ["recommend", "-r", str(EXAMPLES / "fake-news.yaml"), "--format", fmt, "--out", str(out)]
        )
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""  # the report went to the file, not stdout
        assert str(out) in result.stderr
        text = out.read_text(encoding="utf-8")
        if fmt == "json":
            assert json.loads(text)["recommendations"][0]["model"] == "GPT-4o mini"
        elif fmt == "html":
            assert text.startswith("<!DOCTYPE html>") and "<svg" in text
        else:
            assert text.startswith("# Model recommendation")


def test_chart_option_writes_an_svg(fake_core: list[Requirements], tmp_path: Path) -> None:
    chart = tmp_path / "chart.svg"
    result = runner.invoke(
        app, ["recommend", "-r", str(EXAMPLES / "fake-news.yaml"), "-f", "json", "--chart", str(chart)]
    )
    assert result.exit_code == 0, result.stderr
    assert ET.parse(chart).getroot().tag.endswith("svg")
    assert json.loads(result.stdout)["catalog"]


@pytest.mark.parametrize(
    ("name", "field_path", "hint"),
    [
        ("unknown-field.yaml", "budjet", "valid fields here: use_case, task_type"),
        ("negative-volume.yaml", "volume.requests_per_month", "greater than 0"),
        ("zero-latency.yaml", "latency.p95_seconds", "greater than 0"),
        ("unknown-task-type.yaml", "task_type", "valid values: 'chat'"),
        ("malformed.yaml", "(file)", "malformed yaml"),
    ],
)
def test_invalid_files_exit_2_naming_the_field(
    fake_core: list[Requirements], name: str, field_path: str, hint: str
) -> None:
    result = runner.invoke(app, ["recommend", "-r", str(INVALID / name)])
    assert result.exit_code == EXIT_INVALID_INPUT
    assert f"  - {field_path}: " in result.stderr and hint in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert fake_core == []  # the core never ran


def test_missing_file_and_bad_format(fake_core: list[Requirements], tmp_path: Path) -> None:
    missing = runner.invoke(app, ["recommend", "-r", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == EXIT_INVALID_INPUT and "cannot read" in missing.stderr
    bad = runner.invoke(app, ["recommend", "-r", str(EXAMPLES / "fake-news.yaml"), "-f", "pdf"])
    assert bad.exit_code == 2 and "pdf" in bad.stderr


def test_unwritable_output_exits_1(fake_core: list[Requirements], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(
        app, ["recommend", "-r", str(EXAMPLES / "fake-news.yaml"), "--out", str(blocker / "r.md")]
    )
    assert result.exit_code == 1 and "cannot write" in result.stderr


def test_json_requirements_file(fake_core: list[Requirements], tmp_path: Path) -> None:
    path = tmp_path / "req.json"
    path.write_text(
        json.dumps({"use_case": "Translate manuals", "task_type": "translation", "languages": ["de"]})
    )
    result = runner.invoke(app, ["recommend", "-r", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert fake_core[0].languages == ("de",)


def test_version_and_subcommands_are_mounted() -> None:
    version = runner.invoke(app, ["version"])
    assert version.exit_code == 0 and version.stdout.startswith("whichmodel")
    help_text = runner.invoke(app, ["--help"]).stdout
    for command in ("recommend", "catalog", "probe", "version"):
        assert command in help_text
    assert runner.invoke(app, ["catalog", "--help"]).exit_code == 0
    assert runner.invoke(app, ["probe", "--help"]).exit_code == 0

"""Every example through the real decision core and catalog: md, html and json all produced, and the
JSON top pick is a real, constraint-respecting candidate."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from tests.cli.conftest import EXAMPLES
from whichmodel.ui.cli import app

runner = CliRunner()
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def test_the_issue_examples_exist() -> None:
    names = {p.stem for p in EXAMPLE_FILES}
    assert {
        "fake-news",
        "techgen",
        "confidential-selfhost",
        "zh-customer-service",
        "coding-assistant",
        "image-document-extraction",
    } <= names


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_produces_every_format(path: Path, tmp_path: Path) -> None:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    outputs = {}
    for fmt in ("md", "html", "json"):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(app, ["recommend", "-r", str(path), "-f", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        outputs[fmt] = out.read_text(encoding="utf-8")

    data = json.loads(outputs["json"])
    assert data["recommendations"], f"{path.name}: no recommendation; relaxations: {data['relaxations']}"
    top = data["recommendations"][0]
    assert top["rank"] == 1 and top["model"] and top["reasons"]
    assert top["self_hosted"] or top["offering_id"]
    budget = data["effective_monthly_budget_usd"]
    if budget is not None and top["monthly_cost_usd"] is not None:
        assert top["monthly_cost_usd"] <= budget + 1e-9
    if raw.get("deployment", {}).get("self_host"):
        assert top["self_hosted"] is True and top["offering_id"] is None

    zh = raw.get("languages", ["en"])[0] == "zh"
    assert ("## 推荐结论" if zh else "## Recommendation") in outputs["md"]
    assert top["model"].split()[0] in outputs["md"]
    html = outputs["html"]
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    ET.fromstring(html[start:end])  # the inline chart is well-formed XML
    assert "<script" not in html

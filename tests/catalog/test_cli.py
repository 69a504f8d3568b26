"""The typer sub-app, driven through typer's runner against the committed snapshot."""

from __future__ import annotations

from typer.testing import CliRunner

from knowledge.catalog.cli import app

runner = CliRunner()


def test_search_lists_models() -> None:
    result = runner.invoke(app, ["search", "qwen3 32b", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("qwen3-32b")


def test_show_card_has_prices_ratings_and_rule() -> None:
    result = runner.invoke(app, ["show", "anthropic:claude-opus-4-6"])
    assert result.exit_code == 0, result.output
    assert "claude-opus-4.6" in result.output
    assert "open weights: False" in result.output and "rule:" in result.output
    assert "[models.dev " in result.output  # price with source and date
    assert "[lmarena " in result.output and "CC BY 4.0" in result.output


def test_show_unknown_fails_with_suggestions() -> None:
    result = runner.invoke(app, ["show", "definitely-not-a-model-xyz"])
    assert result.exit_code == 1

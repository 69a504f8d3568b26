"""The typer sub-app, driven through typer's runner against the committed snapshot."""

from __future__ import annotations

from typer.testing import CliRunner

from whichmodel.knowledge.catalog.cli import app

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


def test_show_json_is_the_canonical_model_for_an_alias_or_offering() -> None:
    import json

    result = runner.invoke(app, ["show", "gemma-4-26b-a4b", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["key"] == "gemma-4-26b-a4b-it" and "gemma-4-26b-a4b" in data["aliases"]
    for field in (
        "name",
        "maker",
        "open_weights",
        "input_modalities",
        "output_modalities",
        "status",
        "retirement_date",
        "release_precision",
        "ratings",
        "offerings",
    ):
        assert field in data
    assert set(data["ratings"]["overall"]) == {"elo", "lower", "upper"}
    offering = data["offerings"][0]
    assert set(offering) >= {
        "offering_id",
        "provider",
        "tier",
        "region",
        "input_price_per_m",
        "output_price_per_m",
        "price_unit",
        "plausible",
        "plausibility_ratio",
    }
    by_offering = json.loads(runner.invoke(app, ["show", "unorouter:gpt-5.5", "--format", "json"]).output)
    assert by_offering["key"] == "gpt-5.5"
    uno = next(o for o in by_offering["offerings"] if o["offering_id"] == "unorouter:gpt-5.5")
    assert uno["tier"] == "aggregator" and uno["plausible"] is False


def test_refresh_prints_and_writes_its_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["refresh", "--out-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "unmatched arena entries" in result.output and "models with contradictions" in result.output
    report = (tmp_path / "refresh-report.md").read_text(encoding="utf-8")
    assert "## Unmatched arena entries" in report and "## Contradictions" in report
    assert "gpt-oss-120b" in report  # the resellers' image flags are listed, not merged

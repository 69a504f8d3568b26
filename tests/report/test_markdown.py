"""Markdown report on hand-built Recommendations: sections, numbers, missing values, language."""

from __future__ import annotations

import re

from tests.report.fixtures import (
    HOSTILE,
    RAW_REQUIREMENTS,
    chinese_recommendation,
    empty_recommendation,
    hostile_recommendation,
    realistic_recommendation,
)
from whichmodel.tools.report import render_markdown

EN_SECTIONS = [
    "## Recommendation",
    "## Top picks and trade-offs",
    "## Requirements as understood",
    "### Defaults assumed",
    "## What was eliminated and why",
    "## Cost vs quality",
    "## Cost estimate",
    "## Self-hosting estimate",
    "## Adaptation path",
    "## Risks and next steps",
    "## Data sources and dates",
    "## Framework references",
]


def test_every_section_is_present_in_order() -> None:
    md = render_markdown(realistic_recommendation())
    positions = [md.index(h) for h in EN_SECTIONS]
    assert positions == sorted(positions)


def test_top_three_get_details_with_tradeoffs() -> None:
    md = render_markdown(realistic_recommendation())
    assert "### #1 GPT-4o mini \u2014 openai:gpt-4o-mini" in md
    assert "### #2 Qwen3-32B \u2014 self-hosted (L40S)" in md
    assert "### #3 Gemini 2.0 Flash-Lite" in md
    assert "### #4" not in md  # the 4th is in the table only
    assert "- Proprietary: data leaves your infrastructure" in md


def test_cost_table_numbers_prices_source_and_date() -> None:
    md = render_markdown(realistic_recommendation())
    row = next(line for line in md.splitlines() if line.startswith("| GPT-4o mini | openai:gpt-4o-mini |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    # per request, per 1,000, per month, input, output, cache read, source, date
    assert cells[2:] == [
        "$0.000093",
        "$0.093",
        "$2.79",
        "$0.15",
        "$0.60",
        "$0.075",
        "models.dev",
        "2026-08-18",
    ]


def test_missing_values_are_named_never_zero() -> None:
    md = render_markdown(realistic_recommendation())
    llama = next(line for line in md.splitlines() if line.startswith("| 4 | Llama 3.3 70B"))
    assert "n/a (no price in catalog)" in llama and "$0" not in llama
    gemini = next(line for line in md.splitlines() if line.startswith("| 3 | Gemini 2.0 Flash-Lite"))
    assert "n/a (unrated)" in gemini
    assert not re.search(r"\| 0 \|", llama + gemini)


def test_self_hosting_table_has_memory_gpus_throughput_and_break_even() -> None:
    md = render_markdown(realistic_recommendation())
    section = md[md.index("## Self-hosting estimate") : md.index("## Adaptation path")]
    assert "| GPU | L40S |" in section
    assert "32.8 GB + 2.1 GB + 3.5 GB = 38.4 GB" in section
    assert "| GPUs per replica | 1 |" in section
    assert "| Decode bound (tokens/s per stream) | 26 |" in section
    assert "| Monthly cost | $788.40 |" in section
    assert "4,200,000 (vs deepinfra:Qwen/Qwen3-32B)" in section


def test_requirements_mark_defaults_and_show_the_effective_budget() -> None:
    md = render_markdown(realistic_recommendation())
    # Plain names, with the requirements-file path beside them in English.
    assert "| Budget per 1,000 requests (`budget.per_1k_requests_usd`) | $5.00 |" in md
    assert "| Tool calling (`needs.tool_calling`) | no (default) |" in md
    assert "| Requests per month (`volume.requests_per_month`) | 30,000 |" in md
    assert "| effective monthly budget | $150.00 |" in md  # $5 per 1,000 x 30,000 requests


def test_eliminations_counts_and_attribution_and_citations() -> None:
    md = render_markdown(realistic_recommendation())
    # What is counted is said: models (each once), out of models and the offerings behind them.
    assert "1,420 models considered (6,712 offerings, the ways to buy them); 849 models eliminated" in md
    assert "| Reason | Models | Examples |" in md
    assert "| Over budget | 812 | GPT-4o, Claude Opus 4 |" in md  # the label, not the code
    assert "licensed CC BY 4.0" in md
    assert "**[adaptation#fine-tuning] Fine-tuning**" in md
    citation = next(line for line in md.splitlines() if line.startswith("- **[adaptation#fine-tuning]"))
    assert len(citation) < 400 and citation.endswith("\u2026")  # quoted, not pasted whole


def test_empty_result_shows_relaxations_and_no_top_section() -> None:
    md = render_markdown(empty_recommendation())
    assert "No model satisfies every constraint." in md
    assert "## Top picks" not in md
    assert "## What relaxing a constraint would allow" in md
    assert "A budget of $1.35/month admits Gemini 2.0 Flash-Lite" in md
    assert "Probe the shortlist" in md  # next steps fall back to the standard advice


def test_chinese_requirements_give_chinese_labels() -> None:
    md = render_markdown(chinese_recommendation())
    for heading in (
        "# 模型推荐报告",
        "## 推荐结论",
        "## 首选模型与权衡",
        "## 成本估算",
        "## 自托管估算",
        "## 数据来源与日期",
    ):
        assert heading in md
    assert "无数据（目录中无价格）" in md
    assert "## Cost estimate" not in md


def test_hostile_names_cannot_inject_html_or_break_tables() -> None:
    md = render_markdown(hostile_recommendation())
    assert HOSTILE not in md
    assert "&lt;script>alert(1)&lt;/script>" in md
    assert "Use &lt;script>alert(1)&lt;/script> | now" in md  # paragraphs keep pipes
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert row.count(" | ") == 6  # still 7 cells: no unescaped pipe from the data


def test_rendering_is_deterministic() -> None:
    assert render_markdown(realistic_recommendation()) == render_markdown(realistic_recommendation())


def test_image_markup_from_a_requirements_file_cannot_make_a_viewer_fetch() -> None:
    """A use case from a CLI requirements file is shown as text: no Markdown image survives."""
    raw = {**RAW_REQUIREMENTS, "use_case": "Tickets ![pixel](http://evil.example/p.png) <img src=x>"}
    md = render_markdown(realistic_recommendation(raw))
    assert "![" not in md and "<img" not in md
    assert "pixel" in md  # the words stay


def test_every_requirement_field_has_a_plain_name_in_both_languages() -> None:
    from whichmodel.tools.decision.requirements import Requirements
    from whichmodel.tools.report.fields import FIELDS

    raw = Requirements.model_validate({"use_case": "x", "task_type": "chat"}).model_dump(mode="json")

    def paths(value: object, prefix: str = "") -> list[str]:
        if isinstance(value, dict):
            return [prefix.rstrip(".")] * bool(prefix) + [
                p for k, v in value.items() for p in paths(v, f"{prefix}{k}.")
            ]
        return [prefix.rstrip(".")]

    missing = sorted(set(paths(raw)) - set(FIELDS))
    assert missing == []
    assert all(en and zh and en != zh for en, zh in FIELDS.values())

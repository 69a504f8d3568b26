"""A risk the decision carries for a shortlist row is shown next to the model in every table
(expert review 6, s02/s07: Kimi K3's China-jurisdiction risk was in the JSON only)."""

from __future__ import annotations

from typing import Any

from tests.decision.conftest import TEXT_CATS as CATS
from tests.decision.conftest import build_catalog, model, offering
from whichmodel.tools.decision import Requirements, recommend
from whichmodel.tools.report import render_html, render_markdown


def _rec(lang: Any = "en") -> Any:
    cn = [offering("moonshotai:kimi", "kimi", inp=1, out=2)]
    us = [offering("acme:big", "big", inp=2, out=4)]
    cat = build_catalog(
        [
            (model("kimi", cn, ratings={c: 1400 for c in CATS}), cn),
            (model("big", us, ratings={c: 1410 for c in CATS}), us),
        ]
    )
    req = Requirements.model_validate(
        {
            "use_case": "answer questions from our rulebook",
            "task_type": "qa",
            "languages": ["en"],
            "volume": {"requests_per_month": 1000, "input_tokens": 1000, "output_tokens": 100},
            "data": {"sensitivity": "internal"},
        }
    )
    return recommend(req, cat, lang=lang)


def test_a_jurisdiction_risk_is_next_to_the_model_in_the_markdown_and_html_shortlist() -> None:
    rec = _rec()
    kimi = next(c for c in rec.recommendations if c.model_key == "kimi")
    assert kimi.risk_codes[0].code.startswith("foreign_jurisdiction")
    label = "KIMI (⚠ internal business data would go to a provider under the law of China)"
    assert kimi.warnings == ["internal business data would go to a provider under the law of China"]
    md = render_markdown(rec)
    assert any(line.startswith("| ") and label in line for line in md.splitlines()), md
    assert "KIMI (⚠ internal business data would go to a provider under the law of China)" in render_html(rec)
    zh = next(c for c in _rec("zh").recommendations if c.model_key == "kimi")
    assert zh.warnings and "中国" in zh.warnings[0]

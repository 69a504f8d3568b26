"""Reports show the accuracy-first decision: provider tier, ratings used, latency in seconds with its
basis, thinking and caching assumptions, the quality and value picks (EN and ZH, Markdown, HTML, JSON)."""

from __future__ import annotations

import json
from typing import Any

from tests.decision.conftest import build_catalog, model, offering, rating, req
from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision import Requirements, recommend
from whichmodel.tools.report import render_html, render_json, render_markdown

CATS = ("instruction_following", "overall", "hard_prompts", "math", "expert")


def _catalog() -> Catalog:
    strong = [offering("acme:strong", "strong", inp=10, out=30, reasoning=True),
              offering("agg:strong", "strong", inp=5, out=15, tier="aggregator")]  # fmt: skip
    mid = [offering("host:mid", "mid", inp=1, out=2, tier="host")]
    entries = []
    for key, offs, score in (("strong", strong, 1600), ("mid", mid, 1500)):
        m = model(key, offs).model_copy(update={"ratings": {c: rating(c, score) for c in CATS}})
        entries.append((m, offs))
    return build_catalog(entries)


def _req(**kw: Any) -> Requirements:
    """An olympiad maths tutor at 10,000 requests a month of 20,000 tokens in, 500 out (`req` over it)."""
    base: dict[str, Any] = {"use_case": "olympiad math tutoring", "task_type": "reasoning",
                            "volume": {"requests_per_month": 10_000, "input_tokens": 20_000, "output_tokens": 500}}  # fmt: skip
    return req(**{**base, **kw})


def test_markdown_shows_tier_seconds_ratings_picks_and_assumptions() -> None:
    md = render_markdown(recommend(_req(), _catalog()))
    assert "**Quality pick**: STRONG — acme:strong (maker)" in md
    assert "**Value pick (try next on your examples)**: MID — host:mid (host)" in md
    assert "| Provider tier |" in md and "| maker |" in md
    assert "**Ratings used**: math 1,600" in md
    assert "Latency p95 (est.)" in md and " s |" in md
    assert "tokens/s" in md  # the basis of the seconds
    assert "16,000 hidden thinking tokens per request" in md  # olympiad maths: a hard-problem budget
    assert "prompt caching is not applied" in md
    assert "agg:strong (aggregator" in md  # also sold by, not recommended
    assert "Latency class" not in md


def test_chinese_report_and_html_carry_the_same_picks() -> None:
    rec = recommend(_req(languages=["zh", "en"]), _catalog())
    md = render_markdown(rec)
    assert "**质量之选**" in md and "**性价比之选（接下来在您的样例上试用）**" in md
    assert "隐藏思考 token" in md
    html = render_html(rec)
    assert "acme:strong" in html and "host:mid" in html


def test_json_carries_the_decision_as_codes() -> None:
    data = json.loads(render_json(recommend(_req(), _catalog())))
    assert data["quality_pick"]["model_key"] == "strong"
    assert data["value_pick"]["model_key"] == "mid"
    top = data["recommendations"][0]
    assert top["tier"] == "maker" and top["latency"]["p95_seconds"] > 0
    assert [u["category"] for u in top["ratings_used"]][:1] == ["math"]
    assert top["also_sold_by"][0]["offering_id"] == "agg:strong"
    assert any(r["code"] == "thinking_tokens" for r in data["assumptions"])
    assert any(s["code"] == "step_probe" for s in data["step_codes"])


def test_chinese_self_hosting_assumptions_and_attribution_are_chinese() -> None:
    from whichmodel.tools.decision.result import Recommendation

    offs = [offering("host:open", "open", tier="host", open_flag=True)]
    m = model("open", offs, open_weights=True, params=(8, 8))
    m = m.model_copy(update={"ratings": {c: rating(c, 1500) for c in CATS}})
    rec = recommend(
        _req(languages=["zh"], deployment={"self_host": True}, use_case="奥数辅导"),
        build_catalog([(m, offs)]),
        lang="zh",
    )
    hosted = [c.self_host for c in rec.recommendations if c.self_host is not None]
    assert hosted and all("KV 缓存" in " ".join(s.assumptions) for s in hosted)
    assert not any("weights (" in a or "overhead:" in a for s in hosted for a in s.assumptions)
    lmarena = rec.catalog[0].model_copy(update={"id": "lmarena", "attribution": "Ratings: LMArena ..."})
    md = render_markdown(Recommendation.model_validate({**rec.model_dump(), "catalog": [lmarena.model_dump()]}))
    assert "评分：LMArena 排行榜" in md and "Ratings: LMArena" not in md


def test_reports_and_chat_say_plainly_when_no_candidate_is_rated_for_a_needed_capability() -> None:
    """Agentic coding (no public rating measures it) for a Portuguese-speaking team (no rating
    category): the Markdown and HTML reports, in English and Chinese, and the chat summary say there
    is no evidence for either, by name (no raw code)."""
    asked = _req(use_case="a coding agent that fixes bugs across our repository", task_type="agent",
                 languages=["pt", "en"])  # fmt: skip
    en = recommend(asked, _catalog(), lang="en")
    zh = recommend(asked, _catalog(), lang="zh")
    for text in (render_markdown(en), render_html(en)):
        assert "no public rating covers Portuguese" in text.replace("No public", "no public")
        assert "agentic coding" in text and "agentic_coding" not in text and "language:pt" not in text
    for text in (render_markdown(zh), render_html(zh)):
        assert "葡萄牙语" in text and "智能体编程" in text and "没有公开评分可依据" in text
        assert "agentic_coding" not in text
    assert "No public rating covers Portuguese" in en.summary  # the chat shows the summary
    assert "没有公开评分可依据" in zh.summary
    codes = json.loads(render_json(en))["risk_codes"]
    # the fixture rates no model on coding either: that is a gap too
    gaps = {"code": "no_evidence_risk", "params": {"capabilities": ["language:pt", "coding", "agentic_coding"]}}
    assert gaps in codes

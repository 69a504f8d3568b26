"""Session 19, from expert22's open items: thinking that takes an effort level, never a token budget
(N-8), and "the strongest that fits" measured among lasting models when the top-rated one is a preview
or retiring (N-3, tw_gov)."""

from __future__ import annotations

from typing import Any

import pytest

from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.ranking import Entry, Quality, order
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Reason
from whichmodel.tools.decision.thinking import adaptive_only

from .conftest import req
from .test_review_session18 import S02

# --- N-8: adaptive-only thinking ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "adaptive"),
    [("claude-fable-5", True), ("claude-opus-4.7", True), ("claude-opus-4.8", False), ("claude-mythos-5", True),
     ("claude-sonnet-5", True), ("claude-opus-5", True), ("claude-opus-4.6", False), ("claude-sonnet-4", False),
     ("gemini-3.7-flash", False), ("gpt-5", False)],
)  # fmt: skip
def test_which_models_take_an_effort_level_and_no_token_budget(key: str, adaptive: bool) -> None:
    assert adaptive_only(key) is adaptive


def test_a_capped_adaptive_model_is_told_to_lower_its_effort_not_to_set_a_budget() -> None:
    params: dict[str, Any] = {"model": "Claude Fable 5", "cap": 2395, "usual": 8000, "effort": "High", "rated": 8000,
                              "p95": 120.0, "target": 120.0}  # fmt: skip
    budget = Reason(code="capped_quality_unverified", params={**params, "adaptive": False})
    effort = Reason(code="capped_quality_unverified", params={**params, "adaptive": True})
    assert "capped at 2,395 tokens" in say("en", budget)
    en, zh = say("en", effort), say("zh", effort)
    assert "low effort level" in en and "estimate" in en and "capped at 2,395" not in en
    assert "推理强度" in zh and "估算" in zh
    cost = Reason(code="thinking_tokens", params={"tokens": 2395, "assumed": True, "model": "Claude Fable 5",
                                                   "capped_for": 120.0, "adaptive": True})  # fmt: skip
    assert "no thinking-token budget" in say("en", cost) and "thinking budget or" not in say("en", cost)


def test_the_long_data_room_plan_sets_an_effort_level_for_claude_5_models() -> None:
    s07 = {"use_case": "M&A due diligence: read a full data-room bundle in one prompt and answer the deal team's "
           "questions with references to the documents", "task_type": "qa", "languages": ["en"],
           "volume": {"requests_per_month": 3000, "input_tokens": 450_000, "output_tokens": 2000,
                      "cached_input_fraction": 0.8},
           "budget": {"monthly_usd": 15_000}, "latency": {"p95_seconds": 120}, "context_tokens": 500_000,
           "needs": {"reasoning": True}, "data": {"proprietary_knowledge": True, "sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(s07), load_catalog())
    capped = {c.model_key: r for c in rec.recommendations for r in c.risk_codes if r.code == "capped_quality_unverified"}
    assert capped, "the 120 s target caps some thinking model"
    for key, reason in capped.items():
        assert reason.params["adaptive"] is adaptive_only(key), key
    assert any(adaptive_only(k) for k in capped)


# --- N-3: the strongest that fits names what it was preferred to ----------------------------------


def test_the_strongest_that_fits_is_measured_among_the_lasting_when_the_top_is_a_preview() -> None:
    # tw_gov: the 91.7 preview's tier was reached by Gemma 4 31B (86.4, a wide 83-90) and not by Gemini
    # 3.5 Flash Lite (86.8, a narrow 85.0-88.6): the quality pick was the lower-rated of the two
    preview = Entry(key="preview", quality=Quality(91.7, 90.5, 93.0, (), ()), monthly=490, p95=1.0, preview=True)
    wide = Entry(key="wide", quality=Quality(86.4, 83.0, 90.5, (), ()), monthly=130, p95=1.0)
    narrow = Entry(key="narrow", quality=Quality(86.8, 85.0, 88.6, (), ()), monthly=350, p95=1.0)
    cheap = Entry(key="cheap", quality=Quality(85.3, 82.0, 89.0, (), ()), monthly=118, p95=1.0)
    balanced = order(req(priority="balanced"), [preview, wide, narrow, cheap])
    assert balanced.quality == "narrow" and balanced.value == "cheap"
    # paraphrase: quality first, the higher-rated lasting model is in the tier and a dead heat is judged
    # between the lasting peers (0.4 points, 2.7x the price: the cheaper one leads, said as a dead heat)
    quality = order(req(priority="quality"), [preview, wide, narrow, cheap])
    assert "narrow" in quality.tier and quality.entries[-1].key != "narrow"
    # a top without a warning keeps its own tier: nothing joins it
    stable_top = Entry(key="top", quality=Quality(91.7, 90.5, 93.0, (), ()), monthly=490, p95=1.0)
    assert "narrow" not in order(req(priority="quality"), [stable_top, wide, narrow, cheap]).tier



# --- expert23: a Claude 5 model thinks by default: thinking off is sent explicitly -----------------


@pytest.mark.parametrize(("key", "how"), [("claude-sonnet-5", "explicit"), ("claude-opus-5", "explicit"),
                                          ("claude-opus-4.7", "omit"), ("claude-opus-5.5", None)])  # fmt: skip
def test_a_claude_5_model_is_told_to_send_thinking_disabled(key: str, how: str | None) -> None:
    from whichmodel.tools.decision.thinking import off_setting

    assert off_setting(key) == how


def test_the_hospital_plan_on_sonnet_5_says_to_send_thinking_disabled() -> None:
    # s02's value pick was Claude Sonnet 5 through Bedrock; since its tokenizer is costed (session 20) it is
    # no longer on the shortlist, so its costed plan is read from its offering directly, with thinking off
    # (no reasoning stated)
    from whichmodel.tools.decision.cost import cost_assumptions

    catalog, req02 = load_catalog(), Requirements.model_validate({**S02, "needs": {"reasoning": False}})
    offering = next(o for o in catalog.offerings_of("claude-sonnet-5") if o.provider == "amazon-bedrock")
    off = [a for a in cost_assumptions(req02, offering, catalog.model_of(offering.id)) if a.code == "thinking_off"]
    assert off and all(a.params.get("off_how") == "explicit" for a in off)
    assert all("thinks by default" in say("en", a) and "only when asked" not in say("en", a) for a in off)


# --- expert23 N-C: a Taiwan agency's bar on models made in mainland China ---------------------------


def test_a_taiwan_agency_summary_names_no_model_made_in_mainland_china_as_passed_over() -> None:
    hotline = {"use_case": "臺北市政府 1999 市民熱線 AI 客服助理：以繁體中文回答市民關於各局處業務、申辦流程等問題，"
               "依據本府公開的業務手冊回答；對話可能包含市民姓名、身分證字號、地址與電話",
               "task_type": "chat", "languages": ["zh"], "priority": "balanced", "location": "tw",
               "volume": {"requests_per_month": 200_000, "input_tokens": 2500, "output_tokens": 400},
               "budget": {"monthly_usd": 2000}, "latency": {"p95_seconds": 8}, "context_tokens": 16_000,
               "needs": {"tool_calling": True}, "data": {"proprietary_knowledge": True, "sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(hotline), load_catalog())
    codes = {r.code: r for r in rec.summary_codes}
    named = [str(codes[c].params.get("model", "")) for c in ("strongest", "china_law_passed_over", "cn_passed_over")
             if c in codes]  # fmt: skip
    also = codes["also_retiring"].params["models"] if "also_retiring" in codes else []
    named += [str(m) for m in also] if isinstance(also, list) else []
    assert "also_retiring" in codes and "strongest" in codes  # the Gemini models retiring soon are still named
    assert not any(n.startswith(("Kimi", "Qwen", "DeepSeek", "GLM")) for n in named), named
    assert "china_law_passed_over" not in codes
    # paraphrase: the same hotline run by a private company is not barred: Chinese-law providers may be named
    private = {**hotline, "use_case": "連鎖餐廳的線上客服：以繁體中文回答訂位與菜單問題，對話可能包含顧客姓名與電話"}
    assert recommend(Requirements.model_validate(private), load_catalog()).quality_pick is not None

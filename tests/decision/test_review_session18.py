"""Session 18: the expert21 review of the session-17 decision core (D-2 to D-8).

- D-3/D-6: a thinking-off plan says how thinking is turned off where that is not a plain flag
  (`thinking.OFF_SETTINGS`: Claude Opus 4.7 runs without thinking when the field is left out and
  refuses an explicit 'disabled'; Gemini 3.x Flash has no 'off', only 'minimal').
- D-2/D-4: a model retiring within six months is held last (`engine.IMMINENT_DAYS`), and the model
  to migrate to outlives the one it replaces by a year (`ranking.MIGRATION_DAYS`).
- D-5: a clinic whose rented GPUs are over budget gets the bought workstation as its recommendation
  (tests/decision/test_review_session17.py, `test_an_on_premises_clinic...`).
- D-7: dropping a retiring leader does not lower the balanced margin (`order(anchor=...)`), and a
  stable model only on a provider's preview listing is provisional.
- D-8: no lower-rated value pick when the quality pick's whole bill is trivial (`ranking.min_saving`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.ranking import MIGRATION_DAYS, Entry, Quality, min_saving, order
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Reason
from whichmodel.tools.decision.thinking import off_setting

from .conftest import AS_OF, build_catalog, model, offering, req
from .conftest import TEXT_CATS as CATS

BIG = {"requests_per_month": 100_000, "input_tokens": 1000, "output_tokens": 100}
S02: dict[str, Any] = {
    "use_case": "Clinical decision-support assistant for hospital physicians: answer drug dosing, interaction "
    "and guideline questions from our curated clinical guideline library; wrong answers can harm patients",
    "task_type": "qa", "languages": ["en"], "location": "us",
    "volume": {"requests_per_month": 30_000, "input_tokens": 6000, "output_tokens": 700},
    "budget": {"monthly_usd": 5000}, "latency": {"p95_seconds": 20}, "accuracy_target": 0.98,
    "needs": {"reasoning": True}, "data": {"sensitivity": "confidential"},
}  # fmt: skip
"""expert14's s02: clinical decision support on US patient data, a 20 s answer-time target."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# --- D-3/D-6: how thinking is turned off --------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "how"),
    [("claude-opus-4.7", "omit"), ("claude-opus-4.8", "omit"), ("gemini-3.5-flash", "minimal"),
     ("gemini-3-flash-preview", "minimal"), ("gemini-3.5-flash-lite", "minimal"), ("claude-opus-4.6", None),
     ("gemini-3.7-flash", None), ("deepseek-v4-pro", None)],
)  # fmt: skip
def test_the_way_thinking_is_turned_off_is_the_makers(key: str, how: str | None) -> None:
    assert off_setting(key) == how


def test_a_thinking_off_assumption_says_how_for_each_kind_of_model() -> None:
    base = {"model": "M", "tokens": 1000.0, "monthly": 10.0, "seconds": 1.0}
    omit = say("en", Reason(code="thinking_off", params={**base, "off_how": "omit"}))
    assert "leave the thinking setting out of the request" in omit and "thinks only when asked" in omit
    minimal = say("en", Reason(code="thinking_off", params={**base, "off_how": "minimal"}))
    assert "\u201cminimal\u201d" in minimal and "no \u201coff\u201d" in minimal and "thinks only when asked" not in minimal
    plain = say("en", Reason(code="thinking_off", params=base))
    # no claim about a model whose default is not known (expert23: Claude Sonnet 5 thinks by default)
    assert plain.startswith("M: thinking off assumed (thinking turned off in the request: check whether")
    zh = say("zh", Reason(code="thinking_off", params={**base, "off_how": "omit"}))
    assert "显式的关闭设置会被拒绝" in zh and "disabled" not in zh


def test_a_clinical_pick_planned_without_thinking_on_gemini_flash_says_minimal(catalog: Catalog) -> None:
    # at s02's 20 s the Flash models keep their thinking floor since session 20 (a guessed speed keeps an
    # estimate up to 50% over): at 12 s they are still planned with thinking off
    rec = recommend(Requirements.model_validate({**S02, "latency": {"p95_seconds": 12}}), catalog)
    flash = [c for c in rec.recommendations if c.model_key.startswith("gemini-3") and "flash" in c.model_key
             and any(r.code == "capped_quality_unverified" and r.params.get("cap") == 0 for r in c.risk_codes)]  # fmt: skip
    assert flash, "a Gemini Flash planned with thinking off is on the shortlist"
    assert all("thinking at its lowest level, \u201cminimal\u201d" in c.warnings for c in flash)
    assert "thinking turned off" not in " ".join(w for c in flash for w in c.warnings)


# --- D-2/D-4: six months, and a migration target that outlives its source -------------------------


def _entry(key: str, value: float, monthly: float, days_left: int | None = None, retiring: bool = False) -> Entry:
    return Entry(key=key, quality=Quality(value, value - 2, value + 2, (), ()), monthly=monthly, p95=1.0,
                 retiring=retiring, days_left=days_left)  # fmt: skip


def test_the_model_to_migrate_to_outlives_the_quality_pick_by_a_year_when_one_does() -> None:
    pick = _entry("pick", 95, 100, days_left=170, retiring=True)
    soon_after = _entry("soon_after", 90, 50, days_left=230)  # lasting by the six-month rule, gone two months later
    durable = _entry("durable", 88, 50)  # no announced date
    ordered = order(req(), [pick, soon_after, durable])
    assert ordered.lasting == "durable"
    # with nothing that outlives it by a year, the longest-lived lasting one is still named (its date said)
    ordered = order(req(), [pick, soon_after])
    assert ordered.lasting == "soon_after"
    assert MIGRATION_DAYS == 365


def test_a_model_retiring_within_six_months_is_not_the_quality_pick_while_a_lasting_one_passes() -> None:
    def entry(key: str, elo: float, price: float, **kw: Any) -> Any:
        offs = [offering(f"m:{key}", key, inp=price, out=2 * price)]
        return model(key, offs, ratings={c: elo for c in CATS}, **kw), offs

    catalog = build_catalog([entry("best", 1550, 1, retirement_date=AS_OF + timedelta(days=160)),
                             entry("lead", 1500, 2), entry("filler", 1200, 0.05)])  # fmt: skip
    rec = recommend(req(volume=BIG), catalog, as_of=AS_OF)
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "lead"
    assert "not proposed because it retires within six months" in rec.summary


# --- D-7: the balanced margin keeps the retiring leader's bar; preview listings -------------------


def test_the_balanced_margin_is_measured_from_a_retiring_leader_when_a_candidate_reaches_it() -> None:
    # the retiring leader (96) is held last; without it the best that passes is 90 and a 86-point
    # model at a tenth of the price would be within 5 points of it, but not of the leader's bar
    retiring = Entry(key="retiring", quality=Quality(96, 94, 98, (), ()), monthly=100, p95=1.0,
                     retiring=True, days_left=60, held=("retires_soon",))  # fmt: skip
    strong = _entry("strong", 91, 200)  # 89-93: within 5 of the leader's 94
    cheap = _entry("cheap", 85, 20)  # 83-87: within 5 of strong's 89, not of the leader's 94
    balanced = req(priority="balanced")
    with_leader = order(balanced, [retiring, strong, cheap])
    without = order(balanced, [strong, cheap])
    assert without.entries[0].key == "cheap"  # the lowered bar admits the cheap one as the #1
    assert with_leader.entries[0].key == "strong"  # the leader's bar still stands
    assert with_leader.entries[-1].key == "retiring"


def test_a_stable_model_only_on_a_preview_listing_is_not_the_quality_pick_over_a_tied_lasting_one(catalog: Catalog) -> None:
    s10 = {"use_case": "Maths homework helper that explains solutions step by step", "task_type": "reasoning",
           "languages": ["en"], "volume": {"requests_per_month": 200_000, "input_tokens": 1200, "output_tokens": 600},
           "budget": {"monthly_usd": 4000}, "latency": {"p95_seconds": 25}, "needs": {"reasoning": True},
           "priority": "balanced"}  # fmt: skip
    rec = recommend(Requirements.model_validate(s10), catalog)
    assert rec.quality_pick is not None
    pick = next(c for c in rec.recommendations if c.model_key == rec.quality_pick.model_key)
    assert not any(r.code == "preview_model" for r in pick.risk_codes), pick.warnings
    demoted = [r for r in rec.summary_codes if r.code == "lifecycle_demoted" and r.params.get("listing")]
    for r in demoted:
        assert f"only on a preview listing at {r.params['listing']}" in rec.summary


# --- D-8: a trivial bill gets no lower-rated value pick -------------------------------------------


def test_no_lower_rated_value_pick_when_the_quality_picks_whole_bill_is_trivial(catalog: Catalog) -> None:
    clinic = {"use_case": "Physiotherapy clinic in Toronto: summarise each patient visit into clinical notes",
              "task_type": "summarization", "languages": ["en"], "location": "ca",
              "volume": {"requests_per_month": 1200}, "budget": {"monthly_usd": 143},
              "data": {"sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(clinic), catalog)
    assert rec.quality_pick is not None and rec.value_pick is None
    lead = next(c for c in rec.recommendations if c.model_key == rec.quality_pick.model_key)
    assert (lead.monthly_cost_usd or 0) < min_saving(Requirements.model_validate(clinic))
    trivial = next(r for r in rec.no_value if r.code == "no_value_trivial_saving")
    assert "too little to be worth testing a weaker model" in say("en", trivial)
    assert "不值得去测试一个较弱的模型" in say("zh", trivial)
    # the bar follows a small budget: a quarter of it when that is under $50
    assert min_saving(req(budget={"monthly_usd": 20})) == 5.0
    assert min_saving(req()) == 50.0


# --- D-9: an agent step thinks at the code budget, also when reasoning is stated ------------------


def test_an_agent_step_with_reasoning_stated_thinks_at_the_code_budget_per_step() -> None:
    from whichmodel.tools.decision.thinking import BUDGETS, thinking_budget

    agent = req(task_type="code", use_case="Agentic coding assistant: plan changes, edit files, run tests",
                needs={"reasoning": True})
    assert thinking_budget(agent) == (float(BUDGETS["code"]), "code")
    # a maths task, or reasoning stated for a chat, keeps the deep budget
    maths = req(task_type="code", use_case="Write proofs of geometry theorems as code", needs={"reasoning": True})
    assert thinking_budget(maths)[1] == "hard"
    chat = req(task_type="chat", use_case="Answer questions about our contracts", needs={"reasoning": True})
    assert thinking_budget(chat) == (float(BUDGETS["deep"]), "deep")


# --- D-4/D-8/D-10: where the data is processed, and models made in China --------------------------


def test_confidential_data_in_a_region_no_shortlisted_offering_is_known_to_serve_says_so(catalog: Catalog) -> None:
    clinic = {"use_case": "Physiotherapy clinic in Toronto: summarise each patient visit into clinical notes",
              "task_type": "summarization", "languages": ["en"], "location": "ca",
              "volume": {"requests_per_month": 1200}, "budget": {"monthly_usd": 143},
              "data": {"sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(clinic), catalog)
    local = next(r for r in rec.risk_codes if r.code == "no_local_processing")
    assert local.params["region"] == "ca"
    assert any(r.startswith("None of the shortlisted offerings is known to process data in Canada") for r in rec.risks)
    # internal data, or a stated residency, or the EU (its own residency advice): not said
    for other in ({**clinic, "data": {"sensitivity": "internal"}}, {**clinic, "location": "eu"}):
        rec = recommend(Requirements.model_validate(other), catalog)
        assert not any(r.code == "no_local_processing" for r in rec.risk_codes)


def test_a_pick_made_in_china_served_elsewhere_asks_to_check_procurement_policy(catalog: Catalog) -> None:
    payer = {"use_case": "Summarise prior-authorization case files (physician notes, lab results, policy criteria) "
             "for a US health insurer's nurse reviewers: list the criteria met and not met with citations to the file; "
             "reviewers make every decision; files contain PHI", "task_type": "summarization", "languages": ["en"],
             "location": "us", "volume": {"requests_per_month": 60_000, "input_tokens": 20_000, "output_tokens": 1000},
             "budget": {"monthly_usd": 6000}, "latency": {"p95_seconds": 43200}, "context_tokens": 64000,
             "needs": {"reasoning": True, "structured_output": True},
             "data": {"labeled_examples": 400, "proprietary_knowledge": True, "sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(payer), catalog)
    picks = {p.model_key for p in (rec.quality_pick, rec.value_pick) if p is not None}
    policy = [r for r in rec.risk_codes if r.code == "made_in_china_policy"]
    made_in_china = {k for k in picks if (catalog.models[k].maker or "") in
                     ("alibaba", "zhipu", "bytedance", "deepseek", "moonshot", "minimax", "xiaomi", "tencent")}
    assert made_in_china, picks  # expert18's us_batch_phi: DeepSeek V4 Pro on Azure
    assert {r.params["model"] for r in policy} == {catalog.models[k].name for k in made_in_china}
    zh = say("zh", Reason(code="made_in_china_policy", params={"model": "DeepSeek V4 Pro", "maker": "Hangzhou DeepSeek",
                                                               "provider": "Azure"}))  # fmt: skip
    assert "Hangzhou" not in zh and "中国大陆的公司" in zh


# --- expert22 -------------------------------------------------------------------------------------


def test_a_clinical_value_pick_is_no_preview_beside_a_stable_quality_pick(catalog: Catalog) -> None:
    # s02: every candidate shares a thinking cut (a reservation), which had let Gemini 3 Flash Preview
    # be the value pick beside Claude Opus 4.6 for patient data
    rec = recommend(Requirements.model_validate(S02), catalog)
    assert rec.quality_pick is not None and rec.value_pick is not None
    value = next(c for c in rec.recommendations if c.model_key == rec.value_pick.model_key)
    assert not any(r.code in ("preview_model", "retiring_soon") for r in value.risk_codes), value.warnings


def test_other_models_held_back_for_retiring_soon_and_rated_above_the_pick_are_named() -> None:
    def entry(key: str, elo: float, price: float, **kw: Any) -> Any:
        offs = [offering(f"m:{key}", key, inp=price, out=2 * price)]
        return model(key, offs, ratings={c: elo for c in CATS}, **kw), offs

    soon = AS_OF + timedelta(days=100)
    catalog = build_catalog([entry("first", 1560, 1, retirement_date=soon), entry("second", 1540, 1, retirement_date=soon),
                             entry("lead", 1500, 2), entry("filler", 1200, 0.05)])  # fmt: skip
    rec = recommend(req(volume=BIG), catalog, as_of=AS_OF)
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "lead"
    strongest = next(r for r in rec.summary_codes if r.code == "strongest")
    also = next(r for r in rec.summary_codes if r.code == "also_retiring")
    assert strongest.params["model"] == "FIRST" and also.params["models"] == ["SECOND"]
    assert also.params["dates"] == [soon.isoformat()]
    assert "Also rated higher and not proposed for the same reason: SECOND (" in rec.summary
    assert f"retires on {soon.isoformat()}" in rec.summary

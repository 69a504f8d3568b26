"""Session 15: the expert re-review's findings (/work/expert15/REVIEW.md).

- N1: a latency target cut the thinking of every model on a harm-critical clinical task to 195 of
  8,000 tokens while a maths tutor kept a quarter: a stated reasoning need in medicine, law or money
  keeps at least a quarter of the usual thinking too (`candidates.keeps_thinking`).
- The seeds' order when a clearly stronger model fails only the latency target: set the accuracy bar
  with it first, without the time limit, then keep the fast pick only if it comes close
  (`step_accuracy_bar`).
- N3: Alibaba Cloud's Singapore edition was flagged in one report and not in another: its parent
  group's law is named beside the provider's, and "no China" rules it out.
- A cost lever that does not lower the figure (75% of the prompt from a cache the offering does not
  price) is not offered.
"""

from __future__ import annotations

from typing import Any

from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.candidates import keeps_thinking
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.filters import foreign_jurisdiction, jurisdiction_excluded
from whichmodel.tools.decision.requirements import Requirements

from .conftest import TEXT_CATS as CATS
from .conftest import build_catalog, model, offering, req

CLINICAL: dict[str, Any] = {
    "use_case": "Clinical decision support for hospital physicians: drug dosing and guideline questions; "
    "wrong answers can harm patients",
    "task_type": "qa",
    "languages": ["en"],
    "volume": {"requests_per_month": 30_000, "input_tokens": 6000, "output_tokens": 700},
    "budget": {"monthly_usd": 5000},
    "latency": {"p95_seconds": 20},
    "needs": {"reasoning": True},
    "data": {"sensitivity": "confidential"},
}


def test_a_stated_reasoning_need_in_a_harm_critical_field_keeps_a_quarter_of_the_thinking() -> None:
    assert keeps_thinking(Requirements.model_validate(CLINICAL))
    # the same need for a support chatbot may still be cut deeper (held back, not ruled out)
    assert not keeps_thinking(Requirements.model_validate({**CLINICAL, "use_case": "answer questions about our shop"}))
    rec = recommend(Requirements.model_validate(CLINICAL), load_catalog())
    assert rec.recommendations
    for c in rec.recommendations:
        lat = c.latency
        assert lat is not None
        capped = next((r for r in c.reason_codes if r.code == "thinking_capped_figures"), None)
        if capped is not None:
            # never under a quarter of the usual budget the ratings were earned at; or turned off
            # altogether, a documented setting flagged as such (session 16, expert18's s02)
            cap = float(capped.params["cap"])
            assert cap == 0 or cap >= 0.25 * float(capped.params["usual"]) - 1, (c.model, capped.params)


# A task whose thinking is the task (maths): no thinking-off route, so the strongest models fail only
# the latency target (the clinical case now ranks them with thinking off, flagged).
TUTOR: dict[str, Any] = {
    "use_case": "Tutor high-school students through algebra problems step by step",
    "task_type": "reasoning", "languages": ["en"],
    "volume": {"requests_per_month": 200_000, "input_tokens": 800, "output_tokens": 700},
    "budget": {"monthly_usd": 5000}, "latency": {"p95_seconds": 20}, "needs": {"reasoning": True},
}  # fmt: skip
TUTOR_12 = {**TUTOR, "latency": {"p95_seconds": 12}}
"""TUTOR at 12 s: at 20 s the reasoning models held back only by latency are kept since session 20 (a
guessed speed keeps an estimate up to 50% over the target, expert24), so the bar case needs a tighter target."""


def test_a_stronger_model_held_back_only_by_latency_sets_the_accuracy_bar_first() -> None:
    rec = recommend(Requirements.model_validate(TUTOR_12), load_catalog())
    bar = next(r for r in rec.step_codes if r.code == "step_accuracy_bar")
    key = rec.quality_pick.model_key if rec.quality_pick else rec.recommendations[0].model_key
    assert bar.params["pick"] == next(c.model for c in rec.recommendations if c.model_key == key)
    assert float(bar.params["quality"]) > float(bar.params["pick_quality"])
    assert float(bar.params["monthly"]) <= 5000  # within the budget: a bar the person can afford to set
    assert float(bar.params["p95"]) > 12
    # the probe plan includes the bar model; "reach the accuracy target with the pick first" is not said
    probe = next(r for r in rec.step_codes if r.code == "step_probe")
    assert bar.params["model"] in probe.params["names"]
    assert not any(r.code == "step_quality_first" for r in rec.step_codes)
    steps = "\n".join(rec.next_steps)
    assert f"set the accuracy bar first: run {bar.params['model']}" in steps
    zh = recommend(Requirements.model_validate(TUTOR_12), load_catalog(), lang="zh")
    assert any(s.startswith("先定准确率基准") for s in zh.next_steps)


def test_cost_first_skips_the_accuracy_bar() -> None:
    rec = recommend(Requirements.model_validate({**TUTOR, "priority": "cost"}), load_catalog())
    assert not any(r.code == "step_accuracy_bar" for r in rec.step_codes)


def _alibaba() -> Any:
    return offering("alibaba:qwen-x", "qwen-x", inp=1.0, out=3.0)


def test_alibaba_cloud_singapore_is_named_with_its_parent_groups_law() -> None:
    off = _alibaba()
    confidential = req(data={"sensitivity": "confidential"})
    # region unknown: a provider owned from China is named like one under Chinese law
    assert foreign_jurisdiction(confidential, off, source_code=False) == "confidential"
    assert foreign_jurisdiction(req(), off, source_code=False) == "internal"
    # a person in China: the parent's law is theirs, but the data still leaves for Singapore
    china = req(data={"sensitivity": "confidential"}, deployment={"data_residency": "cn"})
    assert foreign_jurisdiction(china, off, source_code=False) == "confidential"
    assert foreign_jurisdiction(req(deployment={"data_residency": "cn"}), off, source_code=False) is None
    catalog = build_catalog([(model("qwen-x", [off], ratings={c: 1500 for c in CATS}, maker="alibaba"), [off])])
    rec = recommend(confidential, catalog)
    row = rec.recommendations[0]
    assert row.warnings[-1] == (
        "confidential data would go to a provider under the law of Singapore (its parent group is under the law of China)"
    )
    zh = recommend(confidential, catalog, lang="zh").recommendations[0]
    assert zh.warnings[-1] == "机密数据将交给受新加坡法律管辖（其母公司受中国法律管辖）的服务商"


def test_no_china_rules_out_a_provider_owned_from_china() -> None:
    assert jurisdiction_excluded(req(deployment={"excluded_jurisdictions": ["cn"]}), _alibaba())
    assert not jurisdiction_excluded(req(deployment={"excluded_jurisdictions": ["cn"]}),
                                     offering("openai:gpt-x", "gpt-x"))  # fmt: skip


def test_a_cache_lever_that_saves_nothing_is_not_offered() -> None:
    # One model over the budget, listed with no cache price: 75% of the prompt "from the cache" would
    # bill the same, so the levers do not offer it; halving the prompt still does.
    offs = [offering("openai:big", "big", inp=5.0, out=15.0)]
    catalog = build_catalog([(model("big", offs, ratings={c: 1500 for c in CATS}), offs)])
    r = req(
        use_case="answer questions from our policy handbook",
        task_type="qa",
        volume={"requests_per_month": 1_000_000, "input_tokens": 4000, "output_tokens": 200},
        budget={"monthly_usd": 100},
    )
    rec = recommend(r, catalog)
    levers = next((x for x in rec.relaxations if x.constraint == "levers"), None)
    assert levers is not None and levers.code is not None
    assert "half_prompt" in levers.code.params
    assert "cached_75" not in levers.code.params


def _rated(key: str, provider: str, elo: float, price: float) -> Any:
    offs = [offering(f"{provider}:{key}", key, inp=price, out=2 * price)]
    return model(key, offs, ratings={c: elo for c in CATS}), offs


def test_a_dead_heat_goes_to_the_markedly_cheaper_model_and_says_why() -> None:
    # D5 (s07): Claude Fable 5 at 99.2 and $5,114 led the tied Opus 4.6 at 98.7 and $2,557. Point
    # estimates within a point are a dead heat; the one at half the price leads, the rival named.
    others = [_rated(f"filler-{i}", "openai", 1300 + 20 * i, 0.1) for i in range(5)]
    catalog = build_catalog([_rated("top", "anthropic", 1502, 2.0), _rated("half", "anthropic", 1500, 1.0), *others])
    rec = recommend(req(), catalog)
    assert [c.model_key for c in rec.recommendations[:2]] == ["half", "top"]
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "half"
    assert rec.quality_pick.why[0] == "dead_heat"
    assert "the tie goes to the cheaper" in rec.summary and "TOP is rated only" in rec.summary
    assert "highest-rated qualifying" not in rec.summary  # named once, in the dead heat
    zh = recommend(req(), catalog, lang="zh")
    assert "并列时选更便宜的" in zh.summary


def test_no_dead_heat_for_a_small_saving_or_a_real_difference() -> None:
    others = [_rated(f"filler-{i}", "openai", 1300 + 20 * i, 0.1) for i in range(5)]
    # 20% cheaper is no reason to leave the top-rated model
    close = build_catalog([_rated("top", "anthropic", 1502, 1.2), _rated("near", "anthropic", 1500, 1.0), *others])
    assert recommend(req(), close).recommendations[0].model_key == "top"
    # half the price but clearly lower (several points): quality first
    apart = build_catalog([_rated("top", "anthropic", 1530, 2.0), _rated("lower", "anthropic", 1500, 1.0), *others])
    assert recommend(req(), apart).recommendations[0].model_key == "top"
    # cost first and balanced keep their own rules
    assert recommend(req(priority="balanced"), close).quality_pick is not None


def test_a_preview_listing_names_the_same_models_generally_available_fallback() -> None:
    # N2 (s10): Gemma 4 31B passes the 25 s target only through Cerebras's preview listing; the risk
    # names its generally available offering that misses only the target, with its time and bill.
    r = Requirements.model_validate({
        "use_case": "Maths tutor: check a student's worked solution and give a hint", "task_type": "reasoning",
        "languages": ["en"], "priority": "balanced", "budget": {"monthly_usd": 4000}, "latency": {"p95_seconds": 25},
        "volume": {"requests_per_month": 200_000, "input_tokens": 1200, "output_tokens": 600},
        "needs": {"reasoning": True}})  # fmt: skip
    rec = recommend(r, load_catalog())
    previews = [x for c in rec.recommendations for x in c.risk_codes if x.code == "preview_model" and x.params.get("listing")]
    assert previews, "a preview listing on the shortlist"
    ga = next(x for x in previews if x.params.get("ga_provider"))
    assert float(ga.params["ga_p95"]) > 25 and float(ga.params["ga_monthly"]) > 0
    # (since session 18 a preview listing is provisional, so it is no pick and its risk is said beside its row)
    from whichmodel.tools.decision.explain import say

    assert "Its generally available offerings miss only the 25 s answer-time target" in say("en", ga)


# --- expert16 (/work/expert16/REVIEW.md) -----------------------------------------------------------


def test_the_thinking_rule_that_applies_is_stated() -> None:
    # N1: the same 45 s target cut one scenario's thinking to 11% and held another's at a quarter,
    # with no reason a buyer could see: the assumptions now say which rule applies and why.
    clinical = recommend(Requirements.model_validate(CLINICAL), load_catalog())
    floor = next(r for r in clinical.assumptions if r.code == "thinking_floor")
    assert floor.params["why"] == "medicine"
    assert say("en", floor).startswith("Thinking floor: on a medical task")
    agent = Requirements.model_validate({
        "use_case": "Agentic coding assistant: plan changes, edit files, run tests through tools",
        "task_type": "code", "languages": ["en"], "latency": {"p95_seconds": 45}, "budget": {"monthly_usd": 40000},
        "volume": {"requests_per_month": 400_000, "input_tokens": 30000, "output_tokens": 1200,
                   "cached_input_fraction": 0.7},
        "needs": {"tool_calling": True, "reasoning": True}})  # fmt: skip
    rec = recommend(agent, load_catalog())
    assert not any(r.code == "thinking_floor" for r in rec.assumptions)
    cut = next((r for r in rec.assumptions if r.code == "thinking_cut_allowed"), None)
    if cut is not None:  # a model shown with thinking cut under a quarter: named, with its figures
        assert float(cut.params["cap"]) < 0.25 * float(cut.params["usual"])


def test_the_relaxed_latency_figures_say_at_what_thinking_they_are() -> None:
    # X3: "a target of about 56.1 s would admit it at $2,925/month" was at 2,000 of 8,000 thinking
    # tokens, unstated; the sentence and the accuracy-bar step now carry both figures.
    rec = recommend(Requirements.model_validate(TUTOR_12), load_catalog())
    held = next(r for r in rec.summary_codes if r.code == "latency_holds_back")
    assert held.params.get("cap") is not None  # reasoning models are held at their floor
    assert "with its thinking cut to" in rec.summary and "at its usual thinking it takes about" in rec.summary


def test_a_chinese_first_person_sees_which_models_are_not_offered_in_mainland_china() -> None:
    offs_claude = [offering("anthropic:claude-x", "claude-x", inp=3.0, out=15.0)]
    offs_kimi = [offering("moonshotai-cn:kimi-x", "kimi-x", inp=0.6, out=2.5)]
    claude = model("claude-x", offs_claude, ratings={c: 1500 for c in [*CATS, "chinese"]}, maker="anthropic")
    kimi = model("kimi-x", offs_kimi, ratings={c: 1498 for c in [*CATS, "chinese"]}, maker="moonshotai")
    catalog = build_catalog([(claude, offs_claude), (kimi, offs_kimi)])
    zh = req(languages=["zh"])
    rec = recommend(zh, catalog, lang="zh")
    # comparable models: the one offered there leads; the other is flagged, not hidden
    assert [c.model_key for c in rec.recommendations] == ["kimi-x", "claude-x"]
    row = rec.recommendations[1]
    assert "不在中国大陆提供服务" in row.warnings
    # a stated region elsewhere (EU) drops the warning; English speakers never get it
    assert not any(r.code == "not_offered_cn" for c in recommend(req(), catalog).recommendations for r in c.risk_codes)


def test_a_listing_without_the_long_prompt_rate_borrows_it_from_a_trusted_same_priced_listing() -> None:
    catalog = load_catalog()
    own = catalog.offerings["anthropic:claude-opus-4-6"]
    assert own.pricing is not None and own.pricing.tiers_from is not None
    assert own.pricing.tier_for(450_000).input > own.pricing.tier_for(1000).input
    donor = catalog.offerings[f"{own.pricing.tiers_from}:claude-opus-4-6"]
    assert donor.tier in ("maker", "cloud", "host")  # never a reseller's copy
    # different base prices never lend a tier (the EU Bedrock listing costs 10% more)
    eu = catalog.offerings["amazon-bedrock:eu.anthropic.claude-opus-4-6-v1"]
    assert eu.pricing is not None and len(eu.pricing.tiers) == 1


def test_a_speech_value_pick_without_a_reservation_goes_first() -> None:
    # N5 (s06): the value pick sent confidential call audio to a provider under another law while an
    # EU-hosted Whisper cost $168 more: a cheaper one without the reservation goes first.
    s06 = Requirements.model_validate({
        "use_case": "Transcribe contact-centre calls into text with speaker turns; callers give account details",
        "task_type": "speech_to_text", "languages": ["en", "es"], "input_modalities": ["audio"],
        "volume": {"requests_per_month": 120_000, "audio_minutes": 7}, "budget": {"monthly_usd": 4000},
        "data": {"sensitivity": "confidential"}})  # fmt: skip
    rec = recommend(s06, load_catalog())
    assert rec.value_pick is not None
    value = next(c for c in rec.recommendations if c.model_key == rec.value_pick.model_key)
    assert not any(r.code.startswith("foreign_jurisdiction") for r in value.risk_codes)


def test_a_claude_model_with_no_long_prompt_rate_carries_anthropics_surcharge_as_an_assumption() -> None:
    # X2/expert17 #3: Opus 4.6 was priced at its long-prompt rate and Fable 5 at its base rate, so a
    # 450k-token comparison set $4,949 against $5,114. Anthropic's one surcharge policy is assumed.
    catalog = load_catalog()
    fable = catalog.offerings["anthropic:claude-fable-5"].pricing
    opus = catalog.offerings["anthropic:claude-opus-4-6"].pricing
    assert fable is not None and opus is not None and fable.tiers_from == "maker:anthropic"
    ratio = lambda p: (p.tiers[1].input / p.tiers[0].input, p.tiers[1].output / p.tiers[0].output)  # noqa: E731
    assert ratio(fable) == ratio(opus)
    # no other maker's models get an assumed tier (OpenAI and Google price long prompts per model)
    assumed = {o.pricing.tiers_from for o in catalog.offerings.values() if o.pricing and o.pricing.tiers_from}
    assert {a for a in assumed if a.startswith("maker:")} == {"maker:anthropic"}


def test_a_model_not_offered_in_mainland_china_is_never_a_pick_there_and_is_named() -> None:
    # expert17 Y5 changed the policy of session 15 (a clearly stronger model not offered there led,
    # flagged): a person taken to be in mainland China gets picks they can buy; the stronger one is named.
    offs_claude = [offering("anthropic:claude-x", "claude-x", inp=3.0, out=15.0)]
    offs_kimi = [offering("moonshotai-cn:kimi-x", "kimi-x", inp=0.6, out=2.5)]
    claude = model("claude-x", offs_claude, ratings={c: 1560 for c in [*CATS, "chinese"]}, maker="anthropic")
    kimi = model("kimi-x", offs_kimi, ratings={c: 1480 for c in [*CATS, "chinese"]}, maker="moonshotai")
    catalog = build_catalog([(claude, offs_claude), (kimi, offs_kimi)])
    rec = recommend(req(languages=["zh"]), catalog, lang="zh")
    assert rec.recommendations[0].model_key == "kimi-x"
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "kimi-x"
    passed = next(r for r in rec.summary_codes if r.code == "cn_passed_over")
    assert passed.params["model"] == "CLAUDE-X" and passed.params["inferred"] is True
    assert "评分更高、但不在中国大陆提供服务的模型（您所在地区是根据语言推断的）：CLAUDE-X" in rec.summary
    # a person who says they are in Taiwan can buy it: it leads again, with no such sentence
    tw = recommend(req(languages=["zh"], location="tw"), catalog, lang="zh")
    assert tw.recommendations[0].model_key == "claude-x"
    assert not any(r.code == "cn_passed_over" for r in tw.summary_codes)


def test_a_dead_heat_at_the_same_cost_goes_to_the_faster_when_the_top_is_at_the_latency_edge() -> None:
    # D6 (s08): the #1 at 5.63 s of a 6 s target, one point above a model answering in 1.82 s for the
    # same bill. Under quality first the faster one leads and the rival is named.
    from whichmodel.tools.decision.ranking import Entry, Quality, order

    def entry(key: str, value: float, p95: float) -> Entry:
        return Entry(key=key, quality=Quality(value, value - 3, value + 3, (), (), False), monthly=2190.0, p95=p95,
                     maker_first=False, unit_cost=1.0)  # fmt: skip

    r = req(latency={"p95_seconds": 6})
    ordered = order(r, [entry("edge", 85.9, 5.63), entry("fast", 84.9, 1.82), entry("low", 70.0, 1.0)])
    assert ordered.entries[0].key == "fast" and ordered.rule == "dead_heat" and ordered.rival == "edge"
    # well inside the target, the higher point estimate keeps the lead
    inside = order(r, [entry("edge", 85.9, 3.0), entry("fast", 84.9, 1.0), entry("low", 70.0, 1.0)])
    assert inside.entries[0].key == "edge"


def test_a_chinese_heading_before_the_colon_is_the_report_title() -> None:
    # s04: "审阅供应商采购合同：提取付款条款、…" was titled "提取付款条款"
    from whichmodel.tools.report.titles import use_case_summary

    assert use_case_summary("审阅供应商采购合同：提取付款条款、违约责任、争议解决条款，输出JSON", "extraction", "zh") == "审阅供应商采购合同"
    assert use_case_summary("我们是律师事务所：想审合同", "extraction", "zh") != "律师事务所"

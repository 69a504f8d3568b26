"""Session 17: findings of the novice and expert reviews on the session-16 build.

- A Toronto physiotherapy clinic's patient notes (confidential) kept Kimi K3 through its maker, a
  provider under Chinese law, on the shortlist: confidential data of a person outside mainland China
  and Hong Kong goes to a provider under Chinese law only when nothing else passes
  (`ranking.CHINA_LAW`, held last like a model not sold there); the same open model is represented by
  a host under another law when one passes.
"""

from __future__ import annotations

from typing import Any

import pytest

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.ranking import CHINA_LAW, Entry, Quality, order
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Reason

CHINA_PROVIDERS = ("moonshotai", "moonshotai-cn", "alibaba", "alibaba-cn", "zhipuai", "deepseek", "xiaomi",
                   "bytedance", "volcengine", "baidu", "tencent", "minimax", "siliconflow")  # fmt: skip

CLINIC: dict[str, Any] = {
    "use_case": "Physiotherapy clinic in Toronto: summarise each patient visit into clinical notes",
    "task_type": "summarization",
    "languages": ["en"],
    "location": "ca",
    "volume": {"requests_per_month": 1200},
    "budget": {"monthly_usd": 143},
    "data": {"sensitivity": "confidential"},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _providers(rec: Any, n: int = 10) -> list[tuple[str, str]]:
    return [(c.model_key, c.provider or "") for c in rec.recommendations[:n]]


def test_a_canadian_clinics_notes_go_to_no_provider_under_chinese_law_while_others_pass(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate(CLINIC), catalog)
    top = _providers(rec)
    assert top, "the clinic gets a shortlist"
    assert not [p for _, p in top if p in CHINA_PROVIDERS], top
    # Kimi K3, open weights, stays in the running through a host under another law, not its maker
    kimi = next((p for k, p in top if k == "kimi-k3"), None)
    assert kimi is None or kimi not in CHINA_PROVIDERS


def test_the_same_clinic_in_mainland_china_may_use_its_own_countrys_providers(catalog: Catalog) -> None:
    in_china = {**CLINIC, "use_case": "社区诊所：把每次就诊整理成病历摘要", "languages": ["zh"], "location": "cn"}
    rec = recommend(Requirements.model_validate(in_china), catalog)
    assert any(p in CHINA_PROVIDERS for _, p in _providers(rec, 5))


def test_public_data_of_the_same_clinic_goes_to_the_makers_api_as_usual(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate({**CLINIC, "data": {"sensitivity": "public"}}), catalog)
    assert ("kimi-k3", "moonshotai") in _providers(rec, 20)


def _entry(key: str, value: float, monthly: float, held: tuple[str, ...] = ()) -> Entry:
    return Entry(key=key, quality=Quality(value, value - 2, value + 2, (), (), False), monthly=monthly, p95=1.0,
                 unit_cost=monthly, held=held)  # fmt: skip


def test_a_model_held_for_chinese_law_ranks_after_every_model_without_it() -> None:
    req = Requirements.model_validate(CLINIC)
    ordered = order(req, [_entry("strong-cn", 99, 5.0, (CHINA_LAW,)), _entry("good", 90, 9.0), _entry("cheap", 80, 1.0)])
    assert [e.key for e in ordered.entries][-1] == "strong-cn"
    assert ordered.value != "strong-cn"


def test_the_passed_over_model_is_named_with_its_provider_in_both_languages() -> None:
    from whichmodel.tools.decision.result import Reason

    reason = Reason(code="china_law_passed_over", params={"pick": "Claude Opus 4.6", "model": "Qwen3.8 Max",
                                                           "quality": 98.4, "monthly": 12.0, "provider": "alibaba",
                                                           "inferred": False, "place": "ca"})  # fmt: skip
    en, zh = say("en", reason), say("zh", reason)
    assert "Qwen3.8 Max" in en and "Chinese law" in en and "alibaba" in en and "$12.00" in en
    assert "Qwen3.8 Max" in zh and "中国法律" in zh and "不是机密" in zh


# --- thinking that cannot be turned off (/work/facts20/FACTS.md, expert19 N-A2) -------------------


@pytest.mark.parametrize("key", ["gemini-3.1-pro-preview", "gemini-3.7-flash", "claude-fable-5", "gpt-5-nano"])
def test_a_model_whose_thinking_cannot_be_turned_off_thinks_on_a_light_task(key: str) -> None:
    from whichmodel.tools.decision.thinking import can_cap, thinking_mode, thinking_tokens

    mode = thinking_mode(key, True)
    assert mode == "on" and can_cap(mode)
    light = Requirements.model_validate({**CLINIC, "data": {}})
    assert thinking_tokens(light, mode)[0] > 0
    assert thinking_tokens(light, "hybrid")[0] == 0


@pytest.mark.parametrize("key", ["claude-opus-4-6", "claude-opus-5", "gpt-5.1", "gemini-3.6-flash", "deepseek-v4-pro"])
def test_a_model_whose_thinking_may_be_off_stays_hybrid(key: str) -> None:
    from whichmodel.tools.decision.thinking import thinking_mode

    assert thinking_mode(key, True) == "hybrid"


def test_gemini_37_flash_is_priced_with_its_thinking_on_a_summary(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate({**CLINIC, "data": {}, "location": "us"}), catalog)
    flash = next(c for c in [*rec.recommendations, *rec.frontier] if c.model_key == "gemini-3.7-flash")
    assert flash.latency is not None and flash.latency.thinking_tokens >= 1000


# --- impossible cases: relaxations (novice19 thread 6) --------------------------------------------

HEALTH_CENTRE: dict[str, Any] = {
    "use_case": "社区卫生服务中心：整理门诊病历", "task_type": "summarization", "languages": ["zh"],
    "location": "cn", "volume": {"requests_per_month": 6000}, "budget": {"monthly_usd": 235},
    "deployment": {"self_host": True}, "data": {"sensitivity": "confidential"},
}  # fmt: skip
RENTED = {**HEALTH_CENTRE, "deployment": {"self_host": True, "hardware": "rented"}}
"""The health centre that said it rents its GPUs: nothing fits, and the ways forward are relaxations."""


def test_an_impossible_self_hosting_case_names_a_rated_model_as_the_cheapest(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate(RENTED), catalog)
    assert not rec.recommendations
    budget = next(r for r in rec.relaxations if r.constraint == "over_budget")
    cheapest = budget.admits[0]
    named = next(c for c in budget.per_model if c.model == cheapest)
    assert named.quality is not None, f"{cheapest} has no rating for the task"
    assert "ALLaM" not in rec.summary


def test_stopping_self_hosting_of_confidential_data_is_offered_last_and_with_models_sold_there(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate(RENTED), catalog)
    person = [r.constraint for r in rec.relaxations if r.constraint != "quality_levels"]
    assert person[-1] == "open_weights_required", person
    api = next(r for r in rec.relaxations if r.constraint == "open_weights_required")
    first = api.per_model[0]
    assert not any(r.code == "not_offered_cn" for r in first.risk_codes), first.model


# --- Taiwan public agencies (expert19 N-A4) -------------------------------------------------------


def test_a_taiwan_agency_gets_no_model_made_in_mainland_china_even_through_a_us_host(catalog: Catalog) -> None:
    from whichmodel.knowledge.catalog.curated import MAKERS_IN_CHINA

    agency = {"use_case": "臺北市政府 1999 市民熱線 AI 客服助理：以繁體中文回答市民問題", "task_type": "chat",
              "languages": ["zh"], "location": "tw", "volume": {"requests_per_month": 200_000},
              "budget": {"monthly_usd": 2000}, "data": {"sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(agency), catalog)
    makers = {c.model_key: catalog.models[c.model_key].maker for c in rec.recommendations[:10]}
    assert not [k for k, m in makers.items() if m in MAKERS_IN_CHINA], makers
    assert rec.quality_pick is not None and catalog.models[rec.quality_pick.model_key].maker not in MAKERS_IN_CHINA
    # a Taiwan company that is no agency may still use them (through a host under another law)
    firm = {**agency, "use_case": "臺北的茶葉網店：以繁體中文回答顧客問題"}
    anyone = recommend(Requirements.model_validate(firm), catalog)
    assert any(catalog.models[c.model_key].maker in MAKERS_IN_CHINA for c in anyone.recommendations[:10])


# --- the report's title and currency (expert19 D9, Y5) ----------------------------------------------


@pytest.mark.parametrize(
    ("use_case", "task", "title"),
    [
        ("为美妆、母婴和家居品牌客户撰写小红书种草笔记：根据产品卖点写吸引人的标题和话题标签", "writing", "撰写小红书种草笔记"),
        ("社区卫生服务中心：整理门诊病历", "summarization", "整理门诊病历"),
        ("我们是社区卫生服务中心，医生每天一两百个门诊，想用AI整理门诊病历", "summarization", "整理门诊病历"),
        ("在台北开了茶葉小店，想把商品介绍翻译成英文和日文", "translation", "商品介绍翻译成英文和日文"),
        ("审阅供应商采购合同：提取付款条款、违约责任", "extraction", "审阅供应商采购合同"),
    ],
)
def test_a_chinese_title_says_what_is_done_not_who_does_it(use_case: str, task: str, title: str) -> None:
    from whichmodel.tools.report.titles import use_case_summary

    assert use_case_summary(use_case, task, "zh") == title


def test_a_report_from_a_file_says_bills_in_the_currency_of_where_the_person_is() -> None:
    from whichmodel.tools.recommend import local_currency

    assert local_currency(Requirements.model_validate({**CLINIC})) == "CAD"
    assert local_currency(Requirements.model_validate(HEALTH_CENTRE)) == "CNY"
    assert local_currency(Requirements.model_validate({**CLINIC, "location": None, "languages": ["en"]})) is None


# --- the seller that represents a model (expert19 N-A7) ---------------------------------------------


def test_a_hong_kong_studios_briefs_go_to_the_same_model_through_a_host_under_no_flagged_law(catalog: Catalog) -> None:
    hk = {"use_case": "為美妝品牌撰寫小紅書種草筆記", "task_type": "writing", "languages": ["zh"], "location": "hk",
          "volume": {"requests_per_month": 9000, "input_tokens": 1200, "output_tokens": 700},
          "budget": {"monthly_usd": 275}, "data": {"sensitivity": "internal"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(hk), catalog)
    kimi = next(c for c in rec.recommendations if c.model_key == "kimi-k3")
    assert kimi.provider not in CHINA_PROVIDERS, kimi.offering_id
    # the mainland's publishing rules follow the copy to Xiaohongshu
    assert any(r.code == "content_rules_cn" for r in rec.risk_codes)


def test_the_makers_api_still_represents_a_model_when_it_puts_nothing_at_stake(catalog: Catalog) -> None:
    in_china = {"use_case": "为美妆品牌撰写小红书种草笔记", "task_type": "writing", "languages": ["zh"], "location": "cn",
                "volume": {"requests_per_month": 9000}, "data": {"sensitivity": "internal"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(in_china), catalog)
    kimi = next(c for c in rec.recommendations if c.model_key == "kimi-k3")
    assert kimi.provider in ("moonshotai-cn", "moonshotai")


def test_a_picks_price_to_confirm_is_said_beside_its_name_in_the_summary(catalog: Catalog) -> None:
    s04 = {"use_case": "审阅供应商采购合同：提取付款条款、违约责任、争议解决条款，并标出对我方不利的条款，输出JSON",
           "task_type": "extraction", "languages": ["zh", "en"], "priority": "balanced",
           "volume": {"requests_per_month": 15000, "input_tokens": 10000, "output_tokens": 800},
           "budget": {"monthly_usd": 1500}, "latency": {"p95_seconds": 30}, "context_tokens": 32000,
           "needs": {"structured_output": True}, "deployment": {"data_residency": "cn"},
           "data": {"labeled_examples": 200, "sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(s04), catalog, lang="zh")
    flagged = [c for c in rec.recommendations[:1] if any(r.code in ("maker_price_promo", "price_below_typical")
                                                          for r in c.risk_codes)]  # fmt: skip
    assert flagged, "s04's lead carries a price to confirm (the catalog's DeepSeek V4 Pro)"
    assert f"{flagged[0].model} (⚠ " in rec.summary.split("：")[0] + rec.summary
    assert rec.summary.index(f"{flagged[0].model} (⚠") < rec.summary.index("（经由")


def test_a_pick_planned_with_thinking_off_names_the_route_that_keeps_a_quarter_of_it(catalog: Catalog) -> None:
    # expert19 N-A1/s02: the 56 s, $2,925 route at 2,000 thinking tokens is said beside the thinking-off plan
    s02 = {"use_case": "Clinical decision-support assistant for hospital physicians: answer drug dosing, interaction "
           "and guideline questions from our curated clinical guideline library; wrong answers can harm patients",
           "task_type": "qa", "languages": ["en"], "location": "us",
           "volume": {"requests_per_month": 30_000, "input_tokens": 6000, "output_tokens": 700},
           "budget": {"monthly_usd": 5000}, "latency": {"p95_seconds": 20}, "accuracy_target": 0.98,
           "needs": {"reasoning": True}, "data": {"sensitivity": "confidential"}}  # fmt: skip
    rec = recommend(Requirements.model_validate(s02), catalog)
    capped = next(r for r in rec.summary_codes if r.code == "capped_pick")
    assert capped.params["cap"] == 0 and capped.params["floor"] == 2000
    assert capped.params["floor_p95"] > 20 and capped.params["floor_monthly"] > capped.params["monthly"]
    assert "at that quarter, 2,000 thinking tokens, it would cost $" in rec.summary


def test_the_chat_names_each_relaxations_models_with_what_they_need_and_the_quality_levels_before_leaving_the_building() -> None:
    from whichmodel.agent.nodes.interview import _summary

    rec = recommend(Requirements.model_validate(RENTED), load_catalog())
    order = [r.constraint for r in rec.relaxations]
    assert order.index("quality_levels") < order.index("open_weights_required")
    text = _summary(rec, "zh", "CNY")
    levels = next(line for line in text.splitlines() if "各质量档的费用" in line)
    assert "¥" in levels and "Gemma 4 31B IT 需要每月" in levels  # the model with its bill, not its name alone


# --- on-premises self-hosting and health law (expert20 NEW-1, NEW-5) -------------------------------


def test_an_on_premises_clinic_whose_rented_gpus_are_over_budget_gets_a_bought_workstation(catalog: Catalog) -> None:
    # expert21 D-5: the owned workstation is the recommendation, not a way forward under "nothing fits"
    rec = recommend(Requirements.model_validate(HEALTH_CENTRE), catalog, lang="zh")
    assert rec.recommendations and rec.quality_pick is not None
    lead = rec.recommendations[0]
    assert lead.self_host is not None and lead.self_host.gpu == "RTX-4090D" and lead.self_host.quantization == "int4"
    # (one card $2,000 + the machine $1,400) / 36 months + 0.45 kW x 730 h x $0.12
    assert lead.monthly_cost_usd == pytest.approx((2000 + 1400) / 36 + 0.45 * 730 * 0.12, abs=0.01)
    assert lead.monthly_cost_usd <= HEALTH_CENTRE["budget"]["monthly_usd"]
    assert lead.quality is not None and lead.quality >= 80
    chosen = next(r for r in rec.summary_codes if r.code == "owned_chosen")
    assert chosen.params["gpu"] == "RTX-4090D" and chosen.params["rented_monthly"] > HEALTH_CENTRE["budget"]["monthly_usd"]
    assert rec.summary.startswith("如果全天候租用 GPU") and "工作站" in rec.summary and "没有任何模型" not in rec.summary
    assert "出口管制" in rec.summary  # the 4090D's export status is hedged
    assert any(r.code == "quantized_rating" for r in rec.risk_codes)  # rated at full precision, run at 4-bit
    # the medical warnings and China's health-data law
    assert any(r.code == "high_stakes" and r.params["domain"] == "medicine" for r in rec.risk_codes)
    assert any(r.code == "health_law" and r.params["region"] == "cn" for r in rec.risk_codes)
    assert any("个人信息保护法" in r for r in rec.risks)
    # who said they rent gets the workstation as the first way forward instead
    rented = recommend(Requirements.model_validate(RENTED), catalog, lang="zh")
    assert not rented.recommendations
    owned = rented.relaxations[0]
    assert owned.constraint == "owned_hardware" and owned.code is not None
    assert owned.code.params["gpu"] == "RTX-4090D" and owned.code.params["cn"] is True  # the China-market card
    monthly = float(owned.per_model[0].needs.params["monthly"])  # type: ignore[arg-type]
    assert monthly == pytest.approx(lead.monthly_cost_usd, abs=0.01)
    assert any(r.code == "owned_route" for r in rented.summary_codes) and "工作站" in rented.summary


def test_a_canadian_clinics_report_names_its_health_privacy_law_not_hipaa(catalog: Catalog) -> None:
    rec = recommend(Requirements.model_validate(CLINIC), catalog)
    law = next(r for r in rec.risks if r.startswith("Health records in Canada"))
    assert "PHIPA" in law and "PIPEDA" in law


def test_a_weak_category_and_the_rated_thinking_bill_are_said(catalog: Catalog) -> None:
    from whichmodel.tools.decision.explain import say

    weak = Reason(code="rests_on", params={"categories": ["document", "overall"], "missing": [],
                                           "weak": ["document"], "weak_scores": ["63"]})  # fmt: skip
    assert "weaker on document reading (63 of 100)" in say("en", weak)
    assert "较弱" in say("zh", weak)
    off = Reason(code="thinking_off", params={"model": "M", "tokens": 1000.0, "monthly": 1100.0, "seconds": 13.3,
                                              "deep": 8000.0, "deep_monthly": 8800.0})  # fmt: skip
    text = say("en", off)
    assert "at least ~1,000 tokens" in text and "+$8,800" in text

"""What the offline brain records for the novice review of session 15, on sentences of our own: a
budget for a year or a school year (a stated monthly figure of amount / 12), a price per item said a
clause after its item (a per-request budget, not a monthly one) and the monthly reading it corrects
removed, Australian and New Taiwan dollars, a volume corrected by its field's name and a busy-season
volume next to a usual one, data that must stay in the UK or Australia and "no China", a hedged
statement ending in "?" read as an answer, and an answer of "a few lines"."""

from __future__ import annotations

import pytest

from tests.brain.conftest import close, facts
from whichmodel.agent.brain import understand
from whichmodel.agent.interview_spec import QUESTIONS
from whichmodel.agent.nodes.slots import merge_facts
from whichmodel.knowledge.units import USD_PER, currency_of
from whichmodel.tools.decision.filters import jurisdiction_excluded
from whichmodel.tools.decision.requirements import parse_requirements

V = "volume.requests_per_month"
MONTHLY = "budget.monthly_usd"
PER_1K = "budget.per_1k_requests_usd"
GBP, CNY, AUD, TWD = USD_PER["GBP"], USD_PER["CNY"], USD_PER["AUD"], USD_PER["TWD"]


def budget(message: str, expecting: str | None = MONTHLY) -> tuple[object, str, str | None]:
    fact = next(f for f in understand(message, expecting=expecting).facts if f.path == MONTHLY)
    return fact.value, fact.provenance, fact.shown


# --- 1. a yearly budget is a stated monthly budget of amount / 12 ---------------------------------


@pytest.mark.parametrize(
    ("message", "usd"),
    [
        ("the governors gave us three hundred pounds for the whole academic year", 300 / 12 * GBP),
        ("we can put £120 a year towards it", 120 / 12 * GBP),
        ("£600 per financial year, no more", 600 / 12 * GBP),
        ("一年三千块以内", 3000 / 12 * CNY),
        ("预算一年两万", 20000 / 12 * CNY),
        ("一年大概六萬台幣", 60000 / 12 * TWD),
    ],
)
def test_a_yearly_budget_is_a_stated_twelfth_a_month(message: str, usd: float) -> None:
    value, provenance, _shown = budget(message)
    assert close(value, usd)
    assert provenance == "stated"


def test_a_daily_budget_is_still_inferred() -> None:
    assert budget("about £5 a day")[1] == "inferred"  # 30 days a month is an assumption


# --- 2. a price per item is a per-request budget ------------------------------------------------


@pytest.mark.parametrize(
    ("message", "per_1k"),
    [
        ("每张发票几分钱都行，最多两毛钱", 0.2 * 1000 * CNY),
        ("每份合同我们能接受的，最多五块钱", 5 * 1000 * CNY),
        ("per claim we could pay, at most, 2 dollars", 2000.0),
        ("no more than 3 Australian cents a receipt", 0.03 * 1000 * AUD),
    ],
)
def test_a_price_per_item_said_apart_from_its_item_is_per_request(message: str, per_1k: float) -> None:
    read = facts(message, MONTHLY)
    assert close(read[PER_1K], per_1k)
    assert MONTHLY not in read


def test_a_total_after_a_per_item_size_stays_a_monthly_budget() -> None:
    read = facts("每份合同十几页，预算八千块")
    assert MONTHLY in read and PER_1K not in read


@pytest.mark.parametrize(
    "message",
    ["是每张发票最多两毛钱，不是每个月两毛钱", "it's 4 cents per receipt, not per month", "没有月预算，只有每份五毛钱以内"],
)
def test_a_per_item_correction_removes_the_monthly_budget(message: str) -> None:
    held, _ = merge_facts({}, understand("两毛钱一个月", expecting=MONTHLY).facts)
    assert held[MONTHLY]["value"] is not None
    u = understand(message)
    assert any(f.path == PER_1K for f in u.facts)
    after, _ = merge_facts(held, u.facts)
    assert after[MONTHLY]["value"] is None  # removed, not kept beside the per-item budget
    assert after[PER_1K]["value"] is not None


# --- 3. Australian and New Taiwan dollars --------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "usd", "code"),
    [
        ("around 80 Aussie dollars a month", 80 * AUD, "AUD"),
        ("A$250 a month", 250 * AUD, "AUD"),
        ("budget is 40 AUD a month", 40 * AUD, "AUD"),
        ("每个月五千新台币", 5000 * TWD, "TWD"),
        ("NT$6,000 a month", 6000 * TWD, "TWD"),
        ("一个月两千台幣", 2000 * TWD, "TWD"),
        ("每月三百澳元", 300 * AUD, "AUD"),
    ],
)
def test_australian_and_taiwan_dollars_keep_their_currency(message: str, usd: float, code: str) -> None:
    value, provenance, shown = budget(message)
    assert close(value, usd)
    assert provenance == "stated"
    assert shown is not None and currency_of(shown) == code


# --- 4. volumes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "volume"),
    [("每月请求数改成五千", 5000), ("change the requests per month to 800", 800)],
)
def test_a_volume_corrected_by_its_field_name(message: str, volume: int) -> None:
    read = facts(message)
    assert read[V] == volume
    assert MONTHLY not in read  # "改成五千" is the volume here, not the budget


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("旺季的时候一个月大概八千单，平时就一两千单", 8000),
        ("in the busy season it's about 900 orders a month, usually 200 orders a month", 900),
    ],
)
def test_the_busy_season_volume_is_planned_for_and_said(message: str, volume: int) -> None:
    fact = next(f for f in understand(message, expecting=V).facts if f.path == V)
    assert fact.value == volume
    assert fact.shown is not None and f"{volume:,}" in fact.shown


# --- 5. where the data may go ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "region"),
    [
        ("our records have to stay in the United Kingdom", "uk"),
        ("the data must stay in Britain", "uk"),
        ("client data needs to be stored in Australia", "au"),
        ("数据必须留在澳大利亚", "au"),
    ],
)
def test_uk_and_australian_residency_are_recorded(message: str, region: str) -> None:
    assert facts(message, "deployment")["deployment.data_residency"] == region


@pytest.mark.parametrize(
    "message",
    ["no Chinese providers please", "the files must not be sent to China", "客户资料不能传到大陆",
     "数据不能出境到中国", "不要用中国的厂商"],
)
def test_no_china_excludes_providers_under_chinese_law(message: str) -> None:
    read = facts(message, "deployment")
    assert read["deployment.excluded_jurisdictions"] == ("cn",)
    assert read.get("deployment.data_residency") != "cn"


def test_a_uk_residency_with_no_china_keeps_both() -> None:
    read = facts("Records stay in the UK, and no China at all.", "deployment")
    assert read["deployment.data_residency"] == "uk"
    assert read["deployment.excluded_jurisdictions"] == ("cn",)


def test_the_location_question_offers_the_uk_and_no_china() -> None:
    values = [dict(o.facts) for o in QUESTIONS["deployment"].options]
    assert {"deployment.data_residency": "uk"} in values
    assert {"deployment.excluded_jurisdictions": ("cn",)} in values


def test_an_excluded_jurisdiction_rules_out_its_providers_only() -> None:
    from whichmodel.knowledge.catalog.store import load_catalog

    req = parse_requirements({"use_case": "x", "task_type": "chat", "deployment": {"excluded_jurisdictions": ["cn"]}})
    offerings = list(load_catalog().offerings.values())
    by_provider = {o.provider: o for o in offerings}
    assert jurisdiction_excluded(req, by_provider["deepseek"])
    assert jurisdiction_excluded(req, by_provider["moonshotai"])
    assert not jurisdiction_excluded(req, by_provider["anthropic"])
    assert not jurisdiction_excluded(req, None)  # self-hosting answers to no provider's law


# --- 6. a statement is no question -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "volume"),
    [("oh, so maybe three hundred posts a year? whatever's typical", 25), ("well probably 60 emails a week?", 260)],
)
def test_a_hedged_figure_ending_in_a_question_mark_is_an_answer(message: str, volume: int) -> None:
    u = understand(message, expecting=V)
    assert u.question is None
    assert {f.path: f.value for f in u.facts}[V] == volume


@pytest.mark.parametrize(
    "message",
    [
        "I run the front desk of a dental clinic. Patients phone with the same questions again and again - "
        "opening hours, parking, what to bring to the first visit, prices etc. We'd like a chatbot for that.",
        "我们是一家做家具的工厂，想用AI帮忙审核供应商报价单，检查一下单价、数量、有没有漏项，然后采购再确认。",
    ],
)
def test_a_first_message_describing_the_work_asks_nothing(message: str) -> None:
    u = understand(message)
    assert u.question is None
    assert u.intent == "provide"


# --- 7. the answer size ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["the replies only need to be a couple of sentences", "Each summary should be two or three lines, no more",
     "摘要两三句话就行"],
)
def test_a_few_lines_is_a_short_answer(message: str) -> None:
    tokens = facts(message)["volume.output_tokens"]
    assert 100 <= tokens <= 150


def test_pages_someone_reads_are_the_input_not_the_answer() -> None:
    read = facts("the nurses want a short summary on top so they don't have to read five pages")
    assert "volume.output_tokens" not in read
    assert read["volume.input_tokens"] == 3500


def test_a_few_lines_typed_by_customers_is_not_the_answer_size() -> None:
    assert "volume.output_tokens" not in facts("customers usually write a few lines in their email")

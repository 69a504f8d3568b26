"""Novice round 17: currencies beyond the first few, countries the residency field cannot hold, a cost
complaint read as a volume, and grading read as a task (paraphrases in English and Chinese)."""

from __future__ import annotations

import pytest

from whichmodel.agent.brain.offline import understand, unsupported_residency
from whichmodel.knowledge.units import SYMBOL, USD_PER, ZH_NAME, currency_of, money


def _budget(message: str) -> tuple[float, str | None]:
    fact = next(f for f in understand(message).facts if f.path == "budget.monthly_usd")
    return fact.value, fact.shown


@pytest.mark.parametrize("code", ["CAD", "ZAR", "NZD", "SGD", "INR", "CHF", "HKD"])
def test_every_currency_has_a_rate_a_symbol_and_a_chinese_name(code: str) -> None:
    assert code in USD_PER and code in SYMBOL
    assert currency_of(money(500, code) + "/month") == code
    if code in ZH_NAME:
        assert currency_of(money(500, code, "zh")) == code


@pytest.mark.parametrize(
    ("message", "code", "amount"),
    [
        ("we could do R500 a month", "ZAR", 500),
        ("about 500 rand a month max", "ZAR", 500),
        ("每月预算一千南非兰特", "ZAR", 1000),
        ("budget C$200 a month", "CAD", 200),
        ("200 canadian dollars a month", "CAD", 200),
        ("预算每月五百加元", "CAD", 500),
        ("每个月300加币", "CAD", 300),
        ("NZ$100 a month", "NZD", 100),
        ("S$150 monthly", "SGD", 150),
        ("Rs. 5000 a month", "INR", 5000),
        ("CHF 300 per month", "CHF", 300),
    ],
)
def test_currencies_are_read_in_the_persons_own_money(message: str, code: str, amount: float) -> None:
    value, shown = _budget(message)
    assert currency_of(shown or "") == code
    assert value == pytest.approx(amount * USD_PER[code], rel=0.01)


@pytest.mark.parametrize(
    "message",
    ["I'm in Toronto, budget maybe 200 dollars a month", "we're a clinic in Canada, $200 a month is fine",
     "我们在加拿大，每月200 dollars"],
)  # fmt: skip
def test_a_bare_dollar_in_canada_is_canadian(message: str) -> None:
    assert currency_of(_budget(message)[1] or "") == "CAD"


def test_us_dollars_said_in_canada_stay_us_dollars() -> None:
    value, shown = _budget("we're in Toronto but the budget is 200 US dollars a month")
    assert shown is None and value == 200


@pytest.mark.parametrize(
    ("message", "expecting"),
    [
        ("its patient health info, I think it has to stay in Canada", None),
        ("none of those. Canada! we're in Ontario", "deployment"),
        ("NO. I said Canada, not the US. the data should stay in Canada", None),
        ("数据必须留在加拿大", None),
        ("客户资料不能出日本", None),
        ("the records have to be kept in South Africa", None),
    ],
)
def test_an_unsupported_country_is_never_another_one(message: str, expecting: str | None) -> None:
    facts = understand(message, expecting=expecting).facts
    assert not [f for f in facts if f.path == "deployment.data_residency"]
    assert unsupported_residency(message, expecting) is not None


@pytest.mark.parametrize("message", ["you keep showing US dollars, I'm in Canada. what about the patient notes?",
                                     "why is everything in US dollars? the notes are ours"])  # fmt: skip
def test_us_dollars_are_a_currency_not_a_place(message: str) -> None:
    assert not [f for f in understand(message).facts if f.path == "deployment.data_residency"]


def test_a_supported_region_is_still_recorded() -> None:
    facts = understand("we're in Canada but the data can stay in the EU").facts
    assert [f.value for f in facts if f.path == "deployment.data_residency"] == ["eu"]
    assert unsupported_residency("we're in Canada but the data can stay in the EU") is None


@pytest.mark.parametrize(
    "message",
    ["一个月一万五也太贵了", "ALLaM是什么？一个月一万五也太贵了。我们到底能用什么？", "一个月三千块实在太贵",
     "15k a month is too expensive", "2,000 a month is way too pricey"],
)  # fmt: skip
def test_a_cost_complaint_is_no_volume_and_no_budget(message: str) -> None:
    paths = {f.path for f in understand(message).facts}
    assert "volume.requests_per_month" not in paths and "budget.monthly_usd" not in paths


@pytest.mark.parametrize("message", ["任务是批改作文", "我们是批改作文，不是写文案", "the job is marking essays",
                                     "it's for grading student essays"])  # fmt: skip
def test_grading_without_comments_is_classification(message: str) -> None:
    assert next(f.value for f in understand(message).facts if f.path == "task_type") == "classification"


@pytest.mark.parametrize("message", ["想让AI帮我批改学生作文，写点评语", "grade students' essays and write feedback"])
def test_grading_with_written_comments_stays_writing(message: str) -> None:
    assert next(f.value for f in understand(message).facts if f.path == "task_type") == "writing"

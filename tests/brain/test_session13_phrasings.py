"""Phrasings the offline brain learned in session 13, each tested on sentences of our own (not the
evals' wording): a price per item in cents, pence, 分 or 毛 (a per-request budget), an amount a day in
cents, a money range written with one currency sign, a sum turned down ("way too much", "not $100"),
data that has to stay in a region said in the clause after the data, "放国内", reading a photo to pull
fields out (extraction), 识别录入, more count nouns (applications, PRs), head counts with words between,
"someone told me AI could …" and "这个能行不" as the task, ordinals opening a longer answer, questions
quoted after "people asking", and two tasks in one message."""

from __future__ import annotations

import pytest

from tests.brain.conftest import close, facts
from whichmodel.agent.brain import understand
from whichmodel.agent.brain.offline import tasks_named

V = "volume.requests_per_month"
PER_1K = "budget.per_1k_requests_usd"
CNY = 1 / 7.1
GBP = 1.27


@pytest.mark.parametrize(
    ("message", "per_1k"),
    [
        ("We'd be happy paying 3 cents an invoice", 30.0),
        ("no more than half a cent per image please", 5.0),
        ("4p a letter would be fine", 0.04 * GBP * 1000),
        ("每条回复成本最好不超过三分钱", 0.03 * CNY * 1000),
        ("每份简历一毛钱以内", 0.1 * CNY * 1000),
    ],
)
def test_a_price_per_item_in_cents_is_a_budget_per_request(message: str, per_1k: float) -> None:
    assert close(facts(message).get(PER_1K), per_1k)


def test_cents_a_day_is_a_monthly_budget_and_a_range_keeps_its_currency() -> None:
    assert close(facts("we could spend 80 cents a day on it").get("budget.monthly_usd"), 0.8 * 30)
    assert close(facts("somewhere around €20-30 a month").get("budget.monthly_usd"), 30 * 1.08)
    assert V not in facts("somewhere around €20-30 a month")


def test_a_sum_turned_down_is_no_budget() -> None:
    assert "budget.monthly_usd" not in facts("$500 is far too much for us", expecting="budget.monthly_usd")
    assert close(facts("the budget is £40 not $500").get("budget.monthly_usd"), 40 * GBP)
    assert "budget.monthly_usd" not in facts("五千块有点多", expecting="budget.monthly_usd")


def test_data_that_must_stay_is_read_across_its_clauses() -> None:
    assert facts("It's all client financial data, and it needs to stay within the EU").get(
        "deployment.data_residency") == "eu"  # fmt: skip
    assert "deployment.data_residency" not in facts("Our office is in Berlin and we stay open late")
    assert facts("那就放国内吧，别的无所谓").get("deployment.data_residency") == "cn"


def test_reading_a_photo_to_pull_fields_out_is_extraction() -> None:
    got = facts("Can the AI read a picture of a delivery note and pull out the date and the total?")
    assert got.get("task_type") == "extraction" and "image" in got.get("input_modalities", ())
    assert facts("出库单都是拍照的，想让AI识别录入到表格里").get("task_type") == "extraction"


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("Every year we receive about 1,200 grant applications", 100),
        ("We are 12 senior engineers and each engineer opens around 5 PRs a week", 12 * 5 * 30 / 7),
        ("There are 30 part-time tutors, each tutor marks 10 essays a week", 30 * 10 * 30 / 7),
    ],
)
def test_more_count_nouns_and_head_counts_with_words_between(message: str, volume: float) -> None:
    assert close(facts(message, expecting=V).get(V), volume, 0.03)


def test_a_task_said_as_hearsay_or_as_can_this_be_done_is_the_task() -> None:
    u = understand("my friend told me AI could reply to our guests' emails? no idea where to begin")
    read = {f.path: f.value for f in u.facts}.get("task_type")
    assert u.question is None and (read in ("writing", "chat") or set(u.task_options) <= {"writing", "chat", "qa"})
    u = understand("想用AI帮我们回复客人的留言，这个可以吗？")
    assert u.question is None


def test_an_ordinal_opening_a_longer_answer_is_the_choice() -> None:
    options = ["Under 10,000 a month", "About 1,000 a day", "About 10,000 a day"]
    u = understand("the second one I think, people mostly asking when we open, how much parking costs", expecting=V,
                   options=options)  # fmt: skip
    assert u.choice == "About 1,000 a day" and u.question is None


def test_two_tasks_in_one_message_are_both_named() -> None:
    assert tasks_named("想让AI帮忙写朋友圈文案，再帮我回复客人的消息") == ["writing", "chat"]
    assert tasks_named("It's not really chat, we need it to write the product descriptions") == ["writing"]


def test_each_item_and_units_in_passing_keep_the_volume() -> None:
    # "each email gets a reply" is no rate per person; "messages from stores" is no count of stores
    assert facts("We get 300 emails a day and each email gets a reply").get(V) == 9000
    assert facts("We answer 300 messages from stores a day").get(V) == 9000
    assert facts("We have 12 retail stores and each store sends about 20 questions a day").get(V) == 7200
    assert facts("三十个业主群，一个群一天总结一次").get(V) == 900
    assert facts("每周十来场会 一场一个小时左右", expecting=V).get(V) == round(10 * 30 / 7)
    assert close(facts("每月三千 服务要在国内", expecting="budget.monthly_usd").get("budget.monthly_usd"), 3000 * CNY)


def test_traditional_chinese_and_cantonese_are_read() -> None:
    got = facts("我係香港保險經紀 想整個AI幫手答客人WhatsApp查詢")
    assert got.get("task_type") == "chat"
    got = facts("有客人個人資料 每月預算港幣2000", expecting="budget.monthly_usd")
    assert close(got.get("budget.monthly_usd"), 2000 / 7.8) and got.get("data.sensitivity") == "confidential"

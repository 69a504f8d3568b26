"""Phrasings the offline brain learned in session 12, each tested on sentences of our own (not the
evals' wording): per-person rates said without a figure, shares of a volume, fortnightly periods,
counts of categories that are no volume, budgets per thousand of any item, providers named with
"except" or "has to run on", tool calls with words in between, 半秒, 花 as a budget word, two-way
Chinese-X translation, moderation and writing said in other words, and a long message whose task
clause is clearly ahead though diluted by the rest."""

from __future__ import annotations

import pytest

from tests.brain.conftest import close, facts
from whichmodel.agent.brain import understand

V = "volume.requests_per_month"
CNY = 1 / 7.1


@pytest.mark.parametrize(
    ("message", "volume"),
    [
        ("There are 40 of us in the office and we each file one expense report every two weeks", 40 * 30 / 14),
        ("We have 25 nurses, they each write a handover note a day", 25 * 30),
        ("我们有六十个员工，每周一份周报", 60 * 30 / 7),
        ("We mail out about 700 letters every other week", 700 * 30 / 14),
        ("每两周大概发五百封邮件", 500 * 30 / 14),
        ("Our site sees 8,000 shoppers a day and maybe 5% would use the assistant", 8000 * 30 * 0.05),
    ],
)
def test_volumes_said_per_person_or_as_a_share(message: str, volume: float) -> None:
    got = facts(message)
    assert close(got.get(V), volume), (message, got)


def test_a_total_said_with_a_head_count_stays_a_total() -> None:
    """Only a rate of one item per period is per person: "50 staff, 400 questions a day" is a total."""
    assert facts("we have 50 staff and get 400 questions a day")[V] == 12000
    assert facts("我们有3家门店，每天一共300个咨询")[V] == 9000


def test_a_share_that_is_an_accuracy_target_does_not_scale_the_volume() -> None:
    got = facts("it must be 95% accurate on 1,000 forms a day")
    assert got[V] == 30000 and got["accuracy_target"] == 0.95


@pytest.mark.parametrize(
    "message",
    ["每天三千条用户反馈，要分到8个类别里", "sort 2,000 emails a day into 9 categories", "把每天五千张单子分给6个部门"],
)
def test_the_number_of_categories_or_departments_is_no_volume(message: str) -> None:
    got = facts(message)
    assert got[V] >= 60000, got


def test_a_budget_per_thousand_of_any_item() -> None:
    got = facts("we can afford 3 dollars per 1,000 product photos")
    assert close(got.get("budget.per_1k_requests_usd"), 3.0)
    got = facts("at most $2 per thousand applications, 500 applications a day")
    assert close(got.get("budget.per_1k_requests_usd"), 2.0) and got[V] == 15000


def test_a_time_unit_after_per_thousand_is_not_an_item() -> None:
    assert "budget.per_1k_requests_usd" not in facts("we spend $40 per 1000 hours of use")


@pytest.mark.parametrize(
    ("message", "providers"),
    [
        ("No vendor except Google may see our files", ("google",)),
        ("Legal says it has to run on AWS, nothing else", ("amazon-bedrock",)),
        ("we can't send data to anyone other than Mistral", ("mistral",)),
    ],
)
def test_providers_named_as_the_only_ones_allowed(message: str, providers: tuple[str, ...]) -> None:
    assert facts(message).get("deployment.providers_allowed") == providers


def test_a_provider_merely_mentioned_is_no_restriction() -> None:
    assert "deployment.providers_allowed" not in facts("we tried Google last year, it was slow")


@pytest.mark.parametrize(
    "message",
    ["它得调用我们仓库系统的接口查库存", "needs to call our internal billing APIs to look up invoices"],
)
def test_tool_calls_said_with_words_in_between(message: str) -> None:
    got = facts(message)
    assert got.get("needs.tool_calling") is True and got.get("task_type") == "agent", got


@pytest.mark.parametrize(
    ("message", "seconds"),
    [("搜索结果要半秒内出来", 0.5), ("results within half a second", 0.5)],
)
def test_half_a_second(message: str, seconds: float) -> None:
    assert facts(message).get("latency.p95_seconds") == seconds


def test_hua_as_a_budget_word() -> None:
    got = facts("一年最多能花六万")
    assert close(got.get("budget.monthly_usd"), 60000 / 12 * CNY)


@pytest.mark.parametrize(("message", "langs"), [("做中日互译", {"zh", "ja"}), ("中韩翻译", {"zh", "ko"})])
def test_chinese_x_translation_names_both_languages(message: str, langs: set[str]) -> None:
    assert set(facts(message)["languages"]) == langs


@pytest.mark.parametrize(
    ("message", "task"),
    [
        ("用户发的视频评论要审核一下，看有没有违规的", "moderation"),
        ("block uploads that contain nudity before anyone sees them", "moderation"),
        ("让AI帮忙写每周的门店公告", "writing"),
        ("we want it to draft our responses to parents' letters", "writing"),
        ("write the monthly newsletter and the job adverts", "writing"),
        ("forward each incoming request to the right department", "classification"),
    ],
)
def test_tasks_said_in_other_words(message: str, task: str) -> None:
    assert facts(message).get("task_type") == task


def test_chinese_data_that_must_not_leave_is_confidential_and_self_hosted() -> None:
    got = facts("病人数据绝对不能出院内")
    assert got.get("deployment.self_host") is True and got.get("data.sensitivity") == "confidential"


def test_our_own_files_are_proprietary_knowledge() -> None:
    assert facts("answer staff questions from our HR records")["data.proprietary_knowledge"] is True
    assert facts("让客服能查到我们公司的退换货制度")["data.proprietary_knowledge"] is True


def test_a_long_message_whose_task_clause_leads_clearly_is_read() -> None:
    """The business talk dilutes the one task clause (the issue's own example phrase); its clear lead
    still decides, and "Can AI do that for me?" points back at it."""
    got = facts("I sell handmade soap online and I hate writing the little text under each product. Can AI do that for me?")
    assert got.get("task_type") == "writing"


def test_a_short_answer_is_not_read_as_a_task_by_a_weak_lead() -> None:
    assert "task_type" not in facts("任何云端API都可以", expecting="deployment.self_host")


def test_can_ai_do_that_is_no_question_to_look_up() -> None:
    u = understand("I translate our menus by hand every season. Can AI do that for me?")
    assert u.intent == "provide" and any(f.path == "task_type" and f.value == "translation" for f in u.facts)


def test_a_time_alone_in_a_list_is_the_latency_but_one_sec_is_not() -> None:
    assert facts("500 a day, $80 a month, 4 seconds, any cloud")["latency.p95_seconds"] == 4
    assert "latency.p95_seconds" not in facts("sorry, the phone rang, one sec")

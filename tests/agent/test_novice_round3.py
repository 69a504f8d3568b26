"""Novice round 3 (a helper playing a shop owner, EN and ZH): each finding tested on sentences of our
own. "国内的就行" answers where the model may run (data stays in China); the Chinese budget choices are
in yuan and the recommendation's prose says monthly bills in the person's currency; "could it help me
answer customer emails?" states the task instead of being looked up in the guide; "I don't know,
fast-ish?" and "whatever is easiest" take the default; a candle shop's safety answer has no card or
health rules; the title drops "could it help me"."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain.offline import understand
from whichmodel.agent.interview_spec import QUESTIONS
from whichmodel.agent.nodes.slots import option_facts
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.knowledge.units import to_usd
from whichmodel.tools.decision.explain import in_currency, monthly, monthly_in
from whichmodel.tools.report.titles import use_case_summary


def _facts(message: str, **kw) -> dict[str, object]:
    return {f.path: f.value for f in understand(message, **kw).facts}


# --- where the model may run: a region named in a short answer ------------------------------------


@pytest.mark.parametrize(
    ("message", "region"),
    [("国内的就行", "cn"), ("放国内吧", "cn"), ("Europe please", "eu"), ("EU only", "eu"), ("美国的就可以", "us")],
)
def test_a_region_answering_the_deployment_question_is_where_data_stays(message: str, region: str) -> None:
    assert _facts(message, expecting="deployment")["deployment.data_residency"] == region


@pytest.mark.parametrize(
    "message",
    ["为什么不用文心一言？国内的用起来方便", "we are a small team based in Germany and sell candles all over Europe"],
)
def test_a_region_beside_a_question_or_in_a_long_message_sets_no_rule(message: str) -> None:
    assert "deployment.data_residency" not in _facts(message, expecting="deployment")


async def test_the_chinese_shop_that_says_domestic_gets_providers_in_china() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        for message in ("我们开了个卖茶叶的小网店，想用AI帮忙给订单分类", "每天几百单", "不确定", "两秒内"):
            await adv.send("t", message)
        reply = await adv.send("t", "国内的就行")
    # said after the recommendation (where it runs is no longer asked when nothing sensitive was said):
    # it changes the requirement and re-ranks
    assert "数据必须留在：中国境内" in reply.text and "重新排序" in reply.text
    shortlist = reply.text.split("候选名单：")[-1]
    assert "Anthropic" not in shortlist and "Vertex" not in shortlist


# --- budgets in yuan ------------------------------------------------------------------------------


def test_the_chinese_budget_choices_are_in_yuan_and_stand_for_that_amount() -> None:
    spec = QUESTIONS["budget.monthly_usd"]
    assert [o.zh for o in spec.options][:3] == ["每月500元", "每月5000元", "每月5万元"]
    assert not any("美元" in o.zh for o in spec.options)
    (fact,) = option_facts(spec.options[0], "zh", "stated", "每月500元")
    assert fact.value == pytest.approx(to_usd(500, "CNY"), abs=0.01) and fact.shown == "¥500"
    (en,) = option_facts(spec.options[0], "en", "stated", "$100 a month")
    assert en.value == 100.0 and en.shown is None


async def test_a_budget_picked_in_yuan_is_said_back_and_costed_in_yuan() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("y", "我们想用AI给客户评论分类，每天两千条")
        reply = await adv.send("y", "每月5000元")
        while reply.stage != "recommended":
            reply = await adv.send("y", "不确定")
    assert "每月预算: ¥5,000/月" in reply.text
    lead = reply.text.split("建议先用", 1)[1].split("候选名单")[0]
    assert "次请求的费用为每月 ¥" in lead  # the core's sentence, in yuan with the dollars beside it
    assert "美元" not in reply.text.split("您可以随时修改")[-1]


def test_a_monthly_bill_is_said_in_the_persons_currency_with_the_dollars_beside_it() -> None:
    assert monthly_in(28.35, "zh", "CNY") == "¥201（约 $28.35）"
    assert monthly_in(28.35, "en", "EUR") == "€26.25 (about $28.35)"
    assert monthly_in(28.35, "en", None) == monthly_in(28.35, "en", "USD") == "$28.35"
    assert monthly_in(None, "zh", "CNY") == "n/a"
    with in_currency("CNY"):
        assert monthly(28.35, "zh") == "¥201（约 $28.35）"
    assert monthly(28.35, "zh") == "$28.35"  # only inside the block


# --- a task asked as a question -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "task"),
    [
        ("Hi! I run a small candle shop online. Could it help me answer customer emails?", "writing"),
        ("Could AI help us reply to customer emails?", "writing"),
        ("AI能帮我回复客户邮件吗？", "writing"),
    ],
)
def test_can_ai_do_my_task_states_the_task(message: str, task: str) -> None:
    u = understand(message)
    assert u.intent == "provide" and u.question is None
    assert {f.path: f.value for f in u.facts}["task_type"] == task


@pytest.mark.parametrize("message", ["can AI models run on our own servers?", "could you help us decide which LLM to use?"])
def test_a_real_question_about_ai_stays_a_question(message: str) -> None:
    assert understand(message).intent == "question"


def test_the_title_drops_could_it_help_me() -> None:
    use_case = "I run a small candle shop online and I keep hearing about AI. Could it help me answer customer emails?"
    assert use_case_summary(use_case, "writing", "en") == "Answer customer emails"


# --- not knowing, not minding ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expecting"),
    [
        ("I don't know, fast-ish?", "budget.monthly_usd"),
        ("no idea honestly", "budget.monthly_usd"),
        ("whatever is easiest", "deployment"),
        ("anything works", "budget.monthly_usd"),
        ("不知道，你看着办", "budget.monthly_usd"),
    ],
)
def test_an_answer_that_opens_with_not_knowing_takes_the_default(message: str, expecting: str) -> None:
    u = understand(message, expecting=expecting)
    assert u.intent == "confirm" and u.choice == "default"


def test_whatever_is_cheapest_is_a_preference_not_a_shrug() -> None:
    assert understand("whatever is cheapest", expecting="priority").choice != "default"


# --- the safety answer fits the business ----------------------------------------------------------


async def test_a_candle_shop_is_not_told_about_pci_dss_or_hipaa() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("c", "I run a small candle shop. Could AI help me answer customer emails?")
        reply = await adv.send("c", "is it safe to send customer emails?")
    assert "don't train on your API data" in reply.text
    assert "PCI" not in reply.text and "HIPAA" not in reply.text


def test_domestic_is_fine_said_out_of_turn_still_says_where_data_stays() -> None:
    assert _facts("国内的就行", expecting="volume.requests_per_month")["deployment.data_residency"] == "cn"
    assert "deployment.data_residency" not in _facts("我们在国内卖茶叶", expecting="volume.requests_per_month")


def test_the_blue_one_is_not_a_count() -> None:
    assert "volume.requests_per_month" not in _facts("the blue one", expecting="volume.requests_per_month")
    assert _facts("one", expecting="volume.requests_per_month")["volume.requests_per_month"] == 1


async def test_a_reply_that_answers_nothing_is_told_so_before_the_question_comes_back() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("n", "we want to sort support emails")
        reply = await adv.send("n", "the blue one")
    assert reply.text.startswith("I didn't find an answer to this question in that")
    assert "Roughly how many requests will it handle?" in reply.text

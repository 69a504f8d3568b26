"""Questions a non-technical person asks about the recommendation itself ("which one should I use and
what next?", "how much a month, servers included?", "what hardware do we need?", "is my customer data
safe?") are answered from the recommendation's data, in the person's language; a "why not X?" asked
before there is a shortlist is answered with the recommendation. Sentences of our own, played through
the real agent (offline brain, in-memory checkpointer)."""

from __future__ import annotations

import re

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor, ToolStep
from whichmodel.agent.settings import Settings

EN_START = "We want an AI to answer our customers' emails, about 60 a day, English only, budget $150 a month"
ZH_START = "我们想用AI写商品描述，每天三百条，全是中文，每月预算两千元，不着急"
MONEY = re.compile(r"[$¥]\s?[\d,.]+")


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("so which one should i use and what do i do next", ["which"]),
        ("how much will this cost me per month?", ["cost"]),
        ("is my customer data safe? they send addresses", ["safety"]),
        ("patients health info is involved, is that a problem? HIPAA?", ["safety"]),
        ("patients health info is involved, is that a problem?", ["safety"]),
        ("推荐哪个？效果最好的是哪个，最便宜能试的是哪个？", ["which"]),
        ("每个月到底要花多少钱，包括服务器吗？", ["cost"]),
        ("我们需要准备什么硬件？", ["hardware"]),
        ("do I need to buy a computer for this?", ["hardware"]),
        ("what is a token?", []),
    ],
)
def test_questions_about_the_recommendation_are_recognised(question: str, kinds: list[str]) -> None:
    assert answers.about_recommendation(question) == kinds


async def test_which_and_cost_are_answered_from_the_picks() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send("w", EN_START)
        while reply.stage != "recommended":
            reply = await adv.send("w", "not sure")
        rec = await adv.recommendation("w")
        assert rec is not None
        top = rec.recommendations[0].model
        which = await adv.send("w", "so which one should i use and what do i do next?")
        cost = await adv.send("w", "how much will this cost me per month?")
    assert "couldn't find" not in which.text
    assert f"The quality pick: {top}" in which.text and "Next:" in which.text
    if rec.value_pick is not None:
        value = next(c.model for c in rec.recommendations if c.model_key == rec.value_pick.model_key)
        assert f"The value pick to try next on your own examples: {value}" in which.text
    assert top in cost.text and MONEY.search(cost.text)
    assert "1,800 requests a month" in cost.text and "no servers to buy" in cost.text


async def test_chinese_questions_get_chinese_answers_with_the_monthly_cost() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send("z", ZH_START)
        while reply.stage != "recommended":
            reply = await adv.send("z", "不确定")
        rec = await adv.recommendation("z")
        assert rec is not None
        top = rec.recommendations[0].model
        which = await adv.send("z", "推荐哪个？效果最好的是哪个，最便宜能试的是哪个？")
        cost = await adv.send("z", "每个月到底要花多少钱，包括服务器吗？")
    assert which.text.startswith(f"质量首选：{top}") and "下一步" in which.text
    assert "每月约" in cost.text and "不需要买服务器" in cost.text
    names = " ".join(f"{c.model} {c.provider_name or ''} {c.provider or ''}" for c in rec.recommendations)
    allowed = set(re.findall(r"[A-Za-z]+", names)) | {"API", "whichmodel", "probe", "examples", "FILE", "models"}
    for text in (which.text, cost.text):  # no English but model and provider names (and the command to type)
        assert set(re.findall(r"[A-Za-z]{3,}", text)) <= allowed, text


async def test_data_safety_is_answered_before_any_recommendation_and_says_what_is_kept() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("s", "we'd like AI to sort our support emails, 200 a day")
        reply = await adv.send("s", "is my customer data safe?")
        assert "don't train on your API data by default" in reply.text
        # Card and health rules only for texts that hold them: support emails are told neither.
        assert "PCI DSS" not in reply.text and "HIPAA" not in reply.text
        await adv.send("s", "our data is confidential")
        again = await adv.send("s", "is it safe though?")
    assert "I've noted your data as confidential" in again.text


async def test_the_card_and_health_rules_come_with_texts_that_hold_them() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("p", "we want AI to sort payment disputes from our checkout, 300 a day")
        cards = await adv.send("p", "is my customer data safe?")
        await adv.send("h", "我们诊所想用AI整理病历摘要，每天一百份")
        health = await adv.send("h", "数据安全吗？")
    assert "mask them before the model sees them" in cards.text and "HIPAA" not in cards.text
    assert "病历等健康数据需要服务商签署专门的数据协议" in health.text and "银行卡" not in health.text


async def test_a_why_not_asked_before_the_shortlist_comes_with_the_recommendation() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("c", "we want AI to answer customer emails, about 50 a day")
        early = await adv.send("c", "why not just use ChatGPT?")
        assert "comes with the recommendation" in early.text
        reply = early
        while reply.stage != "recommended":
            reply = await adv.send("c", "not sure")
        later = await adv.send("c", "thanks")
    assert "GPT" in reply.text.split("Shortlist:")[-1]
    assert any(isinstance(e, ToolStep) and e.name == "why_not" for e in reply.events)
    assert not any(isinstance(e, ToolStep) and e.name == "why_not" for e in later.events)


async def test_hardware_for_a_self_hosted_pick_names_the_gpus_and_their_rent() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send(
            "h", "医院想用AI做病历摘要，每天八百份，全是中文，病人数据绝对不能出医院，预算每月两万元以内"
        )
        while reply.stage != "recommended":
            reply = await adv.send("h", "不确定")
        rec = await adv.recommendation("h")
        assert rec is not None
        top = rec.recommendations[0]
        answer = await adv.send("h", "我们需要准备什么硬件？")
    assert top.self_hosted and top.self_host is not None
    assert f"{top.self_host.gpu}" in answer.text and "每月约" in answer.text
    assert "买断" in answer.text  # what is not estimated is said


async def test_a_chinese_chat_about_english_texts_answers_in_chinese() -> None:
    """The recommendation is made for English emails; the person writes Chinese: the answer's steps are
    the core's codes in Chinese, not the recommendation's English sentences."""
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send("x", "我们是做跨境电商的，想让AI回复英文客户邮件，客户都说英语，每天两百封，每月预算一千元")
        while reply.stage != "recommended":
            reply = await adv.send("x", "不确定")
        which = await adv.send("x", "推荐哪个？下一步怎么做？")
    assert which.text.startswith("质量首选") and "下一步" in which.text
    assert "evaluation set" not in which.text and "probe the shortlist" not in which.text


@pytest.mark.parametrize(
    ("first", "ask", "plain"),
    [
        ("we want AI to sort customer emails into folders, 1000 a day, budget 200 dollars a month",
         "what next?", "upload them here as a spreadsheet"),
        ("我们想用AI把客户邮件分到几个文件夹，每天一千封，预算每月两百美元", "下一步该做什么？", "直接在对话里上传"),
    ],
)  # fmt: skip
async def test_next_steps_in_the_chat_are_plain_words_not_commands(first: str, ask: str, plain: str) -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send("n", first)
        while reply.stage != "recommended":
            reply = await adv.send("n", "not sure" if "we" in first else "不确定")
        steps = await adv.send("n", ask)
    assert plain in steps.text, steps.text
    assert "`" not in steps.text and "whichmodel probe" not in steps.text and "--" not in steps.text


def test_a_why_not_followed_by_another_question_still_names_the_model() -> None:
    assert answers.why_not_target("why not Llama? isn't it free?") == "Llama"
    assert answers.why_not_target("DeepSeek怎么样？便宜吗？") == "DeepSeek"
    assert answers.why_not_target("那我到底选哪个？") is None


async def test_an_open_model_taken_for_free_gets_what_running_it_costs() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send("f", "我们想做一个客服机器人，每天两千次对话，预算每月三千元")
        while reply.stage != "recommended":
            reply = await adv.send("f", "不确定")
        free = await adv.send("f", "为什么不用DeepSeek？不是免费的吗？")
        plain = await adv.send("f", "为什么不用DeepSeek？")
    assert "免费下载" in free.text and "GPU" in free.text
    assert "免费下载" not in plain.text

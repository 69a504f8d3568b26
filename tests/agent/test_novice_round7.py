"""Novice round 7 (a helper playing a Bristol yoga-studio owner and a Taobao tea seller, session 13,
no code read): each finding tested on sentences of our own. The opening "someone told me AI could …?"
and "…，这个能行不？" are the task, not an unanswerable question; "what counts as a request?", "啥是大模型",
"what's a data processing agreement" and "are they free or not?" get plain answers; "will it go over my
budget on busy days?" is answered from the pick's own price; "do I need someone to hook it up to
WhatsApp / 接到千牛" gets the three ways to connect it; a safety question about phone numbers or a
foreign provider gets the practical advice; "what's X? and why not just use ChatGPT" answers both; two
tasks in the first message are both acknowledged; the report title says what the model should do."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.glossary import lookup
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.tools.report.titles import use_case_summary


def _advisor() -> Advisor:
    return Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None)


def test_the_new_glossary_terms_are_found_by_the_questions_people_ask() -> None:
    cases = {
        "what counts as one request then?": "Request",
        "订单算一个请求吗？请求是啥意思": "Request",
        "老听人说大模型，到底啥是大模型": "Large language model",
        "what's an LLM": "Large language model",
        "what is a DPA and who signs it": "Data processing agreement",
        "数据处理协议是什么": "Data processing agreement",
    }
    for question, term in cases.items():
        found = lookup(question)
        assert found is not None and found.en == term, question
    assert lookup("which request is the cheapest?") is None  # uses the word, does not ask about it
    opened = lookup("what is an open source model")
    assert opened is not None and "free to download" in opened.answer_en and "不免费" in opened.answer_zh


def test_new_kinds_of_question_about_the_recommendation() -> None:
    assert answers.about_recommendation("on busy weeks we get twice as many, will we go over budget?") == ["over_budget"]
    assert "over_budget" in answers.about_recommendation("618大促那个月会不会超预算")
    assert answers.about_recommendation("who would connect it to our Shopify chat?") == ["integration"]
    assert "integration" in answers.about_recommendation("能不能接到企业微信上")
    assert answers.about_recommendation("so is it free or not?") == ["free"]
    assert answers.about_recommendation("I already pay for ChatGPT Plus") == []


async def test_a_first_message_said_as_hearsay_is_the_task_and_busy_months_are_priced() -> None:
    async with _advisor() as adv:
        first = await adv.send("y", "hello! a friend said AI could answer our guests' booking questions? no clue where to start")
        assert "can't answer" not in first.text and "Task:" in first.text
        await adv.send("y", "about 60 messages a day, budget £20 a month, english only")
        await adv.send("y", "any cloud is fine")
        reply = await adv.send("y", "on bank holidays we get double. will it go over my £20? and who hooks it up to whatsapp?")
    assert "per 1,000 requests" in reply.text and "twice as many" in reply.text
    assert "spending limit" in reply.text and "WhatsApp Business" in reply.text


async def test_a_chinese_opening_with_two_tasks_and_a_feasibility_question() -> None:
    async with _advisor() as adv:
        first = await adv.send("w", "我开了个卖蜂蜜的网店，想让AI写写宝贝描述，再帮忙回复买家的留言，这个可行吗？")
        assert "答不了" not in first.text
        assert "它还要做" in first.text and "文案写作" in first.text
        await adv.send("w", "一天五六十条，一个月一百块以内，放国内吧")
        safe = await adv.send("w", "买家的手机号和地址给它安全不")
    assert "手机号" in safe.text and "去掉" in safe.text


async def test_a_glossary_question_and_a_why_not_in_one_message_get_both_answers() -> None:
    async with _advisor() as adv:
        await adv.send("g", "We want a chatbot for our gym members, 30 messages a day, £10 a month")
        await adv.send("g", "any cloud is fine")
        reply = await adv.send("g", "sorry what's an API? and why not just use ChatGPT, I already pay for it")
    assert "API:" in reply.text and "ChatGPT" in reply.text and "subscription" in reply.text


def test_the_title_is_what_the_model_should_do_after_hearsay() -> None:
    title = use_case_summary(
        "hey, we run two cafés in Leeds and a friend told me AI could reply to our customers' reviews? no idea tbh",
        "writing", "en")  # fmt: skip
    assert title.lower().startswith("reply to our customers")

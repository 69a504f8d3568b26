"""Novice review 15 (eight non-technical owners, /work/novice15): the side questions that got "I can't
answer that one" or a wrong answer, on sentences of our own and the reviewers' own. How to start
depends on the situation (the chat app by hand at a few a month, a hosted chatbot builder for a bot on a
website, someone connecting the API otherwise, and what to ask an IT supplier); "why not ChatGPT?" at
17 a month says the app is enough; "这个靠谱吗？分错了怎么办" gets the reliability answer; "will they
train on our contracts?" is a data-terms question, not fine-tuning; the data-safety example fits the use
case (CVs: 个人信息保护法 and the ID number); a currency question gets US dollars with the rate and its
date; "is it really that cheap?" says what the figure covers; "请求" is explained."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent import glossary
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.knowledge.units import USD_PER
from whichmodel.tools.report.script import for_place

REFUSED = ("I can't answer that one", "答不了")


async def _after(start: str, *questions: str, thread: str = "t") -> list[str]:
    """The replies to `questions`, asked once `start` has reached a recommendation."""
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = await adv.send(thread, start)
        for _ in range(6):
            if reply.stage == "recommended":
                break
            reply = await adv.send(thread, "不确定" if any("\u4e00" <= c <= "\u9fff" for c in start) else "not sure")
        assert reply.stage == "recommended", reply.text
        return [(await adv.send(thread, q)).text for q in questions]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("So what do I actually do, go on the Anthropic website and type in my cakes?", "setup"),
        ("Can I not just copy and paste from the chat app?", "setup"),
        ("And who actually puts the chatbot on our website?", "setup"),
        ("what do I actually tell our IT supplier to do?", "setup"),
        ("具体我要怎么开始，要写代码吗？", "setup"),
        ("我們要自己寫程式嗎？", "setup"),
        ("这个靠谱吗？分错了怎么办", "mistakes"),
        ("這個靠譜嗎？", "mistakes"),
        ("Is it reliable though?", "mistakes"),
        ("会不会拿我们客户的合同去训练？", "safety"),
        ("會不會拿我們客戶的合約去訓練？", "safety"),
        ("do they train on our data?", "safety"),
        ("will my data be used for training?", "safety"),
        ("is that $37.50 in Aussie dollars or US?", "currency"),
        ("so what's the monthly cost in AUD?", "currency"),
        ("一个月大概要多少台币？", "currency"),
        ("一個月大概要多少台幣？", "currency"),
        ("每月九十多块是真的吗，感觉太便宜了", "cost_real"),
        ("还有每月九十多块靠谱吗", "cost_real"),
        ("is it really that cheap?", "cost_real"),
    ],
)
def test_the_reviewers_questions_have_an_answer_kind(question: str, kind: str) -> None:
    assert kind in answers.about_recommendation(question)
    assert not answers.is_adaptation_question(question)


def test_a_price_that_is_doubted_is_not_a_reliability_question() -> None:
    assert "mistakes" not in answers.about_recommendation("还有每月九十多块靠谱吗")
    assert answers.about_recommendation("who would connect it to our Shopify chat?") == ["integration"]
    assert answers.about_recommendation("我不会写程序 那咋办") == ["no_dev"]
    assert answers.is_adaptation_question("should we fine-tune?")


async def test_a_baker_at_17_a_month_is_told_the_chat_app_is_enough() -> None:
    start = "I run a bakery and want AI to write the descriptions for our cakes, about 17 a month, budget £5 a month"
    why_not, copy = await _after(start, "why not just use ChatGPT, I already have it on my phone",
                                 "Can I not just copy and paste from the chat app?")  # fmt: skip
    assert "at about 17 requests a month, the app is all you need" in why_not
    assert "doesn't cover it" not in why_not
    assert copy.startswith("At about 17 requests a month, you don't need any software or an API")
    assert not any(r in copy for r in REFUSED)


async def test_a_school_without_it_staff_is_told_who_puts_the_chatbot_on_the_website() -> None:
    start = ("We're a primary school and want a chatbot on our website that answers parents from our policies, "
             "about 30 questions a week, £15 a month")  # fmt: skip
    (text,) = await _after(start, "And who actually puts the chatbot on our website? we've got no IT person")
    assert "hosted chatbot builder" in text and "upload the documents" in text
    assert "monthly spending cap" in text and "about 20 of your real examples" in text
    assert not any(r in text for r in REFUSED)


async def test_what_to_tell_the_it_supplier_names_the_pick_the_cap_and_the_test() -> None:
    start = "We want AI to summarise our hospital letters, 2,000 a month, budget $200 a month"
    (text,) = await _after(start, "what do I actually tell our IT supplier to do?")
    assert "At 2,000 requests a month, copying and pasting by hand is too much" in text
    assert "Zapier" in text and "(1) the model:" in text and "through" in text
    assert "data-processing agreement" in text and "monthly spending cap" in text and "a month is expected" in text


async def test_chinese_how_to_start_depends_on_the_volume_and_the_bot() -> None:
    reviews = "我开淘宝店，想用AI把买家评价自动分类，一天三四百条，一年预算两千块"
    (api,) = await _after(reviews, "具体我要怎么开始，要写代码吗？")
    assert "不一定要您自己写代码。每月" in api and "API" in api and "集简云" in api
    assert "每月消费上限" in api and "20 个真实样例" in api
    travel = "我们是台北的小旅行社，想在网站上做个客服机器人回答行程和签证问题，一天五十个客人，每月预算两千元"
    (bot,) = await _after(travel, "我們要自己寫程式嗎？公司沒有工程師")
    # a Taipei agency is answered in Traditional Chinese (novice round 20)
    assert bot.startswith("網站上的客服機器人不一定要寫程式") and "託管的聊天機器人平臺" in bot


async def test_reliability_is_answered_in_chinese() -> None:
    (text,) = await _after("我开淘宝店，想用AI把买家评价自动分类，一天三百条，每月预算一百五十元", "这个靠谱吗？分错了怎么办")
    assert text.startswith("它有时会分错") and "抽查" in text and "50–100" in text
    assert not any(r in text for r in REFUSED)


async def test_training_on_the_contracts_is_a_data_terms_question() -> None:
    start = "我们是律所，想用AI找出合同里的风险条款，一周二十份，数据必须留在国内，每月预算四千元"
    (text,) = await _after(start, "Kimi的话数据安全吗？会不会拿我们客户的合同去训练？")
    assert text.startswith("关于训练：通过 API 调用时") and "服务协议" in text and "设置里关掉" in text
    assert "微调" not in text
    (en,) = await _after("We want AI to review our clients' contracts, 100 a month, $100 a month", "do they train on our data?")
    assert en.startswith("On training: through the API") and "Data controls" in en and "fine-tun" not in en


async def test_the_safety_example_fits_the_use_case() -> None:
    cv = "我们是制造企业人事部，想用AI给简历打分，每月三百份，简历里有身份证号和手机号，每月预算一百元"
    (text,) = await _after(cv, "简历里有身份证号、手机号这些个人信息，数据安全吗？")
    assert "个人信息保护法" in text and "身份证号属于敏感个人信息" in text and "由人来做录用决定" in text
    assert "发货" not in text and "辣不辣" not in text
    invoices = "We want AI to pull the supplier, date and total out of our invoices, 1,500 a month, $40 a month"
    (en,) = await _after(invoices, "is the clients' data safe? their names and addresses are on the invoices")
    assert "what time is the class" not in en and "when will my order ship" not in en


async def test_a_currency_question_gets_us_dollars_and_the_rate() -> None:
    start = "We want AI to pull the supplier, date and total out of invoice photos, 1,500 a month, $40 a month"
    (text,) = await _after(start, "is that in Aussie dollars or US?")
    assert text.startswith("All my prices are in US dollars: the providers' list prices")
    if "AUD" in USD_PER:
        assert "reference rate of US$1 =" in text and "Australian dollars" in text
    else:
        assert "I have no exchange rate for Australian dollars" in text
    (zh,) = await _after("我们想做个客服机器人，一天五十个客人，每月预算两千元", "一個月大概要多少台幣？", thread="z")
    # asked in Traditional Chinese: answered in it (novice round 20)
    assert zh.startswith(for_place("我给出的价格都是美元：各服务商的标价", "zh", "tw")) and "新臺幣" in zh
    assert (for_place("参考汇率 1 美元 =", "zh", "tw") in zh) == ("TWD" in USD_PER)


async def test_is_it_really_that_cheap_says_what_the_figure_covers() -> None:
    start = "我们是律所，想用AI找出合同里的风险条款，一周二十份，数据必须留在国内，每月预算四千元"
    (text,) = await _after(start, "每月九十多块是真的吗，感觉太便宜了")
    assert text.startswith("只算模型的使用费，是的。") and "每百万 token 输入" in text
    assert "次请求" in text and "不包括员工的时间" in text and "聊天应用的会员费" in text


def test_request_is_explained_when_the_person_says_they_do_not_understand_it() -> None:
    token = glossary.lookup("token是什么意思？")
    assert token is not None
    asked = glossary.also_asked(token, "token是什么意思？你一直在说请求、token，我不太懂")
    assert [term.en for term in asked] == ["Tokens", "Request"]
    assert "就是一次请求" in asked[1].answer("zh") and "is one request" in asked[1].answer("en")
    assert [term.en for term in glossary.also_asked(token, "what's a token? our agents answer emails")] == ["Tokens"]
    request = glossary.lookup("請求是什麼意思？")
    assert request is not None and request.en == "Request"

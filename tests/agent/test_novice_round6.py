"""Novice round 6 (a helper playing a Leeds bakery chain and a Chengdu spice shop, session 12): each
finding tested on sentences of our own. Chinese typed with spaces for commas is read clause by clause
(a figure beside a side question is kept; a numbered choice beside a question is taken); questions
quoted as examples of what buyers ask are no question to us; a worry said as a statement ("what if it
tells someone...", "you didn't answer about...") is answered, and harm (allergens, medicines) gets the
stronger advice; "别太贵就行" is a balanced priority, not an unlimited budget; "our customer data" is no
knowledge base; "whats X and Y?" describes both; a stated £/€/¥ budget is stated; a Chinese chat shows
yuan; the shortlist names the quality pick and the value pick."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings


def _advisor() -> Advisor:
    return Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None)


def _facts(message: str, expecting: str | None = None) -> dict[str, object]:
    return {f.path: f.value for f in understand(message, expecting=expecting).facts}


def test_a_figure_beside_a_side_question_typed_with_spaces_is_kept() -> None:
    u = understand("每天一百来单吧 周末多一点 顺便问下API是啥", expecting="volume.requests_per_month")
    assert {f.path: f.value for f in u.facts}.get("volume.requests_per_month") == 3000
    assert u.question is not None and "API是啥" in u.question


def test_questions_quoted_as_examples_are_not_asked_of_us() -> None:
    u = understand("想让AI回复顾客的留言 问几点开门啊 有没有停车位啊 之类的")
    assert u.intent == "provide" and u.question is None
    u = understand("guests ask stuff like is breakfast included? can I check in early? and so on, we want a bot for that")
    assert u.question is None


def test_a_real_question_is_still_a_question() -> None:
    assert understand("停车位有没有").intent == "question"


async def test_a_numbered_choice_beside_a_question_is_taken_and_the_question_answered() -> None:
    async with _advisor() as adv:
        # buyers' data is personal: where it may run is asked (it is assumed otherwise)
        await adv.send("c", "我在重庆开火锅底料网店 想用AI自动回复买家 一天两百条 预算每月五百块 买家信息要保密")
        reply = await adv.send("c", "最好在国内 选5。顾客的地址会不会被泄露")
    assert "中国境内" in reply.text and "数据处理协议" in reply.text


@pytest.mark.parametrize(
    "message",
    [
        "what if it tells a customer the bread is gluten free and it isn't",
        "you didn't answer about allergies, if it gets that wrong someone gets ill",
        "万一它跟顾客说没有花生其实有 怎么办",
    ],
)
def test_worries_about_harmful_mistakes_get_the_harm_advice(message: str) -> None:
    u = understand(message)
    assert u.question is not None
    assert "mistakes" in answers.about_recommendation(u.question)
    text = answers.recommendation_answer("mistakes", {}, None, "zh" if "万一" in message else "en", None, u.question)
    assert ("allergen" in text) or ("过敏原" in text), text


def test_a_wish_not_to_overpay_is_a_balanced_priority_and_takes_the_default_budget() -> None:
    for message in ("无所谓 你定 不要太贵就行", "not sure really, we just don't want a surprise bill"):
        u = understand(message, expecting="budget.monthly_usd")
        assert u.intent == "confirm" and u.choice == "default"
        assert {f.path: f.value for f in u.facts} == {"priority": "balanced"}


def test_our_customer_data_is_no_knowledge_base() -> None:
    assert "data.proprietary_knowledge" not in _facts("our customer data is private, please be careful")


def test_what_is_names_every_thing_asked_about() -> None:
    assert answers.what_is_targets("whats DeepSeek and evroc? never heard of either") == ["DeepSeek", "evroc"]
    assert answers.what_is_targets("so whats Mistral, is it French?") == ["Mistral"]


def test_a_budget_in_pounds_is_stated() -> None:
    (budget,) = [f for f in understand("we can spend £80 a month").facts if f.path == "budget.monthly_usd"]
    assert budget.provenance == "stated" and budget.shown == "£80"


async def test_a_chinese_chat_without_a_budget_shows_yuan_and_names_both_picks() -> None:
    async with _advisor() as adv:
        await adv.send("z", "我开了个卖茶叶的网店 想用AI回复买家咨询 一天三百条")
        reply = await adv.send("z", "预算不限")
    assert "¥" in reply.text and "（质量之选）" in reply.text
    assert "性价比之选" in reply.text


def test_a_hedged_answer_ending_with_a_question_mark_is_an_answer() -> None:
    u = understand("we're based in Ireland so I guess keep it in europe?", expecting="deployment")
    assert u.intent == "provide" and {f.path: f.value for f in u.facts}.get("deployment.data_residency") == "eu"
    assert understand("what do you guess it costs?").intent == "question"


@pytest.mark.parametrize(
    ("question", "name"),
    [("Kimi不行吗", "Kimi"), ("用GLM不是更便宜吗", "GLM"), ("老板说用Qwen就行了，为啥还要挑", "Qwen"),
     ("can't we just use Gemini?", "Gemini"), ("isn't Mistral cheaper?", "Mistral")],
)
def test_why_not_said_other_ways(question: str, name: str) -> None:
    assert answers.why_not_target(question) == name


def test_no_model_name_in_ordinary_questions() -> None:
    for question in ("这个能用吗", "is it safe?", "我们用云就行了，为什么还要选"):
        assert answers.why_not_target(question) is None

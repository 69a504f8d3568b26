"""Novice round 5 (a helper playing a UK physio clinic and a Hangzhou tea shop): each finding tested
on sentences of our own. "I said reminder texts" is writing, never speech; "is that all I pay?" asks
about the cost and changes no budget; "在吗" is a greeting; Chinese A-not-A questions ("安不安全",
"行不行") are questions; "5吧" past the last choice is said back; owners' questions get answers: is it
legal (by the person's region), what if it's wrong, no programmer, too few examples, the receptionist
and the app, what the value pick is, what a model or provider is, how to sign up."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain.offline import understand
from whichmodel.agent.glossary import lookup
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings


def _advisor() -> Advisor:
    return Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None)


@pytest.mark.parametrize(
    "message", ["Hang on, I said reminder texts, not chatting.", "we send appointment reminder messages", "Writing."]
)
def test_reminder_texts_and_writing_are_writing(message: str) -> None:
    facts = {f.path: f.value for f in understand(message).facts}
    assert facts.get("task_type") == "writing" and "input_modalities" not in facts


def test_a_cost_said_back_and_asked_about_is_a_question() -> None:
    u = understand("So £3.54 a month, is that all I pay?", expecting="budget.monthly_usd")
    assert u.intent == "question" and not u.facts and u.question == "So £3.54 a month, is that all I pay?"


@pytest.mark.parametrize("message", ["你还没说安不安全啊", "豆包行不行", "买家信息给它会不会泄露", "我不会写程序 那咋办"])
def test_chinese_questions_without_a_question_mark(message: str) -> None:
    assert understand(message).intent == "question"


def test_a_chinese_hello_that_ends_like_a_question_is_a_greeting() -> None:
    u = understand("在吗")
    assert u.intent == "greeting" and u.question is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is it actually allowed under UK law to put patient emails in?", "law"),
        ("What if it tells a patient the wrong exercise and they get hurt?", "mistakes"),
        ("买家要是答错了咋办", "mistakes"),
        ("我不会写程序 那咋办", "no_dev"),
        ("I don't have 50-100 examples. Is there something simpler?", "few_examples"),
        ("Can my receptionist just log in somewhere and use Claude Opus?", "app_use"),
        ("要不要买电脑", "hardware"),
    ],
)
def test_owners_questions_have_an_answer_kind(question: str, kind: str) -> None:
    assert answers.about_recommendation(question) == [kind]
    assert answers.why_not_target(question) is None


@pytest.mark.parametrize(
    ("raw", "currency", "region", "words"),
    [
        ({}, "GBP", "uk", "UK GDPR"),
        ({"languages": ["de", "en"]}, None, "eu", "Article 28"),
        ({"languages": ["zh"]}, "CNY", "cn", "Personal Information Protection Law"),
        ({"languages": ["en"]}, None, "other", "Tell me your country"),
    ],
)
def test_the_law_answer_follows_the_persons_region(raw: dict, currency: str | None, region: str, words: str) -> None:
    assert answers.person_region(raw, currency) == region
    assert words in answers.recommendation_answer("law", raw, None, "en", currency)


def test_value_pick_and_cloud_api_are_explained() -> None:
    assert lookup("What does value pick mean?").en == "Quality pick and value pick"  # type: ignore[union-attr]
    assert lookup("啥是云端API").en == "API"  # type: ignore[union-attr]


def test_what_is_a_model_or_a_provider_comes_from_the_catalog() -> None:
    assert answers.what_is_targets("What is evroc?") == ["evroc"]
    assert answers.what_is_targets("DeepSeek是什么") == ["DeepSeek"]
    assert answers.what_is_targets("what is the difference between the first two?") == []
    model = answers.what_is_answer("DeepSeek", "en")
    assert model is not None and "DeepSeek" in model and "per million tokens" in model and "models.dev" in model
    provider = answers.what_is_answer("evroc", "en")
    assert provider is not None and "European Union" in provider
    assert answers.what_is_answer("Frobnicator 9000", "en") is None


async def test_five_past_four_choices_is_said_back_once() -> None:
    async with _advisor() as adv:
        await adv.send("c", "我在杭州开网店卖茶叶，想用AI回复买家咨询，一天一两百条")
        reply = await adv.send("c", "5吧")
    assert reply.text.count("选项只有 4 个，所以我把 5 当成了数字本身") == 1
    assert "不太寻常" not in reply.text and "已记录" not in reply.text


async def test_how_to_start_names_the_picks_provider() -> None:
    async with _advisor() as adv:
        reply = await adv.send("s", "We want AI to answer customer emails for our bakery, about 50 a day, budget $100 a month")
        while reply.stage != "recommended":
            reply = await adv.send("s", "not sure")
        reply = await adv.send("s", "ok, what do I do tomorrow morning?")
    assert "The quality pick:" in reply.text and "create an account on" in reply.text and "API key" in reply.text


@pytest.mark.parametrize(("lang", "now", "then"), [("en", "at this volume", "at the earlier volume"), ("zh", "在此用量下", "按之前的用量")])
def test_a_budget_failure_of_earlier_requirements_says_so(lang: str, now: str, then: str) -> None:
    from whichmodel.tools.decision.result import Reason
    from whichmodel.tools.decision.whynot import WhyNot, failure_line

    w = WhyNot(query="x", model_key="x", name="X", status="eliminated")
    over = Reason(code="over_budget", params={"monthly_usd": 100.0})
    assert now in failure_line(w, over, lang) and then in failure_line(w, over, lang, earlier=True)

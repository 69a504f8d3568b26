"""Novice round 8 (a helper playing a Manchester accounting practice and a Chinese tutoring studio,
session 13, no code read): each finding tested on sentences of our own. "Where do I start?" and
"能推荐一下吗" ending a description start the interview instead of "I can't answer that"; a word of ours
echoed back ("summarising?") and "no, it's sorting…" correct the task, and "changed it from X" does not
set X; "we're UK not EU" sets no EU rule and GDPR alone is no residency; "one from a European company"
keeps the providers under EU law; "does that count?" about the UK gets the UK law answer; hallucination
is explained; the why-not comparison is in plain words; Copilot's maker reads right."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver

from tests.brain.conftest import facts
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.glossary import lookup
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings


def test_asking_where_to_start_is_no_side_question() -> None:
    for message in ("We run a dog-grooming salon and want AI to sort our booking emails into categories. Where do I start?",
                    "我们是个小诊所，想用AI帮忙把病人的留言分类，能推荐一下吗"):  # fmt: skip
        u = understand(message)
        assert u.question is None and {f.path: f.value for f in u.facts}.get("task_type") == "classification", message


def test_an_echoed_word_and_no_its_correct_the_task() -> None:
    assert facts("wait, translation? no, it's summarising the meeting notes").get("task_type") == "summarization"
    assert facts("不是翻译，是分类").get("task_type") == "classification"
    assert "task_type" not in facts("you still haven't changed it from translation")


def test_not_the_eu_and_gdpr_alone_set_no_residency() -> None:
    assert "deployment.data_residency" not in facts("we're UK not EU though, so GDPR still matters")
    assert facts("the data has to stay in the EU").get("deployment.data_residency") == "eu"


def test_a_company_from_a_region_keeps_its_providers() -> None:
    eu = facts("can you give me one from a European company instead")["deployment.providers_allowed"]
    assert "mistral" in eu and "openai" not in eu  # type: ignore[operator]
    cn = facts("最好用国内厂商的")["deployment.providers_allowed"]
    assert "deepseek" in cn and "anthropic" not in cn  # type: ignore[operator]


def test_uk_gdpr_hallucination_and_copilot() -> None:
    assert answers.about_recommendation("we're in England not the EU, does that count?") == ["law"]
    term = lookup("my partner says these things hallucinate, what does that mean?")
    assert term is not None and term.en == "Hallucination" and "confident" in term.answer_en
    copilot = next(app for app in answers.consumer_apps("why not just use copilot?"))
    assert copilot.maker_en == "OpenAI"


async def test_the_why_not_comparison_is_in_plain_words() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("w", "We want a chatbot for our hotel guests, 100 messages a day, $50 a month")
        reply = await adv.send("w", "why not GPT-5.4?")
    assert "points lower on public ratings" in reply.text or "points higher on public ratings" in reply.text
    assert "public ranking score" not in reply.text and "x the monthly cost" not in reply.text


async def test_a_task_added_later_is_added_and_its_cost_question_answered() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("t", "我开了个琴行，想用AI回复家长的咨询，一天五十条，一个月预算三百块")
        reply = await adv.send("t", "还想让它帮忙写招生文案，这个也行吗？会不会贵很多")
    assert "它还要做文案写作" in reply.text and "答不了" not in reply.text and "每千次请求" in reply.text


async def test_next_steps_for_someone_without_a_developer_skip_the_api_key() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("n", "We want a chatbot for our florist shop, 40 messages a day, £20 a month")
        reply = await adv.send("n", "I'm not techy at all, what do I actually do next?")
    assert "You don't need to program" in reply.text and "API key" not in reply.text

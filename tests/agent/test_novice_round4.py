"""Novice round 4 (a helper playing a bookkeeper and a Chinese shop owner): each finding tested on
sentences of our own. A numbered choice with "吧" picks it; "does the AI company keep copies of our
invoices?" is a safety question (with the retention rule), not one about training; plain answers to
"what's an API?", "what's Amazon Bedrock?", "提示工程是啥", "50到100个样例是什么意思？", "完整报告在哪里看？";
"is it cheaper on our own computer?" gets GPU rent against the API bill; "Claude在国内能用吗？" is the
core's why-not with the data in China; questions are not model names; "我们还要它写中文摘要" adds, it does
not replace; "will it read a blurry photo?" is a question once the task is known; Chinese ranges and
British slang; a bare budget figure in a Chinese chat is yuan; the choices explained; "can I just use
it on my phone?"; "which one should I use?" gets the recommendation now."""

from __future__ import annotations

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain.offline import understand
from whichmodel.agent.glossary import lookup
from whichmodel.agent.interview_spec import QUESTIONS
from whichmodel.agent.nodes import answers
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.knowledge.units import to_usd
from whichmodel.tools.decision.gpus import GPUS
from whichmodel.tools.decision.selfhost import HOURS_PER_MONTH


def _facts(message: str, **kw) -> dict[str, object]:
    return {f.path: f.value for f in understand(message, **kw).facts}


def _advisor() -> Advisor:
    return Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None)


# --- the brain ------------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["5吧", "选5吧", "就5吧", "option 5 please", "第5个吧", "五吧"])
def test_a_numbered_choice_with_a_particle_picks_it(message: str) -> None:
    labels = QUESTIONS["deployment"].labels("zh")
    u = understand(message, expecting="deployment", options=labels)
    assert u.choice == labels[4]
    assert {f.path: f.value for f in u.facts}["deployment.data_residency"] == "cn"


def test_a_number_past_the_choices_picks_nothing() -> None:
    labels = QUESTIONS["deployment"].labels("zh")
    assert understand(f"{len(labels) + 1}吧", expecting="deployment", options=labels).choice is None


@pytest.mark.parametrize(
    ("message", "expecting", "path", "value"),
    [
        ("一天大概一两百封吧，旺季多一点", "volume.requests_per_month", "volume.requests_per_month", 6000),
        ("一个月一两千块吧", "budget.monthly_usd", "budget.monthly_usd", round(to_usd(2000, "CNY"), 2)),
        ("under a tenner a month", "budget.monthly_usd", "budget.monthly_usd", round(to_usd(10, "GBP"), 2)),
    ],
)
def test_ranges_and_slang_are_read(message: str, expecting: str, path: str, value: float) -> None:
    assert _facts(message, expecting=expecting)[path] == pytest.approx(value, abs=0.02)


def test_the_low_end_of_a_money_range_is_not_a_volume() -> None:
    facts = _facts("每月一千到两千元", expecting="budget.monthly_usd")
    assert "volume.requests_per_month" not in facts
    assert facts["budget.monthly_usd"] == pytest.approx(to_usd(2000, "CNY"), abs=0.02)


@pytest.mark.parametrize("message", ["数据最好别出境", "数据尽量不要出境"])
def test_data_preferably_not_leaving_china(message: str) -> None:
    assert _facts(message)["deployment.data_residency"] == "cn"


@pytest.mark.parametrize("message", ["grade students' essays and write feedback", "给学生作文打分和写评语"])
def test_essay_grading_is_a_writing_task_on_minors_data(message: str) -> None:
    facts = _facts(message)
    assert facts["task_type"] == "writing"
    assert facts["data.sensitivity"] == "confidential"


# --- side questions answered ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("what's an API? what do I actually do next?", "API"),
        ("What's Amazon Bedrock? Do I need an Amazon account?", "Cloud AI platform"),
        ("提示工程是啥", "Prompt engineering"),
        ("50到100个样例是什么意思？", "Test examples"),
        ("完整报告在哪里看？", "Report"),
        ("what does self-hosted mean?", "Self-hosting"),
    ],
)
def test_novice_words_have_plain_answers(question: str, term: str) -> None:
    found = lookup(question)
    assert found is not None and found.en == term


@pytest.mark.parametrize("question", ["what's the cheapest API?", "where are the examples", "what is the cost of the API"])
def test_everyday_words_only_answer_a_question_about_the_word(question: str) -> None:
    assert lookup(question) is None


@pytest.mark.parametrize(
    "question", ["And what about January when we get 5000?", "你那个任务类型对吗？", "what about next month?"]
)
def test_questions_are_not_model_names(question: str) -> None:
    assert answers.why_not_target(question) is None


@pytest.mark.parametrize(("question", "name"), [("那DeepSeek呢？", "DeepSeek"), ("why not Llama? isn't it free?", "Llama")])
def test_model_names_still_are(question: str, name: str) -> None:
    assert answers.why_not_target(question) == name


def test_own_hardware_answer_rents_gpus_from_the_core_table() -> None:
    assert answers.about_recommendation("is it cheaper to run on our own computer so nothing leaves the office?") == [
        "own_hardware"
    ]
    text = answers.recommendation_answer("own_hardware", {}, None, "en", None)
    assert f"${GPUS['L4'].hourly_usd * HOURS_PER_MONTH:,.0f}" in text
    assert f"${GPUS['H100-80GB'].hourly_usd * HOURS_PER_MONTH:,.0f}" in text
    assert "must run on our own servers" in text


def test_region_answer_is_the_cores_why_not_with_the_data_in_china() -> None:
    assert answers.region_question("Claude在国内能用吗？") == ("Claude", "cn")
    assert answers.region_question("can we use GPT-5 in Europe?") == ("GPT-5", "eu")
    text = answers.region_answer("Claude", "cn", {"use_case": "客服", "task_type": "chat", "languages": ["zh"]}, None, "zh")
    assert text.startswith("如果数据必须留在中国境内：") and "Anthropic" in text
    assert "anthropic:" not in text  # a provider's name, not an offering id
    assert "数据必须留在中国境内”" in text  # how to make it a must


async def test_the_retention_question_is_a_safety_answer() -> None:
    async with _advisor() as adv:
        await adv.send("r", "We're a 3-person bookkeeping firm and want AI to draft replies to client emails, about 20 a day.")
        reply = await adv.send("r", "Does the AI company keep copies of our clients invoices? Could they be used to train the AI?")
    assert "don't train on your API data" in reply.text and "30 days" in reply.text
    assert "fine-tun" not in reply.text.lower()


async def test_an_added_task_and_language_add_to_what_is_held() -> None:
    async with _advisor() as adv:
        await adv.send("a", "我们是一家外贸公司，想用AI回复客户邮件，中文和英文都有")
        reply = await adv.send("a", "我们还要它写中文摘要")
        state = await adv.state("a")
    assert state.slots["task_type"]["value"] == "writing"
    assert set(state.slots["languages"]["value"]) == {"zh", "en"}
    assert "还要做摘要" in reply.text and "没找到" not in reply.text


async def test_a_capability_question_once_the_task_is_known_changes_nothing() -> None:
    async with _advisor() as adv:
        await adv.send("p", "We want AI to answer customer emails for our bakery, about 50 a day")
        before = (await adv.state("p")).slots
        reply = await adv.send("p", "will it read a blurry photo?")
        after = (await adv.state("p")).slots
    assert after["task_type"] == before["task_type"] and "input_modalities" not in after
    assert "we send photos" in reply.text


async def test_a_bare_budget_in_a_chinese_chat_is_yuan() -> None:
    async with _advisor() as adv:
        await adv.send("y", "我们想用AI给网店订单分类，每天几百单")
        await adv.send("y", "5000")
        budget = (await adv.state("y")).slots["budget.monthly_usd"]
    assert budget["value"] == pytest.approx(to_usd(5000, "CNY"), abs=0.02) and budget["shown"].startswith("¥5,000")


async def test_the_choices_are_explained_when_asked() -> None:
    async with _advisor() as adv:
        # confidential data: where it may run is asked (it is assumed otherwise)
        await adv.send("o", "I want AI to write product descriptions for my shop, about 30 a month, our supplier data is confidential")
        await adv.send("o", "no budget")
        reply = await adv.send("o", "what's the difference between the first two? they sound the same to me")
    assert "What each choice means:" in reply.text
    assert "2. Only on our own servers (self-hosted): your company runs the model" in reply.text


async def test_phone_app_question_at_a_handful_a_month() -> None:
    async with _advisor() as adv:
        await adv.send("m", "I want AI to write product descriptions for my etsy shop, maybe 30 a month")
        reply = await adv.send("m", "can I just use it on my phone?")
    assert "chat apps" in reply.text and "At about 30 a month" in reply.text


async def test_asking_which_one_once_the_task_is_known_recommends_now() -> None:
    async with _advisor() as adv:
        await adv.send("w", "We want AI to answer customer emails for our bakery, about 50 a day")
        reply = await adv.send("w", "so which one should i use?")
    assert reply.stage == "recommended"
    assert "give you my recommendation now" in reply.text


async def test_is_the_task_right_shows_what_is_held() -> None:
    async with _advisor() as adv:
        await adv.send("k", "我们想让AI给学生作文打分并写评语，每天一百篇")
        reply = await adv.send("k", "你那个任务类型对吗？")
    assert "我目前记录的是：任务类型：批改作文并写评语" in reply.text  # grading said back as grading (novice18)


@pytest.mark.parametrize(
    ("question", "lang", "words"),
    [
        ("before I tell you anything: how do you actually pick a model?", "en", ("quality pick", "value pick", "own examples")),
        ("你们是怎么挑模型的？", "zh", ("质量首选", "性价比之选", "样例")),
    ],
)
def test_how_the_pick_is_made_is_the_frameworks_order(question: str, lang: str, words: tuple[str, ...]) -> None:
    assert answers.about_recommendation(question) == ["method"]
    text = answers.recommendation_answer("method", {}, None, lang, None)  # type: ignore[arg-type]
    assert all(w in text for w in words)

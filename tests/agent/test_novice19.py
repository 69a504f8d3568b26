"""Novice round 19 in the chat: a question never silently changes a requirement; the form a reply is asked
in ("yes or no", "step by step") is no requirement; data said in the person's own words not to leak is
confidential; "what is X?" in plain words, about the model on their own shortlist; app plan prices; Taiwan;
Chinese replies without stray English."""

from __future__ import annotations

from typing import Any

from whichmodel.tools.report.script import for_place


async def _chat(thread: str, *turns: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The reply to the last turn, the slots held after it and the recommendation."""
    from langgraph.checkpoint.memory import InMemorySaver

    from whichmodel.agent.service import Advisor
    from whichmodel.agent.settings import Settings

    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = None
        for turn in turns:
            reply = await adv.send(thread, turn)
        state = await adv.state(thread)
    assert reply is not None
    slots = {path: slot["value"] for path, slot in state.slots.items()}
    return reply.text, slots, dict(state.recommendation or {})


_CANDLES = (
    "hey! i sell handmade candles on etsy and my own shopify. need help writing product descriptions and "
    "replying to customer emails, i'm drowning lol",
    "idk maybe 40 new products a month and like 20-30 emails a day? my budget is like $30 a month max",
)
_COUNCIL = (
    "Hello, I work in the county council office in Cork. We record phone calls from the public (complaints, "
    "potholes, housing) and someone has to type up notes. Can AI transcribe the calls and summarise them?",
    "ok good. transcribe the phone calls then summarise. its audio recordings",
    "maybe 40 calls a day, each 5 to 10 mins. the recordings have to stay in Ireland or at least the EU, GDPR",
    "its a council so has to be cheap, maybe 100 euro a month",
)


def test_yes_or_no_and_step_by_step_are_the_form_of_the_reply() -> None:
    from whichmodel.agent.brain import understand

    u = understand("so i just go to claude.ai and sign up? yes or no")
    assert u.intent == "question" and not u.facts
    u = understand("what do i do next, step by step")
    assert u.intent == "question" and not u.facts
    # a classifier whose answers are yes or no still says so
    u = understand("classify each ticket, the answer is yes or no")
    assert any(f.path == "volume.output_tokens" and f.value == 5 for f in u.facts)


async def test_yes_or_no_question_changes_nothing() -> None:
    _, slots_before, _ = await _chat("p4a", *_CANDLES)
    text, slots, _ = await _chat("p4b", *_CANDLES, "so i just go to claude.ai and sign up? yes or no")
    assert "Answer size" not in text and "Re-ranked" not in text
    assert slots.get("volume.output_tokens") == slots_before.get("volume.output_tokens")


async def test_a_gdpr_question_keeps_the_transcription_task() -> None:
    text, slots, _ = await _chat(
        "p3",
        *_COUNCIL,
        "the summaries would have names in them, is Claude on Amazon ok for GDPR? and can I just try it on the "
        "free Claude website first with a couple of calls?",
    )
    assert slots["task_type"] == "speech_to_text"
    assert "summarising" not in text and "→ summarising" not in text


def test_a_question_keeps_held_values_but_not_corrections_or_written_figures() -> None:
    from whichmodel.agent.nodes.interview import _asked_not_told
    from whichmodel.agent.state import Fact

    held = {"task_type": Fact("task_type", "speech_to_text", "stated", "transcribe").slot(),
            "volume.requests_per_month": Fact("volume.requests_per_month", 900, "stated", "30 a day").slot(),
            "data.sensitivity": Fact("data.sensitivity", "internal", "defaulted", "").slot()}  # fmt: skip
    said = [Fact("task_type", "summarization", "stated", "summaries"),
            Fact("volume.requests_per_month", 1500, "stated", "50 a day"),
            Fact("data.sensitivity", "confidential", "inferred", "names")]  # fmt: skip
    kept = {f.path: f.value for f in _asked_not_told(held, said, "is that ok?", "provide")}
    assert kept == {"volume.requests_per_month": 1500, "data.sensitivity": "confidential"}
    assert len(_asked_not_told(held, said, "is that ok?", "correction")) == 3
    assert len(_asked_not_told(held, said, None, "provide")) == 3


def test_data_that_must_not_leak_is_confidential() -> None:
    from whichmodel.agent.brain import understand

    for said in ("报价和客户名单绝对不能泄露", "our price lists must not leak"):
        u = understand(said)
        assert any(f.path == "data.sensitivity" and f.value == "confidential" for f in u.facts), said


async def test_must_not_leak_is_recorded_and_said_back_without_the_set_sentence() -> None:
    text, slots, _ = await _chat(
        "n3",
        "你好，我们是一家外贸公司，每天要回很多海外客户的询盘邮件，想找个AI帮业务员写回复",
        "每天五六十封，预算一个月一千元以内，我们在义乌",
        "报价和客户名单绝对不能泄露",
    )
    assert slots["data.sensitivity"] == "confidential"
    assert "机密" in text and "我们的数据是机密的" not in text


def test_what_is_a_cloud_platform_is_plain_words() -> None:
    from whichmodel.agent.nodes.answers import what_is_answer

    text = what_is_answer("Amazon Bedrock", "en") or ""
    assert "big cloud" in text and "account" in text
    assert "in my catalog" not in text and "jp" not in text.split()


def test_what_is_a_family_is_the_model_on_their_shortlist() -> None:
    from whichmodel.agent.nodes.answers import what_is_answer
    from whichmodel.knowledge.catalog.store import load_catalog
    from whichmodel.tools.decision.whynot import find_models

    found, _ = find_models(load_catalog(), "GLM")
    names = {m.key: m.name for m in found}
    older = next(k for k, n in names.items() if n == "GLM-5.2") if "GLM-5.2" in names.values() else sorted(names)[0]
    text = what_is_answer("GLM", "en", (older,)) or ""
    assert text.startswith(f"{names[older]} is a model")


_WEDDINGS = (
    "hello! im a wedding photographer in Cape Town. every wedding I have to send the couple a long email, write a "
    "blog post about the day and answer loads of enquiries. want AI to help me write all that stuff",
    "not sure, maybe 30 weddings a year? and like 10 enquiries a week. budget is R500 a month tops",
)


async def test_the_app_plan_price_in_their_currency_not_the_api_bill() -> None:
    text, _, _ = await _chat("n2", *_WEDDINGS, "claude pro, is it worth paying or is free enough? how many rand")
    assert "Claude app" in text and "R360" in text and "free plan" in text
    assert "can't answer" not in text and "requests a month" not in text


def test_chinese_app_price_question_is_the_app() -> None:
    from whichmodel.agent.nodes.answers import direct_kinds

    assert direct_kinds("那Claude网页要钱吗？一个月大概多少台币？") == ["app_price"]


_PHYSIO = (
    "I run a small physio clinic, 3 physios. We want AI to write up clinical notes and home exercise letters for patients",
    "we're in Toronto. each physio sees 12-15 patients a day, budget 200 dollars a month. its health data",
    "any cloud is fine",
)


async def test_canada_health_rules_are_named_not_tell_me_your_country() -> None:
    text, _, _ = await _chat("n1", *_PHYSIO, "what are the rules in Ontario for patient notes")
    assert "PHIPA" in text and "PIPEDA" in text and "privacy officer" in text
    assert "Tell me your country" not in text and "can't answer" not in text


async def test_next_steps_step_by_step_are_numbered_from_the_pick() -> None:
    text, slots, rec = await _chat("p4s", *_CANDLES, "what do i do next, step by step")
    top = rec["recommendations"][0]["model"]
    # the candle seller works alone at a volume a person handles by hand: the maker's app comes first (novice20)
    assert ("1. Use " + top in text or "1. Open the Claude app" in text) and "\n2. " in text and "\n3. " in text
    assert "needs.reasoning" not in slots and slots["task_type"] == "writing"


_TEA = "您好 我在台北开了一家茶叶小店，来买茶的日本和欧美游客挺多，想把商品介绍和茶的说明翻译成英文和日文，用哪个AI比较好"


async def test_taiwan_is_answered_for_taiwan_in_new_taiwan_dollars() -> None:
    text, slots, _ = await _chat("p6", _TEA, "我在台湾耶，你说的豆包、通义千问这些“国内”的我能用吗？还是用你说的那个Qwen比较好？")
    assert slots["location"] == "tw"
    tw = [for_place(s, "zh", "tw") for s in ("字节跳动不在台湾提供豆包", "通义千问（Qwen）（阿里巴巴", "在台湾提供服务")]
    assert all(s in text for s in tw)  # in Traditional Chinese, as Taiwan reads it
    assert "新臺幣" in text and "¥" not in text


def test_a_taiwan_person_is_not_told_about_free_mainland_apps() -> None:
    from whichmodel.agent.nodes.answers import recommendation_answer

    text = recommendation_answer("app_use", {"location": "tw"}, None, "zh", "TWD")
    assert "国内的这类应用" not in text and "台湾" in text and "豆包" not in text


def test_prices_before_a_budget_are_in_the_money_of_where_they_are() -> None:
    from whichmodel.agent.nodes.render import person_currency
    from whichmodel.agent.state import Fact

    held = {"location": Fact("location", "tw", "stated", "台北").slot()}
    assert person_currency(held, "zh") == "TWD"
    assert person_currency({}, "zh") == "CNY"


def test_latest_is_written_in_chinese_in_chinese_replies() -> None:
    from whichmodel.agent.nodes.render import message, model_names

    assert message("Step 1：Voxtral Mini (latest)（Mistral）", "zh").text == "Step 1：Voxtral Mini（最新版）（Mistral）"
    assert model_names("Voxtral Mini (latest)", "en") == "Voxtral Mini (latest)"


def test_no_code_advice_for_confidential_data_never_says_paste_into_the_app() -> None:
    from whichmodel.agent.nodes.answers import recommendation_answer

    raw = {"task_type": "writing", "data": {"sensitivity": "confidential"}}
    text = recommendation_answer("no_dev", raw, None, "zh", "CNY")
    assert "复制进去" not in text and "企业版" in text and "个人账号" in text
    open_text = recommendation_answer("no_dev", {"task_type": "writing"}, None, "zh", "CNY")
    assert "复制进去" in open_text

"""Side questions and next steps from the novice16 review: where a service can be used, who makes a
model, what a chat app costs, next steps that fit the person, answers instead of the stock refusal.
Paraphrases go beyond the reviewer's words, in English and Chinese."""

from __future__ import annotations

from typing import Any

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers, places
from whichmodel.agent.prompts import TEMPLATES
from whichmodel.knowledge.availability import MAKERS, maker_named, place_named


def test_every_maker_has_a_source_and_both_languages() -> None:
    for maker in MAKERS:
        assert maker.source.startswith("https://"), maker.key
        assert maker.en and maker.zh and maker.app_price_en and maker.app_price_zh
    us = [m for m in MAKERS if m.key in ("anthropic", "openai", "google")]
    assert all("cn" not in m.offered and "hk" not in m.offered and "tw" in m.offered for m in us)
    cn = [m for m in MAKERS if m.key in ("deepseek", "alibaba", "moonshot", "zhipu", "bytedance")]
    assert all("cn" in m.offered for m in cn)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("能在国内用吗？", "cn"),
        ("Claude在国内能用吗？听说要翻墙的", "cn"),
        ("ChatGPT 大陆可以用吗", "cn"),
        ("GPT是不是要翻墙才能用？", "cn"),
        ("Claude在台湾能用吗", "tw"),
        ("Gemini 香港能不能用？", "hk"),
        ("can I use it in China?", "cn"),
        ("Is Gemini available in Hong Kong?", "hk"),
        ("would ChatGPT work for our office in Singapore?", "sg"),
    ],
)
def test_use_in_place_is_recognised(question: str, place: str) -> None:
    assert places.asks_use_in_place(question) == place


@pytest.mark.parametrize("statement", ["数据必须留在中国境内", "the data must stay in China"])
def test_a_stated_requirement_is_not_a_question(statement: str) -> None:
    assert places.asks_use_in_place(statement) is None


def _rec(model: str, provider: str, provider_name: str) -> dict[str, Any]:
    return {"recommendations": [{"model": model, "provider": provider, "provider_name": provider_name}]}


def test_claude_in_china_says_no_and_names_chinese_makers_and_what_to_say() -> None:
    text = places.use_in_place_answer("Claude在国内能用吗？", "cn", {}, None, "zh")
    assert text.startswith("不能直接用") and "Anthropic" in text
    assert "Kimi（月之暗面）" in text and "通义千问（阿里巴巴）" in text and "豆包（字节跳动）" in text
    assert "数据必须留在中国境内" in text and "您" in text


def test_unnamed_question_answers_about_the_current_pick() -> None:
    rec = _rec("Claude Fable 5", "anthropic", "Anthropic")
    text = places.use_in_place_answer("can we use it from mainland China?", "cn", {}, rec, "en")
    assert text.startswith("No:") and "Claude Fable 5" in text and "DeepSeek" in text
    kimi = _rec("Kimi K3", "moonshotai-cn", "Moonshot AI (China)")
    text = places.use_in_place_answer("这个国内能用吗", "cn", {"deployment": {"data_residency": "cn"}}, kimi, "zh")
    assert text.startswith("可以") and "数据必须留在中国境内" not in text  # already the requirement


def test_taiwan_is_different_from_the_mainland() -> None:
    text = places.use_in_place_answer("Claude在台湾能用吗", "tw", {}, None, "zh")
    assert text.startswith("可以") and "台湾" in text and "翻墙" not in text
    text = places.use_in_place_answer("can I use ChatGPT in Hong Kong?", "hk", {}, None, "en")
    assert text.startswith("No:") and "Hong Kong" in text


@pytest.mark.parametrize(
    ("question", "lang", "expect"),
    [
        ("Qwen是阿里的那个吗？", "zh", "是的：Qwen就是阿里巴巴"),
        ("千问是不是阿里家的？", "zh", "是的"),
        ("Kimi是哪个公司的？", "zh", "月之暗面"),
        ("GLM是谁做的", "zh", "智谱"),
        ("who makes Kimi?", "en", "Moonshot AI"),
        ("DeepSeek, is that by Alibaba?", "en", "No: DeepSeek"),
    ],
)
def test_who_makes_it(question: str, lang: Any, expect: str) -> None:
    made = places.maker_question(question)
    assert made is not None
    text = places.maker_answer(made[0], made[1], lang)
    assert text is not None and expect in text


@pytest.mark.parametrize(
    ("question", "lang", "expect"),
    [
        ("能不能直接用Kimi的手机APP复制粘贴？要钱吗", "zh", "个人使用免费"),
        ("豆包的app收费吗", "zh", "个人使用免费"),
        ("is the Claude app free?", "en", "Pro about $20"),
        ("how much does the ChatGPT app cost?", "en", "Plus about $20"),
    ],
)
def test_app_cost_is_an_app_answer(question: str, lang: Any, expect: str) -> None:
    text = places.app_cost_answer(question, None, lang)
    assert text is not None and expect in text and "GPU" not in text and "显卡" not in text


def test_free_question_about_an_app_gets_the_app_price_not_open_weights() -> None:
    text = answers.recommendation_answer("free", {}, None, "zh", None, "Kimi的APP是不是免费？")
    assert "个人使用免费" in text and "开放权重" not in text


def _raw(requests: int, **extra: Any) -> dict[str, Any]:
    return {"task_type": "generation", "use_case": "reply to reviews", "volume": {"requests_per_month": requests}, **extra}


def test_hand_band_fits_volume_and_sensitivity() -> None:
    assert answers._hand_band(_raw(40), None) == "app"
    assert answers._hand_band(_raw(900), None) == "both"
    assert answers._hand_band(_raw(900, data={"sensitivity": "confidential"}), None) == "sensitive"
    assert answers._hand_band(_raw(4000), None) is None
    # data that must stay in China is not confidential by itself: a Chinese app keeps it there
    assert answers._hand_band(_raw(40, deployment={"data_residency": "cn"}), None) == "app"
    assert answers._hand_band(_raw(40, task_type="speech_to_text"), None) is None  # recordings


def test_setup_at_a_few_dozen_a_day_offers_the_app_as_well() -> None:
    text = answers.recommendation_answer("setup", _raw(900), None, "zh", None, "我需要会写代码吗")
    assert "两种办法都行" in text and "手工复制粘贴不现实" not in text
    text = answers.recommendation_answer("setup", _raw(900), None, "en", None, "do i need to know coding?")
    assert "both ways work" in text and "too much" not in text


def test_setup_with_confidential_data_never_suggests_a_personal_app() -> None:
    raw = _raw(900, data={"sensitivity": "confidential"})
    text = answers.recommendation_answer("setup", raw, None, "zh", None, "要写代码吗？")
    assert "企业版" in text and "个人账号" in text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("太贵了吧？", "too_expensive"),
        ("that's way too expensive for us", "too_expensive"),
        ("does that do the summary bit as well?", "summary_step"),
        ("这个也能写摘要吗？", "summary_step"),
        ("it has to get past our data protection officer", "dpo"),
        ("我们的数据保护负责人要审批", "dpo"),
        ("what if it stays in the EU instead, would that be ok?", "eu_instead"),
        ("欧盟可以吗？", "eu_instead"),
        ("你前面说的和现在说的不一样，到底哪个对？", "contradiction"),
    ],
)
def test_new_side_question_kinds(question: str, kind: str) -> None:
    assert kind in answers.about_recommendation(question)


def test_eu_instead_explains_uk_rule_and_what_to_say() -> None:
    text = answers.recommendation_answer("eu_instead", {"deployment": {"data_residency": "uk"}}, None, "en", "GBP")
    assert "UK GDPR" in text and "data must stay in the EU" in text
    text = answers.recommendation_answer("eu_instead", {"deployment": {"data_residency": "uk"}}, None, "zh", "GBP")
    assert "数据必须留在欧盟" in text


def test_can_ai_questions_are_recognised() -> None:
    assert answers.CAN_AI.search("Hello, we record calls. Can AI transcribe the calls and summarise them?")
    assert answers.TRANSCRIBE.search("Can AI transcribe the calls and summarise them?")
    assert answers.CAN_AI.search("AI能帮我们回复顾客评价吗？")
    assert answers.CAN_AI.search("could a model sort our CVs?")


def test_chinese_texts_address_the_person_as_nin() -> None:
    for key in ("place_tell_cn", "about_setup_mid", "start_app", "start_confidential", "too_expensive", "no_pick"):
        assert "你" not in TEMPLATES["zh"][key].replace("您", ""), key


def test_report_location_is_said() -> None:
    # novice17: said in plain words where the buttons are, not as a command line
    assert "download" in TEMPLATES["en"]["rec_outro"] and "--json" not in TEMPLATES["en"]["rec_outro"]
    assert "下载按钮" in TEMPLATES["zh"]["rec_outro"]


def test_maker_and_place_lookup() -> None:
    assert maker_named("Qwen3.8 Max alibaba-cn") is not None
    assert maker_named("Claude Opus 4.6") is not None and maker_named("Claude Opus 4.6").key == "anthropic"  # type: ignore[union-attr]
    assert place_named("我们在台北") == "tw" and place_named("翻墙") == "cn"


async def test_can_ai_transcribe_is_answered_not_refused() -> None:
    text = await last_reply("c", "We're a small town office. Could AI type up our recorded phone calls and summarise them?")
    assert "can't answer" not in text and "two steps" in text


async def test_availability_in_china_is_answered_in_the_conversation() -> None:
    text = await last_reply("z", "我开了个面馆，想用AI回复外卖平台上的评价，每天二三十条", "预算每月一百块，这些在大陆用得了吗？")
    assert "答不了" not in text and "国内厂商" in text


async def test_few_a_day_next_steps_are_the_chat_app_with_own_cases() -> None:
    text = await last_reply(
        "h", "I run a tiny bakery and want help writing product descriptions, about 20 a month, $10 budget",
        "what should I do next?",
    )
    assert "5–10" in text and "spreadsheet" not in text and "create an API key" not in text

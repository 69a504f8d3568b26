"""Novice round 18 in the chat: where the person is recorded and said back (and kept by the checkpointer),
never turned into a data-residency rule; corrections that change what they say and nothing else; grading
said back as grading; volumes per worker, per event and per visit; data that must not leave the building."""

from __future__ import annotations

from typing import Any

from tests.agent.chat import last_reply
from whichmodel.tools.report.script import for_place


async def _chat(thread: str, *turns: str, checkpointer: Any = None) -> tuple[str, dict[str, Any]]:
    """The reply to the last turn and the slots held after it."""
    from langgraph.checkpoint.memory import InMemorySaver

    from whichmodel.agent.service import Advisor
    from whichmodel.agent.settings import Settings

    saver = checkpointer if checkpointer is not None else InMemorySaver()
    async with Advisor(Settings(), retriever=None, checkpointer=saver, probes=None) as adv:
        reply = None
        for turn in turns:
            reply = await adv.send(thread, turn)
        state = await adv.state(thread)
    assert reply is not None
    return reply.text, {path: slot["value"] for path, slot in state.slots.items()}


_YIWU = "你好，我们是一家外贸公司，每天要回很多海外客户的询盘邮件，想找个AI帮业务员写回复"
_CLINIC = "I run a small physio clinic, 3 physios. We want AI to write the home exercise letters for patients"


async def test_a_place_in_chinese_is_where_they_are_and_said_back() -> None:
    text, slots = await _chat("yiwu", _YIWU, "我们在义乌，当然是国内")
    assert "已记录：您在中国大陆" in text
    assert slots["location"] == "cn" and "deployment.data_residency" not in slots


async def test_opening_in_chengdu_is_mainland_china() -> None:
    text, slots = await _chat(
        "chengdu", "你好，我开了家川菜馆，想用AI帮我回复顾客评价", "我就在成都开店，给我推荐国内能用的"
    )
    assert "您在中国大陆" in text and slots["location"] == "cn" and "deployment.data_residency" not in slots


async def test_taiwan_is_taiwan() -> None:
    text, slots = await _chat("taiwan", "您好 我开了一家茶叶小店，想把商品介绍翻译成英文和日文", "我在台湾耶")
    assert for_place("您在台湾", "zh", "tw") in text and slots["location"] == "tw"  # Taiwan reads Traditional


async def test_toronto_is_canada_and_the_location_is_kept_and_shown_with_the_other_slots() -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    saver = InMemorySaver()
    text, slots = await _chat("toronto", _CLINIC, "we're in Toronto", checkpointer=saver)
    assert "Noted: you are in Canada." in text and slots["location"] == "ca"
    assert "deployment.data_residency" not in slots
    # a new process on the same checkpoint: the location is there, and listed where the other slots are
    text, slots = await _chat("toronto", "about 45 letters a day, budget 200 dollars a month", "any cloud is fine",
                              checkpointer=saver)  # fmt: skip
    assert (
        slots["location"] == "ca" and slots["budget.monthly_usd"] < 200
    )  # C$200, from "Toronto" two turns ago
    assert "Where you are: Canada (stated)" in text


async def test_a_city_alone_or_in_a_description_is_the_location() -> None:
    for place, code, name in (("Brisbane", "au", "Australia"), ("Cape Town", "other", "South Africa"),
                              ("Leeds", "uk", "the UK"), ("the US", "us", "the US")):  # fmt: skip
        text, slots = await _chat(
            "city-" + code + place[:3],
            f"I run a small bakery in {place}. I want AI to write product descriptions",
        )
        assert f"Noted: you are in {name}." in text and slots["location"] == code
        assert "deployment.data_residency" not in slots


async def test_us_dollars_complaint_from_canada_sets_canadian_dollars_and_canada_never_the_us() -> None:
    text, slots = await _chat("usd-ca", _CLINIC + ", about 45 a day", "budget maybe 200 dollars a month",
                              "you keep showing US dollars, I'm in Canada")  # fmt: skip
    assert slots["location"] == "ca" and slots.get("deployment.data_residency") != "us"
    assert "C$200" in text and "Data must stay in: US" not in text


async def test_not_the_us_undoes_what_was_set_to_the_us() -> None:
    text, slots = await _chat("not-us", _CLINIC + ", about 45 a day, budget C$200 a month", "I'm in the US",
                              "NO. I said Canada, not the US. the data should stay in Canada")  # fmt: skip
    assert slots["location"] == "ca" and "Canada" in text
    text, slots = await _chat("not-us-res", _CLINIC + ", about 45 a day, budget C$200 a month",
                              "the patient notes must stay in the US", "NO. I said Canada, not the US")  # fmt: skip
    assert "Removed: Data must stay in: US" in text
    assert "deployment.data_residency" not in slots and slots["location"] == "ca"


async def test_rand_budget_and_prices_in_rand() -> None:
    start = "im a wedding photographer. I want AI to help me write blog posts, about 40 a month"
    for said in ("R500 a month", "R500!!! rand. five hundred rand a month"):
        text, slots = await _chat("rand-" + said[:6], start, said)
        assert "R500" in text and abs(slots["budget.monthly_usd"] - 500 / 18.0) < 1.5
    text, slots = await _chat("rand-show", start, "budget $500 a month", "please show the prices in rand")
    assert "R500" in text and "→ R500" in text


async def test_a_cost_complaint_sets_no_volume() -> None:
    _, before = await _chat("cost-1", "我们想用AI整理门诊病历，一个月三四千个门诊，预算一年两万左右")
    text, after = await _chat(
        "cost-2", "我们想用AI整理门诊病历，一个月三四千个门诊，预算一年两万左右", "一个月一万五也太贵了"
    )
    assert after["volume.requests_per_month"] == before["volume.requests_per_month"] == 4000
    assert "15,000/月" not in text


async def test_a_rough_confirmation_keeps_the_figure_held() -> None:
    text, slots = await _chat("rough", "我们是英语培训学校，想用AI帮忙批改英语作文并写评语", "我们有80来个学生，每人每周一篇",
                              "对，一个月三百多篇。预算每月500以内")  # fmt: skip
    assert slots["volume.requests_per_month"] == 347 and "→ 300" not in text


async def test_a_figure_said_again_in_other_words_is_no_change() -> None:
    text = await last_reply("noop", "I run a tea shop and want AI to translate product descriptions, 30 a month, budget $30",
                            "ok. yes 30 a month, so about one a day")  # fmt: skip
    assert "30/month → 30/month" not in text and "→" not in text


async def test_grading_said_again_changes_the_task_shown_from_copywriting() -> None:
    text, slots = await _chat("grading", "老师好，我们是英语培训学校，老师每周要写很多评语，一个月三百多篇，预算每月500以内",
                              "还有，我说了是批改作文，你上面还是写文案写作")  # fmt: skip
    assert "任务类型：文案写作 → 批改作文并写评语" in text
    assert slots["task_type"] == "writing"
    again = await last_reply("grading-2", "老师好，我们是英语培训学校，想用AI帮忙批改英语作文并写评语，一个月三百多篇，预算每月500以内",
                             "任务是批改作文")  # fmt: skip
    assert "批改作文并写评语" in again and "还有需要修改的吗" not in again


async def test_clinical_records_confirmed_are_a_summary_and_the_volume_and_self_hosting_are_kept() -> None:
    text, slots = await _chat(
        "hospital",
        "您好，我是一家社区卫生服务中心的办公室主任。医生每天看完门诊要写病历，慢病病人还要发随访提醒，工作量很大。想问问有没有合适的AI可以帮忙",
        "对，差不多是整理病历。每天门诊一两百人吧。病人信息很敏感，能不能不出医院？",
    )
    assert slots["task_type"] == "summarization" and slots["volume.requests_per_month"] == 6000
    assert slots["deployment.self_host"] is True
    assert "只在自己的服务器上运行：是" in text
    assert "多少次请求" not in text and "听起来主要是" not in text


async def test_data_that_cannot_leave_the_building_is_self_hosting() -> None:
    text, slots = await _chat("building", _CLINIC + ", about 45 a day, budget C$200 a month, patient data",
                              "data can't leave our building")  # fmt: skip
    assert slots["deployment.self_host"] is True and "Run on our own servers: yes" in text


async def test_physios_each_seeing_patients_count_working_days() -> None:
    _, slots = await _chat("physio", "I own a small physio clinic in Toronto, 3 physios. We write up notes after each session",
                           "each physio sees maybe 12-15 patients a day")  # fmt: skip
    assert abs(slots["volume.requests_per_month"] - 3 * 13.5 * 5 * 52 / 12) <= 1


async def test_weddings_times_their_texts_plus_enquiries_change_the_volume() -> None:
    start = ("hello! im a wedding photographer in Cape Town. every wedding I have to send the couple a long email, "
             "write a blog post about the day and answer loads of enquiries. want AI to help me write all that stuff")  # fmt: skip
    text, slots = await _chat("weddings", start, "not sure, maybe 30 weddings a year? and like 10 enquiries a week. budget is R500 a month tops",
                              "also its not 43. 30 weddings a year, each one needs an email AND a blog post, plus the 10 enquiries a week")  # fmt: skip
    assert slots["volume.requests_per_month"] == 48
    # the weekly figure made monthly shows its basis (novice20): "43/month (10 a week × 4.3 weeks) → 48/month"
    assert "Requests per month: 43/month" in text and "→ 48/month" in text and "Anything else to change" not in text


async def test_australia_if_possible_is_a_preference_not_a_rule() -> None:
    text, slots = await _chat("aus", "I run a recruitment agency. I want AI to sort CVs into the right job, 300 a week",
                              "budget maybe 150 AUD a month. these are peoples personal details",
                              "australia if possible, otherwise whatever")  # fmt: skip
    assert slots["location"] == "au" and "deployment.data_residency" not in slots
    assert "preference" in text and "have not made it a rule" in text
    assert "Where may the model run?" not in text


async def test_a_numbered_choice_opening_a_message_is_the_task() -> None:
    text, slots = await _chat("numbered", "I have a small clinic. we write notes and letters. Can AI help?",
                              "1. and its 12-15 patients EACH, there are 3 of us, so more like 45 a day")  # fmt: skip
    assert slots.get("task_type") is not None
    assert "(defaulted)" not in text.split("Task:")[1].split("\n")[0] if "Task:" in text else True

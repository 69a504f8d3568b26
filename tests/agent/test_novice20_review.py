"""Session 17, the novice20 review (/work/novice20/REVIEW.md): answerable questions refused or dropped.

Paraphrases of what the reviewer's people asked, so the mechanism is tested, not their sentences."""

from __future__ import annotations

import pytest

from whichmodel.agent.nodes import places
from whichmodel.agent.nodes.answers import about_recommendation, direct_kinds, question_clauses, unanswered


@pytest.mark.parametrize(
    "question",
    [
        "is it a problem to put immigration status and abuse history into an AI?",
        "would it be ok to paste our clients' medical history into chatgpt?",
        "are we allowed to upload case notes to a chatbot?",
        "把客户的病历交给AI有没有问题？",
    ],
)
def test_whether_data_may_go_into_an_ai_is_a_data_question_answered(question: str) -> None:
    kinds = direct_kinds(question)
    assert {"data_safety", "paste_app", "leak_worry"} & set(kinds), kinds
    assert unanswered([question]) == []


@pytest.mark.parametrize("question", ["产品资料传到境外服务器算不算数据出境？", "我们要不要做数据出境安全评估？"])
def test_a_cross_border_question_from_china_gets_the_rule(question: str) -> None:
    assert "cross_border_cn" in direct_kinds(question)


def test_cantonese_questions_are_read() -> None:
    assert "paste_app" in direct_kinds("有冇得直接用個app？")
    assert places.asks_use_in_place("Claude喺台灣用唔用到？") == "tw"


def test_what_to_use_is_a_question_about_the_recommendation_and_a_stray_mark_is_no_question() -> None:
    assert "which" in about_recommendation("ok so what do we use then?")
    assert question_clauses("¿? ? what now?") == ["what now?"]


async def test_why_a_model_made_in_china_is_listed_says_who_serves_it() -> None:
    from tests.agent.chat import last_reply

    text = await last_reply(
        "kimi-ca",
        "physio clinic in Toronto, summarise visit notes into clinical notes, about 1,200 a month, budget C$200, "
        "the notes are confidential patient data",
        "any cloud is fine",
        "why is kimi k3 on the list, isn't it chinese?",
    )
    assert "Kimi K3 is on the list" in text
    assert "made in China" in text and "your data would go to DigitalOcean, not to a company in China" in text


async def test_a_health_centre_with_no_it_hears_the_bought_machine_the_report_offers() -> None:
    from tests.agent.chat import last_reply

    text = await last_reply(
        "no-it",
        "我们是乡镇卫生院，每天一百来个门诊，想用AI整理门诊病历，病历不能出院，一年预算两万，我们没有IT人员",
        "那能不能就装在我们自己的电脑上？我们没有IT",
    )
    assert "工作站" in text and "一次性投入约" in text and "¥" in text
    assert "做不到" not in text  # the report's own way forward, not "impossible"


def test_photos_of_children_and_statements_that_look_like_questions() -> None:
    from whichmodel.agent.nodes.answers import real_question

    assert "photos_people" in direct_kinds("我們想把孩子的活動照片放進AI寫說明，可以嗎？")
    assert "photos_people" in direct_kinds("is it ok to upload pictures of our students to the AI app?")
    # no "I can't answer" to a figure given in a question's clothes, or to "and the volume?"
    assert not real_question("How many, I don't know, maybe 40 chats a day in summer.")
    assert not real_question("ok, and the budget?")
    assert real_question("Can it post the replies into our booking system by itself?")

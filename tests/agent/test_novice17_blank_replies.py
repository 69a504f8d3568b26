"""A plain yes/no question whether a model may be used for the person's data never gets a blank reply
(novice17 review: N1 "can we use Claude for patient notes here in Ontario, yes or no?", N4
"数据不出医院，能不能做？"). Paraphrases go beyond the reviewer's words, in English and Chinese."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers


@pytest.mark.parametrize(
    "question",
    [
        "forget it. just tell me plainly: can we use Claude for patient notes here in Ontario, yes or no?",
        "hello?? can we use Claude for patient notes in Ontario?",
        "could I use ChatGPT with client records at our clinic?",
        "is it ok to use Gemini for our patients' exercise letters?",
        "你就直接告诉我：我们一年两万块，数据不出医院，能不能做？不能的话我们该怎么办？",
        "病人信息不离开医院的话，这事能做吗？",
        "资料只留在本院，可不可以？",
    ],
)
def test_yes_no_use_question_is_recognised(question: str) -> None:
    assert "may_use" in answers.about_recommendation(question)


@pytest.mark.parametrize("question", ["can we use it for writing?", "数据不出医院", "we write patient notes"])
def test_not_every_mention_is_a_yes_no_question(question: str) -> None:
    assert "may_use" not in answers.about_recommendation(question)


_CLINIC = (
    "I own a small physio clinic in Toronto. After each session we write up notes and a home exercise letter "
    "for the patient. About 45 a day, budget 200 dollars a month. its patient health info",
)


@pytest.mark.parametrize(
    "question",
    [
        "forget it. just tell me plainly: can we use Claude for patient notes here in Ontario, yes or no?",
        "ok so could we use Claude for our patients' notes or not, yes or no?",
    ],
)
async def test_en_yes_no_use_question_gets_a_plain_answer(question: str) -> None:
    text = await last_reply("en", *_CLINIC, "writing", question)
    last = text.strip()
    assert last, "blank reply"
    assert "can't answer" not in last
    assert last.startswith("Yes") and "data-processing agreement" in last


_CENTRE = (
    "您好，我是社区卫生服务中心的办公室主任。医生看完门诊要把记录整理成病历，每月三四千个门诊，病人信息很敏感",
    "预算一年两万左右。那就必须部署在我们自己的服务器上",
)


@pytest.mark.parametrize(
    "question",
    [
        "你就直接告诉我：我们一年两万块，数据不出医院，能不能做？不能的话我们该怎么办？",
        "说实话，病人信息不离开医院的话，这事到底能做吗？",
    ],
)
async def test_zh_data_stays_in_hospital_gets_the_self_hosting_answer(question: str) -> None:
    text = (await last_reply("zh", *_CENTRE, question)).strip()
    assert text, "blank reply"
    assert "答不了" not in text
    assert "服务器" in text or "自托管" in text or "工作站" in text  # session 17: the bought workstation on the premises


async def test_no_turn_is_ever_blank() -> None:
    """A question nothing answers, whose facts change nothing already held: still a reply."""
    text = await last_reply("b", *_CLINIC, "writing", "its patient health info, hmm?")
    assert text.strip()

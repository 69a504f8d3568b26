"""novice25 P3 (a Hong Kong teacher writing Cantonese): questions in Cantonese grammar are read like the
same questions in written Mandarin (Cantonese words replaced by Mandarin words of the same length, so the
quoted spans stay the person's own), not refused."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent import glossary
from whichmodel.agent.brain.hant import to_simplified
from whichmodel.agent.nodes import answers


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("點解唔推介ChatGPT？", "为啥不推荐ChatGPT？"),
        ("總結一下，我而家應該點做？", "总结一下，我现在应该咋做？"),
        ("0蚊，要免費嘅", "0蚊，要免费的"),  # 蚊 stays: it is how Hong Kong dollars are read
        ("係咪要俾錢？", "是否要给钱？"),
    ],
)
def test_cantonese_reads_as_mandarin_of_the_same_length(said: str, read: str) -> None:
    assert to_simplified(said) == read and len(to_simplified(said)) == len(said)


def test_cantonese_questions_find_their_answers() -> None:
    assert glossary.lookup("token即係咩嚟㗎？") is not None  # the token question, as "token即是啥来"
    assert "mistakes" in answers.about_recommendation("仲有佢出嘅題目會唔會有錯？")
    assert "mistakes" in answers.about_recommendation("如果題目有冇錯我點知？答案錯咗點算")  # paraphrase
    assert "which" in answers.about_recommendation("總結一下，我而家應該點做？")
    assert "which" in answers.about_recommendation("點樣開始用通義千問出題目？")


async def test_a_cantonese_token_question_mid_interview_is_answered() -> None:
    reply = await last_reply(
        "n25-yue", "我係香港一間中學嘅老師，想用AI幫我出閱讀理解選擇題", "token即係咩嚟㗎？"
    )
    assert "Token" in reply or "token" in reply
    assert "答不了" not in reply

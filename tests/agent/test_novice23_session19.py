"""novice23 (session 19): a patient's medical question is never left to the AI alone (T18, 成都 community
clinic); pesos in the Philippines are Philippine pesos (T17); "蚊" is Hong Kong dollars (T19). Each with a
paraphrase the reviewer did not write."""

from __future__ import annotations

import pytest

from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes.answers import direct_answer, direct_kinds


@pytest.mark.parametrize(
    "question",
    ["还有，有病人在微信上直接问“我血糖8.5要不要吃药”，AI能直接帮我们回答吗？",
     "患者在群里问能不能停药，机器人可以直接回复吗？",  # paraphrase
     "Some patients message us asking whether to take their blood pressure medicine, can the bot answer them directly?",
     "Can the AI reply to patients who ask about their insulin dose?"],  # paraphrase
)  # fmt: skip
def test_a_patients_medical_question_is_for_the_doctor(question: str) -> None:
    assert "patient_advice" in direct_kinds(question)
    lang = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en"
    answer = direct_answer("patient_advice", question, {"location": "cn"}, None, lang, None)  # type: ignore[arg-type]
    assert answer is not None
    if lang == "zh":
        assert answer.startswith("不能让 AI 自己直接回答") and "医生" in answer and "120" in answer and "第十三条" in answer
    else:
        assert answer.startswith("No, not on its own") and "doctor" in answer and "Article 13" in answer


def test_a_booking_question_at_a_clinic_is_no_medical_advice() -> None:
    assert "patient_advice" not in direct_kinds("AI能帮我们回答病人预约的问题吗？")


@pytest.mark.parametrize(
    ("text", "shown"),
    [("Hi po! I own a small bakery in Quezon City, Philippines. Our budget is 1,000 pesos a month.", "₱1,000"),
     ("We run a sari-sari store in Cebu, budget 500 pesos monthly", "₱500"),  # paraphrase
     ("budget 500 pesos a month, we are in Guadalajara", "MX$500")],  # Mexico stays Mexican pesos
)  # fmt: skip
def test_pesos_follow_the_place(text: str, shown: str) -> None:
    budget = [f for f in understand(text).facts if f.path == "budget.monthly_usd"]
    assert budget and budget[0].shown == shown


@pytest.mark.parametrize("text", ["我哋茶餐廳每個月最多兩百蚊", "預算每月大概三百蚊左右"])
def test_man_is_hong_kong_dollars(text: str) -> None:
    budget = [f for f in understand(text).facts if f.path == "budget.monthly_usd"]
    assert budget and "港元" in str(budget[0].shown)

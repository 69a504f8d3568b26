"""novice25 P5 (HR in Munich, screening CVs): fairness, the AI Act and automated rejection are answered under
EU law (with Germany's equal-treatment and works-council rules when Germany is named), never taken for a model
name ("what about fairness and bias?") or refused."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers

MUNICH = (
    "Hello, I work in HR at a mid-sized company in Munich (ca. 400 employees). We get many applications and I "
    "would like to use an AI to pre-screen the CVs. Which model would you recommend?"
)


def test_fairness_after_hiring_talk_is_the_screening_question() -> None:
    earlier = "we want to pre-screen the CVs of applicants"
    for asked in ("what about fairness and bias?", "is CV screening high risk under the AI Act?",
                  "Can the AI reject candidates automatically?", "how do we keep it fair to older applicants?"):  # fmt: skip
        assert "screening_bias" in answers.direct_kinds(asked, earlier), asked
    assert "screening_bias" not in answers.direct_kinds("what about fairness?", "we answer guest reviews")
    assert answers.why_not_target("what about fairness and bias?") is None
    assert answers.why_not_target("what about Mistral Large?") == "Mistral Large"


def test_the_eu_answer_names_the_ai_act_gdpr_and_german_rules() -> None:
    said = answers.screening_answer({"location": "eu"}, [MUNICH], "en")
    assert "AI Act (Annex III, point 4)" in said and "Article 22" in said and "2 August 2026" in said
    assert "AGG" in said and "Betriebsrat" in said
    paris = answers.screening_answer({"location": "eu"}, ["we hire in Paris"], "en")
    assert "AI Act" in paris and "AGG" not in paris
    assert "就业促进法" in answers.screening_answer({"location": "cn"}, [], "zh")
    assert "人工智能法" in answers.screening_answer({"location": "eu"}, [MUNICH], "zh")


async def test_a_munich_recruiter_asking_about_fairness_gets_the_eu_answer() -> None:
    reply = await last_reply("n25-hr", MUNICH, "what about fairness and bias? is CV screening high risk?")
    assert "AI Act" in reply and "Article 22" in reply
    assert "in the model catalog" not in reply

"""novice25 P1/P5: template words from other people's situations do not leak in. Munich HR with Copilot is told to
sign in with the work account (not "the school or work account"), to use a candidate number (not "a roll or case
number"), and gets no sample instruction made of its own sentence; a hotel with three languages gets "English,
German and Portuguese, or a mix of them" (not "… and …, or a mix of both"); "what is SAP AI Core?" (a provider in
the shortlist) is answered from the catalog even beside other questions."""

from __future__ import annotations

from tests.agent.chat import last_reply
from tests.agent.test_novice25_german import HR
from tests.agent.test_novice25_one_answer import HOTEL

GDPR = (
    "Thank you. But the CVs are mostly in German, some English. And is this even allowed with GDPR? Our works council "
    "(Betriebsrat) will ask. Also I want it to be fair, not to reject women or foreigners."
)
COPILOT = "You did not answer about the fairness. And what is SAP AI Core? We use Microsoft 365 in the company, can we not just use Copilot?"


async def test_copilot_steps_for_hr_speak_of_work_accounts_and_candidates() -> None:
    reply = await last_reply("n25-leak-hr", HR, GDPR, COPILOT, "OK, it is 300 CVs per month. Budget maybe 200 euro a month.")
    assert "Sign in with the work account" in reply, reply
    assert "school" not in reply and "roll" not in reply
    assert "a candidate number" in reply
    assert "we get many applications" not in reply


async def test_what_is_sap_ai_core_is_answered_beside_other_questions() -> None:
    reply = await last_reply("n25-leak-sap", HR, GDPR, COPILOT)
    assert "SAP AI Core is a cloud company's AI service" in reply, reply


async def test_three_review_languages_are_listed_once() -> None:
    reply = await last_reply("n25-leak-hotel", *HOTEL, "how do i do it, copy the review in? step by step")
    assert "English, German and Portuguese, or a mix of them" in reply, reply
    assert "mix of both" not in reply


def test_review_steps_pattern_reads_review_before_the_steps() -> None:
    # The pattern's first branch began with a literal backspace (U+0008) instead of \b, so "review ...
    # step by step" (review named first) never matched; only "step by step ... review" did.
    from whichmodel.agent.nodes.answers import REVIEW_STEPS

    assert REVIEW_STEPS.search("for a google review, how do i answer it step by step?")
    assert REVIEW_STEPS.search("step by step please, for the reviews")
    assert not REVIEW_STEPS.search("what is a token?")

"""The English use-case title shown in the chat's requirements table and the report heading: the
clause that says what the model should do, without greetings, "we want to", who the person is, or
the figures that follow; never a bag of keywords ("step math tutor reasoning")."""

from __future__ import annotations

import pytest

from whichmodel.tools.report.titles import MAX_TITLE_CHARS, use_case_summary


@pytest.mark.parametrize(
    ("use_case", "title"),
    [
        ("We need to detect fake news headlines, about 50k a month", "Detect fake news headlines"),
        ("One person office. I need something to help me answer emails from clients, maybe 20 a day",
         "Help me answer emails from clients"),
        ("Small bakery here! We want a bot to answer questions about orders", "Answer questions about orders"),
        ("Dental clinic. Patient questions on the website.", "Dental clinic"),
        ("hi, i run a small bakery with online orders and i want an AI to answer customer emails for me",
         "Answer customer emails for me"),
        ("Hi. I have a real estate agency and want AI to summarize long property inspection reports for clients",
         "Summarize long property inspection reports for clients"),
        ("we're a dental clinic, want a chatbot on our website to answer patient questions",
         "A chatbot on our website to answer patient questions"),
        ("Transcribe Spanish call-centre phone calls (Spain and Latin American accents) for QA scoring",
         "Transcribe Spanish call-centre phone calls"),
        ("Autonomous coding agent: take a GitHub issue, explore the repository, edit files", "Autonomous coding agent"),
        ("hey", ""),
    ],
)  # fmt: skip
def test_the_title_is_the_clause_about_the_task(use_case: str, title: str) -> None:
    assert use_case_summary(use_case, "chat", "en") == title


def test_a_long_clause_is_cut_before_a_connective_without_an_ellipsis() -> None:
    title = use_case_summary(
        "Step-by-step math tutor for high-school and first-year university students: solve and explain", "reasoning", "en"
    )
    assert title == "Step-by-step math tutor for high-school"
    receipts = use_case_summary(
        "Extract merchant, date, VAT number, line items, tax and total from photographed receipts", "extraction", "en"
    )
    assert receipts == "Extract merchant, date, VAT number, line items, tax"
    for t in (title, receipts):
        assert len(t) <= MAX_TITLE_CHARS and "…" not in t

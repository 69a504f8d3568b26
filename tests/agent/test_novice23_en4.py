"""Novice review 22, English threads T14 (a teacher in Pune: quizzes and marking, pupils' names and marks, Gemini
in her school Google account, Hinglish) and T9 (a refugee charity in Leeds: Copilot, "the cheapest safe option").
Each behaviour is checked on the reviewer's wording and on at least one paraphrase the reviewer did not write."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand, unit_count_clause
from whichmodel.agent.glossary import lookup as glossary_lookup
from whichmodel.agent.nodes import answers
from whichmodel.knowledge.products import PRODUCTS

PUNE = (
    "Namaste! I am teaching Science and Maths to Class 9 and 10 in a CBSE school in Pune. I want AI to make quiz "
    "questions (MCQs and short answers) for my weekly tests and also help me with marking and writing remarks for "
    "the bacchon. Budget is less only, maybe 500-800 rupees per month, from my own pocket."
)
PUNE_B = (
    "Kitna? Hmm, I have 5 sections, around 40 students each. Maybe 4 quizzes a week and marking for 200 copies a "
    "month, I think. One thing I am worried: for marking I will have to give student names and marks na? If marks "
    "leak, parents will make big issue. Is that safe?"
)
PUNE_C = (
    "Accha, one more thing. Our school gave us Google Workspace for Education accounts and I can see Gemini in my "
    "school Gmail. Does that count? Kya main wahi use kar sakti hoon instead of paying?"
)
PUNE_D = (
    "Sorry, I calculated wrong. Marking is only for unit tests, so 2 tests a month, around 80 copies total, not 200. "
    "And quizzes only 1 per week per class, not 4. And the budget is in rupees haan, not dollars."
)
PUNE_E = (
    "Theek hai. So what I should do on Monday? Simple steps please, I am not very techy. And can I just take photo "
    "of the handwritten answer sheets and put in the AI for checking?"
)


def _facts(text: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(text).facts}


def _shown(text: str, path: str) -> str | None:
    return next((f.shown for f in understand(text).facts if f.path == path), None)


# --- where she is ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        PUNE,
        "We are a small coaching centre in Kolkata and want AI to write worksheets.",  # paraphrase
        "i teach in a government school in Lucknow",
    ],  # paraphrase
)
def test_an_indian_city_records_india(text: str) -> None:
    assert _facts(text)["location"] == "other"
    assert _shown(text, "location") == "India"


# --- quizzes and marking are writing, not reasoning ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        PUNE,
        "I teach maths to class 8 and want help setting weekly test papers and checking answer sheets with comments.",
        "Maths teacher here: I'd like the AI to prepare MCQs for my classes and grade the copies with feedback.",
    ],
)
def test_quiz_writing_and_marking_with_remarks_is_writing(text: str) -> None:
    facts = _facts(text)
    assert facts["task_type"] == "writing"
    assert (
        "needs.reasoning" not in facts
    )  # maths is the subject taught, not a need for step-by-step reasoning
    assert (
        "volume.output_tokens" not in facts
    )  # "MCQs and short answers" are kinds of questions, not answer sizes


def test_solving_maths_step_by_step_is_still_reasoning() -> None:
    assert _facts("Need AI to solve maths problems step by step")["task_type"] == "reasoning"


def test_a_reply_form_clause_reads_no_task() -> None:
    assert "task_type" not in _facts(PUNE_E)
    assert "task_type" not in _facts(
        "Ok. What now? Easy steps please, I'm not good with computers."
    )  # paraphrase


# --- volume: items summed, rates per class times the classes -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PUNE_B, 217),  # 4 × 4.3 + 200
        ("roughly 3 quizzes every week plus checking 150 answer sheets a month", 163),  # paraphrase: 13 + 150
        ("we have 3 classes, one quiz per week per class and about 60 answer sheets a month", 73),
    ],  # 13 + 60
)
def test_distinct_items_in_one_message_are_summed(text: str, expected: int) -> None:
    assert _facts(text)["volume.requests_per_month"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("so 2 tests a month, around 80 copies total", 80),
        ("Two unit tests a month, 160 answer sheets in all", 160),
    ],  # paraphrase
)
def test_a_total_said_after_a_count_of_events_is_the_volume(text: str, expected: int) -> None:
    assert _facts(text)["volume.requests_per_month"] == expected


def test_a_rate_per_unit_keeps_working_in_chinese() -> None:
    assert _facts("管着三十个业主群，一个群一天一次")["volume.requests_per_month"] == 900
    assert _facts("我们有4个班，每个班每周一次小测")["volume.requests_per_month"] == 17


def test_the_units_counted_earlier_are_found() -> None:
    assert unit_count_clause([PUNE, PUNE_B]) == "I have 5 sections"
    assert unit_count_clause(["Right now I teach 4 divisions, all in the morning."]) is not None  # paraphrase
    assert unit_count_clause(["about 200 emails a day"]) is None


async def test_the_volume_correction_counts_each_class() -> None:
    reply = await last_reply("n23-pune-vol", PUNE, PUNE_B, PUNE_C, PUNE_D)
    assert "→ 102/month (80 copies + 22 quizzes)" in reply
    assert "→ 2/month" not in reply


async def test_a_per_class_rate_in_a_paraphrase_uses_the_classes_said_before() -> None:
    reply = await last_reply(
        "n23-vol-para",
        "I teach English in a school in Chennai and want the AI to write quizzes, about ₹500 a month.",
        "I have 4 sections.",
        "Marking: 120 answer sheets a month, and a quiz 1 per week per section.",
    )
    assert "137/month" in reply  # 120 + 1 × 4 × 4.3


# --- pupils' names and marks, Gemini at school, Monday, photos ---------------------------------------------------


async def test_names_and_marks_get_a_real_answer_with_indias_law() -> None:
    reply = await last_reply("n23-pune-b", PUNE, PUNE_B)
    assert "can't answer" not in reply
    assert "roll number" in reply and "Digital Personal Data Protection Act, 2023" in reply
    assert "what time is the class" not in reply and "messaging tool" not in reply


async def test_names_and_marks_paraphrase() -> None:
    reply = await last_reply(
        "n23-marks-para",
        "I'm a teacher in Delhi, I want AI to help with marking essays and writing comments, ₹600 a month.",
        "Can I paste my pupils' names with their grades into it, is that ok?",
    )
    assert "can't answer" not in reply
    assert "roll number" in reply and "parent" in reply


async def test_gemini_in_a_school_account_counts_and_hinglish_is_not_refused() -> None:
    reply = await last_reply("n23-pune-c", PUNE, PUNE_B, PUNE_C)
    assert "Yes, it counts" in reply and "not used to train" in reply
    assert "can't answer" not in reply and "HIPAA" not in reply and "Tell me your country" not in reply


async def test_gemini_in_a_work_account_paraphrase() -> None:
    reply = await last_reply(
        "n23-gemini-para",
        "I run the office of a small NGO in Mumbai, we want AI to draft donor letters, about 30 a month.",
        "We have Gemini in our work Gmail through Google Workspace. Can I use that instead of paying for something?",
    )
    assert "Yes, it counts" in reply and "can't answer" not in reply


def test_the_products_table_has_gemini_in_workspace_and_asks_by_pointing_back() -> None:
    keys = [p.key for p in answers.asked_products(PUNE_C)]
    assert keys == ["workspace_gemini"]
    assert [p.key for p in answers.asked_products("Our office uses Microsoft 365 with Copilot. Would that do?")] == [
        "m365_copilot"]  # fmt: skip
    assert answers.asked_products("Gemini looks nice. What does GPT cost?") == []  # no product question
    assert any(p.key == "workspace_gemini" for p in PRODUCTS)


def test_a_mostly_hindi_clause_beside_an_answered_one_is_not_refused() -> None:
    assert (
        answers.unanswered(["Does that count?", "Kya main wahi use kar sakti hoon instead of paying?"]) == []
    )
    assert answers.unanswered(["Is it free?", "Yeh sab kaise karna hai?"]) == []  # paraphrase


async def test_monday_steps_and_answer_sheet_photos_are_answered() -> None:
    reply = await last_reply("n23-pune-e", PUNE, PUNE_B, PUNE_C, PUNE_D, PUNE_E)
    assert "can't answer" not in reply
    assert (
        "gemini.google.com" in reply and "1. Sign in" in reply
    )  # the school account she has, in steps, in full
    assert "Cover or fold the name" in reply and "you check every mark" in reply


async def test_monday_and_photos_paraphrase() -> None:
    reply = await last_reply(
        "n23-monday-para",
        "I teach science in Pune and want AI to make test papers, about 40 a month, budget ₹500.",
        "What we should do first, on Monday? And can I snap pictures of the students' exam papers for the AI to check?",
    )
    assert "can't answer" not in reply
    assert "Cover or fold the name" in reply


# --- T9: Copilot remembered, the cheapest taken as the priority, self-hosting in plain words -------------------

LEEDS = (
    "Hi, I work at a small charity in Leeds supporting refugees. I'd like help summarising case notes and drafting "
    "letters to the council and the Home Office. We have basically no money. Maybe a handful a day?",
    "way less than that, like 5 a day. the notes have really sensitive stuff, immigration status, abuse history. is "
    "that a problem? and what does self-hosted mean",
    "we really don't have a budget, maybe £50 a month from a grant if we're lucky. but you didn't answer: is it a "
    "problem to put immigration status and abuse history into an AI? also we have Microsoft 365 through TechSoup, "
    "does Copilot count?",
    "I don't know what these mean. the data should stay in the UK I guess. our trustees will ask why we can't just "
    "use free ChatGPT, what do I tell them?",
)


async def test_the_cheapest_safe_option_remembers_copilot_and_takes_cost_first() -> None:
    reply = await last_reply(
        "n23-leeds", *LEEDS,
        "ok forget the UK thing then, any cloud is fine if it's safe. what's the cheapest safe option and what do I do "
        "first?",
    )  # fmt: skip
    assert "start with what you already have, Copilot" in reply and "1. Sign in" in reply
    assert "Priority: cheapest that is good enough" in reply
    assert "Show the settings to add" not in reply


async def test_copilot_remembered_paraphrase() -> None:
    reply = await last_reply(
        "n23-copilot-para",
        "small charity in Leeds, we help refugees with letters and summaries of case notes, about 40 a month, budget £20",
        "we already have microsoft 365 for nonprofits, does copilot count for this?",
        "fine, any cloud. which is the cheapest option, and how do we start?",
    )
    assert "Copilot" in reply and "cheapest that is good enough" in reply


def test_self_hosting_is_said_in_plain_words() -> None:
    term = glossary_lookup("what does self-hosted mean")
    assert term is not None
    assert "open-weights model on your own GPUs" not in term.answer("en")
    assert "computers you own or rent" in term.answer("en")

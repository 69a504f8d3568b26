"""Novice review 24, English threads P1 (Nairobi deputy head: report comments, English and Swahili, no budget, Google
Workspace for Education), P3 (London solicitors' practice manager: confidential client files, GDPR, Microsoft 365
Copilot) and P5 (LA taco truck: Spanglish, phone only, about $10, Google reviews). Hidden settings are only read from
real intent (no provider from "Google reviews", no step-by-step reasoning from "show me step by step", no model from
the word "app", no chat task from "chat apps"); confidential client files never go to a free app on a phone, and
Copilot with the work account is the answer for a firm that has it; practical questions get plain answers (telling
clients, staff rules, a sample instruction, the review steps); what people say is kept (twice a year, Spanglish,
"forget Instagram"); footers are said once. Each test has at least one paraphrase not in the reviewer's transcripts."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.events import ShortlistRow
from whichmodel.agent.nodes import answers
from whichmodel.agent.nodes.interview import _languages_joined, _use_case_said
from whichmodel.agent.nodes.render import common_warnings
from whichmodel.agent.state import Fact


def _facts(text: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(text).facts}


FIRM = (
    "Hi there. I'm the practice manager at a small solicitors firm in London, 12 staff. We'd like to use AI to "
    "summarise client files and draft letters. Where do I start?"
)
TRUCK = (
    "hey so i got a taco truck in LA, east side. need help w instagram captions y también contestar los reviews, "
    "i'm always on my phone no computer. what AI app is good for that?"
)
SCHOOL = (
    "hello, i am deputy head at a secondary school in Nairobi. i need help with writing report card comments, we "
    "have about 400 students and we do it twice a year. also letters to parents in english and swahili. which AI "
    "should i use?"
)


# --- 1. hidden settings only from real intent ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "?? i said forget instagram. only google reviews now. and both languages english and spanish.",
        "only the google maps reviews, nothing else",  # paraphrase
        "the school uses google workspace for education",  # paraphrase
        "we can only use Microsoft 365 at work, that's what we have",  # paraphrase
        "we only sell through amazon listings",  # paraphrase
    ],
)
def test_a_product_of_a_maker_is_no_provider_rule(text: str) -> None:
    assert "deployment.providers_allowed" not in _facts(text)


@pytest.mark.parametrize(
    ("text", "provider"),
    [("we must use Google Cloud", "google"), ("our company uses Azure", "azure"), ("only openai models please", "openai"),
     ("our firm is standardised on AWS", "amazon-bedrock")],
)
def test_a_real_provider_rule_is_still_read(text: str, provider: str) -> None:
    assert provider in (_facts(text).get("deployment.providers_allowed") or ())


@pytest.mark.parametrize(
    "text",
    [
        "ok so claude app free? it writes spanish good? how do i use it for a review, like step by step",
        "can you walk me through it step by step, I'm not techy",  # paraphrase
        "just tell me the steps step by step please",  # paraphrase
        "can you give me an example of what to type into gemini for a report comment? like for a form 3 student who "
        "is good in maths but talks too much",
        "a comment for a pupil who is strong in maths but weak in English",  # paraphrase
    ],
)
def test_steps_for_the_person_or_a_pupils_maths_need_no_reasoning(text: str) -> None:
    assert "needs.reasoning" not in _facts(text)


@pytest.mark.parametrize("text", ["it must solve maths word problems step by step", "it has to do step-by-step reasoning"])
def test_a_reasoning_task_still_needs_reasoning(text: str) -> None:
    assert _facts(text).get("needs.reasoning") is True


@pytest.mark.parametrize(
    "text",
    [
        "First bit says yes, second bit says chat apps may train on our data.",
        "I've read the chat app keeps our chat history for a month",  # paraphrase
    ],
)
def test_chat_apps_are_no_chat_task(text: str) -> None:
    assert _facts(text).get("task_type") != "chat"


def test_a_chatbot_is_still_a_chat_task() -> None:
    assert _facts("we need a chatbot so customers can chat with us")["task_type"] == "chat"


@pytest.mark.parametrize("name", ["app", "the app", "apps", "website", "one"])
def test_ordinary_words_name_no_model(name: str) -> None:
    assert answers.what_is_answer(name, "en") is None


def test_whats_the_app_asks_about_no_model() -> None:
    assert answers.what_is_targets("so whats the app, free?") == []
    assert answers.what_is_targets("whats the website i open?") == []  # paraphrase


async def test_google_reviews_set_no_provider_and_no_model_card_in_the_chat() -> None:
    reply = await last_reply(
        "n24-truck-google", TRUCK, "like 3 or 4 posts a week and maybe 5 reviews. budget like 10 bucks a month max",
        "?? i said forget instagram. only google reviews now. and both languages english and spanish. so whats the app, free?",
    )
    assert "Providers allowed" not in reply
    assert "Relace" not in reply


# --- 2. confidential client files ------------------------------------------------------------------


def test_client_files_are_confidential() -> None:
    assert _facts(FIRM).get("data.sensitivity") == "confidential"
    assert _facts("we keep the case files of our clients and want summaries").get("data.sensitivity") == "confidential"


async def test_a_law_firm_is_never_told_to_install_a_free_app_on_the_phone() -> None:
    reply = await last_reply("n24-firm-start", FIRM)
    assert "Install ChatGPT on the phone" not in reply
    assert "the free plan; sign up" not in reply
    assert "business plan" in reply


async def test_an_accountant_with_client_records_gets_the_business_plan_too() -> None:  # paraphrase
    reply = await last_reply(
        "n24-acct-start",
        "I run a small accountancy practice, 4 of us. We want AI to draft emails about clients' records. How do we start?",
    )
    assert "(the free plan; sign up" not in reply


async def test_copilot_with_the_work_account_is_not_contradicted() -> None:
    reply = await last_reply(
        "n24-firm-copilot", FIRM,
        "Hang on, these are client files, they're confidential. Is it even legal under GDPR to put client stuff into AI?",
        "It's not health data, it's legal files - conveyancing, family, wills. Also, Copilot came with our Microsoft "
        "365, can we just use that?",
    )  # fmt: skip
    assert "enterprise data protection" in reply
    assert "consumer terms" not in reply
    assert "a personal chat-app account is not for it; use a business plan" not in reply
    assert "work or school account" in reply


async def test_the_gdpr_answer_for_a_law_firm_has_no_patient_data() -> None:
    reply = await last_reply(
        "n24-firm-gdpr", FIRM, "These are client files, they're confidential. Is it even legal under GDPR to put client stuff into AI?"
    )
    assert "patient" not in reply and "health data" not in reply
    assert "SRA Code of Conduct" in reply


async def test_the_gdpr_answer_for_a_clinic_keeps_the_health_line() -> None:  # paraphrase: health data is said
    reply = await last_reply(
        "n24-clinic-gdpr", "I run a small physiotherapy clinic in London, we want AI to draft patient letters.",
        "Is that legal under GDPR?",
    )
    assert "special category" in reply


async def test_bottom_line_copilot_or_the_api_is_one_sentence_for_copilot() -> None:
    reply = await last_reply(
        "n24-firm-bottom", FIRM, "Copilot came with our Microsoft 365, can we just use that?",
        "So bottom line: Copilot which we already pay for, or this Claude thing at £118 a month? One sentence please.",
    )  # fmt: skip
    assert reply.startswith("Copilot, which you already pay for")
    assert "£118" not in reply


# --- 3. practical questions answered ---------------------------------------------------------------


async def test_telling_clients_and_staff_rules_are_answered() -> None:
    reply = await last_reply(
        "n24-firm-rules", FIRM, "Copilot came with our Microsoft 365, can we just use that?",
        "ok. Last thing - do we have to tell clients we use AI on their files? And what do I tell the 12 staff on "
        "Monday, simple rules?",
    )  # fmt: skip
    assert "I can't answer" not in reply
    assert "privacy notice" in reply and "SRA" in reply
    assert "Simple rules" in reply and "Check every output" in reply and "Copilot in Word" in reply


@pytest.mark.parametrize(
    "text",
    ["should we let our customers know we're using AI for their paperwork?", "Do I need to inform clients that we use AI?"],
)
def test_telling_clients_paraphrases_are_recognised(text: str) -> None:
    assert "tell_clients" in answers.direct_kinds(text)


@pytest.mark.parametrize(
    "text",
    ["what rules should the team follow when using it?", "can you give me a simple AI policy for our staff"],
)
def test_staff_rules_paraphrases_are_recognised(text: str) -> None:
    assert "staff_rules" in answers.direct_kinds(text)


async def test_an_example_report_comment_instruction_is_given() -> None:
    reply = await last_reply(
        "n24-school-example", SCHOOL,
        "ok thank you. can you give me an example of what to type into gemini for a report comment? like for a form 3 "
        "student who is good in maths but talks too much",
    )  # fmt: skip
    assert "Step-by-step reasoning" not in reply
    assert "form 3 student who is good in maths but talks too much" in reply
    assert "[Name]" in reply


def test_a_sample_prompt_paraphrase_is_recognised() -> None:
    assert "sample_prompt" in answers.direct_kinds("could you show me a sample prompt for a parent letter?")


async def test_review_steps_are_given_not_a_reasoning_setting() -> None:
    reply = await last_reply(
        "n24-truck-steps", TRUCK, "like 3 or 4 posts a week and maybe 5 reviews. budget like 10 bucks a month max",
        "ok so claude app free? it writes spanish good? how do i use it for a review, like step by step",
    )  # fmt: skip
    assert "Step-by-step reasoning" not in reply
    assert "tap Reply" in reply and "same language the customer wrote in" in reply


# --- 4. what people said is kept -------------------------------------------------------------------


def test_twice_a_year_and_a_term_are_counted() -> None:
    facts = _facts(
        "its 400 students, each one needs a comment, twice a year. plus maybe 10 letters to parents a term."
    )
    assert facts["volume.requests_per_month"] == 69  # 400 × 2 / 12 + 10 × 3 / 12
    assert _facts("we have 120 clients, each needs a report every month")["volume.requests_per_month"] == 120  # paraphrase
    assert _facts("300 comments twice a year")["volume.requests_per_month"] == 50  # paraphrase


@pytest.mark.parametrize(
    "text", ["we have nothing really for budget", "honestly we've got nothing in the budget for this"]  # paraphrase
)
def test_nothing_for_budget_is_zero(text: str) -> None:
    assert _facts(text).get("budget.monthly_usd") == 0


@pytest.mark.parametrize(
    "text",
    [TRUCK, "i post in english but y también en español para mis clientes"],  # paraphrase
)
def test_spanglish_is_both_languages(text: str) -> None:
    assert set(_facts(text)["languages"]) == {"en", "es"}  # type: ignore[arg-type]


def test_both_after_no_wait_is_both() -> None:
    assert set(_facts("no wait i want both english Y spanish, my captions are spanglish")["languages"]) == {"en", "es"}  # type: ignore[arg-type]


def test_a_language_named_again_or_for_part_of_the_people_joins() -> None:
    both = {"languages": {"value": ["en", "es"], "provenance": "stated"}}
    said = [Fact("languages", ["es"], "stated", "spanish")]
    assert _languages_joined(both, said, "my nephew says chatgpt is better for spanish") == []
    english = {"languages": {"value": ["en"], "provenance": "inferred"}}
    joined = _languages_joined(english, said, "half my customers write reviews en español")
    assert joined[0].value == ["en", "es"]
    assert _languages_joined(english, said, "only spanish please")[0].value == ["es"]  # replaced when said so


def test_forget_one_part_narrows_the_use_case() -> None:
    said = "anyway actually forget instagram, my nephew does that. just the google reviews"
    assert _use_case_said(said) == "only the google reviews"
    assert _use_case_said("forget the newsletter, only the thank-you notes") == "only the thank-you notes"  # paraphrase
    assert _use_case_said("forget it. just tell me what app to download") is None


async def test_the_spanglish_truck_keeps_both_languages_and_narrows_to_reviews() -> None:
    reply = await last_reply(
        "n24-truck-keep", TRUCK, "like 3 or 4 posts a week and maybe 5 reviews. budget like 10 bucks a month max",
        "claude ok but is it good in spanish? half my customers write reviews en español. and i dont wanna pay 20, i said 10",
        "no wait i want both english Y spanish, my captions are mixed like spanglish. anyway actually forget "
        "instagram, my nephew does that. just the google reviews",
    )  # fmt: skip
    assert "→ Spanish." not in reply
    assert "Nothing to change" not in reply
    assert "google reviews" in reply.lower()


async def test_the_budget_is_not_asked_after_nothing() -> None:
    reply = await last_reply(
        "n24-school-budget", SCHOOL,
        "what do you mean by requests? its 400 students, each one needs a comment, twice a year. plus maybe 10 letters "
        "to parents a term. we have nothing really for budget, the school uses google workspace for education",
    )  # fmt: skip
    assert "Is there a monthly budget" not in reply
    assert "10/month" not in reply and "69/month" in reply


@pytest.mark.parametrize("text", ["and is it good at swahili?", "yes or no is swahili ok", "it writes spanish good?"])
def test_language_questions_asked_the_short_way_are_recognised(text: str) -> None:
    assert answers.asked_language(text) in ("sw", "es")


# --- 5. blocks said once ---------------------------------------------------------------------------


def test_a_warning_on_every_row_is_said_once() -> None:
    row = {"offering_id": None, "where": "via X", "monthly_usd": 1.0, "quality": 90.0, "latency": None, "self_hosted": False}
    us = "confidential data would go to a provider under the law of the US"
    rows = [ShortlistRow(rank=1, model="A", warnings=(us,), **row), ShortlistRow(rank=2, model="B", warnings=(us, "preview release"), **row)]  # type: ignore[arg-type]
    kept, common = common_warnings(rows)
    assert common == [us]
    assert kept[0].warnings == () and kept[1].warnings == ("preview release",)
    assert common_warnings(rows[:1])[1] == []


async def test_the_report_footer_is_said_once() -> None:
    first = await last_reply("n24-footer", FIRM)
    again = await last_reply(
        "n24-footer2", FIRM, "Actually it's about 300 files a month."
    )
    assert "download it with the buttons" in first
    assert "download it with the buttons" not in again
    assert "re-rank" in again


def test_should_i_just_use_that_one_keeps_the_languages_and_is_answered() -> None:
    both = {"languages": {"value": ["en", "es"], "provenance": "stated"}}
    said = [Fact("languages", ["es"], "stated", "spanish")]
    text = "my nephew says chatgpt is better for spanish. should i just use that one? free?"
    assert _languages_joined(both, said, text) == []
    assert "app_keeps" in answers.direct_kinds(text)
    assert "app_keeps" in answers.direct_kinds("my cousin loves gemini, should we try that one instead? is it free?")  # paraphrase

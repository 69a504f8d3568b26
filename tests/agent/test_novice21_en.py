"""Novice review 21 (English threads T7, T9, T11, T13): answerable questions answered (a model question in
the legal domain is no request for legal advice; DeepL, Microsoft 365 Copilot and WhatsApp Business from the
products table; "and the volume?" and a quoted phrase of the assistant's own from the conversation), and
corrections recorded (documents as the volume, Kenyan shillings and other currencies, Swahili as a language,
volumes of two items summed). Each test has at least one paraphrase not in the reviewer's transcripts."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers
from whichmodel.knowledge.units import USD_PER, money

TRANSLATOR = (
    "I'm a freelance translator in Munich, English into German, mostly contracts and court papers. "
    "About 15-20 documents in the month, budget 40 euro."
)


def _facts(text: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(text).facts}


def _shown(text: str, path: str) -> str | None:
    return next((f.shown for f in understand(text).facts if f.path == path), None)


# --- 1. answerable questions are answered --------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Which model is the best for German legal texts?",
        "what's the strongest model for legal translation into French?",  # paraphrase
        "we're a small law firm, which model handles legal documents best?",  # paraphrase
    ],
)
def test_a_model_question_in_the_legal_domain_is_no_law_question(question: str) -> None:
    assert "law" not in answers.about_recommendation(question)


@pytest.mark.parametrize(
    "question",
    [
        "I did not ask legal advice, I ask which model translates German legal texts the best.",
        "not looking for legal advice here, just which model is strongest for contracts",  # paraphrase
    ],
)
def test_saying_no_legal_advice_is_wanted_is_no_law_question(question: str) -> None:
    assert "law" not in answers.about_recommendation(question)


@pytest.mark.parametrize(
    "question", ["is that legal under the GDPR?", "are we allowed to put client files in there?", "what does the law say?"]
)
def test_a_question_whether_something_is_allowed_still_is(question: str) -> None:
    assert "law" in answers.about_recommendation(question)


@pytest.mark.parametrize(
    ("question", "key"),
    [
        ("Also does DeepL count? I use DeepL Pro already.", "deepl"),
        ("we pay for deepl pro, is that good enough or do we need more?", "deepl"),  # paraphrase
        ("also we have Microsoft 365 through TechSoup, does Copilot count?", "m365_copilot"),
        ("our office has copilot in outlook, could we just use that?", "m365_copilot"),  # paraphrase
        ("Can it work inside the WhatsApp Business app we already use?", "whatsapp_business"),
        ("will this plug into our whatsapp?", "whatsapp_business"),  # paraphrase
    ],
)
def test_products_that_are_not_models_are_direct_questions(question: str, key: str) -> None:
    assert f"product_{key}" in answers.direct_kinds(question)


def test_a_product_named_without_a_question_is_not_asked_about() -> None:
    assert not answers.asked_products("Not a website, WhatsApp! Actually the budget is KSh 4,000.")


async def test_deepl_is_answered_once_in_full_then_briefly_and_no_legal_advice_disclaimer() -> None:
    first = await last_reply("n21-deepl", TRANSLATOR + " Which model is best for legal translation?")
    assert "legal advice" not in first
    second = await last_reply(
        "n21-deepl", TRANSLATOR + " Which model is best for legal translation?", "does deepl count? i have the pro plan"
    )
    assert "DeepL" in second and "translation service" in second and "data-processing agreement" in second
    third = await last_reply(
        "n21-deepl", TRANSLATOR + " Which model is best for legal translation?", "does deepl count? i have the pro plan",
        "so deepl: yes or no? is it enough on its own?",
    )  # fmt: skip
    assert "see my answer above" in third and "Is it enough?" in third
    assert "Yes, on conditions" not in third
    assert "data-processing agreement; the free version" not in third  # the paragraph is not repeated


async def test_copilot_gets_a_factual_answer_not_a_refusal() -> None:
    reply = await last_reply(
        "n21-copilot",
        "small charity in Leeds, we help refugees with letters and summaries of case notes, about 40 a month, "
        "budget £20",
        "we already have microsoft 365 for nonprofits, does copilot count for this?",
    )
    assert "can't answer" not in reply
    assert "work account" in reply and "not used to train" in reply


async def test_whatsapp_business_gets_a_factual_answer_not_a_refusal() -> None:
    reply = await last_reply(
        "n21-wa",
        "tour company in Mombasa, clients write to us on WhatsApp, we want AI to draft the answers, "
        "about 30 chats a day",
        "can the AI sit inside our WhatsApp Business app?",
    )
    assert "can't answer" not in reply
    assert "WhatsApp Business Platform" in reply and "by hand" in reply


def test_a_bare_question_about_a_setting_is_answerable() -> None:
    assert answers.slot_paths("OK, and the volume?") == ["volume.requests_per_month"]
    assert answers.slot_paths("what about the budget?") == ["budget.monthly_usd"]  # paraphrase
    assert answers.answerable("so, and the budget?")


def test_a_quoted_phrase_of_mine_is_explained_from_the_conversation() -> None:
    replies = ["Noted.", "Yes, on conditions. Each request's text goes to the provider."]
    said = ["hello", "And for the third time: DeepL, yes or no?"]
    text = answers.quote_answer('"Yes, on conditions" to what?', replies, said, "en")
    assert text is not None and "DeepL, yes or no?" in text
    unknown = answers.quote_answer("what do you mean by 'value pick'?", ["nothing"], ["hi"], "en")  # paraphrase
    assert unknown is not None and "value pick" in unknown


# --- 2. corrections and values recorded ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it is 20-30 documents in the month, maybe 10 pages each", 30),
        ("we translate roughly 12 to 15 contracts a month", 15),  # paraphrase
        ("Budget stays 50 euro, volume is 25 documents a month.", 25),
    ],
)
def test_documents_in_a_month_are_the_volume(text: str, expected: int) -> None:
    assert _facts(text)["volume.requests_per_month"] == expected


def test_a_range_takes_its_top_and_says_so() -> None:
    shown = _shown("it is 20-30 documents in the month", "volume.requests_per_month")
    assert shown is not None and "top of 20–30" in shown


def test_two_items_a_day_and_a_week_are_summed_not_overwritten() -> None:
    facts = _facts("maybe 40 reminders a day and like 5 reviews a week")
    assert facts["volume.requests_per_month"] == 1222
    assert _facts("about 20 notifications a day plus 10 letters a week")["volume.requests_per_month"] > 600  # paraphrase


@pytest.mark.parametrize(
    ("text", "code", "amount"),
    [
        ("Budget is 4,000 KSh a month, please write it", "KES", 4000),
        ("Actually the budget is KSh 4,000", "KES", 4000),
        ("we can spend about 5000 shillings a month", "KES", 5000),  # paraphrase
        ("a few thousand bob a month", "KES", 3000),
        ("budget is 2,000 baht a month", "THB", 2000),  # paraphrase
        ("we could pay R$ 300 per month", "BRL", 300),  # paraphrase
        ("around 50,000 naira monthly", "NGN", 50000),  # paraphrase
    ],
)
def test_budgets_in_more_currencies_are_recorded(text: str, code: str, amount: float) -> None:
    usd = _facts(text)["budget.monthly_usd"]
    assert isinstance(usd, float)
    assert abs(usd - round(amount * USD_PER[code], 2)) < 0.02
    shown = _shown(text, "budget.monthly_usd")
    assert shown == money(amount, code)


def test_a_budget_range_in_shillings_takes_the_top() -> None:
    assert _shown("Around 3,000 to 5,000 KSh a month", "budget.monthly_usd") == "KSh 5,000"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("we answer them in English and sometimes Swahili", ("en", "sw")),
        ("our customers write in Tagalog or English", ("tl", "en")),  # paraphrase
        ("replies in Kiswahili please", ("sw",)),  # paraphrase
    ],
)
def test_more_languages_are_recorded(text: str, codes: tuple[str, ...]) -> None:
    assert set(_facts(text)["languages"]) == set(codes)  # type: ignore[arg-type]


async def test_a_forgotten_language_is_added_not_swapped() -> None:
    reply = await last_reply(
        "n21-swahili",
        "safari company in Nairobi, we want AI to draft replies to client chats in English, about 20 a day, "
        "budget KSh 3,000 a month",
        "you left out Swahili, lots of our clients write in it",  # paraphrase of "you forgot Swahili"
    )
    assert "English, Swahili" in reply, reply
    assert "KSh" in reply


# --- 3. people who type by hand with confidential data: a business plan, not an API pick ---------------

SAFARI = (
    "We are a small tour agency in Arusha, clients message us on WhatsApp in English and Swahili, "
    "about 30 chats a day, budget around 300,000 TZS a month"
)


@pytest.mark.parametrize(
    "text",
    [
        "we are 3 people with phones, no IT guy",
        "the front desk girls will just copy paste into it",  # paraphrase
        "two of us, on our own phones, nobody technical",  # paraphrase
    ],
)
def test_words_of_people_typing_by_hand(text: str) -> None:
    assert answers.BY_HAND.search(text) or answers.NO_IT.search(text)


async def test_confidential_and_by_hand_gets_the_business_plan_route() -> None:
    reply = await last_reply(
        "n21-business",
        "small agency in Nairobi, we want AI to help draft replies to clients, in English, about 20 a day, "
        "budget KSh 4,000 a month",
        "the messages have clients' passport numbers, so it's confidential",
        "ok which app do my two assistants use on their phones?",  # paraphrase of "which app do my 3 girls use"
    )
    assert "business plan" in reply and "Team" in reply, reply
    assert "can't answer" not in reply
    assert "Show the settings to add" not in reply


@pytest.mark.parametrize(
    "question",
    [
        "clients send us passport photos for park permits, is that ok to give the AI?",
        "can we upload guests' ID cards to chatgpt?",  # paraphrase
    ],
)
def test_id_document_photos_get_their_own_answer(question: str) -> None:
    assert "photos_ids" in answers.direct_kinds(question)


# --- 2b. "forget the UK thing" and a language asked about ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["ok forget the UK thing then", "ignore the EU bit, it doesn't matter", "the region doesn't matter", "any cloud is fine"],
)
def test_dropping_the_residency_rule(text: str) -> None:
    from whichmodel.agent.nodes.slots import FORGET_RESIDENCY

    assert FORGET_RESIDENCY.search(text)


async def test_forgetting_the_residency_removes_it_and_says_so() -> None:
    reply = await last_reply(
        "n21-forget",
        "charity in Bristol, we summarise case notes, about 5 a day, budget £40 a month",
        "the data has to stay in the UK",
        "actually never mind the UK part, what's the cheapest safe option?",  # paraphrase
    )
    assert "Removed: Data must stay in: UK" in reply, reply
    assert "My recommendation" in reply
    assert "which admits." not in reply


async def test_a_question_about_a_language_adds_it() -> None:
    reply = await last_reply(
        "n21-langq",
        "we run a guesthouse in Zanzibar, AI should draft replies to guest emails in English, about 10 a day, budget $20",
        "and is it any good in Swahili?",  # paraphrase
    )
    assert "English, Swahili" in reply, reply


def test_a_long_paragraph_given_before_is_not_repeated() -> None:
    from whichmodel.agent.nodes.render import message, said_before

    long = "Each request goes to the provider. " + "It keeps your data under its terms, read them first. " * 6
    events = said_before([message(long, "en")], ["Earlier: " + long], "en")
    assert events[0].text.startswith("Each request goes to the provider.")
    assert "earlier reply" in events[0].text and len(events[0].text) < 120


# --- 4./5. places the person is not in, and internal labels -------------------------------------------


def test_residency_choices_fit_where_the_person_is() -> None:
    from whichmodel.agent.nodes.interview import _pending_for

    miami = _pending_for("deployment", "en", "us")["options"]
    assert not any("stay in" in o for o in miami)
    assert "Any cloud API is fine" in miami and any("No Chinese providers" in o for o in miami)
    leeds = _pending_for("deployment", "en", "uk")["options"]
    assert any("the UK" in o for o in leeds) and not any("stay in China" in o for o in leeds)
    unknown_zh = _pending_for("deployment", "zh")["options"]
    assert any("中国境内" in o for o in unknown_zh)


@pytest.mark.parametrize(
    "question",
    ["the reminders have the patient name and the time, is that ok with HIPAA?", "is this hipaa compliant?"],  # paraphrase
)
def test_a_hipaa_question_gets_the_us_rule_only(question: str) -> None:
    raw = {"task_type": "writing", "use_case": "appointment reminders for our dental patients",
           "data": {"sensitivity": "confidential"}}  # fmt: skip
    text = answers.recommendation_answer("safety", raw, None, "en", None, question)
    assert "HIPAA" in text and "GDPR" not in text and "UK" not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and the reminders are 40 A DAY, not 22 a month!", 1200),
        ("we get 300 emails a week, not 30", 1300),  # paraphrase
    ],
)
def test_a_figure_turned_down_is_no_volume(text: str, expected: int) -> None:
    assert _facts(text)["volume.requests_per_month"] == expected


def test_no_config_labels_or_zero_point_gaps_in_the_explanations() -> None:
    from pathlib import Path

    from whichmodel.tools.decision.explain import TEXT

    assert not any("`data." in text for text in TEXT["en"].values())
    goldens = [p.read_text(encoding="utf-8") for p in Path("tests/decision/golden").glob("*.json")]
    assert not any("rated only 0.0 of 100" in g for g in goldens)
    assert any("has the same rating" in g for g in goldens)

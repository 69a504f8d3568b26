"""Novice review 22, English threads T16, T11 and T13 (second pass): a zero budget is a budget of zero (free
apps, never "no limit"); "is the free ChatGPT OK?" and "does it keep what I type?" are answered (the training
switch in Settings > Data Controls, temporary chats, "[Name]" as a placeholder); thank-you notes get "[Name]"
and a bereavement gets tone advice; a person on the app route gets no API recommendation or settings offer;
business plans are priced per user against the budget (and are not for one person); a recommendation given
before is referred back to, not reprinted; the app-or-API sentence is said once. Each test has at least one
paraphrase not in the reviewer's transcripts."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers
from whichmodel.agent.nodes.render import format_value, message, said_before
from whichmodel.agent.tools import for_core

PANTRY = (
    "Hi there! I coordinate volunteers at a little food pantry in Dayton, Ohio. I write thank-you notes to "
    "volunteers and donors and I'm always behind. We have zero budget. Like, zero."
)
AGENCY = (
    "Habari! We are a small travel agency in Nairobi, clients message us on WhatsApp all day, we want AI to help "
    "answer them, in English and Swahili, maybe 50 chats a day. Clients send passport photos, so the data is "
    "confidential. Budget is KSh 4,000 a month. We are 3 people with phones, no IT guy."
)


def _budget(text: str) -> object:
    return next((f.value for f in understand(text).facts if f.path == "budget.monthly_usd"), "unset")


# --- 1. a zero budget -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have zero budget. Like, zero.",
        "We're a tiny charity with basically no money for this.",  # paraphrase (T9's wording)
        "honestly there is no budget at all",  # paraphrase
        "it has to be free, we can't pay anything",  # paraphrase
    ],
)
def test_a_zero_budget_is_a_budget_of_zero(text: str) -> None:
    assert _budget(text) == 0


@pytest.mark.parametrize(
    "text", ["no budget limit, we want the best", "No fixed budget", "budget is not a concern", "no budget set really, cheaper is better"]
)
def test_no_limit_is_still_no_limit(text: str) -> None:
    assert _budget(text) in (None, "unset")  # no limit (or the menu option's alias), never zero


def test_a_zero_budget_is_shown_as_free_plans_only_and_kept_from_the_core() -> None:
    assert format_value("budget.monthly_usd", 0.0, "en") == "nothing (free plans only)"
    assert "0" not in format_value("budget.monthly_usd", 0.0, "zh").replace("零", "")
    raw = {"use_case": "x", "task_type": "writing", "budget": {"monthly_usd": 0.0}}
    assert "budget" not in for_core(raw)
    assert for_core({**raw, "budget": {"monthly_usd": 0.0, "per_1k_requests_usd": 1.0}})["budget"] == {
        "per_1k_requests_usd": 1.0
    }


async def test_a_zero_budget_gets_no_dollar_menu_and_the_free_app_first() -> None:
    reply = await last_reply("en5-zero", PANTRY, "Thank-you notes maybe 15 a month.")
    assert "$100 a month" not in reply and "Monthly budget: no limit" not in reply
    assert "Monthly budget: nothing (free plans only)" in reply
    assert "on its free plan, used by hand" in reply
    assert "My recommendation: " not in reply  # no API pick as the recommendation
    assert "Show the settings to add" not in reply


async def test_a_zero_budget_said_otherwise_routes_to_the_free_app_too() -> None:  # paraphrase
    reply = await last_reply(
        "en5-zero2",
        "I run a small church newsletter by myself, I'd like help writing the monthly letter to members. "
        "We have no money for this at all, it has to be free.",
        "about 4 letters a month",
    )
    assert "free plan" in reply and "Show the settings to add" not in reply


# --- 2. the free app and what it keeps ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Is the free ChatGPT OK for this?",
        "would the free version of ChatGPT do?",  # paraphrase
        "can we just use the free ChatGPT app?",  # paraphrase
    ],
)
def test_is_the_free_app_ok_is_answered(question: str) -> None:
    assert "app_keeps" in answers.direct_kinds(question)
    raw = {"task_type": "writing", "use_case": "thank-you notes", "volume": {"requests_per_month": 15}}
    text = answers.app_keeps_answer(question, "", raw, None, "en", None)
    assert text.startswith("Yes") and "Data Controls" in text and "[Name]" in text


@pytest.mark.parametrize(
    "question",
    [
        "Does it keep what I type in? Like will it learn from our volunteers' names and use them somewhere?",
        "will ChatGPT remember everything we write?",  # paraphrase
        "could it learn from our donors' details?",  # paraphrase
    ],
)
def test_does_it_keep_what_i_type_is_answered(question: str) -> None:
    assert answers.answerable(question)
    text = answers.app_keeps_answer(question, "Is the free ChatGPT OK for this?", {}, None, "en", None)
    assert "Improve the model for everyone" in text and "Temporary chats" in text and "[Name]" in text


def test_the_keep_answer_given_before_is_a_one_line_reminder() -> None:
    full = answers.app_keeps_answer("does it keep what I type?", "free ChatGPT", {}, None, "en", None)
    again = answers.app_keeps_answer("does it keep what I type?", "free ChatGPT", {}, None, "en", None, [full])
    assert again.startswith("As I said above") and len(again) < len(full)


def test_the_free_app_for_confidential_data_is_not_a_yes() -> None:
    raw = {"task_type": "writing", "data": {"sensitivity": "confidential"}}
    text = answers.app_keeps_answer("is the free Claude fine for this?", "", raw, None, "en", None)  # paraphrase
    assert not text.startswith("Yes") and "business plan" in text


async def test_the_pantry_questions_are_never_refused() -> None:
    reply = await last_reply(
        "en5-keep",
        PANTRY,
        "Maybe 30-40 emails a week? Thank-you notes maybe 15 a month. Is the free ChatGPT OK for this?",
    )
    assert "I can't answer" not in reply and "Data Controls" in reply


# --- 3. letters to people: "[Name]", and tone for a bereavement ------------------------------------------


def test_thank_you_notes_get_a_name_placeholder_and_loss_gets_tone_advice() -> None:
    message_text = ("some notes mention a volunteer's family situation, like one lady lost her husband last month "
                    "and still came in. Is it ok to put that in?")  # fmt: skip
    kinds = answers.direct_kinds("Is it ok to put that in?", "", message_text)
    assert "paste_app" in kinds and "loss_tone" in kinds
    raw = {"use_case": "Thank-you notes", "task_type": "writing"}
    text = answers.direct_answer("paste_app", "Is it ok to put that in?", raw, None, "en", None) or ""
    assert "[Name]" in text and "the customer" not in text
    tone = answers.direct_answer("loss_tone", "Is it ok to put that in?", raw, None, "en", None) or ""
    assert "warm" in tone and "not shared publicly" in tone


@pytest.mark.parametrize(
    "text",
    [
        "one of our donors passed away last week, his wife still sends checks. should I mention it?",  # paraphrase
        "A volunteer is grieving her mother. Is it okay to mention that in the card?",  # paraphrase
    ],
)
def test_a_bereavement_asked_in_other_words_gets_tone_advice(text: str) -> None:
    assert "loss_tone" in answers.direct_kinds(text, "", text)


def test_a_letter_to_a_donor_in_other_words_gets_the_placeholder() -> None:  # paraphrase
    raw = {"use_case": "letters to our donors", "task_type": "writing"}
    text = answers.direct_answer("paste_app", "can I paste their names into the app?", raw, None, "en", None) or ""
    assert "[Name]" in text


# --- 5. business plans against the budget --------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "n"),
    [
        (["We are 3 people with phones, no IT guy."], 3),
        (["which app do my 3 girls use on their phones?"], 3),
        (["Sisi ni watu watatu tu."], 3),  # paraphrase in Swahili
        (["I'm a freelance translator, it's just me."], 1),  # paraphrase
        (["two of us answer the phones"], 2),  # paraphrase
    ],
)
def test_head_count(said: list[str], n: int) -> None:
    assert answers.head_count(said) == n


def test_team_plans_are_over_a_small_budget_and_not_for_one_person() -> None:
    kenya = {"budget": {"monthly_usd": 31.01}, "data": {"sensitivity": "confidential"}}
    assert answers.business_over_budget(kenya, ["we are 3 people with phones"])
    roomy = {"budget": {"monthly_usd": 500.0}, "data": {"sensitivity": "confidential"}}
    assert not answers.business_over_budget(roomy, ["we are 3 people with phones"])
    solo = {"budget": {"monthly_usd": 54.0}}
    assert answers.business_over_budget(solo, ["I am a freelance translator in Berlin"])


async def test_three_staff_with_a_small_budget_are_told_the_seat_prices() -> None:
    reply = await last_reply("en5-seats", AGENCY, "chatting with clients", "any cloud is fine")
    assert "per user" in reply and "more than your budget of KSh 4,000" in reply
    assert "Whoever pays signs up for the business plan" not in reply


async def test_a_solo_freelancer_is_not_sent_to_a_team_plan() -> None:  # paraphrase of T13
    reply = await last_reply(
        "en5-solo",
        "I'm a self-employed translator in Vienna, English to German contracts, 20 documents a month, budget 50 euro. "
        "The contracts are confidential.",
        "which app should I use?",
    )
    assert "sold to teams, not to one person" in reply and "adds each person" not in reply


# --- 6./7. repetition -------------------------------------------------------------------------------------


def test_a_recommendation_asked_for_again_is_referred_back() -> None:
    lead = "My recommendation for you: the Claude app, used by hand. " + "It keeps your data under its terms. " * 8
    answer = lead + "\nStep by step, from my current recommendation:\n1. Install it\n2. Try it"
    earlier = ["Earlier: " + lead.replace("used", "used")]
    events = said_before([message(answer, "en")], earlier, "en", frozenset({""}))
    assert events[0].text.startswith("My recommendation for you: the Claude app")
    assert "unchanged" in events[0].text and "Step by step" not in events[0].text


def test_a_paragraph_differing_only_in_its_figures_counts_as_given() -> None:  # paraphrase: a corrected volume
    para = "My recommendation for you: the app. " + "About €1.32 a month at your volume, check it. " * 8
    events = said_before([message(para.replace("1.32", "1.10"), "en")], [para], "en", figures=True)
    assert "earlier reply" in events[0].text and len(events[0].text) < 120


def test_the_app_or_api_sentence_is_said_once() -> None:
    apps = answers.consumer_apps("can we just use the ChatGPT app?")
    text = answers.app_answer(apps, None, "en", {"data": {"sensitivity": "confidential"}}, "KES")
    assert text.count("through the API") + text.count("through the maker's API") <= 1
    assert "That is the app for a person typing by hand" not in text


async def test_the_final_which_app_is_not_a_copy_of_the_earlier_one() -> None:
    first = await last_reply("en5-repeat", AGENCY, "chatting with clients", "any cloud is fine")
    again = await last_reply("en5-repeat", AGENCY, "chatting with clients", "any cloud is fine",
                             "ok final answer: which app for my girls?")
    assert again != first and "unchanged" in again and len(again) < len(first) / 2


@pytest.mark.parametrize("answer", ["5", "Nothing: free plans only", "zero"])  # the menu's own words, and a paraphrase
async def test_the_budget_menu_offers_free_only(answer: str) -> None:
    opening = "We run a small charity shop in Leeds, I want help writing thank-you letters to donors, about 20 a month."
    menu = await last_reply("en5-menu", opening)
    assert "Nothing: free plans only" in menu
    reply = await last_reply("en5-menu", opening, answer)
    assert "Monthly budget: nothing (free plans only)" in reply and "on its free plan" in reply

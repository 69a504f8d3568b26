"""Novice review 24 (English): a person with only a phone gets the app to install and use by hand, never API
setup, and "phone only" is kept as a fact; a bakery in Quezon City is in the Philippines (its pesos, its Data
Privacy Act of 2012); "So NOT the messages, just the posts" changes the task and says so; "Budget maybe 500
pesos a month?" is the budget, said back as approximate; a question answered before is not asked again; a
recommendation given before is referred to, never reprinted. Each test has a paraphrase not in the
reviewer's transcripts."""

from __future__ import annotations

import re

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import turned_down_items, understand
from whichmodel.agent.events import ToolStep
from whichmodel.agent.glossary import lookup
from whichmodel.agent.nodes import answers, phone
from whichmodel.agent.nodes.render import message, said_before, t
from whichmodel.agent.tools import for_core

SOAP = "Hi! I sell handmade soap online from home. I want help writing product descriptions and replies to customers."
BAKERY = ("Hello po! I run a small bakery in Quezon City. I want AI to help me write Facebook posts and answer customer "
          "messages on Messenger.")  # fmt: skip
API_SETUP = re.compile(r"developer site|developer's site|create an API key|API menu|per-use route|through the API|"
                       r"Show the settings to add|no-code tool", re.IGNORECASE)  # fmt: skip


def _facts(text: str, expecting: str | None = None) -> dict[str, object]:
    return {f.path: f.value for f in understand(text, expecting=expecting).facts}


def _paragraphs(reply: str) -> list[str]:
    return [p.strip() for p in reply.split("\n\n") if len(p.strip()) >= 80]


# --- 1. a person with only a phone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I only have my phone, no computer.",
        "no computer, just my phone",  # paraphrase
        "I do everything on my phone.",  # paraphrase
        "I don't have a laptop, I use my mobile for everything",  # paraphrase
    ],
)
def test_phone_only_is_a_fact(text: str) -> None:
    assert _facts(text).get("phone_only") is True


@pytest.mark.parametrize("text", ["can I do it on my phone?", "I have a laptop and a phone", "the replies go out on my phone"])
def test_a_phone_mentioned_is_not_phone_only(text: str) -> None:
    assert "phone_only" not in _facts(text)


def test_phone_only_stays_out_of_the_decision_core() -> None:
    raw = {"use_case": "x", "task_type": "writing", "phone_only": True, "place": "the Philippines"}
    assert for_core(raw) == {"use_case": "x", "task_type": "writing"}


async def test_a_phone_only_seller_gets_the_app_to_install_and_no_api_setup() -> None:
    turns = (f"{SOAP} I only have my phone, no computer.", "maybe 60 messages a week", "Budget maybe 20 dollars?")
    reply = await last_reply("en24-phone", *turns)
    assert "installed on your phone" in reply and "the Claude app" in reply and "App Store" in reply
    assert "Device: a phone only (no computer)" in reply
    assert "someone with a computer" in reply and not API_SETUP.search(reply)
    steps = await last_reply("en24-phone", *turns, "how do I set it up?")
    assert steps.startswith("On your phone, step by step:") and "Install Claude" in steps
    assert not API_SETUP.search(steps)
    auto = await last_reply("en24-phone", *turns, "how do I set it up?", "can it answer customers automatically?")
    assert auto.startswith("Not from a phone alone") and "someone with a computer" in auto and not API_SETUP.search(auto)


async def test_phone_only_said_another_way_is_kept_through_the_conversation() -> None:  # paraphrase
    opening = ("I do everything on my phone. I run a nail salon in Manila and want help replying to booking messages "
               "on Instagram and writing captions. Maybe 100 messages a month. Budget maybe 20 dollars?")  # fmt: skip
    key = await last_reply("en24-phone2", opening, "ok how do I get started?", "what's an API key? do I need one?")
    assert "You don't need one" in key and "I can't answer" not in key and "create an API key" not in key
    later = await last_reply("en24-phone2", opening, "thanks", "actually it's more like 200 messages a month")
    assert "installed on your phone" in later or "My recommendation is unchanged" in later or "earlier reply" in later
    assert not API_SETUP.search(later)


async def test_a_phone_in_mainland_china_installs_from_the_phones_own_store() -> None:  # no Google Play there
    reply = await last_reply("en24-cn-store", "我在上海开网店，只有手机，没有电脑。想用AI写商品描述，每月大概50条，预算每月100元。")
    assert "从手机自带的应用商店" in reply and "Google Play" not in reply
    steps = phone.answer("setup", {"task_type": "writing", "phone_only": True, "location": "cn"}, None, "en", None) or ""
    assert "from your phone's app store" in steps and "Google Play" not in steps


def test_a_list_of_apps_is_one_to_install_and_the_others_alike() -> None:
    assert phone._app({"phone_only": True}, None, "en")[0] == "ChatGPT (Claude or Gemini work the same way)"
    assert phone._app({"phone_only": True, "location": "cn"}, None, "zh")[0] == "通义千问（Kimi、豆包或DeepSeek用法一样）"


def test_a_key_point_is_no_api_key() -> None:
    assert phone.kinds_asked("what are the key things to write?") == []
    assert phone.kinds_asked("do I need a key?") == ["api"]


def test_the_phone_answers_are_for_phone_only_people() -> None:
    assert phone.answer("setup", {"task_type": "writing"}, None, "en", None) is None
    steps = phone.answer("setup", {"task_type": "writing", "phone_only": True}, None, "en", None) or ""
    assert "App Store" in steps and "no API key" in steps
    auto = phone.answer("which", {"phone_only": True}, None, "en", None, "can it post them automatically?") or ""
    assert auto.startswith("Not from a phone alone")
    assert phone.kinds_asked("what's an API key? do I need one?") == ["api"]


# --- 2. the Philippines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello po! I run a small bakery in Quezon City.",
        "I'm a tutor in Cebu",  # paraphrase
        "we're based in PH",  # paraphrase
        "our shop is in Davao City",  # paraphrase
        "I sell cakes from Davao",  # paraphrase: where the business sells from
        "we ship orders from Cebu",  # paraphrase
    ],
)
def test_philippine_places_set_the_location(text: str) -> None:
    said = next(f for f in understand(text).facts if f.path == "location")
    assert (said.value, said.shown) == ("other", "the Philippines")


def test_a_language_is_no_place() -> None:
    assert "location" not in _facts("we reply in Tagalog and English")


def test_the_philippine_privacy_law_is_named() -> None:
    raw = {"task_type": "writing", "location": "other", "place": "the Philippines", "data": {"sensitivity": "confidential"}}
    assert answers.person_region(raw, None) == "ph"
    assert answers.person_region({"task_type": "writing"}, "PHP") == "ph"
    law = answers.recommendation_answer("law", raw, None, "en", None, "is this legal?")
    assert "Data Privacy Act of 2012" in law and "Republic Act No. 10173" in law and "National Privacy Commission" in law
    assert "数据隐私法" in t("zh", "about_law_ph") and "10173" in t("zh", "law_ph_personal")


async def test_pesos_said_after_the_place_are_philippine_pesos_and_the_law_is_named() -> None:
    turns = (BAKERY, "About 30 posts a month and maybe 200 messages.", "Budget maybe 500 pesos a month?")
    reply = await last_reply("en24-ph", *turns)
    assert "Noted: you are in the Philippines." in (await last_reply("en24-ph0", BAKERY))
    assert "Monthly budget: roughly ₱500/month" in reply and "MX$" not in reply
    safe = await last_reply("en24-ph", *turns, "is it safe to put customer names and addresses in?")
    assert "Data Privacy Act of 2012 (Republic Act No. 10173)" in safe and "National Privacy Commission" in safe


async def test_a_clinic_in_manila_with_patient_data_hears_the_act() -> None:  # paraphrase
    reply = await last_reply(
        "en24-ph2",
        "We're a small dental clinic in Manila with 4 staff, no IT guy. We want help writing appointment reminders "
        "with patient names, about 300 a month. Budget 2000 pesos a month.",
        "any cloud is fine",
    )
    assert "₱2,000" in reply and "Data Privacy Act of 2012" in reply


# --- 3. "not the X, just the Y" ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("So NOT the messages, just the posts.", "messages", "posts"),
        ("not the messages, only the posts", "messages", "posts"),  # paraphrase
        ("scratch the DMs, I'll answer those myself", "dms", ""),  # paraphrase
        ("just the newsletters, not the emails", "emails", "newsletters"),  # paraphrase
    ],
)
def test_items_turned_down_and_kept(text: str, dropped: str, kept: str) -> None:
    out, keep = turned_down_items(text)
    assert dropped in out and (not kept or kept in keep)


async def test_not_the_messages_just_the_posts_changes_the_task_and_says_so() -> None:
    reply = await last_reply("en24-drop", BAKERY, "About 30 posts a month and maybe 200 messages.",
                             "Budget maybe 500 pesos a month?", "So NOT the messages, just the posts.")  # fmt: skip
    assert "Changed: Requests per month: 230/month (30 posts + 200 messages) → 30/month" in reply
    assert "Use case: Help me write Facebook posts and answer customer messages → Write Facebook posts." in reply
    assert "Anything else to change?" not in reply


@pytest.mark.parametrize(
    ("opening", "drop", "volume"),
    [
        ("Hi! I have a small cake business in Cebu. I want AI to write Instagram captions and reply to customer DMs. "
         "About 40 captions and 150 DMs a month. Budget around 800 pesos.", "scratch the DMs", "→ 40/month"),
        ("Hi, I'm a yoga teacher in Leeds. I need help writing class descriptions and answering booking emails, 20 "
         "descriptions and 80 emails a month, budget £10 a month.", "no, not the emails. only the class descriptions please",
         "→ 20/month"),
    ],
)  # fmt: skip
async def test_a_part_dropped_in_other_words_changes_the_task_too(opening: str, drop: str, volume: str) -> None:
    reply = await last_reply(f"en24-drop-{volume}", opening, drop)
    assert "Changed: " in reply and volume in reply and "Use case: " in reply


async def test_a_place_turned_down_is_no_task_change() -> None:
    reply = await last_reply("en24-drop-us", "I write product descriptions for my shop, 50 a month, $20 a month.",
                             "we're in Canada, not the US")  # fmt: skip
    assert "Use case:" not in reply


# --- 4. a hedged budget with a question mark ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expecting", "usd"),
    [
        ("Budget maybe 500 pesos a month? We're in Quezon City.", None, 8.62),
        ("maybe 20 dollars?", None, 20.0),  # paraphrase, the budget not asked
        ("maybe 20 dollars?", "budget.monthly_usd", 20.0),
        ("Maybe 100 messages a month. Budget maybe 20 dollars?", None, 20.0),  # paraphrase
        ("budget is maybe $30 a month?", None, 30.0),  # paraphrase
    ],
)
def test_a_hedged_budget_is_the_budget(text: str, expecting: str | None, usd: float) -> None:
    got = understand(text, expecting=expecting)
    assert {f.path: f.value for f in got.facts}.get("budget.monthly_usd") == usd
    assert not (got.question or "").lower().startswith(("budget", "maybe"))


@pytest.mark.parametrize(
    ("text", "usd"),
    [
        ("hmm, 10 bucks maybe?", 10.0),  # paraphrase: the hedge after the sum
        ("i guess 500 pesos would be ok?", 27.03),  # paraphrase (no place said: Mexican pesos by default)
        ("what is the cheapest? we cant spend more than 20 a month", 20.0),  # money, never a volume of 20
    ],
)
def test_a_sum_said_while_the_volume_is_asked_is_the_budget(text: str, usd: float) -> None:
    facts = _facts(text, "volume.requests_per_month")
    assert facts.get("budget.monthly_usd") == usd and "volume.requests_per_month" not in facts


async def test_a_hedged_budget_is_said_back_as_approximate() -> None:
    reply = await last_reply("en24-hedge", SOAP, "maybe 60 messages a week", "Budget maybe 20 dollars?")
    assert "Monthly budget: roughly $20.00/month" in reply
    assert "Is there a monthly budget" not in reply


# --- 5. a question answered before is not asked again ---------------------------------------------------------


async def test_a_volume_said_in_a_cost_question_is_not_asked_for_again() -> None:
    turns = ("Hello, I'm a real estate agent. I'd like AI to write property listings.",
             "What does it cost for like 40 listings a month?", "hmm ok. budget would be $30 a month i guess")  # fmt: skip
    assert "Requests per month: 40/month" in await last_reply("en24-twice", *turns[:2])
    reply = await last_reply("en24-twice", *turns)
    assert "Roughly how many requests" not in reply and "Task: writing" in reply


async def test_the_guess_of_the_task_is_asked_again_as_it_was() -> None:  # paraphrase
    reply = await last_reply("en24-guess", "Hello, I'm a real estate agent. I'd like AI to write property listings.",
                             "how long does it take to set up?")  # fmt: skip
    assert "It sounds like “Write texts (descriptions, marketing copy)”" in reply


@pytest.mark.parametrize("answer", ["the free one is fine", "free is fine"])
async def test_free_is_fine_answers_the_budget_question(answer: str) -> None:
    opening = "Hello, I coordinate a church choir. I want AI to write weekly emails to members, like 8 a month."
    reply = await last_reply(f"en24-free-{answer}", opening, answer)
    assert "Monthly budget: nothing (free plans only)" in reply and "Is there a monthly budget" not in reply


async def test_a_count_corrected_without_its_period_keeps_the_period() -> None:
    turns = ("Hi, I'm a freelance translator in Vienna, 20 documents a month, budget 50 euro.",
             "actually it's more like 40 documents. how do I start?")  # fmt: skip
    reply = await last_reply("en24-count", *turns)
    assert "Changed: Requests per month: 20/month → 40/month" in reply


@pytest.mark.parametrize("thanks", ["thanks mate", "thank you po!"])
async def test_thanks_to_a_question_is_no_answer_not_understood(thanks: str) -> None:
    reply = await last_reply(f"en24-thanks-{thanks}", SOAP, "maybe 60 messages a week", thanks)
    assert "I didn't find an answer" not in reply and "Is there a monthly budget" in reply


@pytest.mark.parametrize("question", ['sorry, what does "requests" mean?', "what does budget mean here, like for the app?"])
def test_the_words_of_the_questions_are_explained(question: str) -> None:
    assert lookup(question) is not None


def test_can_we_spend_is_a_budget() -> None:  # paraphrase: a sum offered as a question
    assert _facts("Can we spend maybe 1000 pesos a month? We're in Davao.")["budget.monthly_usd"] == 17.24


# --- 6. a recommendation given before is referred to, never reprinted -------------------------------------------


async def test_which_after_how_to_start_is_not_reprinted() -> None:
    turns = ("We are a bakery in Quezon City with 3 branches. We want AI to write our Facebook posts and answer customer "
             "messages on Messenger, about 2,000 messages a month.", "Budget maybe 3000 pesos a month?", "thanks!",
             "how do I start?")  # fmt: skip
    first = await last_reply("en24-again", *turns)
    again = await last_reply("en24-again", *turns, "so which should we use?")
    assert "My recommendation is unchanged" in again and len(again) < len(first) / 2


async def test_what_about_more_of_the_same_is_one_line() -> None:
    turns = (BAKERY, "About 30 posts a month and maybe 200 messages.", "Budget maybe 500 pesos a month?")
    reply = await last_reply("en24-monday", *turns, "ok what about Monday posts?")
    assert reply.startswith("Monday posts: done the same way, with the Claude app") and "model catalog" not in reply
    assert "My recommendation is unchanged" in reply or "my recommendation is unchanged" in reply
    weekend = await last_reply("en24-monday2", *turns, "and what about the weekend captions?")  # paraphrase
    assert weekend.startswith("Weekend captions: done the same way") and "My recommendation for you" not in weekend
    before = await last_reply("en24-monday3", BAKERY, "what about invoices?")  # before the recommendation
    assert "Invoices: the recommendation will cover them too" in before and "I can't answer" not in before


def test_steps_given_word_for_word_before_are_referred_back() -> None:
    steps = "On your phone, step by step:\n1. Install Claude from the App Store and sign up.\n2. " + "Type it in. " * 30
    events = said_before([ToolStep(name="about_recommendation", summary="which"), message(steps, "en")], [steps], "en",
                         frozenset({"which"}))
    assert events[1].text.startswith("Install Claude from the App Store and sign up. (My recommendation is unchanged")


async def test_a_re_rank_says_the_outro_and_the_offer_once() -> None:
    turns = ("hello, we're a small travel agency in Makati. we want AI for our newsletters and for replying to client "
             "emails, maybe 4 newsletters and 300 emails a month, budget 2000 pesos a month",
             "just the newsletters, not the emails")  # fmt: skip
    reply = await last_reply("en24-outro", *turns)
    assert "The full report has the costs" not in reply and reply.count("Change anything at any time") == 1
    assert "None of the shortlisted models is set up on this server" not in reply


async def test_no_paragraph_twice_in_one_reply() -> None:  # paraphrase: a correction and a question at once
    reply = await last_reply(
        "en24-dup",
        "Hi! I'm a florist in Manila, I only have my phone. I want help writing Facebook posts, about 20 a month. "
        "Budget maybe 300 pesos?",
        "actually more like 40 posts a month. how do I start?",
    )
    paragraphs = _paragraphs(reply)
    assert len(paragraphs) == len(set(paragraphs))
    assert "per 1,000 requests" not in reply  # the figure corrected asks no cost

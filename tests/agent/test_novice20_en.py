"""Novice review 20 (English threads): every question in a message answered beside its slot update —
why a model is on the list (from the ranking's own data), whether it works offline, whether the per-use
figure can be ignored when the app is used, what "both picks" means — and English sentences that start
in capitals. Paraphrases differ from the reviewer's wording."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers
from whichmodel.agent.nodes.render import sentence_case

DENTIST = (
    "small dental practice in Vancouver, two dentists, we want help drafting treatment notes, "
    "maybe 30 notes a day, budget 150 dollars a month"
)
BAKER = "I run a bakery on my own and want ai to write instagram captions, about 60 a month, budget $15"


@pytest.mark.parametrize(
    "question",
    [
        "why is kimi still on the list, these are patient records",
        "why did you include qwen when the data is private?",
        "and why's deepseek in the shortlist?",
    ],
)
def test_why_listed_is_a_direct_question(question: str) -> None:
    assert "why_listed" in answers.direct_kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "will it still work during a blackout?",
        "can i use it offline on the bus",
        "does it need wifi or can it run without internet",
    ],
)
def test_offline_is_a_direct_question(question: str) -> None:
    assert "offline" in answers.direct_kinds(question)


@pytest.mark.parametrize(
    "question",
    ["so the $3 bill i can forget about?", "can i skip the api thing if i just use the app", "the api part we can ignore?"],
)
def test_ignoring_the_api_figure_is_a_direct_question(question: str) -> None:
    assert "ignore_api" in answers.direct_kinds(question)


async def test_why_a_listed_model_is_there_beside_a_volume_correction() -> None:
    first = await last_reply("n20-listed", DENTIST)
    # (since session 18 a $16 bill gets no lower-rated value pick, so the Chinese model may not be named)
    chinese = ("Kimi", "Qwen", "DeepSeek", "GLM")
    listed = [name for name in (*chinese, "Fable", "Gemini", "Muse") if name in first]
    assert listed, first
    name = listed[0]
    reply = await last_reply(
        "n20-listed", DENTIST,
        f"why is {name.lower()} on the list? these are health records. also it's more like 50 notes a day",
    )  # fmt: skip
    said = reply.split("Changed:")[0]
    assert f"{name}" in said and "on the list because" in said and "#" in said
    if name in chinese:
        assert "no Chinese providers" in said  # what would take it off
    assert "Changed:" in reply  # the correction is still made


async def test_offline_and_ignore_the_per_use_figure_both_answered() -> None:
    first = await last_reply("n20-offline", BAKER)
    assert "My recommendation" in first
    reply = await last_reply(
        "n20-offline", BAKER,
        "fine, i'll use the free app on my laptop, so the api cost i can ignore? and will it work when the electricity goes out?",
    )  # fmt: skip
    assert "needs the internet" in reply and "power cut" in reply
    assert reply.count("Yes.") >= 1 and "per-use bill" in reply


async def test_both_picks_explained_beside_an_app_price_question() -> None:
    reply = await last_reply(
        "n20-picks", BAKER, "do i pay for the $20 claude thing then? what does it mean to try both picks"
    )
    assert "Both picks" in reply and "value pick" in reply
    assert "Claude app" in reply


def test_sentences_start_in_capitals_but_not_after_abbreviations() -> None:
    text = sentence_case("the Claude app: free. the paid plan costs more, e.g. the Pro one. ok\nyes")
    assert text == "The Claude app: free. The paid plan costs more, e.g. the Pro one. Ok\nYes"


@pytest.mark.parametrize(
    ("messages", "alone"),
    [
        (["I'm a freelance illustrator and want help writing emails to clients"], True),
        (["potter here, selling mugs on etsy, want ai for listings"], True),
        (["we run a small agency and want help with client emails"], False),
        (["our shop has 4 staff answering reviews"], False),
        (["our shop gets 30 reviews a month", "no team though, it's only me"], True),
    ],
)
def test_a_person_working_alone_is_recognised(messages: list[str], alone: bool) -> None:
    assert answers.is_solo(messages) is alone


ILLUSTRATOR = "I'm a freelance illustrator, want ai to write short emails to clients, about 25 a month, budget £10"


async def test_a_person_working_alone_is_led_to_the_app_with_its_price_in_their_currency() -> None:
    reply = await last_reply("n20-solo", ILLUSTRATOR)
    lead = reply.split("Shortlist:")[0]
    assert "My recommendation for you:" in lead and "app" in lead and "£" in lead
    assert lead.index("My recommendation for you:") < lead.index("If you later want it automated")
    assert "your team" not in reply and "Show the settings to add" not in reply


async def test_next_steps_for_a_person_working_alone_start_with_the_app() -> None:
    reply = await last_reply("n20-solo-steps", ILLUSTRATOR, "right, so what now? give me the steps")
    assert "1. Open" in reply and "app" in reply.split("2.")[0]
    assert "person who connects" not in reply and "your team" not in reply


async def test_a_team_still_gets_the_api_pick_first() -> None:
    reply = await last_reply(
        "n20-team", "our agency of 6 writers drafts about 25 client emails a month, budget $40"
    )
    assert "My recommendation for you:" not in reply and "My recommendation:" in reply


async def test_the_cores_own_sentences_use_the_persons_currency() -> None:
    reply = await last_reply(
        "n20-rand",
        "I'm a tour guide in Durban, want ai to write trip summaries for guests, about 40 a month, R300 a month",
        "couldn't i simply use the claude app instead?",
    )
    line = next(s for s in reply.split(". ") if "model I recommend" in s)
    assert "R" in line.split("at ")[-1] and "(about $" in line


@pytest.mark.parametrize(
    ("clinic", "law", "not_law"),
    [
        (DENTIST, "PIPEDA", "HIPAA"),
        ("we're a physio practice in Brisbane, 2 physios each see about 10 patients a day, want help writing notes, "
         "about 100 dollars a month", "Privacy Act", "HIPAA"),
    ],
)  # fmt: skip
async def test_a_yes_or_no_on_patient_data_names_the_law_of_the_place(clinic: str, law: str, not_law: str) -> None:
    reply = await last_reply("n20-law", clinic, "any cloud is fine", "can we legally use this for the notes, yes or no?")
    answer = next(p for p in reply.split("\n\n") if p.startswith("Yes, but only once"))
    assert "real patient notes" in answer and "HIPAA" not in reply.split("Shortlist:")[0]
    assert law in answer and not_law not in answer and "customer data" not in answer


def test_a_long_sentence_said_twice_in_one_reply_is_said_once() -> None:
    from whichmodel.agent.nodes.render import message, without_repeats

    price = "The Gemini app (gemini.google.com): free plan with limits; the paid plan is about €22 a month."
    events = without_repeats([message(f"{price} Pay only if you need more.", "en"),
                              message(f"Yes, you can. {price}", "en"), message(price, "en")])  # fmt: skip
    assert [e.text for e in events] == [f"{price} Pay only if you need more.", "Yes, you can."]


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("so what's the price? and can it also print my labels", 2),
        ("fine. is that per month? ok", 1),
        ("我该用哪个？它能帮我打印快递单吗？", 2),
    ],
)
def test_every_question_in_a_message_is_found(message: str, count: int) -> None:
    assert len(answers.question_clauses(message)) == count


async def test_a_question_the_data_cannot_answer_is_said_so_beside_one_it_can() -> None:
    reply = await last_reply(
        "n20-cant", BAKER, "what does 'try both picks' mean? and can the ai post to my instagram by itself?"
    )
    assert "Both picks" in reply
    assert "I can't answer this from what I have" in reply and "post to my instagram" in reply


def test_a_question_pointing_back_at_an_answerable_one_is_answered_with_it() -> None:
    asked = answers.question_clauses("we kept 5,000 tagged tickets, can we use them? should we fine-tune a model?")
    assert len(asked) == 2 and answers.unanswered(asked) == []
    assert answers.unanswered(["what is a token?", "can the ai book my flights?"]) == ["can the ai book my flights?"]

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
    listed = [name for name in ("Kimi", "Qwen", "DeepSeek", "GLM") if name in first]
    assert listed, first
    name = listed[0]
    reply = await last_reply(
        "n20-listed", DENTIST,
        f"why is {name.lower()} on the list? these are health records. also it's more like 50 notes a day",
    )  # fmt: skip
    said = reply.split("Changed:")[0]
    assert f"{name}" in said and "on the list because" in said and "#" in said
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

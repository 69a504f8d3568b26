"""novice25 P1 (a hotel in Portugal) and P4 (a jewellery shop in Jaipur): a direct either/or or yes/no question
gets one name, or the yes, in its first sentence, then the reason from the ranking; not "too close to call"
and not a row per family."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers

HOTEL = (
    "hi, i run a small hotel in Portugal, about 20 rooms. guests leave reviews on booking and google in english, "
    "portuguese and german. i want to reply to them faster, which ai should i use??",
    "not sure, maybe 5-10 reviews a day? in summer more",
    "no idea really, as cheap as possible. maybe 20-30 euro a month is ok",
)
SHOP = (
    "hello sir i have small online shop selling handmade jewellery in jaipur, i only use my phone (android). "
    "need ai to write product descriptions for instagram and meesho. which is best and cheap"
)


def test_one_answer_is_read() -> None:
    assert answers.wants_one_answer("so final: which one do i download, chatgpt or qwen? one answer please")
    assert answers.wants_one_answer("bhai i asked app name. ONE name only. chatgpt or claude or gemini??")
    assert answers.wants_one_answer("so should i just use chatgpt??")
    assert answers.wants_one_answer("ok. but you didnt say: chatgpt yes or no?")
    assert not answers.wants_one_answer("chatgpt or claude, which is better for this?")


async def test_one_answer_please_gets_one_name_first() -> None:
    reply = await last_reply("n25-one-hotel", *HOTEL, "ok i remove the names. so final: which one do i download, chatgpt or qwen? one answer please")
    first = reply.split(". ")[0]
    assert first in ("Qwen", "ChatGPT"), reply
    assert "too close to call" not in reply
    assert "Download " in reply


async def test_one_name_only_among_three() -> None:
    reply = await last_reply("n25-one-shop", SHOP, "bhai i asked app name. ONE name only. chatgpt or claude or gemini??")
    first = reply.split(". ")[0]
    assert first in ("Claude", "ChatGPT", "Gemini"), reply
    assert "its best placed model here is" not in reply  # no row per family


async def test_should_i_just_use_chatgpt_gets_yes_first() -> None:
    reply = await last_reply(
        "n25-yes-hotel", *HOTEL,
        "ok im confused. you say qwen then you say chatgpt is all i need. so should i just use chatgpt?? and how do i "
        "do it, copy the review in? can it answer in my style, friendly but not too long",
    )  # fmt: skip
    assert reply.startswith("Yes: ChatGPT is fine for this."), reply


async def test_chatgpt_yes_or_no_gets_yes_first() -> None:
    reply = await last_reply(
        "n25-yesno-hotel", *HOTEL,
        "ok. but you didnt say: chatgpt yes or no? and on booking.com some complaints mention room numbers and guest "
        "names, is it safe to paste? can it post automatically on booking?",
    )  # fmt: skip
    assert reply.startswith("Yes: ChatGPT is fine for this."), reply
    assert "personal data" in reply  # the paste question is still answered

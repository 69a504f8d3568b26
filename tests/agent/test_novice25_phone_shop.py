"""novice25 P4 (a jewellery shop in Jaipur with only a phone): "it is in play store?" gets where to install the
app and its price; "it can do hindi also na?" gets whether a public rating covers the language and how to
check it; neither is refused."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.nodes import answers, phone

SHOP = (
    "hello sir i have small online shop selling handmade jewellery in jaipur, i only use my phone (android). "
    "need ai to write product descriptions for instagram and meesho. which is best and cheap"
)


def test_the_store_and_language_questions_are_read() -> None:
    assert "store" in phone.kinds_asked("claude app is there in play store or not?")
    assert "store" in phone.kinds_asked("is it on the app store?")  # paraphrase
    assert "language_can" in answers.direct_kinds("it can do hindi also na?")
    assert "language_can" in answers.direct_kinds("can chatgpt write in Portuguese?")
    assert "language_can" in answers.direct_kinds("会写日语吗？")
    assert "language_can" not in answers.direct_kinds("can it do product descriptions?")  # no language named
    assert "which" in answers.about_recommendation("tell me in simple words what i do now")


async def test_play_store_and_hindi_are_answered_for_a_phone_only_shop() -> None:
    reply = await last_reply("n25-shop", SHOP, "ok claude. it is in play store? it can do hindi also na? paid one how much rupees")
    assert "Google Play" in reply and "₹" in reply
    assert "Hindi" in reply and "check them before they go out" in reply
    assert "can't answer that one" not in reply

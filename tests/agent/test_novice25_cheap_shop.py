"""novice25 P4 (a one-person jewellery shop in Jaipur, phone only): "which is best and cheap" makes the priority
balanced (said), "a cheap ai" makes it cost; with no volume given, a small business gets a small stated figure,
never the menu's silent 10,000 a month and a ₹14,700 pick."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand

SHOP = (
    "hello sir i have small online shop selling handmade jewellery in jaipur, i only use my phone (android). "
    "need ai to write product descriptions for instagram and meesho. which is best and cheap"
)


def _priority(message: str) -> object:
    return next((f.value for f in understand(message).facts if f.path == "priority"), None)


def test_cheap_words_set_the_priority() -> None:
    assert _priority(SHOP) == "balanced"
    assert _priority("i need a cheap ai to write captions for my bakery") == "cost"
    assert _priority("good and affordable, that's all i want") == "balanced"
    assert _priority("is it really that cheap?") is None
    assert _priority("i want the best model for legal contracts") is None


async def test_best_and_cheap_for_a_small_shop_is_not_10000_quality_first() -> None:
    reply = await last_reply("n25-cheap-shop", SHOP)
    assert "10,000/month" not in reply and "quality first" not in reply
    assert "Priority: balanced" in reply
    assert "300/month (about 10 a day, a guess for a small business" in reply
    assert "₹14,700" not in reply

"""Novice round 21, Chinese threads (/work/novice21 T8 上海, T10 香港, T12 台中), with sentences of our own
next to the reviewed ones: a figure taken back in the same message gives way to the one said after it;
a price seen elsewhere is no budget; "幾百塊" from Taiwan is New Taiwan dollars (inferred from the place),
an amount with its currency named is stated."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand


def _budget(message: str, expecting: str | None = None) -> tuple[float, str, str | None]:
    facts = {f.path: f for f in understand(message, expecting=expecting).facts}
    f = facts["budget.monthly_usd"]
    return float(f.value), f.provenance, f.shown  # type: ignore[arg-type]


def test_the_value_after_a_self_correction_wins() -> None:
    _value, prov, shown = _budget("一个月五百吧。哦不对，两个店一起算，一千五。另外Claude国内能用吗？", "budget.monthly_usd")
    assert shown == "¥1,500" and prov == "stated"
    # paraphrases of our own
    assert _budget("预算每月三百，不对不对，说错了，是八百")[2] == "¥800"
    assert _budget("每个月两千吧，哦不是，改成一千二", "budget.monthly_usd")[2] == "¥1,200"
    assert _budget("budget is $300 a month, no wait, 450")[0] == 450
    # a count after the correction word is no budget; a sum turned down is not taken
    assert _budget("预算每月三百，不对，我们有两个店，一起算六百")[2] == "¥600"
    assert _budget("预算是一千五不是五百")[2] == "¥1,500"


def test_a_price_seen_at_a_reseller_is_no_budget() -> None:
    msg = "预算是一千五不是五百，刚才说错了。还有淘宝上有人卖便宜的中转API，一个月几十块就能用Claude，靠谱吗？"
    assert _budget(msg)[2] == "¥1,500"
    assert _budget("不是三十！预算是一千五！几十块是淘宝卖的价格。")[2] == "¥1,500"
    # ours: a price said with no budget of the person's is not taken as one
    facts = understand("闲鱼上有人卖ChatGPT会员，一个月二十块就可以用，这个能买吗？").facts
    assert not any(f.path == "budget.monthly_usd" for f in facts)
    facts = understand("my budget is $50 a month. a guy on ebay sells it for $10 a month").facts
    assert [f.value for f in facts if f.path == "budget.monthly_usd"] == [50]


def test_a_currency_named_in_a_correction_is_stated() -> None:
    _value, prov, shown = _budget("不是人民幣啦，是新台幣，大概五百塊台幣。")
    assert shown == "500新台币" and prov == "stated"


async def test_a_few_hundred_from_taiwan_is_new_taiwan_dollars_inferred() -> None:
    reply = await last_reply(
        "n21tw1", "您好，我們是台中的一間小幼兒園，想用AI幫忙寫每週給家長的通訊。預算不多，一個月幾百塊吧。"
    )
    assert "300新臺幣" in reply and "¥" not in reply
    # ours: Hong Kong, a bare figure after 預算
    reply = await last_reply("n21hk1", "我哋喺香港開咗間花店，想用AI寫IG帖文，一個月大概二十篇，預算每月幾百蚊")
    assert "¥" not in reply
    # said in renminbi: stays yuan
    reply = await last_reply("n21tw2", "我在台北工作，想用AI寫行銷文案，每月一百篇，預算每月五百人民幣")
    assert "¥500" in reply or "500元" in reply or "500人民幣" in reply

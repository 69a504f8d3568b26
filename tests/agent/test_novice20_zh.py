"""Novice round 20, Chinese threads (/work/novice19 threads 4–6), played through the real agent with
sentences of our own: a person who writes Traditional Chinese, is in Taiwan or Hong Kong, or asks for
繁體 gets every reply in Traditional Chinese with that place's usage (the reports' OpenCC step), and the
request is acknowledged; a word asked about alongside another question is explained."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.reply_script import reply_script, without_script_request
from whichmodel.tools.report.script import written_in

SIMPLIFIED_ONLY = "们这个说们请语对吗么贵钱应费个问题时"
"""Characters Traditional Chinese writes differently: none may appear in a Traditional reply."""


def _simplified_in(text: str) -> list[str]:
    return [c for c in text if c in SIMPLIFIED_ONLY]


def test_the_script_follows_writing_place_and_request() -> None:
    assert written_in("我們在高雄賣手工肥皂，想請AI幫忙寫商品說明") == "traditional"
    assert written_in("我们在杭州卖茶叶") == "simplified"
    assert reply_script("我們在高雄賣手工肥皂", None, False, None) == ("tw", False)
    assert reply_script("我哋喺旺角開咗間餐廳", None, False, None) == ("hk", False)
    assert reply_script("我们在杭州卖茶叶", None, False, "cn") == (None, False)
    assert reply_script("那个多少钱？", None, False, "tw") == ("tw", False)  # Simplified typed, in Taiwan
    assert reply_script("那个多少钱？", "tw", False, None) == ("tw", False)  # one message does not flip it
    assert reply_script("麻烦请用繁体字回复我", None, False, "cn") == ("tw", True)
    assert reply_script("好的，多少钱", "tw", True, "cn") == ("tw", True)  # the choice stays
    assert reply_script("还是改用简体吧", "tw", True, None) == (None, True)
    assert without_script_request("免費版夠用嗎？麻煩用繁體回覆。") == "免費版夠用嗎？"


async def test_a_taiwan_shop_gets_traditional_replies_throughout() -> None:
    start = "我們在台中開了一間手工皂小店，想用AI幫忙寫商品說明，大概每週十幾則，預算每月五百台幣"
    first = await last_reply("tw1", start)
    assert not _simplified_in(first), _simplified_in(first)
    later = await last_reply("tw2", start, "那我該用哪一個？")
    assert not _simplified_in(later), _simplified_in(later)
    # typed in Simplified, but the person is in Taiwan: still Traditional
    simp = await last_reply("tw3", start, "这个要多少钱？")
    assert not _simplified_in(simp), _simplified_in(simp)


async def test_a_request_for_traditional_is_honoured_and_said() -> None:
    start = "我在杭州开网店，想用AI写商品文案，每月两百条，预算每月三百块"
    reply = await last_reply("tw4", start, "ChatGPT 的应用每个月多少钱？麻烦用繁体字回复我")
    assert "繁體中文回答" in reply
    assert not _simplified_in(reply), _simplified_in(reply)
    assert "ChatGPT" in reply  # the rest of the message is answered too
    after = await last_reply("tw5", start, "请用繁体回复", "那推荐哪个？")
    assert not _simplified_in(after), _simplified_in(after)


async def test_a_mainland_person_keeps_simplified() -> None:
    reply = await last_reply("cn1", "我在杭州开网店，想用AI写商品文案，每月两百条，预算每月三百块")
    assert "们" in reply or "这" in reply or "个" in reply


async def test_a_word_asked_about_alongside_a_price_question_is_explained() -> None:
    start = "我們在台中開了一間手工皂小店，想用AI幫忙寫商品說明，大概每週十幾則，預算每月五百台幣"
    reply = await last_reply("tw6", start, "API到底是什麼意思？還有 ChatGPT 的 App 要付錢嗎？")
    assert "API：" in reply
    assert "ChatGPT" in reply


async def test_a_request_alone_is_acknowledged_without_a_refusal() -> None:
    start = "我在杭州开网店，想用AI写商品文案，每月两百条，预算每月三百块"
    reply = await last_reply("tw7", start, "您好，能不能改成繁体字回答")
    assert "繁體中文回答" in reply and "答不了" not in reply


_CLINIC = "我们是镇卫生院，每天大概八十个病人，想用AI整理病历，病人资料不能离开卫生院，每年预算三万，没有技术人员"


async def test_can_ai_do_a_side_task_gets_a_conditional_yes() -> None:
    reply = await last_reply("ai1", _CLINIC, "复诊提醒可以让AI来写吗？")
    assert "答不了" not in reply
    assert reply.startswith("可以")
    assert "核对" in reply and "个人信息保护法" in reply
    assert "自己服务器" in reply  # what the conversation knows: the records stay in-house


async def test_a_bare_yes_or_no_demand_answers_the_previous_question() -> None:
    reply = await last_reply("ai2", _CLINIC, "复诊提醒可以让AI来写吗？", "那到底行不行？")
    assert "答不了" not in reply and reply.startswith("可以")


async def test_can_ai_in_english_for_a_shop_without_personal_data() -> None:
    start = "I run a small bakery in Leeds and want AI to write the weekly specials board, about 10 a month, budget £10"
    reply = await last_reply("ai3", start, "could we have AI draft the newsletter too?")
    assert "can't answer" not in reply.lower()
    assert reply.startswith("Yes")
    reply = await last_reply("ai4", start, "could we have AI draft the newsletter too?", "just tell me yes or no")
    assert reply.startswith("Yes")


_TRADER = "我们在宁波做五金出口，业务员每天回三四十封英文询盘，预算每月八百元"


async def test_the_consumer_app_answer_follows_stated_confidentiality() -> None:
    reply = await last_reply("c1", _TRADER, "我们的价格表和客户资料是机密，不能外传", "直接用豆包的网页版行不行？")
    assert "企业版" in reply and "训练" in reply
    assert "把要点贴进去" not in reply
    # whichever route answers it, confidential data never hears "paste the points in"
    from whichmodel.agent.nodes.answers import recommendation_answer

    raw = {"data": {"sensitivity": "confidential"}, "use_case": "外贸询盘回复"}
    text = recommendation_answer("app_use", raw, None, "zh", "CNY", "用网页版可以吗")
    assert "企业版" in text and "客户A" in text and "把要点贴进去" not in text


async def test_a_leak_worry_is_answered() -> None:
    reply = await last_reply("c2", _TRADER, "我们的价格表和客户资料是机密，不能外传", "我担心用那个手机应用会把客户资料泄漏出去")
    assert "企业版" in reply and "训练" in reply
    en = await last_reply(
        "c3",
        "We export furniture from Vietnam, about 40 sales emails a day, budget $60 a month. Our price lists are strictly confidential.",
        "honestly I'm worried the ChatGPT website would leak our prices",
    )
    assert "business plan" in en and "train" in en


async def test_no_it_and_data_in_house_says_which_route_sends_data_out() -> None:
    reply = await last_reply("h1", _CLINIC, "资料不出卫生院，也没有技术人员，这样能不能做？")
    # session 17: the report's own way forward, a bought workstation on the premises, with who looks after it
    assert "工作站" in reply and "一体机" in reply
    assert "离开单位" in reply and "个人信息保护法" in reply
    assert "接好一次" not in reply  # no "have someone connect the API" to a place whose data must stay in


async def test_which_one_after_two_named_products_chooses_between_them() -> None:
    start = "我在杭州开网店，想用AI写商品文案，每月两百条，预算每月三百块"
    reply = await last_reply("w1", start, "Kimi和DeepSeek这两个哪里能下载？", "那两个里面哪个更好？")
    assert "Kimi" in reply and "DeepSeek" in reply
    assert "Claude" not in reply.split("。")[0]

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


def test_hundred_odd_is_read_as_about_150_and_said_so() -> None:
    facts = {f.path: f for f in understand("每個月大概百幾份文件").facts}
    vol = facts["volume.requests_per_month"]
    assert vol.value == 150 and vol.provenance == "inferred" and "100–199" in (vol.shown or "")
    # ours
    facts = {f.path: f for f in understand("我们每个月百几封询盘邮件要回").facts}
    assert facts["volume.requests_per_month"].value == 150
    # "一百多", like "两百多", stays at its round figure
    assert {f.path: f.value for f in understand("每个月一百多封询盘邮件").facts}["volume.requests_per_month"] == 100


def test_a_denied_task_is_replaced_and_its_images_go() -> None:
    u = understand("不是要看照片啦，主要是寫家長通訊，照片只是偶爾。")
    facts = {f.path: f.value for f in u.facts}
    assert facts["task_type"] == "writing" and facts["input_modalities"] == ("text",)
    assert {f.path: f.value for f in understand("唔係傾偈呀，係睇單據同寫email俾客。").facts}["task_type"] == "writing"
    # ours: Cantonese "幫手" is a verb ("help"), not a chat assistant
    assert {f.path: f.value for f in understand("想用AI幫手寫報價單同埋email").facts}.get("task_type") == "writing"
    assert {f.path: f.value for f in understand("不是聊天机器人，是帮我们写每月的会员简报").facts}["task_type"] == "writing"


_KINDER = "您好，我們是台中的一間小幼兒園，想用AI幫忙寫每週給家長的通訊，每週兩份。預算每月五百台幣"


async def test_a_photo_question_does_not_turn_the_job_into_image_understanding() -> None:
    reply = await last_reply("n21k1", _KINDER, "另外想問，可以把小朋友活動的照片放進AI，讓它幫忙寫照片說明嗎？")
    assert "視覺" not in reply and "影像理解" not in reply
    # ours: the same worry in other words, with a budget correction in the same message
    reply = await last_reply("n21k2", _KINDER, "不對，預算是八百台幣。還有孩子們的相片能不能上傳給AI寫說明？")
    assert "視覺" not in reply


async def test_the_use_case_said_outright_replaces_the_held_one() -> None:
    reply = await last_reply("n21k3", _KINDER, "用途改成寫家長通訊")
    assert "用途" in reply and "寫家長通訊" in reply
    assert "臺中間小幼兒園" not in reply
    reply = await last_reply("n21k4", _KINDER, "我想把用途改為：寫學期末的親師信", "現在的需求是什麼？")
    assert "影像" not in reply


async def test_hong_kong_replies_use_hong_kong_words() -> None:
    from whichmodel.tools.report.script import for_place

    assert for_place("发送客户数据前，个人账号，个人信息，每周 2 × 4.3 周", "zh", "hk") == "發送客戶數據前，個人帳號，個人資料，每週 2 × 4.3 週"
    assert "4.3 週" in for_place("9/月（每周 2 × 4.3 周）", "zh", "tw")
    reply = await last_reply("n21hk2", "我喺香港開咗間會計師樓，想用AI幫手寫email俾客戶，每個月百幾封，預算每月五百港幣")
    assert "户" not in reply and "賬" not in reply


_SHOP = "我在上海做跨境电商，想用AI写listing，英语德语日语三种，一个月大概三百条，预算每月一千五"


async def test_a_relay_api_question_gets_a_real_answer() -> None:
    reply = await last_reply("n21r1", _SHOP, "淘宝上有人卖便宜的中转API，一个月几十块就能用Claude，靠谱吗？")
    assert "中转" in reply and "服务条款" in reply and "卖家的服务器" in reply
    # ours
    reply = await last_reply("n21r2", _SHOP, "闲鱼上的API代理便宜很多，能不能用？")
    assert "服务条款" in reply


async def test_a_named_chinese_app_for_someone_who_cannot_code_is_the_app_and_free() -> None:
    reply = await last_reply("n21d1", _SHOP, "那直接用DeepSeek行不行？我不会写代码")
    assert "个人使用免费" in reply and "DeepSeek" in reply
    reply = await last_reply("n21d2", _SHOP, "DeepSeek 的 app 是不是免费的？")
    assert "免费" in reply


_FIRM = "我喺香港開咗間會計師樓，想用AI幫手寫email俾客戶，每個月百幾封，預算每月五百港幣"


async def test_hong_kong_privacy_law_is_named_and_explained() -> None:
    reply = await last_reply("n21p1", _FIRM, "客戶資料要保密㗎，私隱條例點睇？")
    assert "個人資料（私隱）條例" in reply and "保障資料原則" in reply
    reply = await last_reply("n21p2", _FIRM, "用AI處理客戶文件，PDPO有咩要注意？")
    assert "私隱" in reply and "其中一個問題" not in reply


async def test_why_a_model_is_on_the_list_in_cantonese() -> None:
    reply = await last_reply("n21q1", _FIRM, "點解個list有Qwen呢啲大陸嘢？")
    assert "Qwen" in reply and "答不了" not in reply
    reply = await last_reply("n21q2", _FIRM, "為什麼名單上會有Kimi？")
    assert "Kimi" in reply and "答不了" not in reply


_KG = "我們是台中的一間幼兒園，想用AI幫忙寫每週給家長的通訊，每週兩份，老師只用手機和LINE，用免費的就好"


async def test_children_photos_in_taiwan_get_a_plain_no_and_the_law() -> None:
    reply = await last_reply("n21c1", _KG, "照片到底可不可以放？")
    assert reply.startswith("不可以") and "個人資料保護法" in reply and "同意" in reply
    reply = await last_reply("n21c2", _KG, "學生的相片能不能上傳給AI？")
    assert "不可以" in reply


async def test_apps_for_taiwan_are_the_ones_offered_there() -> None:
    reply = await last_reply("n21a1", _KG, "到底要用哪一個app？")
    assert "豆包" not in reply and "ChatGPT" in reply and "Gemini" in reply
    reply = await last_reply("n21a2", _KG, "豆包在台灣可以用嗎？那老師該裝哪個app？")
    assert "不在臺灣提供豆包" in reply
    assert "豆包：" not in reply  # no app paragraph for an app not offered there
    reply = await last_reply("n21a3", _FIRM, "咁用邊個app好？")
    assert "ChatGPT" not in reply.split("不在香港")[0] or "不在香港" in reply


async def test_how_to_start_on_monday_gets_concrete_steps() -> None:
    reply = await last_reply("n21s1", _KG, "請簡單告訴我下週一怎麼開始寫第一份通訊。")
    assert "1." in reply and "5." in reply and "LINE" not in reply.split("1.")[0]
    reply = await last_reply("n21s2", _KG, "明天要怎麼開始用？")
    assert "1." in reply and "豆包" not in reply


async def test_people_who_type_by_hand_get_the_app_route() -> None:
    start = "我在上海做跨境电商，想用AI写listing，英语德语日语三种，一个月大概三百条，预算每月一千五。我不会写代码，店里就我和两个运营"
    reply = await last_reply("n21h1", start)
    assert "直接手工使用" in reply and "给我需要添加的设置" not in reply
    # ours: a small team that only uses phones
    reply = await last_reply("n21h2", "我们是三个人的花店，想用AI写朋友圈文案，每月三十条左右，预算每月两百，大家只会用手机")
    assert "手工使用" in reply and "给我需要添加的设置" not in reply


async def test_no_paragraphs_for_places_the_person_is_not_in() -> None:
    reply = await last_reply("n21l1", _SHOP)
    assert "台湾或新加坡" not in reply and "如果您在中国大陆，请告诉我" not in reply
    reply = await last_reply("n21l2", _SHOP, "Claude国内能用吗？")
    assert "如果您在中国大陆，请告诉我" not in reply
    assert "提示工程" not in reply and "统计持平" not in reply


async def test_a_model_served_by_a_chinese_groups_foreign_arm_is_not_called_non_chinese() -> None:
    reply = await last_reply("n21q3", _FIRM, "點解個list有Qwen呢啲大陸嘢？")
    assert "而不是中國的公司" not in reply

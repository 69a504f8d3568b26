"""Novice round 24 findings fixed on chat-n24b (/work/novice24 P2 深圳 cross-border seller on Amazon, P4 台北
dental clinic receptionist on LINE), each on the reviewer's wording and on sentences of our own: a clinic's reply
bot never gives medicine or symptom advice (a fixed reply, the emergency number where the person is); Traditional
Chinese with a Taiwan word places the person in Taiwan, never mainland China from the script alone; "patient data
to a Chinese company?" answered for Taiwan; Amazon's rules on AI-written listings; LINE and AI; Kimi vs 豆包 from
the ranking; the footer and the nothing-to-test menu said once."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers
from whichmodel.agent.nodes.answers import direct_answer, direct_kinds

P4 = (
    "你好 我是牙醫診所櫃台 想用AI幫忙回LINE上病人的訊息 像是預約跟一些常見問題 可以嗎",
    "3 是跟病人對話 不是摘要啦。我只用手機 一天大概50則訊息",
    "台幣嗎？我們診所應該不會花很多 一個月幾百塊台幣吧 最好免費",
    "不確定",
)
P2 = (
    "你好，我在深圳做跨境电商，公司就5个人。想用AI帮我们写亚马逊的商品描述，要英文、德文、日文三种。每周大概上新20个产品。用哪个AI比较好？",
)


def _location(message: str) -> object:
    return next((f.value for f in understand(message).facts if f.path == "location"), None)


# 1. a clinic's reply bot and medicine questions


@pytest.mark.parametrize(
    "question",
    ["AI可以直接回答病人牙痛要不要吃止痛藥嗎？常常有人半夜傳LINE問這個",
     "所以止痛藥的問題 我可以叫AI不要回答嗎？還是它一定會亂回",
     "病患晚上傳訊息問發燒要不要吃退燒藥，機器人可以直接回覆嗎？",  # ours
     "我能不能设定让它不要回答用药的问题？",  # ours, Simplified: a follow-up names no patient
     "Can I tell the bot not to answer painkiller questions?",  # ours
     "Patients text us at night asking about antibiotics, can the chatbot reply?"],  # ours
)  # fmt: skip
def test_medicine_questions_to_a_clinic_bot_are_recognised(question: str) -> None:
    assert "patient_advice" in direct_kinds(question), question


def test_a_booking_question_is_still_no_medical_advice() -> None:
    assert "patient_advice" not in direct_kinds("AI可以幫我們回覆病人預約時間的問題嗎？")
    assert "patient_advice" not in direct_kinds("Can the bot answer patients asking about our opening hours?")


def test_the_bot_gets_a_fixed_reply_and_taiwans_emergency_number() -> None:
    raw = {"location": "tw", "task_type": "chat", "use_case": "回LINE上病人的訊息"}
    text = direct_answer("patient_advice", "所以止痛藥的問題 我可以叫AI不要回答嗎？", raw, None, "zh", "TWD")
    assert text is not None
    assert text.startswith("可以叫它不要回答，也应该这样设定") and "一律不回答" in text and "固定回复" in text
    assert "拨打 119" in text and "120" not in text and "护士核对" not in text and "两个条件" not in text
    # English, in the US: 911; a clinic answering by hand (not a bot) keeps the doctor's draft route
    en = direct_answer("patient_advice", "Can the AI answer patients asking about their medication?",
                       {"location": "us", "task_type": "summarization"}, None, "en", None)  # fmt: skip
    assert en is not None and "call 911" in en and "fixed reply" not in en
    bot = direct_answer("patient_advice", "Can I tell the bot not to answer painkiller questions?",
                        {"location": "uk"}, None, "en", None)  # fmt: skip
    assert bot is not None and bot.startswith("You can tell it not to answer") and "call 999" in bot
    # mainland China keeps its rule and 120
    cn = direct_answer("patient_advice", "患者在群里问能不能停药，机器人可以直接回复吗？", {"location": "cn"}, None, "zh", None)
    assert cn is not None and "拨打 120" in cn and "第十三条" in cn and "固定回复" in cn


async def test_p4_painkiller_follow_up_in_the_chat_is_a_fixed_reply_in_traditional() -> None:
    reply = await last_reply("n24pain", *P4, "所以止痛藥的問題 我可以叫AI不要回答嗎？還是它一定會亂回")
    assert "可以，但有兩個條件" not in reply and "護士核對" not in reply
    assert "119" in reply and "固定回覆" in reply and "診所" in reply and "急診" in reply
    assert "诊所" not in reply  # Traditional throughout


# 2. Taiwan, never mainland China from the script alone


def test_traditional_chinese_with_a_taiwan_word_is_taiwan() -> None:
    assert _location(P4[0]) == "tw"  # LINE in Traditional Chinese
    assert _location("我們診所要用健保卡資料嗎？想用AI整理") == "tw"  # ours: 健保
    assert _location("我在新北開牙醫診所") == "tw"  # ours: a Taiwan place not listed before
    assert _location("我們在臺中，一個月預算兩千新臺幣") == "tw"


def test_traditional_characters_alone_place_no_one() -> None:
    assert _location("我們診所想用AI回病人訊息") is None
    assert _location("我哋嘅診所想用AI覆LINE") is None  # written Cantonese: not Taiwan's usage
    assert _location("我们用LINE回客户") is None  # Simplified: no Taiwan guess from LINE


async def test_p4_no_mainland_provider_or_app_for_taiwan_patient_data() -> None:
    reply = await last_reply("n24tw", *P4)
    assert "臺灣" in reply and "通義千問" not in reply.split("候選名單")[0]
    assert "DeepSeek" not in reply.split("如果以後想自動處理")[0]  # the apps offered for patient data
    assert "（）" not in reply


@pytest.mark.parametrize(
    "question",
    ["我們在台灣啦 不是大陸。病人的資料給中國的公司OK嗎？",
     "客戶資料交給大陸的公司可以嗎？",  # ours
     "中國的AI公司拿到病人的資料安全嗎？"],  # ours
)  # fmt: skip
def test_patient_data_to_a_chinese_company_in_taiwan(question: str) -> None:
    assert "china_data" in direct_kinds(question)
    text = direct_answer("china_data", question, {"location": "tw", "use_case": "牙醫診所回病人訊息"}, None, "zh", "TWD")
    assert text is not None and text.startswith("病人或客户的个人资料，不建议交给中国大陆的公司")
    assert "不是法律上的禁令" in text and "个人资料保护法" in text and "第 6 条" in text
    assert "公务机关不得使用 DeepSeek" in text and "中国大陆法律管辖" in text


def test_patient_data_to_a_chinese_company_elsewhere_and_in_china() -> None:
    en = direct_answer("china_data", "is it ok to give our client data to a Chinese company?", {"location": "uk"}, None,
                       "en", None)  # fmt: skip
    assert en is not None and en.startswith("Not advisable") and "Chinese law" in en
    assert direct_answer("china_data", "病人资料给中国的公司可以吗？", {"location": "cn"}, None, "zh", None) is None


async def test_p4_chat_answers_the_china_question_plainly() -> None:
    reply = await last_reply("n24cn", *P4, "我們在台灣啦 不是大陸。病人的資料給中國的公司OK嗎？")
    assert reply.startswith("病人或客戶的個人資料，不建議交給中國大陸的公司") and "個人資料保護法" in reply


# 3. practical questions that were refused


@pytest.mark.parametrize(
    ("question", "earlier"),
    [("我们预算一个月两三百块人民币吧。还有一个担心，亚马逊会不会判定是AI写的然后处罚？", ""),
     ("好的谢谢。那亚马逊那边呢？平台会不会查出来是AI写的，会不会封店？这个是我最担心的", ""),
     ("那我们写完要注意什么，比如有没有不能写的词？", "想用AI帮我们写亚马逊的商品描述"),
     ("用AI生成的listing放到亞馬遜上會被下架嗎？", ""),  # ours, Traditional
     ("Will Amazon ban my shop if the listings are AI-written?", "")],  # ours
)  # fmt: skip
def test_amazon_and_ai_written_listings_are_answered(question: str, earlier: str) -> None:
    assert "amazon_listing" in direct_kinds(question, earlier), question


def test_the_amazon_answer_says_what_is_sure_and_what_to_check() -> None:
    zh = direct_answer("amazon_listing", "亚马逊会不会判定是AI写的然后处罚？", {}, None, "zh", None)
    assert zh is not None and zh.startswith("亚马逊并不因为“是 AI 写的”就处罚") and "Seller Central" in zh
    assert "best seller" in zh and "关键词堆砌" in zh and "医疗功效" in zh and "商品详情页面规则" in zh and ".de" in zh
    en = direct_answer("amazon_listing", "Will Amazon ban AI-written listings?", {}, None, "en", None)
    assert en is not None and "Product detail page rules" in en and "keyword stuffing" in en


async def test_p2_amazon_worry_is_answered_and_not_refused() -> None:
    reply = await last_reply("n24amz", *P2, "我们预算一个月两三百块人民币吧。还有一个担心，亚马逊会不会判定是AI写的然后处罚？")
    assert "答不了" not in reply and "亚马逊并不因为" in reply
    words = await last_reply("n24amz2", *P2, "亚马逊那个你真的一点都答不了吗？那我们写完要注意什么，比如有没有不能写的词？")
    assert "答不了" not in words and "best seller" in words  # asked again: the rules in full, no quote back


@pytest.mark.parametrize(
    "question",
    ["我看不懂這些 我只是想知道LINE可以接AI嗎 還是我要自己複製貼上",
     "好吧 那最後我到底要怎麼做 LINE可以自動回嗎 還是我複製到哪個app再貼回去？用手機",
     "LINE官方帳號能不能串AI自動回覆客人？",  # ours
     "Can LINE connect to the AI or do I copy and paste?"],  # ours
)  # fmt: skip
def test_line_and_ai_is_answered(question: str) -> None:
    assert "line_connect" in direct_kinds(question)


def test_line_the_word_is_not_the_app() -> None:
    assert "line_connect" not in direct_kinds("We stand in line at the bank, can you connect me?")
    assert "line_connect" not in direct_kinds("Can it write one line per product and auto-fill the rest?")


async def test_p4_line_question_gets_the_three_ways() -> None:
    reply = await last_reply("n24line", *P4[:3], "我看不懂這些 我只是想知道LINE可以接AI嗎 還是我要自己複製貼上")
    assert "答不了" not in reply
    assert "LINE 官方帳號" in reply and "自動回應" in reply and "Messaging API" in reply and "複製貼上" in reply
    assert "覆制" not in reply  # OpenCC reads 上复制 as 覆制: phrased so it does not


async def test_kimi_or_doubao_is_compared_from_the_ranking() -> None:
    assert "compare" in direct_kinds("那Kimi和豆包哪个写德文日文更好？")
    assert "compare" in direct_kinds("Kimi跟豆包，哪個寫日文比較靠譜？")  # ours
    reply = await last_reply("n24cmp", *P2, "那Kimi和豆包哪个写德文日文更好？")
    assert "豆包是字节跳动的 Doubao 模型" in reply and "Kimi（月之暗面）" in reply and "豆包（字节跳动）" in reply


def test_a_language_nobody_reads_is_answered() -> None:
    q = "Kimi网页版是免费的吗？写德文和日文靠谱吗？我们没人懂德文"
    assert "unread_language" in direct_kinds(q)
    text = direct_answer("unread_language", q, {}, None, "zh", None)
    assert text is not None and text.startswith("德语、日语：公开评分涵盖") and "母语者" in text
    en = "Nobody on our team speaks Japanese, is the Japanese it writes reliable?"  # ours
    assert "unread_language" in direct_kinds(en)
    answer = direct_answer("unread_language", en, {}, None, "en", None)
    assert answer is not None and "native speaker" in answer


def test_a_complaint_is_not_quoted_back() -> None:
    assert not answers.real_question("什么叫答不了？")
    assert not answers.real_question("亚马逊那个你真的一点都答不了吗？")
    assert answers.real_question("那我们写完要注意什么，比如有没有不能写的词？")


# 4. footers and the nothing-to-test menu once


async def test_the_footer_and_the_test_menu_show_once() -> None:
    first = await last_reply("n24once", *P2)
    assert "您可以随时修改任何条件" in first
    again = await last_reply("n24once2", *P2, "我们预算一个月两三百块人民币吧")
    assert "您可以随时修改任何条件" not in again and "给我需要添加的设置" not in again

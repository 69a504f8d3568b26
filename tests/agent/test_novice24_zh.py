"""Novice round 24 findings fixed on chat-zh5, each on the reviewer's kind of wording and on sentences of our own:
a 成都 clinic photographing lab reports that show the patient's name and 身份证号 is told what is sensitive under
the PIPL (Art. 28-29) and to cover or crop those before a photo goes to any AI app, the image need kept; "豆包和
DeepSeek哪个好？" is compared from the ranking (which of them reads images, asked before a ranking too); a person
with only a phone gets the phone app by hand and is told plainly that automating needs someone with a computer; Hong
Kong districts (觀塘, 旺角, 荃灣…) place the person in Hong Kong, where ChatGPT and Claude are not offered (the
apps that are, in Traditional Chinese); and a question already answered is not asked again after a side question
or a correction (the task guess kept, a volume said inside a price question, "不想花钱")."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain import meaning
from whichmodel.agent.brain.offline import understand
from whichmodel.agent.nodes import answers, places

CLINIC = (
    "你好，我在成都开了一家小诊所，每天病人拿来的化验单、检验报告很多。想让AI帮忙看拍照的化验单，把数据整理成表格。",
    "一天大概三四十张，预算一个月两三百块。",
)
RESTAURANT = (
    "我在郑州开个小饭馆，想用AI帮我回复美团上顾客的评价，一天十几条。我只有手机，没有电脑。",
    "预算一个月五十块吧",
)
TEA_RESTAURANT = "你好，我喺觀塘開咗間茶餐廳，想用AI幫手寫Facebook同IG嘅宣傳文字，每個禮拜大概五六篇。"


def _facts(message: str, expecting: str | None = None) -> dict[str, object]:
    meaning.warm()
    return {f.path: f.value for f in understand(message, expecting=expecting).facts}


# --- 1. lab-report photos with the patient's name and 身份证号 -------------------------------------------


async def test_lab_report_photos_with_id_numbers_get_the_pipl_answer() -> None:
    reply = await last_reply("z5lab", *CLINIC, "化验单上面有病人的名字和身份证号，这样拍照给AI可以吗？")
    assert "敏感个人信息" in reply and "第二十八条" in reply and "第二十九条" in reply and "单独同意" in reply
    assert "特定的目的和充分的必要性" in reply
    assert "盖住" in reply and "裁掉" in reply and "任何 AI 应用" in reply  # before a photo goes anywhere
    assert "能看懂图片的模型" in reply  # the vision need is kept
    assert "给信件写摘要" not in reply  # no letter example at a lab


async def test_lab_report_ids_said_in_the_first_message_are_answered_there() -> None:
    # ours: a statement, not a question, in the first message; the figures are noted and the vision need kept
    reply = await last_reply(
        "z5lab2", "我们是成都的社区诊所，想用AI识别检验报告的照片，报告上有姓名、身份证号码，一个月大概一千张，预算五百元以内"
    )
    assert "检验报告照片上有三样敏感信息" in reply and "第二十八条" in reply and "盖住" in reply
    assert "输入类型：文本、图片" in reply and "1,000/月" in reply
    # ours: "拍化验单" is a photo; a nurse in 武侯区 is in mainland China
    facts = _facts("成都武侯区一个小门诊，护士想拍化验单给AI，让它把指标抄出来，单子上有患者身份证号和名字。每月八百张左右，每月预算300块。")
    assert facts["task_type"] == "vision" and "image" in facts["input_modalities"]  # type: ignore[operator]
    assert facts["location"] == "cn"


async def test_a_privacy_question_after_the_lab_photos_gets_the_same_answer() -> None:
    reply = await last_reply(
        "z5lab3", "我在成都开诊所，想让AI读化验单照片，上面有病人姓名和身份证号，每月五百张，预算两百块", "这样会不会有隐私问题？"
    )
    assert "身份证号" in reply and ("第二十八条" in reply or "和我前面的回答一样" in reply)


def test_which_messages_are_about_lab_photos_with_ids() -> None:
    said = "想让AI帮忙看拍照的化验单"
    assert answers.record_photos_asked("化验单上有病人的名字和身份证号，这样拍照给AI可以吗？", said)
    assert answers.record_photos_asked("处方拍照发给AI之前，名字要不要遮住？")
    assert answers.record_photos_asked("这样会不会有隐私问题？", "检验报告的照片上有姓名和身份证号码")
    assert not answers.record_photos_asked("这样会不会有隐私问题？", said)  # no identifiers said
    assert not answers.record_photos_asked("小朋友的照片可以放进AI吗？", "幼儿园的家长通讯")
    assert "record_photos" not in answers.direct_kinds("病人的照片可以放进AI吗？")


async def test_a_patients_own_medical_question_still_goes_to_the_doctor() -> None:
    reply = await last_reply("z5lab4", *CLINIC, "病人问我他的血糖高不高要不要吃药，AI能直接回答吗？")
    assert "不能让 AI 自己直接回答" in reply and "第十三条" in reply and "120" in reply


# --- 2. 豆包 vs DeepSeek -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["豆包和DeepSeek哪个好？", "豆包跟deepseek比呢", "豆包好还是DeepSeek好？", "DeepSeek和豆包，哪个更好用？", "豆包同DeepSeek邊個好？"]
)
def test_doubao_and_deepseek_are_compared(question: str) -> None:
    assert "compare" in answers.direct_kinds(question), question


async def test_doubao_or_deepseek_for_taobao_descriptions() -> None:
    shop = "我是杭州一家小服装店的老板，想用AI帮我写淘宝商品描述，一个月两百条左右，预算每月一百块。"
    reply = await last_reply("z5cmp", shop, "豆包跟deepseek比呢")
    assert "豆包是字节跳动的 Doubao 模型" in reply and "DeepSeek V4 Pro" in reply and "排第" in reply
    assert "两家都是中国大陆的公司" in reply and "所以这个任务上 DeepSeek 排名更高" in reply


async def test_doubao_or_deepseek_for_lab_photos_says_which_reads_images() -> None:
    reply = await last_reply(
        "z5cmp2", "我在成都开诊所，想让AI读化验单照片，把指标整理出来，一个月五百张，预算两百块一个月，数据要留在国内",
        "豆包和DeepSeek，哪个更好用？",
    )
    assert "看图片：DeepSeek的 DeepSeek V4 Pro 只能处理文字，看不了图片" in reply
    assert "看图片：豆包的" in reply and "这个任务我推荐的是" in reply
    assert "无法接受所需的输入" not in reply  # said in plain words instead


async def test_a_comparison_asked_before_the_ranking_comes_with_the_recommendation() -> None:
    reply = await last_reply("z5cmp3", "豆包好还是DeepSeek好？我想用来写公众号文章，每周三篇，不想花钱。")
    assert "等我给出推荐时，会按您的任务比较豆包和DeepSeek" in reply
    assert "DeepSeek V4 Pro" in reply and "排名更高" in reply  # answered in the same reply, after the ranking
    assert reply.index("等我给出推荐时") < reply.index("DeepSeek V4 Pro，在")


# --- 3. only a phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said", ["我只有手机，没有电脑", "家里没有电脑，就一个手机", "店里没电脑，都在手机上弄", "我只有一部手机"]
    # "我平时只用手机" is left out: "我只用手機 一天大概50則訊息" from a Taiwan clinic's desk (novice24 P4) names the
    # device the messages come in on, not a person without a computer
)
def test_phone_only_is_read(said: str) -> None:
    assert _facts(said).get("phone_only") is True, said
    assert "phone_only" not in _facts("手机号要不要去掉？") and "phone_only" not in _facts("我们用电脑办公")


async def test_phone_only_gets_the_phone_app_not_the_api() -> None:
    """A phone only (chat-en6's phone answers, also in Chinese): the app installed from the phone's own app
    store in mainland China (never Google Play), used by hand; no server settings, no developer keys."""
    reply = await last_reply("z5phone", *RESTAURANT)
    assert "在手机上安装" in reply and "手工使用" in reply and "应用商店" in reply and "Google Play" not in reply
    assert "ChatGPT" not in reply and "Claude" not in reply
    assert "需要添加的设置" not in reply and "API 密钥" not in reply


async def test_phone_only_first_steps_and_automation() -> None:
    reply = await last_reply("z5phone2", *RESTAURANT, "那我具体怎么弄？")
    assert "在手机上一步一步来" in reply and "不需要电脑" in reply and "单位的电子邮件" not in reply
    # ours: a WeChat seller with no budget asks whether it can post by itself
    reply = await last_reply("z5phone3", "我是做微商的，只有手机没有电脑，想让AI帮忙写朋友圈文案，一天三四条，不花钱最好", "能不能让它自动发？")
    assert "只用手机做不到" in reply and "有电脑的人" in reply and "可以：让AI先写草稿" not in reply


# --- 4. Hong Kong -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        TEA_RESTAURANT,
        "我在旺角有間小美甲店，想用AI回覆客人WhatsApp的預約查詢",
        "我們是荃灣的一間補習社，想用AI幫老師出練習題",
        "我喺銅鑼灣做保險經紀",
        "我哋間舖頭喺沙田",
        "我們公司在尖沙咀",
        "我住九龍，開咗間花店",
        "我在新界元朗開了一間小診所",
        "我們在香港島中環的律師行",
        "Our small shop is in Mong Kok",
    ],
)
def test_hong_kong_places_put_the_person_in_hong_kong(said: str) -> None:
    assert _facts(said).get("location") == "hk", said


def test_a_mainland_city_is_not_hong_kong() -> None:
    assert _facts("我在东莞沙田镇开了个小厂")["location"] == "cn"
    assert _facts("我在长沙开了一家奶茶店")["location"] == "cn"


async def test_chatgpt_and_claude_in_kwun_tong_get_the_apps_offered_there_in_traditional() -> None:
    reply = await last_reply("z5hk", TEA_RESTAURANT, "預算每個月兩三百蚊港紙啦", "ChatGPT得唔得？")
    assert "OpenAI（美國公司）不在香港提供" in reply and "香港不在它公佈的服務地區裏" in reply
    assert "DeepSeek" in reply and "通義千問" in reply and "Kimi" in reply  # offered in Hong Kong (makers table)
    assert "请以" not in reply and "请" not in reply  # Traditional throughout
    reply = await last_reply("z5hk2", TEA_RESTAURANT, "預算每個月兩三百蚊港紙啦", "咁Claude呢？")
    assert "Anthropic（美國公司）不在香港提供" in reply and "通義千問" in reply


async def test_chatgpt_asked_before_the_recommendation_in_mong_kok() -> None:
    # ours: the question comes in the second message, nothing ranked yet
    reply = await last_reply("z5hk3", "我在旺角有間小美甲店，想用AI回覆客人的預約查詢，一日大概二三十個。預算每月500港幣。", "可以用ChatGPT嗎？")
    assert "不在香港提供" in reply and "可以改用" in reply and "ChatGPT 商業版" not in reply


def test_absent_maker_is_asked_about_only_where_it_is_absent() -> None:
    assert places.asks_absent_maker("ChatGPT得唔得？", "hk")
    assert places.asks_absent_maker("咁Claude呢？", "hk")
    assert not places.asks_absent_maker("ChatGPT得唔得？", "tw")  # offered in Taiwan
    assert not places.asks_absent_maker("DeepSeek呢？", "hk")
    assert not places.asks_absent_maker("ChatGPT得唔得？", None)


async def test_confidential_data_in_hong_kong_gets_no_us_business_plan() -> None:
    reply = await last_reply(
        "z5hk4",
        "我喺銅鑼灣做保險經紀，想用AI幫手整理客人嘅保單資料同寫跟進訊息，客人資料係保密嘅。我哋三個人，唔識電腦，每個月大概兩百單。預算每月一千港幣。",
        "係", "1",
    )  # fmt: skip
    assert "企業" in reply and "請以廠商頁面為準" in reply
    assert "Claude 團隊版" not in reply and "ChatGPT 商業版" not in reply and "Gemini" not in reply.split("如果以後")[0]


# --- 5. nothing asked twice -------------------------------------------------------------------------------


async def test_a_correction_keeps_the_task_guess_and_its_default() -> None:
    shop = "我想用AI给我的网店弄商品标题和描述，淘宝店，一个月三百个商品，预算两百块"
    reply = await last_reply("z5twice", shop, "不对，预算是一个月三百块")
    assert "已修改" in reply and "听起来主要是“写文案" in reply and "这个模型主要用来做什么" not in reply
    reply = await last_reply("z5twice2", shop, "不对，预算是一个月三百块", "数据要放在国内吗？")
    assert "任务类型: 文案写作" in reply and "任务类型: 对话" not in reply  # the guess offered, never "chat"


async def test_a_volume_said_in_a_price_question_is_the_answer() -> None:
    reply = await last_reply("z5twice3", "我在宁波做外贸，想用AI帮忙写英文询盘回复", "每天三十封的话大概要多少钱？")
    assert "900/月" in reply and "10,000/月" not in reply
    assert _facts("每天三十封大概要多少钱？", "volume.requests_per_month")["volume.requests_per_month"] == 900


@pytest.mark.parametrize("said", ["不想花钱", "不花钱最好", "只用免费的", "我们没有预算", "一分钱都不想花"])
def test_no_money_in_chinese_is_a_zero_budget(said: str) -> None:
    assert _facts(f"想用AI写朋友圈文案，一天三条，{said}")["budget.monthly_usd"] == 0.0
    assert _facts("想用AI写文案，没有预算限制")["budget.monthly_usd"] is None  # no limit, not zero


async def test_no_money_is_not_asked_again() -> None:
    reply = await last_reply("z5twice4", "我想用AI帮我写小红书笔记，一周三篇，不想花钱")
    assert "模型费用每月有预算上限吗" not in reply and "零（只用免费的）" in reply and "¥0/月" not in reply


def test_hong_kong_week_and_day_words_give_a_volume() -> None:
    assert _facts(TEA_RESTAURANT)["volume.requests_per_month"] == 26
    assert _facts("一日大概二三十個")["volume.requests_per_month"] == 900


@pytest.mark.parametrize("asked", ["那我要用哪一個？", "我该用哪一款？", "那我用哪个？", "咁我用邊個好？"])
def test_which_one_is_asked_never_small_talk(asked: str) -> None:
    u = understand(asked)
    assert u.intent == "question" and "which" in answers.about_recommendation(u.question or ""), asked

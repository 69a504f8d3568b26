"""Novice round 22 findings fixed on chat-zh4 (/work/novice22 T15 深圳 factory HR, T12 台中 kindergarten, T13
Berlin translator, T8 上海 seller), each on the reviewer's wording and on sentences of our own: 文心一言 vs
通义千问 compared from the ranking; résumé screening is a task of its own; an office where nobody codes gets
the business route; data warnings in the person's sector; "大班小班各一份" is two a week; "is DeepSeek from
China ok?" answered; one DeepSeek model throughout; a reseller said in plain words."""

from __future__ import annotations

from tests.agent.chat import last_reply
from whichmodel.agent.brain import meaning
from whichmodel.agent.brain.offline import tasks_named, understand
from whichmodel.agent.nodes import answers
from whichmodel.knowledge.catalog import load_catalog
from whichmodel.tools.decision.whynot import find_models

T15 = (
    "你好，我是深圳一家电子厂的人事经理，厂里三百来号人。想用AI帮忙写招聘启事（普工、技术员、品质QC这些岗位），"
    "还有帮忙筛选简历，每个月收到的简历挺多的，看不过来。",
    "多少份？旺季的时候一个月一两千份吧，淡季几百份。招聘启事一个月也就十来条。预算的话，公司批了一年两万块。",
)
T12 = (
    "您好，我們是台中的一間小幼兒園，大概有六十個小朋友。想用AI幫忙寫每週給家長的通訊（活動、菜單、注意事項），"
    "老師們都不太會用電腦。預算不多，一個月幾百塊吧。",
)


def _volume(message: str) -> object:
    return next((f.value for f in understand(message).facts if f.path == "volume.requests_per_month"), None)


def _task(message: str) -> object:
    meaning.warm()
    return next((f.value for f in understand(message).facts if f.path == "task_type"), None)


# 1. 文心一言 vs 通义千问


async def test_ernie_or_qwen_is_compared_from_the_ranking() -> None:
    reply = await last_reply("z4cmp", *T15, "文心一言和通义千问，用哪个比较好？老板说别用国外的。")
    assert "文心一言是百度的 ERNIE 模型" in reply and "通义千问是阿里巴巴的 Qwen 模型" in reply
    assert "ERNIE 4.5" in reply and "Qwen3.8 Max" in reply and "排第" in reply
    assert "两家都是中国大陆的公司，在中国大陆都能用" in reply and "所以这个任务上 通义千问（Qwen） 排名更高" in reply
    # ours, Traditional script
    reply = await last_reply("z4cmp2", *T15, "文心一言跟通義千問比，哪個好？")
    assert "百度" in reply and "排名更高" in reply


def test_ernie_and_qwen_named_in_english_are_two_families() -> None:
    for q in ("ERNIE or Qwen, which is better?", "Tongyi Qianwen versus ERNIE Bot, which one should we pick?"):
        assert "compare" in answers.direct_kinds(q), q
    assert "compare" not in answers.direct_kinds("Is ERNIE any good?")


async def test_ernie_or_qwen_in_english() -> None:
    reply = await last_reply(
        "z4cmpen", "We're the HR team of a factory in Shenzhen. We want AI to screen about 2,000 CVs a month, "
        "budget $200 a month. Any cloud is fine.", "ok", "ERNIE or Qwen, which is better?",
    )
    assert "ERNIE (Baidu)" in reply and "Qwen3.8 Max" in reply
    assert "Both are made by companies in mainland China" in reply and "ranks higher" in reply


# 2. résumé screening


def test_screening_resumes_is_classification_and_not_dropped() -> None:
    assert tasks_named(T15[0]) == ["writing", "classification"]
    assert _task(T15[0]) == "classification"
    shown = next(f.shown for f in understand(T15[0]).facts if f.path == "task_type")
    assert shown == "筛选简历（分类）"
    # ours: other words, Traditional script, English
    assert tasks_named("想用AI写招聘启事，也想让它帮忙初筛简历") == ["writing", "classification"]
    assert set(tasks_named("我們想讓AI幫忙篩選履歷和寫徵才廣告")) == {"classification", "writing"}
    assert tasks_named("I want AI to write job ads and screen résumés") == ["writing", "classification"]
    assert _task("帮我筛简历") == "classification" and _task("We need help screening CVs") == "classification"
    # a pair other than writing and sorting keeps one task for its clause
    assert tasks_named("写写商品描述，再帮我回回买家的问题") == ["writing", "chat"]


async def test_screening_and_job_ads_are_both_acknowledged() -> None:
    reply = await last_reply("z4task", T15[0])
    assert "它还要做文案写作" in reply and "筛选简历（分类）" in reply


# 3. an office where nobody codes


def test_nobody_codes_is_typing_by_hand() -> None:
    for said in ("我们部门没人会写代码", "我们没有人懂技术", "大家都不会写代码", "nobody here can code", "no one in the office codes"):
        assert answers.BY_HAND.search(said), said


async def test_hr_office_with_no_coders_gets_the_business_route_first() -> None:
    first = (
        "还有一个担心：让AI筛简历，会不会按年龄、性别筛掉人，出问题？我们部门没人会写代码，具体第一步怎么做？"
    )
    reply = await last_reply("z4steps", *T15, "简历里面有身份证号、电话、家庭住址，这些可以直接传给AI吗？", first)
    assert "不用写代码，第一步可以这样做" in reply and "企业版" in reply and "按年龄" not in reply.split("会有这个风险")[0]
    assert "给我需要添加的设置" not in reply
    # ours: said before the recommendation, the recommendation itself leads with the Chinese maker's business terms
    reply = await last_reply(
        "z4lead", T15[0], "旺季一个月两千份简历，预算一年两万。简历里有身份证号，是保密的。我们部门没人会写代码。", "1"
    )
    assert "的企业服务，手工使用" in reply and "签数据处理协议" in reply
    assert "Claude 团队版" not in reply and "ChatGPT 商业版" not in reply and "给我需要添加的设置" not in reply


# 4. warnings in the person's sector


def test_safe_examples_fit_the_sector() -> None:
    cv = {"use_case": "想用AI帮忙筛选简历", "data": {"sensitivity": "confidential"}}
    said = answers._safe_examples(cv, "zh")[0]
    assert "真实的简历" in said and "病人" not in said and "病历号" not in said
    shop = {"use_case": "整理供应商报价", "data": {"sensitivity": "confidential"}}
    said = answers._safe_examples(shop, "zh")[0]
    assert "真实的个人资料" in said and "病人" not in said
    clinic = {"use_case": "整理门诊病历", "data": {"sensitivity": "confidential"}}
    assert "病历号" in answers._safe_examples(clinic, "zh")[0]
    said = answers._safe_examples({"use_case": "Translate client contracts", "data": {"sensitivity": "confidential"}}, "en")[0]
    assert "real personal data" in said and "patient" not in said


async def test_kindergarten_photos_say_children_not_patients() -> None:
    reply = await last_reply("z4photo", *T12, "小朋友的照片可以放進AI嗎？")
    assert "小朋友的照片" in reply and "病人" not in reply and "家長的書面同意" in reply
    # ours: a clinic's photos are not the kindergarten's answer
    said = answers.direct_answer("photos_people", "病人的照片可以放进AI吗？", {"use_case": "诊所随访"}, None, "zh", None)
    assert said is not None and "病人的照片" in said and "家长" not in said and "小班" not in said


def test_cant_answer_example_fits_the_sector() -> None:
    hr = answers.answer_none({"use_case": "帮忙筛选简历"}, "zh")
    assert "三千份简历" in hr and "邮件" not in hr
    assert "每周要写三份通讯" in answers.answer_none({"use_case": "寫給家長的通訊"}, "zh")
    assert "5,000 emails" not in answers.answer_none({}, "en") and "500 a month" in answers.answer_none({}, "en")


# 5. one each for several classes


def test_one_each_for_two_classes_is_two_a_week() -> None:
    assert _volume("通訊就是每週一份，大班小班各一份。") == 9
    # ours
    assert _volume("每周一份通讯，大班、小班各一份") == 9
    assert _volume("每周一份，两个班各一份") == 9
    assert _volume("每周给大班、中班、小班各写一份通讯") == 13
    assert _volume("We send one email a week to parents, one for each of the two classes.") == 9
    assert _volume("每月一份月報，三個分店各一份") == 3
    assert _volume("每周一份通讯") == 4  # one class: as before


async def test_kindergarten_volume_right_the_first_time() -> None:
    reply = await last_reply("z4vol", *T12, "不是人民幣啦，是新台幣，大概五百塊台幣。通訊就是每週一份，大班小班各一份。")
    assert "9/月（每週 2 × 4.3 週）" in reply and "4/月" not in reply


# 6. DeepSeek


def test_is_it_ok_from_china_is_asked() -> None:
    for q in ("is DeepSeek from China then ok for this?", "DeepSeek是中国的，客户合同能用吗？", "Is Kimi Chinese? Can we use it for client letters?",
              "用國產的通義千問安全嗎？"):  # fmt: skip
        assert "china_maker" in answers.direct_kinds(q), q
    assert "china_maker" not in answers.direct_kinds("DeepSeek在国内能用吗")
    assert "china_maker" not in answers.direct_kinds("Claude是美国的，安全吗")


async def test_deepseek_from_china_for_confidential_contracts_in_berlin() -> None:
    reply = await last_reply(
        "z4ds",
        "Hello, I am freelance translator in Berlin, mostly English to German, a lot of legal texts (contracts, NDAs). "
        "Volume is maybe 20-30 documents in the month. Budget I would say 50 euro.",
        "The contracts are confidential from my clients, is DeepSeek from China then ok for this? I am in Germany, so GDPR.",
    )
    assert "Not for confidential data through DeepSeek's own app or API" in reply
    assert "servers in China" in reply and "no EU adequacy decision" in reply
    # ours, in mainland China and Chinese: the local choice
    reply = await last_reply("z4dscn", *T15, "DeepSeek是中国的公司，用它可以吗？")
    assert "国内公司，数据留在境内" in reply


def test_a_family_name_is_the_model_the_ranking_places() -> None:
    found, exact = find_models(load_catalog(), "deepseek")
    assert not exact and found[0].key != "deepseek"  # never the reseller's moving "DeepSeek Latest"
    found, exact = find_models(load_catalog(), "DeepSeek Latest")
    assert exact and found[0].key == "deepseek"


async def test_deepseek_app_answer_names_the_shortlisted_model() -> None:
    reply = await last_reply(
        "z4t8",
        "我在上海做跨境电商，亚马逊和TikTok Shop，想用AI写listing，英语德语日语三种，一个月大概几百条吧，预算不多",
        "一个月五百吧。哦不对，两个店一起算，一千五。",
        "那直接用DeepSeek行不行？我不会写代码，店里就我和两个运营",
    )
    assert "DeepSeek Latest" not in reply and "DeepSeek V4 Pro" in reply and "nano-gpt" not in reply


# 7. plainer words for a reseller


async def test_a_reseller_is_said_in_plain_words() -> None:
    reply = await last_reply("z4resell", *T15, "为什么不用ERNIE 5.1？")
    assert "只有转卖别人服务的平台（NanoGPT）在卖它" in reply
    assert "默认不在可信卖家之列" not in reply and "聚合平台" not in reply
    reply = await last_reply("z4resell_en", "We write product descriptions, about 300 a month, budget $50.", "why not ERNIE 5.1?")
    assert "Only a reseller (NanoGPT) sells it here" in reply and "not a seller trusted by default" not in reply

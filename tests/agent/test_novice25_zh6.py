"""novice25 P2 (an accounting firm in Shenzhen) and P3 (a Hong Kong teacher), second pass: an explicit provider
choice is kept and said, a one-off office PC is answered, invoice OCR is named, a task correction replaces the
task, and "no budget" in Cantonese is free plans only."""

from __future__ import annotations

import pytest

from tests.agent.chat import last_reply
from whichmodel.agent.brain.offline import understand

FIRM = (
    "你好，我们是一家小型会计师事务所，在深圳。每个月客户会给我们几百张纸质发票，扫描成PDF，我们想用AI自动把金额、税号、"
    "日期这些提取出来填到Excel里。但是客户资料是保密的。用哪个AI比较好？"
)


def _facts(message: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(message).facts}


@pytest.mark.parametrize("said", ["那算了，不要本地部署了，还是用阿里的API。", "我们决定用通义千问", "還是用阿里的API吧"])
def test_a_chosen_provider_is_a_provider_requirement(said: str) -> None:
    assert _facts(said)["deployment.providers_allowed"] == ("alibaba", "alibaba-cn")


@pytest.mark.parametrize("said", ["不要用阿里的API", "还是用Google表格", "还是用谷歌的表格吧"])
def test_a_refused_provider_or_a_product_is_no_provider_requirement(said: str) -> None:
    assert "deployment.providers_allowed" not in _facts(said)


async def test_back_from_self_hosting_to_alibaba_keeps_alibaba() -> None:
    reply = await last_reply("n25-ali", FIRM, "必须部署在我们自己的服务器上。", "那算了，不要本地部署了，还是用阿里的API。")
    assert "允许的服务方：阿里巴巴（阿里云）" in reply
    assert "仅限可下载、自己运行的模型：是 → 否" in reply  # the open-weights rule left with self-hosting
    pick = reply.split("候选名单")[0]
    assert "我的推荐：Qwen" in pick and "月之暗面" not in pick and "Moonshot" not in pick


PC = "一个月二十多万？？太离谱了！我们只有几百张发票。我是想买一台电脑，一次性付钱，几万块以内。有没有这种方案？"


def test_a_one_off_office_pc_is_one_owned_card() -> None:
    facts = _facts(PC)
    assert facts["deployment.hardware"] == "owned" and facts["deployment.max_gpus"] == 1
    assert "deployment.hardware" not in _facts("如果我们想自己买一台电脑放在办公室里跑，可以吗？大概要多少钱？")


async def test_a_one_off_office_pc_is_answered_from_the_workstation_table() -> None:
    reply = await last_reply("n25-pc", FIRM, "必须部署在我们自己的服务器上。", PC)
    answer = reply.split("已更新")[0]
    assert "一次性约 ¥" in answer and "RTX-4090D" in answer and "小型开源模型" in answer
    assert "20 个" in answer and "每月只要约" in answer  # tested first; the API's monthly bill beside it
    assert "自建硬件：自己买的电脑（一次性购置）" in reply and "¥248,784" not in reply
    assert "答不了" not in reply


async def test_can_kimi_read_scans_says_what_its_ratings_lack() -> None:
    reply = await last_reply("n25-scan", FIRM, "Kimi可以看扫描件吗？我们的发票是扫描的图片，不是文字。")
    assert "Kimi K3能不能认" in reply and "没有它的公开评分" in reply and "20 张" in reply
    assert "我列出的模型都能读图片" not in reply  # no blanket yes beside the pick's own warning


async def test_a_tool_made_for_invoices_is_named() -> None:
    reply = await last_reply("n25-ocr", FIRM, "那它认发票准不准？有没有专门识别发票的工具？")
    assert "增值税发票识别" in reply and "更准、更便宜" in reply and "20 张" in reply
    assert "答不了" not in reply


@pytest.mark.parametrize("said", ["我是老师，想用AI出阅读理解题", "想用AI出4个选择题"])
def test_writing_quiz_questions_is_writing_not_reasoning(said: str) -> None:
    assert _facts(said)["task_type"] == "writing"


async def test_not_reasoning_but_quiz_questions_replaces_the_guess_at_once() -> None:
    reply = await last_reply(
        "n25-notx", "我係香港嘅老師，想用AI幫我準備閱讀理解", "唔係推理，係出題目呀，即係俾篇文章佢，叫佢出4個選擇題 + 答案"
    )
    assert "任務類型：文案寫作" in reply
    assert "還要做" not in reply and "任務類型：推理" not in reply


@pytest.mark.parametrize("said", ["學校冇咩預算㗎", "0蚊，要免費嘅", "要免费的"])
def test_no_money_in_cantonese_is_a_zero_budget(said: str) -> None:
    assert _facts(said)["budget.monthly_usd"] == 0.0


@pytest.mark.parametrize("said", ["我们没什么预算限制", "10蚊一個月", "免费的好不好用？"])
def test_no_limit_or_a_figure_is_not_zero(said: str) -> None:
    assert _facts(said).get("budget.monthly_usd") != 0.0


def test_a_hong_kong_budget_menu_offers_free_plans_only() -> None:
    from whichmodel.agent.nodes.interview import _pending_for

    assert "没有钱：只用免费的" in _pending_for("budget.monthly_usd", "zh", "hk")["options"]
    assert "没有钱：只用免费的" not in _pending_for("budget.monthly_usd", "zh", "cn")["options"]  # "5吧" stays 5


def test_a_few_a_month_is_never_zero_a_day() -> None:
    from whichmodel.agent.nodes.answers import per_day_words

    assert per_day_words(13, "zh") == "每周约 3" and per_day_words(13, "en") == "about 3 a week"
    assert per_day_words(2, "zh") == "每周不到 1" and per_day_words(300, "zh") == "每天约 10"


TEACHER = "老師你好(笑) 我係香港一間中學嘅中文科老師，想用AI幫我出測驗題目，例如閱讀理解嘅選擇題。有咩推介？學校冇咩預算㗎"


async def test_will_the_quiz_have_mistakes_is_answered_for_quizzes() -> None:
    reply = await last_reply("n25-quizerr", TEACHER, "大概每個星期出2-3份卷，每份10題左右", "仲有佢出嘅題目會唔會有錯？答案錯咗點算")
    assert "每一題用之前都要自己看一遍" in reply and "原文的哪一句" in reply
    assert "營業時間" not in reply and "答不了" not in reply


async def test_how_to_start_writing_quizzes_has_a_sample_prompt_and_no_api_price() -> None:
    reply = await last_reply("n25-quizgo", TEACHER, "大概每個星期出2-3份卷，每份10題左右", "點樣開始用通義千問出題目？")
    assert "請根據上面這篇文章，出 4 道閲讀理解選擇題" in reply
    assert "按用量付費" not in reply  # no money to spend: no per-use price in the steps

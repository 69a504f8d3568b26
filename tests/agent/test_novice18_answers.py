"""Direct questions non-technical people ask, answered in their language and currency (novice17 review):
a fancy computer, who makes Muse Spark, whether Qwen reads invoices, ChatGPT or Claude, Kimi or
DeepSeek, ALLaM, pasting data into a chat app, the foreign-law warning, the summary step of a speech
task, app prices in the person's currency, de-identified next steps, numbering and first replies."""

from __future__ import annotations

import re

from tests.agent.chat import last_reply

CANDLES = (
    "hey! i sell handmade candles on etsy and my own shopify. need help writing product descriptions and replying to customer emails",
    "idk maybe 40 new products a month and like 20-30 emails a day? my budget is like $30 a month max",
)
WEDDINGS = (
    "hello! im a wedding photographer in Cape Town. every wedding I have to send the couple a long email, write a blog post about the day and answer loads of enquiries. want AI to help me write all that stuff",
    "not sure, maybe 30 weddings a year? and like 10 enquiries a week. budget is R500 a month tops",
)
INVOICES = (
    "我们是一家代账公司，每个月要录客户的发票和收据，很多是拍照发过来的，想找个AI自动识别发票上的金额、税号这些",
    "每个月差不多三四千张吧，月底月初最多。客户的发票信息不能传到国外去",
    "预算一个月一两千吧。",
)
RESTAURANT = (
    "你好，我开了家川菜馆，美团和大众点评上每天有几十条评价，想用AI帮我回复顾客评价，有推荐的吗",
    "每个月最多两三百块吧，数据必须留在中国境内",
)
CALLS = (
    "I work for a county council in Cork. we record phone calls from the public and need them transcribed and summarised. about 40 calls a day, 5 to 10 mins each",
    "budget about €100 a month, the data has to stay in the EU",
)


async def test_fancy_computer_is_not_needed_for_an_app_or_api() -> None:
    reply = await last_reply("n18-computer", *WEDDINGS, "do i need a fancy computer for this?")
    assert reply.startswith("No:")
    assert "ordinary computer" in reply and "graphics card" in reply
    assert "I can't answer" not in reply


async def test_muse_spark_is_metas_facebook_alias() -> None:
    reply = await last_reply(
        "n18-meta", *CANDLES, "mate you didnt answer: is Muse Spark facebooks one or not?"
    )
    assert reply.startswith("Yes: Muse Spark is made by Meta (Facebook's company).")


async def test_qwen_invoice_reading_from_the_evidence() -> None:
    reply = await last_reply("n18-ocr", *INVOICES, "你没回答我：Qwen到底能不能认发票上的字？")
    assert "答不了" not in reply
    assert "能接收图片" in reply and "图像理解排行榜" in reply  # vision evidence: its rank and source
    assert "文档阅读" in reply and "没有它的公开评分" in reply  # the missing document-reading rating
    assert "20 张您自己的发票" in reply


async def test_chatgpt_or_claude_compares_the_two_apps() -> None:
    reply = await last_reply("n18-apps", *CANDLES, "just tell me: chatgpt $20 or the claude thing?")
    assert "I can't answer" not in reply
    assert "ChatGPT / GPT (OpenAI)" in reply and "Claude (Anthropic)" in reply
    assert re.search(
        r"Both apps cost about the same; for this task (Claude|ChatGPT / GPT) ranks higher", reply
    )


async def test_kimi_or_deepseek_from_the_ranking() -> None:
    reply = await last_reply("n18-kimi", *RESTAURANT, "Kimi和DeepSeek哪个好？")
    assert "答不了" not in reply
    assert reply.startswith("按您这个")
    assert "Kimi（月之暗面）" in reply and "DeepSeek（深度求索）" in reply


async def test_allam_is_the_model_explained() -> None:
    from whichmodel.agent.nodes.answers import what_is_answer

    text = what_is_answer("ALLaM", "zh")
    assert text is not None and text.startswith("ALLaM") and "Llama-4" not in text


async def test_pasting_names_into_the_app_is_answered_first() -> None:
    reply = await last_reply(
        "n18-paste",
        *CANDLES,
        "ok so the claude app for $20. is it ok to paste customer emails in there? they have names and addresses",
    )
    assert reply.startswith("Not as they are, in a personal account")
    assert "take out the names" in reply


async def test_pasting_quotes_into_tongyi_is_a_plain_no() -> None:
    reply = await last_reply(
        "n18-paste-zh",
        *RESTAURANT,
        "我们的数据是机密的",
        "能不能就用通义千问的网页版？客户报价贴进去安全吗？",
    )
    assert reply.startswith("不行，个人账号不能贴")
    assert "大多可以免费使用" not in reply
    assert "阿里云百炼平台" in reply  # the practical route


async def test_the_singapore_warning_is_explained_not_singapore_availability() -> None:
    reply = await last_reply(
        "n18-warning", *CANDLES, "also whats that qwen one with the singapore law warning??"
    )
    assert "offered in Singapore" not in reply
    assert "law of Singapore" in reply and "matters little" in reply
    assert "S$" not in reply  # a place in a warning is not where the person is


async def test_foreign_law_on_everyday_texts_says_it_matters_only_for_personal_data() -> None:
    reply = await last_reply("n18-label", *CANDLES)
    if "law of Singapore" in reply:
        assert "matters only for confidential or personal data" in reply


async def test_summary_step_is_named_and_priced() -> None:
    reply = await last_reply(
        "n18-summary", *CALLS, "ok so which one does the summary and what does that cost?"
    )
    assert "Step 1 (typing up the calls)" in reply and "Step 2 (the summaries)" in reply
    assert "€" in reply and "Together about €" in reply


async def test_app_price_in_the_persons_currency() -> None:
    reply = await last_reply("n18-app-price", *WEDDINGS, "is the claude app free or how much does it cost?")
    assert re.search(r"paid plan is about R\d", reply)


async def test_confidential_next_steps_never_upload_real_records() -> None:
    reply = await last_reply("n18-upload", *INVOICES, "当然是机密的", "下一步具体要怎么做")
    assert "直接在对话里上传" not in reply
    assert "去掉身份信息" in reply


async def test_shortlist_is_numbered_as_shown() -> None:
    reply = await last_reply("n18-numbers", *CANDLES)
    numbers = [int(n) for n in re.findall(r"^\s+(\d+)\. ", reply, re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert "--script FILE" not in reply


async def test_first_reply_does_not_go_back() -> None:
    reply = await last_reply(
        "n18-first", "Can AI help with that? I run a physio clinic and we write clinical notes"
    )
    assert "Back to where we were" not in reply


async def test_no_it_self_hosting_gets_a_plain_answer() -> None:
    reply = await last_reply(
        "n18-no-it",
        "您好，我是一家社区卫生服务中心的办公室主任。医生每天看完门诊要写病历，想问问有没有合适的AI可以帮忙",
        "我们没有IT，就一个管电脑的。一个月三四千个门诊",
        "你就直接告诉我：我们一年两万块，数据不出医院，能不能做？不能的话我们该怎么办？",
    )
    assert reply.strip()
    assert "做不到" in reply and "软件厂商" in reply and "数据协议" in reply

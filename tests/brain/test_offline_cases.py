"""Table-driven tests of the offline brain: message -> facts and intent, in English and Chinese.

Each case names the facts it must produce (path -> value, or (value, provenance)), and ABSENT for
paths that must not appear (ambiguous numbers must not become facts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pytest

from whichmodel.agent.brain import Understanding, understand

ABSENT = object()
CNY = 1 / 7.1


@dataclass(frozen=True)
class Case:
    message: str
    facts: dict[str, Any] = field(default_factory=dict)
    intent: str | None = None
    expecting: str | None = None
    options: tuple[str, ...] = ()
    choice: str | None = None
    language: str | None = None
    only: bool = False  # no facts beyond those listed (use_case/languages inferred aside)


def C(message: str, intent: str | None = None, **facts: Any) -> Case:
    """A case with facts given as keyword arguments: dots in paths written as double underscores."""
    return Case(message, {k.replace("__", "."): v for k, v in facts.items()}, intent)


V = "volume.requests_per_month"
B = "budget.monthly_usd"
P1K = "budget.per_1k_requests_usd"
L = "latency.p95_seconds"

CASES: list[Case] = [
    # --- volumes, English -------------------------------------------------------------------------
    Case("we classify ~20k support tickets a day", {V: 600_000, "task_type": "classification"}, "provide"),
    Case("1M requests/month", {V: 1_000_000}, "provide", only=True),
    Case("about 20,000 requests per day", {V: 600_000}, only=True),
    Case("20000 requests a day", {V: 600_000}),
    Case("2.5 million api calls per month", {V: 2_500_000}),
    Case("we get 500 emails an hour", {V: 500 * 720}),
    Case("3,500 documents per week", {V: round(3500 * 52 / 12)}),
    Case("120k queries a year", {V: 10_000}),
    Case("10 requests per second", {V: 10 * 86400 * 30}),
    Case("20k/day", {V: 600_000}),
    Case("around 300 conversations daily", {V: 9_000}),
    Case("a million requests every month", {V: 1_000_000}),
    Case("two thousand tickets a day", {V: 60_000}),
    Case("each day we process 5000 invoices", {V: 150_000}),
    # --- volumes, Chinese -------------------------------------------------------------------------
    Case("每天大约两万条工单", {V: 600_000}, "provide"),
    Case("每天一万次", {V: 300_000}, only=True),
    Case("每天2万条", {V: 600_000}),
    Case("每天20,000条", {V: 600_000}),
    Case("每天2.5万次请求", {V: 750_000}),
    Case("每天1.5万条", {V: 450_000}),
    Case("每天三千五条", {V: 105_000}),
    Case("每月十万次调用", {V: 100_000}),
    Case("每月百万次", {V: 1_000_000}),
    Case("每年一亿次", {V: round(1e8 / 12)}),
    Case("每小时500次", {V: 360_000}),
    Case("每周七千次", {V: round(7000 * 52 / 12)}),
    Case("日均两万", {V: 600_000}),
    Case("一天两万条", {V: 600_000}),
    Case("每月100万次调用", {V: 1_000_000}),
    Case("每天2w条消息", {V: 600_000}),
    Case("每秒10次", {V: 10 * 86400 * 30}),
    # --- money ------------------------------------------------------------------------------------
    Case("$300 a month", {B: 300}, only=True),
    Case("under $300/month", {B: 300}),
    Case("$2k/month", {B: 2000}),
    Case("our budget is 2,000 USD per month", {B: 2000}),
    Case("monthly budget of $1.5k", {B: 1500}),
    Case("we can spend $10 a day", {B: 300}),
    Case("$12,000 a year", {B: 1000}),
    Case("每月预算不超过300美元", {B: 300}),
    Case("每月500美元", {B: 500}),
    Case("500元/月", {B: (round(500 * CNY, 2), "stated")}),
    Case("每月预算5000元", {B: (round(5000 * CNY, 2), "stated")}),
    Case("预算每月一万块", {B: (round(10000 * CNY, 2), "stated")}),
    Case("$5 per 1,000 articles", {P1K: 5, B: ABSENT, V: ABSENT}),
    Case("$0.01 per request", {P1K: 10}),
    Case("€400 a month", {B: (432, "stated")}),
    Case("budget is 1000 euros per month", {B: (1080, "stated")}),
    Case("每千次调用0.5美元", {P1K: 0.5}),
    Case("no budget limit", {B: None}),
    Case("预算不限", {B: None}),
    Case("we spent $300 on the offsite", {B: ABSENT}, only=True),
    # --- latency ----------------------------------------------------------------------------------
    Case("answers within 2 seconds", {L: 2}),
    Case("200ms", {L: 0.2}),
    Case("2 秒内返回", {L: 2}),
    Case("under half a second", {L: 0.5}),
    Case("p95 < 800 ms", {L: 0.8}),
    Case("实时", {L: (1.0, "inferred")}),
    Case("real-time responses", {L: (1.0, "inferred")}),
    Case("响应时间不超过3秒", {L: 3}),
    Case("延迟500毫秒以内", {L: 0.5}),
    Case("respond within a second", {L: 1}),
    Case("no latency requirement", {L: None}),
    Case("we transcribe 30 minutes of audio", {L: ABSENT, "task_type": "speech_to_text"}),
    # --- context and tokens -----------------------------------------------------------------------
    Case("8k context", {"context_tokens": 8000}, only=True),
    Case("we need a 128K context window", {"context_tokens": 128_000}),
    Case("上下文 32k", {"context_tokens": 32_000}),
    Case("上下文窗口至少128k", {"context_tokens": 128_000}),
    Case(
        "documents of 50 pages",
        {"context_tokens": (35_000, "inferred"), "volume.input_tokens": (35_000, "inferred")},
    ),
    Case("50页的合同", {"context_tokens": (40_000, "inferred")}),  # 800 tokens a Chinese page (knowledge.units)
    Case("prompts of about 600 tokens", {"volume.input_tokens": 600}),
    Case("answers of about 200 tokens", {"volume.output_tokens": 200}),
    Case("每次输入约1000个token", {"volume.input_tokens": 1000}),
    Case("输出大约200个token", {"volume.output_tokens": 200}),
    Case("answers are short", {"volume.output_tokens": (50, "inferred")}),
    Case("the output is a single word", {"volume.output_tokens": (5, "inferred")}),
    Case("articles of about 2,000 words", {"volume.input_tokens": (2600, "inferred")}),
    # --- accuracy ---------------------------------------------------------------------------------
    Case("90% accuracy", {"accuracy_target": 0.9}),
    Case("准确率至少95%", {"accuracy_target": 0.95}),
    Case("accuracy must be at least 98 percent", {"accuracy_target": 0.98}),
    Case("准确率百分之九十", {"accuracy_target": 0.9}),
    # --- task types ------------------------------------------------------------------------------
    Case("summarize news articles", {"task_type": "summarization"}),
    Case("帮我们做会议纪要总结", {"task_type": "summarization"}),
    Case("extract fields from contracts", {"task_type": "extraction"}),
    Case("从简历中抽取信息", {"task_type": "extraction"}),
    Case("translate product pages into French", {"task_type": "translation", "languages": ("fr",)}),
    Case("中英互译", {"task_type": "translation", "languages": ("zh", "en")}),
    Case("a coding assistant for our developers", {"task_type": "code"}),
    Case("写代码的助手", {"task_type": "code"}),
    Case("a customer service chatbot", {"task_type": "chat"}),
    Case("做一个客服机器人", {"task_type": "chat"}),
    Case(
        "question answering over our internal docs", {"task_type": "qa", "data.proprietary_knowledge": True}
    ),
    Case("基于知识库的问答", {"task_type": "qa", "data.proprietary_knowledge": True}),
    Case("solve math problems with reasoning", {"task_type": "reasoning", "needs.reasoning": True}),
    Case("build an AI agent that books meetings", {"task_type": "agent"}),
    Case("做一个智能体", {"task_type": "agent"}),
    Case("embeddings for semantic search", {"task_type": "embedding"}),
    Case("生成向量做检索", {"task_type": "embedding"}),
    Case("generate marketing images", {"task_type": "image_generation"}),
    Case("文生图", {"task_type": "image_generation"}),
    Case(
        "speech to text for call recordings", {"task_type": "speech_to_text", "input_modalities": ("audio",)}
    ),
    Case("语音转文字", {"task_type": "speech_to_text"}),
    Case("read scanned invoices", {"task_type": "vision", "input_modalities": ("text", "image")}),
    Case("看图回答问题", {"task_type": "vision", "input_modalities": ("text", "image")}),
    Case("图片理解", {"task_type": "vision"}),
    Case("classify customer support tickets", {"task_type": "classification"}),
    Case("客服工单分类", {"task_type": "classification"}),
    Case("情感分析", {"task_type": "classification"}),
    # --- languages -------------------------------------------------------------------------------
    Case("replies in Chinese", {"languages": ("zh",)}),
    Case("English and Chinese", {"languages": ("zh", "en")}),
    Case("中英文都要支持", {"languages": ("zh", "en")}),
    Case("我们需要中文", {"languages": ("zh",)}),
    Case("帮我们总结新闻", {"languages": (("zh",), "inferred"), "task_type": "summarization"}),
    Case("summarize news", {"languages": (("en",), "inferred")}),
    Case("we only use Chinese models", {"languages": ABSENT}),
    # --- needs -----------------------------------------------------------------------------------
    Case("it needs function calling", {"needs.tool_calling": True}),
    Case("需要调用工具", {"needs.tool_calling": True}),
    Case("函数调用是必须的", {"needs.tool_calling": True}),
    Case("no tool calling needed", {"needs.tool_calling": False}),
    Case("不需要调用工具", {"needs.tool_calling": False}),
    Case("output must be JSON", {"needs.structured_output": True}),
    Case("需要结构化输出", {"needs.structured_output": True}),
    Case(
        "we don't need JSON output but tool use is required",
        {"needs.structured_output": False, "needs.tool_calling": True},
    ),
    Case("需要复杂推理", {"needs.reasoning": True}),
    # --- deployment ------------------------------------------------------------------------------
    Case(
        "must be self-hosted", {"deployment.self_host": True, "deployment.open_weights": (True, "inferred")}
    ),
    Case("on-prem only", {"deployment.self_host": True}),
    Case("我们必须本地部署", {"deployment.self_host": True, "deployment.open_weights": True}),
    Case("私有化部署", {"deployment.self_host": True}),
    Case("we don't want to self-host", {"deployment.self_host": False, "deployment.open_weights": ABSENT}),
    Case("open source only", {"deployment.open_weights": True}),
    Case("只用开源模型", {"deployment.open_weights": True}),
    Case("only OpenAI or Anthropic", {"deployment.providers_allowed": ("openai", "anthropic")}),
    Case("只能用阿里云", {"deployment.providers_allowed": ("alibaba", "alibaba-cn")}),
    Case("we must use Azure", {"deployment.providers_allowed": ("azure",)}),
    Case("we like OpenAI", {"deployment.providers_allowed": ABSENT}),
    Case("data must stay in the EU", {"deployment.data_residency": "eu"}),
    Case("数据不能出境", {"deployment.data_residency": "cn"}),
    Case("data has to stay in the US", {"deployment.data_residency": "us"}),
    Case("we have two A100s", {"deployment.gpu": "A100-80GB"}),
    Case("run it in 4-bit on an RTX 4090", {"deployment.gpu": "RTX-4090", "deployment.quantization": "int4"}),
    # --- data ------------------------------------------------------------------------------------
    Case("we have 1000 labeled examples", {"data.labeled_examples": 1000}),
    Case("有5000条标注数据", {"data.labeled_examples": 5000}),
    Case("标注数据大概两千条", {"data.labeled_examples": 2000}),
    Case("we don't have labeled data", {"data.labeled_examples": 0}),
    Case("没有标注数据", {"data.labeled_examples": 0}),
    Case(
        "internal documents that change weekly",
        {"data.proprietary_knowledge": True, "data.knowledge_changes_often": True},
        "provide",
    ),
    Case("内部文档经常更新", {"data.proprietary_knowledge": True, "data.knowledge_changes_often": True}),
    Case(
        "the policies change often",
        {"data.knowledge_changes_often": True, "data.proprietary_knowledge": (True, "inferred")},
    ),
    Case("the data is confidential", {"data.sensitivity": "confidential"}),
    Case("涉及机密数据", {"data.sensitivity": "confidential"}),
    Case("包含敏感数据", {"data.sensitivity": "confidential"}),
    Case("patient records", {"data.sensitivity": ("confidential", "inferred")}),
    # --- ambiguous numbers: no facts -------------------------------------------------------------
    Case("we have 3 teams", {}, "provide", only=True),
    Case("we have 50 engineers and 12 products", {}, only=True),
    Case("the project started in 2023", {}, only=True),
    Case("我们有3个团队", {}, only=True),
    Case("GPT-4 and Claude 3.5 are popular", {}, only=True),
    Case("20k tickets", {V: ABSENT}, only=True),
    Case("300", {}, only=True),
    Case("we have 8 hours a day of support", {V: ABSENT}),
    # --- several facts in one message ------------------------------------------------------------
    Case(
        "we classify ~20k support tickets a day, must stay under $300 a month, answers within 2 seconds",
        {V: 600_000, B: 300, L: 2, "task_type": "classification"},
        "provide",
    ),
    Case("每天大约两万条工单，每月预算不超过300美元，2秒内返回", {V: 600_000, B: 300, L: 2}, "provide"),
    Case(
        "Summarize 5k articles/day in English and Chinese, $500 a month max, JSON output, self-hosted",
        {
            V: 150_000,
            B: 500,
            "languages": ("zh", "en"),
            "needs.structured_output": True,
            "deployment.self_host": True,
            "task_type": "summarization",
        },
    ),
    Case(
        "我们每月有100万次客服对话，需要中文，必须私有化部署，数据不能出境",
        {
            V: 1_000_000,
            "task_type": "chat",
            "languages": ("zh",),
            "deployment.self_host": True,
            "deployment.data_residency": "cn",
        },
    ),
    Case("只能用OpenAI", {"deployment.providers_allowed": ("openai",)}),
    Case("预计QPS 50", {V: 50 * 86400 * 30}),
    Case("summarize 200 transcripts each quarter", {V: 67}),
    Case("$0.002 per request", {P1K: 2}),
    Case("budget around 1k", {B: (1000, "inferred")}),
    Case("预算两千", {B: (281.69, "inferred")}),  # yuan in a Chinese message, shown as ¥2,000
    Case("我们有200个员工，每人每天大概问10个问题", {V: (60_000, "inferred")}),
    Case("1000 users, each sends 5 messages a day", {V: (150_000, "inferred")}),
    Case("每人每天问10个问题", {V: ABSENT}),
    Case("it's a nightly batch job", {L: (None, "inferred")}),
    Case("Our support team of 40 agents handles about 3000 chats per day", {V: 90_000}),
    Case("we run 2 shifts of 8 hours", {}, only=True),
    Case("a chatbot for 1000 users", {V: ABSENT}),
    # --- corrections -----------------------------------------------------------------------------
    Case("the 2 seconds is too slow, make it 1 second", {L: 1}, "correction"),
    Case("$300 a month is too much, make it $200", {B: 200}, "correction"),
    Case("actually the budget is $200", {B: 200}, "correction"),
    Case("改成每月200美元", {B: 200}, "correction"),
    Case("不对，是每天一万次", {V: 300_000}, "correction"),
    Case("sorry, I meant 10k requests a day", {V: 300_000}, "correction"),
    Case("no, latency should be under 1 second", {L: 1}, "correction"),
    # --- dialogue acts ---------------------------------------------------------------------------
    *(
        Case(m, intent="confirm", choice="yes")
        for m in (
            "yes",
            "Yes!",
            "looks good",
            "correct",
            "go ahead",
            "sounds good, thanks",
            "是的",
            "对",
            "没问题",
            "可以",
            "好的",
            "👍",
        )
    ),
    *(Case(m, intent="reject", choice="no") for m in ("no", "nope", "that's wrong", "不对", "不是", "错了")),
    Case("I don't know", intent="confirm", choice="default"),
    Case("都行", intent="confirm", choice="default"),
    Case("start over", intent="reset"),
    Case("重新开始", intent="reset"),
    Case("hi", intent="greeting"),
    Case("Hello there!", intent="greeting"),
    Case("你好", intent="greeting"),
    # --- side questions --------------------------------------------------------------------------
    Case("what is RAG?", intent="question", only=True),
    Case("什么时候需要微调?", intent="question", only=True),
    Case("why not GPT-4?", intent="question", only=True),
    Case("how does fine-tuning differ from RAG", intent="question", only=True),
    Case("RAG是什么", intent="question"),
    Case("can we self-host?", intent="question", only=True),
    Case("微调和RAG有什么区别？", intent="question", only=True),
    # --- nonsense --------------------------------------------------------------------------------
    *(
        Case(m, intent="nonsense", only=True)
        for m in ("", "   ", "asdfghjkl", "🙂🙂🙂", "?!?!", "qwrtzp xkcdq", "\x00\x01\x02")
    ),
    # --- novice statements (session 7): own sentences of the same kinds ---------------------------
    C("我们的病历很敏感，不能上传到境外的服务器", deployment__data_residency="cn"),
    C("资料不可以存到海外", deployment__data_residency="cn"),
    C("customer data has to stay in Germany", deployment__data_residency="eu"),
    C("we're a law firm in France, files cannot leave the country", deployment__data_residency=("eu", "inferred")),
    Case("the recordings must stay in the country", {"deployment.data_residency": ABSENT}),  # which one: asked
    C("每节课一个半小时，想转成文字", volume__audio_minutes=90.0),
    C("每通电话大概半小时", volume__audio_minutes=30.0),
    C("we record interviews, each one lasts about an hour", volume__audio_minutes=60.0),
    C("each call runs 2 hours", volume__audio_minutes=120.0),
    Case("the shop is open 9 hours a day", {L: ABSENT}),
    C("报告两个小时内出来就行", latency__p95_seconds=7200.0),
    C("回复的话，一分钟以内就可以", latency__p95_seconds=60.0),
    C("a couple of seconds per photo is fine", latency__p95_seconds=3.0),  # a couple is two or three, not a few (5)
    C("keep it as cheap as possible, it's just me", priority="cost"),
    Case("ok which is the cheapest one that would work", {"priority": ABSENT}, "question"),  # asks, states nothing
    Case("越便宜越好，我们是小团队", {"priority": "cost", B: ABSENT}),
    C("is €300 a month enough for this?", budget__monthly_usd=(300 * 1.08, "stated")),
    C("每月三千块够不够？", budget__monthly_usd=3000 * CNY),
    Case("how much would 3000 requests cost?", {B: ABSENT}),
    C("we handle their credit card details and home addresses", data__sensitivity="confidential"),
    C("里面有病人的健康信息", data__sensitivity="confidential"),
    Case("订单里有客户的手机号和地址，会不会泄露？", {"task_type": ABSENT, "use_case": ABSENT,
                                          "data.sensitivity": "confidential"}),
    Case("our data has names in it, is that ok?", {"task_type": ABSENT}),
    # Photos are the input; sorting them is the task (as with 识别商品图片，自动打标签): vision stays
    # required evidence through the image input.
    C("我们想用AI看看商品照片，自动归类", task_type="classification", input_modalities=("text", "image")),
    C("tag the photos of our listings by room type", input_modalities=("text", "image")),
    C("帮法务审核合同里的风险条款", task_type="extraction"),
    C("we want to review supplier contracts before signing", task_type="extraction"),
    C("we need drafts of replies to customer emails", task_type="writing"),
    C("让AI帮我们回复买家邮件", task_type="writing"),
    Case("你好，我们是做物流的，想做运单分类", {"task_type": "classification", "use_case": "我们是做物流的; 想做运单分类"}),
    Case("hey there, we're a gym and want to summarize member feedback",
         {"task_type": "summarization", "use_case": "We're a gym and want to summarize member feedback"}),
    Case("wats a vector database", {}, "question"),
]

EXPECTING_CASES: list[Case] = [
    Case("300", {B: 300}, "provide", expecting=B),
    Case("$2k", {B: 2000}, expecting=B),
    Case("about 500 dollars", {B: 500}, expecting=B),
    Case("500元", {B: (round(500 * CNY, 2), "stated")}, expecting=B),
    Case("两秒", {L: 2}, expecting=L),
    Case("2", {L: 2}, expecting=L),
    Case("300", {L: ABSENT}, expecting=L),
    Case("20k", {V: 20_000}, expecting=V),
    Case("两万", {V: 20_000}, expecting=V),
    Case("128K", {"context_tokens": 128_000}, expecting="context_tokens"),
    Case("95", {"accuracy_target": 0.95}, expecting="accuracy_target"),
    Case("yes", {"needs.tool_calling": True}, expecting="needs.tool_calling", choice="yes"),
    Case("不需要", {"needs.tool_calling": False}, expecting="needs.tool_calling", choice="no"),
    Case("no", {"deployment.self_host": False}, expecting="deployment.self_host"),
    Case("是的", {"deployment.self_host": True}, expecting="deployment.self_host"),
    Case("we have 3 teams", {B: ABSENT}, expecting=B, only=True),
    Case("预算两千", {B: 281.69}, expecting=B),
    Case("大概两秒吧", {L: 2}, expecting=L),
    Case("it's about 300", {B: 300}, expecting=B),
    Case(
        "2",
        {"task_type": "summarization"},
        expecting="task_type",
        options=("Classification", "Summarization", "Translation"),
        choice="Summarization",
    ),
    Case("the second", {}, options=("Under $100/month", "$100-500/month"), choice="$100-500/month"),
    Case("第二个", {}, options=("每月100美元", "每月500美元"), choice="每月500美元"),
    Case("第一个", {B: 100}, expecting=B, options=("每月100美元", "每月500美元"), choice="每月100美元"),
    Case("translation", {}, options=("Classification", "Summarization", "Translation"), choice="Translation"),
    Case("选3", {}, options=("a", "b", "c"), choice="c"),
]


def _check(case: Case, got: Understanding) -> None:
    facts = {f.path: f for f in got.facts}
    for path, want in case.facts.items():
        if want is ABSENT:
            assert path not in facts, f"{case.message!r}: unexpected {facts.get(path)}"
            continue
        value, prov = (
            want
            if isinstance(want, tuple) and len(want) == 2 and want[1] in ("stated", "inferred")
            else (want, None)
        )
        assert path in facts, f"{case.message!r}: missing {path}; got {got.facts}"
        actual = facts[path].value
        if isinstance(value, float | int) and not isinstance(value, bool) and actual is not None:
            assert isinstance(actual, float | int) and math.isclose(actual, value, rel_tol=1e-3), (
                case.message,
                path,
                actual,
            )
        else:
            assert actual == value, (case.message, path, actual)
        if prov:
            assert facts[path].provenance == prov, (case.message, path, facts[path])
        assert facts[path].evidence, (case.message, path)
    if case.only:
        extra = [f for f in got.facts if f.path not in case.facts and f.path not in ("use_case", "languages")]
        assert not extra, f"{case.message!r}: unexpected facts {extra}"
    if case.intent:
        assert got.intent == case.intent, (case.message, got)
    if case.choice:
        assert got.choice == case.choice, (case.message, got)
    if case.language:
        assert got.language == case.language


@pytest.mark.parametrize("case", CASES, ids=[c.message[:40] or "<empty>" for c in CASES])
def test_message(case: Case) -> None:
    _check(case, understand(case.message))


@pytest.mark.parametrize("case", EXPECTING_CASES, ids=[f"{c.expecting}:{c.message}" for c in EXPECTING_CASES])
def test_answer_to_pending_question(case: Case) -> None:
    _check(case, understand(case.message, expecting=case.expecting, options=case.options))


def test_case_count() -> None:
    """The brief asks for at least 120 cases across English and Chinese."""
    assert len(CASES) + len(EXPECTING_CASES) >= 120


def test_cantonese_is_kept_as_chinese_and_named() -> None:
    """No Cantonese code in the catalog: the language is zh, and what is shown still says Cantonese."""
    zh = {f.path: f for f in understand("我们的用户大多讲广东话，也有人说普通话").facts}["languages"]
    assert zh.value == ("zh",) and zh.shown == "中文（含粤语）"
    en = {f.path: f for f in understand("callers speak Cantonese or English").facts}["languages"]
    assert set(en.value) == {"zh", "en"} and en.shown is not None and "Cantonese" in en.shown


def test_a_summary_after_a_transcription_is_kept_with_the_task() -> None:
    """ "then write the minutes" after speech-to-text is shown with the task, not dropped."""
    zh = {f.path: f for f in understand("客服电话录音想转写成文字，然后总结一下每通电话").facts}["task_type"]
    assert zh.value == "speech_to_text" and zh.shown is not None and "摘要" in zh.shown
    en = {f.path: f for f in understand("we want to transcribe board meetings and then write the minutes").facts}
    assert en["task_type"].value == "speech_to_text" and "summary" in (en["task_type"].shown or "")

"""The interview as data (issue #14): every slot the conversation can fill, with its question, options,
default, why it matters and which decision it changes, in English and Chinese, in one place.

The question order (`agent.nodes.slots`), the offline brain (an option's `meanings` let a paraphrased
answer pick it: "不着急，当天能看到结果就行" picks "no limit") and the LLM brain's prompt all read it.
`asked` slots are questions the interview puts before recommending; the others are assumed with
their stated default (shown in the requirements table as "defaulted", easy to change).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from whichmodel.knowledge.units import Lang, money, to_usd


@dataclass(frozen=True)
class Option:
    """One offered answer: its label per language and the requirement facts it stands for."""

    en: str
    zh: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    """Lower-case phrases that pick this option when they appear anywhere in a message."""
    meanings: tuple[str, ...] = ()
    """Other ways people say this answer (EN/ZH), matched by meaning when the question is pending."""
    replies: tuple[str, ...] = ()
    """Whole replies (lower-case) that pick it when its question is pending: short answers too
    ambiguous to be aliases anywhere in a message ("no limit", "不限")."""
    explain: tuple[str, str] | None = None
    """What choosing it means, in plain words (EN, ZH), for "what's the difference between the first two?"."""
    zh_amount: tuple[float, str] | None = None
    """The amount the Chinese label states, in its currency ((500, "CNY") for 每月500元), when it is
    not the English label's: its fact is that amount in US dollars, shown as the person's figure."""

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def values_for(self, lang: str) -> list[tuple[str, Any, str | None]]:
        """(path, value, shown) of choosing this option as offered in `lang`: `shown` is the person's
        own figure when the value was converted (agent.nodes.slots.option_facts makes them facts)."""
        if lang == "zh" and self.zh_amount is not None:
            amount, currency = self.zh_amount
            shown = money(amount, currency)
            return [(p, round(to_usd(amount, currency), 2), shown) for p in self.facts]
        return [(p, v, None) for p, v in self.facts.items()]

    def lang_of(self, label: str, fallback: str) -> str:
        """The language a clicked or typed label is in (its own label decides; else `fallback`)."""
        return "zh" if label == self.zh else "en" if label == self.en else fallback


@dataclass(frozen=True)
class SlotSpec:
    """A question the interview can ask: the field it settles, its text, options, default and why.

    `expecting` is the requirement path a bare answer maps to ("300" -> budget). `reason` says why it
    matters and `decides` which decision it changes (both shown when the person asks "why?").
    `asked`: put before recommending; otherwise the default is assumed and stated.
    """

    field: str
    en: str
    zh: str
    options: tuple[Option, ...]
    default: int
    expecting: str | None
    reason: tuple[str, str]
    decides: tuple[str, str]
    asked: bool = True
    only_for_tasks: tuple[str, ...] = ()
    """Asked only when the task is one of these (empty: whatever the task)."""

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def labels(self, lang: str) -> list[str]:
        return [o.label(lang) for o in self.options]

    def why(self, lang: Lang) -> str:
        i = 1 if lang == "zh" else 0
        return f"{self.reason[i]} {self.decides[i]}"


SLOTS: tuple[SlotSpec, ...] = (
    SlotSpec(
        "task_type",
        "What should the model mainly do? Pick one or describe it in your own words.",
        "这个模型主要用来做什么？请选择一项，或用自己的话描述。",
        (
            Option("Chat with customers or staff", "与客户或员工对话", {"task_type": "chat"}),
            Option("Classify or tag text", "文本分类或打标签", {"task_type": "classification"}),
            Option("Summarize documents", "文档摘要", {"task_type": "summarization"}),
            Option("Extract data from documents", "从文档中抽取信息", {"task_type": "extraction"}),
            Option("Answer questions over our documents", "基于我们的文档回答问题", {"task_type": "qa"}),
            Option(
                "Write texts (descriptions, marketing copy)",
                "写文案（商品描述、营销文案）",
                {"task_type": "writing"},
            ),
            Option("Write or review code", "编写或审查代码", {"task_type": "code"}),
        ),
        0,
        "use_case",
        ("Each task has its own public ranking.", "它决定用哪一项公开排名给模型排序。"),
        ("It chooses which ranking orders the shortlist.", "任务不同，候选名单的排序就不同。"),
    ),
    SlotSpec(
        "volume.requests_per_month",
        "Roughly how many requests will it handle?",
        "大概每天或每月会有多少次请求？",
        (
            Option(
                "Under 10,000 a month",
                "每月一万次以内",
                {"volume.requests_per_month": 10_000},
                meanings=("just a few", "not many, a handful a day", "很少", "不多，每天几十次"),
            ),
            Option("About 1,000 a day", "每天约一千次", {"volume.requests_per_month": 30_000}),
            Option("About 10,000 a day", "每天约一万次", {"volume.requests_per_month": 300_000}),
            Option(
                "About 100,000 a day",
                "每天约十万次",
                {"volume.requests_per_month": 3_000_000},
                meanings=("a lot, huge traffic", "非常多，流量很大"),
            ),
        ),
        0,
        "volume.requests_per_month",
        ("Price is per request, so volume sets the monthly bill.", "费用按请求计，量决定每月账单。"),
        ("It decides which models fit the budget.", "它决定哪些模型在预算之内。"),
    ),
    SlotSpec(
        "budget.monthly_usd",
        "Is there a monthly budget for the model bill?",
        "模型费用每月有预算上限吗？",
        (
            Option("$100 a month", "每月500元", {"budget.monthly_usd": 100.0}, zh_amount=(500, "CNY")),
            Option("$1,000 a month", "每月5000元", {"budget.monthly_usd": 1_000.0}, zh_amount=(5_000, "CNY")),
            Option("$10,000 a month", "每月5万元", {"budget.monthly_usd": 10_000.0}, zh_amount=(50_000, "CNY")),
            Option(
                "No fixed budget",
                "预算不限",
                {"budget.monthly_usd": None},
                aliases=("no budget", "no fixed budget", "no budget limit", "unlimited budget", "没有预算", "没预算",
                         "预算没有上限", "不设预算"),
                replies=("no limit", "unlimited", "no cap", "none", "nothing fixed", "不限", "无上限", "没有上限",
                         "没上限", "没有", "没有限制"),
                meanings=("money is not the issue", "we haven't set a budget", "no limit", "unlimited",
                          "钱不是问题", "还没定预算", "不限", "没有上限"),
            ),
            Option(
                "Nothing: free plans only",
                "没有钱：只用免费的",
                {"budget.monthly_usd": 0.0},
                replies=("zero", "nothing", "free", "free only", "free plans only", "0", "$0"),
                meanings=("we have no money for this", "it has to be free"),
            ),
        ),
        3,
        "budget.monthly_usd",
        ("A ceiling removes models that would cost more.", "预算上限会排除超出预算的模型。"),
        ("It filters the shortlist.", "它过滤候选名单。"),
    ),
    SlotSpec(
        "deployment",
        "Where may the model run?",
        "模型可以部署在哪里？",
        (
            Option(
                "Any cloud API is fine",
                "任何云端API都可以",
                {"deployment.self_host": False},
                (
                    "any cloud api",
                    "cloud api is fine",
                    "cloud is fine",
                    "cloud apis are fine",
                    "any api is fine",
                    "cloud api",
                    "cloud hosted is fine",
                    "云端api",
                    "云api",
                    "云服务",
                    "云端",
                ),
                meanings=(
                    "no restrictions on where it runs",
                    "an online service is fine",
                    "在哪都行",
                    "用在线服务就可以",
                ),
                explain=(
                    "the model runs at a company that offers it as a service (its maker, such as OpenAI, "
                    "Anthropic or Google, or a big cloud); your software sends each text over the internet and "
                    "pays per use. The usual choice: nothing to install or run.",
                    "模型运行在提供服务的公司那里（模型厂商，如阿里、字节、DeepSeek，或大型云平台）；您的软件通过网络"
                    "发送每段文字，按用量付费。最常见的选择：不用安装、不用维护。",
                ),
            ),
            Option(
                "Only on our own servers (self-hosted)",
                "只能在我们自己的服务器上运行（数据不交给外面的公司）",
                {"deployment.self_host": True, "deployment.open_weights": True},
                meanings=("it has to run in our own data center", "必须放在我们自己的机房"),
                explain=(
                    "your company runs the model on its own computers with graphics cards (GPUs), so the data "
                    "never leaves; you pay for the machines and someone to run them, and only downloadable "
                    "(open) models can be used.",
                    "由贵公司在自己带显卡（GPU）的电脑上运行模型，数据不出公司；要付机器和运维人员的钱，而且只能用可下载的（开源）模型。",
                ),
            ),
            Option(
                "Only models you can download and run yourself (any host)",
                "只用可以下载、自己运行的模型（托管方不限）",
                {"deployment.open_weights": True},
                explain=(
                    "only models whose files are published (open models), run by you or by any hosting company "
                    "you pick; you are never tied to one maker, but the strongest closed models are left out.",
                    "只用文件公开发布的模型（开源模型），由您自己或您选的任何托管公司运行；不会被某一家厂商绑定，但最强的闭源模型就不在考虑之内了。",
                ),
            ),
            Option(
                "Data must stay in the EU",
                "数据必须留在欧盟",
                {"deployment.data_residency": "eu"},
                explain=("only services whose servers are in the EU (often a GDPR requirement).",
                         "只用服务器在欧盟境内的服务（常见于 GDPR 要求）。"),
            ),
            Option(
                "Data must stay in China",
                "数据必须留在中国境内",
                {"deployment.data_residency": "cn"},
                explain=("only services whose servers are in mainland China (required for some personal and "
                         "business data there).",
                         "只用服务器在中国境内的服务（国内一些个人信息和重要数据有此要求）。"),
            ),
            Option(
                "Data must stay in the UK",
                "数据必须留在英国",
                {"deployment.data_residency": "uk"},
                meanings=("it has to stay in the UK", "UK only", "数据只能在英国"),
                explain=("only services whose servers are known to be in the UK (the UK is not in the EU); few "
                         "are listed, and I will say so when none is.",
                         "只用服务器已知在英国的服务（英国不在欧盟）；已知的很少，没有的话我会直说。"),
            ),
            Option(
                "No Chinese providers (data must not go to China)",
                "不用中国的服务商（数据不能去中国）",
                {"deployment.excluded_jurisdictions": ("cn",)},
                meanings=("no China", "nothing Chinese", "不要中国的", "数据不能去中国"),
                explain=("leaves out every provider under Chinese law, wherever its servers are; all the others "
                         "stay on the list.",
                         "排除所有受中国法律管辖的服务商（不管服务器在哪），其他服务商都保留。"),
            ),
        ),
        0,
        None,
        (
            "Running it yourself, models you can download, and where data must stay rule models out.",
            "私有化部署、只用可下载的模型以及数据所在地，都会排除一部分模型。",
        ),
        (
            "It filters the shortlist and decides whether self-hosting costs are shown.",
            "它过滤候选名单，并决定是否估算自建成本。",
        ),
    ),
    SlotSpec(
        "volume.audio_minutes",
        "How long is one recording, roughly?",
        "每段录音大概多长？",
        (
            Option("About 1 minute (voice notes)", "1分钟左右（语音留言）", {"volume.audio_minutes": 1.0}),
            Option("About 5 minutes (phone calls)", "5分钟左右（电话）", {"volume.audio_minutes": 5.0}),
            Option("About 30 minutes", "30分钟左右", {"volume.audio_minutes": 30.0}),
            Option("About an hour (meetings)", "1小时左右（会议）", {"volume.audio_minutes": 60.0}),
        ),
        0,
        "volume.audio_minutes",
        ("Transcription is priced per minute of audio.", "语音转文字按音频分钟计费。"),
        ("It sets the monthly bill: an hour-long meeting costs 60 times a voice note.",
         "它决定每月费用：一小时的会议是一分钟语音的 60 倍。"),
        only_for_tasks=("speech_to_text",),
    ),
    SlotSpec(
        "latency.p95_seconds",
        "How quickly must each answer arrive?",
        "每个回答需要多快返回？",
        (
            Option(
                "Within 1 second (real time)",
                "1秒内（实时）",
                {"latency.p95_seconds": 1.0},
                meanings=("instantly, people are waiting", "马上就要，用户在等"),
            ),
            Option(
                "Within 5 seconds",
                "5秒内",
                {"latency.p95_seconds": 5.0},
                meanings=("a few seconds is fine", "几秒钟就行"),
            ),
            Option("Within 30 seconds", "30秒内", {"latency.p95_seconds": 30.0}),
            Option(
                "No limit (batch jobs)",
                "没有要求（批处理）",
                {"latency.p95_seconds": None},
                meanings=(
                    "no rush, results the same day are fine",
                    "overnight is fine",
                    "we're not in a hurry",
                    "不着急，当天出结果就行",
                    "第二天看到也可以",
                    "不赶时间",
                ),
            ),
        ),
        3,
        "latency.p95_seconds",
        ("Slow models are dropped only when answers must be fast.", "只有要求快速回答时才会排除慢的模型。"),
        ("It filters on the slowest 1 in 20 answers.", "它按最慢的二十分之一回答来过滤。"),
        asked=False,
    ),
    SlotSpec(
        "priority",
        "Is the best possible answer worth paying more?",
        "为了最好的回答质量，值得多花钱吗？",
        (
            Option(
                "Yes, quality first",
                "是，质量优先",
                {"priority": "quality"},
                explain=("I start with the strongest model that fits your limits, then name a cheaper one to try.",
                         "先推荐满足条件的最强模型，再给出一个更便宜、值得试的选择。"),
            ),
            Option(
                "A balance of quality and price",
                "质量和价格兼顾",
                {"priority": "balanced"},
                explain=("a model slightly below the best can go first when it costs much less.",
                         "如果稍逊一点的模型便宜很多，它可以排在前面。"),
            ),
            Option(
                "No, the cheapest that is good enough",
                "不，够用就好、越便宜越好",
                {"priority": "cost"},
                aliases=("cheapest", "as cheap as possible", "最便宜", "越便宜越好"),
                explain=("the cheapest model whose ratings are still close to the best goes first.",
                         "评分仍接近最好水平的模型里，最便宜的排在前面。"),
            ),
        ),
        0,
        "priority",
        ("By default the strongest model within your limits comes first.", "默认先推荐满足条件的最强模型。"),
        (
            "It decides whether a cheaper model that is nearly as good goes first.",
            "它决定是否把几乎一样好但更便宜的模型排在前面。",
        ),
        asked=False,
    ),
)
"""Every slot the interview knows, in the order it asks (what changes the decision most first)."""

QUESTIONS: dict[str, SlotSpec] = {s.field: s for s in SLOTS}
"""The slots by field (or field group)."""

LATENCY_DEFAULT_BY_TASK: Mapping[str, float | None] = {}
"""The answer time assumed per task when the person says nothing about it (tasks not listed: no
limit). Empty on purpose: an assumed limit must never be what empties the shortlist (with the core's
latency estimates a 5 s default for chat removed every self-hosted and several allow-listed
options); the assumption "no limit" is stated instead, and one sentence changes it."""

PLAUSIBLE: Mapping[str, tuple[float, float]] = {
    "budget.monthly_usd": (1.0, 2_000_000.0),
    "budget.per_1k_requests_usd": (0.001, 1_000.0),
    "volume.requests_per_month": (1.0, 3_000_000_000.0),
    "latency.p95_seconds": (0.1, 3_600.0),
    "volume.input_tokens": (1.0, 2_000_000.0),
    "volume.output_tokens": (1.0, 200_000.0),
    "context_tokens": (16.0, 10_000_000.0),
}
"""Ranges outside which a figure is more likely a slip (a unit, a digit) than a requirement: such a
figure is kept but questioned ("That looks unusual ... is it right?")."""

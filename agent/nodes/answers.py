"""Answers to side questions, from data: a glossary term ("what are tokens?"), a model's place in the
current ranking ("why not GPT-4?", "为什么不用 DeepSeek？"), a question about the recommendation itself
("which one should I use?", "how much per month?", "is my data safe?": from the recommendation's picks,
costs, steps and the requirements), or, only for real questions about choosing a model, passages of
the selection guide.

The why-not answer comes from the decision core (`tools.decision.why_not`: the same ranking, X's rank
or its failed constraints as codes with numbers, deltas vs #1), written by the core's explainer in
the person's language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from whichmodel.agent.nodes import render
from whichmodel.agent.nodes.render import t
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.knowledge.units import Lang
from whichmodel.tools.decision import Requirements, RequirementsError, parse_requirements
from whichmodel.tools.decision import why_not as decision_why_not
from whichmodel.tools.decision.adaptation import choose_adaptation
from whichmodel.tools.decision.adaptation_text import word_adaptation
from whichmodel.tools.decision.explain import say, task_name
from whichmodel.tools.decision.explain import t as explain_t
from whichmodel.tools.decision.filters import user_region
from whichmodel.tools.decision.gpus import GPUS
from whichmodel.tools.decision.names import provider_display, value_name
from whichmodel.tools.decision.result import Adaptation, Candidate, Reason, Recommendation
from whichmodel.tools.decision.selfhost import HOURS_PER_MONTH
from whichmodel.tools.decision.whynot import failure_line, find_models

_NAME = r"(?P<name>[A-Za-z][\w.\-]*(?:\s[\w.\-]+){0,5}?|[\u4e00-\u9fff]{2,6}?)"
WHY_NOT = (
    re.compile(
        r"(?:why\s+not|what\s+about|how\s+about|why\s+(?:didn't|don't|not|isn't|wasn't)\s+(?:you\s+)?"
        r"(?:pick|choose|use|recommend|suggest|it)?|为什么不|为啥不|怎么不|那)\s*(?:just\s+|simply\s+|直接|就|干脆)?"
        r"(?:use|pick|choose|用|选|推荐|选择)?\s*" + _NAME + r"\s*(?:instead|then|呢|吗)?\s*[?？.!]*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*" + _NAME + r"\s*(?:怎么样|如何|行不行|可以吗|好不好|呢)\s*[?？]*$", re.IGNORECASE),
    re.compile(
        r"(?:^|[，,\s]|用)(?P<name>[A-Za-z][A-Za-z0-9_.\-]*(?:\s[A-Z0-9][A-Za-z0-9_.\-]*){0,2})\s*(?:不行吗|不好吗|不能用吗|能用吗|可以用吗|行吗|"
        r"不是更(?:便宜|好|强)吗|就行了?[，,]?\s*(?:为什么|为啥|干嘛))|(?:isn't|wouldn't|can't\s+we\s+(?:just\s+)?use|"
        r"couldn't\s+we\s+(?:just\s+)?use|shouldn't\s+we\s+(?:just\s+)?use)\s+(?P<name2>[A-Z][A-Za-z0-9_.\-]*(?:\s[A-Z0-9][A-Za-z0-9_.\-]*){0,2})",
    ),
)
"""A question about one named model. Group `name` is the model as the person wrote it."""

FRAMEWORK_CUES = re.compile(
    r"fine[\s-]?tun|\brag\b|retriev|self[\s-]?host|open[\s-]?weight|evaluat|eval\s+set|benchmark|prompt|"
    r"(?:choose|choosing|pick|picking|select|selecting|compare|comparing)\s+(?:a\s+|the\s+)?(?:model|llm)|"
    r"distill|quantiz|which\s+(?:model|llm)|train(?:ing)?\s+(?:our|my|a)\s+own|"
    r"微调|检索|私有化|开源|评测|评估|基准|提示词|蒸馏|量化|选(?:择)?模型|哪个模型|训练",
    re.IGNORECASE,
)
"""Words of a question about how to choose a model: only these go to the selection guide."""

ADAPTATION_CUES = re.compile(
    r"fine[\s-]?tun|\btrain(?:ed|ing)?\b|\brag\b|retriev|another\s+way|our\s+own\s+model|"
    r"微调|训练|检索增强|自己(?:做|搞|训)?一?个?[^，。？?]{0,6}模型",
    re.IGNORECASE,
)
"""Words of a question about how to adapt a model ("should we fine-tune?", "do we need RAG?",
"要不要自己训练一个模型？"): answered by the framework's adaptation path for these requirements."""


ADAPTATION_SECTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"fine[\s-]?tun|微调", re.IGNORECASE), "adaptation#fine-tuning"),
    (re.compile(r"\brag\b|retriev|检索", re.IGNORECASE), "adaptation#rag"),
    (re.compile(r"\btrain|训练|自己.{0,6}模型", re.IGNORECASE), "adaptation#train-from-scratch"),
)
"""The framework section each path a question names is written in (cited with the answer)."""


def is_adaptation_question(question: str) -> bool:
    """ "Should we fine-tune?", not "could our invoices be used to train the AI?" (a safety question)."""
    return ADAPTATION_CUES.search(question) is not None and re.search(DATA_USE, question, re.IGNORECASE) is None


def adaptation_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, question: str = ""
) -> tuple[str, list[str]] | None:
    """ "Should we fine-tune / train / use RAG?" answered from the selection framework: its order
    (prompting, then retrieval, then fine-tuning, training only for an unseen domain) and the path the
    decision core chooses for these requirements (the recommendation's own, else one for the
    requirements so far), in `lang`, with the framework passages it rests on. None: no requirements."""
    adaptation: Adaptation | None = None
    if recommendation and recommendation.get("adaptation"):
        adaptation = Adaptation.model_validate(recommendation["adaptation"])
        req = Requirements.model_validate(recommendation["requirements"])
    else:
        try:
            req = parse_requirements(dict(raw), "conversation")
        except RequirementsError:
            return None
        adaptation = choose_adaptation(req)
    worded = word_adaptation(adaptation, lang, task_name(lang, req.task_type))
    sep = "；" if lang == "zh" else "; "
    text = t(
        lang,
        "adaptation_answer",
        approach=explain_t(lang, adaptation.approach),
        reason=worded.reason,
        steps=sep.join(worded.steps[:3]),
    )
    named = [section for pattern, section in ADAPTATION_SECTIONS if pattern.search(question)]
    cited = dict.fromkeys([*named, *adaptation.citations])
    return text, [f"{lang}/{c}" for c in cited]  # the passage ids retrieval cites


NEXT_STEP = (
    r"what (?:do|should|can) (?:i|we) (?:actually |really |then )?do (?:next|now|after that|first|tomorrow|on monday)|"
    r"next steps?|what now|what next|how do (?:i|we) (?:get started|sign up|start using)|(?:sign|signing) up|register|"
    r"下一步|接下来|然后(?:呢|该|要)|怎么开始|要注册|注册(?:啥|什么|哪)|具体(?:怎么|咋)(?:做|弄|办)|明天(?:该|要)?(?:干|做)"
)
"""Asks what to do next ("what do I actually do next?", "接下来做什么")."""

DATA_USE = (
    r"keeps?\s+(?:a\s+)?cop(?:y|ies)|(?:keep|store|retain|save)s?\s+(?:our|my|the|their|customers?'?|clients?'?)\b|"
    r"retention|used?\s+(?:it\s+|them\s+|our\s+\w+\s+)?(?:to|for)\s+train|train(?:s|ed)?\s+(?:the\s+ai\s+|it\s+)?on\s+(?:our|my|their)|"
    r"(?:保存|保留|存储|留存|存)(?:我们|我们的|客户|用户)?的?(?:数据|资料|文件|发票|合同|邮件)|"
    r"(?:拿|用)(?:去|来)?训练|被?用于训练|训练(?:他们|它)的?模型"
)
"""A question whether the provider keeps the data or trains on it ("Does the AI company keep copies of
our invoices? Could they be used to train the AI?"): a safety question, not one about training a model."""
RETENTION = re.compile(
    r"keeps?\s+(?:a\s+)?cop(?:y|ies)|(?:keep|store|retain|save)s?\b|retention|保存|保留|存储|留存", re.IGNORECASE
)
"""A safety question that asks how long the provider keeps the data (answered with the retention rule)."""

HARM = re.compile(r"allerg|\bnuts?\b|nut[\s-]?free|gluten|peanut|花生|坚果|麸质|hospital|\bdie\b|injur|poison|medic|dose|過敏|过敏|医院|出人命|中毒|吃坏|剂量", re.IGNORECASE)
"""A wrong answer that could hurt someone (allergens, medicines): the mistakes answer says to keep those from the model."""

ABOUT_RECOMMENDATION: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("safety", re.compile(
        r"\bsafe|secur|privacy|private|hipaa|gdpr|\bpci\b|leak|who (?:can )?sees?|cross\s+(?:that|it|them)\s+off|"
        r"(?:chinese|american|foreign)\s+(?:one|provider|model|company)|"
        r"(?:health|patient|medical|personal|customer|card)\b.{0,40}(?:problem|\bok\b|okay|allowed|issue|risk)|"
        r"安全|隐私|泄露|泄漏|合规|保密|会不会被|" + DATA_USE, re.IGNORECASE)),
    ("cost", re.compile(
        r"how much|\bcosts?\b|price|per month|a month\b|spend|\bbill\b|(?<!already )(?<!i )(?<!we )pay\b|"
        r"多少钱|费用|花多少|价格|成本|贵不贵|贵吗|贵很多|会不会贵|更贵|包括服务器|一个月要|"
        r"cost\s+(?:a\s+lot\s+)?more|more\s+expensive", re.IGNORECASE)),
    ("hardware", re.compile(
        r"hardware|\bgpus?\b|graphics card|buy (?:a )?(?:computer|server|machine)|what (?:do we|should we) (?:need|prepare)|"
        r"硬件|显卡|服务器.{0,4}(?:准备|买|配置)|(?:准备|买|配置).{0,6}服务器|需要准备什么|买(?:台|个|一台|新)?(?:电脑|主机)", re.IGNORECASE)),
    ("own_hardware", re.compile(
        r"(?:our|my) own (?:computers?|servers?|machines?|pcs?|hardware|gpus?)|on[- ]prem|in (?:the|our) office|"
        r"(?:run|host)\w* (?:it |them |a model )?(?:ourselves|locally|ourself)|"
        r"自己的(?:电脑|服务器|机器|显卡)|本地(?:跑|部署|运行)|自己(?:跑|部署|搭)", re.IGNORECASE)),
    ("law", re.compile(
        r"\b(?:legal|legally|allowed|lawful|permitted)\b|\blaw\b|does\s+(?:that|it|this|gdpr)\s+(?:count|apply)|uk\s+gdpr|合法|违法|法律|法规|允许(?:吗|不)", re.IGNORECASE)),
    ("mistakes", re.compile(
        r"wrong\s+(?:answer|advice|exercise|information|info|thing)|(?:gives?|tells?|says?)\s+(?:\w+\s+){0,3}(?:wrong|incorrect)|"
        r"makes?\s+(?:a\s+)?mistakes?|gets?\s+(?:[\w']+\s+){0,3}wrong|hallucinat|"
        r"(?:says?|tells?)\s+(?:[\w']+\s+){0,6}(?:when|but|if|and)\s+(?:it|they|that)\s+(?:is|isn'?t|isnt|does|doesn'?t)|"
        r"what\s+if\s+it\s+.{0,60}(?:isn'?t|isnt|wrong|not\s+true)|万一.{0,20}(?:其实|说错|搞错|答错|不对)|"
        r"allerg|end\s+up\s+in\s+(?:hospital|a&e|the\s+er)|"
        r"答错|回答错|说错|回错|出错|乱说|瞎说|胡说|不准|过敏|吃出(?:问题|毛病)|出了事", re.IGNORECASE)),
    ("no_dev", re.compile(
        r"(?:don'?t|do\s+not|can'?t|cannot)\s+(?:write\s+)?(?:code|program)|no\s+(?:developers?|programmers?|it\s+person|tech\s+person|coder)|"
        r"not\s+(?:very\s+|at\s+all\s+)?(?:technical|techy|a\s+tech\s+person)|not\s+techy|不会(?:写)?(?:程序|代码|编程)|没有(?:程序员|技术人员|技术)|不懂技术|不懂电脑", re.IGNORECASE)),
    ("few_examples", re.compile(
        r"(?:don'?t|do\s+not)\s+have\s+(?:\d+(?:\s*-\s*\d+)?|that\s+many|any|many|enough|so\s+many)\s+examples|something\s+simpler|"
        r"没有(?:那么多|这么多)?(?:样例|例子|样本)|(?:样例|例子)(?:太多|不够)", re.IGNORECASE)),
    ("method", re.compile(
        r"how (?:do|will|would|did) you (?:actually |really |even )?(?:pick|choose|select|rank|decide|compare|recommend|work out)|"
        r"how does (?:this|it|the tool|whichmodel|the ranking) (?:work|decide|pick|choose|rank)|"
        r"what(?:'s| is) your (?:method|approach|process|logic)|"
        r"(?:你们|你)(?:是)?(?:怎么|如何|咋)(?:挑|选|排|推荐|比较|决定|评估)|怎么挑模型|如何选(?:择)?模型的|你们的方法|"
        r"(?:你的|你们的)?选型(?:方法|流程|逻辑)|按什么(?:标准)?(?:选|挑|排)", re.IGNORECASE)),
    ("app_use", re.compile(
        r"on (?:my|a|the|our) (?:phone|mobile|iphone|android|laptop)|phone app|mobile app|"
        r"(?:just )?use (?:it |the )?(?:app|website|in (?:a|the) browser)\b|log\s*in\s+(?:somewhere|to\s+\w+|and\s+use)|"
        r"(?:can|could)\s+(?:my|our)\s+(?:\w+\s+)?(?:receptionist|staff|team|assistant|secretary)\s+(?:just\s+)?(?:use|log)|"
        r"手机上|用手机|手机(?:app|应用)|网页版|下载(?:个)?(?:app|应用)", re.IGNORECASE)),
    ("over_budget", re.compile(
        r"(?:旺季|大促|双十一|双11|618|高峰|忙的时候)(?:那个月|的时候|期间)?(?:呢|怎么样|咋样|会怎样)|"
        r"(?:go|going|be|run)\s+over\s+(?:my|our|the)?\s*(?:budget|\d|£|\$|€|limit)|over\s+budget|exceed|"
        r"(?:stay|be|keep\s+it)\s+(?:under|within)\s+(?:my|our|the)?\s*(?:budget|£|\$|€|\d)|busy\s+(?:days?|months?|season)|"
        r"(?:double|twice)\s+(?:the\s+)?(?:messages|volume|requests|as\s+many)|peak|\brush\b|busy\s+season|tax\s+season|"
        r"(?:in|for|during)\s+(?:january|december|the\s+holidays|christmas)|"
        r"会不会超|会超(?:吗|出)|超(?:出)?预算|超支|(?:旺季|大促|双十一|双11|618|高峰)(?:那个月|的时候|期间)?.{0,8}(?:多少|超|够)", re.IGNORECASE)),
    ("integration", re.compile(
        r"hook(?:s|ed|ing)?\s+(?:it\s+|this\s+)?up|connect\w*\s+(?:it\s+|this\s+)?(?:to|with|into)|integrat|plug\s+(?:it\s+)?in|set\s+(?:it\s+)?up\s+(?:on|in|with)|"
        r"(?:whatsapp|instagram|facebook|messenger|shopify|wix|zendesk|intercom|slack)\b.{0,30}(?:how|who|pay|set|work)|"
        r"接到|接入|对接|连到|连上|集成|(?:千牛|淘宝|抖店|抖音|微信|企业微信|小程序|拼多多|京东).{0,10}(?:怎么|咋|能不能|可以吗|接|用)", re.IGNORECASE)),
    ("free", re.compile(
        r"(?:are|is)\s+(?:they|it|that|those|these|open[\s-]source(?:\s+models?)?)\s+(?:really\s+|actually\s+)?free|free\s+or\s+not|"
        r"(?:是不是|是)免费|免费(?:吗|不|的吗)|要(?:不要)?钱(?:吗|不)", re.IGNORECASE)),
    ("which", re.compile(
        r"which (?:one|model|of them)\b|which (?:is|would be|'s) (?:the )?(?:best|cheapest|right|better|most)|"
        r"what should (?:i|we) (?:pick|choose|use|go with|get)\b|what(?:'s| is) (?:the )?(?:best|cheapest) (?:one|option|model)|" + NEXT_STEP + "|"
        r"where do (?:i|we) start|how do (?:i|we) (?:start|begin)|"
        r"what do you recommend|your (?:pick|recommendation)|why (?:this|that|did you (?:pick|choose|recommend))|"
        r"推荐哪个|用哪个|选哪个|哪个(?:最|更)?(?:好|便宜)|效果(?:最)?好的|最便宜|便宜的|分别是哪|为什么推荐|"
        r"怎么开始|该怎么做|该干嘛|该做什么|要做什么", re.IGNORECASE)),
)  # fmt: skip
"""Questions about the recommendation itself, by kind (every kind a question asks): answered from its data."""


def asks_next_step(question: str) -> bool:
    return re.search(NEXT_STEP, question, re.IGNORECASE) is not None


def person_region(raw: Mapping[str, Any], currency: str | None) -> str:
    """Whose data-protection law a "is it allowed?" answer names: the stated data residency, else the
    budget's currency (pounds: the UK; euros: the EU; yuan: China), else the languages ("eu" for an EU
    language, "cn" for Chinese first); "other" when nothing says."""
    deployment = raw.get("deployment") or {}
    residency = deployment.get("data_residency") if isinstance(deployment, Mapping) else None
    by_currency = {"GBP": "uk", "EUR": "eu", "CNY": "cn"}
    if residency is None and currency in by_currency:
        return by_currency[currency]
    try:  # the core's rule for the person's region (stated residency, else the languages)
        region, _ = user_region(parse_requirements({"task_type": "chat", "use_case": "-", **dict(raw)}, "conversation"))
    except RequirementsError:
        return "other"
    return region if region in ("eu", "cn") else "other"


def about_recommendation(question: str) -> list[str]:
    """The kinds of question about the recommendation in `question` ("safety", "cost", "hardware",
    "own_hardware", "which"), in that order; empty when it asks none of them. Running it on their own
    computer answers the cost and the hardware of doing so itself."""
    kinds = [kind for kind, pattern in ABOUT_RECOMMENDATION if pattern.search(question)]
    if "law" in kinds:  # "is it allowed with patient data?": the law answer covers the safety one
        kinds = [k for k in kinds if k != "safety"]
    if "own_hardware" in kinds:
        kinds = [k for k in kinds if k not in ("cost", "hardware")]
    return kinds


def recommendation_answer(
    kind: str,
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    currency: str | None,
    question: str = "",
) -> str:
    """A question about the recommendation answered from its data: the quality pick and the value pick
    with their monthly costs and the next steps ("which"); what the monthly figure covers ("cost");
    where the data goes and what the requirements already protect ("safety"). Before a recommendation,
    what it will depend on."""
    if kind == "safety":
        return _safety_answer(raw, lang, question)
    if kind == "method":
        return t(lang, "about_method")
    if kind == "free":
        return t(lang, "about_free")
    if kind == "integration":
        return t(lang, "about_integration")
    if kind == "over_budget":
        return _over_budget_answer(raw, recommendation, lang, currency)
    if kind == "mistakes" and HARM.search(question):
        return t(lang, "about_mistakes") + ("" if lang == "zh" else " ") + t(lang, "about_mistakes_harm")
    if kind in ("mistakes", "no_dev", "few_examples"):
        return t(lang, f"about_{kind}")
    if kind == "law":
        return t(lang, f"about_law_{person_region(raw, currency)}")
    if kind == "app_use":
        requests = (raw.get("volume") or {}).get("requests_per_month") if isinstance(raw.get("volume"), Mapping) else None
        few = (
            t(lang, "about_app_use_few", n=f"{requests:,.0f}")
            if isinstance(requests, int | float) and 0 < requests <= APP_SCALE_REQUESTS
            else ""
        )
        return t(lang, "about_app_use", few=few)
    if kind == "own_hardware":
        return _own_hardware_answer(raw, recommendation, lang, currency)
    if not recommendation or not recommendation.get("recommendations"):
        if kind == "hardware":
            deployment = raw.get("deployment") or {}
            self_host = isinstance(deployment, Mapping) and deployment.get("self_host")
            return t(lang, "about_hardware_before" if self_host else "about_hardware_api")
        return t(lang, f"about_{kind}_before")
    rec = Recommendation.model_validate(recommendation)
    top = rec.recommendations[0]
    if kind == "hardware":
        if not top.self_hosted or top.self_host is None:
            return t(lang, "about_hardware_api")
        sized = top.self_host
        return t(lang, "about_hardware", model=top.model, n=sized.gpus_needed * max(sized.replicas, 1),
                 gpu=sized.gpu, memory=f"{sized.total_memory_gb:,.0f}", quantization=sized.quantization,
                 hourly=render.cost_text(sized.gpu_hourly_usd, lang, currency),
                 monthly=render.cost_text(sized.monthly_cost, lang, currency))  # fmt: skip
    quality = _pick_text(top, lang, currency)
    value = rec.value_candidate()
    value = None if value is top else value
    value_text = (
        t(lang, "about_value", pick=_pick_text(value, lang, currency))
        if value is not None
        else t(lang, "about_no_value")
    )
    if kind == "which":
        steps = ("；" if lang == "zh" else "; ").join(chat_step(r, lang) for r in rec.step_codes[:2])
        no_dev = next(p for k, p in ABOUT_RECOMMENDATION if k == "no_dev").search(question) is not None
        start = (
            ""
            if top.self_hosted or no_dev  # "I'm not techy, what do I do next?": the no-code answer follows instead
            else t(lang, "about_start", provider=provider_display(top.provider_name, top.provider, lang))
        )
        return t(lang, "about_which", quality=quality, value=value_text, steps=steps) + start
    requests = rec.requirements.volume.requests_per_month
    per_1k = None if top.monthly_cost_usd is None or not requests else top.monthly_cost_usd / requests * 1000
    what = t(lang, "about_cost_self_host" if top.self_hosted else "about_cost_api")
    return t(
        lang,
        "about_cost",
        quality=quality,
        requests=f"{requests:,.0f}",
        per_1k=render.cost_text(per_1k, lang, currency),
        value=value_text,
        what=what,
    )


APP_SCALE_REQUESTS = 300
"""Up to about ten a day, typing into a chat app by hand is a real alternative to an integration."""

SMALL_GPU, LARGE_GPUS = "L4", ("L40S", "H100-80GB")
"""The GPUs named when someone asks about running a model themselves: one 24 GB card runs a small open
model; the better open models need 48-80 GB (prices from the core's GPU table)."""


PEAK_FACTOR = 2.0
"""A busy month or day is taken as twice the usual volume when the person says it is busy but not how busy."""


def _over_budget_answer(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang,
                        currency: str | None) -> str:  # fmt: skip
    """ "will it go over my £15 at double the messages?": the pick's cost per 1,000 requests, the month at
    the stated volume and at twice it, and how many requests the budget pays for."""
    if not recommendation or not recommendation.get("recommendations"):
        return t(lang, "about_cost_before")
    rec = Recommendation.model_validate(recommendation)
    top = rec.recommendations[0]
    requests = rec.requirements.volume.requests_per_month
    budget = rec.requirements.budget.monthly_usd
    if top.monthly_cost_usd is None or not requests:
        return t(lang, "about_cost_before")
    per_request = top.monthly_cost_usd / requests
    peak = top.monthly_cost_usd * PEAK_FACTOR
    text = t(lang, "about_over_budget", model=top.model, monthly=render.cost_text(top.monthly_cost_usd, lang, currency),
             requests=f"{requests:,.0f}", peak=render.cost_text(peak, lang, currency),
             per_1k=render.cost_text(per_request * 1000, lang, currency))  # fmt: skip
    if budget:
        covers = budget / per_request if per_request > 0 else None
        key = "about_over_budget_fits" if peak <= budget else "about_over_budget_over"
        text += t(lang, key, budget=render.cost_text(budget, lang, currency),
                  covers=f"{covers:,.0f}" if covers else "?")  # fmt: skip
    return text + t(lang, "about_over_budget_cap")


def _own_hardware_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "Is it cheaper to run it on our own computer?": what a GPU server costs a month, around the
    clock (the core's GPU table), against the API bill when there is a recommendation; when it pays
    off; how to make it a must. A self-hosted pick gets its own sizing (the hardware answer)."""
    rec = Recommendation.model_validate(recommendation) if recommendation and recommendation.get("recommendations") else None
    if rec is not None and rec.recommendations[0].self_hosted:
        return recommendation_answer("hardware", raw, recommendation, lang, currency)

    def month(name: str) -> str:
        return render.cost_text(GPUS[name].hourly_usd * HOURS_PER_MONTH, lang, currency)

    top = rec.recommendations[0] if rec is not None else None
    api = (
        t(lang, "about_own_api", model=render.model_label(top, lang), cost=render.cost_text(top.monthly_cost_usd, lang, currency))
        if top is not None and top.monthly_cost_usd is not None
        else ""
    )
    return t(lang, "about_own_hardware", small_gpu=SMALL_GPU, small=month(SMALL_GPU), large_gpus=" / ".join(LARGE_GPUS),
             large_low=month(LARGE_GPUS[0]), large_high=month(LARGE_GPUS[1]), api=api)  # fmt: skip


def _pick_text(c: Candidate, lang: Lang, currency: str | None) -> str:
    where = t(lang, "self_hosted") if c.self_hosted else provider_display(c.provider_name, c.provider, lang)
    return t(lang, "rec_top", model=render.model_label(c, lang), where=where,
             cost=render.cost_text(c.monthly_cost_usd, lang, currency))  # fmt: skip


def _safety_answer(raw: Mapping[str, Any], lang: Lang, question: str = "") -> str:
    """Where the data goes, how long it is kept (when asked), and what the requirements so far
    already keep out."""
    data = raw.get("data") or {}
    deployment = raw.get("deployment") or {}
    sensitivity = data.get("sensitivity") if isinstance(data, Mapping) else None
    if isinstance(deployment, Mapping) and deployment.get("self_host"):
        kept = t(lang, "about_safety_self_host")
    elif sensitivity in ("confidential", "restricted"):
        kept = t(lang, "about_safety_kept", sensitivity=value_name(str(sensitivity), lang))
    else:
        kept = t(lang, "about_safety_ask")
    said = str(raw.get("use_case") or "")
    cards = t(lang, "about_safety_cards") if _CARD_DATA.search(said) else ""
    health = t(lang, "about_safety_health") if _HEALTH_DATA.search(said) else ""
    retention = t(lang, "about_safety_retention") if RETENTION.search(question) else ""
    identifiers = t(lang, "about_safety_identifiers") if _IDENTIFIERS.search(question + " " + said) else ""
    foreign = t(lang, "about_safety_foreign") if _FOREIGN.search(question) else ""
    return t(lang, "about_safety", kept=kept, cards=cards, health=health, retention=retention) + identifiers + foreign


_IDENTIFIERS = re.compile(
    r"phone|address|names?\b|e-?mail\s+address|personal\s+(?:details|data|info)|手机号|电话|地址|姓名|名字|身份证|个人信息",
    re.IGNORECASE)  # fmt: skip
"""Personal details that a model answering questions does not need: the answer says to leave them out."""
_FOREIGN = re.compile(
    r"chinese|china|american|\bus\b|\busa\b|foreign|abroad|cross\s+(?:that|it|them)\s+off|中国的|美国的|国外|境外|海外|外国",
    re.IGNORECASE)  # fmt: skip
"""A safety question about a provider in another country ("why is there a chinese one on the list?")."""


_CARD_DATA = re.compile(r"card|payment|billing|checkout|银行卡|信用卡|支付|付款|账单", re.IGNORECASE)
_HEALTH_DATA = re.compile(
    r"patient|medical|health|clinic|hospital|doctor|diagnos|病历|患者|病人|医疗|医院|诊所|健康", re.IGNORECASE
)
"""What the person said their texts hold: card and health data each get their own rule only then
(a candle shop's emails are not told about PCI DSS and HIPAA)."""


@dataclass(frozen=True)
class App:
    """A chat app people know, by its names, its maker and the term that finds its models in the catalog."""

    en: str
    zh: str
    maker_en: str
    maker_zh: str
    models: str


CONSUMER_APPS: tuple[tuple[re.Pattern[str], App], ...] = (
    (re.compile(r"chat\s?gpt", re.I), App("ChatGPT", "ChatGPT", "OpenAI", "OpenAI", "chatgpt")),
    (re.compile(r"豆包|doubao", re.I), App("Doubao", "豆包", "ByteDance", "字节跳动", "doubao")),
    (re.compile(r"文心一言|文心|ernie\s?bot|yiyan", re.I), App("ERNIE Bot", "文心一言", "Baidu", "百度", "ERNIE")),
    (re.compile(r"通义千问|通义|tongyi", re.I), App("Tongyi Qianwen", "通义千问", "Alibaba", "阿里巴巴", "Qwen")),
    (re.compile(r"腾讯元宝|元宝|yuanbao", re.I), App("Yuanbao", "腾讯元宝", "Tencent", "腾讯", "Hunyuan")),
    (re.compile(r"\bcopilot\b", re.I), App("Copilot", "Copilot", "OpenAI", "OpenAI", "chatgpt")),
    (re.compile(r"deepseek\s*(?:官网|网页版?|的?app|应用|chat\b|website|app\b)|深度求索(?:官网|app)", re.I),
     App("the DeepSeek app", "DeepSeek 官网和 App", "DeepSeek", "深度求索", "deepseek")),
    (re.compile(r"kimi\s*(?:官网|网页版?|的?app|应用|智能助手|website|app\b)", re.I),
     App("the Kimi app", "Kimi 智能助手", "Moonshot AI", "月之暗面", "kimi")),
    (re.compile(r"claude\.ai|claude\s+(?:app|website)\b", re.I), App("the Claude app", "Claude 应用", "Anthropic", "Anthropic", "claude")),
    (re.compile(r"gemini\s+(?:app|website)\b", re.I), App("the Gemini app", "Gemini 应用", "Google", "谷歌", "gemini")),
)  # fmt: skip
"""Chat apps: a service for a person, not a model an application calls (the seeds' service vs model)."""
_APP_ASK = re.compile(
    r"why\s+not|why\s+(?:don't|can't|do\s+we|not)|just\s+use|instead|can\s+(?:we|i)\s+(?:just\s+)?use|what\s+about|"
    r"how\s+about|uses?\s+it|为啥不|为什么不|怎么不|干嘛不|何必|直接用|直接让|能不能用|可以用|能用|不用|行不行|怎么样",
    re.I,
)


SCANS = re.compile(r"scann|\bscans?\b|扫描|photos? of (?:the )?(?:pages|documents|papers)|拍(?:的)?照片?.{0,4}(?:合同|文件|单据)",
                   re.IGNORECASE)  # fmt: skip
"""A question whether scanned documents can be read ("can it read scanned PDFs?", "能读扫描的PDF吗")."""


PHOTOS = re.compile(
    r"(?:read|understand|handle|see|look\s+at|work\s+with|识别|看懂|看得懂|读|认)\w*.{0,24}"
    r"(?:photos?|pictures?|images?|screenshots?|照片|图片|截图|相片)",
    re.IGNORECASE,
)
"""A question whether photos can be read ("will it read a blurry photo?", "能看懂照片吗")."""


def scans_answer(raw: Mapping[str, Any], images_now: bool, lang: Lang, question: str = "") -> str:
    """Scanned pages and photos are images: yes when the requirements take images (every shortlisted
    model reads them), else what it takes (image input, or the text taken out first) and how to say so."""
    modalities = raw.get("input_modalities") or ()
    photos = SCANS.search(question) is None and PHOTOS.search(question) is not None
    if images_now or "image" in modalities:
        return t(lang, "about_photos_yes" if photos else "about_scans_yes")
    return t(lang, "about_photos_no" if photos else "about_scans_no")


def consumer_apps(question: str) -> list[App]:
    """The chat apps a "why not just use ChatGPT?" / "为啥不直接用文心一言或者豆包" question names, in the
    order it names them; empty when it names none or asks nothing about them."""
    if _APP_ASK.search(question) is None:
        return []
    found = [(m.start(), app) for pattern, app in CONSUMER_APPS if (m := pattern.search(question))]
    return [app for _, app in sorted(found, key=lambda pair: pair[0])]


def app_answer(apps: list[App], recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """A chat app is a service for a person typing; an application calls a model through its maker's API.
    Then each app's models against the recommendation (the core's why-not), or the promise of it."""
    names = [app.zh if lang == "zh" else app.en for app in apps]
    parts = [t(lang, "about_app", apps=t(lang, "and_words").join(names))]
    for app, name in zip(apps, names, strict=True):
        maker = app.maker_zh if lang == "zh" else app.maker_en
        compare = why_not(app.models, recommendation, lang) if recommendation else t(lang, "about_app_later")
        parts.append(t(lang, "about_app_models", app=name, maker=maker, compare=compare))
    return ("" if lang == "zh" else " ").join(parts)


CHAT_STEPS = frozenset({"step_eval", "step_probe", "step_caching", "step_relax"})
"""Next steps whose report wording is for an engineer (a command, a field name, "evaluation set"): the
chat says them in its own words (agent.prompts `chat_<code>`)."""


def chat_step(step: Reason, lang: Lang) -> str:
    """A next step as the chat says it."""
    if step.code not in CHAT_STEPS:
        return say(lang, step).strip()
    listed = step.params.get("names")
    names = ("、" if lang == "zh" else ", ").join(str(n) for n in listed) if isinstance(listed, list) else ""
    size = step.params.get("input")
    tokens = f"{int(size):,}" if isinstance(size, int | float) else ""
    return t(lang, f"chat_{step.code}", names=names, input=tokens)


def why_not_target(question: str) -> str | None:
    """The model a "why not X?" question names, or None."""
    if "which" in about_recommendation(question):
        return None  # "那我到底选哪个？" asks for the pick, it names no model
    # Each sentence on its own: "why not Llama? isn't it free?" names Llama in its first.
    for sentence in [question.strip(), *re.findall(r"[^?？!！。]+[?？!！。]*", question)]:
        m = next((hit for pattern in WHY_NOT if (hit := pattern.search(sentence.strip())) is not None), None)
        if m is not None:
            found = m.group("name") or (m.groupdict().get("name2") or "")
            name = re.sub(r"[呢吗啊呀吧]+$", "", found.strip(" .?？"))
            return name if len(name) >= 2 and not NOT_A_NAME.search(name) else None
    return None


NOT_A_NAME = re.compile(
    r"(?<![a-z])(?:when|if|we|our|us|you|your|i|me|my|they|it|this|that|these|those|get|got|have|has|"
    r"is|are|was|were|do|does|will|would|can|could|next|month|months|week|year|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|christmas|summer|winter)(?![a-z])|"
    r"你|我|他|她|它|那个|这个|那种|这种|任务|类型|对吗|对不对|是不是|月|年|的时候|要是|如果|咋|怎么办|办|啥",
    re.IGNORECASE,
)
"""Words no model name holds: "what about January when we get 5000?" and "你那个任务类型对吗？" name no model."""


def is_framework_question(question: str) -> bool:
    return FRAMEWORK_CUES.search(question) is not None


ASKS_FREE = re.compile(r"\bfree\b|no\s+cost|costs?\s+nothing|免费|不要钱|不花钱|白嫖", re.IGNORECASE)
"""A question that takes an open model to be free ("why not Llama? isn't it free?")."""


def why_not(name: str, recommendation: Mapping[str, Any] | None, lang: Lang, question: str = "") -> str:
    """ "why not X?" answered by the decision core (`tools.decision.why_not`: X's rank, or the hard
    constraints it fails as codes with numbers, and how it compares with #1), in the explainer's
    sentences for `lang`, for the requirements the current recommendation was made for."""
    if not recommendation:
        return t(lang, "whynot_no_rec", name=name)
    req = Requirements.model_validate(recommendation["requirements"])
    catalog = load_catalog()
    answer = decision_why_not(req, catalog, name, lang=lang)
    if answer.status == "not_found" or not answer.text:
        return t(lang, "whynot_not_found", name=name)
    text = list(answer.text)
    model = catalog.models.get(answer.model_key or "")
    if ASKS_FREE.search(question) and model is not None and model.open_weights:
        text.append(t(lang, "whynot_free_open", name=answer.name or name))
    return ("" if lang == "zh" else " ").join(text)


_REGION_WORDS = (
    ("cn", r"在?(?:国内|中国|大陆|境内)"),
    ("eu", r"在?(?:欧盟|欧洲)"),
)
REGION_USE_ZH = re.compile(
    r"(?:^|(?<=[?？。!！;；\s]))\s*(?:这个|那个)?(?P<name>[A-Za-z][A-Za-z0-9.\-]*(?:\s[A-Za-z0-9.\-]+){0,4}?|[\u4e00-\u9fff]{2,6}?)\s*(?:我们?|咱们?)?\s*(?P<where>"
    + "|".join(f"(?P<{code}>{words})" for code, words in _REGION_WORDS)
    + r")\s*(?:能用|可以用|能不能用|可不可以用|用得了|可用|能不能|可以吗|行吗|合规吗)"
)
REGION_USE_EN = re.compile(
    r"(?:can|could)\s+(?:we|i|you)\s+(?:use|get)\s+(?P<name>[A-Za-z][\w.\- ]{1,40}?)\s+(?:from\s+|in\s+)(?:the\s+)?"
    r"(?:(?P<cn>china|mainland\s+china)|(?P<eu>eu|europe|european\s+union))\b|"
    r"is\s+(?P<name2>[A-Za-z][\w.\- ]{1,40}?)\s+(?:available|allowed|ok|okay)\s+in\s+(?:the\s+)?"
    r"(?:(?P<cn2>china|mainland\s+china)|(?P<eu2>eu|europe|european\s+union))\b",
    re.IGNORECASE,
)
"""A question whether a model can be used in a region ("Claude在国内能用吗？", "can we use GPT-5 in
Europe?"): answered as the core's why-not for data that must stay there."""


REGION_EN = {"cn": "mainland China", "eu": "the EU"}


CHECKED: tuple[tuple[str, str], ...] = (
    ("task_type", r"task|job|任务"),
    ("budget.monthly_usd", r"budget|预算"),
    ("volume.requests_per_month", r"volume|how many|requests?|用量|请求|数量"),
    ("languages", r"languages?|语言"),
    ("deployment.data_residency", r"region|where (?:it|the data)|地区|境内|国内|欧盟"),
    ("latency.p95_seconds", r"answer time|speed|latency|响应时间|速度"),
)
_CHECK_ASK = re.compile(
    r"(?:right|correct|wrong|accurate)\s*\??$|did you get|对吗|对不对|没错吧|准吗|是对的吗|有没有搞错|记错|弄错",
    re.IGNORECASE,
)


def checked_paths(question: str) -> list[str]:
    """What "is the task type right?" / "你那个任务类型对吗？" asks to check: the requirement paths it names
    (all of them when it names none: "is that right?"); empty when it checks nothing."""
    if _CHECK_ASK.search(question) is None:
        return []
    named = [path for path, words in CHECKED if re.search(words, question, re.IGNORECASE)]
    return named or [path for path, _ in CHECKED]


def region_question(question: str) -> tuple[str, str] | None:
    """(model as written, region code) of a "can we use X in China/the EU?" question, or None."""
    m = REGION_USE_ZH.search(question)
    if m is not None:
        return m.group("name").strip(), "cn" if m.group("cn") else "eu"
    m = REGION_USE_EN.search(question)
    if m is None:
        return None
    name = (m.group("name") or m.group("name2") or "").strip()
    return name, "cn" if (m.group("cn") or m.group("cn2")) else "eu"


def region_answer(
    name: str, region: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang
) -> str:
    """ "Can we use X in China?": the core's why-not for X under these requirements (the
    recommendation's, else the conversation's so far, the task defaulting to chat) with the data
    required to stay in `region`; and, when that is not yet a requirement, how to make it one."""
    if recommendation:
        base = Requirements.model_validate(recommendation["requirements"]).model_dump(mode="json")
    else:
        base = {"task_type": "chat", "languages": [lang], "volume": {"requests_per_month": 1000}, **dict(raw)}
    deployment = dict(base.get("deployment") or {})
    already = deployment.get("data_residency") == region
    deployment["data_residency"] = region
    try:
        req = parse_requirements({**base, "deployment": deployment}, "conversation")
    except RequirementsError:
        return t(lang, "whynot_not_found", name=name)
    answer = decision_why_not(req, load_catalog(), name, lang=lang)
    if answer.status == "not_found" or not answer.text:
        return t(lang, "whynot_not_found", name=name)
    where = value_name(region, lang) if lang == "zh" else REGION_EN.get(region, region)
    parts = [t(lang, "region_intro", region=where), *answer.text]
    if not already:
        parts.append(t(lang, "region_make_it_a_must", region=where))
    return ("" if lang == "zh" else " ").join(parts)


_WHAT_IS = (
    re.compile(r"(?:^|[.!?？。]\s*)(?:and\s+|so\s+|ok\s+|also\s+)?(?:what|who|wat)(?:'s|s|\s+is|\s+are)\s+(?:this\s+|the\s+)?"
               r"(?P<name>[A-Za-z][\w.\- ]{1,40}?)\s*(?:[?？!,，]|\.(?!\w)|$)", re.IGNORECASE),
    re.compile(r"^\s*(?P<name>[A-Za-z0-9][\w.\- ]{1,40}?|[\u4e00-\u9fff]{2,6}?)\s*(?:是什么|是啥|是哪家的|是谁家的|是什么东西|是干啥的)"),
)


def what_is_targets(question: str) -> list[str]:
    """Every name a what-is question asks about ("what is Muse Spark?", "evroc是什么？", "whats GLM-5.2
    and Berget.AI, never heard of them"); empty when it asks about none."""
    for pattern in _WHAT_IS:
        m = pattern.search(question)
        if m is not None and not NOT_A_NAME.search(m.group("name")) and not _NOT_A_THING.search(m.group("name")):
            return [n.strip() for n in re.split(r"\s+and\s+|\s*[、&和]\s*", m.group("name")) if n.strip()]
    return []


_NOT_A_THING = re.compile(r"(?<![a-z])(?:difference|between|cost|price|point|best|cheapest|plan|problem|catch|idea)(?![a-z])", re.I)
"""Words of a question that is not about a model or provider ("what is the difference between...")."""


def what_is_answer(name: str, lang: Lang) -> str | None:
    """A model or a provider in plain words, from the catalog: who makes it, whether it can be
    downloaded, what it reads, and its maker's list price with its source and date; a provider's
    kind and where it serves from. None when the catalog knows neither."""
    catalog = load_catalog()
    found, exact = find_models(catalog, name)
    if found:
        # a family name ("DeepSeek", "Muse Spark"): its newest model with a maker's price
        model = found[0] if exact else max(found, key=lambda m: (
            any(o.tier == "maker" for o in catalog.offerings_of(m.key)), m.release_date or date.min, len(m.ratings), m.name))
        offerings = catalog.offerings_of(model.key)
        own = next((o for o in offerings if o.tier == "maker" and o.pricing is not None), None)
        price = (
            t(lang, "what_model_price", provider=provider_display(own.provider_name, own.provider, lang),
              input=f"{own.pricing.tiers[0].input:g}", output=f"{own.pricing.tiers[0].output:g}",
              source=own.pricing.source, date=own.pricing.as_of.isoformat())
            if own is not None and own.pricing is not None and own.pricing.tiers
            else t(lang, "what_model_no_price")
        )  # fmt: skip
        reads = ("、" if lang == "zh" else ", ").join(value_name(m, lang) for m in model.input_modalities)
        kind = t(lang, "what_model_open" if model.open_weights else "what_model_closed")
        maker = own.provider_name if own is not None else (model.maker or "?")
        return t(lang, "what_model", name=model.name, maker=maker, kind=kind, reads=reads, price=price)
    wanted = name.strip().lower()
    offerings = [o for o in catalog.offerings.values() if wanted in (o.provider.lower(), o.provider_name.lower())]
    if not offerings:
        return None
    first = offerings[0]
    regions = sorted({o.region for o in offerings if o.region})
    where = ("、" if lang == "zh" else ", ").join(value_name(r, lang) for r in regions) or t(lang, "what_provider_region_unknown")
    return t(lang, "what_provider", name=provider_display(first.provider_name, first.provider, lang),
             tier=value_name(first.tier, lang), n=len({o.model for o in offerings}), where=where)  # fmt: skip


def pick_change(previous: Mapping[str, Any] | None, rec: Recommendation, lang: Lang) -> str:
    """When a change moved the top pick: from which model to which, and why, from the core's own
    why-not (the new pick failed a hard constraint before, or the old one fails one now, or the order
    changed) and the quality gap. Empty when there was no pick before or it stayed the same."""
    old_top = (previous or {}).get("recommendations") or []
    if not old_top or not rec.recommendations:
        return ""
    old_key, old_name = old_top[0].get("model_key"), old_top[0].get("model")
    new = rec.recommendations[0]
    if old_key == new.model_key or not old_name:
        return ""
    catalog = load_catalog()
    before = Requirements.model_validate(previous["requirements"])  # type: ignore[index]
    was = decision_why_not(before, catalog, new.model_key, lang=lang)
    now = decision_why_not(rec.requirements, catalog, str(old_key), lang=lang)
    sep = "" if lang == "zh" else " "
    parts = [t(lang, "pick_changed", old=old_name, new=new.model)]
    if was.status == "eliminated" and was.failures:
        why = failure_line(was, was.failures[0], lang, earlier=True)
        parts.append(t(lang, "pick_changed_was_out", new=new.model, why=why))
    elif now.status == "eliminated" and len(now.text) > 1:
        parts.append(t(lang, "pick_changed_now_out", old=old_name, why=now.text[1]))
    elif was.rank is not None:
        parts.append(t(lang, "pick_changed_rank", new=new.model, rank=was.rank))
    delta = now.vs_top.quality_delta if now.vs_top is not None else None  # old pick minus new pick
    if delta is not None and delta < 0:
        parts.append(t(lang, "pick_changed_quality", new=new.model, d=f"{-delta:.1f}"))
    elif delta is not None and delta > 0:
        parts.append(t(lang, "pick_changed_cheaper", new=new.model, d=f"{delta:.1f}"))
    return sep.join(parts)


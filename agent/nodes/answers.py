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
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from whichmodel.agent.brain import lexicon as lx
from whichmodel.agent.brain.hant import to_simplified
from whichmodel.agent.brain.lexicon import STAY_INSIDE, WORKERS
from whichmodel.agent.brain.offline import understand as read_message
from whichmodel.agent.glossary import lookup as glossary_lookup
from whichmodel.agent.nodes import places, render
from whichmodel.agent.nodes.render import t
from whichmodel.knowledge.availability import (
    AS_OF,
    CHINESE_MAKERS,
    MAKER_ALIASES,
    MAKERS,
    PLACES,
    Maker,
    maker_named,
    place_named,
)
from whichmodel.knowledge.catalog.curated import MAKERS_IN_CHINA, PROVIDER_JURISDICTIONS, PROVIDER_PARENT_LAWS
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.knowledge.products import AS_OF as PRODUCTS_AS_OF
from whichmodel.knowledge.products import PRODUCTS, Product
from whichmodel.knowledge.units import (
    DAYS_PER_MONTH,
    RATES_AS_OF,
    SPOKEN_WORDS_PER_MINUTE,
    SYMBOL,
    TOKENS_PER_WORD,
    USD_PER,
    ZH_NAME,
    Lang,
    from_usd,
    has_han,
    money,
)
from whichmodel.tools.decision import Requirements, RequirementsError, parse_requirements
from whichmodel.tools.decision import why_not as decision_why_not
from whichmodel.tools.decision.adaptation import choose_adaptation
from whichmodel.tools.decision.adaptation_text import word_adaptation
from whichmodel.tools.decision.explain import (
    JURISDICTION_RISKS,
    on_quality_scale,
    say,
    task_name,
    warning_labels,
)
from whichmodel.tools.decision.explain import t as explain_t
from whichmodel.tools.decision.filters import user_region
from whichmodel.tools.decision.gpus import GPUS, workstation_for
from whichmodel.tools.decision.names import language_name, provider_display, value_name
from whichmodel.tools.decision.ranking import LANGUAGE_CATEGORIES
from whichmodel.tools.decision.result import Adaptation, Candidate, Reason, Recommendation
from whichmodel.tools.decision.selfhost import HOURS_PER_MONTH
from whichmodel.tools.decision.whynot import TIER_ORDER, failure_line, find_models
from whichmodel.tools.report.titles import use_case_summary

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
    question = to_simplified(question)
    return (
        ADAPTATION_CUES.search(question) is not None and re.search(DATA_USE, question, re.IGNORECASE) is None
    )


def _core_raw(raw: Mapping[str, Any]) -> dict[str, Any]:
    """`raw` as the decision core validates it (agent.tools.for_core: no zero budget)."""
    from whichmodel.agent.tools import for_core  # the tools layer, as the recommend node calls it

    return for_core(raw)


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
            req = parse_requirements(_core_raw(raw), "conversation")
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
    r"what\s+(?:i|we)\s+(?:should\s+|must\s+|have\s+to\s+|need\s+to\s+)?do\s+(?:now|next|first)|next steps?|what now|what next|how do (?:i|we) (?:get started|sign up|start using)|(?:sign|signing) up|register|"
    r"下一步|接下来|然后(?:呢|该|要)|(?:怎么|怎样|咋)开始|要注册|注册(?:啥|什么|哪)|具体(?:怎么|咋)(?:做|弄|办)|明天(?:该|要)?(?:干|做)|"
    r"(?:应该|该|要)(?:咋|怎样)做"  # "我而家應該點做？" read through hant.to_simplified
)
"""Asks what to do next ("what do I actually do next?", "接下来做什么")."""

DATA_USE = (
    r"keeps?\s+(?:a\s+)?cop(?:y|ies)|(?:keep|store|retain|save)s?\s+(?:our|my|the|their|customers?'?|clients?'?)\b|"
    r"retention|used?\s+(?:it\s+|them\s+|our\s+\w+\s+)?(?:to|for)\s+train|train(?:s|ed)?\s+(?:the\s+ai\s+|it\s+)?on\s+(?:our|my|their)|"
    r"(?:they|it|you|the\s+(?:provider|company|maker|ai))\s+(?:\w+\s+){0,2}?train\w*\s+(?:\w+\s+){0,3}?(?:on|with|using)\s+"
    r"(?:our|my|the|their|customers?'?|clients?'?|patients?'?)\s|"
    r"(?:our|my|the|customers?'?|clients?'?)\s+(?:\w+\s+){0,2}?(?:data|documents|files|contracts|invoices|emails|chats)\s+"
    r"(?:\w+\s+){0,3}?(?:used\s+)?(?:for|to|in)\s+(?:train|the\s+training)|"
    r"(?:保存|保留|存储|留存|存)(?:我们|我们的|客户|用户)?的?(?:数据|资料|文件|发票|合同|邮件)|"
    r"(?:拿|用|把)[^，。？?！!；;]{0,14}?(?:去|来|拿去|用来|用于)?(?:训练|[训訓][练練])|被?用于训练|训练(?:他们|它)的?模型|"
    r"(?:数据|资料|文件|合同|简历|对话)[^，。？?！!；;]{0,8}(?:训练|[训訓][练練])"
)
"""A question whether the provider keeps the data or trains on it ("Does the AI company keep copies of
our invoices? Could they be used to train the AI?"): a safety question, not one about training a model."""
RETENTION = re.compile(
    r"keeps?\s+(?:a\s+)?cop(?:y|ies)|(?:keep|store|retain|save)s?\b|retention|保存|保留|存储|留存",
    re.IGNORECASE,
)
"""A safety question that asks how long the provider keeps the data (answered with the retention rule)."""

HARM = re.compile(
    r"allerg|\bnuts?\b|nut[\s-]?free|gluten|peanut|花生|坚果|麸质|hospital|\bdie\b|injur|poison|medic|dose|過敏|过敏|医院|出人命|中毒|吃坏|剂量",
    re.IGNORECASE,
)
"""A wrong answer that could hurt someone (allergens, medicines): the mistakes answer says to keep those from the model."""

CURRENCIES: tuple[tuple[str, str, str, str], ...] = (
    ("AUD", r"aussie|australian\s+dollars?|\baud\b|\ba\$|澳元|澳币|澳大利亚元", "Australian dollars", "澳元"),
    ("TWD", r"新?台币|\btwd\b|\bntd?\$|\bntd\b|taiwan(?:ese)?\s+dollars?", "New Taiwan dollars", "新台币"),
    ("HKD", r"港币|港元|\bhkd\b|\bhk\$|hong\s+kong\s+dollars?", "Hong Kong dollars", "港元"),
    ("NZD", r"\bnzd\b|\bnz\$|new\s+zealand\s+dollars?|kiwi\s+dollars?|纽元|纽币", "New Zealand dollars", "纽元"),
    ("CAD", r"\bcad\b|\bc\$|canadian\s+dollars?|加元|加币", "Canadian dollars", "加元"),
    ("SGD", r"\bsgd\b|\bs\$|singapore\s+dollars?|新加坡元|新币", "Singapore dollars", "新加坡元"),
    ("GBP", r"pounds?\b|\bquid\b|\bgbp\b|£|英镑", "pounds", "英镑"),
    ("EUR", r"euros?\b|\beur\b|€|欧元", "euros", "欧元"),
    ("JPY", r"\byen\b|\bjpy\b|日元|日圆|日币", "yen", "日元"),
    ("CNY", r"人民币|\brmb\b|\bcny\b|\byuan\b", "yuan", "人民币"),
    ("KES", r"\bkes\b|\bk(?:e\s?)?sh\b|(?:kenyan\s+)?shillings?\b|肯尼亚先令", "Kenyan shillings", "肯尼亚先令"),
    ("NGN", r"\bngn\b|naira|奈拉", "naira", "尼日利亚奈拉"),
    ("BRL", r"\bbrl\b|\br\$|reais|雷亚尔", "Brazilian reais", "巴西雷亚尔"),
    ("MXN", r"\bmxn\b|\bmx\$|mexican\s+pesos?|墨西哥比索", "Mexican pesos", "墨西哥比索"),
    ("IDR", r"\bidr\b|rupiah|印尼盾", "rupiah", "印尼盾"),
    ("PHP", r"philippine\s+pesos?|₱|菲律宾比索", "Philippine pesos", "菲律宾比索"),
    ("VND", r"\bvnd\b|vietnamese\s+dong|越南盾", "Vietnamese dong", "越南盾"),
    ("THB", r"\bthb\b|\bbaht\b|泰铢", "baht", "泰铢"),
    ("MYR", r"\bmyr\b|ringgit|林吉特|令吉", "ringgit", "马来西亚林吉特"),
    ("KRW", r"\bkrw\b|korean\s+won|韩元", "won", "韩元"),
    ("INR", r"\binr\b|rupees?|₹|卢比", "rupees", "印度卢比"),
    ("ZAR", r"\bzar\b|\brands?\b|兰特", "rand", "南非兰特"),
    ("CHF", r"\bchf\b|swiss\s+francs?|瑞士法郎", "Swiss francs", "瑞士法郎"),
    ("SEK", r"\bsek\b|swedish\s+(?:kronor|krona)|瑞典克朗", "Swedish kronor", "瑞典克朗"),
    ("USD", r"\busd\b|\bus\$|\bus\s+dollars?|american\s+dollars?|美元|美金", "US dollars", "美元"),
)  # fmt: skip
"""Currencies a question can name (ISO code, its words, its name in EN/ZH): only to read which one a
"is that in Aussie dollars?" / "一个月多少台币？" question asks about. The rates are knowledge.units'
(USD_PER); a currency without a rate there is named, not converted."""

_CURRENCY_WORDS = "|".join(f"(?:{words})" for _, words, _, _ in CURRENCIES)
CURRENCY_ASK = (
    r"(?:in|into|to)\s+(?:"
    + _CURRENCY_WORDS
    + r")|(?:"
    + _CURRENCY_WORDS
    + r")\s+or\s+(?:"
    + _CURRENCY_WORDS
    + r"|(?-i:US)\b)|"
    r"(?:which|what)\s+currency|exchange\s+rate|"
    r"多少(?:钱)?(?:" + _CURRENCY_WORDS + r")|(?:是|按|用)(?:" + _CURRENCY_WORDS + r")(?:还是|吗|算|计)|"
    r"(?:"
    + _CURRENCY_WORDS
    + r")(?:还是|吗|呢|[?？])|什么(?:货币|币种|钱)|哪种(?:货币|币)|币种|汇率|换算|折合"
)
"""A question in which currency the figures are, or what they are in another ("is that $37.50 in Aussie
dollars or US?", "一个月大概要多少台币？")."""

COST_REAL = (
    r"really\s+(?:that|so|this|only|just)\s+(?:cheap|little|low)|(?:too|so|very|suspiciously|surprisingly)\s+cheap|"
    r"seems?\s+(?:\w+\s+)?(?:cheap|low)|what'?s\s+the\s+catch|hidden\s+(?:costs?|fees?)|"
    r"(?:is|are)\s+(?:that|this|those|these)\s+(?:figures?|prices?|costs?|numbers?)\s+(?:real|right|correct|accurate)|"
    r"太便宜|这么便宜|那么便宜|便宜得|真有这么便宜|(?:是不是|会不会|有没有)算错|"
    r"(?:块|元|钱|费用|价格|价钱|成本)[^，,。？?！!；;]{0,4}(?:是真的|真的吗|靠[谱譜]|准吗|准不准|对吗|可信)"
)
"""A question whether a monthly figure can really be that low ("每月九十多块是真的吗，感觉太便宜了")."""

SETUP = (
    r"go\s+(?:on|to)\s+(?:the\s+)?[\w.]+(?:'s)?\s+(?:website|site|page)|type\s+(?:in\s+)?(?:my|our|the)\s+\w+|"
    r"copy(?:[\s-]*(?:and|&|n)?[\s-]*)paste|copy\s+(?:it\s+|them\s+)?(?:in|into|out|over)\b|"
    r"who\s+(?:\w+\s+){0,2}?(?:puts?|sets?\s+(?:it\s+|this\s+)?up|installs?|builds?|adds?|does\s+(?:it|this|that|the)|makes?\s+(?:it|this))\b|"
    r"what\s+(?:do|should|would)\s+(?:i|we)\s+(?:actually\s+|then\s+|even\s+)?(?:tell|ask)\s+(?:our|my|the|an?)\s+"
    r"(?:it|tech|web|developer|supplier|provider|agency|freelancer|designer|nephew)|"
    r"(?:do|would|will)\s+(?:i|we)\s+(?:\w+\s+)?(?:need|have)\s+to\s+(?:write\s+(?:any\s+)?|know\s+(?:how\s+to\s+)?|learn\s+(?:to\s+)?)?(?:code|program|coding)|"
    r"(?:need|hire)\s+(?:a\s+|an\s+)?(?:developer|programmer|coder|it\s+person)|(?:any|some)\s+coding|"
    r"what\s+do\s+(?:i|we)\s+(?:actually\s+|really\s+)?do(?:\s*[,?，]|\s+(?:then|with\s+it|exactly)\b)|"
    r"how\s+do\s+(?:i|we)\s+(?:actually\s+)?(?:set\s+(?:it|this)\s+up|use\s+(?:it|this|the\s+model))|"
    r"(?:要|需要|得|必须)(?:不要)?(?:自己|我们自己|我自己)?(?:会)?(?:写|编)(?:代码|程序|程式)|要不要(?:自己)?(?:写|编)(?:代码|程序|程式)|"
    r"(?:需要|要)(?:会)?编程|(?:具体)?(?:我|我们)?(?:要|该|应该|得)?怎么(?:开始|上手|用起来|操作|弄起来|搭)|"
    r"谁(?:来)?(?:帮(?:我们|我)|给(?:我们|我))?(?:装|弄|做|接|搭|放|部署|设置|安装)|"
    r"(?:跟|和|让|叫|给)(?:我们的?)?(?:技术|外包|供应商|服务商|网站公司|建站公司|电脑公司|开发)[^，。？?]{0,10}(?:说|讲|要|做|交代)|"
    r"复制粘贴|复制[^，。？?]{0,6}粘贴"
)
"""A question how to get started, whether code is needed and who sets it up ("So what do I actually do,
go on the Anthropic website and type in my cakes?", "Can I not just copy and paste from the chat app?",
"Who actually puts the chatbot on our website?", "要写代码吗？", "what do I tell our IT supplier?")."""


CONTRADICTION = re.compile(
    r"到底(?:哪个|哪一个|哪种|该听哪)(?:对|是对的|才对)?|哪个说法(?:对|才对)|前后矛盾|自相矛盾|说法不一样|"
    r"contradict|which\s+(?:one\s+)?is\s+(?:it|right|true)\b|you\s+said\s+.{0,60}\s+(?:now|but\s+now)\b|"
    r"before\s+you\s+said\b|(?:so|ok|i'?m)\s+confused",
    re.IGNORECASE,
)
"""The person points out two answers that seem to disagree ("before you said the app, now API keys??")."""


LEGAL_DOMAIN_NOUNS = (
    r"(?:[a-z]+\s+)?(?:texts?|documents?|docs|papers?|contracts?|translations?|translating|translators?|writing|work|"
    r"field|domain|sector|terminology|terms|language|english|german|french|spanish|content|material|files?|"
    r"briefs?|opinions?|drafting|firms?|practice|office|industry|questions?\s+(?:about|on)\s+(?:the\s+)?model)\b"
)
"""Nouns that make "legal" (or "law") the person's field or the kind of text, not a question whether
something is allowed: "which model is best for German legal texts?", "we are a law firm"."""

ABOUT_RECOMMENDATION: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("safety", re.compile(
        r"\bsafe|secur|privacy|private|hipaa|gdpr|\bpci\b|leak|who (?:can )?sees?|cross\s+(?:that|it|them)\s+off|"
        r"(?:chinese|american|foreign)\s+(?:one|provider|model|company)|"
        r"(?:health|patient|medical|personal|customer|card)\b.{0,40}(?:problem|\bok\b|okay|allowed|issue|risk)|"
        r"安全|隐私|泄露|泄漏|合规|保密|会不会被|"
        r"where\s+(?:does|will|is|are)\s+(?:the\s+|our\s+|my\s+)?data\s+(?:go|stored|kept|held|processed)|data\s+(?:stays?|leaves?)\b|"
        r"(?:数据|资料|文件|发票)[^。？?！!]{0,8}(?:传|发|存|留|放|跑)(?:到|在|去)?(?:国外|境外|海外|国内|境内)|"
        r"(?:数据|资料)(?:的)?(?:去向|存在哪|放在哪|在哪里?处理|去哪)|在国内还是(?:在)?国外|会不会出境|服务器在哪|"
        r"where\s+are\s+(?:the|their|its)\s+servers|" + DATA_USE, re.IGNORECASE)),
    ("cost", re.compile(
        r"how much|\bcosts?\b|price|per month|a month\b|spend|\bbill\b|(?<!already )(?<!i )(?<!we )pay\b|"
        r"多少钱|费用|花多少|价格|成本|贵不贵|贵吗|贵很多|会不会(?:很|太)?贵|更贵|包括服务器|一个月要|"
        r"cost\s+(?:a\s+lot\s+)?more|more\s+expensive", re.IGNORECASE)),
    ("currency", re.compile(CURRENCY_ASK, re.IGNORECASE)),
    ("cost_real", re.compile(COST_REAL, re.IGNORECASE)),
    ("hardware", re.compile(
        r"hardware|\bgpus?\b|graphics card|buy (?:a )?(?:computer|server|machine)|what (?:do we|should we) (?:need|prepare)|"
        r"硬件|显卡|服务器.{0,4}(?:准备|买|配置)|(?:准备|买|配置).{0,6}服务器|需要准备什么|买(?:台|个|一台|新)?(?:电脑|主机)", re.IGNORECASE)),
    ("own_hardware", re.compile(
        r"(?:our|my) own (?:computers?|servers?|machines?|pcs?|hardware|gpus?)|on[- ]prem|in (?:the|our) office|"
        r"(?:run|host)\w* (?:it |them |a model )?(?:ourselves|locally|ourself)|"
        r"自己的(?:电脑|服务器|机器|显卡)|本地(?:跑|部署|运行)|自己(?:跑|部署|搭)", re.IGNORECASE)),
    ("law", re.compile(
        r"\b(?:legal(?!\s+(?:" + LEGAL_DOMAIN_NOUNS + r"))|legally|allowed|lawful|permitted)\b|\blaw\b(?!\s+(?:" + LEGAL_DOMAIN_NOUNS + r"))|\b(?:rules|regulations?)\s+(?:in|for|about|on)\b|(?:what|which)\s+(?:are\s+)?(?:the\s+)?(?:privacy\s+)?(?:rules|regulations?)\b|does\s+(?:that|it|this|gdpr)\s+(?:count|apply)|uk\s+gdpr|合法|违法|法律|法规|允许(?:吗|不)", re.IGNORECASE)),
    ("mistakes", re.compile(
        r"wrong\s+(?:answer|advice|exercise|information|info|thing)|(?:gives?|tells?|says?)\s+(?:\w+\s+){0,3}(?:wrong|incorrect)|"
        r"makes?\s+(?:a\s+)?mistakes?|gets?\s+(?:[\w']+\s+){0,3}wrong|hallucinat|"
        r"(?:says?|tells?)\s+(?:[\w']+\s+){0,6}(?:when|but|if|and)\s+(?:it|they|that)\s+(?:is|isn'?t|isnt|does|doesn'?t)|"
        r"what\s+if\s+it\s+.{0,60}(?:isn'?t|isnt|wrong|not\s+true)|万一.{0,20}(?:其实|说错|搞错|答错|不对)|"
        r"allerg|end\s+up\s+in\s+(?:hospital|a&e|the\s+er)|"
        r"\breliab|\btrust(?:worthy)?\b|how\s+accurate|is\s+it\s+accurate|(?:sort|classif|label|tag|put)\w*\s+(?:\w+\s+){0,3}wrong|"
        r"答错|回答错|说错|回错|出错|乱说|瞎说|胡说|不准|过敏|吃出(?:问题|毛病)|出了事|"
        r"[分判标认读填算打]错|弄错|搞错|错了(?:怎么办|咋办|怎么弄)|会不会(?:有|出)?错|有没有错|"
        r"(?:^|[，,。？?！!；;\s])[^，,。？?！!；;\d块元钱价费]{0,8}(?:靠[谱譜]|可靠|准不准|准确吗|信得过)", re.IGNORECASE)),
    ("no_dev", re.compile(
        r"(?:don'?t|do\s+not|can'?t|cannot)\s+(?:write\s+)?(?:code|program)|no\s+(?:developers?|programmers?|it\s+person|tech\s+person|coder)|"
        r"not\s+(?:very\s+|at\s+all\s+)?(?:technical|techy|a\s+tech\s+person)|not\s+techy|不会(?:写)?(?:程序|代码|编程)|没有(?:程序员|技术人员|技术)|不懂技术|不懂电脑|"
        r"不(?:太)?会技术|不(?:太)?会(?:用)?电脑|没有\s*it\b|no\s+it\s+(?:people|staff|person|department)|(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?it\s+(?:people|staff)", re.IGNORECASE)),
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
        r"手机上|用手机|手机(?:app|应用)|网页版|下载(?:个)?(?:app|应用)|聊天(?:的那个|网页|页面|应用|软件)|"
        r"(?:just\s+)?use\s+(?:the\s+|a\s+)?chat\s*(?:app|website|page|thing)", re.IGNORECASE)),
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
        r"which (?:one|model|of them|apps?|tool|service|chat\s*app)\b|which (?:is|would be|'s) (?:the )?(?:best|cheapest|right|better|most)|"
        r"which (?:should|do|would|can|shall) (?:i|we) (?:actually |just )?(?:use|pick|choose|go with|get|try)\b|"
        r"what (?:should|do|would|can) (?:i|we) (?:actually |just )?(?:pick|choose|use|go with|get)\b|"
        r"what (?:i|we) (?:should|must|need to) (?:actually |just )?(?:pick|choose|use|go with|get)\b|what(?:'s| is) (?:the )?(?:best|cheapest) (?:one|option|model)|" + NEXT_STEP + "|"
        r"where do (?:i|we) start|how do (?:i|we) (?:start|begin)|"
        r"what do you recommend|your (?:pick|recommendation)|why (?:this|that|did you (?:pick|choose|recommend))|"
        r"推荐哪(?:一)?个|[用选]哪(?:一)?(?:个|款|家)|哪(?:一)?个(?:最|更)?(?:好|便宜)|效果(?:最)?好的|最便宜|便宜的|分别是哪|为什么推荐|"
        r"怎么开始|该怎么做|该干嘛|该做什么|要做什么|(?:到底|究竟|那|该|应该)(?:要|该)?用(?:什么|啥)|用(?:什么|啥)(?:好|比较好|最好)|"
        r"用边个|用乜|点拣", re.IGNORECASE)),
    ("setup", re.compile(SETUP, re.IGNORECASE)),
    ("too_expensive", re.compile(
        r"too\s+(?:expensive|pricey|much)|(?:that'?s|it'?s|way)\s+(?:a\s+lot|so\s+much)|can'?t\s+afford|"
        r"太贵|好贵|这么贵|那么贵|贵了吧|贵死|负担不起|付不起|太离谱|[一每]个?月(?:要)?[\d一二两三四五六七八九十几]+多?万", re.IGNORECASE)),
    ("summary_step", re.compile(
        r"(?:do|does|will|can)\s+(?:that|it|this|they)\s+(?:\w+\s+){0,3}?(?:summar|minutes|the\s+notes)|"
        r"summar\w*\s+(?:bit|part|step)|just\s+(?:the\s+)?(?:typing|transcri)|"
        r"(?:也|还)?(?:能|会|包括|管)(?:写|做|出)?(?:摘要|总结|纪要)(?:吗|不|嘛)|只(?:是|管)?(?:转|打)(?:文字|字)", re.IGNORECASE)),
    ("dpo", re.compile(
        r"data\s+protection\s+officer|\bdpo\b|past\s+(?:our\s+)?(?:it|legal|compliance)|(?:our|the)\s+(?:it|legal|compliance)\s+(?:team|department|people)\s+(?:\w+\s+){0,3}?(?:approve|sign|check|agree)|"
        r"sign[\s-]?off|数据保护(?:官|负责人)|法务|合规部门|信息(?:科|部|中心)(?:那边|审批|同意)", re.IGNORECASE)),
    ("contradiction", re.compile(CONTRADICTION.pattern, re.IGNORECASE)),
)  # fmt: skip
_MORE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("eu_instead", re.compile(
        r"(?:what\s+if|how\s+about|could|can|would)\s+(?:\w+\s+){0,4}?(?:in|to)\s+(?:the\s+)?(?:eu|europe|european\s+union)\b(?:\s+instead)?|"
        r"(?:eu|europe)\s+(?:instead|be\s+ok|be\s+okay|be\s+fine|ok|okay)|"
        r"(?:欧盟|欧洲)(?:也)?(?:行|可以|可不可以)(?:吗|不)?|换成(?:欧盟|欧洲)", re.IGNORECASE)),
)  # fmt: skip
ABOUT_RECOMMENDATION = ABOUT_RECOMMENDATION + _MORE_KINDS
_KEEP_IN_ZH = r"(?:不出|不离开|不传出|不传到外面|不外传|只留在|留在)(?:我们)?(?:医院|院内|本院|诊所|公司|单位|机构|本地|内网|这里|自己)"
KEEP_IN = re.compile(
    _KEEP_IN_ZH + r"|"
    r"(?:never|not|doesn'?t|don'?t)\s+(?:\w+\s+)?leav\w*\s+(?:the|our|my)\s+(?:building|clinic|hospital|office|premises|servers?)|"
    r"stays?\s+(?:in|inside|within|on)\s+(?:the|our|my)\s+(?:building|clinic|hospital|office|premises|own\s+servers?)",
    re.IGNORECASE,
)
"""The data must stay in the building ("数据不出医院", "the notes never leave the clinic")."""
MAY_USE = re.compile(
    r"\byes\s+or\s+no\b|(?:can|could|may)\s+(?:we|i)\s+(?:\w+\s+)?use\s+(?:[\w.\-]+\s+){1,3}?(?:for|with|on)\s+(?:\w+\s+)?"
    r"(?:patients?|clients?|customers?|medical|health|clinical|personal|confidential|sensitive|private)\b|"
    r"(?:ok|okay|fine|allowed)\s+to\s+use\s+(?:[\w.\-]+\s+){1,3}?(?:for|with|on)\s+(?:\w+\s+)?(?:patients?|clients?|medical|health|clinical)\b|"
    r"(?:数据|信息|资料|病历|隐私)[^。？?！!]{0,10}" + _KEEP_IN_ZH + r"[^。？?！!]{0,24}"
    r"(?:能不能|可不可以|能否|行不行|可以吗|行吗|能做|做得了|能行|做不做得到)|"
    r"(?:病人|患者|客户|病历)[^。？?！!]{0,10}(?:能不能|可不可以|能否|可以)用[^。？?！!]{0,16}(?:吗|[?？])",
    re.IGNORECASE,
)
"""A plain yes/no question whether a model may be used for the person's data ("can we use Claude for
patient notes here in Ontario, yes or no?", "数据不出医院，能不能做？"): answered yes or no first."""
CAN_AI = re.compile(
    r"(?:can|could|may|should)\s+(?:i|we)\s+(?:just\s+|also\s+|first\s+)?(?:use|have|let|get)\s+(?:the\s+)?"
    r"(?:ai|it|a\s+model|chatgpt|claude|gemini)\b(?!\s+(?:app|api|model)\b)|"
    r"(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|fine|safe|allowed)\s+to\s+(?:use|have|let)\s+(?:the\s+)?(?:ai|it)\b|"
    r"\bcan\s+(?:the\s+)?ai\s+(?:write|draft|do|handle|help\s+with|prepare)\b|"
    r"(?:能不能|可不可以|能否|可以|能)(?:先|直接|也|就)?(?:用|让|叫|拿)\s*(?:ai|人工智能|大模型|模型|它|机器)|"
    r"(?:用|让|交给)\s*(?:ai|人工智能|大模型)[^。？?！!]{0,16}(?:能不能|可不可以|行不行|可以吗|行吗|能行吗|靠谱吗|吗)",
    re.IGNORECASE,
)
"""Whether AI may do a task of the person's own ("随访短信能不能先用AI写？", "could we have AI draft the
reminder letters?"): answered yes-on-conditions from what the conversation knows, never "I can't answer"."""
BARE_YES_NO = re.compile(
    r"(?:(?:so|ok|okay|well|just|please)\s+)*(?:tell\s+me\s+)?(?:straight\s+|plainly\s+)?(?:yes\s+or\s+no|can\s+(?:i|we)\s+or\s+not|"
    r"(?:can|could)\s+(?:i|we)\s+(?:do\s+it|or\s+not)|is\s+it\s+(?:ok|possible)\s+or\s+not)(?:\s+(?:then|please))?|"
    r"(?:那|所以)?(?:你|您)?(?:就|能|可以|干脆)?(?:直接|明确|痛快)?(?:地)?(?:告诉我|说|讲)?(?:一下)?(?:到底)?(?:是)?"
    r"(?:能不能|可不可以|行不行|可以不可以|能否|做不做得了|能做吗|可以吗|行吗)(?:做|用|行|写)?(?:吧|啊|呢|嘛)?",
    re.IGNORECASE,
)
"""A yes/no demand that names nothing ("你就直接告诉我能不能做", "just tell me yes or no"): it asks the
person's previous question again, which is what gets answered."""
ABOUT_RECOMMENDATION = (*ABOUT_RECOMMENDATION, ("may_use", MAY_USE), ("can_ai", CAN_AI))
"""Questions about the recommendation itself, by kind (every kind a question asks): answered from its data."""


def besides_why_not(
    kinds: list[str], question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None
) -> list[str]:
    """The questions a "why not X?" / "why not just use ChatGPT?" message also asks, to be answered after
    the comparison ("so what do I actually do? and why not ChatGPT?"): not the ones the comparison
    already answers (which to use, how much, whether it is free; the app answer covers using the app,
    and, when the app is enough, how to start)."""
    covered = {"which", "cost", "free"}
    if consumer_apps(question):
        by_hand = _hand_band(raw, recommendation, question) in ("app", "both")
        covered |= {"app_use"} | ({"setup"} if by_hand else set())
    return [k for k in kinds if k not in covered]


def asks_next_step(question: str) -> bool:
    return re.search(NEXT_STEP, question, re.IGNORECASE) is not None


HEALTH_LAW_PLACES = frozenset({"ca", "au", "eu", "cn", "us"})
"""Places whose own health-data rule the safety answer names (`about_safety_health_<place>`); the UK adds
its own sentence to the generic US/EU one."""
LAW_BY_PLACE: dict[str, str] = {"uk": "uk", "eu": "eu", "cn": "cn", "ca": "ca", "au": "au"}
"""Where the person is (`Requirements.location`) -> whose privacy rules an answer names (`about_law_<key>`)."""
LAW_BY_PLACE_NAME: dict[str, str] = {"India": "in", "印度": "in", "the Philippines": "ph", "菲律宾": "ph"}
"""A place kept by name under location "other" (the chat's `place`) -> whose privacy rules an answer names."""


def person_region(raw: Mapping[str, Any], currency: str | None) -> str:
    """Whose data-protection law a "is it allowed?" answer names: the stated data residency, else the
    budget's currency (pounds: the UK; euros: the EU; yuan: China), else the languages ("eu" for an EU
    language, "cn" for Chinese first); "other" when nothing says."""
    deployment = raw.get("deployment") or {}
    residency = deployment.get("data_residency") if isinstance(deployment, Mapping) else None
    by_currency = {"GBP": "uk", "EUR": "eu", "CNY": "cn", "INR": "in", "PHP": "ph"}
    if residency == "uk":  # "it has to stay in the UK": the UK's law
        return "uk"
    where = raw.get("location")
    if residency is None and isinstance(where, str) and where in LAW_BY_PLACE:  # "we're in Toronto": Canada's
        return LAW_BY_PLACE[where]
    if residency is None and where == "other" and raw.get("place") in LAW_BY_PLACE_NAME:  # "a bakery in Cebu"
        return LAW_BY_PLACE_NAME[str(raw["place"])]
    if residency is None and currency in by_currency:  # "₹800 a month", "a school in Pune" (India's money): India's
        return by_currency[currency]
    try:  # the core's rule for the person's region (stated residency, else the languages)
        region, _ = user_region(
            parse_requirements({"task_type": "chat", "use_case": "-", **_core_raw(raw)}, "conversation")
        )
    except RequirementsError:
        return "other"
    return region if region in ("eu", "cn") else "other"


PERSONAL_DATA_LAWS = frozenset({"ph"})
"""Places whose data-privacy law is named beside advice on people's personal details (`law_<place>_personal`)."""


def personal_data_law(raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str:
    """The sentence naming the privacy law of where the person is, for advice on customers' personal details
    ("a bakery in Quezon City": the Data Privacy Act of 2012); "" where none is named."""
    region = person_region(raw, currency)
    return t(lang, f"law_{region}_personal") if region in PERSONAL_DATA_LAWS else ""


NOT_ASKED_ADVICE = re.compile(
    r"(?:did\s*n[o']?t|do\s*n[o']?t|not|never|no)\s+(?:\w+\s+)?(?:ask(?:ed|ing)?|want(?:ed)?|need(?:ed)?|looking)\s+"
    r"(?:for\s+)?(?:any\s+|a\s+)?legal\s+advice|not\s+(?:a\s+)?legal\s+(?:advice|question)|"
    r"(?:没|没有|不是|不)(?:问|要|需要)?法律(?:意见|建议|咨询)",
    re.IGNORECASE,
)
"""Saying no legal advice is wanted ("I did not ask legal advice"): not a question about the law."""
_LAW_KIND = dict(ABOUT_RECOMMENDATION)["law"]
_COUNTS = re.compile(r"does\s+(?:that|it|this)\s+count", re.IGNORECASE)
"""“Does that count?” after a product is named asks whether the product will do, not about the law."""


def about_recommendation(question: str) -> list[str]:
    """The kinds of question about the recommendation in `question` ("safety", "cost", "hardware",
    "own_hardware", "which"), in that order; empty when it asks none of them. Running it on their own
    computer answers the cost and the hardware of doing so itself."""
    question = to_simplified(question)  # "這個靠譜嗎" is read like "这个靠谱吗"
    kinds = [kind for kind, pattern in ABOUT_RECOMMENDATION if pattern.search(question)]
    if "law" in kinds and not _LAW_KIND.search(NOT_ASKED_ADVICE.sub(" ", question)):
        kinds.remove("law")  # "I did not ask legal advice, I ask which model translates…": no law question
    if "law" in kinds and not _LAW_KIND.search(_COUNTS.sub(" ", question)) and asked_products(question):
        kinds.remove("law")  # "I can see Gemini in my school Gmail. Does that count?": the product's answer
    if (
        "currency" in kinds or "cost_real" in kinds
    ):  # "what's the monthly cost in AUD?": the currency answer has it
        kinds = [k for k in kinds if k != "cost"]
    if (
        "integration" in kinds
    ):  # "who would connect it to our Shopify chat?": the integration answer is the specific one
        kinds = [k for k in kinds if k != "setup"]
    if "setup" in kinds:  # how to start covers "I can't code" and "can I use the app?"
        kinds = [k for k in kinds if k not in ("no_dev", "app_use")]
    if "can_ai" in kinds and ({"may_use", "which", "app_use", "paste_app"} & set(kinds)):
        kinds = [k for k in kinds if k != "can_ai"]  # a more specific question about using it answers this too
    if "can_ai" in kinds:  # "随访短信能不能先用AI写？": the conditional yes covers what data may go in
        kinds = [k for k in kinds if k not in ("safety", "law")]
    if (
        "may_use" in kinds
    ):  # "can we use Claude for patient notes, yes or no?": the yes/no answer has the data terms
        kinds = [k for k in kinds if k not in ("safety", "own_hardware", "which")] if "which" not in kinds else [
            k for k in kinds if k != "may_use"]  # fmt: skip
    if asks_summary_model(question):  # "which one does the summary and what does that cost?": the second step
        kinds = ["summary_step", *(k for k in kinds if k not in ("which", "cost", "summary_step"))]
    if "law" in kinds:  # "is it allowed with patient data?": the law answer covers the safety one
        kinds = [k for k in kinds if k != "safety"]
    if "own_hardware" in kinds:
        kinds = [k for k in kinds if k not in ("cost", "hardware")]
    if "contradiction" in kinds:  # "before you said the app, now API keys?? which one": one consistent answer
        kinds = [k for k in kinds if k not in ("app_use", "setup", "cost")]
        if "which" in kinds:
            kinds = [k for k in kinds if k != "contradiction"]
    return kinds


def recommendation_answer(
    kind: str,
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    currency: str | None,
    question: str = "",
    messages: Sequence[str] = (),
) -> str:
    """A question about the recommendation answered from its data: the quality pick and the value pick
    with their monthly costs and the next steps ("which"); what the monthly figure covers ("cost");
    where the data goes and what the requirements already protect ("safety"). Before a recommendation,
    what it will depend on."""
    if kind == "safety":
        return _pick_data_place(recommendation, question, lang) + _safety_answer(raw, lang, question, currency)
    if kind == "may_use":
        return _may_use_answer(raw, recommendation, lang, currency, question)
    if kind == "can_ai":
        return _can_ai_answer(raw, lang, currency)
    if kind == "setup":
        return _setup_answer(raw, recommendation, lang, currency, question)
    if kind in (
        "currency",
        "cost",
        "free",
    ):  # "那Claude网页要钱吗？一个月大概多少台币？": the app's price, not the API's
        asked = asked_currency(question)
        app_cost = places.app_cost_answer(question, recommendation, lang, asked[0] if asked else currency)
        if app_cost is not None:
            return app_cost
    if kind == "currency":
        return _currency_answer(recommendation, lang, question)
    if kind == "cost_real":
        return _cost_real_answer(raw, recommendation, lang, currency)
    if kind == "method":
        return t(lang, "about_method")
    if kind == "free":
        return t(lang, "about_free")
    if kind == "contradiction":
        top = _top(recommendation)
        if top is None:
            return t(lang, "about_which_before")
        start = _start_text(raw, recommendation, top, lang, currency, question).strip()
        return t(lang, "contradiction", start=start)
    if kind == "too_expensive":
        return _too_expensive_answer(recommendation, lang)
    if kind == "summary_step":
        return _summary_step_answer(raw, recommendation, lang, question, currency)
    if kind == "dpo":
        return _dpo_answer(raw, recommendation, lang)
    if kind == "eu_instead":
        return _eu_instead_answer(raw, lang)
    if kind == "integration":
        return t(lang, "about_integration")
    if kind == "over_budget":
        return _over_budget_answer(raw, recommendation, lang, currency)
    if kind == "mistakes" and HARM.search(question):
        return t(lang, "about_mistakes") + ("" if lang == "zh" else " ") + t(lang, "about_mistakes_harm")
    if kind == "mistakes" and re.search(lx.QUIZ_WRITING, to_simplified(f"{question} {raw.get('use_case') or ''}"), re.I):
        return t(lang, "about_mistakes_quiz")  # "出嘅題目會唔會有錯？答案錯咗點算" (novice25 P3): the answer key
    if kind == "mistakes" and raw.get("task_type") in LABEL_TASKS:
        return t(lang, "about_mistakes_labels")
    if kind == "no_dev" and _sensitive(raw):  # one answer for confidential data: never a personal app account
        return t(lang, "about_no_dev_confidential")
    if kind in ("mistakes", "no_dev", "few_examples"):
        return t(lang, f"about_{kind}")
    if kind == "law":
        region = person_region(raw, currency)
        text = t(lang, f"about_law_{region}")
        if region == "uk":  # health data only when health was said; a law firm's own duties when it is one
            said = " ".join([question, str(raw.get("use_case") or ""), *messages])
            if _special_said(said, HEALTH_DATA):
                text += t(lang, "about_law_uk_health")
            if LEGAL_WORK.search(said):
                text += t(lang, "about_law_uk_legal")
        return text
    if kind == "app_use" and _sensitive(raw):  # "能不能就用通义千问的网页版？" after "报价绝对不能泄露"
        return t(lang, "app_use_confidential")
    if kind == "app_use":
        requests = (
            (raw.get("volume") or {}).get("requests_per_month")
            if isinstance(raw.get("volume"), Mapping)
            else None
        )
        few = (
            t(lang, "about_app_use_few", n=f"{requests:,.0f}")
            if isinstance(requests, int | float) and 0 < requests <= APP_SCALE_REQUESTS
            else ""
        )
        where = raw.get("location")
        if where not in (None, "cn", "other") and where in PLACES:  # Taipei: no "国内的应用大多免费"
            apps = ("、" if lang == "zh" else ", ").join(m.app_zh if lang == "zh" else m.app_en for m in MAKERS
                                                       if where in m.offered and m.app_en)  # fmt: skip
            return t(lang, "about_app_use_place", few=few, apps=apps, place=PLACES[where][1 if lang == "zh" else 0])
        return t(lang, "about_app_use", few=few)
    if kind == "own_hardware":
        return _own_hardware_answer(raw, recommendation, lang, currency)
    if kind in ("which", "setup") and recommendation and not recommendation.get("recommendations"):
        return _no_pick_answer(recommendation, lang)
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
    office = office_lead(raw, recommendation, messages, lang, currency) if kind == "which" else None
    if office is not None:  # "what do I do first?" with Copilot or school Gemini already there: that, in steps
        return office
    if kind == "which" and business_by_hand(raw, recommendation, messages):  # confidential, typed by hand
        lead = business_lead(raw, recommendation, messages, lang, currency) or ""
        admin = "business_step_personal" if business_over_budget(raw, messages) else "business_step_admin"
        hand_steps = [t(lang, admin), *_safe_examples(raw, lang), t(lang, "next_hand")]
        numbered = [f"{i}. {p[:1].upper() + p[1:] if lang == 'en' else p}" for i, p in enumerate(hand_steps, 1)]
        return lead + "\n" + t(lang, "steps_intro") + "\n" + "\n".join(numbered)
    solo = solo_app(raw, recommendation, messages)  # a person working alone: the chat app by hand first
    if kind == "which" and solo is not None:
        return _solo_steps(solo, top, raw, question, lang, currency)
    if kind == "which":
        kinds = about_recommendation(question)
        steps = chat_next_steps(rec, raw, question, lang)
        no_dev = "no_dev" in kinds or "setup" in kinds
        start = (
            ""
            if top.self_hosted
            or no_dev  # "I'm not techy, what do I do next?": the no-code answer follows instead
            else _start_text(raw, recommendation, top, lang, currency, question)
        )
        sorry = t(lang, "contradiction_sorry") if CONTRADICTION.search(to_simplified(question)) else ""
        if STEP_BY_STEP.search(to_simplified(question)):  # "what do i do next, step by step": numbered
            return sorry + numbered_steps(quality, steps, start, lang)
        return sorry + t(lang, "about_which", quality=quality, value=value_text, steps=steps) + start
    requests = rec.requirements.volume.requests_per_month
    per_1k = None if top.monthly_cost_usd is None or not requests else top.monthly_cost_usd / requests * 1000
    what = (
        t(lang, "about_cost_api_solo", app=solo.app_zh if lang == "zh" else solo.app_en,
          price=places.app_price(solo, lang, currency))
        if solo is not None
        else t(lang, "about_cost_self_host" if top.self_hosted else "about_cost_api")
    )  # fmt: skip
    return t(
        lang,
        "about_cost",
        quality=quality,
        requests=f"{requests:,.0f}",
        per_1k=render.cost_text(per_1k, lang, currency),
        value=value_text,
        what=what,
    )


STEP_BY_STEP = re.compile(r"step[\s-]by[\s-]step|\bsteps\b|一步一步|分步|步骤", re.IGNORECASE)
"""A question asking for the next steps one by one."""


def numbered_steps(quality: str, steps: str, start: str, lang: Lang) -> str:
    """The next steps of the current recommendation, numbered: the pick, how to start with it, then the
    chat's own next steps (`chat_next_steps`, one per line)."""
    parts = [t(lang, "steps_pick", quality=quality)]
    if start.strip():
        parts.append(start.strip().removeprefix("To start: ").removeprefix("To use it: ").removeprefix("开始使用："))
    parts.extend(p.strip() for p in re.split(r"[;；]\s*", steps) if p.strip())
    lines = [f"{i}. {p[:1].upper() + p[1:] if lang == 'en' else p}" for i, p in enumerate(parts, 1)]
    return t(lang, "steps_intro") + "\n" + "\n".join(lines)


CAN_AI = re.compile(
    r"^(?:hi|hello|hey)?[^?？]*\b(?:can|could|would|is\s+it\s+possible\s+for)\s+(?:an?\s+)?(?:ai|it|a\s+model|the\s+ai|chatgpt|software)\s+"
    r"(?:\w+\s+){0,2}?(?:transcrib|type|summar|read|write|answer|translat|sort|classif|reply|extract|check|mark|grade|do)|"
    r"(?:ai|人工智能|模型)(?:能|可以|能不能|可不可以|会)(?:帮(?:我|我们)?)?(?:做|转|写|总结|回复|翻译|识别|批改|整理|分类)",
    re.IGNORECASE,
)
"""A question whether AI can do the job at all ("Can AI transcribe the calls and summarise them?")."""
TRANSCRIBE = re.compile(r"transcri|speech|audio|recording|calls?\b|录音|语音|转文字|转写|通话", re.IGNORECASE)
"""A can-AI question about spoken audio: two steps, transcription then the text task."""


APP_SCALE_REQUESTS = 300
"""Up to about ten a day, typing into a chat app by hand is a real alternative to an integration."""

LABEL_TASKS = frozenset({"classification", "extraction"})
"""Tasks whose mistakes are wrong labels or fields (checked by sampling), not wrong replies to a customer."""

_CHATBOT = re.compile(
    r"chat\s?bots?\b|\bbots?\b|(?:website|web|online|virtual)\s+(?:chat|assistant)|live\s+chat|"
    r"机器人|智能客服|在线客服|客服助手|对话助手", re.IGNORECASE)  # fmt: skip
"""A question or use case about a bot that people talk to on a website or a messaging app."""


def _requests(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None) -> float | None:
    """Requests a month: the recommendation's, else the conversation's so far; None when not yet said."""
    if recommendation and recommendation.get("requirements"):
        volume = recommendation["requirements"].get("volume") or {}
    else:
        volume = raw.get("volume") or {}
    n = volume.get("requests_per_month") if isinstance(volume, Mapping) else None
    return float(n) if isinstance(n, int | float) and n > 0 else None


def _by_hand(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, question: str = ""
) -> float | None:
    """The requests a month when typing them into a chat app by hand is the honest answer: at most
    APP_SCALE_REQUESTS, no bot that people talk to (the task is chat, or a chatbot is named), and no
    confidential data or data that must stay in China (a personal app account is no place for it)."""
    requests = _requests(raw, recommendation)
    if requests is None or requests > APP_SCALE_REQUESTS or _chatbot(raw, question) or _sensitive(raw):
        return None
    return requests


def _sensitive(raw: Mapping[str, Any]) -> bool:
    """Confidential or restricted data: never for a personal chat-app account (a business plan with a
    data agreement, or the API). Data that must stay in China is not that by itself: a Chinese maker's
    app keeps it there."""
    data = raw.get("data") if isinstance(raw.get("data"), Mapping) else {}
    return (data or {}).get("sensitivity") in ("confidential", "restricted")


def _confidential_said(messages: Sequence[str]) -> bool:
    """Confidential data said in the person's messages (`lexicon.SENSITIVITY`: "client files", "personal data"),
    before the requirements hold it: never the free personal app for it."""
    return any(f.path == "data.sensitivity" and f.value in ("confidential", "restricted")
               for m in messages for f in read_message(m).facts)  # fmt: skip


HAND_MAX_REQUESTS = 1_200
"""Up to about forty a day, a person who handles each one anyway (a review reply, an email) can still
do it in a chat app: above APP_SCALE_REQUESTS both ways are offered, the app and the API."""


def _hand_band(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, question: str = ""
) -> str | None:
    """How a chat app fits: "app" (few, not sensitive, no bot), "both" (up to HAND_MAX_REQUESTS: the
    app by hand or the API), "sensitive" (few enough by hand, but confidential data) or None (the API)."""
    requests = _requests(raw, recommendation)
    if (
        requests is None
        or requests > HAND_MAX_REQUESTS
        or _chatbot(raw, question)
        or _audio(raw, recommendation)
    ):
        return None
    if _sensitive(raw):
        return "sensitive"
    return "app" if requests <= APP_SCALE_REQUESTS else "both"


def _chatbot(raw: Mapping[str, Any], question: str) -> bool:
    """A bot people talk to: the task is chat, or the question or the use case names one (`_CHATBOT`)."""
    said = to_simplified(f"{question} {raw.get('use_case') or ''}")
    return raw.get("task_type") == "chat" or _CHATBOT.search(said) is not None


def _validated(recommendation: Mapping[str, Any] | None) -> Recommendation | None:
    """The recommendation as data when it has a shortlist (validated once per answer)."""
    if not recommendation or not recommendation.get("recommendations"):
        return None
    return Recommendation.model_validate(recommendation)


def shortlist_of(recommendation: Mapping[str, Any] | None) -> tuple[str, ...]:
    """The model keys the person was shown (picks and the wider list), for "whats GLM?" beside GLM-5.2."""
    if not recommendation:
        return ()
    rows = [*(recommendation.get("recommendations") or ()), *(recommendation.get("frontier") or ())]
    return tuple(str(r.get("model_key")) for r in rows if isinstance(r, Mapping) and r.get("model_key"))


def _top(recommendation: Mapping[str, Any] | None) -> Candidate | None:
    rec = _validated(recommendation)
    return rec.recommendations[0] if rec is not None else None


def _setup_answer(
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    currency: str | None,
    question: str,
) -> str:
    """ "What do I actually do? Do I need code? Who sets it up?": by the situation. A bot people talk to
    (the task is chat, or the question says chatbot/website): a hosted chatbot builder. Else at chat-app
    volumes (APP_SCALE_REQUESTS a month or fewer): the chat app, by hand. Else someone who can write a
    little code or set up a no-code tool connects the model through its API. Unless the app is the
    answer, what to ask whoever sets it up: the model and provider, the data agreement, a spending cap
    at the expected monthly cost, a test on about 20 real examples."""
    by_hand = _by_hand(raw, recommendation, question)
    if by_hand is not None:
        return t(lang, "about_setup_app", n=f"{by_hand:,.0f}",
                 apps=apps_in(_place_of(raw), lang) or _APPS_BY_LANG["zh" if lang == "zh" else "en"])
    requests = _requests(raw, recommendation)
    band = _hand_band(raw, recommendation, question)
    top = _top(recommendation)
    if (
        band == "both" and requests is not None
    ):  # "I reply by hand every day": the app, or the API to automate
        return _mid_text(raw, recommendation, lang, currency)
    if _chatbot(raw, question):
        how = t(lang, "about_setup_chatbot")
    else:
        if band == "sensitive" and requests is not None and requests > APP_SCALE_REQUESTS:
            why = t(
                lang, "about_setup_mid_confidential", n=f"{requests:,.0f}", per_day=per_day_words(requests, lang)
            )
        elif requests is not None and requests <= APP_SCALE_REQUESTS:  # few, but confidential
            why = t(lang, "about_setup_confidential")
        elif requests is not None:
            why = t(lang, "about_setup_volume", n=f"{requests:,.0f}")
        else:
            why = t(lang, "about_setup_volume_unknown")
        how = t(lang, "about_setup_api", why=why)
    model = (
        t(lang, "about_setup_ask_model", model=render.model_label(top, lang),
          provider=t(lang, "self_hosted") if top.self_hosted else provider_display(top.provider_name, top.provider, lang))
        if top is not None
        else t(lang, "about_setup_ask_no_model")
    )  # fmt: skip
    cost = (
        t(lang, "about_setup_ask_cost", cost=render.cost_text(top.monthly_cost_usd, lang, currency))
        if top is not None and top.monthly_cost_usd is not None
        else t(lang, "about_setup_ask_no_cost")
    )
    health = (
        t(lang, "about_setup_ask_health_uk")
        if _HEALTH_DATA.search(str(raw.get("use_case") or "")) and person_region(raw, currency) == "uk"
        else ""
    )
    return how + t(lang, "about_setup_ask", model=model, cost=cost, health=health)


def asked_currency(question: str) -> tuple[str, str, str] | None:
    """(ISO code, EN name, ZH name) of the currency other than the US dollar that a question names
    (the first one); None when it names none but the dollar."""
    low = to_simplified(question)
    found = [
        (m.start(), (code, en, zh))
        for code, words, en, zh in CURRENCIES
        if code != "USD" and (m := re.search(words, low, re.IGNORECASE)) is not None
    ]
    return min(found)[1] if found else None


def _amount(value: float, code: str, lang: Lang, name: str) -> str:
    """An amount in `code`: with its symbol when knowledge.units has one, else with its name."""
    if code in SYMBOL or (lang == "zh" and code in ZH_NAME):
        return money(value, code, lang)
    figure = f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return f"{figure}{name}" if lang == "zh" else f"{figure} {name}"


def _currency_answer(recommendation: Mapping[str, Any] | None, lang: Lang, question: str) -> str:
    """ "Is that in Aussie dollars or US?": every price is in US dollars from the providers' price lists
    (the pick's source and date); the pick's month in the currency asked about at knowledge.units'
    reference rate and its date, or, without a rate for it, a plain "convert it at today's rate"."""
    top = _top(recommendation)
    source = (
        t(
            lang,
            "about_currency_source",
            model=top.model,
            source=top.cost.price_source,
            date=top.cost.price_as_of,
        )
        if top is not None and top.cost is not None
        else ""
    )
    text = t(lang, "about_currency", source=source)
    if top is None or top.monthly_cost_usd is None:
        return text + t(lang, "about_currency_later")
    usd = render.usd(top.monthly_cost_usd)
    text += t(lang, "about_currency_pick", model=top.model, usd=usd)
    asked = asked_currency(question)
    if asked is None:
        return text + ("。" if lang == "zh" else ".")
    code, en, zh = asked
    name = zh if lang == "zh" else en
    if code not in USD_PER:
        return text + t(lang, "about_currency_no_rate", name=name)
    rate = from_usd(1.0, code)
    return text + t(lang, "about_currency_rate", amount=_amount(from_usd(top.monthly_cost_usd, code), code, lang, name),
                    rate=f"{rate:,.2f}" if rate < 100 else f"{rate:,.0f}", name=name, as_of=RATES_AS_OF.isoformat())  # fmt: skip


def _cost_real_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "Is it really that cheap?": what the monthly figure is made of (the pick's per-token prices with
    their source and date, times the requests and tokens assumed) and what it leaves out (staff, the
    tool around the model, an app subscription). A self-hosted pick or no prices: the cost answer."""
    rec = _validated(recommendation)
    top = rec.recommendations[0] if rec is not None else None
    if rec is None or top is None or top.cost is None or top.monthly_cost_usd is None:
        return recommendation_answer("cost", raw, recommendation, lang, currency)
    volume = rec.requirements.volume
    return t(
        lang,
        "about_cost_real",
        model=top.model,
        input=f"${top.cost.input_price_per_m:g}",
        output=f"${top.cost.output_price_per_m:g}",
        source=top.cost.price_source,
        date=top.cost.price_as_of,
        requests=f"{volume.requests_per_month:,.0f}",
        in_tokens=f"{volume.input_tokens:,.0f}",
        out_tokens=f"{volume.output_tokens + top.cost.thinking_tokens:,.0f}",
        monthly=render.cost_text(top.monthly_cost_usd, lang, currency),
    )


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
    rec = (
        Recommendation.model_validate(recommendation)
        if recommendation and recommendation.get("recommendations")
        else None
    )
    if rec is not None and rec.recommendations[0].self_hosted:
        return recommendation_answer("hardware", raw, recommendation, lang, currency)

    def month(name: str) -> str:
        return render.cost_text(GPUS[name].hourly_usd * HOURS_PER_MONTH, lang, currency)

    top = rec.recommendations[0] if rec is not None else None
    api = (
        t(
            lang,
            "about_own_api",
            model=render.model_label(top, lang),
            cost=render.cost_text(top.monthly_cost_usd, lang, currency),
        )
        if top is not None and top.monthly_cost_usd is not None
        else ""
    )
    return t(lang, "about_own_hardware", small_gpu=SMALL_GPU, small=month(SMALL_GPU), large_gpus=" / ".join(LARGE_GPUS),
             large_low=month(LARGE_GPUS[0]), large_high=month(LARGE_GPUS[1]), api=api)  # fmt: skip


def _may_use_answer(
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    currency: str | None,
    question: str,
) -> str:
    """ "Can we use it for our patients' data, yes or no?": no when nothing meets every requirement (and
    what would change that); yes only on the person's own servers when the data must stay in the
    building (the self-hosting answer); else yes, on the data terms of the safety answer."""
    if recommendation and not recommendation.get("recommendations"):
        return _no_pick_answer(recommendation, lang)
    deployment = raw.get("deployment") or {}
    self_host = isinstance(deployment, Mapping) and bool(deployment.get("self_host"))
    if self_host or KEEP_IN.search(to_simplified(question)):
        top = _top(recommendation)
        if top is not None and top.self_hosted:
            how = recommendation_answer("hardware", raw, recommendation, lang, currency)
        else:
            how = t(lang, "may_use_self_host_held" if self_host else "may_use_self_host_say")
        return t(lang, "may_use_in_house", how=how)
    health = _HEALTH_DATA.search(str(raw.get("use_case") or "")) is not None
    # health records: the same "not until the agreements are signed" as the rules answer, said as one answer
    return t(lang, "may_use_yes_health" if health else "may_use_yes") + _safety_answer(raw, lang, question, currency)


def _can_ai_answer(raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str:
    """ "Can I have AI write the follow-up texts?": yes, on the conditions what the conversation knows
    sets: drafts from text without people's details and a person checking each one when the data is
    personal or confidential; real records only on the person's own servers when they must stay in the
    building; the data law of the person's place for health data; else a person reading each draft."""
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    self_host = bool((deployment or {}).get("self_host"))
    health = bool(_HEALTH_DATA.search(str(raw.get("use_case") or "")))
    if not (self_host or health or _sensitive(raw)):
        return t(lang, "can_ai_plain")
    parts = [t(lang, "can_ai_personal_health" if health else "can_ai_personal")]
    if self_host:
        parts.append(t(lang, "can_ai_in_house"))
    region = person_region(raw, currency)
    if health and region == "cn":
        parts.append(t(lang, "can_ai_law_cn"))
    return ("" if lang == "zh" else " ").join(parts)


def _pick_text(c: Candidate, lang: Lang, currency: str | None) -> str:
    where = t(lang, "self_hosted") if c.self_hosted else provider_display(c.provider_name, c.provider, lang)
    return t(lang, "rec_top", model=render.model_label(c, lang), where=where,
             cost=render.cost_text(c.monthly_cost_usd, lang, currency))  # fmt: skip


WHERE_DATA = re.compile(
    r"where\s+(?:does|will|is|are)\s+(?:the\s+|our\s+|my\s+)?data|data\s+(?:stays?|leaves?)\b|servers?\s+(?:are\s+)?(?:located|based)|"
    r"where\s+are\s+(?:the|their|its)\s+servers|"
    r"(?:传|发|存|留|放|跑)(?:到|在|去)?(?:国外|境外|海外|国内|境内)|去向|存在哪|放在哪|在哪里?处理|服务器在哪|在国内还是|出境",
    re.IGNORECASE,
)
"""Asks where the data goes ("数据会不会传到国外？", "阿里的服务器在哪里？", "where does our data go?")."""


def _pick_data_place(recommendation: Mapping[str, Any] | None, question: str, lang: Lang) -> str:
    """Where the quality pick's provider says it processes requests, when the question asks where the data goes
    (novice25 P2: "数据会不会传到国外？" was answered with the general data rules only); empty otherwise."""
    top = _top(recommendation)
    if top is None or top.self_hosted or top.offering_id is None or not WHERE_DATA.search(to_simplified(question)):
        return ""
    offering = load_catalog().offerings.get(top.offering_id)
    if offering is None or not offering.region:
        return ""
    place = str(value_name(offering.region, lang))
    who = provider_display(offering.provider_name, offering.provider, lang)
    return t(lang, "data_where_pick", model=top.model, provider=who, place=place) + ("" if lang == "zh" else " ")


def _safety_answer(
    raw: Mapping[str, Any], lang: Lang, question: str = "", currency: str | None = None
) -> str:
    """Where the data goes, whether it trains the provider's models (when asked), how long it is kept
    (when asked), what the requirements so far already keep out, and what not to send, by use case."""
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
    asked = to_simplified(question)
    region = person_region(raw, currency)
    if region == "other" and (raw.get("location") == "us" or re.search(r"\bhipaa\b", asked, re.IGNORECASE)):
        region = "us"  # "is that ok with HIPAA?" from Miami: the US rule only, no GDPR paragraph
    cards = t(lang, "about_safety_cards") if _CARD_DATA.search(said) else ""
    health = ""
    if _HEALTH_DATA.search(said):  # the health-data rule of the person's place, else the US and EU ones
        health = t(lang, f"about_safety_health_{region}" if region in HEALTH_LAW_PLACES else "about_safety_health")
        if region == "uk":
            health += t(lang, "about_safety_health_uk")
    retention = t(lang, "about_safety_retention") if RETENTION.search(asked) else ""
    training = t(lang, "about_safety_training") if _TRAINING.search(asked) else ""
    identifiers = _identifiers(said, lang) if _IDENTIFIERS.search(asked + " " + said) else ""
    foreign = (
        t(lang, "about_safety_foreign" if region in ("eu", "cn") else "about_safety_foreign_noneu")
        if _FOREIGN.search(asked)
        else ""
    )
    whose = t(lang, "whose_patients" if health else "whose_customers")
    body = t(lang, "about_safety_trained" if training else "about_safety", kept=kept, cards=cards, health=health,
             retention=retention, whose=whose)  # fmt: skip
    return training + body + identifiers + foreign + personal_data_law(raw, lang, currency)


_TRAINING = re.compile(
    r"train|训练|拿去用|挪作他用|(?:use|using)\s+(?:our|my|the)\s+(?:\w+\s+)?data\s+for", re.IGNORECASE
)
"""A safety question about training on the data ("will they use our contracts to train?"): answered first."""

_USE_CASE_EXAMPLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcvs?\b|r[ée]sum[ée]|applicant|candidate|recruit|hiring|简历|招聘|应聘|求职|履历", re.I), "about_safety_identifiers_cv"),
    (re.compile(f"(?:{lx.MEDICAL_PAPER})[^。.!?？！]{{0,30}}(?:{lx.PAPER_PHOTO})|(?:{lx.PAPER_PHOTO})[^。.!?？！]{{0,30}}(?:{lx.MEDICAL_PAPER})", re.I),
     "about_safety_identifiers_lab"),
    (re.compile(r"patient|medical|clinic|hospital|病历|患者|病人|医疗|医院|诊所", re.I), "about_safety_identifiers_health"),
    (re.compile(r"invoice|receipt|contract|agreement|statement|发票|收据|票据|合同|协议|单据|报销", re.I), ""),
    (re.compile(r"\bteach|\bstudents?\b|\bpupils?\b|\bquiz|\bmarking\b|\bexams?\b|\bclass\s+\d|\bschool\b|"
                r"学生|老师|教师|学校|批改|作文|出题|试卷", re.I), "about_safety_identifiers_school"),
    (re.compile(r"customer|client|parent|guest|order|booking|class|shop|store|buyer|visitor|"
                r"买家|顾客|客户|客人|家长|订单|发货|预约|店|游客", re.I), "about_safety_identifiers"),
)  # fmt: skip
"""What not to send, by what the texts are: a CV's ID number, a letter's patient details, a customer's
name and phone number (the shop example); nothing for invoices and contracts, whose details are the
work itself."""


def _identifiers(said: str, lang: Lang) -> str:
    """The "don't send what it doesn't need" sentence for this use case (empty: no example fits)."""
    said = to_simplified(said)
    key = next(
        (key for pattern, key in _USE_CASE_EXAMPLES if pattern.search(said)),
        "about_safety_identifiers_generic",
    )
    return t(lang, key) if key else ""


_IDENTIFIERS = re.compile(
    r"phone|address|names?\b|e-?mail\s+address|personal\s+(?:details|data|info)|手机号|电话|地址|姓名|名字|身份证|个人信息",
    re.IGNORECASE)  # fmt: skip
"""Personal details that a model answering questions does not need: the answer says to leave them out."""
_FOREIGN = re.compile(
    r"chinese|china|american|(?-i:\bUS\b)|\busa\b|foreign|abroad|cross\s+(?:that|it|them)\s+off|中国的|美国的|国外|境外|海外|外国",
    re.IGNORECASE)  # fmt: skip
"""A safety question about a provider in another country ("why is there a chinese one on the list?");
"US" only in capitals ("is it safe for us?" asks nothing about America)."""


_CARD_DATA = re.compile(
    r"(?:credit|debit|bank|payment)\s+cards?|card\s+(?:numbers?|details|data|payments?)|checkout|\bpci\b|"
    r"银行卡|信用卡|卡号|刷卡|支付(?:信息|数据)", re.IGNORECASE)  # fmt: skip
_HEALTH_DATA = re.compile(
    r"patient|medical|health|clinic|hospital|doctor|diagnos|dent(?:al|ist)|physio|clinical|treatment\s+notes|therap|"
    r"病历|患者|病人|医疗|医院|诊所|健康|牙科|理疗", re.IGNORECASE
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
    abroad_from_cn: bool = False
    """Its maker processes the chats outside mainland China."""


CONSUMER_APPS: tuple[tuple[re.Pattern[str], App], ...] = (
    (re.compile(r"chat\s?gpt", re.I), App("ChatGPT", "ChatGPT", "OpenAI", "OpenAI", "chatgpt", abroad_from_cn=True)),
    (re.compile(r"豆包|doubao", re.I), App("Doubao", "豆包", "ByteDance", "字节跳动", "doubao")),
    (re.compile(r"文心一言|文心|ernie\s?bot|yiyan", re.I), App("ERNIE Bot", "文心一言", "Baidu", "百度", "ERNIE")),
    (re.compile(r"通义千问|通义|tongyi", re.I), App("Tongyi Qianwen", "通义千问", "Alibaba", "阿里巴巴", "Qwen")),
    (re.compile(r"腾讯元宝|元宝|yuanbao", re.I), App("Yuanbao", "腾讯元宝", "Tencent", "腾讯", "Hunyuan")),
    (re.compile(r"\bcopilot\b", re.I), App("Copilot", "Copilot", "OpenAI", "OpenAI", "chatgpt", abroad_from_cn=True)),
    (re.compile(r"deepseek\s*(?:的)?\s*(?:手机)?\s*(?:官网|网页版?|app|应用|chat\b|website)|深度求索(?:官网|app)|"
                r"(?:直接|就)用\s*deepseek(?=.*(?:不会写代码|不懂代码|不会编程|不懂技术|不会用电脑|唔识电脑|不识电脑|只会用手机))", re.I | re.S),
     App("the DeepSeek app", "DeepSeek 官网和手机应用", "DeepSeek", "深度求索", "deepseek")),
    (re.compile(r"kimi\s*(?:的)?\s*(?:手机)?\s*(?:官网|网页版?|app|应用|智能助手|website)", re.I),
     App("the Kimi app", "Kimi 智能助手", "Moonshot AI", "月之暗面", "kimi")),
    (re.compile(r"claude\.ai|claude\s+(?:app|website)\b", re.I), App("the Claude app", "Claude 应用", "Anthropic", "Anthropic", "claude", abroad_from_cn=True)),
    (re.compile(r"gemini\s+(?:app|website)\b", re.I), App("the Gemini app", "Gemini 应用", "Google", "谷歌", "gemini", abroad_from_cn=True)),
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
    if _APP_ASK.search(question) is None and SHOULD_USE.search(question) is None:  # "chatgpt yes or no?" too
        return []
    found = [(m.start(), app) for pattern, app in CONSUMER_APPS if (m := pattern.search(question))]
    return [app for _, app in sorted(found, key=lambda pair: pair[0])]


def app_answer(
    apps: list[App],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    raw: Mapping[str, Any] | None = None,
    currency: str | None = None,
    said: Sequence[str] = (),
    question: str = "",
) -> str:
    """A chat app is a service for a person typing; an application calls a model through its maker's API.
    At chat-app volumes (APP_SCALE_REQUESTS a month or fewer, no bot that people talk to, no confidential
    data): the app is enough, and "should I just use ChatGPT?" (`question`, one app named) gets its yes first. Confidential data or data that must stay in China: what pasting into the
    app means. Then each app's models against the recommendation (the core's why-not), or the promise of it."""
    raw = raw or {}
    names = [app.zh if lang == "zh" else app.en for app in apps]
    joined = t(lang, "and_words").join(names)
    requests = _requests(raw, recommendation)
    band = _hand_band(raw, recommendation)
    if band in ("app", "both") and requests is not None and len(apps) == 1 and SHOULD_USE.search(to_simplified(question)):
        parts = [t(lang, "about_app_yes", apps=joined, n=f"{requests:,.0f}")]  # "so should i just use chatgpt??"
    elif band in ("app", "both") and requests is not None:  # a person handles each one anyway: the app does
        parts = [t(lang, "about_app_few", apps=joined, n=f"{requests:,.0f}")]
    else:
        parts = [t(lang, "about_app", apps=joined)]
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    in_china = (deployment or {}).get("data_residency") == "cn"
    abroad_named = in_china and any(app.abroad_from_cn for app in apps)
    if _sensitive(raw) or abroad_named:
        abroad = next((app for app in apps if app.abroad_from_cn), None) if in_china else None
        over = bool(said) and _sensitive(raw) and business_over_budget(raw, said)  # no business plan fits them
        parts.append(t(lang, "about_app_confidential_budget" if over and not abroad_named else "about_app_confidential",
                       abroad=t(lang, "about_app_abroad", app=names[apps.index(abroad)]) if abroad else ""))  # fmt: skip
    for app in apps:  # what each app costs a person (makers table); app vs API is said above, not again
        known = maker_named(app.en)
        if known is not None:
            parts.append(t(lang, "app_cost_plain", app=known.app_zh if lang == "zh" else known.app_en,
                           price=places.app_price(known, lang, currency), as_of=AS_OF))  # fmt: skip
    for app, name in zip(apps, names, strict=True):
        maker = app.maker_zh if lang == "zh" else app.maker_en
        compare = why_not(app.models, recommendation, lang) if recommendation else t(lang, "about_app_later")
        parts.append(t(lang, "about_app_models", app=name, maker=maker, compare=compare))
    return ("" if lang == "zh" else " ").join(parts)


CHAT_STEPS = frozenset({"step_eval", "step_probe", "step_caching", "step_relax"})
"""Next steps whose report wording is for an engineer (a command, a field name, "evaluation set"): the
chat says them in its own words (agent.prompts `chat_<code>`)."""


def chat_step(step: Reason, lang: Lang, safe: bool = False) -> str:
    """A next step as the chat says it; `safe`: for confidential data (no real records uploaded here)."""
    if step.code not in CHAT_STEPS:
        return say(lang, step).strip()
    if safe and step.code in ("step_probe", "step_eval"):
        listed = step.params.get("names")
        names = (
            ("、" if lang == "zh" else ", ").join(str(n) for n in listed) if isinstance(listed, list) else ""
        )
        return t(lang, f"chat_{step.code}_safe", names=names)
    listed = step.params.get("names")
    names = ("、" if lang == "zh" else ", ").join(str(n) for n in listed) if isinstance(listed, list) else ""
    size = step.params.get("input")
    tokens = f"{int(size):,}" if isinstance(size, int | float) else ""
    return t(lang, f"chat_{step.code}", names=names, input=tokens)


def why_not_target(question: str) -> str | None:
    """The model a "why not X?" question names, or None."""
    if "which" in about_recommendation(question) or SAME_ITEM.match(to_simplified(question).strip()):
        return None  # "那我到底选哪个？" asks for the pick, "what about Monday posts?" more of the task: no model named
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
    r"april|may|june|july|august|september|october|november|december|christmas|summer|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|mondays|fridays|"
    r"fairness|bias|privacy|gdpr|security|safety|cost|costs|price|pricing|accuracy|quality|speed|latency|law|"
    r"the\s+law|rules|data|training|hallucinations?|mistakes|errors)(?![a-z])|"
    r"你|我|他|她|它|那个|这个|那种|这种|任务|类型|对吗|对不对|是不是|月|年|的时候|要是|如果|咋|怎么办|办|啥",
    re.IGNORECASE,
)
"""Words no model name holds: "what about January when we get 5000?" and "你那个任务类型对吗？" name no model."""


def is_framework_question(question: str) -> bool:
    return FRAMEWORK_CUES.search(question) is not None


ASKS_FREE = re.compile(r"\bfree\b|no\s+cost|costs?\s+nothing|免费|不要钱|不花钱|白嫖", re.IGNORECASE)
"""A question that takes an open model to be free ("why not Llama? isn't it free?")."""


CHAT_FAILURES = frozenset({"untrusted_provider"})
"""Failure codes whose report sentence is for an engineer ("nano-gpt 是转售平台（聚合平台），默认不在可信卖家之列"):
the chat says them in its own words (`chat_fail_<code>`); the report keeps the explainer's."""


def chat_failure_line(answer: Any, failure: Reason, lang: Lang) -> str:
    """One hard constraint a named model fails, as the chat says it: plain words for CHAT_FAILURES (only a
    reseller sells it), the explainer's sentence for the others."""
    if failure.code in CHAT_FAILURES:
        seller = answer.provider_name or str(failure.params.get("provider") or "")
        return t(lang, f"chat_fail_{failure.code}", provider=seller)
    return failure_line(answer, failure, lang)


def _plain_failures(line: str, answer: Any, lang: Lang) -> str:
    """A why-not sentence with the explainer's failure sentences replaced by the chat's own (`chat_failure_line`)."""
    for failure in answer.failures:
        if failure.code in CHAT_FAILURES:
            line = line.replace(failure_line(answer, failure, lang), chat_failure_line(answer, failure, lang))
    return line


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
    text = [_plain_failures(line, answer, lang) for line in answer.text]
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
    r"(?:(?P<cn2>china|mainland\s+china)|(?P<eu2>eu|europe|european\s+union))\b|"
    r"is\s+(?P<name3>[A-Za-z][\w.\- ]{1,40}?)\s+(?:kept|stored|hosted|processed|based|run)\s+in\s+(?:the\s+)?"
    r"(?:(?P<cn3>china|mainland\s+china)|(?P<eu3>eu|europe|european\s+union)|(?P<uk3>uk|united\s+kingdom|britain))\b",
    re.IGNORECASE,
)
"""A question whether a model can be used in a region ("Claude在国内能用吗？", "can we use GPT-5 in
Europe?"): answered as the core's why-not for data that must stay there."""


REGION_EN = {"cn": "mainland China", "eu": "EU", "uk": "UK"}


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


SLOT_ASK = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|and|but|well)[\s,]+)*(?:and\s+|what\s+about\s+|how\s+about\s+)(?:the\s+|my\s+|our\s+)?"
    r"(?:volume|budget|languages?|answer\s+time|latency|region)\s*\??\s*$|^\s*(?:那|还有)?(?:用量|预算|语言)呢[？?]?\s*$",
    re.IGNORECASE,
)
"""A bare question after a setting ("OK, and the volume?", "what about the budget?", "预算呢？"): what is held
for it, not a refusal."""
QUOTE_ASK = re.compile(
    r"[\"“”'‘’「『](?P<quote>[^\"“”'‘’」』]{3,80})[\"“”'‘’」』]\s*(?:to\s+what|about\s+what|for\s+what|meaning\s+what|means?\s+what|"
    r"what\s+(?:do|did)\s+you\s+mean|\?|？|是指什么|指什么|什么意思)",
    re.IGNORECASE,
)
"""A question about the assistant's own words ("\"Yes, on conditions\" to what?")."""


def quote_answer(clause: str, replies: Sequence[str], said: Sequence[str], lang: Lang) -> str | None:
    """ "\"Yes, on conditions\" to what?": the question of the person's those words answered (the last
    question of theirs before the reply that says it), or, when no reply of mine says them, that too; None
    when the clause quotes nothing."""
    m = QUOTE_ASK.search(clause)
    if m is None:
        return None
    quote = m.group("quote").strip(" ,.")
    where = next((i for i in range(len(replies) - 1, -1, -1) if quote.lower() in replies[i].lower()), None)
    if where is None or where >= len(said):
        return t(lang, "quote_unknown", quote=quote)
    asked = question_clauses(said[where]) or [said[where]]
    return t(lang, "quote_back", quote=quote, question=asked[-1].strip())


def slot_paths(question: str) -> list[str]:
    """The settings a bare "and the volume?" asks about."""
    if SLOT_ASK.search(question) is None:
        return []
    return [path for path, words in CHECKED if re.search(words, question, re.IGNORECASE)]


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
    name = (m.group("name") or m.group("name2") or m.group("name3") or "").strip()
    if m.group("uk3"):
        return name, "uk"
    return name, "cn" if (m.group("cn") or m.group("cn2") or m.group("cn3")) else "eu"


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
    re.compile(
        r"(?:^|[.!?？。]\s*)(?:and\s+|so\s+|ok\s+|also\s+)?(?:what|who|wat)(?:'s|s|\s+is|\s+are)\s+(?:this\s+|the\s+)?"
        r"(?P<name>[A-Za-z][\w.\- ]{1,40}?)\s*(?:[?？!,，]|\.(?!\w)|$)",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\s*(?P<name>[A-Za-z0-9][\w.\- ]{1,40}?|[\u4e00-\u9fff]{2,6}?)\s*(?:是什么|是啥|是哪家的|是谁家的|是什么东西|是干啥的)"
    ),
)


def what_is_targets(question: str) -> list[str]:
    """Every name a what-is question asks about ("what is Muse Spark?", "evroc是什么？", "whats GLM-5.2
    and Berget.AI, never heard of them"); empty when it asks about none."""
    for pattern in _WHAT_IS:
        m = pattern.search(question)
        if (
            m is not None
            and not NOT_A_NAME.search(m.group("name"))
            and not _NOT_A_THING.search(m.group("name"))
        ):
            names = re.split(r"\s+and\s+|\s*[、&和]\s*", _FILLER_AFTER_NAME.sub("", m.group("name")))
            return [n.strip() for n in names if n.strip()]
    return []


_FILLER_AFTER_NAME = re.compile(r"(?:到底|究竟|具体|又|呢)+\s*$")
"""Words that stand between a name and "是什么" without being part of it ("API到底是什么")."""
_NOT_A_THING = re.compile(
    r"(?<![a-z])(?:difference|between|cost|price|point|best|cheapest|plan|problem|catch|idea|apps?|application|website|"
    r"site|tool|tools|one|option|options|thing|way|deal|link|name|steps?|rules?|answer|bottom\s+line)(?![a-z])", re.I
)
"""Words of a question that is not about a model or provider ("what is the difference between...")."""


def what_is_answer(name: str, lang: Lang, shortlist: Sequence[str] = ()) -> str | None:
    """A model or a provider in plain words, from the catalog: who makes it, whether it can be
    downloaded, what it reads, and its maker's list price with its source and date; a provider in one
    plain line by its kind (a big cloud's AI service, the maker's own API, a host, a reseller). A
    family name the person's own shortlist holds ("whats GLM" beside GLM-5.2) is that model.
    None when the catalog knows neither."""
    catalog = load_catalog()
    found, exact = find_models(catalog, name)
    if found and not exact:  # "ALLaM" is a word of "ALLaM-2-7b", not the middle of "Meta-Llama-…"; "app" is no
        # word of "Relace Apply 3": a short name inside another word names no model
        found = [m for m in found if _names_word(m, name)] or (found if len(_norm_name(name)) >= 5 else [])
    listed = [m for m in found if m.key in shortlist or m.name in shortlist]
    if found:
        # a family name ("DeepSeek", "Muse Spark"): the one on their shortlist, else its newest model
        # with a maker's price
        model = (
            found[0]
            if exact
            else listed[0]
            if listed
            else max(
                found,
                key=lambda m: (
                    any(o.tier == "maker" for o in catalog.offerings_of(m.key)),
                    m.release_date or date.min,
                    len(m.ratings),
                    m.name,
                ),
            )
        )
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
        maker = own.provider_name if own is not None else (model.maker or t(lang, "maker_unknown"))
        return t(lang, "what_model", name=model.name, maker=maker, kind=kind, reads=reads, price=price)
    wanted = name.strip().lower()
    offerings = [
        o for o in catalog.offerings.values() if wanted in (o.provider.lower(), o.provider_name.lower())
    ]
    if not offerings:
        return None
    first = offerings[0]
    tiers = Counter(o.tier for o in offerings)
    kind = tiers.most_common(1)[0][0]
    display = provider_display(first.provider_name, first.provider, lang)
    if kind == "cloud":  # a big cloud's AI service the glossary names (Bedrock, Vertex): its plain words
        term = glossary_lookup(f"what is {name}")
        if term is not None:
            return t(lang, "glossary", term=display, text=term.answer(lang))
    regions = sorted({str(value_name(o.region, lang)) for o in offerings if o.region} - {o.region for o in offerings})
    where = t(lang, "what_provider_where", where=("、" if lang == "zh" else ", ").join(regions)) if regions else ""
    return t(lang, f"what_provider_{kind}", name=display) + where


def _norm_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _names_word(model: Any, name: str) -> bool:
    """Whether `name` starts a word of the model's key, name or aliases (not a match inside a word)."""
    pattern = re.compile(
        r"(?<![A-Za-z0-9])" + r"[\s\-_.]?".join(re.escape(p) for p in name.split()) + r"(?![a-z])", re.IGNORECASE
    )
    return any(pattern.search(n) for n in (model.key, model.name, *model.aliases))


def maker_by_catalog(name: str, guess: str, lang: Lang) -> str | None:
    """Who makes `name` when the makers table does not know it, from the catalog (the maker's own
    offering's display name): whether the person's guess is right, other names included ("facebook" is
    Meta: knowledge.availability.MAKER_ALIASES), then the what-is card. None: the catalog knows no model."""
    catalog = load_catalog()
    found, exact = find_models(catalog, name)
    if found and not exact:
        found = [m for m in found if _names_word(m, name)] or found
    model = found[0] if found else None
    if model is None or not model.maker:
        return None
    own = next((o for o in catalog.offerings_of(model.key) if o.tier == "maker"), None)
    maker = provider_display(own.provider_name, own.provider, lang) if own is not None else model.maker
    card = what_is_answer(name, lang) or ""
    sep = "" if lang == "zh" else " "
    if not guess:
        return card
    alias = MAKER_ALIASES.get(model.maker)
    guessed = alias is not None and re.search(alias, guess, re.IGNORECASE) is not None
    if guessed or re.search(re.escape(model.maker), guess, re.IGNORECASE) or maker.lower() in guess.lower():
        said = next((w for w in re.findall(r"[A-Za-z\u4e00-\u9fff]+", guess) if alias and re.fullmatch(alias, w, re.IGNORECASE)
                     and w.lower() != maker.lower()), None)  # fmt: skip
        shown = t(lang, "maker_alias", alias=said.capitalize()) if said else ""
        return t(lang, "maker_catalog_yes", name=name, maker=maker, alias=shown) + sep + card
    return t(lang, "maker_catalog_no", name=name, maker=maker, guess=guess) + sep + card


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
        dearer = now.vs_top.monthly_cost_delta_usd if now.vs_top is not None else None  # old pick's bill minus the new's
        # "costs less" only when it does (novice25 P2: two self-hosted plans at the same ¥248,784 were "cheaper")
        key = "pick_changed_cheaper" if dearer is not None and dearer > 0.005 else "pick_changed_lower"
        parts.append(t(lang, key, new=new.model, d=f"{delta:.1f}"))
    return sep.join(parts)


_APPS_BY_LANG = {"en": "ChatGPT, Claude or Gemini", "zh": "通义千问、Kimi、豆包、DeepSeek 等"}
"""Chat apps named when no maker of the pick is known (by the person's language)."""


_APP_SHORT = re.compile(r"^the\s+|\s+app(?:\s+and\s+website)?\b|\s*\([^)]*\)|\s*（[^）]*）|\s*(?:官网和)?手机应用(?:和网页)?|\s+应用$|\s*智能助手")


def apps_in(place: str | None, lang: Lang, limit: int = 4, confidential: bool = False) -> str | None:
    """The chat apps offered where the person is (makers table, in its order: the US makers' first where
    they serve), short names joined ("ChatGPT、Claude、Gemini、DeepSeek 等"); None for a place the table does
    not cover. A person in Taiwan never hears of 豆包, one in Hong Kong never of ChatGPT; with `confidential`
    data (a Taipei clinic's patients) outside mainland China, no mainland maker's own app (its data stays in
    mainland China, under Chinese law)."""
    if place not in PLACES or place == "cn":  # mainland China: the usual Chinese list (`_APPS_BY_LANG`)
        return None
    names = [_APP_SHORT.sub("", m.app_zh if lang == "zh" else m.app_en).strip() for m in MAKERS
             if place in m.offered and m.app_en and not (confidential and m in CHINESE_MAKERS)]  # fmt: skip
    names = list(dict.fromkeys(n for n in names if n))[:limit]
    if not names:
        return None
    return "、".join(names) + " 等" if lang == "zh" else ", ".join(names[:-1]) + " or " + names[-1]


def screening_answer(raw: Mapping[str, Any] | None, messages: Sequence[str], lang: Lang) -> str:
    """Screening applicants by AI, under the law of where the person is: the EU's AI Act (a high-risk use) and
    the GDPR's rule on automated decisions in the EU, with Germany's equal-treatment and works-council rules when
    Germany is named; China's employment and personal-information laws otherwise (the answer it always had)."""
    if _place_of(raw) != "eu":
        return t(lang, "screening_bias")
    said = " ".join([*messages, str((raw or {}).get("use_case") or "")])
    return t(lang, "screening_bias_eu") + (t(lang, "screening_bias_de") if _GERMANY.search(said) else "")


def _place_of(raw: Mapping[str, Any] | None) -> str | None:
    where = (raw or {}).get("location")
    return str(where) if isinstance(where, str) else None


def _pick_app(top: Candidate | None, lang: Lang, raw: Mapping[str, Any] | None = None) -> str:
    """The chat app of the pick's maker (makers table) when it is offered where the person is, else the
    apps offered there, else the usual ones for the language."""
    place = _place_of(raw)
    maker = maker_named(f"{top.model} {top.provider} {top.provider_name}") if top is not None else None
    if maker is None or not maker.app_en or (place in PLACES and place not in maker.offered):
        return apps_in(place, lang, confidential=_sensitive(raw or {})) or _APPS_BY_LANG["zh" if lang == "zh" else "en"]
    return maker.app_zh if lang == "zh" else maker.app_en


def _mid_text(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """Between APP_SCALE_REQUESTS and HAND_MAX_REQUESTS: the chat app by hand, or the API pick to automate."""
    requests = _requests(raw, recommendation) or 0.0
    top = _top(recommendation)
    maker = maker_named(f"{top.model} {top.provider} {top.provider_name}") if top is not None else None
    price = (
        places.app_price(maker, lang, currency) if maker is not None and maker.app_en
        else t(lang, "app_price_local", price=render.cost_text(20.0, lang, currency))
    )  # "free or about $20 a month" in the person's currency
    return t(lang, "about_setup_mid", n=f"{requests:,.0f}", per_day=per_day_words(requests, lang), apps=_pick_app(top, lang, raw), price=price,
             model=render.model_label(top, lang) if top is not None else t(lang, "about_setup_ask_no_model"),
             cost=render.cost_text(top.monthly_cost_usd if top is not None else None, lang, currency))  # fmt: skip


def _start_text(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, top: Candidate, lang: Lang,
    currency: str | None, question: str,
) -> str:  # fmt: skip
    """How to start with the pick, fitted to the volume and the data: a chat app by hand at chat-app
    volumes; both ways between that and HAND_MAX_REQUESTS; never a personal app account for
    confidential data; else the maker's API."""
    band = _hand_band(raw, recommendation, question)
    provider = provider_display(top.provider_name, top.provider, lang)
    if band == "app":
        return t(lang, "start_app", app=_pick_app(top, lang, raw))
    if band == "both":
        return ("" if lang == "zh" else " ") + _mid_text(raw, recommendation, lang, currency)
    if band == "sensitive" or _sensitive(raw):
        return t(lang, "start_confidential", provider=provider)
    return t(lang, "start_api", provider=provider)


_AUDIO_TASKS = frozenset({"speech_to_text"})


def _audio(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None) -> bool:
    """Recordings, not texts: no chat app by hand, and the next steps are about recordings."""
    req = (recommendation or {}).get("requirements") or raw
    modalities = req.get("input_modalities") or ()
    return req.get("task_type") in _AUDIO_TASKS or "audio" in modalities


def chat_next_steps(rec: Recommendation, raw: Mapping[str, Any], question: str, lang: Lang) -> str:
    """The next steps the chat names, fitted to the person: recordings for audio; a handful of their own
    cases in the chat app at chat-app volumes, or when they have few examples or no technical staff;
    else the report's first two steps (an evaluation set, then a test of the shortlist)."""
    kinds = about_recommendation(question)
    sep = "；" if lang == "zh" else "; "
    codes = [r for r in rec.step_codes[:2]]
    rest = [chat_step(r, lang) for r in codes if "eval" not in r.code and "probe" not in r.code]
    audio = rec.requirements.task_type in _AUDIO_TASKS or "audio" in (rec.requirements.input_modalities or ())
    band = _hand_band(raw, rec.model_dump(mode="json"), question)
    if audio:
        first = t(lang, "next_audio")
    elif band == "app":
        first = t(lang, "next_hand")
    elif "few_examples" in kinds:
        first = t(lang, "next_few")
    elif "no_dev" in kinds or "setup" in kinds or band == "both":
        first = t(lang, "next_no_dev")
    else:  # confidential data: the shortlist is tried on de-identified examples, never real records sent here
        steps = [chat_step(r, lang, safe=_sensitive(raw)) for r in codes]
        return sep.join([*steps, *_safe_examples(raw, lang)])
    return sep.join([first, *rest, *_safe_examples(raw, lang)])


_RECORD_KINDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bcvs?\b|r[ée]sum[ée]|applicants?|candidates?|recruit|hiring|\bhr\b|简历|招聘|应聘|求职|履历|人事|员工档案", re.I), "cv"),
    (re.compile(r"patient|medical|clinic|hospital|病历|患者|病人|医疗|医院|诊所|门诊", re.I), "health"),
    (re.compile(r"\bkids?\b|child|pupils?|students?|parents?|nursery|kindergarten|pre-?school|\bschool|"
                r"小朋友|孩子|儿童|幼儿|幼儿园|学生|家长|学校", re.I), "school"),
)  # fmt: skip
"""Whose records the texts are, from what the person said (use case, question): a factory's HR office hears
about CVs, a clinic about patient records, a kindergarten about children and parents; "" for anyone else
(real personal data, no patients)."""


def records_kind(said: str) -> str:
    """ "cv", "health", "school" or "" (`_RECORD_KINDS`): the sector whose words a data warning uses."""
    said = to_simplified(said)
    return next((kind for pattern, kind in _RECORD_KINDS if pattern.search(said)), "")


def answer_none(raw: Mapping[str, Any], lang: Lang) -> str:
    """ "I can't answer that one…", with an example of a change in the person's own sector ("旺季每月其实有三千
    份简历" for an HR office, "每周要写三份通讯" for a kindergarten; "其实每月大约五百次" for anyone else)."""
    kind = records_kind(str(raw.get("use_case") or ""))
    return t(lang, "answer_none", example=t(lang, f"change_example_{kind or 'generic'}"))


def _safe_examples(raw: Mapping[str, Any], lang: Lang) -> list[str]:
    """For confidential or restricted data, the examples any test uses are de-identified or made up, never
    real records, said in the person's sector (CVs, patient records, children's details; real personal data
    otherwise): a test sends them to providers not yet under a data agreement."""
    if not _sensitive(raw):
        return []
    kind = records_kind(str(raw.get("use_case") or ""))
    return [t(lang, f"next_safe_examples_{kind}" if kind else "next_safe_examples")]


def _too_expensive_answer(recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "That's too expensive": what the figure is made of (volume, model), and what to say to lower it."""
    rec = _validated(recommendation)
    if rec is None:
        return t(lang, "too_expensive_before")
    return t(lang, "too_expensive", requests=f"{rec.requirements.volume.requests_per_month:,.0f}",
             model=rec.recommendations[0].model)  # fmt: skip


def _summary_step_answer(
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    question: str = "",
    currency: str | None = None,
) -> str:
    """ "Does that do the summary as well?": a speech-to-text pick types up only; the summary is a second
    step with a text model, kept in the same region. Other picks write the summary themselves."""
    top = _top(recommendation)
    task = (recommendation or {}).get("requirements", {}).get("task_type") or raw.get("task_type")
    if top is None or task not in _AUDIO_TASKS:
        return recommendation_answer("which", raw, recommendation, lang, None)
    requests = _requests(raw, recommendation) or 0.0
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    region = (deployment or {}).get("data_residency")
    where = value_name(str(region), lang) if region else t(lang, "summary_step_where_any")
    if asks_summary_model(
        question
    ):  # "which one does the summary and what does that cost?": step 2 named and priced
        return summary_model_answer(recommendation or {}, lang, currency)
    return t(lang, "summary_step", model=top.model, requests=f"{requests:,.0f}", where=where)


SUMMARY_MODEL_ASK = re.compile(
    r"(?:which|what)\s+(?:\w+\s+){0,2}?(?:does|do|writes?|makes?|for)\s+(?:\w+\s+){0,2}?summar|"
    r"summar\w*\s+(?:\w+\s+){0,4}?(?:cost|how\s+much|a\s+month|price)|(?:cost|how\s+much)\s+(?:\w+\s+){0,4}?summar|"
    r"哪个(?:模型)?(?:写|做|出)(?:摘要|总结|纪要)|(?:摘要|总结|纪要)[^。？?]{0,10}(?:多少钱|费用|用哪个|哪个模型)",
    re.IGNORECASE,
)
"""Asks which model writes the summaries of a speech task and what it costs."""


def asks_summary_model(question: str) -> bool:
    return SUMMARY_MODEL_ASK.search(to_simplified(question)) is not None


def summary_model_answer(recommendation: Mapping[str, Any], lang: Lang, currency: str | None) -> str:
    """The second step of a speech task, named and priced: the decision core run again (tools) for
    summarising the transcripts — each transcript's tokens from the audio minutes (knowledge.units:
    SPOKEN_WORDS_PER_MINUTE x TOKENS_PER_WORD), the same requests, residency, budget and languages."""
    from whichmodel.agent import tools as agent_tools  # the tools layer, as the recommend node calls it

    rec = Recommendation.model_validate(recommendation)
    stt = rec.recommendations[0]
    req = rec.requirements
    minutes = req.volume.audio_minutes or 1.0
    word_lang: Lang = "zh" if (req.languages or ["en"])[0] == "zh" else "en"
    tokens = minutes * SPOKEN_WORDS_PER_MINUTE * TOKENS_PER_WORD[word_lang]
    raw = req.model_dump(mode="json", exclude_none=True)
    raw["task_type"] = "summarization"
    raw["input_modalities"] = ["text"]
    volume = {
        k: v
        for k, v in (raw.get("volume") or {}).items()
        if k not in ("audio_minutes", "input_tokens", "output_tokens")
    }
    raw["volume"] = {**volume, "input_tokens": round(tokens)}
    step1 = _pick_text(stt, lang, currency)
    try:
        second = agent_tools.shortlist_and_rank(raw, currency=currency, lang=lang)
    except Exception as exc:  # the second run failing is said, with the first step kept
        return t(lang, "summary_two_steps_none", stt=step1, why=type(exc).__name__)
    if not second.recommendations:
        why = "; ".join(r.suggestion for r in second.relaxations[:1]) or t(lang, "no_pick_relax_unknown")
        return t(lang, "summary_two_steps_none", stt=step1, why=why)
    text_pick = second.recommendations[0]
    region = req.deployment.data_residency if req.deployment is not None else None
    where = (
        t(
            lang,
            "summary_where",
            where=value_name(str(region), lang) if lang == "zh" else REGION_EN.get(str(region), str(region)),
        )
        if region
        else ""
    )
    total = (
        None
        if stt.monthly_cost_usd is None or text_pick.monthly_cost_usd is None
        else stt.monthly_cost_usd + text_pick.monthly_cost_usd
    )
    return t(lang, "summary_two_steps", stt=step1, text_model=_pick_text(text_pick, lang, currency),
             cost=render.cost_text(text_pick.monthly_cost_usd, lang, currency), requests=f"{req.volume.requests_per_month:,.0f}",
             tokens=f"{tokens:,.0f}", where=where, total=render.cost_text(total, lang, currency))  # fmt: skip


def _dpo_answer(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "It has to go past our IT and the data protection officer": what to hand them."""
    top = _top(recommendation)
    provider = (
        provider_display(top.provider_name, top.provider, lang)
        if top is not None
        else t(lang, "about_setup_ask_no_model")
    )
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    region = (deployment or {}).get("data_residency")
    where = value_name(str(region), lang) if region else t(lang, "what_provider_region_unknown")
    return t(lang, "dpo_answer", provider=provider, where=where)


def _eu_instead_answer(raw: Mapping[str, Any], lang: Lang) -> str:
    """ "What if it stays in the EU instead?": a different rule from UK-only (UK GDPR treats the EU/EEA as
    adequate, the person's own policy may not), and the words that make it the requirement."""
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    if (deployment or {}).get("data_residency") == "uk":
        return t(lang, "eu_instead")
    return t(lang, "eu_instead_generic", region=value_name("eu", lang) if lang == "zh" else "EU")


def _no_pick_answer(recommendation: Mapping[str, Any], lang: Lang) -> str:
    """ "So can I use anything at all? What do I do next?" when nothing meets every requirement: say so
    plainly, the first change that would admit models (the core's relaxations) and the software the
    person already uses."""
    rec = Recommendation.model_validate(recommendation)
    changes = []
    for r in rec.relaxations[:2]:
        suggestion = say("zh" if lang == "zh" else "en", r.code).strip() if r.code else r.suggestion
        if r.admits:  # "…, which admits" names the models it admits, never ends there
            suggestion += ("：" if lang == "zh" else ": ") + ("、" if lang == "zh" else ", ").join(r.admits[:3])
        changes.append(suggestion)
    relax = ("；" if lang == "zh" else "; ").join(changes) if changes else t(lang, "no_pick_relax_unknown")
    return t(lang, "no_pick", relax=relax)


# Direct questions a non-technical person asks (novice18): answered from data before anything else.

COMPUTER = re.compile(
    r"(?:need|have|buy|get)\s+(?:\w+\s+){0,2}?(?:fancy|special|powerful|good|new|expensive|big|beefy|strong|better|gaming)\s+"
    r"(?:computer|pc|laptop|machine|mac)|(?:computer|pc|laptop)\s+(?:\w+\s+){0,2}?(?:good|powerful|fancy)\s+enough|"
    r"(?:需要|要|得)(?:买|换)?(?:个|台|一台)?(?:好|高配|高级|新|厉害)的?(?:电脑|笔记本|主机)|电脑(?:配置|要求)|(?:电脑|笔记本)(?:够|行)不(?:够|行)",
    re.IGNORECASE,
)
"""Whether special hardware is needed to use it ("do i need a fancy computer for this?")."""

COMPARE_CUE = re.compile(
    r"\bor\b|\bvs\.?\b|versus|better|compare|还是|[哪边](?:个|一个|家|款)(?:更)?(?:好|强|厉害|合适|适合|靠谱)|谁(?:更)?(?:好|强|厉害)|比较|对比|"
    r"和.{1,12}比|(?:跟|与|同|对)[^，。？?！!]{1,12}?比|\bpk\b|哪个[^。？?！!，,]{1,12}(?:更好|更强|更厉害|更靠谱|更准)",
    re.IGNORECASE,
)
"""Words that ask to weigh two named services against each other ("chatgpt $20 or the claude thing?")."""

ONE_ANSWER = re.compile(
    r"\bone\s+(?:answer|name|word|app|pick)\b|\bjust\s+(?:one|a\s+name)\b|\byes\s+or\s+no\b|\bsingle\s+(?:answer|name)\b|"
    r"\bjust\s+tell\s+me\s+which\b|只要?一个|给(?:我)?(?:个|一个)准话|就说一个|到底选哪个|到底用哪个",
    re.IGNORECASE,
)
"""The person wants one name (or a yes/no) first, not a comparison ("ONE name only. chatgpt or claude or gemini??",
"which one do i download, chatgpt or qwen? one answer please")."""

SHOULD_USE = re.compile(
    r"\b(?:should|shall)\s+(?:i|we)\s+(?:just\s+|simply\s+)?(?:use|go\s+with|download|get|pick|take)\b|"
    r"\b(?:chat\s?gpt|claude|gemini|copilot|qwen|deepseek)\s+yes\s+or\s+no\b",
    re.IGNORECASE,
)
"""A yes/no question about using one named app ("so should i just use chatgpt??", "chatgpt yes or no?"): the
yes or no comes first."""


def wants_one_answer(question: str) -> bool:
    """Whether the answer must start with one name or a yes/no (`ONE_ANSWER`, `SHOULD_USE`)."""
    q = to_simplified(question)
    return ONE_ANSWER.search(q) is not None or SHOULD_USE.search(q) is not None


APP_WORDS = re.compile(r"\$\s?20|\bapp\b|website|subscription|plan\b|网页|app|应用|会员|手机", re.IGNORECASE)
"""The comparison is between the chat apps (their subscriptions), not only the models."""

CAN_READ = re.compile(
    r"(?:能不能|能否|可不可以|会不会|能|可以|会)(?:准确)?(?:认|识别|读|看懂|看|认出|读出)(?:出)?[^，。？?！!]{0,8}?(?:发票|票据|收据|单据|字|文字|文件|合同|表格|扫描)|"
    r"(?:认|识别|读)(?:发票|票据|收据|单据|扫描件)[^，。？?！!]{0,4}?(?:准不准|准确吗|准吗|靠谱吗|靠不靠谱)|"
    r"(?:can|could|will|does|is)\s+(?:it|that|this|\w+)\s+(?:\w+\s+){0,2}?(?:read|recogni[sz]e|ocr|understand|pick\s+out)\s+"
    r"(?:\w+\s+){0,3}?(?:invoices?|receipts?|text|handwriting|documents?|forms?|the\s+numbers)",
    re.IGNORECASE,
)
"""Whether a model reads the person's documents ("Qwen到底能不能认发票上的字？", "can it read invoices?")."""

INVOICE_OCR = re.compile(
    r"专门(?:识别|认|读|处理)?(?:发票|票据|收据)的?(?:工具|软件|服务|产品|接口)|发票(?:识别|ocr)(?:的)?(?:工具|软件|服务|接口)|"
    r"(?:dedicated|specialised|specialized|purpose[\s-]built|special)\s+(?:invoice|receipt)\s+(?:ocr|reader|tool|software|service)s?|"
    r"(?:invoice|receipt)\s+ocr\s+(?:tool|software|service)s?",
    re.IGNORECASE,
)
"""Whether a tool made for reading invoices exists ("有没有专门识别发票的工具？")."""

DATA_INTO_AI = re.compile(
    r"\b(?:problem|ok|okay|safe|allowed|legal|risky|risk|wise|fine)\b[^?]{0,60}?\b(?:put|putting|paste|pasting|send|sending|"
    r"upload|uploading|give|giving|share|sharing|feed|feeding|enter|entering|type|typing)\b[^?]{0,90}?\b(?:into|to|in|with)\s+"
    r"(?:an?\s+|the\s+)?(?:ai|chat\s*gpt|copilot|claude|gemini|model|chatbot|bot)\b|"
    r"(?:资料|数据|信息|病历|隐私|记录|简历|身份证号|电话|住址|这些)[^。？?！!]{0,24}(?:给|交给|放进|输入|传给|喂给|发给)\s*"
    r"(?:ai|人工智能|模型|chatgpt)[^。？?！!]{0,12}(?:行不行|可以吗|安全吗|有没有问题|有问题吗|会不会|得不得|吗)|"
    r"(?:资料|数据|信息|病历|隐私|记录|简历|身份证号|电话|住址|这些)[^。？?！!]{0,12}(?:能不能|可不可以|能否|可以|能)(?:直接)?"
    r"(?:传|发|放|给|输入|上传|交)(?:给|进|到)?\s*(?:ai|人工智能|模型|chatgpt)",
    re.IGNORECASE,
)
"""A question whether some data may go into an AI service at all ("is it a problem to put immigration status
into an AI?", "简历里面有身份证号、电话、家庭住址，这些可以直接传给AI吗？"): answered with where the data goes and what to keep out (`_safety_answer`)."""
PHOTOS_OF_PEOPLE = re.compile(
    r"(?:photos?|pictures?|images?)\s+of\s+(?:the\s+|our\s+)?(?:kids|children|students|pupils|patients|clients|customers|people)"
    r"[^?]{0,60}\b(?:ai|chatgpt|app|model)\b[^?]{0,20}\?|"
    r"(?:小朋友|孩子|儿童|学生|幼儿|病人|患者|客户)(?:的|们的)?(?:活动)?(?:照片|相片|图片)[^。？?！!]{0,20}(?:ai|人工智能|模型|app|应用)",
    re.IGNORECASE,
)
"""Whether photos of people (children, patients) may go into an AI: a personal-data question with its own answer."""
PHOTO_PUT = re.compile(
    r"(?:照片|相片|图片)[^。？?！!]{0,10}(?:可不可以|能不能|可以|能否|行不行|能)[^。？?！!]{0,6}(?:放|上传|传|给|用)|"
    r"(?:放|上传|传|给)[^。？?！!]{0,6}(?:照片|相片)[^。？?！!]{0,10}(?:可不可以|能不能|可以吗|行不行|吗)|"
    r"(?:upload|put|use|share|send)\s+(?:\w+\s+){0,3}(?:photos?|pictures?)[^?]{0,40}\?|(?:photos?|pictures?)[^?]{0,20}\b(?:ok|allowed|fine)\b",
    re.IGNORECASE,
)
PEOPLE_IN_PHOTOS = re.compile(r"小朋友|孩子|儿童|学生|幼儿|幼儿园|病人|患者|\bkids\b|children|pupils|students|patients|nursery|kindergarten", re.I)
"""Photos asked about ("照片到底可不可以放？") in a conversation about children or patients: the photos-of-people answer."""
RELAY_API = re.compile(
    r"中转\s*(?:api|接口)?|转售(?:的)?\s*(?:api|接口)|代理\s*(?:api|接口)|api\s*(?:中转|代理|转售)|"
    r"\b(?:relay|proxy|resold|reseller|grey[\s-]market|gray[\s-]market)\s+(?:api|keys?|access)|(?:cheap|discount)\s+(?:claude|chatgpt|gpt|openai)\s+(?:api|keys?)",
    re.IGNORECASE,
)
"""A question about cheap relay or reseller APIs ("淘宝上有人卖便宜的中转API…靠谱吗？", "are those relay API keys legit?")."""
HK_PRIVACY = re.compile(r"私隐条例|私隐|个人资料[（(]?私隐[）)]?条例|(?<![a-z])pdpo(?![a-z])|privacy\s+ordinance|pcpd", re.IGNORECASE)
"""Hong Kong's privacy law asked about ("私隱條例點睇？", "what does the PDPO say?")."""
BOTTOM_LINE = re.compile(
    r"bottom\s+line|one\s+sentence|in\s+short|yes\s+or\s+no|which\s+(?:one|should\s+we|do\s+we)|\bor\s+(?:this|the|that)\b|"
    r"\bor\s+(?:claude|chatgpt|gemini|the\s+api)|一句话|到底用哪个|还是",
    re.IGNORECASE,
)
"""A demand for the one answer ("So bottom line: Copilot which we already pay for, or this Claude thing? One sentence")."""
TELL_CLIENTS = re.compile(
    r"(?:tell|inform|let|notify|disclose\s+to|warn)\s+(?:our\s+|the\s+|my\s+)?(?:clients?|customers?|patients?|parents?)\b[^?.!]{0,40}"
    r"\b(?:ai|use|using|tools?)\b|disclose\s+(?:that\s+)?(?:we\s+)?(?:use|using)\s+ai|"
    r"(?:告诉|告知|通知)(?:客户|顾客|病人|患者|家长)[^。？?！!]{0,12}(?:ai|人工智能|用了|使用)",
    re.IGNORECASE,
)
"""Whether clients must be told that AI is used on their files ("do we have to tell clients we use AI?")."""
STAFF_RULES = re.compile(
    r"(?:rules?|policy|policies|guidelines?|dos\s+and\s+don'?ts)\b[^?.!]{0,40}\b(?:staff|team|employees|colleagues|people|"
    r"teachers|workers)\b|(?:tell|give)\s+(?:the\s+|my\s+|our\s+)?(?:\d+\s+)?(?:staff|team|employees|colleagues|teachers)\b"
    r"[^?.!]{0,40}\b(?:rules?|policy|guidelines?|monday)|(?:staff|team|employee)\s+(?:ai\s+)?(?:rules?|policy|guidelines?)|"
    r"(?:员工|同事|老师|团队)[^。？?！!]{0,10}(?:规则|规定|守则|注意事项)",
    re.IGNORECASE,
)
"""Simple rules for staff who will use AI ("what simple rules do I give my 12 staff on Monday?")."""
SAMPLE_PROMPT = re.compile(
    r"(?:example|sample|template)\s+(?:of\s+)?(?:a\s+|an\s+)?(?:prompt|instruction|message|comment|reply|letter|caption|"
    r"what\s+(?:to|i\s+should|should\s+i)\s+(?:type|write|say|put|ask))|(?:example|sample)\s+(?:of\s+)?what\s+to\s+(?:type|write|say)|"
    r"what\s+(?:do|should|would)\s+i\s+(?:type|write|put)\s+(?:in(?:to)?|to)\b|(?:show|give)\s+me\s+(?:an?\s+)?(?:example|sample)|"
    r"(?:一个|个)?(?:例子|示例|范例|模板)[^。？?！!]{0,8}(?:提示词|指令|怎么写|输入)|(?:提示词|指令)[^。？?！!]{0,6}(?:例子|示例|范例)",
    re.IGNORECASE,
)
"""A ready-made instruction asked for ("can you give me an example of what to type for a report comment?")."""
REVIEW_STEPS = re.compile(
    r"\breview\w*\b[^?.!]{0,60}\b(?:step[\s-]by[\s-]step|steps|how\s+do\s+i|how\s+to)|"
    r"(?:step[\s-]by[\s-]step|steps|how\s+do\s+i\s+(?:use|do)\s+it|how\s+to\s+use\s+it)\b[^?.!]{0,40}\breviews?\b",
    re.IGNORECASE,
)
"""How to answer a review with a chat app, in steps ("how do I use it for a review, like step by step")."""
WHICH_APP = re.compile(
    r"(?:用|选|装|下载)哪(?:一)?(?:个|款|种)\s*(?:app|应用|软件|程式|程序)|哪(?:一)?(?:个|款)\s*(?:app|应用)|"
    r"which\s+(?:chat\s+)?app|what\s+app\s+(?:do|should|can|to\s+(?:download|get|use|install))|what'?s\s+the\s+app\b|"
    r"which\s+(?:website|site)\b|what\s+(?:website|site)\s+(?:do|should|to)|which\s+one\s+do\s+i\s+(?:open|download|use|install)",
    re.IGNORECASE,
)
"""Which chat app to use ("到底要用哪一個app？", "which app do my girls use on their phones?")."""
FIRST_STEPS = re.compile(
    r"(?:星期一|礼拜一|周一|下周一|明天|下周)[^。？?！!]{0,16}(?:怎么|如何|从哪|要怎样)(?:开始|做|弄|着手)|"
    r"(?:怎么|如何)开始(?:写|做|用)?(?:第一|头一)|第一(?:份|篇|封|次)[^。？?！!]{0,8}(?:怎么|如何)|"
    r"第一步(?:该|要|应该)?(?:怎么|如何|做什么|干什么|干嘛|从哪)|(?:从哪|从哪里|从何)(?:开始|入手|下手)|具体(?:要|该)?怎么(?:开始|着手|操作|弄)|"
    r"(?:how|where)\s+do\s+(?:i|we)\s+start|(?:on\s+)?monday\s+morning|first\s+steps?\b|"
    r"what\s+(?:i|we)\s+(?:should|must|need\s+to|have\s+to|can)\s+(?:actually\s+|first\s+)?do\b|"
    r"\bdo\s+(?:on|by|this|next|from)\s+monday\b|(?:on|by|this|next|from)\s+monday\b[^?.!]{0,30}\b(?:start|begin|do)\b",
    re.IGNORECASE,
)
"""How to begin, concretely ("請簡單告訴我下週一怎麼開始寫第一份通訊", "what do I do Monday morning?", "So what I
should do on Monday?", "what should we do first?")."""
FREE_APP_ASK = re.compile(
    r"\bfree\s+(?:version\s+of\s+|plan\s+of\s+)?(?:chat\s?gpt|claude|gemini|copilot|app|plan|version|one|account)\b[^?.!]{0,30}?"
    r"\b(?:ok|okay|fine|enough|good\s+enough|work|do|alright|safe)\b|"
    r"\b(?:chat\s?gpt|claude|gemini|copilot)\b[^?.!]{0,12}\bfree\b[^?.!]{0,20}?\b(?:ok|okay|fine|enough|work|do)\b|"
    r"(?:can|could)\s+(?:i|we)\s+(?:just\s+)?use\s+(?:the\s+)?free\s+(?:chat\s?gpt|claude|gemini|copilot|app|version|plan)|"
    r"\b(?:chat\s?gpt|claude|gemini)\b[^.!?]{0,60}?\bfree\s*\?|"
    r"\b(?:chat\s?gpt|claude|gemini)\b[^!]{0,80}?\b(?:use|get|try|download)\s+(?:that|this)\s+one\b[^!]{0,20}?\bfree\b|"
    r"免费(?:版|的)?\s*(?:chatgpt|claude|gemini|豆包|kimi|deepseek|通义千问)?[^。？?！!]{0,8}(?:够不够|够吗|行吗|行不行|可以吗|能用吗)",
    re.IGNORECASE,
)
"""Whether a chat app's free plan will do ("Is the free ChatGPT OK for this?", "would the free version of Claude do?")."""
KEEPS_TYPED = re.compile(
    r"\b(?:keeps?|stores?|saves?|remembers?|records?)\s+(?:what|everything|anything|all\s+(?:that|of\s+what))\s+(?:i|we|you|they)\s+"
    r"(?:type|write|paste|put|enter|say|send)|\blearn\s+(?:from|off)\s+(?:our|my|the|what|their|it|them|people'?s)\b|"
    r"\buse\s+(?:them|it|those|the\s+names)\s+(?:somewhere|elsewhere|for\s+other)|\btrain\w*\s+on\s+what\s+(?:i|we)\b|"
    r"(?:保存|记住|留着|记下)(?:我|我们)(?:输入|打|写|贴)的|(?:会不会|会)(?:学|学习)(?:我们|我)的",
    re.IGNORECASE,
)
"""Whether a chat app keeps or learns from what is typed ("Does it keep what I type in? Like will it learn from our
volunteers' names?"): where the data goes, answered with the app's training setting."""
LETTERS_TO_PEOPLE = re.compile(
    r"thank[\s-]?you|letters?\b|\bcards?\b|condolence|invitations?|newsletters?|notes?\s+to\b|emails?\s+to\s+(?:volunteers|donors|"
    r"members|parents|families)|感谢信|感谢卡|贺卡|慰问|邀请函|通讯|家长信",
    re.IGNORECASE,
)
"""Texts written to a named person (thank-you notes, letters, cards): a name left out is a placeholder filled in after."""
LOSS = re.compile(
    r"\blost\s+(?:her|his|their|my|our)\s+(?:husband|wife|son|daughter|mother|father|mom|mum|dad|child|baby|partner|"
    r"brother|sister)|passed\s+away|\b(?:died|bereave\w*|widow\w*|funeral|griev\w*|grief)\b|去世|过世|丧偶|丧亲|走了",
    re.IGNORECASE,
)
"""A bereavement mentioned ("one lady lost her husband last month"): the note gets tone advice besides the privacy part."""
MENTION_ASK = re.compile(
    r"\b(?:ok|okay|fine|alright|appropriate|right|wise)\s+to\s+(?:mention|put|include|write|say|bring\s+up|add)\b|"
    r"\bshould\s+(?:i|we)\s+(?:mention|include|say|write|bring\s+up)\b|\bmention\s+(?:it|that|this|her|his)\b|"
    r"(?:可以|能不能|要不要|该不该)(?:提|写|提到|写进)",
    re.IGNORECASE,
)
"""Whether something may go into the text ("Is it ok to put that in?", "should I mention it?")."""
SCREENING_BIAS = re.compile(
    r"(?:筛|过滤|刷|淘汰|挑)[^。？?！!]{0,20}(?:年龄|性别|男女|婚育|怀孕|户籍|籍贯|民族|地域|歧视)|"
    r"(?:年龄|性别|男女|婚育|怀孕|户籍|籍贯|民族|地域)[^。？?！!]{0,12}(?:筛|过滤|刷掉|淘汰)|"
    r"(?:简历|招聘|筛选|面试|录用)[^。？?！!]{0,20}歧视|歧视[^。？?！!]{0,12}(?:简历|招聘|求职|应聘)|"
    r"\b(?:screen|screening|filter|filtering|reject|hiring|cvs?|r[eé]sum[eé]s?)\b[^.?!]{0,40}\b(?:bias|biased|discriminat\w*|age|gender|sex)\b",
    re.IGNORECASE,
)
"""Whether AI screening of applicants could discriminate ("让AI筛简历，会不会按年龄、性别筛掉人？")."""
FAIRNESS = re.compile(
    r"\bfair(?:ness|ly)?\b|\bbias(?:ed)?\b|discriminat|\bai\s+act\b|high[\s-]risk|"
    r"reject\w*\s+(?:\w+\s+){0,3}automatic|automat\w*\s+(?:\w+\s+){0,2}(?:decision|reject)|"
    r"公平|偏见|歧视|高风险|自动(?:化)?(?:决定|决策|淘汰)",
    re.IGNORECASE,
)
"""Fairness, the AI Act or automated rejection asked about ("what about fairness and bias?", "is CV screening high
risk?", "can the AI reject candidates automatically?"): the screening answer where the talk is about hiring."""
HIRING = re.compile(r"\b(?:cvs?|r[eé]sum[eé]s?|applicants?|applications?|candidates?|hiring|recruit\w*|job\s+seekers?)\b|"
                    r"简历|招聘|应聘|求职|候选人", re.IGNORECASE)  # fmt: skip
"""Talk about hiring (the person's messages or use case)."""
_GERMANY = re.compile(r"german|deutsch|betriebsrat|munich|münchen|berlin|hamburg|frankfurt|cologne|köln|stuttgart|德国", re.IGNORECASE)
"""Germany named (its equal-treatment law and works-council rights join the EU answer)."""
_MEDICAL = (r"吃药|用药|停药|加药|减药|吃[^。？?！!，,]{0,3}药|止痛|消炎药|抗生素|药物|剂量|打针|开药|诊断|病情|症状|处方|"
            r"(?:牙|头|肚子)痛")
"""What a patient asks a clinic that is medical advice (medicine, dose, symptoms, pain), in Simplified."""
_MEDICAL_EN = (r"medicines?|medications?|meds|dose|dosage|pills?|insulin|painkillers?|pain\s+(?:killers?|relief)|"
               r"antibiotics?|ibuprofen|paracetamol|diagnos\w*|symptoms?")
PATIENT_ADVICE = re.compile(
    r"(?:病人|患者|病患|居民|家属)[^。？?！!]{0,30}(?:要不要|该不该|能不能|可不可以)?(?:" + _MEDICAL + r"|看病)[^。？?！!]{0,40}"
    r"(?:ai|人工智能|机器人|它)[^。？?！!]{0,12}(?:回答|回复|答复|解答)|"
    r"(?:ai|人工智能|机器人|它)[^。？?！!]{0,12}(?:直接)?(?:回答|回复|答复|解答)[^。？?！!]{0,20}(?:病人|患者|病患)[^。？?！!]{0,20}"
    r"(?:" + _MEDICAL + r")|"
    r"(?:" + _MEDICAL + r")[^。？?！!]{0,20}(?:叫|让|要|设定|设置|告诉|跟)(?:ai|人工智能|机器人|它)[^。？?！!]{0,6}"
    r"(?:不要|别|不准|不能|不)(?:回答|回复|答复|回)|"
    r"(?:叫|让|要|设定|设置|告诉|跟)(?:ai|人工智能|机器人|它)[^。？?！!]{0,6}(?:不要|别|不准|不能|不)(?:回答|回复|答复|回)"
    r"[^。？?！!]{0,8}(?:" + _MEDICAL + r")|"
    r"\bpatients?\b[^?]{0,80}\b(?:" + _MEDICAL_EN + r")\b[^?]{0,60}"
    r"\b(?:ai|bot|chatbot|it)\b[^?]{0,20}\b(?:answer|reply|respond)|"
    r"\b(?:ai|bot|chatbot|it)\b[^?]{0,20}\b(?:answer|reply\s+to|respond\s+to)\b[^?]{0,40}\bpatients?'?\b[^?]{0,40}"
    r"\b(?:" + _MEDICAL_EN + r")\b|"
    r"\b(?:tell|make|set|instruct|program|get)\s+(?:the\s+)?(?:ai|bot|chatbot|it)\s+(?:to\s+)?(?:not|never)\s+(?:to\s+)?"
    r"(?:answer|reply|respond)[^?]{0,60}\b(?:" + _MEDICAL_EN + r")\b|"
    r"\b(?:" + _MEDICAL_EN + r")\b[^?]{0,30}\bquestions?\b[^?]{0,40}\b(?:ai|bot|chatbot)\b[^?]{0,30}"
    r"\b(?:answer|reply|respond)",
    re.IGNORECASE,
)
"""Whether the AI may answer patients' own medical questions (medicine, dose, diagnosis) directly ("有病人在微信上直接问
'我血糖8.5要不要吃药'，AI能直接帮我们回答吗？"): never on its own, a clinician decides (novice23 T18);
a clinic's reply bot is told not to answer them ("止痛藥的問題 我可以叫AI不要回答嗎？", novice24 P4)."""
PHOTOS_OF_IDS = re.compile(
    r"(?:passports?|passport\s+(?:photos?|scans?|pages?)|id\s+(?:cards?|documents?|photos?|scans?)|identity\s+(?:cards?|documents?)|"
    r"driv(?:er'?s|ing)\s+licen[cs]es?|visas?)\b[^?]{0,80}\b(?:ai|chatgpt|claude|gemini|app|model|it)\b[^?]{0,30}\?|"
    r"(?:护照|身份证|证件|签证)(?!号|号码)(?:的)?(?:照片|扫描件|复印件)?[^。？?！!]{0,20}(?:ai|人工智能|模型|app|应用)",
    re.IGNORECASE,
)
"""Whether photos or scans of ID documents (passports, ID cards) may go into an AI: its own answer."""
STUDENT_DATA = re.compile(
    r"(?:^|[.!?]\s*)[^.!?]*?(?:\b(?:students?|pupils?|children|kids|bacch\w*|learners?)(?:'s|s')?\s+(?:full\s+)?(?:names?|marks|grades|"
    r"scores|results|report\s+cards?|data|details|roll\s+numbers?)|\bnames?\s+(?:and|&|with)\s+(?:their\s+)?(?:marks|grades|scores|results)|"
    r"(?:学生|孩子|小朋友)(?:的)?(?:姓名|名字|成绩|分数))[^.!]*?"
    r"(?:\?|\bsafe|\bworr|\bok\b|\bokay|\ballowed|\bproblem|\brisk|\bleak|吗|安全|可以|能不能|担心)",
    re.IGNORECASE,
)
"""Whether pupils' names and marks may go into an AI ("for marking I will have to give student names and marks na?
Is that safe?", "can I paste my pupils' names with their grades?"): children's personal data, its own answer."""
PHOTOS_OF_WORK = re.compile(
    r"(?:photos?|pictures?|images?|scans?|photograph\w*|snap\w*|pics?)\s+(?:of\s+)?(?:the\s+|their\s+|my\s+|our\s+|students?'?\s+|"
    r"pupils?'?\s+|kids'?\s+|handwritten\s+|hand-written\s+)*(?:answer[\s-]?sheets?|answer\s+scripts?|exam\s+papers?|test\s+papers?|"
    r"copies|notebooks|homework|worksheets?|essays|assignments)|(?:拍|照片|相片)[^。？?！!]{0,8}(?:试卷|答卷|作业|作文|考卷)",
    re.IGNORECASE,
)
"""Photos of pupils' handwritten work put into an AI ("can I just take photo of the handwritten answer sheets and put
in the AI for checking?"): a child's name and marks on the page, its own answer."""
CROSS_BORDER_CN = lx.CROSS_BORDER_CN
PERSONAL_DATA_CN = lx.PERSONAL_DATA_CN


CHINA_ORIGIN = re.compile(
    r"(?:from|in|made\s+in|based\s+in|owned\s+by)\s+(?:mainland\s+)?china\b|\bchinese\b|"
    r"(?:是)?中国(?:大陆)?(?:的|公司)|来自中国|国产(?:的)?",
    re.IGNORECASE,
)
"""Words saying a model or its maker is from China ("is DeepSeek from China then ok?", "DeepSeek是中国的，能用吗？")."""
_OK_ASK = re.compile(
    r"\bok\b|okay|\bsafe|allowed|\bfine\b|trust|\brisk|problem|\bcan\s+(?:i|we)\s+use|should\s+(?:i|we)|"
    r"可以|能用|能不能|安全|行不行|行吗|靠谱|放心|有没有问题|有问题|风险|合规",
    re.IGNORECASE,
)
_CONFIDENTIAL_SAID = re.compile(
    r"confidential|sensitive|personal\s+data|client|patient|secret|保密|机密|敏感|个人信息|客户资料|病历|简历", re.IGNORECASE
)


BOT_REPLY = re.compile(
    r"自动回|自动答|机器人|半夜|深夜|晚上|下班|(?<![a-z])line(?![a-z])|whats\s?app|微信|\bbot\b|chatbot|automatic|"
    r"\bauto-?repl|overnight|at\s+night|after\s+hours",
    re.IGNORECASE,
)
"""A reply bot answering patients by itself ("常常有人半夜傳LINE問這個"): the fixed-reply rule is said."""
TELL_NOT_TO = re.compile(
    r"(?:叫|让|要|设定|设置|告诉|跟)(?:ai|人工智能|机器人|它)[^。？?！!]{0,6}(?:不要|别|不准|不能|不)(?:回答|回复|答复|回)|"
    r"\b(?:tell|make|set|instruct|program|get)\s+(?:the\s+)?(?:ai|bot|chatbot|it)\s+(?:to\s+)?(?:not|never)\b",
    re.IGNORECASE,
)
"""Telling the bot not to answer ("我可以叫AI不要回答嗎", "can I tell the bot not to answer?")."""
EMERGENCY_NUMBER = {"tw": "119", "cn": "120", "hk": "999", "us": "911", "ca": "911", "uk": "999", "eu": "112",
                    "au": "000", "sg": "995"}  # fmt: skip
"""The emergency ambulance number where the person is (Taiwan 119, mainland China 120, Hong Kong 999, the US
and Canada 911, the UK 999, the EU 112, Australia 000, Singapore 995); elsewhere "the local emergency number"."""


def patient_advice_answer(question: str, raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str:
    """A patient's own medical question (medicine, dose, symptoms): the doctor answers, never the AI alone;
    for a reply bot that answers by itself (a chat task, or "半夜傳LINE", "the bot"), the stricter rule: a
    fixed reply (call the clinic, see the dentist or doctor, the emergency number where the person is) and
    only bookings and practical questions automated; mainland China's rule named there."""
    place = _place_of(raw)
    number = EMERGENCY_NUMBER.get(place or "")
    emergency = t(lang, "emergency_number", number=number) if number else t(lang, "emergency_local")
    said = to_simplified(f"{question} {raw.get('use_case') or ''}")
    bot = raw.get("task_type") == "chat" or BOT_REPLY.search(said) is not None
    if bot and TELL_NOT_TO.search(to_simplified(question)):  # "止痛藥的問題 我可以叫AI不要回答嗎？": the fixed reply first
        parts = [t(lang, "patient_advice_tell_not"), t(lang, "patient_advice_bot", emergency=emergency)]
    else:
        parts = [t(lang, "patient_advice", emergency=emergency)]
        if bot:
            parts.append(t(lang, "patient_advice_bot", emergency=emergency))
    if person_region(raw, currency) == "cn":
        parts.append(t(lang, "patient_advice_cn"))
    return ("" if lang == "zh" else " ").join(parts)


_LISTING_WORDS = r"不能写的词|禁用词|违禁词|敏感词|不能用的词|哪些词不能|(?:banned|forbidden|prohibited)\s+words"
"""Which words a listing must not use ("有没有不能写的词？"): answered with Amazon's rules once Amazon was named."""
AMAZON_ASK = re.compile(
    r"(?:亚马逊|amazon)[^。？?！!]{0,40}(?:ai|人工智能|机器写|判定|检测|查出|查[^。？?！!]{0,4}内容|处罚|惩罚|封店|封号|下架|违规|"
    r"不能写|禁用|违禁|敏感词|能不能写|penal|ban|suspend|detect|flag|allowed|prohibit|restricted|words?)|"
    r"(?:ai|人工智能)[^。？?！!]{0,20}(?:写的?|生成的?)[^。？?！!]{0,20}(?:亚马逊|amazon)|"
    r"(?:" + _LISTING_WORDS + r")|"
    r"(?:查出|判定|检测|识别|看出)[^。？?！!]{0,12}(?:ai|人工智能)(?:写|生成)|封店|封号|"
    r"\b(?:detect|penali[sz]e|ban|suspend)\w*\b[^?]{0,30}\bai[- ](?:written|generated)",
    re.IGNORECASE,
)
"""Whether Amazon penalises AI-written listings, or which words a listing must not use ("亚马逊会不会判定是AI
写的然后处罚？", "有没有不能写的词？" after Amazon was named, "will Amazon ban AI-written listings?")."""
_AMAZON = re.compile(r"亚马逊|amazon|listing|上架", re.IGNORECASE)
LINE_CONNECT = re.compile(
    r"(?<![A-Za-z])line(?![A-Za-z])[^。？?！!]{0,12}(?:接|连|串|对接|自动回|自动答|机器人|\bbot\b|connect|hook|integrat|auto)|"
    r"(?:接|连|串)(?:到|进|上)?(?<![A-Za-z])line(?![A-Za-z])|"
    r"(?<![A-Za-z])line(?![A-Za-z])[^。？?！!]{0,40}(?:复制|贴上|粘贴|copy|paste)",
    re.IGNORECASE,
)
"""Whether LINE can be connected to an AI or the person copies and pastes ("LINE可以接AI嗎 還是我要自己複製貼上",
"LINE可以自動回嗎"); read only in a message in Chinese or with "LINE" in capitals (English "line" is a word)."""
CHINA_COMPANY_DATA = re.compile(
    r"(?:资料|数据|个资|病历|信息)[^。？?！!]{0,20}(?:给|交给|放到|放进|传到|传给|用)[^。？?！!]{0,6}(?:中国|大陆|内地)(?:的)?"
    r"(?:公司|厂商|企业|服务|ai|模型|app|应用)[^。？?！!]{0,12}(?:ok|可以|行|能|好|安全|合法|没问题|吗)|"
    r"(?:中国|大陆|内地)(?:的)?(?:公司|厂商|ai)[^。？?！!]{0,20}(?:病人|患者|客户|个人)的?(?:资料|数据|信息)[^。？?！!]{0,12}"
    r"(?:ok|可以|行|能|安全|合法|吗)|"
    r"\b(?:data|records|information)\b[^?]{0,40}\b(?:to|with)\s+(?:a\s+)?chinese\s+(?:company|companies|provider|providers|ai)\b",
    re.IGNORECASE,
)
"""Whether patients' or customers' data may go to a mainland Chinese company ("病人的資料給中國的公司OK嗎？"),
no maker named (a named one is `china_maker`)."""


def line_asked(question: str) -> bool:
    """Whether `question` asks how LINE connects to an AI (see `LINE_CONNECT`)."""
    return bool(LINE_CONNECT.search(question)) and (has_han(question) or "LINE" in question)


def china_data_answer(question: str, raw: Mapping[str, Any], lang: Lang) -> str | None:
    """ "病人的資料給中國的公司OK嗎？": for a person in Taiwan, no for patients' or other personal data (not a legal
    ban for a private business; mainland providers fall under Chinese law), Taiwan's Personal Data Protection Act
    (health records special-category, Art. 6) and its public-agency DeepSeek rule (2025) said as what they are;
    elsewhere outside mainland China, no for confidential data; in mainland China, None (the local choice)."""
    place = _place_of(raw)
    if place == "cn":
        return None
    if place == "tw":
        health = records_kind(f"{question} {raw.get('use_case') or ''}") == "health" or bool(
            re.search(r"病人|患者|病历|病患|牙医|诊所|patient|clinic", to_simplified(question), re.IGNORECASE))
        return t(lang, "china_data_tw") + (t(lang, "china_data_tw_health") if health else "") + t(lang, "china_data_tw_do")
    return t(lang, "china_data_generic")


UNREAD_LANGUAGE = re.compile(
    r"(?:靠谱|可靠|行不行|准不准|准确|能用吗|可以吗|好不好)[^。？?！!]{0,30}(?:没人懂|没人会|没有人懂|没人看得懂|看不懂|不懂)|"
    r"(?:没人懂|没人会|没有人懂|没人看得懂|看不懂)[^。？?！!]{0,12}(?:语|文)|"
    r"\b(?:nobody|no\s+one|none\s+of\s+us)\b[^.?!]{0,30}\b(?:speaks?|reads?|knows?|understands?)\b",
    re.IGNORECASE,
)
"""Whether a model writes a language nobody on the team reads well enough ("写德文和日文靠谱吗？我们没人懂德文")."""


CAN_LANGUAGE = re.compile(
    r"\b(?:can|does|will|could|is)\s+(?:it|they|that|claude|chatgpt|gemini|the\s+app|this)\s+(?:also\s+)?"
    r"(?:do|write|speak|handle|understand|good\s+(?:at|in|for)|work\s+in|reply\s+in|answer\s+in)\b|"
    r"\b(?:it|they|claude|chatgpt|gemini)\s+(?:can|could|will)\s+(?:also\s+)?(?:do|write|speak|handle|understand)\b|"
    r"\bin\s+\w+\s+(?:also|too)\s*(?:na|no)?\s*[?？]|(?:会|能|可以)(?:写|说|用|回)?[^。？?！!]{0,6}(?:语|文)(?:吗|嘛|不)",
    re.IGNORECASE,
)
"""Asks whether it writes a language ("it can do hindi also na?", "can claude write in Portuguese?", "会写日语吗？")."""


def unread_languages(message: str) -> list[str]:
    """The single languages (codes) a message names, in its order, English and Chinese left out."""
    low = to_simplified(message).lower()
    found = sorted((m.start(), codes[0]) for pattern, codes in lx.LANGUAGES
                   if len(codes) == 1 and (m := re.search(pattern, low, re.IGNORECASE)))  # fmt: skip
    return [c for c in dict.fromkeys(code for _, code in found) if c not in ("en", "zh")]


def china_maker_asked(question: str) -> Maker | None:
    """The maker of a "is it ok, it's from China?" question ("is DeepSeek from China then ok for this?", "Kimi是
    中国的，客户合同能用吗？"): a Chinese maker of the makers table named with words of its origin and a
    question whether it is all right; None otherwise ("DeepSeek在国内能用吗" asks where, not whether)."""
    q = to_simplified(question)
    if CHINA_ORIGIN.search(q) is None or _OK_ASK.search(q) is None:
        return None
    named = [(m.start(), maker) for maker in CHINESE_MAKERS if (m := re.search(maker.models, q, re.IGNORECASE))]
    return min(named, key=lambda pair: pair[0])[1] if named else None


def _china_maker_answer(
    maker: Maker, question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang
) -> str:
    """ "Is DeepSeek from China ok for this?": where the maker is and where its own app and API keep the data
    (in mainland China, under Chinese law: makers table); for confidential data of a person outside mainland
    China, no through the maker's own service (the GDPR's transfer rules named for the EU); inside mainland
    China, the local choice, still under a data agreement for confidential data. Where it is a choice, where its
    models stand in this ranking (the core's why-not: the same model as the shortlist shows)."""
    name = maker.family_zh if lang == "zh" else maker.family_en
    who = _maker_name(maker, lang)
    sensitive = _sensitive(raw) or _CONFIDENTIAL_SAID.search(to_simplified(question)) is not None
    place = _place_of(raw)
    if place == "cn":
        key = "china_maker_in_cn_confidential" if sensitive else "china_maker_in_cn"
    elif sensitive:
        region = person_region(raw, None)
        key = "china_maker_no_eu" if region == "eu" or place == "eu" else "china_maker_no"
    else:
        key = "china_maker_public"
    text = t(lang, key, name=name, maker=who)
    if recommendation and key not in ("china_maker_no", "china_maker_no_eu"):  # where it stands, when it is a choice
        text += ("" if lang == "zh" else " ") + why_not(PRODUCT_QUERY.get(maker.key, maker.key), recommendation, lang)
    return text


def data_leaving_cn(question: str) -> bool:
    """Whether `question` asks about data leaving mainland China ("简历可以传到香港或者国外的服务器吗？"):
    answered as a cross-border transfer, never as where a service is offered."""
    return bool(CROSS_BORDER_CN.search(to_simplified(question)))

PASTE_APP = re.compile(
    r"(?:ok|okay|safe|fine|alright|allowed)\s+to\s+(?:paste|put|copy|type|upload|share)\b|"
    r"(?:paste|put|copy|upload)\s+(?:\w+\s+){0,6}?(?:in|into|on)\s+(?:there|it|that|the\s+(?:app|website|site|chat))|"
    r"\b(?:can|could|may|should)\s+(?:i|we)\s+(?:put|paste|type|include|add|give\s+it)\s+(?:in\s+)?(?:the\s+|our\s+|my\s+|their\s+)?"
    r"(?:\w+(?:'s|s')?\s+){0,3}(?:names?|phone\s+numbers?|numbers|addresses|emails?\s+addresses|details|birthdays?|photos?)\b|"
    r"(?:use|sign\s+up\s+(?:on|to|for))\s+the\s+\w+\s+(?:website|app|site)\s+and\s+(?:just\s+)?paste|"
    r"贴进去|贴到|粘贴进|复制进去|放进去|传上去|(?:网页版|app|应用)[^，。？?！!]{0,12}(?:贴|粘贴|输入)[^，。？?！!]{0,10}(?:安全|行|可以|能)|"
    r"(?:贴进|贴到|粘贴到)[^，。？?！!]{0,12}(?:网页版|应用|app)|"
    r"有没得[^，。？?！!]{0,8}用[^，。？?！!]{0,6}(?:app|应用|网页)",  # Cantonese "有冇得就咁用個app"
    re.IGNORECASE,
)
"""Whether the person's data may be pasted into a chat app ("is it ok to paste customer emails in there?",
"能不能就用通义千问的网页版？客户报价贴进去安全吗？", "can I just use the Claude website and paste the notes in?")."""

WARNING_ASK = re.compile(
    r"warning|⚠|warns?\b|警告|提示|后面写着|标着|(?:law|法律)[^?？]{0,20}(?:mean|意思|什么)",
    re.IGNORECASE,
)
"""A question about a warning shown next to a model ("whats that qwen one with the singapore law warning??")."""
_LAW_WORDS = re.compile(
    r"\blaw\b|legal|jurisdiction|法律|管辖|singapore|china|chinese|新加坡|中国", re.IGNORECASE
)

SELF_HOST_ASK = re.compile(
    r"(?:能不能|可以|能否|可不可以)?(?:装|部署|放)在(?:医院|诊所|公司|我们)?(?:自己的)?(?:电脑|服务器|机器)上|"
    r"run\s+(?:it|this|a\s+model)\s+on\s+(?:our|my)\s+own\s+(?:computers?|servers?|machines?|pcs?)|"
    r"(?:数据|病人数据|信息)?不出(?:医院|院|诊所|公司)[^。？?！!]{0,20}(?:能不能|能否|可以吗|做得到|能做|行不行)|"
    r"(?:" + STAY_INSIDE + r")[^。？?！!]{0,24}(?:能不能|能否|可以吗|做得到|能做|行不行)",
    re.IGNORECASE,
)
"""Running it on the person's own computers, or keeping the data in the building ("能不能装在医院自己的电脑上用？",
"数据不出医院，一年两万，能不能做？")."""

NO_IT = re.compile(
    r"没有\s*it|没有(?:技术|信息科|IT)(?:人员|部门)?|就一个管电脑的|no\s+it\b|(?:don'?t|do\s+not)\s+have\s+(?:an?\s+)?it\b|"
    r"no\s+(?:it|tech)\s+(?:people|staff|person|department)|(?:don'?t|do\s+not)\s+have\s+(?:any\s+)?(?:it|tech)\s+(?:people|staff|person)",
    re.IGNORECASE,
)
"""The person has no IT staff ("我们没有IT，就一个管电脑的", "we dont have IT people")."""


def without_warning_mentions(text: str) -> str:
    """`text` without its sentences about a warning or a foreign law ("…the singapore law warning??"):
    a place named there says nothing about where the person is."""
    sentences = re.findall(r"[^.?!？。！]+[.?!？。！]*", text) or [text]
    return "".join(s for s in sentences if not (WARNING_ASK.search(s) and _LAW_WORDS.search(s)))


def _warning_sentence(question: str) -> str:
    """The sentence of `question` that asks about a warning (the whole question when none does)."""
    sentences = re.findall(r"[^.?!？。！]+[.?!？。！]*", question) or [question]
    return next((s for s in sentences if WARNING_ASK.search(s)), question)


def _apps_named(question: str) -> list[App]:
    """The chat apps a message names, whatever it asks about them."""
    found = [(m.start(), app) for pattern, app in CONSUMER_APPS if (m := pattern.search(question))]
    return [app for _, app in sorted(found, key=lambda pair: pair[0])]


def names_makers(text: str) -> bool:
    """Whether `text` names a maker or its app ("豆包", "Claude")."""
    return bool(_named_makers(to_simplified(text)))


RELAY_TRUST = re.compile(r"靠谱|可靠|可信|安全|能用|行不行|骗|legit|reliable|trust|safe|scam", re.IGNORECASE)
"""A trust question ("靠谱吗？") that, asked after a relay API was named in the same message, is about it."""


def direct_kinds(question: str, earlier: str = "", message: str = "") -> list[str]:
    """The direct questions in `question` answered first from data: "warning", "compare", "can_read",
    "paste_app", "computer", "self_host_no_it" (`earlier`: the person's earlier messages, for "no IT")."""
    q = to_simplified(question)
    kinds = []
    if WARNING_ASK.search(q) and _LAW_WORDS.search(q):
        kinds.append("warning")
    if COMPARE_CUE.search(q) and len(_compared(q)) >= 2:
        kinds.append("compare")
    kinds += [kind for kind, pattern in (("can_read", CAN_READ), ("invoice_ocr", INVOICE_OCR), ("paste_app", PASTE_APP),
                                         ("computer", COMPUTER))
              if pattern.search(q)]  # fmt: skip
    if OWNED_PC.search(to_simplified(message or question)):  # "我是想买一台电脑，一次性付钱…有没有这种方案？"
        kinds = [k for k in kinds if k != "computer"] + ["owned_pc"]
    if LEAK_WORRY.search(q) and "paste_app" not in kinds:
        kinds.append("leak_worry")
    if SELF_HOST_ASK.search(q) and NO_IT.search(to_simplified(f"{earlier} {question}")):
        kinds.append("self_host_no_it")
    kinds += [kind for kind, pattern in (("why_listed", WHY_LISTED), ("offline", OFFLINE), ("ignore_api", IGNORE_API),
                                         ("cross_border_cn", CROSS_BORDER_CN), ("photos_people", PHOTOS_OF_PEOPLE),
                                         ("photos_ids", PHOTOS_OF_IDS))
              if pattern.search(q)]  # fmt: skip
    if "screening_bias" not in kinds and FAIRNESS.search(q) and HIRING.search(to_simplified(f"{earlier} {question}")):
        kinds.append("screening_bias")  # "what about fairness and bias?" after "pre-screen the CVs"
    if "photos_people" not in kinds and PHOTO_PUT.search(q) and PEOPLE_IN_PHOTOS.search(to_simplified(f"{earlier} {question}")):
        kinds.append("photos_people")  # "照片到底可不可以放？" at a kindergarten
    kinds += [kind for kind, pattern in (("relay_api", RELAY_API), ("hk_privacy", HK_PRIVACY), ("which_app", WHICH_APP),
                                         ("first_steps", FIRST_STEPS), ("screening_bias", SCREENING_BIAS),
                                         ("patient_advice", PATIENT_ADVICE),
                                         ("student_data", STUDENT_DATA), ("photos_work", PHOTOS_OF_WORK)) if pattern.search(q)]  # fmt: skip
    if BOTTOM_LINE.search(q) and any(p.kind == "office_assistant" and p.business_terms for p in asked_products(question)):
        kinds = [k for k in kinds if k != "compare"]
        kinds.append("office_bottom_line")  # "Copilot which we already pay for, or this Claude thing? One sentence"
    kinds += [kind for kind, pattern in (("tell_clients", TELL_CLIENTS), ("staff_rules", STAFF_RULES),
                                         ("sample_prompt", SAMPLE_PROMPT), ("review_steps", REVIEW_STEPS)) if pattern.search(q)]  # fmt: skip
    if "review_steps" in kinds:  # the steps hold the instruction to paste
        kinds = [k for k in kinds if k != "sample_prompt"]
    if "photos_work" in kinds:  # the photo answer holds what to do with the names and marks on the page
        kinds = [k for k in kinds if k not in ("student_data", "photos_people")]
    if "relay_api" not in kinds and RELAY_TRUST.search(q) and RELAY_API.search(to_simplified(message)):
        kinds.append("relay_api")  # "淘宝上有人卖便宜的中转API，一个月几十块就能用Claude，靠谱吗？"
    if china_maker_asked(q) is not None:  # "is DeepSeek from China then ok for this?"
        kinds.append("china_maker")
    elif CHINA_COMPANY_DATA.search(q):  # "病人的資料給中國的公司OK嗎？"
        kinds.append("china_data")
    if AMAZON_ASK.search(q) and (_AMAZON.search(q) or _AMAZON.search(to_simplified(earlier))):
        kinds.append("amazon_listing")  # "亚马逊会不会判定是AI写的然后处罚？", "有没有不能写的词？"
    if line_asked(q):
        kinds.append("line_connect")
    if UNREAD_LANGUAGE.search(q) and unread_languages(q):
        kinds.append("unread_language")  # "写德文和日文靠谱吗？我们没人懂德文"  # "LINE可以接AI嗎 還是我要自己複製貼上"
    elif CAN_LANGUAGE.search(q) and unread_languages(q):
        kinds.append("language_can")  # "it can do hindi also na?"
    if LOSS.search(to_simplified(message or question)) and ("paste_app" in kinds or MENTION_ASK.search(q)):
        kinds.append("loss_tone")  # "one lady lost her husband last month … is it ok to put that in?"
    if (FREE_APP_ASK.search(q) or KEEPS_TYPED.search(q)) and not {"paste_app", "leak_worry"} & set(kinds):
        kinds.append("app_keeps")  # "Is the free ChatGPT OK for this?", "Does it keep what I type in?"
    if reply_language_asked(q) is not None:
        kinds.append("reply_language")  # "Können wir bitte auf Deutsch weitermachen?"
    if re.search(lx.AUTOMATE_ASK, q, re.I) and phone_only([earlier, message or question]):
        kinds.append("phone_automate")  # "能不能让它自动发？" from a person with only a phone
    if record_photos_asked(q, earlier):  # "化验单上有病人的名字和身份证号，这样拍照给AI可以吗？"
        kinds = [k for k in kinds if k not in ("photos_ids", "photos_people", "leak_worry")] + ["record_photos"]
    if DATA_INTO_AI.search(q) and not {"paste_app", "leak_worry", "cross_border_cn", "photos_people", "photos_ids",
                                       "student_data", "photos_work", "china_maker", "china_data", "record_photos"} & set(kinds):
        kinds.append("data_safety")
    if "office_bottom_line" not in kinds:  # the bottom line holds the product's answer
        kinds += [f"product_{p.key}" for p in asked_products(question)]
    if SAME_ITEM.match(q.strip()) and not consumer_apps(q):
        kinds.append("same_item")  # "ok what about Monday posts?" after the recommendation: the same route
    if asked_language(question) is not None:
        kinds.append("language_quality")
    if "compare" not in kinds and "paste_app" not in kinds and APP_PLAN.search(q) and PRICE_ASK.search(q) and any(
        m.app_en for m in _named_makers(q)
    ):
        kinds.append("app_price")
    return kinds


SAME_ITEM = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|but|also|then|hmm+|right)[\s,]+)*(?:what|how)\s+about\s+(?:the\s+|our\s+|my\s+|for\s+)?"
    r"(?P<item>(?:[a-z][a-z'-]*\s+){0,3}?(?:" + lx.COUNT_NOUNS + r"|captions?|newsletters?|updates?|stories|flyers?|menus?))\s*(?:then|too|as\s+well)?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
"""A question about one more item of the same work ("ok what about Monday posts?", "and what about the weekend
captions?"): the recommendation covers it, said briefly, not a model to look up."""


_REPLY_LANGUAGE = (
    (re.compile(r"auf\s+deutsch|\bdeutsch\s+(?:bitte|sprechen|antworten|weiter)|sprechen\s+sie\s+deutsch", re.I), "de"),
    (re.compile(r"en\s+fran[cç]ais|parlez[\s-]vous\s+fran[cç]ais", re.I), "fr"),
    (re.compile(r"en\s+espa[nñ]ol|en\s+castellano|hablas?\s+espa[nñ]ol", re.I), "es"),
    (re.compile(r"em\s+portugu[eê]s|fala\s+portugu[eê]s", re.I), "pt"),
    (re.compile(r"\b(?:reply|answer|respond|speak|write|talk|continue|go\s+on|switch)\s+(?:to\s+(?:me|us)\s+)?"
                r"(?:in|to)\s+(german|french|spanish|portuguese|italian|dutch|hindi|japanese|korean)\b", re.I), ""),
)  # fmt: skip
"""A request to be answered in a language the product does not write ("Können wir bitte auf Deutsch
weitermachen?", "can you answer in German?"): the language's code ("" in the last row: the named language)."""

_LANGUAGE_CODES = {"german": "de", "french": "fr", "spanish": "es", "portuguese": "pt", "italian": "it", "dutch": "nl",
                   "hindi": "hi", "japanese": "ja", "korean": "ko"}  # fmt: skip

REPLY_LANGUAGE_OWN = frozenset({"de", "fr", "es", "pt"})
"""Languages whose own honest line follows the English one (`reply_language_own_<code>`, fixed sentences)."""


def reply_language_asked(question: str) -> str | None:
    """The code of the language a message asks the replies to be in, when it is not English or Chinese."""
    for pattern, code in _REPLY_LANGUAGE:
        m = pattern.search(question)
        if m is not None:
            return code or _LANGUAGE_CODES[m.group(1).lower()]
    return None


def _same_item_answer(
    question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang,
    messages: Sequence[str],
) -> str | None:  # fmt: skip
    """ "What about Monday posts?" after the recommendation: more of the same work, done the same way (the app
    or the model recommended), nothing changes; a count that adds to the volume is asked for. Before the
    recommendation, that it will cover them (and the count is asked for). None: no such question."""
    m = SAME_ITEM.match(to_simplified(question).strip())
    top = _top(recommendation)
    if m is None:
        return None
    item = m.group("item").strip()
    if top is None:  # "what about invoices?" before the recommendation: part of the same work, counted in
        return t(lang, "same_item_before", item=item[:1].upper() + item[1:])
    on_phone = raw.get("phone_only") is True
    maker = solo_app(raw, recommendation, messages) or (solo_app_maker(top, raw) if on_phone else None)
    pick = (maker.app_zh if lang == "zh" else maker.app_en) if maker is not None else (
        _pick_app(top, lang, raw) if on_phone else top.model)  # a phone only: an app, never a model to connect
    return t(lang, "same_item", item=item[:1].upper() + item[1:], pick=pick)


LEAK_WORRY = re.compile(
    r"(?:怕|担心|害怕|顾虑|不放心|担忧|worried|afraid|concerned|scared|nervous|fear)[^。？?！!.]{0,40}?"
    r"(?:泄露|泄漏|外泄|漏出去|传出去|被人看到|被别人看到|被看到|拿去训练|被训练|被用来训练|\bleak|get\s+out|"
    r"(?:use|used)\s+(?:it|them|our\s+\w+)\s+(?:for|to)\s+train|end\s+up\s+(?:in|with))",
    re.IGNORECASE,
)
"""A worry that the data leaks ("我就是怕网页版把我们的报价泄露出去", "I'm worried the app leaks our prices"):
a question about where the data goes, answered, not only a requirement noted."""
APP_PLAN = re.compile(
    r"\b(?:pro|plus|premium)\s+(?:plan|subscription|version|thing|one)\b|(?:claude|chatgpt|gemini|kimi|qwen|deepseek)\s+(?:pro|plus|premium)\b|"
    r"(?:[$€£¥]\s?|\bR\s?)\d+\s+[a-z]+\s+(?:thing|one|plan)\b|"
    r"\bapp\b|website|web\s*site|\.ai\b|subscription|\bpaid\s+(?:plan|version)|网页|网站|应用|会员|订阅|app",
    re.IGNORECASE,
)
"""Words naming a maker's chat app or its paid plan ("claude pro", "Claude网页要钱吗")."""
PRICE_ASK = re.compile(
    r"how\s+much|how\s+many\s+(?:rand|dollars|pounds|euros?|bucks)|what\s+(?:does|do|would)\s+(?:it|that|they|\w+)\s+cost|"
    r"worth\s+(?:it|paying|the\s+money)|\bpay\s+for\b|paying|\bfree\s+(?:enough|plan|version|tier|ok)\b|\bis\s+(?:it\s+)?free\b|"
    r"要钱|收费|多少钱|免费|付费|付钱|花钱|要不要钱|值不值|值得|贵不贵|多少台币|多少块",
    re.IGNORECASE,
)
"""Words asking what something costs or whether paying is worth it."""


PRODUCT_ASK = re.compile(
    r"\?|？|\b(?:count|counts|enough|sufficient|work|works|use|using|ok|okay|fine|yes\s+or\s+no|instead|in\s+addition|"
    r"good\s+for|what\s+about|how\s+about)\b|吗|呢|能不能|可不可以|够不够|算不算|行不行",
    re.IGNORECASE,
)
"""A clause naming a product asks about it ("does DeepL count?", "DeepL, yes or no?", "can it work inside
WhatsApp Business?"); "Not a website, WhatsApp!" names one and asks nothing."""
PRODUCT_ENOUGH = re.compile(
    r"\benough\b|\bsufficient\b|in\s+addition|\bas\s+well\b|\binstead\b|\bor\s+do\s+(?:i|we)\s+need\b|够不够|够用|还需要|另外",
    re.IGNORECASE,
)
"""Whether a product the person has is enough, or something is needed besides it."""
_CLAUSE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+")


LANGUAGE_QUALITY = re.compile(
    r"\b(?:good|ok|okay|fine|any\s+good|work|works|handle|cope|speak|write|writes|understand|reply|answer|better)\b[^?.!]{0,24}?"
    r"\b(?:in|at|for)\s+(?P<language>[a-z]+)\s*\?|(?P<zh>[\u4e00-\u9fff]{2,6}语)(?:好不好|行不行|可以吗|能行吗|怎么样)",
    re.IGNORECASE,
)
"""Whether a model is good in a language ("And Swahili, is it good in Swahili?", "does it handle Tagalog?")."""
LANGUAGE_OK = re.compile(
    r"\b(?:is|are)\s+(?P<language>[a-z]+)\s+(?:ok|okay|fine|good|alright)\b|\bwrites?\s+(?P<language3>[a-z]+)\s+(?:good|well|ok|okay)\b",
    re.IGNORECASE,
)
"""The same asked the short way ("yes or no is swahili ok", "it writes spanish good?")."""


def asked_language(question: str) -> str | None:
    """The language code a "is it good in X?" question asks about (None: it asks about none)."""
    for m in [*LANGUAGE_QUALITY.finditer(question), *LANGUAGE_OK.finditer(question)]:
        said = next((g for g in m.groups() if g), "")
        code = next((codes[0] for pattern, codes in lx.LANGUAGES if len(codes) == 1 and re.search(pattern, said, re.IGNORECASE)),
                    None)  # fmt: skip
        if code is not None:
            return code
    return None


def language_answer(code: str, lang: Lang) -> str:
    """Whether public ratings cover the language (the ranking weighs it) or not (test it yourself)."""
    name = language_name(code, lang)
    key = "language_rated" if code in LANGUAGE_CATEGORIES or code == "en" else "language_unrated"
    return t(lang, key, language=name)


_POINTS_BACK = re.compile(
    r"\b(?:that|it|this|those|them)\b|\b(?:wahi|wohi|woh|vo|yahi|yehi|yeh|isko|usko|iska|uska)\b|它|这个|那个|这些",
    re.IGNORECASE,
)
"""Words pointing back at what the sentence before names ("… Gemini in my school Gmail. Does that count?"; in
Hinglish "Kya main wahi use kar sakti hoon?")."""


def asked_products(question: str) -> list[Product]:
    """The products (knowledge.products) a message asks about: named in a sentence that asks something, or
    in the sentence just before one that asks about it by pointing back ("I can see Gemini in my school
    Gmail. Does that count?")."""
    sentences = _CLAUSE_END.split(question)
    out = []
    for p in PRODUCTS:
        for i, s in enumerate(sentences):
            if not re.search(p.pattern, s, re.IGNORECASE):
                continue
            after = sentences[i + 1] if i + 1 < len(sentences) else ""
            if PRODUCT_ASK.search(s) or (
                PRODUCT_ASK.search(after) and _POINTS_BACK.search(after) and not _named_makers(after)
            ):
                out.append(p)
                break
    return out


SPECIAL_DATA = re.compile(
    r"immigra|asylum|refugee|abuse|violence|health|medical|patient|diagnos|criminal|religio|sexual|ethnic|"
    r"移民|难民|虐待|暴力|健康|医疗|病人|患者|病历|犯罪|宗教|性取向|民族",
    re.IGNORECASE,
)
"""Special-category (sensitive) personal data: health, immigration status, abuse history, beliefs..."""


HEALTH_DATA = re.compile(r"health|medical|patient|clinic|diagnos|病人|患者|病历|医疗|健康|诊所", re.IGNORECASE)
"""Health data said ("patient letters", "our clinic"): the special-category line of a privacy answer."""
_NOT_BEFORE = re.compile(r"(?:\bnot|\bno|n't|\bisn'?t|\bnothing)\s+(?:\w+\s+){0,2}$|(?:不是|没有|并非)$", re.IGNORECASE)


def _special_said(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` is said and not denied ("It's not health data, it's legal files" says no health data)."""
    return any(not _NOT_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) for m in pattern.finditer(text))


def product_answer(
    key: str, question: str, raw: Mapping[str, Any], lang: Lang, earlier: Sequence[str] = (), said: Sequence[str] = ()
) -> str:
    """A product that is not a model ("does DeepL count?"): what it is and its data terms from the products
    table, whether it is enough when asked, and the confidential-data line; once answered in full (its text
    is in an earlier reply), a one-line reminder instead of the paragraph again. No business plan fits the
    person (`said`: their messages; `business_over_budget`): the confidential line keeps details out instead."""
    product = next(p for p in PRODUCTS if p.key == key)
    full = t(lang, f"product_{key}", page=product.page, as_of=PRODUCTS_AS_OF.strftime("%Y-%m"))
    parts = [t(lang, f"product_{key}_short") if any(full in e for e in earlier) else full]
    if key == "deepl" and PRODUCT_ENOUGH.search(question):
        parts.append(t(lang, "product_deepl_fit"))
    special = _special_said(question, SPECIAL_DATA)
    if _sensitive(raw) or special:
        note = "product_confidential_sensitive" if special else "product_confidential"
        if note == "product_confidential" and product.kind == "office_assistant" and product.business_terms:
            note = "product_confidential_office"  # Copilot or school Gemini on the work account: that account, not another plan
        elif note == "product_confidential" and said and business_over_budget(raw, said):
            note = "product_confidential_budget"  # three staff with KSh 4,000: no business plan, details kept out
        if not any(t(lang, note) in e for e in earlier):
            parts.append(t(lang, note))
    return ("" if lang == "zh" else " ").join(parts)


_PRODUCT_COVERS = frozenset({"may_use"})
"""A "DeepL, yes or no?" is the product's answer, not the generic yes-on-conditions one; a question about
another model in the same message ("is DeepSeek ok under the GDPR?") is still answered."""

DIRECT_COVERS: dict[str, frozenset[str]] = {
    **{f"product_{p.key}": _PRODUCT_COVERS | ({"integration", "setup", "app_use"} if p.kind == "messaging_app" else set())
       for p in PRODUCTS},
    "warning": frozenset({"law", "safety"}),
    "compare": frozenset({"which", "cost", "free", "app_use"}),
    "can_read": frozenset({"mistakes"}),
    "invoice_ocr": frozenset({"mistakes", "which"}),
    "paste_app": frozenset({"safety", "app_use", "may_use", "setup", "law"}),
    "leak_worry": frozenset({"safety", "app_use", "law"}),
    "computer": frozenset({"hardware", "own_hardware"}),
    "owned_pc": frozenset({"hardware", "own_hardware", "cost", "too_expensive", "which", "may_use"}),
    "app_price": frozenset({"cost", "free", "app_use", "which", "currency"}),
    "why_listed": frozenset({"law", "safety"}),
    "photos_ids": frozenset({"safety", "law", "may_use", "can_ai"}),
    "offline": frozenset({"hardware", "own_hardware"}),
    "ignore_api": frozenset({"cost", "app_use", "setup"}),
    "which_app": frozenset({"which", "app_use", "free"}),
    "app_keeps": frozenset({"free", "app_use", "safety", "may_use", "cost"}),
    "first_steps": frozenset({"which", "setup", "next", "app_use"}),
    "relay_api": frozenset({"law", "safety"}),
    "china_maker": frozenset({"safety", "may_use", "can_ai"}),
    "hk_privacy": frozenset({"law", "safety"}),
    "photos_people": frozenset({"safety", "may_use", "can_ai"}),
    "patient_advice": frozenset({"safety", "may_use", "can_ai", "law", "mistakes"}),
    "china_data": frozenset({"safety", "may_use", "can_ai", "law"}),
    "amazon_listing": frozenset({"safety", "may_use", "can_ai", "law", "mistakes"}),
    "line_connect": frozenset({"integration", "setup", "app_use", "no_dev"}),
    "unread_language": frozenset({"mistakes"}),
    "student_data": frozenset({"safety", "may_use", "can_ai", "law"}),
    "office_bottom_line": frozenset({"cost", "which", "compare", "too_expensive", "may_use", "safety", "cost_real"}),
    "tell_clients": frozenset({"law", "safety", "may_use"}),
    "staff_rules": frozenset({"safety", "may_use", "mistakes", "next", "setup"}),
    "sample_prompt": frozenset({"setup", "next", "app_use", "first_steps"}),
    "review_steps": frozenset({"setup", "next", "app_use", "first_steps"}),
    "photos_work": frozenset({"safety", "may_use", "can_ai", "law", "mistakes"}),
    "record_photos": frozenset({"safety", "may_use", "can_ai", "law"}),
    "phone_automate": frozenset({"can_ai", "setup", "no_dev", "app_use"}),
    "self_host_no_it": frozenset(
        {"may_use", "own_hardware", "hardware", "which", "setup", "too_expensive", "cost", "no_dev"}
    ),
}
"""The kinds of question (about_recommendation's) a direct answer already answers."""


def _named_makers(question: str) -> list[Maker]:
    """The makers a question names (makers table), in the order it names them, each once."""
    found = sorted(
        ((m.start(), maker) for maker in MAKERS if (m := re.search(maker.models, question, re.IGNORECASE))),
        key=lambda pair: pair[0],
    )
    out: list[Maker] = []
    for _, maker in found:
        if maker not in out:
            out.append(maker)
    return out


_OTHER_FAMILIES: tuple[tuple[re.Pattern[str], App], ...] = (
    (re.compile(r"文心|\bernie\b|yiyan", re.I), App("ERNIE Bot", "文心一言", "Baidu", "百度", "ERNIE")),
    (re.compile(r"腾讯元宝|元宝|混元|hunyuan|yuanbao", re.I), App("Yuanbao", "腾讯元宝", "Tencent", "腾讯", "Hunyuan")),
)  # fmt: skip
"""Model families people compare by name whose makers are not in the makers table (no app or place rows
there): Baidu's ERNIE (文心一言) and Tencent's Hunyuan (腾讯元宝), found in the catalog by `App.models`."""


@dataclass(frozen=True)
class _Compared:
    """One family a "which is better?" question names: from the makers table, or an app of `_OTHER_FAMILIES`."""

    family_en: str
    family_zh: str
    company_en: str
    company_zh: str
    query: str
    """What finds its models in the catalog (the core's product names)."""
    in_china: bool
    """Its maker is in mainland China and offers it there (makers table; `MAKERS_IN_CHINA` for the others)."""
    maker: Maker | None = None


def _compared(question: str) -> list[_Compared]:
    """The families a question names, in the order it names them, each once: "文心一言和通义千问，用哪个比较
    好？" names Baidu's ERNIE and Alibaba's Qwen; "Kimi和DeepSeek哪个好？" two makers of the table."""
    found: list[tuple[int, _Compared]] = []
    for maker in MAKERS:
        if (m := re.search(maker.models, question, re.IGNORECASE)) is not None:
            company = (maker.en.split(" (")[0], maker.zh.split("（")[0])
            found.append((m.start(), _Compared(maker.family_en, maker.family_zh, *company,
                                               PRODUCT_QUERY.get(maker.key, maker.key), "cn" in maker.offered, maker)))  # fmt: skip
    for pattern, app in _OTHER_FAMILIES:
        if (m := pattern.search(question)) is not None:
            found.append((m.start(), _Compared(app.models, f"{app.zh}（{app.models}）", app.maker_en, app.maker_zh,
                                               app.models, app.maker_en.lower() in MAKERS_IN_CHINA)))  # fmt: skip
    out: list[_Compared] = []
    for _, named in sorted(found, key=lambda pair: pair[0]):
        if named not in out:
            out.append(named)
    return out


def compared_names(question: str, lang: Lang) -> str:
    """The families a "which is better?" question names, joined ("豆包和DeepSeek")."""
    named = [c.family_zh.split("（")[0] if lang == "zh" else c.family_en.split(" (")[0] for c in _compared(to_simplified(question))]
    return t(lang, "and_words").join(named[:2])


def _app_names(question: str, lang: Lang) -> str:
    """ "文心一言是百度的 ERNIE 模型，通义千问是阿里巴巴的 Qwen 模型": who makes each chat app the question
    names by its product name ("" when it names none)."""
    apps = [(m.start(), app) for pattern, app in CONSUMER_APPS if (m := pattern.search(question))]
    said = [t(lang, "compare_app_is", app=app.zh if lang == "zh" else app.en, maker=app.maker_zh if lang == "zh"
              else app.maker_en, family=app.models[:1].upper() + app.models[1:])
            for _, app in sorted(apps, key=lambda pair: pair[0])
            if app.models.lower() not in ("chatgpt", "claude", "gemini") and app.models.lower() not in app.zh.lower()]  # fmt: skip
    return t(lang, "compare_names", names=("，" if lang == "zh" else "; ").join(said)) if said else ""


def record_photos_asked(question: str, earlier: str = "") -> bool:
    """Whether a message says, or asks about, photos of patients' papers (lab reports, prescriptions) that show
    who the patient is (name, ID-card number): "报告上有姓名、身份证号码" in a message about photographing lab
    reports, or "这样会不会有隐私问题？" after one (`earlier`: the person's earlier messages)."""
    q = to_simplified(question)
    said = f"{to_simplified(earlier)} {q}"
    if not (re.search(lx.MEDICAL_PAPER, said, re.I) and re.search(lx.PAPER_PHOTO, said, re.I)):
        return False
    if re.search(lx.ID_ON_PAPER, q, re.I):
        return re.search(f"{lx.MEDICAL_PAPER}|{lx.PAPER_PHOTO}|{lx.PRIVACY_ASK}", q, re.I) is not None
    return re.search(lx.PRIVACY_ASK, q, re.I) is not None and re.search(lx.ID_ON_PAPER, said, re.I) is not None


def said_place(messages: Sequence[str]) -> str | None:
    """The place (`Requirements.location` code) the person's own words name first ("成都的诊所"), for an answer
    given in the same turn, before the facts of the message are held; None when they name none."""
    said = to_simplified(" ".join(messages))
    hits = [(m.start(), code) for code, _en, _zh, pattern in lx.PLACES if (m := re.search(pattern, said, re.I))]
    return min(hits)[1] if hits else None


def _record_photos_answer(
    question: str, raw: Mapping[str, Any], lang: Lang, currency: str | None, messages: Sequence[str]
) -> str:
    """Photos of lab reports that show the patient's name and ID-card number: what is sensitive in them (under
    the law of where the person is: China's PIPL Art. 28-29), cover or crop the name and ID number before a photo
    goes to any AI app, a business plan for the results, and the image-reading need kept."""
    region = person_region(raw, currency)
    if region == "other":
        region = LAW_BY_PLACE.get(said_place([*messages, question]) or "", "other")
    said = to_simplified(" ".join([*messages, question]))
    paper = re.search(lx.MEDICAL_PAPER, said, re.I)
    name = paper.group(0) if paper is not None and lang == "zh" and re.match(r"[\u4e00-\u9fff]", paper.group(0)) else ""
    law = t(lang, "record_photos_law_cn" if region == "cn" else "record_photos_law")
    return t(lang, "record_photos", paper=name or t(lang, "record_photos_paper"), law=law)


LEGAL_WORK = re.compile(
    r"solicitor|law\s+firm|legal\s+(?:practice|files?|work)|barrister|attorney|lawyer|conveyancing|probate|client\s+files|"
    r"律师|律所|法律事务所",
    re.IGNORECASE,
)
"""A law practice ("a small solicitors firm", "client files: conveyancing, family, wills")."""


def _legal(raw: Mapping[str, Any], messages: Sequence[str]) -> bool:
    return LEGAL_WORK.search(" ".join([str(raw.get("use_case") or ""), *messages])) is not None


EXAMPLE_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("report", re.compile(r"report[\s-]?cards?|report\s+comments?|end[\s-]of[\s-]term|remarks?|评语|成绩单", re.I)),
    ("review", re.compile(r"\breviews?\b|评论|评价", re.I)),
    ("caption", re.compile(r"captions?|instagram|posts?\b|文案|推文", re.I)),
    ("summary", re.compile(r"summar|摘要|总结", re.I)),
    ("letter", re.compile(r"letters?|e-?mails?|信|邮件", re.I)),
)
"""Which ready-made instruction a sample-prompt question gets (report comment, review reply, caption, summary,
letter), from its words, else from the use case."""
_EXAMPLE_FOR = re.compile(
    r"\b(?:for|about)\s+(?:a|an|my|one)\s+(?P<who>(?:[\w'-]+\s+){0,3}?(?:student|pupil|child|kid|boy|girl|learner|customer|client)"
    r"\b[^.?!]{0,100})",
    re.IGNORECASE,
)


def _example_instruction(kind: str, question: str, raw: Mapping[str, Any], messages: Sequence[str], lang: Lang) -> str:
    """One instruction to paste, in the person's situation: the pupil or customer the question describes
    ("for a form 3 student who is good in maths but talks too much"), the languages held."""
    who = _EXAMPLE_FOR.search(question) or (_EXAMPLE_FOR.search(messages[-1]) if messages else None)
    langs = [str(c) for c in (raw.get("languages") or []) if isinstance(c, str)]
    both = len(langs) >= 2
    named = [language_name(c, lang) for c in langs]
    names = ("、".join(named) if lang == "zh" else f"{', '.join(named[:-1])} and {named[-1]}") if both else ""
    if kind == "report":
        points = who.group("who").strip() if who else t(lang, "example_points_default")
        return t(lang, "example_report", points=points)
    if kind == "review":
        return t(lang, "example_review_both" if both else "example_review", languages=names)
    if kind in ("caption", "summary", "letter"):
        return t(lang, f"example_{kind}")
    use = use_case_summary(str(raw.get("use_case") or ""), str(raw.get("task_type") or ""), lang)
    return t(lang, "example_generic", use=use[:1].lower() + use[1:] if use else t(lang, "example_use_default"))


def sample_prompt(question: str, raw: Mapping[str, Any], messages: Sequence[str], lang: Lang) -> str:
    """ "Can you give me an example of what to type?": one ready-made instruction for the person's task,
    with how to use it (paste, check, keep the one that works)."""
    q = to_simplified(question)
    kind = next((k for k, rx in EXAMPLE_KINDS if rx.search(q)), None)
    if kind is None:
        kind = next((k for k, rx in EXAMPLE_KINDS if rx.search(str(raw.get("use_case") or ""))), "generic")
    return t(lang, "sample_prompt", prompt=_example_instruction(kind, question, raw, messages, lang))


def direct_answer(
    kind: str, question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang,
    currency: str | None, messages: Sequence[str] = (), one: bool = False,
) -> str | None:  # fmt: skip
    """One direct question answered from data (None: nothing to say from the data at hand); `messages`: the
    person's messages so far (what they already have, who types by hand); `one`: the message asks for one
    name ("… one answer please"), maybe in another clause than `question`."""
    if kind == "warning":
        return _warning_answer(question, raw, recommendation, lang)
    if kind == "compare":
        return _compare_answer(question, recommendation, lang, currency, one)
    if kind == "can_read":
        return _can_read_answer(question, recommendation, lang)
    if kind == "same_item":  # "ok what about Monday posts?": the same route, said in a line
        return _same_item_answer(question, raw, recommendation, lang, messages)
    if kind == "paste_app":
        pasted = _paste_answer(question, raw, recommendation, lang, currency)
        return pasted + personal_data_law(raw, lang, currency) if pasted else pasted
    if kind == "computer":
        return _computer_answer(raw, recommendation, lang)
    if kind == "invoice_ocr":  # "有没有专门识别发票的工具？": the clouds' invoice OCR, and the test a general model needs
        return t(lang, "invoice_ocr_cn" if _place_of(raw) == "cn" or person_region(raw, currency) == "cn" else "invoice_ocr")
    if kind == "owned_pc":
        return _owned_pc_answer(raw, lang, currency)
    if kind == "self_host_no_it":
        return _self_host_no_it_answer(raw, recommendation, lang, currency)
    if kind == "app_price":
        return _app_price_answer(question, raw, lang, currency)
    if kind == "leak_worry":  # "我就是怕网页版把报价泄露出去": the worry is a question about where the data goes
        if APP_PLAN.search(to_simplified(question)):
            return t(lang, "app_use_confidential")
        return _safety_answer(raw, lang, question, currency)
    if kind == "cross_border_cn":  # "我们的产品资料传到国外服务器算不算数据出境？"
        q = to_simplified(question)
        if PERSONAL_DATA_CN.search(q) or PERSONAL_DATA_CN.search(str(raw.get("use_case") or "")):
            # "简历能不能传到香港的服务器上？": personal information, and Hong Kong counts as 境外
            hr = re.search(r"简历|候选人|应聘者|求职者|员工|人事|招聘", q)
            return t(lang, "cross_border_personal_cn") + (t(lang, "cross_border_hr_cn") if hr else "")
        return t(lang, "cross_border_cn")
    if kind == "photos_people":  # "小朋友的照片可以放进AI吗？" (with the law of where the person is)
        who = records_kind(f"{question} {raw.get('use_case') or ''}")
        if who != "school":  # a clinic's patients, or anyone's: no parents' consent, no kindergarten example
            return t(lang, "photos_people_health" if who == "health" else "photos_people_generic")
        law = {"tw": "photos_law_tw", "hk": "photos_law_hk"}.get(_place_of(raw) or "")
        return t(lang, "photos_people") + (t(lang, law) if law else "")
    if kind == "china_maker":  # "is DeepSeek from China then ok for this?"
        maker = china_maker_asked(question)
        return _china_maker_answer(maker, question, raw, recommendation, lang) if maker is not None else None
    if kind == "relay_api":  # "淘宝上有人卖便宜的中转API…靠谱吗？"
        return t(lang, "relay_api")
    if kind == "hk_privacy":  # "私隱條例點睇？"
        return t(lang, "hk_privacy")
    if kind == "loss_tone":  # "one lady lost her husband last month … is it ok to put that in?"
        return t(lang, "paste_tone_loss").strip()
    if kind == "which_app":  # "到底要用哪一個app？"; school Gemini or Copilot already there: that
        office = office_lead(raw, recommendation, messages, lang, currency)
        if office is not None:
            return office
        return _which_app_answer(raw, recommendation, lang)
    if kind == "patient_advice":  # "病人问'我血糖8.5要不要吃药'，AI能直接帮我们回答吗？", "叫AI不要回答止痛藥的問題"
        return patient_advice_answer(question, raw, lang, currency)
    if kind == "china_data":  # "病人的資料給中國的公司OK嗎？"
        return china_data_answer(question, raw, lang)
    if kind == "amazon_listing":  # "亚马逊会不会判定是AI写的然后处罚？有没有不能写的词？"
        return t(lang, "amazon_listing")
    if kind == "line_connect":  # "LINE可以接AI嗎 還是我要自己複製貼上"
        health = records_kind(f"{question} {raw.get('use_case') or ''}") == "health"
        return t(lang, "line_connect") + (t(lang, "line_connect_health") if health else "")
    if kind == "unread_language":  # "写德文和日文靠谱吗？我们没人懂德文"
        codes = unread_languages(question)
        sep = "、" if lang == "zh" else " and "
        names = sep.join(language_name(c, lang) for c in codes)
        rated = all(c in LANGUAGE_CATEGORIES for c in codes)
        return t(lang, "language_unread_rated" if rated else "language_unread", languages=names)
    if kind == "language_can":  # "it can do hindi also na?": rated or not, and how to check it
        codes = unread_languages(question)
        names = ("、" if lang == "zh" else " and ").join(language_name(c, lang) for c in codes)
        rated = all(c in LANGUAGE_CATEGORIES for c in codes)
        return t(lang, "language_can_rated" if rated else "language_can", languages=names)
    if kind == "screening_bias":  # "让AI筛简历，会不会按年龄、性别筛掉人？", "is CV screening high risk?" in Munich
        return screening_answer(raw, messages, lang)
    if kind == "first_steps":  # "下週一怎麼開始寫第一份通訊？", "我们部门没人会写代码，具体第一步怎么做？"
        office = office_lead(raw, recommendation, messages, lang, currency)  # school Gemini or Copilot: that first
        return office if office is not None else _first_steps_answer(raw, recommendation, lang, messages)
    if kind == "student_data":  # "for marking I will have to give student names and marks na? Is that safe?"
        law = "student_data_law_in" if person_region(raw, currency) == "in" else ""
        return t(lang, "student_data") + (t(lang, law) if law else "")
    if kind == "photos_work":  # "can I just take photo of the handwritten answer sheets and put in the AI?"
        return t(lang, "photos_work")
    if kind == "office_bottom_line":  # "Copilot which we already pay for, or this Claude thing at £118?"
        held = next(p for p in asked_products(question) if p.kind == "office_assistant" and p.business_terms)
        return t(lang, f"office_bottom_line_{held.key}")
    if kind == "tell_clients":  # "do we have to tell clients we use AI on their files?"
        region = person_region(raw, currency)
        had = office_product_held(messages)
        tool = t(lang, f"staff_tool_{had.key}") if had is not None else t(lang, "staff_tool_any")
        legal = region == "uk" and _legal(raw, messages)
        return t(lang, "tell_clients") + (t(lang, "tell_clients_uk_legal", tool=tool) if legal else "")
    if kind == "staff_rules":  # "what simple rules do I give my 12 staff on Monday?"
        had = office_product_held(messages)
        tool = t(lang, f"staff_tool_{had.key}") if had is not None else t(lang, "staff_tool_any")
        return t(lang, "staff_rules", tool=tool)
    if kind == "sample_prompt":  # "give me an example of what to type into gemini for a report comment"
        return sample_prompt(question, raw, messages, lang)
    if kind == "review_steps":  # "how do i use it for a review, like step by step"
        app = _APP_SHORT.sub("", _pick_app(_top(recommendation), lang, raw)).strip()
        app = re.split(r"、|, | or ", app)[0].removesuffix(" 等")
        return t(lang, "review_steps", app=app, prompt=_example_instruction("review", "", raw, messages, lang))
    if kind == "language_quality":  # "and Swahili, is it good in Swahili?"
        code = asked_language(question)
        return language_answer(code, lang) if code is not None else None
    if kind == "photos_ids":  # "clients send passport photos for permits, is that ok to give the AI?"
        return t(lang, "photos_ids")
    if kind == "reply_language":  # "Bitte antworten Sie auf Deutsch!": honest, and in their language too
        code = reply_language_asked(to_simplified(question))
        if code is None:
            return None
        said = t(lang, "reply_language", language=language_name(code, lang))
        return f"{said} {t(lang, f'reply_language_own_{code}')}" if code in REPLY_LANGUAGE_OWN and lang == "en" else said
    if kind == "phone_automate":
        return phone_automate_answer(raw, recommendation, lang, currency)
    if kind == "record_photos":  # "化验单上有病人的名字和身份证号，这样拍照给AI可以吗？"
        return _record_photos_answer(question, raw, lang, currency, messages)
    if kind == "data_safety":  # "is it a problem to put immigration status and abuse history into an AI?"
        return _safety_answer(raw, lang, question, currency)
    if kind == "why_listed":
        return _why_listed_answer(question, raw, recommendation, lang, currency)
    if kind == "offline":
        return _offline_answer(recommendation, lang)
    if kind == "ignore_api":
        return _ignore_api_answer(raw, recommendation, lang, currency)
    return None


def app_keeps_answer(
    question: str, earlier: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang,
    currency: str | None, replies: Sequence[str] = (),
) -> str:  # fmt: skip
    """ "Is the free ChatGPT OK for this?", "Does it keep what I type in? Will it learn from our volunteers'
    names?": the free plan for a person typing by hand (not for confidential data), then what a free or
    personal account does with chats and how to switch training off; the app is the one the message names,
    else the one named earlier ("it" after "the free ChatGPT"), else the pick's maker's. Said in full in one
    of `replies` (the earlier replies), the data part is a one-line reminder."""
    q = to_simplified(question)
    apps = _apps_named(q) or _apps_named(to_simplified(earlier))
    top = _top(recommendation)
    name = (apps[0].zh if lang == "zh" else apps[0].en) if apps else _pick_app(top, lang, raw)
    maker = maker_named(apps[0].en) if apps else maker_named(_pick_app(top, "en", raw)) if top is not None else None
    parts = []
    if FREE_APP_ASK.search(q):
        if _sensitive(raw):
            parts.append(t(lang, "app_price_confidential"))
        elif _hand_band(raw, recommendation) in ("app", "both") or _requests(raw, recommendation) is None:
            price = places.app_price(maker, lang, currency) if maker is not None else t(lang, "apps_free_tiers")
            parts.append(t(lang, "free_app_yes", app=name, price=price).replace("（）", "").replace(" ()", ""))
        else:
            parts.append(t(lang, "about_app", apps=name))
    key = "app_keeps_chatgpt" if maker is not None and maker.key == "openai" else "app_keeps"
    said = any(t(lang, key, app=name) in " ".join(r.split()) for r in replies)
    parts.append(t(lang, key.replace("app_keeps", "app_keeps_short"), app=name) if said else t(lang, key, app=name))
    return ("" if lang == "zh" else " ").join(parts)


def _which_app_answer(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang) -> str | None:
    """ "到底要用哪一個app？": the pick's maker's app when it is offered where the person is, else the first
    app offered there, and the others offered there (makers table), free plans and their data terms."""
    place = _place_of(raw)
    if place not in PLACES:
        return None
    apps = apps_in(place, lang, confidential=_sensitive(raw)) or _APPS_BY_LANG["zh" if lang == "zh" else "en"]
    first = _pick_app(_top(recommendation), lang, raw)
    first = _APP_SHORT.sub("", first).strip()
    if first not in apps:
        first = re.split(r"、|, | or ", apps)[0]
    return t(lang, "which_app", first=first, apps=apps, place=PLACES[place][1 if lang == "zh" else 0])


def _first_steps_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, said: Sequence[str] = ()
) -> str | None:
    """ "How do we start on Monday?": numbered first steps for a person who types into a chat app (the app
    offered where they are, the use case as the example instruction), or a team with confidential data who
    said they type by hand ("我们部门没人会写代码": the business plan, `business_by_hand`); None when the route is
    the API (then the recommendation's next steps answer it)."""
    band = _hand_band(raw, recommendation)
    typed = bool(recommendation) and business_by_hand(raw, recommendation, said)
    if typed:
        band = "sensitive"
    if band not in ("app", "both", "sensitive") and recommendation:
        return None
    first = _APP_SHORT.sub("", _pick_app(_top(recommendation), lang, raw)).strip()
    first = re.split(r"、|, | or ", first)[0].removesuffix(" 等")
    use = use_case_summary(str(raw.get("use_case") or ""), str(raw.get("task_type") or ""), lang)
    example = t(lang, "first_steps_example", use=use) if use else t(lang, "first_steps_example_none")
    # confidential data (résumés, records): the business plan with a data agreement, never a personal account
    confidential = _sensitive(raw) or _confidential_said(said)  # "summarise client files" in this very message
    key = "first_steps_business" if band == "sensitive" or confidential else "first_steps_app"
    if key == "first_steps_app" and phone_only(said):  # "我只有手机": download, paste, copy back, all on the phone
        key = "first_steps_phone"
    return t(lang, key, apps_one=first, example=example)


def _app_price_answer(question: str, raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str | None:
    """ "claude pro, is it worth paying or is free enough? how many rand": each named maker's chat app and
    its plan price from the makers table, in the person's currency (never the API bill), whether paying
    is worth it, and, for confidential data, the one answer that holds for every app."""
    parts = [t(lang, "app_cost", app=m.app_zh if lang == "zh" else m.app_en, price=places.app_price(m, lang, currency),
               as_of=AS_OF) for m in _named_makers(to_simplified(question)) if m.app_en]  # fmt: skip
    if not parts:
        return None
    parts.append(t(lang, "app_price_worth"))
    if _sensitive(raw):
        parts.append(t(lang, "app_price_confidential"))
    return ("" if lang == "zh" else " ").join(parts)


OWNED_PC = re.compile(lx.OWNED_MACHINE, re.IGNORECASE)
"""A computer bought once for the office ("我是想买一台电脑，一次性付钱，几万块以内。有没有这种方案？")."""


def per_day_words(requests: float, lang: Lang) -> str:
    """How often, in words that never say "0 a day" (novice25 P3: "每月大约 13 条（每天约 0 条）"): per day from
    about one a day, else per week, else "less than one a week"."""
    zh = lang == "zh"
    per_day = requests / DAYS_PER_MONTH
    if per_day >= 0.95:
        return f"每天约 {per_day:,.0f}" if zh else f"about {per_day:,.0f} a day"
    if per_day * 7 >= 0.95:
        return f"每周约 {per_day * 7:,.0f}" if zh else f"about {per_day * 7:,.0f} a week"
    return "每周不到 1" if zh else "less than one a week"


def _owned_pc_answer(raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str | None:
    """ "买一台电脑，一次性付钱，几万块以内，有没有这种方案？": the decision core's ranking on one bought card
    (`deployment.hardware` owned, `max_gpus` 1) names the open model it runs, the workstation table its
    one-off price (one card, and two), and the cloud API's ranking what the same volume costs there
    (novice25 P2: refused, after a rented-GPU plan at ¥248,784 a month for 300 invoices)."""
    from whichmodel.agent.tools import shortlist_and_rank

    deployment = {k: v for k, v in dict(raw.get("deployment") or {}).items()
                  if k not in ("self_host", "open_weights", "hardware", "max_gpus", "gpu", "quantization")}  # fmt: skip
    owned_raw = {**raw, "deployment": {**deployment, "self_host": True, "open_weights": True, "hardware": "owned",
                                       "max_gpus": 1}}  # fmt: skip
    api_raw = {**raw, "deployment": deployment}
    try:
        owned = shortlist_and_rank(owned_raw, currency=currency, lang=lang)
        api = shortlist_and_rank(api_raw, currency=currency, lang=lang)
    except (RequirementsError, ValueError):
        return None
    if not owned.recommendations:
        return None
    in_china = person_region(raw, currency) == "cn" or raw.get("location") == "cn"
    box = workstation_for("cn" if in_china else None)
    gpu = GPUS[box.gpu]
    one, two = (render.cost_text(n * box.card_usd + box.base_usd, lang, currency).split("/")[0] for n in (1, 2))
    api_text = ""
    if api.recommendations and api.recommendations[0].monthly_cost_usd is not None:
        lead = api.recommendations[0]
        volume = float((raw.get("volume") or {}).get("requests_per_month") or 0)
        api_text = t(lang, "owned_pc_api", volume=f"{volume:,.0f}", api_model=lead.model,
                     provider=provider_display(lead.provider_name, lead.provider, lang),
                     api_monthly=render.cost_text(lead.monthly_cost_usd, lang, currency),
                     cloud="国内云" if in_china else "云端")  # fmt: skip
    source = "2026 年的参考零售价" if lang == "zh" else "indicative 2026 street prices"
    return t(lang, "owned_pc", gpu=box.gpu, memory=f"{gpu.memory_gb:g}", one=one, two=two, source=source,
             model=owned.recommendations[0].model, api=api_text)


def _computer_answer(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "Do I need a fancy computer?": no for an app or an API (the maker's servers run it); a self-hosted
    pick gets its own hardware (the core's sizing)."""
    top = _top(recommendation)
    if top is not None and top.self_hosted:
        return recommendation_answer("hardware", raw, recommendation, lang, None)
    band = _hand_band(raw, recommendation)
    if band in ("app", "both") or top is None:
        route = t(lang, "computer_route_app", app=_pick_app(top, lang, raw))
    else:
        route = t(lang, "computer_route_api", model=top.model)
    return t(lang, "computer_api", route=route)


def _compare_answer(
    question: str, recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None, one: bool = False
) -> str | None:
    """ "ChatGPT $20 or the Claude thing?", "Kimi和DeepSeek哪个好？": each family's best placed model in the
    current ranking (the core's why-not: rank, rating, monthly cost, or why it fails), the one that ranks
    higher for this task, and, when the apps are asked about, what each app costs (makers table)."""
    rec = _validated(recommendation)
    one = one or wants_one_answer(question)
    named = _compared(to_simplified(question))[: 3 if one else 2]
    if rec is None or len(named) < 2:
        return None
    catalog = load_catalog()
    sep = "" if lang == "zh" else " "
    names = _app_names(to_simplified(question), lang)
    parts = [*([names] if names else []), t(lang, "compare_intro", task=task_name(lang, rec.requirements.task_type))]
    placed: list[tuple[_Compared, Any]] = []
    rows: list[tuple[_Compared, Any]] = []
    for item in named:
        family = item.family_zh if lang == "zh" else item.family_en
        company = item.company_zh if lang == "zh" else item.company_en
        answer = decision_why_not(rec.requirements, catalog, item.query, lang=lang)
        if answer.status != "not_found":
            rows.append((item, answer))
        if answer.status == "not_found":
            parts.append(t(lang, "compare_row_unknown", family=family))
        elif answer.status == "ranked" and answer.rank is not None:
            rated = (
                t(lang, "compare_row_rated", quality=f"{on_quality_scale(answer.quality):.0f}")
                if answer.quality is not None
                else t(lang, "compare_row_unrated")
            )
            parts.append(
                t(
                    lang,
                    "compare_row",
                    family=family,
                    maker=company,
                    model=answer.name,
                    rank=answer.rank,
                    passing=f"{answer.passing:,}",
                    cost=render.cost_text(answer.monthly_cost_usd, lang, currency),
                    rated=rated,
                )
            )
            placed.append((item, answer))
        elif answer.failures and answer.failures[0].code == "missing_modality" and "image" in rec.requirements.input_modalities:
            continue  # it can't read the photos: said in plain words below (`_reads_images`)
        else:
            why = (
                chat_failure_line(answer, answer.failures[0], lang)
                if answer.failures
                else t(lang, "whynot_not_found", name=family)
            )
            parts.append(
                t(
                    lang,
                    "compare_row_out",
                    family=family,
                    maker=company,
                    model=answer.name,
                    why=why.rstrip("。."),
                )
            )
    makers = [item.maker for item in named if item.maker is not None]
    apps = (APP_WORDS.search(question) is not None or bool(consumer_apps(question))) and len(makers) == len(named)
    if apps:
        for maker in makers:
            app = maker.app_zh if lang == "zh" else maker.app_en
            parts.append(
                t(lang, "compare_app", app=app[:1].upper() + app[1:], price=places.app_price(maker, lang, currency))
            )
    if one and placed:  # "ONE name only. chatgpt or claude or gemini??": the name first, then why
        return _one_name_answer(placed, rec, lang, currency, apps or DOWNLOAD.search(question) is not None)
    if all(item.in_china for item in named):  # "老板说别用国外的": both are offered in mainland China
        parts.append(t(lang, "compare_both_cn"))
    verdict = ""
    if len(placed) == 2:
        (m1, a1), (_, a2) = sorted(placed, key=lambda pair: pair[1].rank)
        winner = m1.family_zh if lang == "zh" else m1.family_en
        gap = (
            on_quality_scale(a1.quality) - on_quality_scale(a2.quality)
            if a1.quality is not None and a2.quality is not None else None
        )  # fmt: skip
        if gap is not None and gap < 1.0:
            verdict = t(lang, "compare_tie")
        else:
            gap_text = t(lang, "compare_gap", d=f"{gap:.1f}") if gap is not None and gap > 0 else ""
            verdict = t(
                lang, "compare_verdict_apps" if apps else "compare_verdict", winner=winner, gap=gap_text
            )
    elif len(placed) == 1:
        only = placed[0][0]
        verdict = t(
            lang, "compare_verdict", winner=only.family_zh if lang == "zh" else only.family_en, gap=""
        )
    elif rec.recommendations:  # neither fits: the one that does, for this task
        verdict = t(lang, "compare_neither", top=rec.recommendations[0].model)
    if "image" in rec.requirements.input_modalities:  # "豆包和DeepSeek哪个好？" for lab-report photos: which reads images
        parts += [_reads_images(item, answer, rec, catalog, lang) for item, answer in rows]
    if apps:
        verdict += t(lang, "compare_by_hand")
    return sep.join([*parts, verdict.strip()]) if verdict else sep.join(parts)


DOWNLOAD = re.compile(r"\bdownload|\binstall|下载|下載|安装|安裝", re.IGNORECASE)
"""The person asks which app to put on the phone or computer ("which one do i download, chatgpt or qwen?")."""


def _short_family(item: _Compared, lang: Lang) -> str:
    """ "ChatGPT", "Qwen": a family's everyday name (the makers table's first spelling)."""
    family = item.family_zh if lang == "zh" else item.family_en
    return re.split(r" / | \(|（", family)[0].strip()


def _one_name_answer(
    placed: Sequence[tuple[_Compared, Any]], rec: Recommendation, lang: Lang, currency: str | None, apps: bool
) -> str:
    """ "ONE name only. chatgpt or claude or gemini??": the family whose best model ranks highest for this task
    named in the first sentence, then the reason from the ranking (its model's rank, rating and monthly cost,
    and where the others' best models stand); about level on ratings: said, with whether it also costs less.
    Asked about the apps: the winner's app and its price (makers table)."""
    ordered = sorted(placed, key=lambda pair: pair[1].rank)
    (item, best), others = ordered[0], ordered[1:]
    rated = t(lang, "compare_row_rated", quality=f"{on_quality_scale(best.quality):.0f}") if best.quality is not None else ""
    other_text = t(lang, "and_words").join(
        t(lang, "compare_one_other", family=_short_family(o, lang), model=a.name, rank=a.rank) for o, a in others
    )
    parts = [t(lang, "compare_one", name=_short_family(item, lang), task=task_name(lang, rec.requirements.task_type),
               model=best.name, rank=best.rank, rated=rated, cost=render.cost_text(best.monthly_cost_usd, lang, currency),
               others=other_text)]  # fmt: skip
    close = [a for _, a in others if best.quality is not None and a.quality is not None
             and on_quality_scale(a.quality) - on_quality_scale(best.quality) > -1.0]  # fmt: skip
    if close:
        cheaper = all(best.monthly_cost_usd is not None and a.monthly_cost_usd is not None
                      and best.monthly_cost_usd < a.monthly_cost_usd for a in close)  # fmt: skip
        parts.append(t(lang, "compare_one_close_cheaper" if cheaper else "compare_one_close"))
    if apps and item.maker is not None:
        app = item.maker.app_zh if lang == "zh" else item.maker.app_en
        parts.append(t(lang, "compare_one_app", app=app, price=places.app_price(item.maker, lang, currency)))
    return ("" if lang == "zh" else " ").join(p.strip() for p in parts)


def _reads_images(item: _Compared, answer: Any, rec: Recommendation, catalog: Any, lang: Lang) -> str:
    """Whether a compared family reads images (a task with photos): its model placed here does (it passed the
    image-input filter) or the catalog says so; else it reads text only, with the family's model that does read
    images (the most trusted seller's first, from the catalog) and why that one is not among the candidates."""
    family = item.family_zh if lang == "zh" else item.family_en
    model = catalog.models.get(answer.model_key or "")
    if answer.status == "ranked" or (model is not None and "image" in model.input_modalities):
        return t(lang, "compare_reads_images", family=family, model=answer.name or family)
    found, _ = find_models(catalog, item.query)
    seeing = [m for m in found if "image" in m.input_modalities and "latest" not in m.key]
    if not seeing:
        return t(lang, "compare_text_only", family=family, model=answer.name or family)
    def trusted_first(m: Any) -> tuple[bool, bool, int, float]:  # lasting, a general model, sold by the most trusted seller, newest
        gone = m.status == "deprecated" or (m.retirement_date is not None and m.retirement_date <= catalog.built_at)
        tier = min((TIER_ORDER.get(o.tier, 9) for o in catalog.offerings_of(m.key)), default=9)
        return gone, "code" in m.key, tier, -(m.release_date.toordinal() if m.release_date else 0)

    other = min(seeing, key=trusted_first)
    out = decision_why_not(rec.requirements, catalog, other.key, lang=lang)
    why = chat_failure_line(out, out.failures[0], lang).rstrip("。.") if out.status == "eliminated" and out.failures else ""
    key = "compare_text_only_other_out" if why else "compare_text_only_other"
    return t(lang, key, family=family, model=answer.name or family, other=other.name, why=why)


PRODUCT_QUERY = {"openai": "chatgpt", "anthropic": "claude", "google": "gemini", "alibaba": "qwen", "moonshot": "kimi",
                 "zhipu": "glm", "bytedance": "doubao", "deepseek": "deepseek"}  # fmt: skip
"""The catalog query that finds a maker's models (the core's product names)."""


def _rating_part(lang: Lang, rating: Any, key: str, missing: str) -> str:
    """The sentence `key` with a rating's source, date and rank, or `missing` when it is unrated."""
    if rating is None or rating.rank is None:
        return missing
    return t(lang, key, source=_source_name(rating.source), date=rating.as_of.isoformat(), rank=rating.rank)


def _vision_evidence(model_key: str) -> tuple[Any, Any]:
    """The model's public ratings for image understanding and for reading documents (None when unrated)."""
    model = load_catalog().models.get(model_key)
    if model is None:
        return None, None
    return model.ratings.get("vision"), model.ratings.get("document")


def _can_read_answer(question: str, recommendation: Mapping[str, Any] | None, lang: Lang) -> str | None:
    """ "Can Qwen read the text on invoices?": from the evidence: whether it takes images, its public
    image-understanding and document-reading ratings (rank, source, date) or their absence, and a test
    on 20 of the person's own documents."""
    rec = _validated(recommendation)
    if rec is None:
        return None
    q = to_simplified(question)
    maker = maker_named(q)
    listed = list(rec.recommendations)
    chosen = None
    if maker is not None:
        chosen = next((c for c in listed if maker_named(f"{c.model} {c.provider or ''}") is maker), None)
    if chosen is None:
        named = find_models(load_catalog(), q)[0] if maker is None else []
        chosen = (
            next((c for c in listed if any(m.key == c.model_key for m in named)), None)
            if named
            else rec.recommendations[0]
        )
    if chosen is None:
        return t(lang, "can_read_unknown")
    invoice = re.search(r"发票|票据|收据|单据|invoice|receipt", q, re.IGNORECASE) is not None
    model_entry = load_catalog().models.get(chosen.model_key)
    images = model_entry is not None and any(m in ("image", "pdf") for m in model_entry.input_modalities)
    vision, document = _vision_evidence(chosen.model_key)
    items = t(lang, "can_read_items_invoice" if invoice else "can_read_items_other")
    parts = [
        t(
            lang,
            "can_read_intro",
            model=chosen.model,
            what=t(lang, "can_read_what_invoice" if invoice else "can_read_what_other"),
        )
    ]
    parts.append(t(lang, "can_read_images" if images else "can_read_no_images"))
    parts.append(_rating_part(lang, vision, "can_read_rated", t(lang, "can_read_no_vision")))
    parts.append(_rating_part(lang, document, "can_read_doc", t(lang, "can_read_no_doc", model=chosen.model)))
    parts.append(t(lang, "can_read_test", items=items))
    return "".join(parts)


def _source_name(source: str) -> str:
    return {"lmarena": "LMArena"}.get(source, source)


def _paste_answer(
    question: str,
    raw: Mapping[str, Any],
    recommendation: Mapping[str, Any] | None,
    lang: Lang,
    currency: str | None,
) -> str:
    """ "Is it ok to paste customer emails / the couple's names / our quotes in there?": plainly first —
    a personal chat-app account is not for personal or confidential data, a business plan with a data
    agreement is — then the practical route: for personal details in everyday texts, leave them out
    before pasting; for confidential data (recorded so, or said so), the pick through its provider under a
    data agreement (a Chinese maker's console where the table names one), tested with de-identified examples."""
    q = to_simplified(question)
    apps = _apps_named(q)
    maker = maker_named(q)
    app = (
        (apps[0].zh if lang == "zh" else apps[0].en)
        if apps
        else (
            (maker.app_zh if lang == "zh" else maker.app_en)
            if maker is not None
            else apps_in(_place_of(raw), lang) or _APPS_BY_LANG["zh" if lang == "zh" else "en"]
        )
    )
    confidential = _sensitive(raw) or re.search(
        r"报价|名单|机密|保密|病历|病人|患者|patient|resident|care\s+notes|clinical|medical|quotes?|prices|contracts?|confidential|notes\b",
        q, re.IGNORECASE) is not None  # fmt: skip
    if not confidential:
        letters = LETTERS_TO_PEOPLE.search(to_simplified(f"{raw.get('use_case') or ''} {question}")) is not None
        return t(lang, "paste_no", app=app) + t(lang, "paste_ok_scrubbed",
                                                tip=t(lang, "paste_tip_letters" if letters else "paste_tip"))
    text = t(lang, "paste_no_confidential", app=app)
    top = _top(recommendation)
    if top is None or top.self_hosted or raw.get("phone_only") is True:  # a phone only: no route through an API
        return text
    pick_maker = maker_named(f"{top.model} {top.provider or ''} {top.provider_name or ''}")
    cost = render.cost_text(top.monthly_cost_usd, lang, currency)
    if lang == "zh" and pick_maker is not None and pick_maker.china_console_zh:
        return text + t(
            lang, "paste_route_console", console=pick_maker.china_console_zh, model=top.model, cost=cost
        )
    provider = provider_display(top.provider_name, top.provider, lang)
    return text + t(lang, "paste_route_api", model=top.model, provider=provider, cost=cost)


def _warning_answer(
    question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang
) -> str | None:
    """ "What's that Qwen one with the Singapore law warning?": the warning explained for this person's
    data — whose law, what it allows in principle, and whether it matters for data like theirs (little
    for texts without personal or confidential data)."""
    rec = _validated(recommendation)
    if rec is None:
        return None
    q = to_simplified(_warning_sentence(question))
    maker = maker_named(q)
    listed = list(rec.recommendations)
    flagged = [(c, r) for c in listed for r in c.risk_codes if r.code in JURISDICTION_RISKS]
    place = place_named(q)
    if place is not None:  # "the singapore law warning": the warning that names that law
        flagged = [
            (c, r)
            for c, r in flagged
            if place in (str(r.params.get("jurisdiction")).lower(), str(r.params.get("parent")).lower())
        ] or flagged
    if maker is not None:
        flagged = [
            (c, r) for c, r in flagged if maker_named(f"{c.model} {c.provider or ''}") is maker
        ] or flagged
    if not flagged:
        return t(lang, "warning_none")
    c, risk = flagged[0]
    label = next(iter(warning_labels(lang, [risk])), "")
    text = t(
        lang, "warning_law", model=c.model, label=label, law=render.jurisdiction_words(lang, risk.params)
    )
    data = risk.params.get("data")
    if isinstance(data, str) and data in render.MINOR_DATA and not _sensitive(raw):
        return text + t(lang, "warning_law_minor")
    return text + t(
        lang,
        "warning_law_major",
        data=value_name(str((raw.get("data") or {}).get("sensitivity") or data), lang),
    )


def _self_host_no_it_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "Can it run on our own computers? We have no IT": what that takes (a GPU server at the core's
    rent, someone to look after it) and the realistic routes (the record-software vendor's AI feature; a
    large cloud in the country under a data agreement, which takes the data out of the building); when
    the decision core found a bought workstation within the budget (its recommendation, `owned_chosen`,
    or a way forward, `owned_hardware`), that route with its monthly and up-front cost, as the report
    says it; for health data in China, the rules that apply."""
    owned = next((r for r in (recommendation or {}).get("relaxations") or []
                  if r.get("constraint") == "owned_hardware" and r.get("per_model")), None)  # fmt: skip
    chosen = next((c.get("params") or {} for c in (recommendation or {}).get("summary_codes") or []
                   if c.get("code") == "owned_chosen"), None)  # fmt: skip
    lead = ((recommendation or {}).get("recommendations") or [None])[0]
    if chosen is not None and lead is not None:
        # the recommendation itself is the bought workstation (session 18, `engine._owned_instead`)
        station = workstation_for("cn" if chosen.get("cn") else None)
        upfront = float(chosen.get("cards") or 1) * station.card_usd + station.base_usd
        text = t(lang, "self_host_no_it_owned", gpu=chosen.get("gpu"), model=lead.get("model"),
                 monthly=render.cost_text(float(lead.get("monthly_cost_usd") or 0), lang, currency),
                 upfront=render.cost_text(upfront, lang, currency).split("/")[0])
    elif owned is not None:
        first, box = owned["per_model"][0], (owned.get("code") or {}).get("params") or {}
        needs = first["needs"]["params"]
        upfront = float(needs.get("cards") or 1) * float(box.get("card") or 0) + float(box.get("base") or 0)
        text = t(lang, "self_host_no_it_owned", gpu=needs.get("gpu"), model=first.get("model"),
                 monthly=render.cost_text(float(needs.get("monthly") or 0), lang, currency),
                 upfront=render.cost_text(upfront, lang, currency).split("/")[0])
    else:
        month = render.cost_text(GPUS[SMALL_GPU].hourly_usd * HOURS_PER_MONTH, lang, currency)
        text = t(lang, "self_host_no_it", gpu_month=month)
    if _HEALTH_DATA.search(str(raw.get("use_case") or "")) and person_region(raw, currency) == "cn":
        text += ("" if lang == "zh" else " ") + t(lang, "can_ai_law_cn")
    return text


WHY_LISTED = re.compile(
    r"why(?:\s+(?:is|are|was|s)|'s|’s)\s+(?:the\s+)?(?P<name>[a-z][\w.\- ]{1,30}?)\s+(?:still\s+)?(?:on|in)\s+(?:the|your|my|this|that)?\s*"
    r"(?:short\s*list|list|ranking|picks|options|recommendations?)|"
    r"why\s+(?:did|do|would)\s+you\s+(?:still\s+)?(?:include|list|keep|recommend|suggest|put)\s+(?:the\s+)?(?P<name2>[a-z][\w.\-]{1,20})|"
    r"为什么(?:还|会)?(?:有|推荐|列了?|把)\s*(?P<name3>[A-Za-z][\w.\-]{1,20}|[\u4e00-\u9fff]{2,6}?)(?:在|放|呢|？|\?|，|,)|"
    r"(?:为什么|为啥|点解|怎么)\s*(?:个|你的|这个|那个)?\s*(?:list|名单|清单|候选名单|推荐)(?:上|里|里面|入面)?\s*(?:会|还)?\s*(?:有|列了?|包括)\s*"
    r"(?P<name4>[A-Za-z][A-Za-z0-9.\-]{1,20})",
    re.IGNORECASE,
)
"""A question why a model is on the shortlist ("why is kimi on the list if its china?")."""
OFFLINE = re.compile(
    r"\boffline\b|without\s+(?:the\s+)?(?:internet|wi-?fi|power|electricity|signal|data|a\s+connection)|"
    r"(?:power|electricity|lights)\s+(?:is\s+|goes\s+|went\s+|gets\s+)?(?:off|out|down|cut)|power\s+cuts?|load[\s-]?shedding|black-?outs?|no\s+(?:internet|wi-?fi|signal|power|electricity)|"
    r"停电|断电|没网|断网|离线|没有网络|没信号",
    re.IGNORECASE,
)
"""A question whether the AI works with no power or no internet ("does it work when the power is off")."""
IGNORE_API = re.compile(
    r"(?:ignore|skip|forget(?:\s+about)?|don'?t\s+(?:need|have)\s+to\s+pay(?:\s+for)?|no\s+need\s+to\s+pay(?:\s+for)?)\s+(?:the\s+|that\s+)?"
    r"(?:(?:[$€£R¥]\s?\d[\d.,]*|\d[\d.,]*\s*(?:dollars?|rand|bucks))\s*(?:a\s+month\s+)?(?:api\s+)?(?:thing|one|bill|figure|price|part)?|"
    r"(?:api|per[\s-]use|usage)\s*(?:thing|bill|cost|fee|figure|price|part)?)|"
    r"(?:[$€£R¥]\s?\d[\d.,]*|\bapi|per[\s-]use)\s+(?:[a-z]+\s+){0,2}?(?:i|we)\s+can\s+(?:just\s+)?(?:ignore|skip|forget)|"
    r"(?:API|按用量|\d+\s*(?:块|元|新台币))[^。？?]{0,8}?(?:不用管|可以不管|不用付|可以忽略)",
    re.IGNORECASE,
)
"""A question whether the per-use (API) figure can be ignored when the chat app is used ("the R15 thing i
can ignore?")."""


def why_listed_target(question: str, rec: Recommendation | None) -> Candidate | None:
    """The shortlisted candidate a "why is X on the list?" question names (by a word of its name), or None."""
    m = WHY_LISTED.search(to_simplified(question))
    if rec is None or m is None:
        return None
    named = next(g for g in (m.group("name"), m.group("name2"), m.group("name3"), m.group("name4")) if g).strip().lower()
    words = [w for w in re.split(r"[\s\-]+", named) if len(w) >= 2]
    for c in [*rec.recommendations, *rec.frontier]:
        name = c.model.lower()
        if named in name or (words and all(w in name for w in words[:1])):
            return c
    return None


def _why_listed_answer(
    question: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str | None:
    """ "Why is Kimi on the list if it's China? these are patient notes": from the ranking's own data — its
    rank among the models that meet every must-have, the warnings it carries, and what would take it off
    (a warning never removes a model; a rule does: no providers under that law, or a region for the data)."""
    rec = _validated(recommendation)
    c = why_listed_target(question, rec)
    if c is None or rec is None:
        return None
    passing = decision_why_not(rec.requirements, load_catalog(), c.model_key, lang=lang).passing
    cost = render.cost_text(c.monthly_cost_usd, lang, currency) if c.monthly_cost_usd is not None else "—"
    parts = [t(lang, "listed_rank", name=c.model, rank=c.rank, passing=f"{passing:,}" if passing else "?", cost=cost)]
    warned = render.chat_warnings(c, lang)
    made = load_catalog().models.get(c.model_key)
    served_in_cn = c.provider is not None and "cn" in (PROVIDER_JURISDICTIONS.get(c.provider, ("",))[0],
                                                      PROVIDER_PARENT_LAWS.get(c.provider, ("",))[0])  # Alibaba's Singapore arm
    if made is not None and (made.maker or "") in MAKERS_IN_CHINA and not served_in_cn and not c.self_hosted:
        # "why is kimi on the list if its china": made there, but served here by a company elsewhere
        parts.append(t(lang, "listed_made_in_china", name=c.model, maker=MAKERS_IN_CHINA[made.maker or ""],
                       provider=provider_display(c.provider_name, c.provider or "", lang)))
    if warned:
        parts.append(t(lang, "listed_warnings", warnings="; ".join(warned)))
    laws = [r for r in c.risk_codes if r.code in JURISDICTION_RISKS]
    if laws:
        chinese = any("cn" in (r.params.get("jurisdiction"), r.params.get("parent")) for r in laws)
        parts.append(t(lang, "listed_remove_china" if chinese else "listed_remove_region"))
        if not _sensitive(raw):
            parts.append(t(lang, "listed_say_confidential"))
    elif warned:
        parts.append(t(lang, "listed_remove_other"))
    return ("" if lang == "zh" else " ").join(parts)


def _offline_answer(recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "Does it work on my phone when the power is off?": a chat app or an API needs an internet
    connection, not mains power; only a model on one's own computer works offline (and needs that computer)."""
    top = _top(recommendation)
    maker = maker_named(f"{top.model} {top.provider or ''}") if top is not None else None
    app = (maker.app_zh if lang == "zh" else maker.app_en) if maker is not None and maker.app_en else t(lang, "offline_any_app")
    return t(lang, "offline", app=app)


def _ignore_api_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str | None:
    """ "The R15 thing I can ignore?": yes when the app is used by hand — the per-use figure is the API
    bill, paid only if software sends the requests; the app's own plan is what a person pays."""
    top = _top(recommendation)
    if top is None or top.self_hosted or top.monthly_cost_usd is None:
        return None
    maker = maker_named(f"{top.model} {top.provider or ''}")
    cost = render.cost_text(top.monthly_cost_usd, lang, currency)
    if maker is None or not maker.app_en:
        return t(lang, "ignore_api_plain", cost=cost)
    app = maker.app_zh if lang == "zh" else maker.app_en
    return t(lang, "ignore_api", cost=cost, app=app, price=places.app_price(maker, lang, currency))


SOLO = re.compile(
    r"\b(?:it'?s|its|it\s+is)\s+(?:just|only)\s+me\b|\bjust\s+me\b|\bonly\s+me\b|\bon\s+my\s+own\b|\bby\s+myself\b|"
    r"\bone[\s-](?:person|man|woman)\b|\bsolo\b|\bsole\s+(?:trader|proprietor)|\bfreelanc|\bself[\s-]employed\b|"
    r"\bno\s+(?:team|staff|employees|developers?|devs?|programmers?|it\s+(?:person|people|staff))\b|"
    r"\b(?:don'?t|do\s+not)\s+have\s+(?:a\s+|any\s+)?(?:team|staff|employees|developers?|anyone|anybody)\b|"
    r"\bi\s+(?:work|run\s+it)\s+alone\b|\b(?:from|out\s+of)\s+my\s+own\s+pocket\b|\bmy\s+own\s+money\b|"
    r"一个人|就我自己|就我一个|我自己一个|个体户|没有员工|没有团队|自掏腰包|自己掏钱",
    re.IGNORECASE,
)
"""Words of a person working alone ("it's just me", "I'm a one-person shop", "I don't have anyone to connect it",
"from my own pocket": the one who pays is the one who uses it)."""
_TEAM = re.compile(
    r"\b(?:we|we'?re|we'?ve|we'?d|our|ours|us|team|staff|employees|colleagues|company|firm|clinic|practice|agency|"
    r"department|office|school|hospital|council|ministry|startup|organisation|organization)\b|我们|咱们|公司|团队|员工|同事|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\s+(?:[a-z-]+\s+)?(?:" + WORKERS + r"|people|persons)\b",
    re.IGNORECASE,
)
"""Words of a team or an organisation, or a head count of workers ("3 physios", "our shop")."""


BY_HAND = re.compile(
    r"不会写代码|不懂代码|不会编程|不懂编程|不会代码|不懂技术|不会技术|不识电脑|唔识电脑|不会用电脑|不太会用电脑|不懂电脑|"
    r"没(?:有)?(?:一个)?人(?:会|懂)(?:写)?(?:代码|编程|程序|技术)|都不会(?:写)?(?:代码|编程|程序)|"
    r"\b(?:nobody|no\s*one|none\s+of\s+us)\s+(?:here\s+|in\s+(?:the|our)\s+\w+\s+)?(?:can\s+|knows\s+how\s+to\s+)?(?:codes?|programs?)\b|"
    r"只会用手机|只用手机|都用手机|只会用(?:手机|line|微信)|没有(?:it|技术人员|工程师|程序员)|就我和(?:两|三|几|[一二三四五])个|"
    r"\b(?:can'?t|cannot|don'?t\s+know\s+how\s+to)\s+(?:code|program)\b|\bno\s+coding\b|\bnot\s+(?:very\s+)?(?:technical|techy|good\s+with\s+computers)\b|"
    r"\bno\s+it\s+(?:guy|person|people|staff)\b|\bonly\s+(?:use\s+)?(?:our\s+|their\s+)?phones\b" + "|"
    r"\bon\s+(?:their|our|my|her|his)\s+(?:own\s+)?(?:phones?|mobiles?|laptops?)\b|\bwith\s+(?:\w+\s+)?phones\b|\bby\s+hand\b|"
    r"\bfront[\s-]desk\b|\breceptionists?\b|\bno\s+it\s+(?:guy|person|people|staff|department)\b|\bno\s+(?:tech|techie)\b|"
    r"(?:nephew|sobrino|niece|son|daughter)\s+(?:\w+\s+){0,3}(?:helps?|does)\s+(?:\w+\s+){0,3}(?:computers?|it|tech)|"
    r"copy[\s-]*(?:and\s+|&\s+)?paste|手机上|用手机|手动|前台|没有\s*it|没有技术人员",
    re.IGNORECASE,
)
"""Words of people who will type into an app by hand: they can't code or aren't at home with computers, or
are a handful with phones ("我不会写代码，店里就我和两个运营", "我们部门没人会写代码", "nobody here can code", "我唔識電腦", "老師們只會用手機跟LINE", "we are
3 people with phones, no IT guy", "the front desk", "copy paste into WhatsApp"): a chat app by hand, not
software calling an API."""


def is_solo(messages: Sequence[str]) -> bool:
    """Whether the person works alone or by hand: said so (or that they can't code, aren't at home with
    computers, use only phones), or every message speaks of one person's own work with no team,
    organisation or head count in it ("i make candles…", "wedding photographer in cape town…")."""
    said = to_simplified(" ".join(messages))
    return (SOLO.search(said) is not None or BY_HAND.search(said) is not None
            or (bool(said.strip()) and _TEAM.search(said) is None))  # fmt: skip


def phone_only(messages: Sequence[str]) -> bool:
    """Whether the person said they have or use only a phone (`lexicon.PHONE_ONLY`: "我只有手机，没有电脑")."""
    return re.search(lx.PHONE_ONLY, to_simplified(" ".join(messages)), re.IGNORECASE) is not None


def free_only(raw: Mapping[str, Any]) -> bool:
    """The person has no money for it ("We have zero budget. Like, zero.": a monthly budget of 0)."""
    budget = raw.get("budget")
    return isinstance(budget, Mapping) and budget.get("monthly_usd") == 0


def solo_app(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, messages: Sequence[str]
) -> Maker | None:
    """The maker whose chat app a person working alone starts with: they work alone, type by hand (no IT)
    or have no budget at all, a chat app by hand fits the volume and the data (`_hand_band` "app" or
    "both"), and the quality pick's maker has an app."""
    top = _top(recommendation)
    by_hand = (is_solo(messages) or free_only(raw) or raw.get("phone_only") is True or phone_only(messages)
               or NO_IT.search(to_simplified(" ".join(messages))) is not None)  # fmt: skip
    if top is None or top.self_hosted or not by_hand:
        return None
    if _hand_band(raw, recommendation) not in ("app", "both"):
        return None
    maker = maker_named(f"{top.model} {top.provider or ''}")
    place = _place_of(raw)
    if maker is not None and place in PLACES and place not in maker.offered:
        return None  # a Hong Kong firm is never sent to an app its maker does not offer there
    return maker if maker is not None and maker.app_en else None


HAND_TEAM_FACTOR = 3
"""A few people sharing the work by hand handle this many times what one person does (HAND_MAX_REQUESTS)."""


def business_by_hand(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, messages: Sequence[str]
) -> bool:
    """Whether the first recommendation is a chat app's business plan used by hand: confidential data,
    people who type into an app themselves (working alone, or said so: phones, front desk, no IT), and a
    volume a few people handle by hand; never for audio or a self-hosted pick."""
    top = _top(recommendation)
    if top is None or top.self_hosted or not _sensitive(raw) or _audio(raw, recommendation):
        return False
    said = to_simplified(" ".join(messages))
    told = BY_HAND.search(said) is not None or NO_IT.search(said) is not None or phone_only(messages)
    if not (told or is_solo(messages)):
        return False
    requests = _requests(raw, recommendation)
    limit = HAND_MAX_REQUESTS * (HAND_TEAM_FACTOR if told else 1)
    if requests is None or requests > limit:
        return False
    return told or not _chatbot(raw, "")


def _business_plans(top: Candidate, lang: Lang) -> tuple[str, str]:
    """(the pick's maker's business plan or "", every business plan in the makers table), in `lang`."""
    maker = maker_named(f"{top.model} {top.provider or ''}")
    own = (maker.business_zh if lang == "zh" else maker.business_en) if maker is not None else ""
    every = ("、" if lang == "zh" else ", ").join(m.business_zh if lang == "zh" else m.business_en
                                                  for m in MAKERS if m.business_en)  # fmt: skip
    return own, every


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "wawili": 2, "watatu": 3, "wanne": 4, "watano": 5}  # fmt: skip
HEAD_COUNT = re.compile(
    r"\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+us|people|persons|staff|employees|"
    r"girls|guys|colleagues|volunteers|users|members|ladies|women|men|assistants|translators|agents)\b|"
    r"\bwatu\s+(?P<sw>wawili|watatu|wanne|watano)\b",
    re.IGNORECASE,
)
"""How many people will use the app ("We are 3 people with phones", "my 3 girls", "Sisi ni watu watatu")."""


def head_count(messages: Sequence[str]) -> int | None:
    """The people who will use the app: the last count said, else 1 for a person working alone (`SOLO`),
    else None (not said)."""
    said = " ".join(messages)
    counts = [m.group("n") or m.group("sw") for m in HEAD_COUNT.finditer(said)]
    if counts:
        last = counts[-1].lower()
        return int(last) if last.isdigit() else _COUNT_WORDS[last]
    return 1 if SOLO.search(to_simplified(said)) is not None else None


def _seat_costs(
    users: int | None, lang: Lang, currency: str | None, place: str | None = None
) -> tuple[list[str], float | None]:
    """Each business plan with a known price per user (makers table) as a phrase, for `users` people (at
    least the plan's minimum), and the lowest monthly total in US dollars among the plans sold for that
    many people (None: none priced, or none sold for one person); only the makers offered at `place` (one of
    `PLACES`: no Claude Team in Hong Kong)."""
    parts, lowest = [], None
    code = currency or "USD"
    for m in MAKERS:
        if not m.business_seat_usd or (place in PLACES and place not in m.offered):
            continue
        lo, hi = m.business_seat_usd
        seats = max(users or 1, m.business_min_users)
        low, high = money(from_usd(lo * seats, code), code, lang), money(from_usd(hi * seats, code), code, lang)
        symbol = SYMBOL.get(code.upper(), code.upper() + " ")
        if lang == "zh" and code.upper() in ZH_NAME:  # "16,125–19,350肯尼亚先令"
            low = low.removesuffix(ZH_NAME[code.upper()])
        else:  # "KSh 16,125–19,350"
            high = high.removeprefix(symbol)
        total = f"{low}–{high}"
        minimum = t(lang, "seat_minimum", k=m.business_min_users) if m.business_min_users > 1 else ""
        parts.append(t(lang, "seat_cost", plan=(m.business_zh if lang == "zh" else m.business_en).split(" (")[0].split("（")[0]
                       .removesuffix(" or Enterprise").removesuffix("或企业版"), lo=f"{lo:g}", hi=f"{hi:g}",
                       minimum=minimum, seats=seats, total=total))  # fmt: skip
        if users != 1 or m.business_min_users == 1:  # a team plan is not sold to one person
            lowest = lo * seats if lowest is None else min(lowest, lo * seats)
    return parts, lowest


def business_over_budget(raw: Mapping[str, Any], messages: Sequence[str]) -> bool:
    """Whether no business plan fits: the budget is below the cheapest priced plan's seats for the people
    who will use it, or one person works alone and the priced plans are sold to teams only."""
    users = head_count(messages)
    costs, lowest = _seat_costs(users, "en", None, _place_of(raw))
    if costs and lowest is None and users == 1:
        return True
    budget = (raw.get("budget") or {}).get("monthly_usd") if isinstance(raw.get("budget"), Mapping) else None
    return isinstance(budget, int | float) and lowest is not None and lowest > budget


def business_lead(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, messages: Sequence[str], lang: Lang,
    currency: str | None,
) -> str | None:  # fmt: skip
    """The first recommendation for people who type by hand with confidential data: a chat app's business
    plan (a data agreement, no training on their data), the pick's maker's plan named when it has one,
    Copilot or Gemini first where the office suite already has it; in mainland China (where the US plans
    are not offered) the Chinese pick's maker's business terms for its app, or its platform; the per-use API
    only for automating later (None: not such a case)."""
    top = _top(recommendation)
    if top is None or not business_by_hand(raw, recommendation, messages):
        return None
    task = (recommendation or {}).get("requirements", {}).get("task_type")
    maker = maker_named(f"{top.model} {top.provider or ''}")
    place = _place_of(raw)
    none_here = place in PLACES and not any(place in m.offered and m.business_en for m in MAKERS)
    if (place == "cn" or none_here) and maker is not None and place in maker.offered and maker.app_en:
        # a Shenzhen HR office, a Causeway Bay broker: no US business plans (not offered there), the pick's maker's own
        # business terms (its mainland console only in mainland China)
        return t(lang, "business_lead_cn", maker=_maker_name(maker, lang), app=maker.app_zh if lang == "zh" else maker.app_en,
                 console=(maker.china_console_zh if lang == "zh" and place == "cn" else "") or t(lang, "business_console_default"),
                 model=top.model, task=task_name(lang, task) if isinstance(task, str) else "",
                 cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    if none_here and place is not None:  # no business plan of the table offered there, nor the pick's maker's app
        absent = [m.family_zh if lang == "zh" else m.family_en for m in MAKERS if m.business_en and place not in m.offered]
        offered = tuple(m for m in MAKERS if place in m.offered and m.app_en)
        return t(lang, "business_lead_place", place=PLACES[place][1 if lang == "zh" else 0],
                 absent=t(lang, "and_words").join(absent), makers=places.maker_list(offered, lang), model=top.model,
                 task=task_name(lang, task) if isinstance(task, str) else "",
                 cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    own, every = _business_plans(top, lang)
    named = t(lang, "business_own", plan=own, model=top.model) if own else t(lang, "business_other", model=top.model)
    budget = (raw.get("budget") or {}).get("monthly_usd") if isinstance(raw.get("budget"), Mapping) else None
    users = head_count(messages)
    costs, lowest = _seat_costs(users, lang, currency, _place_of(raw))
    sep = "；" if lang == "zh" else "; "
    if business_over_budget(raw, messages):
        # 3 staff with KSh 4,000, one freelancer with €50: the plans' seats cost more than the budget, said so
        maker = solo_app_maker(top, raw)
        app = (maker.app_zh if lang == "zh" else maker.app_en) if maker is not None else _pick_app(top, lang, raw)
        price = places.app_price(maker, lang, currency) if maker is not None else t(lang, "apps_free_tiers")
        if lowest is None:  # one person: the team plans are not sold to them
            why = t(lang, "business_solo_why")
        else:
            shown = render.cost_text(float(budget), lang, currency) if budget else t(lang, "zero_budget_words")
            why = t(lang, "business_budget_why", budget=shown)
        return t(lang, "business_over_budget", costs=sep.join(costs), why=why, app=app, price=price, as_of=AS_OF,
                 cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    lead = t(lang, "business_lead", plans=every, named=named,
             task=task_name(lang, task) if isinstance(task, str) else "",
             cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    return lead + (t(lang, "seat_costs", costs=sep.join(costs), as_of=AS_OF) if costs else "")


def solo_app_maker(top: Candidate, raw: Mapping[str, Any]) -> Maker | None:
    """The pick's maker when it has a chat app offered where the person is (None: no such app)."""
    maker = maker_named(f"{top.model} {top.provider or ''}")
    place = _place_of(raw)
    if maker is None or not maker.app_en or (place in PLACES and place not in maker.offered):
        return None
    return maker


def office_product_held(messages: Sequence[str]) -> Product | None:
    """The office assistant with business data terms (knowledge.products, kind "office_assistant") the person
    asked about having ("we have Microsoft 365 through TechSoup, does Copilot count?", "I can see Gemini in my
    school Gmail. Does that count?"), the last one asked about; None when none was."""
    for message in reversed(messages):
        found = [p for p in asked_products(message) if p.kind == "office_assistant" and p.business_terms]
        if found:
            return found[-1]
    return None


def office_lead(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, messages: Sequence[str], lang: Lang,
    currency: str | None, volume_defaulted: bool = False,
) -> str | None:  # fmt: skip
    """The first recommendation for people who have an office assistant under their organisation's agreement
    (Copilot, Gemini in Workspace, said earlier in the conversation) and a volume handled by hand: start with
    it, nothing to buy, in simple steps; the per-use API only for automating later (None: not such a case).
    A volume never said (`volume_defaulted`, the interview's assumption) does not rule it out: staff who
    already have Copilot type by hand whatever the assumed figure."""
    product = office_product_held(messages)
    top = _top(recommendation)
    by_hand = _hand_band(raw, recommendation) is not None or (volume_defaulted and not _chatbot(raw, ""))
    if product is None or top is None or top.self_hosted or not by_hand:
        return None
    task = str(raw.get("task_type") or "")
    use = use_case_summary(str(raw.get("use_case") or ""), task, lang)
    use = use[:1].lower() + use[1:] if lang == "en" and use[1:2].islower() else use  # "…, make quiz questions"
    example = t(lang, "first_steps_example", use=use) if use and not _OWN_WORDS.search(use) else t(lang, "first_steps_example_none")
    who = records_kind(" ".join([*messages, str(raw.get("use_case") or "")]))
    return t(lang, "office_lead", open=t(lang, f"office_open_{product.key}"), example=example,
             account=t(lang, "office_account_school" if who == "school" else "office_account_work"),
             ids=t(lang, f"office_ids_{who}" if who in ("school", "health", "cv") else "office_ids_other"),
             cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip


_OWN_WORDS = re.compile(r"\b(?:i|we|my|our|us|me)\b|我|我们", re.IGNORECASE)
"""A use case summary that is still the person's own sentence ("we get many applications and I would like to use
an AI"): no sample instruction to paste, the generic one instead."""


def solo_lead(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, messages: Sequence[str], lang: Lang,
    currency: str | None, volume_defaulted: bool = False,
) -> str | None:  # fmt: skip
    """The first recommendation for a person working alone at a volume a person can handle by hand: the
    maker's chat app with its plan price in their currency first; the per-use API only as the way to
    have it done automatically later (None: not such a person, or no app fits). Confidential data typed by
    hand: the business plan instead (`business_lead`); an office assistant they already have comes first
    (`office_lead`)."""
    office = office_lead(raw, recommendation, messages, lang, currency, volume_defaulted)
    if office is not None:
        return office
    business = business_lead(raw, recommendation, messages, lang, currency)
    if business is not None:  # confidential data typed by hand: the law of where they are, where one is named
        return business + personal_data_law(raw, lang, currency)
    maker = solo_app(raw, recommendation, messages)
    top = _top(recommendation)
    if top is not None and phone_only(messages):  # "我只有手机，没有电脑": the phone app by hand, or who else does it
        return _phone_lead(maker, top, raw, recommendation, lang, currency)
    if maker is None or top is None:
        return None
    requests = _requests(raw, recommendation) or 0.0
    task = (recommendation or {}).get("requirements", {}).get("task_type")
    lead = t(lang, "solo_lead_free" if free_only(raw) else "solo_lead", app=maker.app_zh if lang == "zh" else maker.app_en,
             price=places.app_price(maker, lang, currency), n=f"{requests:,.0f}", per_day=per_day_words(requests, lang),
             maker=_maker_name(maker, lang), model=top.model,
             task=task_name(lang, task) if isinstance(task, str) else "",
             cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    named = [a for a in _apps_named(to_simplified(" ".join(messages))) if maker_named(a.en) not in (None, maker)]
    if free_only(raw) and named:  # "Is the free ChatGPT OK?" before the Claude app is recommended: it is too
        lead += t(lang, "solo_named_too", app=named[0].zh if lang == "zh" else named[0].en)
    return lead


def _phone_apps(place: str | None, but: Maker | None, lang: Lang) -> str:
    """The chat apps offered where the person is (makers table; mainland China when unknown), short names, but one."""
    where = place if place in PLACES else "cn"
    names = [_APP_SHORT.sub("", m.app_zh if lang == "zh" else m.app_en).strip() for m in MAKERS
             if where in m.offered and m.app_en and m is not but]  # fmt: skip
    return ("、" if lang == "zh" else ", ").join(dict.fromkeys(n for n in names if n))


def _phone_lead(
    maker: Maker | None, top: Candidate, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang,
    currency: str | None,
) -> str:  # fmt: skip
    """The first recommendation for a person with only a phone: the pick's maker's phone app (offered where they
    are) used by hand, how, and the other apps offered there; anything automatic needs someone with a computer,
    said plainly, no API steps. At a volume no one handles by hand, or with no app for the pick: who to ask."""
    requests = _requests(raw, recommendation) or 0.0
    place = _place_of(raw)
    own = maker is not None
    if maker is None and _hand_band(raw, recommendation) in ("app", "both"):  # the pick's maker has no app there
        where = place if place in PLACES else "cn"
        maker = next((m for m in MAKERS if where in m.offered and m.app_en), None)
    if maker is None:
        return t(lang, "phone_helper_lead", apps=_phone_apps(place, None, lang), n=f"{requests:,.0f}",
                 cost=render.cost_text(top.monthly_cost_usd, lang, currency))  # fmt: skip
    task = (recommendation or {}).get("requirements", {}).get("task_type")
    app = maker.app_zh if lang == "zh" else maker.app_en
    return t(lang, "phone_lead_own" if own else "phone_lead_other", app=app, short=_APP_SHORT.sub("", app).strip(),
             price=places.app_price(maker, lang, currency), n=f"{requests:,.0f}", per_day=per_day_words(requests, lang),
             maker=_maker_name(maker, lang), model=top.model, task=task_name(lang, task) if isinstance(task, str) else "",
             others=_phone_apps(place, maker, lang))  # fmt: skip


def phone_automate_answer(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "能不能让它自动发？" from a person with only a phone: not from a phone; it takes someone with a computer
    (the API, paid per use), and by hand is how it works now."""
    top = _top(recommendation)
    cost = t(lang, "phone_automate_cost", cost=render.cost_text(top.monthly_cost_usd, lang, currency)) if top is not None else ""
    return t(lang, "phone_automate", cost=cost)


def _solo_steps(
    maker: Maker, top: Candidate, raw: Mapping[str, Any], question: str, lang: Lang, currency: str | None
) -> str:
    """ "What do I do next?" from a person working alone: the maker's chat app by hand (its plan price),
    tried on their own cases, and the per-use API only as the way to automate it later."""
    app = maker.app_zh if lang == "zh" else maker.app_en
    pick = t(lang, "steps_pick_solo", app=app, price=places.app_price(maker, lang, currency),
             maker=_maker_name(maker, lang), model=top.model)  # fmt: skip
    later = t(lang, "steps_later_solo", cost=render.cost_text(top.monthly_cost_usd, lang, currency))
    quiz = re.search(lx.QUIZ_WRITING, to_simplified(f"{question} {raw.get('use_case') or ''}"), re.I) is not None
    # writing quiz questions: an instruction to paste (novice25 P3: "點樣開始用通義千問出題目？"); no money to spend:
    # no per-use price for later
    steps = [t(lang, "next_hand"), *([t(lang, "steps_quiz_prompt")] if quiz else []), *_safe_examples(raw, lang),
             *([] if free_only(raw) else [later])]  # fmt: skip
    lines = [pick, *steps]
    numbered = [f"{i}. {p[:1].upper() + p[1:] if lang == 'en' else p}" for i, p in enumerate(lines, 1)]
    sorry = t(lang, "contradiction_sorry") if CONTRADICTION.search(to_simplified(question)) else ""
    return sorry + t(lang, "steps_intro") + "\n" + "\n".join(numbered)


def _maker_name(maker: Maker, lang: Lang) -> str:
    """The maker's name without the country the table adds ("Anthropic (US)" -> "Anthropic")."""
    return re.sub(r"\s*[(（][^)）]*[)）]\s*$", "", maker.zh if lang == "zh" else maker.en)


_QUESTION_START = re.compile(
    r"^(?:and\s+|also\s+|so\s+|but\s+|ok(?:ay)?\s+|then\s+)*(?:what|why|how|does|do|did|is|are|can|could|will|would|should|which|"
    r"where|when|who|whats|what's|hows|isn't|aren't|don't)\b",
    re.IGNORECASE,
)
_ZH_QUESTION = re.compile(r"吗|呢|什么|怎么|为什么|为啥|哪|能不能|可不可以|是不是|要不要|多少")
_RHETORICAL = re.compile(r"^(?:right|ok(?:ay)?|yes|no|correct|huh|really|eh|why not|how so|is it|and|or what)[\s?？!.]*$", re.IGNORECASE)


def question_clauses(text: str) -> list[str]:
    """The questions a message asks, one clause each: the sentences ending in a question mark, and a last
    sentence that starts like a question without one ("… and what does 'try both picks' mean")."""
    parts = [p.strip() for p in re.split(r"(?<=[?？])\s*|(?<=[.!。！\n])\s+", text) if p.strip()]
    out = []
    for p in parts:
        if not re.search(r"[A-Za-z\u4e00-\u9fff]", p):
            continue  # a stray "?" asks nothing
        asks = p.endswith(("?", "？")) or (
            _QUESTION_START.search(p) is not None if p.isascii() else _ZH_QUESTION.search(p) is not None
        )
        if asks and not _RHETORICAL.match(p):
            out.append(p)
    return out


_COMPLAINT = re.compile(
    r"答不了|答不上|回答不了|没回答|不回答|什么叫|what\s+do\s+you\s+mean|you\s+(?:didn'?t|haven'?t|never)\s+answer",
    re.IGNORECASE,
)
"""A complaint about the last reply ("什么叫答不了？", "你真的一点都答不了吗？"): not a question to quote back."""


def real_question(clause: str) -> bool:
    """A clause worth saying "I can't answer" to: it ends with a question mark, says more than a few
    words, and is no statement that happens to start like a question ("How many, maybe 50 chats a day";
    "OK, and the volume?" asks about what is being set, not something else)."""
    text = clause.strip()
    if not text.endswith(("?", "？")) or _COMPLAINT.search(to_simplified(text)):
        return False
    if re.search(r"[\u4e00-\u9fff]", text):
        return len(re.sub(r"[^\u4e00-\u9fff]", "", text)) >= 6
    words = re.findall(r"[A-Za-z']+", text)
    if re.match(r"(?i)\s*(?:maybe|perhaps|probably|about|around|roughly|like)\b[^?]{0,20}\d", text):
        return False  # "Maybe 30-40 emails a week?": a figure said with a shrug, not a question
    if len(words) < 4 or (re.search(r"\d", text) and re.match(r"(?i)\s*how\s+(?:many|much)\b", text)):
        return False
    return not re.search(r"(?i)\b(?:volume|budget|language|task|latency|price|cost)\b\s*[?]?$", text)


_FOLLOW_UP = re.compile(
    r"怎么办|该怎么|那怎么|不能的话|不行的话|否则|what\s+(?:do|should|can|could|must)\s+(?:we|i)\s+do|what\s+then|"
    r"\bif\s+not\b|\botherwise\b|what\s+(?:are|r)\s+(?:my|our|the)\s+options",
    re.IGNORECASE,
)
"""A follow-up to the question before it ("不能的话我们该怎么办？", "if not, what do we do?"): answered with it."""


_REFERS_BACK = re.compile(r"\b(?:it|them|that|this|those|these|they)\b|它|它们|这些|那些|这个|那个|用上|用得上", re.IGNORECASE)
"""Words pointing at what a neighbouring question names ("we have 20,000 labelled CVs, can we use them?")."""


def unanswered(questions: Sequence[str]) -> list[str]:
    """The questions no reader of the answer side recognises; one that points back at a neighbour's
    subject (`_REFERS_BACK`) is answered with that neighbour when the neighbour is answerable."""
    known = [answerable(q) for q in questions]
    out = []
    for i, q in enumerate(questions):
        if known[i]:
            continue
        beside = [known[j] for j in (i - 1, i + 1) if 0 <= j < len(questions)]
        if any(beside) and (_REFERS_BACK.search(to_simplified(q)) or _POINTS_BACK.search(q)):
            continue
        if any(known) and _mostly_hinglish(q):
            continue  # "Kya main wahi use kar sakti hoon instead of paying?": the English questions beside it carry it
        out.append(q)
    return out


_HINGLISH = frozenset({
    "kya", "kyaa", "main", "mein", "mai", "hai", "hain", "hoon", "hun", "hu", "kar", "karu", "karoon", "karna",
    "karein", "sakti", "sakta", "sakte", "wahi", "wohi", "woh", "vo", "yeh", "ye", "yahi", "na", "haan", "han",
    "nahi", "nahin", "accha", "acha", "theek", "thik", "kitna", "kitne", "mera", "meri", "mere", "mujhe", "hum",
    "ham", "aap", "ko", "ka", "ki", "ke", "se", "par", "bhi", "toh", "aur", "lekin", "kaise", "kyun", "kab", "kahan",
    "wala", "wali", "chahiye", "hona", "hoga", "hogi", "ho", "raha", "rahi", "bahut", "thoda", "sab"
})  # fmt: skip
"""Common words of Hindi written in Latin letters, as mixed into English ("Kya main wahi use kar sakti hoon")."""


def _mostly_hinglish(clause: str) -> bool:
    """Whether most words of a clause are Hindi in Latin letters: its meaning is in the English around it, which
    is what gets answered, so it is never refused on its own."""
    words = re.findall(r"[a-z]+", clause.lower())
    return len(words) >= 3 and sum(w in _HINGLISH for w in words) * 2 >= len(words)


def answerable(question: str) -> bool:
    """Whether a question is one the data answers (any reader of the answer side recognises it)."""
    q = to_simplified(question)
    return bool(
        direct_kinds(q) or about_recommendation(q) or glossary_lookup(q) is not None or what_is_targets(q)
        or why_not_target(q) is not None or consumer_apps(q) or places.asks_use_in_place(q) is not None
        or places.maker_question(q) is not None or region_question(q) is not None or checked_paths(q)
        or SCANS.search(q) or PHOTOS.search(q) or CAN_AI.search(q) or is_adaptation_question(q)
        or is_framework_question(q) or asked_currency(q) is not None or asks_next_step(q)
        or MAY_USE.search(q) or KEEP_IN.search(q) or WHY_LISTED.search(q) or _FOLLOW_UP.search(q)
        or slot_paths(q) or QUOTE_ASK.search(q)
        or _HOW_MUCH.search(q) or re.search(_LISTING_WORDS, q, re.IGNORECASE)
    )  # fmt: skip


_HOW_MUCH = re.compile(
    r"\bhow\s+(?:much|many\s+(?:rand|dollars?|bucks|euros?|pounds?|quid|yuan|rmb|kuai|francs?|rupees?|yen))\b|"
    r"多少钱|几块钱|多少元|多少块",
    re.IGNORECASE,
)
"""A price asked in the person's money ("how many rand", "多少钱"): every price answer says it."""

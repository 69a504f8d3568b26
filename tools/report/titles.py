"""A short title from the use case: the chat's and the report's summary of it, and the download names.

"We need to detect fake news headlines, about 50k a month" -> "fake-news-headlines-classifier-report.html";
"我们每天大约两万条客服工单，需要分成12类" -> "客服工单分类-报告.html". Pure functions: the front ends (browser,
Slack) name their downloads with them; the chat's requirements table and the report's heading show
the summary (`use_case_summary`) instead of echoing the person's whole message.
"""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS = 4
MAX_ZH_CHARS = 14
"""A Chinese title keeps whole phrases up to this many characters (a phrase is never cut inside)."""

_STOP_EN = frozenset(
    [
        "a",
        "an",
        "the",
        "we",
        "our",
        "us",
        "i",
        "my",
        "me",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "be",
        "been",
        "am",
        "was",
        "were",
        "to",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "into",
        "over",
        "under",
        "about",
        "around",
        "per",
        "each",
        "every",
        "and",
        "or",
        "but",
        "so",
        "as",
        "need",
        "needs",
        "want",
        "wants",
        "would",
        "like",
        "should",
        "must",
        "can",
        "could",
        "will",
        "shall",
        "may",
        "might",
        "have",
        "has",
        "had",
        "do",
        "does",
        "use",
        "using",
        "used",
        "build",
        "building",
        "make",
        "making",
        "help",
        "helps",
        "get",
        "getting",
        "run",
        "running",
        "tool",
        "system",
        "app",
        "model",
        "models",
        "llm",
        "ai",
        "bot",
        "something",
        "tool",
        "some",
        "any",
        "all",
        "many",
        "much",
        "more",
        "most",
        "very",
        "also",
        "just",
        "only",
        "new",
        "what",
        "re",
        "ve",
        "ll",
        "how",
        "why",
        "which",
        "when",
        "please",
        "hi",
        "hello",
    ]
)
_VERBS_EN = frozenset(
    [
        "classify",
        "classifies",
        "classifying",
        "categorize",
        "categorise",
        "sort",
        "sorts",
        "sorting",
        "tag",
        "tags",
        "tagging",
        "label",
        "labels",
        "labelling",
        "labeling",
        "detect",
        "detects",
        "detecting",
        "flag",
        "flags",
        "flagging",
        "summarize",
        "summarise",
        "summarizes",
        "summarising",
        "summarizing",
        "extract",
        "extracts",
        "extracting",
        "answer",
        "answers",
        "answering",
        "write",
        "writes",
        "writing",
        "translate",
        "translates",
        "translating",
        "generate",
        "generates",
        "generating",
        "chat",
        "chats",
        "chatting",
        "review",
        "reviewing",
        "check",
        "checks",
        "checking",
        "handle",
        "handles",
        "handling",
        "process",
        "processes",
        "processing",
        "respond",
        "responds",
        "draft",
        "drafts",
        "drafting",
        "create",
        "creates",
        "creating",
    ]
)
_UNITS_EN = frozenset(
    [
        "day",
        "days",
        "daily",
        "week",
        "weeks",
        "weekly",
        "month",
        "months",
        "monthly",
        "year",
        "yearly",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "request",
        "requests",
        "call",
        "calls",
        "k",
        "m",
        "million",
        "thousand",
        "budget",
        "usd",
        "dollars",
        "eur",
        "tokens",
        "token",
    ]
)
_CLAUSE_END_EN = re.compile(
    r"[,;:.!?()\n]|\b(?:that|which|who|where|for|into|budget|answers? within|within|under|below|must|should)\b"
)

TASK_NOUN: dict[str, tuple[str, str]] = {
    "classification": ("classifier", "分类"),
    "summarization": ("summaries", "摘要"),
    "extraction": ("extraction", "信息提取"),
    "chat": ("chatbot", "对话助手"),
    "qa": ("assistant", "问答"),
    "code": ("coding", "编程"),
    "translation": ("translation", "翻译"),
    "writing": ("writing", "写作"),
    "moderation": ("moderation", "审核"),
    "reasoning": ("reasoning", "推理"),
    "agent": ("agent", "智能体"),
    "vision": ("vision", "图像理解"),
}
"""Task type -> the noun that ends a title (English, Chinese)."""

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ZH_FILLER = [
    "你好",
    "小公司",
    "做",
    "用AI",
    "用ai",
    "帮忙",
    "还有",
    "您好",
    "哈喽",
    "我们是",
    "是一家",
    "是做",
    "是卖",
    "我们的",
    "想把",
    "要把",
    "想",
    "我们",
    "咱们",
    "帮我们",
    "帮我",
    "我",
    "公司",
    "团队",
    "每天",
    "每日",
    "每周",
    "每月",
    "每年",
    "一天",
    "一个月",
    "大约",
    "大概",
    "左右",
    "需要",
    "想要",
    "希望",
    "打算",
    "准备",
    "用来",
    "用于",
    "一个",
    "一种",
    "一些",
    "这个",
    "进行",
    "模型",
    "系统",
    "工具",
    "应用",
    "自动",
    "的",
    "什么是",
    "什么",
    "怎么",
    "如何",
    "为什么",
    "吗",
    "呢",
]
_ZH_DROP = re.compile("|".join(sorted(_ZH_FILLER, key=len, reverse=True)))
_ZH_TASK_WORDS: dict[str, tuple[str, ...]] = {
    "classification": ("检测", "识别", "判断", "分类", "标签", "审核", "分到", "分成", "归类", "筛选", "初筛", "筛"),
    "writing": ("写", "文案", "撰写"),
    "summarization": ("摘要", "总结", "概括", "整理"),
    "translation": ("翻译", "译成", "翻成"),
    "chat": ("客服", "对话", "聊天"),
    "extraction": ("提取", "抽取", "审合同", "审核合同"),
    "speech_to_text": ("转文字", "转成文字", "转写", "转录"),
    "qa": ("问答", "回答", "解答", "答疑"),
}
"""Words in a Chinese title that already say the task (no task noun is added)."""
_ZH_NUMBER = re.compile(r"[0-9０-９.,，一二三四五六七八九十百千万亿两几]+\s*[条个次份篇件封张类种万千家]*")
_ZH_CLAUSE = re.compile(r"[，,。；;：:！!？?（）()\n、]|预算|必须|响应|秒内|以内")


def _ascii_words(text: str) -> list[str]:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z][a-z0-9+]*", norm)


_WANTS_ANY_EN = re.compile(r"\b(?:want|need|would like|'d like|looking for|help|trying to|plan to|to)\b", re.IGNORECASE)
"""Words that say what is wanted: a first clause without them, or without a task verb, may only say who
the person is ("One person office. I need help answering client emails")."""


def _says_what(clause: str) -> bool:
    return bool(_WANTS_ANY_EN.search(clause)) or any(w in _VERBS_EN for w in _ascii_words(clause))


def _from_what(use_case: str) -> str:
    """The use case from its first sentence that says what is wanted, when the first one does not
    ("Small bakery here! We want a bot for order questions" -> "We want a bot for order questions")."""
    sentences = [s for s in re.split(r"(?<=[.!?;\n])\s+", use_case.strip()) if s.strip()]
    if len(sentences) < 2 or _says_what(sentences[0]):
        return use_case
    later = next((i for i, s in enumerate(sentences) if _says_what(s)), None)
    return use_case if later is None else " ".join(sentences[later:])


def _title_words_en(use_case: str, task_type: str) -> list[str]:
    use_case = _from_what(use_case)
    clause = _CLAUSE_END_EN.split(use_case.lower(), maxsplit=1)[0]
    words = [
        w
        for w in _ascii_words(clause)
        if w not in _STOP_EN and w not in _VERBS_EN and w not in _UNITS_EN and not re.fullmatch(r"\d.*", w)
    ]
    if not words:  # the first clause was all verbs and numbers: try the whole text
        words = [w for w in _ascii_words(use_case) if w not in _STOP_EN | _VERBS_EN | _UNITS_EN]
    words = list(dict.fromkeys(words))
    noun = TASK_NOUN.get(task_type, ("", ""))[0]
    if noun and not any(noun.startswith(w[:5]) or w.startswith(noun[:5]) for w in words):
        words = [*words[: MAX_WORDS - 1], noun]
    words = words[:MAX_WORDS]
    return words


_ZH_JOINS = re.compile("[和与及或并]")
"""Conjunctions: where a phrase too long for a title may be cut (before them), never inside a word."""


def _zh_phrases(clause: str) -> list[str]:
    """A clause's phrases: the runs left between the dropped filler words and quantities (which sit
    at word boundaries), each kept to CJK characters, letters and digits."""
    marked = _ZH_DROP.sub("|", _ZH_NUMBER.sub("|", clause))
    runs = ("".join(ch for ch in run if _CJK.match(ch) or ch.isalnum()) for run in marked.split("|"))
    return [run for run in runs if run]


def _fit_zh(phrases: list[str]) -> str:
    """Whole phrases, in order, while they fit in `MAX_ZH_CHARS`. A first phrase longer than that is
    cut before its last conjunction that leaves a fitting head ("为消费者解答法律和医疗问题" fits
    whole; a longer one keeps "...法律" rather than "...法律和医"), else at the limit."""
    core = ""
    for phrase in phrases:
        if len(core) + len(phrase) > MAX_ZH_CHARS:
            break
        core += phrase
    if core or not phrases:
        return core
    first = phrases[0]
    cuts = [m.start() for m in _ZH_JOINS.finditer(first) if 2 <= m.start() <= MAX_ZH_CHARS]
    return first[: cuts[-1]] if cuts else first[:MAX_ZH_CHARS]


_ORG_ZH = re.compile(r"(?:中心|公司|事务所|工作室|医院|诊所|小店|门店|集团|学校|政府|机构|协会)$")
"""A heading that names an organisation (who), not a job."""


def _from_task_word(phrase: str, words: tuple[str, ...]) -> str:
    """A phrase too long for a title, from its task word on when that fits ("为美妆母婴和家居品牌客户撰写
    小红书种草笔记" -> "撰写小红书种草笔记": what is done, not for whom); else the phrase."""
    if len(phrase) <= MAX_ZH_CHARS:
        return phrase
    starts = [i for w in words if (i := phrase.find(w)) > 0]
    tail = phrase[min(starts):] if starts else phrase
    return tail if 4 <= len(tail) <= MAX_ZH_CHARS else phrase


def _title_zh(use_case: str, task_type: str) -> str:
    words = _ZH_TASK_WORDS.get(task_type, ())

    def phrases(clause: str) -> list[str]:
        return [_from_task_word(p, words) for p in _zh_phrases(clause)]

    # "审阅供应商采购合同：提取付款条款、…": a short heading before the colon already names the job (a
    # list inside it, "美妆、母婴和家居", is no clause)
    head, colon, _ = use_case.partition("：") if "：" in use_case else use_case.partition(":")
    # "我们是律师事务所：…", "社区卫生服务中心：…" say who, not what
    says_who = re.match(r"\s*(?:我们|我|咱们|本公司|公司)(?:是|为)", head) or _ORG_ZH.search(head.strip())
    one_clause = not _ZH_CLAUSE.search(head.replace("、", ""))
    heading = _fit_zh(phrases(head)) if colon and _CJK.search(head) and one_clause and not says_who else ""
    if len(heading) >= 4 and heading == "".join(phrases(head)):
        return heading
    clauses = [c for c in _ZH_CLAUSE.split(use_case) if _CJK.search(c)]
    clauses.sort(key=lambda c: not any(w in c for w in words))  # the clause that says the task first
    core = ""
    for clause in clauses:
        core = _fit_zh(phrases(clause))
        if len(core) >= (4 if any(w in clause for w in words) else 2):  # "分成" alone says too little
            break
    else:
        core = next((c for c in (_fit_zh(phrases(x)) for x in clauses) if len(c) >= 2), core)
    noun = TASK_NOUN.get(task_type, ("", ""))[1]
    if noun and noun not in core and not any(w in core for w in _ZH_TASK_WORDS.get(task_type, ())):
        core += noun
    return core


def report_title_slug(use_case: str, task_type: str, lang: str) -> str:
    """A short file-name stem for the report, in the conversation's language.

    English: up to four content words of the use case's first clause plus a task noun, lower-case and
    hyphenated ("support-tickets-classifier"). Chinese: the first clause's core characters without
    pronouns, quantities and filler, plus a task noun ("客服工单分类"). Falls back to "whichmodel".
    """
    if _CJK.search(use_case) and (lang == "zh" or not _ascii_words(use_case)):
        # A Chinese use case keeps its own words, in an English report too: a lone task noun
        # ("assistant") says nothing about it.
        title = _title_zh(use_case, task_type)
        if title:
            return title
    words = _title_words_en(use_case, task_type)
    slug = "-".join(words)
    return slug[:60].strip("-") or "whichmodel"


MAX_TITLE_CHARS = 60
_LEAD_EN = re.compile(
    r"^(?:(?:hi|hello|hey|ok|okay|so|well)\b[\s,!.:-]*)*"
    r"(?:(?:we|i)(?:'d| would)? (?:want|need|like|are looking|am looking|plan|hope)(?: for| to)?\s+"
    r"|(?:we|i) (?:want|need)\s+|looking for\s+|(?:can|could|would|will) (?:you|it|ai|an? ai|a model|an llm) (?:really |actually )?help (?:us|me)(?: to)?\s+|help (?:us|me)(?: to)?\s+"
    r"|(?:want|need|like) (?:to\s+)?|(?:our|my) (?:company|team|firm|shop|business) (?:wants|needs) (?:to\s+)?)?",
    re.IGNORECASE,
)
"""Greetings and "we want to / we need" before the use case proper."""
_WHO_EN = re.compile(
    r"^(?:we(?:'re| are)|i(?:'m| am)|i run|we run|i have|we have|i own|we own|i manage|we manage)\b", re.IGNORECASE
)
"""A clause that says who the person is ("we're a dental clinic"), not what the model should do."""
_CLAUSES_EN = re.compile(r"[.;:!?\n(]|\s[-–—]\s")
_GREETING_EN = re.compile(r"^(?:(?:hi|hello|hey|ok|okay|so|well)\b[\s,!.:-]*)+", re.IGNORECASE)
_FIGURES_EN = re.compile(r"(?<!\d),\s*(?:about|around|roughly|approx\w*|maybe|budget|~|\$|€|£|\d)|"
                         r"\s+(?:maybe|about|around|roughly)\s+\d", re.IGNORECASE)
"""Where the figures that follow a use case start: they are requirements, not its title."""
_WANTS_EN = re.compile(
    r"\b(?:and|but|so|,)\s+(?:(?:(?:i|we)\s+)?(?:want|need|would like|'d like)\s+(?:to\s+)?|(?:someone|people|a\s+friend)\s+"
    r"(?:told|tells)\s+(?:me|us)\s+(?:that\s+)?|(?:i|we)\s+(?:heard|read|think)\s+(?:that\s+)?)"
    r"(?:(?:ai|it|a\s+model|chatgpt|a\s+(?:chat)?bot)\s+(?:could|can|would|might)\s+)?", re.IGNORECASE
)
"""Where "I run a small bakery and I want ..." turns from who the person is to what they want."""
_AGENT_EN = re.compile(
    r"^(?:an?\s+)?(?:ai|llm|model|bot|assistant|something|tool)(?:\s+model)?\s+(?:to|that|which)\s+", re.IGNORECASE
)


def _title_en(use_case: str) -> str:
    """The use case's first clause that says what the model should do, without greetings or "we want
    to", at most `MAX_TITLE_CHARS` (`_shorten_en`), capitalised: "we're a dental clinic,
    want a chatbot on our website to answer patient questions" -> "A chatbot on our website to
    answer patient questions"."""
    clauses = [c.strip(" ,") for c in _CLAUSES_EN.split(_from_what(use_case)) if c.strip(" ,")]
    for clause in clauses:
        clause = _GREETING_EN.sub("", clause)
        clause = _FIGURES_EN.split(clause, maxsplit=1)[0]  # ", about 50k a month", ", budget $300"
        if _WHO_EN.match(clause) and (wants := _WANTS_EN.search(clause)):
            clause = clause[wants.end() :]
        parts = [p.strip() for p in re.split(r"(?<!\d),|,(?!\d{3}\b)", clause)]  # never inside "20,000"
        while len(parts) > 1 and (_WHO_EN.match(parts[0]) or not _ascii_words(_LEAD_EN.sub("", parts[0]))):
            parts = parts[1:]
        text = _AGENT_EN.sub("", _LEAD_EN.sub("", ", ".join(parts)).strip(" ,"))
        if (_WHO_EN.match(text) and len(clauses) > 1) or len(_ascii_words(text)) < 2:
            continue
        if len(text) > MAX_TITLE_CHARS:
            text = _shorten_en(text)
        return text[:1].upper() + text[1:]
    return ""


_CONNECTIVE_EN = re.compile(r",\s|\s(?:for|with|from|to|into|of|and|in|on|at|about|that|which|so|by|using|via)\s", re.IGNORECASE)


def _shorten_en(text: str) -> str:
    """A clause longer than a title, cut before its last connective that leaves at least three words
    within `MAX_TITLE_CHARS` ("Step-by-step math tutor for high-school and first-year university
    students" -> "Step-by-step math tutor for high-school"), else at the last word that fits. A
    shortened title is a title, not a cut-off sentence: no ellipsis."""
    cuts = [m.start() for m in _CONNECTIVE_EN.finditer(text) if m.start() <= MAX_TITLE_CHARS]
    cuts = [c for c in cuts if len(text[:c].split()) >= 3]
    if cuts:
        return text[: cuts[-1]].rstrip(" ,")
    return text[: MAX_TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,")


def use_case_summary(use_case: str, task_type: str, lang: str) -> str:
    """The use case in a few words, for a title or a table row instead of the person's whole message:
    English: its first clause about what the model should do ("Route incoming support tickets into
    one of 12 queues"); Chinese: its core phrases ("客服工单分类"). Empty when nothing is left (no use
    case, or only filler)."""
    if _CJK.search(use_case) and (lang == "zh" or not _ascii_words(use_case)):
        return _title_zh(use_case, task_type)
    return _title_en(use_case)


def report_file_names(use_case: str, task_type: str, lang: str) -> dict[str, str]:
    """Download names by format ("md", "html", "json", "png", "svg") for a conversation's report."""
    stem = report_title_slug(use_case, task_type, lang)
    suffix = "-报告" if lang == "zh" and _CJK.search(stem) else "-report"
    chart = "-成本与质量" if suffix == "-报告" else "-cost-vs-quality"
    names = {ext: f"{stem}{suffix}.{ext}" for ext in ("md", "html", "json")}
    names.update({ext: f"{stem}{chart}.{ext}" for ext in ("png", "svg")})
    return names


def names_for(rec: object | None, lang: str) -> dict[str, str]:
    """Download names for a recommendation's report (`report_file_names` of its use case and task);
    generic WhichModel names when the report has no recommendation attached."""
    req = getattr(rec, "requirements", None)
    if req is None:
        return report_file_names("", "", lang) | {
            ext: f"whichmodel-report.{ext}" for ext in ("md", "html", "json")
        }
    return report_file_names(str(req.use_case or ""), str(req.task_type or ""), lang)

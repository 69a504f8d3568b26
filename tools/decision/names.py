"""Plain names of LMArena's rating categories, English and Chinese (the explainer and the reports use them)."""

from __future__ import annotations

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
    "document": ("documents", "文档理解"),
    "webdev": ("web development", "网页开发"),
}
"""LMArena's rating categories."""


def category_name(category: str, lang: Lang) -> str:
    names = CATEGORIES.get(category)
    return category if names is None else names[0 if lang == "en" else 1]


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
}
"""Language codes (ISO 639-1) by their plain names."""
CAPABILITIES: Final[dict[str, tuple[str, str]]] = {
    "agentic_coding": ("agentic coding (multi-step code changes with tools)", "智能体编程（用工具多步修改代码）"),
    "document": ("document reading (OCR, scans, PDFs)", "文档阅读（文字识别、扫描件、PDF）"),
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

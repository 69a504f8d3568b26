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

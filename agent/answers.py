"""Answers to side questions, from data: a glossary term ("what are tokens?"), a model's place in the
current ranking ("why not GPT-4?", "为什么不用 DeepSeek？"), or, only for real questions about
choosing a model, passages of the selection guide.

The why-not answer is written from the decision core's own result (ranks, eliminations with their
reason codes, costs and quality) in the person's language; it never re-ranks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from agent.nodes.render import cost_text, t
from knowledge.units import Lang

_NAME = r"(?P<name>[A-Za-z][\w.\-]*(?:\s[\w.\-]+){0,2}?|[\u4e00-\u9fff]{2,6}?)"
WHY_NOT = (
    re.compile(
        r"(?:why\s+not|what\s+about|how\s+about|why\s+(?:didn't|don't|not|isn't|wasn't)\s+(?:you\s+)?"
        r"(?:pick|choose|use|recommend|suggest|it)?|为什么不|为啥不|怎么不|那)\s*(?:use|pick|choose|用|选|推荐|选择)?\s*"
        + _NAME
        + r"\s*(?:instead|then|呢|吗)?\s*[?？.!]*$",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*" + _NAME + r"\s*(?:怎么样|如何|行不行|可以吗|好不好|呢)\s*[?？]*$", re.IGNORECASE),
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

REASON_ZH: Mapping[str, str] = {
    "wrong_task": "不是做这类任务的模型",
    "deprecated": "已停用或即将下线",
    "missing_modality": "不支持所需的输入或输出类型",
    "open_weights_required": "没有公开权重（你要求开源权重或私有化部署）",
    "provider_not_allowed": "提供方不在允许名单内",
    "residency": "无法满足数据所在地要求",
    "tool_calling": "不支持工具调用",
    "structured_output": "不支持结构化（JSON）输出",
    "reasoning": "不是推理模型",
    "context_too_small": "上下文窗口太小",
    "no_price": "目录中没有价格",
    "zero_price": "标价为0（免费额度或订阅套餐），无法按量估算",
    "over_budget": "按你的用量超出预算",
}
"""The core's elimination reason codes in Chinese (English labels come with the result)."""


def why_not_target(question: str) -> str | None:
    """The model a "why not X?" question names, or None."""
    m = WHY_NOT[0].search(question.strip()) or WHY_NOT[1].search(question.strip())
    if m is None:
        return None
    name = m.group("name").strip(" .?？")
    return name if len(name) >= 2 else None


def is_framework_question(question: str) -> bool:
    return FRAMEWORK_CUES.search(question) is not None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9\u4e00-\u9fff]", "", text.lower())


def _same_model(wanted: str, name: str, key: str = "") -> bool:
    w = _squash(wanted)
    return bool(w) and any(w in _squash(x) for x in (name, key) if x)


def why_not(name: str, recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "why not X?" answered from the current recommendation (`Recommendation.model_dump`)."""
    if not recommendation:
        return t(lang, "whynot_no_rec", name=name)
    ranked: Sequence[Mapping[str, Any]] = recommendation.get("recommendations") or []
    top = ranked[0] if ranked else None
    for c in ranked:
        if _same_model(name, str(c.get("model", "")), str(c.get("model_key", ""))):
            if c.get("rank") == 1:
                return t(lang, "whynot_top", name=c["model"])
            return t(lang, "whynot_ranked", name=c["model"], rank=c["rank"], deltas=_deltas(c, top, lang))
    for e in recommendation.get("eliminated") or []:
        for example in e.get("examples") or []:
            if _same_model(name, str(example)):
                reason = (
                    REASON_ZH.get(e["reason"], e["reason"]) if lang == "zh" else e.get("label") or e["reason"]
                )
                return t(lang, "whynot_eliminated", name=example, reasons=reason)
    return t(lang, "whynot_not_found", name=name)


def _deltas(c: Mapping[str, Any], top: Mapping[str, Any] | None, lang: Lang) -> str:
    """How a candidate compares with #1: monthly cost and public ranking score."""
    if top is None:
        return ""
    parts = []
    cost, top_cost = c.get("monthly_cost_usd"), top.get("monthly_cost_usd")
    if cost is not None and top_cost is not None:
        if lang == "zh":
            parts.append(f"每月约{cost_text(cost, lang)}，第1名 {top['model']} 约{cost_text(top_cost, lang)}")
        else:
            parts.append(f"it costs about {cost_text(cost, lang)} a month, against {cost_text(top_cost, lang)} "
                         f"for #1 {top['model']}")  # fmt: skip
    q, top_q = c.get("quality"), top.get("quality")
    if q is not None and top_q is not None:
        if lang == "zh":
            parts.append(f"公开排名分数 {q:.0f}，第1名为 {top_q:.0f}")
        else:
            parts.append(f"its public ranking score is {q:.0f}, against {top_q:.0f}")
    if not parts:
        return ""
    if lang == "zh":
        return "；".join(parts) + "。"
    joined = "; ".join(parts)
    return joined[:1].upper() + joined[1:] + "."

"""The agent's typed events as Chainlit content: Markdown tables, answer buttons, stream chunks.

Pure functions over the agent's typed events and rows (agent.events) and plain data, so the wording
and layout are tested without a browser. The app module turns their output into cl.Message / cl.Action / cl.Step calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whichmodel.agent.events import ProbeRow, RequirementRow, ShortlistRow
from whichmodel.knowledge.units import Lang

ANSWER_ACTION = "answer"
"""Name of the cl.Action used for every offered answer (its payload carries the text to send)."""

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "type_hint": "Click an answer or type your own.",
        "default": "default",
        "confirm_yes": "Yes, recommend",
        "confirm_yes_text": "yes",
        "col_rank": "#",
        "col_model": "Model",
        "col_where": "Where",
        "col_cost": "Monthly cost",
        "col_quality": "Public ranking score",
        "col_latency": "Speed",
        "col_field": "Requirement",
        "col_value": "Value",
        "col_source": "Source",
        "shortlist": "**Shortlist**",
        "report": "**Report**: the cost-vs-quality chart and the full report to download.",
        "report_again": "The report of this conversation's current recommendation:",
        "chart": "cost-vs-quality.svg",
        "unknown": "unknown",
        "error": "Something went wrong on my side: {error}. Your conversation is saved; try again.",
        "files_extra": "I use one examples file per message; ignored: {names}.",
        "probe_progress": "Testing: {done}/{total} answers done",
        "probe_results": "Measured on your examples:",
        "probe_results_sample": "Measured on the built-in samples (not your data):",
        "probe_results_check": "Setup check with the local test model (not a candidate; the ranking is unchanged):",
        "pcol_model": "Model",
        "pcol_acc": "Correct",
        "pcol_range": "Likely range",
        "pcol_n": "Examples",
        "pcol_latency": "Typical / slowest 1 in 20 answers",
        "pcol_cost": "Cost per 1,000",
        "pcol_errors": "Errors",
        "seconds": "{v:.2f} s",
        "setup_check": "{endpoint} (setup check)",
    },
    "zh": {
        "type_hint": "点击一个选项，或直接输入您的回答。",
        "default": "默认",
        "confirm_yes": "对，给我推荐",
        "confirm_yes_text": "对",
        "col_rank": "#",
        "col_model": "模型",
        "col_where": "部署/渠道",
        "col_cost": "每月成本",
        "col_quality": "公开排行榜评分",
        "col_latency": "速度",
        "col_field": "需求",
        "col_value": "取值",
        "col_source": "来源",
        "shortlist": "**候选名单**",
        "report": "**报告**：成本与质量对比图，以及可下载的完整报告。",
        "report_again": "本次对话当前推荐的报告：",
        "chart": "cost-vs-quality.svg",
        "unknown": "未知",
        "error": "我这边出了问题：{error}。对话已保存，请重试。",
        "files_extra": "每条消息只使用一个样例文件；已忽略：{names}。",
        "probe_progress": "正在测试：已完成 {done}/{total} 个回答",
        "probe_results": "在您的样例上的实测结果：",
        "probe_results_sample": "在内置样例（不是您的数据）上的实测结果：",
        "probe_results_check": "用本地测试模型做的流程检查（不是候选模型，排序不变）：",
        "pcol_model": "模型",
        "pcol_acc": "正确率",
        "pcol_range": "可能范围",
        "pcol_n": "样例数",
        "pcol_latency": "一般 / 最慢的5%回答",
        "pcol_cost": "每千条成本",
        "pcol_errors": "错误",
        "seconds": "{v:.2f} 秒",
        "setup_check": "{endpoint}（流程检查）",
    },
}

STEP_NAMES: dict[str, tuple[str, str]] = {
    "catalog_search": ("Catalog search", "检索模型目录"),
    "shortlist_and_rank": ("Shortlist and rank", "筛选与排序"),
    "cost_estimate": ("Cost estimate", "成本估算"),
    "self_host_estimate": ("Self-hosting estimate", "私有化部署估算"),
    "knowledge_search": ("Knowledge search", "知识库检索"),
    "build_report": ("Report", "生成报告"),
    "llm_fallback": ("LLM unavailable: offline brain used", "LLM 不可用：已改用离线理解"),
    "probe": ("Test on examples", "样例测试"),
}
"""Tool name -> (English, Chinese) step title. Unknown tools show their own name."""


def lang_of(value: str | None) -> Lang:
    """ "zh" for any Chinese locale or language code ("zh", "zh-CN", "zh-TW"), else "en"."""
    return "zh" if value and value.lower().startswith("zh") else "en"


def text(lang: str, key: str, **values: Any) -> str:
    """An interface string of this module in `lang`, filled."""
    return _TEXT[lang_of(lang)][key].format(**values)


def step_name(tool: str, lang: str) -> str:
    """The title of a tool step as people see it."""
    en, zh = STEP_NAMES.get(tool, (tool, tool))
    return zh if lang_of(lang) == "zh" else en


_PIECE = re.compile(r"\s+|[\u3400-\u9fff\uf900-\ufaff]|[^\s\u3400-\u9fff\uf900-\ufaff]+")


def chunks(message: str, size: int = 12) -> Iterator[str]:
    """Split a reply into pieces of about `size` characters for streaming, never inside a word.

    Words (or single CJK characters) are kept whole; joining the pieces gives back the message
    exactly, whitespace and newlines included.
    """
    piece = ""
    for token in _PIECE.findall(message):
        piece += token
        if len(piece) >= size:
            yield piece
            piece = ""
    if piece:
        yield piece


_DIRECTIVE = re.compile(r":(?=[A-Za-z])")


def markdown_safe(message: str) -> str:
    """Text for Chainlit's Markdown renderer with ":name" escaped.

    Chainlit renders Markdown with text directives, so "empiriolabs:gemma-4-26b" loses everything
    after the colon (":gemma-4-26b" becomes an empty directive). "\\:" shows a plain colon.
    """
    return _DIRECTIVE.sub(r"\\:", message)


def _cell(value: Any) -> str:
    """A Markdown table cell: one line, pipes and directives escaped."""
    return markdown_safe(" ".join(str(value).split()).replace("|", "\\|"))


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def _money(value: float | None, lang: str) -> str:
    if value is None:
        return text(lang, "unknown")
    return f"${value:,.2f}" if value < 100 else f"${value:,.0f}"


_LATENCY_ZH = {"fast": "快", "medium": "中等", "slow": "慢"}


def _latency(value: str | None, lang: str) -> str:
    if not value:
        return text(lang, "unknown")
    return _LATENCY_ZH.get(value, value) if lang_of(lang) == "zh" else value


Table = tuple[list[str], list[list[Any]]]
"""A table as (header, body rows): rendered as Markdown here and as a monospaced block for Slack."""


def shortlist_table(rows: Sequence[ShortlistRow], lang: str) -> Table:
    """The shortlist (rows of a `Shortlist` event) as a table: rank, model, where, cost, quality, speed."""
    header = [
        text(lang, k)
        for k in ("col_rank", "col_model", "col_where", "col_cost", "col_quality", "col_latency")
    ]
    body = [
        [
            r.rank,
            r.label,
            r.where,
            _money(r.monthly_usd, lang),
            f"{r.quality:.0f}" if r.quality is not None else text(lang, "unknown"),
            _latency(r.latency, lang),
        ]
        for r in rows
    ]
    return header, body


def shortlist_markdown(rows: Sequence[ShortlistRow], lang: str) -> str:
    """The shortlist (rows of a `Shortlist` event) as a titled Markdown table."""
    return text(lang, "shortlist") + "\n\n" + markdown_table(*shortlist_table(rows, lang))


def probe_results_table(rows: Sequence[ProbeRow], lang: str) -> Table:
    """Probe figures (rows of a `ProbeResults` event) as a table in plain words; every figure with its n.

    "Likely range" is the 95% confidence interval; "slowest 1 in 20" is the p95 latency (the report
    keeps the technical terms). A row is named by the shortlisted model it stands for.
    """
    na = text(lang, "unknown")

    def pct(v: float | None) -> str:
        return na if v is None else f"{v:.0%}"

    def secs(v: float) -> str:
        return text(lang, "seconds", v=v)

    header = [
        text(lang, k)
        for k in (
            "pcol_model",
            "pcol_acc",
            "pcol_range",
            "pcol_n",
            "pcol_latency",
            "pcol_cost",
            "pcol_errors",
        )
    ]
    body = []
    for r in rows:
        low, high = r.ci95
        p50, p95 = r.latency_p50_s, r.latency_p95_s
        lat = na if p50 is None or p95 is None else f"{secs(p50)} / {secs(p95)}"
        cost = r.cost_per_1k_usd
        if r.role == "setup_check":
            name = text(lang, "setup_check", endpoint=r.endpoint)
        else:
            name = r.stands_for or r.endpoint
        body.append(
            [
                name,
                pct(r.accuracy),
                na if low is None or high is None else f"{pct(low)}–{pct(high)}",
                r.n,
                lat,
                na if cost is None else f"${cost:,.4g}",
                r.errors,
            ]
        )
    return header, body


def probe_results_title(rows: Sequence[ProbeRow], lang: str) -> str:
    """What the probe figures were measured on: the person's examples, built-in samples, or a setup check."""
    if any(r.role == "setup_check" for r in rows):
        return text(lang, "probe_results_check")
    if any(r.examples == "sample" for r in rows):
        return text(lang, "probe_results_sample")
    return text(lang, "probe_results")


def probe_results_markdown(rows: Sequence[ProbeRow], lang: str) -> str:
    """Probe figures (rows of a `ProbeResults` event) as a titled Markdown table."""
    return probe_results_title(rows, lang) + "\n\n" + markdown_table(*probe_results_table(rows, lang))


def requirements_table(rows: Sequence[RequirementRow], lang: str) -> Table:
    """The requirements as understood (rows of a `RequirementsTable` event): field, value, source."""
    header = [text(lang, "col_field"), text(lang, "col_value"), text(lang, "col_source")]
    body: list[list[Any]] = [[r.label or r.field, r.value, r.provenance_words(lang_of(lang))] for r in rows]
    return header, body


def requirements_markdown(rows: Sequence[RequirementRow], lang: str) -> str:
    """The requirements as understood (rows of a `RequirementsTable` event) as a Markdown table."""
    return markdown_table(*requirements_table(rows, lang))


@dataclass(frozen=True)
class AnswerButton:
    """One offered answer: the button label and the text it sends as the person's reply."""

    label: str
    reply: str
    is_default: bool = False


def answer_buttons(field: str, options: Sequence[str], default: str | None, lang: str) -> list[AnswerButton]:
    """Buttons for a question: one per option (the default marked), or "yes" for the confirmation.

    The reply text is exactly the option's label, which the agent understands as typed text too.
    """
    if field == "confirm" and not options:
        return [AnswerButton(text(lang, "confirm_yes"), text(lang, "confirm_yes_text"), True)]
    buttons = []
    for option in options:
        is_default = option == default
        shown = f"{option} ({text(lang, 'default')})" if is_default else option
        buttons.append(AnswerButton(shown, option, is_default))
    return buttons


def question_markdown(question_text: str, has_buttons: bool, lang: str) -> str:
    """A question's message text, with the hint that typing works as well as clicking."""
    shown = markdown_safe(question_text)
    return f"{shown}\n\n_{text(lang, 'type_hint')}_" if has_buttons else shown

"""The agent's events as Slack text: mrkdwn, numbered options, monospaced tables, split messages.

Slack shows only text and files (no buttons of Chainlit's, no SVG, no Markdown tables), so:
- a question lists its options as "1. ...", and a reply that is just a number picks that option
  (`pick_option`); typing anything else works as in the browser;
- tables (shortlist, requirements, probe figures) are aligned columns in a code block, with
  Chinese characters counted as two columns;
- Markdown from the agent (bold, links, headings, tables) becomes Slack mrkdwn, with &, <, >
  escaped as Slack asks;
- every message is split below Slack's 3,000-character limit of a section block, on paragraph or
  line boundaries, never inside a code block without closing and reopening it.

Pure functions: tested without Slack (tests/slack/test_format.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from whichmodel.agent.events import ProbeRow, RequirementRow, ShortlistRow
from whichmodel.ui.chainlit import render

SECTION_LIMIT = 3000
"""Characters of mrkdwn in one section block (Slack rejects longer ones)."""
FENCE = "```"

_TEXT = {
    "en": {
        "pick_hint": "Reply with a number, or in your own words.",
        "report": "*Report*: the full report (HTML and Markdown) and the cost-vs-quality chart are attached.",
        "report_again": "The report of this conversation's current recommendation is attached.",
        "probe_started": "Testing: {total} answers to get; I'll post the figures here.",
        "shortlist": "*Shortlist*",
        "requirements": "*What I understood*",
        "probe_results": "*Measured on your examples*",
        "probe_results_sample": "*Measured on the built-in samples (not your data)*",
        "probe_results_check": "*Setup check with the local test model (not a candidate; the ranking is unchanged)*",
    },
    "zh": {
        "pick_hint": "回复序号，或直接用文字回答。",
        "report": "*报告*：已附上完整报告（HTML 和 Markdown）以及成本与质量对比图。",
        "report_again": "已附上本次对话当前推荐的报告。",
        "probe_started": "正在测试：共 {total} 个回答，完成后在此公布结果。",
        "shortlist": "*候选名单*",
        "requirements": "*我理解的需求*",
        "probe_results": "*在您的样例上的实测结果*",
        "probe_results_sample": "*在内置样例（不是您的数据）上的实测结果*",
        "probe_results_check": "*用本地测试模型做的流程检查（不是候选模型，排序不变）*",
    },
}


def text(lang: str, key: str, **values: Any) -> str:
    """A Slack-only interface string in `lang`, filled."""
    return _TEXT[render.lang_of(lang)][key].format(**values)


# ---------------------------------------------------------------------------------------------
# Markdown -> mrkdwn


def escape(value: str) -> str:
    """Escape the three characters Slack treats as control sequences."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _inline(line: str) -> str:
    """One line of Markdown prose as mrkdwn (escaped; bold, links and headings converted)."""
    heading = _HEADING.match(line)
    if heading:
        line = f"**{heading.group(1)}**"
    links: list[str] = []

    def keep_link(m: re.Match[str]) -> str:
        links.append(f"<{escape(m.group(2))}|{escape(m.group(1)).replace('|', '¦')}>")
        return f"\x00{len(links) - 1}\x00"

    line = _LINK.sub(keep_link, line)
    line = escape(line)
    line = _BOLD.sub(r"*\1*", line)
    line = line.replace("\\:", ":")  # Chainlit's directive escape is not needed in Slack
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], line)


def _table_rows(lines: Sequence[str]) -> list[list[str]]:
    rows = []
    for line in lines:
        if _TABLE_RULE.match(line.strip()):
            continue
        cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        rows.append([c.strip().replace("\\|", "|").replace("\\:", ":") for c in cells])
    return rows


def mrkdwn(markdown: str) -> str:
    """The agent's Markdown as Slack mrkdwn. Tables become aligned code blocks; code stays code."""
    out: list[str] = []
    lines = markdown.splitlines()
    i = 0
    in_code = False
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith(FENCE):
            in_code = not in_code
            out.append(FENCE)
            i += 1
            continue
        if in_code:
            out.append(escape(line))
            i += 1
            continue
        if line.lstrip().startswith("|"):
            block = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                block.append(lines[i])
                i += 1
            rows = _table_rows(block)
            if rows:
                out.append(table_block(rows[0], rows[1:]))
            continue
        out.append(_inline(line))
        i += 1
    if in_code:
        out.append(FENCE)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Tables


def width(value: str) -> int:
    """Columns a string takes in a monospaced font (East Asian wide characters count two)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in value
    )


def _clip(value: str, limit: int) -> str:
    if width(value) <= limit:
        return value
    out = ""
    for ch in value:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def table_block(header: Sequence[Any], rows: Sequence[Sequence[Any]], max_cell: int = 32) -> str:
    """A table as aligned columns in a code block (Slack has no tables). Cells are one line each."""
    grid = [[_clip(" ".join(str(c).split()), max_cell) for c in row] for row in [header, *rows]]
    columns = max(len(r) for r in grid)
    grid = [r + [""] * (columns - len(r)) for r in grid]
    widths = [max(width(r[c]) for r in grid) for c in range(columns)]

    def line(row: list[str]) -> str:
        return "  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()

    body = [line(grid[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in grid[1:]]
    return FENCE + "\n" + escape("\n".join(body)) + "\n" + FENCE


def shortlist(rows: Sequence[ShortlistRow], lang: str) -> str:
    """The shortlist as a titled, compact table."""
    return text(lang, "shortlist") + "\n" + table_block(*render.shortlist_table(rows, lang))


def requirements(rows: Sequence[RequirementRow], lang: str) -> str:
    """The requirements as understood, as a titled table."""
    return (
        text(lang, "requirements") + "\n" + table_block(*render.requirements_table(rows, lang), max_cell=48)
    )


def probe_results(rows: Sequence[ProbeRow], lang: str) -> str:
    """Probe figures as a titled monospaced table (titled by what they were measured on)."""
    if any(r.role == "setup_check" for r in rows):
        title = text(lang, "probe_results_check")
    elif any(r.examples == "sample" for r in rows):
        title = text(lang, "probe_results_sample")
    else:
        title = text(lang, "probe_results")
    return title + "\n" + table_block(*render.probe_results_table(rows, lang))


# ---------------------------------------------------------------------------------------------
# Questions with numbered options


def question(question_text: str, buttons: Sequence[render.AnswerButton], field: str, lang: str) -> str:
    """A question as plain text: the question, its options numbered, and how to answer."""
    lines = [mrkdwn(question_text)]
    if field == "confirm" and len(buttons) <= 1:
        return lines[0]  # the confirmation already says to answer "yes" or what to change
    if buttons:
        lines.append("")
        lines.extend(f"{n}. {escape(b.label)}" for n, b in enumerate(buttons, start=1))
        lines += ["", "_" + text(lang, "pick_hint") + "_"]
    return "\n".join(lines)


_NUMBER_REPLY = re.compile(
    r"^\s*(?:#|no\.?\s*|option\s*|选项?\s*|第)?\s*([0-9０-９]{1,2})\s*[.)）。、]?\s*(?:个|项)?\s*$", re.I
)


def pick_option(reply: str, buttons: Sequence[render.AnswerButton]) -> str | None:
    """The option text a bare number reply ("2", "#2", "２", "第2个") picks, else None."""
    m = _NUMBER_REPLY.match(reply)
    if not m or not buttons:
        return None
    n = int(unicodedata.normalize("NFKC", m.group(1)))
    return buttons[n - 1].reply if 1 <= n <= len(buttons) else None


# ---------------------------------------------------------------------------------------------
# Splitting


def split(message: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split mrkdwn into messages of at most `limit` characters.

    Cuts at a blank line, else a line break, else a space, else anywhere; a code block cut in two is
    closed at the end of one part and reopened at the start of the next. Parts are never empty.
    """
    if limit < 2 * len(FENCE) + 10:
        raise ValueError("limit too small to carry a code block")
    parts: list[str] = []
    rest = message.strip("\n")
    reopen = False
    while rest:
        head = FENCE + "\n" if reopen else ""
        budget = limit - len(head)
        if len(rest) <= budget and not _opens_code(head + rest):
            parts.append(head + rest)
            break
        budget -= len(FENCE) + 1  # room to close a code block this part leaves open
        cut = _cut(rest, budget)
        piece = head + rest[:cut].rstrip()
        open_code = _opens_code(piece)
        if open_code:
            piece += "\n" + FENCE
        parts.append(piece)
        rest = rest[cut:].lstrip("\n")
        if open_code and rest.startswith(FENCE):  # the block closes right here anyway
            rest = rest[len(FENCE) :].lstrip("\n")
            open_code = False
        reopen = open_code
    return [p for p in parts if p.strip()]


def _opens_code(text_: str) -> bool:
    """Whether `text_` ends inside a code block (an odd number of fences)."""
    return sum(1 for line in text_.splitlines() if line.strip().startswith(FENCE)) % 2 == 1


def _cut(text_: str, budget: int) -> int:
    if len(text_) <= budget:
        return len(text_)
    window = text_[:budget]
    for sep in ("\n\n", "\n", " "):
        at = window.rfind(sep)
        if at > budget // 3:
            return at + len(sep)
    return budget


def parts(message: str) -> Iterator[str]:
    """Markdown from the agent as the mrkdwn messages to post, in order."""
    yield from split(mrkdwn(message))

"""Markdown report: the document tree as GitHub-flavoured Markdown.

Text from external data (model names, provider ids) is escaped so that it cannot break a table or
smuggle raw HTML into a Markdown viewer.
"""

from __future__ import annotations

import re

from whichmodel.tools.decision.result import Recommendation
from whichmodel.tools.report.document import (
    Block,
    Bullets,
    ChartSlot,
    Paragraph,
    Subsection,
    Table,
    build_document,
)
from whichmodel.tools.report.script import for_place

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def md_text(text: str) -> str:
    """Escape what could start raw HTML or a Markdown image (a viewer would fetch its URL); keep plain
    comparisons such as 'p95 < 2 s' readable."""
    return _TAG_START.sub("&lt;", text).replace("![", "!\\[")


def _cell(text: str) -> str:
    return md_text(" ".join(text.split())).replace("|", "\\|")


def _paragraph(p: Paragraph) -> str:
    lead = f"**{md_text(p.lead)}**" if p.lead else ""
    if lead and p.text:
        sep = " " if p.lead and p.lead.endswith(("\u2014", ":", "\uff1a")) else ": "
        return f"{lead}{sep}{md_text(p.text)}"
    return lead or md_text(p.text)


def _table(table: Table) -> str:
    headers = [_cell(h) or " " for h in table.headers]
    align = ["---:" if i in table.numeric else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return "\n".join(lines)


def _block(block: Block, level: int) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Bullets):
        return "\n".join(
            f"{i}. {_paragraph(p)}" if block.ordered else f"- {_paragraph(p)}"
            for i, p in enumerate(block.items, 1)
        )
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Subsection):
        parts = [f"{'#' * level} {md_text(block.title)}"] + [_block(b, level + 1) for b in block.blocks]
        return "\n\n".join(p for p in parts if p)
    if isinstance(block, ChartSlot):
        return ""
    raise TypeError(f"unknown block {type(block).__name__}")


def render_markdown(rec: Recommendation) -> str:
    """The full report as Markdown text (ends with a newline)."""
    doc = build_document(rec)
    parts = [f"# {md_text(doc.title)}", f"**{md_text(doc.use_case)}**", f"_{md_text(doc.intro)}_"]
    for section in doc.sections:
        parts.append(f"## {md_text(section.title)}")
        parts += [text for b in section.blocks if (text := _block(b, 3))]
    return for_place("\n\n".join(parts) + "\n", doc.lang, rec.requirements.location)

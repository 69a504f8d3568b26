"""Self-contained HTML report: one file, inline CSS and an inline SVG chart, nothing fetched.

Every piece of data is escaped (model names come from external catalogs), and a Content-Security-
Policy meta tag forbids scripts and remote loads, so the file is safe to open and works offline.
It prints cleanly (sections avoid page breaks inside tables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from whichmodel.tools.decision.result import Recommendation
from whichmodel.tools.report.chart import render_chart_svg
from whichmodel.tools.report.document import (
    Block,
    Bullets,
    ChartSlot,
    Paragraph,
    Subsection,
    Table,
    build_document,
)
from whichmodel.tools.report.probe_chart import render_probe_chart_svg
from whichmodel.tools.report.script import HTML_LANG, for_place

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC",
       "Microsoft YaHei", sans-serif; color: #1f2937; max-width: 1080px; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #e5e7eb; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.08rem; margin-top: 1.3rem; }
h4 { font-size: 1rem; margin-top: 1rem; }
.use-case { font-size: 1.1rem; font-weight: 600; margin: .2rem 0; }
.intro { color: #6b7280; font-style: italic; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .9rem; }
th, td { border: 1px solid #d1d5db; padding: .3rem .55rem; vertical-align: top; text-align: left; }
th { background: #f3f4f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
code { background: #f3f4f6; padding: 0 .25rem; border-radius: 3px; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; border: 1px solid #e5e7eb; }
section#summary p { font-size: 1.05rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; }
  table, figure.chart, li { break-inside: avoid; }
  .table-wrap { overflow: visible; }
}
"""

_CODE = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    """Escape data, then turn `code` spans into <code> (safe: the text is already escaped)."""
    return _CODE.sub(r"<code>\1</code>", escape(text))


def _paragraph(p: Paragraph) -> str:
    lead = f"<strong>{_inline(p.lead)}</strong>" if p.lead else ""
    if lead and p.text:
        return f"{lead}: {_inline(p.text)}"
    return lead or _inline(p.text)


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    head = "".join(f"<th{cls(i)}>{_inline(h)}</th>" for i, h in enumerate(table.headers))
    body = "\n".join(
        "<tr>" + "".join(f"<td{cls(i)}>{_inline(c)}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f'<div class="table-wrap"><table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table></div>'


def _block(block: Block, level: int, charts: Mapping[str, str]) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_paragraph(block)}</p>"
    if isinstance(block, Bullets):
        tag = "ol" if block.ordered else "ul"
        items = "\n".join(f"<li>{_paragraph(p)}</li>" for p in block.items)
        return f"<{tag}>\n{items}\n</{tag}>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Subsection):
        inner = "\n".join(_block(b, level + 1, charts) for b in block.blocks)
        return f"<h{level}>{_inline(block.title)}</h{level}>\n{inner}"
    if isinstance(block, ChartSlot):
        return f'<figure class="chart">\n{charts[block.kind]}\n</figure>'
    raise TypeError(f"unknown block {type(block).__name__}")


def render_html(rec: Recommendation) -> str:
    """The full report as one HTML document (UTF-8, no external resources)."""
    doc = build_document(rec)
    charts = {"cost_quality": render_chart_svg(rec, doc.lang)}
    if rec.probes is not None:
        charts["probe"] = render_probe_chart_svg(rec.probes, doc.lang, rec.requirements.accuracy_target)
    location = rec.requirements.location
    lang_attr = HTML_LANG.get(location or "", "zh-CN") if doc.lang == "zh" else "en"
    sections = "\n".join(
        f'<section id="{escape(s.key)}">\n<h2>{_inline(s.title)}</h2>\n'
        + "\n".join(_block(b, 3, charts) for b in s.blocks)
        + "\n</section>"
        for s in doc.sections
    )
    return for_place(
        "<!DOCTYPE html>\n"
        f'<html lang="{lang_attr}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_inline(doc.title)}: {_inline(doc.use_case)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_inline(doc.title)}</h1>\n"
        f'<p class="use-case">{_inline(doc.use_case)}</p>\n<p class="intro">{_inline(doc.intro)}</p>\n</header>\n'
        f"<main>\n{sections}\n</main>\n</body>\n</html>\n",
        doc.lang,
        location,
    )

"""Spreadsheet exports (CSV and XLSX) with formula-injection protection, and the shortlist as a table.

Text that reaches a spreadsheet may come from the person (uploaded examples, model outputs, use
cases): a cell such as ``=HYPERLINK("http://x","y")`` or ``+cmd|' /C calc'!A0`` would run as a
formula when the file is opened. So (OWASP "CSV injection"):

- CSV: a text cell whose first character is ``=`` ``+`` ``-`` ``@`` TAB or CR, also after leading
  whitespace, or a full-width ``＝`` ``＋`` ``－`` ``＠``, gets a leading ``'`` (`neutralise`);
- XLSX: every text cell is written as a string (openpyxl data type ``"s"``, with Excel's quote
  prefix), never as a formula or an error code, so it reads back exactly (except that XML turns a
  lone CR into LF);
- numbers stay numbers (int/float cells are not text); a missing value is an empty cell, never 0.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whichmodel.tools.decision.result import Candidate, Recommendation

Cell = str | int | float | bool | None

FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")
"""First characters that make a spreadsheet read a cell as a formula (or a DDE command)."""


def neutralise(text: str) -> str:
    """The text with a leading ``'`` when a spreadsheet could read it as a formula; else unchanged."""
    if not text:
        return text
    if text[0] in FORMULA_TRIGGERS or text.lstrip()[:1] in FORMULA_TRIGGERS:
        return "'" + text
    return text


@dataclass(frozen=True)
class Sheet:
    """One table: a sheet name (XLSX), a header row and typed rows."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return neutralise(value)


def csv_text(sheet: Sheet) -> str:
    """The sheet as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends), text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(h) for h in sheet.header])
    writer.writerows([_csv_cell(v) for v in row] for row in sheet.rows)
    return buffer.getvalue()


def write_csv(sheet: Sheet, path: Path) -> None:
    """Write the sheet as UTF-8 CSV with a BOM (so Excel reads Chinese text correctly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(csv_text(sheet), encoding="utf-8-sig", newline="")


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as one XLSX workbook; every text cell is a string cell, never a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for sheet in sheets:
        ws = book.create_sheet(title=_sheet_title(sheet.name))
        for col, head in enumerate(sheet.header, start=1):
            cell = ws.cell(row=1, column=col)
            _set(cell, head)
            cell.font = Font(bold=True)
        for r, row in enumerate(sheet.rows, start=2):
            for col, value in enumerate(row, start=1):
                _set(ws.cell(row=r, column=col), value)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _set(cell: Any, value: Cell) -> None:
    """Put a value in an openpyxl cell: text as a string cell (never 'f'/'e'), numbers as numbers."""
    if value is None:
        return
    if isinstance(value, bool):
        cell.value = "yes" if value else "no"
        return
    if isinstance(value, int | float):
        cell.value = value
        return
    cell.value = _xml_safe(value)
    cell.data_type = "s"  # openpyxl makes "=..." a formula otherwise
    if value[:1] in FORMULA_TRIGGERS or value.lstrip()[:1] in FORMULA_TRIGGERS:
        cell.quotePrefix = True  # editing it in Excel keeps it text


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters; they become U+FFFD instead of failing the export."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 else "\ufffd" for ch in text)


def _sheet_title(name: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip("'")
    return (cleaned or "Sheet")[:31]


def write_xlsx(sheets: Sequence[Sheet], path: Path) -> None:
    """Write the sheets as an XLSX workbook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(xlsx_bytes(sheets))


# ---------------------------------------------------------------- the shortlist

SHORTLIST_HEADER = (
    "rank",
    "model",
    "offering",
    "provider",
    "self_hosted",
    "monthly_cost_usd",
    "input_usd_per_1m_tokens",
    "output_usd_per_1m_tokens",
    "price_source",
    "price_as_of",
    "quality_rating",
    "quality_low",
    "quality_high",
    "quality_basis",
    "latency_class",
    "measured_accuracy",
    "measured_n",
    "gpu",
    "gpus_needed",
    "score",
    "reasons",
    "provider_tier",
    "latency_p95_s",
    "latency_basis",
    "ratings_used",
    "evidence_missing",
    "in_quality_tier",
)


def _shortlist_row(c: Candidate) -> tuple[Cell, ...]:
    cost, host, measured = c.cost, c.self_host, c.measured
    return (
        c.rank,
        c.model,
        c.offering_id,
        c.provider,
        c.self_hosted,
        c.monthly_cost_usd,
        cost.input_price_per_m if cost else None,
        cost.output_price_per_m if cost else None,
        cost.price_source if cost else ("self-host sizing (see assumptions)" if host else None),
        cost.price_as_of if cost else None,
        c.quality,
        c.quality_lower,
        c.quality_upper,
        c.quality_basis,
        c.latency_class,
        measured.accuracy if measured else None,
        measured.n if measured else None,
        host.gpu if host else None,
        host.gpus_needed if host else None,
        round(c.score, 4),
        "; ".join(c.reasons),
        "self" if c.self_hosted else c.tier,
        c.latency.p95_seconds if c.latency else None,
        c.latency_basis,
        ", ".join(u.category for u in c.ratings_used),
        ", ".join(c.evidence_missing),
        c.in_quality_tier,
    )


def shortlist_sheet(rec: Recommendation) -> Sheet:
    """The ranked offerings with prices (source and date), ratings and measured accuracy."""
    return Sheet("Shortlist", SHORTLIST_HEADER, tuple(_shortlist_row(c) for c in rec.recommendations))


def sources_sheet(rec: Recommendation) -> Sheet:
    """Where the figures come from (the ratings' licence asks for the attribution)."""
    rows = tuple(
        (s.id, s.name, s.url, s.licence, s.as_of, s.attribution)
        for s in sorted(rec.catalog, key=lambda s: s.id)
    )
    return Sheet("Sources", ("id", "name", "url", "licence", "as_of", "attribution"), rows)


def shortlist_csv(rec: Recommendation) -> str:
    """The shortlist as CSV text (one table; sources are in the XLSX's second sheet and other reports)."""
    return csv_text(shortlist_sheet(rec))


def shortlist_xlsx(rec: Recommendation) -> bytes:
    """The shortlist and its sources as an XLSX workbook."""
    return xlsx_bytes([shortlist_sheet(rec), sources_sheet(rec)])

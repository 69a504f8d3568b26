"""Probe sets: the person's examples (CSV, JSONL, XLSX) or a built-in sample set.

Columns: ``input`` and ``expected`` (required), ``scorer`` (optional, see
:mod:`tools.probes.scorers`), ``labels`` (optional, ``a|b|c`` for the label scorer), ``id``
(optional; otherwise a hash of the row, so a resumed run recognises rows it already did).
A JSONL line ``{"_meta": {"system": ..., "max_tokens": ..., "description": ...}}`` sets the
system prompt and the output cap for the whole set.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from whichmodel.tools.probes.scorers import ScorerSpecError, auto_labels, parse_spec
from whichmodel.tools.probes.upload import UploadLimits, UploadRejected, check_shape, check_upload

DEFAULT_MAX_TOKENS = 128


class ProbeSetError(ValueError):
    """The probe set file is unreadable or lacks required columns.

    `code` names the kind of problem (a key of `tools.probes.upload.FILE_PROBLEMS`).
    """

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ProbeExample:
    """One row: what the model is asked, what a correct answer is, and how to score it."""

    id: str
    input: str
    expected: str
    scorer: str | None = None
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProbeSet:
    """Examples plus set-wide settings."""

    name: str
    examples: tuple[ProbeExample, ...]
    system: str | None = None
    max_tokens: int = DEFAULT_MAX_TOKENS
    description: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def head(self, n: int) -> ProbeSet:
        """The first n examples (for quick runs)."""
        return ProbeSet(
            self.name, self.examples[:n], self.system, self.max_tokens, self.description, self.meta
        )

    def label_choices(self) -> tuple[str, ...]:
        """Distinct expected values, used by label rows without an explicit label list."""
        return tuple(dict.fromkeys(e.expected for e in self.examples))

    def auto_labels(self) -> tuple[str, ...]:
        """The label set of the rows scored by the default ``auto`` scorer (() when not a label set)."""
        return auto_labels([e.expected for e in self.examples if parse_spec(e.scorer).name == "auto"])


def _row_id(text: str, expected: str, scorer: str | None) -> str:
    return hashlib.sha256(json.dumps([text, expected, scorer or ""]).encode()).hexdigest()[:12]


def _example(row: dict[str, Any], where: str) -> ProbeExample:
    def cell(key: str) -> str:
        value = row.get(key)
        if value is None or (isinstance(value, float) and value != value):  # NaN from spreadsheets
            return ""
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    text, expected, scorer = cell("input"), cell("expected"), cell("scorer").strip() or None
    if not text.strip():
        raise ProbeSetError(f"{where}: empty 'input'", code="row")
    try:
        parse_spec(scorer)  # fail early on an unknown scorer
    except ScorerSpecError as exc:
        raise ProbeSetError(f"{where}: {exc}", code="row") from None
    labels = row.get("labels") or ()
    if isinstance(labels, str):
        labels = tuple(part.strip() for part in labels.split("|") if part.strip())
    return ProbeExample(
        id=cell("id").strip() or _row_id(text, expected, scorer),
        input=text,
        expected=expected,
        scorer=scorer,
        labels=tuple(labels),
    )


def parse_jsonl(text: str, name: str, limits: UploadLimits | None = None) -> ProbeSet:
    """Parse JSONL probe rows (and an optional ``_meta`` line); `limits` checks each row's shape."""
    meta: dict[str, Any] = {}
    examples: list[ProbeExample] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ProbeSetError(f"{name} line {number}: not valid JSON ({exc.msg})", code="row") from exc
        if not isinstance(row, dict):
            raise ProbeSetError(f"{name} line {number}: each line must be a JSON object", code="row")
        if "_meta" in row:
            if not isinstance(row["_meta"], dict):
                raise ProbeSetError(f"{name} line {number}: '_meta' must be an object", code="row")
            meta = dict(row["_meta"])
            continue
        if limits is not None:
            cells = [v if isinstance(v, str) else json.dumps(v) for v in row.values()]
            check_shape(1, len(row), max((len(c) for c in cells), default=0), limits)
        examples.append(_example(row, f"{name} line {number}"))
    return _finish(name, examples, meta)


def _finish(name: str, examples: list[ProbeExample], meta: dict[str, Any]) -> ProbeSet:
    if not examples:
        raise ProbeSetError(f"{name}: no examples", code="empty")
    ids = [e.id for e in examples]
    if len(set(ids)) != len(ids):
        raise ProbeSetError(f"{name}: duplicate rows or ids", code="duplicate")
    return ProbeSet(
        name=name,
        examples=tuple(examples),
        system=meta.get("system"),
        max_tokens=int(meta.get("max_tokens", DEFAULT_MAX_TOKENS)),
        description=str(meta.get("description", "")),
        meta=meta,
    )


def load_probe_set(path: Path, *, name: str | None = None, limits: UploadLimits | None = None) -> ProbeSet:
    """Read a CSV, JSONL or XLSX probe set.

    `name`: the name to judge and report the file by (an upload's sanitised name; the stored path of
    an upload is not its name). `limits`: for files from outside (chat uploads): size, type, content
    and shape checks of `tools.probes.upload`, raising `UploadRejected`; the CLI reads the operator's
    own files without them.
    """
    shown = name or path.name
    suffix = Path(shown).suffix.lower()
    if limits is not None:
        check_upload(path, shown, limits)
    if suffix in (".jsonl", ".ndjson"):
        text = path.read_bytes().decode("utf-8-sig")
        if limits is not None:
            check_shape(sum(1 for line in text.splitlines() if line.strip()), 0, 0, limits)
        probe_set = parse_jsonl(text, shown, limits)
        if limits is not None and probe_set.max_tokens > limits.max_output_tokens:
            raise UploadRejected(
                f"max_tokens {probe_set.max_tokens} is over the limit of {limits.max_output_tokens} output tokens",
                code="max_tokens",
            )
        return probe_set
    if suffix == ".csv":
        return _read_csv(path, shown, limits)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, shown, limits)
    raise ProbeSetError(f"{shown}: unsupported format (use .csv, .jsonl or .xlsx)", code="type")


def _check_rows(rows: list[dict[str, Any]], columns: list[str], limits: UploadLimits | None) -> None:
    if limits is None:
        return
    longest = max((len(str(v)) for row in rows for v in row.values() if v is not None), default=0)
    check_shape(len(rows), len(columns), longest, limits)


def _read_csv(path: Path, shown: str, limits: UploadLimits | None) -> ProbeSet:
    cap = None if limits is None else limits.max_rows + 1
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"input", "expected"} <= set(reader.fieldnames):
                raise ProbeSetError(
                    f"{shown}: needs 'input' and 'expected' columns, has {reader.fieldnames}", code="columns"
                )
            rows: list[dict[str, Any]] = []
            for row in reader:
                rows.append(row)
                if cap is not None and len(rows) >= cap:
                    break
            columns = list(reader.fieldnames)
    except csv.Error as exc:
        raise ProbeSetError(f"{shown}: not a readable CSV file ({exc})", code="unreadable") from None
    _check_rows(rows, columns, limits)
    return _finish(shown, [_example(r, f"{shown} row {i + 2}") for i, r in enumerate(rows)], {})


def _read_xlsx(path: Path, shown: str, limits: UploadLimits | None) -> ProbeSet:
    """The first sheet, cell values as text (cached values of formulas, never the formula)."""
    from openpyxl import load_workbook

    cap = None if limits is None else limits.max_rows + 2
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken workbooks; all mean "unreadable"
        raise ProbeSetError(
            f"{shown}: not a readable Excel workbook ({type(exc).__name__})", code="xlsx"
        ) from None
    try:
        sheet = book.worksheets[0]
        values: list[tuple[Any, ...]] = []
        for row in sheet.iter_rows(values_only=True):
            values.append(row)
            if cap is not None and len(values) >= cap:
                break
    finally:
        book.close()
    if not values:
        raise ProbeSetError(f"{shown}: the first sheet is empty", code="empty")
    header = ["" if v is None else str(v).strip() for v in values[0]]
    if not {"input", "expected"} <= set(header):
        raise ProbeSetError(
            f"{shown}: needs 'input' and 'expected' columns, has {[h for h in header if h]}", code="columns"
        )
    rows = [
        {key: _xlsx_text(v) for key, v in zip(header, row, strict=False) if key}
        for row in values[1:]
        if any(v is not None and str(v).strip() for v in row)
    ]
    _check_rows(rows, [h for h in header if h], limits)
    return _finish(shown, [_example(r, f"{shown} row {i + 2}") for i, r in enumerate(rows)], {})


def _xlsx_text(value: object) -> str | None:
    """A spreadsheet cell as text; whole floats lose their ".0" (a label 1 stays "1")."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sample_names() -> list[str]:
    """Built-in sample sets, e.g. 'sentiment-en', 'qa-zh'."""
    folder = resources.files("whichmodel.tools.probes").joinpath("samples")
    return sorted(p.name.removesuffix(".jsonl") for p in folder.iterdir() if p.name.endswith(".jsonl"))


def load_sample(name: str) -> ProbeSet:
    """A built-in sample set by name (see :func:`sample_names`)."""
    if name not in sample_names():
        raise ProbeSetError(f"unknown sample set {name!r}; available: {', '.join(sample_names())}")
    text = (
        resources.files("whichmodel.tools.probes")
        .joinpath("samples")
        .joinpath(f"{name}.jsonl")
        .read_text(encoding="utf-8")
    )
    return parse_jsonl(text, name)


PASTE_SEPARATORS = ("=>", "⇒", "\t")
"""Separators between input and expected answer in pasted lines (the first one found splits a line)."""


def parse_pasted(text: str, name: str = "pasted examples") -> ProbeSet:
    """Examples pasted into a chat: JSONL lines, or one ``input => expected`` (or tab-separated) per line.

    Raises ProbeSetError when fewer than two lines are examples, naming the first unreadable line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(line.startswith("{") for line in lines):
        return parse_jsonl("\n".join(lines), name)
    examples: list[ProbeExample] = []
    for number, line in enumerate(lines, start=1):
        sep = next((s for s in PASTE_SEPARATORS if s in line), None)
        if sep is None:
            continue
        text_part, expected = (part.strip() for part in line.split(sep, 1))
        if not text_part or not expected:
            raise ProbeSetError(
                f"line {number}: needs text on both sides of '{sep.strip() or 'tab'}'", code="row"
            )
        examples.append(_example({"input": text_part, "expected": expected}, f"line {number}"))
    if len(examples) < 2:
        raise ProbeSetError("paste at least two examples, one per line: input => expected answer")
    return _finish(name, examples, {})


def probe_set_to_data(probe_set: ProbeSet) -> dict[str, Any]:
    """A probe set as plain JSON-like data (for the conversation's checkpoint)."""
    return {
        "name": probe_set.name,
        "system": probe_set.system,
        "max_tokens": probe_set.max_tokens,
        "description": probe_set.description,
        "examples": [
            {
                "id": e.id,
                "input": e.input,
                "expected": e.expected,
                "scorer": e.scorer,
                "labels": list(e.labels),
            }
            for e in probe_set.examples
        ],
    }


def probe_set_from_data(data: dict[str, Any]) -> ProbeSet:
    """The inverse of :func:`probe_set_to_data`."""
    return ProbeSet(
        name=str(data["name"]),
        examples=tuple(
            ProbeExample(e["id"], e["input"], e["expected"], e.get("scorer"), tuple(e.get("labels") or ()))
            for e in data["examples"]
        ),
        system=data.get("system"),
        max_tokens=int(data.get("max_tokens") or DEFAULT_MAX_TOKENS),
        description=str(data.get("description") or ""),
    )

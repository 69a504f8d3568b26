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

from tools.probes.scorers import parse_spec

DEFAULT_MAX_TOKENS = 128


class ProbeSetError(ValueError):
    """The probe set file is unreadable or lacks required columns."""


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
        raise ProbeSetError(f"{where}: empty 'input'")
    parse_spec(scorer)  # fail early on an unknown scorer
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


def parse_jsonl(text: str, name: str) -> ProbeSet:
    """Parse JSONL probe rows (and an optional ``_meta`` line)."""
    meta: dict[str, Any] = {}
    examples: list[ProbeExample] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ProbeSetError(f"{name} line {number}: {exc}") from exc
        if "_meta" in row:
            meta = dict(row["_meta"])
            continue
        examples.append(_example(row, f"{name} line {number}"))
    return _finish(name, examples, meta)


def _finish(name: str, examples: list[ProbeExample], meta: dict[str, Any]) -> ProbeSet:
    if not examples:
        raise ProbeSetError(f"{name}: no examples")
    ids = [e.id for e in examples]
    if len(set(ids)) != len(ids):
        raise ProbeSetError(f"{name}: duplicate rows or ids")
    return ProbeSet(
        name=name,
        examples=tuple(examples),
        system=meta.get("system"),
        max_tokens=int(meta.get("max_tokens", DEFAULT_MAX_TOKENS)),
        description=str(meta.get("description", "")),
        meta=meta,
    )


def load_probe_set(path: Path) -> ProbeSet:
    """Read a CSV, JSONL or XLSX probe set."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return parse_jsonl(path.read_text(encoding="utf-8"), path.name)
    if suffix == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"input", "expected"} <= set(reader.fieldnames):
                raise ProbeSetError(
                    f"{path.name}: needs 'input' and 'expected' columns, has {reader.fieldnames}"
                )
            rows = list(reader)
        return _finish(path.name, [_example(r, f"{path.name} row {i + 2}") for i, r in enumerate(rows)], {})
    if suffix in (".xlsx", ".xlsm"):
        import pandas as pd

        frame = pd.read_excel(path, dtype=str)
        if not {"input", "expected"} <= set(frame.columns):
            raise ProbeSetError(
                f"{path.name}: needs 'input' and 'expected' columns, has {list(frame.columns)}"
            )
        rows = frame.to_dict(orient="records")
        return _finish(path.name, [_example(r, f"{path.name} row {i + 2}") for i, r in enumerate(rows)], {})
    raise ProbeSetError(f"{path.name}: unsupported format (use .csv, .jsonl or .xlsx)")


def sample_names() -> list[str]:
    """Built-in sample sets, e.g. 'sentiment-en', 'qa-zh'."""
    folder = resources.files("tools.probes").joinpath("samples")
    return sorted(p.name.removesuffix(".jsonl") for p in folder.iterdir() if p.name.endswith(".jsonl"))


def load_sample(name: str) -> ProbeSet:
    """A built-in sample set by name (see :func:`sample_names`)."""
    if name not in sample_names():
        raise ProbeSetError(f"unknown sample set {name!r}; available: {', '.join(sample_names())}")
    text = (
        resources.files("tools.probes")
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
            raise ProbeSetError(f"line {number}: needs text on both sides of '{sep.strip() or 'tab'}'")
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

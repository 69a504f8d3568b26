"""Deterministic scorers for probe outputs, selected per row by a short spec string.

Specs (the optional ``scorer`` column of a probe set; ``auto`` when absent):

- ``auto`` (the default): an answer passes when it equals the expected one (normalized), or
  * for a *label set* (the set's expected values are 2 to 10 short labels that repeat, e.g.
    positive/negative): the answer names exactly one of the labels (whole word, case-insensitive)
    and it is the expected one ("The sentence is positive." passes for "positive"; an answer naming
    two labels does not);
  * otherwise, for a short expected answer (up to 6 words): the answer contains it as a whole word
    or phrase ("The capital of France is Paris." passes for "Paris"; "Parisian" does not).
  Longer expected answers must match (normalized). :func:`auto_rule` states the rule for a set.
- ``exact``: output == expected after stripping surrounding whitespace.
- ``normalized``: equal after NFKC, lower-casing, removing punctuation and collapsing spaces.
- ``contains``: the normalized expected text occurs in the normalized output.
- ``regex``: ``expected`` is a Python regular expression searched in the output.
- ``json``: the output (or its first fenced/braced block) parses as JSON.
- ``json_schema``: ``expected`` is a JSON Schema the parsed output must validate against.
- ``json_match``: ``expected`` is a JSON object; every key must be present with an equal value
  (strings compared normalized, numbers within 1e-6).
- ``numeric`` or ``numeric:TOL``: the first number in the output is within TOL (default 1e-6)
  of the expected number.
- ``label`` or ``label:a|b|c``: the free-text output is mapped to the label it mentions first
  (whole word, case-insensitive); passes when that label is the expected one. Without an
  explicit list the engine passes the set's distinct expected values.
- ``judge``: graded by an LLM judge endpoint (see :mod:`tools.probes.judge`); not handled here.

Scorers never raise on bad model output: they return a failed :class:`Score` with a reason.
A malformed *spec* or *expected* value (a bad regex, an invalid schema) raises
:class:`ScorerSpecError`, because that is a fault in the probe set, not in the model.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import jsonschema

SCORER_NAMES = (
    "auto",
    "exact",
    "normalized",
    "contains",
    "regex",
    "json",
    "json_schema",
    "json_match",
    "numeric",
    "label",
    "judge",
)


class ScorerSpecError(ValueError):
    """The probe set asked for an unknown scorer or gave an unusable expected value."""


@dataclass(frozen=True)
class Score:
    """One scored output. ``passed`` is None when the item could not be scored (e.g. no judge)."""

    passed: bool | None
    scorer: str
    detail: str = ""


@dataclass(frozen=True)
class ScorerSpec:
    """A parsed scorer spec: its name and the optional argument after the colon."""

    name: str
    arg: str | None = None


def parse_spec(spec: str | None) -> ScorerSpec:
    """Parse ``name`` or ``name:arg``; empty means ``auto``."""
    text = (spec or "").strip()
    if not text:
        return ScorerSpec("auto")
    name, _, arg = text.partition(":")
    name = name.strip().lower().replace("-", "_")
    aliases = {
        "normalized_exact": "normalized",
        "choice": "label",
        "schema": "json_schema",
        "valid_json": "json",
    }
    name = aliases.get(name, name)
    if name not in SCORER_NAMES:
        raise ScorerSpecError(f"unknown scorer {spec!r}; known: {', '.join(SCORER_NAMES)}")
    return ScorerSpec(name, arg.strip() or None if arg else None)


def normalize(text: str) -> str:
    """NFKC, lower-case, punctuation removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(text.split())


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def extract_json(text: str) -> Any:
    """Parse JSON from a model's output: the whole text, a fenced block, or the first {...}/[...] span.

    Raises ValueError when none parses.
    """
    candidates = [text.strip()]
    candidates += [m.group(1).strip() for m in _FENCE.finditer(text)]
    for open_ch, close_ch in (("{", "}"), ("[", "]")):
        start, end = text.find(open_ch), text.rfind(close_ch)
        if 0 <= start < end:
            candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            return json.loads(candidate)
        except (json.JSONDecodeError, ValueError):
            continue
    raise ValueError("no JSON value found in the output")


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")


def first_number(text: str) -> float | None:
    """The first number in the text (thousands separators removed), or None."""
    match = _NUMBER.search(re.sub(r"(?<=\d),(?=\d{3})", "", text))
    return float(match.group(0)) if match else None


_NEGATION_EN = re.compile(r"(?:\b(?:not|isn t|isnt|is not|never|no)\s+(?:\w+\s+)?)$")
_NEGATION_ZH = ("不是", "并非", "不", "非")


def _negated(norm: str, pos: int) -> bool:
    """Whether the mention at ``pos`` follows a negation ("not real", "not entirely real", "不是真实")."""
    before = norm[:pos]
    return bool(_NEGATION_EN.search(before)) or before.rstrip().endswith(_NEGATION_ZH)


def pick_label(output: str, labels: Sequence[str]) -> str | None:
    """The label the output asserts first (whole word for Latin text, substring otherwise).

    A negated mention ("not real") does not count; with exactly two labels it counts for the other
    one, so "This headline is not real" maps to "fake".
    """
    norm = normalize(output)
    mentions: list[tuple[int, int, str, bool]] = []
    for label in labels:
        target = normalize(label)
        if not target:
            continue
        if target.isascii():
            found = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(target) + r"(?!\w)", norm)]
        else:
            found = [m.start() for m in re.finditer(re.escape(target), norm)]
        # Earliest mention wins; on a tie the longer label (e.g. "not fake" over "fake").
        mentions += [(pos, -len(target), label, _negated(norm, pos)) for pos in found]
    for _, _, label, negated in sorted(mentions):
        if not negated:
            return label
        if len(labels) == 2:
            return next(other for other in labels if other != label)
    return None


AUTO_MAX_LABELS = 10
"""At most this many distinct expected values make a label set for the ``auto`` scorer."""
AUTO_MAX_LABEL_WORDS = 3
AUTO_MAX_PHRASE_WORDS = 6
"""A short expected answer (at most this many words) may be contained in a longer answer."""


def _words(text: str) -> int:
    norm = normalize(text)
    cjk = sum(1 for ch in norm if "\u3400" <= ch <= "\u9fff")
    return len(norm.split()) + cjk // 2  # two CJK characters count as a word


def auto_labels(expected_values: Sequence[str]) -> tuple[str, ...]:
    """The label set the ``auto`` scorer uses for a probe set, or () when the set is not one.

    A label set: 2 to AUTO_MAX_LABELS distinct, short (up to 3 words) expected values, fewer than
    the rows (so labels repeat: 20 reviews, each positive or negative; not 20 different answers).
    """
    distinct = tuple(dict.fromkeys(v for v in expected_values if normalize(v)))
    if not 2 <= len(distinct) <= AUTO_MAX_LABELS or len(distinct) >= len(expected_values):
        return ()
    if any(_words(v) > AUTO_MAX_LABEL_WORDS for v in distinct):
        return ()
    return distinct


def auto_rule(expected_values: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """How the ``auto`` scorer judges a set: ("labels", the labels) or ("phrase", ())."""
    labels = auto_labels(expected_values)
    return ("labels", labels) if labels else ("phrase", ())


def _mentions(norm_output: str, target: str) -> bool:
    """Whether the normalized output mentions the normalized target as a whole word or phrase."""
    if not target:
        return False
    if target.isascii():
        return re.search(r"(?<!\w)" + re.escape(target) + r"(?!\w)", norm_output) is not None
    return target in norm_output


def _score_auto(output: str, expected: str, labels: Sequence[str]) -> Score:
    norm_out, norm_exp = normalize(output), normalize(expected)
    if norm_out == norm_exp:
        return Score(True, "auto", "same answer")
    if labels:
        named = [label for label in labels if _mentions(norm_out, normalize(label))]
        ok = len(named) == 1 and normalize(named[0]) == norm_exp
        if ok:
            return Score(True, "auto", f"names the label {named[0]!r}")
        if len(named) > 1:
            return Score(False, "auto", f"names several labels: {', '.join(named)}")
        return Score(False, "auto", f"names {named[0]!r}" if named else "names none of the labels")
    if _words(expected) <= AUTO_MAX_PHRASE_WORDS and _mentions(norm_out, norm_exp):
        return Score(True, "auto", "contains the expected answer")
    return Score(False, "auto", f"answer {norm_out[:60]!r}")


def _values_match(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str) and isinstance(actual, str):
        return normalize(expected) == normalize(actual)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return bool(expected == actual)
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return math.isclose(float(expected), float(actual), abs_tol=1e-6)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _values_match(e, a) for e, a in zip(expected, actual, strict=True)
        )
    if isinstance(expected, dict) and isinstance(actual, dict):
        return all(k in actual and _values_match(v, actual[k]) for k, v in expected.items())
    return bool(expected == actual)


def score(output: str, expected: str, spec: str | None = None, labels: Sequence[str] = ()) -> Score:
    """Score one output against its expected value with the named scorer (see module doc)."""
    parsed = parse_spec(spec)
    name = parsed.name
    if name == "auto":
        return _score_auto(output, expected, labels)
    if name == "exact":
        ok = output.strip() == expected.strip()
        return Score(ok, name, "" if ok else "not identical")
    if name == "normalized":
        ok = normalize(output) == normalize(expected)
        return Score(ok, name, "" if ok else f"normalized output {normalize(output)[:60]!r}")
    if name == "contains":
        ok = normalize(expected) in normalize(output)
        return Score(ok, name, "" if ok else "expected text not found")
    if name == "regex":
        try:
            pattern = re.compile(expected)
        except re.error as exc:
            raise ScorerSpecError(f"invalid regex {expected!r}: {exc}") from exc
        ok = pattern.search(output) is not None
        return Score(ok, name, "" if ok else "pattern not found")
    if name == "numeric":
        return _score_numeric(output, expected, parsed.arg)
    if name == "label":
        choices = [c for c in (parsed.arg.split("|") if parsed.arg else labels) if c.strip()]
        if not choices:
            raise ScorerSpecError(
                "label scorer needs labels ('label:a|b') or a set with several expected values"
            )
        picked = pick_label(output, choices)
        ok = picked is not None and normalize(picked) == normalize(expected)
        return Score(ok, name, f"picked {picked!r}" if picked else "no label mentioned")
    if name == "judge":
        return Score(None, name, "needs a judge endpoint")
    return _score_json(output, expected, name)


def _score_numeric(output: str, expected: str, arg: str | None) -> Score:
    try:
        target = float(expected.replace(",", ""))
        tolerance = float(arg) if arg else 1e-6
    except ValueError as exc:
        raise ScorerSpecError(f"numeric scorer needs a number, got {expected!r} / {arg!r}") from exc
    value = first_number(output)
    if value is None:
        return Score(False, "numeric", "no number in output")
    ok = abs(value - target) <= tolerance
    return Score(ok, "numeric", "" if ok else f"got {value:g}")


def _score_json(output: str, expected: str, name: str) -> Score:
    try:
        value = extract_json(output)
    except ValueError as exc:
        return Score(False, name, str(exc))
    if name == "json":
        return Score(True, name)
    try:
        reference = json.loads(expected)
    except json.JSONDecodeError as exc:
        raise ScorerSpecError(f"{name} needs JSON in 'expected': {exc}") from exc
    if name == "json_schema":
        try:
            jsonschema.validate(value, reference)
        except jsonschema.SchemaError as exc:
            raise ScorerSpecError(f"invalid JSON Schema: {exc.message}") from exc
        except jsonschema.ValidationError as exc:
            return Score(False, name, exc.message[:120])
        return Score(True, name)
    ok = _values_match(reference, value)
    return Score(ok, name, "" if ok else "fields differ")

"""The brain interface the graph calls, the offline brain behind it, and the checks on an LLM's reading.

A brain turns one message into an `agent.brain.Understanding`. Two implementations: `OfflineBrain`
(deterministic, the default) and `agent.llm.LLMBrain` (structured output; falls back to the offline
brain on any failure and says so in `BrainResult.fallback_error`).

An LLM's reading is a proposal: `ground` checks it against the message with deterministic code
before any slot is filled (prompt injection and hallucination alike), and `safe_rephrasing` checks
the writer's rewording of a reply. What they reject makes the turn fall back to the offline brain.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, get_args

from whichmodel.agent.brain import BOOL_PATHS, Fact, Understanding, meaning, understand
from whichmodel.agent.brain.numbers import find_numbers, lower_aligned, normalize
from whichmodel.knowledge.units import USD_PER
from whichmodel.tools.decision.requirements import Location

LOCATIONS: tuple[str, ...] = get_args(Location)
"""Where a person can be (`Requirements.location`): an LLM's place must be one of these codes."""


@dataclass(frozen=True)
class Asked:
    """The pending question as the brain needs it."""

    field: str | None
    expecting: str | None
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class BrainResult:
    understanding: Understanding
    brain: str
    """"offline" or "llm"; "offline" with `fallback_error` set when the LLM failed this turn."""
    fallback_error: str | None = None


class Brain(Protocol):
    async def understand(self, message: str, asked: Asked | None) -> BrainResult: ...

    async def phrase(self, text: str, lang: str) -> str: ...


class OfflineBrain:
    """The deterministic brain: `agent.brain.understand` (rules and the bundled sentence encoder).

    Creating it loads the encoder and embeds the labelled descriptions once per process (about 2-3 s
    on 2 cores), so that no conversation turn pays for it.
    """

    def __init__(self) -> None:
        meaning.warm()

    async def understand(self, message: str, asked: Asked | None) -> BrainResult:
        return BrainResult(understand_offline(message, asked), "offline")

    async def phrase(self, text: str, lang: str) -> str:
        return text


def understand_offline(message: str, asked: Asked | None) -> Understanding:
    if asked is None:
        return understand(message)
    # A question with no single path (where the model may run) still tells the brain what was asked.
    return understand(message, expecting=asked.expecting or asked.field, options=asked.options)


def understanding_to_state(u: Understanding) -> dict[str, Any]:
    """The Understanding as JSON-like data for the checkpoint (free text `defang`-ed)."""
    return {
        "facts": [
            {"path": f.path, "value": _plain(f.value), "provenance": f.provenance, "evidence": defang(f.evidence),
             "shown": f.shown}
            for f in u.facts
        ],
        "intent": u.intent,
        "question": u.question,
        "language": u.language,
        "choice": u.choice,
        "task_options": list(u.task_options),
    }  # fmt: skip


def _plain(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return defang(value)
    return value


_MD_LINK = re.compile(r"!?\[([^\]\n]{0,200})\]\(\s*([^)\s]{0,500})[^)]{0,200}\)")


def defang(text: str) -> str:
    """Free text as it is kept and echoed (use case, evidence): no Markdown image/link, no HTML tag.

    ``![x](http://host/p.png)`` becomes ``x (http://host/p.png)`` and ``<`` / ``>`` become look-alikes,
    so an echoed requirement cannot make a chat client or a rendered report fetch a URL or run markup.
    """
    text = _MD_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    return text.replace("<", "\u2039").replace(">", "\u203a").replace("![", "! [")


def options_of(pending: dict[str, Any] | None) -> Sequence[str]:
    return tuple(pending["options"]) if pending else ()


# ---------------------------------------------------------------- checks on an LLM's proposals


class UngroundedExtraction(ValueError):
    """An LLM proposed a fact, choice or text the person's message does not support."""


_CONVERSIONS = (1.0, 30.0, 1 / 30, 7.0, 1 / 7, 4.33, 52 / 12, 22.0, 21.0, 365 / 12, 12.0, 1 / 12, 1000.0,
                1e-3, 1e6, 1e-6, 60.0, 1 / 60, 3600.0, 100.0, 0.01, *(f * USD_PER[c] for c in ('CNY', 'EUR', 'GBP', 'JPY', 'HKD') for f in (1.0, 30.0, 1 / 12)),
                24 * 30.0, 24 * 60 * 30.0, 1024.0)  # fmt: skip
"""Unit changes the extractor is told to make (per day x 30, k, %, ms, currencies at knowledge.units rates...)."""

_CUES: dict[str, tuple[str, ...]] = {
    "deployment.open_weights": ("open", "weight", "self-host", "self host", "on-prem", "on prem", "local",
                                "开源", "权重", "私有", "本地"),
    "deployment.self_host": ("host", "on-prem", "on prem", "premises", "our own", "own server", "local",
                             "air-gap", "air gap", "gpu", "私有", "本地", "自建", "部署", "内网"),
    "needs.tool_calling": ("tool", "function", "api call", "agent", "工具", "函数", "调用"),
    "needs.structured_output": ("json", "structured", "schema", "format", "结构", "格式"),
    "needs.reasoning": ("reason", "think", "step", "math", "logic", "推理", "思考", "数学", "逻辑"),
    "deployment.data_residency": ("eu", "europe", "gdpr", "us", "america", "china", "cn", "uk", "region",
                                  "resid", "countr", "欧", "美国", "中国", "境内", "国内", "地区"),
    "deployment.excluded_jurisdictions": ("china", "chinese", "中国", "大陆", "内地"),
    "data.sensitivity": ("sensitiv", "confidential", "private", "personal", "pii", "public", "internal",
                         "secret", "health", "medical", "financ", "敏感", "机密", "隐私", "公开", "内部"),
    "data.proprietary_knowledge": ("our", "own", "internal", "document", "knowledge", "docs", "自有",
                                   "内部", "文档", "知识"),
    "data.knowledge_changes_often": ("change", "update", "daily", "weekly", "fresh", "new", "更新", "变化"),
    "data.novel_domain": ("domain", "niche", "special", "new", "unusual", "领域", "专业"),
}  # fmt: skip
"""Words one of which the evidence of a filter-like fact must contain (so a proposal such as
`open_weights=true` quoting "we sort tickets" is not accepted)."""

_NEGATION = re.compile(
    r"(?<![a-z])(?:false|no|not|never|without|don't|dont|doesn't|n't|off)(?![a-z])|[不无没非否]"
)
"""A `true` proposal quoting words like these ("open_weights=false") is contradicted by its evidence."""
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)[^\s)\]>\"']+", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9_\-]{20,}")
_MARKUP = re.compile(r"!\[|\]\(|<\s*/?\s*[a-z!]", re.IGNORECASE)


_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _norm(text: str) -> str:
    """The text as compared: NFKC, lower case, quotes unified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_QUOTES)
    return " ".join(text.split())


def _quoted(evidence: str, message: str) -> bool:
    """Whether the evidence is words of the message (after normalisation; outer punctuation ignored)."""
    ev = _norm(evidence).strip(" \"'.,;:!?()[]{}“”‘’。，；：！？（）")
    return bool(ev) and ev in _norm(message)


def _numbers_in(text: str) -> list[float]:
    return [n.value for n in find_numbers(lower_aligned(normalize(text)))]


def _derivable(value: float, evidence: str, message: str) -> bool:
    """Whether a number follows from the numbers the person wrote, by one of the allowed unit changes
    (or a product of two of their numbers: "20 agents, 50 requests a day each")."""
    written = _numbers_in(evidence) or _numbers_in(message)
    candidates = list(written) + [a * b for i, a in enumerate(written) for b in written[i + 1 :]]
    for base in candidates:
        for factor in _CONVERSIONS:
            for target in (base * factor, base * factor * 30, base * factor / 30):
                if math.isclose(value, target, rel_tol=0.02, abs_tol=1e-9):
                    return True
    return False


def _texts(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _texts(v)


def _foreign(text: str, message: str) -> str | None:
    """A URL, markup or long token in `text` that the message does not contain (a key, a link)."""
    said = _norm(message)
    for pattern in (_URL, _TOKEN, _MARKUP):
        for m in pattern.finditer(text):
            if _norm(m.group(0)) not in said:
                return m.group(0)[:40]
    return None


def _check_value(fact: Fact, message: str) -> None:
    """No foreign URL/markup/token in the value; a number follows from the numbers written; a place is one
    of the location codes."""
    if fact.path == "location" and fact.value not in LOCATIONS:
        raise UngroundedExtraction(f"location: {str(fact.value)[:40]!r} is not one of {', '.join(LOCATIONS)}")
    for text in _texts(fact.value):
        bad = _foreign(text, message)
        if bad is not None:
            raise UngroundedExtraction(f"{fact.path}: {bad!r} is not in the message")
    value = fact.value
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and not _derivable(float(value), fact.evidence, message)
    ):
        raise UngroundedExtraction(f"{fact.path}: {value} does not follow from the numbers in the message")


def _check_fact(fact: Fact, message: str) -> None:
    if not _quoted(fact.evidence, message):
        raise UngroundedExtraction(f"{fact.path}: the evidence {fact.evidence[:60]!r} is not in the message")
    _check_value(fact, message)
    value = fact.value
    cues = _CUES.get(fact.path)
    if cues is not None or fact.path in BOOL_PATHS:
        said = _norm(fact.evidence)
        if not any(cue in said for cue in cues or ()) and not any(
            _norm(t) in _norm(message) for t in _texts(value) if len(t) > 2
        ):
            raise UngroundedExtraction(
                f"{fact.path}: the evidence {fact.evidence[:60]!r} does not mention it"
            )
    if fact.path in BOOL_PATHS and value is True and _NEGATION.search(_norm(fact.evidence)):
        raise UngroundedExtraction(f"{fact.path}: the evidence {fact.evidence[:60]!r} says not")
    if fact.path == "deployment.providers_allowed":
        for name in _texts(value):
            if _norm(name) not in _norm(message):
                raise UngroundedExtraction(f"providers_allowed: {name!r} is not named in the message")


def ground(u: Understanding, message: str, asked: Asked | None) -> Understanding:
    """The LLM's understanding if the message supports every fact in it; UngroundedExtraction if not.

    Every fact must quote the message as evidence; a number must follow from the numbers written
    (by the unit changes the extractor is told to make); a filter-like fact (booleans, residency,
    sensitivity) must quote words about it; every provider allowed must be named; no value may carry
    a URL, markup or a long token (a key) that the message lacks. When the person answers a pending
    question, the answer (the whole message) and the question's text are the evidence, and `choice`
    must be one of the question's options or the person's own words (otherwise it is dropped).
    """
    context = message if asked is None else f"{message}\n{asked.text}\n" + "\n".join(asked.options)
    for fact in u.facts:
        if asked is not None and asked.field == fact.path and _quoted(fact.evidence, message):
            _check_value(fact, message)  # a bare answer ("300", "yes") to the question asked
            continue
        _check_fact(fact, context)
    for text in (u.question or "",):
        bad = _foreign(text, message)
        if bad is not None:
            raise UngroundedExtraction(f"question: {bad!r} is not in the message")
    choice = u.choice
    if choice is not None and (
        asked is None or (choice not in asked.options and not _quoted(choice, message))
    ):
        choice = None
    return replace(u, choice=choice)


def safe_rephrasing(original: str, rewritten: str, secrets: Iterable[str] = ()) -> bool:
    """Whether the writer's rewording adds nothing dangerous: no URL, markup or long token that the
    original lacks, and no configured secret value (a hostile endpoint knows the key it was sent)."""
    if any(secret and secret in rewritten for secret in secrets):
        return False
    return _foreign(rewritten, original) is None

"""Requirements-so-far as slots: merging facts, what is still missing, contradictions, and the
requirements-file mapping. Pure functions, no I/O: the deterministic half of ask-or-proceed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from whichmodel.agent.brain.offline import said_as_preference
from whichmodel.agent.events import Provenance
from whichmodel.agent.interview_spec import LATENCY_DEFAULT_BY_TASK, QUESTIONS, SLOTS, Option
from whichmodel.agent.nodes.render import format_value, t
from whichmodel.agent.state import Fact, Slot
from whichmodel.tools.decision.requirements import Residency

FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "task_type": ("task_type",),
    "volume.requests_per_month": ("volume.requests_per_month",),
    "budget.monthly_usd": ("budget.monthly_usd", "budget.per_1k_requests_usd"),
    "latency.p95_seconds": ("latency.p95_seconds",),
    "deployment": (
        "deployment.self_host",
        "deployment.open_weights",
        "deployment.providers_allowed",
        "deployment.data_residency",
        "deployment.excluded_jurisdictions",
    ),
}
"""Question field -> the requirement paths any one of which answers it."""

PRIORITY: tuple[str, ...] = tuple(s.field for s in SLOTS if s.asked)
"""The questions asked before recommending, in order (what changes the decision most first); the
other slots of the spec are assumed with their stated default (`assumed_facts`)."""

_SHOWN_WORDS = frozenset({"languages", "task_type", "location"})
"""Paths whose words can change with the same value ("中文" -> "中文（含粤语）", "文案写作" -> "批改作文并写评语"): a
change worth saying. A figure said again in other words ("30/月" -> "30/月（每月30）") is no change."""

MAX_ASKS = 2
_SIDE_INFERENCES = frozenset({"languages", "input_modalities"})
"""A question asked this many times without an answer takes its default."""


def jsonable(value: Any) -> Any:
    """Tuples to lists, recursively: the state holds JSON-like data only."""
    if isinstance(value, tuple | list):
        return [jsonable(v) for v in value]
    return value


def merge_facts(
    requirements: Mapping[str, Slot], facts: Iterable[Fact]
) -> tuple[dict[str, Slot], list[str]]:
    """Apply facts to the slots; returns the new slots and the paths whose value changed.

    A later fact replaces an earlier one (people correct themselves: "actually the budget is $200" is
    inferred as monthly, and still wins). Exceptions: a defaulted fact never overwrites anything; the
    use case, once set, stays; side inferences (languages, inputs) never overwrite stated ones.
    """
    out = dict(requirements)
    changed: list[str] = []
    for f in facts:
        old = out.get(f.path)
        value = jsonable(f.value)
        if old is not None:
            if f.provenance == "defaulted" or f.path == "use_case":
                continue
            if f.provenance == "inferred" and old["provenance"] == "stated" and f.path in _SIDE_INFERENCES:
                continue
            if old["value"] == value:
                if f.shown and f.shown != old.get("shown") and f.path in _SHOWN_WORDS:
                    out[f.path] = Fact(f.path, value, f.provenance, f.evidence, f.shown).slot()
                    changed.append(f.path)  # "中文" -> "中文（含粤语）": the same value, said more exactly
                elif old["provenance"] != "stated" and f.provenance == "stated":
                    out[f.path] = Fact(f.path, value, "stated", f.evidence, f.shown).slot()
                continue
        out[f.path] = Fact(f.path, value, f.provenance, f.evidence, f.shown).slot()
        changed.append(f.path)
    return out, changed


def answered(question_field: str, requirements: Mapping[str, Slot]) -> bool:
    return any(p in requirements for p in FIELD_GROUPS.get(question_field, (question_field,)))


def next_missing(requirements: Mapping[str, Slot]) -> str | None:
    """The first question, in priority order, that no slot answers yet; None when all are answered."""
    task = requirements.get("task_type")
    for q in PRIORITY:
        only = QUESTIONS[q].only_for_tasks
        if only and (task is None or task["value"] not in only):
            continue
        if q == "deployment" and (not sensitive(requirements) or _value(requirements, "phone_only") is True):
            continue  # where it may run changes the shortlist for sensitive data; otherwise assumed (cloud API);
            # a person with only a phone uses an app, never a server of their own
        if not answered(q, requirements):
            return q
    return None


def _value(requirements: Mapping[str, Slot], path: str) -> Any:
    slot = requirements.get(path)
    return slot["value"] if slot is not None else None


SENSITIVE = ("confidential", "restricted")
"""Data levels for which where the model runs is asked before recommending."""


def sensitive(requirements: Mapping[str, Slot]) -> bool:
    """The person said the data is confidential or personal (or restricted)."""
    level = requirements.get("data.sensitivity")
    return level is not None and level["value"] in SENSITIVE


def option_facts(option: Option, lang: str, provenance: Provenance, evidence: str) -> list[Fact]:
    """The requirement facts of choosing `option` as offered in `lang` (a budget in yuan in Chinese)."""
    return [Fact(p, v, provenance, evidence, shown) for p, v, shown in option.values_for(lang)]


def default_facts(question_field: str, evidence: str) -> list[Fact]:
    """The default option of a question as facts with provenance "defaulted"."""
    spec = QUESTIONS[question_field]
    option = spec.options[spec.default]
    return option_facts(option, "en", "defaulted", evidence)


def mentioned_options(text: str, requirements: Mapping[str, Slot]) -> list[Fact]:
    """Facts of options named anywhere in a message ("…, any cloud API is fine") for unanswered questions.

    Only the options' own aliases count (see prompts.Option.aliases); the brain reads everything else.
    """
    low = " ".join(text.lower().split())
    out: list[Fact] = []
    for q, spec in QUESTIONS.items():
        if answered(q, requirements):
            continue
        for option in spec.options:
            hit = next((a for a in option.aliases if a in low), None)
            if hit is not None:
                out.extend(option_facts(option, option.lang_of(hit, "en"), "stated", hit))
                break
    return out


def assumed_facts(requirements: Mapping[str, Slot]) -> list[Fact]:
    """The slots not asked before recommending, with their stated defaults (marked "defaulted"): the
    answer time follows the task (people wait for a chat, not for a batch job); priority is quality."""
    out: list[Fact] = []
    task = requirements.get("task_type")
    if "latency.p95_seconds" not in requirements and task is not None:
        seconds = LATENCY_DEFAULT_BY_TASK.get(str(task["value"]))
        out.append(Fact("latency.p95_seconds", seconds, "defaulted", f"usual for {task['value']}"))
    if "priority" not in requirements:
        out.append(Fact("priority", "quality", "defaulted", "the strongest model within your limits first"))
    if not answered("deployment", requirements):
        out.append(Fact("deployment.self_host", False, "defaulted", "nothing said about where data may go"))
    return out


def implied_facts(requirements: Mapping[str, Slot], language: str) -> list[Fact]:
    """Facts that follow from others: agents need tool calling; languages default to the chat's."""
    out: list[Fact] = []
    task = requirements.get("task_type")
    if task and task["value"] == "agent" and "needs.tool_calling" not in requirements:
        out.append(Fact("needs.tool_calling", True, "inferred", "agents call tools"))
    if "languages" not in requirements:
        out.append(Fact("languages", [language], "inferred", "the language of this conversation"))
    return out


@dataclass(frozen=True)
class Conflict:
    """Two requirements that cannot both hold; `kind` keys the options in prompts.CONFLICT_OPTIONS."""

    kind: str
    providers: tuple[str, ...]


def find_conflicts(requirements: Mapping[str, Slot]) -> list[Conflict]:
    """Contradictions the decision core cannot resolve by itself."""
    out = []
    self_host = requirements.get("deployment.self_host")
    providers = requirements.get("deployment.providers_allowed")
    if self_host and self_host["value"] and providers and providers["value"]:
        out.append(Conflict("self_host_vs_providers", tuple(providers["value"])))
    return out


_ROUGH = re.compile(r"多|来|余|左右|上下|大概|大约|约|差不多|将近|\babout\b|\baround\b|\broughly\b|\bapprox\w*|~|≈|"
                    r"-?\bodd\b|\bish\b|\bor\s+so\b|\+", re.IGNORECASE)
_ABOVE = re.compile(r"(?:\d|[一二两三四五六七八九十百千万])\s*(?:多|来|余)|\d\s*\+|-?\bodd\b|\bplus\b", re.IGNORECASE)


def rough_confirmations(requirements: Mapping[str, Slot], facts: Iterable[Fact], text: str, intent: str | None) -> list[Fact]:
    """The facts without a rough figure that agrees with the volume held: "对，一个月三百多篇" after 347 a month
    confirms 347 (三百多 is 300 to 399), "yes, about 300" confirms 320 (within a fifth); a correction
    ("not 347, about 300") still changes it."""
    held = requirements.get("volume.requests_per_month")
    facts = list(facts)
    if held is None or intent == "correction" or held["provenance"] == "defaulted" or not held["value"]:
        return facts
    have = float(held["value"])
    out = []
    for f in facts:
        value = f.value
        if (f.path == "volume.requests_per_month" and isinstance(value, int | float) and value > 0 and value != have
                and _ROUGH.search(text)):  # fmt: skip
            step = 10 ** math.floor(math.log10(value))
            above = _ABOVE.search(text) is not None
            if value % step:  # "volume is 25 documents a month" after 30: an exact figure, not a rough one
                out.append(f)
                continue
            if (value <= have < value + step) if above else abs(have - value) <= 0.2 * value:
                continue
        out.append(f)
    return out


LOCATION_PATHS = ("location", "deployment.data_residency")
"""Slots that hold a place: a place the person turns down ("not the US") is removed from them."""


def drop_turned_down(
    requirements: Mapping[str, Slot], places: Iterable[str], facts: Iterable[Fact]
) -> tuple[dict[str, Slot], list[str]]:
    """The slots without a place the person said is not theirs ("NO. I said Canada, not the US" removes a
    residency or location of "us"), unless this turn set it; returns the slots and the paths removed."""
    out = dict(requirements)
    now = {f.path for f in facts}
    turned = set(places)
    removed = [p for p in LOCATION_PATHS if p in out and p not in now and out[p]["value"] in turned]
    for p in removed:
        del out[p]
    return out, removed


FORGET_RESIDENCY = re.compile(
    r"\b(?:forget|ignore|drop|scrap|skip|remove|cancel|never\s*mind|nevermind|leave\s+out)\s+(?:about\s+)?(?:the\s+|that\s+|my\s+)?"
    r"(?:uk|u\.k\.|eu|europe(?:an)?|us|u\.s\.|usa|american?|australian?|chin(?:a|ese)|region|location|country|residency)"
    r"(?:\s+(?:thing|bit|part|requirement|rule|stuff|one|region|idea|condition|restriction))?\b|"
    r"\b(?:the\s+)?(?:uk|eu|us|region|location|residency)(?:\s+(?:thing|bit|part|requirement|rule))?\s+(?:doesn'?t|does\s+not|don'?t)\s+matter\b|"
    r"\bany\s+cloud\s+(?:api\s+)?(?:is|'s|would\s+be)?\s*(?:fine|ok|okay|good)\b|\banywhere\s+is\s+(?:fine|ok|okay)\b|"
    r"(?:不用|不必|不需要)(?:留在|放在)?(?:英国|欧盟|美国|国内|境内)(?:了)?|(?:地区|区域)(?:无所谓|不限|都行)|哪里都行",
    re.IGNORECASE,
)
"""The person drops where the data must stay ("ok forget the UK thing then", "ignore the EU bit", "any cloud is
fine"): the residency rule is removed, and the reply says so."""


def drop_forgotten_residency(
    requirements: Mapping[str, Slot], text: str, facts: Iterable[Fact]
) -> tuple[dict[str, Slot], list[str]]:
    """The slots without the data-residency rule when the person drops it (`FORGET_RESIDENCY`), unless this
    turn set it; returns the slots and the paths removed."""
    out = dict(requirements)
    path = "deployment.data_residency"
    if path not in out or path in {f.path for f in facts} or FORGET_RESIDENCY.search(text) is None:
        return out, []
    del out[path]
    return out, [path]


def location_sentence(
    requirements: Mapping[str, Slot], changed: Iterable[str], said: Iterable[Fact], lang: str
) -> str | None:
    """ "Noted: you are in mainland China" when this turn set where the person is; said as a preference
    ("australia if possible, otherwise whatever") it also says that no rule was made of it, even when the
    place was known already."""
    slot = requirements.get("location")
    told = next((f for f in said if f.path == "location"), None)
    soft = told is not None and said_as_preference(told.evidence)
    if slot is None or slot["value"] is None or ("location" not in changed and not soft):
        return None
    place = format_value("location", slot["value"], lang, slot.get("shown"))
    if not soft:
        return t(lang, "location_noted", place=place)
    hint = t(lang, "location_soft_hint", place=place) if slot["value"] in RESIDENCY_CODES else ""
    return t(lang, "location_soft", place=place, hint=hint)


RESIDENCY_CODES: tuple[str, ...] = get_args(Residency)
"""Places the data can be required to stay in (`tools.decision.requirements.Residency`)."""


def to_raw(requirements: Mapping[str, Slot], *, fallback_use_case: str, language: str) -> dict[str, Any]:
    """The slots as a requirements-file mapping (what `parse_requirements` accepts)."""
    raw: dict[str, Any] = {}
    for path, slot in sorted(requirements.items()):
        node = raw
        *parents, leaf = path.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = slot["value"]
    where = requirements.get("location")
    if where is not None and where["value"] == "other" and where.get("shown"):
        raw["place"] = where["shown"]  # "the Philippines": whose law the answers name (a chat-only field)
    raw.setdefault("use_case", fallback_use_case.strip()[:300] or "unspecified")
    raw.setdefault("task_type", "chat")
    raw.setdefault("languages", [language])
    return raw

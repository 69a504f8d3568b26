"""Formatting for replies: requirement values, table rows, shortlist rows, and a turn's events as
plain text (what the terminal, Slack and the transcript show). Pure functions over templates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from whichmodel.agent.answer_texts import ANSWER_TEMPLATES, MODEL_NAME_SUFFIXES
from whichmodel.agent.brain.lexicon import APPROXIMATE
from whichmodel.agent.events import (
    AnyEvent,
    Message,
    Question,
    RequirementRow,
    RequirementsTable,
    Shortlist,
    ShortlistRow,
)
from whichmodel.agent.prompts import FIELD_LABELS, TEMPLATES, VALUE_NAMES, VALUE_WORDS
from whichmodel.agent.state import Slot
from whichmodel.knowledge.units import currency_of
from whichmodel.tools.decision.explain import (
    JURISDICTION_RISKS,
    REGION_NAMES,
    monthly_in,
    task_name,
    warning_labels,
    with_warnings,
)
from whichmodel.tools.decision.names import provider_display
from whichmodel.tools.decision.result import Candidate, Lang
from whichmodel.tools.report.titles import use_case_summary


def _lang(lang: str) -> Lang:
    return "zh" if lang == "zh" else "en"


def model_names(text: str, lang: str) -> str:
    """Model names as a chat in `lang` writes them: a catalog suffix such as "(latest)" in the reply's
    language (`answer_texts.MODEL_NAME_SUFFIXES`), so a Chinese reply holds no stray English. The one
    place where the chat renders model names (every message and shortlist row passes here)."""
    for said, written in MODEL_NAME_SUFFIXES.get(_lang(lang), {}).items():
        text = text.replace(" " + said, written).replace(said, written)
    return text


_SENTENCE_START = re.compile(r"(^|\n|(?<=\S\.) )([a-z])")
"""A lower-case letter where an English sentence may start (a message, a line, after a full stop)."""
_ABBREVIATION = re.compile(r"(?:\b[a-z]\.[a-z]|\b(?:vs|etc|approx|e\.g|i\.e|cf))\.$", re.IGNORECASE)


def sentence_case(text: str) -> str:
    """`text` with every English sentence starting in capitals (templates that start with a name, "the
    Claude app: …", write one in lower case); not after "e.g." or "i.e."."""

    def cased(part: str) -> str:
        def upper(m: re.Match[str]) -> str:
            if m.group(1) == " " and _ABBREVIATION.search(part[max(0, m.start() - 6) : m.start()]):
                return m.group(0)
            return m.group(1) + m.group(2).upper()

        return _SENTENCE_START.sub(upper, part)

    # code blocks (a command, settings) are copied as written
    parts = text.split("```")
    return "```".join(cased(part) if i % 2 == 0 else part for i, part in enumerate(parts))


_SENTENCE_END = re.compile(r"((?<=[.!?])\s+|(?<=[。！？]))")
"""Where a sentence ends: after its full stop and the space that follows (a full stop inside "claude.ai" or
"4.6" ends none), or after a Chinese one."""


def _sentences(text: str) -> list[str]:
    """`text` as its sentences, each with the space after it (joined again, they give `text`)."""
    parts = _SENTENCE_END.split(text)
    return ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2) if "".join(parts[i : i + 2])]
_REPEAT_MIN_CHARS = 40
"""A sentence at least this long (half as long in Chinese) said twice in one reply is said once (short ones
may well repeat)."""


def without_repeats(events: Sequence[Any]) -> list[Any]:
    """A reply's events with each long sentence said once: two answers that share a paragraph (the app's
    price, a data warning) do not repeat it; a message left empty is dropped."""
    seen: set[str] = set()
    out: list[Any] = []
    for event in events:
        if not isinstance(event, Message):
            out.append(event)
            continue
        kept = []
        for sentence in _sentences(event.text):
            key = " ".join(sentence.split()).lower()
            long = len(key) >= (_REPEAT_MIN_CHARS // 2 if re.search(r"[\u4e00-\u9fff]", key) else _REPEAT_MIN_CHARS)
            if long and key in seen:
                continue
            seen.add(key)
            kept.append(sentence)
        text = "".join(kept).strip()
        if text:
            out.append(event if text == event.text.strip() else event.model_copy(update={"text": text}))
    return out


_ONCE_MIN_CHARS = 280
"""A paragraph at least this long (half as long in Chinese) given word for word in an earlier reply is not
given again in full."""


def _masked(text: str) -> str:
    """`text` with its figures masked ("about €1.32 a month" and "about €1.10 a month" read the same)."""
    return re.sub(r"\d[\d.,]*", "#", text)


def said_before(
    events: Sequence[Any], replies: Sequence[str], lang: str, keep: frozenset[str] = frozenset(), *, figures: bool = False,
    in_full: bool = False,
) -> list[Any]:
    """A reply's events with each long paragraph already given word for word in an earlier reply (`replies`,
    the assistant's earlier turns) cut to its first sentence and a pointer back: answered once, referred to
    after ("the same data paragraph in turns 3 and 5"). A paragraph after a tool step named in `keep` (the
    steps to take, asked for again) is given in full, unless its lead paragraph (before the numbered steps)
    was given before, word for word but for its figures ("final answer: which app?" after the same recommendation): then the
    lead's first sentence, said to be unchanged; given word for word before, figures included ("so which should
    we use?" after "how do I start?"), its gist, said to be unchanged, unless `in_full` (the steps asked for in
    detail: "simple steps please", "具体该做什么"). `figures`: a paragraph that differs only in its figures
    counts as given before (the same recommendation paragraph with the bill of a corrected volume)."""
    earlier = [" ".join(r.split()) for r in replies]
    if figures:
        earlier = [_masked(r) for r in earlier]
    out: list[Any] = []
    step = ""
    for event in events:
        if not isinstance(event, Message):
            step = str(getattr(event, "summary", "") or "")
            out.append(event)
            continue
        key = " ".join(event.text.split())
        long = len(key) >= (_ONCE_MIN_CHARS // 2 if re.search(r"[\u4e00-\u9fff]", key) else _ONCE_MIN_CHARS)
        if step in keep:
            lead = " ".join(event.text.strip().split("\n")[0].split())
            if (long and "\n" in event.text.strip() and len(lead) >= _ONCE_MIN_CHARS // 2
                    and any(_masked(lead) in _masked(r) for r in earlier)):  # fmt: skip
                first = _sentences(event.text.strip().split("\n")[0])[0].strip()
                out.append(event.model_copy(update={"text": t(lang, "said_before_unchanged", gist=first)}))
            elif long and not in_full and any(key in r for r in (" ".join(x.split()) for x in replies)):
                # the same steps word for word, figures included ("so which should we use?" after "how do I
                # start?"): the recommendation is unchanged, so its gist and a pointer back, never a reprint
                out.append(event.model_copy(update={"text": t(lang, "said_before_unchanged", gist=_gist(event.text))}))
            else:
                out.append(event)
            continue
        if not long or not any((_masked(key) if figures else key) in r for r in earlier):
            out.append(event)
            continue
        out.append(event.model_copy(update={"text": t(lang, "said_before", gist=_gist(event.text))}))
    return out


_NUMBERED = re.compile(r"^\s*\d+[.)]\s*")
_FIRST_ITEM = re.compile(r"^[^.。]{0,60}[:：]\s*1[.)]\s*(.+?)(?=\s*2[.)]\s|$)")


def _gist(text: str) -> str:
    """The first sentence of an answer that says what to use: its first line, unless that line only introduces
    a list ("Step by step, from my current recommendation:"), then the first item, unnumbered."""
    lines = [x.strip() for x in text.strip().split("\n") if x.strip()]
    first = lines[0]
    if first.endswith((":", "：")) and len(lines) > 1:
        first = _NUMBERED.sub("", lines[1])
    inline = _FIRST_ITEM.search(first)  # "To start on Monday: 1. Install Claude … 2. …": the first step
    gist = inline.group(1).strip() if inline is not None else _sentences(first)[0].strip()
    if gist and gist[-1] not in ".!?。！？":
        gist += "。" if re.search(r"[\u4e00-\u9fff]", gist) else "."
    return gist


def message(text: str, lang: str) -> Message:
    """A reply message event in `lang` (en/zh); English sentences start in capitals."""
    text = model_names(text, lang)
    return Message(text=text if lang == "zh" else sentence_case(text), lang="zh" if lang == "zh" else "en")


def t(lang: str, key: str, **values: Any) -> str:
    """A reply template in `lang` (en/zh), filled (agent.prompts first, then the answers side's)."""
    code = "zh" if lang == "zh" else "en"
    template = TEMPLATES[code].get(key)
    return (template if template is not None else ANSWER_TEMPLATES[code][key]).format(**values)


def label(path: str, lang: str) -> str:
    en, zh = FIELD_LABELS.get(path, (path, path))
    return zh if lang == "zh" else en


def usd(value: float) -> str:
    return f"${value:,.2f}" if value < 100 else f"${value:,.0f}"


def format_value(path: str, value: Any, lang: str, shown: str | None = None) -> str:
    """A requirement value for people, in their language and currency: "$300/month", "¥5,000/月（约
    $704）", "2 秒", "600,000/month", "摘要", "是"."""
    words = VALUE_WORDS["zh" if lang == "zh" else "en"]
    zh = lang == "zh"
    if path == "budget.monthly_usd" and value is not None and float(value) == 0:  # "不想花钱": free plans, never "¥0（约 $0.00）"
        return words["zero_budget"]
    if shown and path.startswith("budget.") and value is not None:
        per = words["per_month"] if path == "budget.monthly_usd" else ""
        approx = f"（约 {usd(float(value))}）" if zh else f" (about {usd(float(value))})"
        return f"{shown}{per}{approx}"
    if shown and path in ("languages", "volume.requests_per_month", "location"):
        return (
            shown  # "中文（含粤语）", "3,000/月（按高峰月估算，平时更少）": said more exactly than the value
        )
    if path == "task_type" and isinstance(value, str):
        return shown or task_name("zh" if zh else "en", value)  # "语音转文字，再写摘要（纪要）"
    names = VALUE_NAMES.get(path)
    if names is not None and value is not None:
        items = value if isinstance(value, list | tuple) else [value]
        sep = "、" if zh else ", "
        return sep.join(dict.fromkeys(names.get(str(v), (str(v), str(v)))[1 if zh else 0] for v in items)) or "—"
    if value is None:
        return words["none_budget"] if path.startswith("budget.") else words["none_latency"]
    if isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if path == "budget.monthly_usd" and float(value) == 0:
        return words["zero_budget"]
    if path == "budget.monthly_usd":
        return usd(float(value)) + words["per_month"]
    if path == "budget.per_1k_requests_usd":
        return usd(float(value))
    if path == "latency.p95_seconds":
        return f"{float(value):g} 秒" if zh else f"{float(value):g} s"
    if path == "volume.requests_per_month":
        return f"{float(value):,.0f}{words['per_month']}"
    if isinstance(value, float | int) and path.endswith(("fraction", "target", "utilization")):
        return f"{float(value):.0%}"
    if isinstance(value, int | float):
        return f"{value:,}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def table_rows(requirements: Mapping[str, Slot], lang: str) -> list[RequirementRow]:
    """The requirements as understood, in a stable order (labelled fields first)."""
    order = {p: i for i, p in enumerate(FIELD_LABELS)}
    task_slot = requirements.get("task_type")
    task = task_slot["value"] if task_slot is not None else None
    rows = []
    for path in sorted(requirements, key=lambda p: (order.get(p, len(order)), p)):
        slot = requirements[path]
        value = slot_text(path, slot, lang)
        if path == "use_case":  # a few words (task + subject), not the person's whole message echoed
            value = use_case_summary(str(slot["value"] or ""), str(task or ""), lang) or value
        rows.append(
            RequirementRow(
                field=path,
                label=label(path, lang),
                value=value,
                provenance=slot["provenance"],
                evidence=slot["evidence"],
            )
        )
    return rows


def noted(requirements: Mapping[str, Slot], paths: Sequence[str], lang: str) -> str:
    """ "Budget: $300/month, Task: classification" for the paths just changed (use_case left out)."""
    sep, colon = ("，", "：") if lang == "zh" else (", ", ": ")
    return sep.join(
        f"{label(p, lang)}{colon}{slot_text(p, requirements[p], lang)}"
        for p in paths
        if p in requirements and p != "use_case"
    )


_HEDGED = re.compile(APPROXIMATE, re.IGNORECASE)
"""A figure said with a hedge before it ("maybe 500 pesos a month?", "around £30"): approximate."""


def slot_text(path: str, slot: Mapping[str, Any], lang: str) -> str:
    """A held requirement as people read it (`format_value`); a budget said with a hedge ("Budget maybe
    500 pesos a month?") is said back as approximate ("roughly ₱500/month")."""
    text = format_value(path, slot["value"], lang, slot.get("shown"))
    if path == "budget.monthly_usd" and slot["value"] and _HEDGED.search(str(slot.get("evidence") or "")):
        return ("大约 " if lang == "zh" else "roughly ") + text
    return text


def changes(before: Mapping[str, Slot], after: Mapping[str, Slot], paths: Sequence[str], lang: str) -> str:
    """ "Monthly budget: $300/month → $200/month" for each corrected path."""
    sep, colon = ("，", "：") if lang == "zh" else (", ", ": ")
    out = []
    for p in paths:
        if p not in before or p not in after:
            continue
        old = format_value(p, before[p]["value"], lang, before[p].get("shown"))
        new = format_value(p, after[p]["value"], lang, after[p].get("shown"))
        if p == "use_case":  # a few words, as in the table, not the person's first message echoed
            task = str(after["task_type"]["value"] or "") if "task_type" in after else ""
            old = use_case_summary(str(before[p]["value"] or ""), task, lang) or old
            new = use_case_summary(str(after[p]["value"] or ""), task, lang) or new
        out.append(f"{label(p, lang)}{colon}{old} → {new}")
    return sep.join(out)


MINOR_DATA = frozenset({"internal", "public", "source_code"})
"""Data kinds a foreign-law warning matters little for (no personal or confidential data): the chat
says the warning matters only for confidential or personal data."""


def jurisdiction_words(lang: str, params: Mapping[str, Any]) -> str:
    """ "Singapore (its parent group: China)": whose law a jurisdiction risk names, in `lang`."""
    regions = REGION_NAMES[_lang(lang)]
    where, parent = str(params.get("jurisdiction")), params.get("parent")
    words = t(lang, "law_where", where=regions.get(where, where))
    if isinstance(parent, str) and parent != where:
        words += t(lang, "law_parent", parent=regions.get(parent, parent))
    return words


def chat_warnings(c: Candidate, lang: str) -> list[str]:
    """The candidate's warnings as the chat shows them: the explainer's labels, except a foreign-law
    warning on data that is neither personal nor confidential, which says it matters only for such data."""
    out = []
    for r in c.risk_codes:
        data = r.params.get("data")
        if r.code in JURISDICTION_RISKS and isinstance(data, str) and data in MINOR_DATA:
            out.append(t(lang, "warning_minor_label", law=jurisdiction_words(lang, r.params)))
        else:
            out.extend(warning_labels(_lang(lang), [r]))
    return out


def model_label(c: Candidate, lang: str) -> str:
    """The model's name with its warnings in the chat's language, as the chat names it (the same words
    as its shortlist row, `ShortlistRow.label`; `c.warnings` are in the report's language)."""
    return with_warnings(c.model, chat_warnings(c, lang))


def shortlist_rows(
    candidates: Sequence[Candidate],
    lang: str,
    currency: str | None = None,
    picks: tuple[str | None, str | None] = (None, None),
) -> list[ShortlistRow]:
    """The candidates as shortlist rows, where they run said in `lang`; `picks` are the model keys of
    the quality pick and the value pick, named on their rows."""
    rows = []
    for c in candidates:
        role = (
            t(lang, "row_quality_pick")
            if c.model_key == picks[0]
            else t(lang, "row_value_pick")
            if c.model_key == picks[1]
            else ""
        )
        where = (
            t(lang, "self_hosted")
            if c.self_hosted
            else t(lang, "via", provider=provider_display(c.provider_name, c.provider, _lang(lang)))
        )
        rows.append(
            ShortlistRow(
                rank=c.rank,
                model=model_names(c.model, lang),
                offering_id=c.offering_id,
                where=where,
                monthly_usd=c.monthly_cost_usd,
                quality=c.quality,
                latency=c.latency_class,
                self_hosted=c.self_hosted,
                currency=currency,
                warnings=tuple(chat_warnings(c, lang)),  # in the chat's language
                role=role,
            )
        )
    return rows


def common_warnings(rows: Sequence[ShortlistRow]) -> tuple[list[ShortlistRow], list[str]]:
    """The warnings every row of a shortlist of two or more carries ("confidential data would go to a provider
    under the law of the US"), taken off the rows to be said once above them; the rows unchanged otherwise."""
    if len(rows) < 2:
        return list(rows), []
    common = [w for w in rows[0].warnings if all(w in r.warnings for r in rows[1:])]
    if not common:
        return list(rows), []
    kept = [r.model_copy(update={"warnings": tuple(w for w in r.warnings if w not in common)}) for r in rows]
    return kept, common


def cost_text(value: float | None, lang: str, currency: str | None = None) -> str:
    """A US-dollar cost, in the person's currency first when they gave their budget in another one."""
    if value is None:
        return t(lang, "cost_unknown")
    if currency and currency != "USD":
        return monthly_in(value, "zh" if lang == "zh" else "en", currency)
    return usd(value)


def person_currency(requirements: Mapping[str, Slot], lang: str | None = None) -> str | None:
    """The currency the person gave their budget in; without one, their place's money when they said where
    they are, else yuan in a Chinese chat (the budget choices were offered in yuan); None: US dollars."""
    for path in ("budget.monthly_usd", "budget.per_1k_requests_usd"):
        slot = requirements.get(path)
        shown = slot.get("shown") if slot is not None else None
        if shown and (code := currency_of(shown)) is not None:
            return code
        if slot is not None and slot.get("provenance") == "stated" and slot.get("value"):
            return None  # a budget said in dollars (a zero budget names no currency)
    where = requirements.get("location")
    if where is not None and where.get("value") in LOCAL_CURRENCY:  # a person in Taipei: NT$, not yuan
        return LOCAL_CURRENCY[str(where["value"])]
    if where is not None and where.get("value") == "other" and where.get("shown") in OTHER_PLACE_CURRENCY:
        return OTHER_PLACE_CURRENCY[str(where["shown"])]  # "a school in Pune": rupees
    return "CNY" if lang == "zh" else None


LOCAL_CURRENCY: dict[str, str | None] = {"cn": "CNY", "hk": "HKD", "tw": "TWD", "sg": "SGD", "us": None, "ca": "CAD",
                                         "uk": "GBP", "eu": "EUR", "au": "AUD"}  # fmt: skip
"""The money of each place a person can be (`Requirements.location`), for prices before they name a budget."""
OTHER_PLACE_CURRENCY: dict[str, str] = {"India": "INR", "印度": "INR", "the Philippines": "PHP", "菲律宾": "PHP"}
"""The money of a place kept by name under `location` "other" (the brain's place table), for the places whose
law the answers name (India: `about_law_in`, the Philippines: `about_law_ph`, and the prices in their money)."""


def render_plain(events: Sequence[AnyEvent], lang: str) -> str:
    """A turn's events as one plain-text reply (tool steps and reports are left to rich front ends)."""
    parts: list[str] = []
    for e in events:
        if isinstance(e, Message):
            parts.append(e.text)
        elif isinstance(e, Question):
            lines = [e.text]
            lines.extend(f"  {i}. {o}" for i, o in enumerate(e.options, 1))
            if e.default:
                lines.append(t(lang, "default_hint", default=e.default))
            parts.append("\n".join(lines))
        elif isinstance(e, RequirementsTable):
            parts.append("\n".join(f"  - {r.label}: {r.value} ({r.provenance_words(lang)})" for r in e.rows))
        elif isinstance(e, Shortlist):
            lines = [t(lang, "shortlist")]
            lines.extend(  # numbered as shown; a row further down the ranking says its rank
                f"  {i}. {r.label}{t(lang, 'row_rank', rank=r.rank) if r.rank != i else ''} — {r.where} — "
                f"{cost_text(r.monthly_usd, lang, r.currency)}"
                for i, r in enumerate(e.rows, 1)
            )
            parts.append("\n".join(lines))
    return "\n\n".join(p for p in parts if p)

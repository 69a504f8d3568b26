"""The script of Chinese replies: Traditional Chinese, with Taiwan's usage (or Hong Kong's), for a
person who writes Traditional Chinese, is in Taiwan or Hong Kong, or asks for it; Simplified otherwise.

Replies are written once, in Simplified Chinese; the conversion (tools.report.script, the OpenCC step
the reports use) is the last step, applied to every event a node stores (agent.graph.storing_events)
and to the transcript's reply, so every front end shows the same script.
"""

from __future__ import annotations

import re
from typing import Any

from whichmodel.tools.report.script import CONFIGS, for_place, written_in

ASKS_TRADITIONAL = re.compile(
    r"(?:用|以|改用|改成|換成|换成|請用|请用|寫成|写成)\s*(?:繁[體体]|正[體体])"
    r"|(?:繁[體体]|正[體体])(?:中文|字)?\s*(?:回答|回覆|回复|答覆|答复|答|寫|写|說|说|顯示|显示)"
    r"|\b(?:in|use)\s+traditional\s+chinese",
    re.I,
)
"""A request to be answered in Traditional Chinese ("可以用繁體中文回答嗎", "请用繁体回复")."""
ASKS_SIMPLIFIED = re.compile(
    r"(?:用|以|改用|改成|換成|换成|請用|请用|寫成|写成)\s*[简簡][体體]"
    r"|[简簡][体體](?:中文|字)?\s*(?:回答|回覆|回复|答|寫|写|說|说)"
    r"|\b(?:in|use)\s+simplified\s+chinese",
    re.I,
)
"""A request to be answered in Simplified Chinese."""
CANTONESE = re.compile(r"[係嘅唔咗喺冇啲咩睇諗俾搵噉嘢畀揾]")
"""Characters of written Cantonese: a person who writes them reads Hong Kong's usage."""

_GREETING_ONLY = re.compile(r"[\s\W]*(?:你好|您好|嗨|哈囉|哈啰|hi|hello|hey)?[\s\W]*", re.I)
"""What is left of "你好，请用繁体回复" once the request is taken out: nothing to answer."""

_KEEP = frozenset({"type", "field", "offering_id", "evidence", "model", "name", "lang", "citations"})
"""Event fields that are codes, ids or the person's own words: never converted."""


def reply_script(
    text: str, previous: str | None, asked_before: bool, location: str | None
) -> tuple[str | None, bool]:
    """The script replies use after this message ("tw", "hk", or None for Simplified) and whether it
    is the person's explicit choice (which then outlasts what later messages are written in)."""
    place = "hk" if location == "hk" or (location != "tw" and CANTONESE.search(text)) else "tw"
    if ASKS_SIMPLIFIED.search(text):
        return None, True
    if ASKS_TRADITIONAL.search(text):
        return place, True
    if asked_before:
        return (place if previous else None), True
    if location in CONFIGS:
        return location, False
    if written_in(text) == "traditional":
        return place, False
    return previous, False


def asks_script(text: str) -> bool:
    """Whether the message asks for a script of Chinese."""
    return bool(ASKS_TRADITIONAL.search(text) or ASKS_SIMPLIFIED.search(text))


def without_script_request(text: str) -> str:
    """The message with the sentence that asks for a script taken out ("…免費的夠不夠？可以用繁體中文回答嗎"
    -> "…免費的夠不夠？"), so the rest is answered as it is."""
    parts = re.split(r"(?<=[。？！?!；;\n])", text)
    rest = "".join(p for p in parts if not asks_script(p)).strip()
    return "" if _GREETING_ONLY.fullmatch(rest) else rest


def converted(text: str, lang: str, script: str | None) -> str:
    """A reply text in the person's script (unchanged unless Chinese to be shown in Traditional)."""
    return for_place(text, lang, script) if script else text


def events_in_script(events: list[dict[str, Any]], lang: str, script: str | None) -> list[dict[str, Any]]:
    """Event dumps with every text in the person's script (codes, ids and quoted words kept)."""
    if lang != "zh" or not script:
        return events
    return [_convert(e, lang, script) for e in events]


def _convert(value: Any, lang: str, script: str) -> Any:
    if isinstance(value, str):
        return converted(value, lang, script)
    if isinstance(value, list):
        return [_convert(v, lang, script) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in _KEEP else _convert(v, lang, script)) for k, v in value.items()}
    return value

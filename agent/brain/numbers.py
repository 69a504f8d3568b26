"""Numbers as people write them, in English and Chinese, found in text with their character spans.

Handles Arabic numerals with thousands separators and decimals ("20,000", "1.5"), magnitude
suffixes ("20k", "1M", "2.5 million", "1.5万", "2w", "3千"), Chinese numerals ("两万", "三千五",
"十万", "百万", "一亿", "零点五"), and a few English number words ("two", "a thousand", "half").

The text given to `find_numbers` must already be normalised with `normalize` (NFKC, so full-width
digits are ASCII) and lower-cased; spans index into that text.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from whichmodel.agent.brain.hant import to_simplified

MAX_MESSAGE_CHARS = 12_000
"""The longest message read (whole). A longer one is refused with this limit named, never cut: a
budget change at the end of a long paste must not be lost silently."""


class MessageTooLong(ValueError):
    """A message over MAX_MESSAGE_CHARS: refused, not read in part."""

    def __init__(self, length: int) -> None:
        super().__init__(f"the message has {length:,} characters; the limit is {MAX_MESSAGE_CHARS:,}")
        self.length = length


MAX_VALUE = 1e15
"""Larger figures are not read as numbers: no budget, volume or size is near it, and "9" * 400 would
otherwise be infinity (float("9" * 400) is inf), which no requirement may hold."""


@dataclass(frozen=True)
class Number:
    """A number found in text: its value and the [start, end) span of the characters it came from."""

    value: float
    start: int
    end: int


_SLANG_SUMS = re.compile(r"(?<![A-Za-z])(?:a|one)\s+(tenner|fiver)(?![A-Za-z])", re.IGNORECASE)
_SLANG_SUM_TEXT = {"tenner": "£10", "fiver": "£5"}
"""British slang for a sum ("under a tenner a month"), written as the sum it names."""


def normalize(message: str) -> str:
    """NFKC-normalise and drop control characters (keeping newlines and tabs); the whole text is kept
    (a message over the limit is refused before it is read, see agent.nodes.understanding).

    The Chinese full-width comma becomes "; " rather than "," so that "一万，300美元" is never read
    as one number with a thousands separator.
    """
    text = message.replace("，", "; ").replace("、", " 、 ")
    text = to_simplified(unicodedata.normalize("NFKC", text))  # "查詢" is read as "查询"
    text = _SLANG_SUMS.sub(lambda m: _SLANG_SUM_TEXT[m.group(1).lower()], text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))


def lower_aligned(text: str) -> str:
    """Lower-case without changing the length, so spans stay valid in both strings."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_SUFFIX = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
    "billion": 1e9, "hundred": 1e2, "w": 1e4, "千": 1e3, "百": 1e2, "万": 1e4, "亿": 1e8, "十": 10,
}  # fmt: skip

# An Arabic number, then an optional magnitude: English ("k", "million") or Chinese ("万", "千万"). A number
# written straight after a currency letter ("R500" rand, "Rs.500" rupees) is a number too.
_ARABIC = re.compile(
    r"(?:(?<![a-z0-9_.])|(?<=(?<![a-z0-9])r)|(?<=(?<![a-z0-9])rs)|(?<=(?<![a-z0-9])rs\.))(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:\s?((?:hundred\s+)?(?:thousand|million|billion)|hundred|mil|mn|bn)(?![a-z])|(k|m|b|w)(?![a-z])"
    r"|([千百万亿]+)(?![零〇一二两三四五六七八九]))?"
)
# Approximate Chinese figures: "三四十" (30-40), "两三千" (2,000-3,000), "一两百" (100-200), "上千" (1,000 or more),
# "几百" (a few hundred), "十几" (ten-odd). The upper end of a range is read: it is the figure a cost
# or a context size has to hold.
_CN_RANGE = re.compile(r"([一二两三四五六七八])([二两三四五六七八九])([十百千万]|十万|百万|千万)?(?![零〇一二两三四五六七八九十百千万亿])")
_CN_APPROX = {"上千": 1e3, "上万": 1e4, "上百": 1e2, "几十": 30.0, "几百": 300.0, "几千": 3e3, "几万": 3e4,
              "十几": 15.0, "数十": 30.0, "数百": 300.0, "数千": 3e3, "数万": 3e4, "上百万": 1e6, "几十万": 3e5,
              "几百万": 3e6, "上千万": 1e7, "几千万": 3e7, "数千万": 3e7, "数百万": 3e6, "上十万": 1e5,
              "上亿": 1e8, "几亿": 3e8, "百几": 150.0, "一百几": 150.0, "千几": 1500.0, "一千几": 1500.0}  # fmt: skip
"""(百几: 100–199, read as its middle, about 150; "一百多", like "两百多", stays at its round figure.)"""
_CN_APPROX_RE = re.compile("|".join(sorted(_CN_APPROX, key=len, reverse=True)))
_EN_APPROX = {"a few": 3.0, "several": 3.0, "a couple of": 2.0, "a couple": 2.0, "a few dozen": 36.0,
              "dozens of": 36.0, "dozens": 36.0}
"""Indefinite English quantities before a scale ("a few hundred" 300, "several thousand" 3,000,
"a couple of hundred" 200) or alone ("a few dozen" 36), as people mean them for a cost estimate."""
_EN_APPROX_RE = re.compile(
    r"(?<![a-z])(a\s+few\s+dozen|dozens(?:\s+of)?|a\s+few|several|a\s+couple(?:\s+of)?)"
    r"(?:\s+(hundred|thousand|million))?(?![a-z])"
)
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二两三四五六七八九]+)?")
_WORD_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_WORD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_WORD = "|".join([*_WORD_UNITS, *_WORD_SCALES])
_WORDS = re.compile(
    r"(?<![a-z])(?:half\s+a|an?|" + "|".join(_WORD_UNITS) + r")(?:(?:[\s-]+|\s+and\s+)(?:" + _WORD + r"))*(?![a-z])"
)
"""A run of English number words: "five hundred thousand", "two hundred and fifty", "twenty-five"."""
_WORD_TOKEN = re.compile(r"half\s+a|[a-z]+")


_BARE_SCALE = re.compile(r"(?<![a-z])(hundred|thousand)(?![a-z])")
"""A scale word alone, as people say it in a hurry ("hundred euros a month?", "thousand a day"): one of it."""


def parse_chinese(numeral: str) -> float | None:
    """Value of a Chinese numeral ("两万" 20000, "三千五" 3500, "一万五" 15000, "百万" 1e6), or None.

    A trailing digit right after a unit is the colloquial abbreviation for the next unit down
    ("三千五" = 3500, "一万五" = 15000), as speakers mean it.
    """
    if "点" in numeral:
        whole, _, frac = numeral.partition("点")
        head = parse_chinese(whole) if whole else 0.0
        if head is None or any(ch not in _CN_DIGITS for ch in frac):
            return None
        return head + float("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    if not any(ch in _CN_DIGITS or ch in _CN_SMALL for ch in numeral):
        return None  # a bare "万" or "亿" is a word ("万一"), not a number
    total = 0.0  # completed 亿 groups
    wan = 0.0  # completed 万 group below the current 亿
    section = 0.0  # below 万
    digit: float | None = None
    last_unit = 0.0
    after_zero = False
    for ch in numeral:
        if ch in _CN_DIGITS:
            if digit is not None:  # "一二" is not a numeral form people write
                return None
            digit = float(_CN_DIGITS[ch])
            if ch in "零〇":
                after_zero = True
                digit = None
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            section += (1.0 if digit is None else digit) * unit
            digit, last_unit, after_zero = None, unit, False
        else:
            unit = _CN_LARGE[ch]
            group = section + (digit or 0.0)
            if group == 0 and not (unit == 1e8 and wan):
                return None  # "万一" (in case), "亿万": a large unit needs a number before it
            if unit == 10_000:
                wan += group * unit
            else:
                total = (total + wan + group) * unit
                wan = 0.0
            section, digit, last_unit, after_zero = 0.0, None, float(unit), False
    if digit is not None:
        section += digit * (last_unit / 10 if last_unit >= 10 and not after_zero else 1.0)
    return total + wan + section


def word_number(run: str) -> tuple[float, int] | None:
    """The value of the longest well-formed number at the start of a run of number words, and where it
    ends: "five hundred thousand" 500,000, "two hundred and fifty" 250, "one million two hundred
    thousand" 1,200,000, "half a million" 500,000. A bare "a"/"an"/"half a" counts only before a scale;
    the run stops at the first word that cannot continue it ("five five": 5)."""
    total, group, end = 0.0, 0.0, 0
    last = ""  # kind of the last word read: head, unit, tens, hundred, big
    big = math.inf  # the last big scale applied: they must fall ("million ... thousand")
    for m in _WORD_TOKEN.finditer(run):
        word = re.sub(r"\s+", " ", m.group(0))
        if word in ("a", "an", "half a"):
            if last:
                break
            group, last = (0.5 if word == "half a" else 1.0), "head"
            continue
        if word == "and":
            if last not in ("hundred", "big"):
                break
            continue
        if word in _WORD_UNITS:
            value = _WORD_UNITS[word]
            tens = value >= 20 and value % 10 == 0
            if last in ("unit", "head") or (last == "tens" and (tens or value >= 10)):
                break
            group += value
            last = "tens" if tens else "unit"
        elif word == "hundred":
            if last not in ("unit", "tens", "head") or group >= 100:
                break
            group *= 100
            last = "hundred"
        elif word in _WORD_SCALES:
            scale = _WORD_SCALES[word]
            if last not in ("unit", "tens", "head", "hundred") or scale >= big:
                break
            total += group * scale
            group, big, last = 0.0, scale, "big"
        else:
            break
        end = m.end()
    if last in ("head", "") or end == 0:
        return None
    return total + group, end


_NOT_A_COUNT = re.compile(r"一(?:下|些|点儿?|直|定|样|般|旦|切|起|边|共|律|向|致|再|度|会儿|句话)")
"""Words that start with 一 without counting anything ("总结一下", "一些", "一直")."""


def find_numbers(text: str) -> list[Number]:
    """Every number in `text` (normalised, lower-cased), left to right, spans not overlapping."""
    found: list[Number] = []
    taken = [False] * len(text)

    def add(value: float, start: int, end: int) -> None:
        if any(taken[start:end]):
            return
        if not 0 <= value <= MAX_VALUE:  # also NaN; the span stays free, so no part of it is read
            return
        for i in range(start, end):
            taken[i] = True
        found.append(Number(value, start, end))

    for m in _ARABIC.finditer(text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        word, letter, cjk = m.group(3), m.group(4), m.group(5)
        for suffix in (*(word or "").split(), letter) if not cjk else tuple(cjk):
            if suffix:
                value *= _SUFFIX[suffix]
        add(value, m.start(), m.end())
    for m in _CN_APPROX_RE.finditer(text):
        if m.group(0)[0] in "百千" and m.start() > 0 and text[m.start() - 1] in "零〇二两三四五六七八九":
            continue  # "三百多篇": 300-odd, read by the numeral rules, not "百多" (100-odd)
        add(_CN_APPROX[m.group(0)], m.start(), m.end())
    for m in _CN_RANGE.finditer(text):
        first, second = _CN_DIGITS[m.group(1)], _CN_DIGITS[m.group(2)]
        if second == first + 1:
            magnitude = parse_chinese("一" + m.group(3)) if m.group(3) else 1.0
            add(second * (magnitude or 1.0), m.start(), m.end())
    for m in _CHINESE.finditer(text):
        if m.group(0) == "一" and _NOT_A_COUNT.match(text, m.start()):
            continue  # "总结一下", "一些", "一直": words, not the number one
        chinese = parse_chinese(m.group(0))
        if chinese is not None:
            add(chinese, m.start(), m.end())
    for m in _EN_APPROX_RE.finditer(text):
        head = _EN_APPROX[re.sub(r"\s+", " ", m.group(1))]
        if m.group(2):
            add(head * _WORD_SCALES[m.group(2)], m.start(), m.end())
        elif head >= 12:
            add(head, m.start(), m.end())
    pos = 0
    while (run := _WORDS.search(text, pos)) is not None:
        read = word_number(run.group(0))
        pos = run.end()
        if read is not None:
            add(read[0], run.start(), run.start() + read[1])
            if run.start() + read[1] < run.end():
                pos = run.start() + read[1]  # "five five": the rest is read again
            continue
        head_word = _WORD_TOKEN.match(run.group(0))
        if head_word is not None and head_word.end() < len(run.group(0)):
            pos = run.start() + head_word.end()  # "a one-page summary": "one" is read on its own
            continue
        following = text[run.end() : run.end() + 14].lstrip()
        if re.match(r"(?:an?|half\s+a)$", run.group(0)) and re.match(r"(second|sec|minute|millisecond|cent|penny)", following):
            # "a second", "half a minute", "half a cent per photo"
            add(0.5 if run.group(0).startswith("half") else 1.0, run.start(), run.end())
    for m in _BARE_SCALE.finditer(text):
        before = text[: m.start()].rstrip(" -")
        if before and taken[len(before) - 1]:
            continue  # "five hundred thousand": the scale belongs to the number before it
        add(float(_WORD_SCALES[m.group(1)]), m.start(), m.end())  # "hundred euros a month?"
    found.sort(key=lambda n: n.start)
    return found

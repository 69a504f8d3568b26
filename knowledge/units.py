"""Units every layer shares, stated once: the language type and its detection, exchange rates (dated),
and the factors that turn pages, words and characters into tokens.

This is the lowest layer that needs them (ui -> agent -> tools -> knowledge), so everyone imports them
from here; no other module may hold its own copy of a rate or of the Chinese-text test.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

Lang = Literal["en", "zh"]
"""The two languages the product speaks."""

HAN_CHARS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han (Chinese) characters, as the inside of a regular-expression character class."""
HAN = re.compile(f"[{HAN_CHARS}]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def has_han(text: str) -> bool:
    """Whether the text holds any Chinese character."""
    return HAN.search(text) is not None


_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2026\u00b7]")
"""Chinese (full-width) punctuation: "？？？", "。。。", "……"."""


def detect_language(text: str) -> Lang:
    """Chinese when Han characters are at least as many as Latin words, else English; a message with
    neither (only punctuation: "？？？") is Chinese when its punctuation is full-width."""
    han = len(HAN.findall(text))
    words = len(_LATIN_WORD.findall(text))
    if not han and not words and _CJK_PUNCT.search(text):
        return "zh"
    return "zh" if han and han >= words else "en"


# --- money ------------------------------------------------------------------------------------------

RATES_AS_OF = date(2026, 12, 1)
"""The date the fixed reference rates below were set (not live rates: a budget converted with them is
marked "inferred" and shown with the person's own figure)."""
USD_PER: dict[str, float] = {
    "USD": 1.0,
    "CNY": 1 / 7.1,
    "EUR": 1.08,
    "GBP": 1.27,
    "JPY": 1 / 150,
    "HKD": 1 / 7.8,
    "AUD": 0.65,
    "TWD": 1 / 32,
    "CAD": 1 / 1.4,
    "ZAR": 1 / 18,
    "NZD": 0.59,
    "SGD": 1 / 1.34,
    "INR": 1 / 84,
    "CHF": 1.13,
    "KES": 1 / 129,
    "NGN": 1 / 1550,
    "BRL": 1 / 5.5,
    "MXN": 1 / 18.5,
    "IDR": 1 / 16000,
    "PHP": 1 / 58,
    "VND": 1 / 25500,
    "THB": 1 / 34,
    "MYR": 1 / 4.4,
    "KRW": 1 / 1400,
    "SEK": 1 / 10.5,
    "NOK": 1 / 10.8,
    "DKK": 1 / 6.9,
    "PLN": 1 / 4.0,
    "AED": 1 / 3.6725,
}
"""US dollars for one unit of each currency (ISO code) on RATES_AS_OF: 7.1 CNY, 150 JPY, 7.8 HKD and 32 TWD
(New Taiwan dollars) to the dollar; one EUR is 1.08 USD, one GBP 1.27 USD, one AUD 0.65 USD. Added with the
same date: 1.4 CAD, 18 ZAR (rand), 1.34 SGD and 84 INR to the dollar; one NZD is 0.59 USD, one CHF 1.13 USD.
Added with the same date, to the dollar: 129 KES (Kenyan shillings), 1,550 NGN (naira), 5.5 BRL (reais),
18.5 MXN (Mexican pesos), 16,000 IDR (rupiah), 58 PHP (Philippine pesos), 25,500 VND (dong), 34 THB (baht),
4.4 MYR (ringgit), 1,400 KRW (won), 10.5 SEK, 10.8 NOK, 6.9 DKK (kronor/kroner), 4.0 PLN (zloty) and
3.6725 AED (dirham, pegged). Source: RATES_SOURCE."""
RATES_SOURCE = ("round figures at the level of the ECB euro foreign-exchange reference rates (crossed through "
                "the US dollar), set on RATES_AS_OF; reference figures for a budget, not live rates")
"""Where the fixed rates come from (the ECB publishes a daily reference rate for every currency above but TWD;
TWD is the Central Bank of the Republic of China (Taiwan) figure; KES, NGN, VND and AED, which the ECB does not
publish, are round figures at the level of the Central Bank of Kenya, Central Bank of Nigeria and State Bank of
Vietnam indicative rates and the UAE dirham's fixed peg). Round reference figures: a budget converted with them
is marked "inferred" and shown with the person's own figure."""
SYMBOL: dict[str, str] = {"USD": "$", "CNY": "¥", "EUR": "€", "GBP": "£", "JPY": "JP¥", "HKD": "HK$", "AUD": "A$",
                          "TWD": "NT$", "CAD": "C$", "ZAR": "R", "NZD": "NZ$", "SGD": "S$", "INR": "₹", "CHF": "CHF ",
                          "KES": "KSh ", "NGN": "₦", "BRL": "R$", "MXN": "MX$", "IDR": "Rp ", "PHP": "₱", "VND": "VND ",
                          "THB": "฿", "MYR": "RM ", "KRW": "₩", "SEK": "SEK ", "NOK": "NOK ", "DKK": "DKK ", "PLN": "PLN ",
                          "AED": "AED "}
"""How a figure in each currency is written in English text ("C$200", "R500", "CHF 300")."""


REGION_CURRENCY: dict[str, str] = {
    "cn": "CNY", "hk": "HKD", "tw": "TWD", "sg": "SGD", "ca": "CAD", "uk": "GBP", "eu": "EUR", "au": "AUD", "us": "USD",
}  # fmt: skip
"""The currency people pay in where they are (`Requirements.location` codes): a report for someone in
China says bills in yuan first, the US dollar figure beside it."""


def to_usd(amount: float, currency: str) -> float:
    """`amount` in `currency` (ISO code, any case) as US dollars at the reference rate."""
    return amount * USD_PER[currency.upper()]


def from_usd(amount_usd: float, currency: str) -> float:
    """US dollars as `currency` at the reference rate."""
    return amount_usd / USD_PER[currency.upper()]


def currency_of(shown: str) -> str | None:
    """The currency (ISO code) a figure written by `money` starts with ("€100/month" -> "EUR"; the
    longest symbol first, so "HK$" is not "$"), or the Chinese name it ends with ("3,000港元" -> "HKD");
    None when it has neither."""
    for code, symbol in sorted(SYMBOL.items(), key=lambda kv: -len(kv[1])):
        if re.match(re.escape(symbol) + r"-?\d", shown):  # "R500", not the "R" of a word
            return code
    for code, name in ZH_NAME.items():
        if re.match(r"^[\d,.]+" + name, shown):
            return code
    return None


ZH_NAME: dict[str, str] = {"HKD": "港元", "JPY": "日元", "AUD": "澳元", "TWD": "新台币", "CAD": "加元", "ZAR": "南非兰特",
                           "NZD": "纽元", "SGD": "新加坡元", "INR": "印度卢比", "CHF": "瑞士法郎",
                           "KES": "肯尼亚先令", "NGN": "尼日利亚奈拉", "BRL": "巴西雷亚尔", "MXN": "墨西哥比索", "IDR": "印尼盾",
                           "PHP": "菲律宾比索", "VND": "越南盾", "THB": "泰铢", "MYR": "马来西亚林吉特", "KRW": "韩元",
                           "SEK": "瑞典克朗", "NOK": "挪威克朗", "DKK": "丹麦克朗", "PLN": "波兰兹罗提", "AED": "阿联酋迪拉姆"}
"""Currencies a Chinese text names in words rather than by a Latin symbol ("3,000港元", not "HK$3,000")."""


def money(amount: float, currency: str, lang: str = "en") -> str:
    """ "$1,200", "¥5,000", "€0.50" (in Chinese text "3,000港元"): an amount with its currency."""
    code = currency.upper()
    figure = f"{amount:,.2f}" if abs(amount) < 100 and amount != int(amount) else f"{amount:,.0f}"
    if lang == "zh" and code in ZH_NAME:
        return f"{figure}{ZH_NAME[code]}"
    return f"{SYMBOL.get(code, code + ' ')}{figure}"


# --- text size --------------------------------------------------------------------------------------

DAYS_PER_MONTH = 30
"""Per-day volumes become per-month volumes with 30 days a month (hours: 24 x 30, weeks: 30 / 7)."""
TOKENS_PER_PAGE: dict[Lang, float] = {"en": 700.0, "zh": 800.0}
"""A page of an ordinary document: about 500 English words (~700 tokens), or about 800 Chinese
characters (~800 tokens)."""
TOKENS_PER_WORD: dict[Lang, float] = {"en": 1.3, "zh": 1.0}
"""An English word is about 1.3 tokens; a Chinese "字" (character) about one token."""
SPOKEN_WORDS_PER_MINUTE = 150.0
"""Ordinary speech runs at about 150 words a minute: a transcript's length from the audio minutes."""
TEXT_CHUNK_TOKENS = 1500
"""A monthly amount of text ("50,000 words a month") is planned as requests of this many tokens each
(about two pages): the monthly token total, and so the cost, is what was said; the request count
follows from it."""
TOKENS_PER_CHAR: dict[Lang, float] = {"en": 0.25, "zh": 1.0}
"""About four Latin characters per token; about one token per Chinese character."""

"""A Chinese report in the script of the place its reader is in: Traditional Chinese with Taiwan's
usage for Taiwan (OpenCC `s2twp`: 軟體, 資料) and Hong Kong's for Hong Kong (`s2hk`), Simplified
otherwise. The texts are written once, in Simplified Chinese; the conversion is the last step."""

from __future__ import annotations

import re
from functools import cache

import opencc

CONFIGS = {"tw": "s2twp", "hk": "s2hk"}
"""`Requirements.location` -> OpenCC conversion."""
HTML_LANG = {"tw": "zh-TW", "hk": "zh-HK"}
"""`Requirements.location` -> the HTML `lang` of a Chinese report."""
TW_WORDS = (
    ("質量", "品質"), ("引數", "參數"), ("例項子", "實例子"), ("型別", "類型"), ("賬", "帳"), ("響應", "回應"),
    ("籤資料", "簽資料"), ("籤協議", "簽協議"), ("籤合約", "簽合約"), ("籤數據", "簽數據"), ("籤一份", "簽一份"),
    ("樣例", "範例"), ("個人資訊", "個人資料"),
)
"""Taiwan usage OpenCC's phrase table gets wrong for these texts: 質量 reads as physical mass there
(quality is 品質), 引數 is a function's argument (a model's parameters are 參數), 型別 is a programming
type (a task's kind is 類型), 例項 is a programming instance (真实例子 is 真實例子), 籤 is a tag (to
sign an agreement is 簽), and Taiwan writes 帳 (帳單, 帳戶) and 回應."""


HK_WORDS = (("質量", "質素"), ("默認", "預設"), ("樣例", "範例"), ("籤協議", "簽協議"), ("籤合約", "簽合約"),
            ("户", "戶"), ("賬", "帳"), ("個人信息", "個人資料"), ("信息", "資訊"))
"""Hong Kong usage OpenCC's `s2hk` leaves in mainland words: quality is 質素 there, a default 預設, an
example 範例, to sign an agreement is 簽; 客戶 and 帳號 (s2hk keeps the mainland 户 and 賬), 個人資料 (the
word of the 私隱條例), 資訊 for information."""
WORDS = {"tw": TW_WORDS, "hk": HK_WORDS}


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    """OpenCC's conversion of `text`; characters UTF-8 cannot carry (lone surrogates from a broken paste)
    become '?' first, since OpenCC takes UTF-8."""
    return str(_converter(config).convert(text.encode("utf-8", "replace").decode("utf-8")))


def written_in(text: str) -> str | None:
    """"traditional" or "simplified" when `text`'s Chinese characters lean one way (more characters
    that only one of the two scripts writes that way), None when they do not (no Chinese, or only
    characters both scripts share)."""
    traditional = sum(a != b for a, b in zip(text, _convert("t2s", text), strict=False))
    simplified = sum(a != b for a, b in zip(text, _convert("s2t", text), strict=False))
    if traditional > simplified:
        return "traditional"
    if simplified > traditional:
        return "simplified"
    return None


def for_place(text: str, lang: str, location: str | None) -> str:
    """`text` (a rendered Chinese report) in the script of `location`; unchanged for English or for
    any other place."""
    config = CONFIGS.get(location or "") if lang == "zh" else None
    if config is None:
        return text
    out = _convert(config, text)
    for wrong, right in WORDS.get(location or "", ()):
        out = out.replace(wrong, right)
    return _WEEK.sub("週", out)


_WEEK = re.compile(r"(?<=[\d ×])周(?=[）)，,。 ]|$)")
"""A week after a figure ("每週 1 × 4.3 周"): Traditional Chinese writes 週."""

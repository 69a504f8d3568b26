"""A Chinese report in the script of the place its reader is in: Traditional Chinese with Taiwan's
usage for Taiwan (OpenCC `s2twp`: 軟體, 資料) and Hong Kong's for Hong Kong (`s2hk`), Simplified
otherwise. The texts are written once, in Simplified Chinese; the conversion is the last step."""

from __future__ import annotations

from functools import cache

import opencc

CONFIGS = {"tw": "s2twp", "hk": "s2hk"}
"""`Requirements.location` -> OpenCC conversion."""
HTML_LANG = {"tw": "zh-TW", "hk": "zh-HK"}
TW_WORDS = (("質量", "品質"), ("引數", "參數"))
"""Taiwan usage OpenCC's phrase table gets wrong for these reports: 質量 reads as physical mass there
(quality is 品質), and 引數 is a function's argument (a model's parameters are 參數)."""
"""`Requirements.location` -> the HTML `lang` of a Chinese report."""


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def for_place(text: str, lang: str, location: str | None) -> str:
    """`text` (a rendered Chinese report) in the script of `location`; unchanged for English or for
    any other place."""
    config = CONFIGS.get(location or "") if lang == "zh" else None
    if config is None:
        return text
    out = str(_converter(config).convert(text))
    for wrong, right in TW_WORDS if location == "tw" else ():
        out = out.replace(wrong, right)
    return out

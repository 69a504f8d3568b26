"""Side questions about where a service can be used and who makes it, answered from the makers table
(`knowledge.availability`): "能在国内用吗？", "Claude在台湾能用吗", "can I use it in China?", "Qwen是阿里的那个吗？",
"Kimi是哪个公司的？", "does the Kimi app cost money?". The model asked about is the one named, else
the current pick."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from whichmodel.agent.brain.hant import to_simplified
from whichmodel.agent.brain.lexicon import CROSS_BORDER_CN
from whichmodel.agent.nodes.render import cost_text, t
from whichmodel.knowledge.availability import (
    AS_OF,
    CHINESE_MAKERS,
    MAKERS,
    PLACES,
    Maker,
    maker_named,
    place_named,
)
from whichmodel.knowledge.units import Lang

USE_THERE = re.compile(
    r"(?:能|可以|可不可以|能不能|能否|用得了|用不了|不能|可用|访问|打开|登录|登陆|注册)[^，。？?！!]{0,4}(?:用|使用|访问|打开)?|"
    r"用得了|用不了|用不用|用得到|用不到|有没得用|翻墙|梯子|\bvpn\b|"
    r"\b(?:use|using|used|available|access|accessible|work|works|allowed|blocked|banned|get)\b",
    re.IGNORECASE,
)
"""Words of a question whether a service can be used somewhere (with a place word of PLACE_WORDS)."""

_ASK = re.compile(r"[?？吗]|\b(?:can|could|is|are|does|do|will)\b|能不能|可不可以|行不行|用不用|有没得|得不得", re.IGNORECASE)
_STATE_NOT_ASK = re.compile(
    r"数据必须|必须留在|must\s+stay|has\s+to\s+stay|have\s+to\s+stay|只能(?:在|用)", re.IGNORECASE
)


def asks_use_in_place(question: str) -> str | None:
    """The place code a "can I use it there?" question asks about, or None. "数据必须留在中国境内" states a
    requirement and asks nothing; "翻墙" alone asks about mainland China."""
    q = to_simplified(question)
    if _STATE_NOT_ASK.search(q) and not re.search(r"能用|用得了|翻墙|available|use\s+it", q, re.IGNORECASE):
        return None
    if re.search(r"数据出境|(?:传|发|放|存|上传|转|同步)(?:到|去|给|出)", q) and CROSS_BORDER_CN.search(q):
        return None  # "简历能不能传到香港的服务器上？": data leaving, not whether a service is offered there
    place = place_named(q)
    if place is None or USE_THERE.search(q) is None or _ASK.search(q) is None:
        return None
    if (
        place == "cn"
        and re.search(r"数据|data", q, re.IGNORECASE)
        and not re.search(r"能用|可以用|用得了|用不了|翻墙|use|available|access", q, re.IGNORECASE)
    ):
        return None  # "数据会不会传到国外/中国？": a safety question
    return place


_NAMED_ASK = re.compile(r"[?？吗呢]|得不得|行不行|好不好|可不可以|能不能|用不用得|\b(?:can|could|should|is|are|what\s+about|how\s+about)\b",
                        re.IGNORECASE)  # fmt: skip


def asks_absent_maker(question: str, place: str | None) -> bool:
    """Whether a question asks about a maker's service that is not offered where the person is (`place`, held:
    "ChatGPT得唔得？", "咁Claude呢？" from a tea restaurant in Kwun Tong), with no place word of its own (that is
    `asks_use_in_place`); the answer is the same: not there, and what is offered there instead."""
    if place not in PLACES or place == "cn":
        return False
    q = to_simplified(question)
    named = [mk for mk in MAKERS if re.search(mk.models, q, re.IGNORECASE)]
    return bool(named) and any(place not in mk.offered for mk in named) and _NAMED_ASK.search(q) is not None


def _pick_maker(recommendation: Mapping[str, Any] | None) -> tuple[str, Maker] | None:
    """The current pick's name and maker, when the table knows the maker."""
    picks = (recommendation or {}).get("recommendations") or []
    if not picks:
        return None
    top = picks[0]
    name = str(top.get("model") or "")
    maker = maker_named(f"{name} {top.get('provider') or ''} {top.get('provider_name') or ''}")
    return (name, maker) if maker is not None else None


def _place(code: str, lang: Lang) -> str:
    en, zh = PLACES[code]
    return zh if lang == "zh" else en


def maker_list(makers: tuple[Maker, ...], lang: Lang) -> str:
    """Makers by family and company ("Kimi（月之暗面）、…", "Kimi (Moonshot AI), …")."""
    if lang == "zh":  # "Kimi（月之暗面）": the company without its own bracket
        return "、".join(f"{m.family_zh.split('（')[0]}（{m.zh.split('（')[0]}）" for m in makers)
    return ", ".join(f"{m.family_en.split(' (')[0]} ({m.en.split(' (')[0]})" for m in makers)


def use_in_place_answer(
    question: str, place: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang
) -> str:
    """ "Can I use X in <place>?" from the makers table: yes or no for the model named (else the
    current pick), the makers usable there when it is mainland China, and how to tell the assistant
    so that it keeps only those services."""
    sep = "" if lang == "zh" else " "
    where = _place(place, lang)
    q = to_simplified(question)
    every = sorted(((m.start(), mk) for mk in MAKERS if (m := re.search(mk.models, q, re.IGNORECASE))), key=lambda p: p[0])
    named = every[0][1] if every else None
    pick = _pick_maker(recommendation)
    maker = named or (pick[1] if pick else None)
    parts: list[str] = []
    # "豆包、通义千问在台湾能用吗？": each service named, from the table
    for one in [mk for _, mk in every] or ([maker] if maker is not None else []):
        family = one.family_zh if lang == "zh" else one.family_en
        company = one.zh if lang == "zh" else one.en
        if family.split("（")[0].split(" (")[0] in re.sub(r"^[^（(]*", "", company):  # "DeepSeek（深度求索（DeepSeek，杭州））"
            company = re.sub(r"\s*[（(][^）)]*[）)]$", "", company)
        if named is None and pick is not None:
            family = pick[0]
        key = "place_yes" if place in one.offered else "place_no"
        parts.append(t(lang, key, model=family, maker=company, place=where))
    if maker is not None and place not in maker.offered and place == "cn":
        parts.append(t(lang, "place_no_vpn"))
    usable = tuple(m for m in CHINESE_MAKERS if place in m.offered)
    if place == "cn" and (maker is None or place not in maker.offered):
        parts.append(t(lang, "place_cn_makers", makers=maker_list(usable, lang)))
    elif maker is None:
        abroad = tuple(m for m in MAKERS if m not in CHINESE_MAKERS)
        key = "place_us_yes" if all(place in m.offered for m in abroad) else "place_us_no"
        parts.append(t(lang, key, place=where, makers=maker_list(usable, lang)))
    if place != "cn" and maker is not None and place not in maker.offered:
        # "ChatGPT得唔得？" in Kwun Tong: the makers whose apps are offered there instead (makers table)
        others = tuple(m for m in MAKERS if place in m.offered and m.app_en)
        if others:
            free = all(m.app_month_usd is None for m in others)
            parts.append(t(lang, "place_others_free" if free else "place_others", place=where, makers=maker_list(others, lang)))
            data = raw.get("data") if isinstance(raw.get("data"), Mapping) else {}
            if (data or {}).get("sensitivity") in ("confidential", "restricted"):  # never a personal account for clients' data
                parts.append(t(lang, "place_others_confidential"))
    if pick is not None and named is not None and pick[1] is not named and place not in pick[1].offered:
        parts.append(t(lang, "place_pick_too", model=pick[0], place=where))
    elif pick is not None and named is not None and pick[1] is not named and place in pick[1].offered and place != "cn":
        parts.append(t(lang, "place_pick_ok", model=pick[0], place=where))
    deployment = raw.get("deployment") if isinstance(raw.get("deployment"), Mapping) else {}
    if place == "cn" and (deployment or {}).get("data_residency") != "cn" and raw.get("location") != "cn":
        parts.append(t(lang, "place_tell_cn"))
    parts.append(t(lang, "place_source", as_of=AS_OF))
    return sep.join(parts)


MAKER_ASK = re.compile(
    r"(?P<name>[A-Za-z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){0,2}|[\u4e00-\u9fff]{2,4}?)\s*(?:是|就是)(?:不是)?\s*"
    r"(?:(?:哪个|哪家|什么|谁家|哪里|哪国)(?:的)?(?:公司|厂商|企业|厂家)?(?:的|做的|出的|开发的)|"
    r"谁(?:家)?(?:做|开发|出|搞)的|(?P<guess>[^，。？?！!\s]{1,8}?)(?:的|家的|公司的)(?:那个|那家)?(?:吗|嘛|么|[?？]))|"
    r"who\s+(?:makes|made|built|owns|is\s+behind|runs)\s+(?P<name2>[A-Za-z][\w.\- ]{1,30}?)\s*(?:[?？.!]|$)|"
    r"(?P<name3>[A-Za-z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){0,2}),?\s+(?:[\w ]{0,20}?,\s*)?is\s+(?:that|it|this)\s+"
    r"(?:by\s+|from\s+|made\s+by\s+)?(?P<guess2>[A-Za-z][\w ]{1,25}?)\s*\?"
    r"|\bis\s+(?P<name4>[A-Z][\w.\-]*(?:\s[A-Z0-9][\w.\-]*){0,2})\s+(?:made\s+by\s+|from\s+|by\s+)?"
    r"(?P<guess3>[A-Za-z]+?)(?:'?s)?\s+(?:one|model|thing|ai)\b",
    re.IGNORECASE,
)
"""A question who makes a model ("Qwen是阿里的那个吗？", "Kimi是哪个公司的？", "who makes Kimi?",
"Muse Spark never heard of it, is that facebook meta?")."""


def maker_question(question: str) -> tuple[str, str] | None:
    """(model as written, the company the person guesses or "") of a who-makes-it question, or None."""
    m = MAKER_ASK.search(to_simplified(question))
    if m is None:
        return None
    name = (m.group("name") or m.group("name2") or m.group("name3") or m.group("name4") or "").strip()
    name = re.sub(r"^(?:(?:and|so|also|ok|okay|but|oh|then)(?:\s+|$))+", "", name, flags=re.IGNORECASE)  # "and is it any good…?": no name
    guess = (m.group("guess") or m.group("guess2") or m.group("guess3") or "").strip()
    return (name, guess) if len(name) >= 2 else None


def maker_answer(name: str, guess: str, lang: Lang) -> str | None:
    """Who makes `name`, from the makers table: whether the person's guess is right, the company in
    the person's language, its app and where a business signs up. None: the table does not know it
    (the catalog's what-is answer is the fallback)."""
    maker = maker_named(name)
    if maker is None:
        return None
    family = maker.family_zh if lang == "zh" else maker.family_en
    company = maker.zh if lang == "zh" else maker.en
    app = maker.app_zh if lang == "zh" else maker.app_en
    if guess:
        right = (
            maker_named(guess) is maker
            or re.search(guess, f"{maker.en} {maker.zh}", re.IGNORECASE) is not None
        )
        head = t(lang, "maker_yes" if right else "maker_no", name=name, family=family, maker=company)
    else:
        head = t(lang, "maker_is", name=name, family=family, maker=company)
    console = maker.china_console_zh if lang == "zh" and maker.china_console_zh else ""
    tail = t(lang, "maker_app", app=app, price=maker.app_price_zh if lang == "zh" else maker.app_price_en)
    if console:
        tail += t(lang, "maker_console", console=console)
    return head + ("" if lang == "zh" else " ") + tail


APP_COST = re.compile(
    r"(?:app|应用|软件|网页版?|网站|聊天(?:的那个|网页|页面)?|plan|subscription|会员)[^。.!！]{0,30}?"
    r"(?:要钱|收费|免费|花钱|付费|多少钱|\bcost|\bfree\b|\bpay\b|how\s+much|price)|"
    r"(?:要钱|收费|免费|花钱|付费|\bcost|\bfree\b|\bpay\b)[^。.!！]{0,20}?(?:app|应用|网页|plan|subscription)",
    re.IGNORECASE,
)
"""A question what a chat app costs ("能不能直接用Kimi的手机APP复制粘贴？要钱吗", "is the Claude app free?")."""


def app_cost_answer(
    question: str, recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None = None
) -> str | None:
    """What the chat app of the maker named (else of the current pick) costs a person, from the table,
    in `currency` when the table has the figure; None when neither is known."""
    q = to_simplified(question)
    if APP_COST.search(q) is None:
        return None
    maker = maker_named(q)
    if maker is None:
        pick = _pick_maker(recommendation)
        maker = pick[1] if pick else None
    if maker is None:
        return None
    app = maker.app_zh if lang == "zh" else maker.app_en
    return t(lang, "app_cost", app=app, price=app_price(maker, lang, currency), as_of=AS_OF)


def app_price(maker: Maker, lang: Lang, currency: str | None) -> str:
    """What the maker's chat app costs a person, in the person's currency when the table has the figure
    (its monthly price in US dollars), else the table's words."""
    words = maker.app_price_zh if lang == "zh" else maker.app_price_en
    if maker.app_month_usd is None or not currency or currency == "USD":
        return words
    return t(lang, "app_price_local", price=cost_text(maker.app_month_usd, lang, currency))

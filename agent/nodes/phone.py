"""A person with a phone and no computer ("I only have my phone", "no computer, just my phone", the
`phone_only` fact): the chat app they can install on the phone, named, and how to use it by hand; having it
done automatically is said plainly to need someone with a computer (a developer). Never an account on a
developer site, an API menu or an API key.

Decisions first (`phone_only`, `kinds_asked`), words last (the `phone_*` templates, EN and ZH)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from whichmodel.agent.brain.hant import to_simplified
from whichmodel.agent.nodes import answers, places, render
from whichmodel.agent.nodes.render import t
from whichmodel.knowledge.availability import Maker
from whichmodel.knowledge.units import Lang
from whichmodel.tools.decision.explain import task_name
from whichmodel.tools.report.titles import use_case_summary

STEPS_KINDS = frozenset({"which", "setup", "first_steps", "no_dev", "which_app", "contradiction", "computer",
                         "self_host_no_it", "app_use"})  # fmt: skip
"""Questions whose usual answer may walk a person through API setup (a developer site, a key, a no-code tool):
for a phone-only person, the steps on the phone instead."""
AUTO_KINDS = frozenset({"can_ai", "integration"})
"""Questions about having it done by software: for a phone-only person, that it needs someone with a computer."""

AUTOMATIC = re.compile(
    r"\bautomatic\w*|\bby\s+itself\b|\bon\s+its\s+own\b|\bwithout\s+me\b|\bauto[\s-]?(?:repl|answer|respond|post)\w*|"
    r"\bconnect\w*\s+(?:it\s+)?to\s+(?:my|our|the)\s+(?:page|messenger|whatsapp|instagram|facebook|inbox|shop|website)|"
    r"自动|自己回复|自己回|不用我",
    re.IGNORECASE,
)
"""A question whether it can work without the person ("can it answer customers automatically?")."""
NEEDS_API = re.compile(
    r"\bapi\b|\bapi\s+keys?\b|\ba\s+key\b(?=\s*[?!.]*\s*$)|developer\s+(?:account|site|platform|console)|密钥|开发者",
    re.IGNORECASE,
)
"""A question about the API or its key ("what's an API key? do I need one?")."""
IN_STORE = re.compile(r"\b(?:play\s*store|app\s*store|google\s+play)\b|应用商店|应用市场|应用宝", re.IGNORECASE)
"""Asks whether the app is in the phone's store ("it is in play store?")."""
NEED_IT = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?do\s+(?:i|we)\s+(?:really\s+|even\s+)?need\s+(?:one|it|that|them|an?\s+(?:api|key))\b|"
    r"(?:我|我们)?(?:需要|要)(?:这个|它|吗)", re.IGNORECASE)  # fmt: skip
"""A clause that asks whether the thing just named is needed ("do I need one?"): answered with it."""


def phone_only(raw: Mapping[str, Any]) -> bool:
    """The person said they have only a phone (`phone_only`)."""
    return raw.get("phone_only") is True


def kinds_asked(question: str) -> list[str]:
    """What a phone-only person's question asks that has its own answer here: "auto" (can it do it by itself),
    "api" (the API or a key), in that order; empty when neither."""
    q = to_simplified(question)
    out = []
    if AUTOMATIC.search(q):
        out.append("auto")
    if NEEDS_API.search(q):
        out.append("api")
    if IN_STORE.search(q):
        out.append("store")
    return out


def _app(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang) -> tuple[str, Maker | None]:
    """The app to install (the pick's maker's, offered where the person is; else the apps offered there) and
    its maker (None when it is a list of apps)."""
    top = answers._top(recommendation)
    maker = answers.solo_app_maker(top, raw) if top is not None else None
    if maker is not None:
        return (maker.app_zh if lang == "zh" else maker.app_en), maker
    apps = [a for a in re.split(r"、|, | or |或", answers._pick_app(top, lang, raw).removesuffix(" 等")) if a.strip()]
    if len(apps) < 2:  # "ChatGPT, Claude or Gemini": the first one named, the others said to work the same way
        return apps[0] if apps else answers._pick_app(top, lang, raw), None
    others = ("、" if lang == "zh" else ", ").join(apps[1:-1]) + ("或" if lang == "zh" else " or ") + apps[-1] \
        if len(apps) > 2 else apps[1]
    return t(lang, "phone_app_others", first=apps[0], others=others), None


def _store(raw: Mapping[str, Any], lang: Lang) -> str:
    """Where the app is installed from: the App Store or Google Play; in mainland China (no Google Play) the
    phone's own app store."""
    return t(lang, "phone_store_cn" if raw.get("location") == "cn" else "phone_store")


def _short(app: str) -> str:
    """ "the Claude app (claude.ai)" -> "Claude", for a sentence that says "install Claude"."""
    return re.split(r"、|, | or ", answers._APP_SHORT.sub("", app).strip())[0].removesuffix(" 等")


def _privacy(raw: Mapping[str, Any], lang: Lang, currency: str | None) -> str:
    """What to keep out of the app: for personal or confidential data, names, addresses and phone numbers
    (with the law of where the person is, when the answers name one); else the training switch only."""
    if not answers._sensitive(raw):
        return t(lang, "phone_privacy")
    return t(lang, "phone_privacy_data") + answers.personal_data_law(raw, lang, currency)


def _example(raw: Mapping[str, Any], lang: Lang) -> str:
    use = use_case_summary(str(raw.get("use_case") or ""), str(raw.get("task_type") or ""), lang)
    use = use[:1].lower() + use[1:] if lang == "en" and use[1:2].islower() else use
    return t(lang, "first_steps_example", use=use) if use else t(lang, "first_steps_example_none")


def lead(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str | None:
    """The recommendation for a phone-only person: the app to install and use by hand (its price; on its
    free plan with no budget), what to keep out of it, and that automating it needs someone with a computer
    (at a volume too big for typing by hand, said first). None: not phone-only, or no pick to name."""
    top = answers._top(recommendation)
    if not phone_only(raw) or top is None or top.self_hosted:
        return None
    app, maker = _app(raw, recommendation, lang)
    free = answers.free_only(raw)
    price = ""
    if maker is not None:  # "(free plan with limits; Pro about $20 a month)", "(on its free plan)" with no budget
        words = t(lang, "phone_free_plan") if free else places.app_price(maker, lang, currency)
        price = f"（{words}）" if lang == "zh" else f" ({words})"
    task = (recommendation or {}).get("requirements", {}).get("task_type")
    runs = (
        t(lang, "phone_runs", maker=answers._maker_name(maker, lang), model=top.model,
          task=task_name(lang, task) if isinstance(task, str) else "")
        if maker is not None else ""
    )  # fmt: skip
    requests = answers._requests(raw, recommendation) or 0.0
    cost = render.cost_text(top.monthly_cost_usd, lang, currency)
    busy = requests > answers.HAND_MAX_REQUESTS
    later = t(lang, "phone_auto_busy" if busy else "phone_auto_later", cost=cost, n=f"{requests:,.0f}",
              per_day=answers.per_day_words(requests, lang))  # fmt: skip
    return t(lang, "phone_lead", app=app, price=price, runs=runs, privacy=_privacy(raw, lang, currency), start=t(lang, "phone_start_free" if free else "phone_start"),
             later=later, example=_example(raw, lang), store=_store(raw, lang))  # fmt: skip


def steps(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "How do I set it up?", "how do I start?", "which one should I use?" from a phone-only person: the
    steps on the phone, numbered, and no key, no developer site."""
    app, _maker = _app(raw, recommendation, lang)
    lines = [t(lang, "phone_step_install", app=_short(app), store=_store(raw, lang)), _privacy(raw, lang, currency).strip().removesuffix("."),
             t(lang, "phone_step_paste", example=_example(raw, lang)), t(lang, "phone_step_check"),
             t(lang, "phone_step_save")]  # fmt: skip
    numbered = [f"{i}. {p[:1].upper() + p[1:] if lang == 'en' else p}" for i, p in enumerate(lines, 1)]
    return t(lang, "phone_steps_intro") + "\n" + "\n".join(numbered) + "\n" + t(lang, "phone_no_setup")


def automatic(
    raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None
) -> str:
    """ "Can it answer customers automatically?" from a phone-only person: not from a phone; someone with a
    computer connects it (its bill at their volume, when there is a pick); meanwhile by hand."""
    app, _maker = _app(raw, recommendation, lang)
    top = answers._top(recommendation)
    cost = t(lang, "phone_auto_cost", cost=render.cost_text(top.monthly_cost_usd, lang, currency)) if top is not None else ""
    return t(lang, "phone_auto", app=_short(app), cost=cost)


def no_api(raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang) -> str:
    """ "What's an API key? Do I need one?" from a phone-only person: what it is in a line, and no."""
    app, _maker = _app(raw, recommendation, lang)
    return t(lang, "phone_no_api", app=_short(app))


def answer(
    kind: str, raw: Mapping[str, Any], recommendation: Mapping[str, Any] | None, lang: Lang, currency: str | None,
    question: str = "",
) -> str | None:  # fmt: skip
    """The phone-only answer to a side question of `kind` (an answers-side kind, or "auto" / "api" from
    `kinds_asked`); None when it is not phone-only or the kind has no answer of its own here."""
    if not phone_only(raw):
        return None
    if kind == "auto" or kind in AUTO_KINDS or (kind in STEPS_KINDS and AUTOMATIC.search(to_simplified(question))):
        return automatic(raw, recommendation, lang, currency)
    if kind == "api":
        return no_api(raw, recommendation, lang)
    if kind == "store":  # "it is in play store?": where to get it, and its price
        app, maker = _app(raw, recommendation, lang)
        price = places.app_price(maker, lang, currency) if maker is not None else ""
        return t(lang, "phone_in_store", app=_short(app), store=_store(raw, lang),
                 price=(f"（{price}）" if lang == "zh" else f" ({price})") if price else "")  # fmt: skip
    if kind in STEPS_KINDS:
        return steps(raw, recommendation, lang, currency)
    return None


def answered_clauses(clauses: Sequence[str]) -> list[str]:
    """The question clauses a phone-only answer covers ("do I need one?" after "what's an API key?")."""
    return [c for c in clauses if NEED_IT.search(to_simplified(c)) or NEEDS_API.search(c) or AUTOMATIC.search(c)
            or IN_STORE.search(c)]

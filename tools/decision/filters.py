"""Hard filters: which offerings (or self-hosted models) cannot serve the requirements, and why.

ONE function decides each rule (task, lifecycle, modality, open weights, provider allow-list,
provider trust, data terms, residency, needs, context, price, budget, latency); the API path
(`static_failures`, `price_failures`, `check_offering`) and the self-hosting path
(`self_host_failures`) both call them. Every check returns all the codes an option fails (not only
the first), so the engine can count eliminations (by the first code in `REASONS` order) and work out
what relaxing one constraint would admit. `failure_reason` turns a code into a `Reason` with its
numbers; the words are written by `tools.decision.explain`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from whichmodel.knowledge.availability import NOT_OFFERED_IN_HONG_KONG, NOT_OFFERED_IN_MAINLAND_CHINA
from whichmodel.knowledge.catalog.curated import (
    COMMUNITY_DERIVATIVES,
    PROVIDER_JURISDICTIONS,
    PROVIDER_PARENT_LAWS,
    free_for_production,
)
from whichmodel.knowledge.catalog.schema import Model, Offering
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Param, Reason

# Order matters: the first failing code is the one an elimination is counted under. The price,
# latency and budget codes always come last (they depend on the volume, the rest does not).
REASONS: tuple[str, ...] = (
    "wrong_task",
    "community_derivative",
    "retired",
    "missing_modality",
    "open_weights_required",
    "provider_not_allowed",
    "untrusted_provider",
    "data_terms",
    "residency",
    "tool_calling",
    "structured_output",
    "reasoning",
    "context_too_small",
    "implausible_price",
    "impractical_build",
    "too_many_gpus",
    "no_price",
    "zero_price",
    "too_slow",
    "over_budget",
)
PRICE_REASONS = ("no_price", "zero_price", "too_slow", "over_budget")

TRUSTED_FOR_SENSITIVE = ("maker", "cloud")
"""Tiers whose data terms are published (the maker's own API, enterprise clouds): the only API
offerings for confidential or restricted data."""
SENSITIVE = ("confidential", "restricted")

EMBEDDING_MARKERS = ("embed",)
# Ids of encoders, rerankers, classifiers and speech models: not text generators (a fallback for
# models whose declared purpose the catalog does not know; the purpose decides first).
NON_GENERATIVE_MARKERS = (
    "rerank",
    "guard",
    "moderation",
    "tts",
    "transcribe",
    "whisper",
    "embed",
    "minilm",
    "mini-lm",
    "mpnet",
    "e5-",
    "bge-",
    "gte-",
    "bert",
)


IMAGE_GENERATOR_MARKERS = ("-image", "image-", "banana")
"""Ids of image generators listed as general-purpose (their purpose is not always declared)."""


class Check(NamedTuple):
    """The outcome of the hard filters for one offering (a named tuple: thousands per request)."""

    offering: Offering
    model: Model
    failures: tuple[str, ...]
    monthly_cost: float | None

    @property
    def passes(self) -> bool:
        return not self.failures


# --- one function per rule ----------------------------------------------------------------------


def _names(offering: Offering | None, model: Model) -> str:
    if offering is None:
        return f"{model.key} {model.name}".lower()
    return f"{offering.provider_model_id} {offering.name} {model.key}".lower()


def task_fits(req: Requirements, offering: Offering | None, model: Model) -> bool:
    """Whether the model is the kind the task needs, by its declared purpose first.

    Speech-to-text and moderation take only models declared for that purpose; embeddings and image
    generation also take general-purpose entries whose id or output says so (the catalog's purpose is
    not known for every one); text tasks take general-purpose text generators.
    """
    task, purpose = req.task_type, model.purpose
    outputs = set(offering.output_modalities if offering else model.output_modalities)
    if task == "speech_to_text":
        return purpose == "speech_to_text"
    if task == "moderation":
        return purpose == "moderation"
    if task == "embedding":
        return purpose == "embedding" or (
            purpose == "general" and any(m in _names(offering, model) for m in EMBEDDING_MARKERS)
        )
    if task == "image_generation":
        return purpose == "image_generation" or (purpose == "general" and "image" in outputs)
    if purpose != "general":
        return False
    names = _names(offering, model)
    if "text" not in outputs or any(m in names for m in NON_GENERATIVE_MARKERS):
        return False
    if "image" in outputs and any(m in names for m in IMAGE_GENERATOR_MARKERS):
        return False  # an image generator that also writes text is not a text model
    if "ocr" in names and "image" not in req.input_modalities:
        return False  # OCR models read images; they are not for text-only tasks
    return not (outputs <= {"image", "audio", "video"})


_DERIVATIVES = tuple((re.compile(pattern, re.IGNORECASE), reason) for pattern, reason in COMMUNITY_DERIVATIVES)


def derivative_reason(model: Model) -> str | None:
    """Why the model is a community derivative (an uncensored or abliterated re-upload, a merge, a
    role-play finetune of another maker's weights: `curated.COMMUNITY_DERIVATIVES`), else None. No
    maker stands behind such a model's behaviour, evaluations or terms: never a candidate."""
    names = f"{model.key} {model.name}"
    return next((reason for pattern, reason in _DERIVATIVES if pattern.search(names)), None)


def retired(model: Model, offering: Offering | None, as_of: date) -> bool:
    """Out everywhere: a model or offering past its retirement date, or marked deprecated without a
    future date."""
    if model.retirement_date is not None and model.retirement_date <= as_of:
        return True
    if model.status == "deprecated" and (model.retirement_date is None or model.retirement_date <= as_of):
        return True
    if offering is None:
        return False
    dates = (offering.deprecation_date, offering.retirement_date)
    return offering.deprecated or any(d is not None and d <= as_of for d in dates)


def retirement_date(model: Model, offering: Offering | None) -> date | None:
    """The earliest announced retirement of the model or offering (None: none announced)."""
    dates = [model.retirement_date]
    if offering is not None:
        dates += [offering.retirement_date, offering.deprecation_date]
    known = [d for d in dates if d is not None]
    return min(known) if known else None


def required_inputs(req: Requirements) -> set[str]:
    """Input modalities every surviving option must accept."""
    if req.task_type == "speech_to_text":
        return {"audio"}
    needed: set[str] = set(req.input_modalities)
    if req.task_type == "vision":
        needed.add("image")
    return needed


def modality_ok(req: Requirements, inputs: tuple[str, ...]) -> bool:
    return required_inputs(req) <= set(inputs)


def open_weights_ok(req: Requirements, model: Model) -> bool:
    return model.open_weights or not (req.deployment.open_weights or req.deployment.self_host)


def provider_allowed(provider: str, allowed: tuple[str, ...]) -> bool:
    """An allow-list entry matches the provider id exactly or as its prefix family ('azure' -> 'azure-...')."""
    if not allowed:
        return True
    p = provider.lower()
    return any(p == a.lower() or p.startswith(a.lower() + "-") for a in allowed)


def trusted(req: Requirements, offering: Offering) -> bool:
    """Provider trust: the offering's tier is one the shortlist may use (maker, cloud, host by
    default), or the person named this provider on the allow-list."""
    if offering.tier in req.deployment.provider_tiers:
        return True
    allowed = req.deployment.providers_allowed
    return bool(allowed) and provider_allowed(offering.provider, allowed)


def data_terms_ok(req: Requirements, offering: Offering | None) -> bool:
    """Confidential or restricted data goes only to the maker's API or an enterprise cloud (published
    data terms), or stays in-house (self-hosting: `offering` None)."""
    if req.data.sensitivity not in SENSITIVE or offering is None:
        return True
    return offering.tier in TRUSTED_FOR_SENSITIVE


def residency_ok(req: Requirements, offering: Offering | None, model: Model) -> bool:
    """The required region is the offering's own known region; unknown counts as not met, and the
    maker's other endpoints' regions (`Model.regions`) never vouch for this one. Self-hosting is in
    your region."""
    wanted = req.deployment.data_residency
    if wanted is None or offering is None:
        return True
    return offering.region == wanted


EU_LANGS = frozenset({"de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "fi", "cs", "el", "hu", "ro"})
EU_HOME_LANGS = EU_LANGS - {"es", "pt"}
"""The EU languages whose speakers are mostly in the EU: one of them written first makes the EU the
person's inferred region (`user_region`); Spanish and Portuguese are spoken mostly in the Americas
(an English-and-Spanish US call centre is not in the EU)."""


AIR_GAPPED = re.compile(
    r"air[- ]?gap\w*|\bno internet\b|without (?:an? )?internet|offline network|isolated network|"
    r"离线|断网|不联网|物理隔离|无外网|内网环境",
    re.I,
)
"""A deployment with no connection to the outside, said in the use case (air-gapped, no internet)."""


def data_stays_inside(req: Requirements) -> bool:
    """Self-hosting in a network with no way out (`AIR_GAPPED`): no outside API is a way forward,
    neither as a relaxation nor as the break-even comparison of self-hosting."""
    return req.deployment.self_host and AIR_GAPPED.search(req.use_case) is not None


def api_alternative_ok(req: Requirements, offering: Offering, model: Model) -> bool:
    """An API offering the requirements would allow in place of self-hosting the same model (the
    self-host break-even is against it): a trusted seller, within the data terms, the residency and
    the allow-list, and only when the data may leave at all (`data_stays_inside`)."""
    return (
        not data_stays_inside(req)
        and trusted(req, offering)
        and data_terms_ok(req, offering)
        and residency_ok(req, offering, model)
        and provider_allowed(offering.provider, req.deployment.providers_allowed)
        and not jurisdiction_excluded(req, offering)
    )


def user_region(req: Requirements) -> tuple[str | None, bool]:
    """The person's region and whether it was inferred: the stated residency; else where they said
    they are (`Requirements.location`; 'other' counts as unknown, not inferred); else, from the
    languages, mainland China when Chinese is the first language, the EU when the first is a
    language spoken mostly in the EU (`EU_HOME_LANGS`); else unknown (None)."""
    if req.deployment.data_residency is not None:
        return req.deployment.data_residency, False
    if req.location is not None:
        return (None if req.location == "other" else req.location), False
    if req.languages and req.languages[0] == "zh":
        return "cn", True
    if req.languages[0] in EU_HOME_LANGS:
        return "eu", True
    return None, True


def mainland_endpoint_ok(req: Requirements) -> bool:
    """A maker's mainland-China endpoint (region `cn`) may represent a model only for people in China
    (residency `cn`, or Chinese as the first language with no other stated region); for anyone else,
    EU users above all, the maker's international endpoint is shown when it exists."""
    return user_region(req)[0] == "cn"


def not_offered_to(req: Requirements, offering: Offering | None, model: Model | None = None) -> str | None:
    """For a person taken to be in mainland China (`user_region`: stated, a `location`, or Chinese
    written first): 'documented' when the provider's own country list leaves mainland China out, or
    the closed model's maker's does (it binds every reseller:
    `knowledge.availability.NOT_OFFERED_IN_MAINLAND_CHINA`), 'us_provider' for another provider under
    US law (US AI APIs are generally not offered there: to be checked); for one in Hong Kong,
    'documented' when the closed model's maker's list leaves Hong Kong out
    (`NOT_OFFERED_IN_HONG_KONG`); else None. Self-hosting (`offering` None) is offered anywhere."""
    region = user_region(req)[0]
    if offering is None or region not in ("cn", "hk"):
        return None
    closed = model is not None and not model.open_weights
    if region == "hk":
        return "documented" if closed and model is not None and model.maker in NOT_OFFERED_IN_HONG_KONG else None
    if offering.provider in NOT_OFFERED_IN_MAINLAND_CHINA or (closed and model is not None
                                                                and model.maker in NOT_OFFERED_IN_MAINLAND_CHINA):
        return "documented"
    return "us_provider" if jurisdiction(offering) == "us" else None


def jurisdiction(offering: Offering | None) -> str | None:
    """The law the offering's provider answers to (`curated.PROVIDER_JURISDICTIONS`: where the company
    is incorporated, not where the data centre is); None: self-hosted or unknown."""
    if offering is None:
        return None
    entry = PROVIDER_JURISDICTIONS.get(offering.provider)
    return entry[0] if entry else None


def parent_jurisdiction(offering: Offering | None) -> str | None:
    """The law the provider's parent group answers to when it differs from the provider's own
    (`curated.PROVIDER_PARENT_LAWS`: Alibaba Cloud's Singapore edition, owned from China), else None."""
    if offering is None:
        return None
    entry = PROVIDER_PARENT_LAWS.get(offering.provider)
    return entry[0] if entry and entry[0] != jurisdiction(offering) else None


def jurisdiction_excluded(req: Requirements, offering: Offering | None) -> bool:
    """The offering's provider, or its parent group, answers to a law the person ruled out ("no
    China": `deployment.excluded_jurisdictions`); self-hosting (`offering` None) answers to none."""
    laws = {jurisdiction(offering), parent_jurisdiction(offering)} - {None}
    return bool(laws & set(req.deployment.excluded_jurisdictions))


def voice_is_personal(req: Requirements) -> bool:
    """Recordings of people speaking are personal data (a voice identifies its speaker; calls carry
    names and numbers): speech-to-text or audio input with the sensitivity at its default `internal`
    (a stated `public` says they hold none; `confidential`/`restricted` already count). A stated
    assumption of the report (`engine._assumptions`, code `voice_personal_data`)."""
    audio = req.task_type == "speech_to_text" or "audio" in req.input_modalities
    return audio and req.data.sensitivity == "internal"


def foreign_jurisdiction(req: Requirements, offering: Offering | None, *, source_code: bool) -> str | None:
    """What is at stake when confidential or restricted data, or source code, goes to an API under
    another jurisdiction than the person's region, or internal business data to a provider under
    Chinese law for someone outside China: 'confidential' / 'restricted' / 'personal' (voice
    recordings, `voice_is_personal`) / 'source_code' / 'internal', else None. With the region
    unknown, only a provider under Chinese law is named; a parent group's law counts too
    (`parent_jurisdiction`)."""
    region, _ = user_region(req)
    where = jurisdiction(offering)
    parent = parent_jurisdiction(offering)
    if where is None or (where == region and parent in (None, region)):
        return None
    china = "cn" in (where, parent)
    if region is None and not china:
        return None  # the person's region unknown: only a provider under Chinese law (or owned from China) is named
    if req.data.sensitivity in SENSITIVE:
        return req.data.sensitivity
    if voice_is_personal(req):
        return "personal"
    if source_code:
        return "source_code"
    # business data (not public) to a provider under Chinese law, for someone outside China
    return "internal" if china and region != "cn" and req.data.sensitivity == "internal" else None


def needs_failures(
    req: Requirements, *, tool_calling: bool, structured_output: bool | None, reasoning: bool
) -> tuple[str, ...]:
    """The capability needs not met; unknown structured output counts when the model calls tools."""
    failures: list[str] = []
    if req.needs.tool_calling and not tool_calling:
        failures.append("tool_calling")
    structured = structured_output if structured_output is not None else tool_calling
    if req.needs.structured_output and not structured:
        failures.append("structured_output")
    if req.needs.reasoning and not reasoning:
        failures.append("reasoning")
    return tuple(failures)


def _both(offering: bool | None, model: bool | None) -> bool | None:
    """A capability both the maker's facts and the offering allow: False if either says no, None
    when neither says."""
    if offering is False or model is False:
        return False
    if offering is None and model is None:
        return None
    return True


def context_need(req: Requirements) -> int | None:
    """Tokens the context check asks of a model, or None where no context check applies.

    Speech-to-text is measured in audio, not tokens: no check. An embedding model takes one input
    at a time: the per-request input (a chunk) must fit, not a chat context. Else the context the
    requests need (`Requirements.needed_context`)."""
    if req.task_type == "speech_to_text":
        return None
    if req.task_type == "embedding":
        return int(req.volume.input_tokens)
    return req.needed_context


CONTEXT_HEADROOM = 0.10
"""An assumption: a context window should hold the average request (prompt + answer) with at least
this share to spare. The same text counts several percent more tokens on another vendor's tokenizer
than the one its size was measured with, and prompts vary around their average: a window closer than
this overflows on ordinary requests."""


def context_tight(req: Requirements, context: int) -> bool:
    """The window holds what the requests need (`context_ok`) but leaves less than CONTEXT_HEADROOM
    over the average request's prompt + answer (a known window of a model the context check applies
    to; 0 means unknown): the value pick avoids it when a candidate with room exists, and it is a named
    risk (`context_tight`). s07: 262,144 tokens for 245,700 (6% to spare)."""
    if context_need(req) is None or req.task_type == "embedding" or context <= 0 or not context_ok(req, context, 0):
        return False
    request = req.volume.input_tokens + req.volume.output_tokens
    return context < request * (1 + CONTEXT_HEADROOM)


def context_ok(req: Requirements, context: int, max_output: int) -> bool:
    """The context holds what the requests need (`context_need`; a context or a max output of 0 for
    an embedding model, or a max output of 0, means unknown: only a known, too-small limit fails)."""
    need = context_need(req)
    if need is None:
        return True
    if req.task_type == "embedding":
        return context == 0 or context >= need
    return context >= need and not (0 < max_output < req.volume.output_tokens)


def plausible_price(offering: Offering) -> bool:
    """An implausible price (far below the maker's or the median paid price) never makes a model fit;
    a model its maker offers free for production (`curated.FREE_FOR_PRODUCTION`) is priced right at $0."""
    return offering.plausible is not False or free_for_production(offering.provider, offering.model) is not None


PREVIEW_MARKERS = re.compile(r"(?:^|[-_.:/ ])(preview|exp|experimental|beta|alpha)(?:$|[-_.:/ ])", re.IGNORECASE)


def is_preview(model: Model, offering: Offering | None) -> bool:
    """A preview, experimental, beta or alpha release (by the maker's id or the listing's status): it
    may change or be withdrawn without the notice a stable release gets, so a production pick of it
    carries a risk."""
    if offering is not None and offering.status in ("beta", "alpha"):
        return True
    ids = [model.key] + ([offering.provider_model_id] if offering is not None else [])
    return any(PREVIEW_MARKERS.search(i) for i in ids)


_VERSION = re.compile(r"(?<![a-z])v?\d+(?:\.\d+)*[a-z]?(?=$|-)|-\d{4,}")


def family_stem(key: str) -> str:
    """A model key without its preview marker (and what follows it) and its version numbers:
    `gemini-3-flash-preview` and `gemini-3.7-flash` are both `gemini-flash`; `qwen3.6-max-preview` and
    `qwen3.8-max` are `qwen-max`; `gemini-3.5-flash-lite` stays apart (`gemini-flash-lite`)."""
    stem = PREVIEW_MARKERS.split(key.lower(), maxsplit=1)[0]
    stem = re.sub(r"(\d+(?:\.\d+)*)", "", stem)
    return re.sub(r"-{2,}", "-", stem).strip("-._ ")


def stable_sibling(model: Model, models: Iterable[Model], as_of: date) -> Model | None:
    """For a preview model (by its key), a stable (not preview), not retired model of the same family
    (`family_stem`) and maker, the one released under the highest name; None when the model is not a
    preview or its maker has no stable release of that family."""
    if not PREVIEW_MARKERS.search(model.key):
        return None
    stem = family_stem(model.key)
    siblings = [
        m for m in models
        if m.key != model.key and m.purpose == model.purpose and not is_preview(m, None)
        and family_stem(m.key) == stem and not retired(m, None, as_of)
    ]  # fmt: skip
    return max(siblings, key=lambda m: (bool(m.ratings), m.key), default=None)


def is_zero_priced(offering: Offering) -> bool:
    """Both base prices 0: a free tier, a trial or a flat subscription, not a price to plan a budget on
    (a maker's own $0 is usually a rate-limited free tier too, e.g. Gemma on Google's API), unless the
    maker offers the model free for production (a sourced row of `curated.FREE_FOR_PRODUCTION`, e.g.
    OpenAI's moderation endpoint): then $0 is its price."""
    if offering.pricing is None or free_for_production(offering.provider, offering.model) is not None:
        return False
    base = offering.pricing.tiers[0]
    return base.input == 0 and base.output == 0


def budget_fit(monthly: float | None, budget: float | None) -> bool:
    """THE budget rule: a known monthly cost within the budget (`Requirements.monthly_budget_usd`:
    the tighter of the monthly and per-1,000-requests ceilings); no budget, no limit."""
    return budget is None or (monthly is not None and monthly <= budget)


LATENCY_MARGIN = 0.10
"""Latency is estimated, not measured (rough to tens of percent): an estimate up to this share over
the target still passes, as a named risk to measure (`latency_borderline`), so that 20.2 s against a
20 s target does not remove a model on the estimate's noise."""

GUESSED_LATENCY_MARGIN = 0.50
"""The margin for an estimate whose decoding speed is a guess (`guessed_speed`: the model's size is
unknown, so a mid-size speed or a name tier's is assumed). Served closed models decode anywhere from
about half to about twice such a guess, so a model up to this share over the target is kept as a risk
to measure, never removed on the guess: a 10-point quality gap was being settled by two guessed speeds
15 tokens/s apart (expert24, s09: Claude Opus 4.6 at 104.8 s against 90 s, Kimi K2.6 picked)."""


def guessed_speed(basis: str | None) -> bool:
    """The estimate's decoding speed is a guess (`SIZE_UNKNOWN_BASES`), not sized from the model."""
    return any(part.partition(":")[0] in SIZE_UNKNOWN_BASES for part in (basis or "").split(";"))


def latency_margin(basis: str | None) -> float:
    """How far over the target an estimate on this basis still passes (as a risk to measure)."""
    return GUESSED_LATENCY_MARGIN if guessed_speed(basis) else LATENCY_MARGIN


def latency_fit(p95_seconds: float | None, target: float | None, basis: str | None = None) -> bool:
    """THE latency rule: a stated p95 target (`req.latency.p95_seconds`) is a hard constraint on the
    estimate, within `latency_margin` of its basis; an unknown estimate passes (and is said to be unknown)."""
    return target is None or p95_seconds is None or p95_seconds <= target * (1 + latency_margin(basis))


def latency_borderline(p95_seconds: float | None, target: float | None, basis: str | None = None) -> bool:
    """Passes `latency_fit` only thanks to the margin: over the target, to be measured."""
    return (target is not None and p95_seconds is not None
            and target < p95_seconds <= target * (1 + latency_margin(basis)))  # fmt: skip


PRICE_DOUBT_RATIO = 0.5
"""An offering priced under this share of the model's reference price (`Offering.plausibility_ratio`:
the maker's list, or for open weights the median of its paid sellers) is a warning, not a price to
plan on, even where a host running the weights makes it plausible: a promotion, a unit error or a
quantised build (Kimi K2.6 at a third of Moonshot's list)."""


def price_below_typical(offering: Offering | None) -> bool:
    """The offering's price is under `PRICE_DOUBT_RATIO` of the model's reference price."""
    ratio = offering.plausibility_ratio if offering is not None else None
    return ratio is not None and 0 < ratio < PRICE_DOUBT_RATIO


SIZE_UNKNOWN_BASES = frozenset({"name_tier", "size_unknown"})
"""Latency bases (`latency.speeds`) whose speed is a guess: the model's size is not known."""


def latency_near_target(p95_seconds: float | None, target: float | None, basis: str | None) -> bool:
    """Within the target by less than `LATENCY_MARGIN` on the estimate of a model of unknown size
    (its speed guessed from a name tier such as 'Flash', or a mid-size default): too close to call
    on a guess, so borderline and to be measured (2.86 s against 3 s)."""
    if target is None or p95_seconds is None:
        return False
    return guessed_speed(basis) and target * (1 - LATENCY_MARGIN) <= p95_seconds <= target


# --- the API path -------------------------------------------------------------------------------


def static_key(req: Requirements, as_of: date) -> tuple[object, ...]:
    """Everything `static_failures` reads from `req`: equal keys give equal static failures."""
    deployment = req.deployment
    return (
        req.task_type,
        tuple(sorted(required_inputs(req))),
        deployment.open_weights or deployment.self_host,
        deployment.providers_allowed,
        deployment.provider_tiers,
        deployment.data_residency,
        deployment.excluded_jurisdictions,
        req.data.sensitivity in SENSITIVE,
        req.needs.tool_calling,
        req.needs.structured_output,
        req.needs.reasoning,
        req.needed_context,
        req.volume.input_tokens if req.task_type == "embedding" else None,
        req.volume.output_tokens,
        as_of,
    )


def static_failures(req: Requirements, offering: Offering, model: Model, *, as_of: date) -> tuple[str, ...]:
    """The hard constraints `offering` fails whatever the volume (reads only `static_key`'s fields)."""
    failures: list[str] = []
    if not task_fits(req, offering, model):
        failures.append("wrong_task")
    if derivative_reason(model) is not None:
        failures.append("community_derivative")
    if retired(model, offering, as_of):
        failures.append("retired")
    if not (modality_ok(req, offering.input_modalities) and modality_ok(req, model.input_modalities)):
        failures.append("missing_modality")  # the maker's facts AND this offering's
    if not open_weights_ok(req, model):
        failures.append("open_weights_required")
    if not provider_allowed(offering.provider, req.deployment.providers_allowed) or jurisdiction_excluded(req, offering):
        failures.append("provider_not_allowed")
    if not trusted(req, offering):
        failures.append("untrusted_provider")
    if not data_terms_ok(req, offering):
        failures.append("data_terms")
    if not residency_ok(req, offering, model):
        failures.append("residency")
    failures += needs_failures(
        req,
        tool_calling=offering.tool_calling and model.tool_calling,
        structured_output=_both(offering.structured_output, model.structured_output),
        reasoning=offering.reasoning and model.reasoning,
    )
    if model.context_applies and not context_ok(req, offering.context, offering.max_output):
        failures.append("context_too_small")
    if not plausible_price(offering):
        failures.append("implausible_price")
    return tuple(failures)


def price_failures(
    offering: Offering,
    monthly_cost: float | None,
    p95_seconds: float | None,
    *,
    budget: float | None,
    target: float | None,
    basis: str | None = None,
) -> tuple[str, ...]:
    """The volume-dependent constraints: no price, a $0 listing, the latency target (within the margin
    of the estimate's `basis`), the budget (`budget` and `target` as read from the requirements once
    per request)."""
    if monthly_cost is None:
        return ("no_price",)
    if is_zero_priced(offering):
        return ("zero_price",)
    if latency_fit(p95_seconds, target, basis):
        return () if budget_fit(monthly_cost, budget) else ("over_budget",)
    return ("too_slow",) if budget_fit(monthly_cost, budget) else ("too_slow", "over_budget")


def check_offering(
    req: Requirements,
    offering: Offering,
    model: Model,
    *,
    as_of: date,
    monthly_cost: float | None,
    p95_seconds: float | None = None,
    latency_basis: str | None = None,
) -> Check:
    """All the hard constraints `offering` fails for `req` (the index computes the same in bulk)."""
    failures = static_failures(req, offering, model, as_of=as_of)
    failures += price_failures(
        offering, monthly_cost, p95_seconds, budget=req.monthly_budget_usd, target=req.latency.p95_seconds,
        basis=latency_basis,
    )
    return Check(offering=offering, model=model, failures=failures, monthly_cost=monthly_cost)


# --- the self-hosting path ----------------------------------------------------------------------


def self_host_failures(
    req: Requirements, model: Model, offerings: list[Offering], *, as_of: date
) -> tuple[str, ...]:
    """The same rules for running the model yourself: provider, trust, data terms and residency are
    yours, the rest is the model's."""
    failures: list[str] = []
    if not any(task_fits(req, o, model) for o in offerings):
        failures.append("wrong_task")
    if derivative_reason(model) is not None:
        failures.append("community_derivative")
    if retired(model, None, as_of):
        failures.append("retired")
    if not modality_ok(req, model.input_modalities):
        failures.append("missing_modality")
    if not open_weights_ok(req, model):
        failures.append("open_weights_required")
    failures += needs_failures(
        req,
        tool_calling=model.tool_calling,
        structured_output=model.structured_output,
        reasoning=model.reasoning,
    )
    if model.context_applies and not context_ok(req, model.context, 0):
        failures.append("context_too_small")
    return tuple(failures)


_ORDER = {reason: i for i, reason in enumerate(REASONS)}


def first_reason(failures: tuple[str, ...]) -> str:
    return min(failures, key=lambda r: _ORDER.get(r, len(_ORDER)))


def failure_reason(
    code: str,
    req: Requirements,
    model: Model,
    offering: Offering | None,
    *,
    monthly_cost: float | None = None,
    p95_seconds: float | None = None,
) -> Reason:
    """One failure as data: its code and the numbers a sentence about it needs."""
    params: dict[str, Param] = {}
    if code == "over_budget":
        params = {"monthly_usd": monthly_cost, "budget_usd": req.monthly_budget_usd}
        if monthly_cost is not None:
            params["per_1k_usd"] = monthly_cost / req.volume.requests_per_month * 1000
    elif code == "too_slow":
        params = {"p95_seconds": p95_seconds, "target_seconds": req.latency.p95_seconds}
    elif code == "context_too_small":
        params = {
            "context": offering.context if offering else model.context,
            "needed": req.needed_context,
        }
    elif code in ("untrusted_provider", "data_terms"):
        params = {
            "provider": offering.provider if offering else None,
            "tier": offering.tier if offering else None,
            "sensitivity": req.data.sensitivity,
        }
    elif code == "residency":
        params = {"region": offering.region if offering else None, "required": req.deployment.data_residency}
    elif code == "retired":
        when = retirement_date(model, offering)
        params = {"date": when.isoformat() if when else None}
    elif code == "missing_modality":
        params = {"required": sorted(required_inputs(req))}
    elif code == "implausible_price":
        params = {"ratio": offering.plausibility_ratio if offering else None}
    elif code == "community_derivative":
        params = {"why": derivative_reason(model)}
    elif code == "wrong_task":
        params = {"purpose": model.purpose, "task": req.task_type}
    if offering is not None:
        params.setdefault("offering", offering.id)
    return Reason(code=code, params=params)

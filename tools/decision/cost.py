"""API cost at the stated volume: per request, per 1,000 requests, per month (ONE formula).

Prices are USD per 1M tokens, or per audio minute for speech models (`Pricing.unit`). The tier is
chosen by the average prompt size. Cached input is billed at the cache-read price where the offering
has one (else at the input price, stated). Reasoning models also bill their hidden thinking tokens
as output when they think (`tools.decision.thinking`: always for reasoning-only models, for hybrid
ones only when the task needs reasoning): an assumed budget per request unless
`volume.thinking_tokens` says (stated either way). Speech-to-text
is billed per audio minute: `volume.audio_minutes` per request, or an assumed minute (stated).

Prompt caching: where the offering lists a cache-write price (Anthropic-style caches bill writing a
prefix at about 1.25x the input price; OpenAI's and Google's automatic caches list none), the input
not read from the cache is billed at it when caching is applied: an upper bound (only the cached
prefix is written, and only when the cache has expired), stated. A long prompt with no caching
stated keeps a headline without caching, and says what it would cost with CACHE_HIT_SHARE cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from whichmodel.knowledge.catalog.curated import (
    PAGE_IMAGE_BASELINE_TOKENS,
    PAGE_IMAGE_TOKENS,
    TOKENIZER_FACTORS,
    PageImageTokens,
    TokenizerFactor,
    cache_write_policy,
    free_for_production,
)
from whichmodel.knowledge.catalog.facts import AUDIO_TOKENS_PER_MINUTE
from whichmodel.knowledge.catalog.schema import Model, Offering, PriceTier
from whichmodel.tools.decision.requirements import AGENT_LOOP_CACHED_SHARE, Requirements
from whichmodel.tools.decision.result import CostEstimate, Param, Reason
from whichmodel.tools.decision.thinking import (
    BUDGETS,
    ThinkingMode,
    needs_deep,
    off_setting,
    profile_key,
    thinking_budget,
    thinking_mode,
    thinking_tokens,
)

PER_MILLION = 1_000_000
DEFAULT_AUDIO_MINUTES = 1.0
LONG_PROMPT_TOKENS = 8_000
"""A prompt this long, repeated, is where prompt caching pays: the report says so."""
LONG_PRICE_TIER_TOKENS = 200_000
"""Where makers that charge more for long prompts start to (Google, Anthropic, Alibaba: 200k tokens;
their tiers are in the snapshot when the price sources list them); a longer prompt on an offering
with one listed price gets a stated warning, never a guessed surcharge."""
CACHE_HIT_SHARE = AGENT_LOOP_CACHED_SHARE
"""The share of a long, repeated prompt read from the cache in the "with caching" figure shown next
to a headline cost that assumes none: a shared prefix (instructions, documents, examples) of three
quarters of the prompt, the rest the request itself. An assumption, stated wherever it is used."""


DOCUMENT_TASKS = frozenset({"summarization", "extraction", "classification", "translation"})
"""Tasks whose long prompt is mostly the document itself: a different one each request."""
EXPLICIT_CACHE_PROVIDERS = frozenset({"google-vertex", "google"})
"""Google's APIs (Vertex AI, the Gemini API), whose context caching of Gemini models is explicit
(created caches): storage is billed per token-hour (`explicit_cache`)."""


def explicit_cache(offering: Offering, model: Model) -> bool:
    """Cached tokens also bill storage per hour: Gemini models on Google's APIs. Claude on Vertex
    (`google-vertex-anthropic`) caches the Anthropic way: a write premium, no hourly storage."""
    return offering.provider in EXPLICIT_CACHE_PROVIDERS and model.key.startswith("gemini")


def shares_prefix(req: Requirements) -> bool:
    """Whether long prompts plausibly repeat a prefix (instructions, a shared corpus) that a prompt
    cache can serve: not when each prompt is mostly a different document, unless a shared corpus is
    stated."""
    shared = req.data.knowledge_tokens is not None or req.data.proprietary_knowledge
    return shared or req.task_type not in DOCUMENT_TASKS


@dataclass(frozen=True)
class Tokens:
    """What one request bills, as the cost and latency estimates both use it."""

    input: float
    cached: float
    output: float
    thinking: float
    thinking_assumed: bool
    audio_minutes: float
    audio_assumed: bool


def offering_mode(offering: Offering, model: Model) -> ThinkingMode:
    """The thinking mode of `model` served by `offering` (`thinking.thinking_mode`): the model must
    reason by its own facts AND the listing must expose it (the same rule as the `reasoning` filter).
    A reseller that flags a non-reasoning model as reasoning does not make it think."""
    return thinking_mode(model.key, model.reasoning and offering.reasoning)


def tokens(req: Requirements, mode: ThinkingMode) -> Tokens:
    volume = req.volume
    thinking, assumed = thinking_tokens(req, mode)
    minutes = volume.audio_minutes if volume.audio_minutes is not None else DEFAULT_AUDIO_MINUTES
    audio = req.task_type == "speech_to_text"
    inp = minutes * AUDIO_TOKENS_PER_MINUTE if audio else volume.input_tokens
    output = 0.0 if req.task_type == "embedding" else volume.output_tokens
    return Tokens(
        input=inp,
        cached=inp * volume.cached_input_fraction,
        output=output,
        thinking=thinking,
        thinking_assumed=assumed,
        audio_minutes=minutes,
        audio_assumed=audio and volume.audio_minutes is None,
    )


_TOKENIZERS = tuple((re.compile(pattern), factor) for pattern, factor in TOKENIZER_FACTORS)


def tokenizer_factor(model_key: str) -> TokenizerFactor | None:
    """The sourced factor by which `model_key`'s tokenizer counts more tokens for the same text than
    the stated figures (`curated.TOKENIZER_FACTORS`), or None for the usual count."""
    return next((factor for pattern, factor in _TOKENIZERS if pattern.search(model_key)), None)


_PAGE_IMAGES = tuple((re.compile(pattern), rule) for pattern, rule in PAGE_IMAGE_TOKENS)


def page_image_tokens(model_key: str, req: Requirements) -> PageImageTokens | None:
    """The maker's own count of a page image for `model_key` when it is far from the GPT-4o-class count
    the stated input assumes (`curated.PAGE_IMAGE_TOKENS`), for a task whose input holds images or PDF
    pages; None otherwise."""
    if not {"image", "pdf"} & set(req.input_modalities) or req.task_type == "speech_to_text":
        return None
    return next((rule for pattern, rule in _PAGE_IMAGES if pattern.search(model_key)), None)


def model_tokens(t: Tokens, model_key: str, req: Requirements) -> Tokens:
    """`t` counted by `model_key`'s own rules: its text (prompt, cached share, answer) times the
    model's `tokenizer_factor`, plus, for a model that counts a page image very differently, the
    difference for one page per request (`page_image_tokens`); the thinking budget is already in the
    model's tokens and audio is billed by the minute, so neither changes."""
    if req.task_type == "speech_to_text":
        return t
    found = tokenizer_factor(model_key)
    if found is not None:
        k = found.factor
        t = replace(t, input=t.input * k, cached=t.cached * k, output=t.output * k)
    page = page_image_tokens(model_key, req)
    if page is not None:
        t = replace(t, input=t.input + max(0, page.tokens - PAGE_IMAGE_BASELINE_TOKENS))
    return t


def reads_cache(offering: Offering, t: Tokens) -> bool:
    """Whether `offering` serves the cached share of `t` from a prompt cache: caching is stated
    (`volume.cached_input_fraction`) and the offering's price tier for this prompt lists a cache-read
    price (the same rule that bills those tokens at it in `per_request_cost`)."""
    pricing = offering.pricing
    if not t.cached or pricing is None or pricing.unit != "per_1m_tokens":
        return False
    return pricing.tier_for(int(t.input)).cache_read is not None


def cost_key(req: Requirements) -> tuple[object, ...]:
    """Everything `per_request_cost` reads from `req` (the index caches prices by it)."""
    v = req.volume
    return (
        req.task_type,
        req.needs.reasoning,
        v.input_tokens,
        v.output_tokens,
        v.cached_input_fraction,
        v.thinking_tokens,
        v.audio_minutes,
        profile_key(req),
    )


def per_request_cost(
    offering: Offering, model: Model, req: Requirements, t: Tokens | None = None
) -> float | None:
    """USD per average request (None without a price): THE cost formula; monthly = this x requests.

    `t` is `tokens(req, offering_mode(offering, model))` when the caller has it already (the index
    prices the whole catalog with the three token profiles)."""
    if offering.pricing is None:
        return None
    if t is None:
        t = tokens(req, offering_mode(offering, model))
    t = model_tokens(t, model.key, req)
    if offering.pricing.unit == "per_audio_minute":
        return t.audio_minutes * offering.pricing.tiers[0].input
    if offering.pricing.unit != "per_1m_tokens":
        return None  # per image / per request: not comparable with a token budget here
    tier = offering.pricing.tier_for(int(t.input))
    cache_price = tier.cache_read if tier.cache_read is not None else tier.input
    # With caching applied, the input not read from the cache may be written to it (an upper bound).
    uncached_price = write_price(tier) if t.cached else tier.input
    thinking_price = tier.reasoning if tier.reasoning is not None else tier.output
    return (
        (t.input - t.cached) * uncached_price
        + t.cached * cache_price
        + t.output * tier.output
        + t.thinking * thinking_price
    ) / PER_MILLION


def cost_assumptions(
    req: Requirements, offering: Offering, model: Model, decode_tps: float | None = None
) -> list[Reason]:
    """The assumptions behind `per_request_cost` for this offering, as codes with their numbers.
    A reasoning-capable model always says what was assumed about thinking: its budget when it thinks,
    else "thinking off" with what turning it on would add (tokens, $ per month, seconds at
    `decode_tps`)."""
    v = req.volume
    mode = offering_mode(offering, model)
    stated = tokens(req, mode)
    t = model_tokens(stated, model.key, req)
    out: list[Reason] = []
    if req.task_type == "speech_to_text":
        out.append(Reason(code="audio_minutes", params={"minutes": t.audio_minutes, "assumed": t.audio_assumed,
                                                       "requests": v.requests_per_month}))  # fmt: skip
        if offering.pricing is not None and offering.pricing.unit == "per_1m_tokens":
            out.append(Reason(code="audio_tokens", params={"per_minute": AUDIO_TOKENS_PER_MINUTE}))
        return out
    out.append(
        Reason(
            code="volume",
            params={"input": v.input_tokens, "output": stated.output, "requests": v.requests_per_month},
        )
    )
    counted = tokenizer_factor(model.key)
    if counted is not None:
        out.append(Reason(code="tokenizer", params={"model": model.name, "factor": counted.factor, "input": t.input,
                                                    "output": t.output, "source": counted.source}))  # fmt: skip
    page = page_image_tokens(model.key, req)
    if page is not None:
        out.append(Reason(code="page_image_tokens", params={"model": model.name, "tokens": page.tokens,
                                                            "baseline": PAGE_IMAGE_BASELINE_TOKENS,
                                                            "input": t.input, "source": page.source}))  # fmt: skip
    if offering.pricing is None:
        return out
    free = free_for_production(offering.provider, offering.model)
    if free is not None:
        out.append(Reason(code="free_for_production", params={"source": free.source, "as_of": free.as_of.isoformat()}))
    tier = offering.pricing.tier_for(int(t.input))
    if t.cached and tier.cache_read is None:
        out.append(Reason(code="cache_no_price", params={"fraction": v.cached_input_fraction}))
    elif t.cached:
        out.append(Reason(code="cache_applied", params={"fraction": v.cached_input_fraction,
                                                        "price": tier.cache_read}))  # fmt: skip
    if t.cached and write_price(tier) > tier.input:
        policy = cache_write_policy(model.maker, model.key)  # the maker's own rule, named with its source
        out.append(Reason(code="cache_write", params={"price": tier.cache_write, "input_price": tier.input,
                                                      "model": model.name,
                                                      **({"maker_name": policy.maker_name, "since": policy.since,
                                                          "factor": policy.factor, "source": policy.source}
                                                         if policy else {})}))  # fmt: skip
    if not t.cached and v.input_tokens >= LONG_PROMPT_TOKENS:
        out.append(cache_possible(req, offering, model))
    if (t.cached or v.input_tokens >= LONG_PROMPT_TOKENS) and explicit_cache(offering, model):
        out.append(Reason(code="cache_storage", params={"provider": offering.provider}))
    if tier.min_context:
        out.append(Reason(code="long_context_tier", params={"above": tier.min_context, "model": model.name,
                                                            "tiers_from": offering.pricing.tiers_from}))  # fmt: skip
    elif t.input > LONG_PRICE_TIER_TOKENS and len(offering.pricing.tiers) == 1:
        out.append(Reason(code="no_long_context_tier", params={"above": LONG_PRICE_TIER_TOKENS, "model": model.name}))
    price = tier.reasoning if tier.reasoning is not None else tier.output
    if t.thinking:
        out.append(
            Reason(
                code="thinking_tokens",
                params={"tokens": t.thinking, "assumed": t.thinking_assumed, "price": price,
                        "mode": mode, "deep": needs_deep(req), "model": model.name},
            )
        )  # fmt: skip
    elif mode == "hybrid" and req.task_type not in ("embedding", "speech_to_text", "image_generation"):
        extra = req.volume.thinking_tokens or thinking_budget(req)[0]
        # the light budget is a floor: at the deep one (the setting reasoning ratings are earned at)
        # the figure is said too, so "thinking on" is not read as cheap (expert20 NEW-8)
        deep = float(BUDGETS["deep"]) if req.volume.thinking_tokens is None and extra < BUDGETS["deep"] else None
        out.append(
            Reason(
                code="thinking_off",
                params={"model": model.name, "tokens": extra,
                        "monthly": extra * price / PER_MILLION * v.requests_per_month,
                        "seconds": None if not decode_tps else round(extra / decode_tps, 1),
                        "deep": deep, "off_how": off_setting(model.key),
                        "deep_monthly": None if deep is None else deep * price / PER_MILLION * v.requests_per_month},
            )
        )  # fmt: skip
    return out


def write_price(tier: PriceTier) -> float:
    """USD per 1M input tokens written to the cache: the listed cache-write price where it is above
    the input price (a write surcharge), else the input price (no surcharge: a listed $0 or a lower
    figure is no discount on input that is not read from the cache)."""
    return max(tier.input, tier.cache_write or 0.0)


def cache_possible(req: Requirements, offering: Offering, model: Model) -> Reason:
    """`cache_possible` for a long prompt costed without caching: with the cost it would have with
    CACHE_HIT_SHARE of the input read from the cache (`per_request_cost`, cache-write charge included
    where the offering lists one) when its prompts plausibly share a prefix (`shares_prefix`) and the
    offering lists a cache-read price; the headline stays without caching."""
    v = req.volume
    tier = offering.pricing.tier_for(int(v.input_tokens)) if offering.pricing is not None else None
    params: dict[str, Param] = {"input": v.input_tokens, "price": tier.cache_read if tier else None}
    if tier is not None and tier.cache_read is not None and shares_prefix(req):
        cached = req.model_copy(update={"volume": v.model_copy(update={"cached_input_fraction": CACHE_HIT_SHARE})})
        per_request = per_request_cost(offering, model, cached)
        if per_request is not None:
            params.update(model=model.name, hit=CACHE_HIT_SHARE, cached_monthly=per_request * v.requests_per_month,
                          read=tier.cache_read, write=tier.cache_write if write_price(tier) > tier.input else None,
                          input_price=tier.input)  # fmt: skip
    return Reason(code="cache_possible", params=params)


def estimate_cost(
    offering: Offering, model: Model, req: Requirements, decode_tps: float | None = None
) -> CostEstimate | None:
    """Cost of `offering` (serving `model`) at the stated volume, or None without a usable price."""
    t = tokens(req, offering_mode(offering, model))
    per_request = per_request_cost(offering, model, req, t)
    t = model_tokens(t, model.key, req)
    if offering.pricing is None or per_request is None:
        return None
    tier = offering.pricing.tier_for(int(t.input))
    return CostEstimate(
        offering_id=offering.id,
        per_request=per_request,
        per_1k_requests=per_request * 1000,
        monthly=per_request * req.volume.requests_per_month,
        input_price_per_m=tier.input,
        output_price_per_m=tier.output,
        cache_read_price_per_m=tier.cache_read,
        cache_write_price_per_m=tier.cache_write,
        tier_min_context=tier.min_context,
        price_source=offering.pricing.source,
        price_as_of=offering.pricing.as_of.isoformat(),
        assumption_codes=cost_assumptions(req, offering, model, decode_tps),
        thinking_tokens=t.thinking,
        unit=offering.pricing.unit,
    )

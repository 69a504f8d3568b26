"""API cost at the stated volume: per request, per 1,000 requests, per month.

Prices are USD per 1M tokens. The tier is chosen by the average prompt size (providers bill long
prompts at a higher tier above a threshold, e.g. 200k tokens). Cached input is billed at the cache-read
price where the offering has one; otherwise at the plain input price (stated as an assumption).
"""

from __future__ import annotations

from knowledge.catalog.schema import Offering
from tools.decision.requirements import Volume
from tools.decision.result import CostEstimate

PER_MILLION = 1_000_000


def per_request_cost(offering: Offering, volume: Volume) -> float | None:
    """USD per average request (None without a price): the one formula `estimate_cost` reports.

    Depends only on the token fields of `volume`, so the catalog index caches it per token profile
    (tools.decision.index); the monthly figure is this times the requests per month.
    """
    if offering.pricing is None:
        return None
    tier = offering.pricing.tier_for(int(volume.input_tokens))
    cached = volume.input_tokens * volume.cached_input_fraction
    fresh = volume.input_tokens - cached
    cache_price = tier.cache_read
    if cached and cache_price is None:
        cache_price = tier.input
    return (
        fresh * tier.input + cached * (cache_price or 0.0) + volume.output_tokens * tier.output
    ) / PER_MILLION


def estimate_cost(offering: Offering, volume: Volume) -> CostEstimate | None:
    """Cost of `offering` at `volume`, or None when the catalog has no price for it."""
    per_request = per_request_cost(offering, volume)
    if offering.pricing is None or per_request is None:
        return None
    tier = offering.pricing.tier_for(int(volume.input_tokens))
    assumptions = [
        f"{volume.input_tokens:g} input and {volume.output_tokens:g} output tokens per request on average, "
        f"{volume.requests_per_month:,.0f} requests per month",
    ]
    cached = volume.input_tokens * volume.cached_input_fraction
    if cached and tier.cache_read is None:
        assumptions.append("no cache-read price listed: cached input billed at the input price")
    elif cached:
        assumptions.append(f"{volume.cached_input_fraction:.0%} of input tokens read from the prompt cache")
    if tier.min_context:
        assumptions.append(f"long-context tier applies (prompts above {tier.min_context:,} tokens)")
    if offering.reasoning:
        assumptions.append(
            "hidden reasoning tokens, if the model emits them, are billed as output and not included"
        )
    return CostEstimate(
        offering_id=offering.id,
        per_request=per_request,
        per_1k_requests=per_request * 1000,
        monthly=per_request * volume.requests_per_month,
        input_price_per_m=tier.input,
        output_price_per_m=tier.output,
        cache_read_price_per_m=tier.cache_read,
        tier_min_context=tier.min_context,
        price_source=offering.pricing.source,
        price_as_of=offering.pricing.as_of.isoformat(),
        assumptions=assumptions,
    )

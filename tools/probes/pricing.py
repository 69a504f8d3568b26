"""Prices for probe cost figures, looked up in the catalog by the endpoint's offering id.

A missing price is reported as ``None`` with a reason, never as 0: a local or unmapped model has
no per-token price in the catalog, which is not the same as being free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whichmodel.tools.probes.endpoints import Endpoint


@dataclass(frozen=True)
class Price:
    """USD per 1M tokens for one endpoint, with where the figure came from."""

    input_per_m: float
    output_per_m: float
    source: str
    as_of: str
    offering: str

    def cost(self, input_tokens: int, output_tokens: int) -> float:
        return (input_tokens * self.input_per_m + output_tokens * self.output_per_m) / 1_000_000


@dataclass(frozen=True)
class PriceLookup:
    """A price, or the reason there is none."""

    price: Price | None
    reason: str | None


def load_catalog_or_none() -> tuple[Any, str | None]:
    """The catalog, or None with the reason it could not be loaded (it is built separately)."""
    try:
        from whichmodel.knowledge.catalog.store import load_catalog
    except ImportError as exc:
        return None, f"catalog not available ({exc.name or 'whichmodel.knowledge.catalog.store'} missing)"
    try:
        return load_catalog(), None
    except Exception as exc:  # a broken or absent snapshot must not stop a probe; say why
        return None, f"catalog could not be loaded: {type(exc).__name__}: {exc}"


def price_for(
    endpoint: Endpoint, catalog: Any, prompt_tokens: int = 0, catalog_error: str | None = None
) -> PriceLookup:
    """The endpoint's catalog price for a prompt of this size."""
    if endpoint.provider == "local":
        return PriceLookup(None, "no catalog price (local model; compute cost not priced)")
    if catalog is None:
        return PriceLookup(None, catalog_error or "no catalog price")
    offering_id = endpoint.catalog_offering
    offering = catalog.offerings.get(offering_id) if offering_id else None
    if offering is None or offering.pricing is None:
        return PriceLookup(None, "no catalog price")
    tier = offering.pricing.tier_for(prompt_tokens)
    return PriceLookup(
        Price(
            tier.input, tier.output, offering.pricing.source, offering.pricing.as_of.isoformat(), offering.id
        ),
        None,
    )

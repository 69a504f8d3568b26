"""Which providers are a model maker's own ("first-party") API.

When the maker's own API serves a model and passes every constraint, WhichModel recommends it over a
reseller even when a reseller lists a slightly lower price: the maker's API is the reference for
behaviour, limits and terms. The cheapest offering is still reported beside it.

The table lives once, in the catalog (:mod:`knowledge.catalog.providers`); this module re-exports it.
"""

from __future__ import annotations

from collections.abc import Mapping

from whichmodel.knowledge.catalog.providers import MAKER_PROVIDERS, is_maker_provider

FIRST_PARTY: Mapping[str, tuple[str, ...]] = MAKER_PROVIDERS


def is_first_party(maker: str | None, provider: str) -> bool:
    """True when `provider` is the maker's own API (subscription 'plan' providers excluded)."""
    return is_maker_provider(maker, provider)

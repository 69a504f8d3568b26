"""Merge rules: how offerings' (sometimes conflicting) facts become one Model's facts.

Each rule is one small pure function so it can be tested with hand-made inputs:

* open weights: curated table > the maker's first-party provider > majority of offerings,
  a tie is False (a self-hosting requirement must never get a false positive);
* context and max output: the maximum over offerings; modalities: the union;
  tool calling / reasoning: any offering; structured output: any True, else any False, else None;
* maker: the arena's maker when the model joined the arena, else a key-prefix table;
* name: the most common display name (ties: shortest, then alphabetical);
* parameters: curated table > parsed from the key;
* licence: curated by family prefix, only for open-weights models;
* region: from the model id (``eu.`` / ``@eu``), else the provider table, else ``-cn`` providers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from knowledge.catalog.curated import (
    LICENCE_PREFIXES,
    MAKER_PREFIXES,
    OPEN_WEIGHTS,
    PARAMS,
    PROVIDER_REGIONS,
)
from knowledge.catalog.normalize import parse_params, region_from_id
from knowledge.catalog.providers import own_providers

MODALITY_ORDER: tuple[str, ...] = ("text", "image", "audio", "video", "pdf")


def decide_open_weights(key: str, flags: Sequence[tuple[str, bool]], maker: str | None) -> tuple[bool, str]:
    """Whether a model's weights are open, and which rule decided.

    `flags` are (provider id, open_weights flag) pairs, one per offering.
    """
    if key in OPEN_WEIGHTS:
        return OPEN_WEIGHTS[key], "curated override"
    first_party = set(own_providers(maker))
    own = [flag for provider, flag in flags if provider in first_party]
    # several first-party entries (e.g. alibaba and alibaba-cn) must agree; else fall through
    if own and (all(own) or not any(own)):
        return own[0], f"first-party provider ({maker})"
    yes = sum(1 for _, flag in flags if flag)
    no = len(flags) - yes
    if yes > no:
        return True, f"majority of offerings ({yes} of {len(flags)})"
    if no > yes:
        return False, f"majority of offerings ({no} of {len(flags)} not open)"
    return False, f"tie ({yes} vs {no}): conservative False"


def most_common_name(names: Iterable[str]) -> str:
    """The most common display name; ties go to the shortest, then alphabetical."""
    counts = Counter(n.strip() for n in names if n.strip())
    if not counts:
        return ""
    return min(counts, key=lambda n: (-counts[n], len(n), n))


def most_common(values: Iterable[str | None]) -> str | None:
    """The most common non-None value (ties: alphabetical), or None."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _longest_prefix(key: str, table: dict[str, str]) -> str | None:
    best: str | None = None
    for prefix in table:
        if (key == prefix or key.startswith(prefix)) and (best is None or len(prefix) > len(best)):
            best = prefix
    return None if best is None else table[best]


def maker_for(key: str, arena_maker: str | None) -> str | None:
    """The maker: the arena's label when joined (except its catch-all 'other'), else by key prefix."""
    if arena_maker and arena_maker != "other":
        return arena_maker
    return _longest_prefix(key, MAKER_PREFIXES)


def licence_for(key: str, open_weights: bool) -> str | None:
    """The curated licence of an open-weights family, or None (unknown, or closed weights)."""
    if not open_weights:
        return None
    return _longest_prefix(key, LICENCE_PREFIXES)


def params_for(key: str) -> tuple[float | None, float | None, str | None]:
    """(total, active, source) in billions: curated table first, then parsed from the key."""
    if key in PARAMS:
        p = PARAMS[key]
        return p.total_b, p.active_b, p.source
    parsed = parse_params(key)
    if parsed is None:
        return None, None, None
    return parsed


def union_modalities(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """The union of modality lists, in a fixed order (unknown values last, alphabetical)."""
    seen = {m for g in groups for m in g}
    known = [m for m in MODALITY_ORDER if m in seen]
    return tuple(known + sorted(seen - set(MODALITY_ORDER)))


def merge_structured(values: Iterable[bool | None]) -> bool | None:
    """Any True -> True; else any False -> False; else None (no source says)."""
    vals = list(values)
    if any(v is True for v in vals):
        return True
    if any(v is False for v in vals):
        return False
    return None


def offering_region(provider: str, model_id: str) -> str | None:
    """Where an offering is served from: the id ("eu.", "@eu"), the provider table, "-cn" ids; else None."""
    from_id = region_from_id(model_id)
    if from_id is not None:
        return from_id
    if provider in PROVIDER_REGIONS:
        return PROVIDER_REGIONS[provider]
    if provider.endswith("-cn") or "-cn-" in provider:
        return "cn"
    return None

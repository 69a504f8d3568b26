"""Merge rules: how offerings' (sometimes conflicting) facts become one Model's facts.

Each rule is one small pure function so it can be tested with hand-made inputs:

* open weights: the curated family table (maker releases with licence and evidence) > the maker's
  first-party provider > majority of offerings, a tie is False (a self-hosting requirement must never
  get a false positive);
* context and max output: the maximum over offerings; modalities: the union;
  tool calling / reasoning: any offering; structured output: any True, else any False, else None;
* maker: the arena's maker when the model joined the arena, else a key-prefix table;
* name: the most common display name (ties: shortest, then alphabetical);
* parameters: curated table > parsed from the key;
* licence: curated by family prefix, only for open-weights models;
* region: from the model id (``eu.`` / ``@eu``), else the provider table, else ``-cn`` providers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from whichmodel.knowledge.catalog.curated import (
    FAMILIES,
    LICENCE_PREFIXES,
    MAKER_PREFIXES,
    MAKER_RETIREMENTS,
    PARAMS,
    PROVIDER_REGIONS,
    Family,
)
from whichmodel.knowledge.catalog.normalize import parse_params, region_from_id
from whichmodel.knowledge.catalog.providers import own_providers

_DATED_ID = re.compile(r"(20\d\d-?\d\d-?\d\d|-\d{4}$|@\d{8})")

MODALITY_ORDER: tuple[str, ...] = ("text", "image", "audio", "video", "pdf")


def decide_open_weights(key: str, flags: Sequence[tuple[str, bool]], maker: str | None) -> tuple[bool, str]:
    """Whether a model's weights are open, and which rule decided.

    `flags` are (provider id, open_weights flag) pairs, one per offering.
    """
    family = family_for(key)
    if family is not None:
        return family[1].open_weights, f"curated family ({family[0]})"
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


def family_for(key: str) -> tuple[str, Family] | None:
    """The first curated release family whose pattern matches the key: (pattern, family)."""
    for pattern, family in FAMILIES:
        if re.search(pattern, key):
            return pattern, family
    return None


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
    family = family_for(key)
    if family is not None and family[1].licence is not None:
        return family[1].licence
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


def region_with_source(provider: str, model_id: str) -> tuple[str | None, str | None]:
    """Where an offering is served from and why: the id ("eu.", "@eu"), the provider table (with the
    terms it comes from), "-cn" provider ids; else (None, None)."""
    from_id = region_from_id(model_id)
    if from_id is not None:
        return from_id, "the provider's model id names the region"
    if provider in PROVIDER_REGIONS:
        return PROVIDER_REGIONS[provider]
    if provider.endswith("-cn") or "-cn-" in provider:
        return "cn", "the provider id marks its China service"
    return None, None


def offering_region(provider: str, model_id: str) -> str | None:
    """Where an offering is served from (see :func:`region_with_source`)."""
    return region_with_source(provider, model_id)[0]


def extend_by_clouds(
    status: str, when: date | None, cloud_dates: Sequence[date], as_of: date
) -> tuple[str, date | None, date | None]:
    """(status, planning retirement date, maker's date if extended) once clouds are counted.

    A model is retired everywhere only when its maker retires it; but when a cloud (a trusted
    offering) still serves it with a later announced date, the model stays available through that
    cloud until the latest such date, and the maker's date is kept as a note.
    """
    if when is None or not cloud_dates:
        return status, when, None
    latest = max(cloud_dates)
    if latest <= when:
        return status, when, None
    return ("deprecated" if latest <= as_of else "active"), latest, when


def lifecycle(
    key: str, own: Sequence[tuple[str, str | None, date | None]], as_of: date
) -> tuple[str, date | None, str]:
    """(status, retirement date, rule) of a model from its maker's own offerings.

    `own` holds (provider model id, status, deprecation date) of the maker's own offerings. A
    curated maker retirement wins. Otherwise the model is retired when every maker offering is
    deprecated (status, or a date on or before `as_of`); its retirement date is the earliest date on
    the maker's undated ids (a dated snapshot's date retires that snapshot only), else the latest
    date when every maker offering is a dated snapshot.
    """
    if key in MAKER_RETIREMENTS:
        curated, source = MAKER_RETIREMENTS[key]
        status = "deprecated" if curated <= as_of else "active"
        return status, curated, f"curated: {source}"
    if not own:
        return "active", None, "no maker offering"
    gone = [st == "deprecated" or (d is not None and d <= as_of) for _, st, d in own]
    undated_dates = [d for mid, _, d in own if d is not None and not _DATED_ID.search(mid)]
    all_dates = [d for _, _, d in own if d is not None]
    when: date | None = (
        min(undated_dates) if undated_dates else (max(all_dates) if len(all_dates) == len(own) else None)
    )
    if all(gone):
        return "deprecated", when, "every maker offering is deprecated"
    return "active", when, "maker's own offerings"

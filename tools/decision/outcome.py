"""What the hard filters did over the whole catalog, in the form the result needs.

`recommend()` reports, for every option the catalog has, the constraint that eliminated it (counted
under its first failing reason), and for relaxations how many options each constraint blocks and
which options fail that constraint alone. `from_checks` works that out from one `Check` per option
(the self-hosting path); `api_pass` gets the same figures for API offerings from the catalog index's
cached static pass plus this request's prices, building a `Check` only for the options a relaxation
may name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from knowledge.catalog.schema import Offering
from tools.decision.filters import Check, first_reason
from tools.decision.index import CatalogIndex
from tools.decision.requirements import Requirements

SELF_HOST_REASON = "params_unknown"


@dataclass(frozen=True)
class Outcome:
    """The hard filters' effect: counts per reason, examples, blocked totals, single-reason groups."""

    considered: int
    counts: Counter[str]
    """Eliminated options by the reason they are counted under."""
    examples: dict[str, list[str]]
    """Up to five distinct model names per counted reason, in catalog order."""
    blocked: Counter[str]
    """Options failing each constraint (whether or not it is their first failure)."""
    only: dict[str, list[Check]]
    """Per relaxable constraint, the options failing it and nothing else, in catalog order."""


def counted_reason(failures: tuple[str, ...]) -> str:
    """The reason an elimination is counted under: the first in `REASONS` order; a self-hosting
    "parameters unknown" only when it is the only failure."""
    if SELF_HOST_REASON not in failures:
        return first_reason(failures)
    if len(failures) == 1:
        return SELF_HOST_REASON
    return first_reason(tuple(f for f in failures if f != SELF_HOST_REASON))


def from_checks(checks: list[Check], relaxable: Callable[[str], bool]) -> Outcome:
    """The outcome from one check per option."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    blocked: Counter[str] = Counter()
    only: dict[str, list[Check]] = defaultdict(list)
    for check in checks:
        blocked.update(check.failures)
        if check.passes:
            continue
        reason = counted_reason(check.failures)
        counts[reason] += 1
        if len(examples[reason]) < 5 and check.model.name not in examples[reason]:
            examples[reason].append(check.model.name)
        if len(check.failures) == 1 and relaxable(check.failures[0]):
            only[check.failures[0]].append(check)
    return Outcome(len(checks), counts, dict(examples), blocked, dict(only))


# A passing API offering: (monthly cost, offering id, first-party, offering).
Passing = tuple[float, str, bool, Offering]


def api_pass(
    req: Requirements, index: CatalogIndex, as_of: date, relaxable: Callable[[str], bool]
) -> tuple[Outcome, dict[str, list[Passing]]]:
    """The outcome over every API offering, and the passing offerings per model key.

    Equal to `from_checks` over `filters.check_offering` for each offering: the static failures come
    from the index (cached per `filters.static_key`), the price failure (no price, zero price, over
    budget; always the last reason) is worked out here.
    """
    static = index.static_pass(req, as_of)
    prices = index.prices(req.volume)
    requests, budget = req.volume.requests_per_month, req.monthly_budget_usd

    counts: Counter[str] = Counter(static.counts)
    examples: dict[str, list[str]] = {r: list(names) for r, names in static.examples.items()}
    blocked: Counter[str] = Counter(static.blocked)
    only: dict[str, list[Check]] = defaultdict(list)
    passing: dict[str, list[Passing]] = defaultdict(list)

    # Price failures over the whole catalog (for the blocked totals), vectorised.
    priced, zero = prices.priced, index.zero_mask
    no_price = int(np.count_nonzero(~priced))
    zero_price = int(np.count_nonzero(priced & zero))
    over = 0
    if budget is not None:
        over = int(np.count_nonzero(priced & ~zero & (prices.array * requests > budget)))
    for reason, n in (("no_price", no_price), ("zero_price", zero_price), ("over_budget", over)):
        if n:
            blocked[reason] += n

    def count(reason: str, name: str) -> None:
        counts[reason] += 1
        names = examples.setdefault(reason, [])
        if len(names) < 5 and name not in names:
            names.append(name)

    offerings, models, per_request = index.offerings, index.models, prices.per_request
    clean = index.clean_prices(req, as_of)
    for reason, unpriced in (("no_price", clean.no_price), ("zero_price", clean.zero_priced)):
        for i in unpriced:
            count(reason, models[i].name)
    # The same products as `price * requests` one by one (IEEE float64), for all at once.
    monthly_all = clean.per_request * requests
    over_mask = monthly_all > budget if budget is not None else np.zeros(len(clean.priced), dtype=bool)
    positions, monthly_of = clean.priced.tolist(), monthly_all.tolist()
    over_relaxable = relaxable("over_budget")
    over_at = np.flatnonzero(over_mask).tolist()
    if over_at:
        counts["over_budget"] += len(over_at)
        names = examples.setdefault("over_budget", [])
        for k in over_at:
            if len(names) == 5:
                break
            if (name := models[positions[k]].name) not in names:
                names.append(name)
        if over_relaxable:
            only["over_budget"] = [
                Check(offerings[positions[k]], models[positions[k]], ("over_budget",), monthly_of[k])
                for k in over_at
            ]
    for k in np.flatnonzero(~over_mask).tolist():
        i = positions[k]
        offering = offerings[i]
        passing[models[i].key].append((monthly_of[k], offering.id, index.first_party[i], offering))

    for reason, singles in static.single.items():
        if not relaxable(reason):
            continue
        for i in singles:
            price = per_request[i]
            if price is None or index.zero_priced[i]:
                continue
            monthly = price * requests
            if budget is not None and monthly > budget:
                continue
            only[reason].append(Check(offerings[i], models[i], (reason,), monthly))
    return Outcome(len(offerings), counts, examples, blocked, dict(only)), passing

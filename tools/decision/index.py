"""Per-catalog precomputation for `recommend()`: the filter pass and the prices, computed once.

A recommendation filters every offering of the catalog (about 6,700). Most of that work does not
depend on the whole requirements: the static filters (task, modality, deployment, needs, context)
depend only on `filters.static_key`, the price per request only on the token profile, a model's
task-weighted quality only on the rating weights, its latency class only on the model. The index keeps
those results per catalog in small LRU caches keyed by the immutable inputs, so a new conversation
whose requirements differ in volume or budget only pays for the price step.

Pure and deterministic: a cache hit returns exactly what the computation would. Catalogs are treated
as immutable (nothing in the project mutates one after loading); an index is keyed by the catalog
object's identity and holds a reference to it, so the identity cannot be reused while cached. The
caches are guarded by a lock because `recommend` runs in worker threads.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.tools.decision.cost import cost_key, offering_mode, per_request_cost, reads_cache, tokens
from whichmodel.tools.decision.filters import first_reason, is_zero_priced, static_failures, static_key
from whichmodel.tools.decision.latency import estimate_latency, provider_class
from whichmodel.tools.decision.ranking import Profile, Quality, category_scales, task_quality
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import LatencyEstimate

CACHE_SIZE = 64
INDEXES = 8
_T = TypeVar("_T")


@dataclass(frozen=True)
class StaticPass:
    """The price-independent filter outcome for every offering, in `CatalogIndex.offerings` order.

    The price failures (no price, zero price, over budget) always come last in `filters.REASONS`
    order, so an offering with a static failure is counted under its first static reason whatever
    its price: those counts and examples are final here. Only `clean` offerings (no static failure)
    and the `single` ones (exactly one, which a budget-fitting price leaves alone) depend on the price.
    """

    failures: tuple[tuple[str, ...], ...]
    counts: Mapping[str, int]
    """Offerings with a static failure, by their first one."""
    examples: Mapping[str, tuple[str, ...]]
    """Up to five distinct model names per counted reason, in offering order."""
    blocked: Mapping[str, int]
    """Offerings failing each static constraint (first or not)."""
    single: Mapping[str, tuple[int, ...]]
    """Positions failing exactly that one static constraint."""
    clean: tuple[int, ...]
    """Positions failing no static constraint."""


def _summarise(failures: tuple[tuple[str, ...], ...], models: tuple[Model, ...]) -> StaticPass:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    blocked: Counter[str] = Counter()
    single: dict[str, list[int]] = defaultdict(list)
    clean: list[int] = []
    for i, (found, model) in enumerate(zip(failures, models, strict=True)):
        if not found:
            clean.append(i)
            continue
        reason = first_reason(found)
        counts[reason] += 1
        if len(examples[reason]) < 5 and model.name not in examples[reason]:
            examples[reason].append(model.name)
        blocked.update(found)
        if len(found) == 1:
            single[found[0]].append(i)
    return StaticPass(
        failures=failures,
        counts=dict(counts),
        examples={r: tuple(names) for r, names in examples.items()},
        blocked=dict(blocked),
        single={r: tuple(positions) for r, positions in single.items()},
        clean=tuple(clean),
    )


@dataclass(frozen=True)
class Prices:
    """`cost.per_request_cost` for every offering under one token profile (`cost.cost_key`)."""

    per_request: tuple[float | None, ...]


class _Lru:
    """A small thread-safe LRU map; values are computed outside the lock (deterministic, so a race
    only computes the same value twice)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)
        return value


class CatalogIndex:
    """A catalog's offerings in id order with their models, and the caches derived from them."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.offerings: tuple[Offering, ...] = tuple(catalog.offerings[i] for i in sorted(catalog.offerings))
        self.models: tuple[Model, ...] = tuple(catalog.models[o.model] for o in self.offerings)
        self.zero_priced: tuple[bool, ...] = tuple(is_zero_priced(o) for o in self.offerings)
        self.scales: dict[str, tuple[float, float]] = category_scales(list(catalog.models.values()))
        self._static = _Lru(CACHE_SIZE)
        self._prices = _Lru(CACHE_SIZE)
        self._quality = _Lru(CACHE_SIZE)
        self._latency = _Lru(CACHE_SIZE)
        self._memo = _Lru(CACHE_SIZE)
        self._lock = threading.Lock()

    def memo(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """Any pure per-catalog computation, memoised under `key` (small LRU)."""
        return self._memo.get(key, compute)

    def static_pass(self, req: Requirements, as_of: date) -> StaticPass:
        """`filters.static_failures` for every offering (cached by `filters.static_key`)."""

        def compute() -> StaticPass:
            failures = tuple(
                static_failures(req, o, m, as_of=as_of)
                for o, m in zip(self.offerings, self.models, strict=True)
            )
            return _summarise(failures, self.models)

        return self._static.get(static_key(req, as_of), compute)

    def prices(self, req: Requirements) -> Prices:
        """`cost.per_request_cost` for every offering (cached by the token profile)."""

        by_mode = {m: tokens(req, m) for m in ("always", "hybrid", "on", "none")}

        def compute() -> Prices:
            return Prices(
                tuple(
                    per_request_cost(o, m, req, by_mode[offering_mode(o, m)])
                    for o, m in zip(self.offerings, self.models, strict=True)
                )
            )

        return self._prices.get(cost_key(req), compute)

    def latencies(self, req: Requirements) -> Callable[[int], LatencyEstimate]:
        """`latency.estimate_latency` for the offering at a position, memoised per token profile."""
        table: dict[tuple[str, str, str, bool], LatencyEstimate] = self._latency.get(cost_key(req), dict)
        offerings, models, lock = self.offerings, self.models, self._lock
        by_mode = {m: tokens(req, m) for m in ("always", "hybrid", "on", "none")}

        def latency(i: int) -> LatencyEstimate:
            offering, model = offerings[i], models[i]
            cls = provider_class(offering.provider, offering.tier)
            mode = offering_mode(offering, model)
            cache = reads_cache(offering, by_mode[mode])
            key = (model.key, cls, mode, cache)
            found = table.get(key)
            if found is None:
                found = estimate_latency(model, cls, by_mode[mode], task=req.task_type, cache=cache)
                with lock:
                    table[key] = found
            return found

        return latency

    def qualities(self, profile: Profile) -> Callable[[Model], Quality]:
        """`ranking.task_quality` under `profile`, memoised per model."""
        table: dict[str, Quality] = self._quality.get(profile, dict)
        lock = self._lock

        def quality(model: Model) -> Quality:
            found = table.get(model.key)
            if found is None:
                found = task_quality(model, profile, self.scales)
                with lock:
                    table[model.key] = found
            return found

        return quality


_INDEXES = _Lru(INDEXES)


def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The index of `catalog` (built on first use, then shared)."""
    index = _INDEXES.get(id(catalog), lambda: CatalogIndex(catalog))
    if index.catalog is not catalog:  # an evicted catalog's id reused: not possible while cached
        index = CatalogIndex(catalog)
    return index

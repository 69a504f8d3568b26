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

import numpy as np
import numpy.typing as npt

from knowledge.catalog.schema import Catalog, Model, Offering
from tools.decision.cost import per_request_cost
from tools.decision.filters import first_reason, is_zero_priced, static_failures, static_key
from tools.decision.providers import is_first_party
from tools.decision.ranking import Quality, latency_class, task_quality
from tools.decision.requirements import Requirements, Volume
from tools.decision.result import LatencyClass

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
    """`cost.per_request_cost` for every offering under one token profile."""

    per_request: tuple[float | None, ...]
    array: npt.NDArray[np.float64]
    """The same as floats (0 where there is no price), for whole-catalog budget counts."""
    priced: npt.NDArray[np.bool_]
    """Where there is a price."""


@dataclass(frozen=True)
class CleanPrices:
    """The offerings that fail no static constraint, split by what their price can still do."""

    no_price: tuple[int, ...]
    zero_priced: tuple[int, ...]
    priced: npt.NDArray[np.intp]
    """Positions with a non-zero price, ascending."""
    per_request: npt.NDArray[np.float64]
    """Their price per request (times the requests per month: the monthly cost)."""


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
        self.zero_mask = np.array(self.zero_priced, dtype=bool)
        self.first_party: tuple[bool, ...] = tuple(
            is_first_party(m.maker, o.provider) for o, m in zip(self.offerings, self.models, strict=True)
        )
        self._static = _Lru(CACHE_SIZE)
        self._prices = _Lru(CACHE_SIZE)
        self._clean = _Lru(CACHE_SIZE)
        self._quality = _Lru(CACHE_SIZE)
        self._latency: dict[str, tuple[LatencyClass, str]] = {}
        self._latency_lock = threading.Lock()

    def static_pass(self, req: Requirements, as_of: date) -> StaticPass:
        """`filters.static_failures` for every offering (cached by `filters.static_key`)."""

        def compute() -> StaticPass:
            failures = tuple(
                static_failures(req, o, m, as_of=as_of)
                for o, m in zip(self.offerings, self.models, strict=True)
            )
            return _summarise(failures, self.models)

        return self._static.get(static_key(req, as_of), compute)

    def prices(self, volume: Volume) -> Prices:
        """`cost.per_request_cost` for every offering (cached by the token profile)."""

        def compute() -> Prices:
            per_request = tuple(per_request_cost(o, volume) for o in self.offerings)
            array = np.array([0.0 if p is None else p for p in per_request], dtype=np.float64)
            priced = np.array([p is not None for p in per_request], dtype=bool)
            return Prices(per_request, array, priced)

        key = (volume.input_tokens, volume.output_tokens, volume.cached_input_fraction)
        return self._prices.get(key, compute)

    def clean_prices(self, req: Requirements, as_of: date) -> CleanPrices:
        """The statically clean offerings by price kind (cached by static key and token profile)."""
        static, prices = self.static_pass(req, as_of), self.prices(req.volume)
        volume = req.volume

        def compute() -> CleanPrices:
            none = tuple(i for i in static.clean if prices.per_request[i] is None)
            zero = tuple(i for i in static.clean if prices.per_request[i] is not None and self.zero_priced[i])
            priced = [
                i for i in static.clean if prices.per_request[i] is not None and not self.zero_priced[i]
            ]
            positions = np.array(priced, dtype=np.intp)
            return CleanPrices(none, zero, positions, prices.array[positions])

        key = (
            static_key(req, as_of),
            volume.input_tokens,
            volume.output_tokens,
            volume.cached_input_fraction,
        )
        return self._clean.get(key, compute)

    def qualities(self, weights: Mapping[str, float]) -> Callable[[Model], Quality]:
        """`ranking.task_quality` under `weights`, memoised per model (weights' order matters: it is
        the order of the float sums)."""
        table: dict[str, Quality] = self._quality.get(tuple(weights.items()), dict)
        lock = self._latency_lock

        def quality(model: Model) -> Quality:
            found = table.get(model.key)
            if found is None:
                found = task_quality(model, weights)
                with lock:
                    table[model.key] = found
            return found

        return quality

    def latency(self, model: Model) -> tuple[LatencyClass, str]:
        """`ranking.latency_class`, memoised per model."""
        found = self._latency.get(model.key)
        if found is None:
            found = latency_class(model)
            with self._latency_lock:
                self._latency[model.key] = found
        return found


_INDEXES = _Lru(INDEXES)


def catalog_index(catalog: Catalog) -> CatalogIndex:
    """The index of `catalog` (built on first use, then shared)."""
    index = _INDEXES.get(id(catalog), lambda: CatalogIndex(catalog))
    if index.catalog is not catalog:  # an evicted catalog's id reused: not possible while cached
        index = CatalogIndex(catalog)
    return index

"""Small-sample statistics for probe results: Wilson intervals, percentiles, two-proportion tests.

Pure functions (standard library only) so the figures a report shows can be checked by hand.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; (0, 1) when n is 0.

    Chosen over the normal approximation because probe sets are small and accuracies often sit
    near 0 or 1, where the normal interval collapses or leaves [0, 1].
    """
    if n <= 0:
        return (0.0, 1.0)
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be within [0, n]: {successes}/{n}")
    z = _NORMAL.inv_cdf(0.5 + confidence / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between order statistics; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class Separation:
    """Whether two measured accuracies are told apart by the set, and what it would take."""

    p_a: float
    p_b: float
    n_a: int
    n_b: int
    p_value: float | None
    significant: bool
    required_n_per_model: int | None
    more_examples_needed: int | None
    note: str


def two_proportion_test(
    correct_a: int, n_a: int, correct_b: int, n_b: int, alpha: float = 0.05, power: float = 0.80
) -> Separation:
    """Pooled two-proportion z-test plus the per-model n needed to detect the observed gap.

    The required n uses the standard formula for two independent proportions at the given
    two-sided alpha and power. Probe items are shared by both models (paired), so this is
    conservative: a paired test (McNemar) usually needs fewer items.
    """
    if n_a <= 0 or n_b <= 0:
        return Separation(0.0, 0.0, n_a, n_b, None, False, None, None, "no scored items")
    p_a, p_b = correct_a / n_a, correct_b / n_b
    pooled = (correct_a + correct_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    diff = abs(p_a - p_b)
    p_value = (1.0 if diff == 0 else 0.0) if se == 0 else 2 * (1 - _NORMAL.cdf(diff / se))
    significant = p_value < alpha
    if diff == 0:
        return Separation(
            p_a,
            p_b,
            n_a,
            n_b,
            p_value,
            False,
            None,
            None,
            "identical accuracies: no finite set size separates them",
        )
    z_a = _NORMAL.inv_cdf(1 - alpha / 2)
    z_b = _NORMAL.inv_cdf(power)
    p_bar = (p_a + p_b) / 2
    numerator = z_a * math.sqrt(2 * p_bar * (1 - p_bar)) + z_b * math.sqrt(p_a * (1 - p_a) + p_b * (1 - p_b))
    required = math.ceil((numerator / diff) ** 2)
    more = max(0, required - min(n_a, n_b))
    if significant:
        note = f"difference of {diff:.1%} is significant at {1 - alpha:.0%} (p={p_value:.3g})"
    else:
        note = (
            f"difference of {diff:.1%} is not significant (p={p_value:.3g}); about {required} items per "
            f"model ({more} more) would detect it with {power:.0%} power"
        )
    return Separation(p_a, p_b, n_a, n_b, p_value, significant, required, more, note)

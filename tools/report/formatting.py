"""Number formatting shared by every renderer.

A missing number is never printed as 0: each formatter takes the phrase to show instead of `None`.
"""

from __future__ import annotations

import math

from whichmodel.tools.decision.explain import on_quality_scale


def usd(value: float | None, missing: str) -> str:
    """Dollars with as many decimals as the magnitude needs: $1,234 · $12.34 · $0.50 · $0.000123."""
    if value is None or math.isnan(value):
        return missing
    if value == 0:
        return "$0.00"
    sign = "-" if value < 0 else ""
    v = abs(value)
    if v >= 1000:
        return f"{sign}${v:,.0f}"
    if v >= 0.995:
        return f"{sign}${v:,.2f}"
    # Three significant digits, at least two decimals: 0.5 -> 0.50, 0.000123 -> 0.000123.
    decimals = max(2, 2 - math.floor(math.log10(v)))
    text = f"{v:.{decimals}f}".rstrip("0")
    whole, _, frac = text.partition(".")
    return f"{sign}${whole}.{frac.ljust(2, '0')}"


def count(value: float | None, missing: str) -> str:
    """A whole quantity with thousands separators: 30,000."""
    if value is None or math.isnan(value):
        return missing
    return f"{value:,.0f}"


def decimal(value: float | None, missing: str, places: int = 1) -> str:
    if value is None or math.isnan(value):
        return missing
    return f"{value:,.{places}f}"


def gigabytes(value: float | None, missing: str) -> str:
    if value is None or math.isnan(value):
        return missing
    return f"{value:,.1f} GB"


def percent(value: float | None, missing: str) -> str:
    if value is None or math.isnan(value):
        return missing
    return f"{value * 100:.0f}%"


def rating(value: float | None, lower: float | None, upper: float | None, missing: str) -> str:
    """A quality figure (0-100) with its interval when known, clipped to the scale: 99 (97-100)."""
    if value is None or math.isnan(value):
        return missing
    text = f"{on_quality_scale(value):,.0f}"
    if lower is not None and upper is not None:
        text += f" ({on_quality_scale(lower):,.0f}\u2013{on_quality_scale(upper):,.0f})"
    return text


def shorten(text: str, limit: int) -> str:
    """Cut a text at a word boundary near `limit` characters, marking the cut with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space >= limit * 0.7:  # cut at a word boundary when one is near; Chinese text has none
        cut = cut[:space]
    return cut.rstrip(",;:. ") + "\u2026"

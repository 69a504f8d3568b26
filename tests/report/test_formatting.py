"""Number formatting: magnitudes, separators, and 'missing' never shown as zero."""

from __future__ import annotations

import pytest

from whichmodel.tools.report import formatting as fmt


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234.5, "$1,234"),
        (12.345, "$12.35"),
        (0.5, "$0.50"),
        (0.093, "$0.093"),
        (0.000123, "$0.000123"),
        (0.00012, "$0.00012"),
        (0.0, "$0.00"),
    ],
)
def test_usd_uses_the_digits_the_magnitude_needs(value: float, expected: str) -> None:
    assert fmt.usd(value, "n/a") == expected


def test_missing_numbers_show_the_given_phrase_not_zero() -> None:
    for formatter in (fmt.usd, fmt.count, fmt.gigabytes, fmt.percent):
        assert formatter(None, "n/a (no price in catalog)") == "n/a (no price in catalog)"
    assert fmt.rating(None, 1.0, 2.0, "n/a (unrated)") == "n/a (unrated)"
    assert fmt.usd(float("nan"), "n/a") == "n/a"


def test_rating_shows_the_confidence_interval() -> None:
    assert fmt.rating(1272.4, 1265.0, 1279.9, "-") == "1,272 (1,265\u20131,280)"
    assert fmt.rating(1210.0, None, None, "-") == "1,210"


def test_shorten_cuts_at_a_word_boundary_and_handles_chinese() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta"
    cut = fmt.shorten(text, 20)
    assert cut.endswith("\u2026") and len(cut) <= 21 and " ".join(cut[:-1].split()) in text
    zh = "检索增强生成是一种在提示时加入外部数据的技术" * 3
    assert fmt.shorten(zh, 10) == zh[:10] + "\u2026"
    assert fmt.shorten("short", 20) == "short"

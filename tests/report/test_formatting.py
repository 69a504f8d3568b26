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
    assert fmt.rating(72.4, 65.0, 79.9, "-") == "72 (65\u201380)"
    assert fmt.rating(70.0, None, None, "-") == "70"


def test_quality_intervals_are_shown_within_the_0_100_scale() -> None:
    """The expert saw '99 (97-101)' and 'Quality 0 (-4-4)': a scale of 0-100 shows nothing past it."""
    assert fmt.rating(99.2, 97.4, 101.0, "-") == "99 (97\u2013100)"
    assert fmt.rating(0.0, -4.0, 4.0, "-") == "0 (0\u20134)"
    from whichmodel.tools.decision.explain import say
    from whichmodel.tools.decision.result import Reason

    line = say("en", Reason(code="quality", params={"value": 99.2, "lower": 97.4, "upper": 101.0,
                                                   "categories": ["math"], "rank": 1, "of": 84}))  # fmt: skip
    assert "(97.4\u2013100.0)" in line and "101" not in line


def test_shorten_cuts_at_a_word_boundary_and_handles_chinese() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta"
    cut = fmt.shorten(text, 20)
    assert cut.endswith("\u2026") and len(cut) <= 21 and " ".join(cut[:-1].split()) in text
    zh = "检索增强生成是一种在提示时加入外部数据的技术" * 3
    assert fmt.shorten(zh, 10) == zh[:10] + "\u2026"
    assert fmt.shorten("short", 20) == "short"

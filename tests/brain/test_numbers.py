"""English and Chinese number reading (agent.brain.numbers): figures as people write them."""

from __future__ import annotations

import pytest

from whichmodel.agent.brain.numbers import find_numbers


def _read(text: str) -> list[tuple[float, str]]:
    return [(n.value, text[n.start : n.end]) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about five hundred thousand requests a month", [(500_000, "five hundred thousand")]),
        ("two hundred fifty thousand emails", [(250_000, "two hundred fifty thousand")]),
        ("two hundred and fifty emails a day", [(250, "two hundred and fifty")]),
        ("one million two hundred thousand tokens", [(1_200_000, "one million two hundred thousand")]),
        ("half a million tokens", [(500_000, "half a million")]),
        ("we get 3 hundred thousand calls a year", [(300_000, "3 hundred thousand")]),
        ("2.5 million words", [(2_500_000, "2.5 million")]),
        ("twenty-five people", [(25, "twenty-five")]),
        ("sixteen languages", [(16, "sixteen")]),
        ("a thousand docs", [(1000, "a thousand")]),
        ("hundred euros a month?", [(100, "hundred")]),
        ("within a second", [(1, "a")]),
        ("a one-page summary", [(1, "one")]),
        ("five five", [(5, "five"), (5, "five")]),
        ("sixty or seventy a day", [(60, "sixty"), (70, "seventy")]),
        ("a few hundred a day", [(300, "a few hundred")]),
        ("每天两三千条", [(3000, "两三千")]),
        ("五十万字", [(500_000, "五十万")]),
    ],
)
def test_figures_are_read_whole(text: str, expected: list[tuple[float, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text", ["a plan", "and then", "half a loaf", "an idea"])
def test_words_that_are_not_numbers(text: str) -> None:
    assert _read(text) == []

"""Novice review 20: provenance means what its label says. "stated" is a value the person gave (a budget
typed with the word budget), "inferred" one worked out from what they said, with its basis shown (a rate a
day or a week made monthly, a vague amount, the top of a range), and a rate per worker is multiplied by the
workers. Paraphrases differ from the reviewer's wording."""

from __future__ import annotations

import pytest

from whichmodel.agent.brain import understand


def fact(message: str, path: str) -> tuple[object, str, str | None]:
    found = next(f for f in understand(message).facts if f.path == path)
    return found.value, found.provenance, found.shown


@pytest.mark.parametrize(
    "message",
    ["I sell soap online, budget $25, want help with listings", "budget is 40 dollars, we write newsletters"],
)
def test_a_typed_budget_is_stated(message: str) -> None:
    _, provenance, _ = fact(message, "budget.monthly_usd")
    assert provenance == "stated"


@pytest.mark.parametrize(
    ("message", "value", "basis"),
    [
        ("our front desk gets about 25 calls a day to summarise", 750, "25 a day × 30 days"),
        ("we answer roughly 60 reviews a week", 260, "60 a week × 4.3 weeks"),
    ],
)
def test_a_daily_or_weekly_rate_made_monthly_is_inferred_with_its_basis(message: str, value: int, basis: str) -> None:
    got, provenance, shown = fact(message, "volume.requests_per_month")
    assert got == value and provenance == "inferred"
    assert shown is not None and basis in shown


@pytest.mark.parametrize(
    "message", ["a few dozen emails a month", "15-25 letters a month", "每月几十封邮件要回"]
)
def test_a_vague_amount_or_a_range_is_not_stated(message: str) -> None:
    _, provenance, _ = fact(message, "volume.requests_per_month")
    assert provenance == "inferred"


def test_an_exact_monthly_figure_stays_stated() -> None:
    assert fact("about 300 invoices a month", "volume.requests_per_month")[1] == "stated"


@pytest.mark.parametrize(
    ("message", "workers"),
    [
        ("two vets each see around 20 animals a day, we want notes written", 2),
        ("4 tutors each mark about 10 essays a day", 4),
    ],
)
def test_a_rate_per_worker_is_multiplied_by_the_workers(message: str, workers: int) -> None:
    value, provenance, shown = fact(message, "volume.requests_per_month")
    assert provenance == "inferred" and shown is not None and f"{workers} ×" in shown
    assert isinstance(value, int) and value > 100 * workers


def test_spanish_named_in_spanish_and_replies_to_reviews_are_writing() -> None:
    # novice20 t7: "in English y español" read as English only, and the job guessed as translating
    from whichmodel.agent.brain.offline import understand

    u = understand("We'd like the AI to write cita reminders and reply to our online reviews, in English y español.")
    facts = {f.path: f.value for f in u.facts}
    assert facts.get("task_type") == "writing" and set(facts.get("languages") or ()) == {"en", "es"}
    assert {f.value for f in understand("emails en français et en deutsch").facts if f.path == "languages"} == {("fr", "de")}

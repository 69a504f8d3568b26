"""Pure logic: statistics and scorers (no I/O)."""

from __future__ import annotations

import json

import pytest

from whichmodel.tools.probes.client import AdaptiveLimiter, parse_retry_after
from whichmodel.tools.probes.scorers import ScorerSpecError, pick_label, score
from whichmodel.tools.probes.stats import percentile, two_proportion_test, wilson_interval


def test_wilson_matches_reference_values() -> None:
    low, high = wilson_interval(8, 10)
    assert (round(low, 3), round(high, 3)) == (0.490, 0.943)  # textbook Wilson 95% for 8/10
    assert wilson_interval(0, 20)[0] == 0.0 and 0.15 < wilson_interval(0, 20)[1] < 0.17
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_percentile_interpolates() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5.0], 95) == 5.0
    assert percentile([], 50) is None
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def test_two_proportion_required_n_matches_textbook() -> None:
    sep = two_proportion_test(12, 20, 18, 20)  # 60% vs 90%
    assert sep.required_n_per_model == 32  # standard formula, alpha 0.05 two-sided, power 0.8
    assert sep.more_examples_needed == 12
    assert 0.02 < sep.p_value < 0.05 and sep.significant
    same = two_proportion_test(10, 20, 10, 20)
    assert same.required_n_per_model is None and not same.significant
    close = two_proportion_test(16, 20, 17, 20)
    assert not close.significant and close.more_examples_needed > 100


@pytest.mark.parametrize(
    ("output", "expected", "spec", "passed"),
    [
        (" Paris ", "Paris", "exact", True),
        ("paris", "Paris", "exact", False),
        ("Paris!", "paris", None, True),
        ("The capital is Paris.", "paris", "contains", True),
        ("The capital is Lyon.", "paris", "contains", False),
        ("def add(a, b):\n    return a + b", r"def\s+add\s*\(", "regex", True),
        ('```json\n{"a": 1}\n```', "", "json", True),
        ("no json here", "", "json", False),
        (
            '{"name": "Ann", "age": 3}',
            json.dumps({"required": ["name", "age"], "properties": {"age": {"type": "integer"}}}),
            "json_schema",
            True,
        ),
        (
            '{"name": "Ann", "age": "3"}',
            json.dumps({"properties": {"age": {"type": "integer"}}}),
            "json_schema",
            False,
        ),
        (
            'Here: {"name": "maria lopez", "age": 34, "city": "Madrid"}',
            json.dumps({"name": "Maria Lopez", "age": 34}),
            "json_match",
            True,
        ),
        ('{"name": "Maria", "age": 35}', json.dumps({"name": "Maria", "age": 34}), "json_match", False),
        ("The answer is 1,234.5 units", "1234.5", "numeric", True),
        ("about 3.14", "3.1416", "numeric:0.01", True),
        ("about 3.2", "3.1416", "numeric:0.01", False),
        ("Positive: the reviewer loves it", "positive", "label:positive|negative", True),
        ("It is negative, not positive", "positive", "label:positive|negative", False),
        ("这条评论是正面的。", "正面", "label:正面|负面", True),
        ("I think this is a cat", "yes", "label:yes|no", False),
        ("This headline is not real.", "fake", "label:real|fake", True),
        ("This headline is not entirely real", "real", "label:real|fake", False),
        ("It's not fake, it is real", "real", "label:real|fake", True),
        ("这条新闻不是真实的", "虚假", "label:真实|虚假", True),
        ("not red but blue", "blue", "label:red|green|blue", True),
    ],
)
def test_scorers(output: str, expected: str, spec: str | None, passed: bool) -> None:
    assert score(output, expected, spec).passed is passed


def test_label_falls_back_to_set_labels_and_judge_is_unscored() -> None:
    assert pick_label("definitely fake news", ["real", "fake"]) == "fake"
    assert score("real", "real", "label", labels=["real", "fake"]).passed is True
    assert score("anything", "x", "judge").passed is None


def test_bad_specs_are_reported_as_probe_set_errors() -> None:
    with pytest.raises(ScorerSpecError):
        score("x", "(", "regex")
    with pytest.raises(ScorerSpecError):
        score("x", "x", "nonsense")
    with pytest.raises(ScorerSpecError):
        score("x", "x", "label")


def test_retry_after_forms() -> None:
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert 0 <= parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a past date means now


async def test_limiter_halves_on_429_and_recovers() -> None:
    limiter = AdaptiveLimiter(8, recover_after=2)
    await limiter.on_rate_limited()
    await limiter.on_rate_limited()
    assert limiter.limit == 2 and limiter.min_seen == 2
    for _ in range(4):
        await limiter.on_success()
    assert limiter.limit == 4
    for _ in range(40):
        await limiter.on_success()
    assert limiter.limit == 8


def test_retry_policy_waits_for_retry_after_and_gives_up_on_long_waits() -> None:
    from whichmodel.tools.probes.client import CallError, RetryPolicy

    policy = RetryPolicy(max_retries=3, base_s=0.01, max_s=1.0, max_retry_after_s=60)
    assert policy.delay(0, 5.0) == 5.0  # Retry-After beats a shorter backoff
    assert 0.008 <= policy.delay(0, None) <= 0.012
    assert policy.delay(10, None) <= 1.2  # capped exponential growth (with jitter)
    assert not policy.gives_up(CallError("rate_limited", "", retry_after=5), 0)
    assert policy.gives_up(CallError("rate_limited", "", retry_after=600), 0)
    assert policy.gives_up(CallError("auth_error", ""), 0)
    assert policy.gives_up(CallError("server_error", ""), 3)

"""The offline brain against real-world mess: huge, binary-ish and mixed-script input, and speed."""

from __future__ import annotations

import random
import string
import time

import pytest

from whichmodel.agent.brain import understand
from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS, MessageTooLong, parse_chinese

HUGE = [
    "a" * 100_000,
    "1" * 100_000,
    "每天两万条工单，" * 12_000,
    "1 " * 50_000,
    "$300 a month " * 8_000,
    "".join(chr(c) for c in range(0, 0x3000)) * 8,
    ("mixed 中文 English 123 ¥ € $ 🙂 \u200b\u202e " * 3_000),
]


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    from whichmodel.agent.brain.meaning import warm

    warm()  # the model and the descriptions' vectors load once per process, not in a timed turn


@pytest.mark.parametrize("message", HUGE, ids=[f"huge{i}" for i in range(len(HUGE))])
def test_huge_input_is_refused_whole_not_cut(message: str) -> None:
    with pytest.raises(MessageTooLong) as err:
        understand(message, expecting="budget.monthly_usd", options=("a", "b"))
    assert err.value.length == len(message) and f"{MAX_MESSAGE_CHARS:,}" in str(err.value)


@pytest.mark.parametrize("message", HUGE, ids=[f"long{i}" for i in range(len(HUGE))])
def test_long_or_garbage_input_up_to_the_limit_returns_quickly(message: str) -> None:
    message = message[:MAX_MESSAGE_CHARS]
    start = time.perf_counter()
    got = understand(message, expecting="budget.monthly_usd", options=("a", "b"))
    elapsed = time.perf_counter() - start
    # Guards against a hang or a quadratic blow-up only (minutes, not seconds): the 2 s target is a
    # benchmark figure (`python -m benchmarks.bench_agent`, "long message"), since a timed test on a
    # loaded 2-core machine fails for the machine's sake (4-9 s seen with CI and builds beside it).
    assert elapsed < 30.0, f"{elapsed:.2f}s"
    assert got.intent in {
        "provide",
        "confirm",
        "reject",
        "correction",
        "question",
        "reset",
        "nonsense",
        "greeting",
    }


def test_a_change_at_the_end_of_a_long_paste_is_read() -> None:
    paste = "Here is our ticket export, ignore the numbers in it: " + "ticket 123 closed. " * 550
    got = understand(paste + " Oh, and the budget is now $450 a month.")
    assert len(paste) > 10_000
    assert {f.path: f.value for f in got.facts}["budget.monthly_usd"] == 450


def test_repeated_statement_reads_the_figures_once() -> None:
    got = understand("每天两万条工单，" * 1_000)
    assert {f.path: f.value for f in got.facts}["volume.requests_per_month"] == 600_000


def test_random_inputs_never_crash() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "零一二两三四五六七八九十百千万亿每天月秒元美金￥$€%，。？！🙂"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        got = understand(text, expecting=rng.choice([None, "budget.monthly_usd", "latency.p95_seconds"]))
        assert isinstance(got.facts, tuple)


def test_control_characters_are_ignored() -> None:
    got = understand("\x00we need\x07 answers within\x1b 2 seconds\x00")
    assert {f.path: f.value for f in got.facts}["latency.p95_seconds"] == 2.0


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("两万", 20_000), ("一万", 10_000), ("三千五", 3_500), ("十万", 100_000), ("百万", 1_000_000),
     ("一亿", 100_000_000), ("一万五", 15_000), ("两千万", 20_000_000), ("一千零五", 1_005), ("十二", 12),
     ("三百五十", 350), ("零点五", 0.5), ("二十万", 200_000), ("一百万", 1_000_000), ("两", 2)],
)  # fmt: skip
def test_chinese_numerals(numeral: str, value: float) -> None:
    assert parse_chinese(numeral) == value


@pytest.mark.parametrize("word", ["万", "亿", "万一"])
def test_words_that_are_not_numerals(word: str) -> None:
    assert parse_chinese(word) is None

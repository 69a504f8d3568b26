"""The default scorer a person gets without a `scorer` column, and the plain lines for unusable files."""

from __future__ import annotations

import re

import pytest

from whichmodel.agent.probing import UploadError, read_upload, upload_error_line
from whichmodel.tools.probes.dataset import ProbeExample, ProbeSet
from whichmodel.tools.probes.engine import scoring_rule
from whichmodel.tools.probes.scorers import auto_labels, auto_rule, parse_spec, score
from whichmodel.tools.probes.upload import FILE_PROBLEMS, file_problem

SENTIMENT = ("positive", "negative")


def test_no_scorer_column_means_auto() -> None:
    assert parse_spec(None).name == parse_spec("").name == "auto"


@pytest.mark.parametrize(
    ("output", "expected", "labels", "passed"),
    [
        ("The capital of France is Paris.", "Paris", (), True),
        ("Paris", "Paris", (), True),
        ("Parisian food is great", "Paris", (), False),  # a whole word, not a piece of one
        ("It is Tokyo.", "Paris", (), False),
        ("The sentence is positive.", "positive", SENTIMENT, True),
        ("Positive!", "positive", SENTIMENT, True),
        ("positive or negative, hard to say", "positive", SENTIMENT, False),  # two labels: not an answer
        ("negative", "positive", SENTIMENT, False),
        ("I cannot tell", "positive", SENTIMENT, False),
        ("这条评论是正面的。", "正面", ("正面", "负面"), True),
        ("答案是北京", "北京", (), True),
    ],
)
def test_auto_scorer(output: str, expected: str, labels: tuple[str, ...], passed: bool) -> None:
    verdict = score(output, expected, None, labels)
    assert verdict.passed is passed, verdict
    assert verdict.scorer == "auto" and verdict.detail


def test_long_expected_answers_must_match() -> None:
    expected = "The meeting moved to Thursday afternoon because the room was booked"
    assert score(f"Note: {expected}.", expected).passed is False
    assert score(expected.upper(), expected).passed is True


def test_label_sets_are_recognised_only_when_labels_repeat() -> None:
    assert auto_labels(["positive", "negative", "positive", "negative"]) == SENTIMENT
    assert auto_labels(["Paris", "Tokyo", "Berlin"]) == ()  # every answer different: a QA set
    assert auto_labels(["yes"] * 5) == ()  # one label is no choice
    assert (
        auto_labels(["a long expected answer here", "another long answer", "a long expected answer here"])
        == ()
    )
    assert auto_rule(["positive", "negative", "negative"]) == ("labels", SENTIMENT)
    assert auto_rule(["Paris", "Tokyo"]) == ("phrase", ())


def test_the_run_states_its_scoring_rule() -> None:
    rows = tuple(ProbeExample(str(i), f"review {i}", label) for i, label in enumerate(SENTIMENT * 3))
    rule = scoring_rule(ProbeSet("reviews.csv", rows))
    assert rule == {"scorers": {"auto": 6}, "auto_rule": "labels", "labels": list(SENTIMENT)}
    mixed = (*rows, ProbeExample("x", "2+2?", "4", "numeric"))
    assert scoring_rule(ProbeSet("m", mixed))["scorers"] == {"auto": 6, "numeric": 1}


@pytest.mark.parametrize("code", sorted(FILE_PROBLEMS))
def test_every_file_problem_is_one_plain_line_in_both_languages(code: str) -> None:
    en = file_problem(code, "detail of the problem", "data.csv", "en")
    zh = file_problem(code, "detail of the problem", "data.csv", "zh")
    assert en.startswith("I couldn't use “data.csv”: detail of the problem. ") and "\n" not in en
    assert zh.startswith("无法使用“data.csv”：") and "\n" not in zh
    # Chinese names the problem in Chinese: only file names, column names and formats stay Latin.
    latin = set(re.findall(r"[A-Za-z_]+", zh)) - {"data", "csv", "input", "expected", "scorer", "CSV", "UTF",
                                                  "JSONL", "Excel", "xlsx", "jsonl", "max_tokens", "_meta"}  # fmt: skip
    assert not latin, (code, zh)


def test_chat_upload_errors_carry_their_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "upload-1"
    path.write_bytes(b"\x00\x01binary" * 50)
    with pytest.raises(UploadError) as caught:
        read_upload("emails.csv", path)
    assert caught.value.code == "binary" and caught.value.shown == "emails.csv"
    line = upload_error_line(str(caught.value), "emails.csv", "en")
    assert line.startswith("I couldn't use “emails.csv”: this is a binary file") and "CSV UTF-8" in line
    assert upload_error_line(str(caught.value), "emails.csv", "zh") == (
        "无法使用“emails.csv”：这是二进制文件，不是文本表格。请另存为“CSV UTF-8”、JSONL 或 Excel（.xlsx）文件后再上传。"
    )

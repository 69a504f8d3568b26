"""Requirements validation: clear errors with field paths and valid values."""

from __future__ import annotations

from pathlib import Path

import pytest

from whichmodel.tools.decision.requirements import RequirementsError, defaulted_fields, load_requirements_file


def write(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems(path: Path) -> dict[str, str]:
    with pytest.raises(RequirementsError) as info:
        load_requirements_file(path)
    return dict(info.value.problems)


def test_minimal_file_gets_stated_defaults(tmp_path: Path) -> None:
    req, raw = load_requirements_file(write(tmp_path, "use_case: x\ntask_type: chat\n"))
    assert req.languages == ("en",) and req.volume.requests_per_month == 10_000
    assert "volume" in defaulted_fields(raw) and "use_case" not in defaulted_fields(raw)


def test_nested_defaults_are_listed_by_path(tmp_path: Path) -> None:
    _, raw = load_requirements_file(
        write(tmp_path, "use_case: x\ntask_type: chat\nvolume: {requests_per_month: 5}\n")
    )
    assert "volume.input_tokens" in defaulted_fields(raw)
    assert "volume.requests_per_month" not in defaulted_fields(raw)


def test_unknown_field_names_path_and_valid_fields(tmp_path: Path) -> None:
    errs = problems(write(tmp_path, "use_case: x\ntask_type: chat\nvolume: {requests_per_day: 5}\n"))
    assert "volume.requests_per_day" in errs
    assert "requests_per_month" in errs["volume.requests_per_day"]


def test_unknown_task_type_lists_valid_values(tmp_path: Path) -> None:
    errs = problems(write(tmp_path, "use_case: x\ntask_type: poetry\n"))
    assert "task_type" in errs and "classification" in errs["task_type"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ("volume: {requests_per_month: -5}", "volume.requests_per_month"),
        ("latency: {p95_seconds: 0}", "latency.p95_seconds"),
        ("accuracy_target: 1.5", "accuracy_target"),
        ("languages: []", "languages"),
    ],
)
def test_bad_values_name_their_field(tmp_path: Path, body: str, path: str) -> None:
    assert path in problems(write(tmp_path, f"use_case: x\ntask_type: chat\n{body}\n"))


def test_malformed_yaml_and_json_and_missing_file(tmp_path: Path) -> None:
    assert "(file)" in problems(write(tmp_path, "use_case: [unclosed\n"))
    assert "(file)" in problems(write(tmp_path, "{not json", name="r.json"))
    assert "(file)" in problems(tmp_path / "absent.yaml")
    assert "(top level)" in problems(write(tmp_path, "- a\n- b\n"))


def test_zero_tokens_are_valid_where_the_task_has_none_and_output_defaults_follow_the_task() -> None:
    from whichmodel.tools.decision import Requirements

    speech = Requirements.model_validate(
        {"use_case": "transcribe calls", "task_type": "speech_to_text", "volume": {"input_tokens": 0}}
    )
    assert speech.volume.input_tokens == 0
    emb = Requirements.model_validate(
        {"use_case": "embed docs", "task_type": "embedding", "volume": {"output_tokens": 0}}
    )
    assert emb.volume.output_tokens == 0
    unstated = {"classification": 10, "extraction": 200, "chat": 300, "summarization": 400, "code": 800}
    for task, tokens in unstated.items():
        assert Requirements(use_case="x", task_type=task).volume.output_tokens == tokens  # type: ignore[arg-type]
    stated = Requirements.model_validate({"use_case": "x", "task_type": "classification", "volume": {"output_tokens": 50}})
    assert stated.volume.output_tokens == 50

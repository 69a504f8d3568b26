"""`whichmodel probe --examples FILE` with files a person might really pass: every one gets exit code 2
and one plain line naming the problem and what to do (no traceback), before any model is called."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from whichmodel.ui.cli import app

runner = CliRunner()


def _xlsx_without_sheet(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


CASES = [
    ("binary.csv", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary file", "CSV UTF-8"),
    ("latin1.csv", "input,expected\ncafé,b\nthé,c\n".encode("latin-1"), "UTF-8", "CSV UTF-8"),
    ("columns.csv", b"question,answer\nWhat?,This\n", "needs 'input' and 'expected'", "first row"),
    ("empty.csv", b"", "the file is empty", "input and expected"),
    ("header-only.csv", b"input,expected\n", "no examples", "input and expected"),
    ("fake.xlsx", b"input,expected\na,b\n", "not an Excel workbook", "Excel Workbook"),
    ("notes.txt", b"input,expected\na,b\n", "unsupported file type", ".csv, .jsonl or .xlsx"),
    ("broken.jsonl", b'{"input": "a", "expected": "b"}\n{not json\n', "line 2", "every row"),
]


@pytest.mark.parametrize(("name", "content", "problem", "advice"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_examples_file_is_one_plain_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes, problem: str, advice: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["probe", "--examples", str(path)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: I couldn't use “{name}”: "), lines[0]
    assert problem in lines[0] and advice in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_xlsx_that_is_some_other_zip_and_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    _xlsx_without_sheet(path)
    result = runner.invoke(app, ["probe", "--examples", str(path)])
    assert result.exit_code == 2 and "not an Excel workbook" in result.output, result.output
    result = runner.invoke(app, ["probe", "--examples", str(tmp_path / "nope.csv")])
    assert result.exit_code == 2 and "I couldn't find" in result.output, result.output


def test_too_big_for_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import whichmodel.tools.probes.cli as probes_cli
    from whichmodel.tools.probes.upload import UploadLimits

    monkeypatch.setattr(probes_cli, "CLI_LIMITS", UploadLimits(max_bytes=100))
    path = tmp_path / "big.csv"
    path.write_text("input,expected\n" + "a,b\n" * 100, encoding="utf-8")
    result = runner.invoke(app, ["probe", "--examples", str(path)])
    assert result.exit_code == 2, result.output
    assert "upload size limit" in result.output and "Split it" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x7fELF\x00\x01" * 50, "is a binary file"),
        ("hello\ncafé\n".encode("latin-1"), "is not UTF-8 text"),
        (b"", "has no messages"),
    ],
)
def test_a_bad_chat_script_is_one_plain_line_and_exit_2(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "script.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["chat", "--script", str(path)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.output


def test_bad_probe_results_are_one_plain_line(tmp_path: Path) -> None:
    from tests.cli.conftest import EXAMPLES

    path = tmp_path / "results.json"
    path.write_bytes(b"\x00\xff binary")
    result = runner.invoke(
        app, ["recommend", "-r", str(EXAMPLES / "fake-news.yaml"), "--probe-results", str(path)]
    )
    assert result.exit_code == 2, result.output
    assert "not a probe results file" in result.output and "whichmodel probe --out" in result.output
    assert "codec" not in result.output

"""CSV/XLSX exports: formula injection neutralised, numbers kept as numbers, missing values empty.

The probe export runs the real `whichmodel probe` CLI against a loopback OpenAI-compatible server
with hostile uploaded examples (and hostile model outputs); the shortlist export runs
`whichmodel recommend --format csv|xlsx` on a real requirements file. Files are read back with
`csv` and `openpyxl`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.probes.faultserver import FaultServer
from whichmodel.tools.report.tabular import Sheet, csv_text, neutralise, xlsx_bytes
from whichmodel.ui.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

HOSTILE = [
    '=HYPERLINK("http://127.0.0.1:9/x","y")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "   =cmd",
    "\n=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(1)",
]
NORMAL = ["plain text", "a=b (not leading)", "naïve 中文 “quotes”, commas, \"double\"", "1+1", "e-mail@x", "'quoted"]


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_prefixes_formula_triggers(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", NORMAL)
def test_neutralise_leaves_normal_text_alone(text: str) -> None:
    assert neutralise(text) == text


def test_csv_and_xlsx_writers_round_trip() -> None:
    sheet = Sheet(
        "T", ("text", "number", "missing"),
        (*((t, 1.5, None) for t in HOSTILE + NORMAL), ("int", 7, None)),
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(csv_text(sheet))))
    assert rows[0] == ["text", "number", "missing"]
    texts = [r[0] for r in rows[1:]]
    assert texts[: len(HOSTILE)] == ["'" + t for t in HOSTILE]
    assert texts[len(HOSTILE) : -1] == NORMAL  # exact round trip of normal text
    assert all(r[1] in ("1.5", "7") and r[2] == "" for r in rows[1:])

    book = load_workbook(io.BytesIO(xlsx_bytes([sheet])))
    ws = book["T"]
    cells = [row for row in ws.iter_rows(min_row=2)]
    for row, original in zip(cells, HOSTILE + NORMAL, strict=False):
        # XML normalises a lone CR to LF on reading; the cell is still text, not a formula.
        assert row[0].data_type == "s" and row[0].value == original.replace("\r", "\n")
        assert row[1].data_type == "n" and row[1].value == 1.5
        assert row[2].value is None
    assert cells[-1][1].value == 7 and isinstance(cells[-1][1].value, int)
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def _hostile_examples(path: Path) -> None:
    """Uploaded examples: hostile inputs and expected answers; the fake model echoes hostile outputs."""
    rows = [
        ('=HYPERLINK("http://127.0.0.1:9/x","y") ANSWER:=HYPERLINK("http://127.0.0.1:9/x")', "+cmd|' /C calc'!A0"),
        ("@SUM(1) ANSWER:@SUM(2)", "@SUM(2)"),
        ("-2+3 ANSWER:－1", "=1+1"),
        ("plain, \"quoted\" 中文 ANSWER:yes", "yes"),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["input", "expected", "scorer"])
    writer.writerows([(i, e, "exact") for i, e in rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _probe(tmp_path: Path, out: Path, monkeypatch: pytest.MonkeyPatch, server: FaultServer) -> None:
    monkeypatch.setenv("WHICHMODEL_ENDPOINT_FAKE_BASE_URL", server.base_url)
    monkeypatch.setenv("WHICHMODEL_ENDPOINT_FAKE_MODEL", "m")
    examples = tmp_path / "examples.csv"
    _hostile_examples(examples)
    result = runner.invoke(app, ["probe", "--examples", str(examples), "--models", "fake", "--out", str(out)])
    assert result.exit_code == 0, result.output


def test_probe_csv_export_neutralises_uploaded_and_model_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures
) -> None:
    with FaultServer() as server:
        _probe(tmp_path, tmp_path / "results.csv", monkeypatch, server)
    summary = list(csv.DictReader((tmp_path / "results.csv").open(encoding="utf-8-sig", newline="")))
    assert [r["model"] for r in summary] == ["fake"]
    assert summary[0]["accuracy_n"] == "4" and summary[0]["correct"] == "2"
    assert float(summary[0]["accuracy"]) == 0.5
    assert summary[0]["usd_per_1000_items"] == ""  # no price for an uncatalogued endpoint: empty, not 0
    assert summary[0]["no_price_reason"]
    items = list(csv.DictReader((tmp_path / "results.items.csv").open(encoding="utf-8-sig", newline="")))
    assert len(items) == 4
    by_input = {r["input"].split(" ANSWER")[0]: r for r in items}
    link = by_input["'=HYPERLINK(\"http://127.0.0.1:9/x\",\"y\")"]
    assert link["expected"] == "'+cmd|' /C calc'!A0"
    assert link["output"] == "'=HYPERLINK(\"http://127.0.0.1:9/x\")"
    assert link["score"] == "0"
    assert by_input["'@SUM(1)"]["output"] == "'@SUM(2)" and by_input["'@SUM(1)"]["score"] == "1"
    assert by_input["'-2+3"]["output"] == "'－1" and by_input["'-2+3"]["expected"] == "'=1+1"
    assert by_input['plain, "quoted" 中文']["output"] == "yes"  # normal text is exact
    for row in items + summary:
        for value in row.values():
            assert value == "" or value.lstrip()[:1] not in set("=+-@\t\r＝＋－＠"), value
    assert json.loads((tmp_path / "results.json").read_text())["models"][0]["correct"] == 2
    figures.add("exports", "probe CSV cells checked", str(sum(len(r) for r in items + summary)))


def test_probe_xlsx_export_has_no_formula_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with FaultServer() as server:
        _probe(tmp_path, tmp_path / "results.xlsx", monkeypatch, server)
    book = load_workbook(tmp_path / "results.xlsx")
    assert book.sheetnames == ["Summary", "Items"]
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert cells and not any(c.data_type == "f" for c in cells)
    items = book["Items"]
    header = [c.value for c in items[1]]
    rows = [dict(zip(header, (c for c in row), strict=True)) for row in items.iter_rows(min_row=2)]
    link = next(r for r in rows if str(r["input"].value).startswith("=HYPERLINK"))
    assert link["input"].data_type == "s" and link["output"].value == '=HYPERLINK("http://127.0.0.1:9/x")'
    assert link["expected"].value == "+cmd|' /C calc'!A0" and link["expected"].data_type == "s"
    assert link["score"].value == 0 and link["score"].data_type == "n"
    assert isinstance(link["latency_s"].value, float)
    summary = book["Summary"]
    head = [c.value for c in summary[1]]
    first = dict(zip(head, (c.value for c in summary[2]), strict=True))
    assert first["accuracy_n"] == 4 and first["accuracy"] == 0.5 and first["usd_per_1000_items"] is None


def _write_requirements(tmp_path: Path) -> Path:
    path = tmp_path / "req.yaml"
    path.write_text(
        'use_case: "=HYPERLINK(\\"http://127.0.0.1:9/x\\",\\"y\\") classify tickets"\n'
        "task_type: classification\nlanguages: [en]\n"
        "volume: {requests_per_month: 30000, input_tokens: 600, output_tokens: 5}\n"
        "budget: {monthly_usd: 150}\n",
        encoding="utf-8",
    )
    return path


def test_recommend_csv_lists_the_ranked_offerings_with_price_sources(tmp_path: Path) -> None:
    req = _write_requirements(tmp_path)
    result = runner.invoke(app, ["recommend", "-r", str(req), "--format", "csv", "--out", str(tmp_path / "s.csv")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8-sig", newline="")))
    assert rows and [int(r["rank"]) for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        if r["offering"]:
            assert r["price_source"] and r["price_as_of"][:2] == "20"
            assert float(r["monthly_cost_usd"]) >= 0
        # Missing is empty, never a made-up 0.
        assert r["measured_accuracy"] == "" and r["measured_n"] == ""
        if r["quality_rating"] == "":
            assert r["quality_low"] == "" and r["quality_high"] == ""
    stdout = runner.invoke(app, ["recommend", "-r", str(req), "--format", "csv"])
    assert stdout.exit_code == 0 and stdout.stdout.splitlines()[0].startswith("rank,model,offering")


def test_recommend_xlsx_writes_string_cells_and_numbers(tmp_path: Path) -> None:
    req = _write_requirements(tmp_path)
    out = tmp_path / "s.xlsx"
    result = runner.invoke(app, ["recommend", "-r", str(req), "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    assert book.sheetnames == ["Shortlist", "Sources"]
    ws = book["Shortlist"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, ws[2], strict=True))
    assert first["rank"].value == 1 and first["rank"].data_type == "n"
    assert first["monthly_cost_usd"].data_type == "n"
    assert all(c.data_type != "f" for ws_ in book.worksheets for row in ws_.iter_rows() for c in row)
    sources = {r[0].value: r for r in book["Sources"].iter_rows(min_row=2)}
    assert {"models.dev", "lmarena"} <= set(sources)
    assert "CC BY 4.0" in str(sources["lmarena"][5].value)  # the ratings' attribution travels along

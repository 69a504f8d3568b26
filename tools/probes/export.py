"""Probe results as spreadsheets: a per-model summary and every item (input, expected, output, score).

``whichmodel probe ... --out results.csv`` writes the summary to ``results.csv`` and the items to
``results.items.csv``; ``--out results.xlsx`` writes one workbook with the sheets "Summary" and
"Items". Inputs, expected answers and outputs come from the person's file and from models, so the
cells go through `tools.report.tabular` (formula-injection protection; numbers stay numbers, a
missing figure is an empty cell).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whichmodel.tools.probes.dataset import ProbeSet
from whichmodel.tools.probes.engine import RunResult
from whichmodel.tools.report.tabular import Cell, Sheet, write_csv, write_xlsx

SPREADSHEET_SUFFIXES = (".csv", ".xlsx")

SUMMARY_HEADER = (
    "model",
    "endpoint_model",
    "n_items",
    "accuracy",
    "accuracy_ci95_low",
    "accuracy_ci95_high",
    "accuracy_n",
    "correct",
    "errors",
    "latency_p50_s",
    "latency_p95_s",
    "latency_n",
    "ttft_p50_s",
    "input_tokens_mean",
    "output_tokens_mean",
    "usd_per_1000_items",
    "price_source",
    "price_as_of",
    "no_price_reason",
)

ITEMS_HEADER = (
    "model",
    "example_id",
    "input",
    "expected",
    "output",
    "score",
    "scorer",
    "score_detail",
    "latency_s",
    "error",
)


def summary_sheet(summary: dict[str, Any]) -> Sheet:
    """One row per probed endpoint (the figures of the results JSON, each with its n)."""
    models = {e["id"]: e.get("model") for e in summary["run"]["endpoints"]}
    rows: list[tuple[Cell, ...]] = []
    for m in summary["models"]:
        ci = m["accuracy_ci95"] or (None, None)
        cost = m["cost"]
        price = cost.get("price") or {}
        rows.append(
            (
                m["endpoint"],
                models.get(m["endpoint"]),
                m["n_items"],
                m["accuracy"],
                ci[0],
                ci[1],
                m["accuracy_n"],
                m["correct"],
                m["n_errors"],
                m["latency_s"]["p50"],
                m["latency_s"]["p95"],
                m["latency_s"]["n"],
                m["ttft_s"]["p50"],
                m["tokens"]["input_mean"],
                m["tokens"]["output_mean"],
                cost["per_1000_usd"],
                price.get("source"),
                price.get("as_of"),
                cost.get("reason"),
            )
        )
    return Sheet("Summary", SUMMARY_HEADER, tuple(rows))


def _score(passed: object) -> Cell:
    """1 correct, 0 wrong, empty when the item was not scored (an error or an unscored output)."""
    if passed is None:
        return None
    return 1 if passed else 0


def items_sheet(probe_set: ProbeSet, items: list[dict[str, Any]]) -> Sheet:
    """One row per (model, example), in the probe set's order."""
    examples = {e.id: e for e in probe_set.examples}
    order = {e.id: i for i, e in enumerate(probe_set.examples)}
    rows: list[tuple[Cell, ...]] = []
    for item in sorted(items, key=lambda r: (order.get(r["example_id"], len(order)), r["endpoint"])):
        example = examples.get(item["example_id"])
        error = item.get("error")
        rows.append(
            (
                item["endpoint"],
                item["example_id"],
                example.input if example else None,
                example.expected if example else None,
                item.get("output"),
                _score(item.get("passed")),
                item.get("scorer"),
                item.get("score_detail") or None,
                item.get("latency_s"),
                f"{error['kind']}: {error.get('message', '')}" if error else None,
            )
        )
    return Sheet("Items", ITEMS_HEADER, tuple(rows))


def items_csv_path(out: Path) -> Path:
    """Where the per-item CSV goes beside ``--out results.csv``."""
    return out.with_suffix(".items.csv")


def export_spreadsheet(out: Path, probe_set: ProbeSet, result: RunResult) -> list[Path]:
    """Write the probe results as CSV (two files) or XLSX (two sheets); returns the paths written."""
    summary, items = summary_sheet(result.summary), items_sheet(probe_set, result.items)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        write_xlsx([summary, items], out)
        return [out]
    if suffix == ".csv":
        write_csv(summary, out)
        write_csv(items, items_csv_path(out))
        return [out, items_csv_path(out)]
    raise ValueError(f"{out}: a spreadsheet export needs a .csv or .xlsx name")

"""``whichmodel probe``: run a probe set against configured endpoints, show a table, write JSON.

Mount it in the main CLI with ``app.command("probe")(tools.probes.cli.probe)`` or
``app.add_typer(tools.probes.cli.app)``; run standalone with ``python -m tools.probes.cli``.

Results JSON (``--json`` prints it, ``--out PATH`` writes it; items go to ``PATH`` with suffix
``.items.jsonl``, appended per item, which is also what ``--out`` resumes from)::

    {
      "schema": "whichmodel.probe/1",
      "run": {"id", "probe_set", "n_examples", "endpoints": [{"id", "provider", "model", "host",
              "catalog_offering", "has_key"}], "judge", "params", "concurrency_per_endpoint",
              "timeout_s", "max_retries", "started_at", "wall_s", "results_file",
              "resumed_items", "cached_items", "concurrency_min_after_429": {endpoint: int}},
      "estimate": {"method", "n_examples", "input_tokens_per_model", "output_tokens_per_model",
                   "output_tokens_upper_bound_per_model", "requests",
                   "models": [{"endpoint", "cost_usd", "cost_upper_bound_usd", "cost_reason"}]},
      "estimate_vs_actual": [{"endpoint", "n", "input_tokens_estimated", "input_tokens_actual_scaled",
                              "input_ratio_actual_to_estimate", "output_tokens_estimated",
                              "output_tokens_actual_scaled", "output_ratio_actual_to_estimate"}],
      "models": [{
          "endpoint", "n_items", "n_answered", "n_scored", "n_unscored", "n_errors", "correct",
          "accuracy", "accuracy_ci95": [low, high], "accuracy_n",   # errors count as wrong
          "accuracy_answered",
          "latency_s": {"p50", "p95", "n"}, "ttft_s": {"p50", "p95", "n"},
          "output_tokens_per_s": {"median", "n"},
          "tokens": {"input_total", "output_total", "input_mean", "output_mean", "n"},
          "cost": {"per_item_usd", "per_1000_usd", "n", "reason",   # None + reason when unpriced
                   "price": {"input_per_m", "output_per_m", "source", "as_of", "offering"} | null},
          "errors_by_kind": {kind: count}, "retries_by_kind": {kind: count}, "cached_items"}],
      # error kinds: rate_limited, server_error, timeout, malformed_response, dropped_stream,
      # connection_error, auth_error, client_error, aborted (endpoint gave up after repeated
      # failures), unavailable (local model could not start)
      "separation": [{"a", "b", "accuracy_a", "accuracy_b", "n_a", "n_b", "p_value",
                      "significant_at_95", "required_n_per_model_80_power",
                      "more_examples_needed", "note"}]
    }

Every figure carries the ``n`` it was computed from. No key ever appears in it.

``--out results.csv`` / ``--out results.xlsx`` writes spreadsheets instead (``tools.probes.export``:
a per-model summary and one row per item, formula-injection safe) and the JSON as ``results.json``.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from whichmodel.tools.probes.dataset import ProbeSet, ProbeSetError, load_probe_set, load_sample, sample_names
from whichmodel.tools.probes.endpoints import EndpointConfigError, UnknownEndpointError, load_registry
from whichmodel.tools.probes.engine import ProbeSettings, RunResult, estimate, run_probe
from whichmodel.tools.probes.engine import Progress as ProbeProgress
from whichmodel.tools.probes.export import SPREADSHEET_SUFFIXES, export_spreadsheet
from whichmodel.tools.probes.pricing import load_catalog_or_none
from whichmodel.tools.probes.upload import CLI_LIMITS, UploadRejected, file_problem, plain_detail

app = typer.Typer(help="Test candidate models on your own examples.")


def _fmt(value: float | None, pattern: str) -> str:
    return "-" if value is None else pattern.format(value)


def results_table(summary: dict[str, Any]) -> Table:
    """The per-model table shown after a run (reasons for missing prices go in the caption)."""
    n = summary["run"]["n_examples"]
    table = Table(
        title=f"Probe: {summary['run']['probe_set']} ({n} examples, {summary['run']['wall_s']:.1f}s)"
    )
    table.add_column("model", no_wrap=True)
    for column in ("accuracy", "95% CI", "n", "p50 s", "p95 s", "TTFT", "tok/s", "in/out", "$/1k"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("errors")
    reasons: dict[str, list[str]] = {}
    for m in summary["models"]:
        ci = m["accuracy_ci95"]
        tokens, cost = m["tokens"], m["cost"]
        if cost["per_1000_usd"] is None:
            reasons.setdefault(str(cost["reason"]), []).append(m["endpoint"])
        table.add_row(
            m["endpoint"],
            _fmt(m["accuracy"], "{:.0%}"),
            "-" if ci is None else f"{ci[0]:.0%}-{ci[1]:.0%}",
            str(m["accuracy_n"]),
            _fmt(m["latency_s"]["p50"], "{:.2f}"),
            _fmt(m["latency_s"]["p95"], "{:.2f}"),
            _fmt(m["ttft_s"]["p50"], "{:.2f}"),
            _fmt(m["output_tokens_per_s"]["median"], "{:.0f}"),
            f"{_fmt(tokens['input_mean'], '{:.0f}')}/{_fmt(tokens['output_mean'], '{:.0f}')}",
            _fmt(cost["per_1000_usd"], "{:.4g}"),
            ", ".join(f"{k}: {v}" for k, v in m["errors_by_kind"].items()) or "0",
        )
    if reasons:
        table.caption = "; ".join(
            f"$/1k '-' for {', '.join(ids)}: {reason}" for reason, ids in reasons.items()
        )
    return table


def run_cli_probe(
    probe_set: ProbeSet, models: str, settings: ProbeSettings, console: Console, show_progress: bool
) -> RunResult:
    """Resolve endpoint ids, run with a progress bar, return the result (raises on bad config)."""
    registry = load_registry()
    endpoints = registry.resolve(models)
    total = len(probe_set.examples) * len(endpoints)
    needs_catalog = any(e.provider != "local" and e.catalog_offering for e in endpoints)
    catalog, catalog_error = load_catalog_or_none() if needs_catalog else (None, None)
    pre = estimate(probe_set, endpoints, settings, catalog, catalog_error)
    console.print(
        f"estimate: {total} requests, ~{pre['input_tokens_per_model']} input and ~{pre['output_tokens_per_model']} "
        f"(at most {pre['output_tokens_upper_bound_per_model']}) output tokens per model ({pre['method']})"
    )
    for row in pre["models"]:
        cost = (
            "no price"
            if row["cost_usd"] is None
            else f"${row['cost_usd']:.3g} (at most ${row['cost_upper_bound_usd']:.3g})"
        )
        console.print(
            f"  {row['endpoint']}: {cost}{'' if row['cost_reason'] is None else ' - ' + row['cost_reason']}"
        )
    with Progress(
        TextColumn("[bold]probe"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=console,
        disable=not show_progress,
        transient=True,
    ) as bar:
        task = bar.add_task("probe", total=total, last="")

        def on_progress(event: ProbeProgress) -> None:
            bar.update(task, completed=event.done, last=f"{event.endpoint} {'ok' if event.ok else 'error'}")

        return asyncio.run(
            run_probe(probe_set, endpoints, settings, judge=registry.judge(), progress=on_progress)
        )


class ExamplesFileError(ValueError):
    """An --examples file that cannot be used; the message is one plain line with what to do."""


def _read_examples(path: Path) -> ProbeSet:
    """The operator's examples file, with the upload checks (type, text, workbook) at CLI limits."""
    shown = path.name
    if not path.is_file():
        raise ExamplesFileError(f"I couldn't find “{path}”. Check the path and the file name.")
    try:
        return load_probe_set(path, name=shown, limits=CLI_LIMITS)
    except (ProbeSetError, UploadRejected) as exc:
        raise ExamplesFileError(file_problem(exc.code, str(exc), shown)) from None
    except (UnicodeDecodeError, ValueError, OSError) as exc:
        raise ExamplesFileError(file_problem("unreadable", type(exc).__name__, shown)) from None


@app.command("probe")
def probe(
    examples: Annotated[
        Path | None, typer.Option("--examples", help="CSV, JSONL or XLSX with input, expected[, scorer].")
    ] = None,
    models: Annotated[
        str, typer.Option("--models", help="Comma-separated configured endpoint ids.")
    ] = "local:smollm2-135m",
    json_out: Annotated[
        bool, typer.Option("--json", help="Print the results JSON instead of a table.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write results JSON here (items beside it; resumable). A .csv or .xlsx name also writes "
            "spreadsheets (per-model summary and per-item rows) and the JSON beside them.",
        ),
    ] = None,
    sample: Annotated[
        str | None, typer.Option("--sample", help="A built-in sample set instead of --examples.")
    ] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, max=64)] = 4,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N examples.")] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Response cache (re-runs are free).")
    ] = None,
) -> None:
    """Run a probe set against configured endpoints and report accuracy, latency, tokens and cost."""
    console = Console(stderr=json_out, width=max(Console().width, 130))
    try:
        if (examples is None) == (sample is None):
            raise ProbeSetError(
                f"give exactly one of --examples FILE or --sample NAME ({', '.join(sample_names())})"
            )
        probe_set = _read_examples(examples) if examples else load_sample(str(sample))
        if limit:
            probe_set = probe_set.head(limit)
        items_path = out.with_suffix(".items.jsonl") if out else None
        settings = ProbeSettings(concurrency=concurrency, results_path=items_path, cache_dir=cache_dir)
        result = run_cli_probe(
            probe_set, models, settings, console, show_progress=sys.stderr.isatty() or not json_out
        )
    except ExamplesFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except (ProbeSetError, UnknownEndpointError, EndpointConfigError, OSError) as exc:
        typer.echo(f"error: {plain_detail(str(exc))}", err=True)
        raise typer.Exit(2) from None
    text = json.dumps(result.summary, indent=2, ensure_ascii=False)
    written: list[Path] = []
    if out:
        json_path = out.with_suffix(".json") if out.suffix.lower() in SPREADSHEET_SUFFIXES else out
        try:
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(text + "\n", encoding="utf-8")
            written = [json_path]
            if out.suffix.lower() in SPREADSHEET_SUFFIXES:
                written += export_spreadsheet(out, probe_set, result)
        except OSError as exc:
            console.print(f"[red]error:[/red] cannot write {out}: {exc.strerror or exc}")
            raise typer.Exit(1) from exc
    if json_out:
        typer.echo(text)
        return
    console.print(results_table(result.summary))
    for sep in result.summary["separation"]:
        console.print(f"{sep['a']} vs {sep['b']}: {sep['note']}")
    if len(result.summary["models"]) == 1 and result.summary["models"][0]["accuracy_ci95"]:
        m = result.summary["models"][0]
        low, high = m["accuracy_ci95"]
        console.print(
            f"{m['endpoint']}: 95% CI {low:.0%}-{high:.0%} from n={m['accuracy_n']}; "
            "halving its width takes about 4x the examples"
        )
    for row in result.summary["estimate_vs_actual"]:
        if row.get("input_ratio_actual_to_estimate") is not None:
            console.print(
                f"{row['endpoint']}: tokens actual/estimate input x{row['input_ratio_actual_to_estimate']:.2f}, "
                f"output x{row['output_ratio_actual_to_estimate']:.2f} (chars/4 heuristic)"
            )
    if result.summary["run"]["resumed_items"]:
        console.print(f"resumed {result.summary['run']['resumed_items']} finished items from {items_path}")
    if out:
        console.print(f"results: {', '.join(map(str, written))}  items: {out.with_suffix('.items.jsonl')}")


@app.command("samples")
def samples() -> None:
    """List the built-in sample sets."""
    for name in sample_names():
        typer.echo(f"{name}: {load_sample(name).description}")


if __name__ == "__main__":
    app()

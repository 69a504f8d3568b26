"""The real local model (SmolLM2-135M on xllamacpp) end to end, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from tests.probes.faultserver import FaultServer
from whichmodel.tools.probes.cli import app
from whichmodel.tools.probes.dataset import load_sample
from whichmodel.tools.probes.endpoints import load_registry
from whichmodel.tools.probes.engine import ProbeSettings, run_probe
from whichmodel.tools.probes.local_server import LocalModelServer

runner = CliRunner()


@pytest.mark.slow
def test_local_server_starts_serves_and_stops() -> None:
    with LocalModelServer("smollm2-135m", n_parallel=1) as server:
        port = server.port
        assert server.base_url == f"http://127.0.0.1:{port}/v1"
        models = httpx.get(f"{server.base_url}/models", timeout=10).json()
        assert [m["id"] for m in models["data"]] == ["smollm2-135m"]
        assert server.start_seconds is not None and server.start_seconds < 30
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=2)


@pytest.mark.slow
async def test_sample_probe_against_real_smollm2(smollm2_server: LocalModelServer) -> None:
    endpoint = (
        load_registry({})
        .resolve("local:smollm2-135m")[0]
        .model_copy(update={"base_url": smollm2_server.base_url})
    )
    probe_set = load_sample("sentiment-en").head(8)
    result = await run_probe(probe_set, [endpoint], ProbeSettings(concurrency=4, timeout_s=120))
    model = result.summary["models"][0]
    assert model["n_items"] == 8 and model["n_errors"] == 0
    assert model["accuracy_n"] == 8 and 0 <= model["accuracy"] <= 1
    assert model["accuracy_ci95"][0] <= model["accuracy"] <= model["accuracy_ci95"][1]
    assert model["tokens"]["n"] == 8 and model["tokens"]["input_total"] > 8 * 20  # server-reported usage
    assert model["ttft_s"]["n"] == 8 and model["ttft_s"]["p50"] <= model["latency_s"]["p50"]
    assert model["output_tokens_per_s"]["median"] > 0
    assert model["cost"]["per_item_usd"] is None and "no catalog price" in model["cost"]["reason"]
    ratio = result.summary["estimate_vs_actual"][0]["input_ratio_actual_to_estimate"]
    assert 0.3 < ratio < 3, "chars/4 should land within a factor of 3 of the real prompt tokens"
    print(
        f"\nSmolLM2 sentiment-en[:8]: wall {result.summary['run']['wall_s']:.1f}s, accuracy {model['accuracy']:.0%}, "
        f"p50 {model['latency_s']['p50']:.2f}s, start {getattr(smollm2_server, 'fixture_seconds', 0):.2f}s"
    )


@pytest.mark.slow
def test_cli_probe_local_model_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "probe.json"
    result = runner.invoke(
        app,
        [
            "probe",
            "--sample",
            "qa-en",
            "--limit",
            "4",
            "--models",
            "local:smollm2-135m",
            "--concurrency",
            "2",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "local:smollm2-135m" in result.output and "accuracy" in result.output
    summary = json.loads(out.read_text())
    assert summary["schema"] == "whichmodel.probe/1" and summary["models"][0]["n_items"] == 4
    assert len(out.with_suffix(".items.jsonl").read_text().splitlines()) == 4


def test_cli_json_with_configured_endpoints(fault_server: FaultServer, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("WHICHMODEL_ENDPOINT_FAKE_BASE_URL", fault_server.base_url)
    monkeypatch.setenv("WHICHMODEL_ENDPOINT_FAKE_MODEL", "m")
    monkeypatch.setenv("WHICHMODEL_ENDPOINT_FAKE_API_KEY", "sk-cli-SECRET")
    examples = tmp_path / "ex.csv"
    examples.write_text(
        "input,expected,scorer\nq1 ANSWER:yes,yes,exact\nq2 ANSWER:no,yes,exact\nq3 FAULT:500always,x,exact\n"
    )
    result = runner.invoke(
        app,
        [
            "probe",
            "--examples",
            str(examples),
            "--models",
            "fake",
            "--json",
            "--out",
            str(tmp_path / "r.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    model = summary["models"][0]
    assert (model["correct"], model["accuracy_n"], model["errors_by_kind"]) == (1, 3, {"server_error": 1})
    everything = result.output + (tmp_path / "r.json").read_text() + (tmp_path / "r.items.jsonl").read_text()
    assert "sk-cli-SECRET" not in everything


def test_cli_rejects_urls_and_unknown_ids(tmp_path: Path) -> None:
    examples = tmp_path / "ex.jsonl"
    examples.write_text('{"input": "q", "expected": "a"}\n')
    result = runner.invoke(app, ["probe", "--examples", str(examples), "--models", "http://127.0.0.1:1/v1"])
    assert result.exit_code == 2 and "not configured" in result.output

"""Fault injection against a real loopback server: runs complete, healthy results stay intact,
errors are counted by kind, retries honour Retry-After, 429s reduce concurrency, runs resume,
the cache makes re-runs free, and keys never leak into results."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.probes.faultserver import FaultServer
from whichmodel.tools.probes.dataset import ProbeExample, ProbeSet
from whichmodel.tools.probes.endpoints import Endpoint, load_registry
from whichmodel.tools.probes.engine import ProbeSettings, run_probe


def _set(rows: list[tuple[str, str]], name: str = "faults") -> ProbeSet:
    examples = tuple(
        ProbeExample(id=f"x{i}", input=text, expected=exp, scorer="exact")
        for i, (text, exp) in enumerate(rows)
    )
    return ProbeSet(name=name, examples=examples, max_tokens=16)


def _endpoint(server: FaultServer, endpoint_id: str = "fake", model: str = "m") -> Endpoint:
    return Endpoint(id=endpoint_id, provider="openai_compatible", model=model, base_url=server.base_url)


FAST = dict(timeout_s=0.5, max_retries=2, backoff_base_s=0.01, backoff_max_s=2.0)

HEALTHY = [(f"question {i} ANSWER:yes {i}", f"yes {i}") for i in range(6)]
FAULTY = [
    ("q 429 FAULT:429x1 ANSWER:fine", "fine"),  # recovers after one 429
    ("q 500 FAULT:500x1 ANSWER:fine too", "fine too"),  # recovers after one 500
    ("q FAULT:500always", "never"),
    ("q FAULT:timeout", "never"),
    ("q FAULT:malformed ANSWER:a b", "never"),
    ("q FAULT:drop ANSWER:a b c", "never"),
    ("q FAULT:hangup", "never"),
]


async def test_faults_complete_with_errors_by_kind(fault_server: FaultServer) -> None:
    probe_set = _set(HEALTHY + FAULTY)
    result = await run_probe(probe_set, [_endpoint(fault_server)], ProbeSettings(concurrency=4, **FAST))
    model = result.summary["models"][0]
    assert model["n_items"] == 13
    assert model["errors_by_kind"] == {
        "server_error": 1,
        "timeout": 1,
        "malformed_response": 1,
        "dropped_stream": 1,
        "connection_error": 1,
    }
    by_id = {i["example_id"]: i for i in result.items}
    for i in range(6):  # healthy items intact and scored
        assert by_id[f"x{i}"]["passed"] is True
        assert by_id[f"x{i}"]["output"] == f"yes {i}"
        assert by_id[f"x{i}"]["input_tokens"] > 0
    assert by_id["x6"]["passed"] is True and by_id["x6"]["retries_by_kind"] == {"rate_limited": 1}
    assert by_id["x7"]["passed"] is True and by_id["x7"]["retries_by_kind"] == {"server_error": 1}
    assert model["correct"] == 8 and model["accuracy_n"] == 13
    assert model["retries_by_kind"]["server_error"] >= 3  # 1 recovered + 2 for the always-failing row
    # each permanently failing row was tried 1 + max_retries times
    assert by_id["x8"]["attempts"] == 3 and by_id["x10"]["attempts"] == 3


async def test_retry_after_is_honoured_and_429_halves_concurrency(fault_server: FaultServer) -> None:
    rows = [(f"q{i} FAULT:429x1 RETRY_AFTER:1 ANSWER:ok", "ok") for i in range(4)]
    started = time.perf_counter()
    result = await run_probe(_set(rows), [_endpoint(fault_server)], ProbeSettings(concurrency=4, **FAST))
    elapsed = time.perf_counter() - started
    assert result.summary["models"][0]["correct"] == 4
    assert elapsed >= 1.0, "Retry-After: 1 must delay the retry by at least a second (backoff alone is 10 ms)"
    assert result.summary["run"]["concurrency_min_after_429"]["fake"] < 4


async def test_model_failing_mid_run_keeps_everyones_results(
    fault_server: FaultServer, tmp_path: Path
) -> None:
    rows = [(f"item {i} ANSWER:ok", "ok") for i in range(10)]
    healthy, dying = _endpoint(fault_server, "healthy", "m"), _endpoint(fault_server, "dying", "dies-after-4")
    results_path = tmp_path / "items.jsonl"
    settings = ProbeSettings(
        concurrency=2, results_path=results_path, abort_after_consecutive_failures=3, **FAST
    )
    result = await run_probe(_set(rows), [healthy, dying], settings)
    models = {m["endpoint"]: m for m in result.summary["models"]}
    assert models["healthy"]["correct"] == 10 and models["healthy"]["n_errors"] == 0
    assert models["dying"]["correct"] == 4
    assert set(models["dying"]["errors_by_kind"]) <= {"server_error", "aborted"}
    assert models["dying"]["n_errors"] == 6
    (sep,) = result.summary["separation"]
    assert (sep["a"], sep["b"], sep["n_a"], sep["n_b"]) == ("healthy", "dying", 10, 10)
    assert sep["significant_at_95"] is True and sep["p_value"] < 0.01 and sep["more_examples_needed"] == 0
    # everything, including the failures, is on disk, one line per item
    lines = [json.loads(line) for line in results_path.read_text().splitlines()]
    assert len(lines) == 20 and sum(1 for r in lines if r["error"] is None) == 14


async def test_resume_skips_completed_items(fault_server: FaultServer, tmp_path: Path) -> None:
    rows = [(f"item {i} ANSWER:ok", "ok") for i in range(6)]
    results_path = tmp_path / "items.jsonl"
    settings = ProbeSettings(concurrency=2, results_path=results_path, **FAST)
    first = await run_probe(_set(rows).head(4), [_endpoint(fault_server)], settings)  # "interrupted" after 4
    assert first.summary["models"][0]["correct"] == 4
    before = len(fault_server.log.requests)
    second = await run_probe(_set(rows), [_endpoint(fault_server)], settings)
    assert len(fault_server.log.requests) - before == 2, "only the 2 missing items are requested"
    assert second.summary["run"]["resumed_items"] == 4
    assert second.summary["models"][0]["correct"] == 6


async def test_cache_makes_reruns_free(fault_server: FaultServer, tmp_path: Path) -> None:
    rows = [(f"item {i} ANSWER:ok", "ok") for i in range(5)]
    settings = ProbeSettings(concurrency=2, cache_dir=tmp_path / "cache", **FAST)
    await run_probe(_set(rows), [_endpoint(fault_server)], settings)
    before = len(fault_server.log.requests)
    again = await run_probe(_set(rows), [_endpoint(fault_server)], settings)
    assert len(fault_server.log.requests) == before
    assert again.summary["run"]["cached_items"] == 5 and again.summary["models"][0]["correct"] == 5
    changed = ProbeSettings(concurrency=2, cache_dir=tmp_path / "cache", max_tokens=7, **FAST)
    await run_probe(_set(rows), [_endpoint(fault_server)], changed)
    assert len(fault_server.log.requests) == before + 5, "different params are a different cache key"


async def test_keys_go_only_to_their_endpoint_and_never_into_results(
    fault_server: FaultServer, tmp_path: Path, caplog
) -> None:
    caplog.set_level("DEBUG")
    openai_key, custom_key = "sk-openai-SECRET-0001", "sk-custom-SECRET-0002"
    env = {
        "OPENAI_API_KEY": openai_key,
        "WHICHMODEL_ENDPOINT_NOKEY_BASE_URL": fault_server.base_url,
        "WHICHMODEL_ENDPOINT_NOKEY_MODEL": "m1",
        "WHICHMODEL_ENDPOINT_KEYED_BASE_URL": fault_server.base_url,
        "WHICHMODEL_ENDPOINT_KEYED_MODEL": "m2",
        "WHICHMODEL_ENDPOINT_KEYED_API_KEY": custom_key,
    }
    registry = load_registry(env)
    endpoints = registry.resolve("nokey,keyed")
    out = tmp_path / "items.jsonl"
    result = await run_probe(
        _set(HEALTHY[:3]), endpoints, ProbeSettings(results_path=out, cache_dir=tmp_path / "c", **FAST)
    )
    auth = {r["body"]["model"]: r["headers"].get("Authorization") for r in fault_server.log.requests}
    assert auth == {"m1": None, "m2": f"Bearer {custom_key}"}, (
        "OPENAI_API_KEY must never reach a custom base URL"
    )
    dumped = json.dumps(result.summary) + json.dumps(result.items) + out.read_text() + caplog.text
    dumped += "".join(p.read_text() for p in (tmp_path / "c").rglob("*.json"))
    dumped += repr(endpoints) + str(endpoints) + json.dumps([e.model_dump() for e in endpoints])
    for key in (openai_key, custom_key, "SECRET"):
        assert key not in dumped


async def test_llm_judge_only_when_configured_and_schema_bound(fault_server: FaultServer) -> None:
    # The fault server echoes what follows ANSWER:, so the candidate "answers" a line the judge then echoes.
    rows = [
        ProbeExample(
            id="p",
            input='q ANSWER:ANSWER:{"verdict": "pass", "reason": "matches"}',
            expected="ref",
            scorer="judge",
        ),
        ProbeExample(
            id="f",
            input='q ANSWER:ANSWER:{"verdict": "fail", "reason": "wrong"}',
            expected="ref",
            scorer="judge",
        ),
    ]
    probe_set = ProbeSet(name="judged", examples=tuple(rows), max_tokens=32)
    candidate, judge = _endpoint(fault_server, "cand", "m"), _endpoint(fault_server, "judge", "judge-model")
    without = await run_probe(probe_set, [candidate], ProbeSettings(**FAST))
    assert (
        without.summary["models"][0]["n_unscored"] == 2 and without.summary["models"][0]["accuracy"] is None
    )
    judged = await run_probe(probe_set, [candidate], ProbeSettings(**FAST), judge=judge)
    verdicts = {i["example_id"]: i["passed"] for i in judged.items}
    assert verdicts == {"p": True, "f": False}
    judge_requests = [r["body"] for r in fault_server.log.requests if r["body"]["model"] == "judge-model"]
    assert len(judge_requests) == 2
    assert all(r["response_format"]["type"] == "json_schema" for r in judge_requests)


async def test_cost_from_catalog_price_with_source_and_date(fault_server: FaultServer, monkeypatch) -> None:
    from datetime import date
    from types import SimpleNamespace

    from whichmodel.knowledge.catalog.schema import PriceTier, Pricing

    pricing = Pricing(tiers=(PriceTier(input=2.0, output=8.0),), source="models.dev", as_of=date(2026, 8, 18))
    catalog = SimpleNamespace(offerings={"acme:m": SimpleNamespace(id="acme:m", pricing=pricing)})
    monkeypatch.setattr("whichmodel.tools.probes.engine.load_catalog_or_none", lambda: (catalog, None))
    priced = _endpoint(fault_server, "priced").model_copy(update={"catalog_offering": "acme:m"})
    unpriced = _endpoint(fault_server, "unpriced")
    result = await run_probe(_set(HEALTHY[:4]), [priced, unpriced], ProbeSettings(**FAST))
    models = {m["endpoint"]: m for m in result.summary["models"]}
    tokens = models["priced"]["tokens"]
    expected = (tokens["input_total"] * 2.0 + tokens["output_total"] * 8.0) / 1e6 / 4
    assert models["priced"]["cost"]["per_item_usd"] == expected > 0
    assert models["priced"]["cost"]["per_1000_usd"] == expected * 1000
    assert (
        models["priced"]["cost"]["price"]["source"] == "models.dev"
        and models["priced"]["cost"]["price"]["as_of"] == "2026-08-18"
    )
    assert (
        models["unpriced"]["cost"]["per_item_usd"] is None
        and models["unpriced"]["cost"]["reason"] == "no catalog price"
    )
    assert result.summary["estimate"]["models"][0]["cost_usd"] > 0


async def test_unavailable_local_model_does_not_stop_the_others(
    fault_server: FaultServer, monkeypatch
) -> None:
    from whichmodel.tools.probes import local_server

    monkeypatch.setitem(
        local_server.LOCAL_MODELS,
        "ghost",
        local_server.LocalModelSpec("no_such_package_xyz", "x.gguf", "ghost", "missing"),
    )
    ghost = Endpoint(id="local:ghost", provider="local", model="ghost")
    result = await run_probe(_set(HEALTHY[:3]), [ghost, _endpoint(fault_server)], ProbeSettings(**FAST))
    models = {m["endpoint"]: m for m in result.summary["models"]}
    assert models["local:ghost"]["errors_by_kind"] == {"unavailable": 3}
    assert models["fake"]["correct"] == 3

"""The probe engine: run every example against every candidate endpoint and measure each model.

Per model it reports accuracy with a 95% Wilson interval, latency and time-to-first-token p50/p95,
output tokens/s, server-reported input/output tokens, cost per item and per 1,000 items from
catalog prices (with source and date; ``None`` with a reason when there is no price), errors and
retries by kind, and whether the set is large enough to tell the models apart. Before running it
estimates tokens and cost (a stated chars/4 heuristic); afterwards it says how close that was.

Every figure carries its sample size ``n``. See :mod:`tools.probes.cli` for the JSON schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import median
from typing import Any

import httpx

from whichmodel.tools.probes.client import (
    AdaptiveLimiter,
    CallError,
    Completion,
    RetryPolicy,
    complete_with_retries,
)
from whichmodel.tools.probes.dataset import ProbeExample, ProbeSet
from whichmodel.tools.probes.endpoints import Endpoint
from whichmodel.tools.probes.judge import judge_score
from whichmodel.tools.probes.local_server import LocalModelServer, LocalModelUnavailableError
from whichmodel.tools.probes.pricing import PriceLookup, load_catalog_or_none, price_for
from whichmodel.tools.probes.scorers import Score, ScorerSpecError, parse_spec, score
from whichmodel.tools.probes.stats import percentile, two_proportion_test, wilson_interval
from whichmodel.tools.probes.store import ResponseCache, ResultsFile, cache_key

SCHEMA_VERSION = "whichmodel.probe/1"
CHARS_PER_TOKEN = 4  # the estimate's heuristic, stated in every estimate
NON_ASCII_TOKENS_PER_CHAR = 1.0  # CJK text runs near one token per character, not per four


def estimate_tokens(text: str) -> int:
    """Heuristic token count: ASCII characters / 4, plus one per non-ASCII character."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    return int((len(text) - non_ascii) / CHARS_PER_TOKEN + non_ascii * NON_ASCII_TOKENS_PER_CHAR)


MESSAGE_OVERHEAD_TOKENS = 4


@dataclass(frozen=True)
class ProbeSettings:
    """How a probe runs. ``concurrency`` is per endpoint (and the local server's slot count)."""

    concurrency: int = 4
    timeout_s: float = 60.0
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    max_tokens: int | None = None  # None: the probe set's own cap
    temperature: float = 0.0
    seed: int | None = 0
    abort_after_consecutive_failures: int = 6
    results_path: Path | None = None
    cache_dir: Path | None = None

    def policy(self) -> RetryPolicy:
        return RetryPolicy(self.max_retries, self.backoff_base_s, self.backoff_max_s, self.timeout_s)


@dataclass(frozen=True)
class Progress:
    """Reported after each item: how many of the total are done, and which endpoint just finished one."""

    done: int
    total: int
    endpoint: str
    ok: bool


def request_params(probe_set: ProbeSet, settings: ProbeSettings) -> dict[str, Any]:
    """Generation parameters sent with every request (and part of the cache key)."""
    params: dict[str, Any] = {
        "max_tokens": settings.max_tokens or probe_set.max_tokens,
        "temperature": settings.temperature,
    }
    if settings.seed is not None:
        params["seed"] = settings.seed
    return params


def build_messages(probe_set: ProbeSet, example: ProbeExample) -> list[dict[str, str]]:
    messages = [{"role": "system", "content": probe_set.system}] if probe_set.system else []
    return [*messages, {"role": "user", "content": example.input}]


def _params_hash(params: dict[str, Any], system: str | None) -> str:
    return hashlib.sha256(json.dumps([params, system], sort_keys=True).encode()).hexdigest()[:12]


# ---------------------------------------------------------------- estimate


def estimate(
    probe_set: ProbeSet,
    endpoints: Sequence[Endpoint],
    settings: ProbeSettings,
    catalog: Any = None,
    catalog_error: str | None = None,
) -> dict[str, Any]:
    """Token and cost estimate before running, by the chars/4 heuristic (not a tokenizer)."""
    max_tokens = settings.max_tokens or probe_set.max_tokens
    input_tokens = sum(
        estimate_tokens((probe_set.system or "") + e.input)
        + MESSAGE_OVERHEAD_TOKENS * (2 if probe_set.system else 1)
        for e in probe_set.examples
    )
    typical_output = sum(min(max_tokens, max(1, estimate_tokens(e.expected) + 1)) for e in probe_set.examples)
    upper_output = max_tokens * len(probe_set.examples)
    per_model = []
    for endpoint in endpoints:
        lookup = price_for(endpoint, catalog, input_tokens // max(1, len(probe_set.examples)), catalog_error)
        per_model.append(
            {
                "endpoint": endpoint.id,
                "cost_usd": lookup.price.cost(input_tokens, typical_output) if lookup.price else None,
                "cost_upper_bound_usd": lookup.price.cost(input_tokens, upper_output)
                if lookup.price
                else None,
                "cost_reason": lookup.reason,
            }
        )
    return {
        "method": f"heuristic: ASCII characters / {CHARS_PER_TOKEN} per token (non-ASCII: 1 per character), "
        f"+{MESSAGE_OVERHEAD_TOKENS} per message; "
        "output = length of the expected answer (upper bound: max_tokens per item)",
        "n_examples": len(probe_set.examples),
        "input_tokens_per_model": input_tokens,
        "output_tokens_per_model": typical_output,
        "output_tokens_upper_bound_per_model": upper_output,
        "requests": len(probe_set.examples) * len(endpoints),
        "models": per_model,
    }


# ---------------------------------------------------------------- running


@contextlib.asynccontextmanager
async def serve_local(endpoints: Sequence[Endpoint], n_parallel: int) -> AsyncIterator[list[Endpoint]]:
    """Start a loopback server for each local endpoint without a base URL; yield endpoints with URLs.

    A local model that cannot start keeps ``base_url=None``; its items are recorded as ``unavailable``.
    """
    servers: dict[str, LocalModelServer] = {}
    failed: dict[str, str] = {}
    ready: list[Endpoint] = []
    try:
        for endpoint in endpoints:
            if endpoint.provider == "local" and endpoint.base_url is None:
                name = endpoint.id.removeprefix("local:")
                if name not in servers and name not in failed:
                    try:
                        servers[name] = await asyncio.to_thread(
                            LocalModelServer(name, n_parallel=n_parallel).start
                        )
                    except (LocalModelUnavailableError, RuntimeError) as exc:
                        failed[name] = str(exc)  # reported per item; the other endpoints still run
                if name in servers:
                    endpoint = endpoint.model_copy(update={"base_url": servers[name].base_url})
            ready.append(endpoint)
        yield ready
    finally:
        for server in servers.values():
            await asyncio.to_thread(server.stop)


@dataclass
class _EndpointState:
    limiter: AdaptiveLimiter
    consecutive_failures: int = 0
    aborted: bool = False


@dataclass
class RunResult:
    """Everything a run produced: the summary (JSON-ready) and the item records."""

    summary: dict[str, Any]
    items: list[dict[str, Any]] = field(default_factory=list)


async def run_probe(
    probe_set: ProbeSet,
    endpoints: Sequence[Endpoint],
    settings: ProbeSettings | None = None,
    *,
    judge: Endpoint | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> RunResult:
    """Run the probe set against every endpoint concurrently; local models are started as needed."""
    settings = settings or ProbeSettings()
    async with serve_local([*endpoints, *([judge] if judge else [])], settings.concurrency) as ready:
        judge_ready = ready[-1] if judge else None
        return await _run(probe_set, ready[: len(endpoints)], settings, judge_ready, progress)


async def _run(
    probe_set: ProbeSet,
    endpoints: Sequence[Endpoint],
    settings: ProbeSettings,
    judge: Endpoint | None,
    progress: Callable[[Progress], None] | None,
) -> RunResult:
    run_id = uuid.uuid4().hex[:12]
    started_at = datetime.now(UTC)
    # The catalog (about a second to load) only matters for endpoints mapped to a priced offering.
    needs_catalog = any(e.provider != "local" and e.catalog_offering for e in endpoints)
    catalog, catalog_error = await asyncio.to_thread(load_catalog_or_none) if needs_catalog else (None, None)
    pre = estimate(probe_set, endpoints, settings, catalog, catalog_error)
    params = request_params(probe_set, settings)
    phash = _params_hash(params, probe_set.system)
    results = ResultsFile(settings.results_path) if settings.results_path else None
    previous = results.completed() if results else {}
    cache = ResponseCache(settings.cache_dir) if settings.cache_dir else None
    states = {e.id: _EndpointState(AdaptiveLimiter(settings.concurrency)) for e in endpoints}
    judge_limiter = AdaptiveLimiter(settings.concurrency)
    labels = probe_set.label_choices()
    auto = probe_set.auto_labels()
    total = len(probe_set.examples) * len(endpoints)
    done = 0
    items: list[dict[str, Any]] = []
    wall_start = time.perf_counter()
    limits = httpx.Limits(max_connections=settings.concurrency * (len(endpoints) + 1) + 4)

    async with httpx.AsyncClient(timeout=httpx.Timeout(settings.timeout_s), limits=limits) as client:

        async def one(endpoint: Endpoint, example: ProbeExample) -> None:
            nonlocal done
            key = (endpoint.id, example.id, phash)
            if key in previous:
                record = {**previous[key], "resumed": True}
            else:
                record = await _run_item(
                    client,
                    endpoint,
                    example,
                    probe_set,
                    params,
                    phash,
                    settings,
                    states[endpoint.id],
                    cache,
                    judge,
                    judge_limiter,
                    auto if parse_spec(example.scorer).name == "auto" else labels,
                    run_id,
                )
                if results:
                    results.append(record)
            items.append(record)
            done += 1
            if progress:
                progress(Progress(done, total, endpoint.id, record["error"] is None))

        tasks = [one(e, x) for x in probe_set.examples for e in endpoints]
        await asyncio.gather(*tasks)

    wall_s = time.perf_counter() - wall_start
    summary = summarize(probe_set, endpoints, items, settings, pre, catalog, catalog_error)
    summary["run"] = {
        "id": run_id,
        "probe_set": probe_set.name,
        "n_examples": len(probe_set.examples),
        "scoring": scoring_rule(probe_set),
        "endpoints": [e.public() for e in endpoints],
        "judge": judge.id if judge else None,
        "params": params,
        "concurrency_per_endpoint": settings.concurrency,
        "timeout_s": settings.timeout_s,
        "max_retries": settings.max_retries,
        "started_at": started_at.isoformat(),
        "wall_s": round(wall_s, 3),
        "results_file": str(settings.results_path) if settings.results_path else None,
        "resumed_items": sum(1 for i in items if i.get("resumed")),
        "cached_items": sum(1 for i in items if i.get("cached")),
        "concurrency_min_after_429": {e.id: states[e.id].limiter.min_seen for e in endpoints},
    }
    return RunResult(summary=summary, items=items)


async def _run_item(
    client: httpx.AsyncClient,
    endpoint: Endpoint,
    example: ProbeExample,
    probe_set: ProbeSet,
    params: dict[str, Any],
    phash: str,
    settings: ProbeSettings,
    state: _EndpointState,
    cache: ResponseCache | None,
    judge: Endpoint | None,
    judge_limiter: AdaptiveLimiter,
    labels: tuple[str, ...],
    run_id: str,
) -> dict[str, Any]:
    messages = build_messages(probe_set, example)
    record: dict[str, Any] = {
        "type": "item",
        "run_id": run_id,
        "endpoint": endpoint.id,
        "example_id": example.id,
        "params_hash": phash,
        "output": None,
        "passed": None,
        "scorer": parse_spec(example.scorer).name,
        "score_detail": "",
        "latency_s": None,
        "ttft_s": None,
        "input_tokens": None,
        "output_tokens": None,
        "output_tokens_per_s": None,
        "finish_reason": None,
        "attempts": 0,
        "retries_by_kind": {},
        "cached": False,
        "error": None,
        "at": datetime.now(UTC).isoformat(),
    }
    if endpoint.base_url is None:
        record["error"] = {
            "kind": "unavailable",
            "message": "endpoint has no server (local model did not start)",
        }
        return record
    if state.aborted:
        record["error"] = {"kind": "aborted", "message": "endpoint stopped after repeated failures"}
        return record
    key = cache_key(endpoint.id, endpoint.model, messages, params)
    hit = cache.get(key) if cache else None
    if hit is not None:
        completion = Completion(
            **{
                k: hit[k]
                for k in ("text", "latency_s", "ttft_s", "input_tokens", "output_tokens", "finish_reason")
            }
        )
        completion.attempts = 0
        record["cached"] = True
    else:
        try:
            completion = await complete_with_retries(
                client, endpoint, messages, params, settings.policy(), state.limiter
            )
        except CallError as error:
            state.consecutive_failures += 1
            if state.consecutive_failures >= settings.abort_after_consecutive_failures:
                state.aborted = True
            record.update(
                attempts=error.attempts,
                retries_by_kind=error.retries_by_kind,
                error={"kind": error.kind, "message": error.message[:200], "status": error.status},
            )
            return record
        state.consecutive_failures = 0
        if cache:
            cache.put(
                key,
                {
                    "text": completion.text,
                    "latency_s": completion.latency_s,
                    "ttft_s": completion.ttft_s,
                    "input_tokens": completion.input_tokens,
                    "output_tokens": completion.output_tokens,
                    "finish_reason": completion.finish_reason,
                    "endpoint": endpoint.id,
                },
            )
    verdict = await _score(client, example, completion.text, labels, judge, judge_limiter, settings)
    record.update(
        output=completion.text[:4000],
        passed=verdict.passed,
        score_detail=verdict.detail[:200],
        latency_s=completion.latency_s,
        ttft_s=completion.ttft_s,
        input_tokens=completion.input_tokens,
        output_tokens=completion.output_tokens,
        output_tokens_per_s=completion.output_tokens_per_s,
        finish_reason=completion.finish_reason,
        attempts=completion.attempts,
        retries_by_kind=completion.retries_by_kind,
    )
    return record


async def _score(
    client: httpx.AsyncClient,
    example: ProbeExample,
    output: str,
    labels: tuple[str, ...],
    judge: Endpoint | None,
    judge_limiter: AdaptiveLimiter,
    settings: ProbeSettings,
) -> Score:
    spec = parse_spec(example.scorer)
    if spec.name == "judge":
        if judge is None:
            return Score(None, "judge", "no judge endpoint configured (WHICHMODEL_JUDGE_ENDPOINT)")
        return await judge_score(
            client, judge, example.input, example.expected, output, settings.policy(), judge_limiter
        )
    try:
        return score(output, example.expected, example.scorer, example.labels or labels)
    except ScorerSpecError as exc:
        return Score(None, spec.name, f"probe set error: {exc}")


# ---------------------------------------------------------------- summary


def scoring_rule(probe_set: ProbeSet) -> dict[str, Any]:
    """How the set is scored, for the results: rows per scorer and the default scorer's rule.

    ``auto_rule``: "labels" (an answer naming exactly one of ``labels`` counts for it), "phrase" (a
    short expected answer contained as a whole word or phrase counts), or None (no row uses it).
    """
    counts = Counter(parse_spec(e.scorer).name for e in probe_set.examples)
    auto = probe_set.auto_labels()
    rule = None if not counts.get("auto") else ("labels" if auto else "phrase")
    return {"scorers": dict(counts), "auto_rule": rule, "labels": list(auto)}


def _dist(values: list[float]) -> dict[str, Any]:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "n": len(values)}


def summarize_endpoint(
    endpoint: Endpoint, items: list[dict[str, Any]], lookup: PriceLookup
) -> dict[str, Any]:
    """Figures for one endpoint from its item records (pure)."""
    ok = [i for i in items if i["error"] is None]
    scored = [i for i in ok if i["passed"] is not None]
    errors = [i for i in items if i["error"] is not None]
    correct = sum(1 for i in scored if i["passed"])
    n_acc = len(scored) + len(errors)  # an error counts as a wrong answer
    low, high = wilson_interval(correct, n_acc)
    with_usage = [i for i in ok if i["input_tokens"] is not None and i["output_tokens"] is not None]
    in_tokens = sum(i["input_tokens"] for i in with_usage)
    out_tokens = sum(i["output_tokens"] for i in with_usage)
    cost_per_item = (
        (lookup.price.cost(in_tokens, out_tokens) / len(with_usage)) if lookup.price and with_usage else None
    )
    retries: Counter[str] = Counter()
    for item in items:
        retries.update(item.get("retries_by_kind") or {})
    speeds = [i["output_tokens_per_s"] for i in ok if i["output_tokens_per_s"]]
    return {
        "endpoint": endpoint.id,
        "n_items": len(items),
        "n_answered": len(ok),
        "n_scored": len(scored),
        "n_unscored": len(ok) - len(scored),
        "n_errors": len(errors),
        "correct": correct,
        "accuracy": correct / n_acc if n_acc else None,
        "accuracy_ci95": [low, high] if n_acc else None,
        "accuracy_n": n_acc,
        "accuracy_answered": correct / len(scored) if scored else None,
        "latency_s": _dist([i["latency_s"] for i in ok if i["latency_s"] is not None]),
        "ttft_s": _dist([i["ttft_s"] for i in ok if i["ttft_s"] is not None]),
        "output_tokens_per_s": {"median": median(speeds) if speeds else None, "n": len(speeds)},
        "tokens": {
            "input_total": in_tokens,
            "output_total": out_tokens,
            "n": len(with_usage),
            "input_mean": in_tokens / len(with_usage) if with_usage else None,
            "output_mean": out_tokens / len(with_usage) if with_usage else None,
        },
        "cost": {
            "per_item_usd": cost_per_item,
            "per_1000_usd": cost_per_item * 1000 if cost_per_item is not None else None,
            "n": len(with_usage),
            "reason": None
            if cost_per_item is not None
            else (lookup.reason or "no answered items with token usage"),
            "price": None
            if lookup.price is None
            else {
                "input_per_m": lookup.price.input_per_m,
                "output_per_m": lookup.price.output_per_m,
                "source": lookup.price.source,
                "as_of": lookup.price.as_of,
                "offering": lookup.price.offering,
            },
        },
        "errors_by_kind": dict(Counter(i["error"]["kind"] for i in errors)),
        "retries_by_kind": dict(retries),
        "cached_items": sum(1 for i in items if i.get("cached")),
    }


def summarize(
    probe_set: ProbeSet,
    endpoints: Sequence[Endpoint],
    items: list[dict[str, Any]],
    settings: ProbeSettings,
    pre: dict[str, Any],
    catalog: Any,
    catalog_error: str | None,
) -> dict[str, Any]:
    """The run's JSON summary: per-model figures, separation tests, and estimate vs actual."""
    models = []
    for endpoint in endpoints:
        mine = [i for i in items if i["endpoint"] == endpoint.id]
        with_usage = [i["input_tokens"] for i in mine if i["input_tokens"] is not None]
        mean_prompt = int(sum(with_usage) / len(with_usage)) if with_usage else 0
        models.append(
            summarize_endpoint(endpoint, mine, price_for(endpoint, catalog, mean_prompt, catalog_error))
        )
    separation = []
    for i, a in enumerate(models):
        for b in models[i + 1 :]:
            sep = two_proportion_test(a["correct"], a["accuracy_n"], b["correct"], b["accuracy_n"])
            separation.append(
                {
                    "a": a["endpoint"],
                    "b": b["endpoint"],
                    "accuracy_a": sep.p_a,
                    "accuracy_b": sep.p_b,
                    "n_a": sep.n_a,
                    "n_b": sep.n_b,
                    "p_value": sep.p_value,
                    "significant_at_95": sep.significant,
                    "required_n_per_model_80_power": sep.required_n_per_model,
                    "more_examples_needed": sep.more_examples_needed,
                    "note": sep.note,
                }
            )
    return {
        "schema": SCHEMA_VERSION,
        "estimate": pre,
        "estimate_vs_actual": _estimate_vs_actual(pre, models),
        "models": models,
        "separation": separation,
    }


def _estimate_vs_actual(pre: dict[str, Any], models: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for model in models:
        tokens = model["tokens"]
        n = tokens["n"]
        if not n:
            out.append({"endpoint": model["endpoint"], "n": 0, "note": "no usage reported"})
            continue
        scale = pre["n_examples"] / n  # compare like with like when some items failed
        actual_in, actual_out = tokens["input_total"] * scale, tokens["output_total"] * scale
        out.append(
            {
                "endpoint": model["endpoint"],
                "n": n,
                "input_tokens_estimated": pre["input_tokens_per_model"],
                "input_tokens_actual_scaled": round(actual_in),
                "input_ratio_actual_to_estimate": actual_in / pre["input_tokens_per_model"]
                if pre["input_tokens_per_model"]
                else None,
                "output_tokens_estimated": pre["output_tokens_per_model"],
                "output_tokens_actual_scaled": round(actual_out),
                "output_ratio_actual_to_estimate": actual_out / pre["output_tokens_per_model"]
                if pre["output_tokens_per_model"]
                else None,
            }
        )
    return out

"""The probe step of the conversation: offer a probe after the shortlist, take the person's answer
(a built-in sample set, an uploaded file, pasted examples, or no), run it with progress, re-rank.

What is offered and which endpoints are probed is computed here and in agent.probing from the
shortlist and the server's configuration; the brain only reads which option the person picked.
"""

from __future__ import annotations

import asyncio
from typing import Any

from langgraph.config import get_stream_writer

from agent import tools
from agent.nodes.render import event as _event
from agent.nodes.render import message as _message
from agent.nodes.render import t
from agent.probing import ProbeService, sample_for
from agent.prompts import PROBE_OPTIONS
from agent.state import Pending, State
from tools.decision.result import ProbeEvidence, Recommendation
from tools.probes.dataset import (
    ProbeSet,
    ProbeSetError,
    load_sample,
    parse_pasted,
    probe_set_from_data,
    probe_set_to_data,
)
from tools.probes.engine import Progress
from tools.probes.evidence import evidence_from_summary

PROBE_FIELD = "probe"


def offer(
    service: ProbeService | None, rec: Recommendation, state: State, lang: str
) -> tuple[Pending | None, list[dict[str, Any]]]:
    """The probe offer after a shortlist: the pending question and its event (None when nothing to probe)."""
    if service is None or not rec.recommendations:
        return None, []
    endpoints = service.endpoints_for(rec)
    if not endpoints:
        return None, []
    req = rec.requirements
    sample = sample_for(req.task_type, req.use_case, lang)
    items = [t(lang, "probe_items_sample", sample=sample, n=len(load_sample(sample).examples))]
    keys = ["sample", "own", "skip"]
    waiting = state.get("probe_examples")
    if waiting:
        items.insert(0, t(lang, "probe_items_mine", name=waiting["name"], n=len(waiting["examples"])))
        keys.insert(0, "mine")
    text = t(lang, "probe_offer", endpoints=", ".join(e.id for e in endpoints), items="; ".join(items))
    options = [PROBE_OPTIONS[k].label(lang) for k in keys]
    pending = Pending(field=PROBE_FIELD, text=text, options=options, default=options[-1])
    return pending, [_event("question", field=PROBE_FIELD, text=text, options=options, default=options[-1])]


def picked_option(state: State) -> str | None:
    """Which probe option this turn's message picked ("mine", "sample", "own", "skip"), if any."""
    pending = state.get("pending") or {}
    choice = (state.get("understanding") or {}).get("choice")
    labels = {o.label(lang): k for k, o in PROBE_OPTIONS.items() for lang in ("en", "zh")}
    if choice in labels and choice in pending.get("options", []):
        return labels[choice]
    if choice == "no":
        return "skip"
    low = state.get("text", "").lower().strip()
    for key, option in PROBE_OPTIONS.items():
        if (
            (
                option.label("en") in pending.get("options", [])
                or option.label("zh") in pending.get("options", [])
            )
            and any(a in low for a in option.aliases)
            and len(low) <= 60
        ):
            return key
    return None


def pasted(text: str) -> ProbeSet | str | None:
    """Examples pasted into the message, an error for people, or None when the text is not examples."""
    lines = [x for x in text.splitlines() if x.strip()]
    if len(lines) < 2 or not any(("=>" in x or "\t" in x or x.lstrip().startswith("{")) for x in lines):
        return None
    try:
        return parse_pasted(text)
    except ProbeSetError as exc:
        return str(exc)


def request_for(
    state: State, lang: str
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], dict[str, Any]]:
    """What this turn asks of the probe step: (a probe request or None, events, state update)."""
    upload = state.get("upload")
    stage = state.get("stage", "interview")
    events: list[dict[str, Any]] = []
    update: dict[str, Any] = {}
    examples: dict[str, Any] | None = None
    if upload:
        if upload.get("error"):
            events.append(_message(t(lang, "probe_upload_error", name=upload.get("name", "?"),
                                     error=upload["error"]), lang))  # fmt: skip
        else:
            examples = upload.get("probe_set")
    pending = state.get("pending") or {}
    if examples is None and pending.get("field") == PROBE_FIELD:
        found = pasted(state.get("text", ""))
        if isinstance(found, str):
            events.append(_message(t(lang, "probe_pasted_error", error=found), lang))
        elif found is not None:
            examples = probe_set_to_data(found)
    if examples is not None:
        if stage != "recommended" or not state.get("recommendation"):
            update["probe_examples"] = examples
            events.append(
                _message(t(lang, "probe_waiting", name=examples["name"], n=len(examples["examples"])), lang)
            )
            return None, events, update
        return {"probe_set": examples}, events, update
    if pending.get("field") != PROBE_FIELD:
        return None, events, update
    key = picked_option(state)
    if key == "mine" and state.get("probe_examples"):
        return {"probe_set": state["probe_examples"]}, events, update
    if key == "sample":
        rec = Recommendation.model_validate(state["recommendation"])
        name = sample_for(rec.requirements.task_type, rec.requirements.use_case, lang)
        return {"probe_set": probe_set_to_data(load_sample(name))}, events, update
    if key == "own":
        events.append(_message(t(lang, "probe_how"), lang))
        return None, events, {"_keep_pending": True}
    if key == "skip":
        events.append(_message(t(lang, "probe_skip"), lang))
        return None, events, {"pending": None}
    return None, events, update


def _line(m: Any, lang: str) -> str:
    ci = "n/a" if m.ci95_low is None else f"{m.ci95_low:.0%}\u2013{m.ci95_high:.0%}"
    cost = (
        t(lang, "probe_cost", cost=f"${m.cost_per_1k_usd:,.4g}")
        if m.cost_per_1k_usd is not None
        else t(lang, "probe_no_cost")
    )
    errors = (
        t(
            lang,
            "probe_errors",
            n=m.errors,
            kinds=", ".join(f"{k} {v}" for k, v in sorted(m.errors_by_kind.items())),
        )
        if m.errors
        else ""
    )
    p95 = "n/a" if m.latency_p95_s is None else f"{m.latency_p95_s:.2f} s"
    acc = "n/a" if m.accuracy is None else f"{m.accuracy:.0%}"
    return t(
        lang, "probe_line", endpoint=m.endpoint, acc=acc, ci=ci, n=m.n, p95=p95, cost=cost, errors=errors
    )


def result_rows(evidence: ProbeEvidence, rec: Recommendation) -> list[dict[str, Any]]:
    """One row per probed endpoint for front ends (every figure with its n)."""
    stands = {c.measured.endpoint: c.model for c in rec.recommendations if c.measured is not None}
    return [
        {
            "endpoint": m.endpoint,
            "stands_for": stands.get(m.endpoint),
            "accuracy": m.accuracy,
            "ci95": [m.ci95_low, m.ci95_high],
            "n": m.n,
            "latency_p50_s": m.latency_p50_s,
            "latency_p95_s": m.latency_p95_s,
            "latency_n": m.latency_n,
            "cost_per_1k_usd": m.cost_per_1k_usd,
            "cost_source": m.cost_source,
            "cost_as_of": m.cost_as_of,
            "errors": m.errors,
            "errors_by_kind": dict(m.errors_by_kind),
        }
        for m in evidence.measurements
    ]


async def run(
    service: ProbeService, state: State, thread_id: str, raw: dict[str, Any], lang: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run the requested probe and re-rank: (state update, events). Errors are named, nothing is lost."""
    request = state.get("probe_request") or {}
    probe_set = probe_set_from_data(request["probe_set"])
    events: list[dict[str, Any]] = []
    total = len(probe_set.examples)
    if total > service.max_items:
        probe_set = probe_set.head(service.max_items)
        events.append(_message(t(lang, "probe_trimmed", n=service.max_items, total=total), lang))
    rec = Recommendation.model_validate(state["recommendation"])
    endpoints = service.endpoints_for(rec)
    if not endpoints:
        return {"probe_request": None, "pending": None}, [
            *events,
            _message(t(lang, "probe_no_endpoints"), lang),
        ]
    writer = get_stream_writer()

    def progress(p: Progress) -> None:
        writer(
            {"type": "probe_progress", "done": p.done, "total": p.total, "endpoint": p.endpoint, "ok": p.ok}
        )

    try:
        result = await service.run(probe_set, endpoints, thread_id, progress)
    except Exception as exc:  # the probe is reported as failed, with its cause; the ranking stays
        error = f"{type(exc).__name__}: {exc}"[:300]
        events.append(_event("tool_step", name="probe", summary=f"failed: {error}"))
        events.append(_message(t(lang, "probe_failed", error=error), lang))
        return {"probe_request": None, "pending": None}, events
    evidence = evidence_from_summary(result.summary)
    reranked: Recommendation = await asyncio.to_thread(tools.shortlist_and_rank, raw, evidence)
    assert reranked.probes is not None
    run_info = result.summary["run"]
    events.append(
        _event(
            "tool_step",
            name="probe",
            summary=f"{len(probe_set.examples)} examples x {len(endpoints)} endpoint(s) in {run_info['wall_s']:.1f} s; "
            f"resumed {run_info['resumed_items']}, cached {run_info['cached_items']}",
        )
    )
    lines = [t(lang, "probe_done", n=len(probe_set.examples), models=", ".join(e.id for e in endpoints),
               wall=run_info["wall_s"])]  # fmt: skip
    lines += [f"- {_line(m, lang)}" for m in reranked.probes.measurements]
    lines += [f"- {e}" for e in reranked.probes.effects]
    events.append(_message("\n".join(lines), lang))
    events.append(_event("probe_results", rows=result_rows(reranked.probes, reranked)))
    return {
        "probe_request": None,
        "probe_examples": None,
        "pending": None,
        "probes": reranked.probes.model_dump(mode="json"),
        "recommendation": reranked.model_dump(mode="json"),
        "report_ready": True,
    }, events

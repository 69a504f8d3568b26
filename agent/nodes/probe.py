"""The probe step of the conversation: offer a probe after the shortlist, take the person's answer
(a matching built-in sample set, an uploaded file, pasted examples, the endpoint settings, a setup
check, or no), run it with progress, and say whether the measurements changed the ranking.

What is offered and which endpoints are probed is computed here and in agent.probing from the
shortlist and the server's configuration; the brain only reads which option the person picked.
Only shortlisted candidates are measured; the local test model runs only as a labelled setup check.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from langgraph.config import get_stream_writer

from whichmodel.agent import tools
from whichmodel.agent.events import AnyEvent, ProbeProgress, ProbeResults, ProbeRow, Question, ToolStep
from whichmodel.agent.interview_spec import Option
from whichmodel.agent.nodes.render import message as _message
from whichmodel.agent.nodes.render import person_currency
from whichmodel.agent.probing import (
    EXTRA_OPTIONS,
    ProbeService,
    endpoint_settings,
    pt,
    sample_for,
    sample_title,
    upload_error_line,
)
from whichmodel.agent.prompts import PROBE_OPTIONS
from whichmodel.agent.state import Pending, State
from whichmodel.tools.decision.result import ProbeEvidence, Recommendation
from whichmodel.tools.probes.dataset import (
    ProbeSet,
    ProbeSetError,
    load_sample,
    parse_pasted,
    probe_set_from_data,
    probe_set_to_data,
    sample_names,
)
from whichmodel.tools.probes.endpoints import Endpoint
from whichmodel.tools.probes.engine import Progress
from whichmodel.tools.probes.evidence import evidence_from_summary

PROBE_FIELD = "probe"
SETUP_CHECK_MAX_TOKENS = 16
"""Output cap of a setup check (the local test model only shows that testing works end to end)."""

OPTIONS: dict[str, Option] = {**PROBE_OPTIONS, **EXTRA_OPTIONS}
"""Every answer to the probe offer, by key."""


def _names(endpoints: list[Endpoint], stands: dict[str, str]) -> str:
    return ", ".join(stands.get(e.id, e.id) for e in endpoints)


def offer_said(reply: str, lang: str) -> bool:
    """Whether an earlier reply already made the offer with no candidate set up here (it is made once a
    conversation, not after every re-ranking)."""
    return " ".join(pt(lang, "offer_none").split())[:80] in " ".join(reply.split())


def offer(
    service: ProbeService | None, rec: Recommendation, state: State, lang: str
) -> tuple[Pending | None, list[AnyEvent]]:
    """The probe offer after a shortlist: the pending question and its event (None when nothing to offer).

    With candidates set up on this server: test them on the person's examples or on a built-in
    sample set that matches the task (none is offered when none matches). Without: say so plainly
    and offer the endpoint settings (and a setup check with the local test model, labelled as such).
    """
    if service is None or not rec.recommendations:
        return None, []
    req = rec.requirements
    endpoints = service.candidate_endpoints(rec)
    waiting = state.get("probe_examples")
    if endpoints:
        sample = sample_for(req.task_type, req.use_case, lang)
        keys, items = [], []
        if waiting:
            keys.append("mine")
            items.append(pt(lang, "item_mine", name=waiting["name"], n=len(waiting["examples"])))
        else:
            items.append(pt(lang, "item_own"))
        if sample is not None:
            keys.append("sample")
            n = len(load_sample(sample).examples)
            items.append(pt(lang, "item_sample", title=sample_title(sample, lang), n=n))
        keys += ["own", "skip"]
        sep = "；" if lang == "zh" else "; "
        models = _names(endpoints, service.stands_for(rec, endpoints))
        text = pt(lang, "offer", models=models, items=sep.join(items))
    else:
        keys = ["settings"]
        if service.setup_check_endpoint() is not None:
            keys.append("check")
        keys.append("skip")
        text = pt(lang, "offer_none")
        if waiting:
            text += " " + pt(lang, "offer_none_mine", name=waiting["name"], n=len(waiting["examples"]))
    options = [OPTIONS[k].label(lang) for k in keys]
    pending = Pending(field=PROBE_FIELD, text=text, options=options, default=options[-1])
    return pending, [Question(field=PROBE_FIELD, text=text, options=options, default=options[-1])]


def nothing_to_test(text: str, lang: str) -> bool:
    """Whether an offer's text is the one saying no shortlisted model is set up here (`offer_none`)."""
    return text.startswith(pt(lang, "offer_none"))


def picked_option(state: State) -> str | None:
    """Which probe option this turn's message picked ("mine", "sample", "own", "skip", "settings",
    "check"), if any."""
    if (state.get("understanding") or {}).get("question"):
        return None  # "为什么不用 DeepSeek？" asks about a model; its 不用 declines nothing
    pending: dict[str, Any] = dict(state.get("pending") or {})
    offered = pending.get("options", [])
    choice = (state.get("understanding") or {}).get("choice")
    labels = {o.label(lang): k for k, o in OPTIONS.items() for lang in ("en", "zh")}
    if choice in labels and choice in offered:
        return labels[choice]
    if choice == "no":
        return "skip"
    low = state.get("text", "").lower().strip()
    if low in (label.lower() for label in labels) and any(low == o.lower() for o in offered):
        return next(k for label, k in labels.items() if label.lower() == low)
    for key, option in OPTIONS.items():
        if (
            (option.label("en") in offered or option.label("zh") in offered)
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


def _settings_message(rec: Recommendation, state: State, lang: str) -> str:
    """The endpoint settings to add for the top candidates, and the command that runs the test."""
    settings = endpoint_settings(rec)
    env = "\n".join(line for s in settings for line in [*s.lines(lang), ""]).strip()
    ids = ",".join(s.endpoint_id for s in settings)
    waiting = state.get("probe_examples")
    examples = waiting["name"] if waiting else ("样例.csv" if lang == "zh" else "examples.csv")
    parts = [
        pt(lang, "settings_intro"),
        f"```\n{env}\n```",
        pt(lang, "settings_run"),
        f"```\nwhichmodel probe --examples {examples} --models {ids}\n```",
    ]
    sample = sample_for(rec.requirements.task_type, rec.requirements.use_case, lang)
    if sample is not None:
        parts.append(pt(lang, "settings_sample", title=sample_title(sample, lang)))
        parts.append(f"```\nwhichmodel probe --sample {sample} --models {ids}\n```")
    parts.append(pt(lang, "settings_chat"))
    return "\n\n".join(parts)


def _only_the_file(state: State) -> bool:
    """Whether this turn carried nothing but the examples (no requirement, no question)."""
    u = state.get("understanding") or {}
    return not u.get("facts") and not u.get("question")


def request_for(
    state: State, lang: str
) -> tuple[dict[str, Any] | None, list[AnyEvent], dict[str, Any]]:
    """What this turn asks of the probe step: (a probe request or None, events, state update).

    A file or paste that cannot be used gets one plain line (what is wrong, what to do) and, when the
    turn said nothing else, ends the turn there (no "anything else to change?" after it).
    """
    upload = state.get("upload")
    stage = state.get("stage", "interview")
    events: list[AnyEvent] = []
    update: dict[str, Any] = {}
    examples: dict[str, Any] | None = None
    unusable = False
    if upload:
        if upload.get("error"):
            name = upload.get("name", "?")
            events.append(_message(upload_error_line(upload["error"], name, lang), lang))
            unusable = True
        else:
            examples = upload.get("probe_set")
    pending: dict[str, Any] = dict(state.get("pending") or {})
    if examples is None and not unusable and pending.get("field") == PROBE_FIELD:
        found = pasted(state.get("text", ""))
        if isinstance(found, str):
            events.append(_message(pt(lang, "pasted_error", error=found.rstrip(".")), lang))
            unusable = True
        elif found is not None:
            examples = probe_set_to_data(found)
    if unusable and _only_the_file(state):
        return None, events, {"_keep_pending": True}
    if examples is not None:
        if stage != "recommended" or not state.get("recommendation"):
            update["probe_examples"] = examples
            events.append(
                _message(pt(lang, "waiting", name=examples["name"], n=len(examples["examples"])), lang)
            )
            return None, events, update
        return {"probe_set": examples}, events, update
    if pending.get("field") != PROBE_FIELD:
        return None, events, update
    key = picked_option(state)
    rec = Recommendation.model_validate(state["recommendation"]) if state.get("recommendation") else None
    if key == "mine" and state.get("probe_examples"):
        return {"probe_set": state["probe_examples"]}, events, update
    if key == "sample" and rec is not None:
        sample = sample_for(rec.requirements.task_type, rec.requirements.use_case, lang)
        if sample is not None:
            return {"probe_set": probe_set_to_data(load_sample(sample))}, events, update
    if key == "check" and rec is not None:
        waiting = state.get("probe_examples")
        check_set = sample_for(rec.requirements.task_type, rec.requirements.use_case, lang) or (
            "qa-zh" if lang == "zh" else "qa-en"
        )
        data = waiting or probe_set_to_data(load_sample(check_set))
        return {"probe_set": data, "setup_check": True}, events, update
    if key == "settings" and rec is not None:
        events.append(_message(_settings_message(rec, state, lang), lang))
        return None, events, {"pending": None}
    if key == "own":
        events.append(_message(pt(lang, "how"), lang))
        return None, events, {"_keep_pending": True}
    if key == "skip":
        events.append(_message(pt(lang, "skip"), lang))
        return None, events, {"pending": None}
    return None, events, update


def _pct(value: float | None, lang: str) -> str:
    return pt(lang, "na") if value is None else f"{value:.0%}"


def _line(m: Any, model: str, lang: str) -> str:
    ci = (
        pt(lang, "na")
        if m.ci95_low is None
        else pt(lang, "range", low=f"{m.ci95_low:.0%}", high=f"{m.ci95_high:.0%}")
    )
    cost = (
        pt(lang, "cost", cost=f"${m.cost_per_1k_usd:,.4g}")
        if m.cost_per_1k_usd is not None
        else pt(lang, "no_cost")
    )
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(m.errors_by_kind.items()))
    errors = pt(lang, "errors", n=m.errors, kinds=kinds) if m.errors else ""
    unit = " 秒" if lang == "zh" else " s"
    p95 = pt(lang, "na") if m.latency_p95_s is None else f"{m.latency_p95_s:.2f}{unit}"
    return pt(lang, "line", model=model, acc=_pct(m.accuracy, lang), ci=ci, n=m.n, p95=p95, cost=cost,
              errors=errors)  # fmt: skip


def result_rows(
    evidence: ProbeEvidence, stands: dict[str, str], *, setup_check: bool = False, sample: bool = False
) -> list[ProbeRow]:
    """One row per probed endpoint for front ends (every figure with its n).

    `stands_for`: the shortlisted model the endpoint serves; `role`: "candidate" or "setup_check";
    `examples`: "sample" (a built-in sample set) or "own" (the person's).
    """
    return [
        ProbeRow(
            endpoint=m.endpoint,
            stands_for=stands.get(m.endpoint),
            role="setup_check" if setup_check else "candidate",
            examples="sample" if sample else "own",
            accuracy=m.accuracy,
            ci95=(m.ci95_low, m.ci95_high),
            n=m.n,
            latency_p50_s=m.latency_p50_s,
            latency_p95_s=m.latency_p95_s,
            latency_n=m.latency_n,
            cost_per_1k_usd=m.cost_per_1k_usd,
            cost_source=m.cost_source,
            cost_as_of=m.cost_as_of,
            errors=m.errors,
            errors_by_kind=dict(m.errors_by_kind),
        )
        for m in evidence.measurements
    ]


def scoring_line(scoring: dict[str, Any] | None, lang: str) -> str | None:
    """How the default scorer judged answers (from the run's summary), or None when it was not used."""
    if not scoring or not scoring.get("auto_rule"):
        return None
    if scoring["auto_rule"] == "labels":
        sep = "、" if lang == "zh" else ", "
        return pt(lang, "scoring_labels", labels=sep.join(scoring.get("labels", [])))
    return pt(lang, "scoring_phrase")


def ranking_changed(before: Recommendation, after: Recommendation, depth: int = 5) -> bool:
    """Whether the measurements changed the shortlist's order (its first `depth` models)."""
    order = [c.model_key for c in before.recommendations[:depth]]
    return order != [c.model_key for c in after.recommendations[:depth]]


async def run(
    service: ProbeService, state: State, thread_id: str, raw: dict[str, Any], lang: str
) -> tuple[dict[str, Any], list[AnyEvent]]:
    """Run the requested probe: (state update, events). Errors are named, nothing is lost.

    Candidates' figures re-rank the shortlist, and the reply says whether the order changed. A setup
    check (the local test model) is reported as such and never reaches the ranking.
    """
    request = state.get("probe_request") or {}
    probe_set = probe_set_from_data(request["probe_set"])
    setup_check = bool(request.get("setup_check"))
    events: list[AnyEvent] = []
    total = len(probe_set.examples)
    if total > service.max_items:
        probe_set = probe_set.head(service.max_items)
        events.append(_message(pt(lang, "trimmed", n=service.max_items, total=total), lang))
    if setup_check:  # only shows that testing works: short answers are enough
        probe_set = replace(probe_set, max_tokens=min(probe_set.max_tokens, SETUP_CHECK_MAX_TOKENS))
    rec = Recommendation.model_validate(state["recommendation"])
    local = service.setup_check_endpoint()
    endpoints = ([local] if local else []) if setup_check else service.endpoints_for(rec)
    if not endpoints:
        if setup_check:
            return {"probe_request": None, "pending": None}, [*events, _message(pt(lang, "check_none"), lang)]
        kept = {"probe_examples": request["probe_set"]}
        pending, offer_events = offer(service, rec, {**state, **kept}, lang)  # type: ignore[typeddict-item]
        return {"probe_request": None, "pending": pending, **kept}, [*events, *offer_events]
    writer = get_stream_writer()

    def progress(p: Progress) -> None:
        writer(ProbeProgress(done=p.done, total=p.total, endpoint=p.endpoint, ok=p.ok).model_dump(mode="json"))

    try:
        result = await service.run(probe_set, endpoints, thread_id, progress)
    except Exception as exc:  # the probe is reported as failed, with its cause; the ranking stays
        error = f"{type(exc).__name__}: {exc}"[:300]
        events.append(ToolStep(name="probe", summary=f"failed: {error}"))
        events.append(_message(pt(lang, "failed", error=error), lang))
        return {"probe_request": None, "pending": None}, events
    evidence = evidence_from_summary(result.summary)
    run_info = result.summary["run"]
    events.append(
        ToolStep(
            name="probe",
            summary=f"{len(probe_set.examples)} examples x {len(endpoints)} endpoint(s) in {run_info['wall_s']:.1f} s; "
            f"resumed {run_info['resumed_items']}, cached {run_info['cached_items']}",
        )
    )
    scoring = scoring_line(run_info.get("scoring"), lang)
    if setup_check:
        assert local is not None
        label = pt(lang, "setup_check")
        lines = [
            pt(lang, "check_done", model=local.model, n=len(probe_set.examples), wall=run_info["wall_s"])
        ]
        lines += [f"- {_line(m, f'{m.endpoint} ({label})', lang)}" for m in evidence.measurements]
        if scoring:
            lines.append("\n" + scoring)
        events.append(_message("\n".join(lines), lang))
        rows = result_rows(evidence, {}, setup_check=True, sample=probe_set.name in sample_names())
        events.append(ProbeResults(rows=rows))
        return {"probe_request": None, "probe_examples": None, "pending": None}, events
    currency = person_currency(state.get("requirements", {}), lang)
    reranked: Recommendation = await asyncio.to_thread(tools.shortlist_and_rank, raw, evidence, currency, lang)
    assert reranked.probes is not None
    stands = service.stands_for(rec, endpoints)
    lines = [
        pt(lang, "done", n=len(probe_set.examples), models=_names(endpoints, stands), wall=run_info["wall_s"])
    ]
    lines += [f"- {_line(m, stands.get(m.endpoint, m.endpoint), lang)}" for m in reranked.probes.measurements]
    lines += [f"- {e}" for e in reranked.probes.effects]
    if scoring:
        lines.append("\n" + scoring)
    if ranking_changed(rec, reranked):
        top = reranked.recommendations[0].model if reranked.recommendations else "—"
        lines.append("\n" + pt(lang, "changed", top=top))
    else:
        lines.append("\n" + pt(lang, "unchanged"))
    events.append(_message("\n".join(lines), lang))
    rows = result_rows(reranked.probes, stands, sample=probe_set.name in sample_names())
    events.append(ProbeResults(rows=rows))
    return {
        "probe_request": None,
        "probe_examples": None,
        "pending": None,
        "probes": reranked.probes.model_dump(mode="json"),
        "recommendation": reranked.model_dump(mode="json"),
    }, events

"""Probe measurements on the person's own examples, applied to a ranking (pure, deterministic).

The framework's order is accuracy first, then cost and latency. So, for candidates that were probed:

- a measured accuracy below the accuracy target eliminates the candidate (``probe_below_target``);
  without a target, the bar is the best measured model: a candidate whose 95% interval does not
  reach the best point estimate is measurably worse and ranks after every unmeasured candidate;
- a measured p95 latency above the latency limit eliminates a candidate whose probed endpoint *is*
  its offering (``probe_too_slow``); latency measured on another host is reported, not applied;
- among the candidates that meet the bar, the cheapest leads, then the fastest (measured p95), then
  the previous rank; they rank before every unmeasured candidate, whose quality is only a public
  rating.

A measurement stands for a candidate when its endpoint's catalog offering is the candidate's
offering, or an offering of the same canonical model. Nothing here calls a model or reads a clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from whichmodel.tools.decision.explain import pct, stated_pct
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import (
    Candidate,
    Elimination,
    Lang,
    Measurement,
    ProbeEvidence,
    Reason,
    Relaxation,
)

BELOW_TARGET = "probe_below_target"
TOO_SLOW = "probe_too_slow"
BELOW_TARGET_LABEL = BELOW_TARGET
"""Elimination codes; their labels and every sentence of this module are the explainer's
(`tools.decision.explain`, keys `probe_*`)."""


def _say(lang: Lang, key: str, **values: object) -> Reason:
    """An effect as data: the code `probe_<key>` with its (already formatted) figures."""
    del lang  # the explainer writes the words
    return Reason(code=f"probe_{key}", params={k: str(v) for k, v in values.items()})


def ci_text(m: Measurement) -> str:
    if m.ci95_low is None or m.ci95_high is None:
        return "95% CI n/a"
    return f"95% CI {m.ci95_low:.0%}\u2013{m.ci95_high:.0%}"


@dataclass(frozen=True)
class Applied:
    """A ranking after the measurements: the re-ranked candidates, what they eliminated, and why."""

    ranked: list[Candidate]
    eliminated: list[Elimination]
    evidence: ProbeEvidence


def resolve_models(evidence: ProbeEvidence, model_of: Callable[[str], str | None]) -> ProbeEvidence:
    """Fill each measurement's canonical model key from its catalog offering (`model_of` looks it up)."""
    measurements = [
        m.model_copy(update={"model_key": model_of(m.catalog_offering)})
        if m.catalog_offering and m.model_key is None
        else m
        for m in evidence.measurements
    ]
    return evidence.model_copy(update={"measurements": measurements})


def match(candidate: Candidate, measurements: Sequence[Measurement]) -> Measurement | None:
    """The measurement that stands for this candidate: its own offering first, then its model."""
    for m in measurements:
        if m.catalog_offering and m.catalog_offering == candidate.offering_id:
            return m
    for m in measurements:
        if m.model_key and m.model_key == candidate.model_key:
            return m
    return None


def apply_measurements(
    req: Requirements, ranked: Sequence[Candidate], evidence: ProbeEvidence, lang: Lang
) -> Applied:
    """Re-rank `ranked` with the probe figures (see the module docstring for the rules)."""
    target = req.accuracy_target
    limit = req.latency.p95_seconds
    matched: dict[int, Measurement] = {}
    for i, c in enumerate(ranked):
        m = match(c, evidence.measurements)
        if m is not None and m.accuracy is not None and m.n > 0:
            matched[i] = m
    effects: list[Reason] = []
    best = max((m.accuracy or 0.0 for m in matched.values()), default=None)
    if target is None and best is not None:
        effects.append(_say(lang, "no_target", best=pct(best)))

    below: dict[str, tuple[int, list[str]]] = {}
    meeting: list[tuple[float, float, int, Candidate]] = []
    unmeasured: list[Candidate] = []
    worse: list[Candidate] = []
    for i, c in enumerate(ranked):
        m = matched.get(i)
        if m is None:
            unmeasured.append(c)
            continue
        acc = m.accuracy or 0.0
        figures = {"model": c.model, "acc": pct(acc), "ci": ci_text(m), "n": m.n}
        c = _annotated(c, m, evidence.probe_set, lang)
        if target is not None and acc < target:
            effects.append(_say(lang, "below", target=stated_pct(target), **figures))
            _count(below, BELOW_TARGET, c.model)
            continue
        if (
            limit is not None
            and m.latency_p95_s is not None
            and m.latency_n > 0
            and m.catalog_offering == c.offering_id
            and m.latency_p95_s > limit
        ):
            effects.append(_say(lang, "slow", model=c.model, p95=f"{m.latency_p95_s:.2f}", n=m.latency_n,
                                limit=f"{limit:g}"))  # fmt: skip
            _count(below, TOO_SLOW, c.model)
            continue
        if target is None and best is not None and (m.ci95_high if m.ci95_high is not None else acc) < best:
            effects.append(_say(lang, "worse", best=pct(best), **figures))
            worse.append(c)
            continue
        cost = c.monthly_cost_usd if c.monthly_cost_usd is not None else math.inf
        p95 = m.latency_p95_s if m.latency_p95_s is not None else math.inf
        meeting.append((cost, p95, c.rank, c))

    meeting.sort(key=lambda t: (t[0], t[1], t[2]))
    for k, (_, _, _, c) in enumerate(meeting):
        m = c.measured
        assert m is not None
        key = "lead" if k == 0 else "meets"
        effects.append(_say(lang, key, model=c.model, acc=pct(m.accuracy), n=m.n))
    order = [c for *_, c in meeting] + unmeasured + worse
    reranked = [c.model_copy(update={"rank": r}) for r, c in enumerate(order, start=1)]

    offerings = {c.offering_id for c in ranked if c.offering_id}
    models = {c.model_key for c in ranked}
    unmatched = [
        m.endpoint
        for m in evidence.measurements
        if m.catalog_offering not in offerings and m.model_key not in models
    ]
    effects.extend(
        _say(lang, "unmatched", endpoint=m.endpoint, model=m.model)
        for m in evidence.measurements
        if m.endpoint in unmatched
    )
    eliminated = [
        Elimination(reason=reason, label="", count=count, examples=examples[:5])
        for reason, (count, examples) in sorted(below.items())
    ]
    return Applied(
        ranked=reranked,
        eliminated=eliminated,
        evidence=evidence.model_copy(update={"effect_codes": effects, "unmatched": unmatched}),
    )


def _count(into: dict[str, tuple[int, list[str]]], reason: str, model: str) -> None:
    count, examples = into.get(reason, (0, []))
    into[reason] = (count + 1, [*examples, model])


def _annotated(c: Candidate, m: Measurement, probe_set: str, lang: Lang) -> Candidate:
    p95 = "n/a" if m.latency_p95_s is None else f"{m.latency_p95_s:.2f} s (n={m.latency_n})"
    code = Reason(
        code="measured",
        params={"probe_set": probe_set, "acc": pct(m.accuracy), "ci": ci_text(m), "n": m.n, "p95": p95},
    )
    return c.model_copy(update={"measured": m, "reason_codes": [code, *c.reason_codes]})


def probe_summary(top: Sequence[Candidate], evidence: ProbeEvidence, lang: Lang) -> Reason | None:
    """The summary's code: the measured accuracy of each probed shortlisted model."""
    del lang
    items = [
        f"{c.model} {pct(c.measured.accuracy)} ({ci_text(c.measured)}, n={c.measured.n})"
        for c in top
        if c.measured is not None
    ]
    if not items:
        return None
    return Reason(
        code="probe_summary",
        params={"probe_set": evidence.probe_set, "n": evidence.n_examples, "items": items},
    )


def probe_relaxation(evidence: ProbeEvidence, eliminated: int, lang: Lang) -> Relaxation:
    """What to relax when the measurements eliminated every candidate."""
    measured = sorted(
        (m for m in evidence.measurements if m.accuracy is not None),
        key=lambda m: (-(m.accuracy or 0.0), m.endpoint),
    )
    best = measured[0].accuracy if measured else None
    return Relaxation(
        constraint="accuracy_target",
        suggestion="",
        code=_say(lang, "relax", best=pct(best)),
        admits=[m.model for m in measured if m.model_key is not None][:3],
        eliminated=eliminated,
    )

"""`recommend()`: requirements + catalog -> a ranked, explained, sourced recommendation.

Deterministic: no clock, no randomness, no network, no LLM. The reference date for deprecations and
staleness is the catalog's build date unless `as_of` is given; every sort has a total tie-break.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from knowledge.catalog.schema import Catalog, Model, Offering
from tools.decision.adaptation import choose_adaptation
from tools.decision.cost import estimate_cost, per_request_cost
from tools.decision.filters import REASONS, Check, required_inputs, task_fits
from tools.decision.index import CatalogIndex, catalog_index
from tools.decision.measured import apply_measurements, probe_relaxation, probe_summary, resolve_models
from tools.decision.outcome import SELF_HOST_REASON, Outcome, api_pass, from_checks
from tools.decision.providers import is_first_party
from tools.decision.ranking import (
    Quality,
    category_weights,
    criterion_weights,
    latency_score,
    log_scale_score,
    pareto_front,
)
from tools.decision.requirements import Requirements, defaulted_fields
from tools.decision.result import (
    Candidate,
    CatalogSourceInfo,
    CostEstimate,
    CriterionScore,
    Elimination,
    LatencyClass,
    ProbeEvidence,
    Recommendation,
    Relaxation,
    SelfHostEstimate,
)
from tools.decision.selfhost import GPUS, Gpu, estimate_self_host, resolve_gpu
from tools.decision.text import Lang, say, task_name

TOP_N = 10
STALE_DAYS = 90
SELF_HOST_LABEL = "parameter count unknown (cannot size self-hosting)"


@dataclass(frozen=True)
class _Option:
    """One way to run one model: an API offering, or self-hosting."""

    model: Model
    offering: Offering | None
    monthly_cost: float | None
    self_host: SelfHostEstimate | None
    offering_note: str | None = None


def recommend(
    req: Requirements,
    catalog: Catalog,
    *,
    raw: Mapping[str, object] | None = None,
    as_of: date | None = None,
    gpus: Mapping[str, Gpu] = GPUS,
    lang: Lang | None = None,
    probes: ProbeEvidence | None = None,
) -> Recommendation:
    """Filter the whole catalog, rank what is left and explain the result.

    `lang` is the reader's language for the prose (numbers and ranking do not depend on it); by
    default Chinese when the requirements' first language is Chinese, else English. `probes`, when
    given, are measurements on the person's own examples: they re-rank and eliminate candidates
    (tools.decision.measured) and go into the result with their sample sizes.
    """
    lang = lang or ("zh" if req.languages[0] == "zh" else "en")
    as_of = as_of or catalog.built_at
    gpu = resolve_gpu(req.deployment.gpu, gpus)
    if req.deployment.self_host:
        outcome, options = _self_host_options(req, catalog, gpu)
    else:
        outcome, options = _api_options(req, catalog, as_of)

    index = catalog_index(catalog)
    scored = _score(req, options, index)
    probe_eliminated: list[Elimination] = []
    if probes is not None:
        # Measurements may lift any candidate to the top: re-rank the whole list.
        ranked = _materialise(req, scored, range(len(scored)), lang)
        probes = resolve_models(probes, lambda o: catalog.model_of(o).key if o in catalog.offerings else None)
        applied = apply_measurements(req, ranked, probes, lang)
        ranked, probe_eliminated, probes = applied.ranked, applied.eliminated, applied.evidence
        passing = len(ranked)
    else:
        # Only the candidates the result shows are built: the top, the frontier and the strongest.
        ranked = _materialise(req, scored, _shown(scored), lang)
        passing = len(scored)
    frontier = [c for c in ranked if c.on_pareto_frontier]
    strongest = _strongest(ranked)
    top = ranked[:TOP_N]
    if not req.deployment.self_host:
        top = [_with_self_host_info(c, req, catalog, gpu) for c in top]
    eliminated = _eliminations(outcome) + probe_eliminated
    relaxations = _relaxations(req, outcome, lang, index)
    if not top and not relaxations:
        relaxations = [
            Relaxation(
                constraint="combination",
                suggestion="no single change admits a model: several constraints bind at once; "
                "relax the budget and the strictest capability need together",
                admits=[],
            )
        ]
    if not top and probe_eliminated and probes is not None:
        relaxations.insert(0, probe_relaxation(probes, sum(e.count for e in probe_eliminated), lang))
    adaptation = choose_adaptation(req)
    stale = _stale_sources(catalog, as_of)
    return Recommendation(
        requirements=req,
        defaults_assumed=defaulted_fields(dict(raw)) if raw is not None else [],
        summary=_summary(req, top, eliminated, relaxations, adaptation.approach, passing, strongest, lang)
        + (probe_summary(top, probes, lang) if probes is not None else ""),
        recommendations=top,
        eliminated=eliminated,
        candidates_considered=outcome.considered,
        relaxations=relaxations,
        adaptation=adaptation,
        risks=_risks(req, top, lang),
        next_steps=_next_steps(req, top, lang),
        catalog=[
            CatalogSourceInfo(
                id=s.id,
                name=s.name,
                url=s.url,
                licence=s.licence,
                as_of=s.as_of.isoformat(),
                attribution=s.attribution,
            )
            for s in catalog.sources
        ],
        frontier=frontier,
        warnings=stale,
        probes=probes,
    )


# --- candidates ---------------------------------------------------------------------------------


def _api_options(req: Requirements, catalog: Catalog, as_of: date) -> tuple[Outcome, list[_Option]]:
    """One option per model: its first-party offering when one passes, else its cheapest passing one.

    The filters run through the catalog index (tools.decision.outcome.api_pass): the
    price-independent part is cached, only the prices at this volume and budget are worked out.
    """
    outcome, passing = api_pass(req, catalog_index(catalog), as_of, lambda r: _relaxable(req, r))
    options: list[_Option] = []
    for key in sorted(passing):
        model = catalog.models[key]
        ranked = sorted(passing[key], key=lambda e: (e[0], e[1]))
        monthly, _, _, offering = next((e for e in ranked if e[2]), ranked[0])
        cheapest_monthly, _, _, cheapest = ranked[0]
        note = None
        if len(ranked) > 1:
            note = f"{len(ranked)} providers serve it within the constraints"
            if cheapest.id != offering.id:
                note += f"; cheapest: {cheapest.id} at ${cheapest_monthly:,.2f}/month (a reseller)"
        options.append(_Option(model, offering, monthly, None, note))
    return outcome, options


def _self_host_options(req: Requirements, catalog: Catalog, gpu: Gpu) -> tuple[Outcome, list[_Option]]:
    """Self-hosting: one candidate per open-weights model; provider and residency are yours."""
    checks: list[Check] = []
    options: list[_Option] = []
    for key in sorted(catalog.models):
        model = catalog.models[key]
        offerings = catalog.offerings_of(key)
        if not offerings:
            continue
        rep = offerings[0]
        failures: list[str] = []
        if not any(task_fits(req, o, model) for o in offerings):
            failures.append("wrong_task")
        if not required_inputs(req) <= set(model.input_modalities):
            failures.append("missing_modality")
        if not model.open_weights:
            failures.append("open_weights_required")
        if req.needs.tool_calling and not model.tool_calling:
            failures.append("tool_calling")
        if req.needs.structured_output and model.structured_output is False and not model.tool_calling:
            failures.append("structured_output")
        if req.needs.reasoning and not model.reasoning:
            failures.append("reasoning")
        if model.context < req.needed_context:
            failures.append("context_too_small")
        estimate: SelfHostEstimate | None = None
        if model.params_total_b is None:
            failures.append(SELF_HOST_REASON)
        elif not failures:
            estimate = _self_host_estimate(req, model, offerings, gpu)
            budget = req.monthly_budget_usd
            if budget is not None and estimate.monthly_cost > budget:
                failures.append("over_budget")
        monthly = estimate.monthly_cost if estimate else None
        checks.append(Check(offering=rep, model=model, failures=tuple(failures), monthly_cost=monthly))
        if not failures and estimate is not None:
            options.append(_Option(model, None, estimate.monthly_cost, estimate))
    return from_checks(checks, lambda r: _relaxable(req, r)), options


def _cheapest_api(req: Requirements, offerings: Iterable[Offering]) -> tuple[float, str] | None:
    """(per request, offering id) of the cheapest current API offering, ties broken by id."""
    costs = [
        (c, o.id)
        for o in offerings
        if not o.deprecated and (c := per_request_cost(o, req.volume)) is not None
    ]
    return min(costs, default=None)


def _self_host_estimate(
    req: Requirements, model: Model, offerings: Iterable[Offering], gpu: Gpu
) -> SelfHostEstimate:
    assert model.params_total_b is not None
    api = _cheapest_api(req, offerings)
    return estimate_self_host(
        model=model.name,
        params_total_b=model.params_total_b,
        params_active_b=model.params_active_b,
        req=req,
        gpu=gpu,
        cheapest_api_per_request=api[0] if api else None,
        cheapest_api_offering=api[1] if api else None,
        release_precision=model.release_precision,
    )


def _with_self_host_info(candidate: Candidate, req: Requirements, catalog: Catalog, gpu: Gpu) -> Candidate:
    """For open-weights picks served by an API, add what self-hosting would cost (informational)."""
    model = catalog.models[candidate.model_key]
    if not model.open_weights or model.params_total_b is None:
        return candidate
    estimate = _self_host_estimate(req, model, catalog.offerings_of(model.key), gpu)
    return candidate.model_copy(update={"self_host": estimate})


# --- ranking ------------------------------------------------------------------------------------


class _Scored(NamedTuple):
    """An option's ranking figures, before it is built into a Candidate (most never are)."""

    option: _Option
    quality: Quality
    cls: LatencyClass
    cls_basis: str
    latency: float
    latency_detail: str
    cost_score: float
    fit: float
    quality_score: float | None
    score: float
    rated: bool


@dataclass(frozen=True)
class _Scores:
    """All options scored and sorted best first, with what their criteria details cite."""

    ranked: list[_Scored]
    weights: dict[str, float]
    costs_known: bool
    cost_lo: float
    cost_hi: float
    rated_rank: dict[str, int]
    front: set[str]

    def __len__(self) -> int:
        return len(self.ranked)


def _score(req: Requirements, options: list[_Option], index: CatalogIndex) -> _Scores:
    """Score every option (floats only) and sort: rated first, then by score, then by key."""
    weights = criterion_weights(req)
    cat_weights = category_weights(req)
    quality_of = index.qualities(cat_weights)
    qualities = {o.model.key: quality_of(o.model) for o in options}
    rated = [q.value for q in qualities.values() if q.value is not None]
    q_lo, q_hi = (min(rated), max(rated)) if rated else (0.0, 0.0)
    costs = [o.monthly_cost for o in options if o.monthly_cost is not None]
    c_lo, c_hi = (min(costs), max(costs)) if costs else (0.0, 0.0)
    front = pareto_front(
        [
            (o.model.key, qualities[o.model.key].value or 0.0, o.monthly_cost or 0.0)
            for o in options
            if qualities[o.model.key].value is not None
        ]
    )
    rated_rank = {
        k: i + 1
        for i, k in enumerate(
            sorted(
                (k for k, q in qualities.items() if q.value is not None),
                key=lambda k: (-(qualities[k].value or 0.0), k),
            )
        )
    }
    by_class = {cls: latency_score(cls, req) for cls in ("fast", "medium", "slow")}

    scored: list[_Scored] = []
    needed, budget = req.needed_context, req.monthly_budget_usd
    w_quality, w_cost, w_latency, w_fit = (
        weights["quality"],
        weights["cost"],
        weights["latency"],
        weights["fit"],
    )
    for option in options:
        quality = qualities[option.model.key]
        cls, cls_basis = index.latency(option.model)
        lat, lat_detail = by_class[cls]
        cost_score = log_scale_score(option.monthly_cost or 0.0, c_lo, c_hi)
        fit = _fit_score(option, needed, budget)
        # The weighted mean of the rounded criterion scores, summed in the criteria's order
        # (quality, cost, latency, fit) as the Candidate lists them.
        q_score = None
        if quality.value is not None:
            q_score = 1.0 if q_hi == q_lo else (quality.value - q_lo) / (q_hi - q_lo)
            total_weight = w_quality + w_cost + w_latency + w_fit or 1.0
            score = (
                w_quality * round(q_score, 4)
                + w_cost * round(cost_score, 4)
                + w_latency * round(lat, 4)
                + w_fit * round(fit, 4)
            ) / total_weight
        else:
            # Unrated models are scored on what is known, and ranked after every rated one.
            total_weight = w_cost + w_latency + w_fit or 1.0
            score = (
                w_cost * round(cost_score, 4) + w_latency * round(lat, 4) + w_fit * round(fit, 4)
            ) / total_weight
        scored.append(
            _Scored(option, quality, cls, cls_basis, lat, lat_detail, cost_score, fit, q_score, score,
                    quality.value is not None or not cat_weights)
        )  # fmt: skip
    scored.sort(key=lambda t: (not t.rated, -round(t.score, 9), t.option.model.key))
    return _Scores(scored, weights, bool(costs), c_lo, c_hi, rated_rank, front)


def _shown(scores: _Scores) -> list[int]:
    """Positions the result shows: the top `TOP_N`, the Pareto frontier and the strongest rated."""
    ranked = scores.ranked
    shown = set(range(min(TOP_N, len(ranked))))
    shown.update(i for i, s in enumerate(ranked) if s.option.model.key in scores.front)
    rated = [(round(s.quality.value, 1), -i, i) for i, s in enumerate(ranked) if s.quality.value is not None]
    if rated:
        shown.add(max(rated)[2])
    return sorted(shown)


def _materialise(req: Requirements, scores: _Scores, positions: Iterable[int], lang: Lang) -> list[Candidate]:
    """The Candidates at `positions` (ascending; position 0, the lead, must be among them)."""
    weights, c_lo, c_hi = scores.weights, scores.cost_lo, scores.cost_hi
    candidates: list[Candidate] = []
    for i in positions:
        s = scores.ranked[i]
        option, quality = s.option, s.quality
        key = option.model.key
        cost = option.monthly_cost or 0.0
        criteria = [
            CriterionScore(
                criterion="cost",
                weight=weights["cost"],
                score=round(s.cost_score, 4),
                detail=f"${cost:,.2f}/month"
                + (f" (cheapest ${c_lo:,.2f}, dearest ${c_hi:,.2f})" if scores.costs_known else ""),
            ),
            CriterionScore(
                criterion="latency",
                weight=weights["latency"],
                score=round(s.latency, 4),
                detail=f"{s.latency_detail}; class from {s.cls_basis} (estimate, not measured)",
            ),
            CriterionScore(
                criterion="fit", weight=weights["fit"], score=round(s.fit, 4), detail=_fit_detail(req, option)
            ),
        ]
        if quality.value is not None and s.quality_score is not None:
            criteria.insert(
                0,
                CriterionScore(
                    criterion="quality",
                    weight=weights["quality"],
                    score=round(s.quality_score, 4),
                    detail=f"{quality.value:,.0f} Elo for {req.task_type}, rank {scores.rated_rank[key]} of "
                    f"{len(scores.rated_rank)} rated candidates; {quality.basis}",
                ),
            )
        api_cost = estimate_cost(option.offering, req.volume) if option.offering is not None else None
        candidates.append(
            Candidate(
                rank=i + 1,
                model=option.model.name,
                model_key=key,
                offering_id=option.offering.id if option.offering else None,
                provider=option.offering.provider if option.offering else None,
                self_hosted=option.offering is None,
                monthly_cost_usd=None if option.monthly_cost is None else round(option.monthly_cost, 4),
                score=round(s.score, 4),
                quality=None if quality.value is None else round(quality.value, 1),
                quality_lower=None if quality.lower is None else round(quality.lower, 1),
                quality_upper=None if quality.upper is None else round(quality.upper, 1),
                quality_basis=quality.basis,
                latency_class=s.cls,
                latency_basis=s.cls_basis,
                on_pareto_frontier=key in scores.front,
                cost=api_cost,
                self_host=option.self_host,
                criteria=criteria,
                reasons=_reasons(req, option, api_cost, criteria, quality, lang),
            )
        )
    if candidates and candidates[0].rank != 1:
        raise ValueError("the lead (position 0) must be materialised first: trade-offs are relative to it")
    return _add_tradeoffs(candidates, lang)


def _fit_score(option: _Option, needed_context: int, budget: float | None) -> float:
    """Context headroom (log scale, full at 8x), blended with the budget left when there is one."""
    context = option.offering.context if option.offering else option.model.context
    headroom = context / max(1, needed_context)
    score = min(1.0, math.log2(max(headroom, 1.0)) / 3)
    if budget and option.monthly_cost is not None:
        share = option.monthly_cost / budget
        score = 0.5 * score + 0.5 * max(0.0, 1.0 - share)
    return score


def _fit_detail(req: Requirements, option: _Option) -> str:
    context = option.offering.context if option.offering else option.model.context
    headroom = context / max(1, req.needed_context)
    detail = f"context {context:,} tokens = {headroom:.1f}x the {req.needed_context:,} needed"
    budget = req.monthly_budget_usd
    if budget and option.monthly_cost is not None:
        detail += f"; uses {option.monthly_cost / budget:.0%} of the budget"
    return detail


def _reasons(
    req: Requirements,
    option: _Option,
    api_cost: CostEstimate | None,
    criteria: list[CriterionScore],
    quality: Quality,
    lang: Lang,
) -> list[str]:
    reasons: list[str] = []
    by = {c.criterion: c for c in criteria}
    if "quality" in by:
        reasons.append(say(lang, "quality", detail=by["quality"].detail))
    else:
        reasons.append(say(lang, "unrated", basis=quality.basis))
    if api_cost is not None:
        c = api_cost
        reasons.append(say(
            lang, "cost_api", monthly=f"{c.monthly:,.2f}", per_1k=f"{c.per_1k_requests:,.4f}", offering=c.offering_id,
            inp=f"{c.input_price_per_m:g}", out=f"{c.output_price_per_m:g}", source=c.price_source, as_of=c.price_as_of,
        ))  # fmt: skip
        if option.offering is not None and is_first_party(option.model.maker, option.offering.provider):
            reasons.append(say(lang, "first_party"))
        if option.offering_note:
            reasons.append(say(lang, "offerings", note=option.offering_note))
    elif option.self_host is not None:
        s = option.self_host
        reasons.append(say(
            lang, "cost_self", monthly=f"{s.monthly_cost:,.0f}", replicas=s.replicas, gpus=s.gpus_needed, gpu=s.gpu,
            memory=f"{s.total_memory_gb:g}", quant=s.quantization,
        ))  # fmt: skip
    reasons.append(say(lang, "latency", detail=by["latency"].detail))
    met = [by["fit"].detail]
    for need, wanted in (
        ("tool_calling", req.needs.tool_calling),
        ("structured_output", req.needs.structured_output),
        ("reasoning", req.needs.reasoning),
        ("open_weights", req.deployment.open_weights or req.deployment.self_host),
    ):
        if wanted:
            met.append(say(lang, need))
    reasons.append(say(lang, "meets", items="; ".join(met)))
    return reasons


def _add_tradeoffs(candidates: list[Candidate], lang: Lang) -> list[Candidate]:
    if not candidates:
        return candidates
    lead = candidates[0]
    out = [lead]
    for c in candidates[1:]:
        notes: list[str] = []
        if c.monthly_cost_usd is not None and lead.monthly_cost_usd:
            ratio = c.monthly_cost_usd / lead.monthly_cost_usd
            if ratio < 0.95:
                notes.append(say(lang, "cheaper", x=f"{1 / ratio:.1f}") if ratio > 0 else say(lang, "free"))
            elif ratio > 1.05:
                notes.append(say(lang, "dearer", x=f"{ratio:.1f}"))
        if c.quality is not None and lead.quality is not None:
            diff = c.quality - lead.quality
            overlap = (c.quality_upper or c.quality) >= (lead.quality_lower or lead.quality) and (
                lead.quality_upper or lead.quality
            ) >= (c.quality_lower or c.quality)
            word = say(lang, "higher" if diff > 0 else "lower")
            notes.append(
                say(lang, "elo_diff", d=f"{abs(diff):.0f}", word=word)
                + (say(lang, "overlap") if overlap else "")
            )
        elif c.quality is None:
            notes.append(say(lang, "no_rating"))
        if c.latency_class != lead.latency_class:
            notes.append(say(lang, "latency_vs", a=c.latency_class, b=lead.latency_class))
        out.append(c.model_copy(update={"tradeoffs": notes}))
    return out


# --- eliminations and relaxations -------------------------------------------------------------


def _label(reason: str) -> str:
    return REASONS.get(reason, SELF_HOST_LABEL if reason == SELF_HOST_REASON else reason)


def _eliminations(outcome: Outcome) -> list[Elimination]:
    counts, examples = outcome.counts, outcome.examples
    order = {r: i for i, r in enumerate([*REASONS, SELF_HOST_REASON])}
    return [
        Elimination(reason=r, label=_label(r), count=counts[r], examples=list(examples.get(r, [])))
        for r in sorted(counts, key=lambda r: (-counts[r], order[r]))
    ]


# Constraints a person can relax, with how to phrase it.
RELAXABLE = (
    "over_budget",
    "open_weights_required",
    "context_too_small",
    "provider_not_allowed",
    "residency",
    "tool_calling",
    "structured_output",
    "reasoning",
    "missing_modality",
    SELF_HOST_REASON,
)


def _relaxable(req: Requirements, reason: str) -> bool:
    """Only constraints the person actually set can be relaxed (text input is not a 'need' to drop)."""
    if reason not in RELAXABLE:
        return False
    if reason == "missing_modality":
        return set(req.input_modalities) != {"text"} or req.task_type == "vision"
    return True


def _relaxations(req: Requirements, outcome: Outcome, lang: Lang, index: CatalogIndex) -> list[Relaxation]:
    """For each constraint, which models fail it alone (so relaxing just it would admit them)."""
    only, blocked = outcome.only, outcome.blocked
    out: list[Relaxation] = []
    for reason in sorted(only, key=lambda r: (-blocked[r], r)):
        group = only[reason]
        if reason == "context_too_small":
            # A context of 0 means the source does not say: relaxing cannot be phrased as a size.
            group = [c for c in group if c.offering.context > 0]
        models = _best_models(req, group, index)
        if not models:
            continue
        out.append(
            Relaxation(
                constraint=reason,
                suggestion=_phrase(req, reason, group, lang),
                admits=models,
                eliminated=blocked[reason],
            )
        )
    return out


def _best_models(req: Requirements, group: list[Check], index: CatalogIndex) -> list[str]:
    quality = index.qualities(category_weights(req))

    def order(check: Check) -> tuple[float, float, str]:
        q = quality(check.model).value
        return (
            -(q or 0.0),
            check.monthly_cost if check.monthly_cost is not None else math.inf,
            check.model.key,
        )

    names: list[str] = []
    for check in sorted(group, key=order):
        if check.model.name not in names:
            names.append(check.model.name)
        if len(names) == 5:
            break
    return names


def _phrase(req: Requirements, reason: str, group: list[Check], lang: Lang) -> str:
    if reason == "over_budget":
        cheapest = min(c.monthly_cost for c in group if c.monthly_cost is not None)
        per_1k = cheapest / req.volume.requests_per_month * 1000
        return say(
            lang, "relax_budget", monthly=f"{math.ceil(cheapest * 100) / 100:,.2f}", per_1k=f"{per_1k:,.2f}"
        )
    if reason == "open_weights_required":
        return say(lang, "relax_open")
    if reason == "context_too_small":
        return say(lang, "relax_context", tokens=f"{max(c.offering.context for c in group):,}")
    if reason == "provider_not_allowed":
        return say(
            lang, "relax_providers", providers=", ".join(sorted({c.offering.provider for c in group})[:5])
        )
    if reason == "residency":
        return say(lang, "relax_residency")
    if reason == SELF_HOST_REASON:
        return say(lang, "relax_params")
    need = {"tool_calling": say(lang, "tool_calling"), "structured_output": say(lang, "structured_output"),
            "reasoning": say(lang, "need_reasoning"), "missing_modality": say(lang, "need_missing_modality")}[reason]  # fmt: skip
    return say(lang, "relax_need", need=need)


# --- prose ----------------------------------------------------------------------------------------


def _summary(
    req: Requirements,
    top: list[Candidate],
    eliminated: list[Elimination],
    relaxations: list[Relaxation],
    approach: str,
    passing: int,
    strongest: Candidate | None,
    lang: Lang,
) -> str:
    if not top:
        text = say(lang, "none_fits")
        if eliminated:
            text += say(lang, "worst", label=eliminated[0].label, count=f"{eliminated[0].count:,}")
        if relaxations and relaxations[0].admits:
            r = relaxations[0]
            text += say(lang, "relax_admits", suggestion=r.suggestion, models=", ".join(r.admits[:3]))
        return text
    lead = top[0]
    how = say(lang, "self_hosted") if lead.self_hosted else say(lang, "through", offering=lead.offering_id)
    cost = (
        say(lang, "cost_unknown")
        if lead.monthly_cost_usd is None
        else say(lang, "about_month", monthly=f"{lead.monthly_cost_usd:,.2f}")
    )
    text = say(
        lang, "lead", use_case=req.use_case, model=lead.model, how=how, passing=f"{passing:,}",
        task=task_name(lang, req.task_type), cost=cost, requests=f"{req.volume.requests_per_month:,.0f}",
    )  # fmt: skip
    if top[1:3]:
        items = ("; " if lang == "en" else "；").join(
            f"{c.model} ({', '.join(c.tradeoffs[:2]) or say(lang, 'similar')})" for c in top[1:3]
        )
        text += say(lang, "alternatives", items=items)
    if strongest is not None and strongest.model_key != lead.model_key and strongest.quality is not None:
        strongest_cost = (
            say(lang, "cost_unknown")
            if strongest.monthly_cost_usd is None
            else say(lang, "per_month", monthly=f"{strongest.monthly_cost_usd:,.2f}")
        )
        text += say(
            lang, "strongest", model=strongest.model, elo=f"{strongest.quality:,.0f}", cost=strongest_cost
        )
    text += say(lang, "path", approach=say(lang, approach))
    if req.accuracy_target:
        text += say(lang, "accuracy", target=f"{req.accuracy_target:.0%}")
    return text


def _strongest(ranked: list[Candidate]) -> Candidate | None:
    rated = [c for c in ranked if c.quality is not None]
    return max(rated, key=lambda c: (c.quality or 0.0, -c.rank)) if rated else None


def _stale_sources(catalog: Catalog, as_of: date) -> list[str]:
    return [
        f"{s.name} data is dated {s.as_of.isoformat()}, {(as_of - s.as_of).days} days before {as_of.isoformat()}: "
        "prices and ratings may have changed"
        for s in catalog.sources
        if (as_of - s.as_of).days > STALE_DAYS
    ]


def _risks(req: Requirements, top: list[Candidate], lang: Lang) -> list[str]:
    if not top:
        return [say(lang, "risk_none")]
    risks: list[str] = []
    if top[0].quality is None:
        risks.append(say(lang, "risk_unrated"))
    risks.append(say(lang, "risk_latency"))
    if req.accuracy_target:
        risks.append(say(lang, "risk_accuracy", target=f"{req.accuracy_target:.0%}"))
    if len({c.provider for c in top[:3] if c.provider}) == 1:
        risks.append(say(lang, "risk_one_provider"))
    return risks


def _next_steps(req: Requirements, top: list[Candidate], lang: Lang) -> list[str]:
    steps = [say(lang, "step_eval")]
    if top:
        steps.append(say(lang, "step_probe", names=", ".join(c.model for c in top[:3])))
        steps.append(say(lang, "step_strongest"))
    if req.deployment.self_host:
        steps.append(say(lang, "step_load"))
    return steps

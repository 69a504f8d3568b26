"""Score the decision core against the expert-judged decision set in evals/decisions/*.yaml.

Each scenario is a requirements document plus the rules its answer must satisfy. The rules are a
small vocabulary of named, deterministic checks (below, each with a docstring saying what the expert
checks and why), evaluated on the Recommendation plus the catalog, at a fixed reference date
(`AS_OF`) so that a run is reproducible. A scenario's rules are:

  universal   every solvable scenario (trusted tiers, plausible prices, hard constraints, picks...)
  implied     what its requirements imply (confidential data, residency, latency target, images,
              languages, self-hosting, caching)
  its own     listed under `rules:` (quality first in named rating categories, cost first, ...)
  unsolvable  `solvable: false` scenarios: an infeasible answer with specific, consistent relaxations

Independent references (the best model that meets the hard constraints, a model's cost at the
volume) are computed here from the catalog with simple, conservative rules, never by calling the
ranking code, so that the ranking cannot grade itself.

    python -m evals.run_decisions [--part heldout|dev|all] [--json] [--only ID] [--no-fail]
    python -m evals.run_decisions --rules              # the vocabulary, with what each rule checks
    python -m evals.run_decisions --export DIR         # each scenario as a requirements file
    python -m evals.run_decisions --answers DIR        # score saved Recommendation JSON, DIR/<id>.json

Prints the pass rate (scenarios passing all their rules, and rules passed / total), one line per
failed rule, and the number of distinct #1 models; exit code 1 when the pass rate is below TARGET.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.tools.decision.requirements import Requirements, parse_requirements
from whichmodel.tools.decision.result import Candidate, Pick, Recommendation, Relaxation

DECISIONS = Path(__file__).parent / "decisions"
PARTS = ("heldout", "dev")
AS_OF = date(2026, 12, 1)
"""The fixed reference date for lifecycle rules and the engine's `as_of`."""
TARGET = 1.0
"""Share of scenarios that must pass all their rules."""
RETIREMENT_WARNING_DAYS = 180
DIVERSITY_MAX_SHARE = 0.2
"""No single model may be #1 in more than this share of the solvable scenarios."""
RELAXATION_TOLERANCE = 0.15
TRUSTED_FOR_CONFIDENTIAL = ("maker", "cloud")
HOURS_PER_MONTH = 730
LANGUAGE_CATEGORIES = {
    "zh": "chinese",
    "ja": "japanese",
    "ko": "korean",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ru": "russian",
}
TASK_PURPOSE = {
    "speech_to_text": "speech_to_text",
    "embedding": "embedding",
    "moderation": "moderation",
    "image_generation": "image_generation",
}
"""Task types served by a special-purpose model; every other task type needs a `general` model."""
FINE_TUNABLE_PROVIDERS = frozenset(
    {"openai", "azure", "google", "google-vertex", "amazon-bedrock", "mistral", "togetherai", "fireworks-ai"}
)
"""Providers whose API offers fine-tuning of the models they serve (open weights can always be tuned)."""
QUANT_BYTES = {"fp16": 2.0, "bf16": 2.0, "fp8": 1.0, "int8": 1.0, "mxfp4": 0.55, "int4": 0.55}
SELFHOST_OVERHEAD = 1.2
"""Memory headroom over the weights (KV cache, activations) for the conservative self-host check."""

# --------------------------------------------------------------------------------------------------
# Scenarios


@dataclass(frozen=True)
class RuleCall:
    name: str
    params: dict[str, Any] = field(default_factory=dict)
    source: str = "own"


@dataclass(frozen=True)
class Scenario:
    id: str
    part: str
    why: str
    solvable: bool
    own_rules: tuple[RuleCall, ...]
    raw: dict[str, Any]
    requirements: Requirements


def _rule_call(item: Any, where: str) -> RuleCall:
    params: Any
    if isinstance(item, str):
        name, params = item, {}
    elif isinstance(item, dict) and len(item) == 1:
        name, params = next(iter(item.items()))
        params = params or {}
    else:
        raise ValueError(f"{where}: a rule is a name or a one-key mapping {{name: {{params}}}}, got {item!r}")
    if name not in RULES:
        raise ValueError(f"{where}: unknown rule {name!r}; known: {', '.join(sorted(RULES))}")
    if not isinstance(params, dict):
        raise ValueError(f"{where}: parameters of {name!r} must be a mapping")
    return RuleCall(str(name), dict(params))


def load_scenarios(part: str = "all", directory: Path = DECISIONS) -> list[Scenario]:
    """Read the scenarios of one part (or all); raises ValueError on a malformed scenario."""
    parts = PARTS if part == "all" else (part,)
    out: list[Scenario] = []
    seen: set[str] = set()
    for name in parts:
        items = yaml.safe_load((directory / f"{name}.yaml").read_text(encoding="utf-8")) or []
        for item in items:
            sid = str(item["id"])
            if sid in seen:
                raise ValueError(f"duplicate scenario id {sid!r}")
            seen.add(sid)
            unknown = set(item) - {"id", "why", "solvable", "rules", "requirements"}
            if unknown:
                raise ValueError(f"{sid}: unknown keys {sorted(unknown)}")
            rules = tuple(_rule_call(r, sid) for r in item.get("rules") or ())
            out.append(
                Scenario(
                    id=sid,
                    part=name,
                    why=str(item.get("why", "")),
                    solvable=bool(item.get("solvable", True)),
                    own_rules=rules,
                    raw=item["requirements"],
                    requirements=parse_requirements(item["requirements"], sid),
                )
            )
    return out


def rules_for(scenario: Scenario) -> list[RuleCall]:
    """The universal rules, the rules its requirements imply, and its own, in that order."""
    req = scenario.requirements
    calls: list[RuleCall] = []
    if scenario.solvable:
        calls += [RuleCall(n, source="universal") for n in UNIVERSAL]
    else:
        calls += [RuleCall(n, source="unsolvable") for n in UNSOLVABLE]
    implied: list[RuleCall] = []
    if scenario.solvable:
        if req.data.sensitivity in ("confidential", "restricted"):
            implied.append(RuleCall("confidential_tiers"))
        if req.deployment.data_residency:
            implied.append(RuleCall("residency"))
        if req.latency.p95_seconds is not None:
            implied.append(RuleCall("latency_target"))
        if "image" in req.input_modalities:
            implied.append(RuleCall("vision_evidence"))
        for lang in req.languages:
            if lang in LANGUAGE_CATEGORIES:
                implied.append(RuleCall("language_evidence", {"category": LANGUAGE_CATEGORIES[lang]}))
        if req.deployment.self_host:
            implied.append(RuleCall("self_hosted_sizing"))
        if req.volume.cached_input_fraction >= 0.5:
            implied.append(RuleCall("caching_mentioned"))
    calls += [RuleCall(c.name, c.params, "implied") for c in implied]
    calls += list(scenario.own_rules)
    return calls


# --------------------------------------------------------------------------------------------------
# Context and independent references


@dataclass
class Context:
    """What a rule sees: the scenario's requirements, the answer, the catalog and the reference date."""

    req: Requirements
    rec: Recommendation
    catalog: Catalog
    as_of: date = AS_OF

    @property
    def shortlist(self) -> list[Candidate]:
        return list(self.rec.recommendations)

    def model(self, key: str) -> Model | None:
        """The catalog model by key, name or alias (relaxations may name models by display name)."""
        found = self.catalog.models.get(key)
        if found is not None:
            return found
        low = key.lower()
        return next(
            (m for m in self.catalog.models.values() if m.name.lower() == low or low in m.aliases), None
        )

    def offering(self, cand: Candidate) -> Offering | None:
        return self.catalog.offerings.get(cand.offering_id) if cand.offering_id else None

    def candidate_of(self, pick: Pick | None) -> Candidate | None:
        if pick is None:
            return None
        return next(
            (c for c in self.shortlist if c.rank == pick.rank and c.model_key == pick.model_key), None
        )


def _name(c: Candidate) -> str:
    return f"#{c.rank} {c.model_key}" + (f" via {c.offering_id}" if c.offering_id else " (self-hosted)")


def _money(x: float | None) -> str:
    return "n/a" if x is None else f"${x:,.2f}"


def thinking_allowance(req: Requirements) -> float:
    """Thinking tokens a reasoning model is assumed to add per request (generous, for conservative sets)."""
    return max(2 * req.volume.output_tokens, 1000.0)


def api_monthly_cost(offering: Offering, req: Requirements, thinking_tokens: float = 0.0) -> float | None:
    """The offering's monthly bill at the stated volume, from its catalog prices (per-1M-token prices
    only; None when it has no such price). The tier for the prompt length applies; cached input is
    billed at the cache-read price where the offering lists one."""
    pricing = offering.pricing
    if pricing is None or pricing.unit != "per_1m_tokens":
        return None
    vol = req.volume
    tier = pricing.tier_for(int(vol.input_tokens))
    cached = vol.input_tokens * vol.cached_input_fraction
    fresh = vol.input_tokens - cached
    cache_price = tier.cache_read if tier.cache_read is not None else tier.input
    per_request = (
        fresh * tier.input + cached * cache_price + (vol.output_tokens + thinking_tokens) * tier.output
    ) / 1e6
    return per_request * vol.requests_per_month


def selfhost_monthly_cost(model: Model, req: Requirements) -> float | None:
    """GPUs needed to hold the weights (plus SELFHOST_OVERHEAD), one replica, at on-demand rates."""
    from whichmodel.tools.decision.selfhost import resolve_gpu

    if model.params_total_b is None:
        return None
    gpu = resolve_gpu(req.deployment.gpu)
    precision = req.deployment.quantization or model.release_precision or "bf16"
    memory = model.params_total_b * QUANT_BYTES.get(precision, 2.0) * SELFHOST_OVERHEAD
    gpus = max(1, math.ceil(memory / gpu.memory_gb))
    return gpus * gpu.hourly_usd * HOURS_PER_MONTH


def expected_purpose(req: Requirements) -> str:
    return TASK_PURPOSE.get(req.task_type, "general")


def _retired(date_: date | None, as_of: date) -> bool:
    return date_ is not None and date_ <= as_of


def model_meets(model: Model, req: Requirements, as_of: date) -> bool:
    """Model-level hard constraints from the model's own (maker-declared) facts, conservatively."""
    if model.purpose != expected_purpose(req) or _retired(model.retirement_date, as_of):
        return False
    if not set(req.input_modalities) <= set(model.input_modalities):
        return False
    if req.needs.tool_calling and not model.tool_calling:
        return False
    if req.needs.structured_output and model.structured_output is not True:
        return False
    if req.needs.reasoning and not model.reasoning:
        return False
    if req.deployment.open_weights and not model.open_weights:
        return False
    # Thinking makes a reasoning model slow: not surely within a tight latency target.
    tight = req.latency.p95_seconds is not None and req.latency.p95_seconds < 10
    return not (tight and model.reasoning and not req.needs.reasoning)


def provider_in(provider: str, allowed: Iterable[str]) -> bool:
    """A provider is on the person's allow-list when an entry names it or its family: "azure" covers
    "azure-cognitive-services" (Azure AI services, the same Microsoft Azure subscription and
    enterprise terms), as a buyer who "buys only through Azure" means it."""
    p = provider.lower()
    return any(p == a.lower() or p.startswith(a.lower() + "-") for a in allowed)


def offering_meets(offering: Offering, req: Requirements, as_of: date) -> bool:
    """Offering-level hard constraints, trusting only the tiers the person allows."""
    dep = req.deployment
    allowed = set(dep.provider_tiers)
    if req.data.sensitivity in ("confidential", "restricted"):
        allowed &= set(TRUSTED_FOR_CONFIDENTIAL)
    if offering.tier not in allowed or offering.plausible is False or offering.deprecated:
        return False
    if any(_retired(d, as_of) for d in (offering.retirement_date, offering.deprecation_date)):
        return False
    if dep.providers_allowed and not provider_in(offering.provider, dep.providers_allowed):
        return False
    if dep.data_residency and offering.region != dep.data_residency:
        return False
    if expected_purpose(req) == "general" and offering.context < req.needed_context:
        return False
    if not set(req.input_modalities) <= set(offering.input_modalities):
        return False
    if req.needs.tool_calling and not offering.tool_calling:
        return False
    return not (req.needs.structured_output and offering.structured_output is False)


def cheapest_cost(
    model: Model, req: Requirements, catalog: Catalog, as_of: date, thinking: float = 0.0
) -> tuple[float, float] | None:
    """(low, high) monthly cost of the model's cheapest acceptable way to run at the volume, ignoring
    the budget: `low` without thinking tokens, `high` with the thinking allowance for reasoning
    models (or `thinking`, the tokens a figure states it assumes, when more). Self-hosting when the
    person self-hosts, else the trusted API offerings."""
    if req.deployment.self_host:
        cost = selfhost_monthly_cost(model, req)
        return None if cost is None else (cost, cost)
    costs: list[tuple[float, float]] = []
    for off in catalog.offerings_of(model.key):
        if not offering_meets(off, req, as_of):
            continue
        low = api_monthly_cost(off, req)
        high = api_monthly_cost(off, req, max(thinking_allowance(req), thinking) if model.reasoning else 0.0)
        if low is not None and high is not None:
            costs.append((low, high))
    return min(costs) if costs else None


@dataclass(frozen=True)
class Feasible:
    model: Model
    monthly_high: float


def independent_feasible(ctx: Context) -> list[Feasible]:
    """Models that surely meet every hard constraint, budget included (at the high cost estimate)."""
    req, budget = ctx.req, ctx.req.monthly_budget_usd
    out: list[Feasible] = []
    for model in ctx.catalog.models.values():
        if not model_meets(model, req, ctx.as_of):
            continue
        if req.deployment.self_host and (model.context < req.needed_context):
            continue
        cost = cheapest_cost(model, req, ctx.catalog, ctx.as_of)
        if cost is None or (budget is not None and cost[1] > budget):
            continue
        out.append(Feasible(model, cost[1]))
    return out


def category_rating(model: Model, categories: Iterable[str]) -> tuple[float, float, float] | None:
    """Mean score, lower and upper bound over the categories; None unless rated in all of them."""
    ratings = [model.ratings.get(c) for c in categories]
    if not ratings or any(r is None for r in ratings):
        return None
    n = len(ratings)
    return (
        sum(r.score for r in ratings if r) / n,
        sum(r.lower for r in ratings if r) / n,
        sum(r.upper for r in ratings if r) / n,
    )


def _mentions(texts: Iterable[str], words: Iterable[str]) -> bool:
    lowered = [t.lower() for t in texts]
    return any(w.lower() in t for t in lowered for w in words)


def _model_words(c: Candidate) -> list[str]:
    return [c.model_key, c.model]


# --------------------------------------------------------------------------------------------------
# The rule vocabulary. A rule returns the failures it found (empty: passed), each one line with numbers.

Rule = Callable[..., list[str]]
RULES: dict[str, Rule] = {}


def rule(fn: Rule) -> Rule:
    RULES[fn.__name__] = fn
    return fn


@rule
def has_recommendation(ctx: Context) -> list[str]:
    """A solvable scenario gets at least one candidate and a quality pick. The expert knows at least
    one model meets these constraints; an empty answer leaves the person with nothing to test."""
    if not ctx.shortlist:
        feasible = independent_feasible(ctx)
        hint = f"; {len(feasible)} models independently feasible" if feasible else ""
        return [f"no recommendation{hint}"]
    if ctx.rec.quality_pick is None:
        return [f"{len(ctx.shortlist)} candidates but no quality pick"]
    return []


@rule
def trusted_tiers(ctx: Context) -> list[str]:
    """Every shortlisted offering is of a provider tier the person allows (default maker, cloud,
    host), per the catalog, and the candidate states the same tier. A reseller at 5% of list price
    is not a model the expert would sign for."""
    allowed = set(ctx.req.deployment.provider_tiers)
    out = []
    for c in ctx.shortlist:
        if c.self_hosted:
            continue
        off = ctx.offering(c)
        if off is None:
            out.append(f"{_name(c)}: offering not in the catalog")
        elif off.tier not in allowed:
            out.append(f"{_name(c)}: tier {off.tier!r} not in allowed {sorted(allowed)}")
        elif c.tier != off.tier:
            out.append(f"{_name(c)}: candidate says tier {c.tier!r}, catalog says {off.tier!r}")
    return out


@rule
def plausible_offerings(ctx: Context) -> list[str]:
    """No shortlisted offering is priced implausibly low (catalog `plausible == False`): such a
    price is a listing error or an unsustainable reseller, and the bill would be wrong."""
    out = []
    for c in ctx.shortlist:
        off = ctx.offering(c)
        if off is not None and off.plausible is False:
            out.append(f"{_name(c)}: implausible price, {off.plausibility_ratio} x the reference")
    return out


@rule
def not_retired(ctx: Context) -> list[str]:
    """No shortlisted model or offering is retired at the reference date: it would not answer."""
    out = []
    for c in ctx.shortlist:
        model, off = ctx.model(c.model_key), ctx.offering(c)
        dates = [("model retirement", model.retirement_date if model else None)]
        if off is not None:
            dates += [("offering retirement", off.retirement_date), ("deprecation", off.deprecation_date)]
        for label, d in dates:
            if _retired(d, ctx.as_of):
                out.append(f"{_name(c)}: {label} {d} <= {ctx.as_of}")
    return out


@rule
def retirement_flagged(ctx: Context) -> list[str]:
    """A pick whose model or offering retires within RETIREMENT_WARNING_DAYS of the reference date
    carries a risk or warning naming it: the person would build on something about to vanish."""
    horizon = ctx.as_of + timedelta(days=RETIREMENT_WARNING_DAYS)
    picks = {
        c.rank: c for c in (ctx.candidate_of(ctx.rec.quality_pick), ctx.candidate_of(ctx.rec.value_pick)) if c
    }
    if ctx.shortlist:
        picks.setdefault(ctx.shortlist[0].rank, ctx.shortlist[0])
    texts = [*ctx.rec.risks, *ctx.rec.warnings]
    out = []
    for c in picks.values():
        model, off = ctx.model(c.model_key), ctx.offering(c)
        dates = [model.retirement_date if model else None]
        if off is not None:
            dates += [off.retirement_date, off.deprecation_date]
        soon = [d for d in dates if d is not None and ctx.as_of < d <= horizon]
        if soon and not _mentions(texts, _model_words(c)):
            out.append(
                f"{_name(c)}: retires {min(soon)} (within {RETIREMENT_WARNING_DAYS} days), no risk names it"
            )
    return out


@rule
def latency_in_seconds(ctx: Context) -> list[str]:
    """Every candidate's latency is an estimate in seconds with a basis, not a bare class word: a
    person can only compare a number with their own target. An unknown p95 may stay None (missing is
    shown as missing, never as zero) when there is a basis; with a target, `latency_target` needs it."""
    out = []
    for c in ctx.shortlist:
        lat = c.latency
        if lat is None:
            out.append(f"{_name(c)}: no latency estimate")
        elif not lat.basis.strip():
            out.append(f"{_name(c)}: latency without a basis")
        elif lat.p95_seconds is not None and lat.p95_seconds <= 0:
            out.append(f"{_name(c)}: latency p95 {lat.p95_seconds} s (basis {lat.basis})")
    return out


@rule
def picks_named(ctx: Context) -> list[str]:
    """With two or more candidates, a quality pick and a value pick are both named, are different,
    point at shortlisted candidates, and the value pick is cheaper at the stated volume: the
    accuracy-first order (strongest first, then a cheaper one to verify on an eval set). When no
    shortlisted candidate costs less than the quality pick (a free model, the cheapest maker model
    of an unrated task, one GPU of the person's own type), there is no cheaper model to name: the
    answer may name no value pick. Nor when the quality pick's whole bill is under the trivial-saving
    bar (`ranking.min_saving`, docs/decision.md section 4: expert21 D-8 for rated tasks, expert24 s07
    for unrated ones) and the answer says so (`no_value_trivial_*`): the bill is checked here, not
    taken from the answer."""
    from whichmodel.tools.decision.ranking import min_saving

    recs = ctx.shortlist
    if len(recs) < 2:
        return []
    qp, vp = ctx.rec.quality_pick, ctx.rec.value_pick
    qc0 = ctx.candidate_of(qp)
    if vp is None and qc0 is not None and qc0.monthly_cost_usd is not None:
        cheaper = [c for c in recs if c.monthly_cost_usd is not None and c.monthly_cost_usd < qc0.monthly_cost_usd]
        if not cheaper:
            return []
        said = any(r.code.startswith("no_value_trivial") for r in ctx.rec.no_value)
        if said and qc0.monthly_cost_usd < min_saving(ctx.req):
            return []
    if qp is None or vp is None:
        return [
            f"{len(recs)} candidates: quality pick {'set' if qp else 'missing'}, value pick {'set' if vp else 'missing'}"
        ]
    qc, vc = ctx.candidate_of(qp), ctx.candidate_of(vp)
    if qc is None or vc is None:
        return [
            f"a pick names no shortlisted candidate (quality #{qp.rank} {qp.model_key}, value #{vp.rank} {vp.model_key})"
        ]
    if (qc.model_key, qc.offering_id) == (vc.model_key, vc.offering_id):
        return [f"quality and value pick are the same: {_name(qc)}"]
    if qc.monthly_cost_usd is None or vc.monthly_cost_usd is None:
        return [
            f"a pick has no cost: quality {_money(qc.monthly_cost_usd)}, value {_money(vc.monthly_cost_usd)}"
        ]
    if not vc.monthly_cost_usd < qc.monthly_cost_usd:
        return [
            f"value pick {_name(vc)} {_money(vc.monthly_cost_usd)}/month is not cheaper than quality pick {_name(qc)} {_money(qc.monthly_cost_usd)}"
        ]
    return []


@rule
def purpose_fits(ctx: Context) -> list[str]:
    """Every shortlisted model is of the purpose the task needs, per its maker (speech_to_text,
    embedding, moderation, or a general model): a chat model is not a transcriber or a classifier
    of harm, and a moderation model is not a chat model."""
    want = expected_purpose(ctx.req)
    out = []
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        if model is None:
            out.append(f"{_name(c)}: model not in the catalog")
        elif model.purpose != want:
            out.append(f"{_name(c)}: purpose {model.purpose!r}, task needs {want!r}")
    return out


@rule
def meets_hard_constraints(ctx: Context) -> list[str]:
    """Every shortlisted candidate meets the stated hard constraints by the catalog's own facts:
    input modalities and capabilities as the model's maker declares them, the offering's context,
    open weights, allowed providers (an entry covers its provider family, `provider_in`),
    self-hosting, and the monthly budget at the stated volume."""
    req, dep = ctx.req, ctx.req.deployment
    budget = req.monthly_budget_usd
    out = []
    for c in ctx.shortlist:
        model, off = ctx.model(c.model_key), ctx.offering(c)
        if model is None:
            continue  # purpose_fits reports it
        problems = []
        missing = set(req.input_modalities) - set(model.input_modalities)
        if missing:
            problems.append(f"model takes {list(model.input_modalities)}, needs {sorted(missing)}")
        if req.needs.tool_calling and not (model.tool_calling and (off is None or off.tool_calling)):
            problems.append("no tool calling")
        if req.needs.structured_output and (
            model.structured_output is False or (off and off.structured_output is False)
        ):
            problems.append("no structured output")
        if req.needs.reasoning and not model.reasoning:
            problems.append("not a reasoning model")
        if dep.open_weights and not model.open_weights:
            problems.append("weights not open")
        if expected_purpose(req) == "general":
            context = off.context if off is not None else model.context
            if context < req.needed_context:
                problems.append(f"context {context:,} < needed {req.needed_context:,}")
        if dep.self_host and not c.self_hosted:
            problems.append("not self-hosted")
        if (
            dep.providers_allowed
            and not c.self_hosted
            and (off is None or not provider_in(off.provider, dep.providers_allowed))
        ):
            problems.append(f"provider {c.provider} not in {list(dep.providers_allowed)}")
        if budget is not None:
            if c.monthly_cost_usd is None:
                problems.append("no monthly cost")
            elif c.monthly_cost_usd > budget * 1.001:
                problems.append(f"{_money(c.monthly_cost_usd)}/month > budget {_money(budget)}")
        out += [f"{_name(c)}: {p}" for p in problems]
    return out


@rule
def price_tier_applied(ctx: Context) -> list[str]:
    """Each API candidate is priced with the catalog price tier for the prompt length (long prompts
    often cost twice as much per token above 200k): the bill must be the one the person will get."""
    prompt = int(ctx.req.volume.input_tokens)
    out = []
    for c in ctx.shortlist:
        off = ctx.offering(c)
        if off is None or c.self_hosted or off.pricing is None or off.pricing.unit != "per_1m_tokens":
            continue
        if c.cost is None:
            out.append(f"{_name(c)}: priced offering without a cost estimate")
            continue
        tier = off.pricing.tier_for(prompt)
        if not math.isclose(c.cost.input_price_per_m, tier.input, rel_tol=1e-6, abs_tol=1e-9):
            out.append(
                f"{_name(c)}: input price ${c.cost.input_price_per_m}/M used, catalog tier above "
                f"{tier.min_context:,} tokens is ${tier.input}/M for a {prompt:,}-token prompt"
            )
    return out


@rule
def reasoning_costed(ctx: Context) -> list[str]:
    """For a shortlisted reasoning model the cost assumptions say how thinking tokens were counted
    (how many were assumed, or that thinking is off): they are billed as output and can multiply
    the bill, so a price without them is not the price the person will pay."""
    out = []
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        if model is None or not model.reasoning or c.self_hosted:
            continue
        assumptions = c.cost.assumptions if c.cost else []
        if not _mentions(assumptions, ("thinking", "reasoning token", "思考", "推理token", "推理 token")):
            thinking = c.latency.thinking_tokens if c.latency else 0
            out.append(
                f"{_name(c)}: reasoning model, cost assumptions silent on thinking tokens "
                f"(latency assumes {thinking:g})"
            )
    return out


@rule
def adaptation_fits(ctx: Context) -> list[str]:
    """The adaptation path fits the data: no RAG without a corpus of the person's own knowledge, no
    fine-tuning unless the quality pick can be fine-tuned (open weights or a provider that offers
    it) and there are labelled examples, no training from scratch unless the domain is novel."""
    req, ad = ctx.req, ctx.rec.adaptation
    if ad.approach == "rag" and not req.data.proprietary_knowledge:
        return ["adaptation 'rag' but there is no proprietary knowledge to retrieve"]
    if ad.approach == "train_from_scratch" and not req.data.novel_domain:
        return ["adaptation 'train_from_scratch' for a domain existing models have seen"]
    if ad.approach == "fine_tuning":
        if req.data.labeled_examples == 0:
            return ["adaptation 'fine_tuning' with 0 labelled examples"]
        pick = ctx.candidate_of(ctx.rec.quality_pick) or (ctx.shortlist[0] if ctx.shortlist else None)
        if pick is not None:
            model = ctx.model(pick.model_key)
            tunable = (model is not None and model.open_weights) or (pick.provider in FINE_TUNABLE_PROVIDERS)
            if not tunable:
                return [
                    f"adaptation 'fine_tuning' but {_name(pick)} is closed and {pick.provider} offers no fine-tuning"
                ]
    return []


@rule
def confidential_tiers(ctx: Context) -> list[str]:
    """Confidential or restricted data goes only to the model's maker or a major cloud with
    enterprise terms (or stays self-hosted): never to hosts or resellers with unknown data terms."""
    out = []
    for c in ctx.shortlist:
        if c.self_hosted:
            continue
        off = ctx.offering(c)
        tier = off.tier if off else None
        if tier not in TRUSTED_FOR_CONFIDENTIAL:
            out.append(f"{_name(c)}: tier {tier!r} for {ctx.req.data.sensitivity} data (maker or cloud only)")
    return out


@rule
def residency(ctx: Context) -> list[str]:
    """With a data-residency requirement every shortlisted offering serves from that region (or is
    self-hosted): a blank region is not a yes."""
    want = ctx.req.deployment.data_residency
    out = []
    for c in ctx.shortlist:
        if c.self_hosted:
            continue
        off = ctx.offering(c)
        region = off.region if off else None
        if region != want:
            out.append(f"{_name(c)}: region {region!r}, required {want!r}")
    return out


@rule
def latency_target(ctx: Context) -> list[str]:
    """With a p95 target every candidate's estimated p95 is within it, or the answer says for that
    model that it will not be (a risk or warning naming it); with no candidates, an elimination for
    latency explains why."""
    target = ctx.req.latency.p95_seconds
    if target is None:
        return []
    if not ctx.shortlist:
        # The elimination's code ('too_slow') or its words ('... latency over the target', '延迟').
        if any(e.reason == "too_slow" or _mentions([e.reason, e.label], ("latency", "延迟")) for e in ctx.rec.eliminated):
            return []
        return [f"no candidates and no latency elimination for a {target} s target"]
    texts = [*ctx.rec.risks, *ctx.rec.warnings]
    out = []
    for c in ctx.shortlist:
        p95 = c.latency.p95_seconds if c.latency else None
        if p95 is None:
            out.append(f"{_name(c)}: no p95 estimate against a {target} s target")
        elif p95 > target and not _mentions(
            [t for t in texts if _mentions([t], ("latency", "p95", "延迟", "秒"))], _model_words(c)
        ):
            out.append(f"{_name(c)}: p95 {p95:.1f} s > target {target} s, not flagged")
    return out


@rule
def vision_evidence(ctx: Context) -> list[str]:
    """Image input: every shortlisted model accepts images per its maker's facts, and its quality
    rests on the vision rating or says that rating is missing (text ratings say little about reading
    a receipt)."""
    out = []
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        if model is not None and "image" not in model.input_modalities:
            out.append(f"{_name(c)}: maker's facts list no image input ({list(model.input_modalities)})")
        used = {r.category for r in c.ratings_used}
        if "vision" not in used and not _mentions(c.evidence_missing, ("vision",)):
            out.append(f"{_name(c)}: 'vision' neither in ratings_used {sorted(used)} nor in evidence_missing")
    return out


@rule
def language_evidence(ctx: Context, category: str) -> list[str]:
    """A non-English use case: each candidate's quality uses the language's rating category, or
    names it as missing evidence (an English rating does not carry over to Chinese)."""
    out = []
    for c in ctx.shortlist:
        used = {r.category for r in c.ratings_used}
        if category not in used and not _mentions(c.evidence_missing, (category,)):
            out.append(
                f"{_name(c)}: {category!r} neither in ratings_used {sorted(used)} nor in evidence_missing"
            )
    return out


@rule
def self_hosted_sizing(ctx: Context) -> list[str]:
    """Self-hosting: every candidate is a self-hosted open-weights model sized on the person's GPU,
    with its GPU count and monthly cost within the budget."""
    from whichmodel.tools.decision.selfhost import resolve_gpu

    gpu = resolve_gpu(ctx.req.deployment.gpu).name
    budget = ctx.req.monthly_budget_usd
    out = []
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        if not c.self_hosted or c.self_host is None:
            out.append(f"{_name(c)}: not sized for self-hosting")
            continue
        if model is not None and not model.open_weights:
            out.append(f"{_name(c)}: weights not open")
        if c.self_host.gpu != gpu:
            out.append(f"{_name(c)}: sized on {c.self_host.gpu}, person has {gpu}")
        if c.self_host.gpus_needed < 1:
            out.append(f"{_name(c)}: {c.self_host.gpus_needed} GPUs")
        if budget is not None and c.self_host.monthly_cost > budget * 1.001:
            out.append(
                f"{_name(c)}: self-hosting {_money(c.self_host.monthly_cost)}/month > budget {_money(budget)}"
            )
    return out


@rule
def caching_mentioned(ctx: Context) -> list[str]:
    """A long prompt repeated on most requests: the answer names prompt caching, and (when the person
    stated a cached share) the #1's cost uses the cache-read price where its offering lists one: it
    can cut the bill several-fold."""
    texts = [*ctx.rec.risks, *ctx.rec.warnings, *ctx.rec.next_steps]
    for c in ctx.shortlist:
        texts += c.cost.assumptions if c.cost else []
        texts += c.tradeoffs
    out = []
    if not _mentions(texts, ("cach", "缓存")):
        out.append(
            f"cached input fraction {ctx.req.volume.cached_input_fraction} but no cost assumption, risk or step mentions caching"
        )
    if ctx.shortlist and ctx.req.volume.cached_input_fraction > 0:
        top = ctx.shortlist[0]
        off = ctx.offering(top)
        if off is not None and off.pricing is not None and top.cost is not None:
            tier = off.pricing.tier_for(int(ctx.req.volume.input_tokens))
            if tier.cache_read is not None and top.cost.cache_read_price_per_m is None:
                out.append(f"{_name(top)}: offering lists cache read ${tier.cache_read}/M, cost ignores it")
    return out


@rule
def quality_first(ctx: Context, categories: list[str]) -> list[str]:
    """Quality first: the quality pick's rating in the scenario's key categories is within the
    confidence interval of the best-rated model that independently meets the hard constraints
    (intervals overlap), computed here from the catalog with conservative rules (maker's facts,
    trusted tiers, plausible prices, budget at the volume with thinking tokens). Price never
    outweighs a real quality difference."""
    feasible = independent_feasible(ctx)
    rated = [(f, r) for f in feasible if (r := category_rating(f.model, categories)) is not None]
    if not rated:
        return [
            f"cannot verify: no independently feasible model rated in {categories} ({len(feasible)} feasible)"
        ]
    best, (b_score, b_low, b_up) = max(rated, key=lambda fr: (fr[1][0], fr[0].model.key))
    pick = ctx.candidate_of(ctx.rec.quality_pick)
    if pick is None:
        return [
            f"no quality pick; best feasible {best.model.key} {categories} {b_score:.0f} [{b_low:.0f},{b_up:.0f}]"
        ]
    model = ctx.model(pick.model_key)
    rating = category_rating(model, categories) if model else None
    if rating is None:
        return [
            f"quality pick {_name(pick)} unrated in {categories}; best feasible {best.model.key} {b_score:.0f} ({_money(best.monthly_high)}/month)"
        ]
    score, low, up = rating
    if up < b_low:
        return [
            f"quality pick {_name(pick)} {categories} {score:.0f} [{low:.0f},{up:.0f}] below best feasible "
            f"{best.model.key} {b_score:.0f} [{b_low:.0f},{b_up:.0f}] at {_money(best.monthly_high)}/month"
        ]
    return []


@rule
def cost_first(ctx: Context) -> list[str]:
    """Cost first: the #1 costs no more than any shortlisted candidate whose quality interval
    overlaps its own; a person who asked for cheap gets the cheapest of comparable quality."""
    if not ctx.shortlist:
        return []
    top = ctx.shortlist[0]
    if top.monthly_cost_usd is None:
        return [f"{_name(top)}: #1 has no cost"]
    out = []
    for c in ctx.shortlist[1:]:
        if None in (
            c.monthly_cost_usd,
            c.quality_lower,
            c.quality_upper,
            top.quality_lower,
            top.quality_upper,
        ):
            continue
        overlap = c.quality_upper >= top.quality_lower and top.quality_upper >= c.quality_lower  # type: ignore[operator]
        if overlap and c.monthly_cost_usd < top.monthly_cost_usd * 0.999:  # type: ignore[operator]
            out.append(
                f"{_name(c)} costs {_money(c.monthly_cost_usd)} < #1 {_money(top.monthly_cost_usd)} at comparable quality "
                f"[{c.quality_lower:.0f},{c.quality_upper:.0f}] vs [{top.quality_lower:.0f},{top.quality_upper:.0f}]"
            )
    return out[:1]


@rule
def stt_priced_per_minute(ctx: Context) -> list[str]:
    """Speech to text is billed by audio length: each candidate's price is per audio minute, or its
    cost assumptions convert minutes of audio (a token count for audio means nothing to a buyer)."""
    out = []
    for c in ctx.shortlist:
        off = ctx.offering(c)
        unit = off.pricing.unit if off and off.pricing else None
        assumptions = c.cost.assumptions if c.cost else []
        if unit != "per_audio_minute" and not _mentions(assumptions, ("minute", "分钟")):
            out.append(f"{_name(c)}: priced {unit!r}, no per-minute basis in the cost")
    return out


def _per_minute(ctx: Context, c: Candidate) -> float | None:
    """What the candidate's bill comes to per audio minute at the stated volume."""
    minutes = ctx.req.volume.audio_minutes or 1.0
    requests = ctx.req.volume.requests_per_month
    if c.monthly_cost_usd is None or not requests:
        return None
    return c.monthly_cost_usd / (requests * minutes)


@rule
def stt_price_plausible(ctx: Context) -> list[str]:
    """Speech to text: no shortlisted seller's price per audio minute is below a tenth of the same
    maker's cheapest own per-minute list price (the maker's API offerings in the catalog): such a
    figure is a unit error (tokens read as minutes) or a promotion, and would win on a price nobody
    will pay."""
    out = []
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        price = _per_minute(ctx, c)
        if model is None or model.maker is None or price is None:
            continue
        own = [
            o.pricing.tiers[0].input
            for m in ctx.catalog.models.values()
            if m.maker == model.maker and m.purpose == "speech_to_text"
            for o in ctx.catalog.offerings_of(m.key)
            if o.tier == "maker" and o.pricing is not None and o.pricing.unit == "per_audio_minute"
            and o.pricing.tiers[0].input > 0
        ]
        if own and price < 0.1 * min(own):
            out.append(f"{_name(c)}: ${price:.6f}/min, under a tenth of {model.maker}'s own ${min(own):.4f}/min")
    return out


@rule
def stt_price_at_most(ctx: Context, usd_per_minute: float) -> list[str]:
    """Speech to text: every shortlisted candidate costs at most this much per audio minute (batch
    transcription lists at a fraction of a cent to about two cents a minute; more is a misread unit)."""
    out = []
    for c in ctx.shortlist:
        price = _per_minute(ctx, c)
        if price is not None and price > usd_per_minute:
            out.append(f"{_name(c)}: ${price:.4f}/min > ${usd_per_minute}/min")
    return out


REASONING_NAME = re.compile(r"(^|-)(o[134]|r1|qwq|qvq|magistral)(-|$)|think|reason", re.I)
"""Names that mark a reasoning release even where a source's flag is missing (independent of the core)."""


@rule
def no_thinking_without_reasoning(ctx: Context) -> list[str]:
    """A model that does not reason (the catalog's model facts, and no reasoning release in its name)
    is never billed, timed or described with thinking tokens: they would inflate its cost and latency
    for tokens it never generates."""
    out = []
    stated = [r for r in ctx.rec.assumptions if r.code == "thinking_tokens"]
    named = {str(n) for r in stated for n in (r.params.get("models") or [])}  # type: ignore[union-attr]
    for c in ctx.shortlist:
        model = ctx.model(c.model_key)
        if model is None or model.reasoning or REASONING_NAME.search(model.key):
            continue
        if c.cost is not None and c.cost.thinking_tokens:
            out.append(f"{_name(c)}: billed {c.cost.thinking_tokens:.0f} thinking tokens")
        if c.latency is not None and c.latency.thinking_tokens:
            out.append(f"{_name(c)}: timed with {c.latency.thinking_tokens:.0f} thinking tokens")
        if c.cost is not None and any(a.code in ("thinking_tokens", "thinking_off") for a in c.cost.assumption_codes):
            out.append(f"{_name(c)}: a thinking assumption in its cost")
        if c.model in named:
            out.append(f"{_name(c)}: named in the recommendation's thinking-token assumption")
    return out


@rule
def evidence_gap_named(ctx: Context, capabilities: list[str]) -> list[str]:
    """A capability the task needs that no public rating measures for any candidate (agentic coding, a
    language without a rating category, document reading nobody is rated on) is said plainly: a code in
    the summary and the risks, written as a sentence (no raw code in the text)."""
    summary = {str(c) for r in ctx.rec.summary_codes if r.code == "no_evidence" for c in r.params.get("capabilities") or []}  # type: ignore[union-attr]
    risks = {str(c) for r in ctx.rec.risk_codes if r.code == "no_evidence_risk" for c in r.params.get("capabilities") or []}  # type: ignore[union-attr]
    out = [f"{cap}: not named as missing evidence in the summary" for cap in capabilities if cap not in summary]
    out += [f"{cap}: not named as missing evidence in the risks" for cap in capabilities if cap not in risks]
    raw = [cap for cap in capabilities if any(cap in text for text in [ctx.rec.summary, *ctx.rec.risks])]
    out += [f"{cap}: written as a raw code in the text" for cap in raw]
    return out


@rule
def next_step_mentions(ctx: Context, any: list[str]) -> list[str]:
    """A next step names the thing the person must test on (e.g. their own audio): public ratings
    do not cover it."""
    if _mentions(ctx.rec.next_steps, any):
        return []
    return [f"no next step mentions any of {any} ({len(ctx.rec.next_steps)} steps)"]


@rule
def adaptation_in(ctx: Context, approaches: list[str]) -> list[str]:
    """The adaptation path is one the expert accepts for this data (e.g. RAG for weekly-changing
    policies)."""
    if ctx.rec.adaptation.approach in approaches:
        return []
    return [f"adaptation {ctx.rec.adaptation.approach!r}, expected one of {approaches}"]


@rule
def capped_picks_disclosed(ctx: Context, usual: float) -> list[str]:
    """A pick (quality or value) billed with fewer thinking tokens than the model's usual budget
    (`usual`, the expert's figure for this task) was capped to meet the latency target: the summary
    also states its bill at the usual budget (within 15%, computed here from the catalog price), a
    risk says its quality at the cap is unverified (public ratings were earned at normal thinking),
    and a next step probes it. Showing only the capped bill hides the real cost and quality risk."""
    out = []
    for pick in (ctx.rec.quality_pick, ctx.rec.value_pick):
        c = ctx.candidate_of(pick)
        if c is None or c.cost is None or not c.cost.thinking_tokens or c.cost.thinking_tokens >= usual:
            continue
        offering = ctx.offering(c)
        full = api_monthly_cost(offering, ctx.req, usual) if offering is not None else None
        if full is None:
            continue
        amounts = [float(m.group(1).replace(",", "")) * (1e6 if m.group(2) else 1.0)
                   for m in re.finditer(r"\$([\d,]+(?:\.\d+)?)(M)?", ctx.rec.summary)]  # fmt: skip
        if not any(abs(a - full) <= RELAXATION_TOLERANCE * full for a in amounts):
            out.append(f"{_name(c)}: billed at {c.cost.thinking_tokens:g} thinking tokens; the summary never "
                       f"states its bill at the usual {usual:g} ({_money(full)})")  # fmt: skip
        if not any(c.model in r and "unverified" in r for r in ctx.rec.risks):
            out.append(f"{_name(c)}: no risk says its quality at the capped thinking is unverified")
        if not any(c.model in s and "probe" in s for s in ctx.rec.next_steps):
            out.append(f"{_name(c)}: no next step probes it at the capped thinking")
    return out


@rule
def impossible_diagnosed(ctx: Context, latency_binds: bool = False) -> list[str]:
    """An impossible case is explained in the person's own numbers: the summary names a monthly
    amount above the stated budget (what the cheapest way costs) and, when the expert knows the
    latency target binds (`latency_binds`), a time above it (the fastest way's estimate); every cost lever is lower than the figure it
    modifies (a lever that raises the bill was computed on another model or thinking assumption)."""
    out = []
    budget, target = ctx.req.monthly_budget_usd, ctx.req.latency.p95_seconds
    amounts = [float(m.group(1).replace(",", "")) * (1e6 if m.group(2) else 1.0)
               for m in re.finditer(r"\$([\d,]+(?:\.\d+)?)(M)?", ctx.rec.summary)]  # fmt: skip
    if budget is not None and not any(a > budget for a in amounts):
        out.append(f"the summary names no amount above the {_money(budget)} budget")
    if target is not None and latency_binds:
        times = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?) s\b", ctx.rec.summary)]
        if not any(x > target for x in times):
            out.append(f"the summary names no time above the {target:g} s target")
    for r in ctx.rec.relaxations:
        if r.constraint != "levers" or r.code is None:
            continue
        now = r.code.params.get("monthly")
        for k in ("half_prompt", "cached_75"):
            v = r.code.params.get(k)
            if isinstance(v, int | float) and isinstance(now, int | float) and v >= now:
                out.append(f"lever {k} gives {_money(v)}, not below the {_money(now)} it modifies")
    return out


@rule
def infeasible(ctx: Context) -> list[str]:
    """An impossible scenario gets no recommendation (or a clear infeasible warning) and no pick:
    recommending something that breaks the constraints hides the conflict from the person."""
    flagged = _mentions(ctx.rec.warnings, ("infeasible", "不可行", "no option", "nothing meets"))
    if ctx.shortlist and not flagged:
        return [
            f"{len(ctx.shortlist)} candidates recommended for an impossible scenario, first {_name(ctx.shortlist[0])}"
        ]
    if not ctx.shortlist and ctx.rec.quality_pick is not None:
        return ["no candidates but a quality pick"]
    return []


def _num(value: object) -> float:
    """A numeric parameter as a float; anything else (absent, text, a list) as 0."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _relaxation_models(ctx: Context, relaxation: Relaxation) -> tuple[list[Model], list[str]]:
    """The catalog models a relaxation admits: by the key its per-model figures carry when they name
    the model (two catalog entries can share a display name), else by name."""
    keyed = {c.model: c.model_key for c in relaxation.per_model}
    found, unknown = [], []
    for n in relaxation.admits:
        m = ctx.model(keyed.get(n, n))
        if m is None:
            unknown.append(n)
        else:
            found.append(m)
    return found, unknown


@rule
def relaxations_specific(ctx: Context) -> list[str]:
    """Relaxations name specific catalog models, each with its own required change (the new value
    for a numeric constraint such as budget, latency or context), and
    none admits a model that already passes (shortlisted, or within the budget it claims to lift)."""
    if not ctx.rec.relaxations:
        return ["no relaxations offered"]
    out = []
    shortlisted = {c.model_key for c in ctx.shortlist} | {c.model for c in ctx.shortlist}
    seen: set[tuple[str, str]] = set()
    budget = ctx.req.monthly_budget_usd
    for r in ctx.rec.relaxations:
        label = f"relaxation {r.constraint!r}"
        if not r.admits:
            out.append(f"{label}: admits no model")
        numeric = any(k in r.constraint.lower() for k in NUMERIC_CONSTRAINTS)
        if numeric and not re.search(r"\d", r.suggestion):
            out.append(f"{label}: no number in {r.suggestion!r}")
        if (r.constraint, r.suggestion) in seen:
            out.append(f"{label}: repeats {r.suggestion!r}")
        seen.add((r.constraint, r.suggestion))
        models, unknown = _relaxation_models(ctx, r)
        out += [f"{label}: admits {n!r}, not a catalog model" for n in unknown]
        for m in models:
            if m.key in shortlisted or m.name in shortlisted:
                out.append(f"{label}: admits {m.key}, already recommended")
            elif "budget" in r.constraint and budget is not None:
                cost = cheapest_cost(m, ctx.req, ctx.catalog, ctx.as_of)
                if cost is not None and cost[0] <= budget:
                    out.append(
                        f"{label}: admits {m.key}, already within the {_money(budget)} budget at {_money(cost[0])}"
                    )
    return out


NUMERIC_CONSTRAINTS = ("budget", "latency", "context", "cost", "price", "volume")
"""Constraints whose relaxation is a new value, so the suggestion must state it."""
_AMOUNT = re.compile(r"(?:\$|US\$|USD\s?)\s?([\d,]+(?:\.\d+)?)|([\d,]+(?:\.\d+)?)\s?(?:美元|USD|dollars)")


def named_amount(text: str) -> float | None:
    """The first dollar amount in a sentence ('Raise the budget to $1,234/month' -> 1234.0)."""
    m = _AMOUNT.search(text)
    if not m:
        return None
    return float((m.group(1) or m.group(2)).replace(",", ""))


@rule
def relaxation_budget_consistent(ctx: Context) -> list[str]:
    """A budget relaxation's amount is what the models it admits really cost at the volume: at least
    (1 - 15%) of each admitted model's cheapest acceptable cost and at most (1 + 15%) of the dearest
    (computed here from catalog prices, with and without thinking tokens). A budget that is too low
    admits nothing; one far too high hides a cheaper way out."""
    budget_relax = [r for r in ctx.rec.relaxations if "budget" in r.constraint]
    if ctx.req.monthly_budget_usd is not None and not budget_relax:
        return ["the budget is stated but no relaxation raises it"]
    out = []
    for r in budget_relax:
        amount = named_amount(r.suggestion)
        if amount is None:
            out.append(f"relaxation {r.constraint!r}: no dollar amount in {r.suggestion!r}")
            continue
        models, _ = _relaxation_models(ctx, r)
        # the thinking tokens a per-model figure states it is at (a cap the ranking also applies)
        stated = {c.model_key: _num(c.needs.params.get("capped")) for c in r.per_model}
        costs = {}
        for m in models:
            cost = cheapest_cost(m, ctx.req, ctx.catalog, ctx.as_of, stated.get(m.key, 0.0))
            if cost is None:
                out.append(f"relaxation {r.suggestion!r}: admits {m.key}, which has no acceptable offering")
            else:
                costs[m.key] = cost
        if not costs:
            continue
        short = [k for k, (low, _) in costs.items() if amount < low * (1 - RELAXATION_TOLERANCE)]
        if short:
            k = short[0]
            out.append(
                f"relaxation {r.suggestion!r}: {_money(amount)} < {k}'s cost {_money(costs[k][0])} - 15%"
            )
        dearest = max(high for _, high in costs.values())
        if amount > dearest * (1 + RELAXATION_TOLERANCE):
            out.append(
                f"relaxation {r.suggestion!r}: {_money(amount)} > dearest admitted cost {_money(dearest)} + 15%"
            )
    return out


PREVIEW_WORDS = re.compile(r"(?:^|[-_.:/ ])(preview|exp|experimental|beta|alpha)(?:$|[-_.:/ ])", re.I)
DERIVATIVE_WORDS = re.compile(r"uncensored|abliterat|(?:^|[-_ ])merged?(?:$|[-_ ])|(?:^|[-_ (])(?:rp|roleplay|role-play)(?:$|[-_ )])", re.I)
EU_LANGUAGES = frozenset({"de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "fi", "cs", "el", "hu", "ro"})
JURISDICTION_OF = {
    "anthropic": "us", "openai": "us", "google": "us", "google-vertex": "us", "amazon-bedrock": "us",
    "azure": "us", "azure-cognitive-services": "us", "meta": "us", "xai": "us",
    "deepseek": "cn", "moonshotai": "cn", "moonshotai-cn": "cn", "alibaba-cn": "cn", "zhipuai": "cn",
    "zai": "cn", "xiaomi": "cn", "mistral": "eu",
}  # fmt: skip
"""The runner's own short list of where well-known API providers' companies are incorporated."""


def _retires_soon(ctx: Context, c: Candidate) -> date | None:
    """The earliest retirement within the warning horizon of the candidate's model or offering."""
    model, off = ctx.model(c.model_key), ctx.offering(c)
    dates = [model.retirement_date if model else None]
    if off is not None:
        dates += [off.retirement_date, off.deprecation_date]
    soon = [d for d in dates if d is not None and ctx.as_of < d <= ctx.as_of + timedelta(days=RETIREMENT_WARNING_DAYS)]
    return min(soon) if soon else None


def _family(key: str) -> str:
    return re.sub(r"\d+(?:\.\d+)*", "", PREVIEW_WORDS.split(key.lower(), maxsplit=1)[0]).replace("--", "-").strip("-")


def _stable_sibling_exists(ctx: Context, key: str) -> bool:
    if not PREVIEW_WORDS.search(key):
        return False
    family = _family(key)
    return any(
        k != key and not PREVIEW_WORDS.search(k) and _family(k) == family and not _retired(m.retirement_date, ctx.as_of)
        for k, m in ctx.catalog.models.items()
    )


def _provisional(ctx: Context, c: Candidate) -> bool:
    return _retires_soon(ctx, c) is not None or _stable_sibling_exists(ctx, c.model_key)


def _overlap(a: Candidate, b: Candidate) -> bool:
    if None in (a.quality_lower, a.quality_upper, b.quality_lower, b.quality_upper):
        return False
    return a.quality_upper >= b.quality_lower and b.quality_upper >= a.quality_lower  # type: ignore[operator]


@rule
def picks_last(ctx: Context) -> list[str]:
    """Neither the quality pick nor the value pick retires within RETIREMENT_WARNING_DAYS, nor is a
    preview whose maker has a stable release of the same family, while a lasting shortlisted
    candidate is statistically tied with it (quality intervals overlap; for the value pick, one
    also cheaper than the quality pick)."""
    out = []
    qc = ctx.candidate_of(ctx.rec.quality_pick)
    for role, pick in (("quality", qc), ("value", ctx.candidate_of(ctx.rec.value_pick))):
        if pick is None or not _provisional(ctx, pick):
            continue
        tied = [c for c in ctx.shortlist if c.model_key != pick.model_key and not _provisional(ctx, c) and _overlap(c, pick)
                and (role == "quality" or (qc is not None and (c.monthly_cost_usd or 0) < (qc.monthly_cost_usd or 0)))]  # fmt: skip
        if tied:
            out.append(f"{role} pick {_name(pick)} is retiring or a preview while {_name(tied[0])} lasts and is tied with it")
    return out


@rule
def lifecycle_warned(ctx: Context) -> list[str]:
    """Every shortlisted candidate retiring within RETIREMENT_WARNING_DAYS shows the warning on its
    own row (`Candidate.warnings`, with the date), not only in the report's risk list."""
    out = []
    for c in ctx.shortlist:
        when = _retires_soon(ctx, c)
        if when is not None and not any(when.isoformat() in w for w in c.warnings):
            out.append(f"{_name(c)} retires {when}, its row shows {c.warnings or 'no warning'}")
    return out


@rule
def value_undominated(ctx: Context) -> list[str]:
    """The value pick is on the cost/quality frontier: no lasting shortlisted candidate costs no more
    and is rated at least as high (better in one)."""
    vc = ctx.candidate_of(ctx.rec.value_pick)
    if vc is None or vc.quality is None or vc.monthly_cost_usd is None:
        return []
    out = []
    for c in ctx.shortlist:
        if c.model_key == vc.model_key or c.quality is None or c.monthly_cost_usd is None or _provisional(ctx, c):
            continue
        q, cost = round(c.quality, 1), round(c.monthly_cost_usd, 2)
        vq, vcost = round(vc.quality, 1), round(vc.monthly_cost_usd, 2)
        if q >= vq and cost <= vcost and (q > vq or cost < vcost):
            out.append(f"value pick {_name(vc)} ({vq}, {_money(vcost)}) dominated by {_name(c)} ({q}, {_money(cost)})")
    return out[:1]


@rule
def no_derivatives(ctx: Context) -> list[str]:
    """No community derivative (uncensored/abliterated re-uploads, merges, role-play finetunes) is
    shortlisted: no maker stands behind its behaviour or terms."""
    return [f"{_name(c)} is a community derivative" for c in ctx.shortlist
            if DERIVATIVE_WORDS.search(f"{c.model_key} {c.model}")]  # fmt: skip


@rule
def endpoint_region(ctx: Context) -> list[str]:
    """For a person outside mainland China (EU languages or residency, or a non-Chinese first
    language), no shortlisted model is shown through a mainland-China endpoint when its maker's
    international endpoint (the same provider id without "-cn") lists it."""
    req = ctx.req
    if req.deployment.data_residency == "cn" or (req.deployment.data_residency is None and req.languages[0] == "zh"
                                                  and not EU_LANGUAGES & set(req.languages)):  # fmt: skip
        return []
    out = []
    for c in ctx.shortlist:
        off = ctx.offering(c)
        if off is None or not off.provider.endswith("-cn"):
            continue
        intl = off.provider.removesuffix("-cn")
        if any(o.provider == intl for o in ctx.catalog.offerings_of(c.model_key)):
            out.append(f"{_name(c)} shown through the China endpoint while {intl} lists it")
    return out


@rule
def jurisdiction_named(ctx: Context) -> list[str]:
    """Confidential or restricted data, or source code, going to a provider incorporated under
    another jurisdiction than the person's stated residency: the risks name the pick and that
    jurisdiction."""
    region = ctx.req.deployment.data_residency
    qc = ctx.candidate_of(ctx.rec.quality_pick)
    if region is None or qc is None or qc.provider is None:
        return []
    where = JURISDICTION_OF.get(qc.provider)
    if where is None or where == region:
        return []
    words = {"us": ("US", "美国"), "cn": ("China", "中国"), "eu": ("EU", "欧盟")}[where]
    risks = ctx.rec.risks
    if any(qc.model in r and any(w in r for w in words) for r in risks):
        return []
    return [f"{_name(qc)} ({qc.provider}, {where}) for a person in {region}: no risk names the jurisdiction"]


@rule
def relaxations_admit_new(ctx: Context) -> list[str]:
    """Every relaxation names models that do not already pass (none is on the shortlist), and
    allowing proprietary models names closed-weights models (not open ones that self-hosting takes)."""
    shortlisted = {c.model for c in ctx.shortlist} | {c.model_key for c in ctx.shortlist}
    out = []
    for r in ctx.rec.relaxations:
        for name in r.admits:
            model = ctx.model(name)
            if name in shortlisted or (model is not None and model.key in shortlisted):
                out.append(f"{r.constraint}: admits {name}, which already passes")
            elif r.constraint == "open_weights_required" and model is not None and model.open_weights:
                out.append(f"{r.constraint}: admits {name}, an open-weights model")
    return out


UNIVERSAL = (
    "has_recommendation",
    "trusted_tiers",
    "plausible_offerings",
    "not_retired",
    "retirement_flagged",
    "latency_in_seconds",
    "picks_named",
    "purpose_fits",
    "meets_hard_constraints",
    "price_tier_applied",
    "reasoning_costed",
    "adaptation_fits",
)
UNSOLVABLE = ("infeasible", "relaxations_specific", "relaxation_budget_consistent")


# --------------------------------------------------------------------------------------------------
# Running


@dataclass
class RuleResult:
    name: str
    source: str
    failures: list[str]

    @property
    def passed(self) -> bool:
        return not self.failures


@dataclass
class ScenarioResult:
    id: str
    part: str
    solvable: bool
    top: str | None
    results: list[RuleResult]
    seconds: float
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and all(r.passed for r in self.results)


def evaluate(
    scenario: Scenario, rec: Recommendation, catalog: Catalog, as_of: date = AS_OF
) -> list[RuleResult]:
    """Apply every rule of the scenario to one Recommendation."""
    ctx = Context(scenario.requirements, rec, catalog, as_of)
    results = []
    for call in rules_for(scenario):
        try:
            failures = RULES[call.name](ctx, **call.params)
        except Exception as exc:  # a rule that crashes is a failed rule, reported with its error
            failures = [f"rule crashed: {type(exc).__name__}: {exc}"]
        results.append(RuleResult(call.name, call.source, failures))
    return results


def run_scenario(
    scenario: Scenario, catalog: Catalog, as_of: date = AS_OF, answers: Path | None = None
) -> ScenarioResult:
    """Get the answer (from the engine, or `answers/<id>.json` when given: a Recommendation as
    `Recommendation.model_dump_json()` writes it) and apply the scenario's rules."""
    from whichmodel.tools.decision import recommend

    start = time.perf_counter()
    try:
        if answers is not None:
            text = (answers / f"{scenario.id}.json").read_text(encoding="utf-8")
            rec = Recommendation.model_validate_json(text)
        else:
            rec = recommend(scenario.requirements, catalog, raw=scenario.raw, as_of=as_of)
    except Exception as exc:  # the engine failing on a valid scenario is the scenario failing
        calls = rules_for(scenario)
        error = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        source = "answer" if answers is not None else "engine"
        return ScenarioResult(
            scenario.id,
            scenario.part,
            scenario.solvable,
            None,
            [RuleResult(c.name, c.source, [f"{source} error: {error}"]) for c in calls],
            time.perf_counter() - start,
            error,
        )
    results = evaluate(scenario, rec, catalog, as_of)
    top = rec.recommendations[0].model_key if rec.recommendations else None
    return ScenarioResult(
        scenario.id, scenario.part, scenario.solvable, top, results, time.perf_counter() - start
    )


def diversity(results: list[ScenarioResult]) -> tuple[int, str | None, int, int, bool]:
    """(distinct #1 models, most frequent #1, its count, solvable scenarios, passed). No single model
    may be #1 in more than DIVERSITY_MAX_SHARE of the solvable scenarios: an engine that answers
    every question with the same model is not reading the requirements."""
    solvable = [r for r in results if r.solvable]
    tops = Counter(r.top for r in solvable if r.top)
    if not tops or len(solvable) < round(1 / DIVERSITY_MAX_SHARE):  # too few to tell (e.g. --only)
        return 0, None, 0, len(solvable), True
    model, count = tops.most_common(1)[0]
    return len(tops), model, count, len(solvable), count <= DIVERSITY_MAX_SHARE * len(solvable)


def summarize(results: list[ScenarioResult]) -> dict[str, Any]:
    rules_total = sum(len(r.results) for r in results)
    rules_passed = sum(rr.passed for r in results for rr in r.results)
    distinct, most, count, n_solvable, div_ok = diversity(results)
    kinds = Counter(rr.name for r in results for rr in r.results if not rr.passed)
    scenarios_passed = sum(r.passed for r in results)
    return {
        "as_of": AS_OF.isoformat(),
        "scenarios": len(results),
        "scenarios_passed": scenarios_passed,
        "pass_rate": scenarios_passed / len(results) if results else 0.0,
        "rules_total": rules_total,
        "rules_passed": rules_passed,
        "distinct_top_models": distinct,
        "most_frequent_top": most,
        "most_frequent_top_count": count,
        "solvable_scenarios": n_solvable,
        "diversity_ok": div_ok,
        "failure_kinds": dict(kinds.most_common()),
        "target": TARGET,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", help="run one scenario id")
    parser.add_argument("--no-fail", action="store_true", help="report only: exit 0 whatever the pass rate")
    parser.add_argument(
        "--answers",
        type=Path,
        help="score DIR/<id>.json (Recommendation.model_dump_json()) instead of running the engine",
    )
    parser.add_argument(
        "--export",
        type=Path,
        help="write each scenario's requirements to DIR/<id>.yaml (for the CLI) and exit",
    )
    parser.add_argument("--rules", action="store_true", help="list the rule vocabulary and exit")
    args = parser.parse_args(argv)

    if args.rules:
        for name, fn in RULES.items():
            print(f"{name}: {' '.join((fn.__doc__ or '').split())}")
        return 0
    from whichmodel.knowledge.catalog.store import load_catalog

    scenarios = load_scenarios(args.part)
    if args.only:
        scenarios = [s for s in scenarios if s.id == args.only]
        if not scenarios:
            print(f"no scenario {args.only!r}", file=sys.stderr)
            return 2
    if args.export:
        args.export.mkdir(parents=True, exist_ok=True)
        for sc in scenarios:
            header = f"# {sc.id} ({sc.part}): {sc.why}\n"
            body = yaml.safe_dump(sc.raw, allow_unicode=True, sort_keys=False)
            (args.export / f"{sc.id}.yaml").write_text(header + body, encoding="utf-8")
        print(f"wrote {len(scenarios)} requirements files to {args.export}")
        return 0
    catalog = load_catalog()
    results = [run_scenario(s, catalog, answers=args.answers) for s in scenarios]
    summary = summarize(results)

    if args.json:
        payload = {
            "summary": summary,
            "scenarios": [
                {
                    "id": r.id,
                    "part": r.part,
                    "solvable": r.solvable,
                    "passed": r.passed,
                    "top": r.top,
                    "seconds": round(r.seconds, 3),
                    "error": r.error,
                    "rules": [
                        {"name": x.name, "source": x.source, "passed": x.passed, "failures": x.failures}
                        for x in r.results
                    ],
                }
                for r in results
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for r in results:
            for x in r.results:
                if x.failures:
                    more = f" (+{len(x.failures) - 1} more)" if len(x.failures) > 1 else ""
                    print(f"FAIL {r.id} {x.name}: {x.failures[0]}{more}")
        s = summary
        print()
        print(
            f"as_of {s['as_of']}, part {args.part}: {s['scenarios_passed']}/{s['scenarios']} scenarios pass all their rules "
            f"({s['pass_rate']:.0%}, target {TARGET:.0%}); rules {s['rules_passed']}/{s['rules_total']}"
        )
        print(
            f"distinct #1 models: {s['distinct_top_models']} over {s['solvable_scenarios']} solvable scenarios; "
            f"most frequent #1 {s['most_frequent_top']} x{s['most_frequent_top_count']} "
            f"({'ok' if s['diversity_ok'] else 'FAIL'}: at most {DIVERSITY_MAX_SHARE:.0%})"
        )
        if s["failure_kinds"]:
            print("failures by rule: " + ", ".join(f"{k} {v}" for k, v in s["failure_kinds"].items()))
    ok = summary["pass_rate"] >= TARGET and summary["diversity_ok"]
    return 0 if ok or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())

"""Stage 1 of the pipeline: every way to run every model, through the hard filters, priced.

For API use each offering is checked (`filters.static_failures`, cached per catalog by the index, then
`filters.price_failures` at this volume with its latency estimate); for self-hosting each model is
checked with the same rule functions (`filters.self_host_failures`, `filters.budget_fit`,
`filters.latency_fit`). The result is data: options that pass, grouped per model; the counts per
reason; the options that fail exactly one relaxable constraint (for relaxations); and, per model,
the offerings that would pass but for the provider's tier (shown as "also sold by").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.tools.decision.cost import offering_mode, per_request_cost, reads_cache, tokens
from whichmodel.tools.decision.filters import (
    REASONS,
    api_alternative_ok,
    budget_fit,
    first_reason,
    latency_fit,
    price_failures,
    self_host_failures,
)
from whichmodel.tools.decision.gpus import Gpu
from whichmodel.tools.decision.index import CatalogIndex
from whichmodel.tools.decision.latency import estimate_latency, provider_class, thinking_that_fits
from whichmodel.tools.decision.ranking import HIGH_STAKES, high_stakes_domain
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import LatencyEstimate, Reason, SelfHostEstimate
from whichmodel.tools.decision.selfhost import (
    BYTES_PER_PARAM,
    estimate_self_host,
    impractical_build,
    over_gpu_limit,
    self_host_speed,
)
from whichmodel.tools.decision.thinking import (
    MIN_CAP_SHARE,
    can_cap,
    can_turn_off,
    min_thinking,
    rated_thinking,
    task_reasons,
    thinking_mode,
)

SELF_HOST_REASON = "params_unknown"
RELAXABLE = (
    "over_budget",
    "too_slow",
    "open_weights_required",
    "context_too_small",
    "provider_not_allowed",
    "untrusted_provider",
    "data_terms",
    "residency",
    "tool_calling",
    "structured_output",
    "reasoning",
    "missing_modality",
    "too_many_gpus",
    SELF_HOST_REASON,
)
PRICE_BOUND = frozenset({"over_budget", "too_slow"})
"""The constraints set by the person's numbers (budget, latency target), not by what a model is."""
SHOWN_RESELLER_FAILURES = frozenset({"untrusted_provider", "implausible_price"})
"""An offering failing only these is another seller of a shortlisted model: shown, never chosen."""


@dataclass(frozen=True)
class Option:
    """One way to run one model: an API offering (priced at this volume) or self-hosting."""

    model: Model
    offering: Offering | None
    monthly: float | None
    latency: LatencyEstimate
    failures: tuple[str, ...] = ()
    self_host: SelfHostEstimate | None = None
    thinking_cap: float | None = None
    """Thinking tokens per request when the latency target capped the budget (`fit_thinking`)."""
    usual: LatencyEstimate | None = None
    """For a capped option, the estimate at the model's usual thinking budget (what its ratings were
    earned at); `usual_monthly` is its bill there. Both are shown next to the capped figures."""
    usual_monthly: float | None = None

    @property
    def thinking_cut(self) -> bool:
        """Capped below `thinking.MIN_CAP_SHARE` of its usual thinking, or of the thinking behind its
        public ratings (`thinking.rated_thinking`): not the configuration its public ratings describe
        (allowed only where reasoning is a need of another task, not the task)."""
        usual = self.usual.thinking_tokens if self.usual is not None else 0.0
        reference = max(usual, rated_thinking(self.model))
        return self.thinking_cap is not None and self.thinking_cap < MIN_CAP_SHARE * reference

    @property
    def tier(self) -> str:
        return self.offering.tier if self.offering is not None else "self"


@dataclass
class Stage:
    """What the hard filters did over the whole catalog, as data."""

    considered: int = 0
    """Options considered (API offerings, or self-hosted models)."""
    models_considered: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    """Eliminated *models* (none of their options passes) by the one reason each is counted under
    (`model_reason`): a model that passes through any offering is never counted, and the counts add
    up to the models eliminated."""
    option_counts: Counter[str] = field(default_factory=Counter)
    """Eliminated options by their first reason in `REASONS` order (offerings of passing models too)."""
    examples: dict[str, list[str]] = field(default_factory=dict)
    """Up to five eliminated model names per counted reason."""
    blocked: Counter[str] = field(default_factory=Counter)
    """Options failing each constraint, first or not (price codes: among statically clean options)."""
    passing: dict[str, list[Option]] = field(default_factory=dict)
    """Per model key, its options that pass every constraint."""
    only: dict[str, list[Option]] = field(default_factory=dict)
    """Per relaxable code, options failing that one constraint and nothing else."""
    price_bound: list[Option] = field(default_factory=list)
    """Options that meet every constraint but the budget and/or the latency target (priced, timed):
    what the diagnosis of an impossible case (the dollar gap, the latency floor) is computed from."""
    reseller_at: dict[str, list[int]] = field(default_factory=dict)
    """Per model key, index positions of offerings failing only on the provider's tier or an
    implausible price (priced on demand by `sellers`, for the candidates a result shows)."""
    pricer: Callable[[int], Option] | None = None

    def sellers(self, key: str) -> tuple[Option, ...]:
        """The other sellers of model `key` (unverified or implausibly priced), cheapest first."""
        if self.pricer is None:
            return ()
        options = [self.pricer(i) for i in self.reseller_at.get(key, ())]
        priced = [o for o in options if o.monthly is not None and o.monthly > 0]
        return tuple(sorted(priced, key=lambda o: (o.monthly or 0.0, o.offering.id if o.offering else "")))

    def count(self, reason: str, name: str) -> None:
        """Count one eliminated model under `reason` (with its name as an example)."""
        self.counts[reason] += 1
        names = self.examples.setdefault(reason, [])
        if len(names) < 5 and name not in names:
            names.append(name)


def model_reason(reasons: Iterable[str]) -> str:
    """The one reason an eliminated model is counted under, from its options' first reasons: the one
    latest in `REASONS` order, i.e. what stopped the option that got furthest through the filters (a
    model whose maker's API is over budget and whose resellers are unverified is over budget)."""
    return max(reasons, key=lambda r: ORDER.get(r, -1))


def relaxable(req: Requirements, reason: str) -> bool:
    """Only constraints the person set can be relaxed (text input is not a 'need' to drop)."""
    if reason not in RELAXABLE:
        return False
    if reason == "missing_modality":
        return set(req.input_modalities) != {"text"} or req.task_type == "vision"
    return True


def api_stage(req: Requirements, index: CatalogIndex, as_of: date) -> Stage:
    """Stage 1 for API use over every offering of the catalog."""
    static = index.static_pass(req, as_of)
    prices = index.prices(req)
    latencies = index.latencies(req)
    requests, budget, target = req.volume.requests_per_month, req.monthly_budget_usd, req.latency.p95_seconds
    stage = Stage(considered=len(index.offerings), models_considered=len({m.key for m in index.models}))
    stage.option_counts.update(static.counts)
    stage.blocked.update(static.blocked)

    def priced(i: int) -> Option:
        offering, model = index.offerings[i], index.models[i]
        per_request = prices.per_request[i]
        monthly = None if per_request is None else per_request * requests
        lat = latencies(i)
        failures = price_failures(offering, monthly, lat.p95_seconds, budget=budget, target=target, basis=lat.basis)
        if "too_slow" in failures:
            fitted = fit_thinking(req, offering, model, lat)
            if fitted is not None:
                usual, usual_monthly = lat, monthly
                capped, lat = fitted
                per_request = per_request_cost(offering, model, capped)
                monthly = None if per_request is None else per_request * requests
                failures = price_failures(offering, monthly, lat.p95_seconds, budget=budget, target=target, basis=lat.basis)
                cap = capped.volume.thinking_tokens
                return Option(model, offering, monthly, lat, failures, thinking_cap=cap, usual=usual,
                              usual_monthly=usual_monthly)  # fmt: skip
        return Option(model, offering, monthly, lat, failures)

    passing: dict[str, list[Option]] = defaultdict(list)
    only: dict[str, list[Option]] = defaultdict(list)
    first: list[str | None] = [first_reason(found) if found else None for found in static.failures]
    for i in static.clean:
        option = priced(i)
        stage.blocked.update(option.failures)
        if not option.failures:
            passing[option.model.key].append(option)
            continue
        reason = first[i] = first_reason(option.failures)
        stage.option_counts[reason] += 1
        if set(option.failures) <= PRICE_BOUND:
            stage.price_bound.append(option)
        if len(option.failures) == 1 and relaxable(req, option.failures[0]):
            only[option.failures[0]].append(option)
    _count_models(stage, index, first, passing)
    for reason, singles in static.single.items():
        if not relaxable(req, reason):
            continue
        for i in singles:
            if index.models[i].key in passing:
                continue  # a relaxation never names a model that already passes
            option = priced(i)
            if not option.failures:
                only[reason].append(replace(option, failures=(reason,)))  # keeps its thinking cap
    reseller_at: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(static.failures):
        if found and set(found) <= SHOWN_RESELLER_FAILURES and index.models[i].key in passing:
            reseller_at[index.models[i].key].append(i)
    stage.passing, stage.only, stage.reseller_at, stage.pricer = (
        dict(passing),
        dict(only),
        dict(reseller_at),
        priced,
    )
    return stage


def _count_models(stage: Stage, index: CatalogIndex, first: list[str | None], passing: Iterable[str]) -> None:
    """Count each model none of whose offerings passes, once, under `model_reason` of its offerings'
    first reasons (`first`, in offering order; None: passes)."""
    passed = set(passing)
    reasons: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    passing_names: set[str] = set()
    for reason, model in zip(first, index.models, strict=True):
        if reason is None or model.key in passed:
            passing_names.add(model.name)
            continue
        reasons.setdefault(model.key, []).append(reason)
        names.setdefault(model.key, model.name)
    counted = {key: model_reason(found) for key, found in reasons.items()}
    reasons_of_name: dict[str, set[str]] = defaultdict(set)
    for key, reason in counted.items():
        reasons_of_name[names[key]].add(reason)
    for key, reason in counted.items():
        name = names[key]
        # Two catalog models under one display name (gemini-embedding and gemini-embedding-001), one
        # passing or counted under another reason: the key tells them apart.
        ambiguous = name in passing_names or len(reasons_of_name[name]) > 1
        stage.count(reason, f"{name} ({key})" if ambiguous else name)


def with_thinking(req: Requirements, thinking: float | None) -> Requirements:
    """`req` with the thinking tokens per request set (unchanged for None)."""
    if thinking is None:
        return req
    return req.model_copy(update={"volume": req.volume.model_copy(update={"thinking_tokens": thinking})})


def thinking_floor_reason(req: Requirements) -> str | None:
    """Why a latency target may not cut thinking below `thinking.MIN_CAP_SHARE` of the usual budget:
    'task' when the task itself reasons (`thinking.task_reasons`), or the field ('medicine', 'legal':
    `ranking.HIGH_STAKES`) when reasoning is stated where a wrong answer harms the person it is about,
    so the most aggressive cut never lands where quality matters most; None otherwise. Money
    decisions are not in it: their agents take many tool steps, each needing little thinking."""
    if task_reasons(req):
        return "task"
    field = high_stakes_domain(req) if req.needs.reasoning else None
    return field if field in HIGH_STAKES else None


def keeps_thinking(req: Requirements) -> bool:
    """A latency target may not cut thinking below a quarter of the usual (`thinking_floor_reason`)."""
    return thinking_floor_reason(req) is not None


def api_latency(req: Requirements, offering: Offering, model: Model) -> LatencyEstimate:
    """The estimate of one API offering for `req` at the thinking `req` sets: its provider's class,
    the model's speed, and the share of the prompt its cache serves."""
    t = tokens(req, offering_mode(offering, model))
    return estimate_latency(model, provider_class(offering.provider, offering.tier), t, task=req.task_type,
                            cache=reads_cache(offering, t))  # fmt: skip


def fit_thinking(
    req: Requirements, offering: Offering, model: Model, lat: LatencyEstimate
) -> tuple[Requirements, LatencyEstimate] | None:
    """A thinking budget capped to meet the latency target, for a hybrid model (its thinking budget is
    a request setting: `thinking.can_cap`) that thinks on this task and misses the target at the full
    budget: (the requirements with that many thinking tokens, the new estimate), or None when there is
    no target or no speed, or the model always thinks (never capped). Never below the model's
    minimum (`thinking.min_thinking`), nor, when the task keeps its thinking (`keeps_thinking`: its
    ratings were earned thinking at length), below `thinking.MIN_CAP_SHARE`
    of its usual budget: when fewer tokens fit, it is capped at that floor and still misses the
    target: its bill and p95 there are what relaxing the target would need (said so)."""
    target = req.latency.p95_seconds
    mode = offering_mode(offering, model)
    if target is None or not can_cap(mode) or not lat.thinking_tokens or lat.output_tokens_per_s is None:
        return None
    floor = max(min_thinking(model.key), MIN_CAP_SHARE * lat.thinking_tokens if keeps_thinking(req) else 0.0)
    fits = thinking_that_fits(lat, tokens(req, mode), target)
    fit = max(fits or 0.0, floor)
    if fit >= lat.thinking_tokens:
        return None
    capped = with_thinking(req, fit)
    at_floor = api_latency(capped, offering, model)
    if (not latency_fit(at_floor.p95_seconds, target, at_floor.basis) and thinking_floor_reason(req) in HIGH_STAKES
            and can_turn_off(model.key)):
        # Too slow even at the floor (and its margin), on a stated need in a high-stakes field (not a
        # reasoning task): thinking turned off rather than starved, where the maker does not document
        # that it cannot be; held back and said (its ratings were earned thinking), and kept only
        # when that meets the target (s02; zh_law's 96.8 s against 90 s stays at the floor).
        off = with_thinking(req, 0.0)
        lat_off = api_latency(off, offering, model)
        if lat_off.p95_seconds is not None and lat_off.p95_seconds <= target:
            return off, lat_off
    return capped, at_floor


def self_host_option(
    req: Requirements, model: Model, offerings: list[Offering], gpu: Gpu, as_of: date
) -> Option:
    """Self-hosting one model, through the same rule functions as an API offering."""
    failures = self_host_failures(req, model, offerings, as_of=as_of)
    estimate: SelfHostEstimate | None = None
    lat = estimate_latency(model, "self", tokens(req, thinking_mode(model.key, model.reasoning)), task=req.task_type)
    if model.params_total_b is None:
        failures += (SELF_HOST_REASON,)
    elif not failures:
        estimate = quantized_plan(req, model, offerings, gpu, self_host_estimate(req, model, offerings, gpu))
        if impractical_build(req, estimate, gpu):
            # more PCIe cards than one machine holds: not a build to price or time
            return Option(model, None, None, lat, (*failures, "impractical_build"), estimate)
        if over_gpu_limit(req, estimate):
            failures += ("too_many_gpus",)
        # the sized deployment's own speed (its decode bound), not the size-based API speeds
        mode = thinking_mode(model.key, model.reasoning)
        lat = estimate_latency(model, "self", tokens(req, mode), task=req.task_type, speed=self_host_speed(estimate, gpu))
        if not latency_fit(lat.p95_seconds, req.latency.p95_seconds, lat.basis):
            failures += ("too_slow",)
        if not budget_fit(estimate.monthly_cost, req.monthly_budget_usd):
            failures += ("over_budget",)
    monthly = estimate.monthly_cost if estimate else None
    return Option(model, None, monthly, lat, failures, estimate)


QUANTIZED_STEPS = ("fp8", "int4")
"""The precisions a model released at 8 bits or more is tried at, in order, when as released it needs
more cards than the person has or one machine holds (`quantized_plan`): FP8 first (near-lossless on
most models), then 4-bit weights (AWQ/GPTQ), the usual way to run a mid-size model on a 24 GB card."""


def quantized_plan(
    req: Requirements, model: Model, offerings: Iterable[Offering], gpu: Gpu, estimate: SelfHostEstimate
) -> SelfHostEstimate:
    """`estimate`, or, when no precision was stated and the weights as released need more cards than
    the person will run (`over_gpu_limit`) or one machine holds (`impractical_build`), the same model
    sized at the first of `QUANTIZED_STEPS` that fits those cards, marked `quantized_from` and coded
    'sh_quantized' (the precision said in the sizing, with a step to check the answers at it). It is
    ranked with the plans at release precision, held back behind comparable ones (`engine.reservations`
    'quantized'), so it leads only when clearly better rated (expert25 s08: Gemma 4 26B A4B, 83, fits
    one RTX 4090 at 4-bit while the pick at release precision was rated 50)."""
    if req.deployment.quantization is not None or not (impractical_build(req, estimate, gpu) or over_gpu_limit(req, estimate)):
        return estimate
    released = estimate.quantization
    if BYTES_PER_PARAM[released] < 1.0:
        return estimate  # released at 4 bits already (gpt-oss in MXFP4)
    plans = []
    for quant in QUANTIZED_STEPS:
        if BYTES_PER_PARAM[quant] < BYTES_PER_PARAM[released]:
            smaller = req.model_copy(update={"deployment": req.deployment.model_copy(update={"quantization": quant})})
            plans.append(self_host_estimate(smaller, model, offerings, gpu))
    # the first that fits the cards, else the first one machine holds (it then fails only on the card
    # count, and the 'more GPUs' way forward names its cards at that precision)
    plan = next((p for p in plans if not impractical_build(req, p, gpu) and not over_gpu_limit(req, p)), None) or next(
        (p for p in plans if not impractical_build(req, p, gpu) and impractical_build(req, estimate, gpu)), None)
    if plan is None:
        return estimate
    code = Reason(code="sh_quantized", params={"quant": plan.quantization, "released": released, "gpu": gpu.name,
                                               "released_cards": estimate.gpus_needed * estimate.replicas,
                                               "cards": plan.gpus_needed * plan.replicas})  # fmt: skip
    return plan.model_copy(update={"quantized_from": released, "assumption_codes": [*plan.assumption_codes, code]})


def self_host_stage(req: Requirements, catalog: Catalog, gpu: Gpu, as_of: date) -> Stage:
    """Stage 1 for self-hosting: one option per open-weights model, checked with the same rules."""
    stage = Stage()
    passing: dict[str, list[Option]] = {}
    only: dict[str, list[Option]] = defaultdict(list)
    for key in sorted(catalog.models):
        model = catalog.models[key]
        offerings = catalog.offerings_of(key)
        if not offerings:
            continue
        stage.considered += 1
        stage.models_considered += 1
        option = self_host_option(req, model, offerings, gpu, as_of)
        failures = option.failures
        stage.blocked.update(failures)
        if not failures:
            passing[key] = [option]
            continue
        stage.count(_counted(failures), model.name)
        stage.option_counts[_counted(failures)] += 1
        if set(failures) <= PRICE_BOUND:
            stage.price_bound.append(option)
        if len(failures) == 1 and relaxable(req, failures[0]):
            only[failures[0]].append(option)
    stage.passing, stage.only = passing, dict(only)
    return stage


def _counted(failures: tuple[str, ...]) -> str:
    """The first reason in `REASONS` order; "parameters unknown" only when it is the only failure."""
    if SELF_HOST_REASON not in failures:
        return first_reason(failures)
    rest = tuple(f for f in failures if f != SELF_HOST_REASON)
    return first_reason(rest) if rest else SELF_HOST_REASON


def cheapest_api(req: Requirements, model: Model, offerings: Iterable[Offering]) -> tuple[float, str, str] | None:
    """(per request, offering id, provider name) of the cheapest current, plausibly priced API offering
    from a trusted seller (the maker, a cloud or an established host: never a reseller's listing)
    that the requirements would allow (`filters.api_alternative_ok`: none when the data may not
    leave; not a provider outside the residency or the data terms)."""
    costs = [
        (c, o.id, o.provider_name)
        for o in offerings
        if not o.deprecated
        and o.tier in TRUSTED_SELLERS
        and api_alternative_ok(req, o, model)
        and o.plausible is not False
        and (c := per_request_cost(o, model, req)) is not None
        and c > 0
    ]
    return min(costs, default=None)


def self_host_estimate(
    req: Requirements, model: Model, offerings: Iterable[Offering], gpu: Gpu
) -> SelfHostEstimate:
    assert model.params_total_b is not None
    api = cheapest_api(req, model, offerings)
    return estimate_self_host(
        model=model.name,
        params_total_b=model.params_total_b,
        params_active_b=model.params_active_b,
        req=req,
        gpu=gpu,
        cheapest_api_per_request=api[0] if api else None,
        cheapest_api_offering=api[1] if api else None,
        cheapest_api_provider=api[2] if api else None,
        release_precision=model.release_precision,
        thinking_tokens=tokens(req, thinking_mode(model.key, model.reasoning)).thinking,
    )


TRUSTED_SELLERS = frozenset({"maker", "cloud", "host"})
"""Offerings the core may name as a way to get a model (break-even, relaxations, why-not)."""
ORDER = {reason: i for i, reason in enumerate([*REASONS, SELF_HOST_REASON])}

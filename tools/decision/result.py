"""The decision core's output: everything a report, a chat reply or the JSON contract needs.

Renderers (Markdown, HTML, JSON) read only this model; they compute nothing that is a decision.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from whichmodel.knowledge.units import (
    Lang as Lang,  # the one language type, re-exported for the core's modules
)
from whichmodel.tools.decision.requirements import Requirements

Approach = Literal[
    "prompt_engineering",
    "long_context",
    "rag",
    "fine_tuning",
    "train_from_scratch",
    "evaluate_on_your_data",
]
LatencyClass = Literal["fast", "medium", "slow"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


Param = str | int | float | bool | None | list[str]


class Reason(_Out):
    """A decision as data: a code and its numbers (the explainer writes the sentence, in any language).

    Codes are stable identifiers, e.g. ``over_budget`` with ``monthly_usd`` and ``budget_usd``;
    `tools.decision.explain` has one template per code and language.
    """

    code: str
    params: dict[str, Param] = Field(default_factory=dict)


class CostEstimate(_Out):
    """What one offering costs at the stated volume. All USD."""

    offering_id: str
    per_request: float
    per_1k_requests: float
    monthly: float
    input_price_per_m: float = Field(description="The input price used (tier applied), USD per 1M tokens.")
    output_price_per_m: float
    cache_read_price_per_m: float | None = None
    cache_write_price_per_m: float | None = Field(
        default=None, description="Cache-write price (USD per 1M tokens) where the provider bills writes."
    )
    tier_min_context: int = 0
    price_source: str
    price_as_of: str
    assumptions: list[str] = Field(default_factory=list, description="Written by the explainer.")
    assumption_codes: list[Reason] = Field(default_factory=list, description="`assumptions` as data.")
    thinking_tokens: float = Field(default=0, description="Thinking tokens per request billed as output.")
    unit: str = Field(
        default="per_1m_tokens", description="What the prices are per (catalog `Pricing.unit`)."
    )


class SelfHostEstimate(_Out):
    """Sizing for running an open-weights model on rented GPUs."""

    model: str
    gpu: str
    quantization: str
    params_total_b: float
    params_active_b: float
    weights_gb: float
    kv_cache_gb: float
    overhead_gb: float
    total_memory_gb: float
    gpus_needed: int
    decode_tokens_per_s_bound: float = Field(description="Upper bound for one stream, from memory bandwidth.")
    capacity_requests_per_month: float = Field(description="Throughput bound at the utilization, all GPUs.")
    replicas: int = Field(description="Copies of the deployment needed for the stated volume.")
    monthly_cost: float
    gpu_hourly_usd: float
    utilization: float
    break_even_requests_per_month: float | None = Field(
        default=None,
        description="Volume above which self-hosting beats the cheapest API offering of this model.",
    )
    cheapest_api_offering: str | None = None
    cheapest_api_provider: str | None = Field(default=None, description="Its provider's display name.")
    cheapest_api_monthly_usd: float | None = Field(
        default=None, description="The same model's cheapest trusted API offering at the stated volume."
    )
    assumptions: list[str] = Field(default_factory=list, description="Written by the explainer.")
    assumption_codes: list[Reason] = Field(default_factory=list, description="`assumptions` as data.")
    quantized_from: str | None = Field(
        default=None,
        description="The precision the weights were released in, when this plan quantizes them further "
        "(`quantization`) because as released they need more cards than the person has or one machine "
        "holds (`candidates.quantized_plan`); None otherwise.",
    )


class CriterionScore(_Out):
    """One ranking criterion for one candidate: its value, its normalised score and why."""

    criterion: Literal["quality", "cost", "latency", "fit"]
    weight: float
    score: float = Field(description="0..1, higher is better.")
    detail: str


class Measurement(_Out):
    """One endpoint's figures from a probe on the person's own examples; each figure with its n.

    Built from a probe run's summary (``tools.probes``); the decision core only reads it. Errors
    count as wrong answers in ``accuracy`` (as in the probe engine), so a failing endpoint never
    looks better than it did.
    """

    endpoint: str = Field(description="The configured endpoint id that was probed.")
    model: str = Field(description="The model name the endpoint was called with.")
    catalog_offering: str | None = Field(default=None, description="The offering id it stands for.")
    model_key: str | None = Field(default=None, description="Canonical model key (set by the core).")
    n: int = Field(description="Items behind the accuracy (answered and scored, plus errors).")
    correct: int
    accuracy: float | None
    ci95_low: float | None = None
    ci95_high: float | None = None
    latency_p50_s: float | None = None
    latency_p95_s: float | None = None
    latency_n: int = 0
    ttft_p50_s: float | None = None
    ttft_n: int = 0
    output_tokens_per_s: float | None = None
    output_tokens_per_s_n: int = 0
    cost_per_1k_usd: float | None = None
    cost_n: int = 0
    cost_source: str | None = None
    cost_as_of: str | None = None
    cost_reason: str | None = Field(default=None, description="Why there is no cost figure.")
    errors: int = 0
    errors_by_kind: dict[str, int] = Field(default_factory=dict)


class ProbeEvidence(_Out):
    """A probe run as evidence for the ranking: what was measured, on what, and what it changed."""

    run_id: str
    probe_set: str
    n_examples: int
    started_at: str
    wall_s: float
    measurements: list[Measurement]
    separation: list[str] = Field(
        default_factory=list, description="Whether the set tells each pair of models apart."
    )
    effects: list[str] = Field(
        default_factory=list,
        description="What the measurements changed in the ranking (the explainer's words).",
    )
    effect_codes: list[Reason] = Field(
        default_factory=list, description="`effects` as data (set by the core)."
    )
    unmatched: list[str] = Field(
        default_factory=list,
        description="Probed endpoints that stand for no candidate of this ranking (set by the core).",
    )


class RatingUsed(_Out):
    """One rating category a candidate's quality rests on, on its own scale, with its weight."""

    category: str
    elo: float
    lower: float
    upper: float
    weight: float = Field(description="Share of the task-quality score (0..1).")
    normalised: float | None = Field(
        default=None, description="Position on the category's own scale over rated models (0..1)."
    )
    source: str = "lmarena"
    as_of: str | None = None


class LatencyEstimate(_Out):
    """Latency in seconds with its basis (never a bare class word)."""

    p95_seconds: float | None
    ttft_seconds: float | None = None
    output_tokens_per_s: float | None = None
    thinking_tokens: float = Field(default=0, description="Assumed thinking tokens per request.")
    basis: str = Field(description="Code of how it was estimated, e.g. 'class:fast' or 'measured'.")


class OtherOffering(_Out):
    """Another offering of the same model: shown, not recommended (e.g. an unverified reseller)."""

    offering_id: str
    provider: str
    tier: str
    monthly_cost_usd: float | None
    plausible: bool | None = None
    plausibility_ratio: float | None = None


class Candidate(_Out):
    """A ranked candidate: a model with the offering (or self-hosting) that serves it best."""

    rank: int
    model: str = Field(description="Canonical model name.")
    model_key: str
    offering_id: str | None = Field(description="models.dev 'provider:model' id, or None when self-hosted.")
    provider: str | None
    provider_name: str | None = Field(
        default=None, description="The provider's display name ('Moonshot AI (China)'); None when self-hosted."
    )
    self_hosted: bool
    monthly_cost_usd: float | None
    score: float
    quality: float | None = Field(description="Task-weighted rating (Elo scale), None when unrated.")
    quality_lower: float | None = None
    quality_upper: float | None = None
    quality_basis: str = Field(description="Which rating categories (and source/date) back `quality`.")
    latency_class: LatencyClass
    latency_basis: str
    on_pareto_frontier: bool
    cost: CostEstimate | None = None
    self_host: SelfHostEstimate | None = None
    criteria: list[CriterionScore]
    reasons: list[str]
    tradeoffs: list[str] = Field(default_factory=list)
    measured: Measurement | None = Field(
        default=None, description="Probe figures on the person's examples for this model, if probed."
    )
    tier: str | None = Field(default=None, description="Provider tier of `offering_id` (None: self-hosted).")
    in_quality_tier: bool = Field(
        default=False, description="Its quality interval overlaps the best feasible candidate's."
    )
    ratings_used: list[RatingUsed] = Field(default_factory=list)
    evidence_missing: list[str] = Field(
        default_factory=list,
        description="Required rating categories (modality, language, domain) this model has no rating for.",
    )
    latency: LatencyEstimate | None = None
    also_sold_by: list[OtherOffering] = Field(default_factory=list)
    reason_codes: list[Reason] = Field(
        default_factory=list, description="`reasons` as data (the explainer writes `reasons` from these)."
    )
    tradeoff_codes: list[Reason] = Field(default_factory=list, description="`tradeoffs` as data.")
    risk_codes: list[Reason] = Field(
        default_factory=list,
        description="Risks of this candidate (missing evidence, retirement, reseller...).",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="Short lifecycle warnings shown next to the model (retires on DATE, preview release), "
        "written by the explainer from `risk_codes`.",
    )


class Pick(_Out):
    """The quality pick or the value pick: which candidate, and the codes of why."""

    model_key: str
    offering_id: str | None
    rank: int
    why: list[str] = Field(default_factory=list, description="Reason codes, e.g. 'best_quality_in_tier'.")


class Elimination(_Out):
    """Models that did not make it, counted once each under one reason (`candidates.model_reason`).

    A model with any passing offering is never counted or named here (its other sellers' failures
    are `Candidate.also_sold_by`)."""

    reason: str = Field(description="Code, e.g. 'over_budget', 'context_too_small'.")
    label: str = Field(description="Plain-language label for reports.")
    count: int = Field(description="Eliminated models counted under this reason.")
    examples: list[str] = Field(default_factory=list, description="A few eliminated model names.")
    offerings: int = Field(
        default=0, description="Offerings failing first on this reason (of any model, passing or not)."
    )


class ModelChange(_Out):
    """One model a relaxation would admit, with the change it needs (e.g. its own monthly cost)."""

    model: str
    model_key: str
    needs: Reason
    quality: float | None = None
    risk_codes: list[Reason] = Field(
        default_factory=list,
        description="Risks of the option the figures are for (`engine.mention_risks`), said next to its name.",
    )


class Relaxation(_Out):
    constraint: str
    suggestion: str = Field(description="The change, as an imperative: 'Raise the budget to $X/month'.")
    admits: list[str] = Field(description="Models the relaxation would admit (best first).")
    eliminated: int = Field(
        default=0, description="Eliminated models counted under this constraint (as in `Elimination.count`)."
    )
    code: Reason | None = Field(default=None, description="The suggestion as data.")
    per_model: list[ModelChange] = Field(
        default_factory=list, description="Each admitted model with its own required change."
    )


class Adaptation(_Out):
    """The adaptation path as data (codes and numbers); `reason`/`steps` are its wording in one language."""

    approach: Approach
    reason: str
    steps: list[str] = Field(default_factory=list)
    citations: list[str] = Field(default_factory=list, description="Framework passage ids.")
    reason_codes: list[str] = Field(default_factory=list, description="Why this path, as codes.")
    step_codes: list[str] = Field(default_factory=list, description="The steps, as codes, in order.")
    params: dict[str, str | float] = Field(
        default_factory=dict, description="Numbers and names the codes refer to."
    )


class CatalogSourceInfo(_Out):
    id: str
    name: str
    url: str
    licence: str
    as_of: str
    attribution: str | None = None


class Citation(_Out):
    id: str
    title: str
    text: str


class Recommendation(_Out):
    """The full decision for one set of requirements."""

    requirements: Requirements
    defaults_assumed: list[str]
    read_from_use_case: list[str] = Field(
        default_factory=list,
        description="Fields a requirements file left out that were read from its use case text "
        "(dotted paths; the CLI fills them in, the file's own fields always win).",
    )
    summary: str = Field(description="The recommendation in one paragraph.")
    recommendations: list[Candidate]
    eliminated: list[Elimination]
    candidates_considered: int = Field(description="Options considered: API offerings (or self-hosted models).")
    models_considered: int = Field(default=0, description="Distinct models behind those options.")
    relaxations: list[Relaxation]
    adaptation: Adaptation
    risks: list[str]
    next_steps: list[str]
    catalog: list[CatalogSourceInfo]
    citations: list[Citation] = Field(default_factory=list)
    frontier: list[Candidate] = Field(
        default_factory=list, description="Pareto frontier (quality vs cost) for the chart."
    )
    warnings: list[str] = Field(default_factory=list)
    probes: ProbeEvidence | None = Field(
        default=None, description="Probe results on the person's own examples, when a probe was run."
    )
    quality_pick: Pick | None = Field(
        default=None, description="The strongest candidate that meets every hard constraint."
    )
    value_pick: Pick | None = Field(
        default=None,
        description="The cheaper (or faster) candidate to try next on the person's examples, if any.",
    )
    no_value: list[Reason] = Field(
        default_factory=list,
        description="Why there is no value pick (empty when there is one): the cheaper candidates and "
        "why each does not qualify, as codes with numbers ('no_value_small_saving', 'no_value_unrated', "
        "'no_value_provisional'), or 'no_value_cheaper' (nothing cheaper passes).",
    )
    summary_codes: list[Reason] = Field(default_factory=list, description="`summary` as data.")
    risk_codes: list[Reason] = Field(default_factory=list, description="`risks` as data.")
    step_codes: list[Reason] = Field(default_factory=list, description="`next_steps` as data.")
    assumptions: list[Reason] = Field(
        default_factory=list,
        description="Assumptions the decision rests on (thinking tokens, caching, audio minutes...).",
    )

    def value_candidate(self) -> Candidate | None:
        """The value pick's entry among `recommendations` (None: no value pick, or not listed)."""
        key = self.value_pick.model_key if self.value_pick else None
        return next((c for c in self.recommendations if c.model_key == key), None) if key else None


def as_float(value: Param) -> float:
    """A numeric parameter as a float (0 when absent or not a number)."""
    return float(value) if isinstance(value, int | float) else 0.0

"""Hard filters: which offerings cannot serve the requirements, and why.

Every check returns the reasons an offering fails (all of them, not only the first), so that the
engine can both count eliminations (by the first reason in `REASONS` order) and work out what relaxing
one constraint would admit (offerings failing only that one).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import NamedTuple

from knowledge.catalog.schema import Model, Offering
from tools.decision.requirements import Requirements

# Order matters: the first failing reason is the one an elimination is counted under.
REASONS: Mapping[str, str] = {
    "wrong_task": "not a model for this kind of task",
    "deprecated": "deprecated or past its retirement date",
    "missing_modality": "cannot take the required input (or produce the required output)",
    "open_weights_required": "weights not openly available (open weights / self-hosting required)",
    "provider_not_allowed": "provider not on the allow-list",
    "residency": "data residency not met or not known for this provider",
    "tool_calling": "no tool calling",
    "structured_output": "no structured (JSON) output",
    "reasoning": "not a reasoning model",
    "context_too_small": "context window too small",
    "no_price": "no price in the catalog",
    "zero_price": "listed at $0 (free tier, trial or subscription plan): no pay-per-use price to plan on",
    "over_budget": "over budget at the stated volume",
}

EMBEDDING_MARKERS = ("embed",)
# Ids of encoders, rerankers, safety classifiers and speech models: not text generators.
NON_GENERATIVE_MARKERS = (
    "rerank",
    "moderation",
    "guard",
    "tts",
    "transcribe",
    "whisper",
    "embed",
    "minilm",
    "mini-lm",
    "mpnet",
    "e5-",
    "bge-",
    "gte-",
    "bert",
)


class Check(NamedTuple):
    """The outcome of the hard filters for one offering (a named tuple: thousands per request)."""

    offering: Offering
    model: Model
    failures: tuple[str, ...]
    monthly_cost: float | None

    @property
    def passes(self) -> bool:
        return not self.failures


def _names(offering: Offering, model: Model) -> str:
    return f"{offering.provider_model_id} {offering.name} {model.key}".lower()


def task_fits(req: Requirements, offering: Offering, model: Model) -> bool:
    """Whether the offering is the kind of model the task needs (embedding, image, speech, text)."""
    names = _names(offering, model)
    outputs = set(offering.output_modalities)
    inputs = set(offering.input_modalities)
    task = req.task_type
    if task == "embedding":
        return any(m in names for m in EMBEDDING_MARKERS)
    if task == "image_generation":
        return "image" in outputs
    if task == "speech_to_text":
        return "audio" in inputs and "text" in outputs
    if task == "moderation":
        return model.purpose == "moderation" or any(m in names for m in ("moderation", "guard", "safeguard"))
    # Text-producing tasks: a generative model that writes text.
    if "text" not in outputs or any(m in names for m in NON_GENERATIVE_MARKERS):
        return False
    return not (outputs <= {"image", "audio", "video"})


def required_inputs(req: Requirements) -> set[str]:
    """Input modalities every surviving offering must accept."""
    if req.task_type == "speech_to_text":
        return {"audio"}
    needed: set[str] = set(req.input_modalities)
    if req.task_type == "vision":
        needed.add("image")
    return needed


def is_deprecated(offering: Offering, as_of: date) -> bool:
    return offering.deprecated or (
        offering.deprecation_date is not None and offering.deprecation_date <= as_of
    )


def provider_allowed(provider: str, allowed: tuple[str, ...]) -> bool:
    """An allow-list entry matches the provider id exactly or as its prefix family ('azure' -> 'azure-...')."""
    if not allowed:
        return True
    p = provider.lower()
    return any(p == a.lower() or p.startswith(a.lower() + "-") for a in allowed)


def structured_output_ok(offering: Offering) -> bool:
    """True when flagged; unknown (None) counts only if the offering calls tools (JSON through a tool schema)."""
    if offering.structured_output is not None:
        return offering.structured_output
    return offering.tool_calling


def check_offering(
    req: Requirements, offering: Offering, model: Model, *, as_of: date, monthly_cost: float | None
) -> Check:
    """All the hard constraints `offering` fails for `req` (API use; self-hosting is checked separately)."""
    failures = static_failures(req, offering, model, as_of=as_of)
    price = price_failure(offering, monthly_cost, req.monthly_budget_usd)
    if price is not None:
        failures += (price,)
    return Check(offering=offering, model=model, failures=failures, monthly_cost=monthly_cost)


def static_key(req: Requirements, as_of: date) -> tuple[object, ...]:
    """Everything `static_failures` reads from `req`: equal keys give equal static failures.

    Volume and budget are not in it (they only change the price failures), so conversations that
    differ only in traffic or budget share one filter pass over the catalog (tools.decision.index).
    """
    deployment = req.deployment
    return (
        req.task_type,
        tuple(sorted(required_inputs(req))),
        deployment.open_weights or deployment.self_host,
        deployment.providers_allowed,
        deployment.data_residency,
        req.needs.tool_calling,
        req.needs.structured_output,
        req.needs.reasoning,
        req.needed_context,
        req.volume.output_tokens,
        as_of,
    )


def static_failures(req: Requirements, offering: Offering, model: Model, *, as_of: date) -> tuple[str, ...]:
    """The hard constraints `offering` fails whatever the price: all but no/zero price and budget.

    Reads only the fields in `static_key`.
    """
    failures: list[str] = []
    if not task_fits(req, offering, model):
        failures.append("wrong_task")
    if is_deprecated(offering, as_of):
        failures.append("deprecated")
    if not required_inputs(req) <= set(offering.input_modalities):
        failures.append("missing_modality")
    deployment = req.deployment
    if (deployment.open_weights or deployment.self_host) and not model.open_weights:
        failures.append("open_weights_required")
    if not provider_allowed(offering.provider, deployment.providers_allowed):
        failures.append("provider_not_allowed")
    if deployment.data_residency and offering.region != deployment.data_residency:
        failures.append("residency")
    if req.needs.tool_calling and not offering.tool_calling:
        failures.append("tool_calling")
    if req.needs.structured_output and not structured_output_ok(offering):
        failures.append("structured_output")
    if req.needs.reasoning and not offering.reasoning:
        failures.append("reasoning")
    # A max_output of 0 means the source does not say: only a known, too-small limit fails.
    if offering.context < req.needed_context or 0 < offering.max_output < req.volume.output_tokens:
        failures.append("context_too_small")
    return tuple(failures)


def price_failure(offering: Offering, monthly_cost: float | None, budget: float | None) -> str | None:
    """The price constraint `offering` fails at `monthly_cost` (None: no price known), if any.

    Always the last failure in `REASONS` order, after every `static_failures` reason.
    """
    if monthly_cost is None:
        return "no_price"
    if is_zero_priced(offering):
        return "zero_price"
    if budget is not None and monthly_cost > budget:
        return "over_budget"
    return None


def is_zero_priced(offering: Offering) -> bool:
    """Both base prices 0: a free tier, a trial or a flat subscription, not a price to plan a budget on."""
    if offering.pricing is None:
        return False
    base = offering.pricing.tiers[0]
    return base.input == 0 and base.output == 0


_ORDER = {reason: i for i, reason in enumerate(REASONS)}


def first_reason(failures: tuple[str, ...]) -> str:
    return min(failures, key=_ORDER.__getitem__)

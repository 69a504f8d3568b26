"""Every example's top pick satisfies every hard constraint, checked against the raw snapshot files.

This deliberately does not use the decision core's filters or the pydantic loader: it reads the
committed JSONL the way a person would check by hand, so a bug in the filters cannot hide itself.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from whichmodel.knowledge.catalog.curated import TOKENIZER_FACTORS
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.thinking import thinking_mode, thinking_tokens
from whichmodel.tools.recommend import recommend_from_file

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "knowledge" / "catalog" / "snapshot"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@cache
def raw_offerings() -> dict[str, dict[str, Any]]:
    lines = (SNAPSHOT / "offerings.jsonl").read_text(encoding="utf-8").splitlines()
    return {(o := json.loads(line))["id"]: o for line in lines if line.strip()}


@cache
def raw_models() -> dict[str, dict[str, Any]]:
    lines = (SNAPSHOT / "models.jsonl").read_text(encoding="utf-8").splitlines()
    return {(m := json.loads(line))["key"]: m for line in lines if line.strip()}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_top_pick_meets_every_hard_constraint_by_hand(path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    rec = recommend_from_file(path)
    assert rec.recommendations, f"{path.name}: no recommendation"
    top = rec.recommendations[0]
    model = raw_models()[top.model_key]
    vol = spec.get("volume", {})
    requests = vol.get("requests_per_month", 10_000)
    stated = Requirements.model_validate(spec)  # the task-dependent defaults (tools.decision.requirements)
    tokens_in, tokens_out = stated.volume.input_tokens, stated.volume.output_tokens
    total = tokens_in + tokens_out
    # Headroom: 50% up to 32k tokens, at least 15% beyond (Requirements.needed_context).
    context_needed = spec.get("context_tokens") or int(total + max(min(0.5 * total, 32_000), 0.15 * total))
    needs = spec.get("needs", {})
    dep = spec.get("deployment", {})
    budget = spec.get("budget", {})
    limits = [budget["monthly_usd"]] if "monthly_usd" in budget else []
    if "per_1k_requests_usd" in budget:
        limits.append(budget["per_1k_requests_usd"] * requests / 1000)
    modalities = set(spec.get("input_modalities", ["text"]))

    if dep.get("open_weights") or dep.get("self_host"):
        assert model["open_weights"] is True
    if dep.get("self_host"):
        assert top.self_hosted and top.offering_id is None
        assert model["context"] >= context_needed
        assert modalities <= set(model["input_modalities"])
        if needs.get("tool_calling"):
            assert model["tool_calling"]
        assert top.self_host is not None and model.get("params_total_b")
        monthly = top.self_host.monthly_cost
    else:
        offering = raw_offerings()[top.offering_id]  # type: ignore[index]
        assert offering["model"] == top.model_key
        assert offering["context"] >= context_needed
        assert modalities <= set(offering["input_modalities"])
        assert "text" in offering["output_modalities"]
        assert offering.get("status") != "deprecated"
        # Trust by default: the maker's API, an enterprise cloud or an established host.
        assert offering["tier"] in dep.get("provider_tiers", ["maker", "cloud", "host"])
        assert offering.get("plausible") is not False
        if needs.get("tool_calling"):
            assert offering["tool_calling"] is True
        if needs.get("structured_output"):
            assert offering.get("structured_output") is True or (
                offering.get("structured_output") is None and offering["tool_calling"]
            )
        if dep.get("providers_allowed"):
            assert any(
                offering["provider"] == p or offering["provider"].startswith(p + "-")
                for p in dep["providers_allowed"]
            )
        if dep.get("data_residency"):
            assert offering.get("region") == dep["data_residency"]
        tier = offering["pricing"]["tiers"][0]
        for t in offering["pricing"]["tiers"]:
            if tokens_in > t.get("min_context", 0):
                tier = t
        assert tier["input"] > 0 or tier["output"] > 0, "a $0 listing is not a price"
        cached = tokens_in * stated.volume.cached_input_fraction  # stated, or the agent-loop default
        # Thinking tokens are billed as output; how many is the policy's (tools.decision.thinking: a
        # model that always thinks spends the budget, a hybrid one only when the task needs reasoning).
        thinking = thinking_tokens(stated, thinking_mode(offering["model"], offering["reasoning"]))[0]
        if top.latency is not None and top.latency.thinking_tokens < thinking:
            # a latency target caps a hybrid model's thinking (thinking.can_cap): the capped figure is
            # billed and stated, never above the budget
            thinking = top.latency.thinking_tokens
        # With caching applied, input not read from the cache is billed at the cache-write price where
        # the offering lists one above the input price (tools.decision.cost.write_price: an upper bound).
        uncached = max(tier["input"], tier.get("cache_write") or 0.0) if cached else tier["input"]
        # A tokenizer that counts more tokens for the same text bills its text (not the thinking budget,
        # already in its own tokens) at the curated factor (curated.TOKENIZER_FACTORS).
        k = next((f.factor for pat, f in TOKENIZER_FACTORS if re.search(pat, offering["model"])), 1.0)
        per_request = (
            k * (tokens_in - cached) * uncached
            + k * cached * (tier.get("cache_read") or tier["input"])
            + k * tokens_out * tier["output"]
            + thinking * (tier.get("reasoning") or tier["output"])
        ) / 1e6
        monthly = per_request * requests
        assert top.monthly_cost_usd == pytest.approx(monthly, rel=1e-3, abs=1e-3)
    for limit in limits:
        assert monthly <= limit + 1e-9
    assert math.isfinite(top.score)

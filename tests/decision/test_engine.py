"""Filters, ranking and relaxations on the small hand-built catalog."""

from __future__ import annotations

from typing import Any

import pytest

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.ranking import pareto_front

from .conftest import req


def test_unconstrained_ranks_quality_first_and_drops_deprecated(small_catalog: Catalog) -> None:
    rec = recommend(req(accuracy_target=0.9), small_catalog)
    names = [c.model_key for c in rec.recommendations]
    assert "old" not in names
    assert names[0] == "big"
    # Unrated models rank after every rated one, with the reason said, never a made-up quality.
    assert names[-1] == "mystery"
    mystery = rec.recommendations[-1]
    assert mystery.quality is None and mystery.reason_codes[0].code == "unrated"
    assert "no public rating" in mystery.reasons[0]
    assert {e.reason: e.count for e in rec.eliminated} == {"retired": 1}


def test_the_makers_offering_represents_a_model_over_a_cheaper_host(small_catalog: Catalog) -> None:
    rec = recommend(req(), small_catalog)
    small = next(c for c in rec.recommendations if c.model_key == "small")
    # acme (the maker): (1000*0.2 + 100*0.8)/1e6 = $0.00028 per request -> $2.80 a month at 10k requests;
    # the host resell: lists it at $1.40 but the maker's API is the reference.
    assert small.offering_id == "acme:small" and small.tier == "maker"
    assert small.monthly_cost_usd == pytest.approx(2.80)
    offerings = next(r for r in small.reason_codes if r.code == "offerings")
    assert offerings.params["trusted"] == 2


def test_budget_eliminates_and_relaxation_names_the_budget_that_admits(small_catalog: Catalog) -> None:
    # big costs (1000*10 + 100*30)/1e6 * 10k = $130/month; budget $20 eliminates it.
    rec = recommend(req(budget={"monthly_usd": 20}), small_catalog)
    assert "big" not in [c.model_key for c in rec.recommendations]
    assert {e.reason: e.count for e in rec.eliminated}["over_budget"] == 1
    budget = next(r for r in rec.relaxations if r.constraint == "over_budget")
    assert budget.admits == ["BIG"]
    assert "$130.00/month" in budget.suggestion


def test_per_thousand_budget_is_converted_to_monthly(small_catalog: Catalog) -> None:
    # $5 per 1,000 requests at 10k requests = $50/month: big ($130) out, small ($1.40) in.
    rec = recommend(req(budget={"per_1k_requests_usd": 5}), small_catalog)
    keys = [c.model_key for c in rec.recommendations]
    assert "big" not in keys and "small" in keys


@pytest.mark.parametrize(
    ("overrides", "reason", "gone"),
    [
        ({"needs": {"tool_calling": True}}, "tool_calling", "open8b"),
        ({"context_tokens": 100_000}, "context_too_small", "open8b"),
        ({"deployment": {"open_weights": True}}, "open_weights_required", "big"),
        ({"deployment": {"providers_allowed": ["acme"]}}, "provider_not_allowed", "open8b"),
        ({"input_modalities": ["text", "image"]}, "missing_modality", "small"),
    ],
)
def test_each_hard_filter_eliminates_with_its_reason(
    small_catalog: Catalog, overrides: dict[str, Any], reason: str, gone: str
) -> None:
    rec = recommend(req(**overrides), small_catalog)
    assert gone not in [c.model_key for c in rec.recommendations]
    assert reason in {e.reason for e in rec.eliminated}


def test_structured_output_unknown_passes_only_with_tool_calling(small_catalog: Catalog) -> None:
    rec = recommend(req(needs={"structured_output": True}), small_catalog)
    keys = [c.model_key for c in rec.recommendations]
    assert "open8b" not in keys  # structured_output unknown and no tool calling
    assert "small" in keys


def test_residency_keeps_only_offerings_known_to_be_in_region(small_catalog: Catalog) -> None:
    rec = recommend(req(deployment={"data_residency": "eu"}), small_catalog)
    assert [c.offering_id for c in rec.recommendations] == ["resell:small"]


def test_nothing_fits_gives_no_recommendation_and_relaxations(small_catalog: Catalog) -> None:
    rec = recommend(req(budget={"monthly_usd": 0.01}, deployment={"open_weights": True}), small_catalog)
    assert rec.recommendations == []
    assert rec.relaxations, "relaxations must be non-empty when nothing is recommended"
    assert rec.summary.startswith("No model in the catalog meets every requirement")


def test_self_hosting_sizes_open_models_and_offers_no_offering_id(small_catalog: Catalog) -> None:
    rec = recommend(req(deployment={"self_host": True, "gpu": "L4"}), small_catalog)
    assert [c.model_key for c in rec.recommendations] == ["open8b"]
    top = rec.recommendations[0]
    assert top.self_hosted and top.offering_id is None and top.self_host is not None
    assert top.monthly_cost_usd == pytest.approx(top.self_host.monthly_cost)
    assert rec.requirements.deployment.open_weights  # self-hosting implies open weights


def test_deterministic_same_input_same_output(small_catalog: Catalog) -> None:
    first = recommend(req(), small_catalog).model_dump_json()
    assert all(recommend(req(), small_catalog).model_dump_json() == first for _ in range(3))


def test_pareto_front_by_hand() -> None:
    # (quality, cost): A dominates C (better and cheaper); B is cheaper but worse: A and B on the front.
    assert pareto_front([("A", 1500, 10), ("B", 1400, 1), ("C", 1450, 20)]) == {"A", "B"}


def test_language_adds_its_rating_category_as_required_evidence(small_catalog: Catalog) -> None:
    from whichmodel.tools.decision.ranking import LANGUAGE_WEIGHT, quality_profile

    profile = quality_profile(req(languages=["zh"]))
    assert dict(profile.weights)["chinese"] == pytest.approx(LANGUAGE_WEIGHT)
    assert sum(w for _, w in profile.weights) == pytest.approx(1.0)
    assert profile.required == ("chinese",)
    assert "chinese" not in dict(quality_profile(req()).weights)



def test_unverified_reseller_is_only_also_sold_by() -> None:
    from .conftest import build_catalog, model, offering

    offs = [
        offering("openai:gpt-x", "gpt-x", inp=1, out=2),
        offering("cheapo:gpt-x", "gpt-x", inp=0.2, out=0.4, tier="unknown"),
    ]
    m = model("gpt-x", offs, ratings={"overall": 1400}, maker="openai")
    catalog = build_catalog([(m, offs)])
    top = recommend(req(), catalog).recommendations[0]
    assert top.offering_id == "openai:gpt-x"
    assert [o.offering_id for o in top.also_sold_by] == ["cheapo:gpt-x"]
    assert top.also_sold_by[0].tier == "unknown"
    # Counted, never named in the reasons as a way to get the model.
    assert any("1 reseller(s) or aggregator(s), not recommended" in r for r in top.reasons)
    assert not any("cheapo:gpt-x" in r for r in top.reasons)
    assert "Provider: openai (the maker's own API)" in top.reasons

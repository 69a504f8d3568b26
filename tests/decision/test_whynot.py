"""`why_not`: where a named model stands, from the core's own data (hand-made catalog)."""

from __future__ import annotations

import pytest

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision import Requirements
from whichmodel.tools.decision.whynot import find_model, why_not

from .conftest import req


def test_a_ranked_model_has_its_rank_and_no_failures(small_catalog: Catalog) -> None:
    w = why_not(req(), small_catalog, "small")
    assert w.status == "ranked" and w.rank is not None and w.failures == []
    assert w.vs_top is not None and w.vs_top.top_model_key == "big"
    # big is 100 Elo higher in every category: small trails it on the 0..100 scale.
    assert w.vs_top.quality_delta is not None and w.vs_top.quality_delta < 0


def test_an_over_budget_model_says_the_monthly_cost_it_needs(small_catalog: Catalog) -> None:
    # big: (1000*10 + 100*30)/1e6 * 10k = $130/month against a $20 budget.
    w = why_not(req(budget={"monthly_usd": 20}), small_catalog, "BIG")
    assert w.status == "eliminated" and w.rank is None
    assert [f.code for f in w.failures] == ["over_budget"]
    assert w.failures[0].params["monthly_usd"] == pytest.approx(130.0)
    assert w.failures[0].params["budget_usd"] == 20
    assert w.vs_top is not None and w.vs_top.quality_delta is not None and w.vs_top.quality_delta > 0
    assert any("$130.00/month" in line for line in w.text)


def test_a_retired_model_is_eliminated_as_retired(small_catalog: Catalog) -> None:
    w = why_not(req(), small_catalog, "old")
    assert w.status == "eliminated"
    assert w.failures[0].code == "retired"


def test_unknown_names_are_not_found_and_names_are_forgiving(small_catalog: Catalog) -> None:
    assert why_not(req(), small_catalog, "gpt-99").status == "not_found"
    model, _ = find_model(small_catalog, "Open 8B")
    assert model is not None and model.key == "open8b"
    model, _ = find_model(small_catalog, "acme:mystery")
    assert model is not None and model.key == "mystery"


def test_chinese_text(small_catalog: Catalog) -> None:
    w = why_not(req(budget={"monthly_usd": 20}), small_catalog, "big", lang="zh")
    assert "不在推荐名单上" in w.text[0]


def test_self_hosting_uses_the_same_rules(small_catalog: Catalog) -> None:
    # big is not open-weights: it cannot be self-hosted; open8b (8B, open) is ranked.
    self_host = req(deployment={"self_host": True, "gpu": "L4"})
    w = why_not(self_host, small_catalog, "big")
    assert w.status == "eliminated" and w.offering_id is None
    assert "open_weights_required" in [f.code for f in w.failures]
    assert why_not(self_host, small_catalog, "open8b").status == "ranked"


def test_an_unverified_reseller_only_model_names_its_tier() -> None:
    from .conftest import build_catalog, model, offering

    offs = [offering("agg:solo", "solo", tier="aggregator")]
    catalog = build_catalog([(model("solo", offs, ratings={"overall": 1400}), offs)])
    w = why_not(req(), catalog, "solo")
    assert w.failures[0].code == "untrusted_provider"
    assert w.failures[0].params["tier"] == "aggregator" and w.failures[0].params["offering"] == "agg:solo"
    assert any("aggregator" in line for line in w.text)


def test_why_not_answers_about_a_trusted_seller_never_a_resellers_listing() -> None:
    from tests.decision.conftest import build_catalog, offering
    from tests.decision.test_policy import rated

    maker = offering("m:x", "x", inp=10, out=30)
    agg = offering("agg:x", "x", inp=0.1, out=0.1, tier="aggregator")
    cheap = [offering("c:y", "y", inp=0.1, out=0.1)]
    catalog = build_catalog([(rated("x", [maker, agg], 1500), [maker, agg]), (rated("y", cheap, 1400), cheap)])
    req = Requirements.model_validate(
        {"use_case": "classify tickets", "task_type": "classification", "budget": {"monthly_usd": 5}}
    )
    answer = why_not(req, catalog, "x")
    assert answer.status == "eliminated" and answer.offering_id == "m:x"
    assert [f.code for f in answer.failures] == ["over_budget"]
    assert "agg:x" not in " ".join(answer.text)

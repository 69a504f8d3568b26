"""core21: a use case names its field in any common language (the rating domains are found in Korean,
Japanese, German, French and Spanish as in English and Chinese), marketing copy draws on the
creative-writing rating, and under `priority: balanced` a model tied with the quality pick leads a
clearly weaker one that saves little more (expert24 s12)."""

from __future__ import annotations

from typing import Any

import pytest

from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.ranking import TIED_SAVING_SHARE, Entry, Quality, domains_of, order
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Recommendation

from .conftest import req

S12: dict[str, Any] = {
    "use_case": "한국어 마케팅 카피 작성: 화장품 상품 상세페이지, 광고 문구 변형, SNS 게시물",
    "task_type": "chat", "languages": ["ko"],
    "volume": {"requests_per_month": 20000, "input_tokens": 1500, "output_tokens": 700},
    "budget": {"monthly_usd": 1000}, "latency": {"p95_seconds": 20},
    "data": {"labeled_examples": 400, "sensitivity": "internal"}, "location": "other", "priority": "balanced",
}  # fmt: skip
S12_EN = "Write Korean marketing copy for cosmetics: product detail pages, ad copy variants, social media posts"


def _domains(use_case: str) -> tuple[str, ...]:
    return domains_of(Requirements.model_validate({**S12, "use_case": use_case}))


@pytest.mark.parametrize(
    ("use_case", "domains"),
    [
        ("고객 계약서 조항 검토", {"legal"}),
        ("환자 진료 기록 요약", {"medicine"}),
        ("契約書の条項をレビューする", {"legal"}),
        ("患者の診療記録を要約する", {"medicine"}),
        ("中学生の数学の問題を解説する", {"math"}),
        ("Verträge für eine Anwaltskanzlei prüfen", {"legal"}),
        ("Rechnungen und Quittungen für die Buchhaltung auslesen", {"business"}),
        ("Rédiger des fiches produits pour une boutique en ligne", {"creative_writing"}),
        ("Répondre aux questions des patients d'une clinique", {"medicine"}),
        ("Resolver problemas de matemáticas para estudiantes", {"math"}),
        ("Revisar contratos para un despacho de abogados", {"legal"}),
        ("Ayudar a desarrolladores con código Python", {"coding"}),
    ],
)
def test_a_use_case_names_its_domain_in_any_common_language(use_case: str, domains: set[str]) -> None:
    assert set(_domains(use_case)) == domains


def test_marketing_copy_draws_on_creative_writing_and_business_in_korean_as_in_english() -> None:
    assert set(_domains(S12["use_case"])) == {"creative_writing", "business"}
    assert set(_domains(S12_EN)) == {"creative_writing", "business"}
    assert "creative_writing" in _domains("Copywriting for product descriptions and slogans")
    assert "creative_writing" in _domains("为电商写商品描述和广告文案")
    # words that only start like a domain term are not one
    assert _domains("An outline of the agenda for next week's team meeting") == ()


@pytest.fixture(scope="module")
def s12() -> tuple[Recommendation, Recommendation]:
    catalog = load_catalog()
    ko = recommend(Requirements.model_validate(S12), catalog)
    en = recommend(Requirements.model_validate({**S12, "use_case": S12_EN}), catalog)
    return ko, en


def test_the_korean_use_case_rates_models_as_the_english_one_does(s12: tuple[Recommendation, Recommendation]) -> None:
    ko, en = s12
    used = {u.category for u in ko.recommendations[0].ratings_used}
    assert {"business", "creative_writing", "korean"} <= used
    assert ko.quality_pick is not None and en.quality_pick is not None and ko.value_pick is not None
    assert ko.quality_pick.model_key == en.quality_pick.model_key
    assert ko.value_pick.model_key == en.value_pick.model_key  # type: ignore[union-attr]


def test_the_balanced_value_pick_is_tied_with_the_quality_pick_in_s12(s12: tuple[Recommendation, Recommendation]) -> None:
    ko, _ = s12
    assert ko.value_pick is not None and ko.value_pick.why == ["tied"]
    assert "tied with the best public ratings" in ko.summary


def entry(key: str, value: float, monthly: float, spread: float) -> Entry:
    return Entry(key=key, quality=Quality(value, value - spread, value + spread, (), (), False), monthly=monthly,
                 p95=10.0, unit_cost=monthly)  # fmt: skip


def test_a_tied_model_leads_a_weaker_one_that_saves_little_more() -> None:
    """s12's shape: the quality pick $675, a tied model $97, one 8 points lower (within the balanced
    margin, not tied) $25: the $72 more it saves is under a quarter of the $675 bill."""
    r = req(priority="balanced")
    best, tied, near = entry("opus", 97.0, 675.0, 3.0), entry("muse", 95.0, 97.0, 5.0), entry("mimo", 89.0, 25.0, 2.0)
    ordered = order(r, [best, tied, near])
    assert ordered.entries[0].key == "muse" and ordered.value == "muse" and ordered.value_rule == "tied"
    assert ordered.quality == "opus" and ordered.rule == "tied_in_tier"
    # saving more than a quarter of the quality pick's bill, the weaker one still leads (balanced)
    dear = entry("muse", 95.0, 25.0 + TIED_SAVING_SHARE * 675.0 + 1.0, 5.0)
    ordered = order(r, [best, dear, near])
    assert ordered.entries[0].key == "mimo" and ordered.rule == "cheapest_in_tier"

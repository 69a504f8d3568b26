"""Issue #11 review: lifecycle demotion, the value pick on the frontier, community derivatives out,
mainland-China endpoints and the jurisdiction risk. Hand-made catalogs; one rule per test.

Classification at 10,000 requests of 1,000 input + 100 output tokens: a $P/$Q offering costs
(1000*P + 100*Q) / 1e6 * 10,000 dollars a month.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import TEXT, warning_labels
from whichmodel.tools.decision.filters import derivative_reason, family_stem, stable_sibling
from whichmodel.tools.decision.result import Recommendation

from .conftest import AS_OF, build_catalog, model, offering, rating, req
from .conftest import TEXT_CATS as CATS

SOON = AS_OF + timedelta(days=120)  # inside engine.RETIRING_DAYS (= IMMINENT_DAYS): provisional, held last



def rated(key: str, offs: list[Offering], score: float, half: float = 5.0, **update: Any) -> tuple[Model, list[Offering]]:
    m = model(key, offs).model_copy(update={"ratings": {c: rating(c, score, half) for c in CATS}, **update})
    return m, offs


def keys(rec: Recommendation) -> list[str]:
    return [c.model_key for c in rec.recommendations]


def anchors() -> list[tuple[Model, list[Offering]]]:
    # Fix the scales, 1300 (0) .. 1600 (100) in every category, with two retired models (never candidates).
    gone = {"retirement_date": AS_OF - timedelta(days=1)}
    return [rated("floor", [offering("f:floor", "floor")], 1300, **gone),
            rated("ceiling", [offering("c:ceiling", "ceiling")], 1600, **gone)]  # fmt: skip


# --- lifecycle ------------------------------------------------------------------------------------


def test_a_retiring_model_goes_after_a_lasting_tier_mate_and_is_not_a_pick() -> None:
    # retiring 1552 ($1.20/month) and lasting 1550 ($13) overlap (+-5): tied. The retiring one is
    # rated higher AND cheaper (it dominates), yet the lasting one leads and no pick is the retiring one.
    retiring = [offering("g:retiring", "retiring", inp=0.1, out=0.2)]
    lasting = [offering("a:lasting", "lasting", inp=1, out=3)]
    cheap = [offering("d:cheap", "cheap", inp=0.05, out=0.1)]
    catalog = build_catalog([
        rated("retiring", retiring, 1552, retirement_date=SOON),
        rated("lasting", lasting, 1550),
        rated("cheap", cheap, 1400),
        *anchors(),
    ])  # fmt: skip
    # at 100,000 requests a month: a lasting #1 of $13 a month would be too small a bill for a
    # lower-rated value pick to be worth testing (`ranking.min_saving`)
    big = {"requests_per_month": 100_000, "input_tokens": 1000, "output_tokens": 100}
    rec = recommend(req(volume=big), catalog, as_of=AS_OF)
    order = keys(rec)
    assert order.index("lasting") < order.index("retiring")
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "lasting"
    assert rec.value_pick is not None and rec.value_pick.model_key == "cheap"
    # retiring within six months: held last, named as the strongest not proposed (session 18)
    strongest = next(r for r in rec.summary_codes if r.code == "strongest")
    assert strongest.params["model"] == "RETIRING" and strongest.params["soon"] is True
    shown = next(c for c in rec.recommendations if c.model_key == "retiring")
    assert shown.warnings == [f"retires on {SOON.isoformat()}"]
    assert "RETIRING" in rec.summary and SOON.isoformat() in rec.summary


def test_a_retiring_model_alone_in_its_tier_is_held_last_and_one_retiring_within_a_year_is_only_warned() -> None:
    # retiring 1580 vs lasting 1500: no overlap. Retiring within six months (engine.IMMINENT_DAYS) it is
    # no base for new work even alone in its tier (session 18, expert21 D-4); within a year
    # (engine.WARN_DAYS) quality decides and its date is said.
    retiring = [offering("g:retiring", "retiring", inp=1, out=2)]
    lasting = [offering("a:lasting", "lasting", inp=1, out=2)]

    def ranked(when: Any) -> Recommendation:
        catalog = build_catalog([rated("retiring", retiring, 1580, retirement_date=when),
                                 rated("lasting", lasting, 1500), *anchors()])  # fmt: skip
        return recommend(req(), catalog, as_of=AS_OF)

    rec = ranked(SOON)
    assert keys(rec)[0] == "lasting" and "retiring" in keys(rec)
    later = AS_OF + timedelta(days=250)
    rec = ranked(later)
    assert keys(rec)[0] == "retiring"
    shown = rec.recommendations[0]
    assert shown.warnings == [f"retires on {later.isoformat()}"]
    risk = next(r for r in shown.risk_codes if r.code == "retiring_soon")
    assert risk.params["provisional"] is False and risk.params["days"] == 250


def test_a_preview_with_a_stable_sibling_is_demoted_one_without_is_only_warned() -> None:
    # x-3-flash-preview (1552) ties x-2-flash (1550, stable sibling: same family stem "x-flash");
    # y-1-preview has no stable sibling: it keeps its place with the preview warning.
    preview = [offering("g:x-3-flash-preview", "x-3-flash-preview", inp=0.1, out=0.2)]
    stable = [offering("g:x-2-flash", "x-2-flash", inp=1, out=3)]
    lonely = [offering("h:y-1-preview", "y-1-preview", inp=5, out=5)]
    catalog = build_catalog([rated("x-3-flash-preview", preview, 1552), rated("x-2-flash", stable, 1550),
                             rated("y-1-preview", lonely, 1300), *anchors()])  # fmt: skip
    assert family_stem("x-3-flash-preview") == family_stem("x-2-flash") == "x-flash"
    sibling = stable_sibling(catalog.models["x-3-flash-preview"], catalog.models.values(), AS_OF)
    assert sibling is not None and sibling.key == "x-2-flash"
    assert stable_sibling(catalog.models["y-1-preview"], catalog.models.values(), AS_OF) is None
    rec = recommend(req(), catalog, as_of=AS_OF)
    order = keys(rec)
    assert order.index("x-2-flash") < order.index("x-3-flash-preview")
    assert rec.quality_pick is not None and rec.quality_pick.model_key == "x-2-flash"
    row = next(c for c in rec.recommendations if c.model_key == "x-3-flash-preview")
    preview_risk = next(r for r in row.risk_codes if r.code == "preview_model")
    assert preview_risk.params["stable"] == "X-2-FLASH"
    assert row.warnings == ["preview release"]


def test_lifecycle_warnings_are_written_in_both_languages() -> None:
    risks = recommend(req(), build_catalog([rated("r", [offering("g:r", "r")], 1500, retirement_date=SOON),
                                            *anchors()]), as_of=AS_OF).recommendations  # fmt: skip
    codes = next(c for c in risks if c.model_key == "r").risk_codes
    assert warning_labels("zh", codes) == [f"{SOON.isoformat()} 退役"]
    for key in ("lifecycle_demoted_retiring_quality", "lifecycle_demoted_preview_value", "lifecycle_alone",
                "foreign_jurisdiction", "community_derivative", "warn_preview_listing"):
        assert key in TEXT["en"] and key in TEXT["zh"], key


# --- the value pick on the frontier -------------------------------------------------------------


def test_the_value_pick_is_lasting_and_on_the_frontier_of_lasting_candidates() -> None:
    # top 1580 ($100/month); the preview x-3-flash-preview (1512, $1.20) is cheaper AND rated higher
    # than x-2-flash (1510, $1.30), its maker's stable release, and than c (1500, $1.30). The preview
    # is not proposed as the value pick (before: the cheapest of the tier, whatever its lifecycle);
    # x-2-flash is, on the frontier of the lasting ones (c costs the same and is rated lower), and
    # the summary says why the cheaper preview is not the pick.
    top = [offering("t:top", "top", inp=90, out=100)]
    preview = [offering("g:x-3-flash-preview", "x-3-flash-preview", inp=0.1, out=0.2)]
    stable = [offering("g:x-2-flash", "x-2-flash", inp=0.1, out=0.3)]
    c = [offering("c:c", "c", inp=0.1, out=0.3)]
    catalog = build_catalog([rated("top", top, 1580, half=2), rated("x-3-flash-preview", preview, 1512, half=2),
                             rated("x-2-flash", stable, 1510, half=2), rated("c", c, 1500, half=2), *anchors()])  # fmt: skip
    rec = recommend(req(), catalog, as_of=AS_OF)
    assert rec.value_pick is not None and rec.value_pick.model_key == "x-2-flash"
    why = next(r for r in rec.summary_codes if r.code == "lifecycle_demoted")
    assert (why.params["model"], why.params["role"], why.params["stable"]) == ("X-3-FLASH-PREVIEW", "value", "X-2-FLASH")
    assert "not proposed as the value pick" in rec.summary
    value = next(c for c in rec.recommendations if c.model_key == rec.value_pick.model_key)
    lasting = [c for c in rec.recommendations if not c.warnings and c.model_key != value.model_key]
    for other in lasting:
        assert other.quality is not None and other.monthly_cost_usd is not None
        assert not (other.quality >= value.quality and other.monthly_cost_usd <= value.monthly_cost_usd), other.model_key  # type: ignore[operator]


# --- community derivatives ------------------------------------------------------------------------


def test_community_derivatives_are_eliminated_with_their_reason() -> None:
    for key, name in (("gemma-4-uncensored", "Gemma 4 Uncensored"), ("llama-3.3-70b-instruct-abliterated", "x"),
                      ("greg-rp", "Greg (Roleplay)"), ("l3-8b-stheno-v3.2", "Sao10K Stheno 8b"),
                      ("mythomax-l2-13b", "MythoMax 13B")):  # fmt: skip
        m = model(key, [offering(f"h:{key}", key)]).model_copy(update={"name": name})
        assert derivative_reason(m) is not None, key
    for key in ("gemma-4-31b-it", "grok-4.20-beta", "deepseek-v4-pro", "gpt-5.4-mini", "hermes-4-70b"):
        assert derivative_reason(model(key, [offering(f"h:{key}", key)])) is None, key
    junk = [offering("host:gemma-4-uncensored", "gemma-4-uncensored", inp=0.01, out=0.01, tier="host")]
    good = [offering("a:good", "good")]
    catalog = build_catalog([rated("gemma-4-uncensored", junk, 1600), rated("good", good, 1500), *anchors()])
    rec = recommend(req(), catalog, as_of=AS_OF)
    assert "gemma-4-uncensored" not in keys(rec)
    out = next(e for e in rec.eliminated if e.reason == "community_derivative")
    assert out.count == 1 and "community derivative" in out.label


# --- region -------------------------------------------------------------------------------------


def _kimi() -> Catalog:
    cn = offering("moonshotai-cn:kimi", "kimi", inp=0.5, out=1, region="cn")
    intl = offering("moonshotai:kimi", "kimi", inp=0.6, out=1.2)
    return build_catalog([rated("kimi", [cn, intl], 1500), *anchors()])


def test_the_china_endpoint_is_shown_only_to_people_in_china() -> None:
    for languages in (["de", "zh"], ["en", "zh"], ["en"]):
        rec = recommend(req(languages=languages), _kimi(), as_of=AS_OF)
        assert rec.recommendations[0].offering_id == "moonshotai:kimi", languages
    rec = recommend(req(languages=["zh"]), _kimi(), as_of=AS_OF)
    assert rec.recommendations[0].offering_id == "moonshotai-cn:kimi"


def test_confidential_data_or_code_abroad_carries_the_jurisdiction_risk() -> None:
    eu = {"data_residency": "eu"}
    bedrock = [offering("amazon-bedrock:eu.m", "m", region="eu", tier="cloud")]
    catalog = build_catalog([rated("m", bedrock, 1500), *anchors()])
    rec = recommend(req(deployment=eu, data={"sensitivity": "confidential"}), catalog, as_of=AS_OF)
    risk = next(r for r in rec.risk_codes if r.code == "foreign_jurisdiction")
    assert (risk.params["jurisdiction"], risk.params["region"], risk.params["data"]) == ("us", "eu", "confidential")
    assert any("law of the US" in r for r in rec.risks)
    code = recommend(req(task_type="code", use_case="review our Python code", languages=["de"]), catalog, as_of=AS_OF)
    assert any(r.code == "foreign_jurisdiction" and r.params["data"] == "source_code" for r in code.risk_codes)
    public = recommend(req(deployment=eu), catalog, as_of=AS_OF)
    assert not any(r.code == "foreign_jurisdiction" for r in public.risk_codes)
    mistral = build_catalog([rated("m", [offering("mistral:m", "m", region="eu")], 1500), *anchors()])
    local = recommend(req(deployment=eu, data={"sensitivity": "confidential"}), mistral, as_of=AS_OF)
    assert not any(r.code == "foreign_jurisdiction" for r in local.risk_codes)


# --- relaxations name a real change ------------------------------------------------------------


def test_the_self_host_relaxation_names_proprietary_models_through_an_api_with_their_bill() -> None:
    # Self-hosting confidential data: the open model passes; allowing proprietary models admits the
    # closed one through its maker's API ($1/$2 -> $12/month), never the open model that already
    # passes, never a closed model only a reseller sells (data terms still apply).
    open_m = model("open", [offering("h:open", "open", tier="host")], open_weights=True, params=(8, 8))
    closed = model("closed", [offering("mk:closed", "closed")])
    resold = model("resold", [offering("agg:resold", "resold", tier="aggregator")])
    ratings = {c: rating(c, 1500) for c in CATS}
    catalog = build_catalog([(m.model_copy(update={"ratings": ratings}), [catalog_off])
                             for m, catalog_off in ((open_m, offering("h:open", "open", tier="host")),
                                                    (closed, offering("mk:closed", "closed")),
                                                    (resold, offering("agg:resold", "resold", tier="aggregator")))]
                            + anchors())  # fmt: skip
    rec = recommend(req(deployment={"self_host": True, "gpu": "L4"}, data={"sensitivity": "confidential"}),
                    catalog, as_of=AS_OF)  # fmt: skip
    assert keys(rec) == ["open"]
    relax = next(r for r in rec.relaxations if r.constraint == "open_weights_required")
    assert relax.admits == ["CLOSED"]
    needs = relax.per_model[0].needs
    assert needs.code == "needs_api" and needs.params["offering"] == "mk:closed" and round(float(needs.params["monthly"] or 0), 2) == 12.0
    assert "CLOSED through mk:closed" in relax.suggestion and "$12.00/month" in relax.suggestion


def test_outside_china_another_trusted_seller_comes_before_the_makers_china_endpoint() -> None:
    # The maker's only passing endpoint is in mainland China (its international one retired): a
    # German user gets the cloud's offering; a Chinese user the maker's own.
    cn = offering("moonshotai-cn:k", "k", inp=0.5, out=1, region="cn")
    gone = offering("moonshotai:k", "k", retirement_date=AS_OF - timedelta(days=10))
    cloud = offering("azure:k", "k", inp=0.6, out=1.2, tier="cloud")
    catalog = build_catalog([rated("k", [cn, gone, cloud], 1500), *anchors()])
    assert recommend(req(languages=["de"]), catalog, as_of=AS_OF).recommendations[0].offering_id == "azure:k"
    assert recommend(req(languages=["zh"]), catalog, as_of=AS_OF).recommendations[0].offering_id == "moonshotai-cn:k"

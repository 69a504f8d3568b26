""" "Why not X?": where one model stands for a set of requirements, from the core's own data.

`why_not` finds the model the person named (key, alias, name or offering id, forgiving case and
punctuation), then either its rank in the same ranking `recommend` uses, or the hard constraints its
best offering fails (codes with their numbers: e.g. `over_budget` with the monthly cost it needs),
and how it compares with #1 (quality points and monthly cost). Pure and deterministic; the sentences
come from `tools.decision.explain` (`WhyNot.text`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from whichmodel.knowledge.catalog.curated import PRODUCT_NAMES
from whichmodel.knowledge.catalog.schema import Catalog, Model
from whichmodel.tools.decision.candidates import Option, fit_thinking, self_host_option
from whichmodel.tools.decision.cost import offering_mode, per_request_cost, reads_cache, tokens
from whichmodel.tools.decision.engine import Ranking, rank_all
from whichmodel.tools.decision.explain import TEXT, change_text, monthly, say, t, zh_cheaper
from whichmodel.tools.decision.filters import check_offering, failure_reason, first_reason, trusted
from whichmodel.tools.decision.index import CatalogIndex, catalog_index
from whichmodel.tools.decision.latency import estimate_latency, provider_class
from whichmodel.tools.decision.names import provider_display
from whichmodel.tools.decision.ranking import quality_profile
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Lang, Reason
from whichmodel.tools.decision.selfhost import self_host_gpu

TIER_ORDER = {"maker": 0, "cloud": 1, "host": 2, "aggregator": 3, "plan": 4, "unknown": 5}


class VsTop(BaseModel):
    """The model against #1: positive quality delta = better rated; positive cost delta = dearer."""

    model_config = ConfigDict(extra="forbid")

    top_model: str
    top_model_key: str
    quality_delta: float | None = Field(
        description="Quality points (0..100 scale) minus #1's; None if unrated."
    )
    monthly_cost_delta_usd: float | None
    monthly_cost_ratio: float | None = Field(default=None, description="Its monthly cost / #1's.")


class WhyNot(BaseModel):
    """Where one named model stands for the requirements, as data (and its sentences)."""

    model_config = ConfigDict(extra="forbid")

    query: str
    model_key: str | None
    name: str | None
    status: Literal["ranked", "eliminated", "not_found"]
    rank: int | None = None
    passing: int = Field(default=0, description="Models that pass every hard constraint.")
    offering_id: str | None = Field(default=None, description="The offering the answer is about.")
    provider_name: str | None = Field(default=None, description="Who sells that offering (display name).")
    quality: float | None = None
    monthly_cost_usd: float | None = None
    failures: list[Reason] = Field(
        default_factory=list, description="Hard constraints failed (codes + numbers)."
    )
    in_quality_tier: bool = False
    vs_top: VsTop | None = None
    candidates: list[str] = Field(default_factory=list, description="Other models the query could mean.")
    text: list[str] = Field(default_factory=list, description="The answer in sentences (the explainer's).")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def find_models(catalog: Catalog, ident: str) -> tuple[list[Model], bool]:
    """Every model `ident` may name, best first, and whether the first is an exact match (key, alias,
    offering id or name). A product or family name ("ChatGPT", "DeepSeek", "文心一言") is partial:
    every model whose names hold it."""
    raw = ident.strip()
    if raw in catalog.models and not _moving(catalog.models[raw]):
        # "deepseek" is the key of a reseller's "DeepSeek Latest": a family name, read as one below
        return [catalog.models[raw]], True
    if raw in catalog.offerings:
        owner = catalog.model_of(raw)
        return ([owner] if owner is not None else []), owner is not None
    wanted = _norm(PRODUCT_NAMES.get(raw.lower(), raw))
    if not wanted:
        return [], False
    exact: list[Model] = []
    partial: list[tuple[int, int, str, Model]] = []
    for m in catalog.models.values():
        normalised = [_norm(n) for n in (m.key, m.name, *m.aliases)]
        if wanted in normalised:
            exact.append(m)
        elif any(wanted in n for n in normalised):
            best = min(len(n) - len(wanted) for n in normalised if wanted in n)
            partial.append((best, -len(m.offerings), m.key, m))
    exact = [m for m in exact if not _moving(m)] or ([] if partial else exact)
    if exact:
        exact.sort(key=lambda m: (-len(m.offerings), m.key))
        return exact, True
    partial.sort(key=lambda p: p[:3])
    return [p[3] for p in partial], False


def _moving(m: Model) -> bool:
    """A reseller's moving alias ("DeepSeek Latest" at key `deepseek`): it names the family, not a model."""
    return "latest" in m.key or "latest" in m.name.lower()


def find_model(catalog: Catalog, ident: str) -> tuple[Model | None, list[str]]:
    """The model `ident` names (exact key, alias, offering id or name first; then the closest
    normalised match), and other close matches."""
    found, _ = find_models(catalog, ident)
    if not found:
        return None, []
    return found[0], [m.name for m in found[1:5]]


def _meant(found: list[Model], ranking: Ranking, catalog: Catalog) -> Model:
    """Of a family's models, the one the person most likely means: the best placed in this ranking,
    else the family's flagship (the strongest rated active model its maker or a cloud sells with a
    price; moving "latest" aliases only when nothing else is rated), else the closest name."""
    placed = {r.option.model.key: i for i, r in enumerate(ranking.ranked)}
    ranked = [m for m in found if m.key in placed]
    if ranked:
        return min(ranked, key=lambda m: placed[m.key])

    def sold(m: Model) -> bool:
        return any(
            o.tier in ("maker", "cloud") and o.pricing is not None and o.pricing.tiers[0].input > 0
            for o in catalog.offerings_of(m.key)
        )

    def flagship(m: Model) -> tuple[bool, bool, float, date]:
        best = max((r.score for r in m.ratings.values()), default=0.0)
        return (not _moving(m), sold(m), best, m.release_date or date.min)

    rated = [m for m in found if m.ratings and m.status == "active"]
    if rated:
        return max(rated, key=flagship)
    return found[0]


def _closest(
    req: Requirements, ranking: Ranking, model: Model, catalog: Catalog
) -> tuple[Option | None, tuple[str, ...]]:
    """The model's option that comes closest to passing, among the offerings the person trusts
    (never a reseller's listing while a trusted seller exists): fewest failures, the more established
    tier, cheapest."""
    as_of = ranking.as_of
    if req.deployment.self_host:
        option = self_host_option(
            req, model, catalog.offerings_of(model.key), self_host_gpu(req), as_of
        )
        return option, option.failures
    prices = ranking.index.prices(req)
    position = {o.id: i for i, o in enumerate(ranking.index.offerings)}
    best: tuple[tuple[int, int, int, float, str], Option] | None = None
    for offering in catalog.offerings_of(model.key):
        i = position.get(offering.id)
        per_request = prices.per_request[i] if i is not None else None
        monthly = None if per_request is None else per_request * req.volume.requests_per_month
        cls = provider_class(offering.provider, offering.tier)
        t = tokens(req, offering_mode(offering, model))
        lat = estimate_latency(model, cls, t, task=req.task_type, cache=reads_cache(offering, t))
        check = check_offering(
            req, offering, model, as_of=as_of, monthly_cost=monthly, p95_seconds=lat.p95_seconds,
                latency_basis=lat.basis,
        )
        option = Option(model, offering, monthly, lat, check.failures)
        fitted = fit_thinking(req, offering, model, lat) if "too_slow" in check.failures else None
        if fitted is not None:  # the same capped thinking budget as the ranking (candidates.api_stage)
            capped, lat = fitted
            per_request = per_request_cost(offering, model, capped)
            monthly = None if per_request is None else per_request * req.volume.requests_per_month
            check = check_offering(
                req, offering, model, as_of=as_of, monthly_cost=monthly, p95_seconds=lat.p95_seconds,
                latency_basis=lat.basis,
            )
            option = Option(model, offering, monthly, lat, check.failures, thinking_cap=lat.thinking_tokens,
                            usual=option.latency, usual_monthly=option.monthly)  # fmt: skip
        key = (
            int(not trusted(req, offering) or offering.plausible is False),
            len(check.failures),
            TIER_ORDER.get(offering.tier, 9),
            monthly if monthly is not None else float("inf"),
            offering.id,
        )
        if best is None or key < best[0]:
            best = (key, option)
    if best is None:
        return None, ("no_offering",)
    return best[1], best[1].failures


def why_not(
    req: Requirements,
    catalog: Catalog,
    ident: str,
    *,
    as_of: date | None = None,
    index: CatalogIndex | None = None,
    lang: Lang = "en",
) -> WhyNot:
    """Why `ident` is (or is not) the recommendation for `req`: rank or failures, and vs #1."""
    matches, exact = find_models(catalog, ident)
    if not matches:
        return WhyNot(query=ident, model_key=None, name=None, status="not_found",
                      text=[t(lang, "whynot_not_found").format(query=ident)])  # fmt: skip
    index = index or catalog_index(catalog)
    ranking = rank_all(req, catalog, as_of=as_of, index=index)
    model = matches[0] if exact else _meant(matches, ranking, catalog)
    others = [m.name for m in matches if m.key != model.key][:4]
    top = ranking.ranked[0] if ranking.ranked else None
    quality = index.qualities(quality_profile(req))(model)
    position = next((i for i, r in enumerate(ranking.ranked) if r.option.model.key == model.key), None)
    option: Option | None
    if position is not None:
        option = ranking.ranked[position].option
        failures: list[Reason] = []
        status: Literal["ranked", "eliminated"] = "ranked"
    else:
        found, codes = _closest(req, ranking, model, catalog)
        status = "eliminated"
        option = found
        ordered = sorted(codes, key=lambda c: (c != first_reason(codes), codes.index(c))) if codes else []
        failures = [
            failure_reason(
                c, req, model, found.offering if found else None,
                monthly_cost=found.monthly if found else None,
                p95_seconds=found.latency.p95_seconds if found else None,
            )
            if c != "no_offering" else Reason(code="no_offering")
            for c in ordered
        ]  # fmt: skip
    vs: VsTop | None = None
    if top is not None and option is not None:
        mine, theirs = option.monthly, top.option.monthly
        vs = VsTop(
            top_model=top.option.model.name,
            top_model_key=top.option.model.key,
            quality_delta=None
            if quality.value is None or top.quality.value is None
            else round(quality.value - top.quality.value, 1),
            monthly_cost_delta_usd=None if mine is None or theirs is None else round(mine - theirs, 4),
            monthly_cost_ratio=None if mine is None or not theirs else round(mine / theirs, 3),
        )
    result = WhyNot(
        query=ident,
        model_key=model.key,
        name=model.name,
        status=status,
        rank=None if position is None else position + 1,
        passing=len(ranking.ranked),
        offering_id=option.offering.id if option is not None and option.offering is not None else None,
        provider_name=option.offering.provider_name if option is not None and option.offering is not None else None,
        quality=None if quality.value is None else round(quality.value, 1),
        monthly_cost_usd=None if option is None or option.monthly is None else round(option.monthly, 4),
        failures=failures,
        in_quality_tier=model.key in ranking.ordered.tier,
        vs_top=vs,
        candidates=others,
    )
    return result.model_copy(update={"text": whynot_text(result, lang)})


def _sentence(line: str, lang: Lang) -> str:
    """A line as a whole sentence: ends with a full stop unless it already ends with punctuation."""
    line = line.strip()
    if not line:
        return line
    if lang != "zh":
        line = line[0].upper() + line[1:]
    return line if line[-1] in ".!?:;。！？：；" else line + ("。" if lang == "zh" else ".")


def failure_line(w: WhyNot, f: Reason, lang: Lang, *, earlier: bool = False) -> str:
    """One hard constraint `w`'s model fails, as a sentence; `earlier`: said of requirements that
    have since changed ("needs $X/month at the earlier volume")."""
    if f.code == "over_budget":
        params = {"monthly": f.params.get("monthly_usd"), "per_1k": f.params.get("per_1k_usd"), "earlier": earlier}
        return _sentence(change_text(lang, w.name or "", Reason(code="needs_budget", params=params), w.quality), lang)
    if "fail_" + f.code in TEXT["en"]:
        return _sentence(say(lang, Reason(code="fail_" + f.code, params=f.params)), lang)
    return _sentence(t(lang, f.code), lang)


def whynot_text(w: WhyNot, lang: Lang) -> list[str]:
    """The answer in whole sentences (the explainer's templates)."""
    if w.status == "not_found":
        return [t(lang, "whynot_not_found").format(query=w.query)]
    lines: list[str] = []
    if w.status == "ranked":
        lines.append(t(lang, "whynot_ranked").format(model=w.name, rank=w.rank, passing=w.passing))
        if w.rank == 1:  # "why not Claude?" when it is the pick: say so, with what it rests on
            lines.append(t(lang, "whynot_is_pick").format(
                quality="n/a" if w.quality is None else f"{w.quality:.0f}",
                monthly=monthly(w.monthly_cost_usd, lang)))  # fmt: skip
    else:
        provider = provider_display(w.provider_name, (w.offering_id or "").partition(":")[0] or None, lang)
        lines.append(
            t(lang, "whynot_eliminated" if w.offering_id else "whynot_eliminated_self").format(
                model=w.name, provider=provider
            )
        )
        lines += [failure_line(w, f, lang) for f in w.failures]
    if w.vs_top is not None and w.vs_top.top_model_key != w.model_key:
        v = w.vs_top
        q = (
            t(lang, "whynot_q_none")
            if v.quality_delta is None
            else t(lang, "whynot_q").format(d=f"{abs(v.quality_delta):.1f}",
                                            word=t(lang, "lower" if v.quality_delta < 0 else "higher"))
        )
        ratio = v.monthly_cost_ratio
        c = (
            t(lang, "whynot_c_none")
            if ratio is None
            else t(lang, "whynot_c_less").format(inv=f"{1 / ratio:,.0f}" if ratio < 0.5 else f"{1 / ratio:.1f}",
                                                 cheaper_inv=zh_cheaper(round(1 / ratio, 1)))
            if 0 < ratio < 0.95
            else t(lang, "whynot_c").format(ratio=f"{ratio:.1f}")
        )
        lines.append(t(lang, "whynot_vs_top").format(top=v.top_model, q=q, c=c))
    return [_sentence(line, lang) for line in lines]

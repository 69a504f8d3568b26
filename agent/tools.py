"""The agent's tools: plain typed functions over the catalog, the decision core and the knowledge base.

Each returns data plus a one-line summary that the conversation shows as a step. Nothing here phrases
a reply or decides a ranking; the ranking is `tools.recommend.recommend_requirements`. The LangChain
wrapping (for an LLM that calls tools itself) happens only in `as_langchain_tools`, at the edge.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from whichmodel.knowledge.catalog.store import load_catalog, search
from whichmodel.tools.decision import Recommendation, parse_requirements
from whichmodel.tools.decision.result import ProbeEvidence
from whichmodel.tools.recommend import recommend_requirements
from whichmodel.tools.report import render_chart_svg, render_html, render_json, render_markdown


@dataclass(frozen=True)
class StepResult:
    """A tool's outcome as shown to the person: the tool name and a one-line summary."""

    name: str
    summary: str


class FrameworkHit(Protocol):
    """What `knowledge.retrieval.Retriever.search_framework` returns per hit (duck-typed)."""

    @property
    def passage(self) -> Any: ...


class Retriever(Protocol):
    def search_framework(self, query: str, k: int = ..., lang: str | None = ...) -> Sequence[Any]: ...


def canonical(raw: Mapping[str, Any]) -> str:
    """The requirements as canonical JSON: equal requirements give equal strings (the cache key)."""
    return json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


CHAT_ONLY_FIELDS = frozenset({"phone_only", "place"})
"""Facts the chat keeps about the person that route its advice but are no requirement of the decision core
("I only have my phone": a chat app on the phone, never API setup; "place": the country kept by name for a
location of "other", whose law the answers name)."""


def for_core(raw: Mapping[str, Any]) -> dict[str, Any]:
    """`raw` as the decision core takes it: a zero monthly budget ("we have zero budget", free plans only) is
    the chat's routing fact, not a ceiling the core has (its budgets are above zero), so it is left out and
    the core ranks as if none was set; the chat sends such a person to a free app (agent.nodes.answers).
    The chat's own facts (`CHAT_ONLY_FIELDS`) are left out too."""
    raw = {k: v for k, v in raw.items() if k not in CHAT_ONLY_FIELDS}
    budget = raw.get("budget")
    if isinstance(budget, Mapping) and budget.get("monthly_usd") == 0:
        rest = {k: v for k, v in budget.items() if k != "monthly_usd"}
        return {**{k: v for k, v in raw.items() if k != "budget"}, **({"budget": rest} if rest else {})}
    return raw


_CACHE: OrderedDict[str, Recommendation] = OrderedDict()
_CACHE_SIZE = 64


def shortlist_and_rank(
    raw: Mapping[str, Any], probes: ProbeEvidence | None = None, currency: str | None = None, lang: str | None = None
) -> Recommendation:
    """Filter the whole catalog and rank it for `raw` (a requirements-file mapping), with citations;
    `probes` (measurements on the person's examples) re-rank it (tools.decision.measured).

    The decision core takes ~20-50 ms over the whole catalog (benchmarks/bench_load.py); results are cached by the canonical
    requirements and probe run, so re-asking for the same requirements is free. `currency` (the
    person's budget currency) is how the prose says monthly bills; `lang` the conversation's language,
    which the prose is written in (else the requirements' first language).
    """
    raw = for_core(raw)
    key = canonical(raw) + (probes.model_dump_json() if probes is not None else "") + (currency or "") + (lang or "")
    hit = _CACHE.get(key)
    if hit is not None:
        _CACHE.move_to_end(key)
        return hit
    rec = recommend_requirements(
        parse_requirements(dict(raw), "conversation"), raw, probes=probes, currency=currency,
        lang="zh" if lang == "zh" else "en" if lang == "en" else None,
    )
    _CACHE[key] = rec
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return rec


def catalog_search(
    text: str = "", *, open_weights: bool | None = None, modality: str | None = None, limit: int = 10
) -> list[dict[str, Any]]:
    """Models in the catalog matching `text` (name, maker, family), with their key facts."""
    catalog = load_catalog()
    return [
        {
            "key": m.key,
            "name": m.name,
            "maker": m.maker,
            "open_weights": m.open_weights,
            "offerings": len(m.offerings),
        }
        for m in search(catalog, text, open_weights=open_weights, modality=modality, limit=limit)
    ]


def catalog_step(rec: Recommendation) -> StepResult:
    """The catalog search as a step: how many options were considered and how many survived."""
    out = sum(e.count for e in rec.eliminated)
    return StepResult(
        "catalog_search",
        f"{rec.models_considered or rec.candidates_considered} models ({rec.candidates_considered} options) "
        f"considered; {out} models eliminated by hard constraints "
        f"(catalog as of {load_catalog().built_at.isoformat()})",
    )


def rank_step(rec: Recommendation) -> StepResult:
    names = ", ".join(c.model for c in rec.recommendations[:3]) or "none"
    return StepResult("shortlist_and_rank", f"{len(rec.recommendations)} shortlisted; top: {names}")


def cost_estimate(rec: Recommendation) -> list[dict[str, Any]]:
    """Monthly cost per shortlisted option at the stated volume, with the price's source and date."""
    rows = []
    for c in rec.recommendations:
        rows.append(
            {
                "model": c.model,
                "offering_id": c.offering_id,
                "monthly_usd": c.monthly_cost_usd,
                "price_source": c.cost.price_source if c.cost else None,
                "price_as_of": c.cost.price_as_of if c.cost else None,
            }
        )
    return rows


def cost_step(rec: Recommendation) -> StepResult:
    costs = [c.monthly_cost_usd for c in rec.recommendations if c.monthly_cost_usd is not None]
    if not costs:
        return StepResult("cost_estimate", "no costed option")
    return StepResult(
        "cost_estimate",
        f"monthly cost of the shortlist at {rec.requirements.volume.requests_per_month:,.0f} requests/month: "
        f"${min(costs):,.2f} to ${max(costs):,.2f}",
    )


def self_host_estimate(rec: Recommendation) -> list[dict[str, Any]]:
    """GPU sizing for the shortlisted open-weights models that have one."""
    return [
        {"model": c.model, **c.self_host.model_dump(mode="json")} for c in rec.recommendations if c.self_host
    ]


def self_host_step(rec: Recommendation) -> StepResult | None:
    """Shown when self-hosting is asked for or the top pick can be self-hosted; else None."""
    sized = [c for c in rec.recommendations if c.self_host]
    if not sized:
        return None
    top = sized[0].self_host
    assert top is not None
    return StepResult(
        "self_host_estimate",
        f"{sized[0].model}: {top.gpus_needed}x {top.gpu} per replica, {top.replicas} replica(s), "
        f"about ${top.monthly_cost:,.0f}/month",
    )


def knowledge_search(retriever: Retriever, query: str, lang: str, k: int = 2) -> list[dict[str, str]]:
    """Framework passages for a question: id, heading and text, best first."""
    hits = retriever.search_framework(query, k=k, lang=lang)
    out = []
    for h in hits:
        p = h.passage
        out.append({"id": p.id, "heading": p.heading, "text": p.text})
    return out


def citations_step(rec: Recommendation) -> StepResult:
    ids = ", ".join(c.id for c in rec.citations[:4]) or "none"
    return StepResult("knowledge_search", f"{len(rec.citations)} framework passages cited: {ids}")


@dataclass(frozen=True)
class ReportBundle:
    """The report in every format a front end offers for download."""

    markdown: str
    html: str
    json: str
    svg_chart: str


def build_report(rec: Recommendation) -> ReportBundle:
    """Render the recommendation's report (pure formatting of the core's result)."""
    return ReportBundle(render_markdown(rec), render_html(rec), render_json(rec), render_chart_svg(rec))


TOOLS: dict[str, Callable[..., Any]] = {
    "catalog_search": catalog_search,
    "shortlist_and_rank": shortlist_and_rank,
    "cost_estimate": cost_estimate,
    "self_host_estimate": self_host_estimate,
    "knowledge_search": knowledge_search,
    "build_report": build_report,
}
"""The registry: tool name -> plain function."""


def as_langchain_tools(names: Sequence[str] = ("catalog_search",)) -> list[Any]:
    """LangChain tools for the named plain functions (only those whose arguments are JSON-typed)."""
    from langchain_core.tools import StructuredTool

    return [StructuredTool.from_function(TOOLS[n], name=n) for n in names]

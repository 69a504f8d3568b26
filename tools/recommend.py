"""The recommendation service: load the catalog, run the decision core, attach framework citations.

This is the one place the CLI, the chat agent and the reports get a Recommendation from, so that the
same requirements always give the same result whichever front end asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.knowledge.framework.loader import get_passage
from whichmodel.knowledge.units import REGION_CURRENCY, Lang
from whichmodel.tools.decision import Recommendation, Requirements, load_requirements_file, recommend
from whichmodel.tools.decision.filters import user_region
from whichmodel.tools.decision.result import Citation, ProbeEvidence

# Passages every report cites besides the adaptation path's own: accuracy first, then cost/latency.
ALWAYS_CITED = ("optimization-order#accuracy-first", "optimization-order#cost-latency", "evaluation#own-data")


def recommend_requirements(
    req: Requirements,
    raw: Mapping[str, object] | None = None,
    *,
    catalog: Catalog | None = None,
    probes: ProbeEvidence | None = None,
    currency: str | None = None,
    lang: Lang | None = None,
) -> Recommendation:
    """Run the decision core on `req` (and probe measurements, if any) and attach the cited framework
    passages in the person's language; `currency` is how the prose says monthly bills, `lang` the
    language it is written in (default: the requirements' first language)."""
    rec = recommend(req, catalog or load_catalog(), raw=raw, probes=probes, currency=currency, lang=lang)
    return rec.model_copy(update={"citations": citations_for(rec, lang)})


def recommend_from_file(
    path: str | Path, *, catalog: Catalog | None = None, probes: ProbeEvidence | None = None
) -> Recommendation:
    """Load a requirements file (YAML or JSON) and recommend; raises RequirementsError when invalid."""
    req, raw = load_requirements_file(path)
    return recommend_requirements(req, raw, catalog=catalog, probes=probes, currency=local_currency(req))


def local_currency(req: Requirements) -> str | None:
    """The currency a requirements file's report says bills in: that of where the person is (stated,
    else taken from their language, as the report says), the US dollar figure beside it; None: dollars."""
    return REGION_CURRENCY.get(user_region(req)[0] or "")


def citations_for(rec: Recommendation, lang: Lang | None = None) -> list[Citation]:
    lang = lang or ("zh" if rec.requirements.languages[0] == "zh" else "en")
    ids = list(dict.fromkeys([*rec.adaptation.citations, *ALWAYS_CITED, *_context_citations(rec)]))
    out: list[Citation] = []
    for neutral in ids:
        passage = get_passage(neutral, lang)
        if passage is not None:
            out.append(
                Citation(id=passage.id, title=f"{passage.title} — {passage.heading}", text=passage.text)
            )
    return out


def _context_citations(rec: Recommendation) -> list[str]:
    dep = rec.requirements.deployment
    ids = []
    if dep.self_host:
        ids.append("service-vs-model#self-hosting")
    if dep.open_weights or dep.self_host:
        ids.append("open-vs-proprietary#open-weights")
    if not rec.recommendations:
        ids.append("size-vs-performance#tradeoff")
    return ids

"""JSON report: the stable machine-readable contract.

Contract keys (stable): `recommendations` (rank, model, offering_id, self_hosted, monthly_cost_usd,
score, reasons, ...), `eliminated` (reason -> eliminated models, each model counted once, never one
that passes through another offering), `relaxations`, `adaptation` ({approach, reason,
...}) and `catalog` (sources with dates). Everything else is extra detail: `requirements`,
`defaults_assumed`, `read_from_use_case`, `summary`, `eliminated_details` (with `offerings` per reason),
`candidates_considered` (offerings), `models_considered`, `frontier`, `costs`,
`self_host`, `risks`, `next_steps`, `warnings`, `citations`, and `probes` (null, or the probe run on
the person's examples: per endpoint accuracy with its 95% interval and `n`, latency/TTFT/tokens/s
with their `n`, cost per 1,000 items with the price's source and date, errors by kind; `effects`
says what the measurements changed in the ranking). Each recommendation's `measured` holds the
measurement that stands for it. The decision as data: `quality_pick` and `value_pick` (model key,
offering, rank, why codes), each recommendation's `tier`, `ratings_used`, `evidence_missing`,
`latency` (seconds with its basis), `also_sold_by`, `reason_codes`; `summary_codes`, `risk_codes`,
`step_codes`, `assumptions` (thinking tokens, caching, audio minutes) as codes with their numbers.

Lists keep the core's order where order means something (ranking, frontier by cost); mappings are
emitted with sorted keys, so the same Recommendation always gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from whichmodel.tools.decision.result import Candidate, Recommendation

SCHEMA_VERSION = 1


def _candidate(c: Candidate) -> dict[str, Any]:
    """The contract fields plus the rest of the candidate (quality, criteria, trade-offs, cost, sizing)."""
    return c.model_dump(mode="json")


def to_json(rec: Recommendation) -> dict[str, Any]:
    """The report as a JSON-ready dict (only str/int/float/bool/None/list/dict values)."""
    eliminated: dict[str, int] = {}
    for e in rec.eliminated:
        eliminated[e.reason] = eliminated.get(e.reason, 0) + e.count
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": rec.summary,
        "recommendations": [_candidate(c) for c in rec.recommendations],
        "eliminated": dict(sorted(eliminated.items())),
        "eliminated_details": [e.model_dump(mode="json") for e in rec.eliminated],
        "candidates_considered": rec.candidates_considered,
        "models_considered": rec.models_considered,
        "relaxations": [r.model_dump(mode="json") for r in rec.relaxations],
        "adaptation": rec.adaptation.model_dump(mode="json"),
        "catalog": [s.model_dump(mode="json") for s in sorted(rec.catalog, key=lambda s: s.id)],
        "requirements": rec.requirements.model_dump(mode="json"),
        "effective_monthly_budget_usd": rec.requirements.monthly_budget_usd,
        "needed_context_tokens": rec.requirements.needed_context,
        "defaults_assumed": list(rec.defaults_assumed),
        "read_from_use_case": list(rec.read_from_use_case),
        "costs": [
            {"rank": c.rank, "model": c.model, **c.cost.model_dump(mode="json")}
            for c in rec.recommendations
            if c.cost is not None
        ],
        "self_host": [
            {"rank": c.rank, **c.self_host.model_dump(mode="json")}
            for c in rec.recommendations
            if c.self_host is not None
        ],
        "frontier": [_candidate(c) for c in rec.frontier],
        "risks": list(rec.risks),
        "next_steps": list(rec.next_steps),
        "warnings": list(rec.warnings),
        "citations": [c.model_dump(mode="json") for c in rec.citations],
        "probes": rec.probes.model_dump(mode="json") if rec.probes is not None else None,
        "quality_pick": rec.quality_pick.model_dump(mode="json") if rec.quality_pick is not None else None,
        "value_pick": rec.value_pick.model_dump(mode="json") if rec.value_pick is not None else None,
        "summary_codes": [r.model_dump(mode="json") for r in rec.summary_codes],
        "risk_codes": [r.model_dump(mode="json") for r in rec.risk_codes],
        "step_codes": [r.model_dump(mode="json") for r in rec.step_codes],
        "assumptions": [r.model_dump(mode="json") for r in rec.assumptions],
    }


def render_json(rec: Recommendation) -> str:
    """`to_json` serialised: sorted keys, 2-space indent, UTF-8 text (Chinese kept readable)."""
    return json.dumps(to_json(rec), ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"

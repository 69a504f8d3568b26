"""A probe run's summary (``whichmodel.probe/1`` JSON) as evidence for the decision core.

The probe engine measures; the decision core ranks. This module is the one translation between
them: per endpoint, the figures the ranking and the report use, each with the ``n`` behind it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from whichmodel.tools.decision.result import Measurement, ProbeEvidence
from whichmodel.tools.probes.engine import SCHEMA_VERSION


class ProbeResultsError(ValueError):
    """A probe results file that cannot be used (wrong schema, unreadable)."""


def evidence_from_summary(summary: Mapping[str, Any]) -> ProbeEvidence:
    """The decision core's view of a probe run."""
    if summary.get("schema") != SCHEMA_VERSION:
        raise ProbeResultsError(
            f"not a probe results file (schema {summary.get('schema')!r}, expected {SCHEMA_VERSION})"
        )
    run = summary["run"]
    endpoints = {e["id"]: e for e in run["endpoints"]}
    measurements = []
    for m in summary["models"]:
        endpoint = endpoints.get(m["endpoint"], {})
        ci = m.get("accuracy_ci95") or [None, None]
        cost, price = m["cost"], m["cost"].get("price") or {}
        measurements.append(
            Measurement(
                endpoint=m["endpoint"],
                model=endpoint.get("model", m["endpoint"]),
                catalog_offering=endpoint.get("catalog_offering"),
                n=m["accuracy_n"],
                correct=m["correct"],
                accuracy=m["accuracy"],
                ci95_low=ci[0],
                ci95_high=ci[1],
                latency_p50_s=m["latency_s"]["p50"],
                latency_p95_s=m["latency_s"]["p95"],
                latency_n=m["latency_s"]["n"],
                ttft_p50_s=m["ttft_s"]["p50"],
                ttft_n=m["ttft_s"]["n"],
                output_tokens_per_s=m["output_tokens_per_s"]["median"],
                output_tokens_per_s_n=m["output_tokens_per_s"]["n"],
                cost_per_1k_usd=cost["per_1000_usd"],
                cost_n=cost["n"],
                cost_source=price.get("source"),
                cost_as_of=price.get("as_of"),
                cost_reason=cost.get("reason"),
                errors=m["n_errors"],
                errors_by_kind=dict(m["errors_by_kind"]),
            )
        )
    return ProbeEvidence(
        run_id=run["id"],
        probe_set=run["probe_set"],
        n_examples=run["n_examples"],
        started_at=run["started_at"],
        wall_s=run["wall_s"],
        measurements=measurements,
        separation=[s["note"] for s in summary.get("separation", [])],
    )


def load_evidence(path: Path) -> ProbeEvidence:
    """Evidence from a results file written by ``whichmodel probe --out PATH``."""
    advice = "Pass the JSON file written by `whichmodel probe --out results.json`."
    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProbeResultsError(
            f"cannot read probe results {path}: {exc.strerror or exc}. Check the path."
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProbeResultsError(f"{path} is not a probe results file (not JSON text). {advice}") from exc
    if not isinstance(summary, dict):
        raise ProbeResultsError(f"{path}: not a probe results file. {advice}")
    try:
        return evidence_from_summary(summary)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ProbeResultsError):
            raise
        raise ProbeResultsError(f"{path}: incomplete probe results ({type(exc).__name__}: {exc})") from exc

"""Golden recommendations: the full output of the decision core for fixed requirements on the
committed catalog, recorded before the core was optimised so that any speed-up provably changes
nothing.

Each case is a requirements-file mapping (plus, for a few, a reader language, a reference date or
probe evidence). `python -m tests.decision.golden_cases` (re)writes tests/decision/golden/<name>.json;
do that only when a change to the decision is intended, and review the diff.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision import parse_requirements, recommend
from whichmodel.tools.decision.explain import Lang
from whichmodel.tools.decision.result import Measurement, ProbeEvidence, Recommendation

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True)
class Case:
    """One recorded input: requirements and the optional arguments of `recommend`."""

    raw: dict[str, Any]
    lang: Lang | None = None
    as_of: date | None = None
    probes: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _load_case(i: int, zh: bool) -> dict[str, Any]:
    """The requirements the load test's conversation number `i` reaches (tests/hardening/test_load.py)."""
    budget, per_day = 100 + 10 * i, 1000 + 100 * i
    use_case = (
        f"我们每天大约{per_day}条客服工单; 需要分类; 每月预算不超过{budget}美元; 2秒内返回"
        if zh
        else f"We classify ~{per_day} support tickets a day, budget ${budget}/month, answers within 2 seconds"
    )
    return {
        "budget": {"monthly_usd": float(budget)},
        "deployment": {"self_host": False},
        "languages": ["zh" if zh else "en"],
        "latency": {"p95_seconds": 2.0},
        "task_type": "classification",
        "use_case": use_case,
        "volume": {"requests_per_month": per_day * 30},
    }


def _measurement(endpoint: str, offering: str | None, correct: int, n: int, p95: float) -> dict[str, Any]:
    acc = correct / n
    return Measurement(
        endpoint=endpoint, model=endpoint, catalog_offering=offering, n=n, correct=correct, accuracy=acc,
        ci95_low=max(0.0, acc - 0.1), ci95_high=min(1.0, acc + 0.1), latency_p50_s=p95 / 2,
        latency_p95_s=p95, latency_n=n,
    ).model_dump(mode="json")  # fmt: skip


def _probes(*ms: dict[str, Any]) -> dict[str, Any]:
    return ProbeEvidence(
        run_id="golden", probe_set="tickets", n_examples=50, started_at="2026-12-01T00:00:00+00:00",
        wall_s=3.0, measurements=[Measurement.model_validate(m) for m in ms],
    ).model_dump(mode="json")  # fmt: skip


def _base(task: str, **kw: Any) -> dict[str, Any]:
    return {"use_case": f"golden {task}", "task_type": task, **kw}


TASKS = (
    "chat", "qa", "summarization", "extraction", "classification", "translation", "code", "reasoning",
    "agent", "embedding", "image_generation", "speech_to_text", "vision",
)  # fmt: skip

CASES: dict[str, Case] = {
    # The load test's conversations (both languages, both ends of the budget range).
    "load-en-0": Case(_load_case(0, False)),
    "load-zh-1": Case(_load_case(1, True)),
    "load-en-48": Case(_load_case(48, False)),
    "load-zh-49": Case(_load_case(49, True)),
    # Every task type with nothing else stated (all defaults).
    **{f"task-{t}": Case(_base(t)) for t in TASKS},
    # Chinese, residency and provider allow-lists.
    "zh-chat-cn": Case(
        _base("chat", languages=["zh"], deployment={"data_residency": "cn"}, budget={"monthly_usd": 300})
    ),
    "zh-en-translation": Case(
        _base("translation", languages=["zh", "en"], volume={"requests_per_month": 5e5})
    ),
    "eu-summarization": Case(_base("summarization", deployment={"data_residency": "eu"})),
    "us-residency-allowed": Case(
        _base("qa", deployment={"data_residency": "us", "providers_allowed": ["openai", "google"]})
    ),
    "providers-openai-anthropic": Case(
        _base("code", deployment={"providers_allowed": ["openai", "anthropic"]}, needs={"tool_calling": True})
    ),
    "providers-azure-family": Case(_base("chat", deployment={"providers_allowed": ["azure"]})),
    # Budgets: none fits, per-1k ceilings, huge volume.
    "budget-impossible": Case(
        _base(
            "reasoning",
            budget={"monthly_usd": 0.01},
            volume={"requests_per_month": 1e6},
            needs={"reasoning": True},
        )
    ),
    "budget-per-1k": Case(
        _base("extraction", budget={"per_1k_requests_usd": 0.5}, needs={"structured_output": True})
    ),
    "volume-huge": Case(
        _base("classification", volume={"requests_per_month": 1e9, "input_tokens": 50, "output_tokens": 1})
    ),
    # Needs, context, caching, long-context tiers.
    "needs-all": Case(
        _base(
            "agent",
            needs={"tool_calling": True, "structured_output": True, "reasoning": True},
            latency={"p95_seconds": 0.5},
            accuracy_target=0.95,
        )
    ),
    "context-1m": Case(_base("qa", context_tokens=1_000_000)),
    "context-impossible": Case(_base("summarization", context_tokens=50_000_000)),
    "long-prompts-cached": Case(
        _base(
            "qa",
            volume={
                "requests_per_month": 2000,
                "input_tokens": 250_000,
                "output_tokens": 2000,
                "cached_input_fraction": 0.5,
            },
        )
    ),
    "multilingual": Case(_base("chat", languages=["fr", "de", "ja", "ko", "ru", "es"])),
    "multimodal-extraction": Case(_base("extraction", input_modalities=["text", "image", "pdf"])),
    "audio-chat": Case(_base("chat", input_modalities=["audio"])),
    "video-vision": Case(_base("vision", input_modalities=["video"])),
    # Open weights: through an API, and self-hosted on several GPUs.
    "open-weights-api": Case(_base("code", deployment={"open_weights": True}, budget={"monthly_usd": 50})),
    "selfhost-default": Case(_base("chat", deployment={"self_host": True})),
    "selfhost-a100-int4": Case(
        _base(
            "summarization",
            deployment={"self_host": True, "gpu": "A100-80GB", "quantization": "int4"},
            volume={"requests_per_month": 2e6},
            budget={"monthly_usd": 20000},
            languages=["zh"],
        )
    ),
    "selfhost-tiny-budget": Case(
        _base("classification", deployment={"self_host": True}, budget={"monthly_usd": 1})
    ),
    "selfhost-tools": Case(
        _base("agent", deployment={"self_host": True, "utilization": 0.9}, needs={"tool_calling": True})
    ),
    "data-rag-finetune": Case(
        _base(
            "qa",
            data={
                "labeled_examples": 5000,
                "proprietary_knowledge": True,
                "knowledge_changes_often": False,
                "sensitivity": "restricted",
            },
        )
    ),
    "data-novel-domain": Case(_base("chat", data={"novel_domain": True, "unlabeled_tokens_billions": 50})),
    # Reader language, reference date and probe evidence.
    "lang-zh-override": Case(_base("classification", budget={"monthly_usd": 200}), lang="zh"),
    "as-of-stale": Case(_base("chat"), as_of=date(2027, 6, 1)),
    "probes-rerank": Case(
        _base(
            "classification", accuracy_target=0.9, volume={"requests_per_month": 30000, "output_tokens": 5}
        ),
        probes=_probes(
            _measurement("ep-a", "openai:gpt-4o-mini", 47, 50, 1.2),
            _measurement("ep-b", "google:gemini-2.5-flash", 40, 50, 0.8),
            _measurement("ep-c", "deepseek:deepseek-chat", 49, 50, 3.0),
            _measurement("ep-x", None, 30, 50, 0.3),
        ),
    ),
}


def example_cases() -> dict[str, Case]:
    """Every examples/*.yaml as a case (its raw mapping, so the defaults list is recorded too)."""
    out: dict[str, Case] = {}
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        out[f"example-{path.stem}"] = Case(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def all_cases() -> dict[str, Case]:
    return {**example_cases(), **CASES}


def run_case(case: Case, catalog: Catalog) -> Recommendation:
    req = parse_requirements(case.raw, "golden")
    probes = ProbeEvidence.model_validate(case.probes) if case.probes is not None else None
    return recommend(req, catalog, raw=case.raw, as_of=case.as_of, lang=case.lang, probes=probes)


def as_json(rec: Recommendation) -> str:
    """The recorded form: the JSON contract, indented so that a reviewed change reads as a diff."""
    return json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def write_all() -> None:
    from whichmodel.knowledge.catalog.store import load_catalog

    catalog = load_catalog()
    GOLDEN_DIR.mkdir(exist_ok=True)
    cases = all_cases()
    for old in GOLDEN_DIR.glob("*.json"):
        if old.stem not in cases:
            old.unlink()
    for name, case in cases.items():
        (GOLDEN_DIR / f"{name}.json").write_text(as_json(run_case(case, catalog)), encoding="utf-8")
    print(f"wrote {len(cases)} golden recommendations to {GOLDEN_DIR}", file=sys.stderr)


if __name__ == "__main__":
    write_all()

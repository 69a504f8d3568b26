"""Ranking: task-weighted quality from public ratings, cost, an estimated latency class, fit.

Quality is an Elo-scale rating averaged over the rating categories that matter for the task and the
person's languages (weights renormalised over the categories a model has). A model without ratings is
*unrated*: it is never given a made-up quality, and ranks after rated models (with its reason stated).

The latency class is an estimate from size and tier (the catalog carries no measured latency): the
report says so and the next step is to probe.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.catalog.schema import Model
from tools.decision.requirements import Requirements
from tools.decision.result import LatencyClass

TASK_CATEGORIES: Mapping[str, Mapping[str, float]] = {
    "chat": {"overall": 0.5, "multi_turn": 0.3, "instruction_following": 0.2},
    "qa": {"overall": 0.4, "expert": 0.3, "longer_query": 0.3},
    "summarization": {"longer_query": 0.4, "writing": 0.3, "overall": 0.3},
    "extraction": {"instruction_following": 0.5, "overall": 0.3, "hard_prompts": 0.2},
    "classification": {"instruction_following": 0.4, "overall": 0.3, "hard_prompts": 0.3},
    "translation": {"overall": 0.4, "writing": 0.3, "instruction_following": 0.3},
    "code": {"coding": 0.6, "software": 0.2, "hard_prompts": 0.2},
    "reasoning": {"math": 0.4, "hard_prompts": 0.3, "expert": 0.3},
    "agent": {"hard_prompts": 0.3, "coding": 0.3, "instruction_following": 0.2, "multi_turn": 0.2},
    "vision": {"vision": 0.7, "document": 0.3},
    "writing": {"creative_writing": 0.5, "writing": 0.3, "instruction_following": 0.2},
    # Public text ratings say little about these; quality is left unrated.
    "embedding": {},
    "image_generation": {},
    "speech_to_text": {},
    "moderation": {},
}
LANGUAGE_CATEGORIES: Mapping[str, str] = {
    "zh": "chinese",
    "fr": "french",
    "de": "german",
    "ja": "japanese",
    "ko": "korean",
    "ru": "russian",
    "es": "spanish",
}
LANGUAGE_WEIGHT = 0.3

# Typical time to first token and decode speed per latency class, used for the estimate only.
LATENCY_PROFILE: Mapping[str, tuple[float, float]] = {
    "fast": (0.4, 150.0),
    "medium": (0.8, 70.0),
    "slow": (3.0, 40.0),
}
P95_FACTOR = 2.0
FAST_MARKERS = re.compile(r"(flash|mini|nano|haiku|lite|small|tiny|turbo|instant|fast|air|8b|7b|4b|3b|1b)")
SLOW_MARKERS = re.compile(r"(thinking|reasoner|deep-?research|\bo1\b|\bo3\b|-r1\b|opus|ultra|-max\b)")


@dataclass(frozen=True)
class Quality:
    value: float | None
    lower: float | None
    upper: float | None
    basis: str


def category_weights(req: Requirements) -> dict[str, float]:
    weights = dict(TASK_CATEGORIES[req.task_type])
    if not weights:
        return {}
    for lang in req.languages:
        category = LANGUAGE_CATEGORIES.get(lang)
        if category:
            weights[category] = weights.get(category, 0.0) + LANGUAGE_WEIGHT / len(req.languages)
    return weights


def task_quality(model: Model, weights: Mapping[str, float]) -> Quality:
    """Weighted rating over the categories the model has; unrated when it has none of them."""
    present = {c: w for c, w in weights.items() if c in model.ratings}
    if not present:
        return Quality(None, None, None, "no public rating for this task")
    total = sum(present.values())
    value = sum(model.ratings[c].score * w for c, w in present.items()) / total
    lower = sum(model.ratings[c].lower * w for c, w in present.items()) / total
    upper = sum(model.ratings[c].upper * w for c, w in present.items()) / total
    first = model.ratings[next(iter(present))]
    missing = sorted(set(weights) - set(present))
    basis = (
        "weighted "
        + ", ".join(f"{c} {w / total:.0%}" for c, w in sorted(present.items(), key=lambda kv: -kv[1]))
        + f" ({first.source}, {first.as_of.isoformat()})"
        + (f"; no rating for {', '.join(missing)}" if missing else "")
    )
    return Quality(value, lower, upper, basis)


def latency_class(model: Model) -> tuple[LatencyClass, str]:
    """Estimated class from active size, tier words and reasoning-only markers."""
    names = f"{model.key} {model.name}".lower()
    active = model.params_active_b or model.params_total_b
    if SLOW_MARKERS.search(names):
        return "slow", "reasoning-first or top-tier model (name); thinking adds seconds before the answer"
    if active is not None:
        if active <= 20:
            return "fast", f"{active:g}B active parameters"
        if active <= 80:
            return "medium", f"{active:g}B active parameters"
        return "slow", f"{active:g}B active parameters"
    if FAST_MARKERS.search(names):
        return "fast", "small/fast tier (name)"
    return "medium", "size unknown; assumed a mid-size model"


def estimated_p95_seconds(cls: LatencyClass, output_tokens: float) -> float:
    ttft, tps = LATENCY_PROFILE[cls]
    return (ttft + output_tokens / tps) * P95_FACTOR


def latency_score(cls: LatencyClass, req: Requirements) -> tuple[float, str]:
    estimate = estimated_p95_seconds(cls, req.volume.output_tokens)
    target = req.latency.p95_seconds
    if target is None:
        score = {"fast": 1.0, "medium": 0.7, "slow": 0.4}[cls]
        return score, f"{cls} (est. p95 ~{estimate:.1f} s; no latency target)"
    score = 1.0 if estimate <= target else max(0.0, 1.0 - math.log2(estimate / target) / 2)
    verdict = "within" if estimate <= target else "may exceed"
    return score, f"{cls}: est. p95 ~{estimate:.1f} s, {verdict} the {target:g} s target"


def log_scale_score(value: float, lo: float, hi: float) -> float:
    """1 for the cheapest, 0 for the dearest, on a log scale (costs span orders of magnitude)."""
    floor = 0.01
    v, a, b = (max(x, floor) for x in (value, lo, hi))
    if b <= a:
        return 1.0
    return (math.log(b) - math.log(v)) / (math.log(b) - math.log(a))


def criterion_weights(req: Requirements) -> dict[str, float]:
    """Accuracy first (the seeds' order), then cost and latency; stricter targets shift weight."""
    weights = {"quality": 0.5, "cost": 0.3, "latency": 0.15, "fit": 0.05}
    if req.accuracy_target is not None and req.accuracy_target >= 0.9:
        weights.update(quality=0.6, cost=0.22)
    if req.latency.p95_seconds is not None and req.latency.p95_seconds <= 1.0:
        weights.update(latency=0.25, cost=weights["cost"] - 0.1)
    if not TASK_CATEGORIES[req.task_type]:
        weights.update(quality=0.0, cost=0.6, latency=0.3, fit=0.1)
    return weights


def pareto_front(points: Sequence[tuple[str, float, float]]) -> set[str]:
    """Keys of points (key, quality, cost) not dominated by another (higher-or-equal quality, lower-or-equal cost)."""
    front: set[str] = set()
    for key, q, c in points:
        dominated = any((q2 >= q and c2 <= c) and (q2 > q or c2 < c) for k2, q2, c2 in points if k2 != key)
        if not dominated:
            front.add(key)
    return front

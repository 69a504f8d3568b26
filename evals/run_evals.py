"""Run the scripted conversations in evals/conversations/*.yaml through the agent and score them.

Deterministic scorers only (the offline brain, an in-memory checkpointer):
  slot accuracy        expected slot values matched by the final requirements (numbers within 1%)
  turns to rec         the user turn at which the first recommendation came, median over the
                       conversations marked `states_everything` (target <= 3)
  top-pick constraints the top pick checked against the catalog itself: context, input modalities,
                       tool calling, open weights, budget, providers, self-hosting (target 100%)

    python -m evals.run_evals [--json] [--only ID]

Prints the figures and every failure; exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONVERSATIONS = Path(__file__).parent / "conversations"
TARGETS = {"slot_accuracy": 0.95, "median_turns": 3, "top_pick_ok": 1.0}


@dataclass
class Outcome:
    id: str
    slots_total: int = 0
    slots_ok: int = 0
    turns_to_recommendation: int | None = None
    states_everything: bool = False
    top_pick_checked: bool = False
    top_pick_ok: bool = True
    failures: list[str] = field(default_factory=list)


def load_conversations(directory: Path = CONVERSATIONS) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        out.extend(items)
    return out


def same_value(expected: Any, actual: Any) -> bool:
    if isinstance(expected, bool) or expected is None:
        return actual is expected or actual == expected
    if isinstance(expected, int | float) and isinstance(actual, int | float) and not isinstance(actual, bool):
        return abs(actual - expected) <= 0.01 * max(abs(expected), 1e-9)
    if isinstance(expected, list):
        return isinstance(actual, list) and sorted(map(str, expected)) == sorted(map(str, actual))
    return bool(expected == actual)


def check_top_pick(rec: Any, extra: dict[str, Any]) -> list[str]:
    """Hard constraints of the requirements (and the conversation's own) on the top pick, from the catalog."""
    from knowledge.catalog.store import load_catalog

    catalog = load_catalog()
    req = rec.requirements
    top = rec.recommendations[0]
    model = catalog.models[top.model_key]
    problems: list[str] = []
    if req.deployment.open_weights and not model.open_weights:
        problems.append(f"{top.model}: not open weights")
    if req.deployment.self_host != top.self_hosted:
        problems.append(f"{top.model}: self_hosted={top.self_hosted}, wanted {req.deployment.self_host}")
    budget = req.monthly_budget_usd
    if budget is not None and (top.monthly_cost_usd is None or top.monthly_cost_usd > budget * 1.0001):
        problems.append(f"{top.model}: ${top.monthly_cost_usd}/month over the ${budget} budget")
    if top.offering_id is not None:
        off = catalog.offerings[top.offering_id]
        if off.context < req.needed_context:
            problems.append(f"{top.offering_id}: context {off.context} < {req.needed_context}")
        missing = set(req.input_modalities) - set(off.input_modalities)
        if missing:
            problems.append(f"{top.offering_id}: no {sorted(missing)} input")
        if req.needs.tool_calling and not off.tool_calling:
            problems.append(f"{top.offering_id}: no tool calling")
        allowed = set(req.deployment.providers_allowed)
        if allowed and off.provider not in allowed:
            problems.append(f"{top.offering_id}: provider {off.provider} not in {sorted(allowed)}")
    if "self_hosted" in extra and extra["self_hosted"] != top.self_hosted:
        problems.append(
            f"{top.model}: self_hosted={top.self_hosted}, conversation wants {extra['self_hosted']}"
        )
    if "providers" in extra and (top.provider or "") not in extra["providers"]:
        problems.append(f"{top.model}: provider {top.provider} not in {extra['providers']}")
    return problems


async def run_one(conv: dict[str, Any], retriever: Any) -> Outcome:
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.nodes.understanding import OfflineBrain
    from agent.service import Advisor
    from agent.settings import Settings

    out = Outcome(conv["id"], states_everything=bool(conv.get("states_everything")))
    thread = conv["id"]
    async with Advisor(
        Settings(), brain=OfflineBrain(), retriever=retriever, checkpointer=InMemorySaver()
    ) as adv:
        for i, message in enumerate(conv["turns"], 1):
            reply = await adv.send(thread, str(message))
            if reply.stage == "recommended" and out.turns_to_recommendation is None:
                out.turns_to_recommendation = i
        state = await adv.state(thread)
        rec = await adv.recommendation(thread)
    for path, expected in (conv.get("expect") or {}).items():
        out.slots_total += 1
        slot = state.slots.get(path)
        if slot is not None and same_value(expected, slot["value"]):
            out.slots_ok += 1
        else:
            out.failures.append(
                f"slot {path}: expected {expected!r}, got {slot['value'] if slot else '(missing)'!r}"
            )
    for path, prov in (conv.get("provenance") or {}).items():
        slot = state.slots.get(path)
        if slot is None or slot["provenance"] != prov:
            out.failures.append(f"provenance {path}: expected {prov}, got {slot and slot['provenance']}")
    transcript = "\n".join(m["content"] for m in state.messages)
    for needle in conv.get("reply_contains", []):
        if needle not in transcript:
            out.failures.append(f"transcript lacks {needle!r}")
    if state.stage != "recommended" or rec is None:
        out.failures.append(f"no recommendation (stage {state.stage})")
        out.top_pick_ok = False
    elif conv.get("no_candidates"):
        if rec.recommendations:
            out.failures.append("expected no candidates")
            out.top_pick_ok = False
    elif not rec.recommendations:
        out.failures.append("no candidates")
        out.top_pick_ok = False
    else:
        out.top_pick_checked = True
        problems = check_top_pick(rec, conv.get("top_pick") or {})
        out.top_pick_ok = not problems
        out.failures.extend(f"top pick: {p}" for p in problems)
    return out


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    total = sum(o.slots_total for o in outcomes)
    ok = sum(o.slots_ok for o in outcomes)
    full = [o.turns_to_recommendation for o in outcomes if o.states_everything]
    return {
        "conversations": len(outcomes),
        "slot_accuracy": ok / total if total else 1.0,
        "slots": f"{ok}/{total}",
        "median_turns_states_everything": statistics.median([t or 99 for t in full]) if full else None,
        "median_turns_all": statistics.median([o.turns_to_recommendation or 99 for o in outcomes]),
        "top_pick_ok": sum(o.top_pick_ok for o in outcomes) / len(outcomes) if outcomes else 1.0,
        "recommended": sum(o.turns_to_recommendation is not None for o in outcomes),
        "failures": {o.id: o.failures for o in outcomes if o.failures},
    }


def meets_targets(summary: dict[str, Any]) -> bool:
    return (
        summary["slot_accuracy"] >= TARGETS["slot_accuracy"]
        and (summary["median_turns_states_everything"] or 0) <= TARGETS["median_turns"]
        and summary["top_pick_ok"] >= TARGETS["top_pick_ok"]
    )


async def run_all(
    only: str | None = None, *, knowledge_base: bool = True
) -> tuple[dict[str, Any], list[Outcome]]:
    """Run the suite; without `knowledge_base`, side questions get "not found" (scores are unaffected)."""
    from agent.graph import default_retriever

    retriever = default_retriever() if knowledge_base else None
    convs = [c for c in load_conversations() if only is None or c["id"] == only]
    outcomes = [await run_one(c, retriever) for c in convs]
    summary = summarize(outcomes)
    summary["config"] = {"brain": "offline", "retriever": type(retriever).__name__ if retriever else None}
    return summary, outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only")
    parser.add_argument("--no-kb", action="store_true", help="Skip the knowledge base (no index needed).")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    summary, outcomes = asyncio.run(run_all(args.only, knowledge_base=not args.no_kb))
    summary["seconds"] = round(time.perf_counter() - start, 1)
    if args.json:
        print(
            json.dumps(
                {"summary": summary, "outcomes": [asdict(o) for o in outcomes]}, ensure_ascii=False, indent=2
            )
        )
    else:
        print(
            f"conversations:          {summary['conversations']} ({summary['recommended']} reached a recommendation)"
        )
        print(f"slot accuracy:          {summary['slot_accuracy']:.1%} ({summary['slots']})")
        print(f"median turns to rec:    {summary['median_turns_states_everything']} (states everything), "
              f"{summary['median_turns_all']} (all)")  # fmt: skip
        print(f"top pick constraints:   {summary['top_pick_ok']:.0%}")
        print(f"config:                 {summary['config']}  ({summary['seconds']} s)")
        for cid, fails in summary["failures"].items():
            print(f"FAIL {cid}:")
            for f in fails:
                print(f"    {f}")
    return 0 if meets_targets(summary) else 1


if __name__ == "__main__":
    sys.exit(main())

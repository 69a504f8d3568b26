"""Time per turn of the agent on the offline brain (no model time), p50/p95.

Interview turns (understand -> decide -> ask) are timed separately from recommendation turns
(which run the decision core over the whole catalog, ~0.3-2 s depending on the machine; the agent
runs it once the facts that change the answer are known, or when they change, and caches it by
requirements). The catalog load is excluded (warmed once before timing).

    python -m benchmarks.bench_agent [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.nodes.understanding import OfflineBrain
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.knowledge.catalog.store import load_catalog

SCRIPTS = [
    ["hi", "we want a chatbot for customer support", "About 1,000 a day", "$1,000 a month", "Within 5 seconds",
     "Any cloud API is fine", "yes", "actually the budget is $200"],
    ["每天大约两万条工单需要分类，每月预算不超过300美元，2秒内返回", "任何云端API都可以", "对", "我们必须本地部署"],
    ["we extract data from invoices, 1k a day", "not sure", "within 10 seconds", "cloud is fine", "asdfgh", "yes"],
]  # fmt: skip


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(rounds: int) -> dict[str, list[float]]:
    load_catalog()
    times: dict[str, list[float]] = {"interview": [], "recommend": []}
    async with Advisor(Settings(), brain=OfflineBrain(), retriever=None, checkpointer=InMemorySaver()) as adv:
        for r in range(rounds):
            for i, script in enumerate(SCRIPTS):
                thread = f"bench-{r}-{i}"
                for message in script:
                    start = time.perf_counter()
                    reply = await adv.send(thread, message)
                    elapsed = (time.perf_counter() - start) * 1000
                    kind = (
                        "recommend"
                        if any(type(e).__name__ == "ReportReady" for e in reply.events)
                        else "interview"
                    )
                    times[kind].append(elapsed)
    return times


def long_messages(rounds: int) -> list[float]:
    """Milliseconds to understand a message of the full allowed length (pastes, garbage, mixed
    scripts): the target is under 2 s each on 2 cores (tests/brain/test_robustness.py only guards
    against a hang, being a test on a shared machine)."""
    from tests.brain.test_robustness import HUGE
    from whichmodel.agent.brain import understand
    from whichmodel.agent.brain.meaning import warm
    from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS

    warm()
    times = []
    for _ in range(rounds):
        for message in HUGE:
            start = time.perf_counter()
            understand(message[:MAX_MESSAGE_CHARS], expecting="budget.monthly_usd", options=("a", "b"))
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    times = asyncio.run(run(args.rounds))
    times["long message"] = long_messages(max(1, args.rounds // 2))
    for kind, values in times.items():
        if values:
            print(f"{kind:12s} turns={len(values):4d}  p50={statistics.median(values):7.1f} ms  "
                  f"p95={pct(values, 0.95):7.1f} ms  max={max(values):7.1f} ms")  # fmt: skip
    print(
        "(offline brain, in-memory checkpointer; recommend turns include the decision core and report rendering)"
    )


if __name__ == "__main__":
    main()

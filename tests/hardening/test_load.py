"""Load: 50 concurrent conversations through the agent API on the offline brain, one real SQLite
checkpointer; every one reaches its own recommendation and no state is mixed between threads.

Two arrival patterns, both printed: a burst (all 50 start together and answer at once: every
turn's CPU queues on one event loop, so p95 is about the whole burst's CPU time) and paced
arrivals (spread over 10 s, 2 s to read each reply, closer to people typing). The figures are
printed, not asserted: timing belongs to benchmarks (benchmarks/bench_load.py)."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

import pytest

from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings

CONVERSATIONS = 50


def script(i: int) -> tuple[list[str], int, int]:
    """A distinct conversation: (turns, budget, requests per day), so any mixing is visible."""
    budget = 100 + 10 * i
    per_day = 1000 + 100 * i
    if i % 2:
        opening = f"我们每天大约{per_day}条客服工单，需要分类，每月预算不超过{budget}美元，2秒内返回"
        return [opening, "对", "对"], budget, per_day
    opening = (
        f"We classify ~{per_day} support tickets a day, budget ${budget}/month, answers within 2 seconds"
    )
    return [opening, "yes", "yes"], budget, per_day


async def converse_all(advisor: Advisor, spread_s: float, think_s: float) -> tuple[list[float], float]:
    """Run the 50 scripted conversations concurrently: arrivals spread over `spread_s` seconds,
    `think_s` seconds between a reply and the next message. Returns (seconds per turn, wall seconds).
    """
    turn_seconds: list[float] = []

    async def converse(i: int) -> None:
        await asyncio.sleep(spread_s * i / CONVERSATIONS)
        turns, _, _ = script(i)
        for n, text in enumerate(turns):
            if n:
                await asyncio.sleep(think_s)
            start = time.perf_counter()
            await advisor.send(f"user-{i}", text)
            turn_seconds.append(time.perf_counter() - start)

    wall = time.perf_counter()
    await asyncio.gather(*(converse(i) for i in range(CONVERSATIONS)))
    return turn_seconds, time.perf_counter() - wall


def percentile(values: list[float], q: float) -> float:
    """The value at int(q * (n - 1)) of the sorted values (no interpolation)."""
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


@pytest.mark.parametrize(
    ("scenario", "spread_s", "think_s"),
    [("burst", 0.0, 0.0), ("paced", 10.0, 2.0)],
    ids=["burst: all 50 at once, no pause between turns", "paced: arrivals over 10 s, 2 s between turns"],
)
async def test_fifty_concurrent_conversations_complete_unmixed(
    tmp_path: Path, figures, scenario: str, spread_s: float, think_s: float
) -> None:
    settings = Settings.load(brain="offline", db_path=tmp_path / "chat.sqlite")

    async with Advisor(settings, retriever=None, probes=None) as advisor:
        turn_seconds, wall = await converse_all(advisor, spread_s, think_s)

        for i in range(CONVERSATIONS):
            turns, budget, per_day = script(i)
            state = await advisor.state(f"user-{i}")
            assert state.stage == "recommended", (i, state.messages[-1])
            assert state.recommendation is not None
            assert state.requirements["budget"]["monthly_usd"] == budget
            assert state.requirements["volume"]["requests_per_month"] == per_day * 30
            assert [m["content"] for m in state.messages if m["role"] == "user"] == turns
            assert state.language == ("zh" if i % 2 else "en")

    p95 = percentile(turn_seconds, 0.95)
    group = f"load, {scenario}"
    figures.add(group, "conversations (concurrent, offline brain)", str(CONVERSATIONS))
    figures.add(group, "turns", str(len(turn_seconds)))
    figures.add(group, "p50 per turn", f"{statistics.median(turn_seconds) * 1000:.0f} ms")
    figures.add(group, "p95 per turn (target < 500 ms)", f"{p95 * 1000:.0f} ms")
    figures.add(group, "wall time", f"{wall:.1f} s")

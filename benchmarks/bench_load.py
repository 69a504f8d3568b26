"""Load: turn latency of 50 concurrent conversations on the offline brain, and the decision core's time.

Three figures, each the median of `--repeats` runs:

- burst: the load test's 50 conversations (tests/hardening/test_load.py) all started at once
  through one `Advisor` with a SQLite checkpointer: p50/p95 per turn and wall time. In one Python
  process every turn's CPU is serialised, so the burst's p95 is about the whole burst's CPU;
- paced: the same 50 conversations with arrivals spread over `--spread` seconds and `--think`
  seconds between a reply and the next message (people reading): p50/p95 per turn;
- core: `recommend()` per call for the load test's requirements (distinct budgets and volumes) and
  for examples/*.yaml, and the CPU of an interview and a recommendation turn.

`--baseline DIR` runs the same benchmark on another checkout (e.g. the commit before the
optimisation, unpacked with `git archive <commit> | tar -x -C DIR`) in a subprocess and prints the
ratios.

    python -m benchmarks.bench_load [--repeats 3] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CONVERSATIONS = 50


def forget_recommendations() -> None:
    """Empty the agent's per-requirements recommendation cache, so that every scenario computes its
    own recommendations (the catalog and its index stay loaded, as in a running server)."""
    from whichmodel.agent import tools

    tools._CACHE.clear()


async def conversations(spread: float, think: float) -> dict[str, float]:
    """Run the 50 conversations; arrivals spread over `spread` s, `think` s between turns."""
    from tests.hardening.test_load import converse_all, percentile
    from whichmodel.agent.service import Advisor
    from whichmodel.agent.settings import Settings

    forget_recommendations()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(brain="offline", db_path=Path(tmp) / "chat.sqlite")
        async with Advisor(settings, retriever=None, probes=None) as advisor:
            turn_seconds, wall = await converse_all(advisor, spread, think)
    return {
        "p50_ms": statistics.median(turn_seconds) * 1000,
        "p95_ms": percentile(turn_seconds, 0.95) * 1000,
        "wall_s": wall,
    }


async def turn_cpu() -> dict[str, float]:
    """CPU (all threads) of an interview turn and of a recommendation turn, one conversation at a time."""
    from tests.hardening.test_load import script
    from whichmodel.agent.service import Advisor
    from whichmodel.agent.settings import Settings

    forget_recommendations()
    interview: list[float] = []
    recommend: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(brain="offline", db_path=Path(tmp) / "chat.sqlite")
        async with Advisor(settings, retriever=None, probes=None) as advisor:
            for text in script(0)[0]:  # warm-up: catalog, index, first static pass
                await advisor.send("warm", text)
            for i in range(2, 22):
                turns = script(i)[0]
                for k, text in enumerate(turns):
                    start = time.process_time()
                    await advisor.send(f"cpu-{i}", text)
                    (recommend if k == len(turns) - 1 else interview).append(time.process_time() - start)
    return {
        "interview_turn_cpu_ms": statistics.median(interview) * 1000,
        "recommend_turn_cpu_ms": statistics.median(recommend) * 1000,
    }


def core() -> dict[str, float]:
    """Median ms per `recommend()` call: the load test's requirements (after one warm-up call), and
    the examples the first time (cold: a new filter pass each) and the second time (warm)."""
    import yaml

    from tests.hardening.test_load import script
    from whichmodel.knowledge.catalog.store import load_catalog
    from whichmodel.tools.decision import parse_requirements, recommend

    catalog = load_catalog()
    load_reqs = []
    for i in range(CONVERSATIONS):
        _, budget, per_day = script(i)
        raw = {
            "use_case": f"load {i}",
            "task_type": "classification",
            "languages": ["zh" if i % 2 else "en"],
            "budget": {"monthly_usd": budget},
            "latency": {"p95_seconds": 2.0},
            "volume": {"requests_per_month": per_day * 30},
        }
        load_reqs.append(parse_requirements(raw))
    examples = [
        parse_requirements(yaml.safe_load(p.read_text(encoding="utf-8")))
        for p in sorted((ROOT / "examples").glob("*.yaml"))
    ]
    recommend(load_reqs[0], catalog)  # warm-up
    out: dict[str, float] = {}
    runs = (
        ("core_load_ms", load_reqs),
        ("core_examples_cold_ms", examples),
        ("core_examples_warm_ms", examples),
    )
    for name, reqs in runs:
        times = []
        for req in reqs:
            start = time.perf_counter()
            recommend(req, catalog)
            times.append(time.perf_counter() - start)
        out[name] = statistics.median(times) * 1000
    return out


def measure(repeats: int, spread: float, think: float) -> dict[str, float]:
    from whichmodel.knowledge.catalog.store import load_catalog

    load_catalog()
    runs: list[dict[str, float]] = []
    for _ in range(repeats):
        run: dict[str, float] = {}
        run.update({f"burst_{k}": v for k, v in asyncio.run(conversations(0.0, 0.0)).items()})
        run.update({f"paced_{k}": v for k, v in asyncio.run(conversations(spread, think)).items()})
        run.update(asyncio.run(turn_cpu()))
        run.update(core())
        runs.append(run)
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def baseline(directory: Path, args: argparse.Namespace) -> dict[str, float]:
    """The same measurement on another checkout, in a fresh interpreter that imports its code."""
    env = {**os.environ, "PYTHONPATH": str(directory)}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--json", "--repeats", str(args.repeats),
           "--spread", str(args.spread), "--think", str(args.think)]  # fmt: skip
    out = subprocess.run(cmd, cwd=directory, env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


LABELS = {
    "burst_p50_ms": "burst: p50 per turn (ms)",
    "burst_p95_ms": "burst: p95 per turn (ms)",
    "burst_wall_s": "burst: wall time (s)",
    "paced_p50_ms": "paced: p50 per turn (ms)",
    "paced_p95_ms": "paced: p95 per turn (ms)",
    "paced_wall_s": "paced: wall time (s)",
    "interview_turn_cpu_ms": "CPU per interview turn (ms)",
    "recommend_turn_cpu_ms": "CPU per recommendation turn (ms)",
    "core_load_ms": "recommend(), load-test requirements (ms)",
    "core_examples_cold_ms": "recommend(), examples/*.yaml, first call (ms)",
    "core_examples_warm_ms": "recommend(), examples/*.yaml, again (ms)",
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--spread", type=float, default=10.0, help="paced: arrivals over this many seconds")
    parser.add_argument("--think", type=float, default=2.0, help="paced: seconds between turns")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args()
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # after PYTHONPATH: a --baseline run imports its own code
    after = measure(args.repeats, args.spread, args.think)
    if args.json:
        print(json.dumps(after))
        return
    before: dict[str, Any] | None = baseline(args.baseline, args) if args.baseline else None
    print(f"{CONVERSATIONS} conversations x 3 turns, offline brain, SQLite; median of {args.repeats} runs")
    print(f"paced: arrivals over {args.spread:g} s, {args.think:g} s between turns")
    for key, label in LABELS.items():
        line = f"  {label:45s} {after[key]:10.1f}"
        if before is not None and key in before:
            line += f"   before {before[key]:10.1f}   ratio {before[key] / after[key]:6.1f}x"
        print(line)


if __name__ == "__main__":
    main()

"""Benchmark the foundation: catalog load, recommend over the whole catalog, index build, retrieval.

Prints medians (and p95 where it matters) over repeated runs; these machines are noisy, so compare
medians, not single runs. Targets from the foundation issue: recommend under 1 s warm.

    python benchmarks/bench_core.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _cold_catalog_load() -> float:
    code = (
        "import time; t=time.perf_counter();"
        "from whichmodel.knowledge.catalog.store import load_catalog; load_catalog();"
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-index", action="store_true", help="skip the index build and retrieval")
    args = parser.parse_args()

    from whichmodel.knowledge.catalog.store import load_catalog
    from whichmodel.tools.decision import load_requirements_file, recommend

    loads = [_cold_catalog_load() for _ in range(args.repeat)]
    print(
        f"catalog load (cold process, incl. imports): median {statistics.median(loads) * 1000:.0f} ms "
        f"over {len(loads)} runs"
    )
    catalog = load_catalog()
    print(
        f"catalog: {len(catalog.offerings):,} offerings, {len(catalog.models):,} models, "
        f"{sum(1 for m in catalog.models.values() if m.ratings):,} rated"
    )

    from whichmodel.tools.decision.whynot import why_not

    for example in sorted((ROOT / "examples").glob("*.yaml")):
        req, raw = load_requirements_file(example)
        t = time.perf_counter()
        recommend(req, catalog, raw=raw)  # first call for these requirements: builds the static pass
        first = time.perf_counter() - t
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            recommend(req, catalog, raw=raw)
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        why_not(req, catalog, "gpt-4o")
        whynot = time.perf_counter() - t
        print(
            f"recommend {example.stem:<28} warm median {statistics.median(times) * 1000:6.0f} ms, "
            f"max {max(times) * 1000:6.0f} ms (target < 1000 ms); first call {first * 1000:6.0f} ms; "
            f"why_not {whynot * 1000:5.0f} ms"
        )

    if args.no_index:
        return

    try:
        from whichmodel.knowledge.index import build_index
        from whichmodel.knowledge.retrieval import Retriever
    except ImportError as exc:  # pragma: no cover - reported, not hidden
        print(f"index/retrieval not benchmarked: {exc}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build_index(catalog, path=Path(tmp), force=True)
        print(
            f"index build (framework passages + {len(catalog.models):,} model cards): "
            f"{time.perf_counter() - t:.1f} s"
        )
        retriever = Retriever.open(Path(tmp))
        queries = [
            "what is RAG",
            "when should I fine-tune",
            "什么时候需要微调",
            "accuracy first then cost",
            "open source vs proprietary",
            "开源模型和专有模型的区别",
            "how to build an eval set",
            "self-hosting costs",
            "small models latency",
            "distillation",
        ] * 5
        lat = []
        for q in queries:
            t = time.perf_counter()
            retriever.search_framework(q, k=4)
            lat.append(time.perf_counter() - t)
        lat.sort()
        p95 = lat[int(0.95 * (len(lat) - 1))]
        print(
            f"retrieval latency over {len(lat)} queries: p50 {statistics.median(lat) * 1000:.1f} ms, "
            f"p95 {p95 * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()

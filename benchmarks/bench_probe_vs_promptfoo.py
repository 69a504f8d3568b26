"""Side-by-side benchmark: WhichModel's probe engine vs promptfoo vs a bare httpx client.

Same examples, same local server (SmolLM2-135M on xllamacpp, loopback), same concurrency, same
generation parameters (temperature 0, seed 0, the set's max_tokens). Reports:

- wall time of each (WhichModel in-process engine and CLI subprocess; promptfoo via ``npx``,
  which includes Node start-up; the bare client) and the ratio WhichModel / promptfoo;
- per-model accuracy: WhichModel's, and WhichModel's scorers applied to promptfoo's outputs (same
  outputs give the same accuracy), plus promptfoo's own pass rate with an ``icontains`` assertion;
- WhichModel's overhead per request against the bare client (streaming, no scoring, no retries).

promptfoo must be installed beforehand (``npm install promptfoo`` in a directory passed as
``--promptfoo-dir``); nothing is downloaded here. Usage::

    python benchmarks/bench_probe_vs_promptfoo.py --promptfoo-dir /tmp/pf --sample sentiment-en -j 4
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

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whichmodel.tools.probes.dataset import ProbeSet, load_sample
from whichmodel.tools.probes.endpoints import Endpoint
from whichmodel.tools.probes.engine import ProbeSettings, build_messages, request_params, run_probe
from whichmodel.tools.probes.local_server import LocalModelServer
from whichmodel.tools.probes.scorers import score


async def bare_client(
    base_url: str, model: str, probe_set: ProbeSet, params: dict[str, Any], concurrency: int
) -> float:
    """The floor: stream every request with a semaphore and nothing else. Returns wall seconds."""
    semaphore = asyncio.Semaphore(concurrency)

    async def one(client: httpx.AsyncClient, messages: list[dict[str, str]]) -> None:
        body = {
            "model": model,
            "messages": messages,
            "stream": True,
            "stream_options": {"include_usage": True},
            **params,
        }
        async with semaphore, client.stream("POST", f"{base_url}/chat/completions", json=body) as response:
            # Stop at [DONE] like the engine does: llama.cpp's server drops a keep-alive connection
            # reused after a fully drained stream ("Server disconnected without sending a response").
            async for line in response.aiter_lines():
                if line.strip() == "data: [DONE]":
                    break

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=120) as client:
        await asyncio.gather(*(one(client, build_messages(probe_set, e)) for e in probe_set.examples))
    return time.perf_counter() - started


def promptfoo_run(
    pf_dir: Path,
    base_url: str,
    alias: str,
    probe_set: ProbeSet,
    params: dict[str, Any],
    concurrency: int,
    work: Path,
) -> tuple[float, list[str], float]:
    """Run promptfoo on the same examples; returns (wall seconds, outputs in example order, its pass rate)."""
    messages = [
        *build_messages(probe_set, probe_set.examples[0])[:-1],
        {"role": "user", "content": "{{input}}"},
    ]
    config = {
        "description": f"whichmodel bench {probe_set.name}",
        "prompts": [json.dumps(messages, ensure_ascii=False)],
        "providers": [
            {
                "id": f"openai:chat:{alias}",
                "config": {
                    "apiBaseUrl": base_url,
                    "apiKey": "x",
                    "temperature": params["temperature"],
                    "max_tokens": params["max_tokens"],
                    "seed": params.get("seed", 0),
                },
            }
        ],
        "tests": [
            {"vars": {"input": e.input, "idx": i}, "assert": [{"type": "icontains", "value": e.expected}]}
            for i, e in enumerate(probe_set.examples)
        ],
    }
    config_path, out_path = work / "promptfooconfig.yaml", work / "promptfoo-out.json"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {
        **os.environ,
        "PROMPTFOO_DISABLE_TELEMETRY": "1",
        "PROMPTFOO_DISABLE_UPDATE": "1",
        "PROMPTFOO_DISABLE_SHARING": "1",
        "PROMPTFOO_CONFIG_DIR": str(work / ".promptfoo"),
    }
    command = [
        "npx",
        "--no-install",
        "promptfoo",
        "eval",
        "-c",
        str(config_path),
        "--no-cache",
        "-j",
        str(concurrency),
        "-o",
        str(out_path),
        "--no-progress-bar",
        "--no-table",
    ]
    started = time.perf_counter()
    proc = subprocess.run(command, cwd=pf_dir, env=env, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 100):  # 100: some assertions failed, which is expected
        raise RuntimeError(f"promptfoo failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(out_path.read_text(encoding="utf-8"))
    rows = data["results"]["results"]
    outputs = [""] * len(probe_set.examples)
    passed = 0
    for row in rows:
        idx = int(row["vars"]["idx"])
        outputs[idx] = (row.get("response") or {}).get("output") or ""
        passed += 1 if row.get("success") else 0
    return wall, outputs, passed / len(rows)


def whichmodel_cli(base_url: str, alias: str, sample: str, concurrency: int, work: Path, run: int) -> float:
    """The CLI as a user runs it (a fresh Python process), pointed at the same server.

    Each run writes a fresh ``--out`` (an existing one would be resumed, making the run free).
    """
    env = {
        **os.environ,
        "WHICHMODEL_ENDPOINT_BENCH_BASE_URL": base_url,
        "WHICHMODEL_ENDPOINT_BENCH_MODEL": alias,
    }
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "whichmodel.tools.probes.cli",
            "probe",
            "--sample",
            sample,
            "--models",
            "bench",
            "--json",
            "--concurrency",
            str(concurrency),
            "--out",
            str(work / f"wm-{run}.json"),
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        check=True,
        capture_output=True,
        timeout=900,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--promptfoo-dir", type=Path, required=True, help="Directory where promptfoo is npm-installed."
    )
    parser.add_argument("--sample", default="sentiment-en")
    parser.add_argument("-j", "--concurrency", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2, help="Alternating rounds; medians are reported.")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    probe_set = load_sample(args.sample)
    settings = ProbeSettings(concurrency=args.concurrency, timeout_s=300)
    params = request_params(probe_set, settings)
    n = len(probe_set.examples)
    with (
        LocalModelServer("smollm2-135m", n_parallel=args.concurrency) as server,
        tempfile.TemporaryDirectory() as tmp,
    ):
        work = Path(tmp)
        endpoint = Endpoint(
            id="local:smollm2-135m", provider="local", model=server.alias, base_url=server.base_url
        )
        asyncio.run(
            bare_client(
                server.base_url, server.alias, probe_set.head(args.concurrency), params, args.concurrency
            )
        )  # warm-up
        walls: dict[str, list[float]] = {"bare": [], "engine": [], "cli": [], "promptfoo": []}
        engine_acc: list[float] = []
        pf_acc_ours: list[float] = []
        pf_own: list[float] = []
        for run in range(args.rounds):
            walls["bare"].append(
                asyncio.run(bare_client(server.base_url, server.alias, probe_set, params, args.concurrency))
            )
            started = time.perf_counter()
            result = asyncio.run(run_probe(probe_set, [endpoint], settings))
            walls["engine"].append(time.perf_counter() - started)
            engine_acc.append(result.summary["models"][0]["accuracy"])
            walls["cli"].append(
                whichmodel_cli(server.base_url, server.alias, args.sample, args.concurrency, work, run)
            )
            wall, outputs, own = promptfoo_run(
                args.promptfoo_dir, server.base_url, server.alias, probe_set, params, args.concurrency, work
            )
            walls["promptfoo"].append(wall)
            labels = probe_set.label_choices()
            correct = sum(
                bool(score(o, e.expected, e.scorer, e.labels or labels).passed)
                for o, e in zip(outputs, probe_set.examples, strict=True)
            )
            pf_acc_ours.append(correct / n)
            pf_own.append(own)
        med = {k: statistics.median(v) for k, v in walls.items()}
        report = {
            "sample": args.sample,
            "n_examples": n,
            "concurrency": args.concurrency,
            "rounds": args.rounds,
            "server_start_s": server.start_seconds,
            "params": params,
            "wall_s_median": med,
            "wall_s_all": walls,
            "ratio_engine_to_promptfoo": med["engine"] / med["promptfoo"],
            "ratio_cli_to_promptfoo": med["cli"] / med["promptfoo"],
            "overhead_per_request_ms_vs_bare": (med["engine"] - med["bare"]) / n * 1000,
            "accuracy": {
                "whichmodel": engine_acc,
                "whichmodel_scorers_on_promptfoo_outputs": pf_acc_ours,
                "promptfoo_icontains_pass_rate": pf_own,
            },
            "load_average": os.getloadavg(),
        }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

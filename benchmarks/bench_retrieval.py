"""Benchmark the offline retrieval stack: embedder throughput, index build, query latency, recall.

Run: ``python benchmarks/bench_retrieval.py [--repeats 3] [--cards N]``. Builds into a temporary
directory (never the user's index). Prints medians over repeats, not single runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import chromadb
from chromadb.config import Settings

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.embeddings import MiniLMEmbedder, MiniLMEmbeddingFunction
from whichmodel.knowledge.framework import load_passages
from whichmodel.knowledge.index import build_index, model_card_records
from whichmodel.knowledge.retrieval import Retriever

FRAMEWORK_QUERIES = [
    "what is RAG", "when should I fine-tune", "什么时候需要微调", "accuracy first then cost",
    "开源模型和专有模型的区别", "how do I test models on my own data", "should we self-host or use a managed API",
    "is a small model good enough", "embedding model for semantic search", "嵌入模型是什么",
    "do public benchmarks tell me which model is best", "base model or instruct model",
    "licence terms of open-weights models", "蒸馏", "从零训练一个模型", "monitoring a deployed model",
    "how to cut latency", "降低成本的方法", "domain specific models for medicine", "worked example of choosing a model",
    "multimodal model for images", "provider choice for the same model", "prompt engineering with few-shot examples",
    "怎么评估模型",
]  # fmt: skip
MODEL_QUERIES = [
    ("cheap open weights model with tool calling", {"open_weights": True, "tool_calling": True}),
    ("qwen3 32b", None), ("gpt-4o", None), ("long context model for documents", {"context": {"$gte": 200_000}}),
    ("vision model", {"input_image": True}), ("reasoning model for math", {"reasoning": True}),
    ("small fast model", {"$and": [{"params_total_b": {"$gte": 0}}, {"params_total_b": {"$lte": 10}}]}),
    ("claude sonnet", None), ("deepseek", None), ("Chinese language model", None), ("llama 3.1 8b", None),
    ("mistral", {"open_weights": True}), ("coding assistant", None), ("embedding", None),
    ("cheapest model under one dollar", {"$and": [{"min_input_price": {"$gte": 0}}, {"min_input_price": {"$lte": 1}}]}),
    ("gemini", None), ("中文模型", None), ("open source model from meta", {"maker": "meta"}),
    ("model with audio input", None), ("best overall model", None), ("grok", None), ("kimi k2", None),
    ("glm", None), ("phi small model", None), ("o3 reasoning", None), ("structured output", None),
]  # fmt: skip
SAMPLE_DOCS = [
    "Retrieval-augmented generation fetches relevant chunks of your documents and adds them to the prompt.",
    "Fine-tuning adapts a model's weights with labelled examples to fix behaviour and output format.",
    "检索增强生成从向量数据库中取出相关片段放进提示词。",
    "Qwen3 32B by alibaba. Open weights, 32B parameters. Context 131k tokens; tool calling; reasoning.",
] * 64


def _client(path: Path) -> chromadb.api.ClientAPI:
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))


def _fmt(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}s (min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3, help="repeats for throughput and latency")
    parser.add_argument("--build-repeats", type=int, default=2, help="full index builds (slow: minutes each)")
    parser.add_argument("--cards", type=int, default=0, help="limit the number of model cards (0: all)")
    args = parser.parse_args()

    embedder = MiniLMEmbedder()
    ef = MiniLMEmbeddingFunction(embedder)
    tokens = sum(sum(e.attention_mask) for e in embedder._tokenizer.encode_batch(SAMPLE_DOCS)) / len(
        SAMPLE_DOCS
    )
    embedder.embed(SAMPLE_DOCS[:8])  # warm-up
    rates = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        embedder.embed(SAMPLE_DOCS)
        rates.append(len(SAMPLE_DOCS) / (time.perf_counter() - started))
    print(
        f"embedder: median {statistics.median(rates):.1f} docs/s ({len(SAMPLE_DOCS)} docs, ~{tokens:.0f} tokens each)"
    )

    try:
        from whichmodel.knowledge.catalog.store import load_catalog

        catalog = load_catalog()
    except (ImportError, FileNotFoundError) as exc:
        print(f"no catalog snapshot ({exc}); model cards skipped")
        catalog = Catalog(built_at=date.today(), sources=(), models={}, offerings={})  # noqa: DTZ011
    if args.cards:
        keys = sorted(catalog.models)[: args.cards]
        catalog = catalog.model_copy(update={"models": {k: catalog.models[k] for k in keys}})
    passages = load_passages()
    cards = model_card_records(catalog)
    card_tokens = sum(
        sum(e.attention_mask) for e in embedder._tokenizer.encode_batch([c.document for c in cards])
    )
    print(
        f"corpus: {len(passages)} framework passages, {len(cards)} model cards (~{card_tokens} card tokens)"
    )

    builds, noop = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.build_repeats):
            path = Path(tmp) / f"index-{i}"
            stats = build_index(catalog, client=_client(path), passages=passages, embedding_function=ef)
            builds.append(stats.seconds)
            noop.append(
                build_index(catalog, client=_client(path), passages=passages, embedding_function=ef).seconds
            )
        print(
            f"index build (framework {stats.framework_chunks} chunks + {stats.model_cards} cards): {_fmt(builds)}"
        )
        print(f"index up-to-date check: {_fmt(noop)}")

        retriever = Retriever(_client(Path(tmp) / "index-0"), passages=passages, embedder=embedder)
        retriever.search_framework("warm up")
        for label, queries in (("framework", FRAMEWORK_QUERIES), ("models", MODEL_QUERIES)):
            latencies: list[float] = []
            for _ in range(args.repeats):
                for q in queries:
                    started = time.perf_counter()
                    if isinstance(q, str):
                        retriever.search_framework(q, k=4)
                    else:
                        retriever.search_models(q[0], k=10, where=q[1])
                    latencies.append(time.perf_counter() - started)
            latencies.sort()
            p50 = latencies[len(latencies) // 2] * 1000
            p95 = latencies[int(len(latencies) * 0.95)] * 1000
            print(f"search_{label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms over {len(latencies)} queries")

        print("\nsample model results:")
        for q, w in MODEL_QUERIES[:6]:
            print(f"  {q!r} {w or ''}: " + ", ".join(h.key for h in retriever.search_models(q, k=5, where=w)))


if __name__ == "__main__":
    main()

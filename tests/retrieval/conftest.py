"""Shared fixtures: one embedder per session, a network guard, small hand-built corpora."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering, PriceTier, Pricing
from whichmodel.knowledge.embeddings import MiniLMEmbedder

_LOOPBACK = ("127.0.0.1", "::1", "localhost")


@pytest.fixture(scope="session")
def embedder() -> MiniLMEmbedder:
    return MiniLMEmbedder()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Fail any connection attempt to a non-loopback address, and record it."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        if host not in _LOOPBACK:
            attempts.append(address)
            raise OSError(f"network disabled in tests: {address!r}")
        return real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    yield attempts


def new_client(path: Path) -> chromadb.api.ClientAPI:
    """A fresh PersistentClient (chroma caches systems per path: clear it to really re-open)."""
    chromadb.api.client.SharedSystemClient.clear_system_cache()
    return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))


DOC_EN = """---
id: adaptation
title: Improving results
lang: en
seeds: [001]
---
# Improving results

## Retrieval-augmented generation {#rag}
Retrieval-augmented generation fetches relevant chunks of your documents from a vector store and puts
them into the prompt, so the model can answer from fresh or private facts.

## Fine-tuning {#fine-tuning}
Fine-tuning trains the model's weights on hundreds of labelled examples to fix its behaviour, tone or
output format.

### A sub-heading stays in the section
It is part of the fine-tuning text.
"""

DOC_ZH = """---
id: adaptation
title: 改进效果
lang: zh
seeds: [001]
---
# 改进效果

## 检索增强生成 {#rag}
检索增强生成从向量数据库中取出相关的文档片段放进提示词，让模型依据最新或私有的事实回答。

## 微调 {#fine-tuning}
微调用数百条带标注的样例训练模型权重，用来纠正它的行为、语气或输出格式。
"""

DOC_EN_ONLY = """---
id: cost
title: Cost
lang: en
seeds: []
---
# Cost

Intro text before the first section.

## Cutting the bill {#cutting}
Cache prompts and batch requests to reduce the cost per call.
"""


@pytest.fixture
def framework_root(tmp_path: Path) -> Path:
    root = tmp_path / "framework"
    (root / "en").mkdir(parents=True)
    (root / "zh").mkdir()
    (root / "en" / "01-adaptation.md").write_text(DOC_EN, encoding="utf-8")
    (root / "zh" / "01-adaptation.md").write_text(DOC_ZH, encoding="utf-8")
    (root / "en" / "02-cost.md").write_text(DOC_EN_ONLY, encoding="utf-8")
    return root


def _offering(
    model: str, provider: str, price_in: float | None, price_out: float = 1.0, **kw: object
) -> Offering:
    pricing = (
        Pricing(
            tiers=(PriceTier(input=price_in, output=price_out),), source="models.dev", as_of=date(2026, 8, 18)
        )
        if price_in is not None
        else None
    )
    return Offering(
        id=f"{provider}:{model}",
        provider=provider,
        provider_name=provider.title(),
        provider_model_id=model,
        model=model,
        name=model,
        context=int(kw.get("context", 128_000)),  # type: ignore[call-overload]
        max_output=8192,
        input_modalities=("text",),
        output_modalities=("text",),
        tool_calling=True,
        reasoning=False,
        open_weights_flag=False,
        pricing=pricing,
    )


def _model(key: str, name: str, **kw: object) -> Model:
    fields: dict[str, object] = {
        "key": key,
        "name": name,
        "open_weights": False,
        "open_weights_rule": "test",
        "context": 128_000,
        "max_output": 8192,
        "input_modalities": ("text",),
        "output_modalities": ("text",),
        "tool_calling": True,
        "reasoning": False,
    }
    fields.update(kw)
    return Model(**fields)  # type: ignore[arg-type]


@pytest.fixture
def small_catalog() -> Catalog:
    """Five models with distinct traits, priced through one or two offerings."""
    offerings = [
        _offering("qwen3-32b", "groq", 0.29, 0.59),
        _offering("qwen3-32b", "freeprov", 0.0, 0.0),
        _offering("qwen3-vl-32b-instruct", "alibaba", 0.5, 1.5),
        _offering("llama-3.1-8b-instruct", "groq", 0.05, 0.08),
        _offering("gpt-4o", "openai", 2.5, 10.0),
        _offering("gemini-2.5-pro", "google", 1.25, 10.0),
    ]
    by_model: dict[str, list[str]] = {}
    for o in offerings:
        by_model.setdefault(o.model, []).append(o.id)
    models = [
        _model(
            "qwen3-32b",
            "Qwen3 32B",
            maker="alibaba",
            family="qwen",
            open_weights=True,
            licence="Apache-2.0",
            params_total_b=32.0,
            reasoning=True,
            context=131_072,
        ),
        _model(
            "qwen3-vl-32b-instruct",
            "Qwen3 VL 32B Instruct",
            maker="alibaba",
            family="qwen",
            open_weights=True,
            params_total_b=32.0,
            input_modalities=("text", "image"),
            context=262_144,
        ),
        _model(
            "llama-3.1-8b-instruct",
            "Llama 3.1 8B Instruct",
            maker="meta",
            family="llama",
            open_weights=True,
            params_total_b=8.0,
            tool_calling=False,
            context=32_768,
            description="A small, fast model for classification and extraction.",
        ),
        _model("gpt-4o", "GPT-4o", maker="openai", family="gpt", input_modalities=("text", "image", "audio")),
        _model(
            "gemini-2.5-pro",
            "Gemini 2.5 Pro",
            maker="google",
            family="gemini",
            reasoning=True,
            context=1_048_576,
            input_modalities=("text", "image", "video", "pdf"),
            description="Long-context multimodal model for documents and video.",
        ),
    ]
    return Catalog(
        built_at=date(2026, 11, 1),
        sources=(),
        models={m.key: m.model_copy(update={"offerings": tuple(sorted(by_model[m.key]))}) for m in models},
        offerings={o.id: o for o in offerings},
    )

"""Building the chroma index and searching it: idempotency, filters, language handling, recall."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.retrieval.conftest import new_client
from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.embeddings import MiniLMEmbedder, MiniLMEmbeddingFunction
from whichmodel.knowledge.framework import load_passages
from whichmodel.knowledge.index import (
    ENV_CHROMA_URL,
    ENV_INDEX_DIR,
    UNKNOWN_NUMBER,
    build_index,
    index_location,
    model_card,
)
from whichmodel.knowledge.retrieval import Retriever, RetrieverLike, detect_lang, lexical_terms

EMPTY_CATALOG = Catalog(built_at=date(2026, 11, 1), sources=(), models={}, offerings={})


@pytest.fixture
def small_index(
    tmp_path: Path,
    framework_root: Path,
    small_catalog: Catalog,
    embedder: MiniLMEmbedder,
    no_network: list[object],
) -> Retriever:
    client = new_client(tmp_path / "index")
    passages = load_passages(root=framework_root)
    ef = MiniLMEmbeddingFunction(embedder)
    stats = build_index(small_catalog, client=client, passages=passages, embedding_function=ef)
    assert stats.rebuilt == ("framework", "model_cards")
    assert (stats.framework_passages, stats.model_cards) == (6, 5)
    return Retriever(client, passages=passages, embedder=embedder)


def test_index_location_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_CHROMA_URL, raising=False)
    monkeypatch.delenv(ENV_INDEX_DIR, raising=False)
    assert index_location() == str(Path(".whichmodel") / "index")
    monkeypatch.setenv(ENV_INDEX_DIR, str(tmp_path / "env"))
    assert index_location() == str(tmp_path / "env")
    monkeypatch.setenv(ENV_CHROMA_URL, "http://127.0.0.1:8123")
    assert index_location() == "http://127.0.0.1:8123"
    assert index_location(tmp_path / "arg") == str(tmp_path / "arg")


def test_build_is_idempotent_and_notices_changes(
    tmp_path: Path, framework_root: Path, small_catalog: Catalog, embedder: MiniLMEmbedder
) -> None:
    ef = MiniLMEmbeddingFunction(embedder)
    passages = load_passages(root=framework_root)
    client = new_client(tmp_path / "index")
    assert build_index(small_catalog, client=client, passages=passages, embedding_function=ef).rebuilt
    again = build_index(
        small_catalog, client=new_client(tmp_path / "index"), passages=passages, embedding_function=ef
    )
    assert again.rebuilt == ()
    assert again.model_cards == 5
    fewer = small_catalog.model_copy(update={"models": dict(list(small_catalog.models.items())[:3])})
    changed = build_index(
        fewer, client=new_client(tmp_path / "index"), passages=passages, embedding_function=ef
    )
    assert changed.rebuilt == ("model_cards",)
    assert changed.model_cards == 3
    forced = build_index(
        fewer, client=new_client(tmp_path / "index"), passages=passages, embedding_function=ef, force=True
    )
    assert forced.rebuilt == ("framework", "model_cards")


def test_model_card_text_and_metadata_sentinels(small_catalog: Catalog) -> None:
    card = model_card(small_catalog.models["qwen3-32b"], small_catalog.offerings_of("qwen3-32b"))
    assert "Qwen3 32B" in card.document and "Open weights (Apache-2.0), 32B parameters" in card.document
    # The $0 offering is a free tier, not the cheapest paid price.
    assert card.metadata["min_input_price"] == 0.29 and card.metadata["free_offering"] is True
    gpt = model_card(small_catalog.models["gpt-4o"], small_catalog.offerings_of("gpt-4o"))
    assert gpt.metadata["params_total_b"] == UNKNOWN_NUMBER
    assert gpt.metadata["input_image"] is True and gpt.metadata["open_weights"] is False
    assert all(v is not None for v in gpt.metadata.values())


def test_model_search_with_metadata_filters(small_index: Retriever) -> None:
    retriever: RetrieverLike = small_index
    open_hits = retriever.search_models("a capable model", k=10, where={"open_weights": True})
    assert {h.key for h in open_hits} == {"qwen3-32b", "qwen3-vl-32b-instruct", "llama-3.1-8b-instruct"}
    long_hits = retriever.search_models(
        "model for long documents", k=10, where={"context": {"$gte": 200_000}}
    )
    assert {h.key for h in long_hits} == {"qwen3-vl-32b-instruct", "gemini-2.5-pro"}
    both = retriever.search_models(
        "vision", k=10, where={"$and": [{"open_weights": True}, {"input_image": True}]}
    )
    assert [h.key for h in both] == ["qwen3-vl-32b-instruct"]
    # Several top-level keys are combined with $and (chroma alone rejects them).
    implicit = retriever.search_models("vision", k=10, where={"open_weights": True, "input_image": True})
    assert [h.key for h in implicit] == ["qwen3-vl-32b-instruct"]
    priced = retriever.search_models(
        "model", k=10, where={"min_input_price": {"$gte": 0}, "maker": {"$in": ["alibaba", "meta"]}}
    )
    assert {h.key for h in priced} == {"qwen3-32b", "qwen3-vl-32b-instruct", "llama-3.1-8b-instruct"}
    assert retriever.search_models("qwen3 32b", k=3)[0].key == "qwen3-32b"
    assert retriever.search_models("Gemini 2.5 Pro", k=1)[0].key == "gemini-2.5-pro"
    video = retriever.search_models("which model understands video?", k=2)
    assert video[0].key == "gemini-2.5-pro"
    assert all(0.0 <= h.lexical <= 1.0 for h in video)
    assert retriever.search_models("   ", k=3) == []


def test_framework_search_languages_and_ids(small_index: Retriever) -> None:
    hits = small_index.search_framework("put my documents in the prompt", k=2)
    assert hits[0].passage.id == "en/adaptation#rag"
    assert len({h.passage.neutral_id for h in hits}) == len(hits)  # twins are folded together
    zh = small_index.search_framework("什么时候需要微调", k=1)
    assert zh[0].passage.id == "zh/adaptation#fine-tuning"
    assert zh[0].lexical > 0.5
    # A Chinese query can return the English twin when English is asked for, and vice versa.
    assert (
        small_index.search_framework("什么时候需要微调", k=1, lang="en")[0].passage.id
        == "en/adaptation#fine-tuning"
    )
    assert (
        small_index.search_framework("labelled examples", k=1, lang="zh")[0].passage.id
        == "zh/adaptation#fine-tuning"
    )
    # No Chinese twin exists: the English passage comes back for a Chinese-preferring search.
    cost = small_index.search_framework("cache prompts to cut the bill", k=1, lang="zh")
    assert cost[0].passage.id == "en/cost#cutting"


def test_language_detection_and_terms() -> None:
    assert detect_lang("what is RAG") == "en"
    assert detect_lang("RAG是什么") == "zh"
    assert detect_lang("开源模型和专有模型的区别") == "zh"
    assert "微调" in lexical_terms("什么时候需要微调")
    assert "么时" not in lexical_terms("什么时候需要微调")
    assert lexical_terms("Fine-tuning models") == lexical_terms("fine-tune model")


# --- quality on the shipped framework ----------------------------------------------------------

RECALL_QUERIES: list[tuple[str, set[str]]] = [
    ("what is RAG", {"adaptation#rag"}),
    ("when should I fine-tune", {"adaptation#fine-tuning", "adaptation#choosing-the-path"}),
    ("什么时候需要微调", {"adaptation#fine-tuning", "adaptation#choosing-the-path"}),
    ("accuracy first then cost", {"optimization-order#accuracy-first"}),
    (
        "开源模型和专有模型的区别",
        {
            "open-vs-proprietary#choosing",
            "open-vs-proprietary#open-weights",
            "open-vs-proprietary#proprietary",
        },
    ),
    ("how do I test models on my own data", {"evaluation#own-data", "optimization-order#eval-set"}),
    (
        "should we self-host or use a managed API",
        {"service-vs-model#self-hosting", "service-vs-model#managed-service"},
    ),
    ("is a small model good enough", {"size-vs-performance#small-models"}),
    ("embedding model for semantic search", {"model-types#embedding-models"}),
    ("嵌入模型是什么", {"model-types#embedding-models"}),
    ("do public benchmarks tell me which model is best", {"evaluation#benchmarks"}),
    ("base model or instruct model", {"model-types#base-vs-instruct"}),
    ("licence terms of open-weights models", {"open-vs-proprietary#licences"}),
    ("蒸馏", {"optimization-order#distillation"}),
    ("从零训练一个模型", {"adaptation#train-from-scratch"}),
    ("monitoring a deployed model", {"deployment#monitoring"}),
]


@pytest.fixture(scope="module")
def shipped_retriever(tmp_path_factory: pytest.TempPathFactory, embedder: MiniLMEmbedder) -> Retriever:
    passages = load_passages()
    client = new_client(tmp_path_factory.mktemp("shipped-index"))
    build_index(
        EMPTY_CATALOG, client=client, passages=passages, embedding_function=MiniLMEmbeddingFunction(embedder)
    )
    return Retriever(client, passages=passages, embedder=embedder)


def test_recall_at_3_on_the_shipped_framework(shipped_retriever: Retriever) -> None:
    known = {p.neutral_id for p in load_passages()}
    misses = []
    for query, expected in RECALL_QUERIES:
        assert expected <= known, f"stale expectation for {query!r}: {expected - known}"
        top = [h.passage.neutral_id for h in shipped_retriever.search_framework(query, k=3)]
        if not expected & set(top):
            misses.append((query, top))
    recall = 1 - len(misses) / len(RECALL_QUERIES)
    assert recall >= 0.9, f"recall@3 = {recall:.2f}; misses: {misses}"


def test_shipped_search_returns_the_query_language(shipped_retriever: Retriever) -> None:
    assert all(h.passage.lang == "zh" for h in shipped_retriever.search_framework("什么时候需要微调", k=3))
    assert all(
        h.passage.lang == "en" for h in shipped_retriever.search_framework("when should I fine-tune", k=3)
    )

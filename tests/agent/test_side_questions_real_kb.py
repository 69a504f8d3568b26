"""Side questions answered from the real knowledge base: a persistent chromadb index of the shipped
framework with the NumPy MiniLM embedder, no stand-in. The interview must come back to its question."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.embeddings import MiniLMEmbeddingFunction, shared_embedder
from whichmodel.knowledge.framework import load_passages
from whichmodel.knowledge.index import build_index, open_client
from whichmodel.knowledge.retrieval import Retriever

pytestmark = pytest.mark.slow

NO_MODELS = Catalog(built_at=date(2026, 11, 1), sources=(), models={}, offerings={})


@pytest.fixture(scope="module")
def real_retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    path: Path = tmp_path_factory.mktemp("kb")
    passages = load_passages()
    embedder = shared_embedder()
    client = open_client(path)
    build_index(
        NO_MODELS, client=client, passages=passages, embedding_function=MiniLMEmbeddingFunction(embedder)
    )
    # Reopen from disk with a fresh client: what a restarted server would do.
    return Retriever(open_client(path), passages=passages, embedder=embedder)


async def test_english_side_question_cites_the_rag_passage_and_resumes(real_retriever: Retriever) -> None:
    async with Advisor(Settings(), retriever=real_retriever, checkpointer=InMemorySaver()) as adv:
        await adv.send("kb-en", "we answer employee questions over our HR documents, 2k questions a day")
        pending = (await adv.state("kb-en")).pending
        assert pending is not None
        reply = await adv.send("kb-en", "should we use RAG or fine-tuning for our HR documents?")
        cited = [c for e in reply.events for c in getattr(e, "citations", [])]
        assert any(c.startswith("en/adaptation#") for c in cited), cited
        assert "[en/" not in reply.text and " seed" not in reply.text  # readable, no internal words
        assert reply.pending == pending


async def test_chinese_side_question_is_answered_in_chinese_from_chinese_passages(
    real_retriever: Retriever,
) -> None:
    async with Advisor(Settings(), retriever=real_retriever, checkpointer=InMemorySaver()) as adv:
        await adv.send("kb-zh", "我们要给客服工单分类，每天大约两万条")
        pending = (await adv.state("kb-zh")).pending
        reply = await adv.send("kb-zh", "什么时候需要微调?")
        cited = [c for e in reply.events for c in getattr(e, "citations", [])]
        assert "zh/adaptation#fine-tuning" in cited and "种子" not in reply.text
        assert reply.lang == "zh"
        assert reply.pending == pending

"""Our embedding function is stored with a persisted collection and comes back offline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from chromadb.utils.embedding_functions import config_to_embedding_function, known_embedding_functions

from tests.retrieval.conftest import new_client
from whichmodel.knowledge.embeddings import EMBEDDING_FUNCTION_NAME, MiniLMEmbedder, MiniLMEmbeddingFunction

DOCS = {
    "rag": "Retrieval-augmented generation puts relevant document chunks into the prompt.",
    "ft": "Fine-tuning updates the model weights with labelled training examples.",
    "cost": "Batch requests and cache prompts to lower the bill.",
}


def test_registered_and_rebuilt_from_config(embedder: MiniLMEmbedder) -> None:
    assert known_embedding_functions[EMBEDDING_FUNCTION_NAME] is MiniLMEmbeddingFunction
    ef = MiniLMEmbeddingFunction(embedder)
    rebuilt = config_to_embedding_function({"name": ef.name(), "config": ef.get_config()})
    assert isinstance(rebuilt, MiniLMEmbeddingFunction)
    assert not ef.is_legacy()
    vectors = ef(["hello world"])
    assert len(vectors) == 1 and vectors[0].shape == (384,)
    assert np.allclose(vectors[0], embedder.embed(["hello world"])[0])


def test_persisted_collection_reopens_with_our_function_offline(
    tmp_path: Path, embedder: MiniLMEmbedder, no_network: list[object]
) -> None:
    client = new_client(tmp_path / "db")
    collection = client.create_collection(
        "kb-test",
        embedding_function=MiniLMEmbeddingFunction(embedder),
        configuration={"hnsw": {"space": "cosine"}},
    )
    collection.add(ids=list(DOCS), documents=list(DOCS.values()))
    del collection, client

    reopened = new_client(tmp_path / "db").get_collection("kb-test")  # no embedding function passed
    # Chroma keeps its default function on the handle but embeds with the one stored in the
    # collection's configuration, rebuilt from our registered name.
    assert isinstance(reopened.configuration["embedding_function"], MiniLMEmbeddingFunction)
    result = reopened.query(query_texts=["when should I train on my own labelled data?"], n_results=3)
    assert result["ids"][0][0] == "ft"
    result = reopened.query(query_texts=["put my documents into the prompt"], n_results=1)
    assert result["ids"][0] == ["rag"]
    assert no_network == [], f"something tried the network: {no_network}"

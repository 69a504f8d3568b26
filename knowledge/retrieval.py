"""Hybrid retrieval over the framework passages and the model cards.

Scoring. all-MiniLM-L6-v2 is English-centric, so a dense score alone fails Chinese queries. Each
candidate gets

    score = w * dense + (1 - w) * lexical

where ``dense`` is the cosine similarity from chroma (for a framework passage: its best chunk) and
``lexical`` is BM25 (k1=1.2, b=0.75) divided by the best BM25 score for the query, so both lie in
about [0, 1]. Lexical terms are lower-cased, lightly stemmed English words (stop words dropped) and,
for Chinese, character bigrams (single characters for one-character runs). The weight follows the
query's language: ``w = 0.7`` for Latin-script queries, ``w = 0.3`` when the query is mostly CJK
(:func:`detect_lang`), where the bigrams carry the signal. Framework passages add a BM25 score on the
title + heading field (weight ``HEADING_WEIGHT``) before normalising; model cards add up to
``NAME_BONUS`` when the query names the model (:func:`_name_bonus`).

Languages. English and Chinese versions of a section share a ``neutral_id``; framework results are
grouped by it (the group scores as its best version) and each group is returned in the preferred
language (the ``lang`` argument, else the query's language) when that version exists, otherwise in
the other language. A Chinese query that matches the Chinese text can thus return the English twin
when ``lang="en"`` is asked for, and vice versa.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from whichmodel.knowledge.embeddings import MiniLMEmbedder, MiniLMEmbeddingFunction, shared_embedder
from whichmodel.knowledge.framework.loader import Passage, load_passages
from whichmodel.knowledge.index import (
    FRAMEWORK_COLLECTION,
    MODEL_CARDS_COLLECTION,
    build_index,
    open_client,
    open_collection,
)
from whichmodel.knowledge.units import HAN_CHARS, detect_language

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

DENSE_WEIGHT_LATIN = 0.7
DENSE_WEIGHT_CJK = 0.3
HEADING_WEIGHT = 1.0
NAME_BONUS = 0.3
BM25_K1 = 1.2
BM25_B = 0.75

_CJK_RUN = re.compile(f"[{HAN_CHARS}]+")
_WORD = re.compile(r"[a-z0-9]+")
# Chinese function words and question phrases: removed before bigramming, so that "什么时候需要微调"
# yields the content bigram "微调" rather than noise such as "么时" or "要微".
_ZH_STOP = re.compile(
    "什么时候|为什么|怎么样|怎么|什么|如何|哪些|哪个|哪种|是否|应该|需要|可以|能否|时候|我们|你们|一个|这个|那个"
    "|[的了吗呢吧啊和与及或是在有对把被让给也都就还而]"
)
# fmt: off
_STOPWORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how", "i",
    "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "than", "that",
    "the", "their", "then", "there", "these", "this", "to", "was", "we", "what", "when", "where", "which",
    "who", "why", "will", "with", "you", "your", "use", "using", "vs", "versus",
    # Domain words: every card and section is about models, so they only match names such as "auto-model".
    "model", "models", "llm", "llms",
))
# fmt: on


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A framework passage found for a query."""

    passage: Passage
    score: float
    dense: float
    """Cosine similarity of the best-matching chunk of the version that scored (``matched_id``)."""
    lexical: float
    """Normalised BM25 of the version that scored, in [0, 1]."""
    matched_id: str
    """Full id of the language version that produced the score (may differ from ``passage.id``)."""


@dataclass(frozen=True)
class ModelHit:
    """A model card found for a query."""

    key: str
    name: str
    score: float
    dense: float
    lexical: float
    document: str
    metadata: Mapping[str, Any] = field(default_factory=dict)


class RetrieverLike(Protocol):
    """What the agent, tools and reports need from a retriever (fake it in tests)."""

    def search_framework(self, query: str, k: int = 4, lang: str | None = None) -> list[Hit]: ...

    def search_models(
        self, query: str, k: int = 10, where: dict[str, Any] | None = None
    ) -> list[ModelHit]: ...


# --- lexical scoring --------------------------------------------------------------------------


def detect_lang(text: str) -> str:
    """The query's language, by the project's one test (`knowledge.units.detect_language`)."""
    return detect_language(text)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def lexical_terms(text: str) -> list[str]:
    """BM25 terms: stemmed English words without stop words, plus CJK character bigrams.

    CJK runs are first cut at Chinese stop words and question phrases (``_ZH_STOP``).
    """
    lowered = text.lower()
    terms = [_stem(w) for w in _WORD.findall(lowered) if w not in _STOPWORDS]
    for run in _CJK_RUN.findall(_ZH_STOP.sub(" ", lowered)):
        terms.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    return terms


class BM25:
    """Okapi BM25 over a fixed set of documents."""

    def __init__(self, docs: Mapping[str, str]) -> None:
        self.ids = list(docs)
        self._tfs = [Counter(lexical_terms(docs[i])) for i in self.ids]
        lengths = np.array([sum(tf.values()) for tf in self._tfs], dtype=np.float64)
        self._avg = float(lengths.mean()) if len(lengths) else 0.0
        self._norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(self._avg, 1e-9))
        df: Counter[str] = Counter()
        for tf in self._tfs:
            df.update(tf.keys())
        n = len(self.ids)
        self._idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def scores(self, query: str) -> dict[str, float]:
        """Scores of the documents sharing at least one term with ``query``."""
        out: dict[str, float] = {}
        for term in set(lexical_terms(query)):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for i, tf in enumerate(self._tfs):
                if f := tf.get(term):
                    out[self.ids[i]] = out.get(self.ids[i], 0.0) + idf * f * (BM25_K1 + 1) / (
                        f + self._norm[i]
                    )
        return out


def _normalised(scores: Mapping[str, float]) -> dict[str, float]:
    top = max(scores.values(), default=0.0)
    return {k: v / top for k, v in scores.items()} if top > 0 else {}


def dense_weight(query: str) -> float:
    """The weight of the dense score for this query (see the module docstring)."""
    return DENSE_WEIGHT_CJK if detect_lang(query) == "zh" else DENSE_WEIGHT_LATIN


# --- the retriever ------------------------------------------------------------------------------


class Retriever:
    """Hybrid search over the chromadb index (see the module docstring for the scoring).

    Construct it with an open client (tests) or let :meth:`open` find the index and build it on first
    use. ``passages`` must be the passages the framework collection was built from (default: the
    shipped framework).
    """

    def __init__(
        self,
        client: ClientAPI,
        *,
        passages: Sequence[Passage] | None = None,
        embedder: MiniLMEmbedder | None = None,
    ) -> None:
        self._client = client
        self._embedder = embedder
        self._passages = {p.id: p for p in (passages if passages is not None else load_passages())}
        self._body_bm25 = BM25({pid: f"{p.heading}\n{p.text}" for pid, p in self._passages.items()})
        self._heading_bm25 = BM25({pid: f"{p.title}\n{p.heading}" for pid, p in self._passages.items()})
        self._collections: dict[str, Collection] = {}
        self._cards: tuple[str, BM25] | None = None

    @classmethod
    def open(cls, path: Path | str | None = None, *, build: bool = True) -> Retriever:
        """A retriever on the default index (see :func:`knowledge.index.open_client`), built if needed."""
        client = open_client(path)
        if build:
            build_index(client=client, path=path)
        return cls(client)

    @property
    def embedder(self) -> MiniLMEmbedder:
        if self._embedder is None:
            self._embedder = shared_embedder()
        return self._embedder

    def _collection(self, name: str) -> Collection:
        if name not in self._collections:
            self._collections[name] = open_collection(
                self._client, name, MiniLMEmbeddingFunction(self.embedder)
            )
        return self._collections[name]

    def _query_vector(self, query: str) -> np.ndarray:
        vector: np.ndarray = self.embedder.embed([query])[0]
        return vector

    # framework ------------------------------------------------------------------------------

    def search_framework(self, query: str, k: int = 4, lang: str | None = None) -> list[Hit]:
        """The ``k`` best framework sections for ``query``, one per section, in ``lang`` where possible."""
        if not query.strip() or k <= 0:
            return []
        preferred = lang or detect_lang(query)
        collection = self._collection(FRAMEWORK_COLLECTION)
        n = collection.count()
        dense: dict[str, float] = {}
        if n:
            result = collection.query(
                query_embeddings=[self._query_vector(query)], n_results=n, include=["metadatas", "distances"]
            )
            for meta, dist in zip(result["metadatas"][0], result["distances"][0], strict=True):  # type: ignore[index]
                pid = str(meta["passage_id"])
                dense[pid] = max(dense.get(pid, -1.0), 1.0 - float(dist))
        lexical = _normalised(self._passage_lexical(query))
        w = dense_weight(query)
        best: dict[str, tuple[float, str]] = {}  # neutral id -> (score, full id of the scoring version)
        for pid, passage in self._passages.items():
            if pid not in dense and pid not in lexical:
                continue
            score = w * dense.get(pid, 0.0) + (1 - w) * lexical.get(pid, 0.0)
            if passage.neutral_id not in best or score > best[passage.neutral_id][0]:
                best[passage.neutral_id] = (score, pid)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:k]
        hits = []
        for neutral_id, (score, matched) in ranked:
            shown = self._passages.get(f"{preferred}/{neutral_id}") or self._passages[matched]
            hits.append(
                Hit(
                    passage=shown,
                    score=score,
                    dense=dense.get(matched, 0.0),
                    lexical=lexical.get(matched, 0.0),
                    matched_id=matched,
                )
            )
        return hits

    def _passage_lexical(self, query: str) -> dict[str, float]:
        """BM25 over the section body plus BM25 over the document title and section heading.

        The heading field is a second, short field (a simple BM25F): a query that names a section's
        subject ("微调", "RAG") should rank the section *about* it above sections that mention it.
        """
        scores = self._body_bm25.scores(query)
        for pid, value in self._heading_bm25.scores(query).items():
            scores[pid] = scores.get(pid, 0.0) + HEADING_WEIGHT * value
        return scores

    # model cards ----------------------------------------------------------------------------

    def _cards_bm25(self, collection: Collection) -> BM25:
        digest = str((collection.metadata or {}).get("content_hash", ""))
        if self._cards is None or self._cards[0] != digest:
            got = collection.get(include=["documents"])
            docs = dict(zip(got["ids"], got["documents"] or [], strict=True))
            self._cards = (digest, BM25(docs))
        return self._cards[1]

    def search_models(self, query: str, k: int = 10, where: dict[str, Any] | None = None) -> list[ModelHit]:
        """The ``k`` best model cards for ``query`` among those matching chroma's ``where`` filter.

        Metadata fields and their sentinels are listed in :mod:`knowledge.index`; several top-level
        keys are combined with ``$and`` (:func:`normalise_where`). An empty query
        returns no hits (use the catalog directly to list models).
        """
        if not query.strip() or k <= 0:
            return []
        where = normalise_where(where)
        collection = self._collection(MODEL_CARDS_COLLECTION)
        total = collection.count()
        if total == 0:
            return []
        vector = self._query_vector(query)
        pool = min(total, max(50, 5 * k))
        result = collection.query(
            query_embeddings=[vector],
            n_results=pool,
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        found: dict[str, tuple[float, str, Mapping[str, Any]]] = {}
        for key, doc, meta, dist in zip(
            result["ids"][0],
            result["documents"][0],  # type: ignore[index]
            result["metadatas"][0],  # type: ignore[index]
            result["distances"][0],  # type: ignore[index]
            strict=True,
        ):
            found[key] = (1.0 - float(dist), doc, meta)
        lexical = _normalised(self._cards_bm25(collection).scores(query))
        extra = [key for key, _ in sorted(lexical.items(), key=lambda kv: -kv[1])[:pool] if key not in found]
        if extra:
            got = collection.get(ids=extra, where=where, include=["documents", "metadatas", "embeddings"])
            for key, doc, meta, emb in zip(
                got["ids"],
                got["documents"],  # type: ignore[arg-type]
                got["metadatas"],  # type: ignore[arg-type]
                got["embeddings"],  # type: ignore[arg-type]
                strict=True,
            ):
                found[key] = (float(np.dot(np.asarray(emb, dtype=np.float32), vector)), doc, meta)
        w = dense_weight(query)
        squashed = _squash(query)
        hits = [
            ModelHit(
                key=key,
                name=str(meta.get("name", key)),
                score=w * dense
                + (1 - w) * lexical.get(key, 0.0)
                + _name_bonus(squashed, key, str(meta.get("name", ""))),
                dense=dense,
                lexical=lexical.get(key, 0.0),
                document=doc,
                metadata=dict(meta),
            )
            for key, (dense, doc, meta) in found.items()
        ]
        hits.sort(key=lambda h: (-h.score, h.key))
        return hits[:k]


def normalise_where(where: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Chroma's ``where`` takes one operator per level: ``{"a": 1, "b": 2}`` becomes an ``$and``.

    Empty filters become None (no filter).
    """
    if not where:
        return None
    if len(where) == 1:
        return dict(where)
    return {"$and": [{key: value} for key, value in where.items()]}


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9\u3400-\u9fff]", "", text.lower())


def _name_bonus(squashed_query: str, key: str, name: str) -> float:
    """Up to ``NAME_BONUS`` when the query names the model ("qwen3 32b" -> ``qwen3-32b``).

    Key and name are compared without punctuation or spaces; the bonus scales with the share of the
    query the name covers, so ``qwen3-32b`` beats ``qwen3`` for "qwen3 32b".
    """
    best = 0.0
    for candidate in (_squash(key), _squash(name)):
        if len(candidate) >= 3 and candidate in squashed_query:
            best = max(best, len(candidate) / len(squashed_query))
    return NAME_BONUS * best


def passages_by_neutral_id(hits: Iterable[Hit]) -> list[str]:
    """The neutral ids of some hits, in order (handy for citing and for evaluation)."""
    return [h.passage.neutral_id for h in hits]


_SENTENCE = re.compile(r"[^.!?。！？]+(?:[.!?。！？]+|$)")
_INTERNAL = re.compile(r"\bseeds?\b|种子", re.IGNORECASE)
"""Words about how the guide was written (its source books are "seeds"): not for the person asking."""


def excerpt(text: str, lang: str = "en", limit: int = 360) -> str:
    """A passage shortened for a chat answer: whole sentences only (never cut mid-sentence), the
    passage's own decision guidance first, sentences about the guide's sources left out."""
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(" ".join(text.split())) if m.group(0).strip()]
    keep = [s for s in sentences if not _INTERNAL.search(s)]
    guidance = [s for s in keep if s.lower().startswith(("decision guidance", "decision checklist")) or
                s.startswith(("决策建议", "选型建议", "决策要点"))]  # fmt: skip
    ordered = guidance + [s for s in keep if s not in guidance]
    out: list[str] = []
    size = 0
    sep = "" if lang == "zh" else " "
    for s in ordered:
        if out and size + len(s) > limit:
            break
        out.append(s)
        size += len(s) + len(sep)
    return sep.join(out)

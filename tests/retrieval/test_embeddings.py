"""The NumPy all-MiniLM-L6-v2 encoder: exactness against SentenceTransformers, and its properties."""

from __future__ import annotations

import math

import numpy as np
import pytest

from whichmodel.knowledge.embeddings import EMBEDDING_DIM, MiniLMEmbedder, erf, gelu, model_dir

# First six dimensions of SentenceTransformers' all-MiniLM-L6-v2 output for these sentences, and the
# token ids, as published in an R 'sbert' package's integration test (checked there against the Python
# library to 1e-6). An independent reference: not produced by this code.
REFERENCE_SENTENCES = [
    "This is an example sentence",
    "Each sentence is converted.",
    "",
    "Café déjà vu — 東京",
]
REFERENCE_IDS = [
    [101, 2023, 2003, 2019, 2742, 6251, 102],
    [101, 2169, 6251, 2003, 4991, 1012, 102],
    [101, 102],
    [101, 7668, 2139, 3900, 24728, 1517, 1879, 1755, 102],
]
REFERENCE_PREFIX = np.array(
    [
        [0.06765693, 0.06349593, 0.04871314, 0.07930495, 0.03744806, 0.00265273],
        [0.07853645, 0.08856265, -0.00209270, -0.00717247, -0.01252624, 0.01881747],
        [-0.11883835, 0.04829856, -0.00254805, -0.01101118, 0.05195070, 0.01029179],
        [0.05083271, 0.00967685, 0.09635572, -0.00997369, -0.01987603, 0.01692343],
    ]
)


def test_model_files_are_found_through_the_installed_package() -> None:
    path = model_dir()
    assert (path / "model.safetensors").is_file()
    assert "site-packages" in str(path) or "dist-packages" in str(path)


@pytest.mark.parametrize(("dtype", "tolerance"), [(np.float64, 1.5e-7), (np.float32, 5e-7)])
def test_erf_matches_math_erf(dtype: type, tolerance: float) -> None:
    x = np.linspace(-7, 7, 20001).astype(dtype)
    expected = np.array([math.erf(float(v)) for v in x])
    got = erf(x)
    assert got.dtype == dtype
    assert np.abs(got.astype(np.float64) - expected).max() < tolerance


def test_gelu_is_the_exact_erf_form() -> None:
    x = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0], dtype=np.float32)
    expected = [0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.tolist()]
    assert np.allclose(gelu(x), expected, atol=1e-6)
    # The tanh approximation differs by ~1e-3 at |x|=2..3; the exact form must not.
    tanh_form = 0.5 * 3.0 * (1 + math.tanh(math.sqrt(2 / math.pi) * (3.0 + 0.044715 * 27)))
    assert abs(float(gelu(np.array([3.0], dtype=np.float32))[0]) - tanh_form) > abs(
        float(gelu(np.array([3.0], dtype=np.float32))[0]) - expected[-1]
    )


def test_matches_sentence_transformers_reference(embedder: MiniLMEmbedder) -> None:
    encodings = embedder._tokenizer.encode_batch(REFERENCE_SENTENCES)
    assert [[i for i in e.ids if i != 0] for e in encodings] == REFERENCE_IDS
    vectors = embedder.embed(REFERENCE_SENTENCES)
    assert np.abs(vectors[:, :6] - REFERENCE_PREFIX).max() < 1e-6


def test_shape_dtype_norm_and_determinism(embedder: MiniLMEmbedder) -> None:
    texts = ["Which model should we use for customer support?", "短文本", "x" * 10]
    first = embedder.embed(texts)
    assert first.shape == (3, EMBEDDING_DIM)
    assert first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(first, embedder.embed(texts))
    assert embedder.embed([]).shape == (0, EMBEDDING_DIM)
    with pytest.raises(TypeError):
        embedder.embed("not a list")  # type: ignore[arg-type]


def test_paraphrases_score_higher_than_unrelated_sentences(embedder: MiniLMEmbedder) -> None:
    a, b, c, d = embedder.embed(
        [
            "A man is eating food.",
            "A man is eating a piece of bread.",
            "The new movie is awesome.",
            "How do I reduce the cost of my LLM API calls?",
        ]
    )
    e = embedder.embed(["Ways to make language model requests cheaper"])[0]
    assert float(a @ b) > 0.6
    assert float(a @ c) < 0.2
    assert float(d @ e) > float(d @ c) + 0.3


def test_batched_equals_one_by_one(embedder: MiniLMEmbedder) -> None:
    """Padding must not change a text's embedding (masked attention and masked mean pooling)."""
    texts = [
        "short",
        "A somewhat longer sentence about choosing between open-weights and proprietary models.",
        "中文句子也应该一样",
        " ".join(["padding invariance"] * 40),
    ]
    batched = embedder.embed(texts)
    single = np.stack([embedder.embed([t])[0] for t in texts])
    assert np.abs(batched - single).max() < 1e-5
    small_batches = MiniLMEmbedder(batch_size=2).embed(texts)
    assert np.abs(batched - small_batches).max() < 1e-5


def test_long_texts_are_truncated_to_256_tokens(embedder: MiniLMEmbedder) -> None:
    base = " ".join(f"word{i}" for i in range(400))
    longer = base + " and a different ending that lies beyond the limit"
    assert len(embedder._tokenizer.encode(base).ids) == 256
    assert np.abs(embedder.embed([base])[0] - embedder.embed([longer])[0]).max() < 1e-6

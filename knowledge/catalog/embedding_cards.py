"""Embedding models: the languages each is documented for and its place in its maker's line.

Public ratings of embedding models exist (MTEB and its multilingual successor MMTEB), but they are not
in this catalog snapshot, so the embeddings shortlist rests on what the makers document: which
languages a model is for (an English-only model does not belong in a German search), and which of a
maker's models is its larger or newer one and which its smaller or older one. Only models whose card
says so are listed, each with the card's address; a model not listed has unknown coverage and no
stated place, and is said as such. Pure data, no ranking.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Coverage = Literal["english", "multilingual"]
Line = Literal["flagship", "smaller", "older"]


class EmbeddingCard(NamedTuple):
    """What an embedding model's maker documents about it."""

    coverage: Coverage
    """'english': documented for English text only; 'multilingual': documented for many languages."""
    stated: str
    """What the card says on languages, as a code the explainer words (`embed_basis_<code>`): 'miracl'
    (multilingual retrieval reported), 'over_100_maker', 'over_100_card', 'xlmr_100' (100 languages,
    low-resource ones possibly weaker), 'multilingual_maker', 'english_only' ("only works for English
    texts"), 'english_recommended', 'english_maker', 'english_card', 'english_code'."""
    line: Line
    """'flagship': the maker's larger or newest model of its line (or its only one); 'smaller': a
    smaller, cheaper sibling of a listed flagship; 'older': a previous generation of a listed one."""
    url: str


_OPENAI = "https://openai.com/index/new-embedding-models-and-api-updates/"
"""OpenAI, 2024-01-25: text-embedding-3-large is its best-performing embedding model, -small the
smaller one, both replacing ada-002; multilingual retrieval reported on MIRACL (large 54.9%, small
44.0%, ada-002 31.4%)."""
_OPENAI_WORDS = "miracl"
_COHERE = "https://docs.cohere.com/docs/cohere-embed"
_QWEN3 = "https://huggingface.co/Qwen/Qwen3-Embedding-8B"
_QWEN3_WORDS = "over_100_card"
_VERTEX = "https://cloud.google.com/vertex-ai/generative-ai/docs/embeddings/get-text-embeddings"

EMBEDDING_CARDS: dict[str, EmbeddingCard] = {
    "text-embedding-3-large": EmbeddingCard("multilingual", _OPENAI_WORDS, "flagship", _OPENAI),
    "text-embedding-3-small": EmbeddingCard("multilingual", _OPENAI_WORDS, "smaller", _OPENAI),
    "text-embedding-ada-002": EmbeddingCard("multilingual", _OPENAI_WORDS, "older", _OPENAI),
    "cohere-embed-v-4.0": EmbeddingCard("multilingual", "over_100_maker", "flagship", _COHERE),
    "embed-v4.0": EmbeddingCard("multilingual", "over_100_maker", "flagship", _COHERE),
    "cohere-embed-v3-multilingual": EmbeddingCard(
        "multilingual", "over_100_maker", "older", _COHERE
    ),
    "cohere-embed-v3-english": EmbeddingCard("english", "english_maker", "older", _COHERE),
    "e5-large-v2": EmbeddingCard(
        "english", "english_only", "flagship",
        "https://huggingface.co/intfloat/e5-large-v2",
    ),
    "e5-mistral-7b-instruct": EmbeddingCard(
        "english", "english_recommended", "flagship",
        "https://huggingface.co/intfloat/e5-mistral-7b-instruct",
    ),
    "multilingual-e5-large-instruct": EmbeddingCard(
        "multilingual", "xlmr_100", "flagship",
        "https://huggingface.co/intfloat/multilingual-e5-large-instruct",
    ),
    "nomic-embed-text": EmbeddingCard(
        "english", "english_card", "flagship", "https://huggingface.co/nomic-ai/nomic-embed-text-v1.5"
    ),
    "qwen3-embedding-8b": EmbeddingCard("multilingual", _QWEN3_WORDS, "flagship", _QWEN3),
    "qwen3-embedding-4b": EmbeddingCard(
        "multilingual", _QWEN3_WORDS, "smaller", "https://huggingface.co/Qwen/Qwen3-Embedding-4B"
    ),
    "qwen3-embedding-0.6b": EmbeddingCard(
        "multilingual", _QWEN3_WORDS, "smaller", "https://huggingface.co/Qwen/Qwen3-Embedding-0.6B"
    ),
    "gemini-embedding-001": EmbeddingCard(
        "multilingual", "over_100_maker", "flagship", "https://ai.google.dev/gemini-api/docs/embeddings"
    ),
    "gemini-embedding": EmbeddingCard(
        "multilingual", "over_100_maker", "flagship", "https://ai.google.dev/gemini-api/docs/embeddings"
    ),
    "text-multilingual-embedding-002": EmbeddingCard("multilingual", "multilingual_maker", "flagship", _VERTEX),
    "text-embedding-005": EmbeddingCard("english", "english_code", "flagship", _VERTEX),
    "bge-m3": EmbeddingCard(
        "multilingual", "over_100_card", "flagship", "https://huggingface.co/BAAI/bge-m3"
    ),
}
"""Catalog model key (exact) -> its card's facts. Gemini Embedding 2, Mistral Embed, Titan, NVIDIA's and
Perplexity's embedders are left out: their language coverage is not stated here with a source."""

LINE_ORDER: dict[Line, int] = {"flagship": 0, "smaller": 1, "older": 2}
"""The maker's larger or newer model before its smaller sibling, before a previous generation."""


def card_of(key: str) -> EmbeddingCard | None:
    """The documented facts of the embedding model `key` (a catalog key), or None when not listed."""
    return EMBEDDING_CARDS.get(key.lower())


def language_fit(key: str, wanted: tuple[str, ...]) -> tuple[int, list[str]]:
    """(0 documented for every wanted language, 1 unknown, 2 documented for English only while another
    language is wanted; the wanted languages it is not documented for)."""
    card = card_of(key)
    if card is None:
        return 1, []
    missing = [lang for lang in wanted if lang != "en"] if card.coverage == "english" else []
    return (2 if missing else 0), missing

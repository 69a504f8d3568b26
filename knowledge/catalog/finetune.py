"""Which closed models their maker (or a cloud) lets you fine-tune: a curated table with sources.

Open-weights models can always be fine-tuned (on your own GPUs, or as LoRA adapters at hosts that
offer it); for closed models only the maker's or a cloud's tuning service can, and only for the
models it lists. A model not in this table is *not known* to be fine-tunable: the adaptation advice
then suggests distilling into an open-weights model instead of promising a service that may not exist.
Keys are canonical keys (a dated snapshot, e.g. ``gpt-4o-2024-08-06``, counts as its family); pure data, no logic beyond the lookup.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Tuning(NamedTuple):
    """A tuning service for a family of closed models, and the document that says so."""

    service: str
    source: str


_OPENAI = Tuning("OpenAI fine-tuning API", "OpenAI platform docs: fine-tuning, supported models")
_VERTEX = Tuning("Vertex AI supervised tuning", "Google Cloud docs: tune Gemini models")
_BEDROCK = Tuning("Amazon Bedrock custom models", "AWS docs: Bedrock model customization, supported models")
_MISTRAL = Tuning("Mistral fine-tuning API", "Mistral docs: fine-tuning")
_COHERE = Tuning("Cohere fine-tuning", "Cohere docs: fine-tuning Command R")

CLOSED_TUNABLE: dict[str, Tuning] = {
    "gpt-4.1": _OPENAI,
    "gpt-4.1-mini": _OPENAI,
    "gpt-4.1-nano": _OPENAI,
    "gpt-4o": _OPENAI,
    "gpt-4o-mini": _OPENAI,
    "gpt-3.5-turbo": _OPENAI,
    "o4-mini": Tuning("OpenAI reinforcement fine-tuning", "OpenAI platform docs: reinforcement fine-tuning"),
    "gemini-2.0-flash": _VERTEX,
    "gemini-2.5-flash": _VERTEX,
    "gemini-2.5-flash-lite": _VERTEX,
    "gemini-2.5-pro": _VERTEX,
    "nova-micro": _BEDROCK,
    "nova-lite": _BEDROCK,
    "nova-pro": _BEDROCK,
    "claude-3-haiku": _BEDROCK,
    "mistral-small": _MISTRAL,
    "mistral-large": _MISTRAL,
    "ministral": _MISTRAL,
    "codestral": _MISTRAL,
    "command-r": _COHERE,
}


def closed_tuning(model_key: str) -> Tuning | None:
    """The tuning service for a closed model, or None when none is known."""
    dated = re.fullmatch(r"(.+?)-\d{4}(?:-\d{2}-\d{2}|\d{2,4})?", model_key)
    return CLOSED_TUNABLE.get(model_key) or (CLOSED_TUNABLE.get(dated.group(1)) if dated else None)

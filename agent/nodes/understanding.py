"""The brain interface the graph calls, and the offline brain behind it.

A brain turns one message into an `agent.brain.Understanding`. Two implementations: `OfflineBrain`
(deterministic, the default) and `agent.llm.LLMBrain` (structured output; falls back to the offline
brain on any failure and says so in `BrainResult.fallback_error`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from agent.brain import Understanding, understand


@dataclass(frozen=True)
class Asked:
    """The pending question as the brain needs it."""

    field: str | None
    expecting: str | None
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class BrainResult:
    understanding: Understanding
    brain: str
    """"offline" or "llm"; "offline" with `fallback_error` set when the LLM failed this turn."""
    fallback_error: str | None = None


class Brain(Protocol):
    async def understand(self, message: str, asked: Asked | None) -> BrainResult: ...

    async def phrase(self, text: str, lang: str) -> str: ...


class OfflineBrain:
    """The deterministic brain: `agent.brain.understand`, no model."""

    async def understand(self, message: str, asked: Asked | None) -> BrainResult:
        return BrainResult(understand_offline(message, asked), "offline")

    async def phrase(self, text: str, lang: str) -> str:
        return text


def understand_offline(message: str, asked: Asked | None) -> Understanding:
    if asked is None:
        return understand(message)
    return understand(message, expecting=asked.expecting, options=asked.options)


def understanding_to_state(u: Understanding) -> dict[str, Any]:
    """The Understanding as JSON-like data for the checkpoint."""
    return {
        "facts": [
            {"path": f.path, "value": _plain(f.value), "provenance": f.provenance, "evidence": f.evidence}
            for f in u.facts
        ],
        "intent": u.intent,
        "question": u.question,
        "language": u.language,
        "choice": u.choice,
    }


def _plain(value: object) -> object:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def options_of(pending: dict[str, Any] | None) -> Sequence[str]:
    return tuple(pending["options"]) if pending else ()

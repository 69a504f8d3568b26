"""The conversation's state, as the LangGraph checkpoint holds it.

One graph run is one user turn: the input is only the user's message (`InputState`); everything
else is read from and written back to the checkpoint, so a restarted process resumes with the same
requirements and the same pending question. Every value is plain JSON-like data (str, int, float,
bool, None, list, dict), which any checkpoint serializer (strict msgpack included) stores as is.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, TypedDict

Provenance = Literal["stated", "inferred", "defaulted"]
Stage = Literal["interview", "confirm", "recommended"]
Language = Literal["en", "zh"]

RESET_EVENTS = "__new_turn__"
"""First element of an `events` update that starts a new turn (clears the previous turn's events)."""


def turn_events(
    left: list[dict[str, Any]] | None, right: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """Reducer for `events`: append, except that an update starting with RESET_EVENTS replaces."""
    if right and right[0].get("type") == RESET_EVENTS:
        return list(right[1:])
    return [*(left or []), *(right or [])]


class Slot(TypedDict):
    """One requirement as understood: its value (in the field's unit), where it came from, and why."""

    value: Any
    provenance: Provenance
    evidence: str


class Pending(TypedDict):
    """The question the agent is waiting on.

    `field` is a requirement path (e.g. "budget.monthly_usd"), or "confirm" (the requirements table),
    or "conflict" (choose what to relax). `options` are the offered answers' labels, `default` the
    label taken when the person says "not sure"/"ok".
    """

    field: str
    text: str
    options: list[str]
    default: str | None


class InputState(TypedDict):
    """What a caller sends: the user's message, nothing else."""

    text: str


class State(InputState, total=False):
    """The whole conversation.

    Reducers: `messages` appends; `events` appends within a turn and is cleared at the start of the
    next (see `turn_events`); every other field is replaced by the node that writes it.
    """

    messages: Annotated[list[dict[str, str]], operator.add]
    """The transcript: {"role": "user"|"assistant", "content": str}."""
    requirements: dict[str, Slot]
    """Requirements so far: dotted field path -> Slot. Only fields the conversation settled."""
    asked: dict[str, int]
    """How many times each question (by field) was asked, so a question is never asked forever."""
    stage: Stage
    """interview (gathering), confirm (table shown, waiting for yes/corrections), recommended."""
    pending: Pending | None
    """The question the agent is waiting on; None when it is not waiting on anything."""
    language: Language
    """The language of the person's last message; replies use it."""
    understanding: dict[str, Any] | None
    """This turn's brain output (facts, intent, question, language, choice), for the nodes after it."""
    brain: str
    """Which brain understood this turn: "offline", "llm", or "offline (llm failed: ...)"."""
    shortlist: list[dict[str, Any]]
    """Rows of the current shortlist (rank, model, provider, monthly cost, quality, latency)."""
    recommendation: dict[str, Any] | None
    """The current Recommendation as `model_dump(mode="json")`; None before the first one."""
    recommended_for: str | None
    """Canonical JSON of the requirements the current recommendation was computed for."""
    report_ready: bool
    """Whether the current recommendation's report can be rendered. The report itself (Markdown, HTML,
    JSON, SVG chart) is derived from `recommendation` by the pure renderers in agent.report, so it
    is not stored twice; `Advisor` renders it for the `ReportReady` event."""
    probes: dict[str, Any] | None
    """Reserved for the probes issue: measured probe results per offering id (not written yet)."""
    events: Annotated[list[dict[str, Any]], turn_events]
    """This turn's typed events for front ends ({"type": "tool_step"|"question"|..., ...})."""
    turn: int
    """Number of user turns so far."""


def cleared() -> dict[str, Any]:
    """The state fields a reset empties (the transcript is kept): one definition for the node and the API."""
    return {
        "requirements": {},
        "asked": {},
        "stage": "interview",
        "pending": None,
        "shortlist": [],
        "recommendation": None,
        "recommended_for": None,
        "report_ready": False,
        "probes": None,
    }

"""The conversation's state, as the LangGraph checkpoint holds it.

One graph run is one user turn: the input is only the user's message (`InputState`); everything
else is read from and written back to the checkpoint, so a restarted process resumes with the same
requirements and the same pending question. Every value is plain JSON-like data (str, int, float,
bool, None, list, dict), which any checkpoint serializer (strict msgpack included) stores as is.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from whichmodel.agent.events import NEW_TURN, Provenance
from whichmodel.knowledge.units import Lang

Stage = Literal["interview", "confirm", "recommended"]


def turn_events(
    left: list[dict[str, Any]] | None, right: list[dict[str, Any]] | None
) -> list[dict[str, Any]]:
    """Reducer for `events`: append, except that an update starting with the `NewTurn` marker
    (agent.events) replaces: the marker starts a turn and is not kept."""
    if right and right[0].get("type") == NEW_TURN:
        return list(right[1:])
    return [*(left or []), *(right or [])]


class Slot(TypedDict):
    """One requirement as the checkpoint stores it (a `Fact` without its path, as plain data)."""

    value: Any
    provenance: Provenance
    evidence: str
    shown: NotRequired[str | None]


@dataclass(frozen=True)
class Fact:
    """One requirement as understood: a dotted field path, its value in the field's unit, where it came
    from (stated / inferred / defaulted) and the words it came from. `shown` is the person's own figure
    when the value was converted ("¥5,000/month" for a budget kept in US dollars).

    The one fact type: brains produce it, the slot logic merges it, the checkpoint keeps it as a Slot.
    """

    path: str
    value: Any
    provenance: Provenance
    evidence: str
    shown: str | None = None

    def slot(self) -> Slot:
        out = Slot(value=self.value, provenance=self.provenance, evidence=self.evidence)
        if self.shown:
            out["shown"] = self.shown
        return out


class Pending(TypedDict):
    """The question the agent is waiting on.

    `field` is a requirement path (e.g. "budget.monthly_usd"), "conflict" (choose what to relax) or a
    probe offer; "confirm" only in conversations checkpointed before the confirmation step was removed. `options` are the offered answers' labels, `default` the
    label taken when the person says "not sure"/"ok".
    """

    field: str
    text: str
    options: list[str]
    default: str | None


class Upload(TypedDict, total=False):
    """A file the person attached this turn, already read by the service (never a path).

    Either `probe_set` (the examples, as `tools.probes.dataset.probe_set_to_data`) or `error` (why the
    file cannot be used, for people).
    """

    name: str
    probe_set: dict[str, Any]
    error: str


class InputState(TypedDict):
    """What a caller sends: the user's message, and the examples file attached to it, if any."""

    text: str
    upload: NotRequired[Upload | None]


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
    """interview (gathering) or recommended; "confirm" only in checkpoints from before the confirmation
    step was removed (such a conversation recommends on its next turn)."""
    pending: Pending | None
    """The question the agent is waiting on; None when it is not waiting on anything."""
    language: Lang
    """The language of the person's last message; replies use it."""
    script: str | None
    """The script of Chinese replies: "tw" or "hk" (Traditional, that place's usage) or None
    (Simplified); see agent.reply_script."""
    script_asked: bool
    """Whether `script` is the person's explicit choice ("可以用繁體中文回答嗎"), kept over later messages."""
    understanding: dict[str, Any] | None
    """This turn's brain output (facts, intent, question, language, choice), for the nodes after it."""
    recommendation: dict[str, Any] | None
    """The current Recommendation as `model_dump(mode="json")`; None before the first one."""
    deferred: list[str]
    """Models of "why not X?" questions asked before there was a shortlist: answered with the
    recommendation, then cleared."""
    probes: dict[str, Any] | None
    """The last probe run as evidence for the ranking (`ProbeEvidence.model_dump(mode="json")`):
    per endpoint accuracy, latency, cost with their n. Every later re-ranking uses it."""
    probe_examples: dict[str, Any] | None
    """Examples the person gave (upload or paste) that wait for a probe (`probe_set_to_data`)."""
    probe_request: dict[str, Any] | None
    """The probe `decide` chose for this turn: {"probe_set": ..., "note": str | None}; the probe node
    runs it and clears it."""
    events: Annotated[list[dict[str, Any]], turn_events]
    """This turn's events for front ends, as the JSON dumps of `agent.events` models (nodes build the
    models; the graph stores their dumps; the service validates them when it reads them back)."""
    turn: int
    """Number of user turns so far."""


def cleared() -> dict[str, Any]:
    """The state fields a reset empties (the transcript is kept): one definition for the node and the API."""
    return {
        "requirements": {},
        "asked": {},
        "stage": "interview",
        "pending": None,
        "recommendation": None,
        "deferred": [],
        "probes": None,
        "probe_examples": None,
        "probe_request": None,
    }

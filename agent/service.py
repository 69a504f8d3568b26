"""The one agent API every front end uses (terminal, Chainlit, later Slack).

    async with Advisor(Settings.load()) as advisor:
        reply = await advisor.send("thread-1", "we classify ~20k tickets a day, under $300 a month")
        print(reply.text)                 # plain text, for terminals and Slack
        for event in reply.events: ...    # typed events, for rich front ends

`events()` yields the same typed events as they happen (one graph node at a time), so a UI can
show tool steps while the recommendation is computed. A thread's state lives in the checkpointer:
a new process with the same database and thread id resumes the conversation, pending question
included.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver

from whichmodel.agent import tools
from whichmodel.agent.checkpoint import open_checkpointer
from whichmodel.agent.events import (
    AnyEvent,
    Event,
    EventError,
    Message,
    NewTurn,
    ProbeProgress,
    ProbeResults,
    ProbeRow,
    Question,
    ReportReady,
    RequirementRow,
    RequirementsTable,
    Shortlist,
    ShortlistRow,
    ToolStep,
    load,
)
from whichmodel.agent.graph import build_graph
from whichmodel.agent.nodes.interview import requirements_view
from whichmodel.agent.nodes.render import render_plain, t
from whichmodel.agent.nodes.understanding import Brain
from whichmodel.agent.probing import ProbeService, UploadError, read_upload
from whichmodel.agent.settings import Settings
from whichmodel.agent.state import Upload, cleared
from whichmodel.agent.use_case import requirements_with_use_case
from whichmodel.knowledge.units import Lang, detect_language
from whichmodel.tools.decision import Recommendation
from whichmodel.tools.probes.dataset import probe_set_to_data


@dataclass(frozen=True)
class Attachment:
    """A file the person attached: its shown name and where the front end saved it."""

    name: str
    path: Path


@dataclass(frozen=True)
class Reply:
    """One turn's outcome: the typed events, the plain-text reply, and where the conversation is."""

    events: list[Event]
    text: str
    stage: str
    lang: str
    pending: dict[str, Any] | None


@dataclass(frozen=True)
class ThreadState:
    """A thread as stored: for front ends that reopen a conversation."""

    stage: str
    language: str
    requirements: dict[str, Any]
    """The requirements-file mapping (what parse_requirements accepts)."""
    slots: dict[str, Any]
    """Path -> {value, provenance, evidence}."""
    pending: dict[str, Any] | None
    messages: list[dict[str, str]]
    recommendation: dict[str, Any] | None
    turns: int
    events: list[Event] = field(default_factory=list)
    """The last turn's events as stored (validated; a report is attached to its recommendation)."""

    @property
    def question(self) -> Question | None:
        """The pending question as an event (to show it again when a thread is reopened)."""
        p = self.pending
        if not p:
            return None
        return Question(field=p["field"], text=p["text"], options=list(p.get("options", [])), default=p.get("default"))


class Advisor:
    """The agent service: send messages to threads, read and reset threads."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        brain: Brain | None = None,
        retriever: tools.Retriever | Literal["default"] | None = "default",
        checkpointer: BaseCheckpointSaver[Any] | None = None,
        probes: ProbeService | Literal["default"] | None = "default",
    ) -> None:
        self.settings = settings or Settings.load()
        self._probes = probes
        self._brain = brain
        self._retriever = retriever
        self._checkpointer = checkpointer
        self._stack: AsyncExitStack | None = None
        self._graph: Any = None

    async def __aenter__(self) -> Advisor:
        self._stack = AsyncExitStack()
        checkpointer = self._checkpointer
        if checkpointer is None:
            checkpointer = await self._stack.enter_async_context(open_checkpointer(self.settings))
        if self._probes == "default":
            self._probes = ProbeService.from_settings(self.settings)
        self._graph = build_graph(
            self.settings,
            brain=self._brain,
            retriever=self._retriever,
            checkpointer=checkpointer,
            probes=self._probes,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._stack is not None:
            await self._stack.aclose()
        self._stack = None
        self._graph = None

    @property
    def probe_endpoints(self) -> list[str]:
        """The probe endpoint ids this service can call (no URLs, no keys); [] when probes are off."""
        return self._probes.registry.available() if isinstance(self._probes, ProbeService) else []

    @property
    def graph(self) -> Any:
        if self._graph is None:
            raise RuntimeError("use the Advisor as an async context manager: `async with Advisor(...)`")
        return self._graph

    @staticmethod
    def _config(thread_id: str) -> dict[str, Any]:
        if not thread_id or len(thread_id) > 200:
            raise ValueError("thread_id must be 1-200 characters")
        return {"configurable": {"thread_id": thread_id}}

    @staticmethod
    def read_attachment(attachment: Attachment) -> Upload:
        """An attached examples file, read into the turn's input (or the reason it cannot be used)."""
        try:
            probe_set = read_upload(attachment.name, attachment.path)
        except UploadError as exc:
            return Upload(name=exc.shown, error=str(exc))  # sanitised: never the raw name
        return Upload(name=probe_set.name, probe_set=probe_set_to_data(probe_set))

    async def events(
        self, thread_id: str, text: str, files: Sequence[Attachment] = ()
    ) -> AsyncIterator[Event]:
        """Run one turn, yielding typed events as each step finishes (and probe progress as it runs).

        `files`: attached examples files; the first is read as a probe set (see agent.probing).
        """
        config = self._config(thread_id)
        turn: dict[str, Any] = {"text": text}
        if files:
            turn["upload"] = self.read_attachment(files[0])
        async for mode, chunk in self.graph.astream(turn, config, stream_mode=["updates", "custom"]):
            if mode == "custom":
                if isinstance(chunk, Mapping) and chunk.get("type") == "probe_progress":
                    progress = load(chunk, "probe progress")
                    assert isinstance(progress, ProbeProgress)
                    yield progress
                continue
            for node, node_update in chunk.items():
                update = node_update or {}
                for i, raw in enumerate(update.get("events", [])):
                    event = self._to_event(raw, update, f"event #{i} of node {node!r} on thread {thread_id!r}")
                    if event is not None:
                        yield event

    async def send(self, thread_id: str, text: str, files: Sequence[Attachment] = ()) -> Reply:
        """Run one turn and return its events and plain-text reply."""
        events = [e async for e in self.events(thread_id, text, files)]
        snapshot = await self.graph.aget_state(self._config(thread_id))
        values = snapshot.values
        plain = values["messages"][-1]["content"] if values.get("messages") else ""
        return Reply(
            events=events,
            text=plain,
            stage=values.get("stage", "interview"),
            lang=values.get("language", "en"),
            pending=values.get("pending"),
        )

    async def state(self, thread_id: str) -> ThreadState:
        """The thread as stored (an empty interview for an unknown thread)."""
        snapshot = await self.graph.aget_state(self._config(thread_id))
        v = snapshot.values or {}
        where = f"stored event on thread {thread_id!r}"
        events = [self._to_event(raw, v, f"{where} #{i}") for i, raw in enumerate(v.get("events", []))]
        return ThreadState(
            stage=v.get("stage", "interview"),
            language=v.get("language", "en"),
            requirements={k: x for k, x in requirements_view(v).items() if k not in tools.CHAT_ONLY_FIELDS}
            if v.get("requirements") else {},
            slots=dict(v.get("requirements", {})),
            pending=v.get("pending"),
            messages=list(v.get("messages", [])),
            recommendation=v.get("recommendation"),
            turns=v.get("turn", 0),
            events=[e for e in events if e is not None],
        )

    async def reset(self, thread_id: str) -> None:
        """Forget the thread's requirements and recommendation (the transcript is kept)."""
        config = self._config(thread_id)
        await self.graph.aupdate_state(
            config,
            cleared(),
            as_node="finish",
        )

    @staticmethod
    def opening(lang: str = "en") -> str:
        """The agent's first words in a new thread."""
        return t(lang, "intro")

    @staticmethod
    def language_of(text: str) -> Lang:
        """The language a message is written in (en/zh), as the agent detects it."""
        return detect_language(text)

    async def report(self, thread_id: str) -> ReportReady | None:
        """The report of the thread's current recommendation (None before one was made)."""
        v = (await self.graph.aget_state(self._config(thread_id))).values or {}
        rec = v.get("recommendation")
        return ReportReady.attach(rec) if rec else None

    async def recommendation(self, thread_id: str) -> Recommendation | None:
        """The thread's current Recommendation object (None before one was made)."""
        v = (await self.graph.aget_state(self._config(thread_id))).values or {}
        rec = v.get("recommendation")
        return Recommendation.model_validate(rec) if rec else None

    @staticmethod
    def _to_event(raw: object, values: Mapping[str, Any], where: str) -> Event | None:
        """A stored event, validated (EventError when malformed); None for the turn marker. A report
        gets the recommendation stored beside it."""
        event = load(raw, where)
        if isinstance(event, NewTurn):
            return None
        if isinstance(event, ReportReady):
            dumped = values.get("recommendation")
            if not dumped:
                raise EventError(f"{where}: a report_ready event without a stored recommendation")
            return ReportReady.attach(dumped)
        return event


__all__ = [
    "Advisor",
    "AnyEvent",
    "Attachment",
    "Event",
    "EventError",
    "Message",
    "ProbeProgress",
    "ProbeResults",
    "ProbeRow",
    "Question",
    "Reply",
    "ReportReady",
    "RequirementRow",
    "RequirementsTable",
    "Shortlist",
    "ShortlistRow",
    "ThreadState",
    "ToolStep",
    "render_plain",
    "requirements_with_use_case",
]

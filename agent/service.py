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

from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver

from whichmodel.agent import tools
from whichmodel.agent.checkpoint import open_checkpointer
from whichmodel.agent.graph import build_graph
from whichmodel.agent.nodes.interview import requirements_view
from whichmodel.agent.nodes.render import render_plain, t
from whichmodel.agent.nodes.understanding import Brain
from whichmodel.agent.probing import ProbeService, UploadError, read_upload
from whichmodel.agent.settings import Settings
from whichmodel.agent.state import Upload, cleared
from whichmodel.tools.decision import Recommendation
from whichmodel.tools.probes.dataset import probe_set_to_data


@dataclass(frozen=True)
class ToolStep:
    name: str
    summary: str


@dataclass(frozen=True)
class Question:
    field: str
    text: str
    options: list[str]
    default: str | None


@dataclass(frozen=True)
class RequirementsTable:
    rows: list[dict[str, str]]
    """Each: field, label, value, provenance (stated|inferred|defaulted), evidence."""


@dataclass(frozen=True)
class Shortlist:
    rows: list[dict[str, Any]]
    """Each: rank, model, offering_id, where, monthly_usd, quality, latency, self_hosted."""


class ReportReady:
    """The report is ready: `markdown`, self-contained `html`, `json` and the `svg_chart`.

    From a turn, the report is rendered from the stored recommendation on first access to any of
    the four (agent.tools.build_report, ~35 ms of CPU with the validation): a front end that shows
    only text, or a turn whose report nobody opens, does not pay for it on the event loop.
    """

    __slots__ = ("_bundle", "_dumped", "_rec")

    def __init__(
        self,
        markdown: str,
        html: str,
        json: str,
        svg_chart: str,
        recommendation: Recommendation | None = None,
    ) -> None:
        self._bundle: tools.ReportBundle | None = tools.ReportBundle(markdown, html, json, svg_chart)
        self._dumped: dict[str, Any] | None = None
        self._rec = recommendation

    @classmethod
    def of(cls, dumped: dict[str, Any]) -> ReportReady:
        """The report of a recommendation as stored (`Recommendation.model_dump(mode="json")`)."""
        report = cls.__new__(cls)
        report._bundle, report._dumped, report._rec = None, dumped, None
        return report

    @property
    def recommendation(self) -> Recommendation | None:
        """The recommendation the report shows (for clients that render it their own way, e.g. a
        PNG chart for Slack); None for a report built from its texts alone."""
        if self._rec is None and self._dumped is not None:
            self._rec = Recommendation.model_validate(self._dumped)
        return self._rec

    def _rendered(self) -> tools.ReportBundle:
        if self._bundle is None:
            rec = self.recommendation
            assert rec is not None
            self._bundle = tools.build_report(rec)
        return self._bundle

    @property
    def markdown(self) -> str:
        return self._rendered().markdown

    @property
    def html(self) -> str:
        return self._rendered().html

    @property
    def json(self) -> str:
        return self._rendered().json

    @property
    def svg_chart(self) -> str:
        return self._rendered().svg_chart

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReportReady) and self._rendered() == other._rendered()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        state = "rendered" if self._bundle is not None else "not rendered yet"
        return f"ReportReady({state})"


@dataclass(frozen=True)
class Message:
    text: str
    lang: str
    citations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProbeProgress:
    """A probe item finished: `done` of `total` (for a progress bar)."""

    done: int
    total: int
    endpoint: str
    ok: bool


@dataclass(frozen=True)
class ProbeResults:
    rows: list[dict[str, Any]]
    """Each: endpoint, stands_for, accuracy, ci95, n, latency_p50_s, latency_p95_s, latency_n,
    cost_per_1k_usd, cost_source, cost_as_of, errors, errors_by_kind."""


@dataclass(frozen=True)
class Attachment:
    """A file the person attached: its shown name and where the front end saved it."""

    name: str
    path: Path


Event = (
    ToolStep | Question | RequirementsTable | Shortlist | ReportReady | Message | ProbeProgress | ProbeResults
)


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
                if isinstance(chunk, dict) and chunk.get("type") == "probe_progress":
                    yield ProbeProgress(chunk["done"], chunk["total"], chunk["endpoint"], chunk["ok"])
                continue
            for node_update in chunk.values():
                for raw in (node_update or {}).get("events", []):
                    event = self._to_event(raw, node_update)
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
        return ThreadState(
            stage=v.get("stage", "interview"),
            language=v.get("language", "en"),
            requirements=requirements_view(v) if v.get("requirements") else {},
            slots=dict(v.get("requirements", {})),
            pending=v.get("pending"),
            messages=list(v.get("messages", [])),
            recommendation=v.get("recommendation"),
            turns=v.get("turn", 0),
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

    async def recommendation(self, thread_id: str) -> Recommendation | None:
        """The thread's current Recommendation object (None before one was made)."""
        v = (await self.graph.aget_state(self._config(thread_id))).values or {}
        rec = v.get("recommendation")
        return Recommendation.model_validate(rec) if rec else None

    @staticmethod
    def _to_event(raw: dict[str, Any], node_update: dict[str, Any]) -> Event | None:
        kind = raw.get("type")
        if kind == "message":
            return Message(raw["text"], raw.get("lang", "en"), list(raw.get("citations", [])))
        if kind == "tool_step":
            return ToolStep(raw["name"], raw["summary"])
        if kind == "question":
            return Question(raw["field"], raw["text"], list(raw["options"]), raw.get("default"))
        if kind == "requirements_table":
            return RequirementsTable(list(raw["rows"]))
        if kind == "shortlist":
            return Shortlist(list(raw["rows"]))
        if kind == "probe_results":
            return ProbeResults(list(raw["rows"]))
        if kind == "report_ready":
            dumped = node_update.get("recommendation")
            if not dumped:
                return None
            return ReportReady.of(dumped)
        return None


__all__ = [
    "Advisor",
    "Attachment",
    "Event",
    "Message",
    "ProbeProgress",
    "ProbeResults",
    "Question",
    "Reply",
    "ReportReady",
    "RequirementsTable",
    "Shortlist",
    "ThreadState",
    "ToolStep",
    "render_plain",
]

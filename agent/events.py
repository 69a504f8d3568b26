"""The typed contract between the graph, the service and the front ends: one pydantic model per event.

Nodes build these events; the checkpoint keeps their JSON dump (`dump`), so the state stays plain data
for any checkpointer; the service validates every event it reads back (`load`, `load_all`), and a
malformed one is an `EventError` that names the event and the field, never a silent skip. Front ends
(Chainlit, Slack, the CLI, the plain renderer) render from these types only.

    Message            a reply paragraph in the turn's language (with the passages it cites)
    ToolStep           a tool ran: its name and a one-line summary (shown as a step)
    Question           the question the agent waits on: options and the default's label
    RequirementsTable  the requirements as understood, one `RequirementRow` each
    Shortlist          the ranked candidates, one `ShortlistRow` each
    ReportReady        the report of the current recommendation is ready (rendered on first access)
    ProbeResults       the figures of a probe run, one `ProbeRow` per endpoint
    ProbeProgress      a probe item finished (streamed while the probe runs, never stored)
    NewTurn            the marker that starts a turn's events (the state's reducer consumes it)

Rows and events are frozen and reject unknown fields. `Event` is what front ends receive; `AnyEvent`
adds the `NewTurn` marker, which only the graph sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter, ValidationError

from whichmodel.knowledge.units import Lang
from whichmodel.tools.decision.explain import with_warnings

if TYPE_CHECKING:
    from whichmodel.agent.tools import ReportBundle
    from whichmodel.tools.decision import Recommendation

Provenance = Literal["stated", "inferred", "defaulted"]
"""Where a requirement came from: the person said it, it follows from what they said, or a default."""

NEW_TURN = "new_turn"
"""The `type` of the marker that starts a turn's events (see `agent.state.turn_events`)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------------------------------------
# Rows


class RequirementRow(_Frozen):
    """One requirement as understood: its path, label and value for people, and where it came from."""

    field: str
    """The requirement path, e.g. "budget.monthly_usd"."""
    label: str
    """The field's name in the turn's language."""
    value: str
    """The value as people read it, in the turn's language and the person's currency."""
    provenance: Provenance
    evidence: str
    """The words the value came from ("" for a default)."""

    def provenance_words(self, lang: str) -> str:
        """The provenance in words ("stated", "明确"), in `lang`."""
        from whichmodel.agent.prompts import PROVENANCE_LABELS

        return PROVENANCE_LABELS["zh" if lang == "zh" else "en"][self.provenance]


class ShortlistRow(_Frozen):
    """One ranked candidate, as the shortlist shows it."""

    rank: int
    model: str
    offering_id: str | None
    """The models.dev "provider:model" id; None when self-hosted."""
    where: str
    """Where it runs, in words ("via openai", "self-hosted"), in the turn's language."""
    monthly_usd: float | None
    """Cost at the person's volume in US dollars; None when it cannot be priced."""
    quality: float | None
    """The task-weighted public rating; None when unrated."""
    latency: Literal["fast", "medium", "slow"] | None
    self_hosted: bool
    currency: str | None = None
    """The currency the person gave their budget in (None: US dollars or no budget)."""
    warnings: tuple[str, ...] = ()
    """Lifecycle warnings in the turn's language ("retires on 2027-01-28", "preview release"): shown
    next to the model wherever the row is."""

    role: str = ""
    """ "quality pick" / "value pick" (in the turn's language) when the row is one of the two picks."""

    @property
    def label(self) -> str:
        """The model's name with its warnings and its role, as every front end shows it."""
        named = with_warnings(self.model, self.warnings)
        if not self.role:
            return named
        return f"{named}（{self.role}）" if re.search(r"[\u4e00-\u9fff]", self.role) else f"{named} ({self.role})"


class ProbeRow(_Frozen):
    """One probed endpoint's figures (every figure with its n)."""

    endpoint: str
    stands_for: str | None
    """The shortlisted model the endpoint serves (None for a setup check)."""
    role: Literal["candidate", "setup_check"]
    examples: Literal["own", "sample"]
    """The person's own examples, or a built-in sample set."""
    accuracy: float | None
    ci95: tuple[float | None, float | None]
    n: int
    latency_p50_s: float | None
    latency_p95_s: float | None
    latency_n: int
    cost_per_1k_usd: float | None
    cost_source: str | None
    cost_as_of: str | None
    errors: int
    errors_by_kind: dict[str, int]


# ---------------------------------------------------------------------------------------------
# Events


class Message(_Frozen):
    """A reply paragraph in the turn's language; `citations` are the knowledge passages it quotes."""

    type: Literal["message"] = "message"
    text: str
    lang: Lang
    citations: list[str] = Field(default_factory=list)


class ToolStep(_Frozen):
    """A tool ran: its name (e.g. "catalog_search") and a one-line summary."""

    type: Literal["tool_step"] = "tool_step"
    name: str
    summary: str


class Question(_Frozen):
    """The question the agent waits on. `field` is a requirement path, "confirm", "conflict:<kind>" or
    "probe"; `options` the offered answers' labels; `default` the label "not sure" takes."""

    type: Literal["question"] = "question"
    field: str
    text: str
    options: list[str]
    default: str | None


class RequirementsTable(_Frozen):
    """The requirements as understood, for confirmation."""

    type: Literal["requirements_table"] = "requirements_table"
    rows: list[RequirementRow]


class Shortlist(_Frozen):
    """The ranked candidates (the first five)."""

    type: Literal["shortlist"] = "shortlist"
    rows: list[ShortlistRow]


class ProbeResults(_Frozen):
    """The figures of a probe run, one row per endpoint."""

    type: Literal["probe_results"] = "probe_results"
    rows: list[ProbeRow]


class ProbeProgress(_Frozen):
    """A probe item finished: `done` of `total` (for a progress bar). Streamed, never stored."""

    type: Literal["probe_progress"] = "probe_progress"
    done: int
    total: int
    endpoint: str
    ok: bool


class NewTurn(_Frozen):
    """Starts a turn's events: the state's reducer drops the previous turn's events at this marker."""

    type: Literal["new_turn"] = "new_turn"


class ReportReady(_Frozen):
    """The report of the current recommendation is ready: `markdown`, self-contained `html`, `json`,
    the `svg_chart`, and `png_chart(lang)` for clients without SVG (Slack).

    Stored without a payload (the recommendation is in the state); the service attaches the stored
    recommendation (`attach`). The report is rendered from it on first access to any of the formats
    (~35 ms of CPU with the validation): a front end that shows only text, or a turn whose report
    nobody opens, does not pay for it.
    """

    type: Literal["report_ready"] = "report_ready"
    _dumped: dict[str, Any] | None = PrivateAttr(default=None)
    _rec: Any = PrivateAttr(default=None)
    _bundle: Any = PrivateAttr(default=None)

    @classmethod
    def attach(cls, recommendation: Recommendation | Mapping[str, Any]) -> ReportReady:
        """The event for this recommendation (an object, or as stored: `model_dump(mode="json")`)."""
        report = cls()
        if isinstance(recommendation, Mapping):
            report._dumped = dict(recommendation)
        else:
            report._rec = recommendation
        return report

    @property
    def recommendation(self) -> Recommendation:
        """The recommendation the report shows (for clients that render it their own way)."""
        if self._rec is None:
            if self._dumped is None:
                raise EventError(
                    "a report_ready event has no recommendation attached (use ReportReady.attach)"
                )
            from whichmodel.tools.decision import Recommendation

            self._rec = Recommendation.model_validate(self._dumped)
        return self._rec  # type: ignore[no-any-return]

    def _rendered(self) -> ReportBundle:
        if self._bundle is None:
            from whichmodel.agent.tools import build_report

            self._bundle = build_report(self.recommendation)
        return self._bundle  # type: ignore[no-any-return]

    @property
    def markdown(self) -> str:
        return self._rendered().markdown

    @property
    def html(self) -> str:
        return self._rendered().html

    @property  # the report's JSON text; BaseModel.json() is pydantic's deprecated serialiser
    def json(self) -> str:  # type: ignore[override]
        return self._rendered().json

    @property
    def svg_chart(self) -> str:
        return self._rendered().svg_chart

    def data(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (what `json` holds as text), without rendering the others."""
        from whichmodel.tools.report import to_json

        return to_json(self.recommendation)

    def png_chart(self, lang: Lang | None = None) -> bytes:
        """The cost-vs-quality chart as PNG bytes (a few hundred ms: call it off the event loop)."""
        from whichmodel.tools.report.chart_png import render_chart_png

        return render_chart_png(self.recommendation, lang)

    def __repr__(self) -> str:
        state = "rendered" if self._bundle is not None else "not rendered yet"
        return f"ReportReady({state})"


Event = (
    Message | ToolStep | Question | RequirementsTable | Shortlist | ReportReady | ProbeResults | ProbeProgress
)
"""An event as front ends receive it."""

AnyEvent = Annotated[Event | NewTurn, Field(discriminator="type")]
"""Any event a node may write, the turn marker included; validated on `type`."""

_ADAPTER: TypeAdapter[AnyEvent] = TypeAdapter(AnyEvent)

KINDS: tuple[str, ...] = tuple(
    m.model_fields["type"].default
    for m in (
        Message,
        ToolStep,
        Question,
        RequirementsTable,
        Shortlist,
        ReportReady,
        ProbeResults,
        ProbeProgress,
        NewTurn,
    )
)
"""Every event `type`."""


class EventError(ValueError):
    """A stored event that does not match its model: names the event, its kind and what is wrong."""


def load(raw: object, where: str = "event") -> AnyEvent:
    """Validate one stored event (a JSON dump); EventError, naming `where`, when it is malformed."""
    try:
        return _ADAPTER.validate_python(raw)
    except ValidationError as exc:
        kind = raw.get("type") if isinstance(raw, Mapping) else None
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or err['loc'][0] if err['loc'] else 'event'}: {err['msg']}"
            for err in exc.errors(include_url=False)[:3]
        )
        what = f"kind {kind!r}" if isinstance(kind, str) and kind in KINDS else f"unknown kind {kind!r}"
        raise EventError(f"malformed {where} ({what}): {problems}") from None


def load_all(raws: Iterable[object], where: str = "stored event") -> list[AnyEvent]:
    """Validate a list of stored events; the error names the event's position."""
    return [load(raw, f"{where} #{i}") for i, raw in enumerate(raws)]


def dump(events: Iterable[AnyEvent | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Events as the checkpoint keeps them (JSON-ready dicts). Dicts are validated first, so nothing
    malformed is ever stored."""
    out = []
    for e in events:
        model = e if isinstance(e, BaseModel) else load(e, "event to store")
        out.append(model.model_dump(mode="json"))
    return out


__all__ = [
    "KINDS",
    "NEW_TURN",
    "AnyEvent",
    "Event",
    "EventError",
    "Message",
    "NewTurn",
    "ProbeProgress",
    "ProbeResults",
    "ProbeRow",
    "Provenance",
    "Question",
    "ReportReady",
    "RequirementRow",
    "RequirementsTable",
    "Shortlist",
    "ShortlistRow",
    "ToolStep",
    "dump",
    "load",
    "load_all",
]

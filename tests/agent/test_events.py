"""The typed event contract (agent.events): every kind survives dump -> validate, a malformed stored
event is a clear error (from the module and from a real checkpoint read back by the Advisor), and
the graph keeps only plain JSON in its state."""

from __future__ import annotations

import json

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from tests.report.fixtures import realistic_recommendation
from whichmodel.agent import events as ev
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings

SAMPLES: dict[str, ev.AnyEvent] = {
    "message": ev.Message(text="Noted: budget $300/month.", lang="en", citations=["framework/budget#1"]),
    "tool_step": ev.ToolStep(name="catalog_search", summary="312 offerings searched"),
    "question": ev.Question(
        field="budget.monthly_usd", text="每月预算是多少？", options=["100 美元以内", "预算不限"], default="预算不限"
    ),
    "requirements_table": ev.RequirementsTable(
        rows=[
            ev.RequirementRow(
                field="budget.monthly_usd", label="Monthly budget", value="$300/month", provenance="stated",
                evidence="under $300 a month",
            ),
            ev.RequirementRow(
                field="latency.p95_seconds", label="Response time", value="no limit", provenance="defaulted",
                evidence="",
            ),
        ]
    ),
    "shortlist": ev.Shortlist(
        rows=[
            ev.ShortlistRow(
                rank=1, model="GPT-4o mini", offering_id="openai:gpt-4o-mini", where="via openai",
                monthly_usd=3.2, quality=1272.0, latency="fast", self_hosted=False, currency="CNY",
            ),
            ev.ShortlistRow(
                rank=2, model="Qwen3-32B", offering_id=None, where="self-hosted", monthly_usd=None,
                quality=None, latency=None, self_hosted=True,
            ),
        ]
    ),
    "report_ready": ev.ReportReady(),
    "probe_results": ev.ProbeResults(
        rows=[
            ev.ProbeRow(
                endpoint="good", stands_for="GPT-4o mini", role="candidate", examples="own", accuracy=0.83,
                ci95=(0.44, 0.97), n=6, latency_p50_s=0.4, latency_p95_s=1.2, latency_n=6,
                cost_per_1k_usd=0.05, cost_source="catalog", cost_as_of="2026-08-18", errors=1,
                errors_by_kind={"timeout": 1},
            ),
            ev.ProbeRow(
                endpoint="local", stands_for=None, role="setup_check", examples="sample", accuracy=None,
                ci95=(None, None), n=0, latency_p50_s=None, latency_p95_s=None, latency_n=0,
                cost_per_1k_usd=None, cost_source=None, cost_as_of=None, errors=0, errors_by_kind={},
            ),
        ]
    ),
    "probe_progress": ev.ProbeProgress(done=3, total=12, endpoint="good", ok=True),
    "new_turn": ev.NewTurn(),
}  # fmt: skip

EN_ALL = "we classify ~20k support tickets a day, must stay under $300 a month, answers within 2 seconds, any cloud API"


def test_every_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(ev.KINDS)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_kind_round_trips_through_its_json_dump(kind: str) -> None:
    event = SAMPLES[kind]
    (stored,) = ev.dump([event])
    assert stored["type"] == kind
    back = ev.load(json.loads(json.dumps(stored)))  # what a checkpoint gives back
    assert type(back) is type(event) and back == event
    assert ev.dump([back]) == [stored]


def test_a_report_renders_from_the_recommendation_attached_to_it() -> None:
    report = ev.ReportReady.attach(realistic_recommendation().model_dump(mode="json"))
    assert ev.dump([report]) == [{"type": "report_ready"}]  # the recommendation is stored in the state
    assert report.recommendation.recommendations
    assert report.html.startswith("<!") and "<svg" in report.svg_chart and report.markdown
    assert json.loads(report.json) == json.loads(json.dumps(report.data()))
    with pytest.raises(ev.EventError, match="no recommendation"):
        _ = ev.ReportReady().markdown


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"type": "shortlist", "rows": [{"rank": "first"}]}, r"kind 'shortlist'.*rows\.0\.rank"),
        ({"type": "question", "text": "Budget?", "options": []}, r"kind 'question'.*field: Field required"),
        ({"type": "message", "text": "hi", "lang": "fr"}, r"kind 'message'.*lang"),
        ({"type": "tool_step", "name": "x", "summary": "y", "extra": 1}, r"extra: Extra inputs"),
        ({"type": "chart", "svg": "<svg/>"}, r"unknown kind 'chart'"),
        ({"text": "no type"}, r"unknown kind None"),
        ("message", r"unknown kind None"),
    ],
)
def test_a_malformed_event_is_a_clear_error(raw: object, expected: str) -> None:
    with pytest.raises(ev.EventError, match=expected):
        ev.load(raw, "stored event #2")
    with pytest.raises(ev.EventError, match="#2"):
        ev.load_all([SAMPLES["message"].model_dump(), SAMPLES["tool_step"].model_dump(), raw])
    with pytest.raises(ev.EventError):
        ev.dump([raw])  # type: ignore[list-item]  # nothing malformed is ever stored


def test_events_are_frozen() -> None:
    with pytest.raises(ValueError):
        SAMPLES["message"].text = "changed"  # type: ignore[misc,union-attr]


async def test_the_checkpoint_keeps_plain_json_and_the_service_reads_typed_events_back() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("t", "we summarize meeting notes, about 500 a day")
        first = await adv.state("t")
        assert first.question is not None and first.question.field == "budget.monthly_usd"  # shown again on reopening
        assert first.question == next(e for e in first.events if isinstance(e, ev.Question))
        await adv.send("t", EN_ALL)
        snapshot = await adv.graph.aget_state({"configurable": {"thread_id": "t"}})
        stored = snapshot.values["events"]
        assert stored and all(type(e) is dict for e in stored)
        json.dumps(snapshot.values)  # the whole state is plain JSON
        assert "shortlist" not in snapshot.values and "recommended_for" not in snapshot.values
        state = await adv.state("t")
        kinds = [type(e) for e in state.events]
        assert ev.Shortlist in kinds and ev.ReportReady in kinds and ev.NewTurn not in kinds
        report = next(e for e in state.events if isinstance(e, ev.ReportReady))
        again = await adv.report("t")
        assert again is not None and report.markdown == again.markdown
        assert state.question is None and state.pending is None  # probes off: nothing offered


async def test_a_malformed_stored_event_is_an_error_naming_the_thread_and_event() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("t", EN_ALL)
        config = {"configurable": {"thread_id": "t"}}
        n = len((await adv.graph.aget_state(config)).values["events"])
        broken = {"type": "shortlist", "rows": [{"rank": "first", "model": "X"}]}
        await adv.graph.aupdate_state(config, {"events": [broken]}, as_node="finish")
        with pytest.raises(ev.EventError, match=rf"thread 't' #{n} \(kind 'shortlist'\): rows\.0\.rank"):
            await adv.state("t")
        await adv.send("t", "actually the budget is $500 a month")  # a new turn, a new list of events
        assert any(isinstance(e, ev.Shortlist) for e in (await adv.state("t")).events)

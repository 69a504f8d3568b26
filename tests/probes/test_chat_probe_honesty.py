"""The probe in a conversation tells the truth about what it measured (a loopback OpenAI-compatible
server configured server-side as shortlisted offerings; the offline brain; no local model involved):
rows are named by the model they stand for, "changed the ranking" only when the order changed, and
the scoring rule is stated."""

from __future__ import annotations

from pathlib import Path

from tests.probes.faultserver import FaultServer
from whichmodel.agent.probing import ProbeService
from whichmodel.agent.service import Advisor, Message, ProbeResults
from whichmodel.agent.settings import Settings
from whichmodel.tools.probes.endpoints import load_registry

OPENING = (
    "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds"
)
PASTED = "\n".join(
    f"Ticket {i}: {text} ANSWER:{label} => {label}"
    for i, (text, label) in enumerate(
        [("love it", "positive"), ("broken again", "negative"), ("works well", "positive"),
         ("refund me", "negative"), ("great support", "positive"), ("too slow", "negative")]
    )
)  # fmt: skip


async def _probe(tmp_path: Path, thread: str, offering_index: int) -> tuple[list[object], str, str]:
    settings = Settings.load(brain="offline", db_path=tmp_path / f"{thread}.sqlite")
    service = ProbeService(
        registry=load_registry({}), data_dir=tmp_path / "probes",
        settings_overrides={"max_retries": 0, "backoff_base_s": 0.01},
    )  # fmt: skip
    with FaultServer() as server:
        async with Advisor(settings, retriever=None, probes=service) as advisor:
            for text in (OPENING, "yes", "yes"):
                await advisor.send(thread, text)
            before = await advisor.recommendation(thread)
            assert before is not None
            assert len(before.recommendations) >= 2
            target = before.recommendations[offering_index]
            service.registry = load_registry(
                {
                    "WHICHMODEL_ENDPOINT_GOOD_BASE_URL": server.base_url,
                    "WHICHMODEL_ENDPOINT_GOOD_MODEL": "good",
                    "WHICHMODEL_ENDPOINT_GOOD_CATALOG": str(target.offering_id),
                }
            )
            assert [e.id for e in service.endpoints_for(before)] == ["good"]  # never the local model
            events = [e async for e in advisor.events(thread, PASTED)]
    text = "\n".join(e.text for e in events if isinstance(e, Message))
    return events, text, target.model


async def test_a_measured_candidate_that_moves_up_changes_the_ranking(tmp_path: Path) -> None:
    events, text, model = await _probe(tmp_path, "moves", 2)  # a candidate below #1 within the probed depth
    results = next(e for e in events if isinstance(e, ProbeResults))
    assert [(r.endpoint, r.stands_for, r.role, r.examples) for r in results.rows] == [
        ("good", model, "candidate", "own")
    ]
    assert f"- {model}: 100% correct" in text and "6 examples" in text
    assert f"The measurements changed the ranking: {model} is now first." in text
    assert "names exactly one of the labels (positive, negative)" in text
    assert "Re-ranked" not in text and "local" not in text


async def test_measuring_the_leader_keeps_the_ranking_and_says_so(tmp_path: Path) -> None:
    _, text, model = await _probe(tmp_path, "stays", 0)
    assert f"- {model}: 100% correct" in text
    assert "The measurements did not change the ranking." in text
    assert "changed the ranking" not in text and "Re-ranked" not in text

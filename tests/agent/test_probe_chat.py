"""Probes in the conversation, on real servers: the real local SmolLM2 and a loopback OpenAI-compatible
server configured (server-side) as two shortlisted offerings; results re-rank and reach the report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.probes.faultserver import FaultServer
from whichmodel.agent.probing import ProbeService
from whichmodel.agent.service import Advisor, Attachment, ProbeProgress, ProbeResults, Shortlist
from whichmodel.agent.settings import Settings
from whichmodel.agent.tools import build_report
from whichmodel.tools.probes.endpoints import load_registry

OPENING = "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds"
SECRET = "sk-probe-secret-4242"
PASTED = "\n".join(
    f"Ticket {i}: {text} ANSWER:{label} => {label}"
    for i, (text, label) in enumerate(
        [("love it", "positive"), ("broken again", "negative"), ("works well", "positive"),
         ("refund me", "negative"), ("great support", "positive"), ("too slow", "negative")]
    )
)  # fmt: skip

pytestmark = pytest.mark.slow


async def _to_shortlist(advisor: Advisor, thread: str) -> None:
    """The opening states task, volume, budget and answer time; "any cloud API" answers where it may run,
    and that reply holds the recommendation (no confirmation step) with the probe offer."""
    await advisor.send(thread, OPENING)
    reply = await advisor.send(thread, "any cloud API is fine")
    assert reply.stage == "recommended" and reply.pending and reply.pending["field"] == "probe"


async def test_pasted_examples_probe_reranks_and_reaches_the_report(tmp_path: Path, figures) -> None:
    settings = Settings.load(brain="offline", db_path=tmp_path / "chat.sqlite")
    service = ProbeService(
        registry=load_registry({}), data_dir=tmp_path / "probes",
        settings_overrides={"max_retries": 0, "backoff_base_s": 0.01},
    )  # fmt: skip
    with FaultServer() as server:
        async with Advisor(settings, retriever=None, probes=service) as advisor:
            await _to_shortlist(advisor, "t1")
            before = await advisor.recommendation("t1")
            assert before is not None
            assert len(before.recommendations) >= 2
            first, third = before.recommendations[0], before.recommendations[min(2, len(before.recommendations) - 1)]
            # Server-side configuration only: the chat never names a URL.
            service.registry = load_registry(
                {
                    "WHICHMODEL_ENDPOINT_GOOD_BASE_URL": server.base_url,
                    "WHICHMODEL_ENDPOINT_GOOD_MODEL": "good",
                    "WHICHMODEL_ENDPOINT_GOOD_API_KEY": SECRET,
                    "WHICHMODEL_ENDPOINT_GOOD_CATALOG": str(third.offering_id),
                    "WHICHMODEL_ENDPOINT_BAD_BASE_URL": server.base_url,
                    "WHICHMODEL_ENDPOINT_BAD_MODEL": "dies-after-0",
                    "WHICHMODEL_ENDPOINT_BAD_CATALOG": str(first.offering_id),
                }
            )
            events = [e async for e in advisor.events("t1", PASTED)]
            after = await advisor.recommendation("t1")
            state = await advisor.state("t1")

    progress = [e for e in events if isinstance(e, ProbeProgress)]
    # 6 examples x the two configured candidates; the local test model never runs beside candidates.
    assert progress and progress[-1].done == progress[-1].total == 6 * 2
    results = next(e for e in events if isinstance(e, ProbeResults))
    by_endpoint = {r.endpoint: r for r in results.rows}
    assert set(by_endpoint) == {"good", "bad"}
    assert by_endpoint["good"].accuracy == 1.0 and by_endpoint["good"].n == 6
    assert by_endpoint["bad"].accuracy == 0.0 and by_endpoint["bad"].errors == 6
    assert any(isinstance(e, Shortlist) for e in events)

    # The ranking changed: the offering that answered everything leads; the failing one fell back.
    assert after is not None and after.probes is not None
    assert after.recommendations[0].model_key == third.model_key
    assert after.recommendations[0].measured is not None and after.recommendations[0].measured.n == 6
    ranks = {c.model_key: c.rank for c in after.recommendations}
    assert ranks.get(first.model_key, 99) > ranks[third.model_key]
    assert state.pending is None

    report = build_report(after)
    assert "Measured on your examples" in report.markdown and "n=6" in report.markdown
    assert "<svg" in report.html and "Measured accuracy on your examples" in report.html
    probes_json = json.loads(report.json)["probes"]
    assert {m["endpoint"]: m["n"] for m in probes_json["measurements"]} == {
        "good": 6, "bad": 6,
    }  # fmt: skip

    # The key went only to the server it was configured for, and is stored nowhere.
    assert all(r["headers"].get("Authorization") in (f"Bearer {SECRET}", None) for r in server.log.requests)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    with sqlite3.connect(tmp_path / "chat.sqlite") as db:
        blobs = [row[0] for row in db.execute("select checkpoint from checkpoints")]
    assert blobs and all(SECRET.encode() not in bytes(b) for b in blobs)
    assert SECRET not in report.markdown + report.html + report.json
    figures.add("probe chat", "items probed (6 examples x 2 endpoints)", str(progress[-1].done))


async def test_uploads_errors_and_skip_in_both_languages(tmp_path: Path) -> None:
    settings = Settings.load(brain="offline", db_path=tmp_path / "chat.sqlite")
    with FaultServer() as server:
        registry = load_registry(
            {"WHICHMODEL_ENDPOINT_GOOD_BASE_URL": server.base_url, "WHICHMODEL_ENDPOINT_GOOD_MODEL": "good"}
        )
        registry = registry.model_copy(update={"fixed": {"good": registry.fixed["good"]}})  # no local model
        service = ProbeService(registry=registry, data_dir=tmp_path / "probes")
        async with Advisor(settings, retriever=None, probes=service) as advisor:
            # Server-side configuration only, for the offering that leads these requirements (ranked on
            # a throwaway thread first: the ranking is deterministic): only such an endpoint is probed.
            await _to_shortlist(advisor, "t0")
            ranked = await advisor.recommendation("t0")
            assert ranked is not None
            leader = ranked.recommendations[0]
            service.registry = load_registry(
                {
                    "WHICHMODEL_ENDPOINT_GOOD_BASE_URL": server.base_url,
                    "WHICHMODEL_ENDPOINT_GOOD_MODEL": "good",
                    "WHICHMODEL_ENDPOINT_GOOD_CATALOG": str(leader.offering_id),
                }
            )
            # An examples file before there is a shortlist is kept, and offered once there is one.
            upload = tmp_path / "tickets.csv"
            upload.write_text("input,expected\nok ANSWER:yes,yes\nno ANSWER:no,no\nmaybe ANSWER:yes,no\n")
            early = await advisor.send("t2", "", [Attachment("../../etc/tickets.csv", upload)])
            assert "3 examples" in early.text and "tickets.csv" in early.text and "etc" not in early.text
            await _to_shortlist(advisor, "t2")
            shortlisted = await advisor.recommendation("t2")
            assert shortlisted is not None and shortlisted.recommendations[0].offering_id == leader.offering_id
            state = await advisor.state("t2")
            assert state.pending is not None and state.pending["options"][0] == "Test on my examples"
            done = await advisor.send("t2", "1")
            assert f"{leader.model}: 67% correct" in done.text and "3 examples" in done.text, done.text

            # A file that is not examples gets a clear answer and the offer stays open.
            await _to_shortlist(advisor, "t3")
            bad = tmp_path / "payload.exe"
            bad.write_bytes(b"MZ\x00\x00")
            reply = await advisor.send("t3", "", [Attachment("payload.exe", bad)])
            assert "unsupported file type" in reply.text
            assert (await advisor.state("t3")).pending is not None

            # Chinese: "不用了" declines the probe, in Chinese.
            for text in ("我们每天大约两万条客服工单，需要分成12类，每月预算不超过300美元，2秒内返回", "对", "对"):
                zh = await advisor.send("t4", text)
            assert zh.pending is not None and zh.pending["field"] == "probe", zh.text
            declined = await advisor.send("t4", "不用了")
            assert "不做测试" in declined.text and declined.pending is None


async def test_the_settings_offer_is_said_once_and_still_answerable_after_a_rerank(tmp_path: Path) -> None:
    """Nothing shortlisted is set up here: the settings offer comes with the first recommendation only; a
    correction re-ranks without repeating it, and typing its answer afterwards still gets the settings."""
    settings = Settings.load(brain="offline", db_path=tmp_path / "chat.sqlite")
    service = ProbeService(registry=load_registry({}), data_dir=tmp_path / "probes")
    async with Advisor(settings, retriever=None, probes=service) as advisor:
        await _to_shortlist(advisor, "once")
        again = await advisor.send("once", "actually the budget is $200 a month")
        assert again.stage == "recommended" and "$200" in again.text
        assert "None of the shortlisted models is set up" not in again.text
        shown = await advisor.send("once", "show the settings")
        assert "WHICHMODEL_ENDPOINT_" in shown.text and "_BASE_URL=" in shown.text

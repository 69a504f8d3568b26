"""Transcription is priced per audio minute: the interview asks how long one recording is (only for
speech-to-text), and a bare duration answers it ("around 6 minutes" is not an answer-time limit)."""

from __future__ import annotations

from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.nodes.slots import next_missing
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.agent.state import Fact


def _slots(**values: object) -> dict:
    return {p.replace("__", "."): Fact(p.replace("__", "."), v, "stated", "").slot() for p, v in values.items()}


def test_the_audio_length_is_asked_only_for_transcription() -> None:
    answered = {"volume__requests_per_month": 9000, "budget__monthly_usd": 200.0, "deployment__self_host": False}
    assert next_missing(_slots(task_type="speech_to_text", **answered)) == "volume.audio_minutes"
    assert next_missing(_slots(task_type="summarization", **answered)) is None
    assert next_missing(_slots(task_type="speech_to_text", volume__audio_minutes=6.0, **answered)) is None


async def test_a_bare_duration_answers_the_audio_question() -> None:
    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        await adv.send("a", "We want to transcribe our customer phone calls, about 300 calls a day, budget $200 a month")
        asked = await adv.send("a", "any cloud is fine")
        assert asked.pending is not None and asked.pending["field"] == "volume.audio_minutes"
        await adv.send("a", "around 6 minutes")
        state = await adv.state("a")
    assert state.requirements["volume"]["audio_minutes"] == 6.0
    assert state.requirements.get("latency", {}).get("p95_seconds") is None

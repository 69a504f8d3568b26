"""LangGraph checkpoints in a real Postgres: a conversation started by one Advisor is resumed, with
its pending question, by a second process (the terminal chat) on the same database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest
from pydantic import SecretStr

from whichmodel.agent.checkpoint import open_checkpointer
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _settings(url: str) -> Settings:
    return Settings(brain="offline", postgres_url=SecretStr(url))


async def test_second_process_resumes_the_pending_question(postgres_url: str, tmp_path: Path) -> None:
    async with Advisor(_settings(postgres_url), retriever=None) as adv:
        await adv.send("T", "we need a chatbot for customer support, 2k chats a day, the chats are confidential")
        reply = await adv.send("T", "$400 a month")
        # The answer time is assumed (and said); where the model may run is asked next.
        assert reply.pending is not None and reply.pending["field"] == "deployment"

    with psycopg.connect(postgres_url) as conn:
        (stored,) = conn.execute("SELECT count(*) FROM checkpoints WHERE thread_id = 'T'").fetchone()  # type: ignore[misc]
    assert stored >= 2, "the conversation is not in Postgres"

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "WHICHMODEL_BRAIN": "offline",
        "WHICHMODEL_POSTGRES_URL": postgres_url,
        # A SQLite path that must stay unused: the checkpoints come from Postgres.
        "WHICHMODEL_DB": str(tmp_path / "unused" / "chat.sqlite"),
        "PYTHONUNBUFFERED": "1",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "whichmodel.ui.chat_cli", "--thread", "T"],
        input="any cloud API\nyes\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "(resuming thread T)" in out and "Where may the model run?" in out
    assert "Shortlist:" in out and "My recommendation:" in out
    assert not (tmp_path / "unused").exists(), "the second process used SQLite, not Postgres"
    password = urlparse(postgres_url).password
    assert password and password not in out + proc.stderr, "the database password was printed"

    async with Advisor(_settings(postgres_url), retriever=None) as adv:
        state = await adv.state("T")
    assert state.stage == "recommended" and state.recommendation is not None
    assert state.slots["budget.monthly_usd"]["value"] == 400.0
    assert state.slots["budget.monthly_usd"]["provenance"] == "stated"  # kept from the first process


async def test_replicas_starting_together_set_up_the_tables_once(postgres_url: str) -> None:
    async def open_one() -> int:
        async with open_checkpointer(_settings(postgres_url)) as saver:
            return len([c async for c in saver.alist({"configurable": {"thread_id": "none"}})])

    assert await asyncio.gather(*(open_one() for _ in range(4))) == [0, 0, 0, 0]
    with psycopg.connect(postgres_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT v FROM checkpoint_migrations ORDER BY v")]
    assert versions == sorted(set(versions)), f"migrations applied twice: {versions}"


async def test_a_wrong_password_fails_without_showing_it(postgres_url: str) -> None:
    parsed = urlparse(postgres_url)
    bad = postgres_url.replace(f":{parsed.password}@", ":not-the-password-x9@")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed") as caught:
        async with open_checkpointer(_settings(bad)):
            pass
    assert "not-the-password-x9" not in str(caught.value)

"""Chat history in a real Postgres through Chainlit's own SQLAlchemy data layer (asyncpg).

The schema is created with Postgres types, is idempotent, is set up once when replicas start
together, upgrades a table made by an older schema, and carries everything Chainlit reads and
writes: users, threads with JSONB metadata and TEXT[] tags, steps, listing per user, deletion.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import psycopg
import pytest
from chainlit.data.sql_alchemy import SQLAlchemyDataLayer
from chainlit.types import Pagination, ThreadFilter
from chainlit.user import User

from whichmodel.ui.chainlit import history_pg, store

pytestmark = pytest.mark.slow


def _columns(url: str, table: str) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", (table,)
        ).fetchall()
    return {name: kind for name, kind in rows}


def test_history_target_precedence(tmp_path: Path) -> None:
    pg = "postgresql://u:p@db:5432/history"
    assert store.history_target({store.HISTORY_URL_ENV: pg, store.POSTGRES_ENV: "postgresql://x/y"}) == pg
    assert store.history_target({store.POSTGRES_ENV: pg}) == pg, "the checkpoint database by default"
    assert store.history_target({store.HISTORY_ENV: str(tmp_path / "h.db")}) == tmp_path / "h.db"
    assert store.history_target({}, checkpoints=tmp_path / "chat.sqlite") == tmp_path / "history.sqlite"
    with pytest.raises(ValueError, match="postgresql://"):
        store.history_target({store.HISTORY_URL_ENV: "mysql://db/x"})
    url, args = history_pg.asyncpg_url("postgresql://u:p@db:5432/h?sslmode=require&application_name=wm")
    assert url == "postgresql+asyncpg://u:p@db:5432/h?application_name=wm" and args == {"ssl": "require"}


async def test_schema_types_idempotent_and_concurrent(postgres_url: str) -> None:
    results = await asyncio.gather(*(store.prepare(postgres_url) for _ in range(4)))
    assert results == [[], [], [], []], "four replicas starting at once: tables made once, nothing 'added'"
    assert await store.prepare(postgres_url) == []
    threads = _columns(postgres_url, "threads")
    assert threads["id"] == "uuid" and threads["userId"] == "uuid"
    assert threads["metadata"] == "jsonb" and threads["tags"] == "ARRAY"
    steps = _columns(postgres_url, "steps")
    assert {"command", "modes", "defaultOpen", "autoCollapse", "icon"} <= set(steps)
    assert steps["metadata"] == "jsonb" and steps["threadId"] == "uuid" and steps["streaming"] == "boolean"
    assert {"props", "autoPlay", "playerConfig"} <= set(_columns(postgres_url, "elements"))
    assert _columns(postgres_url, "users")["metadata"] == "jsonb"


async def test_old_tables_are_upgraded(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as conn:
        conn.execute('CREATE TABLE steps ("id" UUID PRIMARY KEY, "name" TEXT NOT NULL, "type" TEXT NOT NULL, "threadId" UUID NOT NULL)')
    added = await store.prepare(postgres_url)
    assert {"steps.icon", "steps.modes", "steps.defaultOpen", "steps.autoCollapse", "steps.command"} <= set(added)
    assert await store.prepare(postgres_url) == []


async def test_owners_are_filled_in_from_the_history(postgres_url: str, tmp_path: Path) -> None:
    """Threads stored before owners were recorded get their author as owner, on SQLite and Postgres."""
    for target in (postgres_url, tmp_path / "history.sqlite"):
        await store.prepare(target)
        layer: SQLAlchemyDataLayer = store.make_data_layer(target)
        try:
            ann = await layer.create_user(User(identifier="ann"))
            assert ann is not None
            old, claimed, anonymous = (str(uuid.uuid4()) for _ in range(3))
            await layer.update_thread(old, user_id=ann.id)
            await layer.update_thread(claimed, user_id=ann.id)
            await layer.update_thread(anonymous, name="no author")
            assert await store.claim_thread(layer.engine, claimed, "someone-else") == "someone-else"
            await store.prepare(target)
            assert await store.thread_owner(layer.engine, old) == "ann"
            assert await store.thread_owner(layer.engine, claimed) == "someone-else", "a record is never overwritten"
            assert await store.thread_owner(layer.engine, anonymous) is None
        finally:
            await layer.engine.dispose()


async def test_chainlit_data_layer_round_trip(postgres_url: str) -> None:
    await store.prepare(postgres_url)
    layer: SQLAlchemyDataLayer = store.make_data_layer(postgres_url)
    create_step = SQLAlchemyDataLayer.create_step.__wrapped__  # type: ignore[attr-defined]
    try:
        ann = await layer.create_user(User(identifier="ann", metadata={"provider": "password"}))
        bob = await layer.create_user(User(identifier="bob", metadata={}))
        assert ann is not None and bob is not None and ann.metadata == {"provider": "password"}
        thread_id = str(uuid.uuid4())
        await layer.update_thread(thread_id, name="Tickets", user_id=ann.id, metadata={"lang": "en"}, tags=["a", "b"])
        await layer.update_thread(thread_id, metadata={"chat_profile": None, "extra": 1})
        step_id = str(uuid.uuid4())
        await create_step(
            layer,
            {
                "id": step_id,
                "threadId": thread_id,
                "name": "user",
                "type": "user_message",
                "output": "We classify 20k tickets a day",
                "createdAt": "2026-12-02T10:00:00Z",
                "metadata": {"k": "v"},
                "tags": ["t"],
                "streaming": False,
                "showInput": "false",
            },
        )
        thread = await layer.get_thread(thread_id)
        assert thread is not None and thread["name"] == "Tickets" and thread["userIdentifier"] == "ann"
        assert thread["metadata"] == {"lang": "en", "extra": 1} and thread["tags"] == ["a", "b"]
        (step,) = thread["steps"]
        assert step["output"] == "We classify 20k tickets a day" and step["metadata"] == {"k": "v"}
        assert await layer.get_thread_author(thread_id) == "ann"
        mine = await layer.list_threads(Pagination(first=10), ThreadFilter(userId=ann.id))
        theirs = await layer.list_threads(Pagination(first=10), ThreadFilter(userId=bob.id))
        assert [t["id"] for t in mine.data] == [thread_id] and theirs.data == []

        # The app's owner record: first claim wins, a second claim does not overwrite it.
        assert await store.thread_owner(layer.engine, thread_id) is None
        assert await store.claim_thread(layer.engine, thread_id, "ann") == "ann"
        assert await store.claim_thread(layer.engine, thread_id, "bob") == "ann"

        await layer.delete_thread(thread_id)
        assert await layer.get_thread(thread_id) is None
    finally:
        await layer.engine.dispose()

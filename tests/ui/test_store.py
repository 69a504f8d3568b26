"""Chat history on SQLite through Chainlit's own SQLAlchemy data layer (real aiosqlite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from chainlit.user import User

from whichmodel.ui.chainlit import store


def test_schema_is_idempotent_and_upgrades_old_tables(tmp_path: Path) -> None:
    db = tmp_path / "h" / "history.sqlite"
    with sqlite3.connect(tmp_path / "old.sqlite") as old:
        old.execute('CREATE TABLE steps ("id" TEXT PRIMARY KEY, "name" TEXT, "type" TEXT, "threadId" TEXT)')
    added = store.ensure_schema(tmp_path / "old.sqlite")
    assert {"steps.icon", "steps.modes", "steps.defaultOpen", "steps.autoCollapse", "steps.command"} <= set(
        added
    )
    assert store.ensure_schema(db) == []
    assert store.ensure_schema(db) == []
    with sqlite3.connect(db) as conn:
        cols = {r[1] for r in conn.execute('PRAGMA table_info("elements")')}
    assert {"props", "autoPlay", "playerConfig"} <= cols


def test_history_path_precedence(tmp_path: Path) -> None:
    assert store.history_path({store.HISTORY_ENV: str(tmp_path / "x.db")}) == tmp_path / "x.db"
    assert store.history_path({}, checkpoints=tmp_path / "chat.sqlite") == tmp_path / "history.sqlite"


async def test_chainlit_data_layer_round_trip(tmp_path: Path) -> None:
    layer = store.make_data_layer(tmp_path / "history.sqlite")
    try:
        user = await layer.create_user(User(identifier="local", metadata={"provider": "local"}))
        assert user is not None and user.identifier == "local"
        await layer.update_thread(
            "thread-1", name="Ticket classifier", user_id=user.id, metadata={"lang": "en"}
        )
        thread = await layer.get_thread("thread-1")
        assert thread is not None and thread["name"] == "Ticket classifier"
        assert thread["userIdentifier"] == "local"
        assert await layer.get_thread_author("thread-1") == "local"
    finally:
        await layer.engine.dispose()

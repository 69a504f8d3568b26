"""Chat history for the Chainlit app: Chainlit's SQLAlchemy data layer on SQLite or Postgres.

Where (`history_target`): WHICHMODEL_HISTORY_URL (a postgresql:// URL) if set, else
WHICHMODEL_POSTGRES_URL (the checkpoint database) if set, else the SQLite file WHICHMODEL_HISTORY_DB,
else `history.sqlite` beside the checkpoints. Postgres tables are made by ui.chainlit.history_pg.

Chainlit's SQLAlchemy data layer does not create its tables, and 2.12 writes columns that older
published DDL lacks (steps: command, modes, defaultOpen, autoCollapse, icon; elements: props,
autoPlay, playerConfig). `ensure_schema` creates them, idempotently, and adds any column missing
from a database made by an older schema. Elements (files, images) are not stored: without a
storage provider Chainlit skips them, and the app re-renders the report from the agent's
checkpoint when a thread is reopened.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whichmodel.settings import ENV, Settings
from whichmodel.ui.chainlit import history_pg

if TYPE_CHECKING:
    from chainlit.data.sql_alchemy import SQLAlchemyDataLayer

HISTORY_ENV = ENV["history_db"]
"""Environment variable: path of the chat-history SQLite file."""
HISTORY_URL_ENV = ENV["history_url"]
"""Environment variable: a Postgres URL for the chat history (default: WHICHMODEL_POSTGRES_URL)."""
POSTGRES_ENV = ENV["postgres_url"]
OWNERS_TABLE = "whichmodel_thread_owners"

TABLES: dict[str, list[tuple[str, str]]] = {
    "users": [
        ("id", "TEXT PRIMARY KEY"),
        ("identifier", "TEXT NOT NULL UNIQUE"),
        ("metadata", "TEXT NOT NULL DEFAULT '{}'"),
        ("createdAt", "TEXT"),
    ],
    "threads": [
        ("id", "TEXT PRIMARY KEY"),
        ("createdAt", "TEXT"),
        ("name", "TEXT"),
        ("userId", "TEXT REFERENCES users(id) ON DELETE CASCADE"),
        ("userIdentifier", "TEXT"),
        ("tags", "TEXT"),
        ("metadata", "TEXT"),
    ],
    "steps": [
        ("id", "TEXT PRIMARY KEY"),
        ("name", "TEXT NOT NULL"),
        ("type", "TEXT NOT NULL"),
        ("threadId", "TEXT NOT NULL REFERENCES threads(id) ON DELETE CASCADE"),
        ("parentId", "TEXT"),
        ("command", "TEXT"),
        ("modes", "TEXT"),
        ("streaming", "BOOLEAN NOT NULL DEFAULT 0"),
        ("waitForAnswer", "BOOLEAN"),
        ("isError", "BOOLEAN"),
        ("metadata", "TEXT"),
        ("tags", "TEXT"),
        ("input", "TEXT"),
        ("output", "TEXT"),
        ("createdAt", "TEXT"),
        ("start", "TEXT"),
        ("end", "TEXT"),
        ("generation", "TEXT"),
        ("showInput", "TEXT"),
        ("language", "TEXT"),
        ("indent", "INTEGER"),
        ("defaultOpen", "BOOLEAN"),
        ("autoCollapse", "BOOLEAN"),
        ("icon", "TEXT"),
    ],
    "elements": [
        ("id", "TEXT PRIMARY KEY"),
        ("threadId", "TEXT REFERENCES threads(id) ON DELETE CASCADE"),
        ("type", "TEXT"),
        ("url", "TEXT"),
        ("chainlitKey", "TEXT"),
        ("name", "TEXT NOT NULL"),
        ("display", "TEXT"),
        ("objectKey", "TEXT"),
        ("size", "TEXT"),
        ("page", "INTEGER"),
        ("language", "TEXT"),
        ("forId", "TEXT"),
        ("mime", "TEXT"),
        ("props", "TEXT"),
        ("autoPlay", "BOOLEAN"),
        ("playerConfig", "TEXT"),
        ("path", "TEXT"),
    ],
    "feedbacks": [
        ("id", "TEXT PRIMARY KEY"),
        ("forId", "TEXT NOT NULL"),
        ("threadId", "TEXT REFERENCES threads(id) ON DELETE CASCADE"),
        ("value", "INTEGER NOT NULL"),
        ("comment", "TEXT"),
    ],
    OWNERS_TABLE: [
        ("thread_id", "TEXT PRIMARY KEY"),
        ("owner", "TEXT NOT NULL"),
        ("createdAt", "TEXT"),
    ],
}
"""Chainlit 2.12's tables (and the app's thread owners) and columns, in the types SQLite needs (JSON values are stored as TEXT)."""


BACKFILL_OWNERS = (
    f'INSERT INTO {OWNERS_TABLE} ("thread_id", "owner", "createdAt") '
    'SELECT CAST("id" AS TEXT), "userIdentifier", :now FROM threads WHERE "userIdentifier" IS NOT NULL '
    'ON CONFLICT ("thread_id") DO NOTHING'
)
"""Threads in the history get their author as owner if none is recorded (threads from before owners
were recorded); run with the schema, at every start-up. SQLite and Postgres both take this form."""


def _settings(env: Mapping[str, str] | Settings | None) -> Settings:
    return env if isinstance(env, Settings) else Settings.load(env)


def history_path(env: Mapping[str, str] | Settings | None = None, checkpoints: Path | None = None) -> Path:
    """Where chat history lives: $WHICHMODEL_HISTORY_DB, else `history.sqlite` beside the checkpoints
    (`checkpoints`, default the settings' WHICHMODEL_DB)."""
    settings = _settings(env)
    if settings.history_db is not None:
        return settings.history_db
    return (checkpoints if checkpoints is not None else settings.db_path).with_name("history.sqlite")


def history_target(
    env: Mapping[str, str] | Settings | None = None, checkpoints: Path | None = None
) -> str | Path:
    """The chat history's database: a Postgres URL (str) or a SQLite file (Path); see the docstring."""
    settings = _settings(env)
    url = settings.history_url or settings.postgres_url
    if url is not None:
        return url.get_secret_value()
    return history_path(settings, checkpoints)


def _create_sql(table: str, columns: list[tuple[str, str]]) -> str:
    cols = ", ".join(f'"{name}" {decl}' for name, decl in columns)
    return f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})'


def ensure_schema(path: Path) -> list[str]:
    """Create the history tables in the SQLite file at `path` (and its folder) if missing.

    Returns the columns added to tables that already existed (e.g. "steps.icon"), so a caller can
    log an upgrade. Columns added later are nullable (SQLite cannot add NOT NULL without default).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    added: list[str] = []
    with sqlite3.connect(path) as db:
        for table, columns in TABLES.items():
            db.execute(_create_sql(table, columns))
            existing = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
            for name, decl in columns:
                if name not in existing:
                    plain = decl.replace("NOT NULL", "").replace("PRIMARY KEY", "").replace("UNIQUE", "")
                    db.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {plain.strip()}')
                    added.append(f"{table}.{name}")
        db.execute('CREATE INDEX IF NOT EXISTS steps_thread ON steps ("threadId")')
        db.execute('CREATE INDEX IF NOT EXISTS threads_user ON threads ("userId")')
        db.execute(BACKFILL_OWNERS, {"now": datetime.now(UTC).isoformat()})
    return added


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy async URL of a SQLite file."""
    return f"sqlite+aiosqlite:///{path.resolve()}"


async def prepare(target: str | Path) -> list[str]:
    """Create or upgrade the history tables (SQLite or Postgres); returns the columns added."""
    if isinstance(target, Path):
        return ensure_schema(target)
    return await history_pg.ensure_schema(target)


def make_data_layer(target: str | Path) -> SQLAlchemyDataLayer:
    """Chainlit's SQLAlchemy data layer on a SQLite file (tables created first) or a Postgres URL.

    For Postgres the tables must exist already (`prepare`, run at app start-up); creating the
    engine opens no connection.
    """
    from chainlit.data.sql_alchemy import SQLAlchemyDataLayer

    if isinstance(target, Path):
        ensure_schema(target)
        return SQLAlchemyDataLayer(conninfo=sqlite_url(target))
    url, connect_args = history_pg.asyncpg_url(target)
    return SQLAlchemyDataLayer(conninfo=url, connect_args=connect_args)


# ---------------------------------------------------------------------------------------------
# Thread owners: who first sent a turn to a thread id (never overwritten)


async def thread_owner(engine: Any, thread_id: str) -> str | None:
    """The recorded owner of a thread id, or None (`engine`: the data layer's AsyncEngine)."""
    from sqlalchemy import text

    async with engine.connect() as conn:
        result = await conn.execute(
            text(f'SELECT "owner" FROM {OWNERS_TABLE} WHERE "thread_id" = :t'), {"t": thread_id}
        )
        row = result.first()
    return None if row is None else str(row[0])


async def claim_thread(engine: Any, thread_id: str, user: str) -> str:
    """Record `user` as the thread's owner unless one is recorded; returns the owner afterwards.

    INSERT ... ON CONFLICT DO NOTHING: of two replicas claiming at once, one wins and both see it.
    """
    from sqlalchemy import text

    now = datetime.now(UTC).isoformat()
    async with engine.begin() as conn:
        await conn.execute(
            text(
                f'INSERT INTO {OWNERS_TABLE} ("thread_id", "owner", "createdAt") VALUES (:t, :o, :c) '
                'ON CONFLICT ("thread_id") DO NOTHING'
            ),
            {"t": thread_id, "o": user, "c": now},
        )
    owner = await thread_owner(engine, thread_id)
    if owner is None:
        raise RuntimeError(f"the owner of thread {thread_id} was not recorded")
    return owner

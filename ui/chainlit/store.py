"""Chat history for the Chainlit app: Chainlit's SQLAlchemy data layer on SQLite by default.

Chainlit's SQLAlchemy data layer does not create its tables, and 2.12 writes columns that older
published DDL lacks (steps: command, modes, defaultOpen, autoCollapse, icon; elements: props,
autoPlay, playerConfig). `ensure_schema` creates them, idempotently, and adds any column missing
from a database made by an older schema. Elements (files, images) are not stored: without a
storage provider Chainlit skips them, and the app re-renders the report from the agent's
checkpoint when a thread is reopened.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HISTORY_ENV = "WHICHMODEL_HISTORY_DB"
"""Environment variable: path of the chat-history SQLite file."""

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
}
"""Chainlit 2.12's tables and columns, in the types SQLite needs (JSON values are stored as TEXT)."""


def history_path(env: Mapping[str, str] | None = None, checkpoints: Path | None = None) -> Path:
    """Where chat history lives: $WHICHMODEL_HISTORY_DB, else `history.sqlite` beside the checkpoints."""
    source = os.environ if env is None else env
    explicit = source.get(HISTORY_ENV, "").strip()
    if explicit:
        return Path(explicit)
    base = checkpoints if checkpoints is not None else Path(".whichmodel") / "chat.sqlite"
    return base.with_name("history.sqlite")


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
    return added


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy async URL of a SQLite file."""
    return f"sqlite+aiosqlite:///{path.resolve()}"


def make_data_layer(path: Path) -> Any:
    """Chainlit's SQLAlchemy data layer on the SQLite file at `path` (tables created first)."""
    from chainlit.data.sql_alchemy import SQLAlchemyDataLayer

    ensure_schema(path)
    return SQLAlchemyDataLayer(conninfo=sqlite_url(path))

"""Slack delivers an event again (with `X-Slack-Retry-Num`) when it did not see a quick 200; this
ledger makes sure each event is handled once, also across app replicas.

`EventLedger.claim(event_id)` is atomic: the first caller gets True, every later caller (a retry on
this replica or on another one sharing the database) gets False. Claims live in a small table,
`slack_events`, in the deployment's database: Postgres when WHICHMODEL_POSTGRES_URL is set, else a
SQLite file beside the chat history. Claims older than `KEEP_S` are pruned (Slack stops retrying
after about an hour).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path
from typing import Protocol

KEEP_S = 24 * 3600
"""How long a claimed event id is remembered."""


class EventLedger(Protocol):
    async def claim(self, event_id: str) -> bool:
        """True for the first claim of `event_id`, False for every later one."""
        ...


class SqliteLedger:
    """Claims in a SQLite file (one process or several on one machine)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS slack_events (event_id TEXT PRIMARY KEY, seen REAL NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self._path, timeout=10, isolation_level=None)

    def _claim(self, event_id: str) -> bool:
        now = time.time()
        with self._connect() as db:
            db.execute("DELETE FROM slack_events WHERE seen < ?", (now - KEEP_S,))
            cur = db.execute("INSERT OR IGNORE INTO slack_events VALUES (?, ?)", (event_id, now))
            return cur.rowcount == 1

    async def claim(self, event_id: str) -> bool:
        return await asyncio.to_thread(self._claim, event_id)


SCHEMA_LOCK_KEY = 0x57484D53  # "WHMS": held while the Slack ledger table is created


class PostgresLedger:
    """Claims in Postgres (replicas on several machines)."""

    def __init__(self, url: str) -> None:
        import psycopg

        self._url = url
        # CREATE TABLE IF NOT EXISTS is not atomic in Postgres: two replicas starting together both
        # see no table and one fails on the catalog's unique index. A transaction-level advisory lock
        # makes the second wait, then find the table (as the history tables do: history_pg.py).
        with psycopg.connect(url) as db, db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS slack_events (event_id TEXT PRIMARY KEY, seen DOUBLE PRECISION NOT NULL)"
            )

    def _claim(self, event_id: str) -> bool:
        import psycopg

        now = time.time()
        with psycopg.connect(self._url, autocommit=True) as db:
            db.execute("DELETE FROM slack_events WHERE seen < %s", (now - KEEP_S,))
            cur = db.execute(
                "INSERT INTO slack_events VALUES (%s, %s) ON CONFLICT (event_id) DO NOTHING", (event_id, now)
            )
            return cur.rowcount == 1

    async def claim(self, event_id: str) -> bool:
        return await asyncio.to_thread(self._claim, event_id)


def open_ledger(postgres_url: str | None, sqlite_path: Path) -> EventLedger:
    """The ledger for this deployment: Postgres when configured, else SQLite at `sqlite_path`."""
    return PostgresLedger(postgres_url) if postgres_url else SqliteLedger(sqlite_path)

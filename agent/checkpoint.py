"""Where conversations persist: SQLite on a file by default, Postgres when configured.

The state holds JSON-like values only (see agent.state), so the checkpoint deserializer never needs
to import arbitrary classes; setting `LANGGRAPH_STRICT_MSGPACK=true` in the environment (read by
langgraph at import) is therefore safe and recommended for deployments. Threads are addressed only
by `thread_id` in the run config; no user-supplied string is ever used as a metadata filter.

Postgres (`WHICHMODEL_POSTGRES_URL`, a libpq/psycopg URL): several app processes may share one
database. Each holds a small connection pool; the tables are created (and migrated) by
`AsyncPostgresSaver.setup()` under a Postgres advisory lock, so replicas starting at the same time
do not race each other's DDL. The URL (it holds the password) is never logged.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver

from whichmodel.agent.settings import Settings

POOL_MAX_SIZE = 10
"""Connections per process to the checkpoint database (one turn uses one at a time)."""
POOL_OPEN_TIMEOUT_S = 30.0
SETUP_LOCK_KEY = 0x57484D43  # "WHMC": the advisory lock held while creating/migrating the tables
SETUP_LOCK_WAIT_S = 120.0
SETUP_LOCK_POLL_S = 0.1


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    """An open checkpointer for the settings (Postgres if `postgres_url`, else SQLite at `db_path`)."""
    if settings.postgres_url is not None:
        async with _postgres(settings.postgres_url.get_secret_value()) as pg:
            yield pg
        return
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    async with AsyncSqliteSaver.from_conn_string(str(settings.db_path)) as saver:
        await saver.setup()
        yield saver


async def _advisory_lock(conn: Any) -> None:
    """Take the setup lock, polling with pg_try_advisory_lock (bounded).

    A blocking pg_advisory_lock would deadlock: the migrations run CREATE INDEX CONCURRENTLY, which
    waits for every open transaction, including a waiter's statement blocked on the lock.
    """
    deadline = time.monotonic() + SETUP_LOCK_WAIT_S
    while True:
        row = await (
            await conn.execute("SELECT pg_try_advisory_lock(%s) AS ok", (SETUP_LOCK_KEY,))
        ).fetchone()
        if row["ok"]:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"another process held the checkpoint setup lock for {SETUP_LOCK_WAIT_S:.0f} s"
            )
        await asyncio.sleep(SETUP_LOCK_POLL_S)


@asynccontextmanager
async def _postgres(url: str) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    """AsyncPostgresSaver on a connection pool, its tables set up under an advisory lock."""
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg import AsyncConnection
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool

    kwargs: dict[str, Any] = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
    # One direct connection first: a wrong URL or password fails here at once, with the server's
    # message (a pool would retry until its timeout). It sets the tables up, then the pool serves.
    async with await AsyncConnection.connect(url, connect_timeout=int(POOL_OPEN_TIMEOUT_S), **kwargs) as conn:
        await _advisory_lock(conn)
        try:
            await AsyncPostgresSaver(conn).setup()
        finally:
            await conn.execute("SELECT pg_advisory_unlock(%s)", (SETUP_LOCK_KEY,))
    pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
        url, min_size=1, max_size=POOL_MAX_SIZE, open=False, kwargs=kwargs
    )
    await pool.open(wait=True, timeout=POOL_OPEN_TIMEOUT_S)
    try:
        yield AsyncPostgresSaver(pool)
    finally:
        await pool.close()

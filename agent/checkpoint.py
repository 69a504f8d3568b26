"""Where conversations persist: SQLite on a file by default, Postgres when configured.

The state holds JSON-like values only (see agent.state), so the checkpoint deserializer never needs
to import arbitrary classes; setting `LANGGRAPH_STRICT_MSGPACK=true` in the environment (read by
langgraph at import) is therefore safe and recommended for deployments. Threads are addressed only
by `thread_id` in the run config; no user-supplied string is ever used as a metadata filter.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from langgraph.checkpoint.base import BaseCheckpointSaver

from agent.settings import Settings


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator[BaseCheckpointSaver[Any]]:
    """An open checkpointer for the settings (Postgres if `postgres_url`, else SQLite at `db_path`)."""
    if settings.postgres_url is not None:
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver

        async with AsyncPostgresSaver.from_conn_string(settings.postgres_url.get_secret_value()) as pg:
            await pg.setup()
            yield pg
        return
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    async with AsyncSqliteSaver.from_conn_string(str(settings.db_path)) as saver:
        await saver.setup()
        yield saver

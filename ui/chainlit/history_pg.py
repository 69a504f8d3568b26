"""Chat history in Postgres: Chainlit 2.12's tables with Postgres types, created under a lock.

Chainlit's SQLAlchemy data layer (chainlit/data/sql_alchemy.py) runs on `postgresql+asyncpg://` but
creates no tables. `ensure_schema` creates them with the types that data layer reads and writes:
UUID ids (Chainlit makes uuid4 ids; asyncpg takes them as strings and the layer turns them back
into strings), JSONB for the metadata/generation values it sends as JSON text (they come back as
dicts, which it accepts), TEXT[] for tags (it sends Python lists), TEXT timestamps (ISO strings).
`elements.props` stays TEXT: `get_element` calls json.loads on it. It also creates the app's own
`whichmodel_thread_owners` table (see ui.chainlit.store).

Idempotent and safe when several replicas start at once: everything runs in one transaction that
first takes a transaction-level advisory lock, so a second replica waits, then finds the tables and
adds nothing. Columns a newer Chainlit writes are added to tables made by an older schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEMA_LOCK_KEY = 0x57484D48  # "WHMH": held while the history tables are created or upgraded
CONNECT_TIMEOUT_S = 30

TABLES: dict[str, list[tuple[str, str]]] = {
    "users": [
        ("id", "UUID PRIMARY KEY"),
        ("identifier", "TEXT NOT NULL UNIQUE"),
        ("metadata", "JSONB NOT NULL DEFAULT '{}'"),
        ("createdAt", "TEXT"),
    ],
    "threads": [
        ("id", "UUID PRIMARY KEY"),
        ("createdAt", "TEXT"),
        ("name", "TEXT"),
        ("userId", "UUID REFERENCES users(id) ON DELETE CASCADE"),
        ("userIdentifier", "TEXT"),
        ("tags", "TEXT[]"),
        ("metadata", "JSONB"),
    ],
    "steps": [
        ("id", "UUID PRIMARY KEY"),
        ("name", "TEXT NOT NULL"),
        ("type", "TEXT NOT NULL"),
        ("threadId", "UUID NOT NULL REFERENCES threads(id) ON DELETE CASCADE"),
        ("parentId", "UUID"),
        ("command", "TEXT"),
        ("modes", "JSONB"),
        ("streaming", "BOOLEAN NOT NULL DEFAULT false"),
        ("waitForAnswer", "BOOLEAN"),
        ("isError", "BOOLEAN"),
        ("metadata", "JSONB"),
        ("tags", "TEXT[]"),
        ("input", "TEXT"),
        ("output", "TEXT"),
        ("createdAt", "TEXT"),
        ("start", "TEXT"),
        ("end", "TEXT"),
        ("generation", "JSONB"),
        ("showInput", "TEXT"),
        ("language", "TEXT"),
        ("indent", "INTEGER"),
        ("defaultOpen", "BOOLEAN"),
        ("autoCollapse", "BOOLEAN"),
        ("icon", "TEXT"),
    ],
    "elements": [
        ("id", "UUID PRIMARY KEY"),
        ("threadId", "UUID REFERENCES threads(id) ON DELETE CASCADE"),
        ("type", "TEXT"),
        ("url", "TEXT"),
        ("chainlitKey", "TEXT"),
        ("name", "TEXT NOT NULL"),
        ("display", "TEXT"),
        ("objectKey", "TEXT"),
        ("size", "TEXT"),
        ("page", "INTEGER"),
        ("language", "TEXT"),
        ("forId", "UUID"),
        ("mime", "TEXT"),
        ("props", "TEXT"),
        ("autoPlay", "BOOLEAN"),
        ("playerConfig", "JSONB"),
        ("path", "TEXT"),
    ],
    "feedbacks": [
        ("id", "UUID PRIMARY KEY"),
        ("forId", "UUID NOT NULL"),
        ("threadId", "UUID REFERENCES threads(id) ON DELETE CASCADE"),
        ("value", "INTEGER NOT NULL"),
        ("comment", "TEXT"),
    ],
    "whichmodel_thread_owners": [
        ("thread_id", "TEXT PRIMARY KEY"),
        ("owner", "TEXT NOT NULL"),
        ("createdAt", "TEXT"),
    ],
}
"""Table -> columns in creation order (referenced tables first)."""

INDEXES = (
    'CREATE INDEX IF NOT EXISTS steps_thread ON steps ("threadId")',
    'CREATE INDEX IF NOT EXISTS threads_user ON threads ("userId")',
    'CREATE INDEX IF NOT EXISTS elements_thread ON elements ("threadId")',
    'CREATE INDEX IF NOT EXISTS feedbacks_for ON feedbacks ("forId")',
)


BACKFILL_OWNERS = (
    'INSERT INTO whichmodel_thread_owners ("thread_id", "owner", "createdAt") '
    'SELECT CAST("id" AS TEXT), "userIdentifier", :now FROM threads WHERE "userIdentifier" IS NOT NULL '
    'ON CONFLICT ("thread_id") DO NOTHING'
)
"""Threads in the history get their author as owner if none is recorded (see ui.chainlit.store)."""


def is_postgres_url(url: str) -> bool:
    return urlsplit(url).scheme in ("postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg")


def _libpq_url(url: str) -> str:
    """The URL in the form psycopg takes (postgresql://...)."""
    parts = urlsplit(url)
    return urlunsplit(("postgresql", *parts[1:]))


def asyncpg_url(url: str) -> tuple[str, dict[str, Any]]:
    """The SQLAlchemy URL (postgresql+asyncpg://) and asyncpg connect arguments for a libpq URL.

    asyncpg does not take libpq's `sslmode=`; it is moved to the `ssl` connect argument (asyncpg
    accepts the same mode names). Other query parameters are kept.
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    connect_args: dict[str, Any] = {}
    kept = []
    for key, value in query:
        if key == "sslmode":
            connect_args["ssl"] = value
        else:
            kept.append((key, value))
    return urlunsplit(("postgresql+asyncpg", parts.netloc, parts.path, urlencode(kept), "")), connect_args


def _create_sql(table: str, columns: list[tuple[str, str]]) -> str:
    cols = ", ".join(f'"{name}" {decl}' for name, decl in columns)
    return f'CREATE TABLE IF NOT EXISTS "{table}" ({cols})'


def _added_decl(decl: str) -> str:
    """A column declaration usable in ADD COLUMN on a table with rows: nullable, no key/unique."""
    for word in ("PRIMARY KEY", "NOT NULL", "UNIQUE"):
        decl = decl.replace(word, "")
    return " ".join(decl.split())


async def ensure_schema(url: str) -> list[str]:
    """Create the history tables in the Postgres database at `url` if missing; add missing columns.

    Returns the columns added to tables that already existed ("steps.icon"), for the log. The URL
    holds a password: it is never logged or put into an error message here.
    """
    from psycopg import AsyncConnection

    added: list[str] = []
    connecting = AsyncConnection.connect(_libpq_url(url), connect_timeout=CONNECT_TIMEOUT_S)
    async with await connecting as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK_KEY,))
        for table, columns in TABLES.items():
            cur = await conn.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
                (table,),
            )
            existing = {row[0] for row in await cur.fetchall()}
            await conn.execute(_create_sql(table, columns).encode())
            if not existing:
                continue
            for name, decl in columns:
                if name not in existing:
                    sql = f'ALTER TABLE "{table}" ADD COLUMN IF NOT EXISTS "{name}" {_added_decl(decl)}'
                    await conn.execute(sql.encode())
                    added.append(f"{table}.{name}")
        for index in INDEXES:
            await conn.execute(index.encode())
        now = datetime.now(UTC).isoformat()
        await conn.execute(BACKFILL_OWNERS.replace(":now", "%s").encode(), (now,))
    return added

"""The Slack once-only ledger on Postgres: replicas sharing a database handle each event once."""

from __future__ import annotations

import asyncio

from pydantic import SecretStr

from whichmodel.agent.settings import Settings
from whichmodel.ui.chainlit.slack_bridge import ledger_for
from whichmodel.ui.chainlit.slack_events import PostgresLedger, SqliteLedger, open_ledger


def test_postgres_ledger_claims_each_event_once_across_replicas(postgres_url: str, tmp_path) -> None:
    replicas = [PostgresLedger(postgres_url) for _ in range(3)]  # each creates the table if missing

    async def claim_all(event_id: str) -> list[bool]:
        return list(await asyncio.gather(*(r.claim(event_id) for r in replicas * 4)))

    for event_id in ("Ev1", "Ev2", "Ev3"):
        results = asyncio.run(claim_all(event_id))
        assert results.count(True) == 1, (event_id, results)
    assert isinstance(open_ledger(postgres_url, tmp_path / "unused.sqlite"), PostgresLedger)
    assert not (tmp_path / "unused.sqlite").exists()


def test_the_app_picks_the_ledger_from_its_settings(postgres_url: str, tmp_path) -> None:
    """WHICHMODEL_POSTGRES_URL (a secret in the settings) selects Postgres; else SQLite beside history."""
    on_pg = ledger_for(Settings(postgres_url=SecretStr(postgres_url), db_path=tmp_path / "chat.sqlite"))
    assert isinstance(on_pg, PostgresLedger)
    assert asyncio.run(on_pg.claim("Ev-settings")) is True
    assert asyncio.run(PostgresLedger(postgres_url).claim("Ev-settings")) is False
    local = ledger_for(Settings(db_path=tmp_path / "chat.sqlite"))
    assert isinstance(local, SqliteLedger)
    assert (tmp_path / "slack-events.sqlite").exists()

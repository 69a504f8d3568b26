"""The Slack once-only ledger on Postgres: replicas sharing a database handle each event once."""

from __future__ import annotations

import asyncio

from ui.chainlit.slack_events import PostgresLedger, open_ledger


def test_postgres_ledger_claims_each_event_once_across_replicas(postgres_url: str, tmp_path) -> None:
    replicas = [PostgresLedger(postgres_url) for _ in range(3)]  # each creates the table if missing

    async def claim_all(event_id: str) -> list[bool]:
        return list(await asyncio.gather(*(r.claim(event_id) for r in replicas * 4)))

    for event_id in ("Ev1", "Ev2", "Ev3"):
        results = asyncio.run(claim_all(event_id))
        assert results.count(True) == 1, (event_id, results)
    assert isinstance(open_ledger(postgres_url, tmp_path / "unused.sqlite"), PostgresLedger)
    assert not (tmp_path / "unused.sqlite").exists()

"""Slack across two replicas behind one Postgres: Slack redelivers an event to the *other*
replica, which drops it (the once-only ledger is shared), and the thread's next message, handled by
the other replica, continues the same conversation (the checkpoints are shared)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.chat_client import App
from tests.deploy.test_replicas import _start_together
from tests.slack.standin import SlackStandIn, slack_standin
from tests.slack.test_slack_events import (
    BOT_TOKEN,
    SECRET,
    envelope,
    new_ts,
    post,
    settle,
    texts,
    wait_for_log,
)
from whichmodel.ui.chainlit.slack_bridge import dropped_line

pytestmark = pytest.mark.slow


@pytest.fixture
def slack_replicas(postgres_url: str, tmp_path: Path) -> Iterator[tuple[list[App], SlackStandIn]]:
    with slack_standin() as standin:
        shared = {
            "WHICHMODEL_POSTGRES_URL": postgres_url,
            "WHICHMODEL_HISTORY_URL": postgres_url,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "WHICHMODEL_SLACK_API_URL": standin.api_url,
            "ANONYMIZED_TELEMETRY": "False",
            "HF_HUB_OFFLINE": "1",
        }
        apps = _start_together([tmp_path / "replica-1", tmp_path / "replica-2"], shared)
        try:
            yield apps, standin
        finally:
            for app in apps:
                app.stop()


@pytest.mark.timeout(900)  # builds the knowledge index into a chroma server first (~2 min unloaded)
def test_a_slack_thread_moves_between_replicas_and_retries_are_dropped_on_either(
    slack_replicas: tuple[list[App], SlackStandIn],
) -> None:
    (one, two), standin = slack_replicas
    thread = new_ts()
    first = envelope(
        "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds, the tickets are confidential",
        thread,
    )
    assert post(one.url, first).status_code == 200
    standin.wait_for(lambda: len(standin.posted(thread)) > 0, what="replica 1's reply")
    handled = settle(standin, thread)

    # Slack retries the first event, and this time its load balancer picks replica 2.
    retry = post(two.url, first, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status_code == 200
    wait_for_log(two.log, dropped_line(first["event_id"], "1"))  # replica 2 saw the retry and dropped it
    assert len(standin.posted(thread)) + len(standin.completed_uploads(thread)) == handled

    # The person adds a constraint; replica 2 carries on from replica 1's checkpoint.
    assert post(two.url, envelope("Our data must stay in the EU", new_ts(), thread)).status_code == 200
    standin.wait_for(
        lambda: any("data must stay in: eu" in t.lower() for t in texts(standin, thread)[handled:]), what="replica 2"
    )
    # The requirements table is its own post after the note: wait for it (not for a quiet second);
    # it must hold the volume stated on replica 1, or this times out.
    standin.wait_for(
        lambda: "600,000" in "\n".join(texts(standin, thread)[handled:]),
        what="replica 2's requirements table with the volume stated on replica 1 (600,000 requests/month)",
    )
    for app in (one, two):
        assert "Traceback" not in app.log.read_text(errors="replace")
    assert not (one.data_dir / "slack-events.sqlite").exists(), "the ledger lives in Postgres"

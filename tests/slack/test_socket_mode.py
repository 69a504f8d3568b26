"""Slack in Socket Mode (SLACK_WEBSOCKET_TOKEN): the app opens a websocket to a Slack stand-in
instead of receiving HTTP events, acknowledges each envelope, answers in the thread, and handles a
redelivered envelope once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.slack.socket_standin import SocketStandIn, socket_standin
from tests.slack.standin import SlackStandIn, slack_standin
from tests.slack.test_slack_events import BOT_TOKEN, dropped, envelope, new_ts, settle, wait_for_log
from tests.ui.conftest import running_server

pytestmark = pytest.mark.slow

APP_TOKEN = "xapp-1-test-socket-token"


@pytest.fixture(scope="module")
def socket_app(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SlackStandIn, SocketStandIn, Path]]:
    data_dir = tmp_path_factory.mktemp("whichmodel-slack-socket")
    with slack_standin() as api, socket_standin() as socket:
        api.ws_url = socket.url
        env = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_WEBSOCKET_TOKEN": APP_TOKEN,
            "WHICHMODEL_SLACK_API_URL": api.api_url,
        }
        with running_server(data_dir, env) as server:
            yield api, socket, server.log


def socket_envelope(payload: dict[str, Any], envelope_id: str, retry: int = 0) -> dict[str, Any]:
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
        "payload": payload,
    }


def test_socket_mode_conversation_acks_and_answers_once(
    socket_app: tuple[SlackStandIn, SocketStandIn, Path],
) -> None:
    api, socket, log = socket_app
    socket.wait_connected()
    opened = [c for c in api.calls if c.method == "apps.connections.open"]
    assert opened and opened[0].token == APP_TOKEN, "the websocket URL is asked for with the app token"

    thread = new_ts()
    payload = envelope("We classify ~20k support tickets a day into 12 categories, budget $300/month, the tickets are confidential", thread)
    socket.send(socket_envelope(payload, "env-1"))
    api.wait_for(lambda: "env-1" in socket.acks, what="the envelope's ack")
    api.wait_for(lambda: len(api.posted(thread)) > 0, what="a reply in the thread")
    first = settle(api, thread)
    assert any("\n1. " in str(p.get("text")) for p in api.posted(thread)), "a numbered question"

    socket.send(socket_envelope(payload, "env-2", retry=1))  # Slack redelivers the same event
    api.wait_for(lambda: "env-2" in socket.acks, what="the redelivery's ack")
    wait_for_log(log, dropped(payload["event_id"]))  # the app saw the redelivery and dropped it
    assert len(api.posted(thread)) == first, "a redelivered event is acknowledged, not handled again"
    assert "Traceback" not in log.read_text(errors="replace")

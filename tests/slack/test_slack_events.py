"""Slack end to end: real signed HTTP requests to the running app (Chainlit's Slack integration),
the app's outgoing Web API calls going to a recording stand-in server on loopback.

One server for the module (offline brain, temp data); each test uses its own Slack thread.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import io
import json
import time
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.slack.standin import BOT_USER, TEAM, SlackStandIn, slack_standin
from tests.ui.conftest import running_server
from whichmodel.agent.service import Advisor, ThreadState
from whichmodel.agent.settings import Settings
from whichmodel.ui.chainlit.slack_bridge import DROPPED, dropped_line

pytestmark = pytest.mark.slow

SECRET = "8f14e45fceea167a5a36dedd4bea2543"
BOT_TOKEN = "xoxb-0000-test-token"
_ids = count(1)


@pytest.fixture(scope="module")
def slack_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, SlackStandIn, Path]]:
    data_dir = tmp_path_factory.mktemp("whichmodel-slack")
    with slack_standin() as standin:
        env = {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "WHICHMODEL_SLACK_API_URL": standin.api_url,
        }
        with running_server(data_dir, env) as server:
            yield server.url, standin, server.log


def signature(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def envelope(text: str, ts: str, thread_ts: str | None = None, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0000001",
        "user": "U0000001",
        "text": text,
        "ts": ts,
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return {
        "token": "unused",
        "team_id": TEAM,
        "api_app_id": "A0000001",
        "type": "event_callback",
        "event_id": f"Ev{next(_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM, "user_id": BOT_USER, "is_bot": True}],
        "event": event,
    }


def post(
    url: str,
    payload: dict[str, Any],
    *,
    timestamp: int | None = None,
    secret: str = SECRET,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    body = json.dumps(payload).encode()
    ts = int(time.time()) if timestamp is None else timestamp
    sent = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature(body, ts, secret),
        **(headers or {}),
    }
    return httpx.post(url + "/slack/events", content=body, headers=sent, timeout=30)


def new_ts() -> str:
    return f"{time.time():.6f}"


def settle(standin: SlackStandIn, thread_ts: str, quiet_s: float = 1.5, timeout: float = 90.0) -> int:
    """Wait until the thread got a reply and then nothing new for `quiet_s`; returns the post count."""
    deadline = time.monotonic() + timeout
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        n = len(standin.posted(thread_ts)) + len(standin.completed_uploads(thread_ts))
        if n != last:
            last, since = n, time.monotonic()
        elif n > 0 and time.monotonic() - since >= quiet_s:
            return n
        time.sleep(0.1)
    raise AssertionError(f"thread {thread_ts} did not settle; posts: {standin.posted(thread_ts)}")


def wait_for_log(log: Path, text: str, *, count: int = 1, timeout: float = 60.0) -> None:
    """Wait until the server's log holds `text` at least `count` times (the app's positive signal)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.read_text(errors="replace").count(text) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not logged {count} time(s) within {timeout} s")


def dropped(event_id: str) -> str:
    """The start of what the app logs when it drops a redelivery of `event_id`, any retry number
    (ui.chainlit.slack_bridge.DROPPED)."""
    return DROPPED.split(":", 1)[0] % event_id


def texts(standin: SlackStandIn, thread_ts: str) -> list[str]:
    return [str(p.get("text", "")) for p in standin.posted(thread_ts)]


def say_and_wait(
    url: str, standin: SlackStandIn, text: str, thread_ts: str, first: bool = False
) -> list[str]:
    before = len(texts(standin, thread_ts))
    ts = thread_ts if first else new_ts()
    response = post(url, envelope(text, ts, None if first else thread_ts))
    assert response.status_code == 200, response.text
    standin.wait_for(lambda: len(texts(standin, thread_ts)) > before, what=f"a reply to {text!r}")
    settle(standin, thread_ts)
    return texts(standin, thread_ts)[before:]


def test_bad_and_stale_signatures_are_refused(slack_app: tuple[str, SlackStandIn, Path]) -> None:
    url, standin, log = slack_app
    thread = new_ts()
    wrong_secret = post(url, envelope("forged hello", thread), secret="not-the-secret")
    stale = post(url, envelope("stale hello", thread), timestamp=int(time.time()) - 10 * 60)
    no_signature = httpx.post(url + "/slack/events", json=envelope("unsigned hello", thread), timeout=30)
    assert (wrong_secret.status_code, stale.status_code, no_signature.status_code) == (401, 401, 401)
    # Then a signed message in the same thread: once its reply has settled, the agent's transcript
    # of the thread shows what reached it (the refused requests never did).
    signed = envelope("We summarise 5,000 contracts a month", thread)
    assert post(url, signed).status_code == 200
    standin.wait_for(lambda: len(standin.posted(thread)) > 0, what="the reply to the signed message")
    settle(standin, thread)
    state = asyncio.run(
        thread_state(log.parent / "chat.sqlite", f"slack:-:{signed['event']['channel']}:{thread}")
    )
    users = [m["content"] for m in state.messages if m["role"] == "user"]
    assert users == [signed["event"]["text"]], "a refused request must not reach the agent"


def test_url_verification_challenge(slack_app: tuple[str, SlackStandIn, Path]) -> None:
    url, _, _ = slack_app
    response = post(url, {"type": "url_verification", "challenge": "c-123", "token": "x"})
    assert response.status_code == 200
    assert "c-123" in response.text


def test_retries_are_not_processed_twice(slack_app: tuple[str, SlackStandIn, Path]) -> None:
    url, standin, log = slack_app
    data_dir = log.parent
    thread = new_ts()
    payload = envelope("We summarise 5,000 contracts a month, budget $100", thread)
    assert post(url, payload).status_code == 200
    standin.wait_for(lambda: len(standin.posted(thread)) > 0, what="the first reply")
    first = settle(standin, thread)
    for n in (1, 2):
        retry = post(
            url, payload, headers={"X-Slack-Retry-Num": str(n), "X-Slack-Retry-Reason": "http_timeout"}
        )
        assert retry.status_code == 200
    for n in ("1", "2"):  # the app saw both redeliveries and dropped them
        wait_for_log(log, dropped_line(payload["event_id"], n))
    assert len(standin.posted(thread)) + len(standin.completed_uploads(thread)) == first
    # The agent saw the message once: its checkpointed transcript has one user turn.
    state = asyncio.run(
        thread_state(data_dir / "chat.sqlite", f"slack:-:{payload['event']['channel']}:{thread}")
    )
    assert [m["content"] for m in state.messages if m["role"] == "user"] == [payload["event"]["text"]]


async def thread_state(db: Path, thread_id: str) -> ThreadState:
    """The agent's stored state of a thread, read from the server's checkpoint file."""
    async with Advisor(Settings.load(brain="offline", db_path=db), retriever=None, probes=None) as advisor:
        return await advisor.state(thread_id)


def test_a_slack_thread_is_one_conversation_to_the_report(slack_app: tuple[str, SlackStandIn, Path]) -> None:
    url, standin, log = slack_app
    thread = new_ts()
    opening = "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds, the tickets are confidential"
    replies = say_and_wait(url, standin, opening, thread, first=True)
    question = next(r for r in replies if "\n1. " in r)
    options = [line.split(". ", 1)[1] for line in question.splitlines() if line[:2].rstrip(".").isdigit()]
    assert len(options) >= 4, question
    eu = next(i for i, o in enumerate(options, start=1) if "EU" in o)

    # A bare number answers the numbered question.
    # That answer completes the facts: the recommendation follows in the same reply (no confirmation
    # step). Its posts come one by one, so wait for the last of them, the numbered probe offer.
    before = len(texts(standin, thread))
    replies = say_and_wait(url, standin, str(eu), thread)
    standin.wait_for(
        lambda: "None of the shortlisted models is set up" in texts(standin, thread)[-1], what="the probe offer"
    )
    replies = texts(standin, thread)[before:]
    joined = "\n".join(replies)
    assert "```" in joined, "the requirements come as a monospaced table"
    assert "data must stay in: eu" in joined.lower()
    assert "*Shortlist*" in joined and "```" in joined
    assert all(len(r) <= 3000 for r in texts(standin, thread))
    standin.wait_for(lambda: len(standin.completed_uploads(thread)) >= 3, what="the report files")
    uploads = {u.filename: u for u in standin.completed_uploads(thread)}
    # Named after the use case (ui/report_names.py), not "whichmodel-report" three times.
    html, md, png = (
        "support-tickets-classifier-report.html",
        "support-tickets-classifier-report.md",
        "support-tickets-classifier-cost-vs-quality.png",
    )
    assert set(uploads) >= {html, md, png}, set(uploads)
    assert uploads[html].content.lstrip().lower().startswith(b"<!doctype html")
    assert b"eu" in uploads[md].content.lower()
    assert uploads[png].content.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    image = Image.open(io.BytesIO(uploads[png].content))
    assert image.size == (900, 480)
    # Every reply went into the one thread, as the bot, and with the bot token.
    calls = [c for c in standin.calls if c.method == "chat.postMessage" and c.args.get("thread_ts") == thread]
    assert calls and all(c.token == BOT_TOKEN for c in calls)

    # The probe offer is numbered too. No shortlisted model has an endpoint on this server: the offer
    # says so and offers the settings, or a setup check with the local test model (option 2).
    offer = texts(standin, thread)[-1]
    assert "\n1. " in offer and "None of the shortlisted models is set up" in offer, offer
    check = next(
        line.split(". ", 1)[0]
        for line in offer.splitlines()
        if "Check the setup with the local test model" in line
    )
    before = len(texts(standin, thread))
    assert post(url, envelope(check, new_ts(), thread)).status_code == 200
    standin.wait_for(
        lambda: any("Setup check with the local test model" in t for t in texts(standin, thread)[before:]),
        timeout=240,
        what="the setup check figures",
    )
    settle(standin, thread, quiet_s=3.0)
    after = texts(standin, thread)[before:]
    started = [t for t in after if t.startswith("Testing:")]
    assert len(started) == 1, "probe progress is one message in Slack, not one per item"
    figures_msg = next(t for t in after if "Setup check with the local test model" in t)
    assert "```" in figures_msg and "local:smollm2-135m (setup check)" in figures_msg
    assert not any("Re-ranked" in t or "changed the ranking" in t for t in after), after
    assert all(len(r) <= 3000 for r in texts(standin, thread))
    assert "Traceback" not in log.read_text(errors="replace")


def test_chinese_thread_answers_in_chinese(slack_app: tuple[str, SlackStandIn, Path]) -> None:
    url, standin, _ = slack_app
    thread = new_ts()
    replies = say_and_wait(
        url,
        standin,
        "我们每天大约两万条客服工单，需要分成12类，每月预算不超过300美元，2秒内返回，工单要保密",
        thread,
        first=True,
    )
    joined = "\n".join(replies)
    assert "回复序号" in joined, joined
    assert any("\u4e00" <= ch <= "\u9fff" for ch in replies[0])


def test_uploaded_examples_file_is_downloaded_with_the_token(
    slack_app: tuple[str, SlackStandIn, Path],
) -> None:
    url, standin, _ = slack_app
    thread = new_ts()
    standin.files["examples.csv"] = b"input,expected\nIs this spam? Win money now,spam\nMeeting at 3,ham\n"
    files = [
        {
            "id": "FUP00001",
            "name": "examples.csv",
            "mimetype": "text/csv",
            "url_private": standin.file_url("examples.csv"),
        }
    ]
    response = post(url, envelope("We classify emails as spam or ham, 10k a day", thread, files=files))
    assert response.status_code == 200
    standin.wait_for(lambda: len(standin.posted(thread)) > 0, what="a reply")
    assert ("examples.csv", BOT_TOKEN) in standin.downloads


def test_no_slack_secret_is_stored_or_logged(slack_app: tuple[str, SlackStandIn, Path], figures) -> None:
    """After a conversation (and the others in this module, when run together): the bot token and signing secret appear in no file the app
    wrote (log, checkpoints, chat history, event ledger, probe files), nor in anything it posted."""
    url, standin, log = slack_app
    say_and_wait(url, standin, "We translate 2k support emails a day into German", new_ts(), first=True)
    secrets = [BOT_TOKEN.encode(), SECRET.encode()]
    scanned = 0
    for path in sorted(p for p in log.parent.rglob("*") if p.is_file()):
        if path.name == "chainlit-auth-secret":
            continue
        data = path.read_bytes()
        scanned += len(data)
        for secret in secrets:
            assert secret not in data, f"{secret[:6]!r}... found in {path.name}"
    outgoing = json.dumps([c.args for c in standin.calls], default=str).encode()
    assert not any(secret in outgoing for secret in secrets)
    figures.add("slack", "bytes scanned for the bot token and signing secret", f"{scanned:,}")


def test_threads_with_the_same_ts_in_two_channels_are_two_conversations(
    slack_app: tuple[str, SlackStandIn, Path],
) -> None:
    url, standin, log = slack_app
    ts = new_ts()
    a = envelope("We summarise 3,000 legal contracts a month, budget $400", ts, channel="D00000AA")
    b = envelope("我们每天翻译五千封客服邮件，预算每月100美元", ts, channel="D00000BB")
    assert post(url, a).status_code == 200
    standin.wait_for(lambda: len(standin.posted(ts)) > 0, what="channel A's reply")
    settle(standin, ts)
    assert post(url, b).status_code == 200
    standin.wait_for(
        lambda: any(p.get("channel") == "D00000BB" for p in standin.posted(ts)), what="B's reply"
    )
    settle(standin, ts)
    db = log.parent / "chat.sqlite"
    first = asyncio.run(thread_state(db, f"slack:-:D00000AA:{ts}"))
    second = asyncio.run(thread_state(db, f"slack:-:D00000BB:{ts}"))
    assert [m["content"] for m in first.messages if m["role"] == "user"] == [a["event"]["text"]]
    assert [m["content"] for m in second.messages if m["role"] == "user"] == [b["event"]["text"]]
    assert (first.language, second.language) == ("en", "zh")

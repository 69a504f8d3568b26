"""WhichModel in Slack, through Chainlit's Slack integration (chainlit.slack.app).

Chainlit mounts `POST /slack/events` when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set (or runs
Socket Mode with SLACK_WEBSOCKET_TOKEN); slack_bolt verifies each request's signature and age and
answers 401 otherwise. A Slack thread is one conversation: Chainlit derives the thread id from the
thread's `ts`, and the app passes it to the agent like a browser thread id.

`install()` adds what WhichModel needs on top:
- each event is handled once: a retry (`X-Slack-Retry-Num`) of an event already claimed in the
  ledger (ui/chainlit/slack_events.py) is acknowledged and dropped, on any replica;
- the Web API base URL can be pointed elsewhere (WHICHMODEL_SLACK_API_URL), e.g. at an Enterprise
  Grid proxy, or at the recording stand-in server the tests use.

`show()` renders the agent's events for Slack (text and files only, see ui/chainlit/slack.py): plain
text questions with numbered options, code-block tables, the report as HTML and Markdown files and
the chart as a PNG image, long replies split.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import chainlit as cl

from whichmodel.agent.service import (
    Event,
    Message,
    ProbeProgress,
    ProbeResults,
    Question,
    ReportReady,
    RequirementsTable,
    Shortlist,
)
from whichmodel.agent.settings import ENV, Settings
from whichmodel.ui import report_names
from whichmodel.ui.chainlit import render, slack, store
from whichmodel.ui.chainlit.slack_events import EventLedger, open_ledger

log = logging.getLogger("whichmodel.slack")

API_URL_ENV = ENV["slack_api_url"]
"""Base URL of the Slack Web API (default https://slack.com/api/)."""


def _settings(env: Mapping[str, str] | Settings | None) -> Settings:
    return env if isinstance(env, Settings) else Settings.load(env)


def enabled(env: Mapping[str, str] | Settings | None = None) -> bool:
    """Whether the environment turns Chainlit's Slack integration on (HTTP events or Socket Mode)."""
    return _settings(env).slack_enabled


def ledger_for(settings: Settings) -> EventLedger:
    """The deployment's once-only ledger: in Postgres when checkpoints are (replicas share it), else
    in `slack-events.sqlite` beside the chat history."""
    url = settings.postgres_url.get_secret_value() if settings.postgres_url else None
    return open_ledger(url, store.history_path(settings).with_name("slack-events.sqlite"))


DROPPED = "Slack event %s already handled: redelivery %s dropped"
"""The log record of a dropped redelivery (INFO, logger `whichmodel.slack`): the positive signal that a
redelivery was seen and handled by dropping it (operators count these; tests wait for it)."""


def dropped_line(event_id: str, retry: str = "-") -> str:
    """The text `once_only` logs when it drops a redelivery of `event_id`."""
    return DROPPED % (event_id, retry)


def install(ledger: EventLedger, env: Mapping[str, str] | Settings | None = None) -> None:
    """Configure Chainlit's Slack app: Web API base URL and the once-only event middleware."""
    from chainlit.slack.app import slack_app

    api_url = _settings(env).slack_api_url
    if api_url:
        slack_app.client.base_url = api_url.rstrip("/") + "/"
        log.info("Slack Web API: %s", slack_app.client.base_url)
    slack_app.middleware(once_only(ledger))


def once_only(ledger: EventLedger) -> Callable[..., Any]:
    """A bolt middleware that lets each `event_id` through once; redeliveries are acked and dropped."""
    from slack_bolt.response import BoltResponse

    async def handle_once(body: dict[str, Any], request: Any, next: Callable[[], Any]) -> BoltResponse | None:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if isinstance(event_id, str) and event_id and not await ledger.claim(event_id):
            retry = request.headers.get("x-slack-retry-num", ["-"])
            log.info(DROPPED, event_id, retry[0])
            return BoltResponse(status=200, body="")
        await next()
        return None

    return handle_once


def is_slack() -> bool:
    """Whether the current Chainlit session is a Slack conversation."""
    try:
        return cl.context.session.client_type == "slack"
    except Exception:  # no Chainlit context (unit tests, the CLI)
        return False


def conversation_id(fallback: str) -> str:
    """The agent's thread id for the current Slack thread: `slack:<team>:<channel>:<thread ts>`.

    Chainlit names the thread after its `ts` alone, which is unique within a channel only; the
    agent's conversation is keyed by team and channel as well, so two channels' threads that
    share a timestamp never share a conversation. `fallback` (Chainlit's id) when no event is known.
    """
    event = cl.user_session.get("slack_event") or {}
    channel = event.get("channel") or (event.get("item") or {}).get("channel")
    thread_ts = event.get("thread_ts") or event.get("ts")
    if not channel or not thread_ts:
        return fallback
    team = event.get("team") or event.get("user_team") or "-"
    return f"slack:{team}:{channel}:{thread_ts}"[:200]


def pick_option(reply: str, pending: Mapping[str, Any] | None, lang: str) -> str:
    """A bare number reply to a pending question with options, as the option's text; else the reply."""
    if not pending:
        return reply
    buttons = render.answer_buttons(
        str(pending.get("field", "")), list(pending.get("options", [])), pending.get("default"), lang
    )
    return slack.pick_option(reply, buttons) or reply


async def say(markdown: str) -> None:
    """Post the agent's Markdown as one or more mrkdwn messages in the thread."""
    for part in slack.parts(markdown):
        await cl.Message(content=part).send()


async def _post(mrkdwn_text: str) -> None:
    for part in slack.split(mrkdwn_text):
        await cl.Message(content=part).send()


async def upload(files: Sequence[tuple[str, bytes, str]]) -> None:
    """Upload files (name, content, title) to the current Slack thread in one Web API call."""
    emitter = cl.context.emitter
    client = emitter.app.client  # type: ignore[attr-defined]
    await client.files_upload_v2(
        file_uploads=[
            {"filename": name, "content": content, "title": title} for name, content, title in files
        ],
        channel=emitter.channel_id,  # type: ignore[attr-defined]
        thread_ts=emitter.thread_ts,  # type: ignore[attr-defined]
    )


async def send_report(report: ReportReady, lang: str, *, again: bool = False) -> None:
    """The report message, then the HTML and Markdown reports and the chart as a PNG image."""
    await _post(slack.text(lang, "report_again" if again else "report"))
    names = report_names.names_for(report.recommendation, render.lang_of(lang))
    # Rendering (and matplotlib: a few hundred ms, a second on first use) runs off the event loop.
    html, markdown, png = await asyncio.to_thread(
        lambda: (report.html, report.markdown, report.png_chart(render.lang_of(lang)))
    )
    await upload(
        [
            (names["html"], html.encode("utf-8"), names["html"]),
            (names["md"], markdown.encode("utf-8"), names["md"]),
            (names["png"], png, names["png"]),
        ]
    )


async def show(event: Event, lang: str) -> None:
    """Show one event of the agent in the Slack thread (tool steps are not shown in Slack)."""
    if isinstance(event, Message):
        await say(event.text)
    elif isinstance(event, Question):
        buttons = render.answer_buttons(event.field, event.options, event.default, lang)
        await _post(slack.question(event.text, buttons, event.field, lang))
    elif isinstance(event, RequirementsTable):
        await _post(slack.requirements(event.rows, lang))
    elif isinstance(event, Shortlist):
        await _post(slack.shortlist(event.rows, lang))
    elif isinstance(event, ReportReady):
        await send_report(event, lang)
    elif isinstance(event, ProbeProgress):
        if event.done == 1 and event.total > 1:  # progress counts finished items: one message, at the first
            await _post(slack.text(lang, "probe_started", total=event.total))
    elif isinstance(event, ProbeResults):
        await _post(slack.probe_results(event.rows, lang))

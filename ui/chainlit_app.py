"""WhichModel in the browser: a Chainlit adapter over the one agent API (`agent.service.Advisor`).

Run it with `whichmodel serve` (see ui/serve.py), or `chainlit run ui/chainlit_app.py -h` from the
repository root. Every turn goes to `Advisor.events(thread_id, text)` with the Chainlit thread id,
so reopening a thread from the history sidebar resumes the agent's own checkpoint. This module only
shows events: text is streamed, tool calls become steps, questions get answer buttons (typing works
as well), tables are Markdown, and the report comes as a chart plus Markdown/HTML/JSON downloads.

Chainlit registers the handlers below when it loads this file; `configure()` at the bottom applies
the origin allow-list and the authentication mode chosen by the environment (ui.chainlit.access).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping
from contextlib import AsyncExitStack
from pathlib import Path

import chainlit as cl
from chainlit.config import config as chainlit_config
from chainlit.data.base import BaseDataLayer
from chainlit.server import sio
from chainlit.types import ThreadDict

from whichmodel.agent.service import (
    Advisor,
    Attachment,
    Event,
    Message,
    ProbeProgress,
    ProbeResults,
    Question,
    ReportReady,
    RequirementsTable,
    Shortlist,
    ToolStep,
)
from whichmodel.agent.settings import Settings
from whichmodel.settings import load_or_exit
from whichmodel.ui import report_names
from whichmodel.ui.chainlit import access, offline_page, render, slack_bridge, store
from whichmodel.ui.serve import drop_chainlit_fake_key

log = logging.getLogger("whichmodel.ui")

if drop_chainlit_fake_key(os.environ):  # before any settings are read (see ui.serve.environment)
    log.warning("ignored the fake OPENAI_API_KEY of Chainlit's CI mode (CI=true or --ci)")

STREAM_DELAY_S = 0.01
"""Pause between streamed chunks, so a reply visibly builds up (about 0.3 s for a long reply)."""
RESUME_SETTLE_S = 0.5
"""Delay before a reopened thread gets its report back (after Chainlit's own replay)."""


class Runtime:
    """The process-wide agent service, opened when the app starts and closed when it stops."""

    def __init__(self) -> None:
        self._stack: AsyncExitStack | None = None
        self._advisor: Advisor | None = None

    async def open(self) -> None:
        settings = Settings.load()
        added = await store.prepare(store.history_target(checkpoints=settings.db_path))
        if added:
            log.info("chat history: added columns %s", ", ".join(added))
        stack = AsyncExitStack()
        self._advisor = await stack.enter_async_context(Advisor(settings))
        self._stack = stack
        log.info("WhichModel agent ready (brain: %s, checkpoints: %s)", settings.brain_kind, settings.db_path)
        log.info("probe endpoints: %s", ", ".join(self._advisor.probe_endpoints) or "none")

    async def close(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
        self._stack = None
        self._advisor = None

    @property
    def advisor(self) -> Advisor:
        if self._advisor is None:
            raise RuntimeError("the agent service is not open (app startup did not run)")
        return self._advisor


RUNTIME = Runtime()


@cl.on_app_startup
async def _startup() -> None:
    await RUNTIME.open()


@cl.on_app_shutdown
async def _shutdown() -> None:
    await RUNTIME.close()


@cl.data_layer
def _data_layer() -> BaseDataLayer:
    """Chat history: Chainlit's SQLAlchemy data layer on SQLite or Postgres (see ui.chainlit.store)."""
    return store.make_data_layer(store.history_target(checkpoints=Settings.load().db_path))


# ---------------------------------------------------------------------------------------------
# Session language and pending answer buttons


def _lang() -> str:
    """The reply language of this session: the agent's last reply's, else the browser's."""
    saved = cl.user_session.get("lang")
    return saved if isinstance(saved, str) else render.lang_of(getattr(cl.context.session, "language", None))


async def _clear_buttons() -> None:
    """Remove the answer buttons of the previous question (it is answered, by click or by typing)."""
    actions = cl.user_session.get("actions") or []
    for action in actions:
        await action.remove()
    cl.user_session.set("actions", [])


# ---------------------------------------------------------------------------------------------
# Showing the agent's events


async def _stream(text: str) -> None:
    msg = cl.Message(content="")
    for piece in render.chunks(render.markdown_safe(text)):
        await msg.stream_token(piece)
        await asyncio.sleep(STREAM_DELAY_S)
    await msg.send()


async def _show_question(q: Question, lang: str, *, persist: bool = True) -> None:
    buttons = render.answer_buttons(q.field, q.options, q.default, lang)
    actions = [
        cl.Action(name=render.ANSWER_ACTION, payload={"reply": b.reply}, label=b.label, tooltip=b.reply)
        for b in buttons
    ]
    msg = cl.Message(content=render.question_markdown(q.text, bool(actions), lang), actions=actions)
    await (msg.send() if persist else _send_ephemeral(msg))
    cl.user_session.set("actions", actions)


def report_elements(report: ReportReady, lang: str = "en") -> list[cl.Image | cl.File]:
    """The chart (inline SVG image) and the report downloads (Markdown, HTML, JSON), named after the
    use case in the conversation's language (ui.report_names)."""
    names = report_names.names_for(report.recommendation, lang)
    contents = (report.markdown, report.html, report.json)
    mimes = ("text/markdown", "text/html", "application/json")
    files = (names["md"], names["html"], names["json"])
    elements: list[cl.Image | cl.File] = [
        cl.Image(
            name=names["svg"],
            content=report.svg_chart.encode("utf-8"),
            mime="image/svg+xml",
            display="inline",
            size="large",
        )
    ]
    elements.extend(
        cl.File(name=name, content=body.encode("utf-8"), mime=mime, display="inline")
        for name, body, mime in zip(files, contents, mimes, strict=True)
    )
    return elements


async def _show(event: Event, lang: str) -> None:
    """Show one event of the agent in the chat."""
    if isinstance(event, Message):
        await _stream(event.text)
    elif isinstance(event, ToolStep):
        async with cl.Step(name=render.step_name(event.name, lang), type="tool") as step:
            step.input = event.name
            step.output = event.summary
    elif isinstance(event, Question):
        await _show_question(event, lang)
    elif isinstance(event, RequirementsTable):
        await cl.Message(content=render.requirements_markdown(event.rows, lang)).send()
    elif isinstance(event, Shortlist):
        await cl.Message(content=render.shortlist_markdown(event.rows, lang)).send()
    elif isinstance(event, ReportReady):
        await cl.Message(content=render.text(lang, "report"), elements=report_elements(event, lang)).send()
    elif isinstance(event, ProbeResults):
        await cl.Message(content=render.probe_results_markdown(event.rows, lang)).send()


async def run_turn(text: str, files: list[Attachment] | None = None) -> None:
    """Send one user message (and an attached examples file) to the agent and show its events."""
    if slack_bridge.is_slack():
        await _run_slack_turn(text, files or [])
        return
    await _clear_buttons()
    lang = _lang()
    thread_id = cl.context.session.thread_id
    if not await thread_allowed(thread_id, claim=True):
        await cl.Message(content=FOREIGN_THREAD[lang]).send()
        return
    progress: cl.Message | None = None
    try:
        async for event in RUNTIME.advisor.events(thread_id, text, files or []):
            if isinstance(event, ProbeProgress):  # one message, updated in place (not stored)
                content = render.text(lang, "probe_progress", done=event.done, total=event.total)
                if progress is None:
                    progress = cl.Message(content=content)
                    await _send_ephemeral(progress)
                elif event.done == event.total or event.done % 3 == 0:
                    progress.content = content
                    await progress.update()
                continue
            if isinstance(event, Message):
                lang = render.lang_of(event.lang)
                cl.user_session.set("lang", lang)
            await _show(event, lang)
    except Exception as exc:  # reported to the person and logged with its traceback, not swallowed
        log.exception("turn failed on thread %s", thread_id)
        await cl.Message(content=render.text(lang, "error", error=type(exc).__name__)).send()


async def _run_slack_turn(text: str, files: list[Attachment]) -> None:
    """A turn in a Slack thread: a bare number answers the pending question's numbered options, and
    every event is shown as Slack text or files (ui.chainlit.slack_bridge)."""
    thread_id = slack_bridge.conversation_id(cl.context.session.thread_id)
    lang = render.lang_of(None)
    try:
        state = await RUNTIME.advisor.state(thread_id)
        lang = render.lang_of(state.language) if state.turns else Advisor.language_of(text)
        text = slack_bridge.pick_option(text, state.pending, lang)
        async for event in RUNTIME.advisor.events(thread_id, text, files):
            if isinstance(event, Message):
                lang = render.lang_of(event.lang)
            await slack_bridge.show(event, lang)
    except Exception as exc:  # reported in the thread and logged with its traceback
        log.exception("Slack turn failed on thread %s", thread_id)
        await cl.Message(content=render.text(lang, "error", error=type(exc).__name__)).send()


# ---------------------------------------------------------------------------------------------
# Chainlit handlers


STARTERS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "Sort support tickets",
            "We classify ~20k support tickets a day into 12 categories, budget $300/month, "
            "answers within 2 seconds",
        ),
        (
            "Chatbot over our documents",
            "A customer chatbot that answers questions over our product manuals, "
            "about 1M requests a month, 8k context, data must stay in the EU",
        ),
        (
            "Write product descriptions",
            "We need to write product descriptions for our online shop, 5,000 a month",
        ),
    ],
    "zh": [
        ("客服工单分类", "我们每天大约两万条客服工单，需要分成12类，每月预算不超过300美元，2秒内返回"),
        ("私有化部署的文档摘要", "每天一万次文档摘要，我们必须本地部署，每月预算2000美元"),
        ("写商品文案", "我们需要给网店写商品介绍文案，每月大约五千条"),
    ],
}
"""Example requests shown on the welcome screen, in the browser's language: (label, message)."""


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    """Example requests in the browser's language (English unless it is Chinese)."""
    return [cl.Starter(label=label, message=message) for label, message in STARTERS[render.lang_of(language)]]


@cl.on_chat_start
async def _chat_start() -> None:
    """A new thread: nothing is said yet, so the starters stay visible."""
    # Slack sessions (HTTPSession) have no browser language.
    cl.user_session.set("lang", render.lang_of(getattr(cl.context.session, "language", None)))
    cl.user_session.set("actions", [])


@cl.on_message
async def _on_message(message: cl.Message) -> None:
    files = [Attachment(e.name, Path(e.path)) for e in (message.elements or []) if e.path]
    if len(files) > 1:
        names = ", ".join(f.name for f in files[1:])
        await cl.Message(content=render.text(_lang(), "files_extra", names=names)).send()
    if message.content.strip() or files:
        await run_turn(message.content, files[:1])


@cl.action_callback(render.ANSWER_ACTION)
async def _on_answer(action: cl.Action) -> None:
    """A clicked answer: shown as the person's message, then handled exactly like typed text."""
    reply = str(action.payload.get("reply", "")).strip()
    if not reply:
        return
    await cl.Message(content=reply, type="user_message", author="user").send()
    await run_turn(reply)


@cl.on_chat_resume
async def _on_resume(thread: ThreadDict) -> None:
    """A thread reopened from the history: restore its language, then its report and pending question.

    Chainlit replays the stored messages only after this handler returns, and that replay replaces
    whatever was shown before it; so the restoring runs as a task shortly after.
    """
    cl.user_session.set("actions", [])
    task = asyncio.create_task(_restore(thread["id"]))
    cl.user_session.set("restore_task", task)  # keep a reference until it is done


async def _send_ephemeral(msg: cl.Message) -> None:
    """Show a message without storing it in the history (it is re-derived from the checkpoint)."""
    msg.persisted = True
    await msg.send()


async def _restore(thread_id: str) -> None:
    await asyncio.sleep(RESUME_SETTLE_S)
    try:
        if not await thread_allowed(thread_id, claim=False):
            return
        advisor = RUNTIME.advisor
        state = await advisor.state(thread_id)
        lang = render.lang_of(state.language)
        cl.user_session.set("lang", lang)
        report = await advisor.report(thread_id)
        if report is not None:
            content = render.text(lang, "report_again")
            await _send_ephemeral(cl.Message(content=content, elements=report_elements(report, lang)))
        if state.question is not None:
            await _show_question(state.question, lang, persist=False)
    except Exception:  # logged with its traceback; the replayed conversation is still usable
        log.exception("restoring thread %s failed", thread_id)


# ---------------------------------------------------------------------------------------------
# Access: origins, authentication and thread ownership

FOREIGN_THREAD = {
    "en": "This conversation belongs to another account. Start a new chat.",
    "zh": "此对话属于另一个账户，请开始新的对话。",
}


async def thread_allowed(thread_id: str, *, claim: bool) -> bool:
    """Whether this session's user may use the agent state of `thread_id` (see access.may_use_thread).

    Chainlit refuses to resume a thread whose stored author is someone else, but it lets a session
    adopt any thread id its history does not hold yet, and then records the session's user as the
    author. The agent's checkpoint is keyed by that id, so the app keeps its own record of who sent
    the first turn (`claim=True` records it) and checks it before every turn and before a reopened
    thread's report is shown again. A thread id refused for holding state nobody is recorded for is
    locked (owner NOBODY), so the author Chainlit wrote meanwhile never becomes its owner. Only web
    (socket) sessions are checked: in Slack several people may share one thread.
    """
    from chainlit.data import get_data_layer
    from chainlit.session import WebsocketSession

    session = cl.context.session
    user = session.user.identifier if session.user is not None else None
    layer = get_data_layer()
    if user is None or layer is None or not isinstance(session, WebsocketSession):
        return True
    owner = await store.thread_owner(layer.engine, thread_id)
    has_checkpoint = True
    if owner is None:
        state = await RUNTIME.advisor.state(thread_id)
        has_checkpoint = state.turns > 0 or bool(state.messages)
    allowed = access.may_use_thread(user, owner, has_checkpoint)
    if allowed and owner is None and claim:
        owner = await store.claim_thread(layer.engine, thread_id, user)
        allowed = owner == user
    elif not allowed and owner is None:
        owner = await store.claim_thread(layer.engine, thread_id, access.NOBODY)
    if not allowed:
        log.warning("refused thread %s to user %s", thread_id, user)
    return allowed


async def _password_login(username: str, password: str) -> cl.User | None:
    if access.check_password(username, password):
        return cl.User(identifier=username, metadata={"provider": "password"})
    return None


async def _header_login(headers: Mapping[str, str]) -> cl.User | None:
    name = access.header_user(headers)
    return cl.User(identifier=name, metadata={"provider": "header"}) if name else None


async def _local_login(headers: object) -> cl.User | None:
    return cl.User(identifier=access.LOCAL_USER, metadata={"provider": "local"})


async def _oauth_login(
    provider_id: str, token: str, raw_user_data: dict[str, str], default_user: cl.User, *_: object
) -> cl.User | None:
    """An OAuth account gets in only when it is on the allow-list (access.oauth_allowed)."""
    if access.oauth_allowed(default_user.identifier):
        return cl.User(identifier=default_user.identifier, metadata={"provider": provider_id})
    log.warning("OAuth account %r (%s) is not on the allow-list", default_user.identifier, provider_id)
    return None


def configure() -> None:
    """Apply the origin allow-list (HTTP CORS and the socket.io handshake), the auth methods, and the
    CDN-free page."""
    # A bad setting stops the app (and the Slack app in it) here: one line on stderr, exit status 2.
    settings = load_or_exit()
    offline_page.install()
    origins = access.origins_from_env(settings)
    if origins is not None:
        access.apply_origins(chainlit_config.project.allow_origins, origins)
    allowed = list(chainlit_config.project.allow_origins)
    if "*" not in allowed:
        # Chainlit leaves socket.io's own origin check off; without it any web page could open a
        # websocket to a local server. Enforce the same allow-list there.
        sio.eio.cors_allowed_origins = allowed
    methods = access.auth_methods(settings)
    if "password" in methods:
        cl.password_auth_callback(_password_login)
    if "header" in methods:
        cl.header_auth_callback(_header_login)
    elif "local" in methods:
        cl.header_auth_callback(_local_login)
    if "oauth" in methods:
        cl.oauth_callback(_oauth_login)
    log.info("origins: %s; auth: %s", allowed, ", ".join(methods))
    if slack_bridge.enabled(settings):
        slack_bridge.install(slack_bridge.ledger_for(settings), settings)
        log.info("Slack: events at /slack/events (or Socket Mode), each event handled once")


configure()

"""Two app replicas on one Postgres and one chroma server; a conversation moves between them.

A throw-away Postgres (checkpoints and chat history) and a real `chroma run` (the knowledge index
built into it first) are shared by two Chainlit servers on two loopback ports with the same signing
secret and users file. In headless Chromium a user logs in on replica 1 and has two turns there;
replica 1 is then killed (SIGKILL, as in a crash). The same thread, opened on replica 2 (the
session cookie of replica 1 is valid there), re-asks the pending question, and the conversation
goes on to the recommendation: the report arrives and the requirements of turn 1 are in it.
Neither replica touches a local SQLite file.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from pydantic import SecretStr

from tests.conftest import Figures
from tests.deploy.chat_client import App
from tests.retrieval.test_http_server import chroma_server
from tests.ui.conftest import AppServer, free_port, wait_until_up
from tests.ui.test_browser import TURN_TIMEOUT_MS, Session, browser, check_results, send
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.ui.chainlit import access
from whichmodel.ui.serve import command, environment

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout."""

pytestmark = pytest.mark.slow
__all__ = ["browser", "chroma_server"]  # fixtures shared with tests/ui and tests/retrieval

USER, PASSWORD = "ann@example.com", "replica-pass-1"
FIRST = "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds, the tickets are confidential"
DEPLOYMENT_BUTTON = "Any cloud API is fine (default)"


def _start_together(dirs: list[Path], overrides: dict[str, str]) -> list[App]:
    """Start the replicas at the same moment (their schema set-up races), then wait for each."""
    procs = []
    for data_dir in dirs:
        data_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        env = environment("127.0.0.1", port, base={**os.environ, **overrides}, data_dir=data_dir, brain="offline")
        log = (data_dir / "server.log").open("ab")
        proc = subprocess.Popen(command("127.0.0.1", port), cwd=env["CHAINLIT_APP_ROOT"], env=env, stdout=log, stderr=subprocess.STDOUT)
        procs.append(App(url=f"http://127.0.0.1:{port}", port=port, data_dir=data_dir, proc=proc))
    for app in procs:
        wait_until_up(app.url + "/", app.proc, app.log)
    return procs


@pytest.fixture
def replicas(postgres_url: str, chroma_server: str, tmp_path: Path, figures: Figures) -> Iterator[list[App]]:
    started = time.monotonic()
    index = subprocess.run(
        [sys.executable, "-m", "whichmodel.ui.cli", "index"],
        env={**os.environ, "WHICHMODEL_CHROMA_URL": chroma_server, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"},
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert index.returncode == 0, index.stderr[-3000:]
    assert chroma_server in index.stdout, index.stdout
    figures.add("replicas", "knowledge index built into chroma server", f"{time.monotonic() - started:.1f} s")
    users = tmp_path / "users"
    access.add_user(users, USER, PASSWORD)
    shared = {
        "WHICHMODEL_POSTGRES_URL": postgres_url,
        "WHICHMODEL_HISTORY_URL": postgres_url,
        "WHICHMODEL_CHROMA_URL": chroma_server,
        access.SECRET_ENV: secrets.token_urlsafe(48),
        access.USERS_FILE_ENV: str(users),
        "ANONYMIZED_TELEMETRY": "False",
        "HF_HUB_OFFLINE": "1",
    }
    started = time.monotonic()
    apps = _start_together([tmp_path / "replica-1", tmp_path / "replica-2"], shared)
    figures.add("replicas", "two replicas up (started together)", f"{time.monotonic() - started:.1f} s")
    try:
        yield apps
    finally:
        for app in apps:
            app.stop()


def _as_server(app: App) -> AppServer:
    return AppServer(url=app.url, port=app.port, data_dir=app.data_dir, log=app.log)


class Sockets:
    """Counts socket.io sessions the page has completed (the client's "connection_successful")."""

    def __init__(self, page: object) -> None:
        self.connected = 0
        page.on("websocket", self._watch)  # type: ignore[attr-defined]

    def _watch(self, ws: object) -> None:
        def frame(payload: object) -> None:
            if "connection_successful" in str(payload):
                self.connected += 1

        ws.on("framesent", frame)  # type: ignore[attr-defined]

    def wait(self, page: object, more_than: int) -> None:
        """Wait for the chat input, then for a new socket.io session (typing earlier is lost)."""
        page.wait_for_selector("#chat-input", timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]
        waited = 0
        while self.connected <= more_than and waited < TURN_TIMEOUT_MS:
            page.wait_for_timeout(100)  # type: ignore[attr-defined]
            waited += 100
        assert self.connected > more_than, "the chat session never connected"


def _open_logged_in(browser: object, apps: list[App]) -> tuple[Session, Sockets]:
    """A fresh browser context that may reach both replicas only; logs in on replica 1's form."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1500})  # type: ignore[attr-defined]
    session = Session(page=None)

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if any(url.startswith(app.url) for app in apps):
            route.continue_()  # type: ignore[attr-defined]
        else:
            session.external.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    sockets = Sockets(page)
    page.goto(apps[0].url + "/")
    page.locator("#email").fill(USER, timeout=TURN_TIMEOUT_MS)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    session.page = page
    sockets.wait(page, 0)
    return session, sockets


def _threads(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        return [(str(r[0]), r[1]) for r in conn.execute('SELECT id, "userIdentifier" FROM threads')]


@pytest.mark.timeout(900)  # builds the knowledge index into a chroma server first (~2 min unloaded)
def test_a_conversation_moves_to_the_other_replica(
    replicas: list[App], browser: object, postgres_url: str, figures: Figures
) -> None:
    one, two = replicas
    session, sockets = _open_logged_in(browser, replicas)
    page = session.page
    send(page, FIRST)
    page.get_by_role("button", name=DEPLOYMENT_BUTTON).wait_for(timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while not (stored := _threads(postgres_url)) and time.monotonic() < deadline:
        time.sleep(0.2)
    ((thread_id, author),) = stored
    assert author == USER

    one.stop(kill=True)  # mid-interview: the question where the model may run is pending
    killed = time.monotonic()
    before = sockets.connected
    page.goto(f"{two.url}/thread/{thread_id}")  # type: ignore[attr-defined]
    assert "/login" not in page.url, "replica 2 did not accept replica 1's session"  # type: ignore[attr-defined]
    pending = page.get_by_role("button", name=DEPLOYMENT_BUTTON)  # type: ignore[attr-defined]
    pending.last.wait_for(timeout=TURN_TIMEOUT_MS)
    figures.add("replicas", "replica 1 killed -> pending question back on replica 2", f"{time.monotonic() - killed:.1f} s")
    # Turn 1 was replayed from the shared history.
    assert page.locator(".message-content", has_text="20k support tickets").count() >= 1  # type: ignore[attr-defined]
    sockets.wait(page, before)
    send(page, "any cloud API")
    check_results(session, _as_server(two), "Monthly cost", "Catalog search", "replicas-result.png", "support-tickets")
    figures.add("replicas", "replica 1 killed -> report on replica 2", f"{time.monotonic() - killed:.1f} s")
    md_link = page.locator('a[download$="-report.md"]').first  # type: ignore[attr-defined]
    report = page.request.get(md_link.get_attribute("href")).text()  # type: ignore[attr-defined]
    assert "$300" in report and "20k support tickets" in report, "turn 1's requirements are not in the report"

    assert [t for t, _ in _threads(postgres_url)] == [thread_id], "replica 2 started a new conversation"
    for app in replicas:
        assert not (app.data_dir / "chat.sqlite").exists() and not (app.data_dir / "history.sqlite").exists()

    async def stored_state() -> tuple[str, float, float]:
        async with Advisor(Settings(brain="offline", postgres_url=SecretStr(postgres_url)), retriever=None) as adv:
            state = await adv.state(thread_id)
        return state.stage, state.slots["budget.monthly_usd"]["value"], state.slots["latency.p95_seconds"]["value"]

    with ThreadPoolExecutor(max_workers=1) as pool:  # not on the thread Playwright's loop lives on
        assert pool.submit(asyncio.run, stored_state()).result(timeout=120) == ("recommended", 300.0, 2.0)

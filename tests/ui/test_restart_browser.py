"""Kill the web server mid-interview, start it again on the same data: the conversation goes on.

A real Chainlit server (subprocess) is killed with SIGKILL after the first message, while its question
is pending. A new server on the same data folder serves the same thread: the browser reopens it, the
pending question is asked again with its buttons, and the interview completes to a shortlist.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.ui.conftest import AppServer, free_port, start_server, stop, wait_until_up
from tests.ui.test_browser import (
    ARTIFACTS,
    TURN_TIMEOUT_MS,
    browser,
    check_results,
    open_chat,
    send,
    stored_threads,
)

pytestmark = pytest.mark.slow
__all__ = ["browser"]  # the module-scoped Chromium fixture, shared with test_browser


def _start(data_dir: Path, port: int) -> tuple[subprocess.Popen[bytes], AppServer]:
    proc = start_server(data_dir, port)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/", proc, data_dir / "server.log")
    return proc, AppServer(url=url, port=port, data_dir=data_dir, log=data_dir / "server.log")


def test_killed_server_resumes_the_pending_question(browser: object, tmp_path: Path) -> None:
    port = free_port()
    proc, server = _start(tmp_path, port)
    try:
        session = open_chat(browser, server, "en-US")
        send(
            session.page,
            "We classify ~20k support tickets a day, budget $300/month, answers within 2 seconds, the data is confidential",
        )
        question = session.page.get_by_role("button", name="Any cloud API is fine (default)")  # type: ignore[attr-defined]
        question.wait_for(timeout=TURN_TIMEOUT_MS)
        (thread_id,) = stored_threads(server)
    finally:
        proc.kill()  # SIGKILL: no shutdown hooks, as in a crash
        proc.wait()

    proc, server = _start(tmp_path, port)
    try:
        page = session.page
        page.goto(f"{server.url}/thread/{thread_id}")  # type: ignore[attr-defined]
        # The requirements survived: the question re-asked is the deployment one, not the task.
        button = page.get_by_role("button", name="Any cloud API is fine (default)")  # type: ignore[attr-defined]
        button.last.wait_for(timeout=TURN_TIMEOUT_MS)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat-en-after-restart.png"))  # type: ignore[attr-defined]
        button.last.click()  # the answer completes the facts: the recommendation comes in the same reply
        check_results(session, server, "Monthly cost", "Catalog search", "chat-en-restart-result.png", "support-tickets")
        assert set(stored_threads(server)) == {thread_id}, "the restart started a new conversation"
    finally:
        stop(proc)

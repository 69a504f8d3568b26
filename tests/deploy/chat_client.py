"""A scripted Chainlit client for the deployment tests: HTTP login plus a socket.io session.

It speaks what Chainlit's web front end speaks (auth payload with sessionId/threadId, the
`connection_successful` handshake, `client_message` steps) with python-socketio, which Chainlit
itself depends on, so tests can act as two different users against a real server without a
browser. Nothing here fakes the server: every answer comes from the running app.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import socketio

from tests.ui.conftest import wait_until_up
from whichmodel.ui.serve import command, environment

TURN_TIMEOUT_S = 60.0
QUIET_S = 0.6
"""A turn is over when the server has sent `task_end` and then nothing for this long (Chainlit sends
several task_start/task_end pairs per turn: the chat-start hook, asks, the message handler)."""


@dataclass(frozen=True)
class App:
    """A running app server (subprocess) and where it keeps its data."""

    url: str
    port: int
    data_dir: Path
    proc: subprocess.Popen[bytes]

    @property
    def log(self) -> Path:
        return self.data_dir / "server.log"

    def stop(self, *, kill: bool = False) -> None:
        if self.proc.poll() is not None:
            return
        if kill:
            self.proc.kill()  # SIGKILL: no shutdown hooks, as in a crash
        else:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def start_app(data_dir: Path, port: int, overrides: Mapping[str, str]) -> App:
    """Start the app as `whichmodel serve` would, on 127.0.0.1:port, with `overrides` in its
    environment (applied before ui.serve's rules, so they see the auth configuration)."""
    import os

    data_dir.mkdir(parents=True, exist_ok=True)
    env = environment("127.0.0.1", port, base={**os.environ, **overrides}, data_dir=data_dir, brain="offline")
    log = (data_dir / "server.log").open("ab")
    proc = subprocess.Popen(command("127.0.0.1", port), cwd=env["CHAINLIT_APP_ROOT"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/", proc, data_dir / "server.log")
    return App(url=url, port=port, data_dir=data_dir, proc=proc)


def login(base_url: str, username: str, password: str) -> httpx.Client:
    """An HTTP client logged in through the password form (POST /login); raises on 401."""
    client = httpx.Client(base_url=base_url, timeout=30.0)
    response = client.post("/login", data={"username": username, "password": password})
    response.raise_for_status()
    assert client.cookies.get("access_token"), "login set no session cookie"
    return client


@dataclass
class Chat:
    """One socket.io session of a logged-in user (or of nobody, without a cookie)."""

    base_url: str
    cookies: httpx.Cookies
    thread_id: str | None = None
    session_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    events: list[tuple[str, Any]] = field(default_factory=list)
    _sio: socketio.AsyncClient | None = None
    _last_event: float = 0.0

    async def connect(self) -> None:
        """Open the socket (resuming `thread_id` when set) and finish Chainlit's handshake.

        Raises socketio.exceptions.ConnectionError when the server refuses the connection.
        """
        sio = socketio.AsyncClient(reconnection=False)

        @sio.on("*")  # type: ignore[misc]
        async def _any(event: str, data: Any = None) -> None:
            self.events.append((event, data))
            self._last_event = time.monotonic()

        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        auth = {
            "sessionId": self.session_id,
            "clientType": "webapp",
            "userEnv": "{}",
            "chatProfile": None,
            "threadId": self.thread_id,
        }
        await sio.connect(
            self.base_url,
            headers={"Cookie": cookie, "Origin": self.base_url},
            auth=auth,
            socketio_path="/ws/socket.io",
            transports=["websocket"],
            wait_timeout=30,
        )
        self._sio = sio
        start = len(self.events)
        await sio.emit("connection_successful")
        await self._wait_end(start)

    async def _wait_end(self, start: int) -> None:
        deadline = time.monotonic() + TURN_TIMEOUT_S
        while time.monotonic() < deadline:
            ended = any(event == "task_end" for event, _ in self.events[start:])
            if ended and time.monotonic() - self._last_event >= QUIET_S:
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"the server did not end the turn within {TURN_TIMEOUT_S} s")

    async def settle(self, seconds: float) -> None:
        """Let the server push what it sends after a resume (the app restores with a delay)."""
        await asyncio.sleep(seconds)

    async def send(self, text: str) -> list[str]:
        """Send one message and wait until the server ends the turn; returns the texts it showed."""
        assert self._sio is not None, "connect() first"
        start = len(self.events)
        step = {
            "id": str(uuid.uuid4()),
            "threadId": self.thread_id or "",
            "name": "User",
            "type": "user_message",
            "output": text,
            "createdAt": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        }
        await self._sio.emit("client_message", {"message": step, "fileReferences": []})
        await self._wait_end(start)
        return self.texts(start)

    def texts(self, start: int = 0) -> list[str]:
        """The texts of messages shown since event number `start` (final versions of streamed ones)."""
        final: dict[str, str] = {}
        for event, data in self.events[start:]:
            if event in ("new_message", "update_message") and isinstance(data, dict) and data.get("output"):
                final[str(data["id"])] = str(data["output"])
        return list(final.values())

    def elements(self, start: int = 0) -> list[dict[str, Any]]:
        return [data for event, data in self.events[start:] if event == "element" and isinstance(data, dict)]

    def started_thread(self) -> str:
        """The thread id the server announced at the first interaction."""
        for event, data in self.events:
            if event == "first_interaction" and isinstance(data, dict) and data.get("thread_id"):
                return str(data["thread_id"])
        raise AssertionError(f"no first_interaction event in {[e for e, _ in self.events]}")

    async def close(self) -> None:
        if self._sio is not None:
            await self._sio.disconnect()
            self._sio = None

"""A stand-in for Slack's Socket Mode endpoint: a real websocket server on loopback.

The app asks the Web API stand-in for `apps.connections.open` (which returns `ws_url`), connects
here, gets a `hello`, and then receives the envelopes a test pushes with `send()`; every envelope
it acknowledges (`{"envelope_id": ...}`) is recorded in `acks`.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web


@dataclass
class SocketStandIn:
    url: str = ""
    acks: list[str] = field(default_factory=list)
    connections: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)

    def send(self, envelope: dict[str, Any]) -> None:
        """Push an envelope to the connected app (waits up to 60 s for it to connect)."""
        deadline = time.monotonic() + 60
        while not self._sockets and time.monotonic() < deadline:
            time.sleep(0.1)
        if not self._sockets or self._loop is None:
            raise AssertionError("the app never connected to the Socket Mode stand-in")
        ws = self._sockets[-1]
        asyncio.run_coroutine_threadsafe(ws.send_str(json.dumps(envelope)), self._loop).result(10)

    def wait_connected(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not self._sockets and time.monotonic() < deadline:
            time.sleep(0.1)
        assert self._sockets, "the app never connected to the Socket Mode stand-in"


@contextmanager
def socket_standin() -> Iterator[SocketStandIn]:
    standin = SocketStandIn()
    loop = asyncio.new_event_loop()
    standin._loop = loop
    ready = threading.Event()
    runner_box: list[web.AppRunner] = []

    async def link(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        standin.connections += 1
        standin._sockets.append(ws)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1, "debug_info": {}}))
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                data = json.loads(msg.data)
                if "envelope_id" in data:
                    standin.acks.append(data["envelope_id"])
        standin._sockets.remove(ws)
        return ws

    async def start() -> None:
        app = web.Application()
        app.router.add_get("/link", link)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        standin.url = f"ws://127.0.0.1:{port}/link"
        runner_box.append(runner)
        ready.set()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(start())
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield standin
    finally:
        asyncio.run_coroutine_threadsafe(runner_box[0].cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)

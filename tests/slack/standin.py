"""A stand-in for the Slack Web API on loopback that records every call the app makes.

It answers the methods Chainlit's Slack integration and slack_sdk use (auth.test, users.info,
bots.info, chat.postMessage, chat.update, reactions.add, conversations.replies,
files.getUploadURLExternal, the upload URL itself, files.completeUploadExternal) like Slack would,
and serves files the test registers at their `url_private` (downloads must carry the bot token).
Arguments arrive as a query string, a form or JSON; all three are merged into `Call.args`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM = "T0000001"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str | None


@dataclass
class Upload:
    file_id: str
    filename: str
    content: bytes = b""


@dataclass
class SlackStandIn:
    base: str = ""
    calls: list[Call] = field(default_factory=list)
    uploads: dict[str, Upload] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    downloads: list[tuple[str, str | None]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    ws_url: str = ""
    """What apps.connections.open answers (the Socket Mode stand-in's URL)."""

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def file_url(self, name: str) -> str:
        return f"{self.base}/files/{name}"

    def posted(self, thread_ts: str | None = None) -> list[dict[str, Any]]:
        """Arguments of every chat.postMessage (in one thread when `thread_ts` is given)."""
        with self.lock:
            return [
                c.args
                for c in self.calls
                if c.method == "chat.postMessage"
                and (thread_ts is None or c.args.get("thread_ts") == thread_ts)
            ]

    def completed_uploads(self, thread_ts: str | None = None) -> list[Upload]:
        """Files whose upload was completed (files.completeUploadExternal), in order."""
        out: list[Upload] = []
        with self.lock:
            for c in self.calls:
                if c.method != "files.completeUploadExternal":
                    continue
                if thread_ts is not None and c.args.get("thread_ts") != thread_ts:
                    continue
                listed = c.args.get("files")
                items = json.loads(listed) if isinstance(listed, str) else listed or []
                out.extend(self.uploads[i["id"]] for i in items if i.get("id") in self.uploads)
        return out

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 60.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.1)
        methods = [c.method for c in self.calls]
        raise AssertionError(f"timed out waiting for {what}; calls so far: {methods}")

    # -----------------------------------------------------------------------------------------

    def answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": TEAM, "user": "whichmodel"}
        if method == "users.info":
            uid = str(args.get("user", ""))
            return {
                "ok": True,
                "user": {
                    "id": uid,
                    "profile": {"real_name": f"Person {uid}", "email": f"{uid.lower()}@example.com"},
                },
            }
        if method == "bots.info":
            return {"ok": True, "bot": {"id": args.get("bot"), "name": "a bot"}}
        if method in ("chat.postMessage", "chat.update"):
            ts = f"{time.time():.6f}"
            return {
                "ok": True,
                "channel": args.get("channel"),
                "ts": ts,
                "message": {"text": args.get("text")},
            }
        if method == "apps.connections.open":
            return (
                {"ok": True, "url": self.ws_url} if self.ws_url else {"ok": False, "error": "not_configured"}
            )
        if method == "reactions.add":
            return {"ok": True}
        if method == "conversations.replies":
            return {"ok": True, "messages": []}
        if method == "files.getUploadURLExternal":
            with self.lock:
                file_id = f"F{len(self.uploads) + 1:07d}"
                self.uploads[file_id] = Upload(file_id, str(args.get("filename", "")))
            return {"ok": True, "file_id": file_id, "upload_url": f"{self.base}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            listed = args.get("files")
            items = json.loads(listed) if isinstance(listed, str) else listed or []
            return {"ok": True, "files": [{"id": i.get("id"), "title": i.get("title")} for i in items]}
        return {"ok": False, "error": "unknown_method"}


def _handler(standin: SlackStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:  # keep pytest output clean
            pass

        def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _token(self) -> str | None:
            auth = self.headers.get("Authorization", "")
            return auth.removeprefix("Bearer ").strip() or None

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path.startswith("/files/"):
                name = path.removeprefix("/files/")
                with standin.lock:
                    standin.downloads.append((name, self._token()))
                if name in standin.files and self._token():
                    self._reply(200, standin.files[name], "application/octet-stream")
                else:
                    self._reply(404, b"not found", "text/plain")
                return
            self.do_POST()

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if parts.path.startswith("/upload/"):
                file_id = parts.path.removeprefix("/upload/")
                with standin.lock:
                    if file_id in standin.uploads:
                        standin.uploads[file_id].content = raw
                self._reply(200 if file_id in standin.uploads else 404, b"OK", "text/plain")
                return
            if not parts.path.startswith("/api/"):
                self._reply(404, b"{}")
                return
            method = parts.path.removeprefix("/api/")
            args: dict[str, Any] = dict(parse_qsl(parts.query))
            ctype = self.headers.get("Content-Type", "")
            if raw and "json" in ctype:
                args.update(json.loads(raw))
            elif raw:
                args.update(dict(parse_qsl(raw.decode("utf-8"))))
            with standin.lock:
                standin.calls.append(Call(method, args, self._token()))
            self._reply(200, json.dumps(standin.answer(method, args)).encode("utf-8"))

    return Handler


@contextmanager
def slack_standin() -> Iterator[SlackStandIn]:
    """Run the stand-in on a free loopback port for the duration of the block."""
    standin = SlackStandIn()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(standin))
    standin.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield standin
    finally:
        server.shutdown()
        server.server_close()

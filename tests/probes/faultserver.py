"""A real OpenAI-compatible HTTP server on 127.0.0.1 that injects faults per request (tests only).

The last user message decides the behaviour:

- ``ANSWER:<text>`` anywhere: a healthy streamed answer ``<text>`` (default answer "ok").
- ``FAULT:429x<N>`` / ``FAULT:500x<N>``: the first N requests with this prompt fail that way
  (429s carry ``Retry-After: <RA>`` where ``RETRY_AFTER:<RA>`` is in the prompt, default 0), then
  the request succeeds.
- ``FAULT:500always``, ``FAULT:timeout`` (sleeps longer than any test timeout),
  ``FAULT:malformed`` (a chunk that is not JSON), ``FAULT:drop`` (one chunk, then the connection
  is cut mid-body), ``FAULT:hangup`` (the connection closes before any response).

A request whose ``model`` is ``dies-after-<N>`` fails with 503 once that model has had N requests.
Every request is logged (path, headers, body) so tests can check what was sent where.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class FaultLog:
    requests: list[dict[str, Any]] = field(default_factory=list)
    per_prompt: Counter[str] = field(default_factory=Counter)
    per_model: Counter[str] = field(default_factory=Counter)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _handler(log: FaultLog) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            prompt = body["messages"][-1]["content"]
            model = body.get("model", "")
            with log.lock:
                log.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                log.per_prompt[prompt] += 1
                log.per_model[model] += 1
                attempt, model_count = log.per_prompt[prompt], log.per_model[model]
                log.in_flight += 1
                log.max_in_flight = max(log.max_in_flight, log.in_flight)
            try:
                time.sleep(0.02)  # long enough for concurrent requests to overlap
                self._respond(prompt, model, attempt, model_count)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with log.lock:
                    log.in_flight -= 1

        def _respond(self, prompt: str, model: str, attempt: int, model_count: int) -> None:
            dies = re.match(r"dies-after-(\d+)$", model)
            if dies and model_count > int(dies.group(1)):
                return self._plain(503, {"error": "model unavailable"})
            fault = re.search(r"FAULT:(\w+)", prompt)
            kind = fault.group(1) if fault else ""
            times = re.match(r"(429|500)x(\d+)$", kind)
            if times and attempt <= int(times.group(2)):
                retry_after = re.search(r"RETRY_AFTER:([\d.]+)", prompt)
                headers = {"Retry-After": retry_after.group(1) if retry_after else "0"}
                return self._plain(int(times.group(1)), {"error": "injected"}, headers)
            if kind == "500always":
                return self._plain(500, {"error": "injected"})
            if kind == "hangup":  # close the connection before sending any response
                self.close_connection = True
                self.connection.shutdown(2)
                return None
            if kind == "timeout":
                time.sleep(3)
                return self._plain(200, {"error": "too late"})
            answer_match = re.search(r"ANSWER:(.+)$", prompt)
            answer = answer_match.group(1).strip() if answer_match else "ok"
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            words = answer.split(" ")
            for i, word in enumerate(words):
                if kind == "malformed" and i == 0:
                    self._chunk("data: {not json\n\n")
                    continue
                delta = {"choices": [{"index": 0, "delta": {"content": word if i == 0 else " " + word}}]}
                self._chunk(f"data: {json.dumps(delta)}\n\n")
                if kind == "drop":
                    self.wfile.flush()
                    self.connection.shutdown(2)  # cut mid-body: no terminating chunk
                    return None
            finish = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
            usage = {
                "choices": [],
                "usage": {"prompt_tokens": len(prompt) // 4 + 1, "completion_tokens": len(words)},
            }
            self._chunk(f"data: {json.dumps(finish)}\n\n")
            self._chunk(f"data: {json.dumps(usage)}\n\n")
            self._chunk("data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            return None

        def _chunk(self, text: str) -> None:
            data = text.encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

        def _plain(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


class FaultServer:
    """Context manager running the fault-injecting server in a background thread."""

    def __init__(self) -> None:
        self.log = FaultLog()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.log))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

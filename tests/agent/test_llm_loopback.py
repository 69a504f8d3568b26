"""The LLM brain against a real OpenAI-compatible HTTP server on 127.0.0.1 (stdlib http.server).

The server returns, per test: a schema-valid structured response, HTTP 500, garbage, or a valid JSON
that names an impossible requirement value. Failures must fall back to the offline brain.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.llm import LLMBrain
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings

VALID = {
    "facts": [
        {"path": "task_type", "value": "classification", "provenance": "stated", "evidence": "sort tickets"},
        {"path": "budget.monthly_usd", "value": 123.0, "provenance": "stated", "evidence": "123 bucks"},
    ],
    "intent": "provide",
    "question": None,
    "language": "en",
    "choice": None,
}


class _Handler(BaseHTTPRequestHandler):
    mode = "valid"
    seen_auth: ClassVar[list[str]] = []

    def log_message(self, *args):  # quiet
        pass

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen_auth.append(self.headers.get("Authorization", ""))
        if self.mode == "500":
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"error": {"message": "boom"}}')
            return
        if self.mode == "garbage":
            content = "this is not json {"
        elif self.mode == "bad_value":
            content = json.dumps(
                {
                    **VALID,
                    "facts": [
                        {"path": "budget.monthly_usd", "value": -5, "provenance": "stated", "evidence": "x"}
                    ],
                }
            )
        else:
            content = json.dumps(VALID)
        payload = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 0,
            "model": body.get("model", "m"),
            "choices": [
                {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.seen_auth = []
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _settings(url: str, **extra) -> Settings:
    return Settings.load(
        env={"OPENAI_API_KEY": "sk-must-not-leak"},
        llm_base_url=url,
        interviewer_model="compatible/tiny",
        llm_timeout_s=5,
        **extra,
    )


async def test_valid_structured_response(server):
    _Handler.mode = "valid"
    url = f"http://127.0.0.1:{server.server_port}/v1"
    brain = LLMBrain(_settings(url))
    result = await brain.understand("we sort tickets, 123 bucks", None)
    assert result.brain == "llm" and result.fallback_error is None
    assert {f.path: f.value for f in result.understanding.facts} == {
        "task_type": "classification",
        "budget.monthly_usd": 123.0,
    }
    assert _Handler.seen_auth and all("sk-must-not-leak" not in a for a in _Handler.seen_auth)


@pytest.mark.parametrize("mode", ["500", "garbage", "bad_value"])
async def test_failure_falls_back_and_conversation_continues(server, mode):
    _Handler.mode = mode
    url = f"http://127.0.0.1:{server.server_port}/v1"
    settings = _settings(url)
    async with Advisor(settings, retriever=None, checkpointer=InMemorySaver()) as adv:
        reply = await adv.send("t", "we classify 20k support tickets a day, under $300 a month")
        state = await adv.state("t")
    assert any(getattr(e, "name", "") == "llm_fallback" for e in reply.events)
    assert state.slots["budget.monthly_usd"]["value"] == 300.0  # read by the offline brain
    assert state.slots["task_type"]["value"] == "classification"
    assert reply.pending is not None  # the interview goes on


async def test_connection_refused_falls_back():
    brain = LLMBrain(_settings("http://127.0.0.1:9/v1"))
    result = await brain.understand("budget is $50 a month", None)
    assert result.brain == "offline" and result.fallback_error
    assert result.understanding.facts[0].path == "budget.monthly_usd"

"""Streamed calls give their connection back to the pool, under uvloop as in the server.

The Chainlit server runs on uvloop. Breaking out of httpx's line iterator at `[DONE]` abandoned
httpcore's stream generator; in the server the garbage collector closed it from another task, the
close failed ("Attempted to exit cancel scope in a different task") and the connection stayed "in
use", so once `max_connections` calls had run every later call waited forever: a probe of 24 items
in the web app or Slack stopped at 12 (tests/slack/test_slack_events.py runs that probe end to end).
These tests make many more calls than connections, on outcomes that end a stream early, and
require all of them to finish. llama.cpp's HTTP server closes a kept-alive connection after a few
requests; a call that meets such a closed connection fails as `connection_error`, which the engine
retries (complete_with_retries), so that outcome is allowed here, a timeout is not.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
import uvloop

from tests.probes.faultserver import FaultServer
from whichmodel.tools.probes.client import CallError, complete
from whichmodel.tools.probes.endpoints import Endpoint
from whichmodel.tools.probes.local_server import LocalModelServer

CALLS = 30
CONNECTIONS = 2


def _run(endpoint: Endpoint, prompts: list[str]) -> list[str]:
    async def run() -> list[str]:
        limits = httpx.Limits(max_connections=CONNECTIONS)
        outcomes: list[str] = []
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:

            async def one(i: int) -> None:
                messages = [{"role": "user", "content": prompts[i % len(prompts)]}]
                try:
                    done = await complete(client, endpoint, messages, {"max_tokens": 4}, timeout_s=10)
                    outcomes.append(done.text)
                except CallError as exc:
                    outcomes.append(exc.kind)

            async with asyncio.timeout(60):
                await asyncio.gather(*(one(i) for i in range(CALLS)))
        return outcomes

    return uvloop.run(run())


def test_fault_server_streams_ending_early_release_connections(fault_server: FaultServer) -> None:
    endpoint = Endpoint(id="fault", provider="openai_compatible", model="m", base_url=fault_server.base_url)
    outcomes = _run(endpoint, ["ANSWER:yes", "FAULT:malformed", "ANSWER:no"])
    assert len(outcomes) == CALLS
    assert outcomes.count("malformed_response") == CALLS // 3
    assert "timeout" not in outcomes


@pytest.mark.slow
def test_keep_alive_llama_server_calls_release_connections(smollm2_server: LocalModelServer) -> None:
    """llama.cpp keeps HTTP/1.1 connections alive and sends `[DONE]` before the end of the body:
    the case that hung."""
    endpoint = Endpoint(
        id="local", provider="openai_compatible", model="smollm2", base_url=smollm2_server.base_url
    )
    outcomes = _run(endpoint, ["Say yes.", "Say no.", "Count to three."])
    assert len(outcomes) == CALLS
    assert "timeout" not in outcomes and "dropped_stream" not in outcomes, outcomes
    assert sum(o != "connection_error" for o in outcomes) >= CALLS // 2, outcomes

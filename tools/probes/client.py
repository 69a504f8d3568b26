"""One streamed chat completion with timing, error classification, retries and adaptive concurrency.

:func:`complete` streams ``/chat/completions`` (``stream_options.include_usage``) to measure the
time to first token, and turns every failure into a :class:`CallError` with a ``kind``:
``rate_limited``, ``server_error``, ``timeout``, ``malformed_response``, ``dropped_stream``,
``connection_error``, ``auth_error`` or ``client_error``. :func:`complete_with_retries` retries the
transient kinds with exponential backoff, honouring ``Retry-After``, and tells an
:class:`AdaptiveLimiter` about 429s so the concurrency halves and then recovers.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
from collections import Counter
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, cast

import httpx

from whichmodel.tools.probes.endpoints import Endpoint

RETRYABLE = frozenset(
    {"rate_limited", "server_error", "timeout", "malformed_response", "dropped_stream", "connection_error"}
)


class CallError(Exception):
    """A failed call, classified by kind; ``retry_after`` is the server's hint in seconds, if any."""

    def __init__(
        self, kind: str, message: str, retry_after: float | None = None, status: int | None = None
    ) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
        self.status = status
        self.attempts = 1
        self.retries_by_kind: dict[str, int] = {}


@dataclass
class Completion:
    """A finished completion and its measurements (seconds, tokens as the server reported them)."""

    text: str
    latency_s: float
    ttft_s: float | None
    input_tokens: int | None
    output_tokens: int | None
    finish_reason: str | None
    attempts: int = 1
    retries_by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def output_tokens_per_s(self) -> float | None:
        """Decode speed: output tokens over the time after the first token."""
        if not self.output_tokens or self.ttft_s is None or self.latency_s <= self.ttft_s:
            return None
        return self.output_tokens / (self.latency_s - self.ttft_s)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date relative to now; None if absent/invalid."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _status_error(response: httpx.Response, body: str) -> CallError:
    status = response.status_code
    snippet = body[:200]
    if status == 429:
        return CallError(
            "rate_limited", snippet, parse_retry_after(response.headers.get("retry-after")), status
        )
    if status in (401, 403):
        return CallError("auth_error", f"HTTP {status}", status=status)
    if status >= 500:
        return CallError(
            "server_error",
            f"HTTP {status} {snippet}",
            parse_retry_after(response.headers.get("retry-after")),
            status,
        )
    return CallError("client_error", f"HTTP {status} {snippet}", status=status)


async def complete(
    client: httpx.AsyncClient,
    endpoint: Endpoint,
    messages: list[dict[str, str]],
    params: dict[str, Any],
    timeout_s: float,
) -> Completion:
    """One streamed chat completion; raises :class:`CallError` on any failure (total timeout included)."""
    body = {
        "model": endpoint.model,
        "messages": messages,
        "stream": True,
        "stream_options": {"include_usage": True},
        **params,
    }
    started = time.perf_counter()
    state = {"headers": False}
    try:
        async with asyncio.timeout(timeout_s):
            return await _stream(client, endpoint, body, started, state)
    except TimeoutError as exc:
        raise CallError("timeout", f"no complete answer within {timeout_s:g}s") from exc
    except httpx.TimeoutException as exc:
        raise CallError("timeout", type(exc).__name__) from exc
    except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
        # Before any response it is a dead (e.g. stale keep-alive) connection; after, a cut stream.
        kind = "dropped_stream" if state["headers"] else "connection_error"
        raise CallError(kind, f"{type(exc).__name__}: {exc}"[:200]) from exc
    except httpx.TransportError as exc:
        raise CallError("connection_error", type(exc).__name__) from exc


async def _stream(
    client: httpx.AsyncClient,
    endpoint: Endpoint,
    body: dict[str, Any],
    started: float,
    state: dict[str, bool],
) -> Completion:
    async with client.stream("POST", endpoint.chat_url(), json=body, headers=endpoint.headers()) as response:
        state["headers"] = True
        if response.status_code != 200:
            raw = await response.aread()
            raise _status_error(response, raw.decode("utf-8", "replace"))
        if "text/event-stream" not in response.headers.get("content-type", ""):
            raw = await response.aread()
            return _from_json(raw, started)
        parts: list[str] = []
        ttft: float | None = None
        usage: dict[str, Any] = {}
        finish: str | None = None
        done = False
        problem: CallError | None = None
        # The stream is always read to its end: leaving httpx's line iterator early (a break or a
        # raise inside the loop) abandons httpcore's stream generator, which the garbage collector
        # then closes from another task; that close fails and the connection never returns to the
        # pool, so after `max_connections` such calls every later call waits forever.
        # httpx types aiter_lines() as an AsyncIterator; it is an async generator, which has aclose().
        stream = cast(AsyncGenerator[str, None], response.aiter_lines())
        async with contextlib.aclosing(stream) as lines:
            async for line in lines:
                if done or problem is not None or not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    done = True
                    continue
                try:
                    chunk = json.loads(data)
                except json.JSONDecodeError:
                    problem = CallError("malformed_response", f"bad JSON in stream: {data[:60]!r}")
                    continue
                if not isinstance(chunk, dict):
                    problem = CallError("malformed_response", "stream chunk is not an object")
                    continue
                if chunk.get("error"):
                    problem = CallError("server_error", str(chunk["error"])[:200])
                    continue
                if isinstance(chunk.get("usage"), dict):
                    usage = chunk["usage"]
                for choice in chunk.get("choices") or []:
                    delta = choice.get("delta") or {}
                    piece = delta.get("content") or delta.get("reasoning_content") or ""
                    if piece:
                        if ttft is None:
                            ttft = time.perf_counter() - started
                        parts.append(delta.get("content") or "")
                    finish = choice.get("finish_reason") or finish
        if problem is not None:
            raise problem
        if not done and finish is None:
            raise CallError("dropped_stream", "stream ended without [DONE] or a finish reason")
        return Completion(
            text="".join(parts),
            latency_s=time.perf_counter() - started,
            ttft_s=ttft,
            input_tokens=usage.get("prompt_tokens"),
            output_tokens=usage.get("completion_tokens"),
            finish_reason=finish,
        )


def _from_json(raw: bytes, started: float) -> Completion:
    """A server that ignored ``stream``: parse the plain JSON answer (no TTFT)."""
    try:
        data = json.loads(raw)
        message = data["choices"][0]["message"]
    except (json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
        raise CallError("malformed_response", f"unparseable body: {raw[:60]!r}") from exc
    usage = data.get("usage") or {}
    return Completion(
        text=message.get("content") or "",
        latency_s=time.perf_counter() - started,
        ttft_s=None,
        input_tokens=usage.get("prompt_tokens"),
        output_tokens=usage.get("completion_tokens"),
        finish_reason=data["choices"][0].get("finish_reason"),
    )


class AdaptiveLimiter:
    """A concurrency limit that halves on a 429 and grows back by one after each run of successes."""

    def __init__(self, limit: int, recover_after: int = 4) -> None:
        self.max_limit = max(1, limit)
        self.limit = self.max_limit
        self.recover_after = recover_after
        self.in_flight = 0
        self.min_seen = self.limit
        self._successes = 0
        self._cond = asyncio.Condition()

    async def __aenter__(self) -> AdaptiveLimiter:
        async with self._cond:
            await self._cond.wait_for(lambda: self.in_flight < self.limit)
            self.in_flight += 1
        return self

    async def __aexit__(self, *exc: object) -> None:
        async with self._cond:
            self.in_flight -= 1
            self._cond.notify_all()

    async def on_rate_limited(self) -> None:
        async with self._cond:
            self.limit = max(1, self.limit // 2)
            self.min_seen = min(self.min_seen, self.limit)
            self._successes = 0

    async def on_success(self) -> None:
        async with self._cond:
            self._successes += 1
            if self._successes >= self.recover_after and self.limit < self.max_limit:
                self.limit += 1
                self._successes = 0
                self._cond.notify_all()


@dataclass(frozen=True)
class RetryPolicy:
    """Retries for transient failures: exponential backoff from ``base_s``, capped at ``max_s``."""

    max_retries: int = 3
    base_s: float = 0.5
    max_s: float = 30.0
    timeout_s: float = 60.0
    max_retry_after_s: float = 120.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Jittered exponential backoff, but never sooner than the server's Retry-After."""
        backoff: float = min(self.max_s, self.base_s * 2**attempt) * (0.8 + 0.4 * random.random())
        return max(backoff, retry_after or 0.0)

    def gives_up(self, error: CallError, attempt: int) -> bool:
        """No retry for permanent kinds, after the last attempt, or when told to wait too long."""
        too_long = error.retry_after is not None and error.retry_after > self.max_retry_after_s
        return error.kind not in RETRYABLE or attempt >= self.max_retries or too_long


async def complete_with_retries(
    client: httpx.AsyncClient,
    endpoint: Endpoint,
    messages: list[dict[str, str]],
    params: dict[str, Any],
    policy: RetryPolicy,
    limiter: AdaptiveLimiter,
) -> Completion:
    """:func:`complete` under the limiter, retrying transient kinds; the last error is raised."""
    retries: Counter[str] = Counter()
    for attempt in range(policy.max_retries + 1):
        try:
            async with limiter:
                result = await complete(client, endpoint, messages, params, policy.timeout_s)
        except CallError as error:
            if error.kind == "rate_limited":
                await limiter.on_rate_limited()
            if policy.gives_up(error, attempt):
                error.retries_by_kind = dict(retries)
                error.attempts = attempt + 1
                raise
            retries[error.kind] += 1
            await asyncio.sleep(policy.delay(attempt, error.retry_after))
            continue
        await limiter.on_success()
        result.attempts = attempt + 1
        result.retries_by_kind = dict(retries)
        return result
    raise AssertionError("unreachable")

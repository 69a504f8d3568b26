"""A real WhichModel web server (Chainlit subprocess on 127.0.0.1, offline brain, temp data)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from whichmodel.ui.serve import command, environment

START_TIMEOUT_S = 90.0

PROVIDER_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENROUTER_API_KEY",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_ENDPOINT",
    "AZURE_OPENAI_DEPLOYMENT",
    "WHICHMODEL_LLM_API_KEY",
    "WHICHMODEL_LLM_BASE_URL",
    "WHICHMODEL_INTERVIEWER_MODEL",
    "WHICHMODEL_WRITER_MODEL",
    "WHICHMODEL_ENDPOINTS_FILE",
    "WHICHMODEL_JUDGE_ENDPOINT",
)
"""Set blank (blank counts as unset) in a test server's environment: tests/conftest.py already drops
them from the suite's environment, and a blank value also stops a `.env` file loaded inside the
server (Chainlit's, litellm's) from adding one back. A test that needs one passes it in extra_env."""
NO_DOTENV = {"CHAINLIT_ENV_FILE": ".env.none", "LITELLM_MODE": "PRODUCTION"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class AppServer:
    url: str
    port: int
    data_dir: Path
    log: Path


def wait_until_up(
    url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float = START_TIMEOUT_S
) -> float:
    """Poll the page until it answers 200; returns the seconds waited. Fails with the server log."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return time.monotonic() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"server did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server process: SIGTERM, then SIGKILL if it has not exited within 15 s."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def start_server(
    data_dir: Path, port: int, extra_env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    base = dict(os.environ) | dict.fromkeys(PROVIDER_VARS, "") | NO_DOTENV
    env = environment("127.0.0.1", port, base=base, data_dir=data_dir, brain="offline")
    env.update(extra_env or {})
    log = (data_dir / "server.log").open("wb")
    return subprocess.Popen(
        command("127.0.0.1", port), cwd=env["CHAINLIT_APP_ROOT"], env=env, stdout=log, stderr=subprocess.STDOUT
    )


@contextmanager
def running_server(data_dir: Path, extra_env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """A server on a free port, up (page answering) for the duration of the block, then stopped."""
    port = free_port()
    proc = start_server(data_dir, port, extra_env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/", proc, data_dir / "server.log")
        yield AppServer(url=url, port=port, data_dir=data_dir, log=data_dir / "server.log")
    finally:
        stop(proc)


def probe_endpoints(log: Path, timeout: float = 30.0) -> list[str]:
    """The probe endpoint ids a server logged at startup ("probe endpoints: ...")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(r"probe endpoints: (.*)", log.read_text(errors="replace"))
        if found:
            line = found.group(1).strip()
            return [] if line == "none" else [part.strip() for part in line.split(",")]
        time.sleep(0.2)
    pytest.fail(f"the server never logged its probe endpoints:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The offline default: no LLM and no probe endpoint but the built-in local test model."""
    with running_server(tmp_path_factory.mktemp("whichmodel-ui")) as server:
        yield server

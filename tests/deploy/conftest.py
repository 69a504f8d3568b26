"""Fixtures for the deployment tests: a real Postgres (throw-away cluster or
WHICHMODEL_TEST_POSTGRES_URL) and a real `chroma run` server, both on loopback.

On a developer machine without the PostgreSQL binaries the Postgres tests are skipped; in CI
(`CI=true`) they fail instead, because there they must run (`.ci/run` calls scripts/postgres.sh).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.deploy.postgres import PostgresUnavailable, cluster, create_database
from tests.ui.conftest import free_port

TEST_POSTGRES_ENV = "WHICHMODEL_TEST_POSTGRES_URL"
"""A Postgres URL whose user may CREATE DATABASE (e.g. postgresql://u:p@127.0.0.1:5432/postgres)."""
CHROMA_START_S = 60.0


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Postgres is required in CI: {reason}")
    pytest.skip(f"no Postgres: {reason}")


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A URL (psycopg form) of a Postgres database whose user can create databases."""
    given = os.environ.get(TEST_POSTGRES_ENV, "").strip()
    if given:
        yield given
        return
    try:
        with cluster() as running:
            yield running.url()
    except PostgresUnavailable as exc:
        _unavailable(str(exc))


@pytest.fixture
def postgres_url(postgres_admin_url: str) -> str:
    """A fresh, empty database for one test (psycopg URL form: postgresql://...)."""
    return create_database(postgres_admin_url, f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on a free loopback port, with its data in a temp dir."""
    exe = shutil.which("chroma")
    if exe is None:
        pytest.fail("the chroma CLI is missing (it ships in the chromadb package)")
    data = tmp_path_factory.mktemp("chroma")
    port = free_port()
    log_path = data / "chroma.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [exe, "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + CHROMA_START_S
            while True:
                try:
                    if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma server did not start: {log_path.read_text()[-2000:]}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()



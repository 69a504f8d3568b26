"""Fixtures for the deployment tests: a real Postgres (a throw-away cluster on loopback, or
WHICHMODEL_TEST_POSTGRES_URL). A real `chroma run` server fixture is in tests/retrieval/test_http_server.py.

On a developer machine without the PostgreSQL binaries the Postgres tests are skipped; in CI
(`CI=true`) they fail instead, because there they must run (`.ci/run` calls scripts/postgres.sh).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.deploy.postgres import PostgresUnavailable, cluster, create_database

TEST_POSTGRES_ENV = "WHICHMODEL_TEST_POSTGRES_URL"
"""A Postgres URL whose user may CREATE DATABASE (e.g. postgresql://u:p@127.0.0.1:5432/postgres)."""


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

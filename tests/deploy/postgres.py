"""A throw-away PostgreSQL cluster for tests: initdb into a temp dir, `pg_ctl start` on a free
loopback port (unix sockets in the same dir), stopped and deleted at the end.

initdb and postgres refuse to run as root: as root the cluster runs as the `postgres` system user
(`runuser -u postgres --`), in a temp dir it owns. Password authentication (scram) over TCP, with a
random password, so the URLs the app gets look like a real deployment's.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

USER = "whichmodel"
START_TIMEOUT_S = 60


class PostgresUnavailable(RuntimeError):
    """The binaries are missing or the cluster would not start (the message says which)."""


def find_bin(name: str) -> str | None:
    """A PostgreSQL server binary on PATH or in Debian's /usr/lib/postgresql/*/bin (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Cluster:
    """A running cluster: `url(db)` gives a connection URL for one of its databases."""

    port: int
    password: str
    root: Path

    def url(self, database: str = "postgres", driver: str = "postgresql") -> str:
        return f"{driver}://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"


def create_database(admin_url: str, name: str) -> str:
    """Create database `name` (dropping an older one) and return the URL for it."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"unsafe database name {name!r}")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def _runner(root: Path) -> list[str]:
    """The command prefix that runs the server binaries as a non-root user owning `root`."""
    if os.geteuid() != 0:
        return []
    try:
        pg_user = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable("running as root and there is no 'postgres' system user") from exc
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and runuser is missing")
    for path in (root, *root.rglob("*")):
        os.chown(path, pg_user.pw_uid, pg_user.pw_gid)
    return [runuser, "-u", "postgres", "--"]


@contextlib.contextmanager
def cluster() -> Iterator[Cluster]:
    """Start a cluster in a fresh temp dir; stop it and delete the dir on exit."""
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise PostgresUnavailable("initdb/pg_ctl not found: run scripts/postgres.sh")
    root = Path(tempfile.mkdtemp(prefix="whichmodel-pg-"))
    root.chmod(0o700)
    password = secrets.token_urlsafe(16)
    (root / "pwfile").write_text(password + "\n", encoding="utf-8")
    (root / "run").mkdir()
    port = _free_port()
    started = False
    try:
        prefix = _runner(root)
        init = subprocess.run(
            [
                *prefix,
                initdb,
                "-D",
                str(root / "data"),
                "-U",
                USER,
                f"--pwfile={root / 'pwfile'}",
                "--auth-local=scram-sha-256",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr[-1500:]}")
        options = (
            f"-p {port} -k {root / 'run'} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        start = subprocess.run(
            [*prefix, pg_ctl, "-D", str(root / "data"), "-l", str(root / "server.log"), "-o", options, "-w",
             "-t", str(START_TIMEOUT_S), "start"],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S + 30,
        )
        if start.returncode != 0:
            log = (root / "server.log").read_text(errors="replace")[-1500:] if (root / "server.log").exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed: {start.stderr[-800:]} {log}")
        started = True
        found = Cluster(port=port, password=password, root=root)
        deadline = time.monotonic() + 30
        while True:  # pg_ctl -w waited for the socket; make sure TCP + password work too
            try:
                with psycopg.connect(found.url(), connect_timeout=3):
                    break
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PostgresUnavailable(f"cannot connect to the test cluster: {exc}") from exc
                time.sleep(0.2)
        yield found
    finally:
        if started:
            subprocess.run(
                [*_runner(root), pg_ctl, "-D", str(root / "data"), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
        shutil.rmtree(root, ignore_errors=True)

"""Start the web app: `chainlit run ui/chainlit_app.py` with WhichModel's safe defaults.

`serve()` is what `whichmodel serve` calls. It listens on loopback unless told otherwise, and it
refuses to listen beyond loopback without an authentication method (a password or users file, a
trusted proxy header with its shared secret, or OAuth with an allow-list; see ui.chainlit.access)
unless the caller passes `allow_unauthenticated=True`. It tells the app which origins it serves
(allow-list for CORS and the websocket), and on loopback without any login it turns on the single
"local" user so chat history can be listed and reopened.

`command()` and `environment()` are pure, so tests and benchmarks start the same process.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path

from pydantic import SecretStr

from whichmodel.settings import ENV, Settings, SettingsError
from whichmodel.ui.chainlit import access

WEB = Path(__file__).resolve().parent / "web"
"""The app root as shipped (package data): .chainlit/config.toml, the welcome texts (chainlit*.md) and
public/ assets. Chainlit writes into its app root (uploads, translations), so the server runs in a copy
of it under the data folder, never in the checkout or site-packages."""
APP = Path(__file__).resolve().parent / "chainlit_app.py"
SECRET_FILE = "chainlit-auth-secret"


class ServeError(RuntimeError):
    """The server was asked to start in a way that is unsafe or impossible."""


def app_root(data_dir: Path) -> Path:
    """A fresh copy of the shipped app root under `data_dir` (the shipped files win over old copies)."""
    root = data_dir / "web"
    shutil.copytree(WEB, root, dirs_exist_ok=True)
    return root


CHAINLIT_CI_VAR = "CI"
"""The variable Chainlit's CLI reads as its --ci flag (see `environment`)."""
CHAINLIT_FAKE_OPENAI_KEY = "sk-FAKE-OPENAI-API-KEY"
"""The OPENAI_API_KEY value Chainlit's CLI writes into its environment in CI mode."""


def drop_chainlit_fake_key(environ: MutableMapping[str, str]) -> bool:
    """Remove the fake OPENAI_API_KEY Chainlit's CI mode wrote (`chainlit run` started directly
    with CI=true or --ci); True when there was one. The app calls it before reading its settings."""
    if environ.get("OPENAI_API_KEY") != CHAINLIT_FAKE_OPENAI_KEY:
        return False
    del environ["OPENAI_API_KEY"]
    return True


def command(host: str = "127.0.0.1", port: int = 8000, headless: bool = True) -> list[str]:
    """The argv that starts the Chainlit server (run it with cwd=app_root(...))."""
    argv = [sys.executable, "-m", "chainlit", "run", str(APP), "--host", host, "--port", str(port)]
    if headless:
        argv.append("--headless")
    return argv


def _secret(data_dir: Path) -> str:
    """A session-signing secret kept in the data folder (mode 0600), so logins survive restarts."""
    path = data_dir / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(value)
    return value


def environment(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    base: Mapping[str, str] | None = None,
    origins: Sequence[str] | None = None,
    brain: str | None = None,
    data_dir: Path | None = None,
    allow_unauthenticated: bool = False,
) -> dict[str, str]:
    """The server process's environment: `base` (default os.environ) plus WhichModel's settings.

    Raises ServeError for a non-loopback address without authentication (unless allowed), for a
    proxy header without its shared secret there (any client reaching the port could forge it), for
    an unusable auth configuration, and for a wildcard address without explicit origins.
    """
    env = dict(os.environ if base is None else base)
    # Chainlit's CLI reads CI (its --ci flag) and in CI mode writes a fake OPENAI_API_KEY into its
    # own environment, which would turn on OpenAI probe endpoints that cannot work (CI machines and
    # most build pipelines set CI=true). The server never runs in Chainlit's CI mode.
    env.pop(CHAINLIT_CI_VAR, None)
    try:
        settings = Settings.load(env)
    except SettingsError as exc:
        raise ServeError(str(exc)) from None
    loopback = access.is_loopback(host)
    login = _login_methods(settings)
    if not loopback and not allow_unauthenticated:
        if not login:
            raise ServeError(
                f"refusing to listen on {host} without authentication: set {access.PASSWORD_ENV} or "
                f"{access.USERS_FILE_ENV}, {access.HEADER_ENV} + {access.PROXY_SECRET_ENV} (behind a "
                "proxy), or OAuth with an allow-list; or listen on 127.0.0.1"
            )
        if "header" in login and settings.proxy_secret is None:
            raise ServeError(
                f"refusing to trust {settings.auth_header} on {host} without {access.PROXY_SECRET_ENV}: "
                "a client reaching this port directly could name any user"
            )
    if origins is None:
        try:
            origins = access.served_origins(host, port)
        except ValueError as exc:
            raise ServeError(f"{exc} (pass origins=[...] or set {access.ORIGINS_ENV})") from exc
    if any(o.strip() == "*" for o in origins):
        raise ServeError("origins must be listed; '*' is refused")
    # The server runs in its app root: make every data path absolute against the caller's cwd.
    db = data_dir / "chat.sqlite" if data_dir is not None else settings.db_path
    env[ENV["db_path"]] = str(db.resolve())
    for name in ("history_db", "users_file"):
        value: Path | None = getattr(settings, name)
        if value is not None:
            env[ENV[name]] = str(value.resolve())
    data = db.resolve().parent
    env[access.ORIGINS_ENV] = ",".join(origins)
    env["CHAINLIT_APP_ROOT"] = str(app_root(data))  # Chainlit's own variable: where its app root is
    if brain is not None:
        env[ENV["brain"]] = brain
    if login or loopback:
        env.setdefault(access.SECRET_ENV, _secret(data))
    if loopback and not login:
        env[access.LOCAL_USER_ENV] = "1"
    else:
        env.pop(access.LOCAL_USER_ENV, None)
    try:  # what the server will read, checked before it starts
        Settings.load(env)
    except SettingsError as exc:
        raise ServeError(str(exc)) from None
    return env


def _login_methods(settings: Settings) -> list[access.AuthMode]:
    """The login methods configured (header, password, OAuth); ServeError if unusable.

    The signing secret is not required yet: `environment` generates one when it is missing.
    """
    try:
        methods = access.auth_methods(
            settings.model_copy(update={"auth_secret": settings.auth_secret or SecretStr("-")})
        )
    except ValueError as exc:
        raise ServeError(str(exc)) from exc
    return [m for m in methods if m in ("header", "password", "oauth")]


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    headless: bool = True,
    *,
    origins: Sequence[str] | None = None,
    brain: str | None = None,
    data_dir: Path | None = None,
    allow_unauthenticated: bool = False,
) -> int:
    """Run the web app in the foreground until it exits or is interrupted; returns its exit code."""
    env = environment(
        host,
        port,
        origins=origins,
        brain=brain,
        data_dir=data_dir,
        allow_unauthenticated=allow_unauthenticated,
    )
    proc = subprocess.Popen(command(host, port, headless), cwd=env["CHAINLIT_APP_ROOT"], env=env)
    # A service manager stops `whichmodel serve` with SIGTERM: pass it on, or the server outlives it.
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()

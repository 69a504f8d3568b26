"""Who may use the web app and from which pages: allowed origins and the authentication mode.

Modes (`auth_mode`):
- "password": WHICHMODEL_PASSWORD is set; one account, WHICHMODEL_USERNAME (default "whichmodel").
- "local": no password, but WHICHMODEL_LOCAL_USER=1 (set by `ui.serve` only when it listens on
  loopback): everyone reaching the server is the single user "local", so chat history works
  without a login screen. Needs CHAINLIT_AUTH_SECRET (serve generates one).
- "none": neither; Chainlit runs without users (history is stored but cannot be listed).
"""

from __future__ import annotations

import hmac
import ipaddress
import os
from collections.abc import Mapping, Sequence
from typing import Literal

AuthMode = Literal["password", "local", "none"]

PASSWORD_ENV = "WHICHMODEL_PASSWORD"
USERNAME_ENV = "WHICHMODEL_USERNAME"
LOCAL_USER_ENV = "WHICHMODEL_LOCAL_USER"
ORIGINS_ENV = "WHICHMODEL_ALLOWED_ORIGINS"
SECRET_ENV = "CHAINLIT_AUTH_SECRET"
DEFAULT_USERNAME = "whichmodel"
LOCAL_USER = "local"


def auth_mode(env: Mapping[str, str] | None = None) -> AuthMode:
    """The authentication mode the environment selects (see the module docstring)."""
    source = os.environ if env is None else env
    if source.get(PASSWORD_ENV):
        if not source.get(SECRET_ENV):
            raise ValueError(
                f"{PASSWORD_ENV} is set but {SECRET_ENV} is not: Chainlit signs sessions with it"
            )
        return "password"
    if source.get(LOCAL_USER_ENV) == "1" and source.get(SECRET_ENV):
        return "local"
    return "none"


def check_password(username: str, password: str, env: Mapping[str, str] | None = None) -> bool:
    """Whether the credentials match the configured account (constant-time comparisons)."""
    source = os.environ if env is None else env
    expected_password = source.get(PASSWORD_ENV, "")
    if not expected_password:
        return False
    expected_user = source.get(USERNAME_ENV) or DEFAULT_USERNAME
    user_ok = hmac.compare_digest(username.encode(), expected_user.encode())
    password_ok = hmac.compare_digest(password.encode(), expected_password.encode())
    return user_ok and password_ok


def is_loopback(host: str) -> bool:
    """Whether a listen address only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    """Whether a listen address means "every interface" (0.0.0.0, ::)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def served_origins(host: str, port: int) -> list[str]:
    """The browser origins of a server listening on host:port (what allow_origins should hold).

    Loopback gives both http://127.0.0.1:PORT and http://localhost:PORT. A wildcard address has no
    origin of its own: pass the public origin(s) explicitly (see `ui.serve.serve`).
    """
    if is_wildcard(host):
        raise ValueError(f"{host} has no single origin: give the page's origin(s) explicitly")
    if is_loopback(host):
        return [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return [f"http://{shown}:{port}"]


def origins_from_env(env: Mapping[str, str] | None = None) -> list[str] | None:
    """The comma-separated WHICHMODEL_ALLOWED_ORIGINS as a list (None when unset)."""
    source = os.environ if env is None else env
    raw = source.get(ORIGINS_ENV, "").strip()
    if not raw:
        return None
    origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
    if "*" in origins:
        raise ValueError(f"{ORIGINS_ENV} must list origins; '*' is refused")
    return origins


def apply_origins(allowed: list[str], origins: Sequence[str]) -> None:
    """Replace, in place, the origin list Chainlit's CORS middleware holds a reference to.

    Chainlit passes `config.project.allow_origins` (this very list object) to Starlette's
    CORSMiddleware, which reads it when the app serves its first request.
    """
    allowed[:] = list(origins)

"""Who may use the web app and from which pages: allowed origins, authentication, thread ownership.

Authentication methods (`auth_methods`, chosen by the environment; several may be on at once):
- "header": a trusted reverse proxy authenticates and passes the user name in the header named by
  WHICHMODEL_AUTH_HEADER (e.g. X-Forwarded-User). With WHICHMODEL_AUTH_PROXY_SECRET set, the request
  must also carry that value in the X-WhichModel-Proxy-Secret header, so a client that reaches the
  app directly (not through the proxy) cannot forge a user.
- "password": one account (WHICHMODEL_PASSWORD, user WHICHMODEL_USERNAME, default "whichmodel")
  and/or several accounts from the users file WHICHMODEL_USERS_FILE (lines `name:<hash>`, written by
  `whichmodel users add NAME`; scrypt or PBKDF2 hashes, never plain passwords).
- "oauth": Chainlit's OAuth providers, enabled by its own OAUTH_<PROVIDER>_CLIENT_ID/_CLIENT_SECRET
  variables; only accounts on the allow-list get in (WHICHMODEL_OAUTH_ALLOWED_USERS: identifiers;
  WHICHMODEL_OAUTH_ALLOWED_DOMAINS: e-mail domains of identifiers that are e-mail addresses).
- "local": none of the above, but WHICHMODEL_LOCAL_USER=1 (set by `ui.serve` only when it listens on
  loopback): everyone reaching the server is the single user "local", so chat history works
  without a login screen.
- "none": nothing configured; Chainlit runs without users (history is stored but cannot be listed).

Every method but "none" needs CHAINLIT_AUTH_SECRET (Chainlit signs its session tokens with it; all
replicas of one deployment must share it). Password checks are constant-time, also for unknown users.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import os
import re
import secrets
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr

from whichmodel.settings import ENV, Settings

AuthMode = Literal["header", "password", "oauth", "local", "none"]

PASSWORD_ENV = ENV["password"]
USERNAME_ENV = ENV["username"]
USERS_FILE_ENV = ENV["users_file"]
HEADER_ENV = ENV["auth_header"]
PROXY_SECRET_ENV = ENV["proxy_secret"]
PROXY_SECRET_HEADER = "X-WhichModel-Proxy-Secret"
OAUTH_USERS_ENV = ENV["oauth_allowed_users"]
OAUTH_DOMAINS_ENV = ENV["oauth_allowed_domains"]
LOCAL_USER_ENV = ENV["local_user"]
ORIGINS_ENV = ENV["allowed_origins"]
SECRET_ENV = ENV["auth_secret"]
DEFAULT_USERNAME = "whichmodel"
LOCAL_USER = "local"
MAX_IDENTIFIER = 200
"""Longest user name accepted from a header, a users file or an OAuth provider."""

_NAME = re.compile(r"^[^\s:\x00-\x1f\x7f]{1,200}$")
"""A user name in the users file: 1-200 characters, no whitespace, colon or control character."""


Env = Mapping[str, str] | Settings | None
"""Where a function reads its configuration: the settings, an environment mapping (read through
`Settings.load`), or None (the process environment)."""


def _settings(env: Env) -> Settings:
    return env if isinstance(env, Settings) else Settings.load(env)


def _secret(value: SecretStr | None) -> str:
    return value.get_secret_value() if value is not None else ""


def oauth_providers(env: Env = None) -> list[str]:
    """The OAuth providers whose client id and secret are set (OAUTH_<NAME>_CLIENT_ID/_SECRET).

    Chainlit decides the final list (some providers need more variables, e.g. a domain); this only
    tells whether OAuth is meant to be on.
    """
    return list(_settings(env).oauth_providers)


def auth_methods(env: Env = None) -> list[AuthMode]:
    """Every authentication method the environment turns on (see the module docstring).

    Raises ValueError for a configuration that cannot work safely: a method without the signing
    secret, or OAuth without an allow-list (any account of the provider would get in).
    """
    settings = _settings(env)
    methods: list[AuthMode] = []
    if settings.auth_header:
        methods.append("header")
    if settings.password is not None or settings.users_file is not None:
        methods.append("password")
    if settings.oauth_providers:
        if not (settings.oauth_allowed_users.strip() or settings.oauth_allowed_domains.strip()):
            raise ValueError(
                f"OAuth is configured but neither {OAUTH_USERS_ENV} nor {OAUTH_DOMAINS_ENV} is set: "
                "every account of the provider would get in"
            )
        methods.append("oauth")
    if methods:
        if settings.auth_secret is None:
            names = {"header": HEADER_ENV, "password": f"{PASSWORD_ENV}/{USERS_FILE_ENV}", "oauth": "OAUTH_*"}
            raise ValueError(
                f"{names[methods[0]]} is set but {SECRET_ENV} is not: Chainlit signs sessions with it"
            )
        return methods
    if settings.local_user and settings.auth_secret is not None:
        return ["local"]
    return ["none"]


def auth_mode(env: Env = None) -> AuthMode:
    """The first authentication method the environment turns on ("none" when there is none)."""
    return auth_methods(env)[0]


def requires_login(env: Env = None) -> bool:
    """Whether every visitor must prove who they are (header, password or OAuth is configured)."""
    return auth_mode(env) in ("header", "password", "oauth")


# ---------------------------------------------------------------------------------------------
# Passwords: the single account and the users file

SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**14, 8, 1, 32
PBKDF2_MIN_ITERATIONS = 100_000


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """An scrypt hash of `password`: `scrypt$N$r$p$<salt>$<key>` (base64), for the users file."""
    if not password:
        raise ValueError("the password is empty")
    salt = salt if salt is not None else secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, encoded: str) -> bool:
    """Whether `password` matches an scrypt or pbkdf2_sha256 hash (constant-time comparison).

    Accepted forms: `scrypt$N$r$p$<salt>$<key>` and `pbkdf2_sha256$<iterations>$<salt>$<key>`
    (salt and key in base64). A malformed or too weak hash never matches.
    """
    parts = encoded.strip().split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
            salt, key = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
            if n < 2**14 or not key:
                return False
            got = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=len(key), maxmem=2**26)
        elif parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            iterations = int(parts[1])
            salt, key = base64.b64decode(parts[2], validate=True), base64.b64decode(parts[3], validate=True)
            if iterations < PBKDF2_MIN_ITERATIONS or not key:
                return False
            got = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations, dklen=len(key))
        else:
            return False
    except ValueError:  # not numbers / not base64 / scrypt parameters out of range: no match
        return False
    return hmac.compare_digest(got, key)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to check unknown user names against, so they cost as much time as known ones."""
    return hash_password(secrets.token_urlsafe(16))


class UsersFileError(ValueError):
    """A line of the users file cannot be read (the message names the line)."""


def parse_users(text: str) -> dict[str, str]:
    """The users file's `name:<hash>` lines as name -> hash (blank lines and `#` comments skipped)."""
    users: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, encoded = line.partition(":")
        if not sep or not _NAME.match(name) or not encoded:
            raise UsersFileError(f"users file line {number}: expected `name:<hash>`")
        if encoded.split("$", 1)[0] not in ("scrypt", "pbkdf2_sha256"):
            raise UsersFileError(
                f"users file line {number}: unknown hash format (use `whichmodel users add`)"
            )
        users[name] = encoded
    return users


def read_users(path: Path) -> dict[str, str]:
    """The accounts in the users file at `path` (a missing file has none)."""
    if not path.exists():
        return {}
    return parse_users(path.read_text(encoding="utf-8"))


def add_user(path: Path, name: str, password: str) -> bool:
    """Write (or replace) `name`'s line in the users file, mode 0600; True when the user is new."""
    if not _NAME.match(name):
        raise ValueError("a user name is 1-200 characters without whitespace, ':' or control characters")
    users = read_users(path)
    is_new = name not in users
    users[name] = hash_password(password)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{user}:{encoded}\n" for user, encoded in users.items())
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(body)
    os.replace(tmp, path)
    return is_new


def check_password(username: str, password: str, env: Env = None) -> bool:
    """Whether the credentials match the single account or an account of the users file.

    Constant-time: the single account is compared with hmac.compare_digest, and a name missing from
    the users file is checked against a dummy hash. The users file is read at every login, so
    `whichmodel users add` takes effect without a restart.
    """
    settings = _settings(env)
    ok = False
    expected_password = _secret(settings.password)
    if expected_password:
        expected_user = settings.username or DEFAULT_USERNAME
        user_ok = hmac.compare_digest(username.encode(), expected_user.encode())
        password_ok = hmac.compare_digest(password.encode(), expected_password.encode())
        ok = user_ok and password_ok
    if settings.users_file is not None:
        users = read_users(settings.users_file)
        encoded = users.get(username)
        matched = verify_password(password, encoded if encoded is not None else _dummy_hash())
        ok = ok or (encoded is not None and matched)
    return ok


# ---------------------------------------------------------------------------------------------
# Trusted proxy header and OAuth allow-list


def valid_identifier(name: str | None) -> bool:
    """A user name from outside (header, OAuth) that can be stored and shown: 1-200 printable chars."""
    if not name or len(name) > MAX_IDENTIFIER or name != name.strip():
        return False
    return not any(ord(c) < 32 or ord(c) == 127 for c in name)


def header_user(headers: Mapping[str, str], env: Env = None) -> str | None:
    """The user a trusted proxy names in the request headers, or None (missing, forged or invalid).

    `headers` must be case-insensitive (Starlette's Headers are). When WHICHMODEL_AUTH_PROXY_SECRET is
    set, the X-WhichModel-Proxy-Secret header must equal it (constant-time), or nobody is returned.
    """
    settings = _settings(env)
    header = settings.auth_header
    if not header:
        return None
    expected = _secret(settings.proxy_secret)
    if expected:
        given = headers.get(PROXY_SECRET_HEADER) or ""
        if not hmac.compare_digest(given.encode(), expected.encode()):
            return None
    name = headers.get(header)
    return name if valid_identifier(name) else None


def _csv(raw: str) -> set[str]:
    return {item.strip().lower() for item in raw.split(",") if item.strip()}


def oauth_allowed(identifier: str, env: Env = None) -> bool:
    """Whether an OAuth account may use the app: its identifier is on WHICHMODEL_OAUTH_ALLOWED_USERS,
    or it is an e-mail address whose domain is on WHICHMODEL_OAUTH_ALLOWED_DOMAINS (case-insensitive).

    Only the identifier the provider vouches for counts (Google/Azure/Okta: the e-mail; GitHub: the
    login), never a profile's free e-mail field; empty lists allow nobody.
    """
    if not valid_identifier(identifier):
        return False
    settings = _settings(env)
    name = identifier.lower()
    if name in _csv(settings.oauth_allowed_users):
        return True
    local, at, domain = name.rpartition("@")
    return bool(at and local and domain) and domain in _csv(settings.oauth_allowed_domains)


# ---------------------------------------------------------------------------------------------
# Thread ownership


NOBODY = "\x00nobody"
"""The owner recorded for a thread id nobody may use from the web (no valid user name equals it)."""


def may_use_thread(user: str | None, owner: str | None, has_checkpoint: bool) -> bool:
    """Whether `user` may send turns to (or reopen the agent state of) a thread.

    `owner`: who first sent a turn to the thread id (the app's own record, never overwritten; at
    start-up it is filled in from the history's authors for threads that have none);
    `has_checkpoint`: the agent holds state for the thread id. Without login (`user` None) there is
    nobody to separate. A recorded owner decides alone; with none, only a new thread id (no agent
    state) is usable: agent state that nobody is recorded for (a thread from the terminal, or one
    whose history was lost) is not handed to whoever asks for its id.
    """
    if user is None:
        return True
    if owner is not None:
        return owner == user
    return not has_checkpoint


# ---------------------------------------------------------------------------------------------
# Addresses and origins


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


def origins_from_env(env: Env = None) -> list[str] | None:
    """The comma-separated WHICHMODEL_ALLOWED_ORIGINS as a list (None when unset)."""
    raw = _settings(env).allowed_origins
    return raw.split(",") if raw else None


def apply_origins(allowed: list[str], origins: Sequence[str]) -> None:
    """Replace, in place, the origin list Chainlit's CORS middleware holds a reference to.

    Chainlit passes `config.project.allow_origins` (this very list object) to Starlette's
    CORSMiddleware, which reads it when the app serves its first request.
    """
    allowed[:] = list(origins)

"""Authentication methods chosen by the environment, and the rule that keeps a public server locked.

Unit tests of ui.chainlit.access and ui.serve.environment; the login callbacks are exercised against
real servers in test_isolation.py. A real OAuth provider cannot be reached offline: the allow-list
decision the OAuth callback makes is tested here, the provider round trip is not.
"""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.datastructures import Headers

from whichmodel.ui.chainlit import access
from whichmodel.ui.serve import ServeError, environment

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout."""

SECRET = {access.SECRET_ENV: "signing-secret"}


def test_each_method_is_chosen_by_its_variables(tmp_path: Path) -> None:
    users = tmp_path / "users"
    assert access.auth_methods({}) == ["none"]
    assert access.auth_methods({**SECRET, access.USERS_FILE_ENV: str(users)}) == ["password"]
    assert access.auth_methods({**SECRET, access.HEADER_ENV: "X-Forwarded-User"}) == ["header"]
    oauth = {"OAUTH_GITHUB_CLIENT_ID": "id", "OAUTH_GITHUB_CLIENT_SECRET": "s", access.OAUTH_USERS_ENV: "ann"}
    assert access.auth_methods({**SECRET, **oauth}) == ["oauth"]
    everything = {**SECRET, **oauth, access.PASSWORD_ENV: "pw", access.HEADER_ENV: "X-User", access.LOCAL_USER_ENV: "1"}
    assert access.auth_methods(everything) == ["header", "password", "oauth"], "local is only for no login"
    assert access.requires_login(everything) and not access.requires_login({**SECRET, access.LOCAL_USER_ENV: "1"})


def test_unsafe_configurations_are_refused() -> None:
    with pytest.raises(ValueError, match=access.SECRET_ENV):
        access.auth_methods({access.HEADER_ENV: "X-Forwarded-User"})
    with pytest.raises(ValueError, match="every account of the provider"):
        access.auth_methods({**SECRET, "OAUTH_GOOGLE_CLIENT_ID": "id", "OAUTH_GOOGLE_CLIENT_SECRET": "s"})
    # A client id without its secret does not turn OAuth on.
    assert access.oauth_providers({"OAUTH_GOOGLE_CLIENT_ID": "id"}) == []


def test_users_file_round_trip_and_constant_time_checks(tmp_path: Path) -> None:
    users = tmp_path / "conf" / "users"
    assert access.add_user(users, "ann", "correct horse") is True
    assert access.add_user(users, "bob", "battery staple") is True
    assert access.add_user(users, "ann", "new password") is False, "replacing a password is an update"
    assert users.stat().st_mode & 0o777 == 0o600
    text = users.read_text()
    assert "correct horse" not in text and "new password" not in text and text.count("\n") == 2
    env = {**SECRET, access.USERS_FILE_ENV: str(users)}
    assert access.check_password("ann", "new password", env)
    assert access.check_password("bob", "battery staple", env)
    assert not access.check_password("ann", "correct horse", env)
    assert not access.check_password("bob", "new password", env), "one user's password opens only their account"
    assert not access.check_password("carol", "new password", env)
    # The single account keeps working beside the file.
    both = {**env, access.PASSWORD_ENV: "pw", access.USERNAME_ENV: "admin"}
    assert access.check_password("admin", "pw", both) and access.check_password("bob", "battery staple", both)
    assert not access.check_password("admin", "battery staple", both)

    # An unknown name costs a hash computation too (no fast path that reveals which names exist).
    def timed(name: str) -> float:
        start = time.perf_counter()
        for _ in range(5):
            access.check_password(name, "wrong", env)
        return time.perf_counter() - start

    access.check_password("nobody", "warm-up", env)
    known, unknown = timed("ann"), timed("nobody")
    assert unknown > 0.3 * known, f"unknown user {unknown:.3f}s vs known {known:.3f}s"

    with pytest.raises(ValueError):
        access.add_user(users, "with space", "pw")
    with pytest.raises(access.UsersFileError, match="line 2"):
        access.parse_users("ann:scrypt$1\nplain-line-without-hash\n")
    with pytest.raises(access.UsersFileError, match="unknown hash format"):
        access.parse_users("ann:secret-in-clear\n")


def test_pbkdf2_hashes_are_accepted_and_weak_ones_are_not() -> None:
    salt = b"0123456789abcdef"
    key = hashlib.pbkdf2_hmac("sha256", b"pw", salt, 200_000)
    good = f"pbkdf2_sha256$200000${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"
    assert access.verify_password("pw", good) and not access.verify_password("pw2", good)
    weak_key = hashlib.pbkdf2_hmac("sha256", b"pw", salt, 1000)
    weak = f"pbkdf2_sha256$1000${base64.b64encode(salt).decode()}${base64.b64encode(weak_key).decode()}"
    assert not access.verify_password("pw", weak), "too few iterations"
    assert not access.verify_password("pw", "scrypt$16384$8$1$not-base64!$AAAA")
    assert access.verify_password("pw", access.hash_password("pw"))


def test_users_add_command_writes_a_hash(tmp_path: Path) -> None:
    users = tmp_path / "users"
    proc = subprocess.run(
        [sys.executable, "-m", "whichmodel.ui.cli", "users", "add", "dana", "--file", str(users), "--password-stdin"],
        input="s3cret pass\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "added dana" in proc.stderr and "s3cret" not in users.read_text()
    assert access.check_password("dana", "s3cret pass", {**SECRET, access.USERS_FILE_ENV: str(users)})
    missing = subprocess.run(
        [sys.executable, "-m", "whichmodel.ui.cli", "users", "add", "dana", "--password-stdin"],
        input="x\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)},
        timeout=120,
    )
    assert missing.returncode == 2 and "no users file" in missing.stderr


def test_proxy_header_needs_the_shared_secret() -> None:
    env = {**SECRET, access.HEADER_ENV: "X-Forwarded-User", access.PROXY_SECRET_ENV: "proxy-only"}
    ok = Headers({"x-forwarded-user": "ann@example.com", "x-whichmodel-proxy-secret": "proxy-only"})
    assert access.header_user(ok, env) == "ann@example.com"
    forged = Headers({"x-forwarded-user": "ann@example.com"})
    assert access.header_user(forged, env) is None, "without the proxy's secret the header is not trusted"
    wrong = Headers({"x-forwarded-user": "ann@example.com", "x-whichmodel-proxy-secret": "guess"})
    assert access.header_user(wrong, env) is None
    assert access.header_user(Headers({"x-whichmodel-proxy-secret": "proxy-only"}), env) is None
    bad_name = Headers({"x-forwarded-user": "a\x01b", "x-whichmodel-proxy-secret": "proxy-only"})
    assert access.header_user(bad_name, env) is None
    no_secret = {**SECRET, access.HEADER_ENV: "X-Forwarded-User"}
    assert access.header_user(forged, no_secret) == "ann@example.com"
    assert access.header_user(ok, SECRET) is None, "header mode off: the header means nothing"


def test_oauth_allow_list_decisions() -> None:
    env = {access.OAUTH_DOMAINS_ENV: "example.com, Corp.Example", access.OAUTH_USERS_ENV: "octocat,ext@partner.io"}
    assert access.oauth_allowed("ann@example.com", env)
    assert access.oauth_allowed("Bob@CORP.example", env), "domains and names compare case-insensitively"
    assert access.oauth_allowed("octocat", env), "a GitHub login on the users list"
    assert access.oauth_allowed("ext@partner.io", env)
    assert not access.oauth_allowed("eve@partner.io", env)
    assert not access.oauth_allowed("eve@example.com.evil.io", env)
    assert not access.oauth_allowed("eve@sub.example.com", env), "sub-domains are not implied"
    assert not access.oauth_allowed("example.com", env), "a bare domain is not an e-mail address"
    assert not access.oauth_allowed("@example.com", env)
    assert not access.oauth_allowed("", env)
    assert not access.oauth_allowed("ann@example.com", {}), "empty lists allow nobody"


async def test_oauth_callback_applies_the_allow_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """The callback the app registers, called as Chainlit calls it after a provider round trip."""
    import chainlit as cl

    from whichmodel.ui import chainlit_app

    monkeypatch.setenv(access.OAUTH_DOMAINS_ENV, "example.com")
    monkeypatch.delenv(access.OAUTH_USERS_ENV, raising=False)
    user = await chainlit_app._oauth_login("google", "tok", {}, cl.User(identifier="ann@example.com"))
    assert user is not None and user.identifier == "ann@example.com" and user.metadata["provider"] == "google"
    assert await chainlit_app._oauth_login("github", "tok", {"email": "x@example.com"}, cl.User(identifier="eve")) is None


def test_thread_ownership_rule() -> None:
    assert access.may_use_thread(None, "ann", True), "without login there is nobody to separate"
    assert access.may_use_thread("ann", "ann", True)
    assert not access.may_use_thread("bob", "ann", True)
    assert not access.may_use_thread("bob", "ann", False), "the recorded owner decides alone"
    assert access.may_use_thread("bob", None, False), "a new thread id is free"
    assert not access.may_use_thread("bob", None, True), "agent state nobody is recorded for"
    assert not access.may_use_thread("nobody", access.NOBODY, True), "a locked thread id"
    assert not access.valid_identifier(access.NOBODY)


def test_serve_refuses_a_public_address_without_any_login(tmp_path: Path) -> None:
    public = {"origins": ["https://models.example.com"], "data_dir": tmp_path}
    with pytest.raises(ServeError, match="without authentication"):
        environment("0.0.0.0", 8000, base={}, **public)  # type: ignore[arg-type]
    with pytest.raises(ServeError, match="without authentication"):
        environment("10.1.2.3", 8000, base={access.LOCAL_USER_ENV: "1"}, **public)  # type: ignore[arg-type]
    users = tmp_path / "users"
    env = environment("0.0.0.0", 8000, base={access.USERS_FILE_ENV: str(users)}, **public)  # type: ignore[arg-type]
    assert access.auth_methods(env) == ["password"] and access.LOCAL_USER_ENV not in env
    assert Path(env[access.USERS_FILE_ENV]).is_absolute()
    header = {access.HEADER_ENV: "X-Forwarded-User"}
    with pytest.raises(ServeError, match=access.PROXY_SECRET_ENV):
        environment("0.0.0.0", 8000, base=header, **public)  # type: ignore[arg-type]
    env = environment("0.0.0.0", 8000, base={**header, access.PROXY_SECRET_ENV: "p"}, **public)  # type: ignore[arg-type]
    assert access.auth_methods(env) == ["header"]
    oauth = {"OAUTH_GITHUB_CLIENT_ID": "id", "OAUTH_GITHUB_CLIENT_SECRET": "s"}
    with pytest.raises(ServeError, match="every account"):
        environment("0.0.0.0", 8000, base=oauth, **public)  # type: ignore[arg-type]
    env = environment("0.0.0.0", 8000, base={**oauth, access.OAUTH_USERS_ENV: "octocat"}, **public)  # type: ignore[arg-type]
    assert access.auth_methods(env) == ["oauth"] and len(env[access.SECRET_ENV]) >= 32
    # The explicit escape hatch still works (an authenticating proxy in front), and loopback needs nothing.
    assert access.auth_methods(environment("0.0.0.0", 8000, base={}, allow_unauthenticated=True, **public)) == ["none"]  # type: ignore[arg-type]
    assert access.auth_methods(environment("127.0.0.1", 8000, base={}, data_dir=tmp_path)) == ["local"]
    # On loopback a configured login replaces the local user.
    assert access.auth_methods(environment("127.0.0.1", 8000, base={access.USERS_FILE_ENV: str(users)}, data_dir=tmp_path)) == ["password"]

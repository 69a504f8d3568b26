"""The hardened defaults are in effect: origins, uploads, MCP, auth, loopback-only serving, no CDN."""

from __future__ import annotations

import re
import tomllib

import httpx
import pytest

from tests.ui.conftest import AppServer
from whichmodel.ui.chainlit import access
from whichmodel.ui.serve import WEB, ServeError, environment

CONFIG = WEB / ".chainlit" / "config.toml"


def test_config_file_limits_uploads_and_disables_mcp() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    origins = config["project"]["allow_origins"]
    assert "*" not in origins and all(
        o.startswith("http://127.0.0.1:") or o.startswith("http://localhost:") for o in origins
    )
    upload = config["features"]["spontaneous_file_upload"]
    assert upload["max_size_mb"] <= 10 and upload["max_files"] <= 5
    extensions = {ext for exts in upload["accept"].values() for ext in exts}
    assert extensions == {".csv", ".jsonl", ".ndjson", ".xlsx"}  # = tools.probes.upload.ALLOWED_SUFFIXES
    assert "*/*" not in upload["accept"]
    assert config["features"]["mcp"]["enabled"] is False
    assert config["features"]["mcp"]["user_servers"]["enabled"] is False
    assert config["features"]["unsafe_allow_html"] is False


def test_serve_refuses_public_address_without_password(tmp_path: object) -> None:
    with pytest.raises(ServeError, match="without authentication"):
        environment("0.0.0.0", 8000, base={})
    with pytest.raises(ServeError, match="no single origin"):
        environment("0.0.0.0", 8000, base={access.PASSWORD_ENV: "s3cret"}, data_dir=tmp_path)  # type: ignore[arg-type]
    env = environment(
        "0.0.0.0",
        8000,
        base={access.PASSWORD_ENV: "s3cret"},
        origins=["https://models.example.com"],
        data_dir=tmp_path,  # type: ignore[arg-type]
    )
    assert env[access.ORIGINS_ENV] == "https://models.example.com"
    assert access.LOCAL_USER_ENV not in env and len(env[access.SECRET_ENV]) >= 32
    assert access.auth_mode(env) == "password"


def test_loopback_gets_local_user_and_own_origins(tmp_path: object) -> None:
    env = environment("127.0.0.1", 8123, base={}, data_dir=tmp_path)  # type: ignore[arg-type]
    assert env[access.ORIGINS_ENV] == "http://127.0.0.1:8123,http://localhost:8123"
    assert access.auth_mode(env) == "local"
    again = environment("127.0.0.1", 8123, base={}, data_dir=tmp_path)  # type: ignore[arg-type]
    assert again[access.SECRET_ENV] == env[access.SECRET_ENV], "the signing secret must survive restarts"


@pytest.mark.slow
def test_running_server_refuses_other_origins(app_server: AppServer) -> None:
    handshake = f"{app_server.url}/ws/socket.io/?EIO=4&transport=polling"
    foreign = httpx.get(handshake, headers={"Origin": "http://evil.example"}, timeout=10)
    assert foreign.status_code == 400
    own = httpx.get(handshake, headers={"Origin": app_server.url}, timeout=10)
    assert own.status_code == 200 and own.text.startswith("0{")
    preflight = {"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"}
    refused = httpx.options(f"{app_server.url}/project/settings", headers=preflight, timeout=10)
    assert refused.headers.get("access-control-allow-origin") != "http://evil.example"
    assert refused.status_code == 400


@pytest.mark.slow
def test_running_server_needs_a_user_and_serves_no_cdn_links(app_server: AppServer) -> None:
    auth = httpx.get(f"{app_server.url}/auth/config", timeout=10).json()
    assert auth["requireLogin"] is True and auth["headerAuth"] is True and auth["passwordAuth"] is False
    threads = httpx.post(
        f"{app_server.url}/project/threads", json={"pagination": {"first": 5}, "filter": {}}, timeout=10
    )
    assert threads.status_code == 401, "thread history must not be readable without a session"
    page = httpx.get(f"{app_server.url}/", timeout=10).text
    assert re.findall(r"(?:href|src)=\"(?:https?:)?//", page) == []

"""The hardened defaults are in effect: origins, uploads, MCP, auth, loopback-only serving, no CDN."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import httpx
import pytest

from tests.ui.conftest import AppServer, probe_endpoints, running_server
from whichmodel.ui.chainlit import access
from whichmodel.ui.serve import (
    CHAINLIT_CI_VAR,
    CHAINLIT_FAKE_OPENAI_KEY,
    WEB,
    ServeError,
    drop_chainlit_fake_key,
    environment,
)

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


def test_server_environment_leaves_chainlit_ci_mode_off(tmp_path: Path) -> None:
    # Chainlit's CLI reads CI=true as --ci and then writes a fake OPENAI_API_KEY (found when this
    # project's CI, which sets CI=true, offered OpenAI probes on the offline default).
    env = environment("127.0.0.1", 8000, base={CHAINLIT_CI_VAR: "true"}, data_dir=tmp_path)
    assert CHAINLIT_CI_VAR not in env


def test_the_fake_key_of_chainlit_ci_mode_is_dropped_and_a_real_one_kept() -> None:
    faked = {"OPENAI_API_KEY": CHAINLIT_FAKE_OPENAI_KEY, "OTHER": "x"}
    assert drop_chainlit_fake_key(faked) is True
    assert faked == {"OTHER": "x"}
    real = {"OPENAI_API_KEY": "sk-real"}
    assert drop_chainlit_fake_key(real) is False
    assert real == {"OPENAI_API_KEY": "sk-real"}
    assert drop_chainlit_fake_key({}) is False


def test_a_server_started_in_chainlit_ci_mode_has_no_openai_probes(tmp_path: Path) -> None:
    # CI=true added after ui.serve.environment (as `CI=true chainlit run app.py` would): Chainlit
    # writes its fake key, the app removes it before reading its settings.
    with running_server(tmp_path, extra_env={CHAINLIT_CI_VAR: "true"}) as server:
        endpoints = probe_endpoints(server.log)
        log = server.log.read_text(errors="replace")
    assert [e for e in endpoints if not e.startswith("local:")] == []
    assert "Running in CI mode" in log  # Chainlit really was in CI mode
    assert "ignored the fake OPENAI_API_KEY" in log

"""The one settings object: every variable documented from it, and a bad value stops start-up with
one line naming the variable (exit status 2)."""

import subprocess
import sys
from pathlib import Path

import pytest

from whichmodel.settings import (
    DOCUMENTS,
    ENV,
    FAMILIES,
    Settings,
    SettingsError,
    settings_table,
    with_table,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("document", DOCUMENTS)
def test_documented_table_is_the_models(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    assert with_table(text) == text, f"{document} is stale: run python -m whichmodel.settings"


def test_table_lists_every_variable_and_family() -> None:
    table = settings_table()
    for var in ENV.values():
        assert f"| `{var}` |" in table
    for pattern, _ in FAMILIES:
        assert pattern.split(",")[0].strip() in table
    assert all(info.description for info in Settings.model_fields.values())


@pytest.mark.parametrize(
    ("env", "variable"),
    [
        ({"WHICHMODEL_LLM_TIMEOUT": "soon"}, "WHICHMODEL_LLM_TIMEOUT"),
        ({"WHICHMODEL_LLM_TIMEOUT": "0"}, "WHICHMODEL_LLM_TIMEOUT"),
        ({"WHICHMODEL_BRAIN": "smart"}, "WHICHMODEL_BRAIN"),
        ({"WHICHMODEL_LLM_BASE_URL": "localhost:11434/v1"}, "WHICHMODEL_LLM_BASE_URL"),
        ({"WHICHMODEL_CHROMA_URL": "http://chroma:port"}, "WHICHMODEL_CHROMA_URL"),
        ({"WHICHMODEL_POSTGRES_URL": "mysql://u:p@h/db"}, "WHICHMODEL_POSTGRES_URL"),
        ({"WHICHMODEL_HISTORY_URL": "postgresql://u:p@h:five/db"}, "WHICHMODEL_HISTORY_URL"),
        ({"WHICHMODEL_ALLOWED_ORIGINS": "https://a.example, *"}, "WHICHMODEL_ALLOWED_ORIGINS"),
        ({"WHICHMODEL_ENDPOINT_MINE_BASE_URL": "http://127.0.0.1:9/v1"}, "WHICHMODEL_ENDPOINT_MINE_MODEL"),
        ({"WHICHMODEL_ENDPOINT_MINE_MODEL": "m"}, "WHICHMODEL_ENDPOINT_MINE_BASE_URL"),
        (
            {"WHICHMODEL_ENDPOINT_MINE_BASE_URL": "ftp://h/v1", "WHICHMODEL_ENDPOINT_MINE_MODEL": "m"},
            "WHICHMODEL_ENDPOINT_MINE_BASE_URL",
        ),
        ({"WHICHMODEL_INTERVIEWER_MODEL": "openai-api/ollama/qwen3"}, "OLLAMA_BASE_URL"),
        ({"WHICHMODEL_WRITER_MODEL": "openai-api/ollama"}, "WHICHMODEL_WRITER_MODEL"),
        ({"WHICHMODEL_AUTH_HEADER": "X User"}, "WHICHMODEL_AUTH_HEADER"),
    ],
)
def test_bad_value_names_its_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.load(env)
    assert caught.value.variable == variable
    message = str(caught.value)
    assert message.startswith(f"{variable}: ") and "\n" not in message


def test_secret_values_never_shown_in_errors() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.load({"WHICHMODEL_POSTGRES_URL": "mysql://user:hunter2@h/db"})
    assert "hunter2" not in str(caught.value)


def test_families_are_parsed() -> None:
    s = Settings.load(
        {
            "WHICHMODEL_ENDPOINT_MY_LLM_BASE_URL": "http://127.0.0.1:9/v1",
            "WHICHMODEL_ENDPOINT_MY_LLM_MODEL": "qwen3",
            "WHICHMODEL_ENDPOINT_MY_LLM_API_KEY": "k",
            "OAUTH_GITHUB_CLIENT_ID": "id",
            "OAUTH_GITHUB_CLIENT_SECRET": "secret",
            "OAUTH_GOOGLE_CLIENT_ID": "id-only",
            "WHICHMODEL_INTERVIEWER_MODEL": "openai-api/ollama/qwen3",
            "OLLAMA_BASE_URL": "http://127.0.0.1:11434/v1",
        }
    )
    endpoint = s.endpoints["my-llm"]
    assert (endpoint.base_url, endpoint.model, endpoint.api_key is not None) == (
        "http://127.0.0.1:9/v1",
        "qwen3",
        True,
    )
    assert s.oauth_providers == ["github"]
    assert s.api_providers["ollama"].base_url == "http://127.0.0.1:11434/v1"


def test_pure_defaults_read_no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WHICHMODEL_LLM_TIMEOUT", "not a number")
    assert Settings().llm_timeout_s == 20.0
    with pytest.raises(SettingsError):
        Settings.load()


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "whichmodel.ui.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "-r", "examples/fake-news.yaml", "--format", "json"],
        ["serve", "--port", "1"],
        ["chat", "--script", "examples/fake-news.yaml"],
    ],
)
def test_commands_refuse_to_start_on_a_bad_value(args: list[str]) -> None:
    done = _run(args, {"WHICHMODEL_LLM_TIMEOUT": "soon"})
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: WHICHMODEL_LLM_TIMEOUT: Input should be a valid number, unable to parse string as a number"
    ]
    assert done.stdout == ""


def test_chainlit_app_refuses_to_start_on_a_bad_value() -> None:
    """The web and Slack app (ui/chainlit_app.py, imported by `chainlit run`) checks the settings first."""
    code = "import whichmodel.ui.chainlit_app"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**__import__("os").environ, "SLACK_BOT_TOKEN": "xoxb-1", "WHICHMODEL_SLACK_API_URL": "slack"},
        check=False,
    )
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1].startswith("error: WHICHMODEL_SLACK_API_URL: ")
    assert "Traceback" not in done.stderr

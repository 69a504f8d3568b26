"""Settings precedence (explicit > environment > default) and brain selection."""

from pathlib import Path

import pytest

from whichmodel.agent.llm import resolve_model
from whichmodel.agent.settings import Settings


def test_default_when_nothing_set():
    s = Settings.load(env={})
    assert s.brain_kind == "offline"
    assert s.db_path == Path(".whichmodel/chat.sqlite")


def test_environment_beats_default():
    s = Settings.load(env={"WHICHMODEL_DB": "/tmp/x.sqlite", "WHICHMODEL_LLM_TIMEOUT": "3"})
    assert s.db_path == Path("/tmp/x.sqlite")
    assert s.llm_timeout_s == 3.0


def test_explicit_beats_environment_even_when_equal_to_default():
    env = {"WHICHMODEL_LLM_TIMEOUT": "3", "WHICHMODEL_BRAIN": "llm", "OPENAI_API_KEY": "sk-x"}
    s = Settings.load(env=env, llm_timeout_s=20.0, brain="auto")
    assert s.llm_timeout_s == 20.0  # 20 is the default, passed explicitly: it must still win
    assert s.brain == "auto"


def test_explicit_none_wins_over_environment():
    s = Settings.load(env={"OPENAI_API_KEY": "sk-x"}, openai_api_key=None)
    assert s.openai_api_key is None and s.brain_kind == "offline"


def test_unknown_setting_rejected():
    with pytest.raises(TypeError):
        Settings.load(env={}, nonsense=1)


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        ({"OPENAI_API_KEY": "sk-x"}, "openai"),
        ({"WHICHMODEL_LLM_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_API_KEY": "sk-x"}, "compatible"),
        (
            {
                "AZURE_OPENAI_ENDPOINT": "https://x",
                "AZURE_OPENAI_API_KEY": "k",
                "AZURE_OPENAI_DEPLOYMENT": "d",
            },
            "azure",
        ),
        ({"OPENAI_API_KEY": "sk-x", "WHICHMODEL_BRAIN": "offline"}, "offline"),
    ],
)
def test_brain_selection(env, kind):
    assert Settings.load(env=env).brain_kind == kind


def test_custom_base_url_never_gets_the_openai_key():
    s = Settings.load(env={"WHICHMODEL_LLM_BASE_URL": "http://127.0.0.1:1/v1", "OPENAI_API_KEY": "sk-secret"})
    spec = resolve_model("compatible/llama3", s, env={})
    assert spec.base_url == "http://127.0.0.1:1/v1" and spec.model == "llama3"
    assert spec.api_key is None


def test_openai_api_provider_convention():
    s = Settings.load(env={"OPENAI_API_KEY": "sk-x"})
    spec = resolve_model("openai-api/ollama/qwen3", s, env={"OLLAMA_BASE_URL": "http://127.0.0.1:11434/v1"})
    assert (spec.provider, spec.model, spec.base_url, spec.api_key) == (
        "compatible",
        "qwen3",
        "http://127.0.0.1:11434/v1",
        None,
    )
    assert resolve_model(None, s, env={}).model == "gpt-4o-mini"

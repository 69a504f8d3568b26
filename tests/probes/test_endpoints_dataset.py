"""Endpoint configuration (server-side only, keys scoped) and probe-set loading."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from whichmodel.tools.probes.dataset import ProbeSetError, load_probe_set, load_sample, sample_names
from whichmodel.tools.probes.endpoints import EndpointConfigError, UnknownEndpointError, load_registry
from whichmodel.tools.probes.engine import ProbeSettings, estimate
from whichmodel.tools.probes.scorers import parse_spec, score

ENV = {
    "OPENAI_API_KEY": "sk-test-openai",
    "OPENROUTER_API_KEY": "sk-or-test",
    "AZURE_OPENAI_ENDPOINT": "https://myres.openai.azure.com",
    "AZURE_OPENAI_API_KEY": "az-test",
    "WHICHMODEL_ENDPOINT_GROQ_QWEN_BASE_URL": "https://api.groq.com/openai/v1",
    "WHICHMODEL_ENDPOINT_GROQ_QWEN_MODEL": "qwen/qwen3-32b",
    "WHICHMODEL_ENDPOINT_GROQ_QWEN_API_KEY": "gsk-test",
    "WHICHMODEL_ENDPOINT_GROQ_QWEN_CATALOG": "groq:qwen/qwen3-32b",
}


def test_configured_endpoints_resolve_with_their_own_key() -> None:
    registry = load_registry(ENV)
    openai, groq, azure, router = registry.resolve(
        "openai:gpt-4o-mini, groq-qwen, azure:my-gpt4o, openrouter:meta-llama/llama-3.1-8b"
    )
    assert openai.chat_url() == "https://api.openai.com/v1/chat/completions"
    assert (
        openai.headers()["Authorization"] == "Bearer sk-test-openai"
        and openai.catalog_offering == "openai:gpt-4o-mini"
    )
    assert groq.headers()["Authorization"] == "Bearer gsk-test" and groq.model == "qwen/qwen3-32b"
    assert groq.catalog_offering == "groq:qwen/qwen3-32b"
    assert azure.chat_url().startswith(
        "https://myres.openai.azure.com/openai/deployments/my-gpt4o/chat/completions?api-version="
    )
    assert azure.headers()["api-key"] == "az-test" and "Authorization" not in azure.headers()
    assert router.headers()["Authorization"] == "Bearer sk-or-test"
    assert "local:smollm2-135m" in registry.available()


@pytest.mark.parametrize(
    "bad",
    [
        "http://evil.example/v1",
        "https://api.openai.com/v1",
        "mistral:large",
        "openai:../x",
        "openai:http://x",
        "azure:a/b",
        "",
    ],
)
def test_users_cannot_name_urls_or_unconfigured_endpoints(bad: str) -> None:
    with pytest.raises(UnknownEndpointError):
        load_registry(ENV).resolve(bad)


def test_custom_endpoint_never_gets_openai_key_and_keys_never_print() -> None:
    env = {
        "OPENAI_API_KEY": "sk-leak",
        "WHICHMODEL_ENDPOINT_MINE_BASE_URL": "http://127.0.0.1:9/v1",
        "WHICHMODEL_ENDPOINT_MINE_MODEL": "m",
    }
    registry = load_registry(env)
    (mine,) = registry.resolve("mine")
    assert "Authorization" not in mine.headers()
    (openai,) = registry.resolve("openai:gpt-4o")
    text = (
        repr(registry)
        + str(openai)
        + repr(openai)
        + json.dumps(openai.model_dump())
        + json.dumps(openai.public())
    )
    assert "sk-leak" not in text
    # OPENAI_BASE_URL does not redirect the OpenAI key elsewhere
    moved = load_registry({"OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "http://evil.example/v1"}).resolve(
        "openai:gpt-4o"
    )[0]
    assert moved.chat_url().startswith("https://api.openai.com/")


def test_config_file_names_key_variables_not_keys(tmp_path: Path) -> None:
    good = tmp_path / "endpoints.yaml"
    good.write_text(
        "endpoints:\n  - {id: vllm, base_url: 'http://10.0.0.5:8000/v1', model: llama, api_key_env: VLLM_KEY}\n"
    )
    (vllm,) = load_registry({"VLLM_KEY": "vk-1"}, good).resolve("vllm")
    assert vllm.headers()["Authorization"] == "Bearer vk-1"
    bad = tmp_path / "bad.yaml"
    bad.write_text("endpoints:\n  - {id: x, base_url: 'http://h/v1', model: m, api_key: plain}\n")
    with pytest.raises(EndpointConfigError):
        load_registry({}, bad)
    creds = tmp_path / "creds.yaml"
    creds.write_text("endpoints:\n  - {id: x, base_url: 'http://u:p@h/v1', model: m}\n")
    with pytest.raises(EndpointConfigError):
        load_registry({}, creds)


def test_csv_jsonl_xlsx_load_the_same_rows(tmp_path: Path) -> None:
    rows = [
        {"input": "2+2?", "expected": "4", "scorer": "numeric"},
        {"input": "Capital of Peru?", "expected": "Lima", "scorer": ""},
    ]
    pd.DataFrame(rows).to_csv(tmp_path / "p.csv", index=False)
    pd.DataFrame(rows).to_excel(tmp_path / "p.xlsx", index=False)
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    loaded = [load_probe_set(tmp_path / f"p.{ext}") for ext in ("csv", "jsonl", "xlsx")]
    assert [[(e.input, e.expected, e.scorer) for e in s.examples] for s in loaded] == [
        [("2+2?", "4", "numeric"), ("Capital of Peru?", "Lima", None)]
    ] * 3
    assert len({tuple(e.id for e in s.examples) for s in loaded}) == 1, "row ids are content hashes"
    (tmp_path / "bad.csv").write_text("question,answer\na,b\n")
    with pytest.raises(ProbeSetError):
        load_probe_set(tmp_path / "bad.csv")


def test_sample_sets_cover_tasks_and_languages_and_are_self_consistent() -> None:
    names = sample_names()
    for task in ("sentiment", "fake-news", "extraction", "qa", "summarization", "code"):
        assert f"{task}-en" in names and f"{task}-zh" in names
    for name in names:
        probe_set = load_sample(name)
        assert len(probe_set.examples) >= 20 and probe_set.system and probe_set.max_tokens <= 64
        for example in probe_set.examples:
            spec = parse_spec(example.scorer)
            # the expected answer itself must pass its own scorer (labels and JSON are consistent)
            if spec.name in ("label", "json_match", "numeric", "contains"):
                assert score(example.expected, example.expected, example.scorer).passed, (name, example)


def test_estimate_states_its_heuristic_and_has_no_price_for_local() -> None:
    probe_set = load_sample("qa-en")
    endpoint = load_registry({}).resolve("local:smollm2-135m")[0]
    pre = estimate(probe_set, [endpoint], ProbeSettings())
    assert "characters / 4" in pre["method"] and "non-ASCII" in pre["method"]
    assert pre["input_tokens_per_model"] > 20 * 5 and pre["output_tokens_upper_bound_per_model"] == 20 * 16
    assert pre["models"][0]["cost_usd"] is None and "no catalog price" in pre["models"][0]["cost_reason"]

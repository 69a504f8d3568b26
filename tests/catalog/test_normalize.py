"""Canonical keys, grouping, the arena join and parameter parsing (pure functions)."""

from __future__ import annotations

import pytest

from whichmodel.knowledge.catalog.normalize import (
    arena_candidates,
    base_key,
    group_keys,
    join_arena,
    parse_params,
    region_from_id,
    undated,
)


@pytest.mark.parametrize(
    "model_id",
    [
        "Qwen/Qwen3-32B",
        "qwen3-32b",
        "qwen.qwen3-32b-v1:0",
        "Qwen/Qwen3-32B-TEE",
        "qwen/qwen3-32b-fp8",
        "alibaba-qwen3-32b",
        "qwen/qwen3-32b:free",
    ],
)
def test_qwen3_32b_spellings_fold_to_one_key(model_id: str) -> None:
    assert base_key(model_id) == "qwen3-32b"


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        ("claude-opus-4-6", "claude-opus-4.6"),
        ("anthropic/claude-opus-4.6", "claude-opus-4.6"),
        ("us.anthropic.claude-opus-4-6-v1", "claude-opus-4.6"),
        ("claude-opus-4-6@default", "claude-opus-4.6"),
        ("anthropic/claude-opus-4.6:thinking:low", "claude-opus-4.6"),
        ("claude-opus-4-6-thinking", "claude-opus-4.6"),
        ("claude-4.5-sonnet", "claude-sonnet-4.5"),
        ("claude-3-5-sonnet", "claude-3.5-sonnet"),
        ("databricks-claude-opus-4-1", "claude-opus-4.1"),
        ("deepseek.r1-v1:0", "deepseek-r1"),
        ("meta.llama3-1-70b-instruct-v1:0", "llama-3.1-70b-instruct"),
        ("accounts/fireworks/models/kimi-k2p6", "kimi-k2.6"),
        ("openai.gpt-oss-120b-1:0", "gpt-oss-120b"),
        ("gpt-4o-2024-08-06", "gpt-4o-20240806"),
        ("qwen2-5-coder-32b-instruct", "qwen2.5-coder-32b-instruct"),
        ("azure-gpt-4o", "gpt-4o"),
    ],
)
def test_base_key_folds_spelling(model_id: str, expected: str) -> None:
    assert base_key(model_id) == expected


def test_claude_dated_ids_group_under_the_undated_alias() -> None:
    bases = [
        base_key(i)
        for i in (
            "claude-opus-4-5-20251101",
            "anthropic.claude-opus-4-5-20251101-v1:0",
            "claude-opus-4-5",
            "claude-sonnet-4-20250514",
        )
    ]
    groups = group_keys(bases)
    assert groups["claude-opus-4.5-20251101"] == "claude-opus-4.5"
    # no undated "claude-sonnet-4" in this set: the dated key must stay as it is
    assert groups["claude-sonnet-4-20250514"] == "claude-sonnet-4-20250514"


def test_date_stamps() -> None:
    assert undated("claude-opus-4-20250514") == "claude-opus-4"
    assert undated("devstral-medium-2507") == "devstral-medium"
    assert undated("deepseek-r1-0528") is None  # MMDD, not a YYMM stamp: kept
    assert undated("qwen3-32b") is None


def test_curated_keep_dated_is_not_folded() -> None:
    groups = group_keys(["qwen3-235b-a22b", "qwen3-235b-a22b-2507"])
    assert groups["qwen3-235b-a22b-2507"] == "qwen3-235b-a22b-2507"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qwen/Qwen2.5-72B", "Qwen/Qwen2.5-72B-Instruct"),  # base vs instruct
        ("gpt-4.1-mini", "gpt-4.1"),  # mini vs full
        ("Qwen/Qwen3-32B", "Qwen/Qwen3-14B"),  # sizes
        ("kimi-k2-thinking", "kimi-k2"),  # thinking is different weights outside Claude
        ("grok-4-fast", "grok-4"),  # -fast is a separate model outside Claude
        ("nvidia.nemotron-nano-12b-v2", "nemotron-nano-12b"),  # a real "-v2" is kept
    ],
)
def test_different_models_do_not_merge(a: str, b: str) -> None:
    assert base_key(a) != base_key(b)


def test_arena_join_rules() -> None:
    keys = {"claude-opus-4.6", "gemma-3-27b-it", "llama-3.3-70b-instruct", "qwen3-max", "llama-4-maverick"}
    assert join_arena("anthropic / claude-opus-4.6", keys) == ("claude-opus-4.6", "normalised name")
    assert join_arena("meta / llama-4-maverick-17b-128e-instruct", keys) == (
        "llama-4-maverick",
        "alias table",
    )
    assert join_arena("alibaba / qwen3-max-preview", keys) == ("qwen3-max", "without -preview")
    assert join_arena("google / gemma-3-27b", keys) == ("gemma-3-27b-it", "with -it")
    assert join_arena("alibaba / qwen3.8-max", keys) is None  # never guessed


def test_arena_candidates_start_with_the_normalised_name() -> None:
    cands = arena_candidates("anthropic / claude-opus-4-6")
    assert cands[0] == ("claude-opus-4.6", "normalised name")


@pytest.mark.parametrize(
    ("text", "total", "active"),
    [
        ("qwen3-235b-a22b", 235.0, 22.0),
        ("Qwen3-32B", 32.0, None),
        ("mixtral-8x7b-instruct", 56.0, None),
        ("SmolLM2-135M-Instruct", 0.135, None),
        ("kimi-k2.7-code-1100b", 1100.0, None),
    ],
)
def test_parse_params(text: str, total: float, active: float | None) -> None:
    parsed = parse_params(text)
    assert parsed is not None
    assert parsed[0] == total
    assert parsed[1] == active
    assert parsed[2].startswith("parsed from name")


def test_parse_params_absent() -> None:
    assert parse_params("claude-opus-4.6") is None
    assert parse_params("gemma-3n-e4b-it") is None  # "e4b" is an effective size, not a count
    assert parse_params("qwen3-max-128k") is None


def test_region_from_id() -> None:
    assert region_from_id("eu.anthropic.claude-opus-4-6-v1") == "eu"
    assert region_from_id("claude-opus-4-5@eu") == "eu"
    assert region_from_id("global.anthropic.claude-opus-4-6-v1") is None
    assert region_from_id("qwen.qwen3-32b-v1:0") is None


def test_arena_suffix_rule_skipped_when_arena_rates_the_short_name() -> None:
    keys = {"qwq-32b"}
    arena = ["alibaba / qwq-32b", "alibaba / qwq-32b-preview"]
    assert join_arena("alibaba / qwq-32b-preview", keys, arena) is None
    assert join_arena("alibaba / qwq-32b-preview", keys) == ("qwq-32b", "without -preview")
    assert join_arena("alibaba / qwq-32b", keys, arena) == ("qwq-32b", "normalised name")


def test_mixtral_spellings_fold_via_alias_table() -> None:
    assert base_key("mistralai/Mixtral-8x7B-Instruct-v0.1") == "mixtral-8x7b-instruct"
    assert base_key("open-mixtral-8x7b") == "mixtral-8x7b-instruct"

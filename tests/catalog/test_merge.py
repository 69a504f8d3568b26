"""Each merge rule with hand-made inputs."""

from __future__ import annotations

from whichmodel.knowledge.catalog import merge


def test_open_weights_curated_family_wins() -> None:
    # every offering says closed, the curated family table (OpenAI's gpt-oss release) says open
    value, rule = merge.decide_open_weights("gpt-oss-120b", [("x", False), ("y", False)], "openai")
    assert value is True
    assert rule == "curated family (^gpt-oss)"
    # and the maker's own "closed" flag does not beat the family table (DeepSeek releases weights)
    value, rule = merge.decide_open_weights("deepseek-v4-pro", [("deepseek", False), ("p", True)], "deepseek")
    assert value is True and rule.startswith("curated family")


def test_open_weights_first_party_beats_majority() -> None:
    flags = [("alibaba", False), ("p1", True), ("p2", True), ("p3", True)]
    value, rule = merge.decide_open_weights("made-up-99b", flags, "alibaba")
    assert value is False
    assert rule.startswith("first-party provider")


def test_open_weights_first_party_disagreeing_falls_through_to_majority() -> None:
    flags = [("alibaba", False), ("alibaba-cn", True), ("p1", True)]
    value, rule = merge.decide_open_weights("made-up-99b", flags, "alibaba")
    assert value is True
    assert rule.startswith("majority")


def test_open_weights_majority_and_tie() -> None:
    value, rule = merge.decide_open_weights("made-up", [("a", True), ("b", True), ("c", False)], None)
    assert (value, rule.startswith("majority")) == (True, True)
    value, rule = merge.decide_open_weights("made-up", [("a", True), ("b", False)], None)
    assert value is False
    assert "tie" in rule


def test_most_common_name_ties_prefer_shortest() -> None:
    assert merge.most_common_name(["Qwen3 32B", "Qwen3-32B", "Qwen3 32B", "Qwen3 32B TEE"]) == "Qwen3 32B"
    assert merge.most_common_name(["Claude Opus 4.6 (EU)", "Claude Opus 4.6"]) == "Claude Opus 4.6"


def test_maker_from_arena_else_prefix() -> None:
    assert merge.maker_for("claude-opus-4.6", "anthropic") == "anthropic"
    assert merge.maker_for("llama-3.1-nemotron-70b-instruct", None) == "nvidia"  # longest prefix
    assert merge.maker_for("olmo-3-32b-think", "other") is None  # arena's catch-all is not a maker
    assert merge.maker_for("qwen3-32b", None) == "alibaba"


def test_params_curated_before_parsed() -> None:
    total, active, source = merge.params_for("deepseek-r1")
    assert (total, active) == (671, 37)
    assert source is not None and source.startswith("curated")
    total, active, source = merge.params_for("qwen3-30b-a3b")
    assert (total, active) == (30.0, 3.0)
    assert source is not None and source.startswith("parsed")
    assert merge.params_for("claude-opus-4.6") == (None, None, None)


def test_licence_only_for_open_models() -> None:
    assert merge.licence_for("qwen3-32b", True) == "Apache-2.0"
    assert merge.licence_for("qwen3-max", False) is None
    assert merge.licence_for("unknown-model", True) is None


def test_modalities_union_and_structured_output() -> None:
    assert merge.union_modalities([("text",), ("image", "text"), ("pdf",)]) == ("text", "image", "pdf")
    assert merge.merge_structured([None, False, True]) is True
    assert merge.merge_structured([None, False]) is False
    assert merge.merge_structured([None, None]) is None


def test_offering_region() -> None:
    assert merge.offering_region("alibaba-cn", "qwen3-32b") == "cn"
    assert merge.offering_region("amazon-bedrock", "eu.anthropic.claude-opus-4-6-v1") == "eu"
    assert merge.offering_region("scaleway", "qwen3-32b") == "eu"
    assert merge.offering_region("openrouter", "qwen/qwen3-32b") is None

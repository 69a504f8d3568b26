"""Session 20, from expert23's open items: a model whose tokenizer counts more tokens for the same
text (Claude Opus 4.7 and later, Claude 5) is billed for them, and the report says by how much and why."""

from __future__ import annotations

import pytest

from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision.cost import cost_assumptions, per_request_cost, tokenizer_factor
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.requirements import Requirements

CHAT = {"use_case": "answer customer emails", "task_type": "chat", "languages": ["en"],
        "volume": {"requests_per_month": 10_000, "input_tokens": 2_000, "output_tokens": 400}}  # fmt: skip


@pytest.mark.parametrize(
    ("key", "counted"),
    [("claude-opus-4.7", True), ("claude-opus-4.8", True), ("claude-opus-5", True), ("claude-sonnet-5", True),
     ("claude-fable-5", True), ("claude-opus-4.6", False), ("claude-sonnet-4.6", False), ("claude-opus-5.5", True),
     ("gpt-5.6-sol", False)],
)  # fmt: skip
def test_which_models_count_more_tokens_for_the_same_text(key: str, counted: bool) -> None:
    assert (tokenizer_factor(key) is not None) is counted


def test_opus_4_7_bills_a_third_more_than_opus_4_6_at_the_same_list_price() -> None:
    catalog, req = load_catalog(), Requirements.model_validate(CHAT)
    new = next(o for o in catalog.offerings_of("claude-opus-4.7") if o.provider == "anthropic")
    old = next(o for o in catalog.offerings_of("claude-opus-4.6") if o.provider == "anthropic")
    assert new.pricing is not None and old.pricing is not None
    assert new.pricing.tiers[0].input == old.pricing.tiers[0].input  # same list price ...
    a = per_request_cost(new, catalog.model_of(new.id), req)
    b = per_request_cost(old, catalog.model_of(old.id), req)
    assert a is not None and b is not None and a == pytest.approx(1.35 * b)  # ... a bigger bill
    reasons = {r.code: r for r in cost_assumptions(req, new, catalog.model_of(new.id))}
    assert reasons["volume"].params["input"] == 2_000  # the stated figures stay as stated
    said = say("en", reasons["tokenizer"])
    assert "1.35x" in said and "2,700 input and 540 output" in said and "2026-04-16" in said
    assert "分词器" in say("zh", reasons["tokenizer"]) and "2,700" in say("zh", reasons["tokenizer"])
    assert "tokenizer" not in {r.code for r in cost_assumptions(req, old, catalog.model_of(old.id))}


def test_the_thinking_budget_is_not_counted_again() -> None:
    # the thinking budget is already in the model's own tokens: only the text is scaled
    catalog = load_catalog()
    reasoning = Requirements.model_validate({**CHAT, "task_type": "reasoning", "volume": {**CHAT["volume"],  # type: ignore[dict-item]
                                             "thinking_tokens": 4_000}})  # fmt: skip
    new = next(o for o in catalog.offerings_of("claude-opus-4.7") if o.provider == "anthropic")
    reasons = {r.code: r for r in cost_assumptions(reasoning, new, catalog.model_of(new.id))}
    assert reasons["thinking_tokens"].params["tokens"] == 4_000

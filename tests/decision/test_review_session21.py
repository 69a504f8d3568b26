"""Session 21, from expert25: a model that bills a page image at a very different token count from the
GPT-4o-class count (GPT-4o mini: 2,833 + 5,667 per tile, ~33x) is priced by its maker's own rule, said
with its source; text tasks and other models are unchanged."""

from __future__ import annotations

import pytest

from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.cost import cost_assumptions, page_image_tokens, per_request_cost
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.requirements import Requirements

INVOICES = {
    "use_case": "Extract supplier, totals and line items from scanned invoice images into JSON",
    "task_type": "extraction",
    "input_modalities": ["image"],
    "volume": {"requests_per_month": 1_500_000, "input_tokens": 1_800, "output_tokens": 500},
    "needs": {"structured_output": True},
    "data": {"sensitivity": "confidential"},
    "location": "us",
}


def test_gpt_4o_mini_bills_a_page_image_by_its_own_rule() -> None:
    catalog, req = load_catalog(), Requirements.model_validate(INVOICES)
    mini = next(o for o in catalog.offerings_of("gpt-4o-mini") if o.provider == "openai")
    assert mini.pricing is not None
    tier = mini.pricing.tiers[0]
    cost = per_request_cost(mini, catalog.model_of(mini.id), req)
    # one 1,024-pixel page: 2,833 + 4 x 5,667 = 25,501 tokens where GPT-4o counts 765
    expected = ((1_800 + 25_501 - 765) * tier.input + 500 * tier.output) / 1e6
    assert cost == pytest.approx(expected)
    reasons = {r.code: r for r in cost_assumptions(req, mini, catalog.model_of(mini.id))}
    said = say("en", reasons["page_image_tokens"])
    assert "25,501" in said and "765" in said and "26,536" in said and "images-vision" in said
    assert "25,501" in say("zh", reasons["page_image_tokens"]) and "图块" in say("zh", reasons["page_image_tokens"])


def test_text_tasks_and_other_models_keep_the_stated_tokens() -> None:
    text = Requirements.model_validate({**INVOICES, "input_modalities": ["text"]})
    assert page_image_tokens("gpt-4o-mini", text) is None
    assert page_image_tokens("gpt-4o", Requirements.model_validate(INVOICES)) is None
    assert page_image_tokens("gpt-4o-mini", Requirements.model_validate({**INVOICES, "input_modalities": ["pdf"]}))


def test_gpt_4o_mini_is_no_cheap_value_pick_for_page_images() -> None:
    """expert25 n3: priced at ~800 tokens a page, GPT-4o mini was a '3.1x cheaper' value pick; at its own
    count it costs more than the quality pick."""
    rec = recommend(Requirements.model_validate({**INVOICES, "budget": {"monthly_usd": 6_000}}), load_catalog())
    assert rec.value_pick is None or rec.value_pick.model_key != "gpt-4o-mini"
    assert all(r.model_key != "gpt-4o-mini" for r in rec.recommendations)


FR_SUPPORT = {
    "use_case": "Chatbot de support client en français pour une boutique en ligne : suivi de commande, retours, livraison, FAQ",
    "task_type": "chat",
    "languages": ["fr"],
    "volume": {"requests_per_month": 120_000, "input_tokens": 1_200, "output_tokens": 250},
    "budget": {"monthly_usd": 150},
    "latency": {"p95_seconds": 4},
    "needs": {"tool_calling": True},
    "data": {"labeled_examples": 200, "sensitivity": "internal"},
    "location": "eu",
    "priority": "cost",
}


def test_the_highest_rated_model_is_named_with_what_holds_it_back() -> None:
    """expert25 n1: 'the highest-rated qualifying model is MiMo-V2.5-Pro (91, cheaper)' next to a quality pick
    rated 88 read as a contradiction; its risks (a provider under Chinese law for business data) follow it."""
    rec = recommend(Requirements.model_validate(FR_SUPPORT), load_catalog())
    codes = [r.code for r in rec.summary_codes]
    assert "strongest" in codes
    strongest = rec.summary_codes[codes.index("strongest")]
    note = rec.summary_codes[codes.index("strongest") + 1]
    assert note.code == "risk_note" and note.params["model"] == strongest.params["model"]
    assert "law of China" in rec.summary

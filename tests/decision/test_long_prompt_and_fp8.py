"""Prompts beyond 200k tokens on an offering with one listed price say that the base rate was used
(never a guessed surcharge); 16-bit self-hosting shows what FP8 weights would need beside it."""

from __future__ import annotations

from tests.decision.conftest import req
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend


def _codes(reasons) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in reasons}


def test_long_prompt_without_a_listed_tier_is_flagged_and_a_listed_tier_is_used() -> None:
    r = req(task_type="qa", volume={"requests_per_month": 2000, "input_tokens": 300_000, "output_tokens": 800},
            budget={"monthly_usd": 50_000})  # fmt: skip
    rec = recommend(r, load_catalog())
    seen = {c.model: _codes(c.cost.assumption_codes) for c in rec.recommendations if c.cost is not None}
    flagged = [m for m, codes in seen.items() if "no_long_context_tier" in codes]
    tiered = [m for m, codes in seen.items() if "long_context_tier" in codes]
    assert flagged, seen
    assert not set(flagged) & set(tiered)


def test_short_prompts_carry_no_long_prompt_warning() -> None:
    rec = recommend(
        req(task_type="qa", volume={"requests_per_month": 2000, "input_tokens": 3000}), load_catalog()
    )
    assert rec.recommendations
    assert all(
        "no_long_context_tier" not in _codes(c.cost.assumption_codes) for c in rec.recommendations if c.cost
    )


def test_sixteen_bit_self_hosting_shows_the_fp8_sizing_and_a_stated_precision_does_not() -> None:
    base = {"task_type": "chat", "volume": {"requests_per_month": 300_000},
            "deployment": {"self_host": True, "open_weights": True}}  # fmt: skip
    rec = recommend(req(**base), load_catalog())
    sized = [c.self_host for c in rec.recommendations if c.self_host is not None]
    sixteen = [s for s in sized if s.quantization in ("bf16", "fp16")]
    assert sixteen
    for s in sixteen:
        fp8 = [r for r in s.assumption_codes if r.code == "sh_fp8_option"]
        if fp8:
            assert fp8[0].params["monthly"] < s.monthly_cost
            assert any("FP8 weights" in a for a in s.assumptions)
    assert any(r.code == "sh_fp8_option" for s in sixteen for r in s.assumption_codes)
    stated = recommend(
        req(**{**base, "deployment": {**base["deployment"], "quantization": "bf16"}}), load_catalog()
    )
    assert all(r.code != "sh_fp8_option" for c in stated.recommendations if c.self_host
               for r in c.self_host.assumption_codes)  # fmt: skip

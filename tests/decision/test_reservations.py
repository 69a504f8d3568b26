"""Session 14's expert review: warnings that must change the order, not only the row.

A candidate held back by a reservation (`engine.reservations`: over the latency target within the
estimate's margin, confidential data under another country's law, a price far below the model's
usual one, thinking cut under a quarter of its usual budget) goes after a comparable candidate
without it; a stated context never undercuts one request; a stronger model ruled out only by the
latency target is named with what relaxing the target would need.
"""

from __future__ import annotations

from typing import Any

from whichmodel.agent.brain import understand
from whichmodel.agent.use_case import read_use_case
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import say

from .conftest import TEXT_CATS as CATS
from .conftest import build_catalog, model, offering, req


def _entry(key: str, provider: str, elo: float, price: float, **kw: Any) -> Any:
    offs = [offering(f"{provider}:{key}", key, inp=price, out=2 * price)]
    return model(key, offs, ratings={c: elo for c in CATS}), offs


# --- D4: confidential data and another country's law -----------------------------------------------


def test_confidential_data_goes_to_a_tied_model_under_no_foreign_law_first() -> None:
    # Two makers tied on public ratings (likely ranges overlap): the one under Chinese law is rated a
    # little higher and is cheaper, but confidential data puts it after the other, said so.
    catalog = build_catalog([_entry("kimi-x", "moonshotai", 1505, 0.5), _entry("us-x", "openai", 1500, 1.0)])
    rec = recommend(req(data={"sensitivity": "confidential"}), catalog)
    assert [c.model_key for c in rec.recommendations] == ["us-x", "kimi-x"]
    assert "would send your confidential data to a provider under another country's law" in rec.summary
    zh = recommend(req(data={"sensitivity": "confidential"}), catalog, lang="zh")
    assert "会把您的机密数据交给受其他国家法律管辖的服务商" in zh.summary
    # internal data: nothing held back, the higher-rated one leads as before
    plain = recommend(req(), catalog)
    assert plain.recommendations[0].model_key == "kimi-x"


def test_a_model_clearly_stronger_than_everything_else_still_leads_with_its_warning() -> None:
    # Held back only behind a comparable candidate: a 200-point gap is no tie.
    catalog = build_catalog([_entry("kimi-x", "moonshotai", 1700, 0.5), _entry("us-x", "openai", 1500, 1.0)])
    rec = recommend(req(data={"sensitivity": "confidential"}), catalog)
    assert rec.recommendations[0].model_key == "kimi-x"
    assert any("under the law of China" in w for w in rec.recommendations[0].warnings)


# --- D3: a price far below the model's usual one ----------------------------------------------------


def _cheap_host_catalog() -> Any:
    maker = offering("acme:open-x", "open-x", inp=1.0, out=2.0, open_flag=True)
    host = offering("cheaphost:open-x", "open-x", inp=0.2, out=0.4, tier="host", open_flag=True)
    host = host.model_copy(update={"plausible": True, "plausibility_ratio": 0.2})
    offs = [maker, host]
    other = [offering("beta:other", "other", inp=0.5, out=1.0)]
    return build_catalog([
        (model("open-x", offs, open_weights=True, ratings={c: 1505 for c in CATS}), offs),
        (model("other", other, ratings={c: 1500 for c in CATS}), other),
    ])  # fmt: skip


def test_a_hosts_price_far_below_the_usual_is_a_warning_with_the_bill_at_the_usual_price() -> None:
    # 10,000 requests of 1,000 in / 100 out: the maker's $1/$2 is $12/month, over the $8 budget; the
    # host's $0.2/$0.4 ($2.40) is a fifth of the usual price. It passes, but goes after the tied
    # "other" ($6) and says what it would cost at the usual price ($2.40 / 0.2 = $12).
    rec = recommend(req(budget={"monthly_usd": 8}), _cheap_host_catalog())
    assert [c.model_key for c in rec.recommendations] == ["other", "open-x"]
    held = rec.recommendations[1]
    assert held.offering_id == "cheaphost:open-x"
    risk = next(r for r in held.risk_codes if r.code == "price_below_typical")
    assert risk.params["ratio"] == 0.2 and risk.params["monthly"] == 12.0
    assert any("priced at 20% of its usual price" in w for w in held.warnings)
    assert "at the usual price it would cost about $12.00/month" in say("en", risk)
    assert "按通常价格每月约需 $12.00" in say("zh", risk)
    assert "is listed far below the price its other sellers charge" in rec.summary


# --- D8: over a hard latency target only thanks to the estimate's margin ---------------------------


def test_a_model_over_the_latency_target_goes_after_a_comparable_one_that_meets_it() -> None:
    # s09: "Start with DeepSeek V4 Flash (est. 0.88 s, just over the 0.80 s target)" while Gemma 4 26B
    # A4B, as good, met it. Neither the #1 nor the quality pick may be over the target when a model in
    # the quality tier meets it.
    r = req(task_type="extraction", priority="balanced", needs={"structured_output": True},
            use_case="Rewrite and normalise e-commerce search queries before sending them to our search engine",
            volume={"requests_per_month": 3_000_000, "input_tokens": 250, "output_tokens": 40},
            budget={"monthly_usd": 3000}, latency={"p95_seconds": 0.8})  # fmt: skip
    rec = recommend(r, load_catalog())
    tier = [c for c in rec.recommendations if c.in_quality_tier]
    assert any(c.latency and c.latency.p95_seconds and c.latency.p95_seconds <= 0.8 for c in tier)
    picks = [rec.recommendations[0].model_key, rec.quality_pick.model_key if rec.quality_pick else None]
    for c in rec.recommendations:
        if c.model_key in picks:
            assert not any(x.code == "latency_borderline" for x in c.risk_codes), c.model


# --- D1: thinking cut to fit the latency target ----------------------------------------------------


def test_a_stronger_model_ruled_out_only_by_the_latency_target_is_named_with_its_figures() -> None:
    # A maths tutor at 12 s: reasoning models that would need their thinking cut under a quarter are
    # too slow (their maths ratings were earned thinking); the strongest of them is named with its time.
    # (20 s until session 20: a guessed speed now keeps an estimate up to 50% over, expert24.)
    r = req(task_type="reasoning", use_case="Tutor high-school students through algebra problems step by step",
            volume={"requests_per_month": 200_000, "input_tokens": 800, "output_tokens": 700},
            budget={"monthly_usd": 5000}, latency={"p95_seconds": 12}, needs={"reasoning": True})  # fmt: skip
    rec = recommend(r, load_catalog())
    assert rec.recommendations
    for c in rec.recommendations:
        if c.latency is not None and c.latency.thinking_tokens:
            assert c.latency.thinking_tokens >= 2000 or c.latency.thinking_tokens >= 0.25 * 8000, c.model
    held = next(c for c in rec.summary_codes if c.code == "latency_holds_back")
    assert held.params["p95"] > 12 and held.params["quality"] > (rec.recommendations[0].quality or 0)
    assert "Stronger models are ruled out only by the 12 s answer-time target" in rec.summary


# --- D7 and D2: what a use case says, read with its numbers -----------------------------------------


def test_a_stated_context_never_undercuts_one_request() -> None:
    r = req(context_tokens=700, volume={"requests_per_month": 100, "input_tokens": 30_000, "output_tokens": 1500})
    assert r.needed_context == 31_500


def test_a_one_page_brief_in_the_use_case_is_not_read_as_the_context_below_the_stated_prompt() -> None:
    raw = {"use_case": "One-page executive brief from board papers", "task_type": "summarization",
           "volume": {"requests_per_month": 100, "input_tokens": 30_000, "output_tokens": 700}}  # fmt: skip
    filled, paths = read_use_case(raw)
    assert "context_tokens" not in paths and "context_tokens" not in filled
    # without stated tokens, a page is still what the prose says the prompt is
    _, alone = read_use_case({"use_case": "One-page executive brief", "task_type": "summarization"})
    assert "volume.input_tokens" in alone


def test_an_average_call_length_is_read_as_audio_minutes() -> None:
    for text in ("Transcribe calls (8 kHz, two speakers, average call about 7 minutes) into text",
                 "average call length is 7 minutes", "calls average 7 minutes"):  # fmt: skip
        facts = {f.path: f.value for f in understand(text).facts}
        assert facts.get("volume.audio_minutes") == 7.0, text
    assert "volume.audio_minutes" not in {f.path for f in understand("average response time under 2 minutes").facts}

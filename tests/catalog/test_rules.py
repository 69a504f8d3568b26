"""The issue #10 rules with hand-made inputs: identity folding, tiers, facts, plausibility, units, lifecycle."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from whichmodel.knowledge.catalog import facts, merge
from whichmodel.knowledge.catalog.build import RefreshReport, check_identity
from whichmodel.knowledge.catalog.normalize import (
    KeyFacts,
    base_key,
    dotted_forms,
    fold_form,
    fold_identities,
    group_keys,
)
from whichmodel.knowledge.catalog.providers import RESELLS_CLOSED, offering_tier, provider_tier
from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering, PriceTier, Pricing, Rating
from whichmodel.knowledge.catalog.sources import parse_litellm

AS_OF = date(2026, 10, 20)


def _offering(
    oid: str,
    *,
    tier: str = "host",
    price: tuple[float, float] | None = (1.0, 4.0),
    inputs: tuple[str, ...] = ("text",),
    tools: bool = True,
    context: int = 128_000,
    model: str = "m",
) -> Offering:
    provider, mid = oid.split(":", 1)
    pricing = None
    if price is not None:
        pricing = Pricing(
            tiers=(PriceTier(input=price[0], output=price[1]),),
            source="models.dev",
            as_of=AS_OF,
            free=price == (0.0, 0.0),
        )
    return Offering(
        id=oid,
        provider=provider,
        provider_name=provider,
        provider_model_id=mid,
        model=model,
        name=mid,
        context=context,
        max_output=8192,
        input_modalities=inputs,
        output_modalities=("text",),
        tool_calling=tools,
        reasoning=False,
        open_weights_flag=False,
        pricing=pricing,
        tier=tier,  # type: ignore[arg-type]
    )


def test_fold_form_drops_it_suffix_and_glued_separators() -> None:
    assert fold_form("gemma-4-31b-it") == fold_form("gemma4-31b") == fold_form("gemma-4-31b")
    assert fold_form("qwen-3-32b") == fold_form("qwen3-32b")
    assert fold_form("kimi-k2") != fold_form("kimi-k2.5")  # different releases stay apart


def test_sap_double_dash_prefix_is_dropped() -> None:
    assert base_key("anthropic--claude-4.8-opus") == "claude-opus-4.8"


def test_preview_folds_unless_the_arena_or_the_maker_tells_them_apart() -> None:
    keys = {
        "gemini-3-flash": KeyFacts(offerings=6, maker_offerings=0),
        "gemini-3-flash-preview": KeyFacts(offerings=22, maker_offerings=2),
        "o1": KeyFacts(offerings=15, maker_offerings=1),
        "o1-preview": KeyFacts(offerings=1, maker_offerings=0),
        "x-image": KeyFacts(offerings=3, maker_offerings=1),
        "x-image-preview": KeyFacts(offerings=3, maker_offerings=1),
    }
    out, kept = fold_identities(keys, arena_rated={"gemini-3-flash", "o1", "o1-preview"})
    assert (
        out["gemini-3-flash"] == out["gemini-3-flash-preview"] == "gemini-3-flash-preview"
    )  # maker's spelling
    assert out["o1-preview"] == "o1-preview" and out["o1"] == "o1"
    assert out["x-image"] == "x-image" and out["x-image-preview"] == "x-image-preview"
    assert any("arena rates both" in k for k in kept) and any("maker's API lists both" in k for k in kept)
    out, _ = fold_identities(
        {"a": KeyFacts(1, 0), "a-preview": KeyFacts(1, 0)}, arena_rated=(), keep_distinct={"a-preview"}
    )
    assert out["a"] != out["a-preview"]


def test_canonical_key_is_the_most_served_spelling_without_a_maker() -> None:
    out, _ = fold_identities({"gemma-4-26b-a4b": KeyFacts(1, 0), "gemma-4-26b-a4b-it": KeyFacts(20, 0)}, ())
    assert out["gemma-4-26b-a4b"] == "gemma-4-26b-a4b-it"


def test_offering_tier_is_per_model() -> None:
    assert offering_tier("openai", "gpt-5", "openai", free=False).tier == "maker"
    assert offering_tier("alibaba", "kimi-k2", "moonshot", free=False).tier == "cloud"
    assert offering_tier("alibaba", "qwen3-max", "alibaba", free=False).tier == "maker"
    assert offering_tier("openrouter", "x/y:free", "openai", free=True).tier == "plan"
    assert offering_tier("deepinfra", "some/model", "meta", free=True).tier == "plan"  # $0 is a free tier
    assert offering_tier("zai-coding-plan", "glm-4.6", "zhipu", free=False).tier == "plan"
    assert offering_tier("google", "gemma-3-27b-it", "google", free=True).tier == "maker"


def test_unknown_provider_is_never_trusted() -> None:
    assert provider_tier("brand-new-reseller").tier == "unknown"
    assert provider_tier("foo-token-plan").tier == "plan"


def test_maker_facts_beat_reseller_flags_and_are_reported() -> None:
    offerings = [
        _offering("maker:m", tier="maker", inputs=("text",)),
        *[_offering(f"r{i}:m", inputs=("text", "image")) for i in range(5)],
    ]
    f = facts.decide_facts(offerings)
    assert f.input_modalities == ("text",) and f.source == "maker (maker)"
    assert f.contradictions and f.contradictions[0].startswith("input image: 5 of 6")


def test_without_a_maker_a_clear_majority_decides() -> None:
    offerings = [_offering(f"r{i}:m", inputs=("text", "image") if i < 2 else ("text",)) for i in range(76)]
    f = facts.decide_facts(offerings)
    assert f.input_modalities == ("text",) and f.source == "majority of 76 offerings"
    tie = facts.decide_facts([_offering("a:m", tools=True), _offering("b:m", tools=False)])
    assert tie.tool_calling is False  # a tie is not a majority


def test_plausibility_against_the_makers_price_and_free_listings() -> None:
    maker = _offering("maker:m", tier="maker", price=(5.0, 30.0))
    cheap = _offering("r:m", tier="aggregator", price=(0.2, 1.0))
    free = _offering("f:m", tier="plan", price=(0.0, 0.0))
    ref, source = facts.reference_price([maker, cheap, free])
    assert ref == 0.75 * 5 + 0.25 * 30 and source == "maker's list price"
    assert facts.plausibility(cheap, ref)[0] is False
    assert facts.plausibility(maker, ref) == (True, 1.0)
    assert facts.plausibility(free, ref) == (False, 0.0)
    # no maker price: the median of paid, non-plan offerings; $0 never counts
    ref2, source2 = facts.reference_price([cheap, free, _offering("h:m", price=(0.4, 1.2))])
    assert source2 == "median of 2 paid offerings" and ref2 is not None and ref2 > 0


def _per_minute(o: Offering) -> Offering:
    assert o.pricing is not None
    return o.model_copy(update={"pricing": o.pricing.model_copy(update={"unit": "per_audio_minute"})})


def test_speech_prices_are_compared_per_audio_minute_against_the_makers_list() -> None:
    """A token-priced speech listing is compared per audio minute (600 audio tokens) with the maker's
    per-minute list; far below it (under a tenth) is implausible even for a cloud running the open
    weights, and a reseller under half of it too. The maker's list of the same weights sold under
    another id (curated) is the reference when the model has no maker offering of its own."""
    bedrock = _offering("amazon-bedrock:voxtral", tier="cloud", price=(0.04, 0.04), inputs=("audio", "text"))
    host = _per_minute(_offering("privatemode-ai:voxtral", tier="host", price=(0.00462, 0.0), inputs=("audio",)))
    # $0.04/1M x 600 tokens = $0.000024 per minute
    assert facts.unit_price(bedrock, per_minute=True) == pytest.approx(0.000024)
    assert facts.unit_price(host, per_minute=True) == pytest.approx(0.00462)
    ref, source = facts.reference_price([bedrock, host], True, per_minute=True, listed=[0.002])
    assert ref == 0.002 and source.startswith("maker's list price per audio minute")
    # 0.000024 / 0.002 = 0.012: a cloud on open weights, yet under a tenth of the maker's list
    assert facts.plausibility(bedrock, ref, True, per_minute=True) == (False, 0.012)
    assert facts.plausibility(host, ref, True, per_minute=True) == (True, 2.31)
    # per 1M tokens (no per-minute comparison) the same cloud listing stays a competitor's price
    assert facts.plausibility(bedrock, 0.04, True)[0] is True
    # a maker's per-minute offering is the reference itself; a reseller at a quarter of it is not
    maker = _per_minute(_offering("openai:t", tier="maker", price=(0.006, 0.0), inputs=("audio",)))
    reseller = _offering("vercel:t", tier="aggregator", price=(2.5, 10.0), inputs=("audio",))
    ref2, source2 = facts.reference_price([maker, reseller], per_minute=True, listed=[0.001])
    assert (ref2, source2) == (0.006, "maker's list price per audio minute")
    assert facts.plausibility(reseller, ref2, per_minute=True) == (False, 0.25)
    assert facts.plausibility(maker, ref2, per_minute=True) == (True, 1.0)


def test_a_curated_maker_minute_price_replaces_a_misread_source_price() -> None:
    """models.dev lists Qwen3-ASR-Flash at 0.035, Alibaba's price per 1,000 seconds; the maker's
    page says US$0.000035 per second = $0.0021 per minute: the curated row replaces it, sourced."""
    from whichmodel.knowledge.catalog.build import _with_units_and_plausibility
    from whichmodel.knowledge.catalog.curated import maker_minute_price

    row = maker_minute_price("alibaba", "qwen3-asr-flash")
    assert row is not None and row.usd_per_minute == pytest.approx(0.000035 * 60)
    assert row.source.startswith("https://www.alibabacloud.com/")
    listed = _offering("alibaba:qwen3-asr-flash", tier="maker", price=(0.035, 0.035), inputs=("audio",),
                       model="qwen3-asr-flash")  # fmt: skip
    report = RefreshReport(out_dir=Path("unused"))
    (out,), ref, _ = _with_units_and_plausibility(
        "qwen3-asr-flash", [listed], "speech_to_text", ("audio",), False, report, date(2026, 8, 18)
    )
    # s06 review: dated with the snapshot's source date (the curated source's), never the build day
    assert out.pricing is not None and out.pricing.source == "curated" and out.pricing.as_of == date(2026, 8, 18)
    assert out.pricing.unit == "per_audio_minute" and out.pricing.tiers[0].input == pytest.approx(0.0021)
    assert ref == pytest.approx(0.0021) and out.plausible is True
    assert any("alibaba:qwen3-asr-flash" in line and "0.035" in line for line in report.curated_prices)


def test_free_for_production_by_its_maker_is_a_plausible_price_and_sourced() -> None:
    from whichmodel.knowledge.catalog.curated import FREE_FOR_PRODUCTION, free_for_production

    omni = _offering("openai:omni-moderation-latest", tier="maker", price=(0.0, 0.0), model="omni-moderation")
    resold = _offering("poe:omni-moderation", tier="plan", price=(0.0, 0.0), model="omni-moderation")
    assert facts.plausibility(omni, None) == (True, None)
    assert facts.plausibility(resold, 1.0) == (False, 0.0)  # only the maker's own endpoint is free
    assert free_for_production("openai", "omni-moderation") is not None
    assert free_for_production("mistral", "mistral-moderation-2603") is None
    for row in FREE_FOR_PRODUCTION.values():  # every row is sourced and dated
        assert row.source.startswith("https://") and row.as_of <= date(2026, 12, 31) and row.note


def test_open_weights_hosts_set_their_own_price_resellers_do_not() -> None:
    maker = _offering("maker:m", tier="maker", price=(1.0, 4.0))
    host = _offering("deepinfra:m", tier="host", price=(0.1, 0.4))
    hosts = [_offering(f"h{i}:m", tier="host", price=(0.5, 2.0)) for i in range(3)]
    reseller = _offering("r:m", tier="aggregator", price=(0.04, 0.16))  # under half the cheapest host
    same = _offering("openrouter:m", tier="aggregator", price=(0.1, 0.4))  # the host's own price
    offerings = [maker, host, *hosts, reseller, same]
    ref, source = facts.reference_price(offerings, open_weights=True)
    assert source.startswith("open weights: median of 5 paid maker/cloud/host")
    floor = facts.plausible_floor(offerings, ref, open_weights=True)
    assert facts.plausibility(host, ref, True, floor=floor)[0] is True
    assert facts.plausibility(reseller, ref, True, floor=floor)[0] is False


def test_one_price_is_plausible_or_not_whatever_the_seller() -> None:
    """The expert's 09 case: W&B (a host) and OpenRouter sold gpt-oss-120b at the same $155.40 a
    month, one planned on, the other flagged implausible. One rule: the same price is plausible for
    every seller when a host running the weights (or the maker) sets it."""
    host = _offering("wandb:m", tier="host", price=(0.1, 0.4))
    hosts = [_offering(f"h{i}:m", tier="host", price=(0.5, 2.0)) for i in range(3)]
    same = _offering("openrouter:m", tier="aggregator", price=(0.1, 0.4))
    near = _offering("llmgateway:m", tier="aggregator", price=(0.11, 0.3))  # a cheaper blend, near the host's
    lower = _offering("kilo:m", tier="aggregator", price=(0.04, 0.16))
    offerings = [host, *hosts, same, near, lower]
    ref, _ = facts.reference_price(offerings, open_weights=True)
    floor = facts.plausible_floor(offerings, ref, open_weights=True)
    verdicts = {o.id: facts.plausibility(o, ref, True, floor=floor)[0] for o in offerings}
    assert verdicts["wandb:m"] is verdicts["openrouter:m"] is verdicts["llmgateway:m"] is True
    assert verdicts["kilo:m"] is False  # under half the cheapest price anyone serving the weights sets
    # closed weights: only the maker's list lowers the floor, for every seller alike
    maker = _offering("maker:c", tier="maker", price=(1.0, 4.0))
    cloud = _offering("bedrock:c", tier="cloud", price=(0.2, 0.8))
    resold = _offering("r:c", tier="aggregator", price=(0.2, 0.8))
    ref2, _ = facts.reference_price([maker, cloud, resold])
    floor2 = facts.plausible_floor([maker, cloud, resold], ref2)
    assert facts.plausibility(cloud, ref2, floor=floor2)[0] is facts.plausibility(resold, ref2, floor=floor2)[0] is False


def test_speech_to_text_is_priced_per_minute_and_has_no_context_limit() -> None:
    audio = _offering("evroc:whisper", inputs=("audio",), price=(0.0023, 0.0023))
    assert facts.purpose_for("whisper-large-v3", ("audio",), ("text",))[0] == "speech_to_text"
    assert facts.price_unit("speech_to_text", ("audio",), audio) == "per_audio_minute"
    chat = _offering("amazon-bedrock:voxtral", inputs=("text", "audio"))
    assert facts.price_unit("speech_to_text", ("audio",), chat) == "per_1m_tokens"


def test_purpose_from_the_pattern_table_not_a_guard_substring() -> None:
    assert facts.purpose_for("llama-guard-4-12b", ("text",), ("text",))[0] == "moderation"
    assert facts.purpose_for("guardian-chat-7b", ("text",), ("text",))[0] == "general"
    assert facts.purpose_for("some-image-model", ("text",), ("image",))[0] == "image_generation"


def test_lifecycle_maker_retirement_and_snapshot_dates() -> None:
    # every maker offering deprecated: retired everywhere
    assert merge.lifecycle("x", [("x", "deprecated", date(2026, 10, 1))], AS_OF)[0] == "deprecated"
    # a dated snapshot's date does not retire the undated alias
    status, when, _ = merge.lifecycle(
        "x", [("x", None, None), ("x-2024-05-13", "deprecated", date(2026, 10, 1))], AS_OF
    )
    assert status == "active" and when is None
    # a future date on the maker's undated id is the model's retirement date
    status, when, _ = merge.lifecycle("x", [("x", None, date(2027, 1, 28)), ("x", None, None)], AS_OF)
    assert status == "active" and when == date(2027, 1, 28)
    # a curated maker retirement wins even without offerings
    assert merge.lifecycle("o1-preview", [], AS_OF)[0] == "deprecated"


def test_identity_check_fails_when_only_an_alias_has_the_makers_offering() -> None:
    def model(key: str, offering: str, rated: bool) -> Model:
        ratings = (
            {
                "overall": Rating(
                    category="overall",
                    score=1,
                    lower=0,
                    upper=2,
                    votes=1,
                    source="lmarena",
                    as_of=AS_OF,
                    source_name=key,
                )
            }
            if rated
            else {}
        )
        return Model(
            key=key,
            name=key,
            open_weights=False,
            open_weights_rule="t",
            context=1,
            max_output=1,
            input_modalities=("text",),
            output_modalities=("text",),
            tool_calling=False,
            reasoning=False,
            ratings=ratings,
            offerings=(offering,),
        )

    catalog = Catalog(
        built_at=AS_OF,
        sources=(),
        models={
            "foo-2": model("foo-2", "r:foo-2", True),
            "foo-2-preview": model("foo-2-preview", "maker:foo", False),
        },
        offerings={
            "r:foo-2": _offering("r:foo-2", model="foo-2"),
            "maker:foo": _offering("maker:foo", tier="maker", model="foo-2-preview"),
        },
    )
    problems = check_identity(catalog, RefreshReport(out_dir=Path(".")))
    assert problems == ["foo-2 is rated but only foo-2-preview has maker/cloud offerings"]


def test_self_hosting_defaults_to_the_release_precision() -> None:
    from whichmodel.knowledge.catalog.store import load_catalog
    from whichmodel.tools.decision.requirements import Requirements
    from whichmodel.tools.decision.selfhost import GPUS, estimate_self_host

    model = load_catalog().models["gpt-oss-120b"]
    assert model.params_total_b is not None

    def req(quantization: str | None) -> Requirements:
        deployment: dict[str, object] = {"self_host": True, "gpu": "H100-80GB"}
        if quantization:
            deployment["quantization"] = quantization
        return Requirements.model_validate(
            {
                "use_case": "t",
                "task_type": "chat",
                "volume": {"requests_per_month": 1000, "input_tokens": 500, "output_tokens": 100},
                "deployment": deployment,
            }
        )

    def size(requirements: Requirements, release: str | None) -> tuple[str, float]:
        assert model.params_total_b is not None
        est = estimate_self_host(
            model=model.key,
            params_total_b=model.params_total_b,
            params_active_b=model.params_active_b,
            req=requirements,
            gpu=GPUS["H100-80GB"],
            release_precision=release,
        )
        return est.quantization, est.weights_gb

    quant, weights = size(req(None), model.release_precision)
    assert quant == "mxfp4" and 55 < weights < 70  # not 234 GB at fp16
    quant, weights = size(req("fp16"), "mxfp4")
    assert quant == "fp16" and weights > 200  # the person's choice wins


def test_version_spellings_fold_into_the_dotted_form_only_when_it_exists() -> None:
    keys = {
        "gpt-5.5": KeyFacts(10, 1),
        "gpt-55": KeyFacts(1, 0),
        "claude-opus-4.8": KeyFacts(10, 1),
        "claude-opus4-8": KeyFacts(1, 0),
        "qwen3-32b": KeyFacts(5, 0),
        "gpt-40": KeyFacts(1, 0),  # "gpt-4.0" does not exist: stays apart (and never becomes gpt-4o)
        "gpt-4o": KeyFacts(9, 1),
    }
    folds: list[str] = []
    out, _ = fold_identities(keys, (), version_folds=folds)
    assert out["gpt-55"] == "gpt-5.5" and out["claude-opus4-8"] == "claude-opus-4.8"
    assert out["qwen3-32b"] == "qwen3-32b" and out["gpt-40"] == "gpt-40"
    assert sorted(folds) == ["claude-opus4-8 -> claude-opus-4.8", "gpt-55 -> gpt-5.5"]
    # sizes and dates are never version numbers
    assert dotted_forms(fold_form("qwen3-32b")) == [] and dotted_forms(fold_form("gpt-4-0613")) == []


def test_mistral_dated_ids_fold_by_the_release_table_not_by_date() -> None:
    assert base_key("mistral-small-2506") == "mistral-small-3.2-24b-instruct"
    assert base_key("mistral-small-latest") == "mistral-small-4-119b"
    assert base_key("mistralai/Mistral-Small-3.2-24B-Instruct-2506") == "mistral-small-3.2-24b-instruct"
    # a dated Mistral id missing from the table never folds into the moving undated name
    assert (
        group_keys({"magistral-small", "magistral-small-2506"})["magistral-small-2506"]
        == "magistral-small-2506"
    )
    assert group_keys({"gpt-4o", "gpt-4o-20240806"})["gpt-4o-20240806"] == "gpt-4o"


def test_a_cloud_serving_longer_extends_the_planning_retirement_date() -> None:
    maker_date, cloud_date = date(2026, 11, 30), date(2027, 4, 8)
    status, when, maker = merge.extend_by_clouds("active", maker_date, [cloud_date], AS_OF)
    assert (status, when, maker) == ("active", cloud_date, maker_date)
    # past the cloud's date too: retired everywhere
    assert (
        merge.extend_by_clouds("deprecated", date(2025, 1, 1), [date(2025, 6, 1)], AS_OF)[0] == "deprecated"
    )
    # no later cloud date: the maker's date stands
    assert merge.extend_by_clouds("active", maker_date, [date(2026, 1, 1)], AS_OF) == (
        "active",
        maker_date,
        None,
    )


def test_a_host_listing_a_closed_model_resells_it() -> None:
    closed = offering_tier("togetherai", "Qwen/Qwen3.7-Max", "alibaba", free=False, open_weights=False)
    assert closed == (closed.tier, RESELLS_CLOSED) and closed.tier == "aggregator"
    assert offering_tier("togetherai", "Qwen/Qwen3-32B", "alibaba", False, open_weights=True).tier == "host"
    assert offering_tier("amazon-bedrock", "x", "anthropic", False, open_weights=False).tier == "cloud"
    assert offering_tier("alibaba", "qwen3.7-max", "alibaba", False, open_weights=False).tier == "maker"
    assert offering_tier("togetherai", "x", "alibaba", False, open_weights=False, partner=True).tier == "host"


def test_speech_units_follow_how_the_listing_bills() -> None:
    token_priced = _offering("vercel:openai/gpt-4o-transcribe", inputs=("audio",), price=(2.5, 10.0))
    assert facts.price_unit("speech_to_text", ("audio",), token_priced) == "per_1m_tokens"
    one_rate = _offering("scaleway:whisper-large-v3", inputs=("audio",), price=(0.003, 0.0))
    assert facts.price_unit("speech_to_text", ("audio",), one_rate) == "per_audio_minute"
    chat = _offering("nearai:google/gemini-2.5-flash", inputs=("text", "audio"), price=(0.3, 2.5))
    assert facts.price_unit("general", ("text", "audio"), chat) == "per_1m_tokens"


def test_litellm_per_second_transcription_becomes_per_minute() -> None:
    data = parse_litellm(
        {
            "whisper-1": {
                "litellm_provider": "openai",
                "mode": "audio_transcription",
                "input_cost_per_second": 0.0001,
            },
            "omni-moderation-latest": {
                "litellm_provider": "openai",
                "mode": "moderation",
                "input_cost_per_token": 0.0,
                "output_cost_per_token": 0.0,
            },
            "tts-1": {
                "litellm_provider": "openai",
                "mode": "audio_speech",
                "input_cost_per_character": 1.5e-05,
            },
        }
    )
    by_key = {e.key: e for e in data.entries}
    assert set(by_key) == {"whisper-1", "omni-moderation-latest"}
    assert by_key["whisper-1"].unit == "per_audio_minute" and by_key["whisper-1"].tiers[0].input == 0.006


def test_every_price_in_the_snapshot_is_dated_as_its_source() -> None:
    """s06 review: a curated price was dated 2026-12-05 (the day it was typed in) while its source, the
    curated tables, is dated 2026-08-18: every price carries its source's date."""
    from whichmodel.knowledge.catalog.store import load_catalog

    catalog = load_catalog()
    dated = {s.id: s.as_of for s in catalog.sources}
    wrong = [o.id for o in catalog.offerings.values() if o.pricing and o.pricing.as_of != dated.get(o.pricing.source)]
    assert wrong == []

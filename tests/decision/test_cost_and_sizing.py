"""Cost and self-hosting math against values computed by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import math

import pytest

from whichmodel.knowledge.catalog.schema import Offering, PriceTier
from whichmodel.tools.decision.cost import estimate_cost
from whichmodel.tools.decision.requirements import Requirements, Volume
from whichmodel.tools.decision.result import CostEstimate
from whichmodel.tools.decision.selfhost import GPUS, estimate_self_host, resolve_gpu

from .conftest import model, offering


def _cost(o: Offering, req: Requirements) -> CostEstimate | None:
    """`estimate_cost` of `o` serving its own (test) model."""
    return estimate_cost(o, model(o.model, [o]), req)


def vreq(**volume: float) -> Requirements:
    """Requirements for a chat task at this volume (cost reads the volume and the task)."""
    return Requirements(use_case="t", task_type="chat", volume=Volume(**volume))


def test_cost_per_request_per_thousand_and_month() -> None:
    # $1/M in, $2/M out; 1000 in + 500 out = (1000*1 + 500*2)/1e6 = $0.002 per request.
    est = _cost(
        offering("p:m", "m", inp=1, out=2),
        vreq(requests_per_month=10_000, input_tokens=1000, output_tokens=500),
    )
    assert est is not None
    assert est.per_request == pytest.approx(0.002)
    assert est.per_1k_requests == pytest.approx(2.0)
    assert est.monthly == pytest.approx(20.0)
    assert est.price_source == "models.dev" and est.price_as_of == "2026-08-18"


def test_cached_input_uses_cache_read_price() -> None:
    # Half the 1000 input tokens cached at $0.1/M: (500*1 + 500*0.1 + 500*2)/1e6 = $0.00155.
    est = _cost(
        offering("p:m", "m", inp=1, out=2, cache_read=0.1),
        vreq(requests_per_month=1000, input_tokens=1000, output_tokens=500, cached_input_fraction=0.5),
    )
    assert est is not None and est.per_request == pytest.approx(0.00155)


def test_cached_input_without_cache_price_is_billed_as_input_and_said_so() -> None:
    est = _cost(
        offering("p:m", "m", inp=1, out=2),
        vreq(requests_per_month=1000, input_tokens=1000, output_tokens=500, cached_input_fraction=0.5),
    )
    assert est is not None and est.per_request == pytest.approx(0.002)
    assert [a.code for a in est.assumption_codes] == ["volume", "cache_no_price"]


def test_long_context_tier_applies_above_threshold() -> None:
    tiers = (PriceTier(input=1, output=2), PriceTier(min_context=200_000, input=2, output=4))
    long = _cost(offering("p:m", "m", tiers=tiers), vreq(input_tokens=250_000, output_tokens=1000))
    short = _cost(offering("p:m", "m", tiers=tiers), vreq(input_tokens=100_000, output_tokens=1000))
    assert long is not None and short is not None
    assert long.per_request == pytest.approx((250_000 * 2 + 1000 * 4) / 1e6)
    assert short.per_request == pytest.approx((100_000 * 1 + 1000 * 2) / 1e6)
    assert long.tier_min_context == 200_000


def test_missing_price_is_none_not_zero() -> None:
    assert _cost(offering("p:m", "m", inp=None, out=None), vreq()) is None


def _req(**kw: object) -> Requirements:
    base: dict[str, object] = {
        "use_case": "t",
        "task_type": "chat",
        "context_tokens": 8192,
        "volume": {"requests_per_month": 100_000, "input_tokens": 1000, "output_tokens": 200},
        "deployment": {"self_host": True, "gpu": "H100-80GB"},
    }
    base.update(kw)
    return Requirements.model_validate(base)


def test_self_host_8b_on_h100_by_hand() -> None:
    est = estimate_self_host(
        model="M",
        params_total_b=8,
        params_active_b=8,
        req=_req(),
        gpu=GPUS["H100-80GB"],
        cheapest_api_per_request=0.002,
        cheapest_api_offering="p:m",
    )
    weights = 8 * 2.0  # 16 GB at fp16
    kv_seq = 45_000 * math.sqrt(8) * 8192 / 1e9  # 1.0427 GB for one 8k sequence
    overhead = 0.1 * (weights + kv_seq) + 1.0  # one concurrent sequence at this volume
    assert est.weights_gb == pytest.approx(weights, abs=0.01)
    assert est.kv_cache_gb == pytest.approx(kv_seq, abs=0.01)
    assert est.total_memory_gb == pytest.approx(weights + kv_seq + overhead, abs=0.02)
    assert est.gpus_needed == 1
    assert est.decode_tokens_per_s_bound == pytest.approx(3350 / (weights + kv_seq), rel=1e-3)
    # Batched capacity: batch = floor((72 - 16 - overhead) / kv_seq) = 51 sequences per step.
    batch = int((80 * 0.9 - weights - overhead) // kv_seq)
    step = (weights + batch * kv_seq) / 3350
    prefill = 2 * 8e9 * 1000 / (989e12 * 0.4)
    per_request = 200 / (batch / step) + prefill
    assert est.capacity_requests_per_month == pytest.approx(730 * 3600 * 0.6 / per_request, rel=1e-3)
    # One replica carries the volume; at 100,000 requests a month or more one more is planned for
    # failover (selfhost.FAILOVER_VOLUME), and said.
    assert est.replicas == 2
    assert est.monthly_cost == pytest.approx(2 * 3.0 * 730)
    assert any(r.code == "sh_failover" and r.params["needed"] == 1 for r in est.assumption_codes)
    # Break-even against an API at $0.002/request: two replicas (that volume has failover) at 2 x 2190
    # / 0.002 = 2,190,000 requests a month.
    assert est.break_even_requests_per_month == pytest.approx(2_190_000)


def test_self_host_never_breaks_even_against_a_very_cheap_api() -> None:
    est = estimate_self_host(
        model="M",
        params_total_b=8,
        params_active_b=8,
        req=_req(),
        gpu=GPUS["H100-80GB"],
        cheapest_api_per_request=7e-5,
        cheapest_api_offering="p:m",
    )
    assert est.break_even_requests_per_month is None


def test_large_model_needs_several_gpus_and_quantization_shrinks_it() -> None:
    fp16 = estimate_self_host(
        model="M", params_total_b=70, params_active_b=70, req=_req(), gpu=GPUS["H100-80GB"]
    )
    # 140 GB of weights alone exceed one 72 GB usable card: 2 cards, rounded to a power of two -> 4 with cache.
    assert fp16.weights_gb == pytest.approx(140)
    assert fp16.gpus_needed in (2, 4) and fp16.gpus_needed * 72 >= fp16.total_memory_gb
    int4 = estimate_self_host(
        model="M",
        params_total_b=70,
        params_active_b=70,
        req=_req(deployment={"self_host": True, "quantization": "int4"}),
        gpu=GPUS["H100-80GB"],
    )
    assert int4.weights_gb == pytest.approx(35)
    assert int4.gpus_needed < fp16.gpus_needed


def test_moe_decodes_at_active_parameter_speed() -> None:
    dense = estimate_self_host(
        model="D", params_total_b=100, params_active_b=100, req=_req(), gpu=GPUS["H200"]
    )
    moe = estimate_self_host(model="E", params_total_b=100, params_active_b=10, req=_req(), gpu=GPUS["H200"])
    assert moe.weights_gb == dense.weights_gb
    assert moe.decode_tokens_per_s_bound > 5 * dense.decode_tokens_per_s_bound


def test_volume_beyond_one_deployment_scales_it_up_or_out() -> None:
    small = estimate_self_host(model="M", params_total_b=8, params_active_b=8, req=_req(), gpu=GPUS["L4"])
    huge = _req(
        volume={
            "requests_per_month": small.capacity_requests_per_month * 2.5,
            "input_tokens": 1000,
            "output_tokens": 200,
        }
    )
    big = estimate_self_host(model="M", params_total_b=8, params_active_b=8, req=huge, gpu=GPUS["L4"])
    # More traffic means more concurrent sequences (more KV cache, so more GPUs) and/or more replicas;
    # either way the deployment must carry the volume and cost more.
    assert big.replicas * big.capacity_requests_per_month >= small.capacity_requests_per_month * 2.5
    assert big.replicas * big.gpus_needed > small.replicas * small.gpus_needed
    assert big.monthly_cost == pytest.approx(big.replicas * big.gpus_needed * 0.80 * 730)


def test_gpu_lookup_is_forgiving_and_errors_list_known_types() -> None:
    assert resolve_gpu("h100_80gb").name == "H100-80GB"
    assert resolve_gpu(None).name == "H100-80GB"
    with pytest.raises(ValueError, match="known: L4"):
        resolve_gpu("TPUv9")


def test_self_hosted_thinking_tokens_take_gpu_time() -> None:
    # A model that thinks on the task decodes its thinking with the answer: 200 output + 1,800
    # thinking = 10x the decoded tokens; with the prefill unchanged, about 7x less capacity.
    kw = {"model": "M", "params_total_b": 8, "params_active_b": 8, "req": _req(), "gpu": GPUS["H100-80GB"]}
    plain = estimate_self_host(**kw)  # type: ignore[arg-type]
    thinking = estimate_self_host(**kw, thinking_tokens=1800)  # type: ignore[arg-type]
    assert thinking.capacity_requests_per_month < plain.capacity_requests_per_month / 6
    assert any(c.code == "sh_thinking" and c.params["tokens"] == 1800 for c in thinking.assumption_codes)
    assert not any(c.code == "sh_thinking" for c in plain.assumption_codes)


def test_one_stream_decodes_at_most_300_tokens_per_second_whatever_the_summed_bandwidth() -> None:
    # Kimi K2.6-like: 1,000B total, 32B active, FP8 on H100s. 1 TB of weights needs 16 GPUs; summing
    # their bandwidth (16 x 3,350 GB/s / ~33 GB per step) gives a paper bound of ~1,600 tokens/s per
    # stream, which no GPU deployment reaches: the estimate caps one stream at 300 and says so.
    est = estimate_self_host(
        model="K", params_total_b=1000, params_active_b=32, req=_req(), gpu=GPUS["H100-80GB"],
        release_precision="fp8",
    )  # fmt: skip
    assert est.gpus_needed == 16
    assert est.decode_tokens_per_s_bound == 300
    assert any("at most 300 tokens/s per stream" in a for a in est.assumptions)
    # A single GPU serving an 8B model stays under the cap: the bandwidth bound is shown unchanged.
    small = estimate_self_host(model="S", params_total_b=8, params_active_b=8, req=_req(), gpu=GPUS["L4"])
    assert small.decode_tokens_per_s_bound < 300


def test_gpt_oss_always_reasons_and_each_thinking_line_names_its_model() -> None:
    from whichmodel.tools.decision.explain import say
    from whichmodel.tools.decision.thinking import always_thinks, can_cap, thinking_mode

    # gpt-oss has reasoning effort low/medium/high and no off switch (OpenAI's model card).
    for key in ("gpt-oss-120b", "gpt-oss-20b", "gpt-oss"):
        assert thinking_mode(key, True) == "always"
        assert "cannot be turned off" in (always_thinks(key) or "")
    assert "policy" in (always_thinks("gpt-oss-safeguard-20b") or "")  # its own, earlier reason
    # Always reasoning: never capped by a latency target (an effort level is not a token budget).
    assert not can_cap(thinking_mode("gpt-oss-120b", True)) and not can_cap(thinking_mode("o4-mini", True))
    assert can_cap(thinking_mode("kimi-k2.6", True))
    assert thinking_mode("glm-z1-air", False) == "always"
    assert thinking_mode("kimi-k2.6", True) == "hybrid"  # thinking can be turned off
    # A hybrid model on a chat task: thinking off assumed, and the cost line says whose it is.
    o = offering("m:hy", "hy", reasoning=True)
    cost = _cost(o, vreq(requests_per_month=1000, input_tokens=100, output_tokens=100))
    assert cost is not None
    off = next(a for a in cost.assumption_codes if a.code == "thinking_off")
    assert say("en", off).startswith("HY: thinking off assumed")
    assert say("zh", off).startswith("HY：假设关闭思考")


def _cached_offering(write: float | None) -> Offering:
    """$1/M in, $2/M out, cache reads at $0.1/M and writes at `write`/M (Anthropic-style 1.25x: 1.25)."""
    return offering("p:m", "m", tiers=(PriceTier(input=1, output=2, cache_read=0.1, cache_write=write),))


def test_applied_caching_bills_the_cache_write_price_where_the_provider_lists_one() -> None:
    # 80% of 10,000 input tokens cached: 8,000 x $0.1 + 2,000 x $1.25 (written: the upper bound) + 100 x $2
    # = $0.0035 per request; without a write price (or a $0 one) the 2,000 are input: $0.003.
    v = {"requests_per_month": 1000, "input_tokens": 10_000, "output_tokens": 100, "cached_input_fraction": 0.8}
    written = _cost(_cached_offering(1.25), vreq(**v))
    assert written is not None and written.per_request == pytest.approx(0.0035)
    assert written.cache_write_price_per_m == 1.25
    note = next(a for a in written.assumption_codes if a.code == "cache_write")
    assert note.params == {"price": 1.25, "input_price": 1.0, "model": "M"}  # named: several models' lines sit together
    for write in (None, 0.0):
        plain = _cost(_cached_offering(write), vreq(**v))
        assert plain is not None and plain.per_request == pytest.approx(0.003)
        assert not any(a.code == "cache_write" for a in plain.assumption_codes)


def test_a_long_prompt_keeps_the_headline_without_caching_and_states_the_cached_cost_next_to_it() -> None:
    from whichmodel.tools.decision.explain import say

    # 10,000-token prompts, no caching stated: the headline is 10,000 x $1 + 100 x $2 = $0.0102 per
    # request, $10.20/month. With CACHE_HIT_SHARE (75%) read from the cache: 7,500 x $0.1 + 2,500 x
    # $1.25 + 100 x $2 = $0.004075 per request, $4.07/month (4.0749... in floating point) (the write charge included); without a
    # write price 2,500 x $1: $3.45/month.
    v = {"requests_per_month": 1000, "input_tokens": 10_000, "output_tokens": 100}
    est = _cost(_cached_offering(1.25), vreq(**v))
    assert est is not None and est.monthly == pytest.approx(10.2)
    note = next(a for a in est.assumption_codes if a.code == "cache_possible")
    assert note.params["hit"] == 0.75 and note.params["cached_monthly"] == pytest.approx(4.075)
    assert (note.params["read"], note.params["write"], note.params["input_price"]) == (0.1, 1.25, 1.0)
    en = say("en", note)
    assert en.startswith("M: prompts of 10,000 tokens are long: this cost assumes no prompt caching; if 75% of the input, an assumed share,")
    assert "it would be about $4.07/month, with the rest of the input billed at the $1.25/M cache-write price" in en
    zh = say("zh", note)
    assert "该费用未计入提示缓存" in zh and "每月约为 $4.07" in zh and "每百万 token $1.25 的缓存写入价" in zh
    free = _cost(_cached_offering(None), vreq(**v))
    assert free is not None
    plain = next(a for a in free.assumption_codes if a.code == "cache_possible")
    assert plain.params["cached_monthly"] == pytest.approx(3.45) and plain.params["write"] is None
    assert "the provider lists no cache-write charge" in say("en", plain)
    # Prompts that are each a different document (summarisation) share no prefix: no cached figure.
    doc = estimate_cost(_cached_offering(1.25), model("m", [_cached_offering(1.25)]),
                        Requirements(use_case="t", task_type="summarization", volume=Volume(**v)))  # fmt: skip
    assert doc is not None
    assert "cached_monthly" not in next(a for a in doc.assumption_codes if a.code == "cache_possible").params

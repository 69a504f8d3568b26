"""Self-hosting an open-weights model: GPU memory, GPU count, a bandwidth bound on decoding, cost.

The model is deliberately simple and every step is stated in the estimate's assumptions:

* weights = total parameters x bytes per parameter of the quantization;
* KV cache = per-token KV size x needed context x concurrent sequences. The per-token size needs the
  model's architecture (layers, KV heads, head size), which the catalog does not carry; it is
  approximated as ``KV_KB_PER_SQRT_B * sqrt(total params in B)`` kB at 16-bit, which matches common
  grouped-query-attention models within ~20% (Llama-3-8B: 128 kB, Llama-3-70B: 320 kB, Qwen3-32B: 256 kB);
* overhead = 10% of weights and cache + 1 GB for the runtime;
* GPUs = memory / (usable share of one GPU), rounded up to a power of two (tensor parallelism);
* decoding is memory-bound: each step reads the active weights once plus each sequence's KV cache, so
  one stream decodes at most ``bandwidth / active weight bytes`` tokens/s, and a batch of B streams at
  most ``B / step time``; one stream is also capped at ``MAX_STREAM_TPS`` (300 tokens/s): summing the
  bandwidth of 8-16 tensor-parallel GPUs gives a paper bound of thousands of tokens/s, but each step
  also pays kernel launches and an all-reduce between GPUs (over the network beyond one 8-GPU node),
  and the fastest published GPU serving speeds per stream (without speculative decoding) stay within
  a few hundred tokens/s (the same upper bound `latency.DECODE_RANGE` gives API speeds);
* cards without a fast link between them (PCIe only: consumer RTX, L4, A10G, L40S) split the layers
  between them: one stream passes through the cards one after another, so it decodes at one card's
  bandwidth over the active weights, whatever the card count (`stream_gpus`); a batch still uses
  them all. Such cards are only planned in one machine (`machine_limit`), and data-centre cards with
  NVLink/Infinity Fabric beyond one 8-GPU node only because they are sold in linked clusters;
* prefill is compute-bound: ``2 x active params x prompt tokens`` FLOPs at 40% of peak;
* capacity = tokens/s the deployment sustains x utilization x seconds per month, each request
  decoding its output plus, for a model that thinks on the task, its thinking tokens;
* replicas = what the volume needs, plus one for failover when the volume is a service many people
  rely on (`FAILOVER_VOLUME` requests a month or more): a GPU failure or an update would stop a
  single replica (N+1 redundancy);
* cost = replicas x GPUs x hourly price x 730 h (always on); on hardware bought for the premises
  (`deployment.hardware: owned`) the cards and machines written off over 36 months plus power
  (`owned_monthly`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from whichmodel.tools.decision.filters import user_region
from whichmodel.tools.decision.gpus import (
    DEFAULT_GPU,
    EXPORT_CONTROLLED_CN,
    FAST_LINK_SOURCE,
    GPU_TABLE_SOURCE,
    GPUS,
    OWNED_MONTHS,
    POWER_USD_PER_KWH,
    SERVERS,
    Gpu,
    Workstation,
    resolve_gpu,
    workstation_for,
)
from whichmodel.tools.decision.latency import DECODE_RANGE
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Param, Reason, SelfHostEstimate

__all__ = ["DEFAULT_GPU", "GPUS", "Gpu", "estimate_self_host", "impractical_build", "over_gpu_limit", "resolve_gpu"]

HOURS_PER_MONTH = 730.0
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600
# mxfp4: 4-bit values plus one 8-bit scale per 32 (4.25 bits), with a few BF16 layers: ~0.53 bytes.
BYTES_PER_PARAM: Mapping[str, float] = {
    "fp16": 2.0,
    "bf16": 2.0,
    "fp8": 1.0,
    "int8": 1.0,
    "mxfp4": 0.53,
    "int4": 0.5,
}
SIXTEEN_BIT = frozenset({"fp16", "bf16"})
"""Weights released at 16 bits: sized as released, with what FP8 weights would need beside it
(`sh_fp8_option`: many makers publish an FP8 checkpoint, e.g. Qwen3, Llama 4 Maverick, GLM-4.5;
otherwise a standard FP8 quantisation, near-lossless on most models but checked on the examples)."""
KV_KB_PER_SQRT_B = 45.0
USABLE_MEMORY = 0.9
PREFILL_EFFICIENCY = 0.4
MAX_BATCH = 64
PEAK_TO_AVERAGE = 3.0
FAILOVER_VOLUME = 100_000
"""From this many requests a month a self-hosted service is planned with one replica more than the
volume needs (N+1): at that scale a GPU failure or an update must not stop it. Below it one replica
is planned and the next steps say it has no failover (`step_redundancy`)."""
MAX_STREAM_TPS = DECODE_RANGE[1]
"""The fastest one stream decodes on GPUs, whatever the summed bandwidth: 300 tokens/s, the top of
the published GPU serving speeds (`latency.DECODE_RANGE`: small models on the fastest GPU hosts,
no speculative decoding). Per-step kernel launches and tensor-parallel all-reduce bound it."""


def self_host_gpu(req: Requirements, gpus: Mapping[str, Gpu] = GPUS) -> Gpu:
    """The GPU a self-hosting plan is sized on: the stated one, else the card of the workstation the
    person can buy (`gpus.workstation_for`) on owned hardware, else the default rented GPU."""
    if req.deployment.gpu is None and req.deployment.hardware == "owned":
        return gpus[workstation_for(user_region(req)[0]).gpu]
    return resolve_gpu(req.deployment.gpu, gpus)


def owned_machine(req: Requirements) -> Workstation:
    """The machine bought for the premises: a server around the stated data-centre card (`SERVERS`),
    else the workstation the person can buy where they are (`gpus.workstation_for`)."""
    stated = req.deployment.gpu
    if stated is not None:
        try:
            server = SERVERS.get(resolve_gpu(stated).name)
        except ValueError:
            server = None
        if server is not None:
            return server
    return workstation_for(user_region(req)[0])


def owned_monthly(req: Requirements, cards: int) -> tuple[float, int, Reason]:
    """(monthly cost, machines, its code) of `cards` cards bought for the premises (`owned_machine`):
    cards and machines written off over `OWNED_MONTHS`, plus power at `POWER_USD_PER_KWH`."""
    region = user_region(req)[0]
    box = owned_machine(req)
    machines = math.ceil(cards / box.max_cards)
    watts = machines * box.watts + cards * box.card_watts
    power = watts / 1000 * HOURS_PER_MONTH * POWER_USD_PER_KWH / machines  # per machine, as said
    monthly = (cards * box.card_usd + machines * box.base_usd) / OWNED_MONTHS + machines * power
    return monthly, machines, Reason(code="sh_owned", params={
        "gpu": box.gpu, "cards": cards, "machines": machines, "card": box.card_usd, "base": box.base_usd,
        "months": OWNED_MONTHS, "power": power, "cn": region == "cn", "server": box.gpu in SERVERS,
        "source": box.source})  # fmt: skip


def machine_limit(req: Requirements, gpu: Gpu) -> int | None:
    """Most cards one copy of the model may span, or None when it may span nodes: on hardware bought
    for the premises the workstation's cards (`Workstation.max_cards`: a tower holds 2); rented, the
    cards one server holds (`Gpu.per_node`, 8) for PCIe cards, no limit for cards with a fast link
    (NVLink/Infinity Fabric inside a node, sold in InfiniBand clusters)."""
    if req.deployment.hardware == "owned":
        return owned_machine(req).max_cards
    return None if gpu.fast_link else gpu.per_node


def impractical_build(req: Requirements, estimate: SelfHostEstimate, gpu: Gpu) -> bool:
    """One copy of the model needs more cards than one machine holds and the cards have no fast
    link between machines (`machine_limit`): not a practical build, so it is not sized as one."""
    limit = machine_limit(req, gpu)
    return limit is not None and estimate.gpus_needed > limit


def over_gpu_limit(req: Requirements, estimate: SelfHostEstimate) -> bool:
    """The plan needs more cards (copies x cards per copy) than the person has or will run
    (`deployment.max_gpus`)."""
    limit = req.deployment.max_gpus
    return limit is not None and estimate.gpus_needed * estimate.replicas > limit


def stream_gpus(gpu: Gpu, cards: int) -> int:
    """Cards whose bandwidth and compute one stream adds up: all of them with a fast link (tensor
    parallel), one without (PCIe: the layers split between the cards, which a token passes in turn)."""
    return cards if gpu.fast_link else 1


def stream_bound(bandwidth_gb_s: float, bytes_per_step_gb: float) -> float:
    """Tokens/s one stream decodes: the memory-bandwidth bound, capped at `MAX_STREAM_TPS`."""
    return min(bandwidth_gb_s / bytes_per_step_gb, MAX_STREAM_TPS)


def kv_bytes_per_token(params_total_b: float) -> float:
    """Approximate KV-cache bytes per token at 16-bit for a grouped-query-attention model."""
    return KV_KB_PER_SQRT_B * 1000 * math.sqrt(params_total_b)


def _power_of_two_at_least(n: float) -> int:
    count = 1
    while count < n:
        count *= 2
    return count


def estimate_self_host(
    *,
    model: str,
    params_total_b: float,
    params_active_b: float | None,
    req: Requirements,
    gpu: Gpu,
    cheapest_api_per_request: float | None = None,
    cheapest_api_offering: str | None = None,
    cheapest_api_provider: str | None = None,
    release_precision: str | None = None,
    thinking_tokens: float = 0.0,
) -> SelfHostEstimate:
    """Size and price a self-hosted deployment of one model for the stated requirements.

    The precision is the one the person stated, else the one the maker released the weights in
    (``Model.release_precision``: gpt-oss ships in MXFP4, DeepSeek V3 in FP8), else FP16.
    """
    active_b = params_active_b or params_total_b
    decoded = req.volume.output_tokens + thinking_tokens  # a thinking model decodes both
    quant = req.deployment.quantization or release_precision or "fp16"
    bytes_per_param = BYTES_PER_PARAM[quant]
    utilization = req.deployment.utilization
    volume = req.volume
    context = req.needed_context

    weights_gb = params_total_b * bytes_per_param
    kv_token_bytes = kv_bytes_per_token(params_total_b)
    kv_seq_gb = kv_token_bytes * context / 1e9

    # Demand: average requests per second at peak, and how long a request occupies the GPU.
    peak_rps = volume.requests_per_month / SECONDS_PER_MONTH * PEAK_TO_AVERAGE

    # Memory for one copy of the weights with a first guess at concurrency, then GPU count.
    single_stream_bound = 0.0
    concurrency = 1
    gpus_needed = 1
    for _ in range(3):  # concurrency depends on speed, speed on GPU count: settle in a few rounds
        stream_bw = gpu.bandwidth_gb_s * stream_gpus(gpu, gpus_needed)
        single_stream_bound = stream_bound(stream_bw, active_b * bytes_per_param + kv_seq_gb)
        request_seconds = decoded / single_stream_bound + _prefill_seconds(
            active_b, volume.input_tokens, gpu, stream_gpus(gpu, gpus_needed)
        )
        concurrency = max(1, min(MAX_BATCH, math.ceil(peak_rps * request_seconds)))
        kv_gb = kv_seq_gb * concurrency
        overhead_gb = 0.1 * (weights_gb + kv_gb) + 1.0
        gpus_needed = _power_of_two_at_least(
            (weights_gb + kv_gb + overhead_gb) / (gpu.memory_gb * USABLE_MEMORY)
        )
    kv_gb = kv_seq_gb * concurrency
    overhead_gb = 0.1 * (weights_gb + kv_gb) + 1.0
    total_gb = weights_gb + kv_gb + overhead_gb

    # Throughput of one replica with the largest batch its free memory holds.
    free_gb = gpus_needed * gpu.memory_gb * USABLE_MEMORY - weights_gb - overhead_gb
    batch = max(1, min(MAX_BATCH, int(free_gb // kv_seq_gb) if kv_seq_gb > 0 else MAX_BATCH))
    total_bw = gpu.bandwidth_gb_s * gpus_needed
    step_seconds = 1 / stream_bound(total_bw, active_b * bytes_per_param + batch * kv_seq_gb)
    decode_tps = batch / step_seconds
    prefill_s = _prefill_seconds(active_b, volume.input_tokens, gpu, gpus_needed)
    seconds_per_request_batched = decoded / decode_tps + prefill_s
    capacity = SECONDS_PER_MONTH * utilization / seconds_per_request_batched
    needed = max(1, math.ceil(volume.requests_per_month / capacity))
    failover = volume.requests_per_month >= FAILOVER_VOLUME
    replicas = needed + int(failover)
    replica_cost = gpus_needed * gpu.hourly_usd * HOURS_PER_MONTH
    monthly = replicas * replica_cost
    owned = req.deployment.hardware == "owned"
    if owned:
        monthly, _, price_code = owned_monthly(req, replicas * gpus_needed)
        replica_cost = monthly / replicas
    else:
        price_code = Reason(code="sh_gpu_price", params={"hourly": gpu.hourly_usd, "source": GPU_TABLE_SOURCE})

    break_even: float | None = None
    # One replica costs a fixed amount; the API grows with volume. Beyond one replica both grow
    # roughly linearly, so self-hosting only ever wins if its cost per request at capacity is lower.
    if cheapest_api_per_request and replica_cost / capacity < cheapest_api_per_request:
        break_even = replica_cost / cheapest_api_per_request
        if break_even >= FAILOVER_VOLUME:
            break_even *= 2  # at that volume the service has a failover replica to pay for too

    codes = [
        Reason(code="sh_weights", params={"quant": quant, "bytes": bytes_per_param, "total": params_total_b,
                                          "active": active_b if active_b != params_total_b else None}),
        Reason(code="sh_kv", params={"kb": round(kv_token_bytes / 1000), "concurrency": concurrency,
                                     "context": context}),
        Reason(code="sh_overhead"),
        Reason(code="sh_decode", params={"bandwidth": gpu.bandwidth_gb_s, "efficiency": PREFILL_EFFICIENCY,
                                         "max_stream": MAX_STREAM_TPS,
                                         "tflops": gpu.tflops_bf16}),
        Reason(code="sh_traffic", params={"peak": PEAK_TO_AVERAGE, "utilization": utilization}),
        price_code,
    ]  # fmt: skip
    if failover:
        codes.append(Reason(code="sh_failover", params={"needed": needed, "replicas": replicas,
                                                        "volume": FAILOVER_VOLUME}))  # fmt: skip
    if gpu.name in EXPORT_CONTROLLED_CN and user_region(req)[0] == "cn":
        codes.append(Reason(code="sh_export_control", params={"gpu": gpu.name}))
    if gpus_needed > 1 and not gpu.fast_link:
        codes.append(Reason(code="sh_pcie", params={"gpu": gpu.name, "cards": gpus_needed, "source": FAST_LINK_SOURCE}))
    if thinking_tokens:
        codes.append(Reason(code="sh_thinking", params={"tokens": thinking_tokens}))
    if quant in SIXTEEN_BIT and req.deployment.quantization is None:
        codes += _fp8_option(model, params_total_b, params_active_b, req, gpu, thinking_tokens, monthly)
    assumptions = [
        f"{quant} weights ({bytes_per_param:g} bytes/parameter), {params_total_b:g}B total"
        + (f", {active_b:g}B active per token" if active_b != params_total_b else ""),
        f"KV cache approximated at {kv_token_bytes / 1000:.0f} kB/token (GQA heuristic; exact needs the model config) "
        f"for {concurrency} concurrent sequence(s) of {context:,} tokens",
        "overhead: 10% of weights and cache + 1 GB runtime; 90% of GPU memory usable; GPU count rounded to a power of two",
        f"decode bound from memory bandwidth ({gpu.bandwidth_gb_s:g} GB/s per GPU), at most "
        f"{MAX_STREAM_TPS:g} tokens/s per stream; prefill at "
        f"{PREFILL_EFFICIENCY:.0%} of {gpu.tflops_bf16:g} TFLOPS",
        f"peak traffic {PEAK_TO_AVERAGE:g}x the monthly average; {utilization:.0%} utilization; always on (730 h/month)",
        f"GPU price ${gpu.hourly_usd:.2f}/hour ({GPU_TABLE_SOURCE})" if not owned else
        f"{replicas * gpus_needed} {gpu.name} card(s) bought, written off over {OWNED_MONTHS} months, plus power ({owned_machine(req).source})",
    ] + ([f"{gpu.name} cards have no fast link (PCIe only): one stream decodes at one card's bandwidth"]
         if gpus_needed > 1 and not gpu.fast_link else []) + ([f"{thinking_tokens:,.0f} thinking tokens per request decoded with the answer"] if thinking_tokens else []) + (
        [f"{replicas} replicas: {needed} for the volume plus one for failover"] if failover else [])
    return SelfHostEstimate(
        model=model,
        gpu=gpu.name,
        quantization=quant,
        params_total_b=params_total_b,
        params_active_b=active_b,
        weights_gb=round(weights_gb, 2),
        kv_cache_gb=round(kv_gb, 2),
        overhead_gb=round(overhead_gb, 2),
        total_memory_gb=round(total_gb, 2),
        gpus_needed=gpus_needed,
        decode_tokens_per_s_bound=round(single_stream_bound, 1),
        capacity_requests_per_month=round(capacity, 0),
        replicas=replicas,
        monthly_cost=round(monthly, 2),
        gpu_hourly_usd=gpu.hourly_usd,
        utilization=utilization,
        break_even_requests_per_month=None if break_even is None else round(break_even, 0),
        cheapest_api_offering=cheapest_api_offering,
        cheapest_api_provider=cheapest_api_provider,
        cheapest_api_monthly_usd=None
        if cheapest_api_per_request is None
        else round(cheapest_api_per_request * req.volume.requests_per_month, 2),
        assumptions=assumptions,
        assumption_codes=codes,
    )


def _fp8_option(
    model: str, total_b: float, active_b: float | None, req: Requirements, gpu: Gpu, thinking: float, monthly: float
) -> list[Reason]:
    """`sh_fp8_option` with the same deployment sized at FP8 weights, when that costs less."""
    fp8_req = req.model_copy(update={"deployment": req.deployment.model_copy(update={"quantization": "fp8"})})
    fp8 = estimate_self_host(model=model, params_total_b=total_b, params_active_b=active_b, req=fp8_req, gpu=gpu,
                             thinking_tokens=thinking)  # fmt: skip
    if fp8.monthly_cost >= monthly:
        return []
    params: dict[str, Param] = {"gpus": fp8.gpus_needed, "replicas": fp8.replicas, "monthly": fp8.monthly_cost,
                                "gpu": gpu.name}  # fmt: skip
    return [Reason(code="sh_fp8_option", params=params)]


def self_host_speed(estimate: SelfHostEstimate, gpu: Gpu) -> tuple[float, float, str]:
    """(decode, prefill tokens/s, basis) of one request on the sized deployment: the decode bound
    from its memory bandwidth (what its sizing table shows), prefill from its compute."""
    cards = stream_gpus(gpu, estimate.gpus_needed)
    prefill = gpu.tflops_bf16 * 1e12 * cards * PREFILL_EFFICIENCY / (2 * estimate.params_active_b * 1e9)
    return estimate.decode_tokens_per_s_bound, round(prefill, -1), f"self_host:{gpu.name}x{estimate.gpus_needed}"


def _prefill_seconds(active_b: float, prompt_tokens: float, gpu: Gpu, gpus: int) -> float:
    flops = 2 * active_b * 1e9 * prompt_tokens
    return flops / (gpu.tflops_bf16 * 1e12 * gpus * PREFILL_EFFICIENCY)

"""Latency in seconds, with its basis: time to first token from the prompt size and the provider's
class, then output and thinking tokens at the model's decoding speed.

    p95 = P95_FACTOR x (provider overhead + uncached prompt tokens / prefill speed
                        + cached prompt tokens x CACHE_READ_SHARE / prefill speed
                        + (output + thinking tokens) / decode speed)

The speeds come from the model's active parameters where the catalog knows them (`size_speeds`:
~180 tokens/s at 8B active, scaled by the square root of the active parameters, bounded), else its
tier words, else a mid-size default; the overhead from the provider's tier (an aggregator adds a hop). These are
estimates, not measurements: the report shows the seconds and this basis, and a probe replaces them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from whichmodel.knowledge.catalog.schema import Model
from whichmodel.tools.decision.cost import Tokens
from whichmodel.tools.decision.result import LatencyClass, LatencyEstimate
from whichmodel.tools.decision.thinking import MIN_FITTED_THINKING

P95_FACTOR = 1.5
"""p95 over the typical time: providers' published p50/p95 spreads for short requests are 1.3-1.8x."""
REFERENCE_ACTIVE_B = 8.0
REFERENCE_DECODE = 180.0
REFERENCE_PREFILL = 20_000.0
"""An 8B-active model on the makers' and GPU hosts' APIs: ~180 decode and ~20,000 prefill tokens/s
(published serving medians, Artificial Analysis-style, 2025-26)."""
DECODE_RANGE = (30.0, 300.0)
PREFILL_RANGE = (2_000.0, 40_000.0)
"""Bounds of the size-based speeds: batching and hardware cap the smallest models' speed, and
serving keeps even the largest above a floor."""


def size_speeds(active_b: float) -> tuple[float, float]:
    """(decode, prefill) tokens/s of a model with `active_b` billion active parameters: serving speed
    falls with the square root of the active parameters (decoding reads them all per token, batching
    amortises part of it), scaled from the 8B reference and bounded. Checks against published
    medians: 70B dense ~61 tokens/s (50-80 seen), 4B-active MoE ~255, 31B ~91, 405B at the 30 floor."""
    scale = math.sqrt(REFERENCE_ACTIVE_B / max(active_b, 0.1))
    decode = min(max(REFERENCE_DECODE * scale, DECODE_RANGE[0]), DECODE_RANGE[1])
    prefill = min(max(REFERENCE_PREFILL * scale, PREFILL_RANGE[0]), PREFILL_RANGE[1])
    return round(decode, 1), round(prefill, -1)


FAST_TIER = (180.0, 15_000.0)
"""Closed models without a parameter count whose name says small/fast (Flash, mini, Haiku...): Gemini
Flash ~200-250 tokens/s, GPT mini/nano ~100-200, Haiku ~100-150."""
DEFAULT_SPEED = (75.0, 6_000.0)
"""Closed frontier models without a parameter count (Claude Sonnet/Opus ~50-80, GPT-5.x ~60-120,
Gemini Pro ~100)."""
OVERHEAD_S: Mapping[str, float] = {
    "maker": 0.4,
    "cloud": 0.45,
    "host": 0.35,
    "aggregator": 0.7,
    "plan": 0.7,
    "unknown": 0.7,
    "self": 0.15,
}
"""Time to first token for a short prompt (network, queueing, scheduling): 0.2-0.6 s on the makers'
APIs, a hop more through an aggregator."""
FAST_HOSTS: Mapping[str, float] = {"cerebras": 8.0, "groq": 4.0, "sambanova": 3.0}
"""Providers that serve on inference-specific hardware (wafer-scale, LPU, RDU), with their decode
speed-up over a GPU host, from their published throughput (hundreds to thousands of tokens/s)."""
CACHE_READ_SHARE = 0.1
"""An assumption: a prompt token read from the provider's prompt cache takes a tenth of the time of
one prefilled from scratch (its attention keys and values are loaded, not recomputed). Basis: the
makers' own figures, OpenAI's prompt-caching guide ("can reduce latency by up to 80%") and
Anthropic's launch figures (a 100,000-token cached prompt, 11.5 s -> 2.4 s to the answer, -79%, the
rest being overhead, the new tokens and the answer). Counted only where the offering lists a
cache-read price (`cost.reads_cache`), for the stated `volume.cached_input_fraction`."""
AUDIO_SECONDS_PER_MINUTE = 2.0
"""Speech-to-text: seconds of processing per minute of audio (about 30x real time)."""
FAST_MARKERS = re.compile(r"\b(flash|mini|nano|haiku|lite|small|tiny|turbo|instant|fast|air)\b")


def speeds(model: Model) -> tuple[float, float, str]:
    """(decode tokens/s, prefill tokens/s, basis code) for `model`."""
    active = model.params_active_b or model.params_total_b
    if active is not None:
        decode, prefill = size_speeds(active)
        return decode, prefill, f"active_params:{active:g}"
    names = f"{model.key} {model.name}".lower()
    if (found := FAST_MARKERS.search(names)) is not None:
        return FAST_TIER[0], FAST_TIER[1], f"name_tier:{found.group(1)}"
    return DEFAULT_SPEED[0], DEFAULT_SPEED[1], "size_unknown"


def provider_class(provider: str | None, tier: str) -> str:
    """The provider's latency class: a fast-hardware host by name, else its tier."""
    return provider if provider is not None and provider in FAST_HOSTS else tier


def estimate_latency(
    model: Model,
    tier: str,
    t: Tokens,
    *,
    task: str,
    speed: tuple[float, float, str] | None = None,
    cache: bool = False,
) -> LatencyEstimate:
    """p95 seconds for one request of `t` tokens on `model` served by a provider of class `tier`
    (a tier, or a fast-hardware host from `provider_class`). `speed` (decode, prefill tokens/s,
    basis) replaces the size-based speeds when they are known better (a self-hosted GPU's sizing).
    `cache` says the offering serves `t.cached` tokens from a prompt cache (`cost.reads_cache`):
    they are read at CACHE_READ_SHARE of the prefill time. Speeds are per stated token: a model whose
    tokenizer counts more tokens for the same text (`cost.tokenizer_factor`) is billed for them, but
    its speed is a guess by size, so the guess is not scaled by a second uncertain factor."""
    decode, prefill, basis = speed if speed is not None else speeds(model)
    if tier in FAST_HOSTS:
        decode, prefill = decode * FAST_HOSTS[tier], prefill * FAST_HOSTS[tier]
        basis += f";fast_host:{tier}"
        tier = "host"
    overhead = OVERHEAD_S.get(tier, OVERHEAD_S["unknown"])
    if task == "speech_to_text":
        ttft = overhead + t.audio_minutes * AUDIO_SECONDS_PER_MINUTE
        return LatencyEstimate.model_construct(
            p95_seconds=round(P95_FACTOR * ttft, 2),
            ttft_seconds=round(ttft, 2),
            output_tokens_per_s=None,
            thinking_tokens=0.0,
            basis="audio_realtime",
        )
    cached = t.cached if cache else 0.0
    ttft = overhead + (t.input - cached + cached * CACHE_READ_SHARE) / prefill
    if cached:
        basis += f";cached:{cached:g};cache_read:{CACHE_READ_SHARE:g}"
    generated = t.output + t.thinking
    if task == "embedding":
        # an embedding returns a vector: no output tokens, so the prompt read is the whole time
        generated, basis = 0.0, f"{basis};embedding"
    p95 = P95_FACTOR * (ttft + generated / decode)
    # Built without re-validation (thousands per request; every field is a computed float or str).
    return LatencyEstimate.model_construct(
        p95_seconds=round(p95, 2),
        ttft_seconds=round(ttft, 2),
        output_tokens_per_s=decode,
        thinking_tokens=t.thinking,
        basis=f"{basis};tier:{tier};prefill:{prefill:g}",
    )


def thinking_that_fits(lat: LatencyEstimate, t: Tokens, target: float) -> float | None:
    """The most thinking tokens a request can decode at `lat`'s speeds and still meet the p95
    `target` (whole tokens): (target / P95_FACTOR - time to first token) x decode speed - output
    tokens. None without a speed, or when fewer than `thinking.MIN_FITTED_THINKING` fit."""
    if lat.output_tokens_per_s is None or lat.ttft_seconds is None:
        return None
    room = (target / P95_FACTOR - lat.ttft_seconds) * lat.output_tokens_per_s - t.output
    fit = float(math.floor(room))
    return fit if fit >= MIN_FITTED_THINKING else None


def answer_that_fits(lat: LatencyEstimate, target: float) -> float:
    """The most answer tokens a request can decode at `lat`'s speeds, after its time to first token
    and its thinking tokens, and still meet the p95 `target` (whole tokens, 0 when none fit):
    (target / P95_FACTOR - time to first token) x decode speed - thinking tokens."""
    if lat.output_tokens_per_s is None or lat.ttft_seconds is None:
        return 0.0
    room = (target / P95_FACTOR - lat.ttft_seconds) * lat.output_tokens_per_s - lat.thinking_tokens
    return max(0.0, float(math.floor(room)))


def latency_class(p95_seconds: float | None) -> LatencyClass:
    """A word for the table only (reports show the seconds): under 2 s fast, under 10 s medium."""
    if p95_seconds is None or p95_seconds > 10:
        return "slow" if p95_seconds is not None else "medium"
    return "fast" if p95_seconds <= 2 else "medium"

"""A model's facts, purpose, price units and price plausibility (issue #10). Pure functions.

* Facts (modalities, tool calling, structured output, reasoning, context, max output) come from the
  maker's own API offerings when there are any ("maker"); otherwise from a clear majority (more than
  half) of the offerings ("majority"). Offerings that say otherwise are contradictions, reported by
  ``catalog refresh``, never silently merged in: one reseller's flag is not the model's capability.
* Purpose: a table of name patterns with reasons, then the modalities (see :data:`PURPOSE_RULES`).
* Units: speech-to-text models take audio only; their offerings are priced per audio minute (the
  sources put that number in the per-1M-token fields), and their "context" (Whisper's 448-token
  decoder window) is not an input limit: ``Model.context_applies`` is False for them.
* Plausibility: an offering's blended price (3 input : 1 output) divided by the reference price (for
  closed weights the median blended price of the maker's own paid offerings; for open weights, or
  without a maker price, the median over paid offerings that are not plans); below
  :data:`PLAUSIBLE_RATIO` it is implausible. Speech-to-text models are compared per audio minute
  (:func:`unit_price`: a token price at :data:`AUDIO_TOKENS_PER_MINUTE` audio tokens), against the
  maker's per-minute list (its own offerings, else the curated list price of the same weights,
  ``curated.MAKER_MINUTE_PRICES``); a cloud or host running open weights may undercut it, but not
  below :data:`FAR_BELOW_RATIO` of it (a tenth: that is a unit error or a promotion, never a price to
  plan on). A $0 listing is never a reference and is itself
  implausible as a production price (unless its maker offers it free for production: a sourced row of
  ``curated.FREE_FOR_PRODUCTION``); the maker's own paid price is always plausible, and so is a
  cloud's or host's price for open weights it runs itself, and so is any seller's price not under half
  of the lowest of those (:func:`plausible_floor`: one rule for every seller, never tier-dependent).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median
from typing import NamedTuple

from whichmodel.knowledge.catalog.curated import free_for_production
from whichmodel.knowledge.catalog.schema import Offering, PriceUnit, Purpose

MODALITY_ORDER: tuple[str, ...] = ("text", "image", "audio", "video", "pdf")
PLAUSIBLE_RATIO = 0.5
INPUT_SHARE = 0.75  # blended price: 3 input tokens for every output token
RUNS_WEIGHTS: frozenset[str] = frozenset({"maker", "cloud", "host"})  # tiers that serve weights themselves
AUDIO_TOKENS_PER_MINUTE = 600
"""Audio tokens per minute for speech models priced per token (about 10 per second)."""
FAR_BELOW_RATIO = 0.1
"""Per audio minute, a price below a tenth of the maker's list is implausible for any seller but the
maker (Bedrock's token-priced Voxtral Mini 3B comes to about 1/80 of Mistral's $0.002/min)."""


@dataclass(frozen=True)
class Facts:
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    tool_calling: bool
    structured_output: bool | None
    reasoning: bool
    context: int
    max_output: int
    source: str
    contradictions: list[str] = field(default_factory=list)


def _ordered(mods: set[str]) -> tuple[str, ...]:
    return tuple([m for m in MODALITY_ORDER if m in mods] + sorted(mods - set(MODALITY_ORDER)))


def _majority(values: Sequence[bool]) -> bool:
    return sum(values) * 2 > len(values)


def _upper_median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0


def decide_facts(offerings: Sequence[Offering]) -> Facts:
    """The model's facts from its maker's offerings (tier 'maker'), else the majority of offerings."""
    own = [o for o in offerings if o.tier == "maker"]
    basis = own or list(offerings)
    if own:
        source = "maker (" + ", ".join(sorted({o.provider for o in own})) + ")"
        inputs = {m for o in own for m in o.input_modalities}
        outputs = {m for o in own for m in o.output_modalities}
        tools = any(o.tool_calling for o in own)
        reasoning = any(o.reasoning for o in own)
        said = [o.structured_output for o in own if o.structured_output is not None]
        structured: bool | None = any(said) if said else None
        context = max(o.context for o in own)
        max_output = max(o.max_output for o in own)
    else:
        source = f"majority of {len(basis)} offerings"
        all_mods = {m for o in basis for m in o.input_modalities}
        inputs = {m for m in all_mods if _majority([m in o.input_modalities for o in basis])}
        all_out = {m for o in basis for m in o.output_modalities}
        outputs = {m for m in all_out if _majority([m in o.output_modalities for o in basis])}
        if not inputs:
            inputs = {"text"} if "text" in all_mods else all_mods
        if not outputs:
            outputs = {"text"} if "text" in all_out else all_out
        tools = _majority([o.tool_calling for o in basis])
        reasoning = _majority([o.reasoning for o in basis])
        said = [o.structured_output for o in basis if o.structured_output is not None]
        structured = _majority([bool(v) for v in said]) if said else None
        context = _upper_median([o.context for o in basis if o.context > 0]) or max(o.context for o in basis)
        max_output = _upper_median([o.max_output for o in basis if o.max_output > 0]) or max(
            o.max_output for o in basis
        )
    contradictions: list[str] = []
    n = len(offerings)
    for direction, chosen in (("input", inputs), ("output", outputs)):
        listed = {
            o.id: (o.input_modalities if direction == "input" else o.output_modalities) for o in offerings
        }
        for mod in sorted({m for mods in listed.values() for m in mods} - chosen):
            who = sorted(oid for oid, mods in listed.items() if mod in mods)
            contradictions.append(
                f"{direction} {mod}: {len(who)} of {n} offerings list it ({', '.join(who[:4])})"
            )
    if not tools:
        who = sorted(o.id for o in offerings if o.tool_calling)
        if who:
            contradictions.append(f"tool calling: {len(who)} of {n} offerings list it ({', '.join(who[:4])})")
    if not reasoning:
        who = sorted(o.id for o in offerings if o.reasoning)
        if who:
            contradictions.append(f"reasoning: {len(who)} of {n} offerings list it ({', '.join(who[:4])})")
    return Facts(
        input_modalities=_ordered(inputs),
        output_modalities=_ordered(outputs),
        tool_calling=tools,
        structured_output=structured,
        reasoning=reasoning,
        context=context,
        max_output=max_output,
        source=source,
        contradictions=contradictions,
    )


# (pattern on the canonical key, purpose, reason) — first match wins; then the modality rules below.
PURPOSE_RULES: tuple[tuple[str, Purpose, str], ...] = (
    (r"rerank", "rerank", "a reranker: scores query-document pairs (its maker's model card)"),
    (r"embed|(^|-)e5-", "embedding", "an embedding model (incl. the E5 family): returns vectors, not text"),
    (
        r"^(esm2|esmfold|evo2|openfold|alphafold|boltz|diffdock|molmim|genmol|proteinmpnn|rfdiffusion)($|-)",
        "science",
        "a protein / molecule model (its maker's card): reads sequences and structures, not language",
    ),
    (
        r"(^|-)(llama-guard|prompt-guard)|guard-gen|safety-guard|shieldgemma|safeguard|gliguard|moderation",
        "moderation",
        "a safety classifier / moderation model by its maker's declared purpose",
    ),
    (
        r"whisper|transcrib|-asr($|-)|(^|-)stt($|-)|^voxtral-mini($|-\d)",
        "speech_to_text",
        "a speech recognition model (audio in, transcript out)",
    ),
    (r"(^|-)tts($|-)|text-to-audio|text-to-speech", "text_to_speech", "a speech synthesis model"),
    (
        r"^(dall-e|imagen|flux|gpt-image|veo|sora|seedream|seedance|kling|wan-|hunyuan-image|stable-diffusion)",
        "image_generation",
        "an image or video generation model (its family)",
    ),
)


class Specialism(NamedTuple):
    """A text model trained for one job (a maths or a translation model): the task types
    (`tools.decision.requirements.TaskType`) and the use-case domain it is built for."""

    tasks: frozenset[str]
    domain: str | None
    reason: str


# (pattern on the canonical key, specialism) — a text model named by its maker for one job.
SPECIALIST_RULES: tuple[tuple[str, Specialism], ...] = (
    (r"(^|-)math($|-)", Specialism(frozenset({"reasoning"}), "math",
                                   "a maths model (Qwen-Math, DeepSeek-Math: its maker's card): tuned to solve maths problems")),
    (r"(^|-)mt($|-)", Specialism(frozenset({"translation"}), None,
                                 "a machine-translation model (Qwen-MT, Hunyuan-MT: its maker's card): tuned to translate")),
)  # fmt: skip


def specialism(key: str) -> Specialism | None:
    """What a specialist text model is built for (`SPECIALIST_RULES`), or None for a general model."""
    return next((spec for pattern, spec in SPECIALIST_RULES if re.search(pattern, key)), None)


def purpose_for(key: str, inputs: Sequence[str], outputs: Sequence[str]) -> tuple[Purpose, str]:
    """What the model is for, and the reason: the pattern table, then the modalities."""
    for pattern, purpose, reason in PURPOSE_RULES:
        if re.search(pattern, key):
            if purpose == "speech_to_text" and "audio" not in inputs:
                continue
            return purpose, reason
    if "text" not in outputs:
        if "audio" in outputs:
            return "text_to_speech", "outputs audio and no text"
        if "image" in outputs or "video" in outputs:
            return "image_generation", "outputs images/video and no text"
    if tuple(inputs) == ("audio",) and tuple(outputs) == ("text",):
        return "speech_to_text", "audio in, text out only"
    return "general", "text output, no special-purpose pattern"


# Providers that put per-audio-minute prices in the per-token fields for audio-input models
# (their price pages price Whisper/Voxtral transcription per minute).
AUDIO_PER_MINUTE_PROVIDERS: dict[str, str] = {
    "evroc": "evroc's price list: speech models per audio minute",
    "privatemode-ai": "Privatemode's price list: Voxtral/Whisper per audio minute",
    "nearai": "NEAR AI Cloud: Whisper per audio minute",
    "regolo-ai": "Regolo: Whisper per audio minute",
}


def price_unit(purpose: Purpose, model_inputs: Sequence[str], o: Offering) -> PriceUnit:
    """The unit of an offering's price.

    * A litellm or curated price states its unit (``input_cost_per_second`` -> per audio minute): kept.
    * A speech recognition endpoint (audio its only input) listed with one rate (no output price, or
      the same number for input and output) bills audio time: per audio minute. A distinct output
      price is a token price (OpenAI's gpt-4o-transcribe: $2.50 in / $10 out per 1M tokens).
    * Audio models on providers that bill audio time (:data:`AUDIO_PER_MINUTE_PROVIDERS`), listed with
      one rate: per minute (a chat model there with distinct input/output prices is priced per token).
    * Else per 1M tokens.
    """
    if o.pricing is not None and o.pricing.source in ("litellm", "curated"):
        return o.pricing.unit
    first = o.pricing.tiers[0] if o.pricing is not None else None
    one_rate = first is None or first.output == 0 or first.output == first.input
    time_biller = o.provider in AUDIO_PER_MINUTE_PROVIDERS
    if purpose == "speech_to_text" and tuple(o.input_modalities) == ("audio",) and (one_rate or time_biller):
        return "per_audio_minute"  # a transcription endpoint billing audio time
    if "audio" in model_inputs and time_biller and one_rate:
        return "per_audio_minute"  # an audio model at a provider that bills audio time, one rate
    return "per_1m_tokens"


def blended(o: Offering) -> float | None:
    """Blended price of the first tier (3:1 input:output), or None when there is no price."""
    if o.pricing is None:
        return None
    t = o.pricing.tiers[0]
    return INPUT_SHARE * t.input + (1 - INPUT_SHARE) * t.output


def unit_price(o: Offering, per_minute: bool = False) -> float | None:
    """The price plausibility compares: the blended $/1M tokens of a token price, or for a speech model
    (`per_minute`) the $ per audio minute: its per-minute rate, or its token price for
    :data:`AUDIO_TOKENS_PER_MINUTE` audio tokens in (the audio is what a minute bills). None: no price,
    or a unit that cannot be compared."""
    if o.pricing is None:
        return None
    unit, first = o.pricing.unit, o.pricing.tiers[0]
    if not per_minute:
        return blended(o) if unit == "per_1m_tokens" else None
    if unit == "per_audio_minute":
        return first.input
    if unit == "per_1m_tokens":
        return AUDIO_TOKENS_PER_MINUTE * first.input / 1_000_000
    return None


def reference_price(
    offerings: Sequence[Offering],
    open_weights: bool = False,
    *,
    per_minute: bool = False,
    listed: Sequence[float] = (),
) -> tuple[float | None, str]:
    """The price reference for a model's offerings, and what it is.

    Closed weights: the maker's list price (only the maker and its licensees can serve them), else
    the median paid price. Open weights: the median paid price of the offerings that run the weights
    (maker, cloud, host tiers; resellers' mark-ups excluded), since any host may undercut the
    maker's API legitimately; without those, the median of paid non-plan offerings. Speech models
    (`per_minute`) compare per audio minute against the maker's per-minute list: its own offerings,
    else `listed` (the maker's curated list prices for the same weights sold under another id).
    """
    paid = [
        (o, p)
        for o in offerings
        if o.pricing is not None
        and not o.pricing.free
        and (p := unit_price(o, per_minute)) is not None
        and p > 0
    ]
    unit = " per audio minute" if per_minute else ""
    own = [p for o, p in paid if o.tier == "maker"]
    if own and (per_minute or not open_weights):
        return median(own), f"maker's list price{unit}"
    if per_minute and listed:
        return median(listed), f"maker's list price{unit} (its pricing page, curated)"
    serving = [p for o, p in paid if o.tier in RUNS_WEIGHTS]
    if open_weights and serving:
        return median(serving), f"open weights: median of {len(serving)} paid maker/cloud/host offerings{unit}"
    others = [p for o, p in paid if o.tier != "plan"]
    if others:
        return median(others), f"median of {len(others)} paid offerings{unit}"
    if own:
        return median(own), f"maker's list price{unit}"
    return None, "no paid price"


def plausible_floor(
    offerings: Sequence[Offering],
    reference: float | None,
    open_weights: bool = False,
    per_minute: bool = False,
) -> float | None:
    """The lowest unit price that is plausible for any seller of one model (None: no reference).

    One rule for every seller: not under half (:data:`PLAUSIBLE_RATIO`) of the lowest real price of
    the weights, that is of the reference and of every price set by someone who serves them: the
    maker's own paid list (Alibaba's China and international lists differ), or a cloud or host
    running open weights on its own GPUs (per audio minute, not one below :data:`FAR_BELOW_RATIO` of
    the maker's list). Each of those prices is therefore plausible, and a reseller at or near one is
    as plausible as the seller that sets it: the same price is never plausible for one seller and
    implausible for another (an aggregator routing to a host charges about what the host charges).
    """
    if reference is None:
        return None
    floors = [reference]
    for o in offerings:
        price = unit_price(o, per_minute)
        if price is None or price <= 0 or o.pricing is None or o.pricing.free:
            continue
        runs_weights = open_weights and o.tier in RUNS_WEIGHTS
        if o.tier == "maker" or (runs_weights and (not per_minute or price >= FAR_BELOW_RATIO * reference)):
            floors.append(price)
    return PLAUSIBLE_RATIO * min(floors)


def plausibility(
    o: Offering,
    reference: float | None,
    open_weights: bool = False,
    per_minute: bool = False,
    floor: float | None = None,
) -> tuple[bool | None, float | None]:
    """(plausible, ratio) of one offering against the reference; None when either price is missing.

    Plausible: a paid price at or above the model's :func:`plausible_floor` (`floor`, computed over
    all its offerings; by default over this offering alone). So the maker's own paid price is
    plausible, and so is a cloud's or host's price for open weights it runs (except per audio minute
    below :data:`FAR_BELOW_RATIO` of the maker's list), and so is any seller's price at or above
    either. A $0 listing is never plausible (unless its maker offers it free for production).
    """
    price = unit_price(o, per_minute)
    if free_for_production(o.provider, o.model) is not None:
        return True, None  # its maker's own $0 for production use, sourced: the real price
    if reference is None or price is None or o.pricing is None:
        return None, None
    ratio = round(price / reference, 4)
    if o.pricing.free or price <= 0:
        return False, ratio
    if floor is None:
        floor = plausible_floor([o], reference, open_weights, per_minute)
    assert floor is not None
    return price >= floor * (1 - 1e-9), ratio

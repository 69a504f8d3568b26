"""The catalog's data model: canonical models, the offerings that serve them, prices and ratings.

The seeds' "service vs model" distinction is the backbone: a :class:`Model` (e.g. Qwen3-32B) is one
set of weights with one capability profile; an :class:`Offering` (e.g. ``groq:qwen/qwen3-32b``) is one
provider serving it at one price with its own limits and flags. Every price and rating carries the
source it came from and that source's date, so a report can cite it.

Pure data: no I/O here (see :mod:`knowledge.catalog.store` for loading).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["text", "image", "audio", "video", "pdf"]
ProviderTier = Literal["maker", "cloud", "host", "aggregator", "plan", "unknown"]
"""Who a provider is, for one offering (issue #10): `maker` the model's own API; `cloud` Azure, Bedrock,
Vertex and peers with enterprise terms; `host` established inference hosts; `aggregator` routers and
gateways reselling others' APIs; `plan` subscriptions, coding plans, free tiers, trials; `unknown`
everything not in the curated table (never trusted by default)."""
PROVIDER_TIERS: tuple[str, ...] = ("maker", "cloud", "host", "aggregator", "plan", "unknown")
PriceUnit = Literal["per_1m_tokens", "per_audio_minute", "per_image", "per_request"]
Precision = Literal["fp16", "bf16", "fp8", "mxfp4", "int4"]
Purpose = Literal[
    "general", "speech_to_text", "text_to_speech", "embedding", "image_generation", "moderation", "rerank", "science"
]
"""What a model is for, by its maker's declared purpose (a moderation model is not a chat model)."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Frozen):
    """A data source the catalog was built from."""

    id: str = Field(
        description="Short key used in `source` fields: 'models.dev', 'litellm', 'lmarena', 'curated'."
    )
    name: str
    url: str
    licence: str
    as_of: date = Field(description="The date of the data itself (not of the refresh).")
    package: str | None = Field(default=None, description="Registry package and version it was read from.")
    attribution: str | None = Field(default=None, description="Text the licence requires to be shown.")


class PriceTier(_Frozen):
    """Prices in USD per 1M tokens, applying when the prompt has more than `min_context` tokens."""

    min_context: int = 0
    input: float
    output: float
    cache_read: float | None = None
    cache_write: float | None = None
    reasoning: float | None = None


class Pricing(_Frozen):
    """An offering's price list: tiers sorted by `min_context`, the first at 0."""

    tiers: tuple[PriceTier, ...]
    source: str
    as_of: date
    free: bool = Field(
        default=False,
        description="The source lists this offering at $0 (a real free tier, not a missing price).",
    )
    unit: PriceUnit = Field(
        default="per_1m_tokens",
        description="What `input`/`output` are priced per (speech models: per audio minute).",
    )
    tiers_from: str | None = Field(
        default=None,
        description="The provider whose listing of the same model, at the same base prices, supplied the "
        "long-prompt tiers this listing's own entry lacks (`store.borrow_long_tiers`); None: its own.",
    )

    def tier_for(self, prompt_tokens: int) -> PriceTier:
        """The tier that applies to a prompt of this many tokens."""
        chosen = self.tiers[0]
        for tier in self.tiers:
            if prompt_tokens > tier.min_context:
                chosen = tier
        return chosen


class Offering(_Frozen):
    """One provider serving one model (a models.dev provider-model entry)."""

    id: str = Field(description="models.dev full id, 'provider:model'.")
    provider: str = Field(description="models.dev provider id, e.g. 'openai', 'groq'.")
    provider_name: str
    provider_model_id: str = Field(description="The id the provider's API expects.")
    model: str = Field(description="Key of the canonical Model this offering serves.")
    name: str
    context: int = Field(description="Context window in tokens.")
    max_input: int | None = None
    max_output: int
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    tool_calling: bool
    structured_output: bool | None = Field(default=None, description="None: the source does not say.")
    reasoning: bool
    open_weights_flag: bool = Field(description="What this provider's entry says; the model decides.")
    knowledge_cutoff: str | None = None
    status: str | None = Field(default=None, description="'deprecated', 'beta', 'alpha' or None.")
    deprecation_date: date | None = Field(default=None, description="From litellm where it has one.")
    pricing: Pricing | None = Field(default=None, description="None: no price known (shown as missing).")
    region: str | None = Field(
        default=None, description="Where the provider serves from, where known ('cn', 'eu', 'us')."
    )
    sources: tuple[str, ...] = ()
    tier: ProviderTier = Field(default="unknown", description="Who the provider is for this model.")
    region_source: str | None = Field(default=None, description="Where `region` comes from.")
    plausible: bool | None = Field(
        default=None,
        description="False: priced below 50% of the reference (maker's list, else median paid price); "
        "None: no reference or no price.",
    )
    plausibility_ratio: float | None = Field(
        default=None, description="This offering's blended price / the reference price."
    )
    retirement_date: date | None = Field(
        default=None, description="This offering's own announced retirement date, where listed."
    )

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated"


class Rating(_Frozen):
    """A capability rating in one category (LMArena-style Elo with a 95% interval)."""

    category: str
    score: float
    lower: float
    upper: float
    votes: int
    rank: int | None = None
    source: str
    as_of: date
    source_name: str = Field(description="The name the source uses for the model, for audit of the join.")


class Model(_Frozen):
    """A canonical model: one set of weights, served by zero or more offerings."""

    key: str = Field(description="Canonical key, lower-case, e.g. 'qwen3-32b'.")
    name: str
    family: str | None = None
    maker: str | None = None
    open_weights: bool
    open_weights_rule: str = Field(description="Which merge rule decided `open_weights`, for audit.")
    licence: str | None = None
    params_total_b: float | None = Field(default=None, description="Total parameters, billions.")
    params_active_b: float | None = Field(
        default=None, description="Active parameters per token (MoE), billions."
    )
    params_source: str | None = None
    context: int
    max_output: int
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    tool_calling: bool
    structured_output: bool | None = None
    reasoning: bool
    knowledge_cutoff: str | None = None
    release_date: date | None = None
    ratings: dict[str, Rating] = Field(default_factory=dict)
    offerings: tuple[str, ...] = Field(default=(), description="Offering ids, sorted.")
    description: str = ""
    aliases: tuple[str, ...] = Field(
        default=(), description="Other keys and ids folded into this model (issue #10 identity rules)."
    )
    facts_source: str = Field(
        default="",
        description="Whose facts (modalities, tools, context...) the model carries: maker or majority.",
    )
    purpose: Purpose = "general"
    status: Literal["active", "deprecated"] = "active"
    retirement_date: date | None = Field(
        default=None,
        description=(
            "The planning retirement date: the maker's, or a later date until which a cloud still "
            "serves the model (then `maker_retirement_date` keeps the maker's). Past: retired everywhere."
        ),
    )
    maker_retirement_date: date | None = Field(
        default=None,
        description="The maker's own retirement date when a cloud serves the model longer (else None).",
    )
    release_precision: Precision | None = Field(
        default=None, description="The precision the maker released the weights in (self-hosting default)."
    )
    open_weights_evidence: str | None = None
    regions: tuple[str, ...] = Field(
        default=(), description="Regions the maker's own API serves from, where its terms state them."
    )
    purpose_reason: str = Field(default="", description="Why `purpose` (the rule that matched).")
    context_applies: bool = Field(
        default=True,
        description="False where `context` is not an input limit (speech-to-text: Whisper's 448-token "
        "decoder window); a context filter must skip such models.",
    )
    reference_price: float | None = Field(
        default=None,
        description="Blended (3:1) $/1M reference for plausibility (speech-to-text: $ per audio minute): "
        "the maker's list price, else the median paid price; `reference_price_source` says which.",
    )
    reference_price_source: str | None = None


class Catalog(BaseModel):
    """The whole catalog, with indexes for lookup."""

    model_config = ConfigDict(extra="forbid")

    built_at: date
    sources: tuple[Source, ...]
    models: dict[str, Model]
    offerings: dict[str, Offering]

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def offerings_of(self, model_key: str) -> list[Offering]:
        model = self.models[model_key]
        return [self.offerings[o] for o in model.offerings if o in self.offerings]

    def model_of(self, offering_id: str) -> Model:
        return self.models[self.offerings[offering_id].model]

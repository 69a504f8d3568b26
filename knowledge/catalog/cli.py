"""Command line for the catalog, mounted by the main CLI as ``whichmodel catalog ...``.

``refresh`` rebuilds the snapshot, ``search`` lists matching models, ``show`` prints a card with
every price and rating next to its source and date.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering

app = typer.Typer(help="The model catalog: refresh the snapshot, search models, show a model card.")


@app.command()
def refresh(
    out_dir: Annotated[
        Path | None, typer.Option(help="Snapshot directory (default: the committed one).")
    ] = None,
    live: Annotated[
        bool, typer.Option(help="Try the live public sources first (falls back to packages).")
    ] = False,
) -> None:
    """Rebuild the catalog snapshot from the bundled data packages."""
    from whichmodel.knowledge.catalog.build import IdentityError
    from whichmodel.knowledge.catalog.build import refresh as do_refresh

    try:
        report = do_refresh(out_dir, live=live)
    except IdentityError as exc:
        typer.echo(exc.report.summary())
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from exc
    typer.echo(report.summary())


@app.command()
def search(
    query: str,
    provider: Annotated[str | None, typer.Option(help="Only models served by this provider id.")] = None,
    open_weights: Annotated[
        bool | None, typer.Option("--open-weights/--closed-weights", help="Only open (or closed) weights.")
    ] = None,
    modality: Annotated[str | None, typer.Option(help="Required input modality, e.g. image.")] = None,
    limit: Annotated[int, typer.Option(help="Maximum number of results.")] = 20,
) -> None:
    """Search models by key, name, maker or family."""
    from whichmodel.knowledge.catalog.store import load_catalog
    from whichmodel.knowledge.catalog.store import search as do_search

    catalog = load_catalog()
    hits = do_search(
        catalog, query, provider=provider, open_weights=open_weights, modality=modality, limit=limit
    )
    if not hits:
        typer.echo("no matching models")
        raise typer.Exit(code=1)
    for m in hits:
        ow = "open" if m.open_weights else "closed"
        overall = m.ratings.get("overall")
        elo = f" arena {overall.score:.0f}" if overall else ""
        typer.echo(
            f"{m.key:40} {m.name[:40]:40} {ow:6} {len(m.offerings):3} offerings ctx {m.context:>9,}{elo}"
        )


def _price(o: Offering) -> str:
    if o.pricing is None:
        return "price unknown"
    t = o.pricing.tiers[0]
    free = " FREE" if o.pricing.free else ""
    # every further tier with its threshold and prices, and where it came from when it is borrowed or assumed
    extra = "".join(f"; above {x.min_context:,} prompt tokens ${x.input:g} in / ${x.output:g} out" for x in o.pricing.tiers[1:])
    if extra and o.pricing.tiers_from:
        extra += f" (tier from {o.pricing.tiers_from})"
    per = {"per_1m_tokens": "per 1M", "per_audio_minute": "per audio minute"}.get(
        o.pricing.unit, o.pricing.unit
    )
    return f"${t.input:g} in / ${t.output:g} out {per}{extra}{free} [{o.pricing.source} {o.pricing.as_of}]"


def model_card(catalog: Catalog, model: Model, max_offerings: int = 40) -> str:
    """A readable, plain-text card for one model."""
    lines = [f"{model.name}  ({model.key})"]
    lines.append(f"  maker: {model.maker or 'unknown'}   family: {model.family or 'unknown'}")
    lines.append(f"  open weights: {model.open_weights}  (rule: {model.open_weights_rule})")
    if model.aliases:
        lines.append(f"  aliases: {', '.join(model.aliases)}")
    lines.append(f"  purpose: {model.purpose}   facts from: {model.facts_source or 'unknown'}")
    if model.status != "active" or model.retirement_date:
        if model.maker_retirement_date is not None:
            lines.append(
                f"  status: {model.status}   available through a cloud until {model.retirement_date}"
                f" (the maker retires it {model.maker_retirement_date})"
            )
        else:
            lines.append(
                f"  status: {model.status}   maker's retirement date: {model.retirement_date or 'none'}"
            )
    if model.release_precision:
        lines.append(f"  released in: {model.release_precision}")
    if model.licence:
        lines.append(f"  licence: {model.licence}")
    if model.params_total_b is not None:
        active = f", {model.params_active_b:g}B active" if model.params_active_b is not None else ""
        lines.append(f"  parameters: {model.params_total_b:g}B total{active}  ({model.params_source})")
    applies = "" if model.context_applies else " (not an input limit for this model)"
    lines.append(f"  context: {model.context:,}{applies}   max output: {model.max_output:,}")
    lines.append(
        f"  input: {', '.join(model.input_modalities)}   output: {', '.join(model.output_modalities)}"
    )
    lines.append(
        f"  tool calling: {model.tool_calling}   reasoning: {model.reasoning}   "
        f"structured output: {model.structured_output if model.structured_output is not None else 'unknown'}"
    )
    offerings = catalog.offerings_of(model.key)
    lines.append(f"  offerings ({len(offerings)}):")
    for o in offerings[:max_offerings]:
        flags = [f for f in (o.tier, o.region and f"region {o.region}", o.status) if f]
        if o.plausible is False:
            flags.append(f"implausible price ({o.plausibility_ratio:g} of reference)")
        if o.deprecation_date:
            flags.append(f"deprecates {o.deprecation_date} [litellm]")
        tail = f"  ({'; '.join(flags)})" if flags else ""
        lines.append(f"    {o.id:55} {_price(o)}{tail}")
    if len(offerings) > max_offerings:
        lines.append(f"    ... {len(offerings) - max_offerings} more")
    if model.ratings:
        lines.append("  ratings (Elo, 95% interval):")
        for cat, r in sorted(model.ratings.items(), key=lambda kv: -kv[1].score):
            rank = f" rank {r.rank}" if r.rank is not None else ""
            lines.append(
                f"    {cat:22} {r.score:7.1f} [{r.lower:.1f}, {r.upper:.1f}] {r.votes:>7,} votes{rank}"
                f"  [{r.source} {r.as_of}]"
            )
        src = catalog.source("lmarena")
        if src is not None and src.attribution:
            lines.append(f"  {src.attribution}")
    return "\n".join(lines)


def model_json(catalog: Catalog, model: Model) -> dict[str, Any]:
    """The canonical model as plain JSON data (the `show --format json` contract, issue #10)."""
    offerings = []
    for o in catalog.offerings_of(model.key):
        tier = o.pricing.tiers[0] if o.pricing is not None else None
        offerings.append(
            {
                "offering_id": o.id,
                "provider": o.provider,
                "tier": o.tier,
                "region": o.region,
                "region_source": o.region_source,
                "input_price_per_m": tier.input if tier is not None else None,
                "output_price_per_m": tier.output if tier is not None else None,
                "price_unit": o.pricing.unit if o.pricing is not None else None,
                "plausible": o.plausible,
                "plausibility_ratio": o.plausibility_ratio,
                "retirement_date": o.retirement_date.isoformat() if o.retirement_date else None,
            }
        )
    return {
        "key": model.key,
        "name": model.name,
        "maker": model.maker,
        "aliases": list(model.aliases),
        "purpose": model.purpose,
        "facts_source": model.facts_source,
        "open_weights": model.open_weights,
        "open_weights_evidence": model.open_weights_evidence,
        "licence": model.licence,
        "input_modalities": list(model.input_modalities),
        "output_modalities": list(model.output_modalities),
        "tool_calling": model.tool_calling,
        "structured_output": model.structured_output,
        "reasoning": model.reasoning,
        "context": model.context,
        "context_applies": model.context_applies,
        "status": model.status,
        "retirement_date": model.retirement_date.isoformat() if model.retirement_date else None,
        "maker_retirement_date": (
            model.maker_retirement_date.isoformat() if model.maker_retirement_date else None
        ),
        "release_precision": model.release_precision,
        "regions": list(model.regions),
        "reference_price": model.reference_price,
        "reference_price_source": model.reference_price_source,
        "ratings": {
            cat: {"elo": r.score, "lower": r.lower, "upper": r.upper}
            for cat, r in sorted(model.ratings.items())
        },
        "offerings": offerings,
    }


@app.command()
def show(
    ident: str,
    fmt: Annotated[
        str, typer.Option("--format", help="text (a card) or json (the canonical model).")
    ] = "text",
) -> None:
    """Show a model card (accepts an offering id, a model key, an alias or a name)."""
    from whichmodel.knowledge.catalog.store import NotFoundError, load_catalog, resolve

    if fmt not in ("text", "json"):
        typer.echo(f"unknown format {fmt!r}: use text or json", err=True)
        raise typer.Exit(code=2)
    catalog = load_catalog()
    try:
        found = resolve(catalog, ident)
    except NotFoundError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from exc
    if fmt == "json":
        model = catalog.model_of(found.id) if isinstance(found, Offering) else found
        typer.echo(json.dumps(model_json(catalog, model), ensure_ascii=False, indent=1))
        return
    if isinstance(found, Offering):
        typer.echo(f"offering {found.id} serves model {found.model}: {_price(found)}\n")
        found = catalog.model_of(found.id)
    typer.echo(model_card(catalog, found))

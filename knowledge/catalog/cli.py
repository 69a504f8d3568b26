"""Command line for the catalog, mounted by the main CLI as ``whichmodel catalog ...``.

``refresh`` rebuilds the snapshot, ``search`` lists matching models, ``show`` prints a card with
every price and rating next to its source and date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from knowledge.catalog.schema import Catalog, Model, Offering

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
    from knowledge.catalog.build import IdentityError
    from knowledge.catalog.build import refresh as do_refresh

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
    from knowledge.catalog.store import load_catalog
    from knowledge.catalog.store import search as do_search

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
    extra = f" (+{len(o.pricing.tiers) - 1} tier)" if len(o.pricing.tiers) > 1 else ""
    return f"${t.input:g} in / ${t.output:g} out per 1M{extra}{free} [{o.pricing.source} {o.pricing.as_of}]"


def model_card(catalog: Catalog, model: Model, max_offerings: int = 40) -> str:
    """A readable, plain-text card for one model."""
    lines = [f"{model.name}  ({model.key})"]
    lines.append(f"  maker: {model.maker or 'unknown'}   family: {model.family or 'unknown'}")
    lines.append(f"  open weights: {model.open_weights}  (rule: {model.open_weights_rule})")
    if model.licence:
        lines.append(f"  licence: {model.licence}")
    if model.params_total_b is not None:
        active = f", {model.params_active_b:g}B active" if model.params_active_b is not None else ""
        lines.append(f"  parameters: {model.params_total_b:g}B total{active}  ({model.params_source})")
    lines.append(f"  context: {model.context:,}   max output: {model.max_output:,}")
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
        flags = [f for f in (o.region and f"region {o.region}", o.status) if f]
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


@app.command()
def show(ident: str) -> None:
    """Show a model card (accepts an offering id, a model key or a name)."""
    from knowledge.catalog.store import NotFoundError, load_catalog, resolve

    catalog = load_catalog()
    try:
        found = resolve(catalog, ident)
    except NotFoundError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from exc
    if isinstance(found, Offering):
        typer.echo(f"offering {found.id} serves model {found.model}: {_price(found)}\n")
        found = catalog.model_of(found.id)
    typer.echo(model_card(catalog, found))

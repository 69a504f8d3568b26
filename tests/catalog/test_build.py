"""Building the catalog from the real bundled packages, the snapshot round-trip and the refresh diff."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from whichmodel.knowledge.catalog.build import build_catalog, refresh, write_snapshot
from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.knowledge.catalog.sources import SourcePaths, default_paths
from whichmodel.knowledge.catalog.store import borrow_long_tiers, load_catalog


@pytest.fixture(scope="module")
def built() -> Catalog:
    catalog, _ = build_catalog()
    return catalog


def test_every_models_dev_entry_becomes_an_offering(built: Catalog) -> None:
    con = sqlite3.connect(default_paths().models_dev_db)
    ids = {r[0] for r in con.execute("SELECT full_id FROM models")}
    con.close()
    # plus the makers' transcription/moderation endpoints only litellm lists (sources == ("litellm",))
    extra = {oid for oid, o in built.offerings.items() if o.sources == ("litellm",)}
    assert set(built.offerings) - extra == ids
    assert "openai:whisper-1" in extra and "openai:omni-moderation-latest" in extra
    for oid, offering in built.offerings.items():
        assert offering.model in built.models, oid
        assert oid in built.models[offering.model].offerings


def test_tier_pricing_matches_the_database(built: Catalog) -> None:
    con = sqlite3.connect(default_paths().models_dev_db)
    full_id, low_in, high_in = con.execute(
        "SELECT a.model_full_id, a.cost_input, b.cost_input FROM pricing a JOIN pricing b"
        " ON a.model_full_id = b.model_full_id WHERE a.min_context = 0 AND b.min_context = 200000"
        " AND a.experimental_mode_name IS NULL AND b.experimental_mode_name IS NULL LIMIT 1"
    ).fetchone()
    con.close()
    pricing = built.offerings[full_id].pricing
    assert pricing is not None
    assert pricing.tier_for(1_000).input == low_in
    assert pricing.tier_for(200_000).input == low_in  # "more than" min_context
    assert pricing.tier_for(300_000).input == high_in


def test_missing_price_is_none_and_zero_price_is_flagged_free(built: Catalog) -> None:
    con = sqlite3.connect(default_paths().models_dev_db)
    unpriced = {
        r[0]
        for r in con.execute(
            "SELECT full_id FROM models WHERE full_id NOT IN"
            " (SELECT model_full_id FROM pricing WHERE experimental_mode_name IS NULL)"
        )
    }
    free = con.execute(
        "SELECT model_full_id FROM pricing WHERE cost_input = 0 AND cost_output = 0 AND min_context = 0"
        " AND experimental_mode_name IS NULL LIMIT 1"
    ).fetchone()[0]
    con.close()
    for oid in unpriced:
        p = built.offerings[oid].pricing
        # either still unknown, or filled from litellm (never a made-up $0 from models.dev)
        assert p is None or p.source == "litellm", oid
    assert sum(1 for oid in unpriced if built.offerings[oid].pricing is None) > 0
    fp = built.offerings[free].pricing
    assert fp is not None and fp.free and fp.tiers[0].input == 0


def test_litellm_fills_only_what_models_dev_lacks(built: Catalog) -> None:
    filled = [o for o in built.offerings.values() if o.pricing is not None and o.pricing.source == "litellm"]
    assert filled, "expected some prices filled from litellm"
    con = sqlite3.connect(default_paths().models_dev_db)
    for o in filled:
        row = con.execute(
            "SELECT 1 FROM pricing WHERE model_full_id = ? AND experimental_mode_name IS NULL", (o.id,)
        ).fetchone()
        assert row is None, f"{o.id} has a models.dev price but litellm was used"
        assert "litellm" in o.sources
    con.close()
    assert any(o.deprecation_date is not None for o in built.offerings.values())


def test_arena_ratings_join_with_bounds_and_source(built: Catalog) -> None:
    with gzip.open(default_paths().ratings_gz, "rt") as fh:
        ratings = json.load(fh)["ratings"]
    row = next(r for r in ratings["tasks"]["overall"] if r[0] == "anthropic / claude-opus-4.6")
    model = built.models["claude-opus-4.6"]
    overall = model.ratings["overall"]
    assert (overall.score, overall.lower, overall.upper, overall.votes) == (row[2], row[3], row[4], row[5])
    assert overall.source == "lmarena"
    assert model.maker == "anthropic"
    src = built.source("lmarena")
    assert src is not None and src.attribution is not None and "CC BY 4.0" in src.attribution


def test_qwen3_32b_model(built: Catalog) -> None:
    model = built.models["qwen3-32b"]
    for oid in (
        "abacus:Qwen/Qwen3-32B",
        "alibaba:qwen3-32b",
        "amazon-bedrock:qwen.qwen3-32b-v1:0",
        "chutes:Qwen/Qwen3-32B-TEE",
    ):
        assert oid in model.offerings
    assert model.open_weights is True
    assert model.params_total_b == 32
    assert model.context == max(o.context for o in built.offerings_of("qwen3-32b"))


def test_snapshot_round_trip(built: Catalog, tmp_path: Path) -> None:
    write_snapshot(built, tmp_path)
    loaded = load_catalog(tmp_path)
    # the snapshot keeps the listings as read; loading adds only the long-prompt tiers a listing lacks
    # and a same-priced trusted listing of the model (or its maker's one policy) supplies, marked
    assert loaded.offerings == borrow_long_tiers(built.models, built.offerings)
    assert {o.id for o in loaded.offerings.values() if o.pricing and o.pricing.tiers_from} == {
        k for k, o in built.offerings.items() if loaded.offerings[k] != o
    }
    assert loaded.models == built.models
    assert loaded.sources == built.sources


def _copy_sources(tmp: Path) -> SourcePaths:
    src = default_paths()
    paths = SourcePaths(
        models_dev_db=tmp / "db.sqlite", litellm_json=tmp / "litellm.json", ratings_gz=tmp / "ratings.json.gz"
    )
    shutil.copy(src.models_dev_db, paths.models_dev_db)
    shutil.copy(src.litellm_json, paths.litellm_json)
    shutil.copy(src.ratings_gz, paths.ratings_gz)
    return paths


def test_refresh_reports_price_changes_and_removals(tmp_path: Path) -> None:
    paths = _copy_sources(tmp_path)
    out = tmp_path / "snapshot"
    first = refresh(out, paths=paths)
    assert first.counts["offerings"] > 6000
    assert not first.price_changes
    con = sqlite3.connect(paths.models_dev_db)
    old_in, old_out = con.execute(
        "SELECT cost_input, cost_output FROM pricing WHERE model_full_id = 'openai:gpt-4o' AND min_context = 0"
        " AND experimental_mode_name IS NULL"
    ).fetchone()
    con.execute("UPDATE pricing SET cost_input = cost_input * 2 WHERE model_full_id = 'openai:gpt-4o'")
    con.execute("DELETE FROM models WHERE full_id = 'groq:openai/gpt-oss-20b'")
    con.commit()
    con.close()
    second = refresh(out, paths=paths)
    changes = {pc.offering: pc for pc in second.price_changes}
    assert set(changes) == {"openai:gpt-4o"}
    assert changes["openai:gpt-4o"].old == (old_in, old_out)
    assert changes["openai:gpt-4o"].new == (old_in * 2, old_out)
    assert second.removed == ["groq:openai/gpt-oss-20b"]
    assert second.added == []
    assert "price openai:gpt-4o" in second.summary()

"""The decision core reproduces every recorded recommendation exactly (tests/decision/golden_cases.py).

The fixtures were recorded before the core was optimised: equal JSON means the speed-ups changed no
ranking, no figure and no sentence. Regenerate only for an intended change of the decision.
"""

from __future__ import annotations

import json

import pytest

from tests.decision.golden_cases import GOLDEN_DIR, all_cases, as_json, run_case
from whichmodel.knowledge.catalog.store import load_catalog

CASES = all_cases()


def test_every_case_has_a_recording_and_every_recording_a_case() -> None:
    assert sorted(p.stem for p in GOLDEN_DIR.glob("*.json")) == sorted(CASES)
    assert len(CASES) >= 36


@pytest.mark.parametrize("name", sorted(CASES))
def test_recommendation_matches_the_recording(name: str) -> None:
    recorded = (GOLDEN_DIR / f"{name}.json").read_text(encoding="utf-8")
    produced = as_json(run_case(CASES[name], load_catalog()))
    if produced != recorded:
        # Show the structural difference (pytest diffs dicts), not two 60 kB strings.
        assert json.loads(produced) == json.loads(recorded)
        assert produced == recorded  # same data, different float text or key order


def test_a_warm_index_gives_what_a_fresh_one_gives() -> None:
    """The index's caches (static pass, prices, qualities) are keyed correctly: after other
    requirements warmed them, the result equals one computed on a catalog seen for the first time."""
    catalog = load_catalog()
    for name in ("load-en-0", "load-zh-1", "budget-per-1k", "zh-chat-cn", "volume-huge"):
        run_case(CASES[name], catalog)
    for name in ("load-en-48", "load-zh-49", "lang-zh-override", "budget-impossible"):
        fresh = catalog.model_copy()  # a new object: its own, empty index
        assert as_json(run_case(CASES[name], catalog)) == as_json(run_case(CASES[name], fresh))

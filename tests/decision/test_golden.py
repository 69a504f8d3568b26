"""The decision core reproduces every recorded recommendation exactly (tests/decision/golden_cases.py).

The fixtures were recorded before the core was optimised: equal JSON means the speed-ups changed no
ranking, no figure and no sentence. Regenerate only for an intended change of the decision.
"""

from __future__ import annotations

import json

import pytest

from knowledge.catalog.store import load_catalog
from tests.decision.golden_cases import GOLDEN_DIR, all_cases, as_json, run_case

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

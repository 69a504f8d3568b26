"""The eval suite meets its targets on the offline brain."""

import pytest

from evals.run_evals import TARGETS, load_conversations, meets_targets, run_all


def test_suite_size_and_languages():
    convs = load_conversations()
    assert len(convs) >= 30
    assert sum(c["id"].startswith("zh-") for c in convs) >= 10


@pytest.mark.slow
async def test_targets():
    summary, _outcomes = await run_all(knowledge_base=False)
    assert summary["slot_accuracy"] >= TARGETS["slot_accuracy"], summary["failures"]
    assert summary["top_pick_ok"] == 1.0, summary["failures"]
    assert summary["median_turns_states_everything"] <= TARGETS["median_turns"]
    assert meets_targets(summary)

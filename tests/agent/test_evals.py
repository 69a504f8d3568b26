"""The dev conversations keep their figures on the offline brain (a regression guard; the frozen
held-out part is measured and printed by `python -m evals.run_evals`, see scripts/test.sh)."""

import pytest

from evals.run_evals import TARGETS, load_conversations, missed_targets, run_all


def test_suite_size_and_languages():
    convs = load_conversations()
    assert len(convs) >= 150
    assert len(load_conversations(part="heldout")) >= 100
    assert sum(c.get("lang") == "zh" or c["id"].split("-")[1:2] == ["zh"] for c in convs) >= 50


@pytest.mark.slow
async def test_dev_targets_that_hold_stay_held():
    summary, _outcomes = await run_all(knowledge_base=False, part="dev")
    dev = summary["parts"]["dev"]
    assert dev["slot_accuracy"] >= TARGETS["slot_accuracy"], dev["failures"]
    assert dev["invented_rate"] <= TARGETS["invented_rate"]
    assert dev["top_pick_ok"] == 1.0, dev["failures"]
    assert dev["median_turns_states_everything"] <= TARGETS["median_turns"]
    # Chinese reply purity is not met yet on dev (97%): it is reported, not asserted.
    assert set(missed_targets(dev)) <= {"zh reply purity"}

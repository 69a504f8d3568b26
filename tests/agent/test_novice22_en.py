"""Novice review 22 (English threads T14, T16): a task turned down and another kept ("forget the summaries
... just the thank-you notes") takes the kept one and never quotes the turned-down sentence as the use case;
figures hedged with "maybe 15" stay out of a use case's title. Each test has a paraphrase not in the
reviewer's transcripts."""

from __future__ import annotations

import pytest

from whichmodel.agent.brain.offline import understand
from whichmodel.tools.report.titles import use_case_summary


def _facts(text: str) -> dict[str, object]:
    return {f.path: f.value for f in understand(text).facts}


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, forget the summaries, I'll keep reading the emails myself. Just the thank-you notes.",
        "Drop the summarising part, only the donor thank-you letters.",  # paraphrase
        "not the summaries, only the thank you emails to donors",  # paraphrase
        "Skip the summary bit please. Just thank-you cards for our volunteers.",  # paraphrase
    ],
)
def test_turned_down_task_gives_the_kept_one(text: str) -> None:
    facts = _facts(text)
    assert facts["task_type"] == "writing"
    use = str(facts.get("use_case", ""))
    assert "summar" not in use.lower() and "forget" not in use.lower() and "thank" in use.lower()


def test_use_case_is_the_task_sentence_not_the_filler_before_it() -> None:
    facts = _facts("Gosh, not sure how many. Maybe 30-40 emails a week? Thank-you notes maybe 15 a month, way more "
                   "around Thanksgiving.")
    assert facts["task_type"] == "writing"
    assert not str(facts["use_case"]).startswith("Gosh")
    assert use_case_summary(str(facts["use_case"]), "writing", "en") == "Thank-you notes"
    # paraphrase: hedged figures are no part of a title
    assert use_case_summary("Donor letters about 20 a month", "writing", "en") == "Donor letters"

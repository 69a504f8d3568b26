"""What a message means, by its nearest labelled descriptions (`agent.brain.meanings`, the interview
spec's option meanings) in the multilingual embedding space (`agent.brain.embed`), combined with the
keyword rules where rules are sure.

- `read_task`: the task type, with abstention: an unsure reading gives the two likeliest task types
  for a clarifying question instead of a guess.
- `is_vague`: "not sure, whatever is normal", "没想好" (take the pending question's stated default).
- `is_small_talk`: greetings and requests for help that carry no requirement (no knowledge search).
- `pick_option`: which offered option a free-form answer means ("不着急，当天能看到结果就行").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from whichmodel.agent.brain.embed import Labeller
from whichmodel.agent.brain.meanings import ACTS, TASKS
from whichmodel.agent.interview_spec import Option

TASK_THRESHOLD = 0.38
"""Below this similarity no task is read from the embedding alone."""
TASK_MARGIN = 0.04
"""The best task must lead the runner-up by this much, else the reading is unsure."""
CLEAR_LEAD = 0.1
"""A reading this far ahead of the runner-up is sure from LEAD_FLOOR up, though below TASK_THRESHOLD
(a long message about the business dilutes its one task clause: "I sell candles on Etsy and I hate
writing the little text under each product")."""
LEAD_FLOOR = 0.3
LEAD_MIN_CHARS = 60
"""Only a message this long is read by its lead alone: a short answer to another question ("任何云端API都可以")
is not diluted, so a weak reading of it is noise."""
CLARIFY_FLOOR = 0.24
"""An unsure reading at least this close to a task asks whether the likeliest task is meant (or the
runner-up); below it the plain task question is asked."""

MAX_PARTS = 8
"""Clauses of a message read on their own for its task (the first ones: a long paste is bounded)."""

WEAK_RULES = frozenset({"chat"})
"""Task keywords that often appear in other tasks' descriptions ("客服电话的录音变成文字" is not chat)."""

_TASKS = Labeller(TASKS, threshold=TASK_THRESHOLD, margin=TASK_MARGIN)
_ACTS = Labeller(ACTS, threshold=0.45, margin=0.1)
_CONTENT = re.compile(r"[a-z]{2,}|[\u3400-\u9fff]", re.IGNORECASE)


@dataclass(frozen=True)
class TaskReading:
    task: str | None
    by_meaning: bool
    """True when the embedding (not a keyword) decided: the fact is "inferred"."""
    options: tuple[str, ...] = ()
    """Unsure: the likeliest task types, best first (for a clarifying question)."""


def _contentful(text: str) -> bool:
    """Enough words to carry a meaning: three Latin words or four Chinese characters."""
    found = _CONTENT.findall(text)
    latin = sum(1 for w in found if w.isascii())
    return latin >= 3 or len(found) - latin >= 4


def task_scores(text: str, parts: Sequence[str] = ()) -> dict[str, float]:
    """Task type -> similarity: the mean of the whole text's and its best part's (sentence, clause).

    A long message ("we run a small shop, want to auto-route 20k tickets a day into 12 categories,
    budget maybe $400") dilutes the task among the other facts, so its task clause counts; alone a
    short clause is noisy ("it's writing the descriptions" is near "describe a picture"), so the
    whole message counts as much."""
    pieces = [p for p in parts if p.strip() != text.strip() and _contentful(p)][:MAX_PARTS]
    if not pieces:
        return _TASKS.scores(text)
    scored = _TASKS.scores_many([text, *pieces])  # one batch: the whole message and its parts
    if not scored:
        return {}
    whole, best = scored[0], dict[str, float]()
    for scores in scored[1:]:
        for label, score in scores.items():
            best[label] = max(best.get(label, score), score)
    return {label: (score + best.get(label, score)) / 2 for label, score in whole.items()}


def read_task(
    text: str, rule: str | None, negated: frozenset[str] = frozenset(), parts: Sequence[str] = ()
) -> TaskReading:
    """The task a message describes: a keyword rule's when one hits (rules are precise where they
    apply), else the nearest descriptions' when sure (close enough, or clearly ahead of the rest),
    else the two likeliest for a clarifying question."""
    if (rule is not None and rule not in WEAK_RULES) or not _contentful(text):
        return TaskReading(rule, False)
    scores = {k: v for k, v in task_scores(text, parts).items() if k not in negated}
    if not scores:
        return TaskReading(rule, False)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, score), (second, second_score) = ranked[0], ranked[1]
    if rule is not None:  # a weak keyword ("客服", "assistant") yields only to a clear reading
        if best != rule and score >= 0.45 and score - scores.get(rule, 0.0) >= 0.1:
            return TaskReading(best, True)
        return TaskReading(rule, False)
    if (score >= TASK_THRESHOLD and score - second_score >= TASK_MARGIN) or (
        len(text) >= LEAD_MIN_CHARS and score >= LEAD_FLOOR and score - second_score >= CLEAR_LEAD
    ):
        return TaskReading(best, True)
    if score >= CLARIFY_FLOOR:
        return TaskReading(None, True, (best, second))
    return TaskReading(None, False)


def is_vague(text: str) -> bool:
    """A non-answer that asks for the default ("not sure, whatever is normal", "随便，按常规来")."""
    scores = _ACTS.scores(text)
    if not scores:
        return False
    return scores["dont_know"] >= 0.45 and scores["dont_know"] - scores["small_talk"] >= 0.1


def is_small_talk(text: str) -> bool:
    """A greeting, thanks or a request for help that states nothing ("Can you help me figure out ...")."""
    scores = _ACTS.scores(text)
    return bool(scores) and scores["small_talk"] >= 0.45 and scores["small_talk"] - scores["dont_know"] >= 0.1


_OPTION_LABELLERS: dict[tuple[str, ...], Labeller] = {}


def _option_labeller(options: Sequence[Option]) -> Labeller:
    key = tuple(o.en for o in options)
    if key not in _OPTION_LABELLERS:
        _OPTION_LABELLERS[key] = Labeller(
            {str(i): (o.en, o.zh, *o.meanings) for i, o in enumerate(options)}, threshold=0.45, margin=0.06
        )
    return _OPTION_LABELLERS[key]


def pick_option(text: str, options: Sequence[Option]) -> int | None:
    """The index of the offered option a free-form answer means, or None when unsure."""
    if len(options) < 2 or not _contentful(text):
        return None
    verdict = _option_labeller(options).verdict(text)
    if verdict is None or verdict.label is None:
        return None
    return int(verdict.label)


def warm() -> bool:
    """Load the model and embed every description now (about 2-3 s once per process; with a vector
    folder, `embed.keep_vectors_in`, later processes load the vectors instead), so that no
    conversation turn pays for it; False when the model is unavailable (rules only)."""
    from whichmodel.agent.interview_spec import SLOTS

    if not _TASKS.prepare():
        return False
    _ACTS.prepare()
    for spec in SLOTS:
        if len(spec.options) >= 2:
            _option_labeller(spec.options).prepare()
    return True

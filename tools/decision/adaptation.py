"""How to adapt the picked model to the task: from the task's shape and the pick, as codes and numbers.

The seeds' order: prompts with context first; retrieval (RAG) when the answers depend on a corpus the
prompt cannot hold; fine-tuning when labelled examples exist, consistency matters and the picked model
can actually be tuned; training from scratch only for a domain no existing model has seen. Each rule is
one function below; the result carries codes (`reason_codes`, `step_codes`, `params`) and the wording
comes last (:mod:`tools.decision.explain` through :mod:`tools.decision.adaptation_text`), in the
person's language.

What the shape of the task changes:
* documents that *are* the input (summarise this contract, extract these fields) need a checklist in
  the prompt and a reviewed test set, not retrieval;
* a corpus that fits comfortably in the pick's context (half of it, at most) goes into the prompt with
  prompt caching; one that does not, or that changes often, is retrieved;
* speech, embeddings, image generation and moderation are tested on the person's own data (audio,
  queries, prompts, policy examples): prompt engineering is not their lever.
"""

from __future__ import annotations

from dataclasses import dataclass

from whichmodel.knowledge.catalog.finetune import closed_tuning
from whichmodel.knowledge.catalog.schema import Catalog
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Adaptation, Approach, Candidate

FINE_TUNE_MIN_EXAMPLES = 500
PRETRAIN_MIN_TOKENS_B = 50.0
CONSISTENCY_TASKS = frozenset({"classification", "extraction", "moderation"})
# Tasks whose documents arrive in the prompt: the "knowledge" is the input itself.
DOCUMENT_IN_PROMPT_TASKS = frozenset({"summarization", "extraction", "classification", "translation"})
# Share of the pick's context a whole corpus may take before retrieval is the better path.
CORPUS_SHARE_OF_CONTEXT = 0.5
# Context assumed when no pick is known (a common long-context window).
DEFAULT_CONTEXT = 128_000
# A prompt this long, sent with every request, is worth caching.
LONG_PROMPT_TOKENS = 10_000
BUNDLE_IN_PROMPT_TOKENS = 100_000
"""A stated prompt at least this long, with the answers depending on the person's documents, is those
documents put in the prompt: their size is known (the prompt's), so retrieval is not the default."""
DATA_TASK_STEPS: dict[str, tuple[str, ...]] = {
    "speech_to_text": ("collect_audio", "measure_wer", "add_vocabulary", "check_languages_audio"),
    "embedding": ("build_query_set", "measure_recall", "compare_dimensions"),
    "image_generation": ("style_prompts", "review_rubric"),
    "moderation": ("write_policy", "label_per_category", "calibrate_thresholds"),
}


@dataclass(frozen=True)
class PickFacts:
    """What the adaptation needs to know about the model the person starts with (the #1; None: no pick)."""

    model_key: str
    name: str
    open_weights: bool
    self_hosted: bool
    context: int
    self_host_monthly: float | None = None
    """What serving the pick on rented GPUs would cost at this volume (the shortlist's self-hosting
    estimate), None when unknown: tuned weights served that way must still fit the budget."""
    params_total_b: float | None = None
    """The pick's total parameters in billions (the catalog's, with its source), None when unknown."""


@dataclass(frozen=True)
class _Path:
    approach: Approach
    reasons: tuple[str, ...]
    steps: tuple[str, ...]
    citations: tuple[str, ...]
    params: dict[str, str | float]


def pick_facts(top: Candidate, catalog: Catalog) -> PickFacts:
    """The facts the adaptation reads from the #1 and its offering."""
    model = catalog.models[top.model_key]
    offering = catalog.offerings.get(top.offering_id) if top.offering_id else None
    return PickFacts(
        model_key=model.key,
        name=model.name,
        open_weights=model.open_weights,
        self_hosted=top.self_hosted,
        context=offering.context if offering else model.context,
        self_host_monthly=top.self_host.monthly_cost if top.self_host is not None else None,
        params_total_b=model.params_total_b,
    )


def tuning_service(pick: PickFacts) -> str | None:
    """How the pick can be fine-tuned: open weights always can; closed models through a known service."""
    if pick.open_weights or pick.self_hosted:
        return "open_weights"
    tuning = closed_tuning(pick.model_key)
    return tuning.service if tuning else None


def _data_task(req: Requirements) -> _Path | None:
    steps = DATA_TASK_STEPS.get(req.task_type)
    if steps is None:
        return None
    return _Path(
        "evaluate_on_your_data",
        (f"task_{req.task_type}",),
        steps,
        ("evaluation#own-data", "optimization-order#eval-set"),
        {"task": req.task_type},
    )


def _train_from_scratch(req: Requirements) -> _Path | None:
    data = req.data
    if not (data.novel_domain and data.unlabeled_tokens_billions >= PRETRAIN_MIN_TOKENS_B):
        return None
    return _Path(
        "train_from_scratch",
        ("novel_domain_with_corpus",),
        ("measure_existing_first", "try_continued_pretraining", "budget_training"),
        ("adaptation#train-from-scratch", "adaptation#choosing-the-path"),
        {"unlabeled_tokens_billions": data.unlabeled_tokens_billions},
    )


def _knowledge(req: Requirements, pick: PickFacts | None) -> _Path | None:
    data = req.data
    if not (data.proprietary_knowledge or data.knowledge_changes_often):
        return None
    context = pick.context if pick else DEFAULT_CONTEXT
    params: dict[str, str | float] = {"context": context}
    if req.task_type in DOCUMENT_IN_PROMPT_TASKS and not data.knowledge_changes_often:
        steps = ["checklist_prompt", "reviewed_test_set"]
        if req.volume.input_tokens > CORPUS_SHARE_OF_CONTEXT * context:
            steps.append("split_long_documents")
            params["input_tokens"] = req.volume.input_tokens
        return _Path(
            "prompt_engineering",
            ("documents_are_the_input",),
            tuple(steps),
            ("adaptation#prompt-engineering", "optimization-order#eval-set"),
            params,
        )
    corpus = data.knowledge_tokens
    if corpus is None and req.volume.input_tokens >= BUNDLE_IN_PROMPT_TOKENS:
        # a stated prompt this long is the documents themselves (s07: a whole data room in one prompt):
        # its size is the corpus size, not an unknown that calls for retrieval
        corpus = req.volume.input_tokens
    if corpus is not None and not data.knowledge_changes_often and corpus <= CORPUS_SHARE_OF_CONTEXT * context:
        params["knowledge_tokens"] = corpus
        return _Path(
            "long_context",
            ("corpus_fits_context",),
            ("corpus_in_prompt", "cache_corpus", "qa_test_set"),
            ("adaptation#prompt-engineering", "adaptation#rag"),
            params,
        )
    reasons = ["knowledge_changes_often"] if data.knowledge_changes_often else []
    if corpus is None and not reasons:
        reasons.append("corpus_size_unknown")
    elif corpus is not None and corpus > CORPUS_SHARE_OF_CONTEXT * context:
        reasons.append("corpus_exceeds_context")
        params["knowledge_tokens"] = corpus
    steps = ["task_prompt", "index_and_retrieve", "qa_test_set"]
    if data.labeled_examples >= FINE_TUNE_MIN_EXAMPLES and pick is not None and tuning_service(pick):
        steps.append("fine_tune_for_format")
    return _Path("rag", tuple(reasons), tuple(steps), ("adaptation#rag", "adaptation#choosing-the-path"), params)


SMALL_MODEL_TASKS = frozenset({"classification", "extraction"})
"""Tasks a small model learns well from labelled examples: the model to fine-tune for them is a small one."""
TUNE_MAX_PARAMS_B = 35.0
"""The largest open model (total parameters, billions) fine-tuning advice names for `SMALL_MODEL_TASKS`:
up to about 30B (Gemma 4 31B, Qwen 27-32B) LoRA tuning at 4-bit and serving fit on one 80 GB GPU; a
frontier MoE of hundreds of billions, or a model of unknown size, is out of proportion (expert24 D13)."""


def _tunes_oversized(req: Requirements, pick: PickFacts) -> bool:
    """The pick is too large (or of unknown size) to be the model fine-tuned for a task a small model
    learns (`SMALL_MODEL_TASKS`, `TUNE_MAX_PARAMS_B`)."""
    return req.task_type in SMALL_MODEL_TASKS and (pick.params_total_b is None or pick.params_total_b > TUNE_MAX_PARAMS_B)


def _fine_tuning(req: Requirements, pick: PickFacts | None) -> _Path | None:
    data = req.data
    needs_consistency = req.task_type in CONSISTENCY_TASKS or (req.accuracy_target or 0) >= 0.9
    if data.labeled_examples < FINE_TUNE_MIN_EXAMPLES or not needs_consistency:
        return None
    params: dict[str, str | float] = {"labeled_examples": data.labeled_examples, "task": req.task_type}
    service = tuning_service(pick) if pick is not None else None
    if pick is not None:
        params["model"] = pick.name
    if pick is not None and service is None:
        # The pick cannot be tuned: prompt it, and distil into an open model only if prompting plateaus.
        return _Path(
            "prompt_engineering",
            ("pick_not_tunable",),
            ("hold_out_eval", "few_shot_ceiling", "distil_into_open_model"),
            ("adaptation#fine-tuning", "optimization-order#distillation"),
            params,
        )
    if service is not None:
        params["service"] = service
    if pick is not None and service == "open_weights":
        # The model started with has open weights: tune it itself (a small classifier is the cheaper
        # alternative when the task is sorting into categories).
        # Sorting into categories with this many labels: a small classifier trained on them first (it
        # costs next to nothing and answers in milliseconds), the large pick tuned only if it falls short.
        oversized = _tunes_oversized(req, pick)
        tune = "fine_tune_small_open" if oversized else "fine_tune_pick"
        if oversized:
            params["max_params_b"] = TUNE_MAX_PARAMS_B
        steps = ("hold_out_eval", "few_shot_ceiling") + (
            ("small_classifier", tune) if req.task_type == "classification" else (tune,))
        budget = req.monthly_budget_usd
        if not oversized and not pick.self_hosted and pick.self_host_monthly is not None and budget is not None \
                and pick.self_host_monthly > budget:
            # serving the tuned weights on rented GPUs would break the budget the API pick keeps (s01)
            steps += ("tuned_serving_over_budget",)
            params.update(self_host_monthly=pick.self_host_monthly, budget=budget)
        return _Path(
            "fine_tuning",
            ("enough_examples_for_consistency",) if oversized else ("enough_examples_open_pick",),
            steps,
            ("adaptation#fine-tuning", "optimization-order#distillation"),
            params,
        )
    return _Path(
        "fine_tuning",
        ("enough_examples_for_consistency",),
        ("hold_out_eval", "few_shot_ceiling", "fine_tune_smaller"),
        ("adaptation#fine-tuning", "optimization-order#distillation"),
        params,
    )


def _prompting(req: Requirements) -> _Path:
    n = req.data.labeled_examples
    return _Path(
        "prompt_engineering",
        ("few_labelled_examples" if n else "no_labelled_examples",),
        ("task_prompt", "collect_eval_set", "keep_pairs"),
        ("adaptation#prompt-engineering", "optimization-order#eval-set"),
        {"labeled_examples": n},
    )


def choose_adaptation(req: Requirements, pick: PickFacts | None = None) -> Adaptation:
    """The adaptation path for these requirements and this pick, as codes (words are written later)."""
    path = (
        _data_task(req)
        or _train_from_scratch(req)
        or _knowledge(req, pick)
        or _fine_tuning(req, pick)
        or _prompting(req)
    )
    steps = list(path.steps)
    params = dict(path.params)
    if path.approach != "evaluate_on_your_data" and req.volume.input_tokens >= LONG_PROMPT_TOKENS:
        if "cache_corpus" not in steps and req.volume.cached_input_fraction > 0:
            steps.append("cache_long_prompt")  # with no cached share stated, the next steps say it once
        params["input_tokens"] = req.volume.input_tokens
    return Adaptation(
        approach=path.approach,
        reason="",
        steps=[],
        citations=list(path.citations),
        reason_codes=list(path.reasons),
        step_codes=steps,
        params=params,
    )

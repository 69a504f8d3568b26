"""The adaptation path follows the task's shape and the pick, and is worded in both languages."""

from __future__ import annotations

import re
from typing import Any

from whichmodel.knowledge.catalog.finetune import closed_tuning
from whichmodel.tools.decision.adaptation import PickFacts, choose_adaptation, tuning_service
from whichmodel.tools.decision.adaptation_text import REASONS, STEPS, word_adaptation
from whichmodel.tools.decision.explain import task_name
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Adaptation, Lang


def req(task: str = "qa", **kw: Any) -> Requirements:
    base: dict[str, Any] = {
        "use_case": "answer questions",
        "task_type": task,
        "volume": {"requests_per_month": 10_000, "input_tokens": 1000, "output_tokens": 100},
    }
    base.update(kw)
    return Requirements.model_validate(base)


def worded(a: Adaptation, lang: Lang = "en") -> Adaptation:
    return word_adaptation(a, lang, task_name(lang, str(a.params.get("task", "qa"))))


CLOSED = PickFacts("claude-opus-4.6", "Claude Opus 4.6", open_weights=False, self_hosted=False, context=200_000)
TUNABLE = PickFacts("gpt-4.1-mini", "GPT-4.1 mini", open_weights=False, self_hosted=False, context=1_000_000)
OPEN = PickFacts("qwen3-32b", "Qwen3 32B", open_weights=True, self_hosted=False, context=131_072, params_total_b=32.8)


def test_the_framework_order_holds_without_a_pick() -> None:
    assert choose_adaptation(req()).approach == "prompt_engineering"
    assert choose_adaptation(req(data={"proprietary_knowledge": True})).approach == "rag"
    assert choose_adaptation(req("classification", data={"labeled_examples": 2000})).approach == "fine_tuning"
    rare = req(data={"novel_domain": True, "unlabeled_tokens_billions": 200})
    assert choose_adaptation(rare).approach == "train_from_scratch"
    # A novel domain without the data for pre-training does not justify training from scratch.
    assert choose_adaptation(req(data={"novel_domain": True})).approach == "prompt_engineering"


def test_a_document_in_the_prompt_needs_a_checklist_not_retrieval() -> None:
    # "Summarise our confidential contracts": the contract is the input, not a corpus to search.
    a = choose_adaptation(req("summarization", data={"proprietary_knowledge": True}), CLOSED)
    assert a.approach == "prompt_engineering"
    assert a.reason_codes == ["documents_are_the_input"]
    assert a.step_codes[:2] == ["checklist_prompt", "reviewed_test_set"]
    # ...unless the documents change under the answers: then they are looked up.
    changing = req("summarization", data={"proprietary_knowledge": True, "knowledge_changes_often": True})
    assert choose_adaptation(changing, CLOSED).approach == "rag"


def test_a_long_document_is_split_when_it_fills_the_context() -> None:
    long_doc = req(
        "extraction",
        data={"proprietary_knowledge": True},
        volume={"requests_per_month": 1000, "input_tokens": 150_000, "output_tokens": 500},
    )
    a = choose_adaptation(long_doc, OPEN)  # 150k tokens against a 131k window
    assert "split_long_documents" in a.step_codes
    assert a.params["input_tokens"] == 150_000


def test_a_corpus_that_fits_goes_in_the_prompt_with_caching() -> None:
    small = req(data={"proprietary_knowledge": True, "knowledge_tokens": 40_000})
    a = worded(choose_adaptation(small, CLOSED))
    assert a.approach == "long_context"
    assert a.reason_codes == ["corpus_fits_context"]
    assert "cache_corpus" in a.step_codes
    assert "40,000" in a.reason and "200,000" in a.reason
    # Over half the window: retrieve.
    big = req(data={"proprietary_knowledge": True, "knowledge_tokens": 150_000})
    b = choose_adaptation(big, CLOSED)
    assert b.approach == "rag" and b.reason_codes == ["corpus_exceeds_context"]
    # Size unknown: RAG, and the reason says why.
    assert choose_adaptation(req(data={"proprietary_knowledge": True}), CLOSED).reason_codes == [
        "corpus_size_unknown"
    ]


def test_fine_tuning_only_when_the_pick_can_be_tuned() -> None:
    labelled = req("classification", data={"labeled_examples": 3000})
    closed = worded(choose_adaptation(labelled, CLOSED))
    assert closed.approach == "prompt_engineering"
    assert closed.reason_codes == ["pick_not_tunable"]
    assert "distil_into_open_model" in closed.step_codes
    assert "Claude Opus 4.6" in closed.reason
    tunable = choose_adaptation(labelled, TUNABLE)
    assert tunable.approach == "fine_tuning" and tunable.params["service"] == "OpenAI fine-tuning API"
    assert choose_adaptation(labelled, OPEN).params["service"] == "open_weights"
    # RAG's optional fine-tuning step follows the same rule.
    rag = req(data={"proprietary_knowledge": True, "labeled_examples": 3000})
    assert "fine_tune_for_format" not in choose_adaptation(rag, CLOSED).step_codes
    assert "fine_tune_for_format" in choose_adaptation(rag, OPEN).step_codes


def test_the_tuning_table_knows_families_and_dated_snapshots_only() -> None:
    assert closed_tuning("gpt-4o-2024-08-06") is not None
    assert closed_tuning("gpt-4o-audio-preview") is None
    assert closed_tuning("claude-opus-4.6") is None
    assert tuning_service(OPEN) == "open_weights"
    assert tuning_service(CLOSED) is None


def test_speech_embedding_image_and_moderation_are_tested_on_your_data() -> None:
    for task, first in [
        ("speech_to_text", "collect_audio"),
        ("embedding", "build_query_set"),
        ("image_generation", "style_prompts"),
        ("moderation", "write_policy"),
    ]:
        a = choose_adaptation(req(task, data={"proprietary_knowledge": True, "labeled_examples": 5000}))
        assert a.approach == "evaluate_on_your_data", task
        assert a.step_codes[0] == first
        assert a.citations[0] == "evaluation#own-data"


def test_a_long_prompt_gets_one_caching_step() -> None:
    # with a cached share stated, the path keeps the repeated part first; with none, the report's next
    # steps say it once (expert17 Y8: the same advice twice in different words)
    cached = req(volume={"requests_per_month": 1000, "input_tokens": 30_000, "output_tokens": 300,
                         "cached_input_fraction": 0.5})  # fmt: skip
    assert choose_adaptation(cached).step_codes[-1] == "cache_long_prompt"
    plain = req(volume={"requests_per_month": 1000, "input_tokens": 30_000, "output_tokens": 300})
    assert "cache_long_prompt" not in choose_adaptation(plain).step_codes


def test_the_core_writes_no_words() -> None:
    a = choose_adaptation(req(data={"proprietary_knowledge": True}), CLOSED)
    assert a.reason == "" and a.steps == [] and a.reason_codes and a.step_codes


def test_every_code_has_english_and_chinese_words() -> None:
    assert REASONS["en"].keys() == REASONS["zh"].keys()
    assert STEPS["en"].keys() == STEPS["zh"].keys()


def test_the_chinese_path_is_chinese() -> None:
    a = worded(choose_adaptation(req("summarization", data={"proprietary_knowledge": True}), CLOSED), "zh")
    text = a.reason + "".join(a.steps)
    assert re.search(r"[A-Za-z]{4,}", text) is None, text


def test_an_open_pick_is_tuned_itself_and_a_small_classifier_only_for_classification() -> None:
    extraction = worded(choose_adaptation(req("extraction", data={"labeled_examples": 3000}), OPEN))
    assert extraction.reason_codes == ["enough_examples_open_pick"]
    assert extraction.step_codes[-1] == "fine_tune_pick" and "fine-tune Qwen3 32B" in extraction.steps[-1]
    classification = choose_adaptation(req("classification", data={"labeled_examples": 3000}), OPEN)
    assert classification.step_codes[-2:] == ["small_classifier", "fine_tune_pick"]  # the classifier first
    zh = worded(choose_adaptation(req("classification", data={"labeled_examples": 3000}), OPEN), "zh")
    assert "微调 Qwen3 32B" in zh.reason

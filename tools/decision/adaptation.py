"""Which adaptation path the seeds' framework suggests: prompts, then RAG, then fine-tuning, rarely training.

The order is the framework's: start with prompt engineering and context; add retrieval when the model
must use your own or changing knowledge; fine-tune when you have enough labelled examples and need
consistent behaviour or a cheaper, smaller model (distillation); train from scratch only for a domain
or language no existing model has seen, with the data and budget that takes.
"""

from __future__ import annotations

from tools.decision.requirements import Requirements
from tools.decision.result import Adaptation

FINE_TUNE_MIN_EXAMPLES = 500
PRETRAIN_MIN_TOKENS_B = 50.0
CONSISTENCY_TASKS = frozenset({"classification", "extraction"})


def choose_adaptation(req: Requirements) -> Adaptation:
    data = req.data
    if data.novel_domain and data.unlabeled_tokens_billions >= PRETRAIN_MIN_TOKENS_B:
        return Adaptation(
            approach="train_from_scratch",
            reason=(
                f"the domain is one no existing model has seen and {data.unlabeled_tokens_billions:g}B tokens of "
                "in-domain text are available; training from scratch is the rare case the framework reserves "
                "for this, and it costs far more than every other path: confirm first that RAG and fine-tuning "
                "on an open model fall short"
            ),
            steps=[
                "build an evaluation set and measure the best existing models first",
                "try continued pre-training or fine-tuning of an open-weights model before training from scratch",
                "budget for data cleaning, compute and evaluation",
            ],
            citations=["adaptation#train-from-scratch", "adaptation#choosing-the-path"],
        )
    if data.proprietary_knowledge or data.knowledge_changes_often:
        why = "the answers depend on your own knowledge"
        if data.knowledge_changes_often:
            why += " which changes often, so it must be retrieved at question time rather than trained in"
        steps = [
            "start with a prompt that states the task, format and a few examples",
            "index your documents and retrieve the relevant passages into the prompt (RAG)",
            "evaluate answers against a set of real questions with known answers",
        ]
        if data.labeled_examples >= FINE_TUNE_MIN_EXAMPLES:
            steps.append("if tone or format stays inconsistent, fine-tune on your labelled examples as well")
        return Adaptation(
            approach="rag",
            reason=why + "; retrieval keeps it current and citable without retraining",
            steps=steps,
            citations=["adaptation#rag", "adaptation#choosing-the-path"],
        )
    needs_consistency = req.task_type in CONSISTENCY_TASKS or (req.accuracy_target or 0) >= 0.9
    if data.labeled_examples >= FINE_TUNE_MIN_EXAMPLES and needs_consistency:
        return Adaptation(
            approach="fine_tuning",
            reason=(
                f"{data.labeled_examples:,} labelled examples are enough to fine-tune for consistent "
                f"{req.task_type} behaviour; begin with prompting the strongest model to set the accuracy bar, "
                "then fine-tune (or distil into) a smaller, cheaper model and check it keeps that accuracy"
            ),
            steps=[
                "hold out part of the labelled examples as an evaluation set",
                "prompt the strongest candidate with a few examples to measure the accuracy ceiling",
                "fine-tune a smaller model on the rest and compare on the held-out set",
            ],
            citations=["adaptation#fine-tuning", "optimization-order#distillation"],
        )
    reason = "no private knowledge base and "
    reason += (
        f"only {data.labeled_examples:,} labelled examples"
        if data.labeled_examples
        else "no labelled examples"
    )
    reason += ": prompt engineering with clear instructions, context and a few examples is the first step"
    return Adaptation(
        approach="prompt_engineering",
        reason=reason,
        steps=[
            "write the task, output format and 3-5 examples into the prompt",
            "collect 50-100 real examples with expected answers as an evaluation set",
            "keep prompt/answer pairs: they become fine-tuning data if prompting plateaus",
        ],
        citations=["adaptation#prompt-engineering", "optimization-order#eval-set"],
    )

"""Plain words for a non-technical person (issue #12), in the chat (offline brain, the real Advisor)
and in the texts it is written from: tasks by name ("answering questions", not "qa"), no "top tier",
"open-weights" or bare "prompt engineering", quality differences said as what they are, the use case
summarised instead of echoed, and Chinese that addresses the person as 您 throughout."""

from __future__ import annotations

import re

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent import glossary, interview_spec, prompts
from whichmodel.agent.service import Advisor, RequirementsTable
from whichmodel.agent.settings import Settings
from whichmodel.tools.decision import adaptation_text, explain
from whichmodel.tools.decision.result import Reason
from whichmodel.tools.report import labels

EN_QA = "We want to answer customer questions about our product manuals, about 1,000 a day, budget $500 a month, any cloud API"
ZH_SORT = "我们想把客户邮件自动分到几个文件夹里，每天大概一千封，每月预算200美元，任何云端API都可以"

JARGON_EN = re.compile(r"\bqa\b|top (quality )?tier|open-weights|\bElo\b", re.IGNORECASE)


def _advisor() -> Advisor:
    return Advisor(Settings(), checkpointer=InMemorySaver(), probes=None)


def _strings(node: object) -> list[str]:
    """Every string in a (nested) table of texts."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list | tuple):
        return [s for v in node for s in _strings(v)]
    return []


async def test_english_chat_names_the_task_and_the_path_in_plain_words() -> None:
    async with _advisor() as adv:
        reply = await adv.send("en", EN_QA)
        rec = await adv.recommendation("en")
    assert rec is not None and rec.recommendations, reply.text
    table = next(e for e in reply.events if isinstance(e, RequirementsTable))
    rows = {r.field: r.value for r in table.rows}
    assert rows["task_type"] == "answering questions"
    # the use case is summarised (subject + task), not the person's message echoed back
    assert (
        rows["use_case"] != EN_QA and "customer questions" in rows["use_case"] and len(rows["use_case"]) < 60
    )
    assert EN_QA not in reply.text and "For \u201c" not in reply.text
    assert not JARGON_EN.findall(reply.text), JARGON_EN.findall(reply.text)
    assert "for answering questions" in reply.text
    # the technical name of the path only with its plain gloss
    if "prompt engineering" in reply.text:
        assert "writing good instructions with examples (prompt engineering)" in reply.text
    # a quality difference says what it is (points of 100 on public ratings), never a bare "-7.4"
    assert not re.search(r"-\d+(\.\d)? quality points", reply.text)


async def test_chinese_chat_summarises_the_use_case_and_says_what_a_difference_is() -> None:
    async with _advisor() as adv:
        reply = await adv.send("zh", ZH_SORT)
        rec = await adv.recommendation("zh")
    assert rec is not None and rec.recommendations, reply.text
    table = next(e for e in reply.events if isinstance(e, RequirementsTable))
    rows = {r.field: r.value for r in table.rows}
    assert rows["use_case"] == "客户邮件分到文件夹里"  # the subject and the task, not the whole message
    assert rows["task_type"] == "分类"
    assert "针对“" not in reply.text and ZH_SORT not in reply.text
    assert not re.search(r"-\d+(\.\d)? 分", reply.text), reply.text
    assert "你" not in reply.text


@pytest.mark.parametrize(("lang", "d", "words"), [("en", -7.4, "7.4 of 100 points lower on public ratings"),
                                                  ("en", 2.0, "2.0 of 100 points higher"),
                                                  ("zh", -7.4, "公开评分低 7.4 分（满分 100 分）")])  # fmt: skip
def test_a_quality_difference_is_said_as_points_of_public_ratings(lang: str, d: float, words: str) -> None:
    value = Reason(code="value", params={"model": "M", "monthly": 38.0, "x": 4.1, "d": d, "near": True})
    text = explain.say(lang, value)  # type: ignore[arg-type]
    assert words in text and f"{d:+.1f}" not in text, text


def test_tasks_have_plain_english_names() -> None:
    assert explain.task_name("en", "qa") == "answering questions"
    assert all(
        explain.task_name("en", task) != task for task in explain.TASK_ZH if "_" in task or task == "qa"
    )
    assert set(explain.TASK_EN) == set(explain.TASK_ZH)


def test_deployment_choices_and_labels_have_no_open_weights_jargon() -> None:
    options = [
        *interview_spec.QUESTIONS["deployment"].options,
        *prompts.CONFLICT_OPTIONS["self_host_vs_providers"],
    ]
    texts = [o.label(lang) for o in options for lang in ("en", "zh")] + _strings(prompts.FIELD_LABELS)
    assert texts and not [t for t in texts if re.search(r"open[- ]weights|开源权重", t)]


def test_chinese_texts_address_the_person_as_nin() -> None:
    """您, never 你, in every Chinese text the person reads (chat templates, glossary, explainer,
    adaptation, report labels)."""
    zh = (
        _strings(prompts.TEMPLATES["zh"])
        + _strings([z for _, z in prompts.FIELD_LABELS.values()])
        + [term.answer("zh") for term in glossary.TERMS]
        + _strings(explain.TEXT["zh"])
        + _strings(adaptation_text.REASONS["zh"])
        + _strings(adaptation_text.STEPS["zh"])
        + _strings(labels.LABELS["zh"])
    )
    assert len(zh) > 300
    assert [s for s in zh if "你" in s] == []

"""Conversation flows through the Advisor (offline brain, in-memory checkpointer) and the pure slot logic."""

from __future__ import annotations

from dataclasses import dataclass

from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain import understand
from whichmodel.agent.nodes.slots import find_conflicts, merge_facts, next_missing, to_raw
from whichmodel.agent.prompts import QUESTIONS
from whichmodel.agent.service import Advisor, Question, ReportReady, RequirementsTable, Shortlist, ToolStep
from whichmodel.agent.settings import Settings
from whichmodel.agent.state import Fact
from whichmodel.knowledge.units import to_usd
from whichmodel.tools.decision import parse_requirements

EN_ALL = "we classify ~20k support tickets a day, must stay under $300 a month, answers within 2 seconds, any cloud API"


def _advisor(retriever=None) -> Advisor:
    return Advisor(Settings(), retriever=retriever, checkpointer=InMemorySaver())


def test_every_option_label_is_understood_as_that_option():
    for spec in QUESTIONS.values():
        for lang in ("en", "zh"):
            labels = spec.labels(lang)
            for i, label in enumerate(labels):
                u = understand(label, expecting=spec.expecting, options=labels)
                assert u.choice == labels[i], (spec.field, label, u)


def test_merge_latest_wins_but_defaults_never_overwrite():
    slots, changed = merge_facts({}, [Fact("budget.monthly_usd", 300.0, "stated", "$300")])
    slots, changed = merge_facts(slots, [Fact("budget.monthly_usd", 200.0, "inferred", "$200")])
    assert slots["budget.monthly_usd"]["value"] == 200.0 and changed == ["budget.monthly_usd"]
    slots, changed = merge_facts(slots, [Fact("budget.monthly_usd", None, "defaulted", "")])
    assert slots["budget.monthly_usd"]["value"] == 200.0 and changed == []


async def test_a_cantonese_mention_is_acknowledged_not_dropped():
    async with _advisor() as adv:
        await adv.send("y", "我们想做个客服机器人回答顾客问题")
        reply = await adv.send("y", "顾客大多讲广东话，也有讲普通话的")
        state = await adv.state("y")
        assert state.slots["languages"]["value"] == ["zh"]  # no Cantonese code in the catalog
        assert "粤语" in reply.text


def test_next_missing_follows_priority_and_raw_parses():
    slots, _ = merge_facts({}, [Fact("task_type", "code", "stated", "code")])
    assert next_missing(slots) == "volume.requests_per_month"
    raw = to_raw(slots, fallback_use_case="code review", language="zh")
    assert parse_requirements(raw).task_type == "code" and raw["languages"] == ["zh"]


def test_self_host_with_api_provider_is_a_conflict():
    slots, _ = merge_facts(
        {},
        [
            Fact("deployment.self_host", True, "stated", ""),
            Fact("deployment.providers_allowed", ["openai"], "stated", ""),
        ],
    )
    assert [c.kind for c in find_conflicts(slots)] == ["self_host_vs_providers"]


async def test_english_interview_recommends_at_once_and_reranks():
    async with _advisor() as adv:
        second = await adv.send("t", EN_ALL)  # everything that changes the answer: no confirmation step
        assert second.stage == "recommended"
        table = next(e for e in second.events if isinstance(e, RequirementsTable))
        rows = {r.field: r for r in table.rows}
        assert rows["budget.monthly_usd"].provenance == "stated"
        kinds = {type(e) for e in second.events}
        assert {ToolStep, Shortlist, ReportReady} <= kinds
        steps = [e.name for e in second.events if isinstance(e, ToolStep)]
        assert steps[:3] == ["catalog_search", "shortlist_and_rank", "cost_estimate"]
        report = next(e for e in second.events if isinstance(e, ReportReady))
        assert report.markdown and report.html.startswith("<!") and "<svg" in report.svg_chart
        third = await adv.send("t", "actually the budget is $50")
        rec = await adv.recommendation("t")
        assert third.stage == "recommended" and rec is not None
        assert rec.requirements.budget.monthly_usd == 50.0
        assert all(c.monthly_cost_usd is not None and c.monthly_cost_usd <= 50 for c in rec.recommendations)


async def test_chinese_replies_in_chinese_and_asks_one_question_with_default():
    async with _advisor() as adv:
        reply = await adv.send("z", "我们要做客服聊天机器人，每天一万次对话")
        questions = [e for e in reply.events if isinstance(e, Question)]
        assert len(questions) == 1
        q = questions[0]
        assert q.field == "budget.monthly_usd" and q.default == "预算不限" and q.options
        assert reply.lang == "zh" and "预算" in reply.text
        reply = await adv.send("z", "300")
        state = await adv.state("z")
        # the choices were shown in yuan (每月500元...), so a bare figure is yuan too, shown as such
        budget = state.slots["budget.monthly_usd"]
        assert budget["value"] == round(to_usd(300, "CNY"), 2) and budget["shown"].startswith("¥300")
        reply_usd = await adv.send("z2", "我们要做客服聊天机器人，每天一万次对话")
        assert reply_usd.pending is not None
        await adv.send("z2", "300美元")
        assert (await adv.state("z2")).slots["budget.monthly_usd"]["value"] == 300.0
        # answer time and where it runs are assumed, not asked (nothing sensitive was said): the
        # recommendation follows, with the assumptions said
        assert reply.stage == "recommended" and "只在自己的服务器上运行：否" in reply.text


async def test_chinese_count_correction_replaces_the_volume_and_says_so():
    async with _advisor() as adv:
        await adv.send("c", "我们是做保险的，想用AI审核理赔单据里的条款，一个月大概两百单")
        reply = await adv.send("c", "其实不是两百单，是八百单，刚才说错了")
        state = await adv.state("c")
        assert state.slots["volume.requests_per_month"]["value"] == 800
        assert "→" in reply.text and "800" in reply.text  # the change is acknowledged, not silent
        await adv.send("c", "不对，不是每个月，是每天八百单")
        state = await adv.state("c")
        assert state.slots["volume.requests_per_month"]["value"] == 24_000


async def test_meeting_length_in_hours_becomes_audio_minutes_and_the_rows_speak_chinese():
    async with _advisor() as adv:
        await adv.send("m", "想把每周的例会录音转成文字，每周十场，每场一个半小时，预算每月一千元，数据要留在国内")
        reply = await adv.send("m", "都用云就行")
        state = await adv.state("m")
        assert state.slots["volume.audio_minutes"]["value"] == 90.0
        rows = [r for e in reply.events if isinstance(e, Shortlist) for r in e.rows]
        for row in rows:  # lifecycle warnings in the chat's language ("预览版", not "preview release")
            assert not any(ch.isascii() and ch.isalpha() for w in row.warnings for ch in w.replace("GPU", ""))


@dataclass
class _Passage:
    id: str
    neutral_id: str
    heading: str
    text: str
    lang: str


@dataclass
class _Hit:
    passage: _Passage


class _OnePassage:
    """A stand-in retriever returning a fixed passage (retrieval itself is tested in tests/retrieval)."""

    def search_framework(self, query, k=2, lang=None):
        return [
            _Hit(
                _Passage(f"{lang}/adaptation#rag", "adaptation#rag", "RAG", "Retrieval adds documents.", lang)
            )
        ]


async def test_side_question_is_answered_with_citation_and_the_question_re_asked():
    async with _advisor(_OnePassage()) as adv:
        await adv.send("s", "we answer employee questions over our HR knowledge base, 2k questions a day")
        pending = (await adv.state("s")).pending
        reply = await adv.send("s", "how should we evaluate the candidate models?")
        message = next(e for e in reply.events if getattr(e, "citations", None))
        assert message.citations == ["en/adaptation#rag"]
        assert "Retrieval adds documents." in reply.text and "[en/" not in reply.text  # readable, no ids
        assert reply.pending == pending  # back to the same question


async def test_reset_clears_requirements():
    async with _advisor() as adv:
        await adv.send("r", EN_ALL)
        await adv.send("r", "start over")
        state = await adv.state("r")
        assert state.slots == {} and state.stage == "interview"

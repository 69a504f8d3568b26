"""A conversation a non-technical person trusts (issue #12), through the Advisor with the offline
brain: vague answers take the stated default and say so, corrections say what changed, long messages
are refused with the limit named, side questions are answered (glossary, why-not) and ordinary
messages never trigger a knowledge search, Chinese chat lines are Chinese, money stays in the
person's currency, and a recommendation comes as soon as task, volume, budget and deployment are known."""

from __future__ import annotations

import re

from langgraph.checkpoint.memory import InMemorySaver

from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS
from whichmodel.agent.nodes.render import render_plain
from whichmodel.agent.service import Advisor, Message, ReportReady, RequirementsTable, ToolStep
from whichmodel.agent.settings import Settings
from whichmodel.tools.decision.names import provider_display

EN_ALL = "we classify ~20k support tickets a day, must stay under $300 a month, any cloud API is fine"


class _CountingRetriever:
    """Records every knowledge search (retrieval itself is tested in tests/retrieval)."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def search_framework(self, query, k=2, lang=None):
        self.queries.append(query)
        return []


def _advisor(retriever=None) -> Advisor:
    return Advisor(Settings(), retriever=retriever, checkpointer=InMemorySaver(), probes=None)


def _texts(reply) -> str:
    return "\n".join(e.text for e in reply.events if isinstance(e, Message))


async def test_everything_stated_reaches_the_table_in_one_message_with_assumptions_shown():
    async with _advisor() as adv:
        first = await adv.send("a", EN_ALL)
        assert first.stage == "recommended"  # the table and the recommendation in the same reply
        rows = {r.field: r for r in next(e for e in first.events if isinstance(e, RequirementsTable)).rows}
        assert rows["latency.p95_seconds"].provenance == "defaulted"
        assert rows["priority"].provenance == "defaulted"
        assert "Assumed until you say otherwise" in _texts(first)
        assert any(isinstance(e, ReportReady) for e in first.events)


async def test_vague_answer_takes_the_default_and_says_so():
    async with _advisor() as adv:
        await adv.send("v", "we summarize meeting notes")
        reply = await adv.send("v", "not sure, whatever is normal")
        assert "I'll assume “Under 10,000 a month”" in _texts(reply)
        state = await adv.state("v")
        assert state.slots["volume.requests_per_month"]["provenance"] == "defaulted"
        assert reply.pending and reply.pending["field"] == "budget.monthly_usd"  # not the same question again


async def test_free_answer_is_matched_to_an_option_by_meaning():
    async with _advisor() as adv:
        await adv.send("m", "帮律师总结合同，每天两百份，每月预算一万元，任何云端API都可以")
        await adv.send("m", "对")
        reply = await adv.send("m", "我们不着急，律师当天能看到结果就行")
        state = await adv.state("m")
        assert state.slots["latency.p95_seconds"]["value"] is None
        assert reply.lang == "zh"


async def test_correction_says_what_changed():
    async with _advisor() as adv:
        await adv.send("c", EN_ALL)
        reply = await adv.send("c", "sorry, the budget is $500 a month")
        text = _texts(reply)
        assert "Changed: Monthly budget: $300/month → $500/month" in text


async def test_task_correction_by_meaning():
    async with _advisor() as adv:
        await adv.send("t", "a chatbot for our shop, 500 a day, $200 a month, any cloud API")
        await adv.send("t", "it's not really chat, it's writing the descriptions")
        state = await adv.state("t")
        assert state.slots["task_type"]["value"] == "writing"


async def test_long_message_is_refused_with_the_limit_named_and_nothing_is_read():
    async with _advisor() as adv:
        await adv.send("l", EN_ALL)
        paste = "ticket export line. " * 700 + "The budget is now $450 a month."
        assert len(paste) > MAX_MESSAGE_CHARS
        reply = await adv.send("l", paste)
        assert f"{MAX_MESSAGE_CHARS:,}" in reply.text and f"{len(paste):,}" in reply.text
        state = await adv.state("l")
        assert state.slots["budget.monthly_usd"]["value"] == 300  # not silently half-read


async def test_glossary_questions_get_a_plain_answer_in_the_persons_language():
    retriever = _CountingRetriever()
    async with _advisor(retriever) as adv:
        reply = await adv.send("g", "what are tokens?")
        assert "three quarters of an English word" in reply.text
        zh = await adv.send("g2", "上下文窗口是什么意思？")
        assert "模型一次能看到的文字总量" in zh.text
    assert retriever.queries == []


async def test_ordinary_messages_never_search_the_knowledge_base():
    retriever = _CountingRetriever()
    async with _advisor(retriever) as adv:
        await adv.send("o", "Can you help me figure out what to use?")
        await adv.send("o", "we summarize meeting notes")
        await adv.send("o", "about 200 a day")
    assert retriever.queries == []


async def test_why_not_before_and_after_a_recommendation():
    async with _advisor() as adv:
        early = await adv.send("w", "why not GPT-4?")
        assert "as soon as there is a shortlist" in early.text
        await adv.send("w", EN_ALL)
        await adv.send("w", "yes")
        rec = await adv.recommendation("w")
        assert rec is not None and rec.recommendations
        top = rec.recommendations[0]
        about_top = await adv.send("w", f"why not {top.model}?")
        assert "#1" in about_top.text  # the core's why_not: same ranking, its explainer's sentence
        if len(rec.recommendations) > 1:
            second = rec.recommendations[1]
            about = await adv.send("w", f"what about {second.model}?")
            assert f"#{second.rank}" in about.text
        zh = await adv.send("w", f"为什么不用 {top.model}？")
        assert "#1" in zh.text or "第1" in zh.text or "第 1" in zh.text
        unknown = await adv.send("w", "why not Zorblax-9?")
        assert "can't find" in unknown.text
        assert any(isinstance(e, ToolStep) and e.name == "why_not" for e in unknown.events)


_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
_ALLOWED_LATIN = {"API", "JSON", "GPU", "PDF", "token", "Token", "LMArena", "RAG"}


async def test_chinese_chat_lines_are_chinese_and_money_stays_in_yuan():
    async with _advisor() as adv:
        first = await adv.send("z", "每天大约两千份合同需要做摘要，数据必须留在中国境内，每月预算五千元")
        lines = _texts(first)
        rec = await adv.recommendation("z")
        assert rec is not None and rec.recommendations
        names = {
            w
            for r in rec.recommendations
            for w in _LATIN_WORD.findall(f"{r.model} {r.provider} {r.provider_name}")
        }
        names |= {w.lower() for w in names}  # offering ids ("moonshotai:kimi-k3") spell them in lower case
        table = next(e for e in first.events if isinstance(e, RequirementsTable))
        values = " ".join(r.value + r.label for r in table.rows if r.field != "use_case")
        for text in (lines, values):
            foreign = [w for w in _LATIN_WORD.findall(text) if w not in _ALLOWED_LATIN | names]
            assert not foreign, (foreign, text)
        assert "摘要" in values and "中国境内" in values and "¥5,000" in values and "约 $704" in values
        assert "我的推荐" in lines and "每月约¥" in lines  # costs in the person's currency, with the dollar figure
        # providers by their display names, region notes in Chinese ("Moonshot AI（中国）", not "moonshotai-cn")
        shortlist = render_plain(first.events, "zh")
        for r in rec.recommendations[:5]:
            if r.provider_name:
                assert provider_display(r.provider_name, r.provider, "zh") in shortlist, shortlist
            assert f"通过{r.provider}" not in shortlist or r.provider == r.provider_name
        assert "(China)" not in shortlist


async def test_implausible_figures_are_kept_but_questioned():
    async with _advisor() as adv:
        reply = await adv.send("p", "we summarize reports, 500 a day, budget $90,000,000 a month")
        assert "That looks unusual" in reply.text and "$90,000,000/month" in reply.text
        zh = await adv.send("pz", "每天两百份合同需要摘要，每月预算九千万美元")
        assert "不太寻常" in zh.text
        state = await adv.state("pz")
        assert state.slots["budget.monthly_usd"]["value"] == 90_000_000  # kept, only questioned

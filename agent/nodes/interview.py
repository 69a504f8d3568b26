"""The graph's nodes: understand -> [answer a side question] -> decide -> ask | conflict |
recommend | idle -> finish. `reset` clears the conversation.

`decide` is deterministic: it merges the turn's facts into the slots and computes what is missing
(agent.nodes.slots); the brain never chooses what to ask or whether to recommend. Each node writes
typed events (agent.events); the graph stores their JSON dumps and the service validates them back.
"""

from __future__ import annotations

import asyncio
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from langgraph.types import Command

from whichmodel.agent import tools
from whichmodel.agent.brain import lexicon as lx
from whichmodel.agent.brain import meaning
from whichmodel.agent.brain.hant import to_simplified
from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS, lower_aligned, normalize
from whichmodel.agent.brain.offline import (
    Understanding,
    asks_capability,
    corrected_count,
    generic_dollar,
    grading_with_comments,
    item_named,
    local_dollar,
    rate_needs_context,
    restated_count,
    restated_currency,
    restated_figure,
    restated_period,
    tasks_named,
    turned_down_items,
    turned_down_places,
    unit_count_clause,
    unsupported_residency,
    without_items,
)
from whichmodel.agent.brain.offline import understand as offline_understand
from whichmodel.agent.events import (
    AnyEvent,
    Message,
    NewTurn,
    Provenance,
    Question,
    ReportReady,
    RequirementsTable,
    Shortlist,
    ToolStep,
    dump,
    load_all,
)
from whichmodel.agent.glossary import also_asked as glossary_also
from whichmodel.agent.glossary import lookup as glossary_lookup
from whichmodel.agent.interview_spec import PLAUSIBLE, Option
from whichmodel.agent.nodes import answers, phone, places, render
from whichmodel.agent.nodes import probe as probe_step
from whichmodel.agent.nodes.render import message as _message
from whichmodel.agent.nodes.render import t
from whichmodel.agent.nodes.slots import (
    FORGET_RESIDENCY,
    MAX_ASKS,
    assumed_facts,
    default_facts,
    drop_forgotten_residency,
    drop_turned_down,
    find_conflicts,
    implied_facts,
    jsonable,
    location_sentence,
    mentioned_options,
    merge_facts,
    next_missing,
    option_facts,
    rough_confirmations,
    to_raw,
)
from whichmodel.agent.nodes.understanding import Asked, Brain, understanding_to_state
from whichmodel.agent.probing import ProbeService
from whichmodel.agent.prompts import CONFLICT_OPTIONS, QUESTIONS
from whichmodel.agent.reply_script import (
    asks_script,
    converted,
    events_in_script,
    reply_script,
    without_script_request,
)
from whichmodel.agent.state import Fact, Pending, State, cleared
from whichmodel.knowledge.availability import PLACES, maker_named
from whichmodel.knowledge.retrieval import excerpt
from whichmodel.knowledge.units import Lang, currency_of, from_usd, has_han, money, to_usd
from whichmodel.tools.decision.explain import (
    change_line,
    in_currency,
    say,
    task_name,
)
from whichmodel.tools.decision.names import provider_display
from whichmodel.tools.decision.requirements import TASK_TYPES
from whichmodel.tools.decision.result import ProbeEvidence, Recommendation
from whichmodel.tools.report.titles import use_case_summary

Action = Literal["ask", "conflict", "recommend", "idle", "probe", "finish"]


def turn_language(text: str, detected: str, previous: str | None) -> str:
    """The reply language: the message's, unless it is too short to tell ("ok", "300", "2")."""
    if has_han(text):
        return "zh"
    if previous and len(text.split()) < 3:
        return previous
    return detected


def _asked(pending: Pending | None) -> Asked | None:
    if pending is None:
        return None
    spec = QUESTIONS.get(pending["field"])
    return Asked(
        field=pending["field"],
        expecting=spec.expecting if spec else None,
        text=pending["text"],
        options=tuple(pending["options"]),
    )


def _task_option(task: str) -> Option:
    return Option(task_name("en", task).capitalize(), task_name("zh", task), {"task_type": task})


_EVERY_TASK = tuple(
    _task_option(t)
    for t in TASK_TYPES
    if t not in {o.facts.get("task_type") for o in QUESTIONS["task_type"].options}
)
"""Task types the task question does not list as options, still pickable by name (clarifying questions)."""


def _options_for(pending: Pending) -> tuple[Option, ...]:
    if pending["field"] == "task_type":
        return QUESTIONS["task_type"].options + _EVERY_TASK
    if pending["field"] in QUESTIONS:
        return QUESTIONS[pending["field"]].options
    if pending["field"].startswith("conflict:"):
        return CONFLICT_OPTIONS[pending["field"].split(":", 1)[1]]
    return ()


def _given_before(text: str, replies: list[str], lang: str, script: str | None) -> bool:
    """Whether `text` (a fixed paragraph: the footer, the nothing-to-test menu) is in an earlier reply, as
    written or in the person's script."""
    shown = " ".join(converted(text, lang, script).split())
    plain = " ".join(text.split())
    return any(shown in " ".join(r.split()) or plain in " ".join(r.split()) for r in replies)


def _first_user_text(state: State) -> str:
    for m in state.get("messages", []):
        if m["role"] == "user" and m["content"].strip():
            return m["content"]
    return state.get("text", "")


@dataclass
class Nodes:
    """The nodes, bound to their dependencies (brain, retriever, probe service)."""

    brain: Brain
    retriever: tools.Retriever | None
    probes: ProbeService | None = None

    async def understand(self, state: State) -> dict[str, Any]:
        text = state.get("text", "")
        if len(text) > MAX_MESSAGE_CHARS:  # refused whole, never read in part
            lang = turn_language(text[:2000], "en", state.get("language"))
            return {
                "understanding": {"intent": "refused", "facts": [], "question": None, "choice": None},
                "language": lang,
                "turn": state.get("turn", 0) + 1,
                "events": [NewTurn(),
                           _message(t(lang, "too_long", n=len(text), limit=MAX_MESSAGE_CHARS), lang)],
                "messages": [{"role": "user", "content": f"[a message of {len(text):,} characters, not read]"}],
            }  # fmt: skip
        result = await self.brain.understand(text, _asked(state.get("pending")))
        u = result.understanding
        u = _rate_with_earlier_count(state, text, u)
        earlier = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
        u = replace(u, facts=grading_with_comments(u.facts, earlier))  # "任务是批改作文" after "…并写评语"
        u = _marking_already_held(state, u)
        u = _cheapest_asked(state, text, u)
        if state.get("messages") and _bare_yes_no(text):
            # "just tell me yes or no": the previous question asked again, nothing to note
            u = replace(u, facts=(), intent="question", question=text.strip(), choice=None, task_options=())
        if "task_type" in state.get("requirements", {}) and asks_capability(text):
            # "will it read a blurry photo?" once the task is known: a question, not a new task
            u = replace(u, facts=(), intent="question", question=text.strip(), choice=None, task_options=())
        if not u.question and answers.direct_kinds(text):
            # "is it ok to paste customer emails in there? they have names…": answered, whatever it also noted;
            # "actually more like 40 posts a month. how do I start?": the question alone (the figure asks no cost)
            asked_only = " ".join(answers.question_clauses(text))
            u = replace(u, question=asked_only if asked_only and answers.direct_kinds(asked_only) else text.strip())
        said_lang = answers.asked_language(text)
        held_langs = _slot_value(state.get("requirements") or {}, "languages") or []
        if said_lang is not None and said_lang not in held_langs and not any(f.path == "languages" for f in u.facts):
            # "and is it any good in Swahili?": the language is added (it says so), and the question answered
            langs = list(dict.fromkeys([*held_langs, said_lang]))
            u = replace(u, facts=(*u.facts, Fact("languages", langs, "stated", text.strip()[:200])), question=u.question or text.strip())
        if u.question and (
            (answers.asked_products(text) and not answers.asked_products(u.question))
            or ("which" in answers.about_recommendation(text) and "which" not in answers.about_recommendation(u.question))
        ):  # "OK, and the volume? DeepL, yes or no? Then tell me simply what I should use on Monday.": all of it
            u = replace(u, question=text.strip())
        lang = turn_language(text, u.language, state.get("language"))
        events: list[AnyEvent] = [NewTurn()]
        if result.fallback_error:
            events.append(ToolStep(name="llm_fallback", summary=result.fallback_error))
        said_location = [f.value for f in u.facts if f.path == "location"]
        held = state.get("requirements", {}).get("location")
        held_location = held["value"] if held else None
        location = said_location[-1] if said_location else held_location
        script, script_asked = reply_script(
            text, state.get("script"), bool(state.get("script_asked")), location if isinstance(location, str) else None
        )
        if asks_script(text):  # "可以用繁體中文回答嗎": acknowledged, and the rest of the message answered as it is
            events.append(_message(t(lang, "script_traditional" if script else "script_simplified"), lang))
            rest = without_script_request(u.question or "")
            u = replace(u, question=rest or None)
            if not rest and u.intent == "question":
                u = replace(u, intent="provide")
        return {
            "understanding": understanding_to_state(u),
            "language": lang,
            "script": script,
            "script_asked": script_asked,
            "turn": state.get("turn", 0) + 1,
            "events": events,
            "messages": [{"role": "user", "content": text}],
        }

    @staticmethod
    def route_after_understand(state: State) -> Literal["reset", "answer", "decide", "finish"]:
        u = state.get("understanding") or {}
        if u.get("intent") == "refused":
            return "finish"
        if u.get("intent") == "reset":
            return "reset"
        if u.get("question"):
            return "answer"
        return "decide"

    async def answer(self, state: State) -> dict[str, Any]:
        """Side questions answered (`_answer`) with every monthly bill in the person's currency, the decision
        core's sentences included ("It is the model I recommend: … at R15.12 (about $0.84)/month")."""
        with in_currency(render.person_currency(state.get("requirements", {}), state.get("language", "en"))):
            out = await self._answer(state)
        events = list(out.get("events", []))
        lang = state.get("language", "en")
        question = (state.get("understanding") or {}).get("question") or ""
        if not state.get("recommendation") and not out.get("deferred") and "compare" in answers.direct_kinds(question):
            # "豆包好还是DeepSeek好？" before there is a ranking: said when, and answered with the recommendation
            # (a why-not deferred for the same names already brings its comparison then)
            events.append(_message(t(lang, "compare_later", names=answers.compared_names(question, lang)), lang))
            out = {**out, "deferred": [*(state.get("deferred") or []), f"{COMPARE_LATER}{question}"]}
        asked = answers.question_clauses(state.get("text", ""))
        events, asked = self._on_phone(state, events, asked, lang)
        said = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"][:-1]
        replies = [m["content"] for m in state.get("messages", []) if m.get("role") == "assistant"]
        for clause in asked:  # "\"Yes, on conditions\" to what?": what my own words answered
            quoted = answers.quote_answer(clause, replies, said, lang)
            if quoted is not None:
                events.insert(0, _message(quoted, lang))
        held = state.get("requirements", {})
        changing = {f["path"] for f in (state.get("understanding") or {}).get("facts", [])}
        slots = [p for clause in asked for p in answers.slot_paths(clause) if p in held and p not in changing]
        if slots and not any(isinstance(e, ToolStep) and e.name == "check_noted" for e in events):
            # "OK, and the volume?": what is held for it, with whatever this message changed
            events.append(_message(t(lang, "check_noted", items=render.noted(held, list(dict.fromkeys(slots)), lang)), lang))
        if len(asked) >= 2:  # several questions in one message: one the data cannot answer is said so, not dropped
            unanswered = [q for q in answers.unanswered(asked) if _explain_options(state.get("pending"), q, lang) is None
                          and answers.real_question(q)]  # fmt: skip
            refused = answers.answer_none(requirements_view(state), lang)
            # quoted only when the quote keeps a Chinese reply all Chinese (else no note: "其中一个问题" says nothing)
            quotable = [q for q in unanswered if lang != "zh" or not re.search(r"[A-Za-z]", q)]
            if unanswered and len(quotable) == len(unanswered) and not any(
                    isinstance(e, Message) and e.text == refused for e in events):
                questions = ("、" if lang == "zh" else "; ").join(f"“{q}”" for q in unanswered)
                events.append(_message(t(lang, "cant_answer_these", questions=questions), lang))
        steps = frozenset({"which", "setup", "contradiction", "no_dev", "self_host_no_it", "first_steps", "which_app",
                           "phone_only", "amazon_listing", "patient_advice"})  # what to do, asked again: in full (unless word for word as before)
        detail = answers.STEP_BY_STEP.search(to_simplified(state.get("text", ""))) or _IN_DETAIL.search(to_simplified(state.get("text", "")))
        return {**out, "events": render.said_before(render.without_repeats(events), replies, lang, steps, in_full=bool(detail))}

    async def _answer(self, state: State) -> dict[str, Any]:
        """A side question: a glossary term, a model's place in the ranking ("why not X?"), or, for a
        real question about choosing a model, the selection guide's passages (whole sentences, cited)."""
        u = state.get("understanding") or {}
        lang = state.get("language", "en")
        question = u.get("question") or ""
        whole = state.get("text", "").strip()
        if answers.MAY_USE.search(whole) and not answers.MAY_USE.search(question):
            question = whole  # "数据不出医院，能不能做？不能的话怎么办？": the yes/no question is in the whole message
        if _bare_yes_no(whole):
            earlier = [m["content"] for m in state.get("messages", [])[:-1] if m.get("role") == "user"]
            if earlier:  # "你就直接告诉我能不能做": the previous question, asked again
                question = f"{earlier[-1]} {question}"
        kinds = answers.about_recommendation(question)
        before = [m["content"] for m in state.get("messages", [])[:-1] if m.get("role") == "user"]
        if "which" in kinds and before and not answers.names_makers(question):
            between = f"{before[-1]} {question}"  # "豆包、通义千问在台湾能用吗？" then "那我用哪个比较好？": those two
            if "compare" in answers.direct_kinds(between):
                text = answers.direct_answer("compare", between, requirements_view(state), state.get("recommendation"),
                                             lang, render.person_currency(state.get("requirements", {}), lang))  # fmt: skip
                if text:
                    return {"events": [ToolStep(name="direct_answer", summary="compare"), _message(text, lang)]}
        direct = self._direct(state, question, lang)
        if direct is not None:  # "ChatGPT or Claude?", "ok to paste emails in there?": answered first, then the rest
            answered, covered = direct
            term = glossary_lookup(question) or glossary_lookup(whole)
            if term is not None:  # "我看不懂API是什麼。Claude App 一個月要多少錢？": the word first, in plain words
                answered = [
                    e
                    for asked in glossary_also(term, state.get("text", ""))
                    for e in (ToolStep(name="glossary", summary=asked.en),
                              _message(t(lang, "glossary", term=asked.name(lang), text=asked.answer(lang)), lang))
                ] + answered  # fmt: skip
            if places.asks_use_in_place(question) is not None or places.asks_absent_maker(question, _place_now(state)):
                # "豆包、通义千问在台湾能用吗？还是用Qwen好？", "ChatGPT同DeepSeek邊個好？" in Kwun Tong
                answered = self._places(state, question, lang) + answered
            rest = [k for k in kinds if k not in covered]
            compared = (
                None if covered & {"compare", "paste_app", "ignore_api", "app_price"} and not answers.SHOULD_USE.search(question)
                else await _why_not_events(state, question, lang)
            )
            # "whats Amazon Bedrock? can I just paste…": each too, from any sentence of the message ("You did not
            # answer about the fairness. And what is SAP AI Core? … can we not just use Copilot?")
            for named in dict.fromkeys([*_what_is_names(question), *_what_is_names(whole)]):
                card = await asyncio.to_thread(
                    answers.what_is_answer, named, lang, answers.shortlist_of(state.get("recommendation"))
                )
                if card is not None:
                    answered = [ToolStep(name="what_is", summary=named), _message(card, lang), *answered]
            term = glossary_lookup(question)
            if term is not None and not any(isinstance(e, ToolStep) and e.name == "what_is" for e in answered):
                # "do i just pay for the $20 claude thing? and what does 'try both picks' mean": the word too
                words: list[AnyEvent] = []
                for asked in glossary_also(term, state.get("text", "")):
                    text = t(lang, "glossary", term=asked.name(lang), text=asked.answer(lang))
                    words.extend([ToolStep(name="glossary", summary=asked.en), _message(text, lang)])
                answered = [*words, *answered]
            if compared and answers.SHOULD_USE.search(question):  # "so should i just use chatgpt??": the yes first
                return {"events": compared[0] + answered + self._about_recommendation(state, rest, lang)}
            return {"events": answered + (compared[0] if compared else []) + self._about_recommendation(state, rest, lang)}
        if answers.SCANS.search(question) or answers.PHOTOS.search(question):
            images_now = any(
                f["path"] == "input_modalities" and "image" in (f["value"] or ()) for f in u.get("facts", [])
            )
            text = answers.scans_answer(requirements_view(state), images_now, lang, question)
            return {"events": [ToolStep(name="about_recommendation", summary="scans"), _message(text, lang)]}
        placed = self._places(state, question, lang)
        if placed:  # "Claude在国内能用吗？", "Qwen是阿里的那个吗？安全吗？": the table's answer, then the rest
            rest = [k for k in kinds if k not in ("which", "free")]
            return {"events": placed + self._about_recommendation(state, rest, lang)}
        term = glossary_lookup(question)
        if term is not None:
            glossed: list[AnyEvent] = []
            # "token是什么意思？你一直在说请求、token，我不太懂": every word the message asks about
            for asked in glossary_also(term, state.get("text", "")):
                text = t(lang, "glossary", term=asked.name(lang), text=asked.answer(lang))
                glossed.extend([ToolStep(name="glossary", summary=asked.en), _message(text, lang)])
            # "What is self-hosting? What hardware do we need?": the second question too.
            asks_next = answers.asks_next_step(question)
            glossed.extend(self._about_recommendation(state, [k for k in kinds if k != "which" or asks_next], lang))
            # "whats an API? and why not just use chatgpt": the why-not too
            compared = await _why_not_events(state, question, lang)
            if compared is not None:
                glossed.extend(compared[0])
            return {"events": glossed}
        if answers.is_adaptation_question(question):
            found = await asyncio.to_thread(
                answers.adaptation_answer,
                requirements_view(state),
                state.get("recommendation"),
                lang,
                question,
            )
            if found is not None:
                text, cited = found
                return {"events": [ToolStep(name="adaptation", summary=question[:80]),
                                   Message(text=text, lang=lang, citations=cited)]}  # fmt: skip
        pending = state.get("pending")
        explained = _explain_options(pending, question, lang)
        if explained is not None and pending is not None:
            return {"events": [ToolStep(name="explain_options", summary=pending["field"]),
                               _message(explained, lang)]}  # fmt: skip
        checked = [p for p in answers.checked_paths(question) if p in state.get("requirements", {})]
        if checked:
            items = render.noted(state.get("requirements", {}), checked, lang)
            text = t(lang, "check_noted", items=items)
            return {"events": [ToolStep(name="check_noted", summary=", ".join(checked)), _message(text, lang)]}
        region = answers.region_question(question)
        if region is not None:
            name, code = region
            text = await asyncio.to_thread(
                answers.region_answer, name, code, requirements_view(state), state.get("recommendation"), lang
            )
            return {"events": [ToolStep(name="why_not", summary=f"{name} ({code})"), _message(text, lang)]}
        compared = await _why_not_events(state, question, lang)
        if compared is not None:
            # "what do I actually do? and why not just use ChatGPT?": the other questions too
            rest = answers.besides_why_not(kinds, question, requirements_view(state), state.get("recommendation"))
            update: dict[str, Any] = {"events": compared[0] + self._about_recommendation(state, rest, lang)}
            if not state.get("recommendation"):  # how they compare comes with the recommendation
                update["deferred"] = [*(state.get("deferred") or []), *compared[1]]
            return update
        cards: list[AnyEvent] = []
        for named in _what_is_names(question):  # "whats GLM-5.2 and Berget.AI? is it safe?": each, then the rest
            card = await asyncio.to_thread(
                    answers.what_is_answer, named, lang, answers.shortlist_of(state.get("recommendation"))
                )
            if card is not None:
                cards.extend([ToolStep(name="what_is", summary=named), _message(card, lang)])
        if kinds:
            return {"events": cards + self._about_recommendation(state, kinds, lang)}
        if cards:
            return {"events": cards}
        if self.retriever is None or not answers.is_framework_question(question):
            return {"events": self._nothing_to_answer(state, question, lang)}
        try:
            hits = await asyncio.to_thread(tools.knowledge_search, self.retriever, question, lang, 2)
        except Exception as exc:
            summary = f"knowledge base unavailable: {type(exc).__name__}: {exc}"[:300]
            return {"events": [ToolStep(name="knowledge_search", summary=summary),
                               _message(answers.answer_none(requirements_view(state), lang), lang)]}  # fmt: skip
        events: list[AnyEvent] = [
            ToolStep(name="knowledge_search", summary=", ".join(h["id"] for h in hits) or "none")
        ]
        if not hits:
            events.append(_message(answers.answer_none(requirements_view(state), lang), lang))
            return {"events": events}
        parts = [t(lang, "answer_intro")]
        for h in hits:
            parts.append(f"**{h['heading']}** — {excerpt(h['text'], lang)}")
        events.append(Message(text="\n".join(parts), lang=lang, citations=[h["id"] for h in hits]))
        return {"events": events}

    @staticmethod
    def _direct(state: State, question: str, lang: str) -> tuple[list[AnyEvent], set[str]] | None:
        """Direct questions answered from data first (answers.direct_kinds), with the kinds of question
        they cover; None when the message asks none of them or the data says nothing."""
        earlier = " ".join(m["content"] for m in state.get("messages", []) if m.get("role") == "user")
        currency = render.person_currency(state.get("requirements", {}), lang)
        events: list[AnyEvent] = []
        covered: set[str] = set()
        replies = [m["content"] for m in state.get("messages", []) if m.get("role") == "assistant"]
        raw = requirements_view(state)
        absent = places.asks_absent_maker(question, _place_now(state))
        for kind in answers.direct_kinds(question, earlier, str(state.get("text") or "")):
            if absent and kind in ("app_keeps", "app_price", "paste_app"):
                continue  # "免費嘅ChatGPT得唔得？" in Hong Kong: not offered there (`_places`), never "the free plan is fine"
            text: str | None = phone.answer(kind, raw, state.get("recommendation"), lang, currency, question)  # type: ignore[arg-type]
            if text is not None:  # "how do I start?" with only a phone: the steps on the phone
                pass
            elif kind.startswith("product_"):  # "does DeepL count?": the products table, said once in full
                people = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
                text = answers.product_answer(kind.removeprefix("product_"), question, requirements_view(state),
                                              lang, replies, people)  # type: ignore[arg-type]  # fmt: skip
            elif kind == "app_keeps":  # "Does it keep what I type in?" after "the free ChatGPT": that app
                text = answers.app_keeps_answer(question, earlier, requirements_view(state), state.get("recommendation"),
                                                lang, currency, replies)  # type: ignore[arg-type]  # fmt: skip
            else:
                said = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
                text = answers.direct_answer(kind, question, requirements_view(state), state.get("recommendation"), lang,  # type: ignore[arg-type]
                                             currency, said, answers.wants_one_answer(str(state.get("text") or "")))  # fmt: skip
            if text:
                events.extend([ToolStep(name="direct_answer", summary=kind), _message(text, lang)])
                covered |= {kind, *answers.DIRECT_COVERS.get(kind, ())}
        return (events, covered) if events else None

    @staticmethod
    def _on_phone(
        state: State, events: list[AnyEvent], asked: list[str], lang: str
    ) -> tuple[list[AnyEvent], list[str]]:
        """A phone-only person's side question about automating it or about the API ("can it answer customers
        automatically?", "what's an API key? do I need one?"): answered for the phone (`phone.answer`) when
        no answer said it yet, and the clauses it covers are no longer unanswered."""
        raw = requirements_view(state)
        if not phone.phone_only(raw):
            return events, asked
        question = str((state.get("understanding") or {}).get("question") or state.get("text") or "")
        currency = render.person_currency(state.get("requirements", {}), lang)
        said = {e.text for e in events if isinstance(e, Message)}
        for kind in phone.kinds_asked(question):
            text = phone.answer(kind, raw, state.get("recommendation"), lang, currency, question)  # type: ignore[arg-type]
            if text is not None and _message(text, lang).text not in said:
                # the generic answer it replaces (what an API is; "yes, AI can do that") goes
                replaced = {"api": ("glossary", "API"), "auto": ("can_ai", None)}.get(kind)
                if replaced is not None:
                    events = _without_answer(events, *replaced)
                events.extend([ToolStep(name="phone_only", summary=kind), _message(text, lang)])
                said.add(_message(text, lang).text)
        covered = phone.answered_clauses(asked)
        return events, [c for c in asked if c not in covered]

    @staticmethod
    def _places(state: State, question: str, lang: str) -> list[AnyEvent]:
        """Where a service can be used and who makes it, from the makers table (empty: not asked)."""
        events: list[AnyEvent] = []
        place = places.asks_use_in_place(question)
        here = _place_now(state)
        if place is None and places.asks_absent_maker(question, here):  # "ChatGPT得唔得？" from Kwun Tong
            place = here
        if place is not None:
            text = places.use_in_place_answer(question, place, requirements_view(state), state.get("recommendation"), lang)  # type: ignore[arg-type]
            events.extend([ToolStep(name="availability", summary=place), _message(text, lang)])
        made = places.maker_question(question)
        if made is not None:
            said = places.maker_answer(made[0], made[1], lang)  # type: ignore[arg-type]
            if said is None:  # "is Muse Spark facebook's one?": the catalog's maker, the guess checked
                said = answers.maker_by_catalog(made[0], made[1], lang)  # type: ignore[arg-type]
            if said is not None:
                events.extend([ToolStep(name="maker", summary=made[0]), _message(said, lang)])
        return events

    @staticmethod
    def _nothing_to_answer(state: State, question: str, lang: Lang) -> list[AnyEvent]:
        """A question no data answers. "Can AI transcribe the calls?": yes, and what is needed next. A
        message that also told something (its facts are noted next): no refusal in front of them."""
        u = state.get("understanding") or {}
        said = phone.answer("can_ai", requirements_view(state), state.get("recommendation"), lang,
                            render.person_currency(state.get("requirements", {}), lang), question)  # fmt: skip
        if said is not None and answers.CAN_AI.search(question):  # "can it answer them automatically?", phone only
            return [ToolStep(name="phone_only", summary="auto"), _message(said, lang)]
        if said is not None and phone.kinds_asked(question):  # "can it send them automatically?": said next (`_on_phone`)
            return []
        if answers.CAN_AI.search(question):
            key = "can_ai_transcribe" if answers.TRANSCRIBE.search(question) else "can_ai"
            task = state.get("requirements", {}).get("task_type") or next(
                (f["value"] for f in u.get("facts", []) if f["path"] == "task_type"), None)  # fmt: skip
            named = t(lang, "can_ai_task", task=task_name(lang, task)) if isinstance(task, str) and task in TASK_TYPES else ""
            return [ToolStep(name="can_ai", summary=key), _message(t(lang, key, task=named), lang)]
        if u.get("facts"):
            return []
        return [_message(answers.answer_none(requirements_view(state), lang), lang)]

    @staticmethod
    def _about_recommendation(state: State, kinds: list[str], lang: str) -> list[AnyEvent]:
        """Questions about the recommendation (which, cost, hardware, safety), answered from its data."""
        currency = render.person_currency(state.get("requirements", {}), lang)
        raw, rec = requirements_view(state), state.get("recommendation")
        u = state.get("understanding") or {}
        said = next((f["value"] for f in u.get("facts", []) if f["path"] == "data.sensitivity"), None)
        if said is not None:  # "is it safe? we have passport numbers": answered with what was just noted
            raw = {**raw, "data": {**(raw.get("data") or {}), "sensitivity": said}}
        volume = next((f["value"] for f in u.get("facts", []) if f["path"] == "volume.requests_per_month"), None)
        if isinstance(volume, int | float) and volume > 0:  # "no, more like 900 a month. do I need code?": the new figure
            raw = {**raw, "volume": {**(raw.get("volume") or {}), "requests_per_month": volume}}
            if rec and rec.get("requirements"):
                rec = {**rec, "requirements": {**rec["requirements"], "volume": {
                    **(rec["requirements"].get("volume") or {}), "requests_per_month": volume}}}  # fmt: skip
        events: list[AnyEvent] = []
        forgets = "deployment.data_residency" in state.get("requirements", {}) and FORGET_RESIDENCY.search(state.get("text", ""))
        no_pick = rec is not None and not rec.get("recommendations")
        now = [k for k in kinds if k in ("which", "cost")] if (not rec and _wants_pick_now(state)) or (no_pick and forgets) else []
        if now:  # the recommendation comes this turn: said once, whichever of the two was asked
            events.extend([ToolStep(name="about_recommendation", summary=now[0]), _message(t(lang, "about_which_now"), lang)])
        for kind in kinds:
            if kind in now:
                continue
            restated = any(f["path"].startswith(("budget.", "volume.")) for f in u.get("facts", []))
            on_phone = phone.answer(kind, raw, rec, lang, currency, u.get("question") or "")  # type: ignore[arg-type]
            if on_phone is not None:  # "how do I set it up?" with only a phone: no developer site, no key
                text = on_phone
            elif kind == "too_expensive" and restated:  # "too dear! it's 1,000 Taiwan dollars": re-ranked next
                text = t(lang, "too_expensive_noted")
            else:
                said = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
                text = answers.recommendation_answer(kind, raw, rec, lang, currency, u.get("question") or "", said)  # type: ignore[arg-type]
            events.extend([ToolStep(name="about_recommendation", summary=kind), _message(text, lang)])
        return events

    async def decide(self, state: State) -> Command[Action]:
        """Merge this turn's facts and choose the next step (deterministic)."""
        u = state.get("understanding") or {}
        lang = state.get("language", "en")
        pending = state.get("pending")
        stage = state.get("stage", "interview")
        intent = u.get("intent")
        facts = [
            Fact(f["path"], f["value"], f["provenance"], f["evidence"], f.get("shown"))
            for f in u.get("facts", [])
        ]
        before = dict(state.get("requirements", {}))
        events: list[AnyEvent] = []

        # Examples attached or pasted, or an answer to the probe offer.
        request, probe_events, probe_update = probe_step.request_for(state, lang)
        if request is not None:
            return Command(
                goto="probe", update={**probe_update, "probe_request": request, "events": probe_events}
            )
        if probe_update.pop("_keep_pending", False) or "pending" in probe_update:
            return Command(goto="finish", update={**probe_update, "events": probe_events})
        if probe_update:  # examples kept for later: say so, then go on with the interview
            events.extend(probe_events)
            if not state.get("text", "").strip():
                return Command(goto="finish", update={**probe_update, "events": events})
        else:
            events.extend(probe_events)

        if intent == "nonsense":
            events.append(_message(t(lang, "nonsense"), lang))
        elif intent == "greeting" and not facts:
            events.append(_message(t(lang, "greeting"), lang))

        # An answer to the pending question by choice ("the second one", "$100 a month"), by meaning
        # ("不着急，当天能看到结果就行" -> no limit), or "not sure"/"ok" (the stated default, said so).
        text = state.get("text", "")
        elsewhere = None
        if not any(f.path == "deployment.data_residency" for f in facts):
            # "it has to stay in Canada": a country the residency field cannot hold is never read as another
            # one (not the US, not a menu choice); the chat says which regions can be required
            elsewhere = unsupported_residency(text, pending["field"] if pending else None)
        if elsewhere is not None:
            events.append(_message(t(lang, "residency_unsupported", place=elsewhere[1 if lang == "zh" else 0]), lang))
        if pending and pending["field"] != "confirm" and not (elsewhere and pending["field"] == "deployment"):
            options = _options_for(pending)
            choice = u.get("choice")
            picked = next((o for o in options if choice in (o.en, o.zh)), None)
            if picked is None and not facts and not u.get("question"):
                whole = re.sub(r"[\s.!。！,，~]+", " ", text.lower()).strip()
                picked = next((o for o in options if whole in o.replies), None)
            if picked is None and not facts and intent in ("provide", "correction") and not u.get("question"):
                index = meaning.pick_option(text, options)
                picked = options[index] if index is not None else None
                choice = picked.label(lang) if picked is not None else choice
            if picked is not None:
                facts.extend(option_facts(picked, picked.lang_of(choice or "", lang), "stated", choice or ""))
            elif (
                pending["field"] in QUESTIONS
                and not any(f.path == pending["field"] for f in facts)
                and (choice == "default" or (intent == "confirm" and choice == "yes"))
            ):
                # "yes" / "ok" / "not sure" take the question's stated default: for a clarifying
                # question ("It sounds like sorting into categories, right?") that is the guess.
                offered = next((o for o in options if pending["default"] in (o.en, o.zh)), None)
                if offered is not None and not _is_spec_default(pending["field"], offered):
                    provenance: Provenance = "stated" if choice == "yes" else "defaulted"
                    facts.extend(option_facts(offered, offered.lang_of(pending["default"] or "", lang), provenance, text))
                else:
                    facts.extend(default_facts(pending["field"], text))
                if choice == "default":
                    default = pending["default"] or QUESTIONS[pending["field"]].options[
                        QUESTIONS[pending["field"]].default
                    ].label(lang)
                    events.append(_message(t(lang, "vague_default", default=default), lang))

        said_paths = [f.path for f in facts if f.path not in ("use_case", "languages")]
        facts = rough_confirmations(before, facts, text, intent)
        facts = _keep_task(before, facts, text, intent)
        facts.extend(_open_weights_with_self_host(before, facts))
        if before.get("input_modalities") is None:  # "不是看圖片": text input, when none other was held, is no news
            facts = [f for f in facts if not (f.path == "input_modalities" and list(f.value) == ["text"])]
        facts = _asked_not_told(before, facts, u.get("question"), intent, text)
        facts, also_task = _added(before, facts, text, intent)
        facts = _languages_joined(before, facts, text)
        facts = _bare_budget_in_yuan(facts, text, lang)
        main_now = next((str(f.value) for f in facts if f.path == "task_type"), None)
        if also_task is None and main_now is not None and intent != "correction":
            # "写写商品描述，再帮我回回买家的问题": two tasks in one message, the first is the main one
            others = [x for x in tasks_named(text) if x != main_now]
            also_task = others[0] if others else None
        if also_task is not None:
            main = main_now if main_now is not None else requirements_task(before)
            events.append(_message(t(lang, "also_task", task=task_name(lang, also_task), main=task_name(lang, main)), lang))
        facts.extend(_rescaled_volume(before, facts, text, intent))
        facts.extend(_restated_budget(before, facts, text, lang))
        facts.extend(_restated_currency(before, facts, text, lang))
        facts = _local_dollar(state, before, facts, text, lang)
        facts = _local_yuan(before, facts, text, lang)
        facts = _local_peso(before, facts, text, lang)
        facts.extend(_restated_period(state, before, facts, text, lang))
        narrowed, narrowed_use, dropped_paths = _narrowed(state, before, facts, text)
        facts.extend(narrowed)  # "So NOT the messages, just the posts": the task, the volume without them
        requirements, changed = merge_facts(state.get("requirements", {}), facts)
        if intent not in ("question", "nonsense"):
            requirements, more = merge_facts(
                requirements, mentioned_options(state.get("text", ""), requirements)
            )
            changed += more
        requirements, _ = merge_facts(requirements, implied_facts(requirements, lang))
        requirements, removed = drop_turned_down(requirements, turned_down_places(text), facts)
        requirements, forgotten = drop_forgotten_residency(requirements, text, facts)
        removed = [*removed, *forgotten]  # "ok forget the UK thing then": the residency rule goes, said so
        if dropped_paths and not any(f.path in dropped_paths for f in facts):
            # "the messages have customer names…", then "not the messages": kept (never lowered unasked), said so
            events.append(_message(t(lang, "narrowed_data", items=render.noted(requirements, dropped_paths, lang)), lang))
        if removed:  # "NO. I said Canada, not the US": whatever was set to the US goes
            events.append(_message(t(lang, "removed", items=render.noted(before, removed, lang)), lang))
            changed += removed
        said_use = _use_case_said(text) or narrowed_use
        if said_use is not None and _slot_value(before, "use_case") != said_use:
            # "用途改成寫家長通訊", "用途係睇客戶單據同寫email": the use case said outright replaces the one held
            requirements["use_case"] = Fact("use_case", said_use, "stated", said_use).slot()
            changed.append("use_case")
        placed = location_sentence(requirements, changed, facts, lang)
        if placed:  # "Noted: you are in mainland China", said once, in words of its own
            events.append(_message(placed, lang))
        shown = [p for p in changed if p not in ("use_case", "location") and p in requirements]
        if said_use is not None and "use_case" in changed and "use_case" in before:
            shown.append("use_case")
        corrected = [p for p in shown if p in before and before[p]["provenance"] != "defaulted"]
        fresh = [p for p in shown if p not in corrected]
        if corrected:
            events.append(
                _message(
                    t(lang, "changed", items=render.changes(before, requirements, corrected, lang)), lang
                )
            )
        odd = [p for p in shown if _implausible(p, requirements[p]["value"]) and p in requirements]
        past = _past_the_choices(pending, text)
        if past is not None and pending is not None and pending["field"] in shown:
            # "5吧" to four choices: read as the figure 5, said so, so a person who meant a choice sees it
            events.append(_message(t(lang, "past_the_choices", n=past, count=len(pending["options"]),
                                     items=render.noted(requirements, [pending["field"]], lang)), lang))  # fmt: skip
            odd = [p for p in odd if p != pending["field"]]  # said once, in this message
            fresh = [p for p in fresh if p != pending["field"]]
        if odd:
            events.append(_message(t(lang, "implausible", items=render.noted(requirements, odd, lang)), lang))
        if fresh and stage != "recommended":
            events.append(_message(t(lang, "noted", items=render.noted(requirements, fresh, lang)), lang))
        elif fresh or (corrected and stage == "recommended"):
            items = render.noted(requirements, fresh or corrected, lang)
            if items and not fresh:  # "Changed: …" said it just above: the re-ranking follows, not the same items again
                events.append(_message(t(lang, "reranked"), lang))
            elif items:  # a new use case alone changes no ranking: said above, no "updated: ." line
                events.append(_message(t(lang, "rerank", items=items), lang))

        asked = dict(state.get("asked", {}))
        update: dict[str, Any] = {"requirements": requirements, "events": events}

        # Give up on a question asked MAX_ASKS times without an answer: take its default. Asked for the
        # pick ("so which one should I use?") once the task is known: every open question takes its
        # default now, said so, and the recommendation follows.
        missing = next_missing(requirements)
        gave_up: list[str] = []
        pick_now = _wants_pick_now({**state, "requirements": requirements})
        guess = _guessed_task(pending, lang)
        while missing is not None and (asked.get(missing, 0) >= MAX_ASKS or pick_now):
            why = "asked for the pick" if pick_now else "asked twice, no answer"
            guessed = _guess_offered(pending, missing)  # "It sounds like writing: is that right?", never answered
            taken_facts = option_facts(guessed, guessed.lang_of(pending["default"] or "", lang), "defaulted", why) \
                if guessed is not None and pending is not None else default_facts(missing, why)
            if missing == "volume.requests_per_month" and _small_business(state):
                taken_facts = [_small_volume(lang)]  # a one-person shop: a small figure, said, not the menu's 10,000
            requirements, taken = merge_facts(requirements, taken_facts)
            gave_up += taken
            update["requirements"] = requirements
            missing = next_missing(requirements)

        if find_conflicts(requirements):
            return Command(goto="conflict", update=update)
        if missing == "task_type" and u.get("task_options"):  # unsure what the task is: ask, don't guess
            asked[missing] = asked.get(missing, 0) + 1
            update.update(asked=asked, stage="interview", pending=_clarify_task(u["task_options"], lang))
            return Command(goto="ask", update=update)
        if missing == "task_type" and guess is not None and pending is not None:
            # "不对，预算是三百" to "sounds like copywriting, right?": the same check again, never a new question
            asked[missing] = asked.get(missing, 0) + 1
            update.update(asked=asked, stage="interview", pending=pending)
            return Command(goto="ask", update=update)
        if missing is None:  # every question answered: the rest takes its stated default, said once
            requirements, assumed = merge_facts(requirements, assumed_facts(requirements))
            assumed = gave_up + assumed
            update["requirements"] = requirements
            if assumed:
                items = render.noted(requirements, assumed, lang)
                events.append(_message(t(lang, "assumed", items=items), lang))
        if missing is not None:
            # A side question instead of an answer counts as asked once more: the question comes back
            # after the answer, but not forever (MAX_ASKS, then its stated default, said so).
            if intent != "greeting" or pending is None or pending["field"] != missing:
                asked[missing] = asked.get(missing, 0) + 1
            if (
                pending is not None
                and pending["field"] == missing
                and intent == "provide"
                and not changed
                and not u.get("question")
                and also_task is None
                and text.strip()
                and not re.match(lx.THANKS_ONLY, text, re.IGNORECASE)
            ):  # "the blue one" to "how many requests?": say it was not an answer, then ask again ("thanks mate": no)
                events.append(_message(t(lang, "didnt_catch"), lang))
            update["asked"] = asked
            update["stage"] = "interview"
            where = _slot_value(requirements, "location")
            update["pending"] = _pending_for(missing, lang, where if isinstance(where, str) else None)
            if pending is not None and _guess_offered(pending, missing) is not None:
                update["pending"] = pending  # the check of the likeliest task, asked again as it was (its guess kept)
            return Command(goto="ask", update=update)
        again = [p for p in dict.fromkeys(said_paths) if p in requirements and p != "location"]
        if stage == "recommended" and not changed and again and not u.get("question") and intent != "nonsense":
            # "任务是批改作文", "so its about 50 a month" when that is what is held: said back, not "anything else?"
            events.append(_message(t(lang, "already_noted", items=render.noted(requirements, again, lang)), lang))
            return Command(goto="finish", update=update)
        if stage == "recommended":
            goto: Action = "recommend" if changed else "idle"
            return Command(goto=goto, update=update)
        # Everything that changes the answer is known: recommend now, with what was understood (and
        # what was assumed) shown above it; any of it can be changed afterwards in one message.
        events.append(_message(t(lang, "confirm_intro", legend=t(lang, "legend")), lang))
        events.append(RequirementsTable(rows=render.table_rows(requirements, lang)))
        return Command(goto="recommend", update=update)

    async def ask(self, state: State) -> dict[str, Any]:
        pending = state["pending"]
        assert pending is not None
        lang = state.get("language", "en")
        events: list[AnyEvent] = []
        if (state.get("understanding") or {}).get("question") and state.get("turn", 0) > 1:
            events.append(_message(t(lang, "back_to"), lang))  # never on the first reply: nothing to go back to
        events.append(
            Question(
                field=pending["field"],
                text=pending["text"],
                options=pending["options"],
                default=pending["default"],
            )
        )
        return {"events": events}

    async def conflict(self, state: State) -> dict[str, Any]:
        lang = state.get("language", "en")
        found = find_conflicts(state.get("requirements", {}))[0]
        detail = t(lang, f"conflict_{found.kind}", providers=", ".join(found.providers))
        options = [o.label(lang) for o in CONFLICT_OPTIONS[found.kind]]
        text = t(lang, "conflict", detail=detail)
        field = f"conflict:{found.kind}"
        return {
            "pending": Pending(field=field, text=text, options=options, default=None),
            "events": [Question(field=field, text=text, options=options, default=None)],
        }

    async def recommend(self, state: State) -> dict[str, Any]:
        """Run the tools on the confirmed requirements: shortlist+rank, costs, sizing, citations, report."""
        lang = state.get("language", "en")
        requirements = state.get("requirements", {})
        raw = to_raw(requirements, fallback_use_case=_first_user_text(state), language=lang)
        measured = state.get("probes")
        evidence = ProbeEvidence.model_validate(measured) if measured else None
        currency = render.person_currency(requirements, lang)
        rec: Recommendation = await asyncio.to_thread(tools.shortlist_and_rank, raw, evidence, currency, lang)
        steps = [tools.catalog_step(rec), tools.rank_step(rec), tools.cost_step(rec)]
        sized = tools.self_host_step(rec)
        if sized is not None:
            steps.append(sized)
        steps.append(tools.citations_step(rec))
        events: list[AnyEvent] = [ToolStep(name=s.name, summary=s.summary) for s in steps]
        shown = list(rec.recommendations[:5])
        value = rec.value_candidate()
        if value is not None and value not in shown:  # the value pick is always on the shortlist shown
            shown.append(value)
        picks = (rec.quality_pick.model_key if rec.quality_pick else None, rec.value_pick.model_key if rec.value_pick else None)
        rows = render.shortlist_rows(shown, lang, currency, picks)
        said = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
        code_lang: Lang = "zh" if lang == "zh" else "en"
        with in_currency(currency):
            volume = requirements.get("volume.requests_per_month")
            volume_defaulted = volume is not None and volume.get("provenance") == "defaulted"
            on_phone = phone.lead(raw, rec.model_dump(mode="json"), code_lang, currency)
            lead = on_phone or answers.solo_lead(raw, rec.model_dump(mode="json"), said, code_lang, currency, volume_defaulted)
        replies = [m["content"] for m in state.get("messages", []) if m.get("role") == "assistant"]
        same_keys = ([r.get("model_key") for r in ((state.get("recommendation") or {}).get("recommendations") or [])[:5]]
                     == [c.model_key for c in rec.recommendations[:5]])  # fmt: skip
        same = False
        if lead is not None:  # a person working alone, a volume a person handles by hand: the app first
            led = render.said_before([_message(lead, lang)], replies, lang, figures=True)
            events.extend(led)
            same = on_phone is not None and led[0].text != _message(lead, lang).text and same_keys
        if on_phone is None:  # a phone-only person is never walked through the per-use API route
            summary = _summary(rec, lang, currency, per_use_later=lead is not None)
            phrased = _message(await self.brain.phrase(summary, lang), lang)
            given = render.said_before([phrased], replies, lang)
            events.extend(given)  # re-ranked to the same pick and bill ("budget is 4,000 KSh"): referred back, not reprinted
            same = given[0].text != phrased.text and same_keys
        with in_currency(currency):
            changed = await asyncio.to_thread(answers.pick_change, state.get("recommendation"), rec, "zh" if lang == "zh" else "en")
        if changed:
            events.append(_message(changed, lang))
        if rows and not same:  # the same shortlist as the reply before: not shown again
            rows, common = render.common_warnings(rows)
            if common:  # "⚠ confidential data would go to a provider under the law of the US" once, not on each row
                events.append(_message(t(lang, "shortlist_all_warned", warnings="; ".join(common)), lang))
            events.append(Shortlist(rows=rows))
        events.append(ReportReady())
        dumped = rec.model_dump(mode="json")
        for name in dict.fromkeys(
            state.get("deferred") or []
        ):  # "why not X?" asked before there was a shortlist, "豆包好还是DeepSeek好？" too
            if name.startswith(COMPARE_LATER):
                with in_currency(currency):
                    compared = await asyncio.to_thread(answers.direct_answer, "compare", name.removeprefix(COMPARE_LATER),
                                                       raw, dumped, "zh" if lang == "zh" else "en", currency)  # fmt: skip
                if compared:
                    events.extend([ToolStep(name="direct_answer", summary="compare"), _message(compared, lang)])
                continue
            text = await asyncio.to_thread(answers.why_not, name, dumped, lang)
            events.extend([ToolStep(name="why_not", summary=name), _message(text, lang)])
        example = money(200, currency or "USD", lang) if lang != "zh" else money(1500, currency or "CNY", lang)
        outro = t(lang, "rec_outro", example=example)
        if any(t(lang, "rec_outro_report") in " ".join(r.split()) for r in replies):
            outro = t(lang, "rec_outro_again", example=example)  # where the report is: said once a conversation
        events.append(_message(outro, lang))
        pending = None
        offered = any(probe_step.offer_said(r, lang) for r in replies)
        if evidence is None and lead is None and not offered:  # no server settings to offer a person working alone;
            pending, offer_events = probe_step.offer(self.probes, rec, state, lang)  # and the settings offer once
            events.extend(offer_events)
        elif offered and (open_offer := state.get("pending")) and open_offer["field"] == probe_step.PROBE_FIELD:
            pending = open_offer  # said once, still open: typing "settings" after a re-rank works
        return {
            "stage": "recommended",
            "pending": pending,
            "deferred": [],
            "recommendation": dumped,
            "events": events,
        }

    async def probe(self, state: State, config: RunnableConfig) -> dict[str, Any]:
        """Run the probe `decide` chose, on server-configured endpoints, and re-rank with its figures."""
        lang = state.get("language", "en")
        if self.probes is None:
            return {"probe_request": None, "events": [_message(t(lang, "probe_no_endpoints"), lang)]}
        raw = to_raw(state.get("requirements", {}), fallback_use_case=_first_user_text(state), language=lang)
        thread_id = str(config.get("configurable", {}).get("thread_id", ""))
        update, events = await probe_step.run(self.probes, state, thread_id, raw, lang)
        dumped = update.get("recommendation")
        if dumped:
            rec = Recommendation.model_validate(dumped)
            events.append(_message(t(lang, "probe_reranked"), lang))
            events.append(Shortlist(rows=render.shortlist_rows(rec.recommendations[:5], lang)))
            events.append(ReportReady())
        return {**update, "events": events}

    async def idle(self, state: State) -> dict[str, Any]:
        lang = state.get("language", "en")
        u = state.get("understanding") or {}
        if u.get("question") or u.get("intent") == "nonsense":
            return {}
        return {"events": [_message(t(lang, "anything_else"), lang)]}

    async def reset(self, state: State) -> dict[str, Any]:
        lang = state.get("language", "en")
        return {
            **cleared(),
            "events": [_message(t(lang, "reset"), lang), _message(t(lang, "intro"), lang)],
        }

    async def finish(self, state: State) -> dict[str, Any]:
        """Write this turn's reply (the events as plain text) into the transcript."""
        lang = state.get("language", "en")
        events = load_all(state.get("events", []))
        text = render.render_plain(events, lang)
        update: dict[str, Any] = {"upload": None}
        if not text.strip():  # never a blank reply: a question nothing answered and no fact changed
            u = state.get("understanding") or {}
            said = _message(answers.answer_none(requirements_view(state), lang) if u.get("question") else t(lang, "anything_else"), lang)
            update["events"] = dump([said])
            text = render.render_plain([*events, said], lang)
            update["events"] = events_in_script(update["events"], lang, state.get("script"))
        text = converted(text, lang, state.get("script"))
        return {**update, "messages": [{"role": "assistant", "content": text}]}


def _narrowed(
    state: State, before: Mapping[str, Any], facts: list[Fact], text: str
) -> tuple[list[Fact], str | None, list[str]]:
    """ "So NOT the messages, just the posts", "scratch the captions": a part of the task turned down, which the
    use case held names. Returns the facts that follow (the task read again from what is left, the volume read
    again from the message that gave it without the dropped part), the use case without the dropped part
    (None: unchanged) and the paths said only of the dropped part ("the messages have customer names…": the
    data sensitivity), to remove. Nothing when the use case names no dropped item ("not the US")."""
    held = str(_slot_value(before, "use_case") or "")
    dropped, kept = turned_down_items(text)
    dropped = tuple(d for d in dropped if held and item_named(held, d) and not any(item_named(d, k) for k in kept))
    if not dropped:
        return [], None, []
    out: list[Fact] = []
    task_held = str(_slot_value(before, "task_type") or "")
    summary = use_case_summary(held, task_held, "zh" if has_han(held) else "en") or held  # the task's words only
    use = without_items(summary, dropped)
    if use is None and kept and not item_named(held, kept[0]):
        use = kept[0][:1].upper() + kept[0][1:]  # the use case named only the dropped part: the kept one instead
    if use is not None:
        task = next((f for f in offline_understand(use).facts if f.path == "task_type"), None)
        if task is not None and task.value != _slot_value(before, "task_type") and not any(f.path == "task_type" for f in facts):
            out.append(Fact("task_type", task.value, "stated", text.strip()[:200]))
    said = [str(m.get("content") or "") for m in state.get("messages", []) if m.get("role") == "user"]
    volume = before.get("volume.requests_per_month")
    if volume is not None and volume["provenance"] != "defaulted" and not any(f.path.startswith("volume.") for f in facts):
        evidence = str(volume.get("evidence") or "")
        source = next((m for m in reversed(said) if evidence and evidence in m), None)
        named = any(item_named(f"{evidence} {volume.get('shown') or ''}", d) for d in dropped)
        summed = _without_summed_items(str(volume.get("shown") or ""), dropped)
        rest = without_items(source, dropped) if source is not None and named and summed is None else None
        if summed is not None and summed != volume["value"]:  # "190/month (40 captions + 150 dms)" without the DMs
            out.append(Fact("volume.requests_per_month", summed, "stated", text.strip()[:200]))
        if rest is not None:
            again = offline_understand(rest, expecting="volume.requests_per_month")
            count = next((f for f in again.facts if f.path == "volume.requests_per_month"), None)
            if count is not None and count.value != volume["value"]:
                out.append(Fact(count.path, count.value, "stated", text.strip()[:200], count.shown))
    gone = []
    for path in ("data.sensitivity",):
        slot = before.get(path)
        source = next((m for m in reversed(said) if slot is not None and slot["evidence"] and slot["evidence"] in m), None)
        sentence = next((x for x in re.split(r"(?<=[.!?。！？])\s*", source or "") if slot and slot["evidence"] in x), "")
        if sentence and any(item_named(sentence, d) for d in dropped) and not any(item_named(sentence, k) for k in kept):
            gone.append(path)
    return out, use, gone


_SUMMED = re.compile(r"[(（]([^()（）]*\+[^()（）]*)[)）]\s*$")


def _without_summed_items(shown: str, dropped: tuple[str, ...]) -> int | None:
    """A summed volume as said back ("190/month (40 captions + 150 dms)") without the items turned down: the
    sum of the others (40); None when it is no sum or no part names a dropped item."""
    m = _SUMMED.search(shown)
    if m is None:
        return None
    parts = [re.match(r"\s*([\d,.]+)\s*(.*)", p) for p in m.group(1).split("+")]
    if any(p is None for p in parts):
        return None
    kept = [float(p.group(1).replace(",", "")) for p in parts if p and not any(item_named(p.group(2), d) for d in dropped)]
    if len(kept) == len(parts) or not kept:
        return None
    return round(sum(kept))


_IN_DETAIL = re.compile(r"具体|详细|一步步|\bin\s+detail\b|\bexactly\b|\bconcretely\b|spell\s+it\s+out|\bagain\s+in\s+full\b",
                        re.IGNORECASE)
"""The steps asked for in detail ("那我下一步具体该做什么？", "what exactly do I do?"): given in full, even as before."""


def _without_answer(events: list[AnyEvent], step: str, summary: str | None) -> list[AnyEvent]:
    """`events` without the answer a tool step named `step` (with `summary`, when given) introduced: the step
    and the message right after it."""
    out: list[AnyEvent] = []
    skip = False
    for e in events:
        if isinstance(e, ToolStep) and e.name == step and summary in (None, e.summary):
            skip = True
            continue
        if skip and isinstance(e, Message):
            skip = False
            continue
        skip = False
        out.append(e)
    return out


def _implausible(path: str, value: Any) -> bool:
    bounds = PLAUSIBLE.get(path)
    if path == "budget.monthly_usd" and value == 0:
        return False  # "zero budget. Like, zero.": free routes only, said outright
    if bounds is None or not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return not bounds[0] <= float(value) <= bounds[1]


def _rescaled_volume(before: Mapping[str, Any], facts: list[Fact], text: str, intent: str | None) -> list[Fact]:
    """ "其实不是一百份，是五百份，我算错了": a count corrected without its period scales the volume held
    (100 a month -> 500 a month; 100 a day -> 500 a day), so the correction replaces it and is shown."""
    held = before.get("volume.requests_per_month")
    if intent not in ("correction", "provide") or held is None or held["value"] is None:
        return []
    if any(f.path == "volume.requests_per_month" for f in facts):
        return []
    pair = restated_count(text)
    if pair is None and not _SUMMED.search(str(held.get("shown") or "")):
        # "actually it's more like 40 documents" after "20 documents a month": the figure said then, scaled (never
        # one item of a sum: which one is meant is not said)
        said = re.search(r"\d[\d,]*(?:\.\d+)?", str(held.get("evidence") or ""))
        count = corrected_count(text)
        pair = (float(said.group(0).replace(",", "")), count) if said is not None and count is not None else None
    if pair is None or not pair[0]:
        return []
    old, new = pair
    return [Fact("volume.requests_per_month", round(float(held["value"]) * new / old), "stated", text.strip()[:200])]


_DETAIL_PATHS = ("volume.", "budget.", "latency.", "languages", "input_modalities")
_USE_CASE_SAID = re.compile(
    r"(?:用途|用处|用處|\buse\s+case)\s*(?:要|就)?(?:改成|改为|改為|改做|换成|換成|应该是|應該是|係|系|是|is|should\s+be|[:：])\s*"
    r"(?P<use>[^，,。.!！?？\n]{2,80})", re.I)


def _use_case_said(text: str) -> str | None:
    """The use case said outright ("用途改成寫家長通訊", "the use case is drafting client emails"), in the
    person's words, else None."""
    m = _USE_CASE_SAID.search(text)
    if m:
        return m.group("use").strip()
    narrowed = _NARROWED_TO.search(text)  # "forget instagram, my nephew does that. just the google reviews"
    if narrowed is None:
        return None
    kept = re.sub(r"^the\s+", "", narrowed.group("kept").strip(), flags=re.I)
    return t("en", "use_case_narrowed", kept=kept)


_NARROWED_TO = re.compile(lx.NARROWED_TO, re.I)


_PHOTO_ASKED = re.compile(r"(?:照片|相片|圖片|图片|photos?|pictures?|images?)[^。.!！?？\n]*[?？]", re.I)
"""A sentence that asks about photos ("小朋友的照片可以放進AI嗎？", "can we upload the kids' photos?")."""
_TASK_WANT = re.compile(
    r"\bwant|would\s+like|looking\s+for|\bplan\s+to|trying\s+to|想|希望|打算|准备|用AI|用ai|帮(?:我|忙)", re.I
)


async def _why_not_events(state: State, question: str, lang: Lang) -> tuple[list[AnyEvent], list[str]] | None:
    """The answer to "why not ChatGPT?" (a chat app: its models against the pick) or "why not X?" (X's
    place in the ranking), with what it names (to compare once there is a recommendation); None when
    the question names no app and no model."""
    apps = answers.consumer_apps(question)
    said = str(state.get("text") or "")
    if not apps and answers.BY_HAND.search(to_simplified(said)):  # "直接用DeepSeek行不行？我不会写代码": its app
        apps = answers.consumer_apps(f"{question} {said}")
    where = _slot_value(state.get("requirements") or {}, "location")
    if where in PLACES:  # "豆包在台灣可以用嗎": an app not offered there is answered by the places table only
        apps = [a for a in apps if (m := maker_named(a.en)) is None or where in m.offered]
    people = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
    office = answers.office_product_held([*people, question])
    if office is not None and apps and office.key == "m365_copilot":
        # "Copilot came with our Microsoft 365": the work account's Copilot (business data terms, answered by
        # its product card), never the consumer chat app's terms in the next paragraph
        apps = [a for a in apps if a.en != "Copilot"]
        if not apps:
            return None
    if apps:
        currency = render.person_currency(state.get("requirements", {}), lang)
        text = await asyncio.to_thread(answers.app_answer, apps, state.get("recommendation"), lang, requirements_view(state),
                                       currency, people, question)  # fmt: skip
        summary = ", ".join(app.en for app in apps)
        return [ToolStep(name="why_not", summary=summary), _message(text, lang)], [app.models for app in apps]
    target = answers.why_not_target(question)
    if (target is None or not _could_be_model_name(target) or answers.is_framework_question(target)
            or glossary_lookup(f"what is {target}") is not None):  # fmt: skip
        return None
    text = await asyncio.to_thread(answers.why_not, target, state.get("recommendation"), lang, question)
    return [ToolStep(name="why_not", summary=target), _message(text, lang)], [target]


COMPARE_LATER = "compare:"
"""A deferred entry that is a whole "which of the two is better?" question (`State.deferred`), not a model name."""


def _place_now(state: State) -> str | None:
    """Where the person is: the place held, else the one this message says ("我喺觀塘開茶餐廳，ChatGPT得唔得？")."""
    held = _slot_value(state.get("requirements") or {}, "location")
    said = [f["value"] for f in (state.get("understanding") or {}).get("facts", []) if f["path"] == "location"]
    where = held if held is not None else (said[-1] if said else None)
    return where if isinstance(where, str) else None


def _bare_yes_no(text: str) -> bool:
    """A yes/no demand that names nothing ("你就直接告诉我能不能做", "just tell me yes or no")."""
    return bool(answers.BARE_YES_NO.fullmatch(re.sub(r"[\s?？!！。.,，]+", "", to_simplified(text)))
                or answers.BARE_YES_NO.fullmatch(text.strip(" ?？!！。.,，").lower()))  # fmt: skip


def _what_is_names(question: str) -> list[str]:
    """The names a what-is question asks about, without the glossary's words ("API到底是什么" asks about
    a word, answered by the glossary, not about a model whose name holds it)."""
    return [n for n in answers.what_is_targets(question) if glossary_lookup(f"what is {n}") is None]


_NOT_IN_A_NAME_ZH = re.compile(r"[的了吧就个是可以能要会都也还这那我你他们在有没不吗呢啊呀用说想行好]")
"""Characters of Chinese grammar that no model or maker name holds ("个就可以了" from "用聊天的那个就可以了吧")."""


def _could_be_model_name(name: str) -> bool:
    """Whether a name a "why not X?" pattern found could be a model: Latin letters or digits ("GPT-5",
    "Kimi"), or Chinese words without grammar in them ("文心一言", "通义千问")."""
    if re.search(r"[A-Za-z0-9]", name):
        return True
    return not _NOT_IN_A_NAME_ZH.search(name)


def _rate_with_earlier_count(state: State, text: str, u: Understanding) -> Understanding:
    """ "每人每天问一两个吧" after "公司五百人 想做个内部问答": a rate per person (or per group, per store)
    whose head count is in an earlier message. When the message gives no volume of its own, the
    earlier messages and this one are read together and only the volume is taken from that reading."""
    if not rate_needs_context(text):
        return u
    earlier = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"][-3:]
    if not earlier:
        return u
    said = next((f for f in u.facts if f.path == "volume.requests_per_month"), None)
    if said is not None:
        # "80 copies total … and quizzes only 1 per week per class" after "I have 5 sections": the units counted
        # earlier are read with this message (only their clause), so the rate per class joins its sum
        units = unit_count_clause(earlier)
        if units is None or unit_count_clause([text]) is not None or not isinstance(said.value, int | float):
            return u
        sep = "。" if u.language == "zh" else ". "
        joined_volume = next((f for f in offline_understand(f"{units}{sep}{text}").facts
                              if f.path == "volume.requests_per_month"), None)  # fmt: skip
        if joined_volume is None or not isinstance(joined_volume.value, int | float) or joined_volume.value <= said.value:
            return u
        return replace(u, facts=tuple(joined_volume if f is said else f for f in u.facts))
    joined = offline_understand("。".join([*earlier, text]) if u.language == "zh" else ". ".join([*earlier, text]),
                                expecting="volume.requests_per_month")  # fmt: skip
    volume = next((f for f in joined.facts if f.path == "volume.requests_per_month" and f.provenance == "inferred"), None)
    if volume is None:
        return u
    return replace(u, facts=(*u.facts, volume), intent="provide" if u.intent in ("unclear", "nonsense") else u.intent)


def _cheapest_asked(state: State, text: str, u: Understanding) -> Understanding:
    """ "ok forget the UK thing then, any cloud is fine. what's the cheapest safe option?": asked along with what
    the person tells, the cheapest is what they want, so the priority becomes cost over a defaulted one (never
    over one they chose). Asked alone ("which is the cheapest one?") it is a question about the shortlist."""
    if u.intent not in ("provide", "correction") or any(f.path == "priority" for f in u.facts):
        return u
    held = state.get("requirements", {}).get("priority")
    if held is not None and held.get("provenance") != "defaulted":
        return u
    asked = re.search(lx.CHEAPEST_ASKED, text, re.IGNORECASE)
    if asked is None:
        return u
    return replace(u, facts=(*u.facts, Fact("priority", "cost", "inferred", asked.group(0))))


def _marking_already_held(state: State, u: Understanding) -> Understanding:
    """ "Maybe 4 quizzes a week and marking for 200 copies" after "make quiz questions … and marking with
    remarks": marking named again inside a task that already holds quizzes and marking is no new task
    and no new use case (the figures are what the message gives)."""
    held = state.get("requirements", {}).get("task_type")
    task = next((f for f in u.facts if f.path == "task_type"), None)
    if held is None or task is None or u.intent == "correction" or held.get("shown") not in lx.QUIZ_AND_GRADING_SHOWN.values():
        return u
    graded = {lx.GRADING_SHOWN[(kind, lang)] for kind in ("writing", "classification") for lang in ("en", "zh")}
    if task.shown not in graded:
        return u
    return replace(u, facts=tuple(f for f in u.facts if f.path not in ("task_type", "use_case")))


def _keep_task(before: Mapping[str, Any], facts: list[Fact], text: str, intent: str | None) -> list[Fact]:
    """A message that gives a detail (volume, budget, answer time, languages, images as input) keeps the
    task already held:
    "回复要快一点，客户等不及" or "偶尔有几个港台客户打繁体字" said after "自动回复客户问题的机器人" is no new
    task, though a task could be guessed from its words. A correction, or words saying what is wanted,
    still change it."""
    held = before.get("task_type")
    if held is None or held["value"] is None or held["provenance"] == "defaulted":
        return facts
    task = next((f for f in facts if f.path == "task_type"), None)
    if (task is not None and task.value == "vision" and task.provenance == "inferred" and held["value"] != "vision"
            and _PHOTO_ASKED.search(text)):  # fmt: skip
        # "可以把小朋友的照片放進AI，讓它寫照片說明嗎？" after weekly newsletters: photos as an input, asked
        # about, are no new task (whatever else the message corrects)
        return [f for f in facts if f.path not in ("task_type", "use_case", "input_modalities")]
    if intent == "correction":
        return facts
    if (task is not None and task.value == "chat" and held["value"] != "chat" and held["provenance"] == "stated"
            and any(f.path.startswith(_DETAIL_PATHS) for f in facts)):  # fmt: skip
        # "People are waiting in the chat, so reply within 5 seconds" after a booking agent: the channel
        return [f for f in facts if f.path not in ("task_type", "use_case")]
    if task is None or task.provenance == "stated" or _TASK_WANT.search(text):
        return facts
    if not any(f.path.startswith(_DETAIL_PATHS) for f in facts):
        return facts
    return [f for f in facts if f.path not in ("task_type", "use_case")]


def _open_weights_with_self_host(before: Mapping[str, Any], facts: list[Fact]) -> list[Fact]:
    """"不要本地部署了，还是用阿里的API" after "必须部署在我们自己的服务器上": the open-weights rule that came
    with self-hosting goes with it (novice25 P2: the maker's own closed models stayed ruled out), unless the
    person asked for open weights themselves or says so again."""
    stops = any(f.path == "deployment.self_host" and f.value is False for f in facts)
    held = before.get("deployment.open_weights")
    hosting = before.get("deployment.self_host")
    if (not stops or held is None or held["value"] is not True or held["provenance"] != "inferred"
            or hosting is None or hosting["value"] is not True
            or any(f.path == "deployment.open_weights" for f in facts)):  # fmt: skip
        return []
    return [Fact("deployment.open_weights", False, "inferred", held["evidence"])]


_RAISES = {"data.sensitivity": ("public", "internal", "confidential", "restricted")}
"""Paths a question may still raise (never lower): "the summaries would have names in them, is that ok?"
says something about the data, whatever it asks."""
_FIGURE = re.compile(r"\d")


def _asked_not_told(
    before: Mapping[str, Any], facts: list[Fact], question: str | None, intent: str | None, text: str = ""
) -> list[Fact]:
    """A message that asks something never silently changes a requirement already held: a task word in
    "is Claude on Amazon ok for GDPR? the summaries would have names" is no new task, "yes or no" is no
    answer size. Kept: a correction ("actually", "不对，是…"), a figure the person wrote ("it's 500 a day
    now, what would that cost?"), a task said to be wanted ("还想让它写招生文案，行吗？"), what was not held
    yet, and data said to be more sensitive than held."""
    if not question or intent == "correction":
        return facts
    kept: list[Fact] = []
    for f in facts:
        held = before.get(f.path)
        if (f.path == "languages" and held is not None and isinstance(held.get("value"), list)
                and (f.evidence or "") and (f.evidence or "") in question):  # fmt: skip
            # "And Swahili, is it good in Swahili?": a question about a language adds it, never swaps the others out
            kept.append(Fact(f.path, list(dict.fromkeys([*held["value"], *f.value])), f.provenance, f.evidence, f.shown))
            continue
        if held is None or held.get("value") is None or f.path in ("use_case", "languages", "location"):
            kept.append(f)
            continue
        if f.path == "priority" and held.get("provenance") == "defaulted":
            kept.append(f)  # "what's the cheapest safe option?": the wish for the cheapest, over a default
            continue
        if jsonable(f.value) == held["value"]:
            kept.append(f)
            continue
        order = _RAISES.get(f.path)
        if order is not None:
            if f.value in order and held["value"] in order and order.index(f.value) > order.index(held["value"]):
                kept.append(f)
            continue
        if f.path == "task_type":
            if _TASK_WANT.search(text):  # "还想让它帮忙写招生文案，这个也行吗？": a task wanted too
                kept.append(f)
            continue
        written = f.provenance == "stated" or f.path == "volume.requests_per_month"  # "50 a day": worked out, but written
        if written and _FIGURE.search(f.evidence or ""):
            kept.append(f)
    return kept


_OPTIONS_ASK = re.compile(
    r"difference between (?:the )?(?:first|second|third|last|options?|choices?|these|them|those|\d|one and two)|"
    r"what(?:'s| is) the difference|what do (?:the|these|those) (?:options|choices) mean|"
    r"what does (?:option |number |choice |#)?\d+ mean|(?:options?|choices?) (?:mean|means)|they (?:all )?sound the same|"
    r"(?:选项|第[一二三四五12345](?:个|项|种)?|前两个|前两项|这几个|这几项|几个选项).{0,10}(?:区别|什么意思|不同|不一样|啥意思)|"
    r"有什么区别|有啥区别|什么区别|啥区别",
    re.IGNORECASE,
)


def _explain_options(pending: Mapping[str, Any] | None, question: str, lang: str) -> str | None:
    """ "What's the difference between the first two?" while a question with choices is pending: what
    each choice means (the choices' own plain-words explanations), or None."""
    if pending is None or not _OPTIONS_ASK.search(question):
        return None
    spec = QUESTIONS.get(pending["field"])
    if spec is None:
        return None
    if not any(o.explain for o in spec.options):  # amounts: they differ only in the figure
        return t(lang, "options_amounts", why=spec.why(lang))  # type: ignore[arg-type]
    i = 1 if lang == "zh" else 0
    colon = "：" if lang == "zh" else ": "
    lines = [f"{n}. {o.label(lang)}{colon}{o.explain[i]}" for n, o in enumerate(spec.options, 1) if o.explain]
    return "\n".join([t(lang, "options_explained"), *lines])


def _past_the_choices(pending: Mapping[str, Any] | None, text: str) -> int | None:
    """A bare small number past the last numbered choice ("5吧" to four choices), else None."""
    if pending is None or not pending.get("options"):
        return None
    m = re.fullmatch(r"\s*(?:选|就|option\s+)?(\d)\s*(?:吧|呀|啊|please)?\s*[.!。！]?\s*", text, re.IGNORECASE)
    return int(m.group(1)) if m is not None and int(m.group(1)) > len(pending["options"]) else None


_SMALL_BUSINESS = re.compile(lx.SMALL_BUSINESS, re.IGNORECASE)


def _small_business(state: Mapping[str, Any]) -> bool:
    """Whether the person is a one-person or very small business ("i have small online shop…", "it's just me",
    only a phone): a small volume is assumed for them when they give none."""
    said = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"] + [str(state.get("text") or "")]
    joined = to_simplified(" ".join(said))
    return (_SMALL_BUSINESS.search(joined) is not None or answers.SOLO.search(joined) is not None
            or answers.phone_only(said))  # fmt: skip


def _small_volume(lang: str) -> Fact:
    """The volume assumed for a small business that gave none (`lexicon.SMALL_VOLUME`), shown as an assumption."""
    n = lx.SMALL_VOLUME
    return Fact("volume.requests_per_month", n, "defaulted", "a small business, no figure given",
                t(lang, "small_volume_shown", n=f"{n:,}", day=f"{n // 30:,}"))  # fmt: skip


def _wants_pick_now(state: Mapping[str, Any]) -> bool:
    """A question asking for the pick ("so which one should I use?", "那我到底选哪个？") before there is a
    recommendation, once the task is known: the open questions take their defaults and it comes now."""
    u = state.get("understanding") or {}
    question = u.get("question") or ""
    asks = answers.about_recommendation(question)
    if not question or state.get("recommendation") or not ("which" in asks or "cost" in asks):
        return False
    held = (state.get("requirements") or {}).get("task_type")
    return held is not None and held["value"] is not None and held["provenance"] != "defaulted"


def requirements_task(requirements: Mapping[str, Any]) -> str:
    held = requirements.get("task_type")
    return str(held["value"]) if held is not None and held["value"] is not None else "chat"


_NAMES_DOLLARS = re.compile(r"\$|usd|dollar|美元|美金|刀", re.I)


def _bare_budget_in_yuan(facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "5000" or "五千" to the budget question in a Chinese conversation: yuan, the currency its choices
    were shown in (shown as such, so a person who meant dollars sees it and says so)."""
    if lang != "zh" or _NAMES_DOLLARS.search(text):
        return facts
    out = []
    for f in facts:
        if f.path == "budget.monthly_usd" and f.shown is None and isinstance(f.value, int | float):
            f = Fact(f.path, round(to_usd(float(f.value), "CNY"), 2), f.provenance, f.evidence, money(float(f.value), "CNY", "zh"))
        out.append(f)
    return out


_OUTPUT_LANGUAGE = re.compile(
    r"(?:评语|评论|回复|回答|答案|输出|结果|反馈|摘要|总结|报告|批注)[^，,。；;！!？?]{0,6}?(?:用|写成|翻成|要|是)[^，,。；;！!？?]{0,3}?"
    r"(?:中文|汉语|英文|英语|日文|日语|韩文|韩语|法语|德语|西班牙语|繁体|简体)|"
    r"(?:repl(?:y|ies)|answers?|feedback|comments?|output|summar(?:y|ies)|reports?|responses?)\s+(?:should\s+be\s+|must\s+be\s+|are\s+|is\s+)?"
    r"(?:written\s+)?in\s+(?:english|chinese|mandarin|french|german|spanish|japanese|korean|italian|portuguese|arabic)\b",
    re.I,
)
"""The language of the answers ("评语最好用中文写", "feedback in Chinese for the parents"): added to the
languages held (the essays stay English), not put in their place."""
_ALSO = re.compile(r"还要|也要|还需要|也需要|还得|也得|还想|也想|另外|同时还|顺便|漏了|忘了|\balso\b|\btoo\b|\bas\s+well\b|in\s+addition|on\s+top\s+of|"
                   r"\b(?:you\s+)?(?:forgot|forgotten|missed|left\s+out)\b|\bnot\s+only\b", re.I)
"""Words that add to what is held ("also French", "you forgot Swahili!", "not only English")."""


def _added(
    before: Mapping[str, Any], facts: list[Fact], text: str, intent: str | None
) -> tuple[list[Fact], str | None]:
    """ "我们还要它写中文摘要" / "it should also answer in French": what is added, not what replaces.
    Languages join those held; a second task leaves the main task (and the use case) as they are and
    is returned, to be acknowledged (the recommendation is for the main task)."""
    also_said = bool(_ALSO.search(text))
    if intent == "correction" and also_said and _task_added(before, facts):
        intent = "provide"  # "actually … we could also put a chat on our website": a second job, not a new one
    if intent == "correction" or not (also_said or _OUTPUT_LANGUAGE.search(text)):
        return facts, None
    out: list[Fact] = []
    also: str | None = None
    for f in facts:
        held = before.get(f.path)
        if not also_said and f.path != "languages":
            out.append(f)  # "评语用中文写": the language of the answers is added; nothing else is
        elif f.path == "languages" and held is not None and isinstance(held["value"], list):
            joined = list(dict.fromkeys([*held["value"], *f.value]))
            provenance = "stated" if "stated" in (f.provenance, held["provenance"]) else f.provenance
            out.append(Fact(f.path, joined, provenance, f.evidence, f.shown))
        elif f.path in ("task_type", "use_case") and held is not None and held["provenance"] != "defaulted":
            if f.path == "task_type" and f.value != held["value"]:
                also = str(f.value)
            continue
        else:
            out.append(f)
    if also is not None:
        out = _volumes_added(before, out)
    return out, also


def _task_added(before: Mapping[str, Any], facts: list[Fact]) -> bool:
    """Whether the message names a task other than the one the person stated before."""
    held = before.get("task_type")
    return held is not None and held["provenance"] != "defaulted" and any(
        f.path == "task_type" and f.value != held["value"] for f in facts
    )


def _volumes_added(before: Mapping[str, Any], facts: list[Fact]) -> list[Fact]:
    """A second job with its own volume ("maybe 30 chats a day" besides 10 reviews a day): the two volumes are
    added, and the total says so, since both jobs go through the one model (the held volume is kept)."""
    held = before.get("volume.requests_per_month")
    if held is None or held["provenance"] == "defaulted" or not isinstance(held["value"], int | float):
        return facts
    out = []
    for f in facts:
        if f.path == "volume.requests_per_month" and isinstance(f.value, int | float):
            f = Fact(f.path, held["value"] + f.value, "inferred", f.evidence)
        out.append(f)
    return out


_rx_share = re.compile(lx.LANGUAGE_SHARE, re.I)
_rx_replaced = re.compile(lx.LANGUAGES_REPLACED, re.I)


def _languages_joined(before: Mapping[str, Any], facts: list[Fact], text: str) -> list[Fact]:
    """ "my nephew says ChatGPT is better for Spanish" after "both English and Spanish", "half my customers
    write en español" after English: a language named again, or named as part of the people, joins those
    held; only "only X", "not English any more" or "instead" replaces them."""
    held = before.get("languages")
    if held is None or not isinstance(held.get("value"), list) or _rx_replaced.search(text):
        return facts
    out: list[Fact] = []
    for f in facts:
        if f.path != "languages" or not isinstance(f.value, (list, tuple)):
            out.append(f)
            continue
        said = list(f.value)
        if set(said) <= set(held["value"]) and (held.get("provenance") == "stated" or len(held["value"]) > len(said)):
            continue  # named again ("ChatGPT is better for Spanish" with English and Spanish held): nothing changes
        if _rx_share.search(text):
            joined = list(dict.fromkeys([*held["value"], *said]))
            out.append(Fact(f.path, joined, "stated", f.evidence, f.shown))
            continue
        out.append(f)
    return out


def _restated_budget(before: Mapping[str, Any], facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "actually make it two hundred" after "hundred euros a month": a bare figure in a correction
    replaces the budget held, in its currency, when it is nearer the budget than the volume held."""
    held = before.get("budget.monthly_usd")
    if held is None or not held["value"] or held["provenance"] == "defaulted":
        return []  # no figure held (none, or a zero budget): a bare figure is read as it is
    if any(f.path.startswith(("budget.", "volume.")) for f in facts):
        return []
    new = restated_figure(text)
    if new is None or new <= 0:
        return []
    code = currency_of(str(held.get("shown") or "")) or "USD"
    old = from_usd(float(held["value"]), code)
    volume = before.get("volume.requests_per_month")
    if (
        volume is not None
        and volume["value"]
        and abs(math.log(new / old)) >= abs(math.log(new / float(volume["value"])))
    ):
        return []  # "make it 2,000" after 1,500 requests and a $100 budget: the volume, not the budget
    figure = None if code == "USD" else money(new, code, lang)
    return [Fact("budget.monthly_usd", round(to_usd(new, code), 2), held["provenance"], text.strip()[:200], figure)]


def _restated_currency(before: Mapping[str, Any], facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "我说的是台币" after "一千块": the budget held, its amount unchanged, in the currency now named
    (¥1,000 -> 1,000新台币), shown as a change."""
    held = before.get("budget.monthly_usd")
    if held is None or not held["value"] or held["provenance"] == "defaulted":
        return []
    if any(f.path.startswith("budget.") for f in facts):
        return []
    new = restated_currency(text)
    old = currency_of(str(held.get("shown") or "")) or "USD"
    if new is None or new == old:
        return []
    amount = from_usd(float(held["value"]), old)
    amount = round(amount) if abs(amount - round(amount)) < 0.01 else amount
    return [Fact("budget.monthly_usd", round(to_usd(amount, new), 2), held["provenance"], text.strip()[:200],
                 money(amount, new, lang))]  # fmt: skip


def _local_dollar(state: State, before: Mapping[str, Any], facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "200 dollars a month" from someone who said they are in Toronto: Canadian dollars (C$200), whether
    the place came before the sum, with it, or after it ("the budget was $200; we're in Canada" changes
    the budget held to C$200). A sum said in US dollars, or in any other currency, stays as it is."""
    earlier = [str(m.get("content") or "") for m in state.get("messages", []) if m.get("role") == "user"]
    if earlier and earlier[-1] == text:
        earlier = earlier[:-1]
    # "whats that qwen one with the singapore law warning?": a place in a warning is not where the person is
    earlier, text = [answers.without_warning_mentions(e) for e in earlier], answers.without_warning_mentions(text)
    code = local_dollar(lower_aligned(normalize(" . ".join([*earlier, text]))))
    if code is None:
        return facts
    out: list[Fact] = []
    for f in facts:
        if f.path.startswith("budget.") and f.shown is None and f.value and generic_dollar(f.evidence):
            amount = float(f.value)
            out.append(replace(f, value=round(to_usd(amount, code), 2), shown=money(amount, code, lang)))
        else:
            out.append(f)
    held = before.get("budget.monthly_usd")
    if (
        not any(f.path.startswith("budget.") for f in facts)
        and held is not None
        and held["value"]
        and held["provenance"] != "defaulted"
        and not held.get("shown")
        and generic_dollar(str(held.get("evidence") or ""))
        and local_dollar(lower_aligned(normalize(text))) == code
    ):
        amount = float(held["value"])
        out.append(Fact("budget.monthly_usd", round(to_usd(amount, code), 2), held["provenance"], text.strip()[:200],
                        money(amount, code, lang)))  # fmt: skip
    return out


_NAMES_MEXICAN = re.compile(r"mexic|\bmxn\b|\bmx\$|墨西哥", re.I)


def _local_peso(before: Mapping[str, Any], facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "Budget maybe 500 pesos a month?" from a bakery that said it is in Quezon City a message before:
    Philippine pesos, not Mexican ones (the brain reads the place only in the message it is in). A sum
    said in Mexican pesos by name stays as it is."""
    place = next((f for f in facts if f.path == "location"), None)
    shown = place.shown if place is not None else (before.get("location") or {}).get("shown")
    code = render.OTHER_PLACE_CURRENCY.get(str(shown or ""))
    if code != "PHP" or _NAMES_MEXICAN.search(text):
        return facts
    out: list[Fact] = []
    for f in facts:
        if f.path.startswith("budget.") and f.shown and currency_of(f.shown) == "MXN" and f.value:
            amount = from_usd(float(f.value), "MXN")
            amount = round(amount) if abs(amount - round(amount)) < 0.01 else amount
            f = replace(f, value=round(to_usd(amount, code), 2), shown=money(amount, code, lang))
        out.append(f)
    return out


_NAMES_YUAN = re.compile(r"人民币|人民幣|人名币|\brmb\b|\bcny\b|\byuan\b|[¥￥]", re.I)
_PLACE_MONEY = {"tw": "TWD", "hk": "HKD", "sg": "SGD"}
"""Places where a Chinese "块" or "元" is not yuan: the local money (NT$, HK$, S$)."""


def _local_yuan(before: Mapping[str, Any], facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """ "一個月幾百塊吧" from a kindergarten in 台中: New Taiwan dollars, not yuan. A sum the brain showed in
    yuan with no currency named ("塊", "元", a bare figure after 預算) is put in the money of where the
    person is (said in this message or before), labelled inferred: the currency is worked out from the
    place, and the person sees it and can correct it. A sum said in 人民幣 stays yuan."""
    place = next((str(f.value) for f in facts if f.path == "location"), None)
    if place is None and before.get("location") is not None:
        place = str(before["location"]["value"])
    code = _PLACE_MONEY.get(place or "")
    if code is None or _NAMES_YUAN.search(text):
        return facts
    out: list[Fact] = []
    for f in facts:
        if f.path == "budget.monthly_usd" and f.shown and currency_of(f.shown) == "CNY" and f.value:
            amount = from_usd(float(f.value), "CNY")
            f = Fact(f.path, round(to_usd(amount, code), 2), "inferred", f.evidence, money(round(amount), code, lang))
        out.append(f)
    return out


def _restated_period(
    state: State, before: Mapping[str, Any], facts: list[Fact], text: str, lang: str
) -> list[Fact]:
    """ "sorry, I meant per week not per month" after "300 cvs a month": the figure last given (the
    volume, else the budget) with the period now said (300 a week: 1,300 a month), shown with the
    figure as said."""
    if facts:
        return []
    said = restated_period(text)
    if said is None:
        return []
    old_mult, new_mult = said
    earlier = [m["content"] for m in state.get("messages", []) if m.get("role") == "user"]
    last = offline_understand(earlier[-1]).facts if earlier else ()
    paths = [f.path for f in last] + ["volume.requests_per_month", "budget.monthly_usd"]
    path = next((p for p in paths if p in ("volume.requests_per_month", "budget.monthly_usd")
                 and before.get(p) is not None and before[p]["value"] and before[p]["provenance"] != "defaulted"), None)  # fmt: skip
    if path is None:
        return []
    held = before[path]
    if old_mult is None:
        old_mult = next((mult for pattern, mult in lx.PERIODS
                         if re.search(pattern, str(held.get("evidence") or "").lower())), 1.0)  # fmt: skip
    factor = new_mult / old_mult
    zh = lang == "zh"
    if path == "volume.requests_per_month":
        per_period = float(held["value"]) / old_mult
        value = round(per_period * new_mult)
        unit = _PERIOD_WORDS.get(round(new_mult, 3), ("", ""))[1 if zh else 0]
        shown = (f"{value:,.0f}/月（{unit}{per_period:,.0f}）" if zh else f"{value:,.0f}/month ({per_period:,.0f} {unit})") if unit else None
        return [Fact(path, value, "inferred", text.strip()[:200], shown)]
    code = currency_of(str(held.get("shown") or "")) or "USD"
    amount = from_usd(float(held["value"]), code) * factor
    return [Fact(path, round(to_usd(amount, code), 2), "inferred", text.strip()[:200],
                 None if code == "USD" else money(amount, code, lang))]  # fmt: skip


_PERIOD_WORDS = {round(lx.WEEKS_PER_MONTH, 3): ("a week", "每周"), 30.0: ("a day", "每天"), 1.0: ("a month", "每月"),
                 round(1 / 12, 3): ("a year", "每年")}  # fmt: skip


def _is_spec_default(field: str, option: Option) -> bool:
    spec = QUESTIONS[field]
    return option is spec.options[spec.default]


def _guess_offered(pending: Pending | None, field: str) -> Option | None:
    """The guess a pending check of the task offers as its default ("It sounds like writing: is that right?"),
    when it is the question for `field` and its default is not the plain question's; else None."""
    if pending is None or pending["field"] != field or field != "task_type" or not pending.get("default"):
        return None
    spec = QUESTIONS[field]
    if pending["default"] in (spec.options[spec.default].en, spec.options[spec.default].zh):
        return None
    return next((o for o in _options_for(pending) if pending["default"] in (o.en, o.zh)), None)


def _clarify_task(candidates: list[str], lang: str) -> Pending:
    """The task question as a check of the likeliest reading (the brain was unsure): "yes" takes it,
    the runner-up is offered second, every other task after them."""
    every = QUESTIONS["task_type"].options + _EVERY_TASK
    a, b = (next(o for o in every if o.facts.get("task_type") == c).label(lang) for c in candidates[:2])
    spec = QUESTIONS["task_type"]
    labels = [a, b, *(label for label in spec.labels(lang) if label not in (a, b))]
    return Pending(field="task_type", text=t(lang, "clarify_task", a=a, b=b), options=labels, default=a)


def _guessed_task(pending: Pending | None, lang: str) -> Option | None:
    """The task a pending check of a guess offers ("听起来主要是“写文案”，对吗？"), None for any other question."""
    if pending is None or pending["field"] != "task_type" or not pending.get("default"):
        return None
    offered = next((o for o in _options_for(pending) if pending["default"] in (o.en, o.zh)), None)
    return offered if offered is not None and not _is_spec_default("task_type", offered) else None


def _pending_for(field: str, lang: str, where: str | None = None) -> Pending:
    """The question for `field`; for where the model may run, only the data-residency choices that fit where
    the person is (`where`, `Requirements.location`): no "Data must stay in China" for a dentist in Miami; the
    budget's "Nothing: free plans only" in English menus and Hong Kong's only (a mainland "5吧" stays the figure 5)."""
    spec = QUESTIONS[field]
    labels = spec.labels(lang)
    if field == "budget.monthly_usd" and lang == "zh" and where != "hk":
        # the free-only choice is offered in English menus and in Hong Kong ("學校冇咩預算", "0蚊，要免費嘅": novice25 P3)
        labels = [o.label(lang) for o in spec.options if o.facts.get("budget.monthly_usd") != 0]
    if field == "deployment":
        fits = _RESIDENCY_FOR_PLACE.get(where or "", frozenset({"cn", "eu", "uk"}) if lang == "zh" else frozenset({"eu", "uk"}))
        labels = [o.label(lang) for o in spec.options
                  if o.facts.get("deployment.data_residency") in (None, *fits)]  # fmt: skip
    return Pending(field=field, text=spec.text(lang), options=labels, default=spec.options[spec.default].label(lang))


_RESIDENCY_FOR_PLACE: dict[str, frozenset[str]] = {
    "cn": frozenset({"cn"}), "hk": frozenset({"cn"}), "uk": frozenset({"uk", "eu"}), "eu": frozenset({"eu"}),
    "us": frozenset(), "ca": frozenset(), "au": frozenset(), "tw": frozenset(), "sg": frozenset(),
}  # fmt: skip
"""Where data may be required to stay, by where the person is (the residency choices offered to them)."""


def _summary(
    rec: Recommendation, lang: str, currency: str | None = None, *, per_use_later: bool = False, phone: bool = False
) -> str:
    """The recommendation in two or three sentences: the pick, then the core's summary (its codes written
    by the explainer in the person's language, monthly bills in their currency). `per_use_later`: the chat
    app came first (a person working alone), so the pick is introduced as the route for automating later;
    `phone`: the person has only a phone, so automating is for someone with a computer."""
    with in_currency(currency):
        return _summary_text(rec, lang, currency, per_use_later, phone)


def _summary_text(
    rec: Recommendation, lang: str, currency: str | None, per_use_later: bool = False, phone: bool = False
) -> str:
    if not rec.recommendations:
        lines = [t(lang, "rec_none")]
        if rec.relaxations:
            lines.append(t(lang, "relax_intro"))
            for r in rec.relaxations[:3]:
                # in the person's language (the core's code), else the recommendation's own sentence;
                # the suggestion may name its models already ("self-host an open model: Gemma 4 31B IT; ...")
                code_lang: Lang = "zh" if lang == "zh" else "en"
                suggestion = say(code_lang, r.code).strip() if r.code else r.suggestion
                # each model it names with what it needs (its bill, its time), not the names alone
                named = [change_line(code_lang, m) for m in r.per_model[:3] if m.model not in suggestion]
                admits = named or [a for a in r.admits[:3] if a not in suggestion]
                sep = "；" if lang == "zh" else "; "
                lines.append(f"  - {suggestion}" + (("：" if lang == "zh" else ": ") + sep.join(admits) if admits else ""))
        return "\n".join(lines)
    top = rec.recommendations[0]
    where = (
        t(lang, "self_hosted")
        if top.self_hosted
        else provider_display(top.provider_name, top.provider, "zh" if lang == "zh" else "en")
    )
    intro = ("rec_intro_phone" if phone else "rec_intro_api") if per_use_later else "rec_intro"
    text = t(lang, intro, top=t(lang, "rec_top", model=render.model_label(top, lang), where=where,
                                       cost=render.cost_text(top.monthly_cost_usd, lang, currency)))  # fmt: skip
    if lang == "zh":  # the same summary codes, in the explainer's Chinese sentences
        return text + "".join(say("zh", r) for r in rec.summary_codes)
    return f"{text} {rec.summary}"


def _slot_value(slots: Mapping[str, Any], path: str) -> Any:
    """The value held in the conversation's slots for a requirements path (None when not held)."""
    slot: Mapping[str, Any] = slots.get(path) or {}
    return slot.get("value")


def requirements_view(state: Mapping[str, Any]) -> dict[str, Any]:
    """The conversation's requirements as a requirements-file mapping (for JSON output)."""
    return to_raw(
        state.get("requirements", {}),
        fallback_use_case=_first_user_text(state),  # type: ignore[arg-type]
        language=state.get("language", "en"),
    )

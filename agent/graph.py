"""The conversation graph, built by a factory with its dependencies injected.

One `ainvoke({"text": ...}, config)` is one user turn (input schema: the message only). The state
after the turn is in the checkpoint, so the pending question survives a restart:

    understand ─┬─ reset ──────────────────────────────────────┐
                ├─ answer (side question, cited) ─┐            │
                └─────────────────────────────────┴─ decide ─┬─ ask       ─┤
                                                             ├─ conflict  ─┤
                                                             ├─ recommend ─┼─ finish ─ END
                                                             ├─ probe     ─┤
                                                             └─ idle      ─┘
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command

from whichmodel.agent import tools
from whichmodel.agent.brain import embed
from whichmodel.agent.events import dump
from whichmodel.agent.nodes.interview import Nodes
from whichmodel.agent.nodes.understanding import Brain, OfflineBrain
from whichmodel.agent.probing import ProbeService
from whichmodel.agent.reply_script import events_in_script
from whichmodel.agent.settings import Settings
from whichmodel.agent.state import InputState, State


def default_brain(settings: Settings) -> Brain:
    """The offline brain, or the LLM brain (with offline fallback) when one is configured."""
    embed.keep_vectors_in(settings.cache_dir)
    if settings.brain_kind == "offline":
        return OfflineBrain()
    from whichmodel.agent.llm import LLMBrain

    return LLMBrain(settings)


class LazyRetriever:
    """`knowledge.retrieval.Retriever.open()` on first use: the index is opened (and built if missing)
    only when a side question is asked, not when the graph is built."""

    def __init__(self) -> None:
        self._inner: Any = None

    def search_framework(self, query: str, k: int = 2, lang: str | None = None) -> Any:
        if self._inner is None:
            from whichmodel.knowledge.retrieval import Retriever

            self._inner = Retriever.open()
        return self._inner.search_framework(query, k=k, lang=lang)


def default_retriever() -> tools.Retriever:
    """The framework knowledge base (opened lazily)."""
    return LazyRetriever()


Node = Callable[..., Awaitable[Any]]


def storing_events(node: Node) -> Node:
    """The node, with the typed events it writes (agent.events) stored as their JSON dumps: nodes
    build models, the checkpoint keeps plain data (any checkpointer, strict msgpack included).
    Chinese texts are stored in the person's script (agent.reply_script): the conversion is the last step."""

    @functools.wraps(node)
    async def run(*args: Any, **kwargs: Any) -> Any:
        out = await node(*args, **kwargs)
        state = args[0] if args and isinstance(args[0], dict) else {}

        def stored(update: dict[str, Any]) -> list[dict[str, Any]]:
            lang = str(update.get("language", state.get("language", "en")))
            script = update["script"] if "script" in update else state.get("script")
            return events_in_script(dump(update["events"]), lang, script)

        if isinstance(out, Command) and isinstance(out.update, dict) and "events" in out.update:
            return dataclasses.replace(out, update={**out.update, "events": stored(out.update)})
        if isinstance(out, dict) and "events" in out:
            return {**out, "events": stored(out)}
        return out

    return run


def build_graph(
    settings: Settings | None = None,
    *,
    brain: Brain | None = None,
    retriever: tools.Retriever | Literal["default"] | None = "default",
    checkpointer: BaseCheckpointSaver[Any] | None = None,
    probes: ProbeService | Literal["default"] | None = "default",
) -> CompiledStateGraph[Any, Any, Any, Any]:
    """Compile the conversation graph. Pass `checkpointer` for persistence (see agent.checkpoint);
    `retriever=None` runs without a knowledge base (side questions get "not found"); `probes=None`
    turns probes off (the default: server-configured endpoints, see agent.probing)."""
    settings = settings or Settings.load()
    nodes = Nodes(
        brain=brain or default_brain(settings),
        retriever=default_retriever() if retriever == "default" else retriever,
        probes=ProbeService.from_settings(settings) if probes == "default" else probes,
    )
    g = StateGraph(State, input_schema=InputState)
    g.add_node("understand", storing_events(nodes.understand))
    g.add_node("reset", storing_events(nodes.reset))
    g.add_node("answer", storing_events(nodes.answer))
    g.add_node(
        "decide",
        storing_events(nodes.decide),
        destinations=("ask", "conflict", "recommend", "idle", "probe", "finish"),
    )
    for name in ("ask", "conflict", "recommend", "idle", "probe"):
        g.add_node(name, storing_events(getattr(nodes, name)))
        g.add_edge(name, "finish")
    g.add_node("finish", nodes.finish)
    g.add_edge(START, "understand")
    g.add_conditional_edges("understand", Nodes.route_after_understand, ["reset", "answer", "decide", "finish"])
    g.add_edge("answer", "decide")
    g.add_edge("reset", "finish")
    g.add_edge("finish", END)
    return g.compile(checkpointer=checkpointer)

"""Playing a conversation through the real agent (offline brain, in-memory checkpoints, no probes)."""

from __future__ import annotations


async def last_reply(thread: str, *turns: str) -> str:
    """The agent's reply to the last of `turns`, sent in order on one thread."""
    from langgraph.checkpoint.memory import InMemorySaver

    from whichmodel.agent.service import Advisor
    from whichmodel.agent.settings import Settings

    async with Advisor(Settings(), retriever=None, checkpointer=InMemorySaver(), probes=None) as adv:
        reply = None
        for turn in turns:
            reply = await adv.send(thread, turn)
    assert reply is not None
    return reply.text

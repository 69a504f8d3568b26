"""`whichmodel chat`: a terminal conversation with the advisor (also `python -m ui.chat_cli`).

Interactive: reads one message per line from stdin (works in a pipe), prints each reply. With
`--thread` and `--db` a conversation persists and resumes, pending question included.

Scripted: `--script FILE [--json]` plays the user turns in FILE (a YAML list of messages, or one
message per line) and prints the transcript, or with --json an object with `requirements` (the
requirements-file mapping), `turns` (user messages used), `recommendation` (the same object as
`whichmodel recommend --format json`), `transcript` and `stage`. Exit code 2 when the script ended
without a recommendation.
"""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml

if (
    TYPE_CHECKING
):  # the agent (LangGraph, LangChain) loads only when a chat starts: `whichmodel --help` stays fast
    from whichmodel.agent.settings import Settings


class ScriptError(ValueError):
    """A --script file that cannot be read; the message is one plain line with what to do."""


def read_script(path: Path) -> list[str]:
    """User turns from a YAML list of strings, or else one message per non-empty line.

    Raises ScriptError (one plain line) for a missing, binary or non-UTF-8 file.
    """
    try:
        data_bytes = path.read_bytes()
    except OSError as exc:
        raise ScriptError(f"I couldn't read “{path}”: {exc.strerror or exc}. Check the path.") from None
    if b"\x00" in data_bytes:
        raise ScriptError(
            f"“{path.name}” is a binary file. Give a text file: one message per line, or a YAML list."
        )
    try:
        text = data_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScriptError(
            f"“{path.name}” is not UTF-8 text. Save it as UTF-8 (one message per line)."
        ) from None
    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar a string: "yes" stays "yes"
    except yaml.YAMLError:
        data = None
    if isinstance(data, list) and all(isinstance(m, str) for m in data):
        return [str(m) for m in data]
    if isinstance(data, dict) and isinstance(data.get("turns"), list):
        return [str(m) for m in data["turns"]]
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


async def run_script(
    messages: list[str], settings: Settings, thread: str, *, in_memory: bool
) -> dict[str, Any]:
    """Play `messages` through the advisor; returns the JSON result described in the module docstring."""
    checkpointer = None
    if in_memory:
        from langgraph.checkpoint.memory import InMemorySaver

        checkpointer = InMemorySaver()
    from whichmodel.agent.service import Advisor

    async with Advisor(settings, checkpointer=checkpointer) as advisor:
        turns_to_rec = None
        for i, message in enumerate(messages, 1):
            reply = await advisor.send(thread, message)
            if reply.stage == "recommended" and turns_to_rec is None:
                turns_to_rec = i
        state = await advisor.state(thread)
        report = await advisor.report(thread)
    return {
        "requirements": state.requirements,
        "turns": len(messages),
        "user_messages": messages,
        "turns_to_recommendation": turns_to_rec,
        "stage": state.stage,
        "slots": state.slots,
        "recommendation": report.data() if report is not None else None,
        "transcript": state.messages,
    }


async def interactive(settings: Settings, thread: str) -> None:
    """Read lines from stdin until EOF, printing each reply."""
    from whichmodel.agent.service import Advisor, ProbeProgress, render_plain

    async with Advisor(settings) as advisor:
        state = await advisor.state(thread)
        if state.messages:
            print(f"(resuming thread {thread})")
            if state.question is not None:
                print(render_plain([state.question], state.language))
        else:
            print(Advisor.opening())
        print(flush=True)
        while True:
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                break
            if not line.strip():
                continue
            async for event in advisor.events(thread, line.strip()):
                if isinstance(event, ProbeProgress):  # a probe run: one updating line on stderr
                    end = "\n" if event.done == event.total else ""
                    print(f"\rprobing: {event.done}/{event.total}", end=end, file=sys.stderr, flush=True)
            messages = (await advisor.state(thread)).messages
            print(messages[-1]["content"] if messages else "")
            print(flush=True)


def chat(
    script: Annotated[
        Path | None, typer.Option(help="Play user turns from this file (YAML list or lines).")
    ] = None,
    json_out: Annotated[
        bool, typer.Option("--json", help="With --script: print the result as JSON.")
    ] = False,
    thread: Annotated[
        str | None, typer.Option(help="Conversation id (resume it with the same --db).")
    ] = None,
    db: Annotated[Path | None, typer.Option(help="SQLite file for conversations.")] = None,
) -> None:
    """Talk to the advisor in the terminal, or play a scripted conversation."""
    from whichmodel.agent.settings import Settings

    settings = Settings.load() if db is None else Settings.load(db_path=db)
    if script is None:
        asyncio.run(interactive(settings, thread or "terminal"))
        return
    try:
        messages = read_script(script)
    except ScriptError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if not messages:
        typer.echo(f"error: “{script.name}” has no messages. Write one message per line.", err=True)
        raise typer.Exit(2)
    result = asyncio.run(
        run_script(messages, settings, thread or f"script-{uuid.uuid4().hex[:8]}", in_memory=db is None)
    )
    if json_out:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for m in result["transcript"]:
            print(f"{m['role']}: {m['content']}\n")
    if result["recommendation"] is None:
        raise typer.Exit(2)


def main() -> None:
    typer.run(chat)


if __name__ == "__main__":
    main()

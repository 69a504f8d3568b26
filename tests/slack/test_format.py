"""Slack text rendering: mrkdwn conversion, numbered options, monospaced tables, message splitting,
the PNG chart, and the once-only event ledger."""

from __future__ import annotations

import asyncio
import io
import random
from pathlib import Path

import pytest
from PIL import Image

from tests.report.fixtures import chinese_recommendation, empty_recommendation, realistic_recommendation
from whichmodel.agent.events import ShortlistRow
from whichmodel.tools.report import chart_png
from whichmodel.ui.chainlit import render, slack
from whichmodel.ui.chainlit.slack_events import SqliteLedger


def test_markdown_becomes_mrkdwn() -> None:
    out = slack.mrkdwn("## Why\n**GPT-4o mini** costs <$5 & more, see [the docs](https://example.com/a?b=1)")
    assert out.splitlines()[0] == "*Why*"
    assert "*GPT-4o mini* costs &lt;$5 &amp; more" in out
    assert "<https://example.com/a?b=1|the docs>" in out


def test_markdown_table_becomes_aligned_code_block() -> None:
    table = render.markdown_table(["Model", "Cost"], [["a|b", "$1"], ["模型", "$20"]])
    out = slack.mrkdwn("Intro\n\n" + table + "\n\nAfter")
    assert out.startswith("Intro")
    assert out.endswith("After")
    block = out.split("```")[1].strip("\n").splitlines()
    assert block[0].split() == ["Model", "Cost"]
    assert block[2].startswith("a|b")
    # The cost column starts at the same display column on every row (CJK counts two columns).
    starts = [slack.width(line[: line.index("$")]) for line in block[2:]]
    assert len(set(starts)) == 1


def test_user_text_cannot_inject_slack_mentions_or_links() -> None:
    out = slack.mrkdwn("<!channel> <@U123> <http://evil|click>")
    assert "<!channel>" not in out and "<@U123>" not in out and "<http://evil" not in out


def test_code_blocks_are_kept_and_escaped() -> None:
    out = slack.mrkdwn("```\nif a < b: **x**\n```")
    assert out == "```\nif a &lt; b: **x**\n```"


def test_numbered_question_and_pick_option() -> None:
    buttons = render.answer_buttons(
        "deployment", ["Any cloud API", "Self-hosted", "EU only"], "Any cloud API", "en"
    )
    text = slack.question("Where may the model run?", buttons, "deployment", "en")
    lines = text.splitlines()
    assert lines[0] == "Where may the model run?"
    assert "1. Any cloud API (default)" in lines and "3. EU only" in lines
    assert "Reply with a number" in text
    for reply, picked in [
        ("3", "EU only"),
        (" #2 ", "Self-hosted"),
        ("２", "Self-hosted"),
        ("第1个", "Any cloud API"),
    ]:
        assert slack.pick_option(reply, buttons) == picked, reply
    for reply in ("4", "0", "2 please", "20k a day", "", "yes"):
        assert slack.pick_option(reply, buttons) is None, reply


def test_chinese_question_hint() -> None:
    buttons = render.answer_buttons("deployment", ["任何云端 API", "私有化部署"], None, "zh")
    assert "回复序号" in slack.question("模型可以部署在哪里？", buttons, "deployment", "zh")


def test_confirmation_is_plain_text_without_numbers() -> None:
    buttons = render.answer_buttons("confirm", [], None, "en")
    text = slack.question("Is this right? Say “yes” for the recommendation.", buttons, "confirm", "en")
    assert "1." not in text


def test_shortlist_table_shows_unknown_not_zero() -> None:
    rows = [
        ShortlistRow(rank=1, model="GPT-4o mini", offering_id="openai:gpt-4o-mini", where="via openai",
                     monthly_usd=3.2, quality=1272, latency="fast", self_hosted=False),
        ShortlistRow(rank=2, model="Qwen3-32B", offering_id=None, where="self-hosted", monthly_usd=None,
                     quality=None, latency=None, self_hosted=True),
    ]  # fmt: skip
    out = slack.shortlist(rows, "en")
    assert out.startswith("*Shortlist*\n```")
    last = out.split("```")[1].strip().splitlines()[-1]
    assert "unknown" in last and " 0 " not in last and "$0" not in last


@pytest.mark.parametrize("seed", range(40))
def test_split_respects_the_limit_and_keeps_everything(seed: int) -> None:
    rng = random.Random(seed)
    words = ["alpha", "模型选择", "**bold**", "\n", "\n\n", "x" * rng.randint(1, 400), "```", "| a | b |"]
    text = " ".join(rng.choice(words) for _ in range(rng.randint(50, 1500)))
    limit = rng.choice([200, 1000, slack.SECTION_LIMIT])
    parts = slack.split(text, limit)
    assert parts and all(0 < len(p) <= limit for p in parts)

    # Nothing is lost: the parts hold every non-space character, fences aside.
    def content(s: str) -> str:
        return "".join(s.replace("```", "").split())

    assert content("".join(parts)) == content(text)
    # Every part is balanced, so Slack never shows half a code block.
    assert all(sum(line.strip().startswith("```") for line in p.splitlines()) % 2 == 0 for p in parts)


def test_short_message_is_one_part_and_long_code_is_reopened() -> None:
    assert slack.split("hello") == ["hello"]
    code = "```\n" + "\n".join(f"row {i:04d} " + "x" * 60 for i in range(200)) + "\n```"
    parts = slack.split(code, 1000)
    assert len(parts) > 5
    assert all(p.startswith("```") and p.endswith("```") for p in parts)


def test_png_chart_is_a_real_image() -> None:
    for rec in (realistic_recommendation(), chinese_recommendation(), empty_recommendation()):
        data = chart_png.render_chart_png(rec)
        assert data.startswith(chart_png.PNG_SIGNATURE)
        image = Image.open(io.BytesIO(data))
        assert image.size == tuple(round(v * chart_png.DPI) for v in chart_png.SIZE_INCHES) == (900, 480)
        # Not blank: the plot has ink in several colours.
        assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20


def test_png_chart_falls_back_to_english_without_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = chart_png.labels_for

    def spy(lang: str) -> dict[str, str]:
        seen.append(lang)
        return original(lang)  # type: ignore[arg-type]

    monkeypatch.setattr(chart_png, "labels_for", spy)
    monkeypatch.setattr(chart_png, "cjk_font", lambda: None)
    chart_png.render_chart_png(chinese_recommendation())
    assert seen == ["en"]


def test_ledger_claims_each_event_once_across_instances(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    first, second = SqliteLedger(path), SqliteLedger(path)  # two replicas sharing one file

    async def claims() -> list[bool]:
        return list(await asyncio.gather(*(ledger.claim("Ev1") for ledger in [first, second] * 5)))

    results = asyncio.run(claims())
    assert results.count(True) == 1
    assert asyncio.run(first.claim("Ev2")) is True

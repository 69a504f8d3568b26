"""Fuzz: random and adversarial messages through the interview, random documents through the
requirements loader. Seeded (`random.Random`), so every run sees the same inputs.

- understanding: thousands of messages straight through the offline brain (what each turn runs
  first), with and without a pending question and its options;
- conversations: a few hundred full turns through `Advisor` (SQLite checkpointer, offline brain, no
  retriever, no probes), several turns per thread;
- requirements: thousands of documents derived from examples/*.yaml by mutation (wrong types,
  missing/unknown fields, huge numbers, deep nesting, alias bombs, binary, non-UTF-8, long strings)
  through `load_requirements_file`, some through `whichmodel recommend -r`.

What must hold: no exception but the project's own validation error, a non-empty reply in English or
Chinese, requirements that validate and hold no NaN, infinity or negative number, and for meaningless
input a reply that is one of the interview's own questions or clarifications. The crashes this found
are fixed in the product, each with a regression test at the end of this file.
"""

from __future__ import annotations

import copy
import json
import math
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from whichmodel.agent.brain import understand
from whichmodel.agent.brain.numbers import MAX_MESSAGE_CHARS, MessageTooLong
from whichmodel.agent.nodes.understanding import Asked, understand_offline
from whichmodel.agent.prompts import QUESTIONS, TEMPLATES
from whichmodel.agent.service import Advisor
from whichmodel.agent.settings import Settings
from whichmodel.agent.tools import for_core
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import RequirementsError, load_requirements_file, parse_requirements, recommend
from whichmodel.ui.cli import EXIT_INVALID_INPUT, app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]
MESSAGES = 2_500
CONVERSATIONS, TURNS = 60, 5
DOCUMENTS = 2_200

# --- message generators ----------------------------------------------------------------------------

SCRIPTS = {
    "cjk": (0x4E00, 0x9FFF), "arabic": (0x0600, 0x06FF), "hebrew": (0x0590, 0x05FF),
    "devanagari": (0x0900, 0x097F), "emoji": (0x1F300, 0x1FAFF), "combining": (0x0300, 0x036F),
    "cyrillic": (0x0400, 0x04FF), "hangul": (0xAC00, 0xD7A3), "kana": (0x3040, 0x30FF),
    "fullwidth": (0xFF01, 0xFF5E), "ascii": (0x20, 0x7E), "symbols": (0x2190, 0x23FF),
}  # fmt: skip
CONTROLS = ["\u200b", "\u200c", "\u200d", "\u202e", "\u202d", "\u2066", "\u2069", "\ufeff", "\x00", "\x07",
            "\x1b[31m", "\r", "\t", "\n", "\x7f", "\ud800", "\U000e0001"]  # fmt: skip
NUMBERS = ["-5", "-$100", "$-3", "NaN", "nan", "inf", "-inf", "Infinity", "1e999", "1e308", "$1e308", "1e-320",
           "一亿亿", "亿亿亿", "一亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿",
           "９９９", "１２３４５美元", "٣٤٥", "१२३", "½", "0", "-0", "0.000", "9" * 5000, "9" * 400, "1" * 30,
           "万一", "零点零零", "十十十", "千千万万", "1,2,3,4", "1.2.3.4", "3,00,000", "¥9999999999999999999",
           "２秒", "0.5ms", "99999 seconds", "-2 seconds", "∞", "10^100", "1/0", "0x1F"]  # fmt: skip
WORDS = ["budget", "$", "per month", "a day", "per second", "seconds", "tokens", "classify", "chat", "summarise",
         "self-host", "open weights", "on-prem", "yes", "no", "not sure", "the second one", "option 9", "第十个",
         "不需要", "每月", "美元", "秒", "条", "每天", "qps", "ms", "k", "万", "million", "GPU", "H100", "EU",
         "中国", "reset", "重新开始", "hello", "你好", "what is RAG?", "什么是微调？", "actually", "不对",
         "openai", "anthropic", "deepseek", "工具调用", "JSON output", "accuracy 95%", "context 1M tokens"]  # fmt: skip
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "**bold** _it_ `code`", "# Heading\n- a\n- b",
          "```yaml\nbudget: {monthly_usd: 5}\n```", '{"budget": {"monthly_usd": 1e999}}', "budget: &a [*a, *a]",
          "| a | b |\n|---|---|\n| 1 | 2 |", "[link](javascript:alert(1))", "{{7*7}} ${7*7} %s %d {0}",
          "'; DROP TABLE checkpoints; --", "../../etc/passwd", "\\x00\\n\\u0000"]  # fmt: skip
GIBBERISH_ATOMS = ["asdfghjkl", "qwertyuiop", "zxcvbnm", "xkcdq", "zzzzzz", "mmmmmmm", "!!!!", "???!!", "...",
                   "@#$%^&*", "🙂🙃🙂", "🤖🤖", "—", "~~~~", "////", "\u200b\u200b", "\x00\x01\x02"]  # fmt: skip


def _run(rng: random.Random, script: str, n: int) -> str:
    lo, hi = SCRIPTS[script]
    return "".join(chr(rng.randint(lo, hi)) for _ in range(n))


def random_message(rng: random.Random) -> str:
    """A message of mixed pieces: scripts, controls, odd numbers, requirement words, markup."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 14)):
        k = rng.random()
        if k < 0.25:
            parts.append(_run(rng, rng.choice(list(SCRIPTS)), rng.randint(1, 12)))
        elif k < 0.35:
            parts.append(rng.choice(CONTROLS) * rng.randint(1, 3))
        elif k < 0.6:
            parts.append(rng.choice(NUMBERS))
        elif k < 0.9:
            parts.append(rng.choice(WORDS))
        else:
            parts.append(rng.choice(MARKUP))
    return rng.choice(["", " ", "  ", "\n", "，"]).join(parts)


def gibberish(rng: random.Random) -> str:
    """Meaningless input: keyboard mashing, symbols, emoji, invisible characters only."""
    return " ".join(rng.choice(GIBBERISH_ATOMS) for _ in range(rng.randint(1, 4)))


def huge_message(rng: random.Random) -> str:
    return rng.choice([
        "x" * 1_000_000, "9" * 100_000, "budget $" + "9" * 5000 + " per month", "我们" * 300_000,
        "$1e308 budget", "1" + "0" * 4999 + " requests a day", ("we classify tickets, $300 a month. " * 30_000),
        "\u200b" * 200_000 + "yes", "👍" * 100_000, ("9," * 50_000) + "000 tokens",
    ])  # fmt: skip


def messages(rng: random.Random, n: int) -> Iterator[tuple[str, str]]:
    """(kind, message) pairs: mostly random, some gibberish, a few huge."""
    for i in range(n):
        if i % 100 == 0:
            yield "huge", huge_message(rng)
        elif i % 5 == 0:
            yield "gibberish", gibberish(rng)
        else:
            yield "random", random_message(rng)


# --- what must hold ---------------------------------------------------------------------------------


def numbers_in(value: Any) -> Iterator[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield float(value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from numbers_in(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from numbers_in(v)


def assert_sane_numbers(value: Any, where: str) -> None:
    for x in numbers_in(value):
        assert math.isfinite(x) and x >= 0, (where, x)


CLARIFICATIONS = {
    lang: [TEMPLATES[lang][k] for k in ("nonsense", "greeting", "intro", "confirm_ask", "anything_else")]
    + [q.text(lang) for q in QUESTIONS.values()]
    for lang in ("en", "zh")
}


def pending_question(rng: random.Random) -> Asked | None:
    if rng.random() < 0.3:
        return None
    spec = rng.choice(list(QUESTIONS.values()))
    lang = rng.choice(["en", "zh"])
    return Asked(
        field=spec.field, expecting=spec.expecting, text=spec.text(lang), options=tuple(spec.labels(lang))
    )


def test_understanding_survives_thousands_of_messages(figures: Any) -> None:
    rng = random.Random(20261202)
    start = time.perf_counter()
    kinds: dict[str, int] = {}
    slowest = 0.0
    for kind, message in messages(rng, MESSAGES):
        kinds[kind] = kinds.get(kind, 0) + 1
        asked = pending_question(rng)
        t0 = time.perf_counter()
        if len(message) > MAX_MESSAGE_CHARS:
            # A message over the limit is refused whole, with the limit named (never read in part).
            with pytest.raises(MessageTooLong):
                understand_offline(message, asked)
            continue
        u = understand_offline(message, asked)
        slowest = max(slowest, time.perf_counter() - t0)
        assert u.language in ("en", "zh")
        assert u.intent in (
            "provide",
            "confirm",
            "reject",
            "correction",
            "question",
            "reset",
            "nonsense",
            "greeting",
        )
        for fact in u.facts:
            assert_sane_numbers(fact.value, f"{fact.path} from {message[:80]!r}")
            assert isinstance(fact.evidence, str)
        # Every fact set fits the requirements model (as the interview's slots would hold it).
        raw: dict[str, Any] = {"use_case": "fuzz", "task_type": "chat"}
        for fact in u.facts:
            node = raw
            *parents, leaf = fact.path.split(".")
            for p in parents:
                node = node.setdefault(p, {})
            node[leaf] = list(fact.value) if isinstance(fact.value, tuple) else fact.value
        # as the agent hands them to the core: a zero budget ("we have zero budget") is the chat's routing
        # fact (free plans only), left out of what the core validates (agent.tools.for_core)
        parse_requirements(for_core(raw), "fuzz")
        if kind == "gibberish":
            assert u.intent == "nonsense" and not u.facts, message
    # And the brain entry point without a pending question, on a second seeded stream.
    rng2 = random.Random(7)
    for _ in range(500):
        text = random_message(rng2)
        if len(text) > MAX_MESSAGE_CHARS:
            continue
        u = understand(text)
        assert u.language in ("en", "zh")
    elapsed = time.perf_counter() - start
    figures.add("fuzz", "messages through the offline brain", f"{MESSAGES + 500:,} ({kinds})")
    figures.add("fuzz", "slowest message (brain)", f"{slowest * 1000:.0f} ms")
    figures.add("fuzz", "brain fuzz time", f"{elapsed:.1f} s")
    # Speed is a benchmark figure (benchmarks/bench_agent.py), not a timed assertion: the first message
    # also loads the sentence encoder.


async def test_conversations_survive_random_turns(tmp_path: Path, figures: Any) -> None:
    rng = random.Random(42)
    settings = Settings.load(brain="offline", db_path=tmp_path / "fuzz.sqlite")
    start = time.perf_counter()
    turns = meaningless = 0
    async with Advisor(settings, retriever=None, probes=None) as advisor:
        for c in range(CONVERSATIONS):
            thread = f"fuzz-{c}"
            for k in range(TURNS):
                roll = rng.random()
                if k == 0 and c % 3 == 0:
                    text = rng.choice(
                        [
                            "We classify ~2000 tickets a day, $300 a month",
                            "每天两万条工单需要分类，每月300美元",
                        ]
                    )
                elif roll < 0.25:
                    text = gibberish(rng)
                elif roll < 0.3:
                    text = huge_message(rng)
                elif roll < 0.45:  # an answer to the pending question that matches no option
                    text = rng.choice(
                        ["option 7", "the fifth", "purple", "第九个", "maybe later", "¯\\_(ツ)_/¯"]
                    )
                else:
                    text = random_message(rng)
                reply = await advisor.send(thread, text)
                turns += 1
                assert reply.text.strip(), text[:80]
                assert reply.lang in ("en", "zh")
                assert "Traceback" not in reply.text
                state = await advisor.state(thread)
                if state.slots:  # an empty interview has no requirements view yet
                    req = parse_requirements(state.requirements, "state")  # the slots validate
                    assert_sane_numbers(req.model_dump(mode="json"), f"state after {text[:80]!r}")
                assert_sane_numbers([s["value"] for s in state.slots.values()], "slots")
                if state.recommendation is not None:
                    assert_sane_numbers(state.recommendation["recommendations"][:1], "recommendation")
                if text in GIBBERISH_ATOMS or all(part in GIBBERISH_ATOMS for part in text.split(" ")):
                    meaningless += 1
                    assert any(c in reply.text for c in CLARIFICATIONS[reply.lang]), (text, reply.text)
    elapsed = time.perf_counter() - start
    figures.add(
        "fuzz",
        "full turns through Advisor",
        f"{turns} in {CONVERSATIONS} threads ({meaningless} meaningless)",
    )
    figures.add("fuzz", "Advisor fuzz time", f"{elapsed:.1f} s")


# --- requirements documents ---------------------------------------------------------------------------

ODD_VALUES: list[Any] = [
    None, True, False, 0, -1, -0.5, 1e308, -1e308, 5e-324, 2**70, -(2**70), "", "x" * 20_000, "zh", "chat", "eu",
    [], {}, [1, [2, [3]]], {"a": {"b": {"c": {}}}}, "1e999", "NaN", ".inf", ["zh", "en"], 0.5, 3.7, "\x00", "\u202e",
    {"monthly_usd": 1}, ["text", "video"], "2024-01-01",
]  # fmt: skip
KEYS = ["extra", "x" * 300, "volume", "budget", "needs", "deployment", "data", "languages", "task_type", "use_case",
        "context_tokens", "accuracy_target", "Volume", "budget ", "需要"]  # fmt: skip


def mutate(rng: random.Random, value: Any, depth: int = 0) -> Any:
    if isinstance(value, dict):
        out = dict(value)
        for _ in range(rng.randint(0, 3)):
            keys = list(out)
            k = rng.random()
            if k < 0.3 and keys:
                out[rng.choice(keys)] = copy.deepcopy(rng.choice(ODD_VALUES))
            elif k < 0.45 and keys:
                del out[rng.choice(keys)]
            elif k < 0.55:
                out[rng.choice(KEYS)] = copy.deepcopy(rng.choice(ODD_VALUES))
            elif keys:
                key = rng.choice(keys)
                out[key] = mutate(rng, out[key], depth + 1)
        return out
    if isinstance(value, list):
        return [mutate(rng, v, depth + 1) for v in value] + (
            [rng.choice(ODD_VALUES)] if rng.random() < 0.3 else []
        )
    if isinstance(value, int | float) and not isinstance(value, bool) and rng.random() < 0.6:
        return rng.choice([-value, value * 1e300 if abs(value) < 1e8 else 1e308, 1e-300, 10**400, 0])
    return value


def alias_bomb(levels: int) -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nuse_case: *l{levels - 1}\ntask_type: chat\n"


def document(rng: random.Random, i: int) -> tuple[str, bytes]:
    """(suffix, bytes) of one fuzzed requirements file."""
    k = i % 20
    if k == 0:
        return ".yaml", alias_bomb(rng.randint(3, 12)).encode()
    if k == 1:
        depth = rng.choice([50, 5_000, 30_000])
        return rng.choice([".yaml", ".json"]), ("[" * depth + "]" * depth).encode()
    if k == 2:
        return rng.choice([".yaml", ".json", ".yml"]), bytes(
            rng.randrange(256) for _ in range(rng.randint(0, 3000))
        )
    if k == 3:
        text = yaml.safe_dump(rng.choice(EXAMPLES), allow_unicode=True)
        return ".yaml", text.encode("utf-16") if rng.random() < 0.5 else text.encode(
            "latin-1", "replace"
        ) + b"\xff\xfe"
    if k == 4:
        return ".json", (
            '{"use_case": "x", "task_type": "chat", "context_tokens": ' + "9" * rng.randint(10, 6000) + "}"
        ).encode()
    if k == 5:
        return ".yaml", (
            "use_case: " + "y" * rng.choice([10, 200_000, 300_000]) + "\ntask_type: chat\n"
        ).encode()
    if k == 6:
        text = yaml.safe_dump(rng.choice(EXAMPLES), allow_unicode=True)
        cut = rng.randint(0, len(text))
        return ".yaml", (
            text[:cut]
            + rng.choice(["\t", ":", "{", "[", "&", "*x", "!!python/object:os.system", "\x00", "%"])
            + text[cut:]
        ).encode()
    doc = mutate(rng, copy.deepcopy(rng.choice(EXAMPLES)))
    if rng.random() < 0.5:
        return ".json", json.dumps(doc, ensure_ascii=rng.random() < 0.5, allow_nan=True).encode()
    return ".yaml", yaml.safe_dump(doc, allow_unicode=True).encode()


def test_requirements_loader_survives_thousands_of_documents(tmp_path: Path, figures: Any) -> None:
    rng = random.Random(5)
    start = time.perf_counter()
    loaded, rejected, slowest = [], 0, 0.0
    for i in range(DOCUMENTS):
        suffix, data = document(rng, i)
        path = tmp_path / f"doc-{i}{suffix}"
        path.write_bytes(data)
        t0 = time.perf_counter()
        try:
            req, raw = load_requirements_file(path)
        except RequirementsError as exc:
            rejected += 1
            assert exc.problems
            for field_path, message in exc.problems:
                assert field_path and message and "\n" not in field_path + message and len(message) <= 300
        else:
            loaded.append((req, raw))
        slowest = max(slowest, time.perf_counter() - t0)
        path.unlink()
    # What loads is usable: the core runs on a sample of it and every figure is finite.
    catalog = load_catalog()
    for req, raw in rng.sample(loaded, min(40, len(loaded))):
        rec = recommend(req, catalog, raw=raw)
        assert_sane_numbers(
            [c.monthly_cost_usd for c in rec.recommendations if c.monthly_cost_usd is not None], "cost"
        )
        json.loads(rec.model_dump_json())
    elapsed = time.perf_counter() - start
    figures.add(
        "fuzz",
        "requirements documents",
        f"{DOCUMENTS:,} ({len(loaded)} valid, {rejected} rejected with field paths)",
    )
    figures.add("fuzz", "slowest document", f"{slowest * 1000:.0f} ms")
    figures.add("fuzz", "requirements fuzz time", f"{elapsed:.1f} s")
    assert len(loaded) > 100 and rejected > 500
    assert slowest < 15.0  # a hang or an exponential alias walk (minutes); ~0.1-2 s per document under load


def test_cli_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    rng = random.Random(11)
    runner = CliRunner()
    codes: dict[int, int] = {}
    for i in range(60):
        suffix, data = document(rng, i)
        path = tmp_path / f"cli-{i}{suffix}"
        path.write_bytes(data)
        result = runner.invoke(
            app, ["recommend", "-r", str(path), "-f", "json", "--out", str(tmp_path / "out.json")]
        )
        codes[result.exit_code] = codes.get(result.exit_code, 0) + 1
        assert result.exit_code in (0, EXIT_INVALID_INPUT), (path.name, result.output[-500:])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        if result.exit_code == EXIT_INVALID_INPUT:
            problems = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
            assert problems and all(": " in line for line in problems), result.stderr
            assert "Traceback" not in result.stderr
    assert codes.get(EXIT_INVALID_INPUT, 0) > 10


# --- regressions: the crashes this fuzzing found ------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "budget $" + "9" * 400 + " per month",
        "每天" + "9" * 400,
        "per month" + "9" * 400,
        "一" + "亿" * 45 + "美元每月",
    ],
)
def test_regression_huge_numbers_are_not_read_as_infinity(message: str) -> None:
    # Was: budget.monthly_usd = inf, and an OverflowError in the volume reader ("每天999...").
    u = understand(message)
    assert all(math.isfinite(x) for f in u.facts for x in numbers_in(f.value))


def test_regression_a_large_but_plausible_number_is_still_read() -> None:
    u = understand("our budget is $2,000,000 a month")
    assert {f.path: f.value for f in u.facts}["budget.monthly_usd"] == 2_000_000


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("inf.yaml", "use_case: x\ntask_type: chat\nvolume: {input_tokens: .inf}\n", "volume.input_tokens"),
        (
            "nan.json",
            '{"use_case": "x", "task_type": "chat", "budget": {"monthly_usd": NaN}}',
            "budget.monthly_usd",
        ),
        (
            "bigint.json",
            '{"use_case": "x", "task_type": "chat", "context_tokens": ' + "9" * 5000 + "}",
            "(file)",
        ),
        ("bigint.yaml", "use_case: x\ntask_type: chat\ncontext_tokens: " + "9" * 5000 + "\n", "(file)"),
        ("deep.yaml", "[" * 100_000 + "]" * 100_000, "(file)"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "(file)"),
        ("bomb.yaml", alias_bomb(13), "(file)"),  # 109 aliases, about 9**12 leaves
        ("big.yaml", "use_case: " + "y" * 1_100_000 + "\ntask_type: chat\n", "(file)"),
        ("bad.yaml", "a: [\n  b: c\n}\n", "(file)"),
    ],
)
def test_regression_loader_rejects_with_a_field_path(
    tmp_path: Path, name: str, text: str, problem: str
) -> None:
    # Was: OverflowError in the core (.inf tokens), ValueError (4,300-digit limit), RecursionError
    # (deep nesting), an exponential walk of an alias bomb, and multi-line YAML messages.
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(RequirementsError) as info:
        load_requirements_file(path)
    assert time.perf_counter() - start < 5
    assert [p for p, _ in info.value.problems] == [problem]
    assert all("\n" not in m and len(m) <= 300 for _, m in info.value.problems)


def test_regression_an_unknown_gpu_is_invalid_input_not_a_crash(tmp_path: Path) -> None:
    # Was: the file loaded, then recommend() raised ValueError("unknown GPU 'NaN'") in the CLI.
    path = tmp_path / "r.yaml"
    path.write_text(
        "use_case: x\ntask_type: chat\ndeployment: {self_host: true, gpu: NaN}\n", encoding="utf-8"
    )
    with pytest.raises(RequirementsError) as info:
        load_requirements_file(path)
    assert [p for p, _ in info.value.problems] == ["deployment.gpu"]
    assert "H100-80GB" in info.value.problems[0][1]
    result = CliRunner().invoke(app, ["recommend", "-r", str(path)])
    assert result.exit_code == EXIT_INVALID_INPUT and "  - deployment.gpu: unknown GPU" in result.stderr


def test_regression_an_invalid_huge_value_is_shown_short(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(alias_bomb(6) + "languages: *l5\n", encoding="utf-8")  # under the alias limit
    with pytest.raises(RequirementsError) as info:
        load_requirements_file(path)
    assert {p for p, _ in info.value.problems} >= {"use_case", "l0"}
    assert all(len(m) <= 300 for _, m in info.value.problems)

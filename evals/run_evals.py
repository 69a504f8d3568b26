"""Run the scripted conversations in evals/conversations/ through the agent and score them.

Two parts, always reported separately:
  held-out  evals/conversations/heldout/*.yaml: frozen, written before the brain was tuned, never
            edited to pass (an evaluator's conversations, in people's own words)
  fresh     evals/conversations/fresh/*.yaml: a second frozen held-out set, written by another
            evaluator (who read no code) after the first set had been used for tuning: the
            measure of generalisation nobody has tuned against
  dev       evals/conversations/*.yaml: the conversations the brain is developed against
  dev2      evals/conversations/dev2/*.yaml: a second development set (session 14, 64 conversations
            written by a helper who read only the format and the requirements schema; editable)

The conversation format is documented in the header of evals/conversations/heldout/en.yaml.

Deterministic scorers only (an in-memory checkpointer; probes off):
  stated-slot recall   expected slot values matched by the final requirements          target >= 95%
  invented values      unstated checked slots set to a non-default value                target <= 2%
  task accuracy        task_type right                                                  (reported)
  turns to rec         the user turn of the first recommendation, median over the
                       conversations marked `states_everything`                         target <= 2
  side questions       answered: on topic, not a raw excerpt, not cut off               target 100%
  language purity      zh replies: no English words but model/provider names, units
                       and a few acronyms; en replies: no Chinese                        target 100%
  top-pick constraints the top pick checked against the catalog itself, over the conversations
                       that reached a recommendation (one with no candidates is counted
                       apart: it breaks no constraint)                                  target 100%

    python -m evals.run_evals [--part heldout|fresh|fresh2|fresh3|fresh4|dev|dev2|all] [--brain offline|llm] [--json] [--only ID]
                              [--no-fail] [--no-kb]

`--brain llm` uses the LLM brain configured as the app configures it (WHICHMODEL_LLM_BASE_URL,
OPENAI_API_KEY or AZURE_OPENAI_*; see agent/settings.py) and also reports how many turns fell back
to the offline brain; with no endpoint configured it says so and exits 2.

Prints the figures per part and every failure on one line; exit code 1 when a held-out target is
missed (or, with `--part dev`, a dev target), unless `--no-fail`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

CONVERSATIONS = Path(__file__).parent / "conversations"
HELDOUT = CONVERSATIONS / "heldout"
PARTS = ("heldout", "fresh", "fresh2", "fresh3", "fresh4", "dev", "dev2")
FROZEN = ("heldout", "fresh", "fresh2", "fresh3", "fresh4")
OWN_FOLDER = (*FROZEN, "dev2")
"""Parts kept in a folder of their own (the frozen sets, and the second development set, which may be
edited); the first development set lies at the top of the conversations folder."""

TARGETS: dict[str, float] = {
    "slot_accuracy": 0.95,  # stated-slot recall
    "invented_rate": 0.02,
    "median_turns": 2,
    "side_answer_rate": 1.0,
    "zh_purity": 1.0,
    "top_pick_ok": 1.0,
}

NUMBER_TOL = 0.02
"""Relative tolerance for a plain expected number (per-day x 30 vs x 30.4 is 1.3%)."""

DEFAULT_NO_INVENTED: tuple[str, ...] = (
    "budget.monthly_usd",
    "budget.per_1k_requests_usd",
    "latency.p95_seconds",
    "accuracy_target",
    "deployment.self_host",
    "deployment.open_weights",
    "deployment.data_residency",
    "deployment.providers_allowed",
)
"""Checked for invented values in every conversation, minus the paths the conversation expects (and
their group, see LINKED), minus its `may_infer`; a conversation's own `no_invented` replaces it."""

LINKED: tuple[frozenset[str], ...] = (
    frozenset({"budget.monthly_usd", "budget.per_1k_requests_usd"}),
    frozenset({"deployment.self_host", "deployment.open_weights"}),
    frozenset({"deployment.data_residency", "deployment.providers_allowed"}),
)
"""Paths one statement may legitimately set together (self-hosting implies open weights; a budget
per 1,000 requests is also a monthly budget; "data stays in China" may restrict providers)."""

BANNED_IN_ANSWERS: tuple[str, ...] = ("book seed", "种子资料", "[en/", "[zh/", "…")
"""Signs of a raw knowledge-base excerpt instead of an answer (a source tag, a cut-off)."""

REASON_WORDS: tuple[str, ...] = (
    "because", "since", "cost", "price", "cheap", "expensive", "budget", "slow", "fast", "latency",
    "quality", "score", "rating", "context", "over ", "exceed", "self-host", "open weight", "provider",
    "residency", "not available", "doesn't", "does not", "isn't", "better", "worse", "ranked", "rank",
    "因为", "由于", "成本", "价格", "便宜", "贵", "预算", "慢", "快", "延迟", "质量", "评分", "分数",
    "上下文", "超出", "超过", "本地", "开源", "权重", "服务商", "境内", "不支持", "更好", "更差", "排名",
)  # fmt: skip
"""A why-not answer must give a reason: one of these words, or a number."""

ACRONYMS_AND_UNITS: frozenset[str] = frozenset(
    s.casefold()
    for s in (
        "API", "APIs", "GPU", "GPUs", "CPU", "RAG", "JSON", "CSV", "PDF", "HTML", "XLSX", "SVG", "PNG",
        "URL", "HTTP", "HTTPS", "SQL", "OCR", "LLM", "LLMs", "AI", "FAQ", "SLA", "ID", "OK", "CI",
        "USD", "CNY", "RMB", "EUR", "GBP", "JPY", "k", "K", "M", "B", "KB", "MB", "GB", "TB", "ms",
        "s", "h", "min", "tok", "token", "tokens", "p50", "p95", "p99", "vLLM", "Ollama", "llama.cpp",
        "LMArena", "Elo", "MMLU", "MoE", "fp16", "bf16", "fp8", "int8", "int4", "VRAM", "Markdown",
        "Slack", "Chainlit", "WhichModel", "models.dev", "LoRA", "SFT", "prompt", "REST", "ChatGPT",
        "Hugging", "Face", "TruthfulQA", "HumanEval", "MMLU-Pro", "GPQA", "Arena",
        "KV", "GQA", "TFLOPS", "GB/s", "kB",
    )
)  # fmt: skip
"""Latin words a Chinese reply may contain besides model/provider names (from the catalog): units,
currencies, file formats and acronyms Chinese technical writing keeps as they are. Any word with a
digit (gpt-4o, H100, 70B) is allowed too."""

LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.+_'/-]*(?:[ ][A-Za-z0-9][A-Za-z0-9.+_'/-]*)*")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['.+_/-][A-Za-z0-9]+)*")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
URL = re.compile(r"https?://\S+|`[^`\n]*`")


# --- loading ------------------------------------------------------------------------------------


def load_part(part: str, directory: Path = CONVERSATIONS) -> list[dict[str, Any]]:
    """The conversations of one part, each with `part`, `lang` and `source` (file name) filled in."""
    folder = directory / part if part in OWN_FOLDER else directory
    out: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for conv in items:
            conv = dict(conv)
            conv["part"] = part
            conv["source"] = str(path.relative_to(directory))
            conv.setdefault("lang", "zh" if any(CJK.search(str(t)) for t in conv.get("turns", [])) else "en")
            out.append(conv)
    return out


def load_conversations(directory: Path = CONVERSATIONS, part: str = "all") -> list[dict[str, Any]]:
    """All conversations (held-out first), or those of one part."""
    parts = PARTS if part == "all" else (part,)
    return [c for p in parts for c in load_part(p, directory)]


@cache
def requirement_defaults() -> dict[str, Any]:
    """Every leaf path of `Requirements` -> its default (required fields: None)."""
    from pydantic import BaseModel

    from whichmodel.tools.decision.requirements import Requirements

    out: dict[str, Any] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, f in model.model_fields.items():
            ann = f.annotation
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                walk(ann, f"{prefix}{name}.")
            else:
                default = None if f.is_required() else f.get_default(call_default_factory=True)
                out[f"{prefix}{name}"] = list(default) if isinstance(default, tuple) else default

    walk(Requirements, "")
    return out


def validate_conversation(conv: Mapping[str, Any]) -> list[str]:
    """Problems with a conversation's format (an empty list when it can be run and scored)."""
    problems: list[str] = []
    paths = requirement_defaults()
    cid = conv.get("id")
    if not isinstance(cid, str) or not cid:
        problems.append("no id")
    turns = conv.get("turns")
    if (
        not isinstance(turns, list)
        or not turns
        or not all(isinstance(t, str | int) and str(t).strip() for t in turns)
    ):
        problems.append("turns must be a non-empty list of non-empty messages")
        turns = []
    if conv.get("lang") not in ("en", "zh"):
        problems.append(f"lang must be en or zh, not {conv.get('lang')!r}")
    expect = conv.get("expect") or {}
    if not isinstance(expect, dict):
        problems.append("expect must be a mapping")
        expect = {}
    for path, value in expect.items():
        if path not in paths:
            problems.append(f"expect: unknown path {path}")
        if isinstance(value, dict) and not set(value) <= {
            "approx",
            "tol",
            "one_of",
            "min",
            "max",
            "contains",
        }:
            problems.append(f"expect {path}: unknown matcher {sorted(value)}")
        if (
            isinstance(value, dict)
            and "approx" in value
            and not isinstance(value.get("tol", NUMBER_TOL), int | float)
        ):
            problems.append(f"expect {path}: tol must be a number")
    for key in ("no_invented", "may_infer"):
        for path in conv.get(key) or []:
            if path not in paths:
                problems.append(f"{key}: unknown path {path}")
    for i, sq in enumerate(conv.get("side_questions") or []):
        if (
            not isinstance(sq, dict)
            or not isinstance(sq.get("turn"), int)
            or not 1 <= sq["turn"] <= len(turns)
        ):
            problems.append(f"side_questions[{i}]: turn must be a user turn number (1..{len(turns)})")
            continue
        if sq.get("kind") not in ("why_not", "glossary", "framework"):
            problems.append(f"side_questions[{i}]: kind must be why_not, glossary or framework")
        if sq.get("kind") == "why_not" and not sq.get("about"):
            problems.append(f"side_questions[{i}]: a why_not question needs `about` (the model asked about)")
    if conv.get("states_everything") and not {"task_type"} <= set(expect):
        problems.append("states_everything needs at least expect.task_type")
    return problems


# --- scorers (pure) ------------------------------------------------------------------------------


def _num(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def same_value(expected: Any, actual: Any) -> bool:
    """Whether `actual` satisfies `expected`.

    expected: a value (numbers within NUMBER_TOL, lists compared as sets, null = unset/None), or a
    matcher: {approx: N, tol: 0.5} (relative), {min: A, max: B}, {one_of: [...]}, {contains: [...]}
    (a list holding at least these items).
    """
    if isinstance(expected, dict):
        if "approx" in expected:
            tol = float(expected.get("tol", NUMBER_TOL))
            target = float(expected["approx"])
            return _num(actual) and abs(actual - target) <= tol * max(abs(target), 1e-9)
        if "min" in expected or "max" in expected:
            return (
                _num(actual)
                and ("min" not in expected or actual >= expected["min"])
                and ("max" not in expected or actual <= expected["max"])
            )
        if "one_of" in expected:
            return any(same_value(option, actual) for option in expected["one_of"])
        if "contains" in expected:
            have = {str(a).casefold() for a in (actual or [])} if isinstance(actual, list | tuple) else set()
            return {str(e).casefold() for e in expected["contains"]} <= have
        return False
    if isinstance(expected, bool) or expected is None:
        return actual is expected or (actual == expected and not _num(actual))
    if _num(expected):
        return _num(actual) and abs(actual - expected) <= NUMBER_TOL * max(abs(expected), 1e-9)
    if isinstance(expected, list):
        return isinstance(actual, list | tuple) and sorted({str(e).casefold() for e in expected}) == sorted(
            {str(a).casefold() for a in actual}
        )
    if isinstance(expected, str) and isinstance(actual, str):
        return expected.casefold() == actual.casefold()
    return bool(expected == actual)


def effective_value(slots: Mapping[str, Any], path: str, lang: str = "en") -> Any:
    """A path's value in the final requirements: the slot's, else the field's default (languages:
    the conversation's language, as the agent fills it in)."""
    slot = slots.get(path)
    if slot is not None:
        value = slot["value"] if isinstance(slot, Mapping) else slot
        return list(value) if isinstance(value, tuple) else value
    if path == "languages":
        return [lang]
    return requirement_defaults().get(path)


def score_recall(
    expect: Mapping[str, Any], slots: Mapping[str, Any], lang: str = "en"
) -> tuple[int, int, list[str]]:
    """(matched, expected, failures) of the expected slot values against the final slots."""
    ok, failures = 0, []
    for path, expected in expect.items():
        actual = effective_value(slots, path, lang)
        if same_value(expected, actual):
            ok += 1
        else:
            shown = "(unset)" if path not in slots else repr(actual)
            failures.append(f"slot {path}: expected {expected!r}, got {shown}")
    return ok, len(expect), failures


def unstated_paths(conv: Mapping[str, Any]) -> list[str]:
    """The slots checked for invented values in a conversation (see DEFAULT_NO_INVENTED)."""
    if conv.get("no_invented") is not None:
        return list(conv["no_invented"])
    expected = set(conv.get("expect") or {})
    skip = set(conv.get("may_infer") or []) | expected
    for group in LINKED:
        if group & expected:
            skip |= group
    return [p for p in DEFAULT_NO_INVENTED if p not in skip]


def score_invented(
    paths: Iterable[str], slots: Mapping[str, Any], lang: str = "en"
) -> tuple[int, int, list[str]]:
    """(invented, checked, failures): unstated slots whose final value is not the field's default."""
    bad, checked, failures = 0, 0, []
    defaults = requirement_defaults()
    for path in paths:
        checked += 1
        default = [lang] if path == "languages" else defaults.get(path)
        actual = effective_value(slots, path, lang)
        if not same_value(default, actual):
            bad += 1
            slot = slots.get(path) or {}
            prov = slot.get("provenance", "?") if isinstance(slot, Mapping) else "?"
            failures.append(f"invented {path}: {actual!r} ({prov}), never stated (default {default!r})")
    return bad, checked, failures


@cache
def catalog_names() -> tuple[frozenset[str], frozenset[str]]:
    """(whole names, proper words): model names, keys, families, makers, aliases and provider
    names/ids from the bundled catalog, casefolded; and the capitalised words of those names (as
    written, matched case-sensitively: "Sonnet", "Flash", "Llama")."""
    from whichmodel.knowledge.catalog.store import load_catalog

    catalog = load_catalog()
    whole: set[str] = set()
    for m in catalog.models.values():
        whole.update(x for x in (m.key, m.name, m.family, m.maker, *m.aliases) if x)
    for o in catalog.offerings.values():
        whole.update((o.provider, o.provider_name, o.name, o.provider_model_id))
    proper = {w for name in whole for w in LATIN_WORD.findall(name) if w[:1].isupper()}
    return frozenset(n.casefold() for n in whole), frozenset(proper)


def _word_ok(word: str, proper: frozenset[str]) -> bool:
    return (
        len(word) == 1
        or any(ch.isdigit() for ch in word)
        or word.casefold() in ACRONYMS_AND_UNITS
        or word in proper
        or (word.isupper() and word.casefold() in catalog_names()[0])
    )


def foreign_words(text: str, lang: str) -> list[str]:
    """What breaks a reply's language: for zh, Latin runs that are not a model/provider name, a
    unit or an allowed acronym (URLs and `code` are skipped); for en, Chinese characters."""
    text = URL.sub(" ", text)
    if lang == "en":
        return sorted(set(CJK.findall(text)))
    whole, proper = catalog_names()
    bad: list[str] = []
    for run in LATIN_RUN.findall(text):
        run = run.strip(" .'/-+_")
        if not run or run.casefold() in whole:
            continue
        words = LATIN_WORD.findall(run)
        if all(w.casefold() in whole or _word_ok(w, proper) for w in words):
            continue
        bad.append(run)
    return bad


def check_side_answer(answer: str, sq: Mapping[str, Any], lang: str = "en") -> list[str]:
    """Why a side question's answer is not an answer (an empty list when it is)."""
    problems: list[str] = []
    text = answer.strip()
    low = text.casefold()
    if len(text) < (12 if lang == "zh" else 30):
        return [f"no answer (reply {text!r})"]
    for banned in (*BANNED_IN_ANSWERS, *(sq.get("must_not_contain") or [])):
        if banned.casefold() in low:
            problems.append(f"contains {banned!r}")
    if any(line.rstrip().endswith("...") for line in text.splitlines()):
        problems.append("cut off ('...')")
    wanted = [str(w) for w in sq.get("must_mention_any") or []]
    if wanted and not any(w.casefold() in low for w in wanted):
        problems.append(f"mentions none of {wanted}")
    if sq.get("kind") == "why_not":
        about = sq["about"] if isinstance(sq["about"], list) else [sq["about"]]
        if not any(str(a).casefold() in low for a in about):
            problems.append(f"does not name {about[0]}")
        rest = low
        for a in sorted(about, key=len, reverse=True):
            rest = rest.replace(str(a).casefold(), " ")
        rest = re.sub(r"[a-z][\w.-]*\d[\w.-]*", " ", rest)  # other model names (gpt-4o, v4): not numbers
        if not (any(w in rest for w in REASON_WORDS) or re.search(r"\d", rest)):
            problems.append("gives no reason (no reason word, no number)")
    return problems


# --- running ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    id: str
    part: str = "dev"
    lang: str = "en"
    slots_total: int = 0
    slots_ok: int = 0
    task_checked: bool = False
    task_ok: bool = False
    unstated_checked: int = 0
    invented: int = 0
    turns_to_recommendation: int | None = None
    states_everything: bool = False
    side_total: int = 0
    side_ok: int = 0
    replies: int = 0
    replies_pure: int = 0
    top_pick_checked: bool = False
    top_pick_ok: bool = True
    no_candidates: bool = False
    llm_turns: int = 0
    fallback_turns: int = 0
    failures: list[str] = field(default_factory=list)


def check_top_pick(rec: Any, extra: Mapping[str, Any]) -> list[str]:
    """Hard constraints of the requirements (and the conversation's own) on the top pick, from the catalog."""
    from whichmodel.knowledge.catalog.store import load_catalog

    catalog = load_catalog()
    req = rec.requirements
    top = rec.recommendations[0]
    model = catalog.models[top.model_key]
    problems: list[str] = []
    if req.deployment.open_weights and not model.open_weights:
        problems.append(f"{top.model}: not open weights")
    if req.deployment.self_host != top.self_hosted:
        problems.append(f"{top.model}: self_hosted={top.self_hosted}, wanted {req.deployment.self_host}")
    budget = req.monthly_budget_usd
    if budget is not None and (top.monthly_cost_usd is None or top.monthly_cost_usd > budget * 1.0001):
        problems.append(f"{top.model}: ${top.monthly_cost_usd}/month over the ${budget} budget")
    if top.offering_id is not None:
        off = catalog.offerings[top.offering_id]
        if model.context_applies and off.context < req.needed_context:  # a speech model has no text window
            problems.append(f"{top.offering_id}: context {off.context} < {req.needed_context}")
        missing = set(req.input_modalities) - set(off.input_modalities)
        if missing:
            problems.append(f"{top.offering_id}: no {sorted(missing)} input")
        if req.needs.tool_calling and not off.tool_calling:
            problems.append(f"{top.offering_id}: no tool calling")
        allowed = set(req.deployment.providers_allowed)
        if allowed and off.provider not in allowed:
            problems.append(f"{top.offering_id}: provider {off.provider} not in {sorted(allowed)}")
    if "self_hosted" in extra and extra["self_hosted"] != top.self_hosted:
        problems.append(
            f"{top.model}: self_hosted={top.self_hosted}, conversation wants {extra['self_hosted']}"
        )
    if "providers" in extra and (top.provider or "") not in extra["providers"]:
        problems.append(f"{top.model}: provider {top.provider} not in {extra['providers']}")
    return problems


def score_transcript(
    conv: Mapping[str, Any],
    slots: Mapping[str, Any],
    turn_replies: Sequence[str],
    stages: Sequence[str],
    *,
    check_side_questions: bool = True,
) -> Outcome:
    """Score one finished conversation: its final slots, each user turn's reply (all assistant
    messages of that turn, joined) and the stage after each turn. Pure: no agent needed."""
    lang = conv.get("lang", "en")
    out = Outcome(
        conv["id"],
        part=conv.get("part", "dev"),
        lang=lang,
        states_everything=bool(conv.get("states_everything")),
    )
    expect = conv.get("expect") or {}
    out.slots_ok, out.slots_total, fails = score_recall(expect, slots, lang)
    out.failures += fails
    if "task_type" in expect:
        out.task_checked = True
        out.task_ok = same_value(expect["task_type"], effective_value(slots, "task_type", lang))
    out.invented, out.unstated_checked, fails = score_invented(unstated_paths(conv), slots, lang)
    out.failures += fails
    out.turns_to_recommendation = next((i for i, s in enumerate(stages, 1) if s == "recommended"), None)
    if check_side_questions:
        for sq in conv.get("side_questions") or []:
            out.side_total += 1
            answer = turn_replies[sq["turn"] - 1] if sq["turn"] <= len(turn_replies) else ""
            problems = check_side_answer(answer, sq, lang)
            if problems:
                shown = answer.strip().replace("\n", " ")[:90]
                out.failures.append(
                    f"side question (turn {sq['turn']}, {sq.get('kind')}): {'; '.join(problems)} | {shown!r}"
                )
            else:
                out.side_ok += 1
    for i, reply in enumerate(turn_replies, 1):
        if not reply.strip():
            continue
        out.replies += 1
        bad = foreign_words(reply, lang)
        if bad:
            out.failures.append(f"language (turn {i}, {lang}): {', '.join(repr(b) for b in bad[:5])}")
        else:
            out.replies_pure += 1
    for needle in conv.get("reply_contains", []):
        if not any(needle in r for r in turn_replies):
            out.failures.append(f"transcript lacks {needle!r}")
    return out


async def run_one(conv: dict[str, Any], adv: Any, *, check_side_questions: bool = True) -> Outcome:
    from whichmodel.tools.decision import Recommendation

    thread = f"{conv['part']}:{conv['id']}"
    replies: list[str] = []
    stages: list[str] = []
    llm_turns = fallbacks = 0
    seen = 0
    for message in conv["turns"]:
        reply = await adv.send(thread, str(message))
        values = (await adv.graph.aget_state(adv._config(thread))).values or {}
        msgs = values.get("messages", [])
        replies.append("\n".join(m["content"] for m in msgs[seen:] if m.get("role") == "assistant"))
        seen = len(msgs)
        stages.append(reply.stage)
        brain = str(values.get("brain", ""))
        llm_turns += brain == "llm"
        fallbacks += any(
            getattr(e, "name", None) == "llm_fallback" for e in reply.events
        ) or brain.startswith("offline (llm failed")
    values = (await adv.graph.aget_state(adv._config(thread))).values or {}
    out = score_transcript(
        conv, dict(values.get("requirements", {})), replies, stages, check_side_questions=check_side_questions
    )
    out.llm_turns, out.fallback_turns = llm_turns, fallbacks
    stage = values.get("stage")
    rec_data = values.get("recommendation")
    rec = Recommendation.model_validate(rec_data) if rec_data else None
    if stage != "recommended" or rec is None:
        out.failures.append(f"no recommendation (stage {stage})")  # scored by turns to a recommendation
    elif conv.get("no_candidates"):
        if rec.recommendations:
            out.failures.append("expected no candidates")
            out.top_pick_ok = False
    elif not rec.recommendations:
        out.no_candidates = True  # not a constraint violation: reported, not a top-pick miss
        out.failures.append("no candidates (the requirements admit no model)")
    else:
        out.top_pick_checked = True
        problems = check_top_pick(rec, conv.get("top_pick") or {})
        out.top_pick_ok = not problems
        out.failures.extend(f"top pick: {p}" for p in problems)
    return out


def _ratio(num: int, den: int, empty: float | None = None) -> float | None:
    return num / den if den else empty


def summarize(outcomes: list[Outcome]) -> dict[str, Any]:
    """The figures of a set of outcomes (one part)."""
    total = sum(o.slots_total for o in outcomes)
    ok = sum(o.slots_ok for o in outcomes)
    checked = sum(o.unstated_checked for o in outcomes)
    invented = sum(o.invented for o in outcomes)
    tasks = [o for o in outcomes if o.task_checked]
    full = [o.turns_to_recommendation for o in outcomes if o.states_everything]
    side_total = sum(o.side_total for o in outcomes)
    zh = [o for o in outcomes if o.lang == "zh"]
    reached = [o for o in outcomes if o.turns_to_recommendation is not None]
    picked = [o for o in reached if not o.no_candidates]
    en = [o for o in outcomes if o.lang == "en"]
    return {
        "conversations": len(outcomes),
        "slot_accuracy": _ratio(ok, total, 1.0),
        "slots": f"{ok}/{total}",
        "invented_rate": _ratio(invented, checked, 0.0),
        "invented": f"{invented}/{checked}",
        "task_accuracy": _ratio(sum(o.task_ok for o in tasks), len(tasks), 1.0),
        "tasks": f"{sum(o.task_ok for o in tasks)}/{len(tasks)}",
        "median_turns_states_everything": statistics.median([t or 99 for t in full]) if full else None,
        "states_everything": len(full),
        "median_turns_all": statistics.median([o.turns_to_recommendation or 99 for o in outcomes])
        if outcomes
        else None,
        "side_answer_rate": _ratio(sum(o.side_ok for o in outcomes), side_total),
        "side_questions": f"{sum(o.side_ok for o in outcomes)}/{side_total}",
        "zh_purity": _ratio(sum(o.replies_pure for o in zh), sum(o.replies for o in zh)),
        "zh_replies": f"{sum(o.replies_pure for o in zh)}/{sum(o.replies for o in zh)}",
        "zh_conversations_pure": f"{sum(o.replies_pure == o.replies for o in zh)}/{len(zh)}",
        "en_purity": _ratio(sum(o.replies_pure for o in en), sum(o.replies for o in en)),
        "top_pick_ok": _ratio(sum(o.top_pick_ok for o in picked), len(picked), 1.0),
        "top_picks": f"{sum(o.top_pick_ok for o in picked)}/{len(picked)}",
        "recommended": len(reached),
        "no_candidates": sum(o.no_candidates for o in outcomes),
        "llm_turns": sum(o.llm_turns for o in outcomes),
        "fallback_turns": sum(o.fallback_turns for o in outcomes),
        "failures": {o.id: o.failures for o in outcomes if o.failures},
    }


def missed_targets(summary: Mapping[str, Any]) -> list[str]:
    """The targets a part's figures miss (figures that could not be measured are not misses)."""
    missed = []
    if summary["slot_accuracy"] < TARGETS["slot_accuracy"]:
        missed.append("stated-slot recall")
    if summary["invented_rate"] > TARGETS["invented_rate"]:
        missed.append("invented values")
    turns = summary["median_turns_states_everything"]
    if turns is not None and turns > TARGETS["median_turns"]:
        missed.append("turns to a recommendation")
    for key, name in (("side_answer_rate", "side questions"), ("zh_purity", "zh reply purity")):
        if summary[key] is not None and summary[key] < TARGETS[key]:
            missed.append(name)
    if summary["top_pick_ok"] < TARGETS["top_pick_ok"]:
        missed.append("top-pick constraints")
    return missed


def meets_targets(summary: Mapping[str, Any]) -> bool:
    return not missed_targets(summary)


def make_settings(brain: str, **llm: Any) -> Any:
    """The settings for a run: pure defaults (offline), or the app's own configuration (llm), with
    `llm` overriding it (e.g. the local server's base URL and model). Raises ValueError when
    `brain == "llm"` and no LLM endpoint is configured (SettingsError for a bad value)."""
    from whichmodel.agent.settings import Settings

    if brain == "offline":
        return Settings(brain="offline")
    settings = Settings.load(brain="llm", **llm)
    settings.brain_kind  # noqa: B018  (raises when no endpoint is configured)
    return settings


async def run_all(
    only: str | None = None,
    *,
    knowledge_base: bool = True,
    part: str = "dev",
    brain: str = "offline",
    concurrency: int = 1,
    limit: int | None = None,
    llm: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any], list[Outcome]]:
    """Run one part (or "all") and score it (`limit`: the first N conversations of each part). Without `knowledge_base`, side questions get "not
    found" and are not scored. Returns (summary, outcomes): the summary holds the figures of all
    the conversations run, and `parts` the figures of each part."""
    from langgraph.checkpoint.memory import InMemorySaver

    from whichmodel.agent.graph import default_brain, default_retriever
    from whichmodel.agent.service import Advisor

    settings = make_settings(brain, **(llm or {}))
    retriever = default_retriever() if knowledge_base else None
    convs = [c for c in load_conversations(part=part) if only is None or c["id"] == only]
    if limit is not None:
        seen: dict[str, int] = {}
        kept = []
        for c in convs:
            key = str(c.get("part", ""))
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= limit:
                kept.append(c)
        convs = kept
    gate = asyncio.Semaphore(max(1, concurrency))
    async with Advisor(
        settings,
        brain=default_brain(settings),
        retriever=retriever,
        checkpointer=InMemorySaver(),
        probes=None,
    ) as adv:

        async def one(conv: dict[str, Any]) -> Outcome:
            async with gate:
                try:
                    return await run_one(conv, adv, check_side_questions=knowledge_base)
                except Exception as exc:  # one broken conversation is a failure, not the end of the run
                    out = Outcome(conv["id"], part=conv["part"], lang=conv["lang"], top_pick_ok=False)
                    out.slots_total = len(conv.get("expect") or {})
                    out.side_total = len(conv.get("side_questions") or []) if knowledge_base else 0
                    out.failures.append(f"error: {type(exc).__name__}: {exc}")
                    return out

        outcomes = list(await asyncio.gather(*(one(c) for c in convs)))
    summary = summarize(outcomes)
    summary["parts"] = {
        p: summarize([o for o in outcomes if o.part == p])
        for p in PARTS
        if any(o.part == p for o in outcomes)
    }
    summary["config"] = {
        "brain": settings.brain_kind,
        "interviewer_model": settings.interviewer_model,
        "retriever": type(retriever).__name__ if retriever else None,
        "part": part,
        "number_tolerance": NUMBER_TOL,
    }
    return summary, outcomes


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def print_part(name: str, s: Mapping[str, Any], outcomes: Sequence[Outcome], brain: str) -> None:
    t = TARGETS
    print(f"== {name}: {s['conversations']} conversations ({s['recommended']} reached a recommendation)")
    print(
        f"  stated-slot recall:     {_pct(s['slot_accuracy'])} ({s['slots']})  target >= {t['slot_accuracy']:.0%}"
    )
    print(
        f"  invented values:        {_pct(s['invented_rate'])} ({s['invented']})  target <= {t['invented_rate']:.0%}"
    )
    print(f"  task accuracy:          {_pct(s['task_accuracy'])} ({s['tasks']})")
    print(f"  turns to rec (median):  {s['median_turns_states_everything']} over {s['states_everything']} "
          f"states-everything conversations (target <= {t['median_turns']}); {s['median_turns_all']} over all")  # fmt: skip
    print(f"  side questions:         {_pct(s['side_answer_rate'])} ({s['side_questions']})  target 100%")
    print(f"  zh reply purity:        {_pct(s['zh_purity'])} of replies ({s['zh_replies']}); "
          f"{s['zh_conversations_pure']} conversations all pure  target 100%")  # fmt: skip
    print(f"  en reply purity:        {_pct(s['en_purity'])}")
    print(
        f"  top pick constraints:   {_pct(s['top_pick_ok'])} ({s['top_picks']} recommendations, "
        f"{s['no_candidates']} with no candidates)  target 100%"
    )
    if brain == "llm":
        print(
            f"  llm turns:              {s['llm_turns']}; fell back to the offline brain: {s['fallback_turns']}"
        )
    missed = missed_targets(s)
    print(f"  targets:                {'all met' if not missed else 'MISSED: ' + ', '.join(missed)}")
    for o in outcomes:
        for f in o.failures:
            print(f"  FAIL {o.id}: {f}")


def main(argv: list[str] | None = None, llm: Mapping[str, Any] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all")
    parser.add_argument("--brain", choices=("offline", "llm"), default="offline")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", help="Run one conversation, by id.")
    parser.add_argument(
        "--no-fail", action="store_true", help="Report only: exit 0 even when a target is missed."
    )
    parser.add_argument(
        "--no-kb", action="store_true", help="Skip the knowledge base (side questions not scored)."
    )
    parser.add_argument(
        "--concurrency", type=int, default=None, help="Conversations at once (default: 1 offline, 4 llm)."
    )
    parser.add_argument("--limit", type=int, default=None, help="Only the first N conversations of each part.")
    parser.add_argument(
        "--local-llm",
        action="store_true",
        help="With --brain llm: serve the bundled local model (SmolLM2 on llama.cpp, loopback) and use it "
        "as the LLM endpoint. It is tiny: this measures the plumbing, the fallback and the grounding "
        "checks, not the quality of an LLM brain.",
    )
    args = parser.parse_args(argv)
    if args.local_llm:
        if args.brain != "llm":
            print("--local-llm needs --brain llm", file=sys.stderr)
            return 2
        return _with_local_llm(argv or sys.argv[1:])
    if args.brain == "llm":
        try:
            make_settings("llm", **(llm or {}))
        except ValueError as exc:
            print(f"--brain llm: no LLM endpoint is configured ({exc})", file=sys.stderr)
            return 2
    if args.only and not any(c["id"] == args.only for c in load_conversations(part=args.part)):
        print(f"--only {args.only}: no such conversation in part {args.part}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    summary, outcomes = asyncio.run(
        run_all(
            args.only,
            knowledge_base=not args.no_kb,
            part=args.part,
            brain=args.brain,
            concurrency=args.concurrency or (4 if args.brain == "llm" else 1),
            limit=args.limit,
            llm=llm,
        )
    )
    summary["seconds"] = round(time.perf_counter() - start, 1)
    gate = "heldout" if args.part in ("heldout", "all") else "dev"
    gate_summary = summary["parts"].get(gate)
    failed = gate_summary is not None and not meets_targets(gate_summary)
    if args.json:
        print(
            json.dumps(
                {"summary": summary, "outcomes": [asdict(o) for o in outcomes]}, ensure_ascii=False, indent=2
            )
        )
    else:
        for p in PARTS:
            if p in summary["parts"]:
                print_part(p, summary["parts"][p], [o for o in outcomes if o.part == p], args.brain)
        print(f"config: {summary['config']}  ({summary['seconds']} s)")
    return 1 if failed and not args.no_fail else 0


def _with_local_llm(argv: list[str]) -> int:
    """Run `main` again (without --local-llm) with the LLM brain pointed at a local model server."""
    from whichmodel.tools.probes.local_server import LocalModelServer

    rest = [a for a in argv if a != "--local-llm"]
    with LocalModelServer(n_parallel=4, ctx_per_slot=4096) as server:
        print(f"local LLM: {server.name} at {server.base_url}")
        return main(rest, llm={"llm_base_url": server.base_url, "interviewer_model": f"compatible/{server.name}"})


if __name__ == "__main__":
    sys.exit(main())

"""Whether a model thinks on a request, and how many hidden thinking tokens it spends.

Three modes, from catalog facts and the model's name (`thinking_mode`):

- `always`: a reasoning-only model (no way to turn thinking off): it bills and decodes a thinking
  budget on every request (`ALWAYS_THINKS`, one pattern per family, each with its reason);
- `hybrid`: reasoning-capable (the maker's/offering's `reasoning` flag) but thinking is optional: it is
  costed and timed with thinking OFF unless the task needs reasoning (`needs.reasoning`, a reasoning
  task, or a maths use case); the report states the assumption and what thinking on would add;
- `on`: hybrid, but its maker documents no way to turn thinking off (`CANNOT_TURN_OFF`: Gemini Pro,
  Gemini 3.7 Flash, Claude Fable 5, GPT-5 before 5.1): it thinks at the task's budget on every task,
  like an always-thinking model, and a latency target may cap it like a hybrid one;
- `none`: not a reasoning model. Whether a model reasons is the model's fact (its maker's API, else
  the majority of its offerings: `Model.reasoning`) AND the listing's flag: one reseller's
  "reasoning" flag never gives a non-reasoning model a thinking budget (gpt-4o-mini at a reseller
  that flags it), and a listing that does not expose thinking is costed without it. A variant named
  for thinking *off* (`-nothinking`, `-no-thinking`, `-non-reasoning`) never thinks
  (`NEVER_THINKS`), whatever else its name contains.

Budgets (`thinking_budget`) are the real-world sizes reasoning models spend (tokens per request): hard
maths/olympiad and competition problems 16,000; reasoning and maths 8,000; code or agent work 2,000
per step (also when reasoning is stated for it: each request is one step of many), other work 1,000
for an always-thinking model (its shortest thoughts). `volume.thinking_tokens`
overrides every budget.

With a stated latency target, a hybrid model (whose thinking budget is a request setting: Gemini's
thinking budget, OpenAI's and others' reasoning effort) that would miss the target at the budget is
run at the thinking the target leaves (`latency.thinking_that_fits`, at least `min_thinking`: the
maker's documented minimum budget, e.g. Claude's 1,024, never below `MIN_FITTED_THINKING`):
the capped budget is billed, timed and stated. An always-thinking model is never capped (`can_cap`),
also when its reasoning effort is a request setting (OpenAI o-series, gpt-oss: low/medium/high):
an effort level is not a token budget, so no capped figure could be deployed as stated; it is
costed and timed at its budget, and a relaxation says how much of that is thinking (session 12
review: a gpt-oss relaxation said "up to 1,000 ... thinking" next to "incl. 128 thinking tokens").

Policy for capped plans (decided after an expert audit, session 7): a capped plan stays eligible and
may be the quality pick even when the same model at its usual budget would fail the budget or the
latency target. The cap is a real request setting the person can deploy, and the latency target is
theirs; dropping capped plans would leave a tight target only models that never think, whose quality
on the task is no better known. But public ratings were earned at normal thinking, so a capped plan
is never shown with only its capped figures: the candidate carries its bill and p95 at the usual
budget (`Option.usual`, `engine._capped` -> `thinking_capped_figures`), the summary repeats them for
a capped quality or value pick (`capped_pick`, saying when the usual bill is over the budget), a risk
says its quality at the cap is unverified (`capped_quality_unverified`) and a step asks to probe it
at both settings (`step_probe_capped`). Relaxations use the ranking's assumption: an option's bill
and p95 are at its cap when the ranking capped it (said: `needs_budget` with `capped`), else at the
usual budget (said: `needs_latency` "incl. N thinking tokens"); cost levers keep the option's cap.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from whichmodel.knowledge.catalog.schema import Model
from whichmodel.tools.decision.requirements import Requirements

ThinkingMode = Literal["always", "hybrid", "on", "none"]

ALWAYS_THINKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(openai-)?o[134](-|$)"), "OpenAI o-series: reasoning on every request (effort can be lowered, not turned off)"),
    (re.compile(r"deepseek-r1|deepseek-reasoner"), "DeepSeek-R1, its distills and the reasoner endpoint: always think"),
    (re.compile(r"thinking|(?<!non-)reasoning|reasoner|-think\b"), "a variant named for thinking/reasoning (the non-thinking sibling is another model)"),
    (re.compile(r"^(qwq|qvq)"), "Qwen QwQ/QVQ: reasoning-only releases"),
    (re.compile(r"magistral"), "Mistral Magistral: the reasoning line"),
    (re.compile(r"deep-research|sonar-reasoning"), "research agents: multi-step reasoning by design"),
    (re.compile(r"^gpt-5(\.\d+)?-pro$|^o\d-pro"), "GPT-5 pro: high reasoning effort only"),
    (re.compile(r"^minimax-m[12]\b"), "MiniMax M1/M2: interleaved thinking on every answer"),
    (re.compile(r"hunyuan-t1|^ring-"), "Hunyuan T1, inclusionAI Ring: reasoning-only releases"),
    (re.compile(r"safeguard"), "gpt-oss-safeguard: reasons over the written policy before its verdict"),
    (re.compile(r"^gpt-oss(-|$)"), "OpenAI gpt-oss: always reasons (reasoning effort low/medium/high; it cannot be turned off)"),
    (re.compile(r"^glm-z1(-|$)"), "Zhipu GLM-Z1: the deep-thinking (reasoning-only) line of GLM-4-0414"),
)  # fmt: skip
"""Reasoning-only models, by canonical key (first match), each with its reason."""

NEVER_THINKS = re.compile(r"(^|[-_.])(no|non)-?(thinking|think|reasoning)($|[-_.])")
"""Variants named for thinking turned off (Gemini 2.5 Flash `-nothinking`, Qwen `-no-thinking`, Grok
`-non-reasoning`): the name says they do not think, so they never carry a thinking budget."""

BUDGETS = {"hard": 16_000, "deep": 8_000, "code": 2_000, "light": 1_000}
"""Thinking tokens per request: hard maths/olympiad, reasoning or maths, code/agent, anything else."""
HARD = re.compile(r"\b(olympiad|competition|imo|putnam|aime|proof|proofs|theorem)\b|奥数|竞赛|证明", re.I)
MATH = re.compile(r"\b(math|maths|mathematics|algebra|calculus|geometry|equation)|数学|几何|方程", re.I)
NO_THINKING_TASKS = frozenset({"embedding", "speech_to_text", "image_generation"})
MIN_FITTED_THINKING = 128
"""The smallest thinking budget still counted as reasoning when a latency target caps it: Gemini's
documented minimum thinking budget for its Pro models (128 tokens); OpenAI's lowest reasoning
efforts spend about as few. Below it the model is not reasoning any more: too slow, said so."""


MIN_THINKING_BUDGETS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"^claude-"), 1_024, "Anthropic, extended thinking: budget_tokens has a minimum of 1,024 tokens "
     "(https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking)"),
)  # fmt: skip
"""Makers' documented minimum thinking budgets, by canonical key (first match), each with its source:
a latency target never caps a model's thinking below it (`min_thinking`)."""


MIN_CAP_SHARE = 0.25
"""The smallest share of its usual thinking budget a latency target may cap a hybrid model to when
the task itself is reasoning (`task_reasons`): its maths and reasoning ratings were earned thinking
at length, and cut to under a quarter of that it is no longer the model they describe (quality and
cost must describe one configuration). Below it the model is too slow for the target, said so, with
what relaxing the target would need. Where reasoning is a need of another task (a voice agent that
"reasons a little"), a deeper cut is allowed but holds the model back (`engine.reservations`)."""


CANNOT_TURN_OFF: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^gemini-[\d.]+-pro"), "Google, Gemini thinking: the Pro models cannot turn thinking off "
     "(https://ai.google.dev/gemini-api/docs/thinking)"),
    (re.compile(r"^gemini-3\.[78]-flash"), "Google, Vertex AI thinking levels: Gemini 3.7 Flash offers low, "
     "medium and high only (no minimal, no off; docs.cloud.google.com, thinking)"),
    (re.compile(r"^claude-(fable|mythos)(-|$)|^claude-opus-5[.-]5"), "Anthropic, Claude Fable 5 migration guide: "
     "thinking: {type: 'disabled'} returns a 400 error; adaptive thinking is always on "
     "(platform.claude.com/docs/en/models/fable-5/migration-guide)"),
    (re.compile(r"^gpt-5(-mini|-nano)?$"), "OpenAI reasoning effort: models before gpt-5.1 do not support "
     "'none' (lowest: minimal)"),
)  # fmt: skip
"""Hybrid models whose makers document that thinking cannot be turned off (only lowered), by canonical
key, with the source: a latency target never plans them with thinking off (`can_turn_off`)."""


ADAPTIVE_ONLY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^claude-(opus-4[.-]7|mythos)"), "AWS Bedrock, adaptive thinking: Claude Opus 4.7 and Claude Mythos "
     "Preview only support adaptive thinking; thinking.type 'enabled' with budget_tokens returns a 400 error"),
    (re.compile(r"^claude-(fable|sonnet|opus|haiku)-5"), "Claude 5 models reject the budget form with HTTP 400 "
     "('thinking.type.enabled is not supported for this model. Use thinking.type.adaptive and output_config.effort', "
     "observed on claude-sonnet-5: MemberJunction Anthropic driver docs, UsesAdaptiveThinking)"),
)  # fmt: skip
"""Models whose thinking is set by an effort level only (adaptive thinking: no token budget may be
sent), by canonical key, with the source. A latency target still plans them at a thinking figure, but
the report says to set a low effort level and that the figure is an estimate (expert22 N-8: "set
this model's thinking budget" would be refused)."""


def adaptive_only(model_key: str) -> bool:
    """Whether this model takes an effort level, never a thinking-token budget (`ADAPTIVE_ONLY`)."""
    return any(pattern.search(model_key) for pattern, _ in ADAPTIVE_ONLY)


OffSetting = Literal["omit", "minimal", "explicit"]

OFF_SETTINGS: tuple[tuple[re.Pattern[str], OffSetting, str], ...] = (
    (re.compile(r"^claude-opus-4[.-][78]"), "omit", "AWS Bedrock, adaptive thinking: on Claude Opus 4.7 an explicit "
     "thinking.type 'disabled' returns a 400 error; a request without a thinking field runs without thinking "
     "(OpenRouter's Claude 4.7 guide: reasoning stays opt-in; Anthropic's Opus 5 migration guide for 4.8)"),
    (re.compile(r"^claude-(sonnet|opus|haiku)-5(?![.-]\d)"), "explicit", "Claude Opus 5 API guides (apidog, 2026-07): "
     "thinking is on by default on Claude 5 models; a request without a thinking field runs with adaptive thinking "
     "(on Opus 4.8 it ran without), so thinking off must be sent explicitly"),
    (re.compile(r"^gemini-3(\.[0-6])?-flash"), "minimal", "Google, thinking levels: Gemini 3 to 3.6 Flash and "
     "Flash-Lite have no 'off'; their lowest level, 'minimal', matches no thinking for most queries and may "
     "still think a little on complex coding (ai.google.dev/gemini-api/docs/thinking; docs.cloud.google.com, thinking)"),
)  # fmt: skip
"""How thinking is turned off where "off" is not a plain request flag, by canonical key, with the
source: `omit` (leave the thinking field out; an explicit 'disabled' is refused), `minimal` (the
lowest thinking level, which is near-off, not off), `explicit` (thinks by default: send thinking
'disabled' in every request; expert23 on Claude Sonnet 5). The report says it beside any thinking-off plan
instead of "confirm this one allows it" (expert21 D-3, D-6)."""


def off_setting(model_key: str) -> OffSetting | None:
    """How this model's thinking is turned off when that is not a plain flag (`OFF_SETTINGS`), or None."""
    return next((how for pattern, how, _ in OFF_SETTINGS if pattern.search(model_key)), None)


def can_turn_off(model_key: str) -> bool:
    """Whether a hybrid model may be planned with its thinking off (`CANNOT_TURN_OFF` says which may not)."""
    return not any(pattern.search(model_key) for pattern, _ in CANNOT_TURN_OFF)


def min_thinking(model_key: str) -> int:
    """The fewest thinking tokens a latency target may cap this model to: its maker's documented
    minimum budget (`MIN_THINKING_BUDGETS`), never below `MIN_FITTED_THINKING`."""
    documented = next((n for pattern, n, _ in MIN_THINKING_BUDGETS if pattern.search(model_key)), 0)
    return max(MIN_FITTED_THINKING, documented)


def always_thinks(model_key: str) -> str | None:
    """The reason `model_key` is a reasoning-only model, or None."""
    for pattern, reason in ALWAYS_THINKS:
        if pattern.search(model_key):
            return reason
    return None


def can_cap(mode: ThinkingMode) -> bool:
    """Whether a latency target may cap this model's thinking: only a hybrid model's (also one whose
    thinking cannot be turned off: 'on'), whose thinking budget is a request setting. An
    always-thinking model is never capped (module docstring)."""
    return mode in ("hybrid", "on")


def thinking_mode(model_key: str, reasoning: bool) -> ThinkingMode:
    """How a model with this canonical key thinks; `reasoning` is the model's fact (and, for one
    listing, that listing's flag too: `cost.offering_mode`)."""
    if NEVER_THINKS.search(model_key):
        return "none"
    if always_thinks(model_key) is not None:
        return "always"
    if reasoning and not can_turn_off(model_key):
        return "on"  # hybrid, but its maker documents no way to turn thinking off: it thinks on every task
    return "hybrid" if reasoning else "none"


def task_reasons(req: Requirements) -> bool:
    """The task itself is reasoning, whatever `needs.reasoning` says: a reasoning task or a maths use
    case (so dropping the need for a reasoning model is no way forward for it)."""
    return req.task_type == "reasoning" or bool(MATH.search(req.use_case) or HARD.search(req.use_case))


def needs_deep(req: Requirements) -> bool:
    """The task needs reasoning: stated, or the task itself reasons (`task_reasons`)."""
    return req.needs.reasoning or task_reasons(req)


def thinking_budget(req: Requirements) -> tuple[float, str]:
    """(thinking tokens a thinking model spends on this task, which budget)."""
    if needs_deep(req):
        if HARD.search(req.use_case):
            return float(BUDGETS["hard"]), "hard"
        if req.task_type not in ("code", "agent") or task_reasons(req):
            return float(BUDGETS["deep"]), "deep"
        # a code or agent request is one step of many (plan, edit, run, fix): reasoning stated for it
        # thinks per step, at the code budget, not a maths problem's 8,000 tokens on every step
        # (expert15-21 D1/N1: s12's 400,000 agent steps a month at 8,000 thinking tokens each)
    if req.task_type in ("code", "agent"):
        return float(BUDGETS["code"]), "code"
    return float(BUDGETS["light"]), "light"


def thinking_tokens(req: Requirements, mode: ThinkingMode) -> tuple[float, bool]:
    """(thinking tokens per request, assumed?) for a model of this mode on `req`: always-thinking
    models spend the budget; hybrid ones only when the task needs reasoning."""
    if mode == "none" or req.task_type in NO_THINKING_TASKS:
        return 0.0, False
    if mode == "hybrid" and not needs_deep(req):
        return 0.0, False
    if req.volume.thinking_tokens is not None:
        return req.volume.thinking_tokens, False
    return thinking_budget(req)[0], True


def profile_key(req: Requirements) -> tuple[object, ...]:
    """Everything the thinking tokens depend on (for caches keyed by the token profile)."""
    return (
        thinking_tokens(req, "always"),
        thinking_tokens(req, "hybrid"),
        thinking_tokens(req, "on"),
        thinking_budget(req),
    )


EFFORT_LABEL = re.compile(r"(?i)^(x?high|max|medium|low|minimal|(non-)?(thinking|reasoning)( \d+k)?|\d+k)$")
"""A part of a rating's source name that says the thinking setting it was earned at ("High",
"xHigh", "Thinking 32K", "Non-Thinking"), as opposed to a date or a precision."""


RATED_TOKENS = float(BUDGETS["deep"])
"""The thinking behind public ratings earned at a named thinking setting ("High", "xHigh", "Max"):
about the deep budget. A cap is measured against it as well as against the task's own budget
(`rated_thinking`): an agent step planned at 2,000 tokens and capped to 881 is still far from the
setting its ratings describe (expert22 on s12)."""


def rated_thinking(model: Model) -> float:
    """The thinking tokens behind the model's public ratings: `RATED_TOKENS` when they name a thinking
    setting, or name none and the model reasons (its ratings are earned thinking, as far as anyone
    says); 0 when they name a non-thinking setting or the model does not reason."""
    effort = rated_effort(model)
    if effort is None:
        return RATED_TOKENS if model.reasoning else 0.0
    return 0.0 if effort.lower().startswith("non-") else RATED_TOKENS


def rated_effort(model: Model) -> str | None:
    """The thinking setting the model's public ratings were earned at, as their source names it
    ("Muse Spark 1.2 (xHigh)" → 'xHigh'; "(High, 32K, 20251101)" → 'High, 32K'): the most frequent
    over its ratings; None when no rating says (then the usual budget is the tool's assumption only)."""
    found: Counter[str] = Counter()
    for rating in model.ratings.values():
        label = re.search(r"\(([^()]*)\)\)\s*$", rating.source_name or "")
        parts = [p.strip() for p in label.group(1).split(",")] if label else []
        effort = ", ".join(p for p in parts if EFFORT_LABEL.match(p))
        if effort:
            found[effort] += 1
    return min(found, key=lambda e: (-found[e], e)) if found else None

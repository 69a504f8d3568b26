"""The eval runner's scorers, on hand-made transcripts and requirements (not the agent's pass rates),
and the conversation files themselves: enough of them, all parse, the held-out part frozen."""

from __future__ import annotations

from collections import Counter

import pytest

from evals import run_evals as ev
from evals.run_evals import (
    HELDOUT,
    Outcome,
    check_side_answer,
    foreign_words,
    load_conversations,
    missed_targets,
    same_value,
    score_invented,
    score_recall,
    score_transcript,
    summarize,
    unstated_paths,
    validate_conversation,
)


def slot(value, provenance="stated"):
    return {"value": value, "provenance": provenance, "evidence": ""}


# --- the conversation files ---------------------------------------------------------------------


def test_at_least_150_conversations_100_held_out_all_valid():
    convs = load_conversations()
    parts = Counter(c["part"] for c in convs)
    assert len(convs) >= 150
    assert parts["heldout"] >= 100
    assert parts["dev"] >= 34
    ids = Counter(c["id"] for c in convs)
    assert [i for i, n in ids.items() if n > 1] == []
    problems = {c["id"]: validate_conversation(c) for c in convs}
    assert {k: v for k, v in problems.items() if v} == {}


def test_held_out_is_bilingual_frozen_and_covers_the_checks():
    held = load_conversations(part="heldout")
    zh = sum(c["lang"] == "zh" for c in held)
    assert 0.4 <= zh / len(held) <= 0.6
    for path in sorted(HELDOUT.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith(
            "# frozen: written before tuning, never edited to pass"
        ), path
    assert sum(bool(c.get("states_everything")) for c in held) >= 20
    kinds = Counter(sq["kind"] for c in held for sq in c.get("side_questions") or [])
    assert kinds["why_not"] >= 5 and kinds["glossary"] >= 5 and kinds["framework"] >= 2
    assert {c["lang"] for c in held if c.get("side_questions")} == {"en", "zh"}


def test_validate_reports_format_mistakes():
    bad = {
        "id": "x",
        "lang": "fr",
        "turns": ["hello"],
        "expect": {"budget.monthly": 3, "task_type": {"roughly": "chat"}},
        "side_questions": [{"turn": 3, "kind": "glossary"}, {"turn": 1, "kind": "why_not"}],
        "no_invented": ["latency.p99"],
    }
    problems = " | ".join(validate_conversation(bad))
    for needle in (
        "lang must be en or zh",
        "unknown path budget.monthly",
        "unknown matcher",
        "side_questions[0]: turn",
        "needs `about`",
        "no_invented: unknown path latency.p99",
    ):
        assert needle in problems


# --- matching and recall -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "actual", "ok"),
    [
        (300, 300.0, True),
        (600000, 608333, True),  # x 30.4 days instead of 30: within 2%
        (600000, 630000, False),
        ({"approx": 24000, "tol": 0.5}, 13000, True),
        ({"approx": 24000, "tol": 0.5}, 11000, False),
        ({"approx": 24000, "tol": 0.5}, None, False),
        ({"min": 2, "max": 10}, 5, True),
        ({"max": 3}, 5, False),
        ({"one_of": ["qa", "chat"]}, "chat", True),
        ({"one_of": [None, {"min": 3600}]}, None, True),
        ({"one_of": [None, {"min": 3600}]}, 86400, True),
        ({"one_of": [None, {"min": 3600}]}, 30, False),
        ({"contains": ["en", "de"]}, ["de", "fr", "en"], True),
        ({"contains": ["en", "de"]}, ["en"], False),
        (["openai"], ["openai"], True),
        (["openai", "anthropic"], ["anthropic", "openai"], True),
        (["openai"], [], False),
        (None, None, True),
        (None, 0, False),
        (True, True, True),
        (True, 1, False),
        (False, None, False),
        ("Classification", "classification", True),
    ],
)
def test_same_value(expected, actual, ok):
    assert same_value(expected, actual) is ok


def test_recall_counts_matches_and_reads_defaults_for_unset_slots():
    slots = {
        "task_type": slot("classification"),
        "volume.requests_per_month": slot(600000),
        "budget.monthly_usd": slot(420.0, "inferred"),
    }
    expect = {
        "task_type": "classification",
        "volume.requests_per_month": 600000,
        "budget.monthly_usd": {"approx": 417, "tol": 0.1},
        "latency.p95_seconds": None,  # unset: the default None matches
        "deployment.self_host": True,  # unset: default False does not
        "languages": ["zh"],  # unset: the conversation's language
    }
    ok, total, failures = score_recall(expect, slots, "zh")
    assert (ok, total) == (5, 6)
    assert failures == ["slot deployment.self_host: expected True, got (unset)"]


# --- invented values -----------------------------------------------------------------------------


def test_invented_counts_non_defaults_the_person_never_stated():
    slots = {
        "budget.monthly_usd": slot(281.69, "inferred"),  # invented
        "latency.p95_seconds": slot(None, "defaulted"),  # the default: fine
        "deployment.self_host": slot(False, "stated"),  # the default: fine
        "languages": slot(["en"], "inferred"),  # a zh conversation: not its default
    }
    paths = [
        "budget.monthly_usd",
        "latency.p95_seconds",
        "deployment.self_host",
        "accuracy_target",
        "languages",
    ]
    bad, checked, failures = score_invented(paths, slots, "zh")
    assert (bad, checked) == (2, 5)
    assert failures[0].startswith("invented budget.monthly_usd: 281.69 (inferred)")
    assert "languages" in failures[1]


def test_unstated_paths_skip_expected_linked_and_inferable_paths():
    conv = {
        "expect": {"task_type": "chat", "deployment.self_host": True, "budget.per_1k_requests_usd": 1},
        "may_infer": ["accuracy_target"],
    }
    paths = unstated_paths(conv)
    assert "deployment.self_host" not in paths and "deployment.open_weights" not in paths  # linked
    assert "budget.monthly_usd" not in paths and "accuracy_target" not in paths
    assert {"latency.p95_seconds", "deployment.data_residency", "deployment.providers_allowed"} <= set(paths)
    assert unstated_paths({"expect": {}, "no_invented": ["priority"]}) == ["priority"]


# --- reply language ------------------------------------------------------------------------------


def test_chinese_reply_may_name_models_providers_units_and_acronyms():
    text = (
        "我的推荐：Gemma 4 26B-A4B（empiriolabs），每月约$2.06。\n"
        "  2. DeepSeek V4 Flash — 通过deepseek — $3.36\n"
        "  3. Gemini 3 Flash Preview — 通过google-vertex，p95 延迟 1.2 s，上下文 128K token，可用 API 调用"
    )
    assert foreign_words(text, "zh") == []


def test_chinese_reply_with_english_words_is_impure():
    assert foreign_words("  - 任务类型: extraction (明确)\n  - 语言: zh (推断)", "zh") == ["extraction", "zh"]
    bad = foreign_words("Sorry, I couldn't make sense of that. 请再说一遍", "zh")
    assert bad and "Sorry" in bad[0]
    assert "zh/service-vs-model" in foreign_words("种子资料 [zh/service-vs-model#managed-service]", "zh")


def test_english_reply_with_chinese_is_impure():
    assert foreign_words("Your budget: $300/month.", "en") == []
    assert foreign_words("Your budget: 每月 $300.", "en") == ["月", "每"]


# --- side questions ------------------------------------------------------------------------------

RAW_EXCERPT = (
    "来自选型指南：\n**托管服务** — 种子资料把“模型”和“服务”区分开来。书中提到 GPT-4 当时运行在微软 Azure… "
    "[zh/service-vs-model#managed-service]"
)


def test_raw_excerpt_is_not_an_answer():
    problems = check_side_answer(RAW_EXCERPT, {"kind": "why_not", "about": ["DeepSeek"]}, "zh")
    assert "contains '种子资料'" in problems
    assert "contains '[zh/'" in problems
    assert "contains '…'" in problems
    assert "does not name DeepSeek" in problems
    assert check_side_answer("Per the book seed, models are...\n", {"kind": "glossary"}, "en") == [
        "contains 'book seed'",
        "cut off ('...')",
    ]


def test_why_not_answer_names_the_model_and_gives_a_reason():
    sq = {"kind": "why_not", "about": ["GPT-4", "gpt-4"]}
    good = "GPT-4 would cost about $2,400 a month at your volume, eight times your $300 budget."
    assert check_side_answer(good, sq, "en") == []
    zh = "DeepSeek V4 Flash 排在第二：质量评分相近，但在你的用量下每月贵 1.30 美元。"
    assert check_side_answer(zh, {"kind": "why_not", "about": "DeepSeek"}, "zh") == []
    vague = "That is an interesting model and many people like it a lot, honestly."
    assert check_side_answer(vague, sq, "en") == [
        "does not name GPT-4",
        "gives no reason (no reason word, no number)",
    ]
    no_reason = "GPT-4 is one of the models we looked at for you, among many others."
    assert check_side_answer(no_reason, sq, "en") == ["gives no reason (no reason word, no number)"]


def test_glossary_answer_must_mention_the_concept_and_not_be_empty():
    sq = {
        "kind": "glossary",
        "must_mention_any": ["word", "piece"],
        "must_not_contain": ["budget.monthly_usd"],
    }
    assert check_side_answer("Tokens are pieces of words; a page of English is about 500 of them.", sq) == []
    assert check_side_answer("", sq) == ["no answer (reply '')"]
    off = "What is your monthly budget? Please give budget.monthly_usd in dollars, thanks a lot."
    assert check_side_answer(off, sq) == [
        "contains 'budget.monthly_usd'",
        "mentions none of ['word', 'piece']",
    ]


# --- one transcript, the summary, the targets ------------------------------------------------------


def conv_zh():
    return {
        "id": "t-zh",
        "part": "heldout",
        "lang": "zh",
        "turns": ["客服聊天，每天两千次，每月预算1000美元", "什么是token？", "对"],
        "states_everything": True,
        "expect": {"task_type": "chat", "volume.requests_per_month": 60000, "budget.monthly_usd": 1000},
        "side_questions": [{"turn": 2, "kind": "glossary", "must_mention_any": ["文本", "单位"]}],
    }


def test_score_transcript_and_summary():
    slots = {
        "task_type": slot("chat"),
        "volume.requests_per_month": slot(60000),
        "budget.monthly_usd": slot(1000),
        "latency.p95_seconds": slot(2.0, "inferred"),  # invented
    }
    replies = [
        "以下是我理解的需求：任务类型: chat",  # impure
        "token 是模型计量文本的单位，一个汉字大约一到两个 token。",
        "我的推荐：DeepSeek V4 Flash，每月约$3.36。",
    ]
    out = score_transcript(conv_zh(), slots, replies, ["confirm", "confirm", "recommended"])
    assert (out.slots_ok, out.slots_total, out.task_ok) == (3, 3, True)
    assert (out.invented, out.unstated_checked) == (1, 6)  # budget.* expected: not checked
    assert (out.side_ok, out.side_total) == (1, 1)
    assert (out.replies_pure, out.replies) == (2, 3)
    assert out.turns_to_recommendation == 3
    assert any(f.startswith("language (turn 1, zh): 'chat'") for f in out.failures)

    other = Outcome(
        "t-en", part="heldout", lang="en", slots_total=4, slots_ok=4, task_checked=True, task_ok=True
    )
    other.unstated_checked, other.states_everything, other.turns_to_recommendation = 6, True, 1
    s = summarize([out, other])
    assert s["slot_accuracy"] == pytest.approx(7 / 7)
    assert s["invented_rate"] == pytest.approx(1 / 12)
    assert s["median_turns_states_everything"] == 2
    assert s["side_answer_rate"] == 1.0
    assert s["zh_purity"] == pytest.approx(2 / 3)
    assert s["en_purity"] is None
    assert missed_targets(s) == ["invented values", "zh reply purity"]


def test_side_questions_not_scored_without_the_knowledge_base():
    out = score_transcript(conv_zh(), {}, ["", "", ""], ["interview"] * 3, check_side_questions=False)
    assert out.side_total == 0
    assert summarize([out])["side_answer_rate"] is None
    assert out.turns_to_recommendation is None
    assert summarize([out])["median_turns_states_everything"] == 99


def test_llm_brain_without_an_endpoint_exits_2(monkeypatch, capsys):
    from whichmodel.agent.settings import ENV

    for var in ENV.values():
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ValueError):
        ev.make_settings("llm")
    assert ev.main(["--brain", "llm", "--part", "heldout"]) == 2
    assert "no LLM endpoint is configured" in capsys.readouterr().err


# --- the runner end to end, on one conversation --------------------------------------------------


async def test_run_all_one_conversation_offline_then_llm_fallbacks(monkeypatch):
    from whichmodel.agent.settings import ENV

    summary, outcomes = await ev.run_all("h-en-saas-budget-correction", knowledge_base=False, part="heldout")
    assert [o.id for o in outcomes] == ["h-en-saas-budget-correction"]
    assert list(summary["parts"]) == ["heldout"]
    assert summary["config"]["brain"] == "offline"
    assert outcomes[0].slots_total == 4 and outcomes[0].fallback_turns == 0

    # An endpoint that refuses connections: every turn falls back to the offline brain, and is counted.
    for var in ENV.values():
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("WHICHMODEL_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("WHICHMODEL_LLM_TIMEOUT", "3")
    summary, outcomes = await ev.run_all(
        "h-en-saas-budget-correction", knowledge_base=False, part="heldout", brain="llm"
    )
    assert summary["config"]["brain"] == "compatible"
    assert (summary["llm_turns"], summary["fallback_turns"]) == (0, 3)


def test_no_candidates_is_counted_apart_from_top_pick_misses():
    ok = Outcome("a", turns_to_recommendation=2)
    none = Outcome("b", turns_to_recommendation=2, no_candidates=True)
    bad = Outcome("c", turns_to_recommendation=3, top_pick_ok=False)
    never = Outcome("d")  # no recommendation: scored by turns to a recommendation, not here
    s = summarize([ok, none, bad, never])
    assert (s["top_pick_ok"], s["top_picks"], s["no_candidates"], s["recommended"]) == (0.5, "1/2", 1, 3)

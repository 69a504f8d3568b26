"""Expert24, s07 and defect 6: the embeddings path. MTEB is not in the catalog snapshot, so the shortlist
is ordered by what the makers document (language coverage, then the maker's larger or newer model
before its smaller or older one, then cost); English-only embedders are not offered for a German search
ahead of the ones documented for German; no value pick saves pennies or rests on a doubtful price;
the report says where the public benchmark is, and an embedding's time is its prompt read."""

from __future__ import annotations

from typing import Any

import pytest

from whichmodel.knowledge.catalog.embedding_cards import EMBEDDING_CARDS, card_of, language_fit
from whichmodel.knowledge.catalog.store import load_catalog
from whichmodel.tools.decision import recommend
from whichmodel.tools.decision.explain import say
from whichmodel.tools.decision.ranking import Entry, Quality, value_bar
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Reason, Recommendation

S07: dict[str, Any] = {
    "use_case": "Embeddings for semantic search over our internal knowledge base (Confluence, PDFs) in English and German",
    "task_type": "embedding", "languages": ["en", "de"],
    "volume": {"requests_per_month": 300_000, "input_tokens": 400, "output_tokens": 0},
    "budget": {"monthly_usd": 300}, "data": {"sensitivity": "internal"}, "location": "eu", "priority": "balanced",
}  # fmt: skip


def _run(spec: dict[str, Any], lang: str | None = None) -> Recommendation:
    return recommend(Requirements.model_validate(spec), load_catalog(), lang=lang)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def s07() -> Recommendation:
    return _run(S07)


def _fit(key: str, langs: tuple[str, ...]) -> int:
    return language_fit(key, langs)[0]


# --- the table: only what the cards say --------------------------------------------------------------


def test_every_card_names_its_source_and_a_known_basis() -> None:
    for key, card in EMBEDDING_CARDS.items():
        assert card.url.startswith("https://"), key
        assert say("en", Reason(code=f"embed_basis_{card.stated}")) != f"embed_basis_{card.stated}", key
        assert say("zh", Reason(code=f"embed_basis_{card.stated}")) != f"embed_basis_{card.stated}", key


def test_documented_language_coverage() -> None:
    en_de = ("en", "de")
    assert _fit("e5-large-v2", en_de) == 2 and language_fit("e5-large-v2", en_de)[1] == ["de"]
    assert _fit("nomic-embed-text", en_de) == 2 and _fit("cohere-embed-v3-english", en_de) == 2
    assert _fit("multilingual-e5-large-instruct", en_de) == 0 and _fit("bge-m3", en_de) == 0
    assert _fit("qwen3-embedding-8b", en_de) == 0 and _fit("cohere-embed-v3-multilingual", en_de) == 0
    assert _fit("mistral-embed", en_de) == 1  # not documented here: unknown, never claimed
    assert _fit("e5-large-v2", ("en",)) == 0  # an English search is what it is for


def test_the_makers_line_larger_or_newer_first() -> None:
    large, small, ada = (card_of(k) for k in ("text-embedding-3-large", "text-embedding-3-small", "text-embedding-ada-002"))
    assert large and small and ada and (large.line, small.line, ada.line) == ("flagship", "smaller", "older")
    q8, q06 = card_of("qwen3-embedding-8b"), card_of("qwen3-embedding-0.6b")
    assert q8 and q06 and (q8.line, q06.line) == ("flagship", "smaller")


# --- item 1: the quality pick is not chosen on cost ---------------------------------------------------


def test_the_quality_pick_for_english_and_german_search_is_a_documented_multilingual_flagship(s07: Recommendation) -> None:
    assert s07.quality_pick is not None
    assert s07.quality_pick.model_key == "text-embedding-3-large"  # not the cheaper -small
    keys = [c.model_key for c in s07.recommendations]
    top5 = keys[:5]
    assert {"gemini-embedding-001", "qwen3-embedding-8b"} <= set(top5)
    assert keys.index("text-embedding-3-large") < keys.index("text-embedding-3-small")
    assert keys.index("qwen3-embedding-8b") < keys.index("qwen3-embedding-0.6b") if "qwen3-embedding-0.6b" in keys else True
    lead = next(r for r in s07.summary_codes if r.code == "lead")
    assert lead.params["rule"] == "embedding_coverage"
    assert "coverage of your languages first" in s07.summary and "larger or newer" in s07.summary
    row = s07.recommendations[0]
    assert any("documented for many languages" in x and "openai.com" in x for x in row.reasons)


# --- item 2: English-only embedders for a German search -----------------------------------------------


def test_english_only_embedders_go_after_the_covering_ones_with_a_named_risk() -> None:
    rec = _run({**S07, "volume": {**S07["volume"], "requests_per_month": 3_000_000}})
    keys = [c.model_key for c in rec.recommendations]
    fits = [_fit(k, ("en", "de")) for k in keys]
    assert fits == sorted(fits)  # documented, then unknown, then English only
    full = recommend(Requirements.model_validate(S07), load_catalog())
    english_only = [c for c in full.recommendations if _fit(c.model_key, ("en", "de")) == 2]
    for c in english_only:
        assert "documented for English only" in c.warnings
        assert any(r.code == "embed_language_misses" for r in c.risk_codes)
    # the risk is worded in both languages, with the card's address
    risk = Reason(code="embed_language_misses", params={"model": "E5 Large v2", "missing": ["de"],
                                                        "stated": "english_only", "url": "https://huggingface.co/intfloat/e5-large-v2"})  # fmt: skip
    assert "German" in say("en", risk) and "huggingface.co" in say("en", risk)
    assert "德语" in say("zh", risk) and "英语" in say("zh", risk)


def test_an_english_search_does_not_flag_english_models() -> None:
    rec = _run({**S07, "languages": ["en"], "use_case": "semantic search over English support articles"})
    for c in rec.recommendations:
        assert not any(r.code == "embed_language_misses" for r in c.risk_codes), c.model_key


# --- item 3: the value pick -----------------------------------------------------------------------------


def test_no_value_pick_saves_pennies_on_an_embeddings_bill(s07: Recommendation) -> None:
    assert s07.value_pick is None
    codes = [r.code for r in s07.no_value]
    assert "no_value_trivial_unrated" in codes
    said = [say("en", r) for r in s07.no_value]
    assert any("too little" in x for x in said)
    assert any("不值得" in say("zh", r) for r in s07.no_value)


def test_a_value_pick_at_a_real_bill_is_never_a_doubtful_price_nor_english_only() -> None:
    rec = _run({**S07, "volume": {**S07["volume"], "requests_per_month": 30_000_000}, "budget": {"monthly_usd": 5_000}})
    assert rec.quality_pick is not None and rec.value_pick is not None
    value = next(c for c in rec.recommendations if c.model_key == rec.value_pick.model_key)
    assert not any(r.code == "price_below_typical" for r in value.risk_codes)
    assert _fit(value.model_key, ("en", "de")) == 0


def test_a_price_far_below_the_usual_is_never_the_value_pick_even_beside_a_held_lead() -> None:
    q = Quality(90.0, 88.0, 92.0, (), ())
    lead = Entry(key="lead", quality=q, monthly=1_000, p95=1.0, held=("thinking_cut",))
    doubtful = Entry(key="cheap", quality=q, monthly=100, p95=1.0, held=("price_below_typical",))
    assert value_bar(doubtful, lead, [lead, doubtful], frozenset({"lead", "cheap"})) == "provisional"


# --- item 4: MTEB exists; it is not in this catalog snapshot ----------------------------------------------


def test_the_report_names_mteb_as_missing_from_the_catalog_not_as_nonexistent(s07: Recommendation) -> None:
    assert "no public rating covers" not in s07.summary.lower()
    assert "MTEB" in s07.summary and "not in this catalog snapshot" in s07.summary and "recall@k" in s07.summary
    row = s07.recommendations[0]
    assert "MTEB" in row.quality_basis and "recall@k" in row.quality_basis
    zh = _run(S07, lang="zh")
    assert "海量文本向量基准" in zh.summary and "目录快照" in zh.summary
    assert "没有公开评分覆盖" not in zh.summary


def test_the_chinese_embedding_report_says_the_benchmark_and_recall_in_chinese() -> None:
    """core21: Chinese replies carried "MTEB/MMTEB" and "recall@k" (the zh purity eval fell); the
    benchmark is named in Chinese and recall is 召回率."""
    zh = _run(S07, lang="zh")
    texts = [zh.summary, *(c.quality_basis for c in zh.recommendations), *(str(r) for r in zh.no_value)]
    texts += [say("zh", Reason(code=c)) for c in ("unrated_embedding", "no_public_rating_embedding", "rule_embedding_coverage")]
    for text in texts:
        assert "MTEB" not in text and "recall" not in text, text
    assert "召回率" in zh.summary


# --- item 5: wording ------------------------------------------------------------------------------------------


def test_an_embedding_time_is_its_prompt_read_without_output_tokens(s07: Recommendation) -> None:
    for c in s07.recommendations:
        assert "then at" not in c.latency_basis and "to first token" not in c.latency_basis, c.latency_basis
        assert "no output tokens" in c.latency_basis and "prompt read at" in c.latency_basis
        assert "~180 tokens/s" not in c.latency_basis
    small = next(c for c in s07.recommendations if c.model_key == "text-embedding-3-small")
    assert "small 'small'" not in small.latency_basis
    zh = _run(S07, lang="zh")
    assert all("不生成输出 token" in c.latency_basis for c in zh.recommendations)

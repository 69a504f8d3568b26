"""Parsing the framework Markdown into citable passages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from whichmodel.knowledge.framework import get_passage, load_passages, parse_document
from whichmodel.knowledge.framework.loader import FrameworkFormatError


def test_parses_sections_ids_and_text(framework_root: Path) -> None:
    passages = load_passages(root=framework_root)
    ids = [p.id for p in passages]
    assert ids == ["en/adaptation#rag", "en/adaptation#fine-tuning", "en/cost#intro", "en/cost#cutting",
                   "zh/adaptation#rag", "zh/adaptation#fine-tuning"]  # fmt: skip
    rag = passages[0]
    assert rag.neutral_id == "adaptation#rag"
    assert (rag.doc_id, rag.slug, rag.lang) == ("adaptation", "rag", "en")
    assert rag.title == "Improving results"
    assert rag.heading == "Retrieval-augmented generation"
    assert "\n" not in rag.text and rag.text.startswith("Retrieval-augmented generation fetches")
    fine = passages[1]
    assert "### A sub-heading stays in the section" in fine.text
    assert fine.text.endswith("It is part of the fine-tuning text.")
    assert passages[2].text == "Intro text before the first section."


def test_language_filter_and_lookup_with_fallback(framework_root: Path) -> None:
    assert {p.lang for p in load_passages("zh", root=framework_root)} == {"zh"}
    assert get_passage("adaptation#rag", "zh", root=framework_root).heading == "检索增强生成"  # type: ignore[union-attr]
    assert get_passage("en/adaptation#rag", root=framework_root).lang == "en"  # type: ignore[union-attr]
    # No Chinese version of the cost document: fall back to English.
    assert get_passage("cost#cutting", "zh", root=framework_root).id == "en/cost#cutting"  # type: ignore[union-attr]
    assert get_passage("zh/cost#cutting", root=framework_root).id == "en/cost#cutting"  # type: ignore[union-attr]
    assert get_passage("nope#missing", root=framework_root) is None
    with pytest.raises(ValueError):
        load_passages("fr", root=framework_root)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# no front matter\n", "front matter"),
        ("---\nid: x\nlang: de\n---\n# T\n", "lang"),
        ("---\nid: x\nlang: en\n---\n# T\n## No anchor\ntext\n", "anchor"),
        ("---\nid: x\nlang: en\n---\n# T\n## A {#a}\none\n## B {#a}\ntwo\n", "duplicate"),
    ],
)
def test_malformed_documents_are_reported(source: str, message: str) -> None:
    with pytest.raises(FrameworkFormatError, match=message):
        parse_document(source)


def test_the_shipped_framework_loads_with_unique_ids_and_twins() -> None:
    passages = load_passages()
    assert len(passages) >= 20
    ids = [p.id for p in passages]
    assert len(ids) == len(set(ids))
    by_lang = {lang: {p.neutral_id for p in passages if p.lang == lang} for lang in ("en", "zh")}
    assert by_lang["en"], "no English passages"
    assert by_lang["zh"], "no Chinese passages"
    missing = by_lang["en"] ^ by_lang["zh"]
    assert not missing, f"sections without a twin in the other language: {sorted(missing)}"
    assert all(p.text.strip() for p in passages), "empty sections"
    # Headings differ between languages (a sign the twin was translated, not copied).
    assert Counter(p.heading for p in passages).most_common(1)[0][1] <= 2

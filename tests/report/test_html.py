"""HTML report: self-contained, escaped, same sections as Markdown, chart inline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.report.fixtures import (
    HOSTILE,
    chinese_recommendation,
    empty_recommendation,
    hostile_recommendation,
    realistic_recommendation,
)
from whichmodel.tools.report import render_html


class _Collector(HTMLParser):
    """Every start tag with its attributes, and the ids of the sections."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser.tags


def test_sections_match_the_markdown_report() -> None:
    ids = [a.get("id") for t, a in _tags(render_html(realistic_recommendation())) if t == "section"]
    assert ids == [
        "summary",
        "top",
        "requirements",
        "eliminated",
        "frontier",
        "costs",
        "self_host",
        "adaptation",
        "risks",
        "warnings",
        "sources",
        "citations",
    ]


def test_self_contained_nothing_loaded_from_outside() -> None:
    html = render_html(realistic_recommendation())
    tags = _tags(html)
    assert not [t for t, _ in tags if t in {"script", "link", "iframe", "img", "object", "embed"}]
    for _tag, attrs in tags:
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//"))
    assert "@import" not in html and "url(" not in html
    assert "<style>" in html and "<svg" in html
    assert "default-src 'none'" in html  # CSP: even a slip in escaping could not run a script
    assert "@media print" in html


def test_hostile_model_name_is_escaped_everywhere() -> None:
    html = render_html(hostile_recommendation())
    assert HOSTILE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert not [t for t, _ in _tags(html) if t in {"script", "img"}]


def test_numbers_and_missing_values() -> None:
    html = render_html(realistic_recommendation())
    assert '<td class="num">$2.79</td>' in html
    assert "n/a (no price in catalog)" in html and "n/a (unrated)" in html
    assert re.search(r"<td[^>]*>\$0</td>", html) is None


def test_empty_and_chinese_reports() -> None:
    empty = render_html(empty_recommendation())
    assert 'id="relaxations"' in empty and 'id="top"' not in empty
    assert "No candidate has both a price and a rating." in empty  # the chart says so instead of plotting 0
    zh = render_html(chinese_recommendation())
    assert '<html lang="zh-CN">' in zh and "<h2>成本估算</h2>" in zh and "月成本（美元，对数刻度）" in zh

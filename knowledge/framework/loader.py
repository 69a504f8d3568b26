"""Parse the framework documents (``knowledge/framework/{en,zh}/*.md``) into passages.

Document format: YAML front matter (``id``, ``title``, ``lang``, ``seeds``), a ``# Title`` line, then
sections ``## Heading {#slug}`` followed by paragraphs. Each section is one :class:`Passage` with a
stable id ``"{lang}/{doc_id}#{slug}"`` and a language-neutral id ``"{doc_id}#{slug}"`` shared by the
English and Chinese twins, so reports and chat can cite a section in either language. Text before the
first section, if any, becomes a passage with slug ``intro``. Deeper headings (``###``) stay inside
their section's text.

No chromadb here: reports read passages without the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

FRAMEWORK_ROOT = Path(__file__).resolve().parent
LANGS = ("en", "zh")
INTRO_SLUG = "intro"

_SECTION_RE = re.compile(r"^##\s+(?P<heading>.+?)\s*\{#(?P<slug>[A-Za-z0-9_.-]+)\}\s*$")
_TITLE_RE = re.compile(r"^#\s+(?P<title>.+?)\s*$")


@dataclass(frozen=True)
class Passage:
    """One section of a framework document."""

    id: str
    """Full id, ``"{lang}/{doc_id}#{slug}"``."""
    neutral_id: str
    """``"{doc_id}#{slug}"``: the same for a section's English and Chinese versions."""
    doc_id: str
    slug: str
    lang: str
    title: str
    """The document's title."""
    heading: str
    """The section heading (without the ``{#slug}`` anchor)."""
    text: str
    """The section's paragraphs, separated by blank lines."""


class FrameworkFormatError(ValueError):
    """A framework document does not follow the expected format."""


def parse_document(source: str, *, origin: str = "<string>") -> list[Passage]:
    """Parse one Markdown document into its passages (in document order)."""
    meta, body = _split_front_matter(source, origin)
    doc_id = str(meta.get("id") or "").strip()
    lang = str(meta.get("lang") or "").strip()
    if not doc_id or lang not in LANGS:
        raise FrameworkFormatError(f"{origin}: front matter needs 'id' and 'lang' in {LANGS}, got {meta!r}")
    title = str(meta.get("title") or "").strip()

    sections: list[tuple[str, str, list[str]]] = [(INTRO_SLUG, "", [])]
    for line in body.splitlines():
        if match := _SECTION_RE.match(line):
            sections.append((match["slug"], match["heading"].strip(), []))
        elif line.startswith("## "):
            raise FrameworkFormatError(f"{origin}: section heading without a {{#slug}} anchor: {line!r}")
        elif (match := _TITLE_RE.match(line)) and not line.startswith("##"):
            title = title or match["title"]
        else:
            sections[-1][2].append(line)

    passages: list[Passage] = []
    seen: set[str] = set()
    for slug, heading, lines in sections:
        text = _paragraphs(lines)
        if slug == INTRO_SLUG and not heading and not text:
            continue
        if slug in seen:
            raise FrameworkFormatError(f"{origin}: duplicate section slug {slug!r}")
        seen.add(slug)
        passages.append(
            Passage(
                id=f"{lang}/{doc_id}#{slug}",
                neutral_id=f"{doc_id}#{slug}",
                doc_id=doc_id,
                slug=slug,
                lang=lang,
                title=title,
                heading=heading or title,
                text=text,
            )
        )
    return passages


def load_passages(lang: str | None = None, root: Path | None = None) -> list[Passage]:
    """All passages under ``root`` (default: this package), for one language or both.

    Sorted by language, then file name, then document order. Raises :class:`FrameworkFormatError`
    on a malformed document or a duplicate passage id.
    """
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS} or None, got {lang!r}")
    return list(_load_all(root or FRAMEWORK_ROOT, lang))


def get_passage(neutral_or_full_id: str, lang: str = "en", root: Path | None = None) -> Passage | None:
    """Look a passage up by ``"doc#slug"`` (in ``lang``, else the other language) or ``"lang/doc#slug"``."""
    by_id = {p.id: p for p in _load_all(root or FRAMEWORK_ROOT, None)}
    if "/" in neutral_or_full_id:
        found = by_id.get(neutral_or_full_id)
        if found is not None:
            return found
        neutral_or_full_id = neutral_or_full_id.split("/", 1)[1]
    for candidate in (lang, *[other for other in LANGS if other != lang]):
        if (found := by_id.get(f"{candidate}/{neutral_or_full_id}")) is not None:
            return found
    return None


def clear_cache() -> None:
    """Forget parsed documents (for tests and long-running processes after the files change)."""
    _load_cached.cache_clear()


def _load_all(root: Path, lang: str | None) -> tuple[Passage, ...]:
    files = tuple(
        (str(path), path.stat().st_mtime_ns)
        for code in ((lang,) if lang else LANGS)
        for path in sorted((root / code).glob("*.md"))
    )
    return _load_cached(files)


@lru_cache(maxsize=16)
def _load_cached(files: tuple[tuple[str, int], ...]) -> tuple[Passage, ...]:
    passages: list[Passage] = []
    seen: dict[str, str] = {}
    for name, _mtime in files:
        path = Path(name)
        for passage in parse_document(path.read_text(encoding="utf-8"), origin=name):
            if passage.lang != path.parent.name:
                raise FrameworkFormatError(f"{name}: lang {passage.lang!r} does not match its folder")
            if passage.id in seen:
                raise FrameworkFormatError(
                    f"{name}: passage id {passage.id!r} already defined in {seen[passage.id]}"
                )
            seen[passage.id] = name
            passages.append(passage)
    return tuple(passages)


def _split_front_matter(source: str, origin: str) -> tuple[dict[str, object], str]:
    text = source.lstrip("\ufeff")
    if not text.startswith("---"):
        raise FrameworkFormatError(f"{origin}: missing YAML front matter")
    parts = re.split(r"^---\s*$", text, maxsplit=2, flags=re.MULTILINE)
    if len(parts) < 3:
        raise FrameworkFormatError(f"{origin}: unterminated YAML front matter")
    meta = yaml.safe_load(parts[1]) or {}
    if not isinstance(meta, dict):
        raise FrameworkFormatError(f"{origin}: front matter is not a mapping")
    return meta, parts[2]


def _paragraphs(lines: list[str]) -> str:
    """Join lines into paragraphs: blank lines separate paragraphs; wrapped lines are joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)

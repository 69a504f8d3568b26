"""Checks on the model-selection framework documents in knowledge/framework/.

Other code parses these files and cites their sections as ``{id}#{slug}``, so
the format and the slug contract are tested here with a small local parser.
The seeds are the source texts the documents were written from; the last check
makes sure the documents use their own wording (no long verbatim runs).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FRAMEWORK = REPO / "knowledge" / "framework"
SEEDS = REPO / ".." / "shared" / "seeds"
LANGS = ("en", "zh")
FRONT_MATTER_KEYS = ("id", "title", "lang", "seeds")

# file name -> (document id, slugs that must exist in both languages)
CONTRACT: dict[str, tuple[str, tuple[str, ...]]] = {
    "01-model-types.md": (
        "model-types",
        ("task-modality", "foundation-vs-llm", "encoder-decoder", "embedding-models"),
    ),
    "02-open-vs-proprietary.md": (
        "open-vs-proprietary",
        ("proprietary", "open-weights", "licences", "choosing"),
    ),
    "03-service-vs-model.md": (
        "service-vs-model",
        ("managed-service", "self-hosting", "same-model-many-providers"),
    ),
    "04-size-vs-performance.md": ("size-vs-performance", ("tradeoff", "small-models", "latency-cost")),
    "05-domain-specific.md": ("domain-models", ("when-domain-models", "examples")),
    "06-adaptation.md": (
        "adaptation",
        ("prompt-engineering", "rag", "fine-tuning", "train-from-scratch", "choosing-the-path"),
    ),
    "07-optimization-order.md": (
        "optimization-order",
        ("accuracy-first", "eval-set", "cost-latency", "distillation", "reduce-tokens-requests"),
    ),
    "08-evaluation.md": ("evaluation", ("benchmarks", "compare-models", "own-data")),
    "09-worked-examples.md": ("worked-examples", ("fake-news", "techgen", "customer-service")),
    "10-deployment.md": ("deployment", ("deploy-options", "monitoring")),
}

EN_WORDS = (80, 250)  # words per English section
ZH_CJK_CHARS = (150, 700)  # CJK characters per Chinese section
ZH_MIN_CJK_RATIO = 0.6  # CJK characters / (CJK characters + Latin letters)
VERBATIM_RUN = 30  # characters

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
H2_RE = re.compile(r"^## (?P<heading>.+?) \{#(?P<slug>[^}]+)\}\s*$")
CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]")


class DocFormatError(ValueError):
    """A framework document does not follow the documented format."""


@dataclass(frozen=True)
class Section:
    slug: str
    heading: str
    body: str


@dataclass(frozen=True)
class Doc:
    path: Path
    id: str
    title: str
    lang: str
    seeds: tuple[str, ...]
    sections: tuple[Section, ...]


def parse_seeds(value: str) -> tuple[str, ...]:
    """Parse ``[000, 003]`` into ``("000", "003")``; prefixes stay strings."""
    if not (value.startswith("[") and value.endswith("]")):
        raise DocFormatError(f"seeds must be a [list]: {value!r}")
    items = tuple(item.strip() for item in value[1:-1].split(",") if item.strip())
    for item in items:
        if not re.fullmatch(r"\d{3}", item):
            raise DocFormatError(f"seed prefix must be three digits: {item!r}")
    return items


def parse_doc(text: str, path: Path = Path("<memory>")) -> Doc:
    """Parse one framework document; raise DocFormatError on any deviation."""
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        raise DocFormatError("file must start with a '---' front matter line")
    try:
        end = lines.index("---", 1)
    except ValueError as exc:
        raise DocFormatError("front matter is not closed by '---'") from exc
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, sep, value = line.partition(":")
        if not sep or key != key.strip() or not value.startswith(" "):
            raise DocFormatError(f"bad front matter line: {line!r}")
        if key in meta:
            raise DocFormatError(f"duplicate front matter key: {key!r}")
        meta[key] = value.strip()
    if tuple(meta) != FRONT_MATTER_KEYS:
        raise DocFormatError(f"front matter keys must be exactly {FRONT_MATTER_KEYS}, got {tuple(meta)}")
    if meta["lang"] not in LANGS:
        raise DocFormatError(f"lang must be one of {LANGS}: {meta['lang']!r}")
    if not SLUG_RE.fullmatch(meta["id"]):
        raise DocFormatError(f"bad id: {meta['id']!r}")

    body = [line for line in lines[end + 1 :]]
    while body and not body[0].strip():
        body.pop(0)
    if not body or body[0] != f"# {meta['title']}":
        raise DocFormatError("the first heading must be '# ' + title")

    sections: list[Section] = []
    current: tuple[str, str] | None = None
    buffer: list[str] = []
    for line in body[1:]:
        if line.startswith("# "):
            raise DocFormatError("only one '# ' heading is allowed")
        if line.startswith("## "):
            match = H2_RE.match(line)
            if not match:
                raise DocFormatError(f"section heading lacks a {{#slug}}: {line!r}")
            if current is not None:
                sections.append(Section(current[1], current[0], "\n".join(buffer).strip()))
            current, buffer = (match["heading"].strip(), match["slug"]), []
        elif current is None:
            if line.strip():
                raise DocFormatError("text before the first '## ' section")
        else:
            buffer.append(line)
    if current is not None:
        sections.append(Section(current[1], current[0], "\n".join(buffer).strip()))
    if not sections:
        raise DocFormatError("document has no sections")
    return Doc(
        path=path,
        id=meta["id"],
        title=meta["title"],
        lang=meta["lang"],
        seeds=parse_seeds(meta["seeds"]),
        sections=tuple(sections),
    )


def doc_paths(lang: str) -> list[Path]:
    return sorted((FRAMEWORK / lang).glob("*.md"))


def load(path: Path) -> Doc:
    return parse_doc(path.read_text(encoding="utf-8"), path)


ALL_PATHS = [p for lang in LANGS for p in doc_paths(lang)]


def _ids(paths: list[Path]) -> list[str]:
    return [f"{p.parent.name}/{p.name}" for p in paths]


def normalise(text: str) -> str:
    """NFKC (full-width to half-width punctuation), no whitespace, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


# --- the parser itself ---------------------------------------------------------

GOOD = "---\nid: demo\ntitle: Demo\nlang: en\nseeds: [000, 004]\n---\n# Demo\n\n## One {#one}\nText.\n\n## Two {#two}\nMore.\n"


def test_parser_reads_a_well_formed_doc() -> None:
    doc = parse_doc(GOOD)
    assert (doc.id, doc.title, doc.lang, doc.seeds) == ("demo", "Demo", "en", ("000", "004"))
    assert [(s.slug, s.heading, s.body) for s in doc.sections] == [
        ("one", "One", "Text."),
        ("two", "Two", "More."),
    ]


@pytest.mark.parametrize(
    "bad",
    [
        GOOD.replace("## One {#one}", "## One"),  # missing slug
        GOOD.replace("lang: en", "lang: fr"),
        GOOD.replace("seeds: [000, 004]", "seeds: [0, 4]"),
        GOOD.replace("title: Demo\n", "title: Demo\nauthor: x\n"),
        GOOD.replace("# Demo\n", "# Other\n"),
        GOOD.replace("# Demo\n", "# Demo\nstray text\n"),
        GOOD[4:],  # no front matter
    ],
)
def test_parser_rejects_malformed_docs(bad: str) -> None:
    with pytest.raises(DocFormatError):
        parse_doc(bad)


# --- the documents -------------------------------------------------------------


def test_every_contract_file_exists_in_both_languages() -> None:
    for lang in LANGS:
        names = {p.name for p in doc_paths(lang)}
        missing = sorted(set(CONTRACT) - names)
        assert not missing, f"{lang}: missing {missing}"


@pytest.mark.parametrize("path", ALL_PATHS, ids=_ids(ALL_PATHS))
def test_front_matter_is_valid(path: Path) -> None:
    doc = load(path)
    assert doc.lang == path.parent.name
    if path.name in CONTRACT:
        assert doc.id == CONTRACT[path.name][0]
    assert doc.seeds, "a document must name the seeds it draws on"
    assert list(doc.seeds) == sorted(set(doc.seeds)), "seed prefixes sorted and unique"
    if SEEDS.is_dir():
        prefixes = {p.name[:3] for p in SEEDS.iterdir()}
        assert set(doc.seeds) <= prefixes, f"unknown seeds {set(doc.seeds) - prefixes}"


@pytest.mark.parametrize("path", ALL_PATHS, ids=_ids(ALL_PATHS))
def test_slugs_are_well_formed_and_unique(path: Path) -> None:
    slugs = [s.slug for s in load(path).sections]
    assert all(SLUG_RE.fullmatch(s) for s in slugs), slugs
    assert len(slugs) == len(set(slugs)), f"duplicate slugs: {slugs}"


def test_document_ids_are_unique_per_language() -> None:
    for lang in LANGS:
        ids = [load(p).id for p in doc_paths(lang)]
        assert len(ids) == len(set(ids)), ids


@pytest.mark.parametrize("name", [p.name for p in doc_paths("en")])
def test_english_doc_has_chinese_twin(name: str) -> None:
    en_path, zh_path = FRAMEWORK / "en" / name, FRAMEWORK / "zh" / name
    assert zh_path.is_file(), f"no zh twin for {name}"
    en, zh = load(en_path), load(zh_path)
    assert en.id == zh.id
    assert [s.slug for s in en.sections] == [s.slug for s in zh.sections]


def test_no_chinese_doc_without_english_twin() -> None:
    assert {p.name for p in doc_paths("zh")} == {p.name for p in doc_paths("en")}


@pytest.mark.parametrize("name", sorted(CONTRACT))
@pytest.mark.parametrize("lang", LANGS)
def test_contract_slugs_present(lang: str, name: str) -> None:
    doc = load(FRAMEWORK / lang / name)
    missing = [s for s in CONTRACT[name][1] if s not in {sec.slug for sec in doc.sections}]
    assert not missing, f"{lang}/{doc.id}: missing {missing}"


EN_SECTIONS = [(p, s) for p in doc_paths("en") for s in load(p).sections]
ZH_SECTIONS = [(p, s) for p in doc_paths("zh") for s in load(p).sections]


def _sec_ids(pairs: list[tuple[Path, Section]]) -> list[str]:
    return [f"{p.parent.name}/{p.stem}#{s.slug}" for p, s in pairs]


@pytest.mark.parametrize(("path", "section"), EN_SECTIONS, ids=_sec_ids(EN_SECTIONS))
def test_english_section_length(path: Path, section: Section) -> None:
    words = len(section.body.split())
    assert EN_WORDS[0] <= words <= EN_WORDS[1], f"{words} words"


@pytest.mark.parametrize(("path", "section"), ZH_SECTIONS, ids=_sec_ids(ZH_SECTIONS))
def test_chinese_section_is_chinese_and_sized(path: Path, section: Section) -> None:
    cjk = len(CJK_RE.findall(section.body))
    latin = len(LATIN_RE.findall(section.body))
    assert ZH_CJK_CHARS[0] <= cjk <= ZH_CJK_CHARS[1], f"{cjk} CJK characters"
    assert cjk / (cjk + latin) >= ZH_MIN_CJK_RATIO, f"CJK ratio {cjk / (cjk + latin):.2f}"
    assert CJK_RE.search(section.heading), f"heading not Chinese: {section.heading!r}"


@pytest.mark.parametrize("path", doc_paths("zh"), ids=_ids(doc_paths("zh")))
def test_chinese_title_is_chinese(path: Path) -> None:
    assert CJK_RE.search(load(path).title)


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    """Every VERBATIM_RUN-character window of the normalised seed texts."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder not found at {SEEDS}")
    runs: set[str] = set()
    for seed in sorted(SEEDS.iterdir()):
        text = normalise(seed.read_text(encoding="utf-8"))
        runs.update(text[i : i + VERBATIM_RUN] for i in range(len(text) - VERBATIM_RUN + 1))
    assert runs, "seed folder is empty"
    return runs


@pytest.mark.parametrize(
    ("path", "section"), ZH_SECTIONS + EN_SECTIONS, ids=_sec_ids(ZH_SECTIONS + EN_SECTIONS)
)
def test_section_does_not_copy_seed_text(path: Path, section: Section, seed_runs: set[str]) -> None:
    text = normalise(section.body)
    copied = [
        text[i : i + VERBATIM_RUN]
        for i in range(len(text) - VERBATIM_RUN + 1)
        if text[i : i + VERBATIM_RUN] in seed_runs
    ]
    assert not copied, f"verbatim seed text: {copied[:3]}"


def test_readme_describes_format_and_sources() -> None:
    readme = (FRAMEWORK / "README.md").read_text(encoding="utf-8")
    for needle in (
        "{#slug}",
        "seeds",
        "Generative AI for Beginners",
        "Choosing an LLM for your application",
        "own wording",
    ):
        assert needle in readme, needle

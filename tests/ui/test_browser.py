"""The web app in a real browser: Debian Chromium driven by Playwright against a real server.

One interview in English and one in Chinese, each answering one question by clicking a button and
confirming by typing. The page must show tool steps, the shortlist table, the chart image and the
report downloads, fetch nothing from other hosts, and store the chat in the history database.
Screenshots go to test-artifacts/ (gitignored). Needs /usr/bin/chromium (scripts/install_browser.sh).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.ui.conftest import AppServer

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The checkout."""

playwright_sync = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = REPO_ROOT / "test-artifacts"
TURN_TIMEOUT_MS = 30_000
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: run scripts/install_browser.sh")
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@dataclass
class Session:
    page: object
    external: list[str] = field(default_factory=list)


def open_chat(browser: object, server: AppServer, locale: str) -> Session:
    """Open the page in a fresh context and wait until the socket.io session can take messages."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 1500})  # type: ignore[attr-defined]
    session = Session(page=None)

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(server.url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            session.external.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    connected: list[bool] = []

    def watch(ws: object) -> None:
        # The socket.io session is usable once the client announces "connection_successful" (after
        # the polling -> websocket upgrade); anything typed before that is silently dropped.
        ws.on("framesent", lambda frame: connected.append("connection_successful" in str(frame)))  # type: ignore[attr-defined]

    page.on("websocket", watch)
    page.goto(server.url + "/")
    page.wait_for_selector("#chat-input", timeout=TURN_TIMEOUT_MS)
    deadline = TURN_TIMEOUT_MS
    while not any(connected) and deadline > 0:
        page.wait_for_timeout(100)
        deadline -= 100
    assert any(connected), "the chat session never connected"
    session.page = page
    return session


def send(page: object, text: str) -> None:
    """Type a message and press Enter; retry once if it did not appear as the user's message."""
    bubble = page.locator("div.ml-auto .message-content", has_text=text[:24])  # type: ignore[attr-defined]
    before = bubble.count()
    for _ in range(2):
        page.locator("#chat-input").fill(text)  # type: ignore[attr-defined]
        page.keyboard.press("Enter")  # type: ignore[attr-defined]
        try:
            bubble.nth(before).wait_for(timeout=5_000)
            return
        except playwright_sync.TimeoutError:
            continue
    pytest.fail(f"message never reached the chat: {text!r}")


def interview(page: object, message: str, click: str) -> None:
    """First message typed, one question answered by a button: that answer completes the facts, and the
    recommendation comes in the same reply (no confirmation step)."""
    send(page, message)
    page.get_by_role("button", name=click).click(timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]


def check_results(
    session: Session,
    server: AppServer,
    cost_header: str,
    step_title: str,
    shot: str,
    title: str,
) -> dict[str, str]:
    """The shortlist table, the tool steps, the chart and the downloads are on the page; the downloads
    are named after the use case (their stem starts with `title`). Returns the names by format."""
    page = session.page
    table = page.locator("table", has=page.locator("th", has_text=cost_header))  # type: ignore[attr-defined]
    table.first.wait_for(timeout=TURN_TIMEOUT_MS)
    rows = table.first.locator("tbody tr")
    assert rows.count() >= 1
    first_row = [c.strip() for c in rows.first.locator("td").all_inner_texts()]
    assert first_row[0] == "1" and first_row[1], f"first shortlist row: {first_row}"
    assert re.search(r"\$\d", first_row[3]), f"monthly cost cell: {first_row[3]!r}"

    assert page.get_by_text(step_title).first.is_visible()  # a tool call shown as a step

    suffix = "-报告" if HAN.search(title) else "-report"
    md_link = page.locator(f'a[download$="{suffix}.md"]').first
    md_link.wait_for(timeout=TURN_TIMEOUT_MS)
    stem = md_link.get_attribute("download").removesuffix(f"{suffix}.md")
    assert stem.startswith(title), f"download named {stem!r}, expected a name starting with {title!r}"
    chart_suffix = "-成本与质量" if suffix == "-报告" else "-cost-vs-quality"
    report_names = {ext: f"{stem}{suffix}.{ext}" for ext in ("md", "html", "json")}
    report_names["svg"] = f"{stem}{chart_suffix}.svg"
    chart = page.locator(f'img[alt="{report_names["svg"]}"]').first
    chart.wait_for(timeout=TURN_TIMEOUT_MS)
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    chart_response = page.request.get(chart.get_attribute("src"))
    assert chart_response.ok and chart_response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in chart_response.text()

    downloads = {}
    for ext in ("md", "html"):
        name = report_names[ext]
        link = page.locator(f'a[download="{name}"]').first
        assert link.is_visible(), f"no download link for {name}"
        response = page.request.get(link.get_attribute("href"))
        assert response.ok, f"{name}: HTTP {response.status}"
        downloads[ext] = response.text()
    assert downloads["md"].lstrip().startswith("#")
    assert "<html" in downloads["html"].lower()
    top_model = re.sub(r"\s*[(（](?:quality pick|质量之选)[)）]$", "", first_row[1])  # the row names its role
    assert top_model in downloads["md"]

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(f'a[download="{report_names["html"]}"]').first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / shot))
    assert session.external == [], f"the page fetched other hosts: {session.external}"
    return report_names


def stored_threads(server: AppServer) -> dict[str, int]:
    """Thread id -> number of stored steps, from the history database."""
    with sqlite3.connect(server.data_dir / "history.sqlite") as db:
        rows = db.execute(
            'SELECT t.id, COUNT(s.id) FROM threads t LEFT JOIN steps s ON s."threadId" = t.id GROUP BY t.id'
        )
        return {r[0]: r[1] for r in rows}


def test_english_interview(browser: object, app_server: AppServer) -> None:
    before = stored_threads(app_server)
    session = open_chat(browser, app_server, "en-US")
    interview(
        session.page,
        "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds, "
        "the tickets hold customer data so it is confidential",
        click="Any cloud API is fine (default)",
    )
    names = check_results(
        session, app_server, "Monthly cost", "Catalog search", "chat-en.png", "support-tickets"
    )
    after = stored_threads(app_server)
    new = set(after) - set(before)
    assert len(new) == 1, "the chat was not stored in the history database"
    thread_id = new.pop()
    assert after[thread_id] >= 6

    # Reopen the thread from the history: the agent's checkpoint (same thread id) gives the report back.
    page = session.page
    page.goto(f"{app_server.url}/thread/{thread_id}")
    page.get_by_text("The report of this conversation's current recommendation").wait_for(
        timeout=TURN_TIMEOUT_MS
    )
    assert page.locator("div.ml-auto .message-content", has_text="We classify ~20k").count() >= 1
    chart = page.locator(f'img[alt="{names["svg"]}"]').last
    chart.wait_for(state="attached", timeout=TURN_TIMEOUT_MS)
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    assert page.locator(f'a[download="{names["html"]}"]').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "chat-en-reopened.png"))


def test_chinese_interview(browser: object, app_server: AppServer) -> None:
    session = open_chat(browser, app_server, "zh-CN")
    placeholder = session.page.locator("#chat-input").get_attribute("placeholder") or ""  # type: ignore[attr-defined]
    assert HAN.search(placeholder), f"interface not in Chinese: placeholder {placeholder!r}"
    interview(
        session.page,
        "我们每天大约两万条客服工单，需要分成12类，每月预算不超过300美元，2秒内返回，工单里有客户信息，要保密",
        click="任何云端API都可以 (默认)",
    )
    check_results(session, app_server, "每月成本", "检索模型目录", "chat-zh.png", "客服工单")

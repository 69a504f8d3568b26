"""A probe from the browser: the person attaches their own examples file to a message. No shortlisted
model has an endpoint on this server, so the page says so (no local model passed off as a candidate)
and offers the settings or a setup check; the setup check runs the built-in local model (a real
llama.cpp server) on the person's examples and the page shows its figures with their n, labelled as a
setup check. This is also the web-app path of the connection-pool regression (a probe of more than 12
calls used to stop half-way in the server; see tests/probes/test_connection_pool.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.conftest import AppServer
from tests.ui.test_browser import ARTIFACTS, TURN_TIMEOUT_MS, browser, interview, open_chat, send

pytestmark = pytest.mark.slow

__all__ = ["browser"]  # the module-scoped Chromium fixture, shared with test_browser

EXAMPLES = [
    ("I love this phone, the battery lasts forever", "positive"),
    ("Terrible service, I want my money back", "negative"),
    ("The screen cracked after two days", "negative"),
    ("Great value and fast delivery", "positive"),
    ("Worst purchase I have ever made", "negative"),
    ("Absolutely wonderful, would buy again", "positive"),
    ("It stopped working within a week", "negative"),
    ("Friendly staff and a quick fix", "positive"),
    ("The package arrived broken and late", "negative"),
    ("Best headphones I have owned", "positive"),
    ("Customer support never answered my emails", "negative"),
    ("Easy to set up and works perfectly", "positive"),
    ("The app crashes every time I open it", "negative"),
    ("My kids love it, five stars", "positive"),
    ("Overpriced and poorly made", "negative"),
    ("Exceeded my expectations in every way", "positive"),
]
"""16 items: with the local model alone that is more calls than the probe's 12 pooled connections."""


def test_attached_examples_are_probed_and_measured(
    browser: object, app_server: AppServer, tmp_path: Path
) -> None:
    session = open_chat(browser, app_server, "en-US")
    page = session.page
    interview(
        page,
        "We classify product reviews as positive or negative, 3,000 a day, budget $100/month, answers within 2 seconds, "
        "the reviews are confidential",
        click="Any cloud API is fine (default)",
    )
    page.get_by_text("None of the shortlisted models is set up").first.wait_for(timeout=TURN_TIMEOUT_MS)

    examples = tmp_path / "reviews.csv"
    lines = ["input,expected"] + [f'"{text}",{label}' for text, label in EXAMPLES]
    examples.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.locator('input[type="file"]').first.set_input_files(str(examples))  # type: ignore[attr-defined]
    page.get_by_text("reviews.csv").first.wait_for(timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]
    send(page, "Here are our examples")
    page.get_by_text(f"I have your {len(EXAMPLES)} examples from “reviews.csv”").first.wait_for(  # type: ignore[attr-defined]
        timeout=TURN_TIMEOUT_MS
    )
    page.get_by_role("button", name="Check the setup with the local test model").last.click(  # type: ignore[attr-defined]
        timeout=TURN_TIMEOUT_MS
    )

    figures = page.locator("table", has=page.locator("th", has_text="Correct"))  # type: ignore[attr-defined]
    figures.first.wait_for(timeout=180_000)
    row = [c.strip() for c in figures.first.locator("tbody tr").first.locator("td").all_inner_texts()]
    assert row[0].startswith("local:") and row[0].endswith("(setup check)"), row
    assert row[3] == str(len(EXAMPLES)), f"n must count every example: {row}"
    assert row[1].endswith("%"), row
    page.get_by_text("Setup check with the local test model").first.wait_for(timeout=TURN_TIMEOUT_MS)  # type: ignore[attr-defined]
    text = "\n".join(page.locator(".ai-message .message-content").all_inner_texts())  # type: ignore[attr-defined]
    assert "Re-ranked" not in text and "It is not one of the candidates" in text
    assert (
        "How answers were scored: an answer counts as correct when it names exactly one of the labels" in text
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "probe-upload.png"))
    assert session.external == []

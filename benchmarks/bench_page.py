"""Cold start of the web page: process start -> page answers -> first message answered in a browser.

Each run starts a fresh server (`ui.serve` command, offline brain, empty temp data), polls the page
until it answers 200, then opens it in Debian Chromium (Playwright), sends one message and waits
for the agent's first reply. Prints each run and the medians.

    python benchmarks/bench_page.py --runs 3
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whichmodel.ui.serve import REPO_ROOT, command, environment

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
MESSAGE = (
    "We classify ~20k support tickets a day into 12 categories, budget $300/month, answers within 2 seconds"
)


@dataclass(frozen=True)
class Run:
    page_s: float
    """Process start -> GET / answers 200."""
    ready_s: float
    """Process start -> the chat input is usable in the browser (websocket connected)."""
    first_reply_s: float
    """Process start -> the agent's first reply is on the page."""
    round_trip_s: float
    """Message sent -> first reply shown (the warm part of first_reply_s)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def one_run(timeout: float = 120.0) -> Run:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        env = environment("127.0.0.1", port, data_dir=Path(tmp), brain="offline")
        t0 = time.monotonic()
        proc = subprocess.Popen(
            command("127.0.0.1", port),
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with {proc.returncode}")
                if time.monotonic() - t0 > timeout:
                    raise TimeoutError("page did not answer")
                try:
                    if httpx.get(url + "/", timeout=1.0).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
            page_s = time.monotonic() - t0
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                page = browser.new_page()
                connected: list[bool] = []
                page.on(
                    "websocket",
                    lambda ws: ws.on(
                        "framesent", lambda f: connected.append("connection_successful" in str(f))
                    ),
                )
                page.goto(url + "/")
                while not any(connected):
                    if time.monotonic() - t0 > timeout:
                        raise TimeoutError("chat session did not connect")
                    page.wait_for_timeout(50)
                ready_s = time.monotonic() - t0
                sent = time.monotonic()
                page.locator("#chat-input").fill(MESSAGE)
                page.keyboard.press("Enter")
                page.get_by_role("button", name="Any cloud API is fine (default)").wait_for(
                    timeout=timeout * 1000
                )
                done = time.monotonic()
                browser.close()
            return Run(page_s, ready_s, done - t0, done - sent)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for i in range(args.runs):
        r = one_run()
        runs.append(r)
        print(
            f"run {i + 1}: page {r.page_s:.1f} s, chat ready {r.ready_s:.1f} s, "
            f"first reply {r.first_reply_s:.1f} s (round trip {r.round_trip_s * 1000:.0f} ms)"
        )
    med = {
        f: statistics.median(getattr(r, f) for r in runs)
        for f in ("page_s", "ready_s", "first_reply_s", "round_trip_s")
    }
    print(
        f"median of {len(runs)}: page answers {med['page_s']:.1f} s, chat ready {med['ready_s']:.1f} s, "
        f"first reply {med['first_reply_s']:.1f} s after process start "
        f"(first message round trip {med['round_trip_s'] * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()

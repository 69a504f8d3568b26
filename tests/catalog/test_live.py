"""refresh(live=True) against a real HTTP server on loopback, and its reported fallback."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from whichmodel.knowledge.catalog import build
from whichmodel.knowledge.catalog.sources import default_paths

API_JSON = {
    "acme": {
        "id": "acme",
        "name": "Acme Cloud",
        "models": {
            "Qwen/Qwen3-32B": {
                "id": "Qwen/Qwen3-32B",
                "name": "Qwen3 32B",
                "family": "qwen",
                "reasoning": True,
                "tool_call": True,
                "open_weights": True,
                "cost": {"input": 0.1, "output": 0.3, "context_over_200k": {"input": 0.2, "output": 0.6}},
                "limit": {"context": 131072, "output": 8192},
                "modalities": {"input": ["text"], "output": ["text"]},
            },
            "acme-free": {
                "id": "acme-free",
                "name": "Acme Free",
                "tool_call": False,
                "open_weights": False,
                "cost": {"input": 0, "output": 0},
                "limit": {"context": 8192, "output": 1024},
                "modalities": {"input": ["text"], "output": ["text"]},
            },
        },
    }
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "api.json").write_text(json.dumps(API_JSON))
    shutil.copy(default_paths().litellm_json, tmp_path / "litellm.json")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_live_refresh_reads_served_documents(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "MODELS_DEV_URL", f"{server}/api.json")
    monkeypatch.setattr(build, "LITELLM_URL", f"{server}/litellm.json")
    report = build.refresh(tmp_path / "snap", live=True)
    # the 2 served models.dev entries, plus the makers' transcription/moderation endpoints that only
    # litellm lists (the full litellm file is served)
    assert report.counts["offerings"] == 2 + len(report.litellm_only)
    assert any("models.dev read live" in n for n in report.notes)
    assert any("litellm read live" in n for n in report.notes)
    lines = (tmp_path / "snap" / "offerings.jsonl").read_text().splitlines()
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    qwen = by_id["acme:Qwen/Qwen3-32B"]
    assert qwen["model"] == "qwen3-32b"
    assert [t["input"] for t in qwen["pricing"]["tiers"]] == [0.1, 0.2]
    assert by_id["acme:acme-free"]["pricing"]["free"] is True


def test_live_refresh_falls_back_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # port 9 (discard) on loopback: nothing listens, the connection is refused at once
    monkeypatch.setattr(build, "MODELS_DEV_URL", "http://127.0.0.1:9/api.json")
    monkeypatch.setattr(build, "LITELLM_URL", "http://127.0.0.1:9/litellm.json")
    report = build.refresh(tmp_path / "snap", live=True)
    assert report.counts["offerings"] > 6000  # the package data was used
    assert sum("live fetch failed" in n for n in report.notes) == 2

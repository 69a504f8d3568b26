"""On-disk state of probe runs: the append-only results file (resume) and the response cache.

Results file (JSONL): one ``{"type": "item", ...}`` record per finished (endpoint, example),
appended and flushed as soon as it completes, so a crash or a failing model loses nothing already
done; a resumed run skips every successful record it finds. Errors are recorded too but retried
on resume. Nothing secret is written: records hold endpoint ids, never keys or auth headers.

Cache: one JSON file per key = sha256(endpoint id, model, messages, params). A hit returns the
stored completion (with its originally measured timings) without any HTTP request.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def cache_key(endpoint_id: str, model: str, messages: list[dict[str, str]], params: dict[str, Any]) -> str:
    """Stable key for a request: same model, prompt and parameters give the same key."""
    blob = json.dumps([endpoint_id, model, messages, params], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class ResponseCache:
    """Completed responses on disk, keyed by :func:`cache_key`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None  # a torn write: treat as a miss, it will be rewritten
        return data if isinstance(data, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


class ResultsFile:
    """Append-only JSONL of item records; reads back the successful ones for resuming."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def completed(self) -> dict[tuple[str, str, str], dict[str, Any]]:
        """Successful item records by (endpoint id, example id, params hash)."""
        done: dict[tuple[str, str, str], dict[str, Any]] = {}
        if not self.path.is_file():
            return done
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash
            if record.get("type") == "item" and record.get("error") is None:
                done[(record["endpoint"], record["example_id"], record.get("params_hash", ""))] = record
        return done

    def append(self, record: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()

"""Probes in the conversation: which configured endpoints to test, on which examples, and running them.

The conversation never sees a URL or a key: endpoints come from the server's configuration
(`tools.probes.endpoints.load_registry`), and the person only chooses *whether* and *on what* to
probe. Which endpoints are probed is decided here, deterministically, from the shortlist:

1. configured endpoints whose catalog offering is a shortlisted candidate's, best-ranked first;
2. a configured provider family (``openai:<model>``, ``openrouter:<model>``) that serves a
   shortlisted offering directly;
3. the other configured endpoints (the operator configured them to be tried), except the judge;
4. the built-in local models (a real model on loopback: the offline default, as a baseline).

At most `MAX_ENDPOINTS`, and at most `MAX_ITEMS` examples in a chat (the CLI has no such cap).
Results go to a per-thread items file, so a probe interrupted by a restart resumes, and into a
response cache, so running the same probe again is free.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agent.settings import Settings
from tools.decision.result import Recommendation
from tools.probes.dataset import ProbeSet, ProbeSetError, load_probe_set, sample_names
from tools.probes.endpoints import Endpoint, EndpointConfigError, EndpointRegistry, load_registry
from tools.probes.engine import ProbeSettings, Progress, RunResult, run_probe
from tools.probes.upload import CHAT_LIMITS, UploadLimits, display_name, plain_detail

MAX_ENDPOINTS = 4
MAX_ITEMS = 50
SHORTLIST_DEPTH = 5
UPLOAD_MAX_BYTES = CHAT_LIMITS.max_bytes

SAMPLE_FOR_TASK: Mapping[str, str] = {
    "classification": "sentiment",
    "extraction": "extraction",
    "summarization": "summarization",
    "code": "code",
    "qa": "qa",
    "chat": "qa",
    "reasoning": "qa",
    "agent": "qa",
    "translation": "qa",
}
"""The built-in sample set for each task type (fake news has its own, picked by the use case)."""


def sample_for(task_type: str, use_case: str, lang: str) -> str:
    """The built-in sample set closest to the task, in the person's language."""
    low = use_case.lower()
    base = SAMPLE_FOR_TASK.get(task_type, "qa")
    if task_type == "classification" and ("fake" in low or "news" in low or "假新闻" in use_case):
        base = "fake-news"
    name = f"{base}-{'zh' if lang == 'zh' else 'en'}"
    return name if name in sample_names() else f"{base}-en"


class UploadError(ValueError):
    """An uploaded probe file that cannot be used; the message is meant for the person.

    `shown` is the sanitised file name the message uses (safe to display).
    """

    def __init__(self, message: str, shown: str = "upload") -> None:
        super().__init__(message)
        self.shown = shown


def read_upload(name: str, path: Path, *, limits: UploadLimits = CHAT_LIMITS) -> ProbeSet:
    """A file a chat user uploaded, as a probe set, within the chat's upload limits.

    Only the sanitised name (`tools.probes.upload.display_name`: its real extension decides the
    type) and the file's bytes are used, never the name as a path; nothing is written. Every
    refusal is an UploadError whose message names the file (sanitised) and the limit.
    """
    shown = display_name(name)
    try:
        probe_set = load_probe_set(path, name=shown, limits=limits)
    except (ProbeSetError, UnicodeDecodeError, ValueError, OSError) as exc:
        detail = str(exc).replace(str(path), shown).replace(path.name, shown).removeprefix(f"{shown}: ")
        raise UploadError(plain_detail(detail), shown) from exc
    return ProbeSet(shown, probe_set.examples, probe_set.system, probe_set.max_tokens, probe_set.description)


@dataclass
class ProbeService:
    """Runs probes for conversations, against server-configured endpoints only."""

    registry: EndpointRegistry
    data_dir: Path | None = None
    concurrency: int = 4
    timeout_s: float = 60.0
    max_items: int = MAX_ITEMS
    settings_overrides: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings, env: Mapping[str, str] | None = None) -> ProbeService | None:
        """The service for these settings, or None when the endpoint configuration is invalid."""
        try:
            registry = load_registry(env)
        except EndpointConfigError:
            return None
        return cls(registry=registry, data_dir=settings.db_path.parent / "probes")

    def endpoints_for(self, rec: Recommendation) -> list[Endpoint]:
        """The endpoints to probe for this shortlist (see the module docstring for the order)."""
        top = rec.recommendations[:SHORTLIST_DEPTH]
        chosen: list[Endpoint] = []
        for c in top:
            if c.offering_id is None:
                continue
            chosen.extend(
                e
                for e in self.registry.fixed.values()
                if e.provider != "local" and e.catalog_offering == c.offering_id
            )
            prefix = c.offering_id.partition(":")[0]
            if prefix in self.registry.families and prefix in ("openai", "openrouter"):
                with contextlib.suppress(LookupError):
                    chosen.append(self.registry.get(c.offering_id))
        chosen.extend(e for e in self.registry.fixed.values() if e.provider != "local" and e.id != self.registry.judge_id)
        chosen.extend(e for e in self.registry.fixed.values() if e.provider == "local")
        unique = list({e.id: e for e in chosen}.values())
        return unique[:MAX_ENDPOINTS]

    def _paths(self, thread_id: str) -> tuple[Path | None, Path | None]:
        if self.data_dir is None:
            return None, None
        digest = hashlib.sha256(thread_id.encode()).hexdigest()[:16]
        return self.data_dir / f"{digest}.items.jsonl", self.data_dir / "cache"

    async def run(
        self,
        probe_set: ProbeSet,
        endpoints: list[Endpoint],
        thread_id: str,
        progress: Callable[[Progress], None] | None = None,
    ) -> RunResult:
        """Run the probe; the per-thread items file makes an interrupted run resume."""
        results_path, cache_dir = self._paths(thread_id)
        if results_path is not None:
            results_path.parent.mkdir(parents=True, exist_ok=True)
        settings = ProbeSettings(
            concurrency=self.concurrency,
            timeout_s=self.timeout_s,
            results_path=results_path,
            cache_dir=cache_dir,
            **self.settings_overrides,
        )
        return await run_probe(probe_set, endpoints, settings, judge=self.registry.judge(), progress=progress)

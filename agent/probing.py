"""Probes in the conversation: which configured endpoints to test, on which examples, and running them.

The conversation never sees a URL or a key: endpoints come from the server's configuration
(`tools.probes.endpoints.load_registry`), and the person only chooses *whether* and *on what* to
probe. Which endpoints are probed is decided here, deterministically, from the shortlist; only
shortlisted candidates are probed (`candidate_endpoints`):

1. configured endpoints whose catalog offering is a shortlisted candidate's, best-ranked first;
2. a configured provider family (``openai:<model>``, ``openrouter:<model>``) that serves a
   shortlisted offering directly.

The built-in local model (a tiny real model on loopback) is never a candidate: when the person
asks for it, it runs alone as a *setup check* (does the probe work end to end?) and its figures
never reach the ranking. When no candidate can be called, the person gets the exact endpoint
settings to add instead (`endpoint_settings`).

At most `MAX_ENDPOINTS`, and at most `MAX_ITEMS` examples in a chat (the CLI has no such cap).
Results go to a per-thread items file, so a probe interrupted by a restart resumes, and into a
response cache, so running the same probe again is free.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whichmodel.agent.interview_spec import Option
from whichmodel.agent.settings import Settings
from whichmodel.tools.decision.result import Recommendation
from whichmodel.tools.probes.dataset import ProbeSet, ProbeSetError, load_probe_set, sample_names
from whichmodel.tools.probes.endpoints import (
    OPENAI_BASE,
    OPENROUTER_BASE,
    Endpoint,
    EndpointConfigError,
    EndpointRegistry,
    load_registry,
)
from whichmodel.tools.probes.engine import ProbeSettings, Progress, RunResult, run_probe
from whichmodel.tools.probes.upload import CHAT_LIMITS, UploadLimits, display_name, file_problem, plain_detail

MAX_ENDPOINTS = 4
MAX_ITEMS = 50
SHORTLIST_DEPTH = 5
UPLOAD_MAX_BYTES = CHAT_LIMITS.max_bytes

SAMPLE_FOR_TASK: Mapping[str, str] = {
    "extraction": "extraction",
    "summarization": "summarization",
    "code": "code",
    "qa": "qa",
}
"""The built-in sample set that tests the same kind of task. Other tasks (chat, writing, translation,
agents...) have none: a quiz on capitals says nothing about product copy."""

_SENTIMENT_WORDS = (
    "sentiment",
    "review",
    "positive",
    "negative",
    "情感",
    "情绪",
    "评论",
    "评价",
    "好评",
    "差评",
)
_FAKE_NEWS_WORDS = ("fake", "misinformation", "fact-check", "fact check", "假新闻", "谣言", "虚假")


def sample_for(task_type: str, use_case: str, lang: str) -> str | None:
    """The built-in sample set that matches the task, in the person's language; None when none does.

    Classification has samples only for sentiment and for fake news (picked by the use case): a
    sentiment set says nothing about a 12-category ticket classifier.
    """
    low = use_case.lower()
    base: str | None = SAMPLE_FOR_TASK.get(task_type)
    if task_type == "classification":
        if any(w in low for w in _FAKE_NEWS_WORDS):
            base = "fake-news"
        elif any(w in low for w in _SENTIMENT_WORDS):
            base = "sentiment"
    if base is None:
        return None
    name = f"{base}-{'zh' if lang == 'zh' else 'en'}"
    return name if name in sample_names() else f"{base}-en"


def env_name(model: str) -> str:
    """The <NAME> of ``WHICHMODEL_ENDPOINT_<NAME>_*`` for a model: "gpt-5-mini" -> "GPT_5_MINI"."""
    return re.sub(r"[^A-Z0-9]+", "_", model.upper()).strip("_") or "MODEL"


KNOWN_BASE_URLS: Mapping[str, str] = {"openai": OPENAI_BASE, "openrouter": OPENROUTER_BASE}


@dataclass(frozen=True)
class EndpointSetting:
    """The settings one shortlisted candidate needs before it can be probed."""

    model: str
    name: str
    base_url: str | None
    model_id: str
    catalog: str | None

    @property
    def endpoint_id(self) -> str:
        return self.name.lower().replace("_", "-")

    def lines(self, lang: str) -> list[str]:
        base = self.base_url or ("<您的服务器地址>/v1" if lang == "zh" else "<your server's URL>/v1")
        key = "<API 密钥>" if lang == "zh" else "<API key>"
        out = [
            f"WHICHMODEL_ENDPOINT_{self.name}_BASE_URL={base}",
            f"WHICHMODEL_ENDPOINT_{self.name}_MODEL={self.model_id}",
            f"WHICHMODEL_ENDPOINT_{self.name}_API_KEY={key}",
        ]
        if self.catalog:
            out.append(f"WHICHMODEL_ENDPOINT_{self.name}_CATALOG={self.catalog}")
        return out


def endpoint_settings(rec: Recommendation, depth: int = 3) -> list[EndpointSetting]:
    """The endpoint settings for the top shortlisted candidates (see tools.probes.endpoints).

    A provider with a well-known OpenAI-compatible URL gets it; others (and self-hosted models) get
    a placeholder for the URL, never a guess.
    """
    out = []
    for c in rec.recommendations[:depth]:
        provider, _, model_id = (c.offering_id or "").partition(":")
        base = None if c.self_hosted else KNOWN_BASE_URLS.get(provider)
        out.append(EndpointSetting(c.model, env_name(c.model), base, model_id or c.model_key, c.offering_id))
    return out


class UploadError(ValueError):
    """An uploaded probe file that cannot be used.

    The message is ``[code] detail``: the problem's code (a key of
    `tools.probes.upload.FILE_PROBLEMS`) and the English detail, so the conversation can say it in
    the person's language (`upload_error_line`). `shown` is the sanitised file name (safe to display).
    """

    def __init__(self, message: str, shown: str = "upload", code: str = "unreadable") -> None:
        super().__init__(f"[{code}] {message}")
        self.shown = shown
        self.code = code


_CODED = re.compile(r"^\[(\w+)\] (.*)$", re.DOTALL)


def upload_error_line(error: str, shown: str, lang: str) -> str:
    """The one line people see for an unusable upload: the file, the problem, what to do."""
    match = _CODED.match(error)
    code, detail = (match.group(1), match.group(2)) if match else ("unreadable", error)
    return file_problem(code, detail, shown, lang)


def read_upload(name: str, path: Path, *, limits: UploadLimits = CHAT_LIMITS) -> ProbeSet:
    """A file a chat user uploaded, as a probe set, within the chat's upload limits.

    Only the sanitised name (`tools.probes.upload.display_name`: its real extension decides the
    type) and the file's bytes are used, never the name as a path; nothing is written. Every
    refusal is an UploadError whose message names the problem and the limit.
    """
    shown = display_name(name)
    try:
        probe_set = load_probe_set(path, name=shown, limits=limits)
    except (ProbeSetError, UnicodeDecodeError, ValueError, OSError) as exc:
        detail = str(exc).replace(str(path), shown).replace(path.name, shown).removeprefix(f"{shown}: ")
        code = getattr(exc, "code", "encoding" if isinstance(exc, UnicodeDecodeError) else "unreadable")
        raise UploadError(plain_detail(detail), shown, code) from exc
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

    def candidate_endpoints(self, rec: Recommendation) -> list[Endpoint]:
        """Configured endpoints that serve a shortlisted candidate (see the module docstring)."""
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
        unique = list({e.id: e for e in chosen if e.id != self.registry.judge_id}.values())
        return unique[:MAX_ENDPOINTS]

    def endpoints_for(self, rec: Recommendation) -> list[Endpoint]:
        """The endpoints a probe of this shortlist measures: the candidates' (never the local model)."""
        return self.candidate_endpoints(rec)

    def setup_check_endpoint(self) -> Endpoint | None:
        """The built-in local model, for a setup check (never a candidate), when it is installed."""
        return next((e for e in self.registry.fixed.values() if e.provider == "local"), None)

    @staticmethod
    def stands_for(rec: Recommendation, endpoints: list[Endpoint]) -> dict[str, str]:
        """Endpoint id -> the shortlisted model it serves."""
        by_offering = {c.offering_id: c.model for c in rec.recommendations if c.offering_id}
        out = {}
        for e in endpoints:
            offering = e.catalog_offering or (e.id if e.id in by_offering else None)
            if offering in by_offering:
                out[e.id] = by_offering[offering]
        return out

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


# ---------------------------------------------------------------------------------------------
# What the probe step says (EN/ZH). Decisions are made above; these only word them.

EXTRA_OPTIONS: dict[str, Option] = {
    "settings": Option(
        "Show the settings to add", "给我需要添加的设置", aliases=("settings", "show the settings", "设置")
    ),
    "check": Option(
        "Check the setup with the local test model",
        "用本地测试模型检查流程",
        aliases=("setup check", "check the setup", "检查流程"),
    ),
}
"""Answers to the probe offer beyond agent.prompts.PROBE_OPTIONS, by key (agent.nodes.probe)."""

SAMPLE_TITLES: Mapping[str, tuple[str, str]] = {
    "sentiment": ("reviews, positive or negative", "评论情感：正面或负面"),
    "fake-news": ("news headlines, real or fake", "新闻标题：真实或虚假"),
    "summarization": ("one-sentence news summaries", "一句话新闻摘要"),
    "extraction": ("fields taken from short texts", "从短文本中提取信息"),
    "code": ("small programming tasks", "小型编程题"),
    "qa": ("short factual questions", "简短的常识问答"),
}
"""Built-in sample set (without its language suffix) -> what it holds, in English and Chinese."""


def sample_title(name: str, lang: str) -> str:
    base = name.rsplit("-", 1)[0] if name.endswith(("-en", "-zh")) else name
    en, zh = SAMPLE_TITLES.get(base, (name, name))
    return zh if lang == "zh" else en


PROBE_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "offer": "Before you decide, it is worth testing the candidates on examples of your real task. "
        "I can test {models} (set up on this server) on: {items}. What would you like?",
        "item_sample": "built-in samples, not your data ({title}, {n} examples)",
        "item_mine": "your examples “{name}” ({n})",
        "item_own": "examples you upload or paste",
        "offer_none": "None of the shortlisted models is set up on this server, so I can't test them here "
        "(and a tiny local test model is no stand-in for them). I can show the settings to add "
        "where WhichModel runs, one block per model, and the command that runs the test on your examples.",
        "offer_none_mine": "I have your {n} examples from “{name}” ready for that test.",
        "settings_intro": "Add these settings where WhichModel runs (the API key stays on that server), "
        "then restart it:",
        "settings_run": "Then run the test on your examples (a CSV file with the columns input and expected):",
        "settings_sample": "Or on the built-in samples ({title}):",
        "settings_chat": "Or come back here after the restart and send your examples: I'll test the models "
        "and update the ranking.",
        "check_done": "Setup check finished: the tiny local test model ({model}) answered {n} examples in "
        "{wall:.1f} s. It is not one of the candidates: its score says nothing about the shortlisted "
        "models, and the ranking is unchanged. It only shows that testing works end to end.",
        "check_none": "There is no local test model installed on this server, so I can't run a setup check.",
        "done": "Test finished: {n} examples on {models} in {wall:.1f} s.",
        "changed": "The measurements changed the ranking: {top} is now first.",
        "unchanged": "The measurements did not change the ranking.",
        "scoring_labels": "How answers were scored: an answer counts as correct when it names exactly one "
        "of the labels ({labels}) and that is the expected one.",
        "scoring_phrase": "How answers were scored: an answer counts as correct when it is the expected answer "
        "or contains it as a whole word or phrase.",
        "line": "{model}: {acc} correct (likely between {ci}; {n} examples), slowest 1 in 20 answers {p95}, "
        "{cost}{errors}",
        "cost": "{cost} per 1,000 examples",
        "no_cost": "no price",
        "errors": ", {n} errors ({kinds})",
        "na": "not measured",
        "range": "{low} and {high}",
        "how": "Upload a CSV, JSONL or Excel file with the columns “input” and “expected” (optional: "
        "“scorer”), or paste examples here, one per line: `input => expected answer`.",
        "skip": "OK, no test. You can send examples or say “run the test” any time.",
        "waiting": "Got {n} examples from “{name}”. I'll offer to test the shortlist on them once we have one.",
        "pasted_error": "I couldn't read the pasted examples: {error}. Paste at least two lines like "
        "`input => expected answer`.",
        "trimmed": "Using the first {n} of {total} examples (the chat limit); the command line "
        "(`whichmodel probe`) tests them all.",
        "failed": "The test could not run: {error}. The ranking is unchanged.",
        "setup_check": "setup check, not a candidate",
    },
    "zh": {
        "offer": "做决定之前，最好先用您真实任务的样例测试候选模型。我可以在本服务器上已配置的 {models} "
        "上测试：{items}。您想怎么做？",
        "item_sample": "内置样例（不是您的数据；{title}，{n} 条）",
        "item_mine": "您的样例“{name}”（{n} 条）",
        "item_own": "您上传或粘贴的样例",
        "offer_none": "候选名单中的模型都还没有在这台服务器上配置，所以无法在这里测试它们"
        "（一个很小的本地测试模型也不能代替它们）。我可以列出需要添加的设置（每个模型一组），"
        "以及用您的样例运行测试的命令。",
        "offer_none_mine": "您在“{name}”中的 {n} 条样例已准备好用于测试。",
        "settings_intro": "请在运行 WhichModel 的服务器上添加以下设置（密钥只保存在该服务器上），然后重启：",
        "settings_run": "然后用您的样例运行测试（包含 input 和 expected 两列的表格文件）：",
        "settings_sample": "或者用内置样例（{title}）：",
        "settings_chat": "也可以在重启后回到这里发送您的样例：我会测试这些模型并更新排序。",
        "check_done": "流程检查完成：很小的本地测试模型（{model}）在 {wall:.1f} 秒内回答了 {n} 条样例。"
        "它不是候选模型：它的得分不能说明候选模型的表现，排序也没有改变。这只说明测试流程可以正常运行。",
        "check_none": "这台服务器没有安装本地测试模型，无法进行流程检查。",
        "done": "测试完成：{n} 条样例，模型 {models}，用时 {wall:.1f} 秒。",
        "changed": "实测结果改变了排序：现在排第一的是 {top}。",
        "unchanged": "实测结果没有改变排序。",
        "scoring_labels": "判分方式：回答中恰好提到一个标签（{labels}），且是正确的那个，即算正确。",
        "scoring_phrase": "判分方式：回答与期望答案一致，或完整包含期望答案，即算正确。",
        "line": "{model}：正确率 {acc}（大概在 {ci} 之间；{n} 条样例），最慢的5%回答 {p95}，{cost}{errors}",
        "cost": "每 1,000 条 {cost}",
        "no_cost": "无价格",
        "errors": "，{n} 个错误（{kinds}）",
        "na": "未测得",
        "range": "{low}–{high}",
        "how": "请上传包含“input”和“expected”两列（可选“scorer”）的表格文件（CSV、JSONL 或 Excel），"
        "或直接在这里粘贴样例，每行一条：`输入 => 期望答案`。",
        "skip": "好的，不做测试。您随时可以发送样例，或说“运行测试”。",
        "waiting": "已收到“{name}”中的 {n} 条样例。有了候选名单后，我会提议用它们测试。",
        "pasted_error": "无法读取粘贴的样例。请至少粘贴两行，每行格式为：`输入 => 期望答案`。",
        "trimmed": "只使用前 {n} 条（共 {total} 条，聊天中的上限）；命令行工具可以测试全部样例。",
        "failed": "测试无法运行（{error}）。排序保持不变。",
        "setup_check": "流程检查，不是候选模型",
    },
}
"""The probe step's replies by language; keys are the same in both."""


def pt(lang: str, key: str, **values: Any) -> str:
    """A probe reply in `lang` (en/zh), filled."""
    return PROBE_TEXT["zh" if lang == "zh" else "en"][key].format(**values)

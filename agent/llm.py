"""The LLM brain: langchain-openai with structured output, one model per role, offline fallback.

Roles: the interviewer/extractor reads a message into facts (schema `Extraction`); the writer
rephrases a reply (schema `Phrasing`) and must keep every number and add no link, markup or key.
Every extracted fact is checked against the message (`agent.nodes.understanding.ground`: quoted
evidence, derivable numbers, no values the person did not state). If the endpoint fails (timeout,
5xx, connection refused) or its output is invalid (schema, unknown field, a value the requirements
model rejects), that turn falls back to the offline brain and the conversation goes on.

Model strings are parsed in exactly one function, `resolve_model`:
  openai/MODEL                 OpenAI, with OPENAI_API_KEY
  azure/DEPLOYMENT             Azure OpenAI, with AZURE_OPENAI_ENDPOINT / AZURE_OPENAI_API_KEY
  compatible/MODEL             WHICHMODEL_LLM_BASE_URL with WHICHMODEL_LLM_API_KEY (never OPENAI_API_KEY)
  openai-api/PROVIDER/MODEL    <PROVIDER>_BASE_URL with <PROVIDER>_API_KEY (inspect_ai's convention)
  MODEL                        the configured provider's MODEL
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, SecretStr

from whichmodel.agent.brain import Fact, Understanding
from whichmodel.agent.nodes.understanding import (
    Asked,
    BrainResult,
    ground,
    safe_rephrasing,
    understand_offline,
)
from whichmodel.agent.prompts import EXTRACT_PENDING, EXTRACT_SYSTEM, FIELD_LABELS, WRITER_SYSTEM
from whichmodel.agent.settings import Settings
from whichmodel.settings import api_provider, provider_prefix
from whichmodel.tools.decision import RequirementsError, parse_requirements

Provider = Literal["openai", "azure", "compatible"]
_DEFAULT_MODEL = {"openai": "gpt-4o-mini", "compatible": "default"}
_NO_KEY = "no-key"  # ChatOpenAI reads OPENAI_API_KEY when api_key is None: never let it.

if TYPE_CHECKING:
    FactPath = str
else:  # the field paths as an enum in the extractor's JSON schema (built from the labels at import)
    FactPath = Literal[tuple(p for p in FIELD_LABELS)]


@dataclass(frozen=True)
class ModelSpec:
    """A resolved model: which client, which model/deployment, where, with which key."""

    provider: Provider
    model: str
    base_url: str | None
    api_key: SecretStr | None


def resolve_model(spec: str | None, settings: Settings, env: Mapping[str, str] | None = None) -> ModelSpec:
    """Parse a `provider/model` string (or None: the configured provider's default) into a ModelSpec.

    `openai-api/PROVIDER/MODEL` uses the settings' <PROVIDER>_BASE_URL/_API_KEY (read for the
    providers the model strings name), or those of `env` when it is given.
    """
    kind = settings.brain_kind
    if kind == "offline":
        raise ValueError("no LLM is configured (the offline brain is in use)")
    text = (spec or "").strip()
    provider, sep, rest = text.partition("/")
    if not sep or provider not in ("openai", "azure", "compatible", "openai-api"):
        provider, rest = kind, text
    if provider == "openai":
        return ModelSpec("openai", rest or _DEFAULT_MODEL["openai"], None, settings.openai_api_key)
    if provider == "azure":
        deployment = rest or settings.azure_deployment
        if not deployment:
            raise ValueError("azure needs a deployment: AZURE_OPENAI_DEPLOYMENT or azure/DEPLOYMENT")
        return ModelSpec("azure", deployment, settings.azure_endpoint, settings.azure_api_key)
    if provider == "compatible":
        if not settings.llm_base_url:
            raise ValueError("compatible/... needs WHICHMODEL_LLM_BASE_URL")
        return ModelSpec(
            "compatible", rest or _DEFAULT_MODEL["compatible"], settings.llm_base_url, settings.llm_api_key
        )
    name, _, model = rest.partition("/")
    prefix = provider_prefix(name) if name else "PROVIDER"
    provider_endpoint = settings.api_providers.get(name) if env is None else api_provider(name, env)
    if not name or not model or provider_endpoint is None:
        raise ValueError(f"openai-api/{rest}: expected openai-api/PROVIDER/MODEL with {prefix}_BASE_URL set")
    return ModelSpec("compatible", model, provider_endpoint.base_url, provider_endpoint.api_key)


def chat_model(spec: ModelSpec, settings: Settings) -> Any:
    """The LangChain chat model for a spec (no retries: a failure falls back to the offline brain)."""
    key = spec.api_key or SecretStr(_NO_KEY)
    if spec.provider == "azure":
        from langchain_openai import AzureChatOpenAI

        return AzureChatOpenAI(
            azure_endpoint=spec.base_url,
            azure_deployment=spec.model,
            api_version=settings.azure_api_version,
            api_key=key,
            timeout=settings.llm_timeout_s,
            max_retries=0,
        )
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=spec.model, base_url=spec.base_url, api_key=key, timeout=settings.llm_timeout_s, max_retries=0
    )


class ExtractedFact(BaseModel):
    path: FactPath
    value: str | float | bool | list[str] | None
    provenance: Literal["stated", "inferred"]
    evidence: str = Field(max_length=400)


class Extraction(BaseModel):
    """What one message says, as the extractor role returns it."""

    facts: list[ExtractedFact]
    intent: Literal["provide", "confirm", "reject", "correction", "question", "reset", "nonsense", "greeting"]
    question: str | None = None
    language: Literal["en", "zh"]
    choice: str | None = None


class Phrasing(BaseModel):
    text: str


class InvalidExtraction(ValueError):
    """The model's output parsed, but a fact is not a valid requirement value."""


def checked_value(path: str, value: object) -> object:
    """The value as the requirements model validates it at `path`; InvalidExtraction if it cannot be."""
    raw: dict[str, Any] = {"use_case": "check", "task_type": "chat"}
    node = raw
    *parents, leaf = path.split(".")
    for p in parents:
        node = node.setdefault(p, {})
    node[leaf] = value
    try:
        req = parse_requirements(raw, "llm output")
    except RequirementsError as exc:
        raise InvalidExtraction(str(exc)) from None
    obj: Any = req
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def to_understanding(out: Extraction) -> Understanding:
    """Validate the extraction against the requirements model; raises InvalidExtraction."""
    facts = tuple(Fact(f.path, checked_value(f.path, f.value), f.provenance, f.evidence) for f in out.facts)
    return Understanding(facts, out.intent, out.question, out.language, out.choice)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
log = logging.getLogger(__name__)


class LLMBrain:
    """Understands through the extractor model; phrases through the writer model; falls back offline."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._extractor = chat_model(resolve_model(settings.interviewer_model, settings), settings)
        writer_spec = settings.writer_model or settings.interviewer_model
        self._writer = chat_model(resolve_model(writer_spec, settings), settings)
        self.phrase_failures = 0
        """Replies the writer failed to phrase (the template's own text was sent instead)."""

    async def understand(self, message: str, asked: Asked | None) -> BrainResult:
        pending = ""
        if asked is not None:
            pending = EXTRACT_PENDING.format(text=asked.text, field=asked.field, options=list(asked.options))
        system = EXTRACT_SYSTEM.format(paths=", ".join(FIELD_LABELS), pending=pending)
        try:
            runnable = self._extractor.with_structured_output(Extraction, method="json_schema")
            out = await runnable.ainvoke([("system", system), ("human", message)])
            if not isinstance(out, Extraction):
                raise InvalidExtraction(f"unexpected output type {type(out).__name__}")
            return BrainResult(ground(to_understanding(out), message, asked), "llm")
        except Exception as exc:
            return BrainResult(understand_offline(message, asked), "offline", _describe(exc))

    async def phrase(self, text: str, lang: str) -> str:
        """The writer's version of `text`, or `text` itself if the call fails or drops a number."""
        language = "Chinese" if lang == "zh" else "English"
        try:
            runnable = self._writer.with_structured_output(Phrasing, method="json_schema")
            out = await runnable.ainvoke(
                [("system", WRITER_SYSTEM.format(language=language)), ("human", text)]
            )
        except Exception as exc:
            return self._unphrased(text, _describe(exc))
        if not isinstance(out, Phrasing) or not out.text.strip():
            return self._unphrased(text, "empty or invalid phrasing")
        if set(_NUMBER.findall(text)) - set(_NUMBER.findall(out.text)):
            return self._unphrased(text, "the phrasing dropped a number")
        if not safe_rephrasing(text, out.text, self._secrets()):
            return self._unphrased(text, "the phrasing added a link, markup or key")
        return out.text

    def _unphrased(self, text: str, reason: str) -> str:
        """Count and log a failed phrasing; the reply goes out in the template's own words."""
        self.phrase_failures += 1
        log.warning("writer phrasing failed (%d so far), template text sent: %s", self.phrase_failures, reason)
        return text

    def _secrets(self) -> list[str]:
        keys = (self.settings.llm_api_key, self.settings.openai_api_key, self.settings.azure_api_key)
        return [k.get_secret_value() for k in keys if k is not None and k.get_secret_value()]


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    msg = " ".join(str(exc).split())[:160]
    return f"{name}: {msg}" if msg else name

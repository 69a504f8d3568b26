"""The agent's settings: one typed object, one precedence rule (explicit > environment > default).

`Settings.load(**explicit)` is the only constructor front ends should use. A keyword passed to it
wins even when it equals the default or is None; otherwise the environment variable named in
`ENV` wins; otherwise the field default. `Settings()` alone gives the pure defaults (no environment).

Brain selection (`Settings.brain_kind`): the offline brain unless an LLM endpoint is configured:
Azure OpenAI (endpoint + key + deployment), any OpenAI-compatible base URL (`WHICHMODEL_LLM_BASE_URL`,
e.g. Ollama, vLLM, OpenRouter), or OpenAI itself (`OPENAI_API_KEY`). `WHICHMODEL_BRAIN=offline`
forces the offline brain whatever is configured.

Models are named per role (interviewer/extractor, writer) as `provider/model` strings, parsed in
exactly one place: `agent.llm.resolve_model`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

BrainChoice = Literal["auto", "offline", "llm"]
BrainKind = Literal["offline", "openai", "azure", "compatible"]

ENV: dict[str, str] = {
    "brain": "WHICHMODEL_BRAIN",
    "interviewer_model": "WHICHMODEL_INTERVIEWER_MODEL",
    "writer_model": "WHICHMODEL_WRITER_MODEL",
    "llm_base_url": "WHICHMODEL_LLM_BASE_URL",
    "llm_api_key": "WHICHMODEL_LLM_API_KEY",
    "openai_api_key": "OPENAI_API_KEY",
    "azure_endpoint": "AZURE_OPENAI_ENDPOINT",
    "azure_api_key": "AZURE_OPENAI_API_KEY",
    "azure_deployment": "AZURE_OPENAI_DEPLOYMENT",
    "azure_api_version": "AZURE_OPENAI_API_VERSION",
    "llm_timeout_s": "WHICHMODEL_LLM_TIMEOUT",
    "db_path": "WHICHMODEL_DB",
    "postgres_url": "WHICHMODEL_POSTGRES_URL",
}
"""Field name -> the environment variable that sets it."""


class Settings(BaseModel):
    """Everything the agent service needs to know about its environment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    brain: BrainChoice = Field(default="auto", description="auto: an LLM when one is configured.")
    interviewer_model: str | None = Field(
        default=None,
        description="Extractor/interviewer model, 'provider/model' (openai/gpt-4o-mini, azure/DEPLOYMENT, "
        "compatible/llama3.2, openai-api/PROVIDER/MODEL). None: the provider's default.",
    )
    writer_model: str | None = Field(default=None, description="Phrasing model; None: the interviewer's.")
    llm_base_url: str | None = Field(default=None, description="Any OpenAI-compatible endpoint (…/v1).")
    llm_api_key: SecretStr | None = Field(
        default=None, description="Key for llm_base_url only; OPENAI_API_KEY is never sent there."
    )
    openai_api_key: SecretStr | None = None
    azure_endpoint: str | None = None
    azure_api_key: SecretStr | None = None
    azure_deployment: str | None = None
    azure_api_version: str = "2024-10-21"
    llm_timeout_s: float = Field(default=20.0, gt=0, description="Per LLM call; then the offline brain.")
    db_path: Path = Field(default=Path(".whichmodel") / "chat.sqlite", description="SQLite checkpoints.")
    postgres_url: SecretStr | None = Field(default=None, description="Use Postgres checkpoints instead.")

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
        """Settings from explicit keywords, then `env` (default: os.environ), then defaults."""
        unknown = set(explicit) - set(cls.model_fields)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        source = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name, var in ENV.items():
            raw = source.get(var)
            if raw is not None and raw.strip() != "":
                values[name] = raw.strip()
        values.update(explicit)
        return cls.model_validate(values)

    @property
    def brain_kind(self) -> BrainKind:
        """Which brain this configuration selects (see the module docstring for the order)."""
        if self.brain == "offline":
            return "offline"
        if self.azure_endpoint and self.azure_api_key and (self.azure_deployment or self._azure_model()):
            return "azure"
        if self.llm_base_url:
            return "compatible"
        if self.openai_api_key:
            return "openai"
        if self.brain == "llm":
            raise ValueError(
                "brain=llm but no LLM is configured: set OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT + "
                "AZURE_OPENAI_API_KEY + AZURE_OPENAI_DEPLOYMENT, or WHICHMODEL_LLM_BASE_URL"
            )
        return "offline"

    def _azure_model(self) -> str | None:
        spec = self.interviewer_model or ""
        return spec.split("/", 1)[1] if spec.startswith("azure/") else None

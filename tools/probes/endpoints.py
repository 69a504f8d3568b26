"""Probe endpoints, defined only by server-side configuration (environment and an optional file).

A chat user or CLI caller names endpoint *ids*; :meth:`EndpointRegistry.resolve` maps them to
configured endpoints and rejects anything else, so nobody can make the server call a URL they
typed. Keys are held as ``SecretStr`` and each is sent only to the endpoint it was configured for:
a custom base URL never receives ``OPENAI_API_KEY``.

Sources (read by :func:`load_registry`):

- ``OPENAI_API_KEY`` -> ids ``openai:<model>`` (``OPENAI_BASE_URL`` is deliberately ignored: a
  different host is a custom endpoint and must be configured as one).
- ``OPENROUTER_API_KEY`` -> ids ``openrouter:<model>``.
- ``AZURE_OPENAI_ENDPOINT`` + ``AZURE_OPENAI_API_KEY`` (+ ``AZURE_OPENAI_API_VERSION``) -> ids
  ``azure:<deployment>``.
- ``WHICHMODEL_ENDPOINT_<NAME>_BASE_URL`` / ``_MODEL`` (required), ``_API_KEY``, ``_CATALOG``
  (a catalog offering id for prices) -> id ``<name>`` (lower-case, ``_`` -> ``-``).
- ``WHICHMODEL_ENDPOINTS_FILE``: YAML or JSON, ``endpoints: [{id, base_url, model, api_key_env,
  catalog_offering}]``. The file names the environment variable holding a key, never the key.
- Built-in local models (``local:smollm2-135m``) whenever their package is installed; they get a
  loopback base URL when :mod:`tools.probes.local_server` starts them.
- ``WHICHMODEL_JUDGE_ENDPOINT``: the id of the endpoint used as LLM judge (optional).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from whichmodel.settings import (
    ENV,
    EndpointSetting,
    EndpointsFileError,
    Settings,
    SettingsError,
    endpoints_file,
)
from whichmodel.tools.probes.local_server import LOCAL_MODELS, local_model_available

Provider = Literal["openai", "azure", "openrouter", "openai_compatible", "local"]

OPENAI_BASE = "https://api.openai.com/v1"
OPENROUTER_BASE = "https://openrouter.ai/api/v1"
_MODEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$")
_DEPLOYMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class UnknownEndpointError(LookupError):
    """An endpoint id that is not configured on this server."""


class EndpointConfigError(ValueError):
    """Server-side endpoint configuration is invalid."""


class Endpoint(BaseModel):
    """One configured chat-completions endpoint. The key never shows in repr, str or dumps."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    provider: Provider
    model: str = Field(description="The model name the server expects in the request body.")
    base_url: str | None = Field(default=None, description="None for a local model until started.")
    api_key: SecretStr | None = Field(default=None, repr=False, exclude=True)
    catalog_offering: str | None = Field(default=None, description="Catalog offering id for prices.")
    api_version: str | None = Field(default=None, description="Azure api-version query parameter.")

    def chat_url(self) -> str:
        """The chat-completions URL, built only from configured values."""
        if self.base_url is None:
            raise EndpointConfigError(f"endpoint {self.id!r} has no base URL (local model not started?)")
        base = self.base_url.rstrip("/")
        if self.provider == "azure":
            return f"{base}/openai/deployments/{self.model}/chat/completions?api-version={self.api_version}"
        return f"{base}/chat/completions"

    def headers(self) -> dict[str, str]:
        """Request headers, with this endpoint's own key (if any) and nobody else's."""
        headers = {"Content-Type": "application/json"}
        if self.api_key is not None:
            secret = self.api_key.get_secret_value()
            if self.provider == "azure":
                headers["api-key"] = secret
            else:
                headers["Authorization"] = f"Bearer {secret}"
        return headers

    def public(self) -> dict[str, Any]:
        """What results and reports may record: no key, and the base URL without credentials."""
        return {
            "id": self.id,
            "provider": self.provider,
            "model": self.model,
            "host": _safe_host(self.base_url),
            "catalog_offering": self.catalog_offering,
            "has_key": self.api_key is not None,
        }


def _safe_host(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _check_base_url(url: str, where: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointConfigError(f"{where}: base URL must be http(s)://host/..., got a {parts.scheme!r} URL")
    if parts.username or parts.password:
        raise EndpointConfigError(f"{where}: put credentials in an API key variable, not in the URL")
    return url


def _key(value: str | None) -> SecretStr | None:
    return SecretStr(value) if value else None


class EndpointRegistry(BaseModel):
    """The endpoints this server may call, plus provider families that accept a model name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fixed: dict[str, Endpoint] = Field(default_factory=dict)
    families: dict[str, Endpoint] = Field(
        default_factory=dict, description="Templates for 'provider:<model>' ids, keyed by provider prefix."
    )
    judge_id: str | None = None

    def available(self) -> list[str]:
        """Ids a user can pick: fixed ids, and 'prefix:<model>' for each configured provider."""
        return sorted(self.fixed) + [f"{prefix}:<model>" for prefix in sorted(self.families)]

    def resolve(self, ids: Sequence[str] | str) -> list[Endpoint]:
        """Map ids (a list or a comma-separated string) to endpoints; reject anything not configured."""
        if isinstance(ids, str):
            ids = [part for part in (p.strip() for p in ids.split(",")) if part]
        resolved: list[Endpoint] = []
        for endpoint_id in ids:
            resolved.append(self.get(endpoint_id))
        if not resolved:
            raise UnknownEndpointError("no endpoint ids given")
        return resolved

    def get(self, endpoint_id: str) -> Endpoint:
        if endpoint_id in self.fixed:
            return self.fixed[endpoint_id]
        prefix, sep, model = endpoint_id.partition(":")
        template = self.families.get(prefix) if sep else None
        pattern = _DEPLOYMENT if prefix == "azure" else _MODEL_NAME
        if template is None or not pattern.match(model) or "://" in model or ".." in model:
            shown = endpoint_id if len(endpoint_id) <= 80 else endpoint_id[:80] + "..."
            raise UnknownEndpointError(
                f"endpoint {shown!r} is not configured; available: {', '.join(self.available()) or 'none'}"
            )
        offering = f"{prefix}:{model}" if prefix in ("openai", "openrouter") else None
        return template.model_copy(update={"id": endpoint_id, "model": model, "catalog_offering": offering})

    def judge(self) -> Endpoint | None:
        """The configured judge endpoint, or None."""
        return self.get(self.judge_id) if self.judge_id else None


def load_registry(
    env: Mapping[str, str] | Settings | None = None, config_file: Path | None = None
) -> EndpointRegistry:
    """Build the registry from the settings (or an environment mapping read through
    ``Settings.load``; default ``os.environ``) and an optional endpoints file."""
    try:
        settings = env if isinstance(env, Settings) else Settings.load(env)
        file_path = config_file or settings.endpoints_file
        from_file = endpoints_file(file_path, None if isinstance(env, Settings) else env) if file_path else []
    except (SettingsError, EndpointsFileError) as exc:
        raise EndpointConfigError(str(exc)) from None
    fixed: dict[str, Endpoint] = {}
    families: dict[str, Endpoint] = {}
    if settings.openai_api_key is not None:
        families["openai"] = Endpoint(
            id="openai:", provider="openai", model="", base_url=OPENAI_BASE, api_key=settings.openai_api_key
        )
    if settings.openrouter_api_key is not None:
        families["openrouter"] = Endpoint(
            id="openrouter:",
            provider="openrouter",
            model="",
            base_url=OPENROUTER_BASE,
            api_key=settings.openrouter_api_key,
        )
    if settings.azure_endpoint and settings.azure_api_key is not None:
        families["azure"] = Endpoint(
            id="azure:",
            provider="azure",
            model="",
            base_url=_check_base_url(settings.azure_endpoint, ENV["azure_endpoint"]),
            api_key=settings.azure_api_key,
            api_version=settings.azure_api_version,
        )
    for name, spec in LOCAL_MODELS.items():
        if local_model_available(name):
            fixed[f"local:{name}"] = Endpoint(id=f"local:{name}", provider="local", model=spec.alias)
    for endpoint_id, configured in sorted(settings.endpoints.items()):
        var = f"WHICHMODEL_ENDPOINT_{endpoint_id.upper().replace('-', '_')}_BASE_URL"
        fixed[endpoint_id] = _custom(configured, var)
    for configured in from_file:
        fixed[configured.id] = _custom(configured, f"{file_path} endpoint {configured.id!r}")
    return EndpointRegistry(fixed=fixed, families=families, judge_id=settings.judge_endpoint)


def _custom(configured: EndpointSetting, where: str) -> Endpoint:
    return Endpoint(
        id=configured.id,
        provider="openai_compatible",
        model=configured.model,
        base_url=_check_base_url(configured.base_url, where),
        api_key=configured.api_key,
        catalog_offering=configured.catalog_offering,
    )

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

import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from whichmodel.tools.probes.local_server import LOCAL_MODELS, local_model_available

Provider = Literal["openai", "azure", "openrouter", "openai_compatible", "local"]

OPENAI_BASE = "https://api.openai.com/v1"
OPENROUTER_BASE = "https://openrouter.ai/api/v1"
_MODEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$")
_DEPLOYMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_CUSTOM_VAR = re.compile(r"^WHICHMODEL_ENDPOINT_([A-Z0-9_]+)_BASE_URL$")


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


def load_registry(env: Mapping[str, str] | None = None, config_file: Path | None = None) -> EndpointRegistry:
    """Build the registry from the environment (default ``os.environ``) and an optional config file."""
    env = dict(os.environ if env is None else env)
    fixed: dict[str, Endpoint] = {}
    families: dict[str, Endpoint] = {}
    if env.get("OPENAI_API_KEY"):
        families["openai"] = Endpoint(
            id="openai:",
            provider="openai",
            model="",
            base_url=OPENAI_BASE,
            api_key=_key(env["OPENAI_API_KEY"]),
        )
    if env.get("OPENROUTER_API_KEY"):
        families["openrouter"] = Endpoint(
            id="openrouter:",
            provider="openrouter",
            model="",
            base_url=OPENROUTER_BASE,
            api_key=_key(env["OPENROUTER_API_KEY"]),
        )
    if env.get("AZURE_OPENAI_ENDPOINT") and env.get("AZURE_OPENAI_API_KEY"):
        families["azure"] = Endpoint(
            id="azure:",
            provider="azure",
            model="",
            base_url=_check_base_url(env["AZURE_OPENAI_ENDPOINT"], "AZURE_OPENAI_ENDPOINT"),
            api_key=_key(env["AZURE_OPENAI_API_KEY"]),
            api_version=env.get("AZURE_OPENAI_API_VERSION", "2024-10-21"),
        )
    for name, spec in LOCAL_MODELS.items():
        if local_model_available(name):
            fixed[f"local:{name}"] = Endpoint(id=f"local:{name}", provider="local", model=spec.alias)
    for var in sorted(env):
        match = _CUSTOM_VAR.match(var)
        if not match:
            continue
        name = match.group(1)
        model = env.get(f"WHICHMODEL_ENDPOINT_{name}_MODEL")
        if not model:
            raise EndpointConfigError(f"WHICHMODEL_ENDPOINT_{name}_MODEL is required with {var}")
        endpoint_id = name.lower().replace("_", "-")
        fixed[endpoint_id] = Endpoint(
            id=endpoint_id,
            provider="openai_compatible",
            model=model,
            base_url=_check_base_url(env[var], var),
            api_key=_key(env.get(f"WHICHMODEL_ENDPOINT_{name}_API_KEY")),
            catalog_offering=env.get(f"WHICHMODEL_ENDPOINT_{name}_CATALOG") or None,
        )
    file_path = config_file or (
        Path(env["WHICHMODEL_ENDPOINTS_FILE"]) if env.get("WHICHMODEL_ENDPOINTS_FILE") else None
    )
    if file_path is not None:
        fixed.update(_endpoints_from_file(file_path, env))
    return EndpointRegistry(
        fixed=fixed, families=families, judge_id=env.get("WHICHMODEL_JUDGE_ENDPOINT") or None
    )


def _endpoints_from_file(path: Path, env: Mapping[str, str]) -> dict[str, Endpoint]:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    entries = (data or {}).get("endpoints", [])
    if not isinstance(entries, list):
        raise EndpointConfigError(f"{path}: 'endpoints' must be a list")
    out: dict[str, Endpoint] = {}
    for i, entry in enumerate(entries):
        where = f"{path} endpoints[{i}]"
        if not isinstance(entry, dict) or not {"id", "base_url", "model"} <= entry.keys():
            raise EndpointConfigError(f"{where}: needs id, base_url and model")
        if "api_key" in entry:
            raise EndpointConfigError(f"{where}: name the key's environment variable in api_key_env instead")
        key_env = entry.get("api_key_env")
        if key_env and not env.get(key_env):
            raise EndpointConfigError(f"{where}: environment variable {key_env} is not set")
        out[str(entry["id"])] = Endpoint(
            id=str(entry["id"]),
            provider="openai_compatible",
            model=str(entry["model"]),
            base_url=_check_base_url(str(entry["base_url"]), where),
            api_key=_key(env.get(key_env)) if key_env else None,
            catalog_offering=entry.get("catalog_offering"),
        )
    return out

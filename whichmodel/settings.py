"""WhichModel's settings: every environment variable the product reads, in one typed object.

`Settings.load(env=None, **explicit)` is the one constructor front ends use, with one precedence
rule: a keyword passed to it wins (even when it equals the default or is None), else the
environment variable (`env`, default `os.environ`; blank values count as unset), else the field
default. `Settings()` alone gives the pure defaults and reads no environment.

Each field names its variable (`validation_alias`) and says what it does (`description`); the
tables in `docs/deployment.md` and the README are generated from them (`settings_table()`, checked
by tests/test_settings_docs.py). Indexed families are parsed here as well:

- `WHICHMODEL_ENDPOINT_<NAME>_BASE_URL` / `_MODEL` / `_API_KEY` / `_CATALOG`: probe endpoints;
- `<PROVIDER>_BASE_URL` / `<PROVIDER>_API_KEY`: the endpoint of an `openai-api/PROVIDER/MODEL`
  model string (read only for providers the model strings name);
- `OAUTH_<PROVIDER>_CLIENT_ID` / `_CLIENT_SECRET`: which of Chainlit's OAuth providers are on;
- the key variables named by `api_key_env` in `WHICHMODEL_ENDPOINTS_FILE` (`endpoints_file`).

A bad value raises `SettingsError`, whose message is one line naming the variable and what is
wrong; the commands print it and exit with status 2 (`exit_on_error`).

This module sits below every layer (ui -> agent -> tools -> knowledge -> settings) and imports
nothing from them, so every layer may read its values.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

BrainChoice = Literal["auto", "offline", "llm"]
BrainKind = Literal["offline", "openai", "azure", "compatible"]

EXIT_BAD_SETTINGS = 2
"""Exit status of a command that refuses to start on a bad setting (the CLI's invalid-input code)."""


class SettingsError(ValueError):
    """A setting has a bad value. The message is one line: `VARIABLE: what is wrong`."""

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        self.problem = problem
        super().__init__(f"{variable}: {problem}")


# --- value checks -------------------------------------------------------------------------------


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"expected an http(s)://host[:port]/... URL, got {value!r}")
    try:
        parts.port  # noqa: B018 (a non-numeric or out-of-range port raises)
    except ValueError:
        raise ValueError(f"the port of {value!r} is not a number from 0 to 65535") from None
    return value


def _postgres_url(value: SecretStr) -> SecretStr:
    parts = urlsplit(value.get_secret_value())
    if parts.scheme not in ("postgres", "postgresql", "postgresql+asyncpg", "postgresql+psycopg"):
        raise ValueError("expected a postgresql://user:password@host:port/database URL")
    try:
        parts.port  # noqa: B018 (a non-numeric port raises)
    except ValueError:
        raise ValueError("the port in the URL is not a number from 0 to 65535") from None
    if not parts.hostname and "host=" not in parts.query:
        raise ValueError("the URL names no host")
    return value


def _origins(value: str) -> str:
    origins = [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
    if "*" in origins:
        raise ValueError("list the origins; '*' is refused")
    for origin in origins:
        _http_url(origin)
    return ",".join(origins)


def _header_name(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+", value):
        raise ValueError(f"{value!r} is not an HTTP header name")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
PostgresUrl = Annotated[SecretStr, AfterValidator(_postgres_url)]
Origins = Annotated[str, AfterValidator(_origins)]
HeaderName = Annotated[str, AfterValidator(_header_name)]


# --- indexed families ---------------------------------------------------------------------------


class EndpointSetting(BaseModel):
    """One probe endpoint: WHICHMODEL_ENDPOINT_<NAME>_* or an entry of WHICHMODEL_ENDPOINTS_FILE."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="The id users pick (<NAME> lower-cased, '_' -> '-').")
    base_url: HttpUrl
    model: str = Field(min_length=1)
    api_key: SecretStr | None = Field(default=None, repr=False)
    catalog_offering: str | None = None


class ApiProvider(BaseModel):
    """The endpoint of `openai-api/PROVIDER/MODEL`: <PROVIDER>_BASE_URL and <PROVIDER>_API_KEY."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: HttpUrl
    api_key: SecretStr | None = Field(default=None, repr=False)


FAMILIES: list[tuple[str, str]] = [
    (
        "WHICHMODEL_ENDPOINT_<NAME>_BASE_URL",
        "A probe endpoint (OpenAI-compatible, http(s) URL, no credentials in it); id `<name>`.",
    ),
    ("WHICHMODEL_ENDPOINT_<NAME>_MODEL", "Required with _BASE_URL: the model name the endpoint expects."),
    ("WHICHMODEL_ENDPOINT_<NAME>_API_KEY", "Key sent to that endpoint only (optional)."),
    ("WHICHMODEL_ENDPOINT_<NAME>_CATALOG", "Catalog offering id whose prices apply (optional)."),
    (
        "<PROVIDER>_BASE_URL, <PROVIDER>_API_KEY",
        "Endpoint and key of a model string `openai-api/PROVIDER/MODEL` (read only for providers named).",
    ),
    (
        "OAUTH_<PROVIDER>_CLIENT_ID, OAUTH_<PROVIDER>_CLIENT_SECRET",
        "Chainlit's OAuth providers; both set turns OAuth login on (needs an allow-list).",
    ),
]
"""The indexed families, as (variable pattern, meaning), for the documentation tables."""

_ENDPOINT_VAR = re.compile(r"^WHICHMODEL_ENDPOINT_([A-Z0-9_]+?)_(BASE_URL|MODEL|API_KEY|CATALOG)$")
_OAUTH_ID = re.compile(r"^OAUTH_([A-Z0-9_]+)_CLIENT_ID$")


def provider_prefix(name: str) -> str:
    """The variable prefix of an `openai-api/PROVIDER/...` provider name (`my-llm` -> `MY_LLM`)."""
    return re.sub(r"[^A-Z0-9]", "_", name.upper())


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _endpoint_family(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for var, value in env.items():
        match = _ENDPOINT_VAR.match(var)
        if match and not _blank(value):
            found.setdefault(match.group(1), {})[match.group(2).lower()] = value.strip()
    endpoints: dict[str, dict[str, str]] = {}
    for name, parts in sorted(found.items()):
        if "base_url" not in parts:
            given = ", ".join(f"WHICHMODEL_ENDPOINT_{name}_{p.upper()}" for p in sorted(parts))
            raise SettingsError(f"WHICHMODEL_ENDPOINT_{name}_BASE_URL", f"missing, but {given} is set")
        if "model" not in parts:
            raise SettingsError(f"WHICHMODEL_ENDPOINT_{name}_MODEL", "missing (required with _BASE_URL)")
        endpoint_id = name.lower().replace("_", "-")
        endpoints[endpoint_id] = {
            "id": endpoint_id,
            **{("catalog_offering" if k == "catalog" else k): v for k, v in parts.items()},
        }
    return endpoints


def _oauth_family(env: Mapping[str, str]) -> list[str]:
    found = []
    for var, value in env.items():
        match = _OAUTH_ID.match(var)
        if match and not _blank(value) and not _blank(env.get(f"OAUTH_{match.group(1)}_CLIENT_SECRET")):
            found.append(match.group(1).lower())
    return sorted(found)


def api_provider(name: str, env: Mapping[str, str] | None = None) -> ApiProvider | None:
    """<PROVIDER>_BASE_URL / _API_KEY for an `openai-api/PROVIDER/...` name (None: no base URL set)."""
    source = os.environ if env is None else env
    prefix = provider_prefix(name)
    base_url = source.get(f"{prefix}_BASE_URL", "").strip()
    if not base_url:
        return None
    key = source.get(f"{prefix}_API_KEY", "").strip()
    try:
        return ApiProvider(base_url=base_url, api_key=SecretStr(key) if key else None)
    except ValidationError as exc:
        raise SettingsError(f"{prefix}_BASE_URL", _first_problem(exc)) from None


def _api_provider_family(env: Mapping[str, str], specs: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    """The endpoints of the `openai-api/PROVIDER/MODEL` strings in `specs` (variable -> model string)."""
    providers: dict[str, dict[str, Any]] = {}
    for var, spec in specs.items():
        kind, _, rest = (spec or "").strip().partition("/")
        if kind != "openai-api":
            continue
        name, _, model = rest.partition("/")
        if not name or not model:
            raise SettingsError(var, f"expected openai-api/PROVIDER/MODEL, got {spec!r}")
        provider = api_provider(name, env)
        if provider is None:
            raise SettingsError(f"{provider_prefix(name)}_BASE_URL", f"missing, but {var} names {spec!r}")
        providers[name] = {"base_url": provider.base_url, "api_key": provider.api_key}
    return providers


class EndpointsFileError(ValueError):
    """The endpoints file cannot be used (the message names the file and the entry)."""


def endpoints_file(path: Path, env: Mapping[str, str] | None = None) -> list[EndpointSetting]:
    """The endpoints of a YAML or JSON file `endpoints: [{id, base_url, model, api_key_env,
    catalog_offering}]`; each key is read from the environment variable its entry names."""
    import yaml

    source = os.environ if env is None else env
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise EndpointsFileError(f"{path}: cannot be read ({type(exc).__name__})") from None
    entries = data.get("endpoints", []) if isinstance(data, dict) else [] if data is None else None
    if not isinstance(entries, list):
        raise EndpointsFileError(f"{path}: 'endpoints' must be a list")
    out: list[EndpointSetting] = []
    for i, entry in enumerate(entries):
        where = f"{path} endpoints[{i}]"
        if not isinstance(entry, dict) or not {"id", "base_url", "model"} <= entry.keys():
            raise EndpointsFileError(f"{where}: needs id, base_url and model")
        if "api_key" in entry:
            raise EndpointsFileError(f"{where}: name the key's environment variable in api_key_env instead")
        key_env = entry.get("api_key_env")
        key = source.get(str(key_env), "").strip() if key_env else ""
        if key_env and not key:
            raise EndpointsFileError(f"{where}: environment variable {key_env} is not set")
        try:
            out.append(
                EndpointSetting(
                    id=str(entry["id"]),
                    base_url=str(entry["base_url"]),
                    model=str(entry["model"]),
                    api_key=SecretStr(key) if key else None,
                    catalog_offering=entry.get("catalog_offering"),
                )
            )
        except ValidationError as exc:
            raise EndpointsFileError(f"{where}: {_first_problem(exc)}") from None
    return out


# --- the settings object ------------------------------------------------------------------------

_SOURCE: ContextVar[Mapping[str, str] | None] = ContextVar("whichmodel_settings_source", default=None)


class _MappingSource(EnvSettingsSource):
    """pydantic-settings' environment source over a given mapping (blank values are unset); only
    the variables of declared fields are read (the families are parsed by `Settings.load`)."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]) -> None:
        self._mapping = env
        super().__init__(settings_cls, case_sensitive=True)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        wanted = set(ENV.values())
        return {k: v.strip() for k, v in self._mapping.items() if k in wanted and v.strip()}


def _var(name: str, default: Any = None, description: str = "", **kw: Any) -> Any:
    return Field(default=default, validation_alias=name, description=description, **kw)


class Settings(BaseSettings):
    """Everything WhichModel reads from its environment (see the module docstring)."""

    model_config = SettingsConfigDict(
        frozen=True, extra="forbid", populate_by_name=True, case_sensitive=True, hide_input_in_errors=True
    )

    # The conversation brain
    brain: BrainChoice = _var(
        "WHICHMODEL_BRAIN",
        "auto",
        "`auto`: an LLM when one is configured; `offline`: never; `llm`: required.",
    )
    interviewer_model: str | None = _var(
        "WHICHMODEL_INTERVIEWER_MODEL",
        None,
        "Interviewer/extractor model, `provider/model` (openai/gpt-4o-mini, azure/DEPLOYMENT, "
        "compatible/llama3.2, openai-api/PROVIDER/MODEL); unset: the provider's default.",
    )
    writer_model: str | None = _var(
        "WHICHMODEL_WRITER_MODEL", None, "Phrasing model, same form; unset: the interviewer's."
    )
    llm_base_url: HttpUrl | None = _var(
        "WHICHMODEL_LLM_BASE_URL", None, "Any OpenAI-compatible endpoint (`http(s)://host:port/v1`)."
    )
    llm_api_key: SecretStr | None = _var(
        "WHICHMODEL_LLM_API_KEY",
        None,
        "Key for WHICHMODEL_LLM_BASE_URL only (OPENAI_API_KEY is never sent there).",
    )
    openai_api_key: SecretStr | None = _var(
        "OPENAI_API_KEY", None, "OpenAI: the chat brain and the `openai:<model>` probe endpoints."
    )
    azure_endpoint: HttpUrl | None = _var(
        "AZURE_OPENAI_ENDPOINT",
        None,
        "Azure OpenAI resource URL (chat brain and `azure:<deployment>` probes).",
    )
    azure_api_key: SecretStr | None = _var("AZURE_OPENAI_API_KEY", None, "Azure OpenAI key.")
    azure_deployment: str | None = _var(
        "AZURE_OPENAI_DEPLOYMENT", None, "Azure OpenAI deployment the chat uses (or azure/DEPLOYMENT)."
    )
    azure_api_version: str = _var("AZURE_OPENAI_API_VERSION", "2024-10-21", "Azure OpenAI api-version.")
    llm_timeout_s: float = _var(
        "WHICHMODEL_LLM_TIMEOUT",
        20.0,
        "Seconds per LLM call (> 0); then that turn uses the offline brain.",
        gt=0,
    )
    # Storage
    db_path: Path = _var(
        "WHICHMODEL_DB", Path(".whichmodel") / "chat.sqlite", "SQLite file of the agent's checkpoints."
    )
    postgres_url: PostgresUrl | None = _var(
        "WHICHMODEL_POSTGRES_URL",
        None,
        "`postgresql://user:pass@host:5432/db`: checkpoints (and history by default) in Postgres; never logged.",
    )
    history_db: Path | None = _var(
        "WHICHMODEL_HISTORY_DB",
        None,
        "SQLite file of the web chat history; unset: history.sqlite beside WHICHMODEL_DB.",
    )
    history_url: PostgresUrl | None = _var(
        "WHICHMODEL_HISTORY_URL",
        None,
        "A different Postgres database for the chat history (default: WHICHMODEL_POSTGRES_URL).",
    )
    index_dir: Path = _var(
        "WHICHMODEL_INDEX_DIR", Path(".whichmodel") / "index", "Folder of the local chromadb knowledge index."
    )
    cache_dir: Path = _var(
        "WHICHMODEL_CACHE_DIR",
        Path(".whichmodel") / "cache",
        "Folder of vectors computed once and reused by every process (the offline brain's labelled descriptions); safe to delete.",
    )
    chroma_url: HttpUrl | None = _var(
        "WHICHMODEL_CHROMA_URL",
        None,
        "`http://host:port` of a chroma server holding the index (instead of the folder).",
    )
    # Web access
    auth_secret: SecretStr | None = _var(
        "CHAINLIT_AUTH_SECRET",
        None,
        "Session signing secret, the same on all replicas; `whichmodel serve` keeps one in the data folder if unset.",
    )
    password: SecretStr | None = _var("WHICHMODEL_PASSWORD", None, "Password of the single account.")
    username: str = _var("WHICHMODEL_USERNAME", "whichmodel", "User name of the single password account.")
    users_file: Path | None = _var(
        "WHICHMODEL_USERS_FILE", None, "The users file (`name:<hash>` lines, `whichmodel users add NAME`)."
    )
    auth_header: HeaderName | None = _var(
        "WHICHMODEL_AUTH_HEADER",
        None,
        "Header in which a trusted proxy names the user (e.g. X-Forwarded-User).",
    )
    proxy_secret: SecretStr | None = _var(
        "WHICHMODEL_AUTH_PROXY_SECRET", None, "The proxy's shared secret (header X-WhichModel-Proxy-Secret)."
    )
    oauth_allowed_users: str = _var(
        "WHICHMODEL_OAUTH_ALLOWED_USERS",
        "",
        "OAuth allow-list: identifiers, comma-separated, case-insensitive.",
    )
    oauth_allowed_domains: str = _var(
        "WHICHMODEL_OAUTH_ALLOWED_DOMAINS", "", "OAuth allow-list: e-mail domains, comma-separated."
    )
    local_user: bool = _var(
        "WHICHMODEL_LOCAL_USER",
        False,
        "Set to 1 by `whichmodel serve` on loopback: everyone is the user `local`.",
    )
    allowed_origins: Origins | None = _var(
        "WHICHMODEL_ALLOWED_ORIGINS",
        None,
        "Public origin(s) of the page, comma-separated (CORS, socket.io); `*` is refused.",
    )
    # Slack
    slack_bot_token: SecretStr | None = _var(
        "SLACK_BOT_TOKEN", None, "Slack bot token: turns the Slack app on."
    )
    slack_signing_secret: SecretStr | None = _var(
        "SLACK_SIGNING_SECRET", None, "Slack signing secret (HTTP events at /slack/events)."
    )
    slack_websocket_token: SecretStr | None = _var(
        "SLACK_WEBSOCKET_TOKEN", None, "Slack app-level token for Socket Mode (instead of HTTP events)."
    )
    slack_api_url: HttpUrl | None = _var(
        "WHICHMODEL_SLACK_API_URL", None, "Base URL of the Slack Web API (default https://slack.com/api/)."
    )
    # Probes
    openrouter_api_key: SecretStr | None = _var(
        "OPENROUTER_API_KEY", None, "OpenRouter key: the `openrouter:<model>` probe endpoints."
    )
    endpoints_file: Path | None = _var(
        "WHICHMODEL_ENDPOINTS_FILE",
        None,
        "YAML/JSON file of probe endpoints (`api_key_env` names each key's variable).",
    )
    judge_endpoint: str | None = _var(
        "WHICHMODEL_JUDGE_ENDPOINT", None, "Id of the probe endpoint used as LLM judge."
    )
    # Indexed families (parsed by `load`; see FAMILIES)
    endpoints: dict[str, EndpointSetting] = Field(
        default_factory=dict, description="WHICHMODEL_ENDPOINT_<NAME>_*: probe endpoints by id."
    )
    api_providers: dict[str, ApiProvider] = Field(
        default_factory=dict, description="<PROVIDER>_BASE_URL/_API_KEY of the openai-api/ model strings."
    )
    oauth_providers: list[str] = Field(
        default_factory=list, description="OAUTH_<PROVIDER>_CLIENT_ID/_SECRET both set (lower-case names)."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        source = _SOURCE.get()
        return (init_settings,) if source is None else (init_settings, _MappingSource(settings_cls, source))

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
        """Settings from explicit keywords, then `env` (default: os.environ), then defaults.

        Raises TypeError for an unknown keyword and SettingsError (one line) for a bad value.
        """
        unknown = set(explicit) - set(cls.model_fields)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        source = os.environ if env is None else env
        values = dict(explicit)
        if "endpoints" not in values:
            values["endpoints"] = _endpoint_family(source)
        if "oauth_providers" not in values:
            values["oauth_providers"] = _oauth_family(source)
        if "api_providers" not in values:
            specs = {
                ENV[name]: values[name] if name in values else source.get(ENV[name])
                for name in ("interviewer_model", "writer_model")
            }
            values["api_providers"] = _api_provider_family(source, specs)
        token = _SOURCE.set(source)
        try:
            return cls(**values)
        except ValidationError as exc:
            raise _settings_error(exc) from None
        finally:
            _SOURCE.reset(token)

    @property
    def brain_kind(self) -> BrainKind:
        """Which brain this configuration selects: the offline brain unless an LLM endpoint is
        configured (Azure: endpoint + key + deployment; an OpenAI-compatible base URL; OpenAI's
        key), in that order; `brain=offline` forces the offline brain."""
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

    @property
    def slack_enabled(self) -> bool:
        """Whether Chainlit's Slack integration is on (HTTP events or Socket Mode)."""
        return self.slack_bot_token is not None and (
            self.slack_signing_secret is not None or self.slack_websocket_token is not None
        )

    def history_path(self) -> Path:
        """The chat history's SQLite file: WHICHMODEL_HISTORY_DB, else history.sqlite beside the checkpoints."""
        return self.history_db if self.history_db is not None else self.db_path.with_name("history.sqlite")


def _env_name(field: str, info: FieldInfo) -> str:
    alias = info.validation_alias
    return alias if isinstance(alias, str) else field


ENV: dict[str, str] = {
    name: info.validation_alias
    for name, info in Settings.model_fields.items()
    if isinstance(info.validation_alias, str)
}
"""Field name -> the environment variable that sets it."""


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _settings_error(exc: ValidationError) -> SettingsError:
    """The first error of a validation as `VARIABLE: problem` (families name their own variable)."""
    error = exc.errors()[0]
    loc = [str(part) for part in error["loc"]]
    problem = _first_problem(exc)
    head = loc[0] if loc else "settings"
    if head == "endpoints" and len(loc) >= 3:
        suffix = {"catalog_offering": "CATALOG"}.get(loc[2], loc[2].upper())
        name = loc[1].upper().replace("-", "_")
        return SettingsError(f"WHICHMODEL_ENDPOINT_{name}_{suffix}", problem)
    if head == "api_providers" and len(loc) >= 3:
        return SettingsError(f"{provider_prefix(loc[1])}_{loc[2].upper()}", problem)
    if head in Settings.model_fields:
        head = _env_name(head, Settings.model_fields[head])
    return SettingsError(head, problem)


def exit_on_error(error: SettingsError) -> NoReturn:
    """Print the one-line complaint on stderr and exit with status 2 (no traceback)."""
    print(f"error: {error}", file=sys.stderr)
    raise SystemExit(EXIT_BAD_SETTINGS)


def load_or_exit(env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
    """`Settings.load`, or one line on stderr and exit status 2 when a value is bad (start-up)."""
    try:
        return Settings.load(env, **explicit)
    except SettingsError as exc:
        exit_on_error(exc)


# --- documentation --------------------------------------------------------------------------------


def _default_text(info: FieldInfo) -> str:
    if info.default_factory is not None or info.default is None or info.default == "":
        return ""
    if isinstance(info.default, bool):
        return "1" if info.default else "0"
    return f"`{info.default}`"


def settings_table() -> str:
    """The Markdown table of every variable (then the families), generated from `Settings`."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for info in Settings.model_fields.values():
        var = info.validation_alias
        if isinstance(var, str):
            rows.append(f"| `{var}` | {_default_text(info)} | {info.description} |")
    for pattern, meaning in FAMILIES:
        shown = ", ".join(f"`{p.strip()}`" for p in pattern.split(","))
        rows.append(f"| {shown} |  | {meaning} |")
    return "\n".join(rows) + "\n"


TABLE_START = "<!-- settings-table: generated by `python -m whichmodel.settings`; do not edit -->"
TABLE_END = "<!-- /settings-table -->"
DOCUMENTS = ("docs/deployment.md", "README.md")
"""The files that carry the generated table between TABLE_START and TABLE_END."""


def with_table(text: str) -> str:
    """`text` with the generated table between its markers (ValueError when the markers are missing)."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError("the settings-table markers are missing")
    return text[: start + len(TABLE_START)] + "\n\n" + settings_table() + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    """`python -m whichmodel.settings [--check]`: rewrite (or check) the tables in DOCUMENTS."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    stale = []
    for rel in DOCUMENTS:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        new = with_table(text)
        if new != text:
            stale.append(rel)
            if "--check" not in args:
                path.write_text(new, encoding="utf-8")
    if stale and "--check" in args:
        print(
            f"stale settings table in {', '.join(stale)}: run python -m whichmodel.settings", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

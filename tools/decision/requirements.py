"""What the person needs, as a validated pydantic model, and the requirements-file loader.

Every field but `use_case` and `task_type` is optional; the defaults are stated here once and the
report lists the ones that were assumed (`Requirements.defaulted_fields`).
"""

from __future__ import annotations

import json
import reprlib
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from whichmodel.knowledge.catalog.schema import ProviderTier
from whichmodel.tools.decision.gpus import resolve_gpu

TaskType = Literal[
    "chat",
    "qa",
    "summarization",
    "extraction",
    "classification",
    "translation",
    "code",
    "reasoning",
    "agent",
    "embedding",
    "image_generation",
    "speech_to_text",
    "vision",
    "writing",
    "moderation",
]
TASK_TYPES: tuple[str, ...] = get_args(TaskType)
InputModality = Literal["text", "image", "audio", "video", "pdf"]
Sensitivity = Literal["public", "internal", "confidential", "restricted"]
Residency = Literal["us", "eu", "cn", "uk", "au"]
"""Where the data must be processed; "uk" and "au" are kept as said even where no offering is known to be
there (the shortlist then says that no offering meets it, rather than dropping the rule)."""
Location = Literal["cn", "hk", "tw", "sg", "us", "ca", "uk", "eu", "au", "other"]
"""Where the person is (`Requirements.location`): what they can buy there, not where data must stay."""
Priority = Literal["quality", "balanced", "cost"]
"""The seeds' order by default (`quality`): the strongest model that meets the hard constraints first;
`balanced` widens the quality tier by a stated margin; `cost` takes the cheapest model whose quality
interval still reaches the tier's floor."""


DEFAULT_OUTPUT_TOKENS: dict[str, float] = {
    "classification": 10,  # a label
    "moderation": 10,  # a verdict and category
    "extraction": 200,  # a few fields as JSON
    "chat": 300,
    "qa": 300,
    "vision": 300,
    "speech_to_text": 300,  # about two minutes of transcript
    "summarization": 400,
    "writing": 500,
    "translation": 500,
    "reasoning": 500,  # the answer; thinking tokens are counted apart
    "agent": 500,
    "code": 800,
    "embedding": 0,  # a vector, no generated tokens
    "image_generation": 0,
}
"""Average output tokens per request when the person did not state them: the task's typical answer."""


class _Strict(BaseModel):
    # No infinity or NaN anywhere: "budget: .inf" or a JSON "Infinity" is a mistake, and the cost
    # math would turn it into NaN scores.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Volume(_Strict):
    """Traffic, as per-request averages."""

    requests_per_month: float = Field(default=10_000, gt=0, description="Requests per month.")
    input_tokens: float = Field(
        default=1_000, ge=0, description="Average prompt tokens per request (0 for audio-only input)."
    )
    output_tokens: float = Field(
        default=300,
        ge=0,
        description="Average completion tokens per request; default: by task (`DEFAULT_OUTPUT_TOKENS`), "
        "stated in the report (0 for embeddings).",
    )
    cached_input_fraction: float = Field(
        default=0.0, ge=0, le=1, description="Share of input tokens served from the provider's prompt cache."
    )
    thinking_tokens: float | None = Field(
        default=None,
        ge=0,
        description="Hidden thinking tokens per request for reasoning models (billed as output and "
        "decoded before the answer); default: an assumed budget by task, stated in the report.",
    )
    audio_minutes: float | None = Field(
        default=None,
        gt=0,
        description="Minutes of audio per request (speech-to-text); default: an assumed minute, stated.",
    )


AGENT_LOOP_CACHED_SHARE = 0.75
"""The share of an agent's long prompt priced as read from the prompt cache when none is stated: the
same three-quarters prefix assumed wherever caching is costed (`cost.CACHE_HIT_SHARE`); agent loops
often reach more, so it leans to the higher bill."""
AGENT_LOOP_PROMPT_TOKENS = 8_000
"""An agent prompt this long is mostly re-sent context (the same threshold as `cost.LONG_PROMPT_TOKENS`)."""


class Budget(_Strict):
    monthly_usd: float | None = Field(default=None, gt=0, description="Ceiling on the monthly model bill.")
    per_1k_requests_usd: float | None = Field(default=None, gt=0, description="Ceiling per 1,000 requests.")


class Latency(_Strict):
    p95_seconds: float | None = Field(default=None, gt=0, description="End-to-end p95 per request.")


class Needs(_Strict):
    tool_calling: bool = False
    structured_output: bool = False
    reasoning: bool = False


class Deployment(_Strict):
    open_weights: bool = False
    self_host: bool = False
    providers_allowed: tuple[str, ...] = ()
    data_residency: Residency | None = None
    excluded_jurisdictions: tuple[str, ...] = Field(
        default=(),
        description="Laws the provider may not answer to (`curated.PROVIDER_JURISDICTIONS`): ('cn',) keeps "
        "providers under Chinese law off the shortlist, wherever their servers are.",
    )
    gpu: str | None = Field(
        default=None, description="GPU type for self-hosting estimates (see the GPU table)."
    )
    max_gpus: int | None = Field(
        default=None,
        gt=0,
        description="GPUs you have or will run for self-hosting, all copies together (e.g. 1 for one card in "
        "the office); a plan needing more is ruled out and the relaxation says how many it would take. "
        "Unset: no limit beyond what one machine holds (`selfhost.machine_limit`).",
    )
    quantization: Literal["fp16", "bf16", "fp8", "int8", "int4"] | None = Field(
        default=None, description="Self-hosting precision; default: the precision the maker released."
    )
    provider_tiers: tuple[ProviderTier, ...] = Field(
        default=("maker", "cloud", "host"),
        description="Provider tiers the shortlist may use; aggregators/unknown resellers only when listed.",
    )
    utilization: float = Field(default=0.6, gt=0, le=1, description="Share of GPU time doing useful work.")
    hardware: Literal["rented", "owned"] | None = Field(
        default=None,
        description="Self-hosting on GPUs rented by the hour around the clock ('rented'), or on a workstation "
        "bought for the premises ('owned': `gpus.WORKSTATIONS`, written off over 36 months plus power). "
        "Unset: rented, and owned when rented GPUs fail only on the budget and a workstation fits it.",
    )


class Data(_Strict):
    labeled_examples: int = Field(default=0, ge=0)
    proprietary_knowledge: bool = False
    knowledge_tokens: float | None = Field(
        default=None,
        gt=0,
        description="Size of the documents the answers depend on, in tokens (decides RAG vs long context).",
    )
    knowledge_changes_often: bool = False
    sensitivity: Sensitivity = "internal"
    novel_domain: bool = Field(
        default=False,
        description="A domain or language no existing model has seen (the only case for training).",
    )
    unlabeled_tokens_billions: float = Field(default=0, ge=0)


class Requirements(_Strict):
    """A person's requirements, as read from a requirements file or gathered in chat."""

    use_case: str = Field(min_length=1)
    task_type: TaskType
    languages: tuple[str, ...] = ("en",)
    input_modalities: tuple[InputModality, ...] = ("text",)
    volume: Volume = Volume()
    budget: Budget = Budget()
    latency: Latency = Latency()
    accuracy_target: float | None = Field(default=None, gt=0, le=1)
    priority: Priority = Field(
        default="quality", description="quality (the seeds' order), balanced, or cost."
    )
    context_tokens: int | None = Field(
        default=None, gt=0, description="Largest prompt+output the model must hold."
    )
    needs: Needs = Needs()
    deployment: Deployment = Deployment()
    data: Data = Data()
    location: Location | None = Field(
        default=None,
        description="Where the person and their users are (which services they can buy): cn (mainland China), "
        "hk, tw, sg, us, ca, uk, eu, au, other; None: inferred from the languages. Not a data-residency rule.",
    )

    @field_validator("languages")
    @classmethod
    def _lower_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(dict.fromkeys(v.strip().lower() for v in value if v.strip()))
        if not cleaned:
            raise ValueError("at least one language code is needed, e.g. [en] or [zh]")
        return cleaned

    @field_validator("input_modalities")
    @classmethod
    def _nonempty_modalities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("at least one input modality is needed, e.g. [text]")
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _output_by_task(self) -> Requirements:
        if "output_tokens" not in self.volume.model_fields_set:
            default = DEFAULT_OUTPUT_TOKENS.get(self.task_type, 300)
            object.__setattr__(self, "volume", self.volume.model_copy(update={"output_tokens": default}))
        return self

    @model_validator(mode="after")
    def _agent_loop_cache(self) -> Requirements:
        """An agent re-sends its growing context (instructions, tool results, the files read so far) at
        every step, so most of a long prompt is a prefix the provider's prompt cache serves: unless a
        share is stated, `AGENT_LOOP_CACHED_SHARE` of it is priced as cached (expert25 n5: a coding
        agent's bill priced with no caching was about 40% too high). Said in the report."""
        v = self.volume
        if (
            self.task_type == "agent"
            and "cached_input_fraction" not in v.model_fields_set
            and v.input_tokens >= AGENT_LOOP_PROMPT_TOKENS
        ):
            object.__setattr__(self, "volume", v.model_copy(update={"cached_input_fraction": AGENT_LOOP_CACHED_SHARE}))
        return self

    @model_validator(mode="after")
    def _self_host_implies_open_weights(self) -> Requirements:
        if self.deployment.self_host and not self.deployment.open_weights:
            # Self-hosting is only possible with weights you can download: state it, don't fail.
            object.__setattr__(self, "deployment", self.deployment.model_copy(update={"open_weights": True}))
        return self

    @property
    def monthly_budget_usd(self) -> float | None:
        """The tighter of the monthly and per-1,000-requests ceilings, as a monthly figure."""
        limits = []
        if self.budget.monthly_usd is not None:
            limits.append(self.budget.monthly_usd)
        if self.budget.per_1k_requests_usd is not None:
            limits.append(self.budget.per_1k_requests_usd * self.volume.requests_per_month / 1000)
        return min(limits) if limits else None

    @property
    def needed_context(self) -> int:
        """Context the model must hold: stated, or the average prompt plus output with headroom for
        longer-than-average requests: 50% up to 32k tokens of headroom, at least 15% beyond that (a
        700k-token prompt needs about 806k, which a 1M-token model holds). A stated context never goes
        below the average prompt plus output: a model must hold at least one request."""
        total = self.volume.input_tokens + self.volume.output_tokens
        if self.context_tokens is not None:
            return max(self.context_tokens, int(total))
        return int(total + max(min(0.5 * total, 32_000.0), 0.15 * total))


def defaulted_fields(raw: dict[str, Any]) -> list[str]:
    """Dotted paths of the fields the person did not state, so the report can list the assumptions."""
    paths: list[str] = []

    def walk(model: type[BaseModel], given: dict[str, Any], prefix: str) -> None:
        for name, field in model.model_fields.items():
            path = f"{prefix}{name}"
            annotation = field.annotation
            if name not in given:
                paths.append(path)
            elif (
                isinstance(annotation, type)
                and issubclass(annotation, BaseModel)
                and isinstance(given[name], dict)
            ):
                walk(annotation, given[name], path + ".")

    walk(Requirements, raw, "")
    return paths


class RequirementsError(ValueError):
    """A requirements file that cannot be used; `problems` are (field path, message) pairs.

    Each path and message is one line (at most MAX_PROBLEM_CHARS), whatever the input held, so that
    the CLI prints exactly one line per problem.
    """

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = [(_one_line(path), _one_line(msg)) for path, msg in problems]
        lines = "\n".join(f"  - {path}: {msg}" for path, msg in self.problems)
        super().__init__(f"{source}: invalid requirements\n{lines}")


MAX_PROBLEM_CHARS = 300
MAX_FILE_BYTES = 256_000
"""A requirements file is a few hundred bytes; a bigger one is refused before parsing (the YAML
parser reads about 1 MB a second)."""
MAX_ALIASES = 100
"""YAML aliases allowed per file: enough for any real use, and no "billion laughs" expansion."""
_SHOWN = reprlib.Repr()
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlist, _SHOWN.maxdict = 2, 60, 60, 4, 4


def _one_line(text: str) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= MAX_PROBLEM_CHARS else flat[: MAX_PROBLEM_CHARS - 1] + "…"


class _BoundedLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses more than MAX_ALIASES aliases (safe_load shares aliased nodes,
    but anything that walks the result, pydantic included, would expand them exponentially)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_ALIASES} aliases (*name)", event.start_mark
                )
        return super().compose_node(parent, index)


def _load_yaml(text: str) -> Any:
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _describe(error: dict[str, Any]) -> tuple[str, str]:
    path = ".".join(str(p) for p in error["loc"]) or "(top level)"
    kind = error["type"]
    if kind == "extra_forbidden":
        parent: type[BaseModel] = Requirements
        for part in error["loc"][:-1]:
            field = parent.model_fields.get(str(part))
            if field is None or not (
                isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
            ):
                break
            parent = field.annotation
        return path, f"unknown field; valid fields here: {', '.join(parent.model_fields)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return path, f"got {_SHOWN.repr(error.get('input'))}; valid values: {expected}"
    if kind == "missing":
        return path, "required field is missing"
    return path, f"{error['msg']} (got {_SHOWN.repr(error.get('input'))})"


def parse_requirements(raw: Any, source: str = "requirements") -> Requirements:
    """Validate a mapping into Requirements, raising RequirementsError with field paths (the GPU
    named for self-hosting must be in `selfhost.GPUS`)."""
    if not isinstance(raw, dict):
        raise RequirementsError(
            source, [("(top level)", f"expected a mapping of fields, got {type(raw).__name__}")]
        )
    try:
        req = Requirements.model_validate(raw)
    except ValidationError as exc:
        raise RequirementsError(source, [_describe(dict(e)) for e in exc.errors()]) from None
    # The GPU is checked against the built-in table here, not when recommending: a file naming an
    # unknown GPU is invalid input (exit 2), not a crash of the core.
    try:
        resolve_gpu(req.deployment.gpu)
    except ValueError as exc:
        raise RequirementsError(source, [("deployment.gpu", str(exc))]) from None
    return req


def load_requirements_file(path: str | Path) -> tuple[Requirements, dict[str, Any]]:
    """Read a YAML or JSON requirements file; returns the model and the raw mapping (for defaults)."""
    p = Path(path)
    try:
        data = p.read_bytes()[: MAX_FILE_BYTES + 1]
        if len(data) > MAX_FILE_BYTES:
            raise RequirementsError(str(p), [("(file)", f"larger than {MAX_FILE_BYTES:,} bytes")])
        text = data.decode("utf-8")
    except OSError as exc:
        raise RequirementsError(str(p), [("(file)", f"cannot read: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError:
        raise RequirementsError(str(p), [("(file)", "not UTF-8 text")]) from None
    kind = p.suffix.lstrip(".") or "YAML"
    try:
        raw = json.loads(text) if p.suffix.lower() == ".json" else _load_yaml(text)
    except (ValueError, yaml.YAMLError) as exc:  # ValueError: JSON errors, integers over 4,300 digits
        raise RequirementsError(str(p), [("(file)", f"malformed {kind}: {exc}")]) from None
    except RecursionError:
        raise RequirementsError(str(p), [("(file)", f"malformed {kind}: nested too deeply")]) from None
    if raw is None:
        raise RequirementsError(str(p), [("(file)", "the file is empty")])
    return parse_requirements(raw, str(p)), raw

"""What a requirements file's `use_case` says that its fields leave out.

An architect writes "phone calls, about 6 minutes each, in English and Spanish" as the use case and
fills in only the volume and the budget; the decision core reads fields, not prose, so it would cost
one assumed minute of English audio. `read_use_case` reads the use case with the offline brain (the
same understanding as the chat) and fills in only the fields the file does not set; a field the
file sets always wins. The paths it filled are returned so the report can say "read from the use
case" next to each of them.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from whichmodel.agent.brain import understand
from whichmodel.agent.brain.numbers import MessageTooLong
from whichmodel.tools.decision.requirements import Requirements, RequirementsError, parse_requirements

NEVER_READ = frozenset({"use_case", "task_type"})
"""The file must state these (`task_type` is required; the use case is the text being read)."""


def field_paths(model: type[BaseModel] = Requirements, prefix: str = "") -> frozenset[str]:
    """Every dotted leaf path of the requirements schema."""
    out: set[str] = set()
    for name, info in model.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out |= field_paths(ann, f"{prefix}{name}.")
        else:
            out.add(f"{prefix}{name}")
    return frozenset(out)


def _given(raw: Mapping[str, Any], path: str) -> bool:
    """Whether the file sets `path` (or a parent of it, e.g. `volume: null`)."""
    node: Any = raw
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return False
        node = node[part]
    return True


def _below_one_request(raw: Mapping[str, Any], path: str, value: Any) -> bool:
    """A context read from the prose ("a one-page brief": 700 tokens) smaller than the prompt plus
    output the file states: the prose described a document, not what the model must hold."""
    if path != "context_tokens" or not isinstance(value, int | float):
        return False
    volume = raw.get("volume")
    if not isinstance(volume, Mapping):
        return False
    stated = [volume.get(k) for k in ("input_tokens", "output_tokens")]
    return sum(v for v in stated if isinstance(v, int | float)) > value


def read_use_case(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """`raw` with the facts its use case states for fields it leaves out, and the paths filled in
    (in the order the brain read them). A use case too long to read whole is not read."""
    out = copy.deepcopy(dict(raw))
    text = raw.get("use_case")
    if not isinstance(text, str) or not text.strip():
        return out, []
    try:
        facts = understand(text).facts
    except MessageTooLong:
        return out, []
    known = field_paths()
    filled: list[str] = []
    for fact in facts:
        if fact.path in NEVER_READ or fact.path not in known or fact.provenance == "defaulted":
            continue
        if _given(raw, fact.path) or fact.path in filled or _below_one_request(raw, fact.path, fact.value):
            continue
        node = out
        *parents, leaf = fact.path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                break
        else:
            node[leaf] = list(fact.value) if isinstance(fact.value, tuple) else fact.value
            filled.append(fact.path)
    return out, filled


def _value(req: Requirements, path: str) -> Any:
    node: Any = req
    for part in path.split("."):
        node = getattr(node, part)
    return node


def requirements_with_use_case(
    req: Requirements, raw: Mapping[str, Any]
) -> tuple[Requirements, dict[str, Any], list[str]]:
    """`req` with what its use case states for fields the file left out (`read_use_case`), the
    mapping it was parsed from and the paths whose value that changed; `req` unchanged when what was
    read does not validate (the file stays the authority)."""
    filled_raw, filled = read_use_case(raw)
    if not filled:
        return req, dict(raw), []
    try:
        read = parse_requirements(filled_raw, "use case")
    except RequirementsError:
        return req, dict(raw), []
    changed = [p for p in filled if _value(read, p) != _value(req, p)]
    if not changed:
        return req, dict(raw), []
    return read, filled_raw, changed

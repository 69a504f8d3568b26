"""Every fact the offline brain produces names a real Requirements field and validates there."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from tests.brain.test_offline_cases import CASES, EXPECTING_CASES
from whichmodel.agent.brain import BOOL_PATHS, understand
from whichmodel.tools.decision.requirements import Requirements


def _field_exists(path: str) -> bool:
    model: type[BaseModel] = Requirements
    parts = path.split(".")
    for i, part in enumerate(parts):
        info = model.model_fields.get(part)
        if info is None:
            return False
        if i < len(parts) - 1:
            if not (isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel)):
                return False
            model = info.annotation
    return True


def _apply(raw: dict[str, Any], path: str, value: object) -> None:
    *parents, leaf = path.split(".")
    node = raw
    for p in parents:
        node = node.setdefault(p, {})
    node[leaf] = list(value) if isinstance(value, tuple) else value


ALL = CASES + EXPECTING_CASES


@pytest.mark.parametrize("case", ALL, ids=[f"{c.expecting or ''}:{c.message[:30]}" for c in ALL])
def test_facts_validate_in_requirements(case) -> None:
    got = understand(case.message, expecting=case.expecting, options=case.options)
    raw: dict[str, Any] = {"use_case": "test", "task_type": "chat"}
    for fact in got.facts:
        assert _field_exists(fact.path), fact
        assert fact.provenance in ("stated", "inferred")
        _apply(raw, fact.path, fact.value)
    req = Requirements.model_validate(raw)
    for fact in got.facts:  # the value survives validation unchanged (no silent coercion)
        node: Any = req
        for part in fact.path.split("."):
            node = getattr(node, part)
        expected = fact.value
        if fact.path == "deployment.open_weights" and req.deployment.self_host:
            expected = True
        assert node == expected, (fact, node)


def test_bool_paths_exist() -> None:
    for path in BOOL_PATHS:
        assert _field_exists(path), path


def test_gpu_names_are_in_the_gpu_table() -> None:
    from whichmodel.agent.brain.lexicon import GPUS
    from whichmodel.tools.decision.selfhost import resolve_gpu

    for _pattern, name in GPUS:
        assert resolve_gpu(name).name == name

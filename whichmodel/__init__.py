"""WhichModel: which model should we use? The public Python API for architects and embedders.

    import whichmodel
    rec = whichmodel.recommend({"use_case": "Classify news as fake or real", "task_type": "classification"})
    print(rec.quality_pick, rec.value_pick)

    async with whichmodel.Advisor() as advisor:    # the chat agent every front end uses
        reply = await advisor.send("thread-1", "We summarise 500 contracts a day")

The packages below (`whichmodel.agent`, `whichmodel.tools`, `whichmodel.knowledge`, `whichmodel.ui`)
are the layers; only what this module exports is the supported API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Advisor", "Recommendation", "Requirements", "recommend"]

if TYPE_CHECKING:
    from whichmodel.tools.decision.requirements import Requirements
    from whichmodel.tools.decision.result import Recommendation


def recommend(requirements: Any) -> Recommendation:
    """Rank the bundled catalog for `requirements`: a mapping (the requirements-file shape), a path to a
    YAML/JSON requirements file, or a `Requirements`. Raises `RequirementsError` (one line per problem)
    when they are invalid. Deterministic: the same requirements give the same recommendation."""
    from pathlib import Path

    from whichmodel.tools.decision import Requirements, parse_requirements
    from whichmodel.tools.recommend import recommend_from_file, recommend_requirements

    if isinstance(requirements, str | Path):
        return recommend_from_file(requirements)
    if isinstance(requirements, Requirements):
        return recommend_requirements(requirements)
    raw = dict(requirements)
    return recommend_requirements(parse_requirements(raw), raw)


def __getattr__(name: str) -> Any:
    # Lazy: importing whichmodel must not load LangGraph or the catalog.
    if name == "Advisor":
        from whichmodel.agent.service import Advisor

        return Advisor
    if name == "Requirements":
        from whichmodel.tools.decision.requirements import Requirements

        return Requirements
    if name == "Recommendation":
        from whichmodel.tools.decision.result import Recommendation

        return Recommendation
    raise AttributeError(name)

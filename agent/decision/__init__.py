"""The decision core: requirements in, a ranked and explained recommendation out.

Plain Python: no LLM, no network, no LangChain (enforced by ruff TID251 and tests/test_core_purity.py).
"""

from agent.decision.engine import recommend
from agent.decision.requirements import (
    TASK_TYPES,
    Requirements,
    RequirementsError,
    load_requirements_file,
    parse_requirements,
)
from agent.decision.result import Recommendation

__all__ = [
    "TASK_TYPES",
    "Recommendation",
    "Requirements",
    "RequirementsError",
    "load_requirements_file",
    "parse_requirements",
    "recommend",
]

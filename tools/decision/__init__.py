"""The decision core: requirements in, a ranked and explained recommendation out.

Plain Python: no LLM, no network, no LangChain (enforced by ruff TID251 and tests/test_core_purity.py).
"""

from whichmodel.tools.decision.engine import recommend
from whichmodel.tools.decision.requirements import (
    TASK_TYPES,
    Requirements,
    RequirementsError,
    load_requirements_file,
    parse_requirements,
)
from whichmodel.tools.decision.result import Reason, Recommendation
from whichmodel.tools.decision.whynot import WhyNot, why_not

__all__ = [
    "TASK_TYPES",
    "Reason",
    "Recommendation",
    "Requirements",
    "RequirementsError",
    "WhyNot",
    "load_requirements_file",
    "parse_requirements",
    "recommend",
    "why_not",
]

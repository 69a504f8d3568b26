"""Understanding user messages into requirement updates.

The offline brain (`understand`) is deterministic, English and Chinese, and needs no model beyond the
bundled sentence encoder (`agent.brain.embed`); its facts are `agent.state.Fact`.
"""

from whichmodel.agent.brain.offline import BOOL_PATHS, Understanding, understand
from whichmodel.agent.state import Fact
from whichmodel.knowledge.units import detect_language

__all__ = ["BOOL_PATHS", "Fact", "Understanding", "detect_language", "understand"]

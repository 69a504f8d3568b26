"""Understanding user messages into requirement updates.

The offline brain (`understand`) is deterministic, English and Chinese, and needs no model.
"""

from agent.brain.offline import BOOL_PATHS, Fact, Understanding, detect_language, understand

__all__ = ["BOOL_PATHS", "Fact", "Understanding", "detect_language", "understand"]

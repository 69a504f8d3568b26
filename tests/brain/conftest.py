"""Helpers the phrasing tests share: what the offline brain reads from a message, and a tolerant
number comparison."""

from __future__ import annotations

import math
from typing import Any

from whichmodel.agent.brain import understand


def facts(message: str, expecting: str | None = None) -> dict[str, Any]:
    """The requirement facts the offline brain reads from `message`, by path."""
    return {f.path: f.value for f in understand(message, expecting=expecting).facts}


def close(a: object, b: float, tol: float = 0.02) -> bool:
    """`a` is a number within `tol` (relative) of `b`."""
    return isinstance(a, int | float) and math.isclose(float(a), b, rel_tol=tol)

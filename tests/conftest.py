"""Suite-wide fixtures.

`figures`: tests that measure something (load, fuzz, probe runs) record their figures with
`figures.add("load", "p95 per turn", "123 ms")`; they are printed in pytest's terminal summary,
so CI output shows them even with `-q` and captured output.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest


@dataclass
class Figures:
    rows: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, group: str, name: str, value: str) -> None:
        self.rows.append((group, name, value))


_FIGURES = Figures()


@pytest.fixture
def figures() -> Iterator[Figures]:
    yield _FIGURES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _FIGURES.rows:
        return
    terminalreporter.section("measured figures")
    for group, name, value in _FIGURES.rows:
        terminalreporter.write_line(f"[{group}] {name}: {value}")

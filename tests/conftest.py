"""Suite-wide fixtures.

`figures`: tests that measure something (load, fuzz, probe runs) record their figures with
`figures.add("load", "p95 per turn", "123 ms")`; they are printed in pytest's terminal summary,
so CI output shows them even with `-q` and captured output.

The suite runs on the offline default whatever the machine has configured: provider keys, probe
endpoints, OAuth apps and WhichModel settings in the environment are dropped before any test (or
server subprocess) starts; a test that needs one sets it itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from whichmodel.settings import ENV

MACHINE_SETTING = re.compile(r"^(WHICHMODEL_(?!TEST_)|OPENAI_|AZURE_OPENAI_|OPENROUTER_|OAUTH_)")
"""Variables that would configure the app (`WHICHMODEL_TEST_*` configure the tests and stay)."""


def pytest_configure(config: pytest.Config) -> None:
    dropped = [v for v in os.environ if v in ENV.values() or MACHINE_SETTING.match(v)]
    for var in dropped:
        del os.environ[var]


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

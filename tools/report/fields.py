"""Plain names for the requirements' fields, their values and the catalog's sources, in English and Chinese.

The tables live in `tools.decision.names` (the explainer's sentences name fields too); the reports
import them from here.
"""

from __future__ import annotations

from whichmodel.tools.decision.names import (
    FIELDS,
    SOURCES_ZH,
    VALUES,
    field_name,
    source_attribution,
    source_name,
    value_name,
)

__all__ = ["FIELDS", "SOURCES_ZH", "VALUES", "field_name", "source_attribution", "source_name", "value_name"]

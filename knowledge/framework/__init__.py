"""The selection framework: bilingual (en/zh) Markdown documents, parsed into citable passages."""

from whichmodel.knowledge.framework.loader import (
    FRAMEWORK_ROOT,
    Passage,
    get_passage,
    load_passages,
    parse_document,
)

__all__ = ["FRAMEWORK_ROOT", "Passage", "get_passage", "load_passages", "parse_document"]

"""Download names for a conversation's report (the rules live in `tools.report.titles`, next to the
report: the chat's use-case summary and the file names come from the same title)."""

from __future__ import annotations

from whichmodel.tools.report.titles import names_for, report_file_names, report_title_slug

__all__ = ["names_for", "report_file_names", "report_title_slug"]

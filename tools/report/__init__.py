"""Recommendation reports: Markdown, self-contained HTML (with an SVG chart) and the JSON contract.

Renderers read a `Recommendation` from the decision core and only format it; they decide nothing.
"""

from whichmodel.tools.report.chart import render_chart_svg, standalone_svg, write_chart_svg
from whichmodel.tools.report.html import render_html
from whichmodel.tools.report.json_out import render_json, to_json
from whichmodel.tools.report.labels import report_language
from whichmodel.tools.report.markdown import render_markdown

__all__ = [
    "render_chart_svg",
    "render_html",
    "render_json",
    "render_markdown",
    "report_language",
    "standalone_svg",
    "to_json",
    "write_chart_svg",
]

"""Recommendation reports: Markdown, self-contained HTML (with an SVG chart) and the JSON contract.

Renderers read a `Recommendation` from the decision core and only format it; they decide nothing.
"""

from agent.report.chart import render_chart_svg, standalone_svg, write_chart_svg
from agent.report.html import render_html
from agent.report.json_out import render_json, to_json
from agent.report.labels import report_language
from agent.report.markdown import render_markdown

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

"""The SVG chart: well-formed XML, log-scale x, top picks labelled, unrated listed beside."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.report.fixtures import (
    HOSTILE,
    empty_recommendation,
    hostile_recommendation,
    realistic_recommendation,
)
from whichmodel.tools.report import render_chart_svg, write_chart_svg
from whichmodel.tools.report.chart import PLOT_LEFT, PLOT_RIGHT, chart_data

NS = {"svg": "http://www.w3.org/2000/svg"}


def _texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_chart_is_well_formed_and_lists_unplottable_candidates() -> None:
    root = ET.fromstring(render_chart_svg(realistic_recommendation()))
    texts = _texts(root)
    assert "#1 GPT-4o mini" in texts and "#2 Qwen3-32B" in texts
    # Gemini is unrated and Llama unpriced: listed beside the plot with the reason, not plotted.
    assert "Gemini 2.0 Flash-Lite" in texts and "n/a (unrated)" in texts
    assert "Llama 3.3 70B" in texts and "n/a (no price in catalog)" in texts
    titles = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert not any("Gemini" in t or "Llama" in t for t in titles)
    assert root.find("svg:polyline", NS) is not None  # the frontier


def test_points_sit_on_a_log_cost_scale() -> None:
    rec = realistic_recommendation()
    root = ET.fromstring(render_chart_svg(rec))
    circles = [
        c for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.find("svg:title", NS) is not None
    ]
    xs = {"".join(c.find("svg:title", NS).itertext()).split(" (")[0]: float(c.get("cx")) for c in circles}
    # $2.79 and $788.40 in decades 10^0..10^3: x = left + log10(cost)/3 * width
    for name, cost in (("GPT-4o mini", 2.79), ("Qwen3-32B", 788.4)):
        expected = PLOT_LEFT + math.log10(cost) / 3 * (PLOT_RIGHT - PLOT_LEFT)
        assert abs(xs[name] - expected) < 0.2


def test_error_bars_follow_the_confidence_bounds() -> None:
    data = chart_data(realistic_recommendation(), "en")
    top = next(p for p in data.points if p.rank == 1)
    assert (top.lower, top.upper) == (95.0, 100.0)  # 101.9 is past the 0-100 scale: clipped
    assert {p.model for p in data.points} == {"GPT-4o mini", "Qwen3-32B"}


def test_standalone_file_and_empty_chart(tmp_path: Path) -> None:
    path = write_chart_svg(realistic_recommendation(), tmp_path / "chart.svg")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert ET.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    empty = ET.fromstring(render_chart_svg(empty_recommendation()))
    assert "No candidate has both a price and a rating." in _texts(empty)


def test_hostile_names_are_escaped_in_svg() -> None:
    svg = render_chart_svg(hostile_recommendation())
    assert HOSTILE not in svg
    root = ET.fromstring(svg)  # still well-formed
    assert not list(root.iter("script")) and not list(root.iter("{http://www.w3.org/2000/svg}script"))

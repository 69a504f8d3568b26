"""Measured accuracy on the person's examples as plain SVG: one bar per probed endpoint.

Each bar is the measured accuracy with its 95% interval as a whisker and ``n`` beside it; a dashed
line marks the accuracy target when there is one. Endpoints with no accuracy (every item failed)
are drawn as an empty row saying so, never as a zero-length bar.
"""

from __future__ import annotations

from html import escape

from whichmodel.tools.decision.explain import stated_pct
from whichmodel.tools.decision.result import ProbeEvidence
from whichmodel.tools.report.labels import labels_for

WIDTH = 840
LEFT, RIGHT, TOP = 230, 760, 56
ROW = 34
COLOURS = {"bar": "#0f766e", "whisker": "#1f2937", "target": "#c2410c", "grid": "#e5e7eb", "ink": "#1f2937"}


def _text(
    x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", weight: str = "normal"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{COLOURS["ink"]}">{escape(text)}</text>'
    )


def _shorten(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def render_probe_chart_svg(evidence: ProbeEvidence, lang: str, target: float | None = None) -> str:
    """The chart as an ``<svg>`` element (no XML declaration), ready to inline in HTML."""
    t = labels_for("zh" if lang == "zh" else "en")
    rows = evidence.measurements
    height = TOP + ROW * max(1, len(rows)) + 48
    bottom = TOP + ROW * max(1, len(rows))

    def x(value: float) -> float:
        return LEFT + (RIGHT - LEFT) * max(0.0, min(1.0, value))

    title = t["probe_chart_title"].format(probe_set=evidence.probe_set, n=evidence.n_examples)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" font-family="sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        _text(20, 26, title, size=15, weight="bold"),
    ]
    for tick in range(0, 101, 20):
        gx = x(tick / 100)
        out.append(
            f'<line x1="{gx:.1f}" y1="{TOP - 6}" x2="{gx:.1f}" y2="{bottom}" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(_text(gx, bottom + 16, f"{tick}%", size=11, anchor="middle"))
    out.append(_text((LEFT + RIGHT) / 2, bottom + 34, t["probe_chart_axis"], size=12, anchor="middle"))
    for i, m in enumerate(rows):
        y = TOP + ROW * i
        mid = y + ROW / 2
        out.append(_text(LEFT - 10, mid + 4, _shorten(m.endpoint), anchor="end"))
        if m.accuracy is None:
            out.append(_text(LEFT + 6, mid + 4, t["probe_no_accuracy"], size=11))
            continue
        out.append(
            f'<rect x="{LEFT}" y="{y + 8}" width="{x(m.accuracy) - LEFT:.1f}" height="{ROW - 16}" '
            f'fill="{COLOURS["bar"]}" opacity="0.85"/>'
        )
        if m.ci95_low is not None and m.ci95_high is not None:
            lo, hi = x(m.ci95_low), x(m.ci95_high)
            out.append(
                f'<line x1="{lo:.1f}" y1="{mid:.1f}" x2="{hi:.1f}" y2="{mid:.1f}" stroke="{COLOURS["whisker"]}" '
                'stroke-width="1.5"/>'
            )
            for edge in (lo, hi):
                out.append(
                    f'<line x1="{edge:.1f}" y1="{mid - 6:.1f}" x2="{edge:.1f}" y2="{mid + 6:.1f}" '
                    f'stroke="{COLOURS["whisker"]}" stroke-width="1.5"/>'
                )
        label = f"{m.accuracy:.0%} (n={m.n})"
        out.append(_text(min(x(m.ci95_high or m.accuracy) + 8, WIDTH - 70), mid + 4, label, size=11))
    if target is not None:
        tx = x(target)
        out.append(
            f'<line x1="{tx:.1f}" y1="{TOP - 10}" x2="{tx:.1f}" y2="{bottom}" stroke="{COLOURS["target"]}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        out.append(
            _text(tx, TOP - 14, t["probe_target"].format(target=stated_pct(target)), size=11, anchor="middle")
        )
    out.append("</svg>")
    return "\n".join(out)

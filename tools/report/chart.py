"""Cost-vs-quality chart as plain SVG, drawn in Python (no plotting library, no external assets).

x is the monthly cost on a log scale, y the quality rating (Elo) with its confidence interval as an
error bar. The Pareto frontier is a line, the top picks are highlighted and labelled. Candidates
without a rating or a price are listed beside the plot instead of being drawn at zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from tools.decision.result import Candidate, Recommendation
from tools.report import formatting as fmt
from tools.report.labels import Lang, labels_for, report_language

WIDTH, HEIGHT = 840, 450
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 78, 570, 48, 382
PANEL_LEFT = 596
TOP_PICKS = 3
COLOURS = {"top": "#c2410c", "other": "#94a3b8", "frontier": "#0f766e", "grid": "#e5e7eb", "ink": "#1f2937"}


@dataclass(frozen=True)
class ChartPoint:
    model: str
    offering: str
    cost: float
    quality: float
    lower: float | None
    upper: float | None
    rank: int | None
    """Rank when the candidate is a top pick, else None."""
    frontier: bool


@dataclass(frozen=True)
class ChartData:
    points: tuple[ChartPoint, ...]
    unplotted: tuple[tuple[str, str], ...]
    """(model, why it is not plotted)."""


def _key(c: Candidate) -> tuple[str, str, bool]:
    return (c.model_key, c.offering_id or "", c.self_hosted)


def chart_data(rec: Recommendation, lang: Lang) -> ChartData:
    """Split the ranked candidates and the frontier into plottable points and the rest."""
    t = labels_for(lang)
    frontier_keys = {_key(c) for c in rec.frontier}
    seen: dict[tuple[str, str, bool], Candidate] = {}
    for c in [*rec.recommendations, *rec.frontier]:
        seen.setdefault(_key(c), c)
    top_keys = {_key(c): c.rank for c in rec.recommendations if c.rank <= TOP_PICKS}
    points: list[ChartPoint] = []
    unplotted: list[tuple[str, str]] = []
    for key, c in seen.items():
        offering = c.offering_id or t["self_hosted"]
        if c.quality is None:
            unplotted.append((c.model, t["na_rating"]))
        elif c.monthly_cost_usd is None:
            unplotted.append((c.model, t["na_price"]))
        elif c.monthly_cost_usd <= 0:
            unplotted.append((c.model, t["free_log"]))
        else:
            points.append(
                ChartPoint(
                    model=c.model,
                    offering=offering,
                    cost=c.monthly_cost_usd,
                    quality=c.quality,
                    lower=c.quality_lower,
                    upper=c.quality_upper,
                    rank=top_keys.get(key),
                    frontier=key in frontier_keys or c.on_pareto_frontier,
                )
            )
    return ChartData(tuple(points), tuple(unplotted))


def _nice_step(span: float, target_ticks: int = 5) -> float:
    raw = span / target_ticks
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def _decade_label(exponent: int) -> str:
    """$0.01, $0.1, $1, $10, $1,000: a decade tick without trailing zeros."""
    value = 10.0**exponent
    return f"${value:,.0f}" if exponent >= 0 else f"${value:.{-exponent}f}"


def _text(
    x: float,
    y: float,
    s: str,
    *,
    size: int = 12,
    anchor: str = "start",
    weight: str = "normal",
    fill: str = COLOURS["ink"],
    extra: str = "",
) -> str:
    return (
        f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}"{extra}>{escape(s)}</text>'
    )


def _spread_labels(ys: list[float], gap: float = 14.0) -> list[float]:
    """Push labels apart vertically (in their original order by y) so they do not overlap."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = list(ys)
    last = -math.inf
    for i in order:
        placed[i] = max(ys[i], last + gap)
        last = placed[i]
    return placed


def render_chart_svg(rec: Recommendation, lang: Lang | None = None) -> str:
    """The chart as an `<svg>` element (no XML declaration), ready to inline in HTML."""
    lang = lang or report_language(rec)
    t = labels_for(lang)
    data = chart_data(rec, lang)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(t["chart_title"])}" font-family="sans-serif">',
        f"<title>{escape(t['chart_title'])}</title>",
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        _text(PLOT_LEFT, 24, t["chart_title"], size=15, weight="bold"),
    ]
    if data.points:
        out += _plot(data.points, t)
    else:
        out.append(
            f'<rect x="{PLOT_LEFT}" y="{PLOT_TOP}" width="{PLOT_RIGHT - PLOT_LEFT}" '
            f'height="{PLOT_BOTTOM - PLOT_TOP}" fill="none" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(
            _text(
                (PLOT_LEFT + PLOT_RIGHT) / 2,
                (PLOT_TOP + PLOT_BOTTOM) / 2,
                t["nothing_to_plot"],
                anchor="middle",
            )
        )
    out += _panel(data.unplotted, t)
    out.append("</svg>")
    return "\n".join(out)


def _plot(points: tuple[ChartPoint, ...], t: dict[str, str]) -> list[str]:
    out: list[str] = []
    costs = [p.cost for p in points]
    d_lo = math.floor(math.log10(min(costs)))
    d_hi = math.ceil(math.log10(max(costs)))
    if d_hi <= d_lo:
        d_hi = d_lo + 1
    qualities = [v for p in points for v in (p.quality, p.lower, p.upper) if v is not None]
    q_lo, q_hi = min(qualities), max(qualities)
    pad = max(10.0, (q_hi - q_lo) * 0.1)
    q_lo, q_hi = q_lo - pad, q_hi + pad

    def x(cost: float) -> float:
        return PLOT_LEFT + (math.log10(cost) - d_lo) / (d_hi - d_lo) * (PLOT_RIGHT - PLOT_LEFT)

    def y(q: float) -> float:
        return PLOT_BOTTOM - (q - q_lo) / (q_hi - q_lo) * (PLOT_BOTTOM - PLOT_TOP)

    # Grid and ticks.
    decade_step = max(1, math.ceil((d_hi - d_lo) / 8))
    for d in range(d_lo, d_hi + 1, decade_step):
        gx = x(10.0**d)
        out.append(
            f'<line x1="{_fmt(gx)}" y1="{PLOT_TOP}" x2="{_fmt(gx)}" y2="{PLOT_BOTTOM}" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(_text(gx, PLOT_BOTTOM + 16, _decade_label(d), size=11, anchor="middle"))
    step = _nice_step(q_hi - q_lo)
    tick = math.ceil(q_lo / step) * step
    while tick <= q_hi:
        gy = y(tick)
        out.append(
            f'<line x1="{PLOT_LEFT}" y1="{_fmt(gy)}" x2="{PLOT_RIGHT}" y2="{_fmt(gy)}" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(_text(PLOT_LEFT - 6, gy + 4, f"{tick:,.0f}", size=11, anchor="end"))
        tick += step
    out.append(
        f'<rect x="{PLOT_LEFT}" y="{PLOT_TOP}" width="{PLOT_RIGHT - PLOT_LEFT}" height="{PLOT_BOTTOM - PLOT_TOP}" '
        f'fill="none" stroke="{COLOURS["ink"]}" stroke-width="1"/>'
    )
    out.append(_text((PLOT_LEFT + PLOT_RIGHT) / 2, HEIGHT - 22, t["axis_x"], size=12, anchor="middle"))
    cy = (PLOT_TOP + PLOT_BOTTOM) / 2
    out.append(
        _text(20, cy, t["axis_y"], size=12, anchor="middle", extra=f' transform="rotate(-90 20 {_fmt(cy)})"')
    )

    # Pareto frontier.
    frontier = sorted((p for p in points if p.frontier), key=lambda p: (p.cost, -p.quality))
    if len(frontier) >= 2:
        coords = " ".join(f"{_fmt(x(p.cost))},{_fmt(y(p.quality))}" for p in frontier)
        out.append(
            f'<polyline points="{coords}" fill="none" stroke="{COLOURS["frontier"]}" stroke-width="2" stroke-dasharray="6 3"/>'
        )

    # Labels for the top picks, drawn before the points so that no halo hides a point.
    tops = sorted((p for p in points if p.rank), key=lambda p: p.rank or 0)
    label_ys = _spread_labels([y(p.quality) - 10 for p in tops])
    for p, ly in zip(tops, label_ys, strict=True):
        px = x(p.cost)
        right = px > PLOT_RIGHT - 170
        lx, label, anchor = (
            (px - 10 if right else px + 10),
            f"#{p.rank} {fmt.shorten(p.model, 28)}",
            "end" if right else "start",
        )
        # A white halo drawn first keeps the label readable over grid lines, bars and the frontier.
        out.append(
            _text(
                lx,
                ly,
                label,
                size=12,
                anchor=anchor,
                weight="bold",
                fill="#ffffff",
                extra=' stroke="#ffffff" stroke-width="4" stroke-linejoin="round"',
            )
        )
        out.append(_text(lx, ly, label, size=12, anchor=anchor, weight="bold", fill=COLOURS["top"]))

    # Error bars, then points (top picks last so they sit on top).
    for p in sorted(points, key=lambda p: (p.rank is not None, -(p.rank or 0))):
        px, py = x(p.cost), y(p.quality)
        colour = COLOURS["top"] if p.rank else COLOURS["other"]
        if p.lower is not None and p.upper is not None:
            lo_y, hi_y = y(p.lower), y(p.upper)
            out.append(
                f'<line x1="{_fmt(px)}" y1="{_fmt(lo_y)}" x2="{_fmt(px)}" y2="{_fmt(hi_y)}" stroke="{colour}" stroke-width="1.5"/>'
            )
            for cap in (lo_y, hi_y):
                out.append(
                    f'<line x1="{_fmt(px - 4)}" y1="{_fmt(cap)}" x2="{_fmt(px + 4)}" y2="{_fmt(cap)}" stroke="{colour}" stroke-width="1.5"/>'
                )
        radius = 7 if p.rank else 4.5
        tip = f"{p.model} ({p.offering}): {fmt.usd(p.cost, '')}/month, Elo {p.quality:,.0f}"
        out.append(
            f'<circle cx="{_fmt(px)}" cy="{_fmt(py)}" r="{radius}" fill="{colour}" stroke="#ffffff" stroke-width="1.5">'
            f"<title>{escape(tip)}</title></circle>"
        )
    return out


def _panel(unplotted: tuple[tuple[str, str], ...], t: dict[str, str]) -> list[str]:
    out: list[str] = []
    y0 = PLOT_TOP + 4
    legend = (
        (f'<circle cx="{PANEL_LEFT + 6}" cy="{y0}" r="6" fill="{COLOURS["top"]}"/>', t["legend_top"]),
        (
            f'<circle cx="{PANEL_LEFT + 6}" cy="{y0 + 20}" r="4.5" fill="{COLOURS["other"]}"/>',
            t["legend_other"],
        ),
        (
            f'<line x1="{PANEL_LEFT}" y1="{y0 + 40}" x2="{PANEL_LEFT + 14}" y2="{y0 + 40}" '
            f'stroke="{COLOURS["frontier"]}" stroke-width="2" stroke-dasharray="6 3"/>',
            t["legend_frontier"],
        ),
    )
    for i, (mark, label) in enumerate(legend):
        out.append(mark)
        out.append(_text(PANEL_LEFT + 22, y0 + 20 * i + 4, label, size=12))
    if unplotted:
        y = y0 + 80
        out.append(_text(PANEL_LEFT, y, t["unrated_side"], size=12, weight="bold"))
        max_rows = int((HEIGHT - 20 - y) // 30)
        for i, (model, why) in enumerate(unplotted[:max_rows]):
            y += 30
            out.append(_text(PANEL_LEFT, y - 12, fmt.shorten(model, 34), size=11))
            out.append(_text(PANEL_LEFT + 8, y, fmt.shorten(why, 36), size=10, fill="#6b7280"))
            if i == max_rows - 1 and len(unplotted) > max_rows:
                out.append(
                    _text(PANEL_LEFT, y + 16, f"+{len(unplotted) - max_rows}", size=10, fill="#6b7280")
                )
    return out


def standalone_svg(rec: Recommendation, lang: Lang | None = None) -> str:
    """The chart as the text of a standalone .svg file (with an XML declaration)."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + render_chart_svg(rec, lang) + "\n"


def write_chart_svg(rec: Recommendation, path: str | Path, lang: Lang | None = None) -> Path:
    """Write the chart as a standalone .svg file; returns the path."""
    target = Path(path)
    target.write_text(standalone_svg(rec, lang), encoding="utf-8")
    return target

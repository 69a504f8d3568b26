"""Cost-vs-quality chart as plain SVG, drawn in Python (no plotting library, no external assets).

x is the monthly cost on a log scale, y the public ranking score (Elo) with its confidence interval
as an error bar. The Pareto frontier is a line; the top picks are numbered circles, named in the
legend beside the plot (names never collide on the plot). A stated budget is a vertical line.
Candidates without a rating or a price are listed beside the plot instead of being drawn at zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from whichmodel.tools.decision.explain import on_quality_scale
from whichmodel.tools.decision.result import Candidate, Lang, Recommendation
from whichmodel.tools.report import formatting as fmt
from whichmodel.tools.report.labels import labels_for, report_language

WIDTH, HEIGHT = 900, 480
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 84, 560, 56, 400
PANEL_LEFT = 590
TOP_PICKS = 3
COLOURS = {
    "top": "#c2410c",
    "other": "#94a3b8",
    "frontier": "#0f766e",
    "grid": "#e5e7eb",
    "ink": "#1f2937",
    "budget": "#7c3aed",
    "muted": "#4b5563",
}
FONT = {"title": 18, "axis": 15, "tick": 13, "legend": 14, "small": 12}
"""Font sizes (px at the chart's own size): readable when the chart is shown at phone width."""

CHART_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "axis_y": "Public ranking score (Elo)",
        "budget": "Your budget {amount}/month",
        "legend_budget": "Your budget",
        "per_month": "/month",
    },
    "zh": {
        "axis_y": "公开排行榜评分（Elo）",
        "budget": "您的预算 {amount}/月",
        "legend_budget": "您的预算",
        "per_month": "/月",
    },
}
"""Chart wording not in the report's labels (the y axis in plain words first, the budget line)."""


def chart_text(lang: Lang) -> dict[str, str]:
    return CHART_TEXT["zh" if lang == "zh" else "en"]


def monthly_budget(rec: Recommendation) -> float | None:
    """The stated budget as USD per month (a per-1,000-requests budget at the stated volume), or None."""
    req = rec.requirements
    if req.budget.monthly_usd:
        return float(req.budget.monthly_usd)
    if req.budget.per_1k_requests_usd:
        return float(req.budget.per_1k_requests_usd) * req.volume.requests_per_month / 1000
    return None


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
    budget: float | None = None
    """The stated budget in USD per month (drawn as a vertical line), or None."""

    @property
    def tops(self) -> tuple[ChartPoint, ...]:
        """The numbered top picks, by rank."""
        return tuple(sorted((p for p in self.points if p.rank), key=lambda p: p.rank or 0))


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
                    lower=None if c.quality_lower is None else on_quality_scale(c.quality_lower),
                    upper=None if c.quality_upper is None else on_quality_scale(c.quality_upper),
                    rank=top_keys.get(key),
                    frontier=key in frontier_keys or c.on_pareto_frontier,
                )
            )
    return ChartData(tuple(points), tuple(unplotted), monthly_budget(rec))


def _nice_step(span: float, target_ticks: int = 5) -> float:
    raw = span / target_ticks
    magnitude: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _money(v: float) -> str:
    """$1,500 / $45 / $1.82: whole dollars from $10 up, cents below."""
    return f"${v:,.0f}" if v >= 10 else f"${v:,.2f}"


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
        _text(PLOT_LEFT, 30, t["chart_title"], size=FONT["title"], weight="bold"),
    ]
    t = {**t, **chart_text(lang)}
    if data.points:
        out += _plot(data.points, t, data.budget)
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
                size=FONT["axis"],
                anchor="middle",
            )
        )
    out += _panel(data, t)
    out.append("</svg>")
    return "\n".join(out)


def _plot(points: tuple[ChartPoint, ...], t: dict[str, str], budget: float | None = None) -> list[str]:
    out: list[str] = []
    costs = [p.cost for p in points] + ([budget] if budget else [])
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
    decade_step = max(1, math.ceil((d_hi - d_lo) / 6))
    for d in range(d_lo, d_hi + 1, decade_step):
        gx = x(10.0**d)
        out.append(
            f'<line x1="{_fmt(gx)}" y1="{PLOT_TOP}" x2="{_fmt(gx)}" y2="{PLOT_BOTTOM}" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(_text(gx, PLOT_BOTTOM + 20, _decade_label(d), size=FONT["tick"], anchor="middle"))
    step = _nice_step(q_hi - q_lo)
    tick = math.ceil(q_lo / step) * step
    while tick <= q_hi:
        gy = y(tick)
        out.append(
            f'<line x1="{PLOT_LEFT}" y1="{_fmt(gy)}" x2="{PLOT_RIGHT}" y2="{_fmt(gy)}" stroke="{COLOURS["grid"]}"/>'
        )
        out.append(_text(PLOT_LEFT - 8, gy + 5, f"{tick:,.0f}", size=FONT["tick"], anchor="end"))
        tick += step
    out.append(
        f'<rect x="{PLOT_LEFT}" y="{PLOT_TOP}" width="{PLOT_RIGHT - PLOT_LEFT}" height="{PLOT_BOTTOM - PLOT_TOP}" '
        f'fill="none" stroke="{COLOURS["ink"]}" stroke-width="1"/>'
    )
    out.append(
        _text((PLOT_LEFT + PLOT_RIGHT) / 2, HEIGHT - 28, t["axis_x"], size=FONT["axis"], anchor="middle")
    )
    cy = (PLOT_TOP + PLOT_BOTTOM) / 2
    out.append(
        _text(
            22,
            cy,
            t["axis_y"],
            size=FONT["axis"],
            anchor="middle",
            extra=f' transform="rotate(-90 22 {_fmt(cy)})"',
        )
    )

    # The budget: a vertical line, labelled at the top inside the plot.
    if budget:
        bx = x(budget)
        out.append(
            f'<line x1="{_fmt(bx)}" y1="{PLOT_TOP}" x2="{_fmt(bx)}" y2="{PLOT_BOTTOM}" '
            f'stroke="{COLOURS["budget"]}" stroke-width="2" stroke-dasharray="2 4"/>'
        )
        left = bx > (PLOT_LEFT + PLOT_RIGHT) / 2
        label = t["budget"].format(amount=_money(budget))
        out.append(
            _text(
                bx - 6 if left else bx + 6,
                PLOT_TOP + 18,
                label,
                size=FONT["small"],
                anchor="end" if left else "start",
                weight="bold",
                fill=COLOURS["budget"],
                extra=' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"',
            )
        )

    # Pareto frontier.
    frontier = sorted((p for p in points if p.frontier), key=lambda p: (p.cost, -p.quality))
    if len(frontier) >= 2:
        coords = " ".join(f"{_fmt(x(p.cost))},{_fmt(y(p.quality))}" for p in frontier)
        out.append(
            f'<polyline points="{coords}" fill="none" stroke="{COLOURS["frontier"]}" stroke-width="2" stroke-dasharray="6 3"/>'
        )

    # Error bars, then points (top picks last so they sit on top), each top pick numbered.
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
        radius = 7 if p.rank else 5
        tip = f"{p.model} ({p.offering}): {fmt.usd(p.cost, '')}{t['per_month']}, Elo {p.quality:,.0f}"
        out.append(
            f'<circle cx="{_fmt(px)}" cy="{_fmt(py)}" r="{radius}" fill="{colour}" stroke="#ffffff" stroke-width="1.5">'
            f"<title>{escape(tip)}</title></circle>"
        )
    # Numbered badges for the top picks, moved apart when they would overlap (with a leader line).
    tops = sorted((p for p in points if p.rank), key=lambda p: p.rank or 0)
    centres = [(x(p.cost), y(p.quality)) for p in tops]
    badges = place_badges(centres, BADGE_RADIUS, (PLOT_LEFT, PLOT_TOP, PLOT_RIGHT, PLOT_BOTTOM))
    for p, (px, py), (bx, by) in zip(tops, centres, badges, strict=True):
        if (bx, by) != (px, py):
            out.append(
                f'<line x1="{_fmt(px)}" y1="{_fmt(py)}" x2="{_fmt(bx)}" y2="{_fmt(by)}" '
                f'stroke="{COLOURS["top"]}" stroke-width="1.5"/>'
            )
        out.append(
            f'<circle cx="{_fmt(bx)}" cy="{_fmt(by)}" r="{BADGE_RADIUS}" fill="{COLOURS["top"]}" '
            'stroke="#ffffff" stroke-width="1.5"/>'
        )
        out.append(
            _text(bx, by + 5, str(p.rank), size=FONT["tick"], anchor="middle", weight="bold", fill="#ffffff")
        )
    return out


BADGE_RADIUS = 11


def place_badges(
    centres: list[tuple[float, float]], radius: float, bounds: tuple[float, float, float, float]
) -> list[tuple[float, float]]:
    """Positions for numbered badges on points: on the point when it is free, else moved up (or down)
    in steps until it overlaps no badge already placed, staying inside `bounds` (left, top, right,
    bottom). Pure, in pixels; the first badge (rank 1) always sits on its point."""
    placed: list[tuple[float, float]] = []
    gap = 2 * radius + 3
    left, top, right, bottom = bounds
    for cx, cy in centres:
        cx = min(max(cx, left + radius), right - radius)
        candidates = [(cx, cy)]
        for k in range(1, 12):
            candidates += [(cx, cy - k * gap * 0.75), (cx, cy + k * gap * 0.75)]
            candidates += [
                (cx + k * gap * 0.75, cy - k * gap * 0.75),
                (cx - k * gap * 0.75, cy - k * gap * 0.75),
            ]
        for bx, by in candidates:
            inside = left + radius <= bx <= right - radius and top + radius <= by <= bottom - radius
            if inside and all((bx - ox) ** 2 + (by - oy) ** 2 >= gap**2 for ox, oy in placed):
                placed.append((bx, by))
                break
        else:
            placed.append((cx, cy))
    return placed


def _panel(data: ChartData, t: dict[str, str]) -> list[str]:
    """The legend beside the plot: the numbered top picks by name, the marks, then what is not plotted."""
    out: list[str] = []
    y = PLOT_TOP + 6
    out.append(_text(PANEL_LEFT, y + 5, t["legend_top"], size=FONT["legend"], weight="bold"))
    for p in data.tops:
        y += 26
        out.append(f'<circle cx="{PANEL_LEFT + 11}" cy="{_fmt(y)}" r="11" fill="{COLOURS["top"]}"/>')
        out.append(_text(PANEL_LEFT + 11, y + 5, str(p.rank), size=FONT["tick"], anchor="middle", weight="bold",
                         fill="#ffffff"))  # fmt: skip
        out.append(
            _text(PANEL_LEFT + 30, y + 5, f"#{p.rank} {fmt.shorten(p.model, 24)}", size=FONT["legend"])
        )
        out.append(
            _text(
                PANEL_LEFT + 30,
                y + 21,
                f"{_money(p.cost)}{t['per_month']}",
                size=FONT["small"],
                fill=COLOURS["muted"],
            )
        )
        y += 14
    y += 30
    marks = [
        (
            f'<circle cx="{PANEL_LEFT + 11}" cy="{_fmt(y)}" r="5" fill="{COLOURS["other"]}"/>',
            t["legend_other"],
        ),
        (
            f'<line x1="{PANEL_LEFT}" y1="{_fmt(y + 24)}" x2="{PANEL_LEFT + 22}" y2="{_fmt(y + 24)}" '
            f'stroke="{COLOURS["frontier"]}" stroke-width="2" stroke-dasharray="6 3"/>',
            t["legend_frontier"],
        ),
    ]
    if data.budget and data.points:
        marks.append(
            (
                f'<line x1="{PANEL_LEFT + 11}" y1="{_fmt(y + 38)}" x2="{PANEL_LEFT + 11}" y2="{_fmt(y + 58)}" '
                f'stroke="{COLOURS["budget"]}" stroke-width="2" stroke-dasharray="2 4"/>',
                t["legend_budget"],
            )
        )
    for i, (mark, label) in enumerate(marks):
        out.append(mark)
        out.append(_text(PANEL_LEFT + 30, y + 24 * i + 5, label, size=FONT["legend"]))
    y += 24 * len(marks) + 16
    if data.unplotted:
        y += 10
        out.append(_text(PANEL_LEFT, y, t["unrated_side"], size=FONT["small"], weight="bold"))
        max_rows = max(0, int((HEIGHT - 16 - y) // 34))
        for i, (model, why) in enumerate(data.unplotted[:max_rows]):
            y += 34
            out.append(_text(PANEL_LEFT, y - 14, fmt.shorten(model, 34), size=FONT["small"]))
            out.append(
                _text(PANEL_LEFT + 8, y, fmt.shorten(why, 38), size=FONT["small"] - 1, fill=COLOURS["muted"])
            )
            if i == max_rows - 1 and len(data.unplotted) > max_rows:
                out.append(
                    _text(
                        PANEL_LEFT,
                        y + 16,
                        f"+{len(data.unplotted) - max_rows}",
                        size=FONT["small"],
                        fill=COLOURS["muted"],
                    )
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

"""The cost-vs-quality chart as a PNG image, for clients that cannot show SVG (Slack).

Drawn with matplotlib's Agg backend from the same `chart_data` as the SVG chart (tools/report/chart.py):
x is the monthly cost on a log scale, y the public ranking score (Elo) with its confidence interval,
the Pareto frontier is a dashed line, the top picks are numbered badges named in the legend (moved
apart with a leader line when they would overlap), a stated budget is a vertical line, and candidates
without a rating or a price are listed beside the plot instead of being drawn at zero.

Chinese labels need a CJK font on the machine (e.g. Debian's fonts-noto-cjk or fonts-wqy-zenhei).
Without one, the image uses the English labels rather than drawing empty boxes; `cjk_font()` tells.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from typing import Any

from whichmodel.tools.decision.result import Lang, Recommendation
from whichmodel.tools.report import formatting as fmt
from whichmodel.tools.report.chart import (
    BADGE_RADIUS,
    COLOURS,
    ChartData,
    chart_data,
    chart_text,
    place_badges,
)
from whichmodel.tools.report.labels import labels_for, report_language

log = logging.getLogger("whichmodel.report")

CJK_FONT_NAMES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)
"""Fonts that cover Simplified Chinese, in order of preference."""
DPI = 100
SIZE_INCHES = (9.0, 4.8)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed font that covers Chinese, or None."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONT_NAMES if name in installed), None)


def render_chart_png(rec: Recommendation, lang: Lang | None = None) -> bytes:
    """The chart as PNG bytes (840x450 px)."""
    lang = lang or report_language(rec)
    family = ["DejaVu Sans"]
    if lang == "zh":
        font = cjk_font()
        if font is None:
            log.warning("no CJK font installed: the PNG chart uses English labels")
            lang = "en"
        else:
            family = [font, "DejaVu Sans"]
    return _draw(chart_data(rec, lang), {**labels_for(lang), **chart_text(lang)}, family)


def _money(v: float) -> str:
    return f"${v:,.0f}" if v >= 10 else f"${v:,.2f}"


def _draw(data: ChartData, t: dict[str, str], family: list[str]) -> bytes:
    import math

    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=SIZE_INCHES, dpi=DPI)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes((0.10, 0.17, 0.52, 0.70))
    ink = COLOURS["ink"]
    text_kw: dict[str, Any] = {"family": family, "color": ink}
    fig.text(0.10, 0.92, t["chart_title"], fontsize=16, fontweight="bold", **text_kw)

    points = data.points
    if points:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"${v:,.0f}" if v >= 1 else f"${v:g}"))
        ax.grid(True, color=COLOURS["grid"], linewidth=0.8)
        ax.set_axisbelow(True)
        costs = [p.cost for p in points] + ([data.budget] if data.budget else [])
        ax.set_xlim(10 ** math.floor(math.log10(min(costs))), 10 ** math.ceil(math.log10(max(costs))))
        qualities = [v for p in points for v in (p.quality, p.lower, p.upper) if v is not None]
        pad = max(10.0, (max(qualities) - min(qualities)) * 0.1)
        ax.set_ylim(min(qualities) - pad, max(qualities) + pad)
        frontier = sorted((p for p in points if p.frontier), key=lambda p: (p.cost, -p.quality))
        if len(frontier) >= 2:
            ax.plot(
                [p.cost for p in frontier],
                [p.quality for p in frontier],
                linestyle=(0, (6, 3)),
                color=COLOURS["frontier"],
                linewidth=2,
                zorder=2,
            )
        if data.budget:
            ax.axvline(data.budget, color=COLOURS["budget"], linestyle=(0, (1, 3)), linewidth=2, zorder=2)
            ax.annotate(
                t["budget"].format(amount=_money(data.budget)),
                (data.budget, 1.0),
                xycoords=("data", "axes fraction"),
                xytext=(-6, -16),
                textcoords="offset points",
                ha="right",
                fontsize=11,
                fontweight="bold",
                color=COLOURS["budget"],
                family=family,
                zorder=6,
            )
        for p in sorted(points, key=lambda p: (p.rank is not None, -(p.rank or 0))):
            colour = COLOURS["top"] if p.rank else COLOURS["other"]
            if p.lower is not None and p.upper is not None:
                ax.errorbar(
                    [p.cost],
                    [p.quality],
                    yerr=[[p.quality - p.lower], [p.upper - p.quality]],
                    fmt="none",
                    ecolor=colour,
                    elinewidth=1.5,
                    capsize=4,
                    zorder=3,
                )
            ax.scatter(
                [p.cost],
                [p.quality],
                s=60 if p.rank else 40,
                color=colour,
                edgecolors="white",
                linewidths=1.5,
                zorder=4,
            )
        # Numbered badges, placed in pixels like the SVG chart's (no two overlap).
        tops = data.tops
        to_px = ax.transData.transform
        centres = [tuple(to_px((p.cost, p.quality))) for p in tops]
        box = ax.get_window_extent()
        r = BADGE_RADIUS * 0.9
        # Pixel y grows upwards here: flip to the SVG convention for place_badges, and back.
        height = fig.bbox.height
        flipped = [(cx, height - cy) for cx, cy in centres]
        placed = place_badges(flipped, r, (box.x0, height - box.y1, box.x1, height - box.y0))
        to_data = ax.transData.inverted().transform
        for p, (cx, cy), (bx, by) in zip(tops, centres, placed, strict=True):
            dx, dy = to_data((bx, height - by))
            if (bx, height - by) != (cx, cy):
                ax.plot([p.cost, dx], [p.quality, dy], color=COLOURS["top"], linewidth=1.5, zorder=5)
            ax.scatter([dx], [dy], s=(2 * r) ** 2 * 0.75, color=COLOURS["top"], edgecolors="white", zorder=6)
            ax.text(dx, dy, str(p.rank), ha="center", va="center", fontsize=11, fontweight="bold",
                    color="white", family=family, zorder=7)  # fmt: skip
        ax.set_xlabel(t["axis_x"], fontsize=13, **text_kw)
        ax.set_ylabel(t["axis_y"], fontsize=13, **text_kw)
        ax.tick_params(labelsize=11, colors=ink)
    else:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, t["nothing_to_plot"], ha="center", va="center", transform=ax.transAxes, **text_kw)

    legend = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=COLOURS["top"],
            markersize=11,
            label=f"#{p.rank} {fmt.shorten(p.model, 22)}\n{_money(p.cost)}{t['per_month']}",
        )
        for p in data.tops
    ]
    legend += [
        Line2D(
            [], [], marker="o", linestyle="", color=COLOURS["other"], markersize=7, label=t["legend_other"]
        ),
        Line2D(
            [], [], linestyle=(0, (6, 3)), color=COLOURS["frontier"], linewidth=2, label=t["legend_frontier"]
        ),
    ]
    if data.budget and points:
        legend.append(
            Line2D(
                [], [], linestyle=(0, (1, 3)), color=COLOURS["budget"], linewidth=2, label=t["legend_budget"]
            )
        )
    fig.legend(
        handles=legend,
        loc="upper left",
        bbox_to_anchor=(0.64, 0.88),
        frameon=False,
        title=t["legend_top"],
        title_fontproperties={"family": family, "weight": "bold", "size": 12},
        prop={"family": family, "size": 11},
        alignment="left",
    )
    if data.unplotted:
        lines = [t["unrated_side"]]
        shown = data.unplotted[:5]
        lines += [f"{fmt.shorten(model, 28)}: {fmt.shorten(why, 26)}" for model, why in shown]
        if len(data.unplotted) > len(shown):
            lines.append(f"+{len(data.unplotted) - len(shown)}")
        fig.text(0.65, 0.38, "\n".join(lines), fontsize=10, va="top", linespacing=1.5, **text_kw)

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()

"""The cost-vs-quality chart as a PNG image, for clients that cannot show SVG (Slack).

Drawn with matplotlib's Agg backend from the same `chart_data` as the SVG chart (tools/report/chart.py):
x is the monthly cost on a log scale, y the quality rating (Elo) with its confidence interval, the
Pareto frontier is a dashed line, the top picks are highlighted and labelled, and candidates without a
rating or a price are listed beside the plot instead of being drawn at zero.

Chinese labels need a CJK font on the machine (e.g. Debian's fonts-noto-cjk or fonts-wqy-zenhei).
Without one, the image uses the English labels rather than drawing empty boxes; `cjk_font()` tells.
"""

from __future__ import annotations

import io
import logging
from functools import lru_cache
from typing import Any

from tools.decision.result import Recommendation
from tools.report import formatting as fmt
from tools.report.chart import COLOURS, TOP_PICKS, ChartData, chart_data
from tools.report.labels import Lang, labels_for, report_language

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
SIZE_INCHES = (8.4, 4.5)
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
    return _draw(chart_data(rec, lang), labels_for(lang), family)


def _draw(data: ChartData, t: dict[str, str], family: list[str]) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=SIZE_INCHES, dpi=DPI)
    fig.patch.set_facecolor("white")
    ax = fig.add_axes((0.09, 0.15, 0.58, 0.72))
    ink = COLOURS["ink"]
    text_kw: dict[str, Any] = {"family": family, "color": ink}
    fig.text(0.09, 0.93, t["chart_title"], fontsize=13, fontweight="bold", **text_kw)

    points = data.points
    if points:
        ax.set_xscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.usd(v, "")))
        ax.grid(True, color=COLOURS["grid"], linewidth=0.8)
        ax.set_axisbelow(True)
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
                s=120 if p.rank else 50,
                color=colour,
                edgecolors="white",
                linewidths=1.5,
                zorder=4,
            )
        for p in sorted((p for p in points if p.rank and p.rank <= TOP_PICKS), key=lambda p: p.rank or 0):
            ax.annotate(
                f"#{p.rank} {fmt.shorten(p.model, 28)}",
                (p.cost, p.quality),
                xytext=(8, 8),
                textcoords="offset points",
                fontsize=10,
                fontweight="bold",
                color=COLOURS["top"],
                family=family,
                zorder=5,
            )
        ax.set_xlabel(t["axis_x"], fontsize=10, **text_kw)
        ax.set_ylabel(t["axis_y"], fontsize=10, **text_kw)
        ax.tick_params(labelsize=9, colors=ink)
    else:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.text(0.5, 0.5, t["nothing_to_plot"], ha="center", va="center", transform=ax.transAxes, **text_kw)

    legend = [
        Line2D([], [], marker="o", linestyle="", color=COLOURS["top"], markersize=9, label=t["legend_top"]),
        Line2D(
            [], [], marker="o", linestyle="", color=COLOURS["other"], markersize=7, label=t["legend_other"]
        ),
        Line2D(
            [], [], linestyle=(0, (6, 3)), color=COLOURS["frontier"], linewidth=2, label=t["legend_frontier"]
        ),
    ]
    fig.legend(
        handles=legend, loc="upper left", bbox_to_anchor=(0.70, 0.88), frameon=False, prop={"family": family}
    )
    if data.unplotted:
        lines = [t["unrated_side"]]
        shown = data.unplotted[:8]
        lines += [f"{fmt.shorten(model, 30)}: {fmt.shorten(why, 30)}" for model, why in shown]
        if len(data.unplotted) > len(shown):
            lines.append(f"+{len(data.unplotted) - len(shown)}")
        fig.text(0.70, 0.62, "\n".join(lines), fontsize=8, va="top", linespacing=1.5, **text_kw)

    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor="white")
    return out.getvalue()

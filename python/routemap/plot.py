"""Charts of routemap results with matplotlib, readable at the size they are drawn: names wrapped (and
shortened only so that no two read alike), labelled colour bars, legends outside the data, integer
ticks for counts, small multiples rather than overplotted lines. Each function accepts ``ax=`` to draw
on an existing Axes.

- :func:`radar` — a radar (spider) chart of domain levels of one score; overlays get a legend.
- :func:`heatmap` — domains × areas, coloured by level (or score), each cell named.
- :func:`progress` — levels across several assessments (e.g. one per year): one small panel per domain
  plus the overall (an array of Axes), or the overall alone (one Axes).
- :func:`distribution` — stacked level counts per area or domain of an Aggregate.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Union

from . import _core
from ._labels import unique_labels, wrap

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from matplotlib.axes import Axes

__all__ = ["radar", "heatmap", "progress", "distribution"]

FONT = 8        # the smallest text drawn: tick labels, cell text, legends (points)
TITLE_FONT = 10
CHAR_WIDTH = 0.6  # a DejaVu Sans character's mean width, as a share of its font size
LINE_HEIGHT = 1.25


def _pyplot() -> Any:
    import matplotlib.pyplot as plt

    return plt


def _level_colours(cmap: str, levels: int) -> Any:
    """One colour per level, light to dark, shared by heatmap() and distribution()."""
    import numpy as np

    return _pyplot().get_cmap(cmap)(np.linspace(0.15, 0.95, max(levels, 2)))[:levels]


def _ink_on(colour: Sequence[float]) -> str:
    """Black or white, whichever reads better on `colour` (RGB in 0..1)."""
    red, green, blue = colour[:3]
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.5 else "black"


def _chars(inches: float, size: float = FONT) -> int:
    """How many characters of `size` points fit in `inches`."""
    return max(6, int(inches * 72 / (size * CHAR_WIDTH)))


def _lines(inches: float, size: float = FONT) -> int:
    """How many lines of `size` points fit in `inches`."""
    return max(1, int(inches * 72 / (size * LINE_HEIGHT)))


def _axes_inches(ax: "Axes") -> "tuple[float, float]":
    box = ax.get_position()
    return box.width * ax.figure.get_figwidth(), box.height * ax.figure.get_figheight()


def radar(
    score: _core.ScoreResult,
    ax: Optional["Axes"] = None,
    *,
    value: str = "level",
    label: Optional[str] = None,
    color: Optional[str] = None,
    fill: bool = True,
) -> "Axes":
    """Radar chart of a score's domains: one spoke per domain (the first at the top, clockwise), the
    radius its level (value="level", rings labelled with the tier names) or its score (value="score",
    0 to max_score). Domain names are wrapped, not cut.

    Call it several times with the same polar ``ax`` (and ``label=``) to overlay scores: a legend
    beside the chart names each one. ``ax`` must be a polar Axes
    (``plt.subplot(projection="polar")``); a new figure is made when it is None.
    """
    if value not in ("level", "score"):
        raise ValueError(f"value must be 'level' or 'score', not {value!r}")
    domains = list(score.domains)
    if len(domains) < 3:
        raise ValueError("a radar chart needs at least three domains; use heatmap() instead")
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(9, 6.5), subplot_kw={"projection": "polar"}, layout="constrained")
    elif getattr(ax, "name", "") != "polar":
        raise ValueError("radar() needs a polar Axes: create it with projection='polar'")
    # A not-applicable domain has no level: NaN leaves a gap in the line instead of a false 0.
    values = [float("nan") if not d.applicable else float(d.level if value == "level" else d.score) for d in domains]
    top = float(score.max_level if value == "level" else max(d.max_score for d in domains))
    angles = [2 * math.pi * i / len(domains) for i in range(len(domains))]
    closed_angles, closed_values = angles + angles[:1], values + values[:1]
    (line,) = ax.plot(closed_angles, closed_values, marker="o", color=color,
                      label=label or f"{score.framework_id} ({score.model})")
    if fill:
        ax.fill(closed_angles, closed_values, alpha=0.2, color=line.get_color())
    ax.set_theta_zero_location("N")
    ax.set_theta_direction(-1)
    ax.set_xticks(angles)
    ax.set_xticklabels(unique_labels([d.name for d in domains], 22, 4), fontsize=FONT)
    for text, angle in zip(ax.get_xticklabels(), angles):
        # clockwise from the top: sin > 0 right of the centre, cos > 0 above it; text grows outwards
        side, up = math.sin(angle), math.cos(angle)
        text.set_horizontalalignment("center" if abs(side) < 0.2 else ("left" if side > 0 else "right"))
        text.set_verticalalignment("center_baseline" if abs(up) < 0.2 else ("bottom" if up > 0 else "top"))
    ax.tick_params(axis="x", pad=6)
    ax.set_ylim(0, max(top, 1.0, ax.get_ylim()[1] if len(ax.get_lines()) > 1 else 0.0))
    if value == "level":
        ax.set_yticks(range(0, score.max_level + 1))
        ax.set_yticklabels(score.level_labels, fontsize=FONT)
    else:
        ax.tick_params(axis="y", labelsize=FONT)
    ax.set_rlabel_position(180 / len(domains))  # between the first two spokes, clear of the lines' start
    ax.set_title(f"{score.framework_id}: domain {value}s ({score.model})", fontsize=TITLE_FONT, pad=14)
    if label is not None or len(ax.get_lines()) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.12, 1.0), fontsize=FONT, frameon=False)
    return ax


def heatmap(
    score: _core.ScoreResult,
    ax: Optional["Axes"] = None,
    *,
    value: str = "level",
    cmap: str = "YlGn",
    annotate: bool = True,
    colorbar: bool = True,
) -> "Axes":
    """Heatmap of a score: one row per domain (named on the left), one cell per area of that domain in
    framework order, coloured by the area's level (value="level": one colour per tier, the colour bar
    labelled "level" with the tier names) or score (value="score": a colour bar labelled "score").
    Cells carry the area's full name, wrapped to the cell (shortened only when it does not fit, never
    to the same text as another area), and its level or score; areas where nothing applies are hatched
    and marked "n/a". The position of a cell in its row means nothing, so there is no x axis.
    """
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Rectangle

    if value not in ("level", "score"):
        raise ValueError(f"value must be 'level' or 'score', not {value!r}")
    nodes = {a.id: a for a in score.areas}
    domains = list(score.framework.domains)
    rows, width = len(domains), max(len(d.areas) for d in domains)
    grid = np.full((rows, width), np.nan)
    for r, domain in enumerate(domains):
        for c, area in enumerate(domain.areas):
            node = nodes[area.id]
            if node.applicable:
                grid[r, c] = node.level if value == "level" else node.score
    label_inches, cell_w, cell_h = 2.0, 2.2, 0.85
    if ax is None:
        figure = _pyplot().figure(figsize=(label_inches + cell_w * width + 1.7, cell_h * rows + 0.8))
        ax = figure.add_axes((label_inches / figure.get_figwidth(), 0.2 / figure.get_figheight(),
                              cell_w * width / figure.get_figwidth(), cell_h * rows / figure.get_figheight()))
        bar_axes = figure.add_axes(((label_inches + cell_w * width + 0.25) / figure.get_figwidth(),
                                    0.2 / figure.get_figheight(), 0.18 / figure.get_figwidth(),
                                    cell_h * rows / figure.get_figheight()))
    else:
        bar_axes = None
    if value == "level":
        levels = score.max_level + 1
        colours = ListedColormap(_level_colours(cmap, levels))
        image = ax.imshow(np.ma.masked_invalid(grid), cmap=colours, vmin=-0.5, vmax=levels - 0.5, aspect="auto")
    else:
        top = max((a.max_score for a in score.areas), default=1.0)
        image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=max(top, 1), aspect="auto")
    if colorbar:
        bar = ax.figure.colorbar(image, cax=bar_axes) if bar_axes is not None else ax.figure.colorbar(image, ax=ax)
        bar.set_label(value, fontsize=FONT + 1)
        bar.ax.tick_params(labelsize=FONT)
        if value == "level":
            bar.set_ticks(range(levels), labels=score.level_labels)
    elif bar_axes is not None:
        bar_axes.remove()
    ax_w, ax_h = _axes_inches(ax)
    ax.set_yticks(range(rows), unique_labels([d.name for d in domains], 26, _lines(ax_h / rows)), fontsize=FONT)
    ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)
    ax.tick_params(axis="y", which="both", length=0)
    ax.set_xticks(np.arange(width + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=3)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for r, domain in enumerate(domains):
        for c in range(len(domain.areas)):
            if math.isnan(grid[r, c]):
                ax.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor="#eeeeee", hatch="//",
                                       edgecolor="#bbbbbb", linewidth=0))
    if annotate:
        chars, lines = _chars(0.92 * ax_w / width), _lines(0.92 * ax_h / rows) - 1
        names = [a.name for d in domains for a in d.areas]
        shown_names = iter(unique_labels(names, chars, max(lines, 1)))
        for r, domain in enumerate(domains):
            for c in range(len(domain.areas)):
                cell = grid[r, c]
                if math.isnan(cell):
                    shown, ink = "n/a", "black"
                else:
                    shown = f"{int(cell)} {score.level_labels[int(cell)]}" if value == "level" else f"{cell:.2f}"
                    ink = _ink_on(image.cmap(image.norm(cell)))
                ax.text(c, r, f"{next(shown_names)}\n{shown}", ha="center", va="center", fontsize=FONT,
                        color=ink, linespacing=1.1)
    ax.set_title(f"{score.framework_id}: area {value}s by domain ({score.model})", fontsize=TITLE_FONT)
    return ax


def _panels(ax: Any, count: int) -> "np.ndarray":
    """`count` Axes sharing x and y in a grid: in a new figure (ax None), in a Figure or SubFigure, or
    in the place of the Axes `ax` (which is removed). Unused grid cells are removed."""
    import numpy as np
    from matplotlib.axes import Axes as MplAxes

    nrows = math.ceil(count / 4)
    ncols = math.ceil(count / nrows)
    options = {"sharex": True, "sharey": True, "squeeze": False}
    if ax is None:
        grid = _pyplot().figure(figsize=(3.1 * ncols + 0.9, 2.2 * nrows + 0.9), layout="constrained").subplots(
            nrows, ncols, **options)
    elif isinstance(ax, MplAxes):
        spec = ax.get_subplotspec()
        if spec is None:
            raise ValueError("progress(by='domain') draws a grid of panels: pass a Figure, or an Axes made with "
                             "subplots() or add_subplot(), to take its place")
        ax.remove()
        grid = spec.subgridspec(nrows, ncols).subplots(**options)
    elif hasattr(ax, "subplots"):  # a Figure or SubFigure
        grid = ax.subplots(nrows, ncols, **options)
    else:
        raise TypeError(f"ax must be a matplotlib Axes, Figure or SubFigure, not {type(ax).__name__}")
    for extra in grid.flat[count:]:
        extra.remove()
    for i, panel in enumerate(grid.flat[:count]):
        if i + ncols >= count:  # nothing below it: it shows the x labels
            panel.tick_params(axis="x", labelbottom=True)
    return np.array(list(grid.flat[:count]), dtype=object)


def progress(
    items: Sequence[Union[_core.Assessment, _core.ScoreResult]],
    ax: Optional[Any] = None,
    *,
    framework: Optional[_core.Framework] = None,
    by: str = "domain",
    value: str = "level",
    model: Optional[str] = None,
    labels: Optional[Sequence[str]] = None,
) -> Union["Axes", "np.ndarray"]:
    """Progress across several assessments (scored here with `model`) or scores. The x axis is
    labelled with `labels`, else the assessments' dates, else 1, 2, 3...

    by="domain" (the default) draws small multiples: one panel for the overall, then one per domain
    titled with its name, all sharing both axes, and returns them as a 1-d numpy array of Axes in that
    order. ``ax`` may then be a Figure or SubFigure to draw in, or an Axes whose place the panels take.
    by="overall" draws the overall line alone on one Axes (``ax`` or a new one) and returns it.

    Assessments need a framework: `framework=`, or the one attached to each assessment.
    """
    if by not in ("domain", "overall"):
        raise ValueError(f"by must be 'domain' or 'overall', not {by!r}")
    if value not in ("level", "score"):
        raise ValueError(f"value must be 'level' or 'score', not {value!r}")
    items = list(items)
    if not items:
        raise ValueError("progress() needs at least one assessment or score")
    scores: List[_core.ScoreResult] = []
    dates: List[str] = []
    for item in items:
        if isinstance(item, _core.ScoreResult):
            scores.append(item)
            dates.append("")
        elif isinstance(item, _core.Assessment):
            fw = framework if framework is not None else item.framework
            if fw is None:
                raise TypeError("progress() needs framework= for assessments that have no framework attached")
            scores.append(_core.score(fw, item, model=model))
            dates.append(item.date)
        else:
            raise TypeError(f"progress() takes Assessment or ScoreResult objects, not {type(item).__name__}")
    if labels is None:
        labels = dates if all(dates) else [str(i + 1) for i in range(len(scores))]
    elif len(labels) != len(scores):
        raise ValueError(f"{len(labels)} labels for {len(scores)} items")
    first = scores[0]
    x = list(range(len(scores)))

    def pick(node: _core.ScoreNode) -> float:
        if not node.applicable:
            return float("nan")  # not applicable is never a number: a gap in the line
        return float(node.level if value == "level" else node.score)

    series = [("Overall", [pick(s.overall) for s in scores])]
    made_figure = ax is None
    if by == "domain":
        series += [(d.name, [pick(s.domains[i]) for s in scores]) for i, d in enumerate(first.domains)]
        panels = _panels(ax, len(series))
    else:
        panels = [ax if ax is not None else _pyplot().subplots(figsize=(7, 4), layout="constrained")[1]]
    if made_figure:  # laid out at draw time: the figure's width shared by the columns, less the margins
        panel_inches = panels[0].figure.get_figwidth() / panels[0].get_gridspec().ncols - 0.6
    else:  # before layout: a little less than it will be
        panel_inches = _axes_inches(panels[0])[0]
    crowded = sum(len(str(t)) + 2 for t in labels) > _chars(panel_inches)
    for i, (panel, (name, ys)) in enumerate(zip(panels, series)):
        overall = i == 0
        panel.plot(x, ys, marker="o", color="black" if overall else "C0", linewidth=2.2 if overall else 1.6)
        if by == "overall":
            panel.set_title(f"{first.framework_id}: progress ({first.model})", fontsize=TITLE_FONT)
        else:
            panel.set_title(wrap(name, _chars(panel_inches, 9)), fontsize=9, fontweight="bold" if overall else "normal")
        panel.grid(axis="y", color="#dddddd", linewidth=0.6)
        panel.spines[["top", "right"]].set_visible(False)
        panel.tick_params(labelsize=FONT)
    lead = panels[0]
    lead.set_xticks(x, [str(t) for t in labels])
    lead.set_xlim(-0.3, len(x) - 0.7)
    if crowded:
        for panel in panels:
            panel.tick_params(axis="x", labelrotation=30)
    if value == "level":
        lead.set_yticks(range(0, first.max_level + 1), first.level_labels)
        lead.set_ylim(-0.25, first.max_level + 0.25)
    else:  # from 0, so that a small change does not look like a large one
        lead.set_ylim(0, max([first.overall.max_score] + [d.max_score for d in first.domains]) * 1.04)
    for panel in panels:
        if panel.get_subplotspec() is None or panel.get_subplotspec().is_first_col():
            panel.set_ylabel(value, fontsize=FONT + 1)
    if by == "overall":
        return panels[0]
    if made_figure:  # its own figure: the overall title above the panels
        lead.figure.suptitle(f"{first.framework_id}: {value} by domain ({first.model})", fontsize=TITLE_FONT)
    return panels


def distribution(
    aggregate: _core.Aggregate,
    ax: Optional["Axes"] = None,
    *,
    by: str = "area",
    cmap: str = "YlGn",
) -> "Axes":
    """Stacked horizontal bars of an Aggregate: for each area (by="area") or domain (by="domain"), how
    many assessments reached each level (a grey "not applicable" part when some did not apply). Names
    are wrapped (shortened only so that no two read alike), the count axis has integer ticks, and the
    legend of levels stands beside the bars, outside the Axes."""
    import numpy as np
    from matplotlib.ticker import MaxNLocator

    if by not in ("area", "domain"):
        raise ValueError(f"by must be 'area' or 'domain', not {by!r}")
    nodes = list(aggregate.areas if by == "area" else aggregate.domains)
    levels = len(aggregate.level_labels)
    total = len(aggregate.subjects)
    counts = np.zeros((len(nodes), levels))
    for r, node in enumerate(nodes):
        for level, count in enumerate(node.level_counts[:levels]):
            counts[r, level] = count
    not_applicable = np.array([total - node.count for node in nodes], dtype=float)
    names = unique_labels([n.name for n in nodes], 42, 3)
    if ax is None:
        row = max(0.3, 0.16 * max(name.count("\n") for name in names) + 0.22)  # the tallest name fits
        height = row * len(nodes) + 1.1
        _, ax = _pyplot().subplots(figsize=(8.5, height), layout="constrained")
    colours = _level_colours(cmap, levels)
    left = np.zeros(len(nodes))
    y = np.arange(len(nodes))
    for level in range(levels):
        ax.barh(y, counts[:, level], left=left, color=colours[level], edgecolor="white", linewidth=0.5,
                label=aggregate.level_labels[level])
        left += counts[:, level]
    if not_applicable.any():
        ax.barh(y, not_applicable, left=left, color="#eeeeee", hatch="//", edgecolor="#bbbbbb", linewidth=0,
                label="not applicable")
    ax.set_yticks(y, names, fontsize=FONT)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.set_xlim(0, max(total, 1))
    ax.tick_params(axis="x", labelsize=FONT)
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("assessments", fontsize=FONT + 1)
    ax.legend(title="level", fontsize=FONT, title_fontsize=FONT + 1, loc="upper left", bbox_to_anchor=(1.02, 1.0),
              frameon=False)
    ax.set_title(f"{aggregate.framework_id}: levels of {total} assessments by {by}", fontsize=TITLE_FONT)
    return ax

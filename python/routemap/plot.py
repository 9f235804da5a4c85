"""Charts of routemap results with matplotlib. Every function returns the matplotlib Axes it drew on
and accepts ``ax=`` to draw on an existing one.

- :func:`radar` — a radar (spider) chart of domain levels of one score.
- :func:`heatmap` — domains × areas, coloured by level (or score).
- :func:`progress` — levels across several assessments or scores (e.g. one per year).
- :func:`distribution` — stacked level counts per area or domain of an Aggregate.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Union

from . import _core

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["radar", "heatmap", "progress", "distribution"]


def _pyplot() -> Any:
    import matplotlib.pyplot as plt

    return plt


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def radar(
    score: _core.ScoreResult,
    ax: Optional["Axes"] = None,
    *,
    value: str = "level",
    label: Optional[str] = None,
    color: Optional[str] = None,
    fill: bool = True,
) -> "Axes":
    """Radar chart of a score's domains: one spoke per domain, the radius its level (value="level",
    from 0 to the model's highest level) or its score (value="score", 0 to max_score).

    Call it several times with the same polar ``ax`` (and ``label=``) to overlay scores. ``ax`` must
    be a polar Axes (``plt.subplot(projection="polar")``); a new figure is made when it is None.
    """
    if value not in ("level", "score"):
        raise ValueError(f"value must be 'level' or 'score', not {value!r}")
    domains = list(score.domains)
    if len(domains) < 3:
        raise ValueError("a radar chart needs at least three domains; use heatmap() instead")
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(6, 6), subplot_kw={"projection": "polar"})
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
    ax.set_xticks(angles)
    ax.set_xticklabels([_short(d.name, 22) for d in domains], fontsize=8)
    ax.set_ylim(0, max(top, 1.0))
    if value == "level":
        ax.set_yticks(range(0, score.max_level + 1))
        ax.set_yticklabels(score.level_labels, fontsize=7)
    ax.set_title(f"{score.framework_id}: domain {value}s ({score.model})", fontsize=10)
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
    """Heatmap of a score: one row per domain, one cell per area of that domain (in order), coloured
    by the area's level (value="level") or score (value="score"). Cells are labelled with the area's
    name and value; areas where nothing applies are left blank.
    """
    import numpy as np

    if value not in ("level", "score"):
        raise ValueError(f"value must be 'level' or 'score', not {value!r}")
    framework = score.framework
    nodes = {a.id: a for a in score.areas}
    domains = list(framework.domains)
    width = max(len(d.areas) for d in domains)
    grid = np.full((len(domains), width), np.nan)
    names: List[List[str]] = [["" for _ in range(width)] for _ in domains]
    for r, domain in enumerate(domains):
        for c, area in enumerate(domain.areas):
            node = nodes[area.id]
            names[r][c] = area.name
            if node.applicable:
                grid[r, c] = node.level if value == "level" else node.score
    top = score.max_level if value == "level" else max((a.max_score for a in score.areas), default=1.0)
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(max(6, 2.6 * width), 0.8 * len(domains) + 1.5))
    image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=0, vmax=max(top, 1), aspect="auto")
    ax.set_yticks(range(len(domains)))
    ax.set_yticklabels([_short(d.name) for d in domains], fontsize=8)
    ax.set_xticks(range(width))
    ax.set_xticklabels([f"area {i + 1}" for i in range(width)], fontsize=8)
    if annotate:
        for r in range(len(domains)):
            for c in range(width):
                if not names[r][c]:
                    continue
                shown = "n/a" if math.isnan(grid[r, c]) else (
                    f"{int(grid[r, c])}" if value == "level" else f"{grid[r, c]:.2f}")
                dark = not math.isnan(grid[r, c]) and grid[r, c] > 0.6 * max(top, 1)
                ax.text(c, r, f"{_short(names[r][c], 24)}\n{shown}", ha="center", va="center", fontsize=7,
                        color="white" if dark else "black")
    if colorbar:
        bar = ax.figure.colorbar(image, ax=ax)
        if value == "level":
            bar.set_ticks(range(0, score.max_level + 1))
            bar.set_ticklabels(score.level_labels)
    ax.set_title(f"{score.framework_id}: area {value}s by domain ({score.model})", fontsize=10)
    return ax


def progress(
    items: Sequence[Union[_core.Assessment, _core.ScoreResult]],
    ax: Optional["Axes"] = None,
    *,
    framework: Optional[_core.Framework] = None,
    by: str = "domain",
    value: str = "level",
    model: Optional[str] = None,
    labels: Optional[Sequence[str]] = None,
) -> "Axes":
    """Progress across several assessments (scored here with `model`) or scores: one line for the
    framework and, with by="domain", one per domain. The x axis is labelled with `labels`, else the
    assessments' dates, else 1, 2, 3...

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
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(7, 4))
    x = list(range(len(scores)))

    def pick(node: _core.ScoreNode) -> float:
        if not node.applicable:
            return float("nan")  # not applicable is never a number: a gap in the line
        return float(node.level if value == "level" else node.score)

    ax.plot(x, [pick(s.overall) for s in scores], marker="o", linewidth=2.5, color="black", label="overall")
    if by == "domain":
        for i, domain in enumerate(scores[0].domains):
            ax.plot(x, [pick(s.domains[i]) for s in scores], marker=".", linewidth=1, label=_short(domain.name))
    ax.set_xticks(x)
    ax.set_xticklabels(list(labels), fontsize=8)
    if value == "level":
        top = scores[0].max_level
        ax.set_yticks(range(0, top + 1))
        ax.set_yticklabels(scores[0].level_labels, fontsize=8)
        ax.set_ylim(-0.2, top + 0.2)
    ax.set_ylabel(value)
    ax.set_title(f"{scores[0].framework_id}: progress ({scores[0].model})", fontsize=10)
    ax.legend(fontsize=7, loc="best")
    return ax


def distribution(
    aggregate: _core.Aggregate,
    ax: Optional["Axes"] = None,
    *,
    by: str = "area",
    cmap: str = "YlGn",
) -> "Axes":
    """Stacked horizontal bars of an Aggregate: for each area (by="area") or domain (by="domain"), how
    many assessments reached each level."""
    import numpy as np

    if by not in ("area", "domain"):
        raise ValueError(f"by must be 'area' or 'domain', not {by!r}")
    nodes = list(aggregate.areas if by == "area" else aggregate.domains)
    levels = len(aggregate.level_labels)
    counts = np.zeros((len(nodes), levels))
    for r, node in enumerate(nodes):
        for level, count in enumerate(node.level_counts[:levels]):
            counts[r, level] = count
    if ax is None:
        _, ax = _pyplot().subplots(figsize=(7, 0.35 * len(nodes) + 1.5))
    colours = _pyplot().get_cmap(cmap)(np.linspace(0.15, 0.95, max(levels, 2)))
    left = np.zeros(len(nodes))
    y = np.arange(len(nodes))
    for level in range(levels):
        ax.barh(y, counts[:, level], left=left, color=colours[level], label=aggregate.level_labels[level])
        left += counts[:, level]
    ax.set_yticks(y)
    ax.set_yticklabels([_short(n.name, 32) for n in nodes], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("assessments")
    ax.legend(fontsize=7, loc="lower right")
    ax.set_title(f"{aggregate.framework_id}: levels of {len(aggregate.subjects)} assessments by {by}", fontsize=10)
    return ax

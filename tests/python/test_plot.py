"""routemap.plot: each chart draws (Agg backend), returns its Axes, shows the right values, and is
readable: names in full or told apart, labelled colour bars, legends, integer counts, small multiples."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import routemap
import routemap.plot as rplot
from routemap._labels import unique_labels


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def flat(text: str) -> str:
    """A wrapped label read back as one line."""
    return " ".join(text.split())


def names_told_apart(labels, names):
    """Each label, read as the pieces between its ellipses, fits exactly one of the names, its own."""
    for label, name in zip(labels, names):
        pieces = [flat(p) for p in label.split("…") if flat(p)]
        fitting = [n for n in set(names) if all(p in n for p in pieces)]
        assert fitting == [name], f"{label!r} fits {fitting}"


def visible_tick_labels(axis):
    return [t.label1.get_text() for t in axis.get_major_ticks() if t.label1.get_visible() and t.label1.get_text()]


def with_not_applicable_area(framework, assessment):
    """A copy of `assessment` in which nothing of the framework's first area applies."""
    changed = assessment.copy()
    for criterion in framework.areas[0].criteria:
        changed.set(criterion.id, "not_applicable", reason="out_of_scope")
    return changed


def test_plot_is_importable_as_an_attribute():
    import routemap as r

    assert r.plot is rplot


def test_unique_labels_wrap_and_tell_shortened_names_apart():
    names = ["Collecting the right data: quantitative data", "Collecting the right data: qualitative data",
             "Accountability", "Accountability"]
    wrapped = unique_labels(names, 30)
    assert [flat(w) for w in wrapped] == names
    assert all(len(line) <= 30 for w in wrapped for line in w.split("\n"))
    for width in (12, 24, 40):  # one line of each width: every name must be shortened or fits
        short = unique_labels(names, width, max_lines=1)
        assert short[2] == short[3] == "Accountability"  # equal names keep equal labels
        assert len(set(short[:2])) == 2, short
        names_told_apart(short[:2], names[:2])


def test_radar(service, service_2026):
    s = routemap.score(service, service_2026)
    ax = rplot.radar(s)
    assert ax.name == "polar"
    line = ax.get_lines()[0]
    radii = line.get_ydata()
    assert list(radii[:-1]) == [d.level for d in s.domains]
    assert radii[-1] == radii[0]  # closed
    ax.figure.canvas.draw()
    # every spoke carries its domain's whole name, wrapped
    assert [flat(t.get_text()) for t in ax.get_xticklabels()] == [d.name for d in service.domains]
    assert all(t.get_fontsize() >= 8 for t in ax.get_xticklabels() + ax.get_yticklabels())
    renderer = ax.figure.canvas.get_renderer()
    assert all(ax.figure.bbox.contains(x, y) for t in ax.get_xticklabels()  # no name runs off the figure
               for x, y in t.get_window_extent(renderer).corners())
    shown = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels() if t.get_text()}
    assert shown and all(s.level_labels[level] == text for level, text in shown.items())
    assert shown[s.max_level] == s.level_labels[-1]
    assert ax.get_legend() is None  # one unlabelled score: nothing to tell apart


def test_radar_overlay_has_a_legend_naming_each_score(service, yearly):
    fig = plt.figure(layout="constrained")
    ax = fig.add_subplot(projection="polar")
    for a in yearly:
        assert rplot.radar(routemap.score(service, a, model="continuous"), ax, value="score", label=a.date) is ax
    assert len(ax.get_lines()) == 3
    s = routemap.score(service, yearly[2], model="continuous")
    assert list(ax.get_lines()[2].get_ydata()[:-1]) == pytest.approx([d.score for d in s.domains])
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [a.date for a in yearly]
    with pytest.raises(ValueError, match="polar"):
        rplot.radar(s, plt.figure().add_subplot())
    with pytest.raises(ValueError, match="value"):
        rplot.radar(s, value="colour")
    fig.canvas.draw()


def test_heatmap_values(service, service_2026):
    s = routemap.score(service, service_2026)
    fig, ax = plt.subplots()
    assert rplot.heatmap(s, ax=ax) is ax
    image = ax.get_images()[0]
    grid = np.ma.filled(image.get_array().astype(float), np.nan)
    assert grid.shape == (len(service.domains), max(len(d.areas) for d in service.domains))
    nodes = {a.id: a for a in s.areas}
    for r, domain in enumerate(service.domains):
        for c in range(grid.shape[1]):
            if c < len(domain.areas):
                node = nodes[domain.areas[c].id]
                assert grid[r, c] == node.level if node.applicable else np.isnan(grid[r, c])
            else:
                assert np.isnan(grid[r, c])
    assert len(ax.texts) == len(service.areas)
    fig.canvas.draw()
    scored = rplot.heatmap(routemap.score(service, service_2026, model="continuous"), value="score", colorbar=False)
    assert scored.get_images()[0].get_clim() == (0, 3.0)
    assert scored.get_images()[0].colorbar is None


def test_heatmap_is_readable(service, service_2026):
    s = routemap.score(service, service_2026)
    ax = rplot.heatmap(s)  # at its own default size
    ax.figure.canvas.draw()
    areas = [a.name for d in service.domains for a in d.areas]
    cell_names = [t.get_text().rsplit("\n", 1)[0] for t in ax.texts]
    assert [flat(n) for n in cell_names] == areas  # every area named in full, wrapped
    assert len(set(cell_names)) == len(cell_names)
    assert all(t.get_fontsize() >= 8 for t in ax.texts)
    assert all("\n" in t.get_text() for t in ax.texts if len(t.get_text()) > 60)  # long names are wrapped
    # the level is named too: "1 Fundamental"
    level_of = {a.name: a.level for a in s.areas}
    assert [t.get_text().rsplit("\n", 1)[1] for t in ax.texts] == [
        f"{level_of[n]} {s.level_labels[level_of[n]]}" for n in areas]
    # rows are domains, named in full; a cell's position in its row means nothing: no x axis
    assert [flat(t.get_text()) for t in ax.get_yticklabels()] == [d.name for d in service.domains]
    assert visible_tick_labels(ax.xaxis) == []
    assert not any("area 1" in t.get_text() for t in ax.get_xticklabels())
    # a colour bar labelled "level", ticked with the tier names
    bar = ax.get_images()[0].colorbar
    assert bar.ax.get_ylabel() == "level"
    assert [t.get_text() for t in bar.ax.get_yticklabels()] == s.level_labels


def test_heatmap_in_a_small_axes_shortens_names_without_confusing_them(service, service_2026):
    s = routemap.score(service, with_not_applicable_area(service, service_2026), model="continuous")
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    rplot.heatmap(s, ax=ax, value="score")
    fig.canvas.draw()
    areas = [a.name for d in service.domains for a in d.areas]
    cell_names = [t.get_text().rsplit("\n", 1)[0] for t in ax.texts]
    assert any("…" in n for n in cell_names)  # too small for the full names
    assert len(set(cell_names)) == len(cell_names)
    names_told_apart(cell_names, areas)
    assert all(t.get_fontsize() >= 8 for t in ax.texts)
    assert ax.texts[0].get_text().endswith("\nn/a")  # the area where nothing applies
    assert ax.get_images()[0].colorbar.ax.get_ylabel() == "score"


def test_progress_draws_one_panel_per_domain(service, yearly):
    panels = rplot.progress(yearly)
    assert isinstance(panels, np.ndarray)
    assert len(panels) == 1 + len(service.domains)
    assert len({p.figure for p in panels}) == 1
    scores = [routemap.score(service, a) for a in yearly]
    assert panels[0].get_title() == "Overall"
    assert list(panels[0].get_lines()[0].get_ydata()) == [s.overall.level for s in scores]
    for i, (panel, domain) in enumerate(zip(panels[1:], service.domains)):
        assert len(panel.get_lines()) == 1
        assert flat(panel.get_title()) == domain.name
        assert list(panel.get_lines()[0].get_ydata()) == [s.domains[i].level for s in scores]
        assert panel.get_shared_x_axes().joined(panels[0], panel)
        assert panel.get_shared_y_axes().joined(panels[0], panel)
    assert all(len(p.get_lines()) == 1 for p in panels)
    panels[0].figure.canvas.draw()
    dates = ["2024-03-31", "2025-03-31", "2026-03-31"]
    shown = [visible_tick_labels(p.xaxis) for p in panels]
    assert dates in shown  # the bottom panels are labelled with the dates
    assert all(labels in ([], dates) for labels in shown)
    assert visible_tick_labels(panels[0].yaxis) == scores[0].level_labels
    assert all(t.get_fontsize() >= 8 for p in panels for t in p.get_xticklabels() + p.get_yticklabels())


def test_progress_overall_and_options(service, yearly):
    scores = [routemap.score(service, a, model="continuous") for a in yearly]
    ax = rplot.progress(scores, by="overall", value="score", labels=["a", "b", "c"])
    assert len(ax.get_lines()) == 1
    assert list(ax.get_lines()[0].get_ydata()) == pytest.approx([s.overall.score for s in scores])
    assert ax.get_ylim()[0] == 0  # a score axis starts at 0
    assert ax.get_legend() is None  # one line: no legend to read
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    # small multiples in the place of an Axes, or in a Figure
    fig, (left, right) = plt.subplots(1, 2, figsize=(16, 5), layout="constrained")
    panels = rplot.progress(yearly, right)
    assert right not in fig.axes and left in fig.axes
    assert all(p.figure is fig for p in panels) and len(panels) == 1 + len(service.domains)
    fig.canvas.draw()
    other = plt.figure(layout="constrained")
    assert all(p.figure is other for p in rplot.progress(yearly, other, value="score", model="continuous"))
    with pytest.raises(TypeError, match="Axes, Figure"):
        rplot.progress(yearly, "left")
    detached = yearly[0].copy()
    detached.framework = None
    with pytest.raises(TypeError, match="framework="):
        rplot.progress([detached])
    assert rplot.progress([detached], framework=service, by="overall") is not None
    with pytest.raises(ValueError):
        rplot.progress([])


def test_distribution_values(service, yearly):
    agg = routemap.aggregate(service, yearly)
    ax = rplot.distribution(agg)
    # one bar per area and level
    assert len(ax.patches) == len(service.areas) * len(agg.level_labels)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(agg.level_labels), len(service.areas))
    assert widths.sum(axis=0).tolist() == [a.count for a in agg.areas]
    by_domain = rplot.distribution(agg, by="domain")
    assert len(by_domain.patches) == len(service.domains) * len(agg.level_labels)
    assert [flat(t.get_text()) for t in by_domain.get_yticklabels()] == [d.name for d in service.domains]
    ax.figure.canvas.draw()


def test_distribution_is_readable(service, yearly):
    agg = routemap.aggregate(service, yearly)  # three assessments: counts 0..3
    ax = rplot.distribution(agg)
    fig = ax.figure
    fig.canvas.draw()
    ticks = ax.get_xticks()
    assert len(ticks) >= 2 and all(float(t).is_integer() for t in ticks)
    assert all(t.get_text() == str(int(float(t.get_text()))) for t in ax.get_xticklabels() if t.get_text())
    assert [flat(t.get_text()) for t in ax.get_yticklabels()] == [a.name for a in service.areas]
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == agg.level_labels
    renderer = fig.canvas.get_renderer()
    legend_box, axes_box = legend.get_window_extent(renderer), ax.get_window_extent(renderer)
    assert not legend_box.overlaps(axes_box)  # beside the bars, not on them
    assert fig.bbox.contains(legend_box.x1 - 1, legend_box.y0 + 1)  # and inside the figure
    assert all(t.get_fontsize() >= 8 for t in ax.get_yticklabels() + legend.get_texts())


def test_distribution_shows_not_applicable(service, yearly):
    assessments = [with_not_applicable_area(service, yearly[0])] + yearly[1:]
    agg = routemap.aggregate(service, assessments)
    ax = rplot.distribution(agg)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == agg.level_labels + ["not applicable"]
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(legend), len(service.areas))
    assert widths.sum(axis=0).tolist() == [len(assessments)] * len(service.areas)
    assert widths[-1].tolist() == [1] + [0] * (len(service.areas) - 1)

"""routemap.plot: each chart draws (Agg backend), returns its Axes, and shows the right values."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import routemap
import routemap.plot as rplot


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_is_importable_as_an_attribute():
    import routemap as r

    assert r.plot is rplot


def test_radar(service, service_2026):
    s = routemap.score(service, service_2026)
    ax = rplot.radar(s)
    assert ax.name == "polar"
    line = ax.get_lines()[0]
    radii = line.get_ydata()
    assert list(radii[:-1]) == [d.level for d in s.domains]
    assert radii[-1] == radii[0]  # closed
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) == len(service.domains)
    shown = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels() if t.get_text()}
    assert shown and all(s.level_labels[level] == text for level, text in shown.items())
    assert shown[s.max_level] == s.level_labels[-1]
    ax.figure.canvas.draw()


def test_radar_overlay_and_scores(service, yearly):
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for a in yearly:
        assert rplot.radar(routemap.score(service, a, model="continuous"), ax, value="score", label=a.date) is ax
    assert len(ax.get_lines()) == 3
    s = routemap.score(service, yearly[2], model="continuous")
    assert list(ax.get_lines()[2].get_ydata()[:-1]) == pytest.approx([d.score for d in s.domains])
    with pytest.raises(ValueError, match="polar"):
        rplot.radar(s, plt.figure().add_subplot())
    with pytest.raises(ValueError, match="value"):
        rplot.radar(s, value="colour")
    fig.canvas.draw()


def test_heatmap(service, service_2026):
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
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == len(service.areas)
    fig.canvas.draw()
    scored = rplot.heatmap(routemap.score(service, service_2026, model="continuous"), value="score", colorbar=False)
    assert scored.get_images()[0].get_clim() == (0, 3.0)


def test_progress_from_assessments_and_scores(service, yearly):
    ax = rplot.progress(yearly)
    lines = ax.get_lines()
    assert len(lines) == 1 + len(service.domains)
    overall = [routemap.score(service, a).overall.level for a in yearly]
    assert list(lines[0].get_ydata()) == overall
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024-03-31", "2025-03-31", "2026-03-31"]
    scores = [routemap.score(service, a, model="continuous") for a in yearly]
    ax2 = rplot.progress(scores, by="overall", value="score", labels=["a", "b", "c"])
    assert len(ax2.get_lines()) == 1
    assert list(ax2.get_lines()[0].get_ydata()) == pytest.approx([s.overall.score for s in scores])
    detached = yearly[0].copy()
    detached.framework = None
    with pytest.raises(TypeError, match="framework="):
        rplot.progress([detached])
    assert rplot.progress([detached], framework=service) is not None
    with pytest.raises(ValueError):
        rplot.progress([])
    ax.figure.canvas.draw()


def test_distribution(service, yearly):
    agg = routemap.aggregate(service, yearly)
    ax = rplot.distribution(agg)
    # one bar per area and level
    assert len(ax.patches) == len(service.areas) * len(agg.level_labels)
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(agg.level_labels), len(service.areas))
    assert widths.sum(axis=0).tolist() == [a.count for a in agg.areas]
    by_domain = rplot.distribution(agg, by="domain")
    assert len(by_domain.patches) == len(service.domains) * len(agg.level_labels)
    ax.figure.canvas.draw()

"""Several assessors: routemap.panel(), its frames, and Krippendorff's alpha against the reference
implementation on PyPI (the `krippendorff` package, a test dependency only)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import routemap

krippendorff = pytest.importorskip("krippendorff")

RATERS = ("clinical-lead", "service-manager", "expert-by-experience")


@pytest.fixture()
def panel_files(examples):
    return [examples / "panel" / f"{name}.toml" for name in RATERS]


@pytest.fixture()
def example_panel(panel_files):
    return routemap.panel(panel_files, rule="median")


def _random_sets(seed: int, count: int):
    """Random reliability data: 2-6 raters, 5-60 units, values 1..k, random missing ratings."""
    rng = np.random.default_rng(seed)
    made = 0
    while made < count:
        raters = int(rng.integers(2, 7))
        units = int(rng.integers(5, 61))
        values = int(rng.integers(2, 6))
        data = rng.integers(1, values + 1, size=(raters, units)).astype(float)
        data[rng.random(size=data.shape) < rng.uniform(0.0, 0.5)] = np.nan
        present = data[~np.isnan(data)]
        pairable = (np.sum(~np.isnan(data), axis=0) >= 2).any()
        if len(np.unique(present)) < 2 or not pairable:
            continue  # the reference raises: alpha is undefined there
        made += 1
        yield data


@pytest.mark.parametrize("metric", ["ordinal", "nominal", "interval"])
def test_alpha_matches_the_reference_package_on_random_sets(metric):
    compared = 0
    for data in _random_sets(20260101 + len(metric), 250):
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement=metric)
        got = routemap.krippendorff_alpha(data.tolist(), metric)
        if math.isnan(expected):
            assert math.isnan(got)
        else:
            assert got == pytest.approx(expected, abs=1e-9), (metric, data)
        compared += 1
    assert compared >= 200


def test_alpha_on_status_codes_with_not_applicable_as_category():
    # Ratings on the panel's own codes (1..3, 4 = not applicable as a nominal category).
    for data in _random_sets(7, 200):
        data = np.where(np.isnan(data), np.nan, (data - 1) % 4 + 1)
        if len(np.unique(data[~np.isnan(data)])) < 2:
            continue
        expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert routemap.krippendorff_alpha(data.tolist(), "nominal") == pytest.approx(expected, abs=1e-9)


def test_example_panel(example_panel, service):
    p = example_panel
    assert [r.name.split(" (")[0] for r in p.raters] == ["Farida Begum", "Daniel Mensah", "Rahima Khatun"]
    assert p.rule == "median"
    assert isinstance(p.consensus, routemap.Assessment)
    assert p.consensus.subject == p.subject
    disputed = {c.id for c in p.disputed}
    assert "readiness.conversation.advanced.1" in disputed
    assert "understanding.analysis.advanced.3" not in disputed  # unknown is a missing rating
    c = p.criterion("readiness.conversation.advanced.1")
    assert (c.votes, c.consensus, c.spread) == (["partial", "met", "not_met"], "partial", 2)
    assert p.consensus.record(c.id).note.startswith("panel (median of 3 raters, disputed): Farida Begum")
    # The level each rater alone gives is the ordinary score of their file.
    alone = routemap.score(service, routemap.read_assessment(p.raters[2].file, service))
    assert p.rater_scores[2].overall.level == alone.overall.level
    # The panel's alpha is the reference package's on the same reliability data.
    data = np.array(p.reliability_data(), dtype=float)
    assert data.shape == (3, len(service.criteria))
    assert p.agreement.ordinal.alpha == pytest.approx(krippendorff.alpha(data, level_of_measurement="ordinal"), abs=1e-9)
    assert p.agreement.ordinal.low < p.agreement.ordinal.alpha < p.agreement.ordinal.high
    estimate = p.alpha("nominal", domain="communities", resamples=200, seed=3)
    domain_data = np.array(p.reliability_data(domain="communities"), dtype=float)
    assert estimate.alpha == pytest.approx(krippendorff.alpha(domain_data, level_of_measurement="nominal"), abs=1e-9)
    assert estimate.valid_resamples <= 200


def test_rules_and_mismatches(panel_files, service):
    lowest = routemap.panel(panel_files, rule="lowest", resamples=0)
    median = routemap.panel(panel_files, resamples=0)
    codes = {"not_met": 1, "partial": 2, "met": 3}
    for lo, me in zip(lowest.criteria, median.criteria):
        if lo.consensus in codes and me.consensus in codes:
            assert codes[lo.consensus] <= codes[me.consensus]
    assert math.isnan(lowest.agreement.ordinal.low)
    assert routemap.consensus_status(["met", "partial"], "majority") == "partial"
    with pytest.raises(routemap.Error):
        routemap.panel(panel_files, rule="mean")
    other = routemap.read_assessment(panel_files[1], service)
    other.subject = "Another service"
    with pytest.raises(routemap.AssessmentError, match="same subject"):
        routemap.panel([panel_files[0], other])
    with pytest.raises(routemap.AssessmentError, match="at least two"):
        routemap.panel(panel_files[:1])


def test_frames(example_panel, service):
    frame = example_panel.to_frame()
    assert len(frame) == len(service.criteria)
    names = [r.name for r in example_panel.raters]
    assert list(frame.columns[-3:]) == names
    assert frame["disputed"].sum() == example_panel.overall.disputed
    row = frame.set_index("criterion_id").loc["readiness.conversation.advanced.1"]
    assert row["differs"] == "; ".join(names[1:])
    levels = example_panel.levels_frame()
    assert list(levels["rater"]) == names + ["consensus"]
    assert levels.loc[3, "overall"] == example_panel.consensus_score.overall.level
    alphas = example_panel.alpha_frame()
    assert len(alphas) == 2 * (1 + len(service.domains))
    overall = alphas[(alphas.scope == "overall") & (alphas.metric == "ordinal")].iloc[0]
    assert overall.alpha == example_panel.agreement.ordinal.alpha


def test_report_section(example_panel):
    html = example_panel.report()
    assert "Where assessors disagree" in html
    assert "Rahima Khatun" in html
    assert "readiness.conversation.advanced.1" in html


def test_docs_worked_example():
    # docs/panels.md, "Worked example": three raters, six criteria.
    nan = float("nan")
    data = [[3, 2, 1, 3, 2, 1], [3, 3, 2, 3, 2, 3], [3, 2, 1, nan, nan, 2]]
    assert routemap.krippendorff_alpha(data, "nominal") == pytest.approx(57 / 162, abs=1e-12)
    assert routemap.krippendorff_alpha(data, "ordinal") == pytest.approx(0.5056089743589743, abs=1e-12)
    assert routemap.percent_agreement(data) == pytest.approx((1 + 1 / 3 + 1 / 3 + 1 + 1 + 0) / 6)


def test_panel_file(examples):
    panel_file = examples.parent / "tests" / "data" / "panel.toml"
    assert routemap.is_panel_file(panel_file)
    ratings = routemap.read_panel_file(panel_file)
    assert [r.assessors for r in ratings] == [["Clinical lead"], ["Service manager"], ["Expert by experience"]]
    p = routemap.panel([panel_file], resamples=0)
    assert [c.id for c in p.disputed] == ["readiness.conversation.advanced.1", "reporting.accountability.intermediate.1"]
    assert p.criterion("readiness.conversation.advanced.2").consensus == "not_applicable"

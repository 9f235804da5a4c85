"""Comparing years and aggregating many assessments."""

from __future__ import annotations

import numpy as np
import pytest

import routemap


def test_compare_years_finds_the_documented_regressions(service, yearly):
    c = routemap.compare(service, yearly[0], yearly[1])
    assert (c.before_date, c.after_date) == ("2024-03-31", "2025-03-31")
    assert c.subject == yearly[0].subject
    assert c.model == "staged"
    regressed = [x.id for x in c.regressed()]
    assert "understanding.quantitative.fundamental.1" in regressed
    change = next(x for x in c.changes if x.id == "understanding.quantitative.fundamental.1")
    assert (change.before, change.after, change.kind) == ("met", "partial", "regressed")
    later = routemap.compare(service, yearly[1], yearly[2])
    assert "interventions.activities.intermediate.2" in [x.id for x in later.regressed()]
    before, after = yearly[0].statuses(), yearly[1].statuses()
    changed = [cid for cid, b, a in zip(service.criterion_ids, before, after) if a != b]
    assert [x.id for x in c.changes] == changed
    assert [x.id for x in c.newly_met()] == [x.id for x in c.changes if x.kind == "newly_met"]
    assert all(x.after == "met" and x.before != "met" for x in c.newly_met())


def test_compare_levels_match_scores(service, yearly):
    c = routemap.compare(service, yearly[0], yearly[2], model="continuous")
    s0 = routemap.score(service, yearly[0], model="continuous")
    s2 = routemap.score(service, yearly[2], model="continuous")
    assert c.overall.before_level == s0.overall.level and c.overall.after_level == s2.overall.level
    for change, b, a in zip(c.areas, s0.areas, s2.areas):
        assert change.id == b.id
        assert (change.before_score, change.after_score) == pytest.approx((b.score, a.score))
        assert change.delta == a.level - b.level
    frame = c.to_frame()
    assert list(frame.columns) == ["kind", "id", "name", "before_level", "after_level", "delta", "before_score",
                                   "after_score"]
    assert len(frame) == 1 + len(service.domains) + len(service.areas)
    domains = frame[frame.kind == "domain"]
    assert domains.id.tolist() == service.domain_ids
    assert domains.delta.tolist() == [d.delta for d in c.domains]
    assert domains.after_score.tolist() == pytest.approx([d.score for d in s2.domains])
    criteria = c.to_frame(by="criterion")
    assert list(criteria.columns) == ["criterion_id", "before", "after", "change"]
    assert criteria.change.tolist() == [x.kind for x in c.changes]
    assert repr(c).startswith("<Comparison newham-service '")


def test_compare_refuses_different_subjects(service, yearly):
    other = yearly[1].copy()
    other.subject = "Someone else"
    with pytest.raises(routemap.AssessmentError, match="different subjects"):
        routemap.compare(service, yearly[0], other)


def test_aggregate_many_services(service):
    rng = np.random.default_rng(3)
    codes = rng.choice([0, 1, 2, 3, 3, 3], size=(12, len(service.criteria))).astype(np.uint8)
    assessments = [routemap.Assessment.from_statuses(service, row, subject=f"service {i}") for i, row in enumerate(codes)]
    agg = routemap.aggregate(service, assessments, model="continuous")
    assert agg.subjects == [f"service {i}" for i in range(12)]
    assert agg.model == "continuous"
    batch = routemap.score_many(service, codes, model="continuous")
    for d_index, dist in enumerate(agg.domains):
        levels = batch.domain_levels[:, d_index]
        assert dist.count == 12
        assert dist.min_level == levels.min() and dist.max_level == levels.max()
        assert dist.median_level == pytest.approx(np.median(levels))
        assert dist.mean_score == pytest.approx(batch.domain_scores[:, d_index].mean())
        assert dist.level_counts == np.bincount(levels, minlength=len(agg.level_labels)).tolist()
    frame = agg.to_frame()
    assert list(frame.columns) == ["kind", "id", "name", "count", "min_level", "median_level", "max_level",
                                   "mean_score", "median_score"]
    assert frame.kind.tolist()[0] == "overall"
    assert frame[frame.kind == "area"].id.tolist() == service.area_ids
    assert frame[frame.kind == "area"].mean_score.tolist() == pytest.approx(batch.area_scores.mean(axis=0))
    levels = agg.to_frame(by="level")
    assert list(levels.columns) == ["kind", "id", "level", "label", "count"]
    assert levels[levels.kind == "overall"]["count"].sum() == 12
    assert levels.groupby("id")["count"].sum().max() == 12
    assert levels.label.iloc[0] == agg.level_labels[0]
    assert repr(agg).startswith("<Aggregate newham-service (continuous): 12 assessments, median level ")
    assert "0000" not in repr(agg)


def test_aggregate_validates(service, yearly):
    broken = yearly[0].copy()
    broken.framework = None
    broken.set("no.such.thing", "met")
    with pytest.raises(routemap.AssessmentError, match="no.such.thing"):
        routemap.aggregate(service, [yearly[1], broken])

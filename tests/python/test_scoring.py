"""Scoring with every registered model; ScoreResult.to_frame against the C++ result."""

from __future__ import annotations

import math

import pytest

import routemap

STATUS_COLUMNS = ["met", "partial", "not_met", "not_applicable", "unknown"]


def all_of(framework, status):
    return routemap.Assessment.from_statuses(framework, [status] * len(framework.criteria))


def test_models_available():
    assert {"staged", "continuous", "coverage", "eds-rating"} <= set(routemap.models())
    staged = routemap.registry().model("staged")
    assert staged.name == "staged" and staged.description
    assert routemap.registry().model("coverage").default_parameters == {"level_threshold": 1.0}


@pytest.mark.parametrize("model", ["staged", "continuous", "coverage", "eds-rating"])
def test_every_model_scores_the_example(service, service_2026, model):
    s = routemap.score(service, service_2026, model=model)
    assert s.model == model
    assert s.framework_id == "newham-service"
    assert s.framework == service
    assert [d.id for d in s.domains] == service.domain_ids
    assert [a.id for a in s.areas] == service.area_ids
    assert s.max_level == len(s.level_labels) - 1
    for node in [s.overall, *s.domains, *s.areas]:
        assert 0 <= node.level <= s.max_level
        assert node.label == s.level_labels[node.level]
        assert 0.0 <= node.score <= node.max_score + 1e-9
    assert sum(s.overall.counts.values()) == len(service.criteria)
    assert s.overall.counts == {"met": 28, "partial": 20, "not_met": 4, "not_applicable": 3, "unknown": 1}
    assert s.area(service.area_ids[0]).id == service.area_ids[0]
    assert s.domain("workforce").name == service.domain("workforce").name
    with pytest.raises(routemap.NotFoundError):
        s.area("nope")


def test_default_model_is_the_frameworks(service, service_2026):
    assert routemap.score(service, service_2026).model == service.default_model


def test_staged_semantics(service):
    assert routemap.score(service, all_of(service, "met")).overall.level == 3
    assert routemap.score(service, all_of(service, "unknown")).overall.level == 0
    a = routemap.Assessment(service)
    area = service.areas[0]
    for c in area.criteria:
        if c.tier_id == "fundamental":
            a.set(c.id, "met")
    s = routemap.score(service, a, model="staged")
    assert s.area(area.id).level == 1
    assert s.area(area.id).label == "Fundamental"
    assert s.areas[1].level == 0
    assert s.overall.level == 0  # the minimum of its domains


def test_continuous_and_coverage_scales(service):
    met = routemap.score(service, all_of(service, "met"), model="continuous")
    partial = routemap.score(service, all_of(service, "partial"), model="continuous")
    for node in met.areas:
        assert node.score == pytest.approx(node.max_score)
    for node in partial.areas:
        assert node.score == pytest.approx(node.max_score / 2)
    coverage = routemap.score(service, all_of(service, "met"), model="coverage")
    assert coverage.overall.score == pytest.approx(1.0)
    half = routemap.Assessment(service)
    for c in service.criteria[::2]:
        half.set(c.id, "met")
    expected = sum(c.weight for c in service.criteria[::2]) / sum(c.weight for c in service.criteria)
    assert routemap.score(service, half, model="coverage").overall.score == pytest.approx(expected)


def test_parameters(service, service_2026):
    strict = routemap.score(service, service_2026, model="coverage", parameters={"level_threshold": 1.0})
    lenient = routemap.score(service, service_2026, model="coverage", parameters={"level_threshold": 0.5})
    assert lenient.parameters == {"level_threshold": 0.5}
    assert lenient.overall.level >= strict.overall.level
    assert routemap.model_parameters(service, "coverage", {"level_threshold": 0.25}) == {"level_threshold": 0.25}


def test_score_statuses_equals_score(service, service_2026):
    for model in ("staged", "continuous"):
        a = routemap.score(service, service_2026, model=model)
        b = routemap.score_statuses(service, service_2026.statuses(), model=model)
        assert a.to_frame().equals(b.to_frame())


def test_to_frame_by_node_matches_the_result(service, service_2026):
    s = routemap.score(service, service_2026, model="continuous")
    frame = s.to_frame()
    assert list(frame.columns) == ["kind", "id", "name", "domain_id", "applicable", "level", "label", "score",
                                   "max_score", *STATUS_COLUMNS, "model"]
    assert len(frame) == 1 + len(service.domains) + len(service.areas)
    assert frame.kind.tolist() == ["overall"] + ["domain"] * len(service.domains) + ["area"] * len(service.areas)
    nodes = [s.overall, *s.domains, *s.areas]
    for (_, row), node in zip(frame.iterrows(), nodes):
        assert row.id == node.id
        assert row.level == node.level
        assert row.label == node.label
        assert row.score == pytest.approx(node.score)
        assert row.max_score == node.max_score
        assert bool(row.applicable) == node.applicable
        assert [row[c] for c in STATUS_COLUMNS] == [node.counts[c] for c in STATUS_COLUMNS]
    areas = frame[frame.kind == "area"]
    assert areas.domain_id.tolist() == [a.domain.id for a in service.areas]
    assert (frame.model == "continuous").all()


def test_to_frame_by_tier_matches_the_result(service, service_2026):
    s = routemap.score(service, service_2026, model="continuous")
    frame = s.to_frame(by="tier")
    assert list(frame.columns) == ["kind", "id", "domain_id", "tier", "tier_index", "tier_score", *STATUS_COLUMNS, "model"]
    assert len(frame) == (1 + len(service.domains) + len(service.areas)) * len(service.tiers)
    area = s.areas[2]
    rows = frame[(frame.kind == "area") & (frame.id == area.id)]
    assert rows.tier.tolist() == service.tier_ids
    for (_, row), tier_score, counts in zip(rows.iterrows(), area.tier_scores, area.counts_by_tier):
        assert (math.isnan(row.tier_score) and math.isnan(tier_score)) or row.tier_score == pytest.approx(tier_score)
        assert [row[c] for c in STATUS_COLUMNS] == [counts[c] for c in STATUS_COLUMNS]
    with pytest.raises(ValueError, match="by must be"):
        s.to_frame(by="year")


def test_repr_and_html(service, service_2026):
    s = routemap.score(service, service_2026, model="staged")
    assert repr(s).startswith(f"<ScoreResult newham-service (staged): level {s.overall.level} ({s.overall.label})")
    assert repr(s.areas[0]).startswith(f"<ScoreNode {s.areas[0].id} level {s.areas[0].level}")
    html = s._repr_html_()
    for node in s.domains:
        assert node.name in html.replace("&#x27;", "'")

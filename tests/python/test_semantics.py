"""One meaning for levels, not applicable, paths and changes (docs/scoring.md), in Python: blank
assessments, NaN and masks in score_many, <NA> in frames, checks when values are given, and a
property test of paths with hypothesis."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import routemap

REPO = Path(__file__).resolve().parents[2]
MODELS = ["staged", "continuous", "coverage", "eds-rating"]
BUNDLED = sorted(p.stem for p in (REPO / "frameworks").glob("*.toml"))


def frameworks():
    return [routemap.load(i) for i in BUNDLED] + [routemap.load_framework(REPO / "tests" / "data" / "mixed-tiers.toml")]


@pytest.mark.parametrize("model", MODELS)
def test_blank_is_level_zero_and_scores_zero_everywhere(model):
    for framework in frameworks():
        blank = routemap.Assessment(framework, "Nobody yet", "2026-01-01")
        result = routemap.score(framework, blank, model=model)
        for node in [result.overall, *result.domains, *result.areas]:
            assert node.applicable and node.level == 0 and node.score == 0, (framework.id, model, node)
        frame = result.to_frame()
        assert (frame.level == 0).all() and (frame.score == 0).all()
        batch = routemap.score_many(framework, np.zeros((3, len(framework.criteria)), dtype=np.uint8), model=model)
        for levels in (batch.area_levels, batch.domain_levels, batch.overall_levels):
            assert (levels == 0).all(), (framework.id, model)
        for scores in (batch.area_scores, batch.domain_scores, batch.overall_scores):
            assert (scores == 0).all(), (framework.id, model)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("threads", [1, 2])
def test_score_many_agrees_with_one_by_one_nan_included(model, threads):
    rng = np.random.default_rng(5)
    for framework in frameworks():
        n = len(framework.criteria)
        # Half the rows mostly not applicable, so that whole areas and domains are.
        codes = np.where(rng.random((3000, n)) < np.repeat([[0.9], [0.1]], 1500, axis=0), 4,
                         rng.integers(0, 4, (3000, n))).astype(np.uint8)
        batch = routemap.score_many(framework, codes, model=model, threads=threads)
        assert not batch.area_applicable.all()  # the test covers not-applicable nodes
        for r in range(0, 3000, 37):
            one = routemap.score_statuses(framework, codes[r].tolist(), model=model)
            for kind, nodes in (("area", one.areas), ("domain", one.domains), ("overall", [one.overall])):
                mask = getattr(batch, f"{kind}_applicable")[r]
                levels = getattr(batch, f"{kind}_levels")[r]
                scores = getattr(batch, f"{kind}_scores")[r]
                assert np.atleast_1d(mask).tolist() == [x.applicable for x in nodes]
                assert np.atleast_1d(levels).tolist() == [-1 if x.level is None else x.level for x in nodes]
                np.testing.assert_array_equal(np.atleast_1d(scores), [x.score for x in nodes])
                for x in nodes:
                    assert (x.level is None) == (not x.applicable) == math.isnan(x.score) or x.applicable


def test_not_applicable_is_never_a_number(service):
    a = routemap.Assessment(service, "Team", "2026-01-01")
    area = service.areas[0]
    for c in area.criteria:
        a.set(c.id, "not_applicable", reason="out_of_scope")
    result = routemap.score(service, a)
    node = result.area(area.id)
    assert node.level is None and math.isnan(node.score) and node.label == "Not applicable"
    frame = result.to_frame()
    row = frame[frame.id == area.id].iloc[0]
    assert row.level is pd_na() and math.isnan(row.score)
    assert str(frame.level.dtype) == "Int64"
    gap = routemap.gap(service, a, "advanced")
    assert gap.area(area.id).current_level is None
    assert gap.to_frame(by="area").current_level.isna().sum() == 1
    batch = routemap.score_many(service, np.array([a.status_codes(service)], dtype=np.uint8))
    long = batch.to_frame()
    assert long[long.id == area.id].level.isna().all()


def pd_na():
    import pandas as pd
    return pd.NA


def test_values_are_checked_when_given(service):
    with pytest.raises(routemap.AssessmentError, match="not a valid date in the form YYYY-MM-DD"):
        routemap.Assessment(service, "Team", "31/03/2026")
    a = routemap.Assessment(service, "Team", "2026-03-31")
    with pytest.raises(routemap.AssessmentError, match="not a valid date"):
        a.date = "2026-02-30"
    assert a.date == "2026-03-31"
    cid = service.criteria[0].id
    with pytest.raises(routemap.AssessmentError, match="is not_applicable but gives no reason"):
        a.set(cid, "not_applicable")
    with pytest.raises(routemap.AssessmentError, match="is not_applicable but gives no reason"):
        a[cid] = "not_applicable"
    with pytest.raises(routemap.AssessmentError, match="a reason is only for not_applicable"):
        a.set(cid, "met", reason="out_of_scope")
    assert a.status(cid) == "unknown"
    a.set(cid, "not_applicable", reason="owned_elsewhere")
    a.set(cid, "not_applicable", "the ICB runs it")  # keeps the reason already given
    assert a.record(cid).reason == "owned_elsewhere"
    a.validate()


def test_compare_counts_exclusions(service):
    before = routemap.Assessment(service, "Team", "2025-01-01")
    cid = service.criteria[0].id
    before.set(cid, "met")
    after = routemap.Assessment(service, "Team", "2026-01-01")
    after.set(cid, "not_applicable", reason="out_of_scope")
    c = routemap.compare(service, before, after)
    assert [x.kind for x in c.changes] == ["excluded"]
    assert c.summary["excluded"] == 1 and len(c.excluded()) == 1
    assert c.to_frame(by="criterion").change.tolist() == ["excluded"]


@st.composite
def framework_and_statuses(draw):
    """A random framework (cross-area requires only to earlier areas: acyclic) and statuses."""
    tiers = draw(st.integers(1, 4))
    lines = ['format_version = 1', '[framework]', 'id = "random"', 'name = "R"', 'version = "1"', 'level = "service"',
             'publisher = "t"', 'year = 2026', 'source = "t"']
    for t in range(tiers):
        lines += ['[[tiers]]', f'id = "t{t}"', f'name = "T{t}"']
    earlier = []
    for d in range(draw(st.integers(1, 3))):
        lines += ['[[domains]]', f'id = "d{d}"', 'name = "D"']
        for a in range(draw(st.integers(1, 3))):
            lines += ['[[domains.areas]]', f'id = "a{a}"', 'name = "A"']
            added = []
            for c in range(draw(st.integers(1, 5))):
                lines += ['[[domains.areas.criteria]]', f'id = "c{c}"', f'tier = "t{draw(st.integers(0, tiers - 1))}"',
                          'text = "x"', f'weight = {draw(st.integers(1, 3))}']
                if earlier and draw(st.booleans()):
                    lines.append(f'requires = ["{draw(st.sampled_from(earlier))}"]')
                added.append(f"d{d}.a{a}.c{c}")
            earlier += added
    framework = routemap.parse_framework("\n".join(lines) + "\n", "random.toml")
    statuses = draw(st.lists(st.integers(0, 4), min_size=len(framework.criteria), max_size=len(framework.criteria)))
    target = f"t{draw(st.integers(0, tiers - 1))}"
    return framework, statuses, target


@settings(max_examples=150, deadline=None)
@given(framework_and_statuses())
def test_path_never_lists_a_step_before_its_prerequisites_or_a_lower_phase(case):
    framework, statuses, target = case
    names = ["unknown", "not_met", "partial", "met", "not_applicable"]
    a = routemap.Assessment(framework, "s", "2026-01-01")
    for c, s in zip(framework.criteria, statuses):
        a.set(c.id, names[s], reason="not_relevant" if s == 4 else None)
    path = routemap.progression_path(routemap.gap(framework, a, target))
    position = {}
    last_phase = 1
    for i, step in enumerate(path.steps):
        assert step.phase >= last_phase
        last_phase = step.phase
        for w in step.waits_for:
            assert w in position, f"{step.id} listed before its prerequisite {w}"
            assert path.steps[position[w]].phase < step.phase
        assert step.phase == 1 + max((path.steps[position[w]].phase for w in step.waits_for), default=0)
        position[step.id] = i

"""Answer scales and implicit edges from Python (docs/python.md, docs/framework-authoring.md)."""

from __future__ import annotations

import numpy as np
import pytest

import routemap

from conftest import REPO

DATA = REPO / "tests" / "data"


@pytest.fixture(scope="module")
def graded() -> routemap.Framework:
    return routemap.load_framework(DATA / "graded-answers.toml")


def test_the_scale_is_visible(graded):
    assert graded.implicit_edges == "none"
    assert [a["id"] for a in graded.answers] == ["no", "some", "half", "most"]
    assert [a["code"] for a in graded.answers] == [5, 6, 7, 8]
    assert graded.answers[1] == {"id": "some", "name": "Yes, for some", "description": "", "credit": 0.25,
                                 "counts_as": "partial", "code": 6, "domain": None}
    assert routemap.load("newham-service").answers == []
    assert routemap.load("newham-service").implicit_edges == "previous-tier"


def test_the_worked_example_scores_as_its_arithmetic(graded):
    a = routemap.read_assessment(DATA / "graded-answers-assessment.toml", graded)
    assert a.records["build.design.b.1"].answer == "half"
    assert a.status("build.design.b.1") == "partial"
    result = routemap.score(graded, a)
    assert result.overall.score == 1.46875
    codes = a.status_codes()
    assert codes.dtype == np.uint8 and codes.max() == 8
    batch = routemap.score_many(graded, np.stack([codes, codes]), model="continuous")
    assert list(batch.overall_scores) == [1.46875, 1.46875]
    with pytest.raises(routemap.Error, match="invalid status code 9"):
        routemap.score_many(graded, np.full((1, len(graded.criteria)), 9, dtype=np.int64))


def test_set_answer(graded):
    a = routemap.Assessment(graded, subject="s", date="2026-01-01")
    a.set_answer("build.design.a.1", "most", evidence="minutes")
    assert a.status("build.design.a.1") == "met"
    assert a.records["build.design.a.1"].evidence == "minutes"
    with pytest.raises(routemap.AssessmentError, match="did you mean 'most'"):
        a.set_answer("build.design.a.1", "mots")

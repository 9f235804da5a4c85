"""routemap.Collection, crosswalks, projection and roll-up from Python, on the trust's folder of
service assessments over three years (examples/trust)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import routemap

from conftest import EXAMPLES

TRUST = EXAMPLES / "trust"


def test_collection_of_a_folder():
    c = routemap.Collection(TRUST)
    assert len(c) == 9 and len(c.subjects) == 3
    assert c.problems == []
    assert c.framework_ids == ["newham-service"]
    for subject in c.subjects:
        history = c.history(subject)
        assert [a.date for a in history] == ["2024-03-31", "2025-03-31", "2026-03-31"]
        assert all(a.subject == subject for a in history)
    assert {a.date for a in c.latest()} == {"2026-03-31"}
    with pytest.raises(routemap.NotFoundError):
        c.history("nobody")


def test_collection_frames():
    c = routemap.Collection([str(TRUST / "msk-*.toml"), TRUST / "community-diabetes-2026.toml"])
    frame = c.to_frame()
    assert list(frame.columns[:3]) == ["subject", "date", "framework"]
    assert len(frame) == 4
    assert pd.api.types.is_datetime64_any_dtype(frame["date"])
    assert (frame[["met", "partial", "not_met", "not_applicable", "unknown"]].sum(axis=1) > 0).all()
    trend = routemap.Collection(TRUST).trend(model="continuous")
    assert len(trend) == 9 and "workforce_level" in trend.columns
    for _, rows in trend.groupby("subject"):
        assert rows["score"].is_monotonic_increasing  # each example service improved every year
    msk = routemap.load("newham-service")
    alone = routemap.score(msk, routemap.read_assessment(TRUST / "msk-physiotherapy-2025.toml"), model="continuous")
    row = trend[(trend.subject.str.startswith("Musculoskeletal")) & (trend.date == "2025-03-31")].iloc[0]
    assert row["score"] == pytest.approx(alone.overall.score)


def test_collection_reports_conflicts(tmp_path):
    shutil.copy(TRUST / "msk-physiotherapy-2025.toml", tmp_path / "a.toml")
    text = (TRUST / "msk-physiotherapy-2025.toml").read_text()
    (tmp_path / "b.toml").write_text(text.replace('status = "met"', 'status = "not_met"', 1))
    (tmp_path / "c.json").write_text("{")
    c = routemap.Collection(tmp_path)
    assert len(c) == 0
    kinds = sorted(p.kind for p in c.problems)
    assert kinds == ["conflict", "unreadable"]
    conflict = next(p for p in c.problems if p.kind == "conflict")
    assert sorted(f.rsplit("/", 1)[-1] for f in conflict.files) == ["a.toml", "b.toml"]
    unreadable = next(p for p in c.problems if p.kind == "unreadable")
    assert unreadable.diagnostics and unreadable.diagnostics[0].line == 1


def test_mappings_and_rule_table():
    pairs = {(m.from_framework, m.to_framework) for m in routemap.mappings()}
    assert ("newham-service", "newham-organisation") in pairs
    assert ("newham-organisation", "larch-remi") in pairs
    m = routemap.load_mapping("larch-remi", "newham-organisation")
    assert m.from_framework == "larch-remi" and m.links
    assert routemap.check_mapping(m, routemap.load("larch-remi"), routemap.load("newham-organisation")) == []
    assert routemap.suggest_status("met", "intersects") == "partial"
    assert routemap.suggest_status("met", "equal") == "met"
    assert routemap.suggest_status("not_met", "intersects") is None
    with pytest.raises(routemap.FrameworkError) as info:
        routemap.parse_mapping('format_version = 1\n[mapping]\nname = "x"\nfrom = "a"\nto = "b"\n'
                               '[[links]]\nfrom = "x"\nto = "y"\nrelationship = "same"\nrationale = "r"\n', "m.toml")
    assert info.value.diagnostics[0].line == 9


def test_project_onto_larch():
    org = routemap.read_assessment(EXAMPLES / "newham-organisation-2026.toml")
    p = routemap.project(org, "larch-remi")
    assert p.to_framework == "larch-remi" and p.draft.framework_id == "larch-remi"
    assert all(c.review for c in p.criteria)
    for c in p.criteria:
        assert p.draft.records[c.id].note.startswith("REVIEW:")
        if c.status == "met":
            assert c.met_by_mapping and p.draft.records[c.id].evidence.startswith("MET BY MAPPING")
    frame = p.to_frame()
    assert {"criterion", "suggested", "review", "source", "relationship"} <= set(frame.columns)
    assert frame["review"].all()


def test_rollup_from_a_folder():
    r = routemap.rollup(TRUST, to="newham-organisation")
    assert r.rule == "weakest" and len(r.parts) == 3
    assert all(f.endswith("-2026.toml") for f in r.files)
    nodes = r.to_frame()
    assert {"kind", "id", "level", "held_down_by"} <= set(nodes.columns)
    assert len(nodes) == len(r.domains) + len(r.areas)
    crit = r.to_frame(by="criterion")
    assert len(crit) == len(r.criteria)
    median = routemap.rollup(routemap.Collection(TRUST), to="newham-organisation", rule="median")
    rank = {"met": 2, "partial": 1, "not_met": 0, "unknown": 0, "not_applicable": -1}
    assert all(rank[a.status] <= rank[b.status] for a, b in zip(r.criteria, median.criteria))
    assert "<html" in r.to_html()
    with pytest.raises(routemap.Error):
        routemap.rollup(TRUST, to="newham-organisation", rule="mean")


def test_migrate_to_a_new_framework_version():
    v2 = routemap.load_framework(EXAMPLES.parent / "tests" / "data" / "versions" / "frameworks" / "newham-service.toml")
    old = routemap.read_assessment(TRUST / "community-diabetes-2025.toml")
    m = routemap.migrate(old, v2)
    assert (m.from_version, m.to_version) == ("1.0.0", "2.0.0")
    assert [s.kind for s in m.log] == ["renamed", "split", "removed", "merged", "moved"]
    assert list(m.removed) == ["understanding.quantitative.fundamental.3"]
    assert m.removed["understanding.quantitative.fundamental.3"].status == old.records["understanding.quantitative.fundamental.3"].status
    assert m.migrated.framework_version == "2.0.0"
    routemap.score(v2, m.migrated)  # fits version 2
    assert "[removed." in m.to_toml()
    with pytest.raises(routemap.AssessmentError):
        routemap.score(v2, old)

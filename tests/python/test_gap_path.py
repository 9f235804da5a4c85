"""Targets, gap analysis and progression paths."""

from __future__ import annotations

import pytest

import routemap


def test_target_forms(organisation, examples):
    t = routemap.Target.load(examples / "target-intermediate.toml")
    assert t.tier == "intermediate"
    assert t.domains == {"workforce": "fundamental"}
    assert t.areas == {"understanding.analysis": "advanced", "accountability.accountability": "advanced"}
    assert t.check(organisation) == []
    assert t.level_for(organisation, "understanding.analysis") == 3
    assert t.level_for(organisation, organisation.domain("workforce").areas[0].id) == 1
    other = [a for a in organisation.areas if a.domain.id != "workforce" and a.id not in t.areas][0]
    assert t.level_for(organisation, other.id) == 2
    assert routemap.Target.uniform("advanced") == routemap.Target("advanced")
    assert routemap.Target.parse('tier = "fundamental"') == routemap.Target("fundamental")
    assert repr(t).startswith("<Target intermediate")


def test_gap_to_the_example_target(organisation, organisation_years, examples):
    target = routemap.Target.load(examples / "target-intermediate.toml")
    g = routemap.gap(organisation, organisation_years[1], target)
    assert g.framework_id == "newham-organisation"
    assert g.target == target
    assert len(g.areas) == len(organisation.areas)
    assert g.tier_ids == organisation.tier_ids
    assert len(g) == len(g.items) > 0
    statuses = dict(zip(organisation.criterion_ids, organisation_years[1].statuses()))
    for item in g.items:
        assert statuses[item.id] == item.status
        assert item.status not in ("met", "not_applicable")
        assert item.partial == (item.status == "partial")
        assert item.criterion.id == item.id
        assert item.area_id == item.criterion.area.id
    for area in g.areas:
        assert area.target_level == target.level_for(organisation, area.area_id)
        assert area.reached == (not area.to_close)
        assert all(organisation.criterion(c).area.id == area.area_id for c in area.to_close)
    assert g.total.to_close == len(g.items)
    assert sum(d.to_close for d in g.domains) == g.total.to_close
    assert g.done_share == pytest.approx(g.total.met / g.total.required)
    assert g.area("understanding.analysis").target_level == 3
    assert g.find_item("nope") is None
    assert g.find_item(g.items[0].id).id == g.items[0].id
    with pytest.raises(routemap.NotFoundError):
        g.area("nope")


def test_gap_target_forms_agree(service, service_2026):
    by_name = routemap.gap(service, service_2026, "intermediate")
    by_object = routemap.gap(service, service_2026, routemap.Target("intermediate"))
    assert [i.id for i in by_name.items] == [i.id for i in by_object.items]
    highest = routemap.gap(service, service_2026)
    assert [i.id for i in highest.items] == [i.id for i in routemap.gap(service, service_2026, "advanced").items]
    assert len(highest) >= len(by_name)
    done = routemap.gap(service, routemap.Assessment.from_statuses(service, ["met"] * len(service.criteria)))
    assert done.reached and len(done) == 0 and done.done_share == 1.0


def test_gap_frames(service, service_2026):
    g = routemap.gap(service, service_2026, "intermediate")
    items = g.to_frame()
    assert list(items.columns) == ["criterion_id", "domain_id", "area_id", "tier", "status", "partial", "prerequisite",
                                   "required_by", "owner", "due", "due_text", "overdue", "text"]
    assert items.criterion_id.tolist() == [i.id for i in g.items]
    assert items.status.tolist() == [i.status for i in g.items]
    assert items.prerequisite.tolist() == [i.prerequisite for i in g.items]
    assert items.required_by.tolist() == [";".join(i.required_by) for i in g.items]
    areas = g.to_frame(by="area")
    assert list(areas.columns) == ["area_id", "domain_id", "name", "applicable", "current_level", "target_level",
                                   "to_close", "prerequisites", "partial", "required", "met", "reached"]
    assert areas.to_close.tolist() == [len(a.to_close) for a in g.areas]
    assert areas.current_level.tolist() == [a.current_level for a in g.areas]
    domains = g.to_frame(by="domain")
    assert list(domains.columns) == ["kind", "id", "name", "to_close", "partial", "required", "met", "done_share",
                                     "to_close_fundamental", "to_close_intermediate", "to_close_advanced"]
    assert domains.kind.tolist()[-1] == "overall"
    assert domains.to_close.tolist() == [d.to_close for d in g.domains] + [g.total.to_close]
    assert domains.to_close_advanced.sum() == 0  # nothing above the target
    assert (domains.to_close_fundamental + domains.to_close_intermediate == domains.to_close).all()


def test_path_respects_dependencies(service, service_2026):
    g = routemap.gap(service, service_2026)
    p = g.path()
    assert len(p) == len(g.items)
    assert sorted(s.id for s in p.steps) == sorted(i.id for i in g.items)
    position = {s.id: n for n, s in enumerate(p.steps)}
    for step in p.steps:
        for prerequisite in step.criterion.prerequisites():
            if prerequisite in position:
                assert position[prerequisite] < position[step.id]
        for waited in step.waits_for:
            assert position[waited] < position[step.id]
            assert p.steps[position[waited]].phase < step.phase
        if not step.waits_for:
            assert step.phase == 1
    assert p.phase_count == max(s.phase for s in p.steps)
    assert [len(phase) for phase in p.phases] == [sum(1 for s in p.steps if s.phase == k) for k in range(1, p.phase_count + 1)]
    assert [s.id for s in p.next_steps()] == [s.id for s in p.steps if s.phase == 1]
    assert [s.id for s in p.next_steps(2)] == [s.id for s in p.steps if s.phase == 1][:2]
    assert [s.id for s in p] == [s.id for s in p.steps]
    same = routemap.path(service, service_2026)
    assert [s.id for s in same.steps] == [s.id for s in p.steps]
    assert [s.id for s in routemap.progression_path(g).steps] == [s.id for s in p.steps]


def test_path_frame_and_display(service, service_2026):
    p = routemap.path(service, service_2026, "intermediate")
    frame = p.to_frame()
    assert list(frame.columns) == ["order", "phase", "criterion_id", "domain_id", "area_id", "tier", "status",
                                   "waits_for", "owner", "due", "due_text", "overdue", "text"]
    assert frame.order.tolist() == list(range(1, len(p) + 1))
    assert frame.criterion_id.tolist() == [s.id for s in p.steps]
    assert frame.phase.tolist() == [s.phase for s in p.steps]
    assert frame.waits_for.tolist() == [";".join(s.waits_for) for s in p.steps]
    html = p._repr_html_()
    assert "phase" in html and p.steps[0].id in html
    assert repr(p) == f"<ProgressionPath newham-service: {len(p)} steps in {p.phase_count} phases>"
    g = routemap.gap(service, service_2026, "intermediate")
    assert "to close" in g._repr_html_()
    assert repr(g).startswith(f"<GapAnalysis newham-service: {len(g)} criteria to close")

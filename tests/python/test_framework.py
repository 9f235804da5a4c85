"""Frameworks: loading by id or path, walking domains / areas / criteria / actions, the graph."""

from __future__ import annotations

import gc

import pytest

import routemap
from conftest import REPO


def test_load_by_id_and_by_path_agree(service):
    by_path = routemap.load_framework(REPO / "frameworks" / "newham-service.toml")
    assert by_path.id == service.id == "newham-service"
    assert by_path.criterion_ids == service.criterion_ids
    via_load = routemap.load(str(REPO / "frameworks" / "newham-service.toml"))
    assert via_load.criterion_ids == service.criterion_ids
    assert routemap.registry().get("newham-service").criterion_ids == service.criterion_ids
    assert routemap.registry()["newham-service"] == service


def test_metadata(service):
    assert service.name.startswith("Newham Health Equity Route Map")
    assert service.version == "1.0.0"
    assert service.level == "service"
    assert service.year == 2022
    assert service.publisher == "Newham Council Public Health"
    assert service.format_version == 1
    assert service.default_model == "staged"
    assert service.tier_ids == ["fundamental", "intermediate", "advanced"]
    assert [t.level for t in service.tiers] == [1, 2, 3]
    assert "commitment" in service.metadata


def test_walk_is_consistent(service):
    seen = []
    for d_index, domain in enumerate(service.domains):
        assert domain.index == d_index
        assert domain.framework.id == service.id
        domain_criteria = []
        for area in domain.areas:
            assert area.domain == domain
            assert area.id.startswith(domain.id)
            tiers = [c.tier.index for c in area.criteria]
            assert tiers == sorted(tiers), "criteria of an area are stored lower tiers first"
            for criterion in area.criteria:
                assert criterion.area == area
                assert criterion.domain == domain
                assert criterion.id.startswith(area.id + ".")
                assert criterion.tier_id == service.tier_ids[criterion.tier.index]
                domain_criteria.append(criterion.id)
        assert [c.id for c in domain.criteria] == domain_criteria
        seen += domain_criteria
    assert seen == service.criterion_ids
    assert [c.index for c in service.criteria] == list(range(len(service.criteria)))
    assert sum(service.criteria_per_tier()) == len(service.criteria)


def test_actions_nest(service):
    readiness = service.domain("readiness")
    assert readiness.actions[0].text.startswith("Start the conversation")
    assert len(readiness.actions[0].children) == 2
    assert readiness.actions[0].children[0].text.startswith("Acknowledge conversations may be difficult")
    total = 0

    def count(actions):
        return sum(1 + count(a.children) for a in actions)

    for domain in service.domains:
        total += count(domain.actions)
    assert service.action_count() == total
    assert service.action_count(include_nested=False) == sum(len(d.actions) for d in service.domains)


def test_lookups(service):
    c = service.criteria[3]
    assert service.criterion(c.id) == c
    assert service.find_criterion(c.id) == c
    assert service.find_criterion("nope") is None
    assert service.area(c.area.id) == c.area
    assert service.domain(c.domain.id) == c.domain
    assert service.tier("advanced").level == 3
    assert c.id in service and c.area.id in service and "nope" not in service
    for getter in (service.criterion, service.area, service.domain, service.tier):
        with pytest.raises(routemap.NotFoundError):
            getter("nope")


def test_dependencies(service):
    # Implicit: an intermediate criterion depends on every fundamental criterion of its area.
    area = service.areas[0]
    fundamental = [c.id for c in area.criteria if c.tier_id == "fundamental"]
    intermediate = next(c for c in area.criteria if c.tier_id == "intermediate")
    assert set(fundamental) <= set(intermediate.prerequisites())
    assert set(intermediate.prerequisites()) <= set(intermediate.prerequisites(transitive=True))
    assert intermediate.id in service.criterion(fundamental[0]).dependents()
    edges = service.edges()
    assert all(kind in ("tier", "requires") for _, _, kind in edges)
    assert (intermediate.id, fundamental[0], "tier") in edges
    explicit = [c for c in service.criteria if c.requires]
    for c in explicit:
        for r in c.requires:
            assert (c.id, r, "requires") in edges
    order = service.topological_order()
    position = {cid: i for i, cid in enumerate(order)}
    assert sorted(order) == sorted(service.criterion_ids)
    for dependent, prerequisite, _ in edges:
        assert position[prerequisite] < position[dependent]


def test_parts_keep_the_framework_alive():
    criterion = routemap.load("newham-individual").criteria[0]
    domain = routemap.load("newham-individual").domains[-1]
    gc.collect()
    assert criterion.framework.id == "newham-individual"
    assert criterion.text
    assert domain.areas[0].criteria[0].domain == domain


def test_individual_framework_has_one_tier_and_implicit_areas():
    individual = routemap.load("newham-individual")
    assert len(individual.tiers) == 1
    assert all(area.implicit for area in individual.areas)
    assert all(area.id == area.domain.id for area in individual.areas)


def test_repr(service):
    assert repr(service).startswith("<Framework newham-service 1.0.0: ")
    assert "fundamental < intermediate < advanced" in repr(service)
    assert repr(service.domains[0]).startswith("<Domain readiness")
    assert repr(service.criteria[0]).startswith("<Criterion readiness.conversation.fundamental.1 [fundamental]")
    assert repr(service.tiers[0]) == "<Tier fundamental (level 1)>"


def test_to_frame(service):
    frame = service.to_frame()
    assert list(frame.columns) == ["criterion_id", "domain_id", "area_id", "tier", "level", "weight", "requires", "text"]
    assert len(frame) == len(service.criteria)
    row = frame.iloc[5]
    c = service.criteria[5]
    assert (row.criterion_id, row.domain_id, row.area_id, row.tier, row.level, row.text) == (
        c.id, c.domain.id, c.area.id, c.tier_id, c.tier.level, c.text)


def test_html(service):
    html = service._repr_html_()
    assert service.name in html.replace("&#x27;", "'")
    for domain in service.domains:
        assert domain.id in html


def test_registry_with_its_own_search_path(tmp_path, service):
    (tmp_path / "frameworks").mkdir()
    text = (REPO / "frameworks" / "newham-service.toml").read_text()
    (tmp_path / "frameworks" / "copy.toml").write_text(text)
    (tmp_path / "frameworks" / "again.toml").write_text(text)
    registry = routemap.Registry(search_path=[tmp_path], load_plugins=False)
    assert registry.ids() == ["newham-service"]
    assert len(registry) == 1 and "newham-service" in registry
    assert any("duplicate framework id 'newham-service'" in p.message for p in registry.problems)
    assert registry.models() == ["continuous", "coverage", "staged"]
    assert registry.plugins == []
    assert registry.search_path == [tmp_path]
    assert routemap.frameworks(registry)[0].origin.endswith("again.toml")
    assert registry.model("coverage").name == "coverage"
    assert registry.model("staged").description
    assert registry.add(routemap.load("newham-individual"), "test") is True
    assert registry.add(service, "test") is False
    assert "newham-individual" in registry

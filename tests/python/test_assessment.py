"""Assessments: create from a framework, set and read statuses and evidence, files in and out."""

from __future__ import annotations

import copy

import numpy as np
import pytest

import routemap


def test_blank_assessment_from_a_framework(service):
    a = routemap.Assessment(service, subject="Diabetes", date="2024-04-01", assessors=["A", "B"])
    assert a.framework_id == "newham-service"
    assert a.framework_version == service.version
    assert (a.subject, a.date, a.assessors) == ("Diabetes", "2024-04-01", ["A", "B"])
    assert len(a) == len(service.criteria)
    assert a.statuses() == ["unknown"] * len(service.criteria)
    assert a.framework == service
    assert a.check() == []


def test_set_and_read(service):
    a = routemap.Assessment(service)
    first, second, third = service.criterion_ids[:3]
    a.set(first, "met", "Workshops since January", owner="Lead", due="2024-12-01", note="n")
    a.set(second, routemap.Status.PARTIAL)
    a.set(third, "Not Met")  # any spelling parse_status accepts
    assert a.status(first) == "met"
    assert a[second] == "partial"
    assert a.status(third) == "not_met"
    assert a.evidence(first) == "Workshops since January"
    record = a.record(first)
    assert (record.status, record.owner, record.due, record.note, record.reason) == ("met", "Lead", "2024-12-01", "n", None)
    a.set(first, "partial")  # evidence kept unless replaced
    assert a.evidence(first) == "Workshops since January"
    a[first] = 3  # codes work too
    assert a[first] == "met"
    assert a.status(service.criterion_ids[4]) == "unknown"
    statuses = a.statuses()
    assert statuses[:3] == ["met", "partial", "not_met"]
    assert a.status_codes().tolist()[:4] == [3, 2, 1, 0]
    assert a.status_codes().dtype == np.uint8


def test_not_applicable_with_reason(service):
    a = routemap.Assessment(service)
    cid = service.criterion_ids[0]
    a.set(cid, "not_applicable", reason="owned_elsewhere")
    assert a.record(cid).reason == "owned_elsewhere"
    assert a.check() == []
    a.set(cid, "met")  # a reason only belongs to not_applicable
    assert a.record(cid).reason is None
    assert a.check() == []


def test_records_and_set_record(service):
    a = routemap.Assessment(service)
    cid = service.criterion_ids[1]
    a.set_record(cid, routemap.CriterionRecord("partial", evidence="Some", owner="X"))
    assert a.records[cid] == routemap.CriterionRecord("partial", evidence="Some", owner="X")
    assert a.records[cid].status == "partial"
    assert cid in a and "nope" not in a


def test_status_enum():
    assert routemap.Status.MET == "met"
    assert routemap.Status("not_applicable").code == 4
    assert routemap.STATUS_CODES["partial"] == 2
    assert routemap.STATUS_NAMES[1] == "not_met"


def test_read_example_files(service, service_2026, yearly):
    a = service_2026
    assert a.framework == service
    assert a.subject.startswith("Community Diabetes Service")
    assert a.date == "2026-03-31"
    assert len(a.assessors) == 3
    counts = {s: a.statuses().count(s) for s in ("met", "partial", "not_met", "not_applicable", "unknown")}
    assert counts == {"met": 28, "partial": 20, "not_met": 4, "not_applicable": 3, "unknown": 1}
    assert a.status("readiness.conversation.fundamental.1") == "met"
    assert a.evidence("readiness.conversation.fundamental.1").startswith("Monthly 'Equity Huddle'")
    reasons = {r.reason for r in a.records.values() if r.status == "not_applicable"}
    assert reasons == {"not_relevant", "out_of_scope", "owned_elsewhere"}
    assert [y.date for y in yearly] == ["2024-03-31", "2025-03-31", "2026-03-31"]
    assert a.file.endswith("newham-service-2026.toml")


@pytest.mark.parametrize("fmt", ["toml", "json", "csv"])
def test_write_and_read_back(tmp_path, service, service_2026, fmt):
    path = tmp_path / f"copy.{fmt}"
    service_2026.write(path)
    back = routemap.read_assessment(path, service)
    assert back == service_2026
    assert back.statuses() == service_2026.statuses()
    text = service_2026.to_string(fmt)
    again = routemap.parse_assessment(text, fmt, framework=service)
    assert again == service_2026
    routemap.write_assessment(tmp_path / "explicit.txt", service_2026, format=fmt)
    written = (tmp_path / "explicit.txt").read_text()
    assert routemap.parse_assessment(written, fmt, framework=service) == service_2026


def test_template_lists_every_criterion(service):
    text = routemap.assessment_template(service)
    for cid in service.criterion_ids:
        assert cid in text
    blank = routemap.parse_assessment(text, framework=service)
    assert set(blank.statuses()) == {"unknown"}
    csv = routemap.assessment_template(service, "csv")
    assert len(csv.strip().splitlines()) >= len(service.criteria) + 1


def test_copy_is_independent(service):
    a = routemap.Assessment(service, subject="A")
    b = a.copy()
    c = copy.deepcopy(a)
    b.set(service.criterion_ids[0], "met")
    c.subject = "C"
    assert a.status(service.criterion_ids[0]) == "unknown"
    assert a.subject == "A"
    assert a != b


def test_from_statuses_and_status_matrix(service):
    rng = np.random.default_rng(7)
    codes = rng.integers(0, 5, size=(4, len(service.criteria)), dtype=np.uint8)
    assessments = [routemap.Assessment.from_statuses(service, row, subject=f"s{i}") for i, row in enumerate(codes)]
    assert np.array_equal(routemap.status_matrix(service, assessments), codes)
    assert assessments[0].statuses() == [routemap.STATUS_NAMES[int(c)] for c in codes[0]]
    for a in assessments:
        assert a.check() == []
    with pytest.raises(ValueError, match="criteria"):
        routemap.Assessment.from_statuses(service, ["met"])


def test_detached_assessment(service):
    a = routemap.Assessment(subject="Loose")
    a.framework_id = service.id
    a.framework_version = service.version
    a.set("anything.goes", "met")  # no framework attached: ids are checked later
    assert a.status("anything.goes") == "met"
    assert [d.criterion_id for d in a.check(service)] == ["anything.goes"]
    a.framework = service
    with pytest.raises(routemap.NotFoundError):
        a.status("another.one")


def test_repr_and_html(service_2026):
    assert repr(service_2026) == (
        "<Assessment newham-service 1.0.0 subject='" + service_2026.subject + "' date='2026-03-31': "
        "28 met, 20 partial, 4 not_met, 3 not_applicable, 1 unknown of 56>"
    )
    html = service_2026._repr_html_()
    assert "2026-03-31" in html and "<table" in html
    frame = service_2026.to_frame()
    assert list(frame.columns) == ["framework_id", "subject", "date", "criterion_id", "domain_id", "area_id", "tier",
                                   "status", "evidence", "note", "owner", "due", "due_text", "reason"]
    assert frame.status.value_counts().to_dict() == {"met": 28, "partial": 20, "not_met": 4, "not_applicable": 3,
                                                     "unknown": 1}
    assert frame.criterion_id.tolist() == service_2026.framework.criterion_ids


def test_assessments_pickle_for_worker_processes(service):
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    a = routemap.Assessment(service, subject="Diabetes \"team\"", date="2024-04-01", assessors=["A"])
    a.set(service.criteria[0].id, "met", evidence="Minutes, 3 May\nitem 4")
    a.set(service.criteria[1].id, "not_applicable", reason="owned_elsewhere")
    b = pickle.loads(pickle.dumps(a))
    assert b == a
    assert b.framework == service
    assert b.statuses() == a.statuses()
    assert b.record(service.criteria[0].id).evidence == "Minutes, 3 May\nitem 4"
    # And through a real process pool, scoring in the workers.
    with ProcessPoolExecutor(max_workers=2) as pool:
        levels = list(pool.map(_overall_level, [a, b]))
    assert levels == [routemap.score(service, a).overall.level] * 2


def _overall_level(assessment):
    return routemap.score(assessment.framework, assessment).overall.level


def test_csv_export_neutralises_formulas_and_reads_them_back(service):
    """A spreadsheet runs a cell that starts with = + - @ TAB or CR: CSV cells get a leading
    apostrophe, and reading takes it off again (docs/limits.md)."""
    a = routemap.Assessment(service)
    first, second = service.criterion_ids[:2]
    a.set(first, "met", '=HYPERLINK("http://evil","click")', owner="@admin")
    a.set(second, "partial", "'=already quoted", note="-1")
    text = a.to_string("csv")
    assert "'=HYPERLINK" in text and ",'@admin," in text and "''=already quoted" in text
    assert ",-1," in text  # a plain number is no formula
    back = routemap.parse_assessment(text, "csv", framework=service)
    assert back == a

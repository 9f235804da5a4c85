"""routemap panel: three raters' files of one example service (examples/panel/). Expected statuses
come from the files themselves, read here with tomllib, independently of the C++ code."""

from __future__ import annotations

import csv
import io
import re
import tomllib

import pytest

from conftest import EXAMPLES, FORMATS

FILES = [EXAMPLES / "panel" / f"{name}.toml" for name in ("clinical-lead", "service-manager", "expert-by-experience")]
CODES = {"not_met": 1, "partial": 2, "met": 3}


def votes():
    """Per criterion id, each file's status (unknown when absent)."""
    data = [tomllib.loads(f.read_text())["criteria"] for f in FILES]
    ids = list(data[0])
    return {i: [d.get(i, {}).get("status", "unknown") for d in data] for i in ids}


def expected_disputed():
    return sorted(i for i, v in votes().items() if len({s for s in v if s != "unknown"}) > 1)


def test_text_lists_the_disputed_criteria_and_alpha(routemap):
    out = routemap.ok("panel", *FILES).stdout
    assert "Farida Begum" in out and "Rahima Khatun" in out
    assert "ordinal" in out and "95% interval" in out
    for criterion in expected_disputed():
        assert criterion in out
    assert f"Disputed criteria ({len(expected_disputed())})" in out


def test_json_consensus_and_alpha(routemap):
    data = routemap.ok("panel", *FILES, "-f", "json", "--resamples", "200").json()
    assert [c["id"] for c in data["criteria"] if c["disputed"]] == [i for i in votes() if i in expected_disputed()]
    by_id = {c["id"]: c for c in data["criteria"]}
    for criterion, v in votes().items():
        rated = sorted(CODES[s] for s in v if s in CODES)
        na = sum(s == "not_applicable" for s in v)
        if 2 * na > na + len(rated):
            assert by_id[criterion]["consensus"] == "not_applicable"
        elif rated:
            assert CODES[by_id[criterion]["consensus"]] == rated[(len(rated) - 1) // 2], criterion
    ordinal = data["agreement"]["ordinal"]
    assert ordinal["low"] <= ordinal["alpha"] <= ordinal["high"]
    assert ordinal["resamples"] == 200
    assert len(data["agreement"]["domains"]) == len(data["domains"])
    assert len(data["raters"]) == 3


def test_rules_differ(routemap):
    median = {c["id"]: c["consensus"] for c in routemap.ok("panel", *FILES, "-f", "json").json()["criteria"]}
    lowest = {c["id"]: c["consensus"] for c in routemap.ok("panel", *FILES, "-f", "json", "--rule", "lowest").json()["criteria"]}
    assert median["readiness.conversation.advanced.1"] == "partial"
    assert lowest["readiness.conversation.advanced.1"] == "not_met"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_lists_the_disputed(routemap, fmt):
    out = routemap.ok("panel", *FILES, "-f", fmt, "--resamples", "50").stdout
    assert "readiness.conversation.advanced.1" in out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        disputed = sorted(r["id"] for r in rows if r["kind"] == "criterion" and r["disputed"] == "true")
        assert disputed == expected_disputed()
        assert {r["kind"] for r in rows} == {"alpha_ordinal", "alpha_nominal", "level", "criterion"}


def test_consensus_file_keeps_who_said_what(routemap, tmp_path):
    out = tmp_path / "consensus.toml"
    routemap.ok("panel", *FILES, "-o", out, "--resamples", "0")
    consensus = tomllib.loads(out.read_text())
    record = consensus["criteria"]["readiness.conversation.advanced.1"]
    assert record["status"] == "partial"
    assert record["note"].splitlines()[0] == (
        "panel (median of 3 raters, disputed): Farida Begum (Clinical Lead, Community Diabetes Service) = partial; "
        "Daniel Mensah (Service Manager, Community Diabetes Service) = met; Rahima Khatun (expert by experience, "
        "patient reference group) = not_met")
    assert len(consensus["assessment"]["assessors"]) == 3
    # The consensus is an ordinary assessment: score and validate read it.
    routemap.ok("validate", out)
    routemap.ok("score", out)


def test_report_section(routemap, tmp_path):
    report = tmp_path / "panel.html"
    routemap.ok("panel", *FILES, "--report", report, "--resamples", "100")
    html = report.read_text()
    # An appendix of the report: "<h2>Appendix B: Where assessors disagree</h2>".
    assert re.search(r"<h2>(Appendix [A-Z]: )?Where assessors disagree</h2>", html)
    section = html[html.index('<section id="panel"'):]
    section = section[: section.index("</section>")]
    for criterion in expected_disputed():
        assert criterion in section
    assert "Krippendorff" in section and "Consensus" in section
    assert section.count("<li>Rahima Khatun") == len(expected_disputed())


def test_mismatches_are_refused(routemap, tmp_path):
    other = tmp_path / "other.toml"
    other.write_text(FILES[1].read_text().replace('date = "2026-03-31"', 'date = "2026-04-01"'))
    result = routemap.fails(2, "panel", FILES[0], other)
    assert "same date" in result.stderr
    result = routemap.fails(2, "panel", FILES[0])
    assert "at least two" in result.stderr
    result = routemap.fails(2, "panel", *FILES, "--rule", "mean")
    assert "median, lowest or majority" in result.stderr
    result = routemap.fails(2, "panel", FILES[0], FILES[0])
    assert "same rater" in result.stderr
    # -o never replaces an input.
    result = routemap.fails(2, "panel", *FILES, "-o", FILES[0])
    assert "input" in result.stderr


def test_docs_example_numbers(routemap):
    # docs/panels.md, "The example panel": the default seed and resamples give these numbers.
    data = routemap.ok("panel", *FILES, "-f", "json").json()
    ordinal, nominal = data["agreement"]["ordinal"], data["agreement"]["nominal"]
    assert [round(ordinal[k], 3) for k in ("alpha", "low", "high")] == [0.794, 0.657, 0.906]
    assert [round(nominal[k], 3) for k in ("alpha", "low", "high")] == [0.757, 0.615, 0.882]
    assert round(nominal["percent_agreement"], 3) == 0.865
    assert (data["overall"]["disputed"], data["overall"]["compared"], data["overall"]["spread_two"]) == (11, 55, 1)
    assert [r["label"] for r in data["raters"]] == ["Not yet", "Fundamental", "Not yet"]
    assert data["consensus"]["label"] == "Not yet"


def test_names_are_escaped_in_the_report_and_the_consensus_may_be_json(routemap, tmp_path):
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(FILES[2].read_text().replace(
        'assessors = ["Rahima Khatun (expert by experience, patient reference group)"]',
        'assessors = ["<script>alert(1)</script>"]'))
    consensus_json = tmp_path / "consensus.json"
    routemap.ok("panel", FILES[0], FILES[1], hostile, "-o", consensus_json, "--report", tmp_path / "r.html", "--resamples", "0")
    routemap.ok("validate", consensus_json)
    html = (tmp_path / "r.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_panel_file_holds_several_raters(routemap):
    # tests/data/panel.toml: three raters' statuses per criterion in one file.
    panel_file = EXAMPLES.parent / "tests" / "data" / "panel.toml"
    data = routemap.ok("panel", panel_file, "-f", "json", "--resamples", "0").json()
    assert [r["name"] for r in data["raters"]] == ["Clinical lead", "Service manager", "Expert by experience"]
    by_id = {c["id"]: c for c in data["criteria"]}
    assert by_id["readiness.conversation.advanced.1"]["votes"] == {
        "Clinical lead": "partial", "Service manager": "met", "Expert by experience": "not_met"}
    assert by_id["readiness.conversation.advanced.2"]["consensus"] == "not_applicable"
    assert [c["id"] for c in data["criteria"] if c["disputed"]] == [
        "readiness.conversation.advanced.1", "reporting.accountability.intermediate.1"]


def test_a_broken_panel_file_is_reported_with_its_line(routemap, tmp_path):
    bad = tmp_path / "bad-panel.toml"
    bad.write_text('format_version = 1\n[panel]\nframework = "newham-service"\nframework_version = "1.0.0"\n'
                   'raters = ["A", "B"]\n[criteria."readiness.conversation.advanced.1"]\nstatuses = ["met"]\n')
    result = routemap.fails(2, "panel", bad)
    assert "bad-panel.toml:7:" in result.stderr and "one entry per rater" in result.stderr

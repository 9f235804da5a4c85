"""The self-assessment form reading files in a real browser: TOML written by hand, broken files,
files of another framework, control characters, impossible dates. See form_browser.py."""

from __future__ import annotations

import json
import tomllib

import pytest

from conftest import EXAMPLES
from form_browser import browser, make_form  # noqa: F401  (browser is a fixture)


def test_control_characters_survive_loading_and_saving(routemap, browser, tmp_path):
    fw = tomllib.loads((EXAMPLES.parent / "frameworks" / "newham-individual.toml").read_text())
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    first = list(browser.criterion_index())[0]
    text = "bell\u0007 tab\t cr\r lf\n del\u007f sep\u2028\u2029 nul-free \\u0041 \U0001F600 end"
    document = {"format_version": 1,
                "assessment": {"framework": "newham-individual", "framework_version": fw["framework"]["version"],
                               "subject": "Control\u0001 characters", "date": "2026-01-02", "assessors": [], "notes": text},
                "criteria": {first: {"status": "partial", "evidence": text, "owner": "O\u001fwner"}}}
    source = tmp_path / "control.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Loaded control.json")
    saved = browser.save()
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    assert data["assessment"]["subject"] == "Control\u0001 characters"
    assert data["assessment"]["notes"] == text
    assert data["criteria"][first] == {"status": "partial", "evidence": text, "owner": "O\u001fwner"}
    assert routemap("validate", saved).returncode == 0


def test_loading_a_file_of_another_framework_is_refused(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, "newham-service")
    browser.open(page)
    browser.load_file(EXAMPLES / "newham-organisation-2026.toml")
    assert browser.by_id("rm-status").text.startswith("Nothing was loaded")
    assert "newham-organisation" in browser.by_id("rm-errors").text
    assert browser.by_id("rm-progress").text.startswith("0 of ")


def test_an_impossible_date_is_refused(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.fill_about(subject="Dates", day="30", month="2", year="2026")
    browser.into_view(browser.by_id("rm-save-toml")).click()
    links = browser.css("#rm-errors-list a")
    assert [link.get_attribute("href").split("#")[1] for link in links] == ["rm-date-day"]
    assert "real date" in browser.by_id("rm-date-error").text
    browser.type_into("rm-date-day", "28")
    assert not browser.by_id("rm-errors").is_displayed()
    assert tomllib.loads(browser.save().read_text(encoding="utf-8"))["assessment"]["date"] == "2026-02-28"


def hand_written(fw_version: str, ids: list[str]) -> str:
    """An assessment written by hand, with the TOML that people write and routemap reads: CRLF line
    ends, comments after values, a date value, literal and multi-line strings, a literal key, and
    statuses and reasons spelt loosely."""
    return "\r\n".join([
        "# hand-written",
        "format_version = 1   # the file format",
        "",
        "[assessment]",
        'framework = "newham-individual"',
        f"framework_version = '{fw_version}'",
        "subject = '''Literal \\ \"subject\"'''",
        "date = 2026-03-31",
        'assessors = [ "Ann",   # first',
        "  'Bo',",
        "]",
        '[criteria."' + ids[0] + '"]',
        'status = "Met"',
        'evidence = """',
        'First line',
        'Second \\',
        '    joined"""',
        "[criteria.'" + ids[1] + "']",
        'status = "not-met"',
        "note = '''two",
        "lines'''",
        '[criteria."' + ids[2] + '"]',
        'status = "N/A"',
        'reason = "Out of scope"',
        'reason_text = "\\u00e9t\\U0001F600"',
        "",
    ])


def test_loading_hand_written_toml(routemap, frameworks, browser, tmp_path):
    fw = frameworks["newham-individual"]
    source = tmp_path / "by-hand.toml"
    source.write_bytes(hand_written(fw.version, fw.ids()).encode("utf-8"))
    assert routemap("validate", source).returncode == 0  # routemap reads it
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Loaded by-hand.toml"), browser.by_id("rm-errors").text
    saved = tomllib.loads(browser.save().read_text(encoding="utf-8"))
    expected = tomllib.loads(source.read_text(encoding="utf-8"))
    assert saved["assessment"] == {**expected["assessment"], "date": "2026-03-31", "notes": ""}
    first, second, third = fw.ids()[:3]
    assert saved["criteria"][first] == {"status": "met", "evidence": "First line\nSecond joined"}
    assert saved["criteria"][second] == {"status": "not_met", "evidence": "", "note": "two\nlines"}
    assert saved["criteria"][third] == {"status": "not_applicable", "evidence": "", "reason": "out_of_scope",
                                        "reason_text": "\u00e9t\U0001F600"}


@pytest.mark.parametrize("good, bad, problem", [
    ('status = "Met"', 'status = met', "line 13"),  # a bare word is not a TOML value
    ('status = "Met"', '[[criteria]]', "arrays of tables"),
    ('status = "Met"', 'status = "mett"', "unknown status 'mett'"),
    ('status = "Met"', 'colour = "red"', "Unknown key 'colour'"),
    ('status = "Met"', 'status = "met"\r\nreason = "not_relevant"', "a reason is given"),  # on one that applies
    ('status = "N/A"', 'status = "N/A"\r\nstatus = "met"', "given twice"),
    ("date = 2026-03-31", "date = 2026-02-30", "not a real date"),
    ('framework = "newham-individual"', 'framework = "newham-service"', "this form is for 'newham-individual'"),
])
def test_loading_a_broken_file_is_refused_with_the_problem(routemap, frameworks, browser, tmp_path, good, bad, problem):
    fw = frameworks["newham-individual"]
    text = hand_written(fw.version, fw.ids())
    assert good in text
    source = tmp_path / "broken.toml"
    source.write_text(text.replace(good, bad, 1), encoding="utf-8")
    page = make_form(routemap, tmp_path, "newham-individual")
    browser.open(page)
    browser.load_file(source)
    assert browser.by_id("rm-status").text.startswith("Nothing was loaded")
    assert problem in browser.by_id("rm-errors").text
    assert browser.by_id("rm-progress").text.startswith("0 of ")

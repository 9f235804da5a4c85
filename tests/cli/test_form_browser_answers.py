"""The self-assessment form for a framework with an answer scale (docs/framework-authoring.md): it
offers the scale's answers, previews levels by their meaning as the engine does, saves `answer = ...`
records the engine reads back, and shows an answered assessment it is given."""

from __future__ import annotations

import tomllib

from conftest import REPO
from form_browser import browser, make_form  # noqa: F401  (browser is a fixture)

GRADED = REPO / "tests" / "data" / "graded-answers.toml"
GRADED_ASSESSMENT = REPO / "tests" / "data" / "graded-answers-assessment.toml"


def scale():
    return [a["id"] for a in tomllib.loads(GRADED.read_text(encoding="utf-8"))["answers"]]


def example_answers():
    return {cid: r["answer"] for cid, r in tomllib.loads(GRADED_ASSESSMENT.read_text(encoding="utf-8"))["criteria"].items()}


def test_the_form_offers_the_scale_and_saves_answers(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, GRADED)
    browser.open(page)
    index = browser.criterion_index()
    answers = example_answers()
    ids = scale()
    # Each criterion offers the scale's answers by name, then not applicable and unknown.
    labels = browser.driver.execute_script(
        "return Array.from(document.querySelectorAll('#c0 fieldset.radios label')).map(l => l.textContent)")
    assert labels == ["No", "Yes, for some", "Yes, for at least half", "Yes, for most or all", "Not applicable", "Unknown"]
    for cid, answer in answers.items():
        browser.click_label(f"c{index[cid]}-answer-{ids.index(answer)}")
    assert browser.by_id("rm-progress").text == f"{len(answers)} of {len(index)} criteria answered"

    # The preview takes each answer's meaning, as the engine's staged model does.
    engine = routemap.ok("score", GRADED_ASSESSMENT, "--framework", GRADED, "--model", "staged", "-f", "json").json()
    preview = browser.preview()
    for area in engine["areas"]:
        assert preview["areas"][area["id"]] == str(area["level"]), area["id"]

    saved = browser.save()
    data = tomllib.loads(saved.read_text(encoding="utf-8"))
    for cid in index:
        expected = {"answer": answers[cid], "evidence": ""} if cid in answers else {"status": "unknown", "evidence": ""}
        assert data["criteria"][cid] == expected, cid
    # The form writes what routemap's own writer writes: the scale in the comments at the top.
    head = saved.read_text(encoding="utf-8").split("format_version")[0]
    assert "# Instead of a status, a criterion may be given an answer" in head
    assert head == routemap.ok("template", GRADED).stdout.split("format_version")[0]
    routemap.ok("validate", saved, "--framework", GRADED)
    scored = routemap.ok("score", saved, "--framework", GRADED, "-f", "json").json()
    assert scored["overall"]["score"] == 1.46875


def test_a_form_from_an_answered_assessment_shows_its_answers(routemap, browser, tmp_path):
    page = make_form(routemap, tmp_path, "--from", GRADED_ASSESSMENT, "--framework", GRADED)
    browser.open(page)
    shown = browser.shown_answers()
    for cid, answer in example_answers().items():
        assert shown[cid]["status"] == f"answer:{answer}", cid
    assert shown["run.monitoring.b.1"]["status"] == "unknown"
